# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_plumb_global_optspecs
    string join \n format= json o/output= color= timeout= ca-file= fail-on= q/quiet v/verbose h/help V/version
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
junit\t''"
complete -c plumb -n "__fish_plumb_needs_command" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_needs_command" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_needs_command" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
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
complete -c plumb -n "__fish_plumb_needs_command" -f -a "verify-signature" -d 'Verify a webhook signature and, when it does not match, say why'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "sign" -d 'Print the signature headers a webhook sender would add to a payload'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "webhook" -d 'Send signed test deliveries to a webhook endpoint'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "generate-assets" -d 'Regenerate completions/ and man/ from this command line (maintainers)'
complete -c plumb -n "__fish_plumb_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l context -d 'Where the error happened, which changes who can fix it' -r -f -a "inbound-webhook\t'An outside system calls your platform\'s webhook URL'
outbound-webhook\t'Your platform delivers events to an endpoint someone configured'
custom-node\t'A step you configured that calls a third-party API directly'
prebuilt\t'A ready-made connector to a third-party service'
custom-event\t'Events your own systems post into the platform'"
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand explain" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand explain" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
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
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand credential" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand credential" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l servername -d 'The name to send in SNI and check the certificate against (default: HOST)' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l address -d 'Connect to this address instead of resolving HOST (like curl --resolve)' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l warn-days -d 'Warn when the certificate expires within this many days' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l all-addresses -d 'Handshake with every address HOST resolves to and compare certificates'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s h -l help -d 'Print help'
complete -c plumb -n "__fish_plumb_using_subcommand tls" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s X -l method -d 'HTTP method' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s H -l header -d 'Extra request header \'Name: value\' (repeatable); credential headers are never printed' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s d -l data -d 'Request body, or @FILE to send a file\'s bytes' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l origin -d 'Also send a CORS preflight as a browser at this origin would' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l deadline -d 'The longest the whole exchange may take (webhook senders give up after about 10 s)' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s h -l help -d 'Print help'
complete -c plumb -n "__fish_plumb_using_subcommand endpoint" -s V -l version -d 'Print version'
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
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand verify-signature" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
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
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand sign" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand sign" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -s h -l help -d 'Print help'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -f -a "send" -d 'Send a signed test delivery to an endpoint and judge its answer'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and not __fish_seen_subcommand_from send help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l provider -d 'Whose signature the delivery carries' -r -f -a "stripe\t'Stripe-Signature: t=…,v1=hex over "{t}.{body}"'
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
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l payload -d 'The body to deliver (- = standard input), sent as raw bytes' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l content-type -d 'Content-Type of the delivery' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s H -l header -d 'Extra request header \'Name: value\' (repeatable)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l timestamp -d 'Unix seconds to sign with (default: now)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l id -d 'Message id for Standard Webhooks (default: a random msg_…)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l deadline -d 'How long the endpoint may take to answer (senders give up after about 10 s)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l forged -d 'Also send the delivery unsigned and wrongly signed: both must be refused'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send a signed test delivery to an endpoint and judge its answer'
complete -c plumb -n "__fish_plumb_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -l out-dir -d 'Directory that holds completions/ and man/' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -l format -d 'Report format' -r -f -a "text\t''
json\t''
junit\t''"
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -l color -d 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -l timeout -d 'Bound for each network operation (500ms, 5s, 1m)' -r
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -l ca-file -d 'An extra trust anchor (PEM) for every TLS connection' -r -F
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -l fail-on -d 'The lowest status that makes plumb exit 1' -r -f -a "fail\t''
warn\t''"
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -l check -d 'Compare instead of writing; a stale file fails the run'
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -l json -d 'Short for --format json'
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -s q -l quiet -d 'Print only the summary and the checks that fail the run'
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -s v -l verbose -d 'Also print the evidence of checks that passed'
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -s h -l help -d 'Print help'
complete -c plumb -n "__fish_plumb_using_subcommand generate-assets" -s V -l version -d 'Print version'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "explain" -d 'Explain an error code, HTTP status, log message or sync status, with the fix'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "credential" -d 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "tls" -d 'Check a server\'s TLS: versions, certificate name, trust, expiry and interception'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "endpoint" -d 'Make one HTTP request with a timing breakdown; explain the status; check CORS'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "verify-signature" -d 'Verify a webhook signature and, when it does not match, say why'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "sign" -d 'Print the signature headers a webhook sender would add to a payload'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "webhook" -d 'Send signed test deliveries to a webhook endpoint'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "generate-assets" -d 'Regenerate completions/ and man/ from this command line (maintainers)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and not __fish_seen_subcommand_from explain credential tls endpoint verify-signature sign webhook generate-assets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plumb -n "__fish_plumb_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "send" -d 'Send a signed test delivery to an endpoint and judge its answer'
