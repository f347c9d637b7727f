
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
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Run many checks at once: the built-in health check, or the entries of a config file')
            [CompletionResult]::new('records', 'records', [CompletionResultType]::ParameterValue, 'Check exported records before a sync (validate) or compare two exports (diff)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a service''s credentials, permissions and account (Shopify, Mailchimp, Stripe, WooCommerce)')
            [CompletionResult]::new('dns', 'dns', [CompletionResultType]::ParameterValue, 'Resolve names through the system and public resolvers; spot filtering, split horizon and sinkholes')
            [CompletionResult]::new('rate-limit', 'rate-limit', [CompletionResultType]::ParameterValue, 'Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits')
            [CompletionResult]::new('verify-signature', 'verify-signature', [CompletionResultType]::ParameterValue, 'Verify a webhook signature and, when it does not match, say why')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the signature headers a webhook sender would add to a payload')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Send signed test deliveries to a webhook endpoint')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Classify integration logs (timeouts, 401/403/429, validation, signatures, 5xx, TLS, DNS)')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Write one redacted archive for a support ticket: doctor report, environment, logs, records')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run config entries on demand over HTTP for Prometheus (/probe, /report, /metrics)')
            [CompletionResult]::new('har', 'har', [CompletionResultType]::ParameterValue, 'Read a browser''s HAR export: failed and blocked requests, slow phases, rate limits, leaked credentials')
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
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Connect to this address instead of resolving HOST (like curl --resolve), never through a proxy')
            [CompletionResult]::new('--warn-days', '--warn-days', [CompletionResultType]::ParameterName, 'Warn when the certificate expires within this many days')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--all-addresses', '--all-addresses', [CompletionResultType]::ParameterName, 'Handshake with every address HOST resolves to and compare certificates (skipped through a proxy)')
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
        'plumb;endpoint' {
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'HTTP method')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'HTTP method')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); credential headers are never printed')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); credential headers are never printed')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Request body, or @FILE to send a file''s bytes')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Request body, or @FILE to send a file''s bytes')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'Also send a CORS preflight as a browser at this origin would')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'The longest the whole exchange may take (webhook senders give up after about 10 s)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Connect to this address instead of resolving the URL''s host (like curl --resolve); Host and TLS name stay the URL''s, and no proxy is used')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Show the response''s status line and headers (like curl -i)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Show the response''s status line and headers (like curl -i)')
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
        'plumb;doctor' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Run the entries of this TOML file instead of the built-in health check')
            [CompletionResult]::new('--time-server', '--time-server', [CompletionResultType]::ParameterName, 'Measure clock skew against this HTTPS server''s Date header [default without --config: https://api.stripe.com/]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Write a commented example config (to --config FILE, or plumb.toml) and stop')
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
        'plumb;records' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two exports by key: missing, extra, repeated and changed records')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;records;validate' {
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Map a field to a column whose name plumb does not recognise (repeatable), e.g. email=E-Mail')
            [CompletionResult]::new('--id-column', '--id-column', [CompletionResultType]::ParameterName, 'The column holding the record id [default: id, else the first column]')
            [CompletionResult]::new('--default-region', '--default-region', [CompletionResultType]::ParameterName, 'Region for phone numbers written without a country code (US, GB, DE…): the report then says what the E.164 form would be')
            [CompletionResult]::new('--bad-out', '--bad-out', [CompletionResultType]::ParameterName, 'Write the rows with problems (all their columns plus plumb_problems) to this CSV file')
            [CompletionResult]::new('--max-input-size', '--max-input-size', [CompletionResultType]::ParameterName, 'Read at most this much data per file, after decompression (K, M, G)')
            [CompletionResult]::new('--max-bad-out', '--max-bad-out', [CompletionResultType]::ParameterName, 'Stop writing --bad-out at this size (K, M, G)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;records;diff' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The column that identifies a record in both files')
            [CompletionResult]::new('--ignore-column', '--ignore-column', [CompletionResultType]::ParameterName, 'A column not to compare, such as updated_at (repeatable)')
            [CompletionResult]::new('--max-input-size', '--max-input-size', [CompletionResultType]::ParameterName, 'Read at most this much data per file, after decompression (K, M, G)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;records;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two exports by key: missing, extra, repeated and changed records')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;records;help;validate' {
            break
        }
        'plumb;records;help;diff' {
            break
        }
        'plumb;records;help;help' {
            break
        }
        'plumb;check' {
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Run only the format checks: no network call is made')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary and the checks that fail the run')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print the evidence of checks that passed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('shopify', 'shopify', [CompletionResultType]::ParameterValue, 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit')
            [CompletionResult]::new('mailchimp', 'mailchimp', [CompletionResultType]::ParameterValue, 'Mailchimp: key format, data centre against the account URL, auth, account')
            [CompletionResult]::new('stripe', 'stripe', [CompletionResultType]::ParameterValue, 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret')
            [CompletionResult]::new('woocommerce', 'woocommerce', [CompletionResultType]::ParameterValue, 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;check;shopify' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: NAME, NAME.myshopify.com or an admin URL')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin API access token (shpat_, shpca_, shppa_ or a legacy 32-hex token)')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read --token from this file instead (''-'' for standard input); wins over --token and SHOPIFY_ACCESS_TOKEN')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'Admin API version to call (YYYY-MM)')
            [CompletionResult]::new('--require-scope', '--require-scope', [CompletionResultType]::ParameterName, 'Also require this access scope (repeatable)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Run only the format checks: no network call is made')
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
        'plumb;check;mailchimp' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'Marketing API key (32 hex characters, a dash, the data centre: …-us6)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read --api-key from this file instead (''-'' for standard input); wins over --api-key and MAILCHIMP_API_KEY')
            [CompletionResult]::new('--account-url', '--account-url', [CompletionResultType]::ParameterName, 'The account''s admin URL as the browser shows it (https://us6.admin.mailchimp.com)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Run only the format checks: no network call is made')
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
        'plumb;check;stripe' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'Secret (sk_) or restricted (rk_) API key')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read --api-key from this file instead (''-'' for standard input); wins over --api-key and STRIPE_API_KEY')
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'The URL Stripe should deliver webhooks to: its endpoint and events are checked')
            [CompletionResult]::new('--webhook-secret', '--webhook-secret', [CompletionResultType]::ParameterName, 'The endpoint''s signing secret (whsec_…), checked for its format')
            [CompletionResult]::new('--webhook-secret-file', '--webhook-secret-file', [CompletionResultType]::ParameterName, 'Read --webhook-secret from this file instead (''-'' for standard input); wins over --webhook-secret and STRIPE_WEBHOOK_SECRET')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--subscriptions', '--subscriptions', [CompletionResultType]::ParameterName, 'Also require the customer.subscription.* events')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Run only the format checks: no network call is made')
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
        'plumb;check;woocommerce' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The store''s address (https://shop.example.com, or the WordPress folder)')
            [CompletionResult]::new('--consumer-key', '--consumer-key', [CompletionResultType]::ParameterName, 'REST API consumer key (ck_…)')
            [CompletionResult]::new('--consumer-key-file', '--consumer-key-file', [CompletionResultType]::ParameterName, 'Read --consumer-key from this file instead (''-'' for standard input); wins over --consumer-key and WC_CONSUMER_KEY')
            [CompletionResult]::new('--consumer-secret', '--consumer-secret', [CompletionResultType]::ParameterName, 'REST API consumer secret (cs_…)')
            [CompletionResult]::new('--consumer-secret-file', '--consumer-secret-file', [CompletionResultType]::ParameterName, 'Read --consumer-secret from this file instead (''-'' for standard input); wins over --consumer-secret and WC_CONSUMER_SECRET')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Run only the format checks: no network call is made')
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
        'plumb;check;help' {
            [CompletionResult]::new('shopify', 'shopify', [CompletionResultType]::ParameterValue, 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit')
            [CompletionResult]::new('mailchimp', 'mailchimp', [CompletionResultType]::ParameterValue, 'Mailchimp: key format, data centre against the account URL, auth, account')
            [CompletionResult]::new('stripe', 'stripe', [CompletionResultType]::ParameterValue, 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret')
            [CompletionResult]::new('woocommerce', 'woocommerce', [CompletionResultType]::ParameterValue, 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;check;help;shopify' {
            break
        }
        'plumb;check;help;mailchimp' {
            break
        }
        'plumb;check;help;stripe' {
            break
        }
        'plumb;check;help;woocommerce' {
            break
        }
        'plumb;check;help;help' {
            break
        }
        'plumb;dns' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Record types to ask for (comma-separated or repeated)')
            [CompletionResult]::new('--resolver', '--resolver', [CompletionResultType]::ParameterName, 'Ask this resolver instead of the public ones (repeatable; port 53 unless given)')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Also resolve the host names this service''s API needs: shopify (NAME.myshopify.com from --store), mailchimp (DC.api.mailchimp.com from --dc or MAILCHIMP_API_KEY), stripe (api.stripe.com), woocommerce (the host of --url)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Shopify store for --service shopify: NAME, NAME.myshopify.com or the admin URL')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Store address for --service woocommerce')
            [CompletionResult]::new('--dc', '--dc', [CompletionResultType]::ParameterName, 'Mailchimp data centre for --service mailchimp (us6); taken from the MAILCHIMP_API_KEY suffix when not given')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--no-system', '--no-system', [CompletionResultType]::ParameterName, 'Do not ask the system resolver (/etc/resolv.conf)')
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
        'plumb;rate-limit' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Read every rate-limit signal in one response (a URL, or a captured response)')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Send requests at a steady pace and report where the server starts limiting')
            [CompletionResult]::new('limits', 'limits', [CompletionResultType]::ParameterValue, 'List the documented limits per service and plan, with their source')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Estimate how long a full sync takes at the documented limit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;rate-limit;inspect' {
            [CompletionResult]::new('--headers-file', '--headers-file', [CompletionResultType]::ParameterName, 'A captured response instead (status line, headers, optional body; `-` for stdin)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); credential headers are never printed')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); credential headers are never printed')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;rate-limit;probe' {
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The pace: 5/s, 120/m, 0.5/s (never exceeded in any one-second window)')
            [CompletionResult]::new('--requests', '--requests', [CompletionResultType]::ParameterName, 'Send this many requests')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send for this long (30s, 2m)')
            [CompletionResult]::new('--max-requests', '--max-requests', [CompletionResultType]::ParameterName, 'Raise the caps of 1000 requests and 10 minutes to this many requests')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); credential headers are never printed')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); credential headers are never printed')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;rate-limit;limits' {
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Only this service')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;rate-limit;plan' {
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'The service synced')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'How many records the sync moves')
            [CompletionResult]::new('--calls-per-record', '--calls-per-record', [CompletionResultType]::ParameterName, 'API calls each record needs')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Shopify plan: standard, advanced, plus or enterprise (default standard)')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Stripe mode (default live)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Use this rate instead of the documented one (a host''s own limit)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;rate-limit;help' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Read every rate-limit signal in one response (a URL, or a captured response)')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Send requests at a steady pace and report where the server starts limiting')
            [CompletionResult]::new('limits', 'limits', [CompletionResultType]::ParameterValue, 'List the documented limits per service and plan, with their source')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Estimate how long a full sync takes at the documented limit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;rate-limit;help;inspect' {
            break
        }
        'plumb;rate-limit;help;probe' {
            break
        }
        'plumb;rate-limit;help;limits' {
            break
        }
        'plumb;rate-limit;help;plan' {
            break
        }
        'plumb;rate-limit;help;help' {
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
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Test a receiver''s hardening: a valid delivery, a retry, forged, tampered and stale copies')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Resend recorded deliveries (raw HTTP requests) to a receiver')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List the sample events and topics plumb can deliver')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive deliveries on a local port, verify each, and forward or record them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;webhook;send' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Whose signature and headers the delivery carries')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the signing secret from FILE (one trailing newline is dropped)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The webhook URL exactly as configured at the sender (mandrill)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'MAC algorithm (hmac and timestamped)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding (hmac and timestamped; verification detects it)')
            [CompletionResult]::new('--signature-header', '--signature-header', [CompletionResultType]::ParameterName, 'Header that carries the signature (hmac and timestamped)')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header that carries the timestamp (timestamped)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The sample event or topic to deliver (plumb webhook events lists them; default: the provider''s first); with --payload it names the event in the provider''s headers')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The sample event or topic to deliver (plumb webhook events lists them; default: the provider''s first); with --payload it names the event in the provider''s headers')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'Deliver this body instead of a sample event (- = standard input), sent as raw bytes')
            [CompletionResult]::new('--content-type', '--content-type', [CompletionResultType]::ParameterName, 'Content-Type of the delivery (default: the provider''s own)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); replaces plumb''s header of the same name')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); replaces plumb''s header of the same name')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Unix seconds to sign with (default: now)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Message id for Standard Webhooks (default: a random msg_…)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long the endpoint may take to answer (default: the provider''s own delivery deadline, 10 s where it documents none)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;webhook;audit' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Whose signature and headers the delivery carries')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the signing secret from FILE (one trailing newline is dropped)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The webhook URL exactly as configured at the sender (mandrill)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'MAC algorithm (hmac and timestamped)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding (hmac and timestamped; verification detects it)')
            [CompletionResult]::new('--signature-header', '--signature-header', [CompletionResultType]::ParameterName, 'Header that carries the signature (hmac and timestamped)')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header that carries the timestamp (timestamped)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The sample event or topic to deliver (plumb webhook events lists them; default: the provider''s first); with --payload it names the event in the provider''s headers')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The sample event or topic to deliver (plumb webhook events lists them; default: the provider''s first); with --payload it names the event in the provider''s headers')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'Deliver this body instead of a sample event (- = standard input), sent as raw bytes')
            [CompletionResult]::new('--content-type', '--content-type', [CompletionResultType]::ParameterName, 'Content-Type of the delivery (default: the provider''s own)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); replaces plumb''s header of the same name')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value'' (repeatable); replaces plumb''s header of the same name')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long the receiver may take to answer (default: the provider''s own delivery deadline, 10 s where it documents none)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;webhook;replay' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to send them')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Who signed the deliveries (default: told from their signature headers)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the signing secret from FILE (one trailing newline is dropped)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The webhook URL exactly as configured at the sender (mandrill)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'MAC algorithm (hmac and timestamped)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding (hmac and timestamped; verification detects it)')
            [CompletionResult]::new('--signature-header', '--signature-header', [CompletionResultType]::ParameterName, 'Header that carries the signature (hmac and timestamped)')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header that carries the timestamp (timestamped)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long the receiver may take to answer each delivery (default: the provider''s own delivery deadline, 10 s where it documents none)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--resign', '--resign', [CompletionResultType]::ParameterName, 'Sign timestamped schemes (stripe, slack, standard, timestamped) again with a fresh timestamp, so they pass the receiver''s tolerance (needs the secret)')
            [CompletionResult]::new('--as-is', '--as-is', [CompletionResultType]::ParameterName, 'Send each delivery exactly as recorded (the default): tests the receiver''s replay protection')
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
        'plumb;webhook;events' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s events')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;webhook;listen' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Whose signatures the deliveries carry')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the signing secret from FILE (one trailing newline is dropped)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The webhook URL exactly as configured at the sender (mandrill)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'MAC algorithm (hmac and timestamped)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding (hmac and timestamped; verification detects it)')
            [CompletionResult]::new('--signature-header', '--signature-header', [CompletionResultType]::ParameterName, 'Header that carries the signature (hmac and timestamped)')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header that carries the timestamp (timestamped)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0 = any free port; the ready line names it)')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on (a non-loopback one warns: anyone who reaches it can send)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The path deliveries arrive on; other paths are answered 404')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Relay each delivery unchanged to the application at URL and judge its answer')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Record each delivery as a raw HTTP request file (and index.jsonl) in DIR')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'End after N deliveries (fewer by the end fails)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'End after this long (default: on Ctrl-C, or with --expect alone at the run''s budget)')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'How far a signed timestamp may lie from the moment of arrival')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'An extra trust anchor (PEM) for every TLS connection')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'The lowest status that makes plumb exit 1')
            [CompletionResult]::new('--reject-invalid', '--reject-invalid', [CompletionResultType]::ParameterName, 'Answer invalid deliveries 400 and do not forward them')
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
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Test a receiver''s hardening: a valid delivery, a retry, forged, tampered and stale copies')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Resend recorded deliveries (raw HTTP requests) to a receiver')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List the sample events and topics plumb can deliver')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive deliveries on a local port, verify each, and forward or record them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;webhook;help;send' {
            break
        }
        'plumb;webhook;help;audit' {
            break
        }
        'plumb;webhook;help;replay' {
            break
        }
        'plumb;webhook;help;events' {
            break
        }
        'plumb;webhook;help;listen' {
            break
        }
        'plumb;webhook;help;help' {
            break
        }
        'plumb;logs' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;bundle' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Run the entries of this doctor config for report.json instead of the built-in health check')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'A log to include: its `plumb logs` report and the last lines of each class, redacted (repeatable)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'An export to include: its `records validate` report, which shows shapes, never values (repeatable)')
            [CompletionResult]::new('--har', '--har', [CompletionResultType]::ParameterName, 'A browser''s HAR export to include: its `plumb har` report and the HAR itself with every credential and cookie redacted (repeatable)')
            [CompletionResult]::new('--inspect', '--inspect', [CompletionResultType]::ParameterName, 'List what a bundle holds and how many values were redacted in each file, instead of making one')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;serve' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The TOML file whose [[check]] entries and [[module]]s may run (the format of doctor --config)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address and port to listen on (loopback unless you choose otherwise)')
            [CompletionResult]::new('--max-probes', '--max-probes', [CompletionResultType]::ParameterName, 'Probes run at once; more are answered 503')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;har' {
            [CompletionResult]::new('--max-input-size', '--max-input-size', [CompletionResultType]::ParameterName, 'Read at most this much of the file (K, M, G)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
            [CompletionResult]::new('redact', 'redact', [CompletionResultType]::ParameterValue, 'Write the same HAR with every secret and cookie masked (-o FILE)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;har;redact' {
            [CompletionResult]::new('--max-input-size', '--max-input-size', [CompletionResultType]::ParameterName, 'Read at most this much of the file (K, M, G)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound for each network operation (500ms, 5s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]')
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
        'plumb;har;help' {
            [CompletionResult]::new('redact', 'redact', [CompletionResultType]::ParameterValue, 'Write the same HAR with every secret and cookie masked (-o FILE)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plumb;har;help;redact' {
            break
        }
        'plumb;har;help;help' {
            break
        }
        'plumb;help' {
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain an error code, HTTP status, log message or sync status, with the fix')
            [CompletionResult]::new('credential', 'credential', [CompletionResultType]::ParameterValue, 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes')
            [CompletionResult]::new('tls', 'tls', [CompletionResultType]::ParameterValue, 'Check a server''s TLS: versions, certificate name, trust, expiry and interception')
            [CompletionResult]::new('endpoint', 'endpoint', [CompletionResultType]::ParameterValue, 'Make one HTTP request with a timing breakdown; explain the status; check CORS')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Run many checks at once: the built-in health check, or the entries of a config file')
            [CompletionResult]::new('records', 'records', [CompletionResultType]::ParameterValue, 'Check exported records before a sync (validate) or compare two exports (diff)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a service''s credentials, permissions and account (Shopify, Mailchimp, Stripe, WooCommerce)')
            [CompletionResult]::new('dns', 'dns', [CompletionResultType]::ParameterValue, 'Resolve names through the system and public resolvers; spot filtering, split horizon and sinkholes')
            [CompletionResult]::new('rate-limit', 'rate-limit', [CompletionResultType]::ParameterValue, 'Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits')
            [CompletionResult]::new('verify-signature', 'verify-signature', [CompletionResultType]::ParameterValue, 'Verify a webhook signature and, when it does not match, say why')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the signature headers a webhook sender would add to a payload')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Send signed test deliveries to a webhook endpoint')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Classify integration logs (timeouts, 401/403/429, validation, signatures, 5xx, TLS, DNS)')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Write one redacted archive for a support ticket: doctor report, environment, logs, records')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run config entries on demand over HTTP for Prometheus (/probe, /report, /metrics)')
            [CompletionResult]::new('har', 'har', [CompletionResultType]::ParameterValue, 'Read a browser''s HAR export: failed and blocked requests, slow phases, rate limits, leaked credentials')
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
        'plumb;help;doctor' {
            break
        }
        'plumb;help;records' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two exports by key: missing, extra, repeated and changed records')
            break
        }
        'plumb;help;records;validate' {
            break
        }
        'plumb;help;records;diff' {
            break
        }
        'plumb;help;check' {
            [CompletionResult]::new('shopify', 'shopify', [CompletionResultType]::ParameterValue, 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit')
            [CompletionResult]::new('mailchimp', 'mailchimp', [CompletionResultType]::ParameterValue, 'Mailchimp: key format, data centre against the account URL, auth, account')
            [CompletionResult]::new('stripe', 'stripe', [CompletionResultType]::ParameterValue, 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret')
            [CompletionResult]::new('woocommerce', 'woocommerce', [CompletionResultType]::ParameterValue, 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth')
            break
        }
        'plumb;help;check;shopify' {
            break
        }
        'plumb;help;check;mailchimp' {
            break
        }
        'plumb;help;check;stripe' {
            break
        }
        'plumb;help;check;woocommerce' {
            break
        }
        'plumb;help;dns' {
            break
        }
        'plumb;help;rate-limit' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Read every rate-limit signal in one response (a URL, or a captured response)')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Send requests at a steady pace and report where the server starts limiting')
            [CompletionResult]::new('limits', 'limits', [CompletionResultType]::ParameterValue, 'List the documented limits per service and plan, with their source')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Estimate how long a full sync takes at the documented limit')
            break
        }
        'plumb;help;rate-limit;inspect' {
            break
        }
        'plumb;help;rate-limit;probe' {
            break
        }
        'plumb;help;rate-limit;limits' {
            break
        }
        'plumb;help;rate-limit;plan' {
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
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Test a receiver''s hardening: a valid delivery, a retry, forged, tampered and stale copies')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Resend recorded deliveries (raw HTTP requests) to a receiver')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List the sample events and topics plumb can deliver')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive deliveries on a local port, verify each, and forward or record them')
            break
        }
        'plumb;help;webhook;send' {
            break
        }
        'plumb;help;webhook;audit' {
            break
        }
        'plumb;help;webhook;replay' {
            break
        }
        'plumb;help;webhook;events' {
            break
        }
        'plumb;help;webhook;listen' {
            break
        }
        'plumb;help;logs' {
            break
        }
        'plumb;help;bundle' {
            break
        }
        'plumb;help;serve' {
            break
        }
        'plumb;help;har' {
            [CompletionResult]::new('redact', 'redact', [CompletionResultType]::ParameterValue, 'Write the same HAR with every secret and cookie masked (-o FILE)')
            break
        }
        'plumb;help;har;redact' {
            break
        }
        'plumb;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
