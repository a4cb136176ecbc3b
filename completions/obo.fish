# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_obo_global_optspecs
    string join \n home= json color= h/help V/version
end

function __fish_obo_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_obo_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_obo_using_subcommand
    set -l cmd (__fish_obo_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c obo -n "__fish_obo_needs_command" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_needs_command" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_needs_command" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_needs_command" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_needs_command" -f -a "keygen" -d 'Make a new Ed25519 key in the keystore and print its key id'
complete -c obo -n "__fish_obo_needs_command" -f -a "key" -d 'List, export and import keys'
complete -c obo -n "__fish_obo_needs_command" -f -a "principal" -d 'Record the people agents act for, and their approved scope'
complete -c obo -n "__fish_obo_needs_command" -f -a "trust" -d 'Choose which issuer keys this verifier accepts'
complete -c obo -n "__fish_obo_needs_command" -f -a "delegate" -d 'Issue hop 0: a principal delegates to an agent'
complete -c obo -n "__fish_obo_needs_command" -f -a "attenuate" -d 'Add a narrower hop for a sub-agent, signed by the current holder'
complete -c obo -n "__fish_obo_needs_command" -f -a "present" -d 'Make a short-lived proof that the holder has the last hop\'s key'
complete -c obo -n "__fish_obo_needs_command" -f -a "inspect" -d 'Decode a token without verifying anything'
complete -c obo -n "__fish_obo_needs_command" -f -a "verify" -d 'Verify a whole chain for an audience and print who acts for whom'
complete -c obo -n "__fish_obo_needs_command" -f -a "revoke" -d 'Revoke a hop (and every chain through it), a key, or a person\'s delegations'
complete -c obo -n "__fish_obo_needs_command" -f -a "revocations" -d 'List the home\'s revocations, or carry them between homes as signed lists'
complete -c obo -n "__fish_obo_needs_command" -f -a "demo" -d 'Run the whole flow in a temporary home and show each step'
complete -c obo -n "__fish_obo_needs_command" -f -a "audit" -d 'Record requests in a tamper-evident log; show, trace and check it'
complete -c obo -n "__fish_obo_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand keygen" -l display-name -d 'Name shown to people, such as "Agent 1"' -r
complete -c obo -n "__fish_obo_using_subcommand keygen" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand keygen" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand keygen" -l force -d 'Replace an existing key of that name'
complete -c obo -n "__fish_obo_using_subcommand keygen" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand keygen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand keygen" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -f -a "list" -d 'List the keys in the keystore'
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -f -a "export" -d 'Print public keys (never a private part)'
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -f -a "import" -d 'Store someone else\'s public JWK under a name'
complete -c obo -n "__fish_obo_using_subcommand key; and not __fish_seen_subcommand_from list export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from list" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from export" -l format -d 'Output form' -r -f -a "jwk\t'One public JWK (RFC 7517, RFC 8037)'
jwks\t'A JWK Set holding every named key'
did\t'did:key identifiers'"
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from export" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from export" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from import" -l name -d 'Name to store it under' -r
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from import" -l display-name -d 'Name shown to people' -r
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from import" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from import" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from import" -l force -d 'Replace an existing key of that name'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from import" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the keys in the keystore'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print public keys (never a private part)'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "import" -d 'Store someone else\'s public JWK under a name'
complete -c obo -n "__fish_obo_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -f -a "add" -d 'Record a person and the scopes they approve'
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -f -a "list" -d 'List the people on record'
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -f -a "remove" -d 'Remove a person'
complete -c obo -n "__fish_obo_using_subcommand principal; and not __fish_seen_subcommand_from add list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from add" -l allow -d 'Scopes the person approves' -r
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from add" -l display-name -d 'Name shown to people, such as "Alice"' -r
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from add" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from add" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from add" -l force -d 'Replace an existing record'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from list" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from remove" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from remove" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from help" -f -a "add" -d 'Record a person and the scopes they approve'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the people on record'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a person'
complete -c obo -n "__fish_obo_using_subcommand principal; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -f -a "add" -d 'Trust an issuer key from the keystore, or a JWK or JWKS file'
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -f -a "list" -d 'List trusted issuers'
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -f -a "remove" -d 'Stop trusting an issuer, by name or key id'
complete -c obo -n "__fish_obo_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -l principals -d 'Principals this issuer may speak for; \'*\' matches any run of characters' -r
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -l max-scope -d 'The widest scopes this issuer may grant [default: no limit]' -r
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -l name -d 'Name for the entry [default: the key\'s name]' -r
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -l force -d 'Replace an entry for the same key'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from list" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from remove" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from remove" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "add" -d 'Trust an issuer key from the keystore, or a JWK or JWKS file'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "list" -d 'List trusted issuers'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Stop trusting an issuer, by name or key id'
complete -c obo -n "__fish_obo_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand delegate" -l issuer -d 'The identity system\'s signing key (keystore name)' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -l principal -d 'The person delegating, as recorded with \'obo principal add\'' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -l agent -d 'The agent\'s public key: keystore name or JWK file' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -l scope -d 'Scopes granted; each must lie inside the principal\'s approved scope' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -l audience -d 'Services the token may be used at' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -l ttl -d 'Lifetime' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -l max-depth -d 'How many further hops may follow' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -l task -d 'What the principal asked for' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -l agent-id -d 'The agent\'s identifier in the token [default: the key\'s name]' -r
complete -c obo -n "__fish_obo_using_subcommand delegate" -s o -l output -d 'Write the result to FILE (mode 0600) instead of stdout' -r -F
complete -c obo -n "__fish_obo_using_subcommand delegate" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand delegate" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand delegate" -l force -d 'Replace FILE if it already exists'
complete -c obo -n "__fish_obo_using_subcommand delegate" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand delegate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand delegate" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l as -d 'The current holder\'s key: the one the last hop binds (keystore name)' -r
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l agent -d 'The sub-agent\'s public key: keystore name or JWK file' -r
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l scope -d 'Scopes granted; each must be covered by the last hop\'s' -r
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l audience -d 'Audiences, a subset of the last hop\'s [default: the last hop\'s]' -r
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l ttl -d 'Lifetime, ending no later than the last hop [default: until the last hop expires]' -r
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l max-depth -d 'How many further hops may follow [default: one less than the last hop]' -r
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l task -d 'What the sub-agent is to do [default: the last hop\'s task]' -r
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l agent-id -d 'The sub-agent\'s identifier in the token [default: the key\'s name]' -r
complete -c obo -n "__fish_obo_using_subcommand attenuate" -s o -l output -d 'Write the result to FILE (mode 0600) instead of stdout' -r -F
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l force -d 'Replace FILE if it already exists'
complete -c obo -n "__fish_obo_using_subcommand attenuate" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand attenuate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand attenuate" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand present" -l as -d 'The holder\'s key: the one the last hop binds (keystore name)' -r
complete -c obo -n "__fish_obo_using_subcommand present" -l audience -d 'The service the proof is for' -r
complete -c obo -n "__fish_obo_using_subcommand present" -l action -d 'What the holder is about to do, for the service\'s log' -r
complete -c obo -n "__fish_obo_using_subcommand present" -l ttl -d 'Lifetime of the proof, at most 5m' -r
complete -c obo -n "__fish_obo_using_subcommand present" -s o -l output -d 'Write the result to FILE (mode 0600) instead of stdout' -r -F
complete -c obo -n "__fish_obo_using_subcommand present" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand present" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand present" -l force -d 'Replace FILE if it already exists'
complete -c obo -n "__fish_obo_using_subcommand present" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand present" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand present" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand inspect" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand inspect" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand inspect" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand verify" -l audience -d 'The service verifying; must be one of the last hop\'s audiences' -r
complete -c obo -n "__fish_obo_using_subcommand verify" -l proof -d 'A proof of possession from \'obo present\'' -r
complete -c obo -n "__fish_obo_using_subcommand verify" -l require -d 'Scopes the last hop must cover' -r
complete -c obo -n "__fish_obo_using_subcommand verify" -l trust -d 'Also trust the issuer keys in these JWK or JWKS files' -r -F
complete -c obo -n "__fish_obo_using_subcommand verify" -l leeway -d 'Clock leeway, at most 5m' -r
complete -c obo -n "__fish_obo_using_subcommand verify" -l revocations -d 'Also refuse what these signed revocation lists revoke (the home\'s are always checked)' -r -F
complete -c obo -n "__fish_obo_using_subcommand verify" -l at -d 'Verify as at this time [default: now]' -r
complete -c obo -n "__fish_obo_using_subcommand verify" -l replay-cache -d 'Accept each proof once: remember its id in FILE for its lifetime (implies --require-proof)' -r -F
complete -c obo -n "__fish_obo_using_subcommand verify" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand verify" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand verify" -l require-proof -d 'Fail when no proof is given'
complete -c obo -n "__fish_obo_using_subcommand verify" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand verify" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand revoke" -l hop -d 'Which hop of TOKEN, counted from 0 [default: the last]' -r
complete -c obo -n "__fish_obo_using_subcommand revoke" -l key -d 'Revoke every hop signed by or bound to this key: a key id, keystore name or JWK file' -r
complete -c obo -n "__fish_obo_using_subcommand revoke" -l principal -d 'Revoke every delegation made for this person (see --before)' -r
complete -c obo -n "__fish_obo_using_subcommand revoke" -l before -d 'With --principal: the delegations whose hop 0 was issued at or before TIME [default: now]' -r
complete -c obo -n "__fish_obo_using_subcommand revoke" -l reason -d 'Why, shown to whoever meets the refusal' -r
complete -c obo -n "__fish_obo_using_subcommand revoke" -l by -d 'Who is revoking [default: the USER environment variable]' -r
complete -c obo -n "__fish_obo_using_subcommand revoke" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand revoke" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand revoke" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand revoke" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -f -a "list" -d 'List the revocations in the home'
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -f -a "export" -d 'Write the home\'s revocations as a signed, dated list for services to load'
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -f -a "import" -d 'Merge a signed list into the home; its signer must be a trusted issuer key'
complete -c obo -n "__fish_obo_using_subcommand revocations; and not __fish_seen_subcommand_from list export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from list" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from export" -l signing-key -d 'The key that signs the list (keystore name); verifiers must trust it as an issuer' -r
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from export" -s o -l output -d 'Where to write the list' -r -F
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from export" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from export" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from export" -l force -d 'Replace FILE if it already exists'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from import" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from import" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from import" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the revocations in the home'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the home\'s revocations as a signed, dated list for services to load'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from help" -f -a "import" -d 'Merge a signed list into the home; its signer must be a trusted issuer key'
complete -c obo -n "__fish_obo_using_subcommand revocations; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand demo" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand demo" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand demo" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand demo" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -f -a "record" -d 'Check a request\'s token and proof as \'obo verify\' does, and append the outcome to a log'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -f -a "show" -d 'Show log entries: time, who acted for whom, action, resource, outcome'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -f -a "trace" -d 'Show everything done on behalf of one person, grouped by delegation chain'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -f -a "verify" -d 'Check that no entry was edited, deleted, inserted, reordered or cut off'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -f -a "repair" -d 'Cut off a torn last line left by a crash, after checking every line before it'
complete -c obo -n "__fish_obo_using_subcommand audit; and not __fish_seen_subcommand_from record show trace verify repair help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l log -d 'The audit log to append to; created with mode 0600 if missing' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l proof -d 'The proof of possession presented with the request, from \'obo present\'' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l audience -d 'The service receiving the request; must be one of the last hop\'s audiences' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l action -d 'What the request does, as the service describes it' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l resource -d 'What the request acts on, as the service names it' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l signing-key -d 'Sign the entry with this key of the logging service (keystore name)' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l require -d 'Scopes the last hop must cover' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l trust -d 'Also trust the issuer keys in these JWK or JWKS files' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l leeway -d 'Clock leeway, at most 5m' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l revocations -d 'Also refuse what these signed revocation lists revoke (the home\'s are always checked)' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l replay-cache -d 'Where spent proofs are remembered, so each is accepted once [default: the log\'s path with .replay added]' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from record" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l principal -d 'Only requests made on behalf of this principal (user ID)' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l actor -d 'Only requests whose actor chain includes this actor (ID or key id)' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l since -d 'Only requests checked at or after this time' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l until -d 'Only requests checked at or before this time' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l outcome -d 'Only allowed or only denied requests' -r -f -a "allowed\t'The token and proof passed every rule'
denied\t'A rule failed; the entry\'s `rule` and `reason` say which and why'"
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l wide -d 'Also show line numbers, user IDs, actor key ids, tasks and reasons'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from trace" -l principal -d 'The person to trace (user ID)' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from trace" -l since -d 'Only requests checked at or after this time' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from trace" -l until -d 'Only requests checked at or before this time' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from trace" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from trace" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from trace" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from trace" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from trace" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from verify" -l key -d 'Require every entry to be signed by this logging-service key: keystore name or JWK file' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from verify" -l anchor -d 'A head printed by an earlier \'obo audit verify\'; the log must still hold that entry unchanged' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from verify" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from verify" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from verify" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from repair" -l key -d 'Check the logging service\'s signatures with this key first: keystore name or JWK file' -r
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from repair" -l home -d 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder\'s obo/]' -r -F
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from repair" -l color -d 'When to colour output' -r -f -a "never\t'Never'
auto\t'On a terminal, unless NO_COLOR is set or TERM is dumb'
always\t'Always'"
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from repair" -l json -d 'Print machine-readable JSON on stdout'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from repair" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from repair" -s V -l version -d 'Print version'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "record" -d 'Check a request\'s token and proof as \'obo verify\' does, and append the outcome to a log'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show log entries: time, who acted for whom, action, resource, outcome'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "trace" -d 'Show everything done on behalf of one person, grouped by delegation chain'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check that no entry was edited, deleted, inserted, reordered or cut off'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "repair" -d 'Cut off a torn last line left by a crash, after checking every line before it'
complete -c obo -n "__fish_obo_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "keygen" -d 'Make a new Ed25519 key in the keystore and print its key id'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "key" -d 'List, export and import keys'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "principal" -d 'Record the people agents act for, and their approved scope'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "trust" -d 'Choose which issuer keys this verifier accepts'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "delegate" -d 'Issue hop 0: a principal delegates to an agent'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "attenuate" -d 'Add a narrower hop for a sub-agent, signed by the current holder'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "present" -d 'Make a short-lived proof that the holder has the last hop\'s key'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "inspect" -d 'Decode a token without verifying anything'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "verify" -d 'Verify a whole chain for an audience and print who acts for whom'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "revoke" -d 'Revoke a hop (and every chain through it), a key, or a person\'s delegations'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "revocations" -d 'List the home\'s revocations, or carry them between homes as signed lists'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "demo" -d 'Run the whole flow in a temporary home and show each step'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "audit" -d 'Record requests in a tamper-evident log; show, trace and check it'
complete -c obo -n "__fish_obo_using_subcommand help; and not __fish_seen_subcommand_from keygen key principal trust delegate attenuate present inspect verify revoke revocations demo audit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list" -d 'List the keys in the keystore'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "export" -d 'Print public keys (never a private part)'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "import" -d 'Store someone else\'s public JWK under a name'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from principal" -f -a "add" -d 'Record a person and the scopes they approve'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from principal" -f -a "list" -d 'List the people on record'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from principal" -f -a "remove" -d 'Remove a person'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "add" -d 'Trust an issuer key from the keystore, or a JWK or JWKS file'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "list" -d 'List trusted issuers'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "remove" -d 'Stop trusting an issuer, by name or key id'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from revocations" -f -a "list" -d 'List the revocations in the home'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from revocations" -f -a "export" -d 'Write the home\'s revocations as a signed, dated list for services to load'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from revocations" -f -a "import" -d 'Merge a signed list into the home; its signer must be a trusted issuer key'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "record" -d 'Check a request\'s token and proof as \'obo verify\' does, and append the outcome to a log'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "show" -d 'Show log entries: time, who acted for whom, action, resource, outcome'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "trace" -d 'Show everything done on behalf of one person, grouped by delegation chain'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Check that no entry was edited, deleted, inserted, reordered or cut off'
complete -c obo -n "__fish_obo_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "repair" -d 'Cut off a torn last line left by a crash, after checking every line before it'
