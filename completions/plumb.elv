
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
            cand rate-limit 'Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits'
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
        &'plumb;rate-limit'= {
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
            cand inspect 'Read every rate-limit signal in one response (a URL, or a captured response)'
            cand probe 'Send requests at a steady pace and report where the server starts limiting'
            cand limits 'List the documented limits per service and plan, with their source'
            cand plan 'Estimate how long a full sync takes at the documented limit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;rate-limit;inspect'= {
            cand --headers-file 'A captured response instead (status line, headers, optional body; `-` for stdin)'
            cand -H 'Extra request header ''Name: value'' (repeatable); credential headers are never printed'
            cand --header 'Extra request header ''Name: value'' (repeatable); credential headers are never printed'
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
        &'plumb;rate-limit;probe'= {
            cand --rate 'The pace: 5/s, 120/m, 0.5/s (never exceeded in any one-second window)'
            cand --requests 'Send this many requests'
            cand --duration 'Send for this long (30s, 2m)'
            cand --max-requests 'Raise the caps of 1000 requests and 10 minutes to this many requests'
            cand -H 'Extra request header ''Name: value'' (repeatable); credential headers are never printed'
            cand --header 'Extra request header ''Name: value'' (repeatable); credential headers are never printed'
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
        &'plumb;rate-limit;limits'= {
            cand --service 'Only this service'
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
        &'plumb;rate-limit;plan'= {
            cand --service 'The service synced'
            cand --records 'How many records the sync moves'
            cand --calls-per-record 'API calls each record needs'
            cand --plan 'Shopify plan: standard, advanced, plus or enterprise (default standard)'
            cand --mode 'Stripe mode (default live)'
            cand --rate 'Use this rate instead of the documented one (a host''s own limit)'
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
        &'plumb;rate-limit;help'= {
            cand inspect 'Read every rate-limit signal in one response (a URL, or a captured response)'
            cand probe 'Send requests at a steady pace and report where the server starts limiting'
            cand limits 'List the documented limits per service and plan, with their source'
            cand plan 'Estimate how long a full sync takes at the documented limit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;rate-limit;help;inspect'= {
        }
        &'plumb;rate-limit;help;probe'= {
        }
        &'plumb;rate-limit;help;limits'= {
        }
        &'plumb;rate-limit;help;plan'= {
        }
        &'plumb;rate-limit;help;help'= {
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
            cand rate-limit 'Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits'
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
        &'plumb;help;rate-limit'= {
            cand inspect 'Read every rate-limit signal in one response (a URL, or a captured response)'
            cand probe 'Send requests at a steady pace and report where the server starts limiting'
            cand limits 'List the documented limits per service and plan, with their source'
            cand plan 'Estimate how long a full sync takes at the documented limit'
        }
        &'plumb;help;rate-limit;inspect'= {
        }
        &'plumb;help;rate-limit;probe'= {
        }
        &'plumb;help;rate-limit;limits'= {
        }
        &'plumb;help;rate-limit;plan'= {
        }
        &'plumb;help;generate-assets'= {
        }
        &'plumb;help;help'= {
        }
    ]
    $completions[$command]
}
