
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'obo' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'obo'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'obo' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make a new Ed25519 key in the keystore and print its key id')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'List, export and import keys')
            [CompletionResult]::new('principal', 'principal', [CompletionResultType]::ParameterValue, 'Record the people agents act for, and their approved scope')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Choose which issuer keys this verifier accepts')
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Issue hop 0: a principal delegates to an agent')
            [CompletionResult]::new('attenuate', 'attenuate', [CompletionResultType]::ParameterValue, 'Add a narrower hop for a sub-agent, signed by the current holder')
            [CompletionResult]::new('present', 'present', [CompletionResultType]::ParameterValue, 'Make a short-lived proof that the holder has the last hop''s key')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a token without verifying anything')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a whole chain for an audience and print who acts for whom')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a hop (and every chain through it), a key, or a person''s delegations')
            [CompletionResult]::new('revocations', 'revocations', [CompletionResultType]::ParameterValue, 'List the home''s revocations, or carry them between homes as signed lists')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole flow in a temporary home and show each step')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Record requests in a tamper-evident log; show, trace and check it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;keygen' {
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Name shown to people, such as "Agent 1"')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing key of that name')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;key' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys in the keystore')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print public keys (never a private part)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store someone else''s public JWK under a name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;key;list' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;key;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output form')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;key;import' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name to store it under')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Name shown to people')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing key of that name')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;key;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys in the keystore')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print public keys (never a private part)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store someone else''s public JWK under a name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;key;help;list' {
            break
        }
        'obo;key;help;export' {
            break
        }
        'obo;key;help;import' {
            break
        }
        'obo;key;help;help' {
            break
        }
        'obo;principal' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record a person and the scopes they approve')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the people on record')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a person')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;principal;add' {
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Scopes the person approves')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Name shown to people, such as "Alice"')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing record')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;principal;list' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;principal;remove' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;principal;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record a person and the scopes they approve')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the people on record')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a person')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;principal;help;add' {
            break
        }
        'obo;principal;help;list' {
            break
        }
        'obo;principal;help;remove' {
            break
        }
        'obo;principal;help;help' {
            break
        }
        'obo;trust' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust an issuer key from the keystore, or a JWK or JWKS file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trusted issuers')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop trusting an issuer, by name or key id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;trust;add' {
            [CompletionResult]::new('--principals', '--principals', [CompletionResultType]::ParameterName, 'Principals this issuer may speak for; ''*'' matches any run of characters')
            [CompletionResult]::new('--max-scope', '--max-scope', [CompletionResultType]::ParameterName, 'The widest scopes this issuer may grant [default: no limit]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name for the entry [default: the key''s name]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an entry for the same key')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;trust;list' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;trust;remove' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;trust;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust an issuer key from the keystore, or a JWK or JWKS file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trusted issuers')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop trusting an issuer, by name or key id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;trust;help;add' {
            break
        }
        'obo;trust;help;list' {
            break
        }
        'obo;trust;help;remove' {
            break
        }
        'obo;trust;help;help' {
            break
        }
        'obo;delegate' {
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'The identity system''s signing key (keystore name)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'The person delegating, as recorded with ''obo principal add''')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent''s public key: keystore name or JWK file')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scopes granted; each must lie inside the principal''s approved scope')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Services the token may be used at')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'How many further hops may follow')
            [CompletionResult]::new('--task', '--task', [CompletionResultType]::ParameterName, 'What the principal asked for')
            [CompletionResult]::new('--agent-id', '--agent-id', [CompletionResultType]::ParameterName, 'The agent''s identifier in the token [default: the key''s name]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the result to FILE (mode 0600) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the result to FILE (mode 0600) instead of stdout')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;attenuate' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The current holder''s key: the one the last hop binds (keystore name)')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The sub-agent''s public key: keystore name or JWK file')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scopes granted; each must be covered by the last hop''s')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audiences, a subset of the last hop''s [default: the last hop''s]')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime, ending no later than the last hop [default: until the last hop expires]')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'How many further hops may follow [default: one less than the last hop]')
            [CompletionResult]::new('--task', '--task', [CompletionResultType]::ParameterName, 'What the sub-agent is to do [default: the last hop''s task]')
            [CompletionResult]::new('--agent-id', '--agent-id', [CompletionResultType]::ParameterName, 'The sub-agent''s identifier in the token [default: the key''s name]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the result to FILE (mode 0600) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the result to FILE (mode 0600) instead of stdout')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;present' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The holder''s key: the one the last hop binds (keystore name)')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The service the proof is for')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'What the holder is about to do, for the service''s log')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime of the proof, at most 5m')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the result to FILE (mode 0600) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the result to FILE (mode 0600) instead of stdout')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;inspect' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;verify' {
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The service verifying; must be one of the last hop''s audiences')
            [CompletionResult]::new('--proof', '--proof', [CompletionResultType]::ParameterName, 'A proof of possession from ''obo present''')
            [CompletionResult]::new('--require', '--require', [CompletionResultType]::ParameterName, 'Scopes the last hop must cover')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Also trust the issuer keys in these JWK or JWKS files')
            [CompletionResult]::new('--leeway', '--leeway', [CompletionResultType]::ParameterName, 'Clock leeway, at most 5m')
            [CompletionResult]::new('--revocations', '--revocations', [CompletionResultType]::ParameterName, 'Also refuse what these signed revocation lists revoke (the home''s are always checked)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Verify as at this time [default: now]')
            [CompletionResult]::new('--replay-cache', '--replay-cache', [CompletionResultType]::ParameterName, 'Accept each proof once: remember its id in FILE for its lifetime (implies --require-proof)')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--require-proof', '--require-proof', [CompletionResultType]::ParameterName, 'Fail when no proof is given')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;revoke' {
            [CompletionResult]::new('--hop', '--hop', [CompletionResultType]::ParameterName, 'Which hop of TOKEN, counted from 0 [default: the last]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Revoke every hop signed by or bound to this key: a key id, keystore name or JWK file')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'Revoke every delegation made for this person (see --before)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'With --principal: the delegations whose hop 0 was issued at or before TIME [default: now]')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, shown to whoever meets the refusal')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is revoking [default: the USER environment variable]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;revocations' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the revocations in the home')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the home''s revocations as a signed, dated list for services to load')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Merge a signed list into the home; its signer must be a trusted issuer key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;revocations;list' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;revocations;export' {
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'The key that signs the list (keystore name); verifiers must trust it as an issuer')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the list')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the list')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;revocations;import' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;revocations;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the revocations in the home')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the home''s revocations as a signed, dated list for services to load')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Merge a signed list into the home; its signer must be a trusted issuer key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;revocations;help;list' {
            break
        }
        'obo;revocations;help;export' {
            break
        }
        'obo;revocations;help;import' {
            break
        }
        'obo;revocations;help;help' {
            break
        }
        'obo;demo' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;audit' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Check a request''s token and proof as ''obo verify'' does, and append the outcome to a log')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show log entries: time, who acted for whom, action, resource, outcome')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'Show everything done on behalf of one person, grouped by delegation chain')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check that no entry was edited, deleted, inserted, reordered or cut off')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Cut off a torn last line left by a crash, after checking every line before it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;audit;record' {
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The audit log to append to; created with mode 0600 if missing')
            [CompletionResult]::new('--proof', '--proof', [CompletionResultType]::ParameterName, 'The proof of possession presented with the request, from ''obo present''')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The service receiving the request; must be one of the last hop''s audiences')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'What the request does, as the service describes it')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'What the request acts on, as the service names it')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign the entry with this key of the logging service (keystore name)')
            [CompletionResult]::new('--require', '--require', [CompletionResultType]::ParameterName, 'Scopes the last hop must cover')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Also trust the issuer keys in these JWK or JWKS files')
            [CompletionResult]::new('--leeway', '--leeway', [CompletionResultType]::ParameterName, 'Clock leeway, at most 5m')
            [CompletionResult]::new('--revocations', '--revocations', [CompletionResultType]::ParameterName, 'Also refuse what these signed revocation lists revoke (the home''s are always checked)')
            [CompletionResult]::new('--replay-cache', '--replay-cache', [CompletionResultType]::ParameterName, 'Where spent proofs are remembered, so each is accepted once [default: the log''s path with .replay added]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;audit;show' {
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'Only requests made on behalf of this principal (user ID)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Only requests whose actor chain includes this actor (ID or key id)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests checked at or after this time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only requests checked at or before this time')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'Only allowed or only denied requests')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Also show line numbers, user IDs, actor key ids, tasks and reasons')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;audit;trace' {
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'The person to trace (user ID)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests checked at or after this time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only requests checked at or before this time')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;audit;verify' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Require every entry to be signed by this logging-service key: keystore name or JWK file')
            [CompletionResult]::new('--anchor', '--anchor', [CompletionResultType]::ParameterName, 'A head printed by an earlier ''obo audit verify''; the log must still hold that entry unchanged')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;audit;repair' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Check the logging service''s signatures with this key first: keystore name or JWK file')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Folder holding keys, principals and trust [default: $OBO_HOME if set and not empty, else the user data folder''s obo/]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obo;audit;help' {
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Check a request''s token and proof as ''obo verify'' does, and append the outcome to a log')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show log entries: time, who acted for whom, action, resource, outcome')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'Show everything done on behalf of one person, grouped by delegation chain')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check that no entry was edited, deleted, inserted, reordered or cut off')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Cut off a torn last line left by a crash, after checking every line before it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;audit;help;record' {
            break
        }
        'obo;audit;help;show' {
            break
        }
        'obo;audit;help;trace' {
            break
        }
        'obo;audit;help;verify' {
            break
        }
        'obo;audit;help;repair' {
            break
        }
        'obo;audit;help;help' {
            break
        }
        'obo;help' {
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make a new Ed25519 key in the keystore and print its key id')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'List, export and import keys')
            [CompletionResult]::new('principal', 'principal', [CompletionResultType]::ParameterValue, 'Record the people agents act for, and their approved scope')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Choose which issuer keys this verifier accepts')
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Issue hop 0: a principal delegates to an agent')
            [CompletionResult]::new('attenuate', 'attenuate', [CompletionResultType]::ParameterValue, 'Add a narrower hop for a sub-agent, signed by the current holder')
            [CompletionResult]::new('present', 'present', [CompletionResultType]::ParameterValue, 'Make a short-lived proof that the holder has the last hop''s key')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a token without verifying anything')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a whole chain for an audience and print who acts for whom')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a hop (and every chain through it), a key, or a person''s delegations')
            [CompletionResult]::new('revocations', 'revocations', [CompletionResultType]::ParameterValue, 'List the home''s revocations, or carry them between homes as signed lists')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole flow in a temporary home and show each step')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Record requests in a tamper-evident log; show, trace and check it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obo;help;keygen' {
            break
        }
        'obo;help;key' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys in the keystore')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print public keys (never a private part)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store someone else''s public JWK under a name')
            break
        }
        'obo;help;key;list' {
            break
        }
        'obo;help;key;export' {
            break
        }
        'obo;help;key;import' {
            break
        }
        'obo;help;principal' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record a person and the scopes they approve')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the people on record')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a person')
            break
        }
        'obo;help;principal;add' {
            break
        }
        'obo;help;principal;list' {
            break
        }
        'obo;help;principal;remove' {
            break
        }
        'obo;help;trust' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust an issuer key from the keystore, or a JWK or JWKS file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trusted issuers')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop trusting an issuer, by name or key id')
            break
        }
        'obo;help;trust;add' {
            break
        }
        'obo;help;trust;list' {
            break
        }
        'obo;help;trust;remove' {
            break
        }
        'obo;help;delegate' {
            break
        }
        'obo;help;attenuate' {
            break
        }
        'obo;help;present' {
            break
        }
        'obo;help;inspect' {
            break
        }
        'obo;help;verify' {
            break
        }
        'obo;help;revoke' {
            break
        }
        'obo;help;revocations' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the revocations in the home')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the home''s revocations as a signed, dated list for services to load')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Merge a signed list into the home; its signer must be a trusted issuer key')
            break
        }
        'obo;help;revocations;list' {
            break
        }
        'obo;help;revocations;export' {
            break
        }
        'obo;help;revocations;import' {
            break
        }
        'obo;help;demo' {
            break
        }
        'obo;help;audit' {
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Check a request''s token and proof as ''obo verify'' does, and append the outcome to a log')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show log entries: time, who acted for whom, action, resource, outcome')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'Show everything done on behalf of one person, grouped by delegation chain')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check that no entry was edited, deleted, inserted, reordered or cut off')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Cut off a torn last line left by a crash, after checking every line before it')
            break
        }
        'obo;help;audit;record' {
            break
        }
        'obo;help;audit;show' {
            break
        }
        'obo;help;audit;trace' {
            break
        }
        'obo;help;audit;verify' {
            break
        }
        'obo;help;audit;repair' {
            break
        }
        'obo;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
