
use builtin;
use str;

set edit:completion:arg-completer[obo] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'obo'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'obo'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keygen 'Make a new Ed25519 key in the keystore and print its key id'
            cand key 'List, export and import keys'
            cand principal 'Record the people agents act for, and their approved scope'
            cand trust 'Choose which issuer keys this verifier accepts'
            cand delegate 'Issue hop 0: a principal delegates to an agent'
            cand attenuate 'Add a narrower hop for a sub-agent, signed by the current holder'
            cand present 'Make a short-lived proof that the holder has the last hop''s key'
            cand inspect 'Decode a token without verifying anything'
            cand verify 'Verify a whole chain for an audience and print who acts for whom'
            cand revoke 'Revoke a hop (and every chain through it), a key, or a person''s delegations'
            cand revocations 'List the home''s revocations, or carry them between homes as signed lists'
            cand demo 'Run the whole flow in a temporary home and show each step'
            cand audit 'Record requests in a tamper-evident log; show, trace and check it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;keygen'= {
            cand --display-name 'Name shown to people, such as "Agent 1"'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --force 'Replace an existing key of that name'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;key'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the keys in the keystore'
            cand export 'Print public keys (never a private part)'
            cand import 'Store someone else''s public JWK under a name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;key;list'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;key;export'= {
            cand --format 'Output form'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;key;import'= {
            cand --name 'Name to store it under'
            cand --display-name 'Name shown to people'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --force 'Replace an existing key of that name'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;key;help'= {
            cand list 'List the keys in the keystore'
            cand export 'Print public keys (never a private part)'
            cand import 'Store someone else''s public JWK under a name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;key;help;list'= {
        }
        &'obo;key;help;export'= {
        }
        &'obo;key;help;import'= {
        }
        &'obo;key;help;help'= {
        }
        &'obo;principal'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Record a person and the scopes they approve'
            cand list 'List the people on record'
            cand remove 'Remove a person'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;principal;add'= {
            cand --allow 'Scopes the person approves'
            cand --display-name 'Name shown to people, such as "Alice"'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --force 'Replace an existing record'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;principal;list'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;principal;remove'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;principal;help'= {
            cand add 'Record a person and the scopes they approve'
            cand list 'List the people on record'
            cand remove 'Remove a person'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;principal;help;add'= {
        }
        &'obo;principal;help;list'= {
        }
        &'obo;principal;help;remove'= {
        }
        &'obo;principal;help;help'= {
        }
        &'obo;trust'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Trust an issuer key from the keystore, or a JWK or JWKS file'
            cand list 'List trusted issuers'
            cand remove 'Stop trusting an issuer, by name or key id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;trust;add'= {
            cand --principals 'Principals this issuer may speak for; ''*'' matches any run of characters'
            cand --max-scope 'The widest scopes this issuer may grant [default: no limit]'
            cand --name 'Name for the entry [default: the key''s name]'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --force 'Replace an entry for the same key'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;trust;list'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;trust;remove'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;trust;help'= {
            cand add 'Trust an issuer key from the keystore, or a JWK or JWKS file'
            cand list 'List trusted issuers'
            cand remove 'Stop trusting an issuer, by name or key id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;trust;help;add'= {
        }
        &'obo;trust;help;list'= {
        }
        &'obo;trust;help;remove'= {
        }
        &'obo;trust;help;help'= {
        }
        &'obo;delegate'= {
            cand --issuer 'The identity system''s signing key (keystore name)'
            cand --principal 'The person delegating, as recorded with ''obo principal add'''
            cand --agent 'The agent''s public key: keystore name or JWK file'
            cand --scope 'Scopes granted; each must lie inside the principal''s approved scope'
            cand --audience 'Services the token may be used at'
            cand --ttl 'Lifetime'
            cand --max-depth 'How many further hops may follow'
            cand --task 'What the principal asked for'
            cand --agent-id 'The agent''s identifier in the token [default: the key''s name]'
            cand -o 'Write the result to FILE (mode 0600) instead of stdout'
            cand --output 'Write the result to FILE (mode 0600) instead of stdout'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --force 'Replace FILE if it already exists'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;attenuate'= {
            cand --as 'The current holder''s key: the one the last hop binds (keystore name)'
            cand --agent 'The sub-agent''s public key: keystore name or JWK file'
            cand --scope 'Scopes granted; each must be covered by the last hop''s'
            cand --audience 'Audiences, a subset of the last hop''s [default: the last hop''s]'
            cand --ttl 'Lifetime, ending no later than the last hop [default: until the last hop expires]'
            cand --max-depth 'How many further hops may follow [default: one less than the last hop]'
            cand --task 'What the sub-agent is to do [default: the last hop''s task]'
            cand --agent-id 'The sub-agent''s identifier in the token [default: the key''s name]'
            cand -o 'Write the result to FILE (mode 0600) instead of stdout'
            cand --output 'Write the result to FILE (mode 0600) instead of stdout'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --force 'Replace FILE if it already exists'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;present'= {
            cand --as 'The holder''s key: the one the last hop binds (keystore name)'
            cand --audience 'The service the proof is for'
            cand --action 'What the holder is about to do, for the service''s log'
            cand --ttl 'Lifetime of the proof, at most 5m'
            cand -o 'Write the result to FILE (mode 0600) instead of stdout'
            cand --output 'Write the result to FILE (mode 0600) instead of stdout'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --force 'Replace FILE if it already exists'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;inspect'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;verify'= {
            cand --audience 'The service verifying; must be one of the last hop''s audiences'
            cand --proof 'A proof of possession from ''obo present'''
            cand --require 'Scopes the last hop must cover'
            cand --trust 'Also trust the issuer keys in these JWK or JWKS files'
            cand --leeway 'Clock leeway, at most 5m'
            cand --revocations 'Also refuse what these signed revocation lists revoke (the home''s are always checked)'
            cand --at 'Verify as at this time [default: now]'
            cand --replay-cache 'Accept each proof once: remember its id in FILE for its lifetime (implies --require-proof)'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --require-proof 'Fail when no proof is given'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;revoke'= {
            cand --hop 'Which hop of TOKEN, counted from 0 [default: the last]'
            cand --key 'Revoke every hop signed by or bound to this key: a key id, keystore name or JWK file'
            cand --principal 'Revoke every delegation made for this person (see --before)'
            cand --before 'With --principal: the delegations whose hop 0 was issued at or before TIME [default: now]'
            cand --reason 'Why, shown to whoever meets the refusal'
            cand --by 'Who is revoking [default: the USER environment variable]'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;revocations'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the revocations in the home'
            cand export 'Write the home''s revocations as a signed, dated list for services to load'
            cand import 'Merge a signed list into the home; its signer must be a trusted issuer key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;revocations;list'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;revocations;export'= {
            cand --signing-key 'The key that signs the list (keystore name); verifiers must trust it as an issuer'
            cand -o 'Where to write the list'
            cand --output 'Where to write the list'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --force 'Replace FILE if it already exists'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;revocations;import'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;revocations;help'= {
            cand list 'List the revocations in the home'
            cand export 'Write the home''s revocations as a signed, dated list for services to load'
            cand import 'Merge a signed list into the home; its signer must be a trusted issuer key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;revocations;help;list'= {
        }
        &'obo;revocations;help;export'= {
        }
        &'obo;revocations;help;import'= {
        }
        &'obo;revocations;help;help'= {
        }
        &'obo;demo'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;audit'= {
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand record 'Check a request''s token and proof as ''obo verify'' does, and append the outcome to a log'
            cand show 'Show log entries: time, who acted for whom, action, resource, outcome'
            cand trace 'Show everything done on behalf of one person, grouped by delegation chain'
            cand verify 'Check that no entry was edited, deleted, inserted, reordered or cut off'
            cand repair 'Cut off a torn last line left by a crash, after checking every line before it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;audit;record'= {
            cand --log 'The audit log to append to; created with mode 0600 if missing'
            cand --proof 'The proof of possession presented with the request, from ''obo present'''
            cand --audience 'The service receiving the request; must be one of the last hop''s audiences'
            cand --action 'What the request does, as the service describes it'
            cand --resource 'What the request acts on, as the service names it'
            cand --signing-key 'Sign the entry with this key of the logging service (keystore name)'
            cand --require 'Scopes the last hop must cover'
            cand --trust 'Also trust the issuer keys in these JWK or JWKS files'
            cand --leeway 'Clock leeway, at most 5m'
            cand --revocations 'Also refuse what these signed revocation lists revoke (the home''s are always checked)'
            cand --replay-cache 'Where spent proofs are remembered, so each is accepted once [default: the log''s path with .replay added]'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;audit;show'= {
            cand --principal 'Only requests made on behalf of this principal (user ID)'
            cand --actor 'Only requests whose actor chain includes this actor (ID or key id)'
            cand --since 'Only requests checked at or after this time'
            cand --until 'Only requests checked at or before this time'
            cand --outcome 'Only allowed or only denied requests'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --wide 'Also show line numbers, user IDs, actor key ids, tasks and reasons'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;audit;trace'= {
            cand --principal 'The person to trace (user ID)'
            cand --since 'Only requests checked at or after this time'
            cand --until 'Only requests checked at or before this time'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;audit;verify'= {
            cand --key 'Require every entry to be signed by this logging-service key: keystore name or JWK file'
            cand --anchor 'A head printed by an earlier ''obo audit verify''; the log must still hold that entry unchanged'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;audit;repair'= {
            cand --key 'Check the logging service''s signatures with this key first: keystore name or JWK file'
            cand --home 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obo;audit;help'= {
            cand record 'Check a request''s token and proof as ''obo verify'' does, and append the outcome to a log'
            cand show 'Show log entries: time, who acted for whom, action, resource, outcome'
            cand trace 'Show everything done on behalf of one person, grouped by delegation chain'
            cand verify 'Check that no entry was edited, deleted, inserted, reordered or cut off'
            cand repair 'Cut off a torn last line left by a crash, after checking every line before it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;audit;help;record'= {
        }
        &'obo;audit;help;show'= {
        }
        &'obo;audit;help;trace'= {
        }
        &'obo;audit;help;verify'= {
        }
        &'obo;audit;help;repair'= {
        }
        &'obo;audit;help;help'= {
        }
        &'obo;help'= {
            cand keygen 'Make a new Ed25519 key in the keystore and print its key id'
            cand key 'List, export and import keys'
            cand principal 'Record the people agents act for, and their approved scope'
            cand trust 'Choose which issuer keys this verifier accepts'
            cand delegate 'Issue hop 0: a principal delegates to an agent'
            cand attenuate 'Add a narrower hop for a sub-agent, signed by the current holder'
            cand present 'Make a short-lived proof that the holder has the last hop''s key'
            cand inspect 'Decode a token without verifying anything'
            cand verify 'Verify a whole chain for an audience and print who acts for whom'
            cand revoke 'Revoke a hop (and every chain through it), a key, or a person''s delegations'
            cand revocations 'List the home''s revocations, or carry them between homes as signed lists'
            cand demo 'Run the whole flow in a temporary home and show each step'
            cand audit 'Record requests in a tamper-evident log; show, trace and check it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obo;help;keygen'= {
        }
        &'obo;help;key'= {
            cand list 'List the keys in the keystore'
            cand export 'Print public keys (never a private part)'
            cand import 'Store someone else''s public JWK under a name'
        }
        &'obo;help;key;list'= {
        }
        &'obo;help;key;export'= {
        }
        &'obo;help;key;import'= {
        }
        &'obo;help;principal'= {
            cand add 'Record a person and the scopes they approve'
            cand list 'List the people on record'
            cand remove 'Remove a person'
        }
        &'obo;help;principal;add'= {
        }
        &'obo;help;principal;list'= {
        }
        &'obo;help;principal;remove'= {
        }
        &'obo;help;trust'= {
            cand add 'Trust an issuer key from the keystore, or a JWK or JWKS file'
            cand list 'List trusted issuers'
            cand remove 'Stop trusting an issuer, by name or key id'
        }
        &'obo;help;trust;add'= {
        }
        &'obo;help;trust;list'= {
        }
        &'obo;help;trust;remove'= {
        }
        &'obo;help;delegate'= {
        }
        &'obo;help;attenuate'= {
        }
        &'obo;help;present'= {
        }
        &'obo;help;inspect'= {
        }
        &'obo;help;verify'= {
        }
        &'obo;help;revoke'= {
        }
        &'obo;help;revocations'= {
            cand list 'List the revocations in the home'
            cand export 'Write the home''s revocations as a signed, dated list for services to load'
            cand import 'Merge a signed list into the home; its signer must be a trusted issuer key'
        }
        &'obo;help;revocations;list'= {
        }
        &'obo;help;revocations;export'= {
        }
        &'obo;help;revocations;import'= {
        }
        &'obo;help;demo'= {
        }
        &'obo;help;audit'= {
            cand record 'Check a request''s token and proof as ''obo verify'' does, and append the outcome to a log'
            cand show 'Show log entries: time, who acted for whom, action, resource, outcome'
            cand trace 'Show everything done on behalf of one person, grouped by delegation chain'
            cand verify 'Check that no entry was edited, deleted, inserted, reordered or cut off'
            cand repair 'Cut off a torn last line left by a crash, after checking every line before it'
        }
        &'obo;help;audit;record'= {
        }
        &'obo;help;audit;show'= {
        }
        &'obo;help;audit;trace'= {
        }
        &'obo;help;audit;verify'= {
        }
        &'obo;help;audit;repair'= {
        }
        &'obo;help;help'= {
        }
    ]
    $completions[$command]
}
