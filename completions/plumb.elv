
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
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand doctor 'Run many checks at once: the built-in health check, or the entries of a config file'
            cand records 'Check exported records before a sync (validate) or compare two exports (diff)'
            cand check 'Check a service''s credentials, permissions and account (Shopify, Mailchimp, Stripe, WooCommerce)'
            cand dns 'Resolve names through the system and public resolvers; spot filtering, split horizon and sinkholes'
            cand rate-limit 'Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits'
            cand verify-signature 'Verify a webhook signature and, when it does not match, say why'
            cand sign 'Print the signature headers a webhook sender would add to a payload'
            cand webhook 'Send signed test deliveries to a webhook endpoint'
            cand logs 'Classify integration logs (timeouts, 401/403/429, validation, signatures, 5xx, TLS, DNS)'
            cand har 'Read a browser''s HAR export: failed and blocked requests, slow phases, rate limits, leaked credentials'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;explain'= {
            cand --context 'Where the error happened, which changes who can fix it'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --address 'Connect to this address instead of resolving HOST (like curl --resolve), never through a proxy'
            cand --warn-days 'Warn when the certificate expires within this many days'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --all-addresses 'Handshake with every address HOST resolves to and compare certificates (skipped through a proxy)'
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
        &'plumb;endpoint'= {
            cand -X 'HTTP method'
            cand --method 'HTTP method'
            cand -H 'Extra request header ''Name: value'' (repeatable); credential headers are never printed'
            cand --header 'Extra request header ''Name: value'' (repeatable); credential headers are never printed'
            cand -d 'Request body, or @FILE to send a file''s bytes'
            cand --data 'Request body, or @FILE to send a file''s bytes'
            cand --origin 'Also send a CORS preflight as a browser at this origin would'
            cand --deadline 'The longest the whole exchange may take (webhook senders give up after about 10 s)'
            cand --address 'Connect to this address instead of resolving the URL''s host (like curl --resolve); Host and TLS name stay the URL''s, and no proxy is used'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand -i 'Show the response''s status line and headers (like curl -i)'
            cand --include 'Show the response''s status line and headers (like curl -i)'
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
        &'plumb;doctor'= {
            cand --config 'Run the entries of this TOML file instead of the built-in health check'
            cand --time-server 'Measure clock skew against this HTTPS server''s Date header [default without --config: https://api.stripe.com/]'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --init 'Write a commented example config (to --config FILE, or plumb.toml) and stop'
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
        &'plumb;records'= {
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand validate 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates'
            cand diff 'Compare two exports by key: missing, extra, repeated and changed records'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;records;validate'= {
            cand --column 'Map a field to a column whose name plumb does not recognise (repeatable), e.g. email=E-Mail'
            cand --id-column 'The column holding the record id [default: id, else the first column]'
            cand --default-region 'Region for phone numbers written without a country code (US, GB, DE…): the report then says what the E.164 form would be'
            cand --bad-out 'Write the rows with problems (all their columns plus plumb_problems) to this CSV file'
            cand --max-input-size 'Read at most this much data per file, after decompression (K, M, G)'
            cand --max-bad-out 'Stop writing --bad-out at this size (K, M, G)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
        &'plumb;records;diff'= {
            cand --key 'The column that identifies a record in both files'
            cand --ignore-column 'A column not to compare, such as updated_at (repeatable)'
            cand --max-input-size 'Read at most this much data per file, after decompression (K, M, G)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
        &'plumb;records;help'= {
            cand validate 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates'
            cand diff 'Compare two exports by key: missing, extra, repeated and changed records'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;records;help;validate'= {
        }
        &'plumb;records;help;diff'= {
        }
        &'plumb;records;help;help'= {
        }
        &'plumb;check'= {
            cand --api-base 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --offline 'Run only the format checks: no network call is made'
            cand --json 'Short for --format json'
            cand -q 'Print only the summary and the checks that fail the run'
            cand --quiet 'Print only the summary and the checks that fail the run'
            cand -v 'Also print the evidence of checks that passed'
            cand --verbose 'Also print the evidence of checks that passed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand shopify 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit'
            cand mailchimp 'Mailchimp: key format, data centre against the account URL, auth, account'
            cand stripe 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret'
            cand woocommerce 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;check;shopify'= {
            cand --store 'The store: NAME, NAME.myshopify.com or an admin URL'
            cand --token 'Admin API access token (shpat_, shpca_, shppa_ or a legacy 32-hex token)'
            cand --token-file 'Read --token from this file instead (''-'' for standard input); wins over --token and SHOPIFY_ACCESS_TOKEN'
            cand --api-version 'Admin API version to call (YYYY-MM)'
            cand --require-scope 'Also require this access scope (repeatable)'
            cand --api-base 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --offline 'Run only the format checks: no network call is made'
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
        &'plumb;check;mailchimp'= {
            cand --api-key 'Marketing API key (32 hex characters, a dash, the data centre: …-us6)'
            cand --api-key-file 'Read --api-key from this file instead (''-'' for standard input); wins over --api-key and MAILCHIMP_API_KEY'
            cand --account-url 'The account''s admin URL as the browser shows it (https://us6.admin.mailchimp.com)'
            cand --api-base 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --offline 'Run only the format checks: no network call is made'
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
        &'plumb;check;stripe'= {
            cand --api-key 'Secret (sk_) or restricted (rk_) API key'
            cand --api-key-file 'Read --api-key from this file instead (''-'' for standard input); wins over --api-key and STRIPE_API_KEY'
            cand --webhook-url 'The URL Stripe should deliver webhooks to: its endpoint and events are checked'
            cand --webhook-secret 'The endpoint''s signing secret (whsec_…), checked for its format'
            cand --webhook-secret-file 'Read --webhook-secret from this file instead (''-'' for standard input); wins over --webhook-secret and STRIPE_WEBHOOK_SECRET'
            cand --api-base 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --subscriptions 'Also require the customer.subscription.* events'
            cand --offline 'Run only the format checks: no network call is made'
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
        &'plumb;check;woocommerce'= {
            cand --url 'The store''s address (https://shop.example.com, or the WordPress folder)'
            cand --consumer-key 'REST API consumer key (ck_…)'
            cand --consumer-key-file 'Read --consumer-key from this file instead (''-'' for standard input); wins over --consumer-key and WC_CONSUMER_KEY'
            cand --consumer-secret 'REST API consumer secret (cs_…)'
            cand --consumer-secret-file 'Read --consumer-secret from this file instead (''-'' for standard input); wins over --consumer-secret and WC_CONSUMER_SECRET'
            cand --api-base 'Send every call to this scheme://host[:port] instead of the service''s own (a mock, a proxy); paths stay as documented'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --offline 'Run only the format checks: no network call is made'
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
        &'plumb;check;help'= {
            cand shopify 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit'
            cand mailchimp 'Mailchimp: key format, data centre against the account URL, auth, account'
            cand stripe 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret'
            cand woocommerce 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;check;help;shopify'= {
        }
        &'plumb;check;help;mailchimp'= {
        }
        &'plumb;check;help;stripe'= {
        }
        &'plumb;check;help;woocommerce'= {
        }
        &'plumb;check;help;help'= {
        }
        &'plumb;dns'= {
            cand --type 'Record types to ask for (comma-separated or repeated)'
            cand --resolver 'Ask this resolver instead of the public ones (repeatable; port 53 unless given)'
            cand --service 'Also resolve the host names this service''s API needs: shopify (NAME.myshopify.com from --store), mailchimp (DC.api.mailchimp.com from --dc or MAILCHIMP_API_KEY), stripe (api.stripe.com), woocommerce (the host of --url)'
            cand --store 'Shopify store for --service shopify: NAME, NAME.myshopify.com or the admin URL'
            cand --url 'Store address for --service woocommerce'
            cand --dc 'Mailchimp data centre for --service mailchimp (us6); taken from the MAILCHIMP_API_KEY suffix when not given'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
            cand --ca-file 'An extra trust anchor (PEM) for every TLS connection'
            cand --fail-on 'The lowest status that makes plumb exit 1'
            cand --no-system 'Do not ask the system resolver (/etc/resolv.conf)'
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
        &'plumb;rate-limit'= {
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
        &'plumb;rate-limit;limits'= {
            cand --service 'Only this service'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand --deadline 'How long the endpoint may take to answer (default: the provider''s own delivery deadline, 10 s where it documents none)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
        &'plumb;logs'= {
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
        &'plumb;har'= {
            cand --max-input-size 'Read at most this much of the file (K, M, G)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
            cand redact 'Write the same HAR with every secret and cookie masked (-o FILE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;har;redact'= {
            cand --max-input-size 'Read at most this much of the file (K, M, G)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand --color 'When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]'
            cand --timeout 'Bound for each network operation (500ms, 5s, 1m)'
            cand --max-time 'Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]'
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
        &'plumb;har;help'= {
            cand redact 'Write the same HAR with every secret and cookie masked (-o FILE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plumb;har;help;redact'= {
        }
        &'plumb;har;help;help'= {
        }
        &'plumb;help'= {
            cand explain 'Explain an error code, HTTP status, log message or sync status, with the fix'
            cand credential 'Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes'
            cand tls 'Check a server''s TLS: versions, certificate name, trust, expiry and interception'
            cand endpoint 'Make one HTTP request with a timing breakdown; explain the status; check CORS'
            cand doctor 'Run many checks at once: the built-in health check, or the entries of a config file'
            cand records 'Check exported records before a sync (validate) or compare two exports (diff)'
            cand check 'Check a service''s credentials, permissions and account (Shopify, Mailchimp, Stripe, WooCommerce)'
            cand dns 'Resolve names through the system and public resolvers; spot filtering, split horizon and sinkholes'
            cand rate-limit 'Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits'
            cand verify-signature 'Verify a webhook signature and, when it does not match, say why'
            cand sign 'Print the signature headers a webhook sender would add to a payload'
            cand webhook 'Send signed test deliveries to a webhook endpoint'
            cand logs 'Classify integration logs (timeouts, 401/403/429, validation, signatures, 5xx, TLS, DNS)'
            cand har 'Read a browser''s HAR export: failed and blocked requests, slow phases, rate limits, leaked credentials'
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
        &'plumb;help;doctor'= {
        }
        &'plumb;help;records'= {
            cand validate 'Find the records a sync would reject: emails, names, dates, phones, addresses, duplicates'
            cand diff 'Compare two exports by key: missing, extra, repeated and changed records'
        }
        &'plumb;help;records;validate'= {
        }
        &'plumb;help;records;diff'= {
        }
        &'plumb;help;check'= {
            cand shopify 'Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit'
            cand mailchimp 'Mailchimp: key format, data centre against the account URL, auth, account'
            cand stripe 'Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret'
            cand woocommerce 'WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth'
        }
        &'plumb;help;check;shopify'= {
        }
        &'plumb;help;check;mailchimp'= {
        }
        &'plumb;help;check;stripe'= {
        }
        &'plumb;help;check;woocommerce'= {
        }
        &'plumb;help;dns'= {
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
        &'plumb;help;verify-signature'= {
        }
        &'plumb;help;sign'= {
        }
        &'plumb;help;webhook'= {
            cand send 'Send a signed test delivery to an endpoint and judge its answer'
        }
        &'plumb;help;webhook;send'= {
        }
        &'plumb;help;logs'= {
        }
        &'plumb;help;har'= {
            cand redact 'Write the same HAR with every secret and cookie masked (-o FILE)'
        }
        &'plumb;help;har;redact'= {
        }
        &'plumb;help;help'= {
        }
    ]
    $completions[$command]
}
