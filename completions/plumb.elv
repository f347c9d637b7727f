
use builtin;
use str;

set edit:completion:arg-completer[plumb] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'plumb'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'plumb'= {
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand explain 'Explain an error code, HTTP status, log message or sync status, with the fix'
            cand credential 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes'
            cand tls 'Check a server''s TLS: versions, certificate name, trust, expiry and interception'
            cand endpoint 'Make one HTTP request with a timing breakdown; explain the status; check CORS'
            cand verify-signature 'Verify a webhook signature and, when it does not match, say why'
            cand sign 'Print the signature headers a webhook sender would add to a payload'
            cand webhook 'Send signed test deliveries to a webhook endpoint'
            cand generate-assets 'Regenerate completions/ and man/ from this command line (maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;explain'= {
            cand --context 'Where the error happened, which changes who can fix it'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --list 'Print the whole catalogue'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plumb;credential'= {
            cand --env 'Read the credential from this environment variable'
            cand --for 'What the credential is meant for: a credential of another kind fails'
            cand --now 'Judge token times against this moment (Unix seconds) instead of now'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plumb;tls'= {
            cand --servername 'The name to send in SNI and check the certificate against (default: HOST)'
            cand --address 'Connect to this address instead of resolving HOST (like curl --resolve)'
            cand --warn-days 'Warn when the certificate expires within this many days'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --all-addresses 'Handshake with every address HOST resolves to and compare certificates'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plumb;endpoint'= {
            cand -X 'HTTP method'
            cand --method 'HTTP method'
            cand -H 'Extra request header ''Name: value'' (repeatable); credential headers are never printed'
            cand --header 'Extra request header ''Name: value'' (repeatable); credential headers are never printed'
            cand -d 'Request body, or @FILE to send a file''s bytes'
            cand --data 'Request body, or @FILE to send a file''s bytes'
            cand --origin 'Also send a CORS preflight as a browser at this origin would'
            cand --deadline 'The longest the whole exchange may take (webhook senders give up after about 10 s)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plumb;verify-signature'= {
            cand --secret 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history'
            cand --secret-file 'Read the signing secret from FILE (one trailing newline is dropped)'
            cand --url 'The webhook URL exactly as configured at the sender (mandrill)'
            cand --algorithm 'MAC algorithm (hmac and timestamped)'
            cand --encoding 'Signature encoding (hmac and timestamped; verification detects it)'
            cand --signature-header 'Header that carries the signature (hmac and timestamped)'
            cand --timestamp-header 'Header that carries the timestamp (timestamped)'
            cand --payload 'The raw body as received (- = standard input); never re-encoded'
            cand -H 'A received header ''Name: value'' (repeatable; names are case-insensitive)'
            cand --header 'A received header ''Name: value'' (repeatable; names are case-insensitive)'
            cand --signature 'The signature header''s value exactly as sent (Stripe: the whole t=…,v1=…)'
            cand --timestamp 'The timestamp, where the scheme sends it apart from the signature'
            cand --id 'The message id (standard: the webhook-id header)'
            cand --request 'A raw HTTP request as captured: request line, headers, blank line, body'
            cand --tolerance 'How far the timestamp may lie from now'
            cand --now 'Judge the timestamp against this moment (Unix seconds) instead of now'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plumb;sign'= {
            cand --secret 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history'
            cand --secret-file 'Read the signing secret from FILE (one trailing newline is dropped)'
            cand --url 'The webhook URL exactly as configured at the sender (mandrill)'
            cand --algorithm 'MAC algorithm (hmac and timestamped)'
            cand --encoding 'Signature encoding (hmac and timestamped; verification detects it)'
            cand --signature-header 'Header that carries the signature (hmac and timestamped)'
            cand --timestamp-header 'Header that carries the timestamp (timestamped)'
            cand --payload 'The body to sign (- = standard input), as raw bytes'
            cand --timestamp 'Unix seconds to sign with (default: now)'
            cand --id 'Message id for Standard Webhooks (default: a random msg_…)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plumb;webhook'= {
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand send 'Send a signed test delivery to an endpoint and judge its answer'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;webhook;send'= {
            cand --provider 'Whose signature the delivery carries'
            cand --secret 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history'
            cand --secret-file 'Read the signing secret from FILE (one trailing newline is dropped)'
            cand --url 'The webhook URL exactly as configured at the sender (mandrill)'
            cand --algorithm 'MAC algorithm (hmac and timestamped)'
            cand --encoding 'Signature encoding (hmac and timestamped; verification detects it)'
            cand --signature-header 'Header that carries the signature (hmac and timestamped)'
            cand --timestamp-header 'Header that carries the timestamp (timestamped)'
            cand --payload 'The body to deliver (- = standard input), sent as raw bytes'
            cand --content-type 'Content-Type of the delivery'
            cand -H 'Extra request header ''Name: value'' (repeatable)'
            cand --header 'Extra request header ''Name: value'' (repeatable)'
            cand --timestamp 'Unix seconds to sign with (default: now)'
            cand --id 'Message id for Standard Webhooks (default: a random msg_…)'
            cand --deadline 'How long the endpoint may take to answer (senders give up after about 10 s)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --forged 'Also send the delivery unsigned and wrongly signed: both must be refused'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plumb;webhook;help'= {
            cand send 'Send a signed test delivery to an endpoint and judge its answer'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;webhook;help;send'= {
        }
        &'plumb;webhook;help;help'= {
        }
        &'plumb;generate-assets'= {
            cand --out-dir 'Directory that holds completions/ and man/'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --check 'Compare instead of writing; a stale file fails the run'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plumb;help'= {
            cand explain 'Explain an error code, HTTP status, log message or sync status, with the fix'
            cand credential 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes'
            cand tls 'Check a server''s TLS: versions, certificate name, trust, expiry and interception'
            cand endpoint 'Make one HTTP request with a timing breakdown; explain the status; check CORS'
            cand verify-signature 'Verify a webhook signature and, when it does not match, say why'
            cand sign 'Print the signature headers a webhook sender would add to a payload'
            cand webhook 'Send signed test deliveries to a webhook endpoint'
            cand generate-assets 'Regenerate completions/ and man/ from this command line (maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;help;explain'= {
        }
        &'plumb;help;credential'= {
        }
        &'plumb;help;tls'= {
        }
        &'plumb;help;endpoint'= {
        }
        &'plumb;help;verify-signature'= {
        }
        &'plumb;help;sign'= {
        }
        &'plumb;help;webhook'= {
            cand send 'Send a signed test delivery to an endpoint and judge its answer'
        }
        &'plumb;help;webhook;send'= {
        }
        &'plumb;help;generate-assets'= {
        }
        &'plumb;help;help'= {
        }
    ]
    $completions[$command]
}
