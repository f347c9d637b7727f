# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_plumb_global_optspecs
    string join \n format= json o/output= color= timeout= max-time= ca-file= fail-on= q/quiet v/verbose h/help V/version
end

function __fish_plumb_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_plumb_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_plumb_using_subcommand
    set -l cmd (__fish_plumb_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c plumb -n "__fish_plumb_needs_command" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_needs_command" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_needs_command" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_needs_command" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_needs_command" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_needs_command" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_needs_command" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_needs_command" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_needs_command" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_needs_command" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_needs_command" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "explain" -d 'Explain an error code, HTTP status, log message or sync status, with the fix'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "credential" -d 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "tls" -d 'Check a server\'s TLS: versions, certificate name, trust, expiry and interception'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "endpoint" -d 'Make one HTTP request with a timing breakdown; explain the status; check CORS'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "doctor" -d 'Run many checks at once: the built-in health check, or the entries of a config file'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "records" -d 'Check exported records before a sync (validate) or compare two exports (diff)'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "check" -d 'Check a service\'s credentials, permissions and account (Shopify, Mailchimp, Stripe, WooCommerce)'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "dns" -d 'Resolve names through the system and public resolvers; spot filtering, split horizon and sinkholes'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "rate-limit" -d 'Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "verify-signature" -d 'Verify a webhook signature and, when it does not match, say why'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "sign" -d 'Print the signature headers a webhook sender would add to a payload'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "webhook" -d 'Send signed test deliveries to a webhook endpoint'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "logs" -d 'Classify integration logs (timeouts, 401/403/429, validation, signatures, 5xx, TLS, DNS)'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "bundle" -d 'Write one redacted archive for a support ticket: doctor report, environment, logs, records'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "serve" -d 'Run config entries on demand over HTTP for Prometheus (/probe, /report, /metrics)'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "har" -d 'Read a browser\'s HAR export: failed and blocked requests, slow phases, rate limits, leaked credentials'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l context -d 'Where the error happened, which changes who can fix it' -r -f -a "inbound-webhook\t'An outside system calls your platform\'s webhook URL'
outbound-webhook\t'Your platform delivers events to an endpoint someone configured'
custom-node\t'A step you configured that calls a third-party API directly'
prebuilt\t'A ready-made connector to a third-party service'
custom-event\t'Events your own systems post into the platform'"
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand explain" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l list -d 'Print the whole catalogue'
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand explain" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand explain" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand explain" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l env -d 'Read the credential from this environment variable' -r
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l for -d 'What the credential is meant for: a credential of another kind fails' -r -f -a "stripe-api\t'Server-side calls to the Stripe API'
stripe-webhook\t'Verifying Stripe webhook signatures'
shopify-admin\t'Shopify Admin API calls'
shopify-webhook\t'Verifying Shopify webhook signatures'
mailchimp\t'Mailchimp Marketing API calls'
woocommerce-key\t'The WooCommerce REST consumer key'
woocommerce-secret\t'The WooCommerce REST consumer secret'
woocommerce-webhook\t'Verifying WooCommerce webhook signatures'
standard-webhook\t'Verifying Standard Webhooks / Svix signatures'"
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l now -d 'Judge token times against this moment (Unix seconds) instead of now' -r
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l servername -d 'The name to send in SNI and check the certificate against (default: HOST)' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l address -d 'Connect to this address instead of resolving HOST (like curl --resolve), never through a proxy' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l warn-days -d 'Warn when the certificate expires within this many days' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l all-addresses -d 'Handshake with every address HOST resolves to and compare certificates (skipped through a proxy)'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s X -l method -d 'HTTP method' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s H -l header -d 'Extra request header \'Name: value\' (repeatable); credential headers are never printed' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s d -l data -d 'Request body, or @FILE to send a file\'s bytes' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l origin -d 'Also send a CORS preflight as a browser at this origin would' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l deadline -d 'The longest the whole exchange may take (webhook senders give up after about 10 s)' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l address -d 'Connect to this address instead of resolving the URL\'s host (like curl --resolve); Host and TLS name stay the URL\'s, and no proxy is used' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s i -l include -d 'Show the response\'s status line and headers (like curl -i)'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l config -d 'Run the entries of this TOML file instead of the built-in health check' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l time-server -d 'Measure clock skew against this HTTPS server\'s Date header [default without --config: https://api.stripe.com/]' -r
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l init -d 'Write a commented example config (to --config FILE, or plumb.toml) and stop'
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -s h -l help -d 'Print help'
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -f -a "validate" -d 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates'
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -f -a "diff" -d 'Compare two exports by key: missing, extra, repeated and changed records'
complete -c plumb -n "__fish_plumb_using_subcommand records; and not __fish_seen_subcommand_from validate diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l column -d 'Map a field to a column whose name plumb does not recognise (repeatable), e.g. email=E-Mail' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l id-column -d 'The column holding the record id [default: id, else the first column]' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l default-region -d 'Region for phone numbers written without a country code (US, GB, DE…): the report then says what the E.164 form would be' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l bad-out -d 'Write the rows with problems (all their columns plus plumb_problems) to this CSV file' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l max-input-size -d 'Read at most this much data per file, after decompression (K, M, G)' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l max-bad-out -d 'Stop writing --bad-out at this size (K, M, G)' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from validate" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l key -d 'The column that identifies a record in both files' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l ignore-column -d 'A column not to compare, such as updated_at (repeatable)' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l max-input-size -d 'Read at most this much data per file, after decompression (K, M, G)' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Compare two exports by key: missing, extra, repeated and changed records'
complete -c plumb -n "__fish_plumb_using_subcommand records; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l api-base -d 'Send every call to this scheme://host[:port] instead of the service\'s own (a mock, a proxy); paths stay as documented' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l offline -d 'Run only the format checks: no network call is made'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -s h -l help -d 'Print help'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -f -a "shopify" -d 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -f -a "mailchimp" -d 'Mailchimp: key format, data centre against the account URL, auth, account'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -f -a "stripe" -d 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -f -a "woocommerce" -d 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth'
complete -c plumb -n "__fish_plumb_using_subcommand check; and not __fish_seen_subcommand_from shopify mailchimp stripe woocommerce help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l store -d 'The store: NAME, NAME.myshopify.com or an admin URL' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l token -d 'Admin API access token (shpat_, shpca_, shppa_ or a legacy 32-hex token)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l token-file -d 'Read --token from this file instead (\'-\' for standard input); wins over --token and SHOPIFY_ACCESS_TOKEN' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l api-version -d 'Admin API version to call (YYYY-MM)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l require-scope -d 'Also require this access scope (repeatable)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l api-base -d 'Send every call to this scheme://host[:port] instead of the service\'s own (a mock, a proxy); paths stay as documented' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l offline -d 'Run only the format checks: no network call is made'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from shopify" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l api-key -d 'Marketing API key (32 hex characters, a dash, the data centre: …-us6)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l api-key-file -d 'Read --api-key from this file instead (\'-\' for standard input); wins over --api-key and MAILCHIMP_API_KEY' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l account-url -d 'The account\'s admin URL as the browser shows it (https://us6.admin.mailchimp.com)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l api-base -d 'Send every call to this scheme://host[:port] instead of the service\'s own (a mock, a proxy); paths stay as documented' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l offline -d 'Run only the format checks: no network call is made'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from mailchimp" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l api-key -d 'Secret (sk_) or restricted (rk_) API key' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l api-key-file -d 'Read --api-key from this file instead (\'-\' for standard input); wins over --api-key and STRIPE_API_KEY' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l webhook-url -d 'The URL Stripe should deliver webhooks to: its endpoint and events are checked' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l webhook-secret -d 'The endpoint\'s signing secret (whsec_…), checked for its format' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l webhook-secret-file -d 'Read --webhook-secret from this file instead (\'-\' for standard input); wins over --webhook-secret and STRIPE_WEBHOOK_SECRET' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l api-base -d 'Send every call to this scheme://host[:port] instead of the service\'s own (a mock, a proxy); paths stay as documented' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l subscriptions -d 'Also require the customer.subscription.* events'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l offline -d 'Run only the format checks: no network call is made'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from stripe" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l url -d 'The store\'s address (https://shop.example.com, or the WordPress folder)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l consumer-key -d 'REST API consumer key (ck_…)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l consumer-key-file -d 'Read --consumer-key from this file instead (\'-\' for standard input); wins over --consumer-key and WC_CONSUMER_KEY' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l consumer-secret -d 'REST API consumer secret (cs_…)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l consumer-secret-file -d 'Read --consumer-secret from this file instead (\'-\' for standard input); wins over --consumer-secret and WC_CONSUMER_SECRET' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l api-base -d 'Send every call to this scheme://host[:port] instead of the service\'s own (a mock, a proxy); paths stay as documented' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l offline -d 'Run only the format checks: no network call is made'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from woocommerce" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "shopify" -d 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "mailchimp" -d 'Mailchimp: key format, data centre against the account URL, auth, account'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "stripe" -d 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "woocommerce" -d 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth'
complete -c plumb -n "__fish_plumb_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l type -d 'Record types to ask for (comma-separated or repeated)' -r -f -a "A\t''
AAAA\t''
CNAME\t''
MX\t''
TXT\t''"
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l resolver -d 'Ask this resolver instead of the public ones (repeatable; port 53 unless given)' -r
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l service -d 'Also resolve the host names this service\'s API needs: shopify (NAME.myshopify.com from --store), mailchimp (DC.api.mailchimp.com from --dc or MAILCHIMP_API_KEY), stripe (api.stripe.com), woocommerce (the host of --url)' -r -f -a "shopify\t''
mailchimp\t''
stripe\t''
woocommerce\t''"
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l store -d 'Shopify store for --service shopify: NAME, NAME.myshopify.com or the admin URL' -r
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l url -d 'Store address for --service woocommerce' -r
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l dc -d 'Mailchimp data centre for --service mailchimp (us6); taken from the MAILCHIMP_API_KEY suffix when not given' -r
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand dns" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l no-system -d 'Do not ask the system resolver (/etc/resolv.conf)'
complete -c plumb -n "__fish_plumb_using_subcommand dns" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand dns" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand dns" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand dns" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand dns" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -s h -l help -d 'Print help'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -f -a "inspect" -d 'Read every rate-limit signal in one response (a URL, or a captured response)'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -f -a "probe" -d 'Send requests at a steady pace and report where the server starts limiting'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -f -a "limits" -d 'List the documented limits per service and plan, with their source'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -f -a "plan" -d 'Estimate how long a full sync takes at the documented limit'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and not __fish_seen_subcommand_from inspect probe limits plan help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -l headers-file -d 'A captured response instead (status line, headers, optional body; `-` for stdin)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -s H -l header -d 'Extra request header \'Name: value\' (repeatable); credential headers are never printed' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l rate -d 'The pace: 5/s, 120/m, 0.5/s (never exceeded in any one-second window)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l requests -d 'Send this many requests' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l duration -d 'Send for this long (30s, 2m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l max-requests -d 'Raise the caps of 1000 requests and 10 minutes to this many requests' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -s H -l header -d 'Extra request header \'Name: value\' (repeatable); credential headers are never printed' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from probe" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -l service -d 'Only this service' -r -f -a "shopify\t''
mailchimp\t''
stripe\t''
woocommerce\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from limits" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l service -d 'The service synced' -r -f -a "shopify\t''
mailchimp\t''
stripe\t''
woocommerce\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l records -d 'How many records the sync moves' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l calls-per-record -d 'API calls each record needs' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l plan -d 'Shopify plan: standard, advanced, plus or enterprise (default standard)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l mode -d 'Stripe mode (default live)' -r -f -a "live\t''
test\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l rate -d 'Use this rate instead of the documented one (a host\'s own limit)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from plan" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Read every rate-limit signal in one response (a URL, or a captured response)'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from help" -f -a "probe" -d 'Send requests at a steady pace and report where the server starts limiting'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from help" -f -a "limits" -d 'List the documented limits per service and plan, with their source'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Estimate how long a full sync takes at the documented limit'
complete -c plumb -n "__fish_plumb_using_subcommand rate-limit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l secret -d 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l secret-file -d 'Read the signing secret from FILE (one trailing newline is dropped)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l url -d 'The webhook URL exactly as configured at the sender (mandrill)' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l algorithm -d 'MAC algorithm (hmac and timestamped)' -r -f -a "sha256\t''
sha1\t''
sha512\t''"
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l encoding -d 'Signature encoding (hmac and timestamped; verification detects it)' -r -f -a "hex\t''
base64\t''"
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l signature-header -d 'Header that carries the signature (hmac and timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l timestamp-header -d 'Header that carries the timestamp (timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l payload -d 'The raw body as received (- = standard input); never re-encoded' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -s H -l header -d 'A received header \'Name: value\' (repeatable; names are case-insensitive)' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l signature -d 'The signature header\'s value exactly as sent (Stripe: the whole t=…,v1=…)' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l timestamp -d 'The timestamp, where the scheme sends it apart from the signature' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l id -d 'The message id (standard: the webhook-id header)' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l request -d 'A raw HTTP request as captured: request line, headers, blank line, body' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l tolerance -d 'How far the timestamp may lie from now' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l now -d 'Judge the timestamp against this moment (Unix seconds) instead of now' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l secret -d 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l secret-file -d 'Read the signing secret from FILE (one trailing newline is dropped)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l url -d 'The webhook URL exactly as configured at the sender (mandrill)' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l algorithm -d 'MAC algorithm (hmac and timestamped)' -r -f -a "sha256\t''
sha1\t''
sha512\t''"
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l encoding -d 'Signature encoding (hmac and timestamped; verification detects it)' -r -f -a "hex\t''
base64\t''"
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l signature-header -d 'Header that carries the signature (hmac and timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l timestamp-header -d 'Header that carries the timestamp (timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l payload -d 'The body to sign (- = standard input), as raw bytes' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l timestamp -d 'Unix seconds to sign with (default: now)' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l id -d 'Message id for Standard Webhooks (default: a random msg_…)' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -s h -l help -d 'Print help'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -f -a "send" -d 'Send a signed test delivery to an endpoint and judge its answer'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -f -a "audit" -d 'Test a receiver\'s hardening: a valid delivery, a retry, forged, tampered and stale copies'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -f -a "replay" -d 'Resend recorded deliveries (raw HTTP requests) to a receiver'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -f -a "events" -d 'List the sample events and topics plumb can deliver'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -f -a "listen" -d 'Receive deliveries on a local port, verify each, and forward or record them'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send audit replay events listen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l provider -d 'Whose signature and headers the delivery carries' -r -f -a "stripe\t'Stripe-Signature: t=…,v1=hex over "{t}.{body}"'
shopify\t'X-Shopify-Hmac-Sha256: base64 over the body'
woocommerce\t'X-WC-Webhook-Signature: base64 over the body'
github\t'X-Hub-Signature-256: sha256=hex over the body'
slack\t'X-Slack-Signature: v0=hex over "v0:{ts}:{body}"'
standard\t'Standard Webhooks / Svix: webhook-signature: v1,base64 over "{id}.{ts}.{body}"'
mandrill\t'Mailchimp Transactional: X-Mandrill-Signature over the URL and the sorted form fields (needs --url)'
timestamped\t'HMAC over "{timestamp}.{body}" in headers named by --signature-header/--timestamp-header'
hmac\t'Plain HMAC of the body (--algorithm, --encoding)'"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l secret -d 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l secret-file -d 'Read the signing secret from FILE (one trailing newline is dropped)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l url -d 'The webhook URL exactly as configured at the sender (mandrill)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l algorithm -d 'MAC algorithm (hmac and timestamped)' -r -f -a "sha256\t''
sha1\t''
sha512\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l encoding -d 'Signature encoding (hmac and timestamped; verification detects it)' -r -f -a "hex\t''
base64\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l signature-header -d 'Header that carries the signature (hmac and timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l timestamp-header -d 'Header that carries the timestamp (timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l event -l topic -d 'The sample event or topic to deliver (plumb webhook events lists them; default: the provider\'s first); with --payload it names the event in the provider\'s headers' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l payload -d 'Deliver this body instead of a sample event (- = standard input), sent as raw bytes' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l content-type -d 'Content-Type of the delivery (default: the provider\'s own)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s H -l header -d 'Extra request header \'Name: value\' (repeatable); replaces plumb\'s header of the same name' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l timestamp -d 'Unix seconds to sign with (default: now)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l id -d 'Message id for Standard Webhooks (default: a random msg_…)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l deadline -d 'How long the endpoint may take to answer (default: the provider\'s own delivery deadline, 10 s where it documents none)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l forged -d 'Also send the delivery unsigned and wrongly signed: both must be refused'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l provider -d 'Whose signature and headers the delivery carries' -r -f -a "stripe\t'Stripe-Signature: t=…,v1=hex over "{t}.{body}"'
shopify\t'X-Shopify-Hmac-Sha256: base64 over the body'
woocommerce\t'X-WC-Webhook-Signature: base64 over the body'
github\t'X-Hub-Signature-256: sha256=hex over the body'
slack\t'X-Slack-Signature: v0=hex over "v0:{ts}:{body}"'
standard\t'Standard Webhooks / Svix: webhook-signature: v1,base64 over "{id}.{ts}.{body}"'
mandrill\t'Mailchimp Transactional: X-Mandrill-Signature over the URL and the sorted form fields (needs --url)'
timestamped\t'HMAC over "{timestamp}.{body}" in headers named by --signature-header/--timestamp-header'
hmac\t'Plain HMAC of the body (--algorithm, --encoding)'"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l secret -d 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l secret-file -d 'Read the signing secret from FILE (one trailing newline is dropped)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l url -d 'The webhook URL exactly as configured at the sender (mandrill)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l algorithm -d 'MAC algorithm (hmac and timestamped)' -r -f -a "sha256\t''
sha1\t''
sha512\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l encoding -d 'Signature encoding (hmac and timestamped; verification detects it)' -r -f -a "hex\t''
base64\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l signature-header -d 'Header that carries the signature (hmac and timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l timestamp-header -d 'Header that carries the timestamp (timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l event -l topic -d 'The sample event or topic to deliver (plumb webhook events lists them; default: the provider\'s first); with --payload it names the event in the provider\'s headers' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l payload -d 'Deliver this body instead of a sample event (- = standard input), sent as raw bytes' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l content-type -d 'Content-Type of the delivery (default: the provider\'s own)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -s H -l header -d 'Extra request header \'Name: value\' (repeatable); replaces plumb\'s header of the same name' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l deadline -d 'How long the receiver may take to answer (default: the provider\'s own delivery deadline, 10 s where it documents none)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from audit" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l to -d 'Where to send them' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l provider -d 'Who signed the deliveries (default: told from their signature headers)' -r -f -a "stripe\t'Stripe-Signature: t=…,v1=hex over "{t}.{body}"'
shopify\t'X-Shopify-Hmac-Sha256: base64 over the body'
woocommerce\t'X-WC-Webhook-Signature: base64 over the body'
github\t'X-Hub-Signature-256: sha256=hex over the body'
slack\t'X-Slack-Signature: v0=hex over "v0:{ts}:{body}"'
standard\t'Standard Webhooks / Svix: webhook-signature: v1,base64 over "{id}.{ts}.{body}"'
mandrill\t'Mailchimp Transactional: X-Mandrill-Signature over the URL and the sorted form fields (needs --url)'
timestamped\t'HMAC over "{timestamp}.{body}" in headers named by --signature-header/--timestamp-header'
hmac\t'Plain HMAC of the body (--algorithm, --encoding)'"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l secret -d 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l secret-file -d 'Read the signing secret from FILE (one trailing newline is dropped)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l url -d 'The webhook URL exactly as configured at the sender (mandrill)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l algorithm -d 'MAC algorithm (hmac and timestamped)' -r -f -a "sha256\t''
sha1\t''
sha512\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l encoding -d 'Signature encoding (hmac and timestamped; verification detects it)' -r -f -a "hex\t''
base64\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l signature-header -d 'Header that carries the signature (hmac and timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l timestamp-header -d 'Header that carries the timestamp (timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l deadline -d 'How long the receiver may take to answer each delivery (default: the provider\'s own delivery deadline, 10 s where it documents none)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l resign -d 'Sign timestamped schemes (stripe, slack, standard, timestamped) again with a fresh timestamp, so they pass the receiver\'s tolerance (needs the secret)'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l as-is -d 'Send each delivery exactly as recorded (the default): tests the receiver\'s replay protection'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from replay" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -l provider -d 'Only this provider\'s events' -r -f -a "stripe\t'Stripe-Signature: t=…,v1=hex over "{t}.{body}"'
shopify\t'X-Shopify-Hmac-Sha256: base64 over the body'
woocommerce\t'X-WC-Webhook-Signature: base64 over the body'
github\t'X-Hub-Signature-256: sha256=hex over the body'
slack\t'X-Slack-Signature: v0=hex over "v0:{ts}:{body}"'
standard\t'Standard Webhooks / Svix: webhook-signature: v1,base64 over "{id}.{ts}.{body}"'
mandrill\t'Mailchimp Transactional: X-Mandrill-Signature over the URL and the sorted form fields (needs --url)'
timestamped\t'HMAC over "{timestamp}.{body}" in headers named by --signature-header/--timestamp-header'
hmac\t'Plain HMAC of the body (--algorithm, --encoding)'"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from events" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l provider -d 'Whose signatures the deliveries carry' -r -f -a "stripe\t'Stripe-Signature: t=…,v1=hex over "{t}.{body}"'
shopify\t'X-Shopify-Hmac-Sha256: base64 over the body'
woocommerce\t'X-WC-Webhook-Signature: base64 over the body'
github\t'X-Hub-Signature-256: sha256=hex over the body'
slack\t'X-Slack-Signature: v0=hex over "v0:{ts}:{body}"'
standard\t'Standard Webhooks / Svix: webhook-signature: v1,base64 over "{id}.{ts}.{body}"'
mandrill\t'Mailchimp Transactional: X-Mandrill-Signature over the URL and the sorted form fields (needs --url)'
timestamped\t'HMAC over "{timestamp}.{body}" in headers named by --signature-header/--timestamp-header'
hmac\t'Plain HMAC of the body (--algorithm, --encoding)'"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l secret -d 'Signing secret (repeatable: each is tried). Prefer --secret-file or PLUMB_WEBHOOK_SECRET, which keep it out of shell history' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l secret-file -d 'Read the signing secret from FILE (one trailing newline is dropped)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l url -d 'The webhook URL exactly as configured at the sender (mandrill)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l algorithm -d 'MAC algorithm (hmac and timestamped)' -r -f -a "sha256\t''
sha1\t''
sha512\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l encoding -d 'Signature encoding (hmac and timestamped; verification detects it)' -r -f -a "hex\t''
base64\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l signature-header -d 'Header that carries the signature (hmac and timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l timestamp-header -d 'Header that carries the timestamp (timestamped)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l port -d 'Port to listen on (0 = any free port; the ready line names it)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l bind -d 'Address to listen on (a non-loopback one warns: anyone who reaches it can send)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l path -d 'The path deliveries arrive on; other paths are answered 404' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l forward-to -d 'Relay each delivery unchanged to the application at URL and judge its answer' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l record -d 'Record each delivery as a raw HTTP request file (and index.jsonl) in DIR' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l expect -d 'End after N deliveries (fewer by the end fails)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l for -d 'End after this long (default: on Ctrl-C, or with --expect alone at the run\'s budget)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l tolerance -d 'How far a signed timestamp may lie from the moment of arrival' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l reject-invalid -d 'Answer invalid deliveries 400 and do not forward them'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send a signed test delivery to an endpoint and judge its answer'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "audit" -d 'Test a receiver\'s hardening: a valid delivery, a retry, forged, tampered and stale copies'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Resend recorded deliveries (raw HTTP requests) to a receiver'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "events" -d 'List the sample events and topics plumb can deliver'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "listen" -d 'Receive deliveries on a local port, verify each, and forward or record them'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand logs" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand logs" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand logs" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand logs" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand logs" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand logs" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand logs" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand logs" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand logs" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand logs" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand logs" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l config -d 'Run the entries of this doctor config for report.json instead of the built-in health check' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l log -d 'A log to include: its `plumb logs` report and the last lines of each class, redacted (repeatable)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l records -d 'An export to include: its `records validate` report, which shows shapes, never values (repeatable)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l har -d 'A browser\'s HAR export to include: its `plumb har` report and the HAR itself with every credential and cookie redacted (repeatable)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l inspect -d 'List what a bundle holds and how many values were redacted in each file, instead of making one' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand bundle" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l config -d 'The TOML file whose [[check]] entries and [[module]]s may run (the format of doctor --config)' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l listen -d 'Address and port to listen on (loopback unless you choose otherwise)' -r
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l max-probes -d 'Probes run at once; more are answered 503' -r
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand serve" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand serve" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand serve" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand serve" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand serve" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -l max-input-size -d 'Read at most this much of the file (K, M, G)' -r
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -a "redact" -d 'Write the same HAR with every secret and cookie masked (-o FILE)'
complete -c plumb -n "__fish_plumb_using_subcommand har; and not __fish_seen_subcommand_from redact help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -l max-input-size -d 'Read at most this much of the file (K, M, G)' -r
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''
github\t''
prometheus\t''"
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -l max-time -d 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]' -r
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from redact" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from help" -f -a "redact" -d 'Write the same HAR with every secret and cookie masked (-o FILE)'
complete -c plumb -n "__fish_plumb_using_subcommand har; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "explain" -d 'Explain an error code, HTTP status, log message or sync status, with the fix'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "credential" -d 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "tls" -d 'Check a server\'s TLS: versions, certificate name, trust, expiry and interception'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "endpoint" -d 'Make one HTTP request with a timing breakdown; explain the status; check CORS'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "doctor" -d 'Run many checks at once: the built-in health check, or the entries of a config file'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "records" -d 'Check exported records before a sync (validate) or compare two exports (diff)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "check" -d 'Check a service\'s credentials, permissions and account (Shopify, Mailchimp, Stripe, WooCommerce)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "dns" -d 'Resolve names through the system and public resolvers; spot filtering, split horizon and sinkholes'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "rate-limit" -d 'Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "verify-signature" -d 'Verify a webhook signature and, when it does not match, say why'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "sign" -d 'Print the signature headers a webhook sender would add to a payload'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "webhook" -d 'Send signed test deliveries to a webhook endpoint'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "logs" -d 'Classify integration logs (timeouts, 401/403/429, validation, signatures, 5xx, TLS, DNS)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "bundle" -d 'Write one redacted archive for a support ticket: doctor report, environment, logs, records'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "serve" -d 'Run config entries on demand over HTTP for Prometheus (/probe, /report, /metrics)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "har" -d 'Read a browser\'s HAR export: failed and blocked requests, slow phases, rate limits, leaked credentials'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint doctor records check dns rate-limit verify-signature sign webhook logs bundle serve har help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from records" -f -a "validate" -d 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from records" -f -a "diff" -d 'Compare two exports by key: missing, extra, repeated and changed records'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "shopify" -d 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "mailchimp" -d 'Mailchimp: key format, data centre against the account URL, auth, account'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "stripe" -d 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "woocommerce" -d 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from rate-limit" -f -a "inspect" -d 'Read every rate-limit signal in one response (a URL, or a captured response)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from rate-limit" -f -a "probe" -d 'Send requests at a steady pace and report where the server starts limiting'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from rate-limit" -f -a "limits" -d 'List the documented limits per service and plan, with their source'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from rate-limit" -f -a "plan" -d 'Estimate how long a full sync takes at the documented limit'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "send" -d 'Send a signed test delivery to an endpoint and judge its answer'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "audit" -d 'Test a receiver\'s hardening: a valid delivery, a retry, forged, tampered and stale copies'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "replay" -d 'Resend recorded deliveries (raw HTTP requests) to a receiver'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "events" -d 'List the sample events and topics plumb can deliver'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "listen" -d 'Receive deliveries on a local port, verify each, and forward or record them'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from har" -f -a "redact" -d 'Write the same HAR with every secret and cookie masked (-o FILE)'
