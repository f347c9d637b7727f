
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'plumb' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'plumb'
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
        'plumb' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain an error code, HTTP status, log message or sync status, with the fix')
            [CompletionResult]::new('credential', 'credential', [CompletionResultType]::ParameterValue, 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes')
            [CompletionResult]::new('tls', 'tls', [CompletionResultType]::ParameterValue, 'Check a server''s TLS: versions, certificate name, trust, expiry and interception')
            [CompletionResult]::new('endpoint', 'endpoint', [CompletionResultType]::ParameterValue, 'Make one HTTP request with a timing breakdown; explain the status; check CORS')
            [CompletionResult]::new('verify-signature', 'verify-signature', [CompletionResultType]::ParameterValue, 'Verify a webhook signature and, when it does not match, say why')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the signature headers a webhook sender would add to a payload')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Send signed test deliveries to a webhook endpoint')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ from this command line (maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;explain' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Where the error happened, which changes who can fix it')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print the whole catalogue')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plumb;credential' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Read the credential from this environment variable')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'What the credential is meant for: a credential of another kind fails')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Judge token times against this moment (Unix seconds) instead of now')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plumb;tls' {
            [CompletionResult]::new('--servername', '--servername', [CompletionResultType]::ParameterName, 'The name to send in SNI and check the certificate against (default: HOST)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Connect to this address instead of resolving HOST (like curl --resolve)')
            [CompletionResult]::new('--warn-days', '--warn-days', [CompletionResultType]::ParameterName, 'Warn when the certificate expires within this many days')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--all-addresses', '--all-addresses', [CompletionResultType]::ParameterName, 'Handshake with every address HOST resolves to and compare certificates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plumb;endpoint' {
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'HTTP method')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'HTTP method')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); credential headers are never printed')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); credential headers are never printed')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Request body, or @FILE to send a file''s bytes')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Request body, or @FILE to send a file''s bytes')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'Also send a CORS preflight as a browser at this origin would')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'The longest the whole exchange may take (webhook senders give up after about 10 s)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plumb;verify-signature' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the signing secret from FILE (one trailing newline is dropped)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The webhook URL exactly as configured at the sender (mandrill)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'MAC algorithm (hmac and timestamped)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding (hmac and timestamped; verification detects it)')
            [CompletionResult]::new('--signature-header', '--signature-header', [CompletionResultType]::ParameterName, 'Header that carries the signature (hmac and timestamped)')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header that carries the timestamp (timestamped)')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The raw body as received (- = standard input); never re-encoded')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A received header ''Name: value'' (repeatable; names are case-insensitive)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A received header ''Name: value'' (repeatable; names are case-insensitive)')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The signature header''s value exactly as sent (Stripe: the whole t=…,v1=…)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The timestamp, where the scheme sends it apart from the signature')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message id (standard: the webhook-id header)')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'A raw HTTP request as captured: request line, headers, blank line, body')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'How far the timestamp may lie from now')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Judge the timestamp against this moment (Unix seconds) instead of now')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plumb;sign' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the signing secret from FILE (one trailing newline is dropped)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The webhook URL exactly as configured at the sender (mandrill)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'MAC algorithm (hmac and timestamped)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding (hmac and timestamped; verification detects it)')
            [CompletionResult]::new('--signature-header', '--signature-header', [CompletionResultType]::ParameterName, 'Header that carries the signature (hmac and timestamped)')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header that carries the timestamp (timestamped)')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The body to sign (- = standard input), as raw bytes')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Unix seconds to sign with (default: now)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Message id for Standard Webhooks (default: a random msg_…)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plumb;webhook' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a signed test delivery to an endpoint and judge its answer')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;webhook;send' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Whose signature the delivery carries')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the signing secret from FILE (one trailing newline is dropped)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The webhook URL exactly as configured at the sender (mandrill)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'MAC algorithm (hmac and timestamped)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding (hmac and timestamped; verification detects it)')
            [CompletionResult]::new('--signature-header', '--signature-header', [CompletionResultType]::ParameterName, 'Header that carries the signature (hmac and timestamped)')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header that carries the timestamp (timestamped)')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The body to deliver (- = standard input), sent as raw bytes')
            [CompletionResult]::new('--content-type', '--content-type', [CompletionResultType]::ParameterName, 'Content-Type of the delivery')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Unix seconds to sign with (default: now)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Message id for Standard Webhooks (default: a random msg_…)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long the endpoint may take to answer (senders give up after about 10 s)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--forged', '--forged', [CompletionResultType]::ParameterName, 'Also send the delivery unsigned and wrongly signed: both must be refused')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plumb;webhook;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a signed test delivery to an endpoint and judge its answer')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;webhook;help;send' {
            break
        }
        'plumb;webhook;help;help' {
            break
        }
        'plumb;generate-assets' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Directory that holds completions/ and man/')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Compare instead of writing; a stale file fails the run')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plumb;help' {
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain an error code, HTTP status, log message or sync status, with the fix')
            [CompletionResult]::new('credential', 'credential', [CompletionResultType]::ParameterValue, 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes')
            [CompletionResult]::new('tls', 'tls', [CompletionResultType]::ParameterValue, 'Check a server''s TLS: versions, certificate name, trust, expiry and interception')
            [CompletionResult]::new('endpoint', 'endpoint', [CompletionResultType]::ParameterValue, 'Make one HTTP request with a timing breakdown; explain the status; check CORS')
            [CompletionResult]::new('verify-signature', 'verify-signature', [CompletionResultType]::ParameterValue, 'Verify a webhook signature and, when it does not match, say why')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the signature headers a webhook sender would add to a payload')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Send signed test deliveries to a webhook endpoint')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ from this command line (maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;help;explain' {
            break
        }
        'plumb;help;credential' {
            break
        }
        'plumb;help;tls' {
            break
        }
        'plumb;help;endpoint' {
            break
        }
        'plumb;help;verify-signature' {
            break
        }
        'plumb;help;sign' {
            break
        }
        'plumb;help;webhook' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a signed test delivery to an endpoint and judge its answer')
            break
        }
        'plumb;help;webhook;send' {
            break
        }
        'plumb;help;generate-assets' {
            break
        }
        'plumb;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
