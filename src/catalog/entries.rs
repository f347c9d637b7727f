//! The catalogue's content: HTTP statuses, platform error codes, log
//! messages and sync statuses, with their causes and remedies per context.
//! Provider facts it states are listed with their sources in
//! docs/providers.md; every sentence is generic to any platform.

use super::Context::{CustomEvent, CustomNode, InboundWebhook, OutboundWebhook, Prebuilt};
use super::Entry;
use super::Kind::{ErrorMessage, HttpStatus, LogMessage, PlatformCode, Status, Webhook};

type Steps = &'static [&'static str];

/// The error does not arise in this context.
const NOT_APPLICABLE: Steps = &[];

const PLATFORM_OPERATOR: Steps = &[
    "This comes from the platform itself, not from your configuration.",
    "Contact the platform's operations team or your account manager with the time of the failure and any request id.",
];

const TRANSIENT_PLATFORM: Steps = &[
    "Retry after a short wait: the server side failed, and such failures usually pass.",
    "If it keeps happening, contact the platform's operations team with the time of the failure and any request id.",
];

const TRANSIENT_PROVIDER: Steps = &[
    "Retry with exponential backoff: the third-party API could not complete the request.",
    "Check the provider's status page; if it persists, contact the provider with the request id and time.",
];

const TRANSIENT_PARTNER: Steps = &[
    "Retry with exponential backoff: the connector's service could not complete the request.",
    "Check the service's status page; if a partner supplies the connector, raise it with them.",
];

const REVIEW_REQUEST: Steps = &[
    "Compare the request with the receiver's documentation: URL and path, method, headers (Content-Type, authentication) and body.",
    "Send the same request with curl -i to see the full error body, which usually names the field at fault.",
];

const REVIEW_NODE_CONFIG: Steps = &[
    "Check the step's configuration: endpoint URL, request headers and body must match the third-party API's documentation.",
    "The error body from the provider usually names the field at fault; read it in the integration's logs.",
];

const EVENT_NOT_PROCESSED: Steps = &[
    "The event arrived but the platform could not act on it: check the event's fields against what the receiving flow expects.",
    "Re-send the event once the data is corrected; contact the platform operator if a correct event keeps failing.",
];

const PROFILE_NOT_FOUND: Steps = &[
    "The event names a user profile the platform cannot find: check the identifier the event carries (email, phone, customer id).",
    "Create or import the profile first, or correct the identifier, then re-send the event.",
];

const DEPENDS_ON_PROVIDER: Steps = &[
    "The meaning of this code depends on the third-party API: look it up in the provider's error reference.",
    "Check the provider's answer in the integration's logs; it usually says what was wrong.",
];

const TPS_ALLOWANCE: Steps = &[
    "Lower the number of requests per second the sender makes, or spread them over time.",
    "If the traffic is legitimate, ask your account manager to raise the requests-per-second allowance.",
];

const PROVIDER_RATE: Steps = &[
    "The third-party API allows only so many requests per second: look up its documented limit.",
    "Slow the integration down, honour Retry-After, and retry with exponential backoff and jitter.",
];

const TOO_LARGE_TENANT: Steps = &[
    "The payload is larger than your workspace allows: send smaller payloads (split batches, drop unused fields).",
    "If you need a larger limit, ask your account manager.",
];

const TIMEOUT_CALLER: Steps = &[
    "The request took longer than its timeout allowed: raise the request timeout if the receiver is known to be slow.",
    "Make the receiver answer quickly: acknowledge first, do the work asynchronously.",
];

const WRONG_METHOD_POST: Steps =
    &["Webhook and event endpoints accept POST only: send the request with POST."];

const WRONG_METHOD_PROVIDER: Steps = &[
    "The endpoint does not accept this HTTP method: check the provider's documentation for the right one (GET, POST, PUT, …).",
    "Also check the URL itself: a wrong path often answers 405 instead of 404.",
];

const TOKEN_MISSING: Steps = &[
    "The request carried no valid service key or JWT: attach the credential exactly as the webhook's documentation says (header name and format).",
    "Check that the key was not revoked or rotated, and that no proxy strips the Authorization header.",
];

const REAUTHORIZE: Steps = &[
    "The authorization the integration uses is wrong or has expired: open the integration's authorization settings.",
    "Check the credentials, re-authorize, and run the integration again.",
    "Identify the credential with plumb credential to catch a truncated or mis-pasted key.",
];

const SCOPE_MISSING: Steps = &[
    "The credential works but lacks a permission (scope) this call needs: read the error body, which often names it.",
    "Grant the scope to the app or key. Many services cannot add scopes to an existing key: create a new key with them and replace the old one.",
];

const CONTACT_POLICY: Steps = &[
    "The contact-policy feature is not enabled for your workspace: ask your account manager to enable it.",
];

pub static ENTRIES: &[Entry] = &[
    Entry {
        id: "http.308",
        kind: HttpStatus,
        names: &["308", "permanent redirect"],
        title: "Permanent Redirect",
        meaning: "The resource has moved for good to the URL in the Location header, and the method and body must be kept when following it.",
        causes: &[
            "an endpoint URL configured with http:// where the server wants https://",
            "a missing or extra trailing slash",
            "a domain that changed",
        ],
        remedy: &[
            "Update the configured URL to the one in the Location header.",
            "Webhook senders do not follow redirects: a redirect counts as a failed delivery.",
        ],
        contexts: &[
            (InboundWebhook, NOT_APPLICABLE),
            (OutboundWebhook, PLATFORM_OPERATOR),
            (CustomNode, &[
                "The third-party API moved this resource: update the step's URL to the Location the answer gives.",
                "If the redirect is unexpected, ask the API provider.",
            ]),
            (Prebuilt, &[
                "The connector's service moved this resource; the connector must be updated by its provider.",
                "Contact the connector's provider (or the partner who offers it).",
            ]),
            (CustomEvent, NOT_APPLICABLE),
        ],
    },
    Entry {
        id: "http.400",
        kind: HttpStatus,
        names: &["400", "bad request"],
        title: "Bad Request",
        meaning: "The receiver could not understand the request: malformed syntax, a missing field, or a value it does not accept.",
        causes: &[
            "a body that is not valid JSON, or JSON sent without Content-Type: application/json",
            "a required field missing or of the wrong type",
            "a wrong endpoint path or query parameter",
        ],
        remedy: REVIEW_REQUEST,
        contexts: &[
            (InboundWebhook, REVIEW_REQUEST),
            (OutboundWebhook, PLATFORM_OPERATOR),
            (CustomNode, REVIEW_NODE_CONFIG),
            (Prebuilt, &[
                "Check the connector's configuration: endpoint, headers and body.",
                "If the configuration is right, the connector's provider must fix the request it builds.",
            ]),
            (CustomEvent, REVIEW_REQUEST),
        ],
    },
    Entry {
        id: "http.401",
        kind: HttpStatus,
        names: &["401", "unauthorized", "unauthorised"],
        title: "Unauthorized",
        meaning: "The request was not authenticated: the credential is missing, malformed, expired or revoked. (Compare 403: authenticated, but not allowed.)",
        causes: &[
            "no credential sent, or sent under the wrong header (for example Authorization instead of X-Api-Key)",
            "a key copied with spaces, quotes or a line break, or truncated",
            "a key that was revoked, rotated or regenerated",
            "a test-mode key used against live data, or a key for another environment",
            "an expired OAuth token or JWT",
        ],
        remedy: &[
            "Check the credential with plumb credential: kind, copy mistakes, expiry.",
            "Confirm the header name and format the API documents, with exact capitalisation of the scheme (Bearer, Basic).",
            "If the key was revoked or rotated, create a new one and update every system that uses it.",
        ],
        contexts: &[
            (InboundWebhook, TOKEN_MISSING),
            (OutboundWebhook, REAUTHORIZE),
            (CustomNode, REAUTHORIZE),
            (Prebuilt, &[
                "The connector's authorization is wrong or expired; it usually shows as pending re-authorization.",
                "Open the connector, check the credentials, and re-authorize it.",
            ]),
            (CustomEvent, &[
                "The event carried no valid service key or JWT: add the credential to the request as the event API documents.",
            ]),
        ],
    },
    Entry {
        id: "http.402",
        kind: HttpStatus,
        names: &["402", "payment required"],
        title: "Payment Required",
        meaning: "The account behind the request is not in good standing. Shopify answers 402 when a shop is frozen for an unpaid bill.",
        causes: &["an unpaid invoice", "a trial that ended", "a plan that does not include API access"],
        remedy: &[
            "Settle the account's billing in the service's admin, then retry.",
            "For Shopify, the shop owner must pay the outstanding bill to unfreeze the store.",
        ],
        contexts: &[],
    },
    Entry {
        id: "http.403",
        kind: HttpStatus,
        names: &["403", "forbidden"],
        title: "Forbidden",
        meaning: "The request was authenticated but is not allowed: the key or app lacks the permission (scope) for this resource. If 401 is 'who are you?', 403 is 'you may not'.",
        causes: &[
            "a key or app missing a scope (read_orders, read_customers, events:read, webhooks:write, …)",
            "a restricted key without the needed permission",
            "a resource owned by another tool (for example a webhook subscription created by Zapier)",
            "a suspended or disabled account",
            "an IP allow-list or firewall rule at the receiver",
        ],
        remedy: SCOPE_MISSING,
        contexts: &[
            (InboundWebhook, NOT_APPLICABLE),
            (OutboundWebhook, PLATFORM_OPERATOR),
            (CustomNode, SCOPE_MISSING),
            (Prebuilt, SCOPE_MISSING),
            (CustomEvent, NOT_APPLICABLE),
        ],
    },
    Entry {
        id: "http.404",
        kind: HttpStatus,
        names: &["404", "not found"],
        title: "Not Found",
        meaning: "Nothing answers at this URL: the resource does not exist, was deleted or moved, or the path is wrong.",
        causes: &[
            "a typo in the path or a missing API prefix (/wp-json/, /admin/api/{version}/)",
            "a deleted webhook, event or resource",
            "the wrong store or account (Shopify answers 404 for another shop's resources)",
            "WordPress permalinks set to Plain, which hides /wp-json/",
        ],
        remedy: &[
            "Check the URL character by character against the documentation.",
            "Confirm the resource still exists in the service's admin.",
            "For WooCommerce, set permalinks to anything but Plain (Settings > Permalinks), or use /?rest_route=/.",
        ],
        contexts: &[
            (InboundWebhook, &["The inbound webhook was deleted: create it again and give the sender the new URL."]),
            (OutboundWebhook, &["The endpoint URL configured for the outbound webhook does not exist (any more): fix the URL or restore the endpoint."]),
            (CustomNode, &[
                "The provider says the resource does not exist, moved or the link is broken; its exact answer varies.",
                "Check the step's URL against the provider's documentation.",
            ]),
            (Prebuilt, &[
                "The connector's service says the resource does not exist, moved or the link is broken.",
                "Check the connector's settings (store, account, ids) and ask its provider if they are right.",
            ]),
            (CustomEvent, &["The custom event was deleted: create it again or send to an event that exists."]),
        ],
    },
    Entry {
        id: "http.405",
        kind: HttpStatus,
        names: &["405", "method not allowed"],
        title: "Method Not Allowed",
        meaning: "The URL exists but does not accept this HTTP method.",
        causes: &["GET sent to an endpoint that takes POST", "a wrong path that matches another route"],
        remedy: WRONG_METHOD_PROVIDER,
        contexts: &[
            (InboundWebhook, WRONG_METHOD_POST),
            (OutboundWebhook, PLATFORM_OPERATOR),
            (CustomNode, WRONG_METHOD_PROVIDER),
            (Prebuilt, WRONG_METHOD_PROVIDER),
            (CustomEvent, WRONG_METHOD_POST),
        ],
    },
    Entry {
        id: "http.406",
        kind: HttpStatus,
        names: &["406", "not acceptable"],
        title: "Not Acceptable",
        meaning: "The server cannot produce a response in any format the request's Accept headers allow.",
        causes: &["an Accept header the API does not serve", "an API version the server no longer offers"],
        remedy: &[
            "Send Accept: application/json (or what the API documents) and retry.",
            "Check the API version the request asks for.",
        ],
        contexts: &[
            (InboundWebhook, NOT_APPLICABLE),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, &[
                "The provider cannot fulfil the request as asked: check the Accept header and API version the step sends.",
            ]),
            (Prebuilt, &[
                "The connector's service cannot fulfil the request as asked.",
                "If a partner supplies the connector, raise it with them.",
            ]),
            (CustomEvent, NOT_APPLICABLE),
        ],
    },
    Entry {
        id: "http.408",
        kind: HttpStatus,
        names: &["408", "request timeout"],
        title: "Request Timeout",
        meaning: "The server gave up waiting for the request to arrive or complete.",
        causes: &["a slow or congested network", "a timeout set too low for the work asked", "a receiver that does slow work before answering"],
        remedy: TIMEOUT_CALLER,
        contexts: &[
            (InboundWebhook, TIMEOUT_CALLER),
            (OutboundWebhook, &[
                "Your endpoint did not answer in time. Webhook senders wait only a few seconds (10 s is a common deadline).",
                "Answer 2xx immediately and process the event in the background.",
            ]),
            (CustomNode, TIMEOUT_CALLER),
            (Prebuilt, &[
                "The connector's service did not fulfil the request in time.",
                "Retry later; if a partner supplies the connector, raise it with them.",
            ]),
            (CustomEvent, TIMEOUT_CALLER),
        ],
    },
    Entry {
        id: "http.409",
        kind: HttpStatus,
        names: &["409", "conflict"],
        title: "Conflict",
        meaning: "The request conflicts with the resource's current state: a concurrent change, a duplicate, or a version mismatch.",
        causes: &["two writers updating the same record", "creating something that already exists", "an idempotency key reused with a different body"],
        remedy: &[
            "Retry the request: a conflict from a concurrent update often clears.",
            "If it persists, fetch the current state and reconcile before writing again.",
        ],
        contexts: &[
            (InboundWebhook, NOT_APPLICABLE),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, &["The provider reports a conflict: retry the request; if it repeats, read the provider's answer for the conflicting field."]),
            (Prebuilt, &["The connector's service reports a conflict: retry; the outcome depends on the provider."]),
            (CustomEvent, NOT_APPLICABLE),
        ],
    },
    Entry {
        id: "http.410",
        kind: HttpStatus,
        names: &["410", "gone"],
        title: "Gone",
        meaning: "The resource is gone for good. Standard Webhooks senders treat a 410 from an endpoint as a request to stop delivering to it.",
        causes: &["an endpoint retired on purpose", "an API version or resource removed"],
        remedy: &[
            "If your endpoint answers 410 by mistake, fix it now: the sender may disable the subscription.",
            "If an API answered 410, move to the replacement its documentation names.",
        ],
        contexts: &[],
    },
    Entry {
        id: "http.413",
        kind: HttpStatus,
        names: &["413", "content too large", "payload too large", "request entity too large"],
        title: "Content Too Large",
        meaning: "The request body is larger than the receiver accepts.",
        causes: &["a batch with too many records", "embedded files or images", "a limit set low by a proxy in front of the receiver"],
        remedy: &[
            "Send smaller requests: split batches and leave out fields the receiver does not need.",
            "Check the receiver's documented maximum, and any proxy limit (nginx client_max_body_size).",
        ],
        contexts: &[
            (InboundWebhook, TOO_LARGE_TENANT),
            (OutboundWebhook, &[
                "The receiving API refused the payload as too large: check its documented maximum and reduce the payload.",
            ]),
            (CustomNode, TOO_LARGE_TENANT),
            (Prebuilt, TOO_LARGE_TENANT),
            (CustomEvent, TOO_LARGE_TENANT),
        ],
    },
    Entry {
        id: "http.423",
        kind: HttpStatus,
        names: &["423", "locked"],
        title: "Locked",
        meaning: "The resource is locked. Shopify answers 423 for a shop locked after repeated rate-limit abuse or a fraud risk.",
        causes: &["a shop locked by the platform", "a resource held by another operation"],
        remedy: &[
            "For Shopify, the shop owner must contact Shopify support to unlock the store.",
            "Reduce request rates so the lock does not recur.",
        ],
        contexts: &[],
    },
    Entry {
        id: "http.429",
        kind: HttpStatus,
        names: &["429", "too many requests"],
        title: "Too Many Requests",
        meaning: "The caller exceeded a rate limit or quota. The answer often says which bucket (a policy such as read:60/1m: 60 read calls a minute) and how long to wait (Retry-After).",
        causes: &[
            "more requests per second than the plan allows",
            "several integrations sharing one API key, all counting against one limit",
            "polling too often where webhooks would do",
            "retries in a tight loop without backoff",
        ],
        remedy: &[
            "Wait as long as Retry-After says (seconds, or an HTTP date) before retrying.",
            "Retry with exponential backoff and jitter, never in a tight loop.",
            "Spread requests over time and batch where the API allows; give each integration its own key.",
            "Prefer webhooks to polling, and read the rate-limit headers (X-RateLimit-Remaining, Retry-After) on every answer.",
        ],
        contexts: &[
            (InboundWebhook, TPS_ALLOWANCE),
            (OutboundWebhook, &[
                "Deliveries are being throttled. If your endpoint answered 429, raise its limit for the sender; otherwise contact the platform operator.",
            ]),
            (CustomNode, PROVIDER_RATE),
            (Prebuilt, PROVIDER_RATE),
            (CustomEvent, TPS_ALLOWANCE),
        ],
    },
    Entry {
        id: "http.500",
        kind: HttpStatus,
        names: &["500", "internal server error"],
        title: "Internal Server Error",
        meaning: "The server failed while handling the request. The fault is on the server's side, though a request it did not expect can trigger it.",
        causes: &["a bug or outage at the receiver", "an unexpected payload the receiver does not handle"],
        remedy: TRANSIENT_PLATFORM,
        contexts: &[
            (InboundWebhook, TRANSIENT_PLATFORM),
            (OutboundWebhook, TRANSIENT_PLATFORM),
            (CustomNode, TRANSIENT_PROVIDER),
            (Prebuilt, TRANSIENT_PARTNER),
            (CustomEvent, TRANSIENT_PLATFORM),
        ],
    },
    Entry {
        id: "http.502",
        kind: HttpStatus,
        names: &["502", "bad gateway"],
        title: "Bad Gateway",
        meaning: "A proxy or gateway in front of the server got no valid answer from it.",
        causes: &["the upstream server is down or restarting", "a load balancer pointing at a dead node"],
        remedy: TRANSIENT_PLATFORM,
        contexts: &[
            (InboundWebhook, TRANSIENT_PLATFORM),
            (OutboundWebhook, TRANSIENT_PLATFORM),
            (CustomNode, TRANSIENT_PROVIDER),
            (Prebuilt, TRANSIENT_PARTNER),
            (CustomEvent, TRANSIENT_PLATFORM),
        ],
    },
    Entry {
        id: "http.503",
        kind: HttpStatus,
        names: &["503", "service unavailable"],
        title: "Service Unavailable",
        meaning: "The server cannot take the request right now: overload, maintenance or contention. Unlike 429 it is not a verdict on your request rate, though Retry-After may say when to return.",
        causes: &["heavy load or contention during bulk operations", "maintenance", "an outage"],
        remedy: &[
            "Retry with exponential backoff, honouring Retry-After if present.",
            "During bulk work, reduce the batch size and spread the operations over a longer window.",
            "Check the service's status page.",
        ],
        contexts: &[
            (InboundWebhook, TRANSIENT_PLATFORM),
            (OutboundWebhook, TRANSIENT_PLATFORM),
            (CustomNode, TRANSIENT_PROVIDER),
            (Prebuilt, TRANSIENT_PARTNER),
            (CustomEvent, TRANSIENT_PLATFORM),
        ],
    },
    Entry {
        id: "http.504",
        kind: HttpStatus,
        names: &["504", "gateway timeout"],
        title: "Gateway Timeout",
        meaning: "A proxy or gateway gave up waiting for the server behind it.",
        causes: &["a slow upstream", "a request that does too much work in one call"],
        remedy: TRANSIENT_PLATFORM,
        contexts: &[
            (InboundWebhook, TRANSIENT_PLATFORM),
            (OutboundWebhook, TRANSIENT_PLATFORM),
            (CustomNode, TRANSIENT_PROVIDER),
            (Prebuilt, TRANSIENT_PARTNER),
            (CustomEvent, TRANSIENT_PLATFORM),
        ],
    },
    Entry {
        id: "http.521",
        kind: HttpStatus,
        names: &["521", "web server is down"],
        title: "Web Server Is Down",
        meaning: "A CDN (typically Cloudflare) reached out to the origin server, and the origin refused the connection.",
        causes: &["the origin web server is stopped", "the origin's firewall blocks the CDN's addresses"],
        remedy: TRANSIENT_PLATFORM,
        contexts: &[
            (InboundWebhook, TRANSIENT_PLATFORM),
            (OutboundWebhook, TRANSIENT_PLATFORM),
            (CustomNode, &[
                "The provider's origin server refused the CDN's connection: a server-side problem on their end.",
                "Retry later; only some providers send 521, others simply refuse the connection.",
            ]),
            (Prebuilt, TRANSIENT_PARTNER),
            (CustomEvent, TRANSIENT_PLATFORM),
        ],
    },
    Entry {
        id: "http.523",
        kind: HttpStatus,
        names: &["523", "origin is unreachable"],
        title: "Origin Is Unreachable",
        meaning: "A CDN could not reach the origin server at all: a routing or DNS problem between them.",
        causes: &["the origin's DNS record points at a wrong address", "a network outage at the origin"],
        remedy: TRANSIENT_PLATFORM,
        contexts: &[
            (InboundWebhook, TRANSIENT_PLATFORM),
            (OutboundWebhook, TRANSIENT_PLATFORM),
            (CustomNode, TRANSIENT_PROVIDER),
            (Prebuilt, TRANSIENT_PARTNER),
            (CustomEvent, TRANSIENT_PLATFORM),
        ],
    },
    Entry {
        id: "code.804",
        kind: PlatformCode,
        names: &["804", "problem while processing action"],
        title: "Problem while processing action",
        meaning: "The platform received the event but failed while carrying out the action it triggers.",
        causes: &["event data the action cannot use", "a downstream step that failed"],
        remedy: EVENT_NOT_PROCESSED,
        contexts: &[
            (InboundWebhook, EVENT_NOT_PROCESSED),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, DEPENDS_ON_PROVIDER),
            (Prebuilt, DEPENDS_ON_PROVIDER),
            (CustomEvent, EVENT_NOT_PROCESSED),
        ],
    },
    Entry {
        id: "code.811",
        kind: PlatformCode,
        names: &["811", "action submission failed"],
        title: "Action submission failed",
        meaning: "The action an event triggers could not be submitted for execution.",
        causes: &["event data the action cannot use", "the action's target refusing the submission"],
        remedy: EVENT_NOT_PROCESSED,
        contexts: &[
            (InboundWebhook, EVENT_NOT_PROCESSED),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, DEPENDS_ON_PROVIDER),
            (Prebuilt, DEPENDS_ON_PROVIDER),
            (CustomEvent, EVENT_NOT_PROCESSED),
        ],
    },
    Entry {
        id: "code.816",
        kind: PlatformCode,
        names: &["816", "user profile not found"],
        title: "User profile not found",
        meaning: "The event's action did not run because no user profile matches the event.",
        causes: &["an identifier with a typo or a different format", "a profile not yet created or imported"],
        remedy: PROFILE_NOT_FOUND,
        contexts: &[
            (InboundWebhook, PROFILE_NOT_FOUND),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, DEPENDS_ON_PROVIDER),
            (Prebuilt, DEPENDS_ON_PROVIDER),
            (CustomEvent, PROFILE_NOT_FOUND),
        ],
    },
    Entry {
        id: "code.844",
        kind: PlatformCode,
        names: &["844", "user has not verified his profile", "user profile not verified"],
        title: "User profile not verified",
        meaning: "The event's action did not run because the matching user profile has not been verified.",
        causes: &["a profile awaiting verification", "an identifier that matches no verified profile"],
        remedy: PROFILE_NOT_FOUND,
        contexts: &[
            (InboundWebhook, PROFILE_NOT_FOUND),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, DEPENDS_ON_PROVIDER),
            (Prebuilt, DEPENDS_ON_PROVIDER),
            (CustomEvent, PROFILE_NOT_FOUND),
        ],
    },
    Entry {
        id: "code.852",
        kind: PlatformCode,
        names: &["852", "not able to resolve action params to fulfill action", "cannot resolve action parameters"],
        title: "Action parameters could not be resolved",
        meaning: "The action needs parameters the event did not supply or that could not be mapped.",
        causes: &["a field the action maps from is missing in the event", "a renamed field in the event payload"],
        remedy: &[
            "Compare the event's fields with the parameters the action maps from; add or rename the missing ones.",
            "Re-send the event once it carries every parameter.",
        ],
        contexts: &[
            (InboundWebhook, EVENT_NOT_PROCESSED),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, DEPENDS_ON_PROVIDER),
            (Prebuilt, DEPENDS_ON_PROVIDER),
            (CustomEvent, EVENT_NOT_PROCESSED),
        ],
    },
    Entry {
        id: "code.882",
        kind: PlatformCode,
        names: &["882", "tps rate exceeded"],
        title: "TPS rate exceeded",
        meaning: "More transactions per second arrived than your workspace is allotted.",
        causes: &["a burst from a batch job", "several senders sharing one allowance"],
        remedy: TPS_ALLOWANCE,
        contexts: &[
            (InboundWebhook, TPS_ALLOWANCE),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, DEPENDS_ON_PROVIDER),
            (Prebuilt, DEPENDS_ON_PROVIDER),
            (CustomEvent, TPS_ALLOWANCE),
        ],
    },
    Entry {
        id: "code.883",
        kind: PlatformCode,
        names: &["883", "tps quota exceeded"],
        title: "TPS quota exceeded",
        meaning: "The workspace used up its transaction quota for the period.",
        causes: &["sustained traffic above the plan's quota"],
        remedy: &[
            "Reduce the number of requests until the quota period resets.",
            "If the volume is expected, ask your account manager to raise the quota.",
        ],
        contexts: &[
            (InboundWebhook, TPS_ALLOWANCE),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, DEPENDS_ON_PROVIDER),
            (Prebuilt, DEPENDS_ON_PROVIDER),
            (CustomEvent, TPS_ALLOWANCE),
        ],
    },
    Entry {
        id: "code.884",
        kind: PlatformCode,
        names: &["884", "contact policy not enabled"],
        title: "Contact policy not enabled",
        meaning: "The action relies on the contact-policy feature, which your workspace does not have switched on.",
        causes: &["a flow using contact policies in a workspace without the feature"],
        remedy: CONTACT_POLICY,
        contexts: &[
            (InboundWebhook, CONTACT_POLICY),
            (OutboundWebhook, NOT_APPLICABLE),
            (CustomNode, DEPENDS_ON_PROVIDER),
            (Prebuilt, DEPENDS_ON_PROVIDER),
            (CustomEvent, CONTACT_POLICY),
        ],
    },
    Entry {
        id: "log.connection_timeout",
        kind: LogMessage,
        names: &["connection timeout", "connection timed out", "timed out", "etimedout", "read timeout"],
        title: "Connection timeout",
        meaning: "A connection or request did not complete in time: usually the network or a firewall, sometimes a slow server.",
        causes: &[
            "a firewall or proxy dropping outbound HTTPS (port 443)",
            "DNS answers that point at an unreachable address",
            "the remote service being slow or down",
        ],
        remedy: &[
            "From the machine that failed, check each step in turn: the service's host name resolves, port 443 accepts a connection, and the TLS handshake completes.",
            "Make sure outbound HTTPS on port 443 is allowed, without proxy authentication, to the service's endpoints.",
            "If the network is fine, check the service's status page and retry with backoff.",
        ],
        contexts: &[],
    },
    Entry {
        id: "log.invalid_credentials",
        kind: LogMessage,
        names: &["invalid credentials", "authentication failed", "invalid api key", "api key invalid"],
        title: "Invalid credentials",
        meaning: "The service refused the credential: wrong, mis-copied, revoked or expired.",
        causes: &[
            "a key regenerated or rotated in the service's dashboard",
            "a key copied with whitespace, quotes or missing characters",
            "a test key used in live mode, or the other way round",
        ],
        remedy: &[
            "Identify the credential with plumb credential to catch copy mistakes and expiry.",
            "Generate a new key in the service's dashboard, update it everywhere it is used, and test the connection.",
        ],
        contexts: &[],
    },
    Entry {
        id: "log.permission_denied",
        kind: LogMessage,
        names: &["insufficient permissions", "insufficient permissions for requested operation", "permission denied", "access denied", "missing scope"],
        title: "Insufficient permissions",
        meaning: "The credential is valid but lacks a permission the operation needs.",
        causes: &["a scope never granted", "permissions changed in the service's admin", "a restricted key"],
        remedy: &[
            "Compare the permissions the integration needs with those granted. Typical minimums: Shopify read_customers and read_orders; Mailchimp audience management; Stripe webhook management; WooCommerce Read/Write REST keys.",
            "Grant what is missing; where scopes cannot be added to an existing key, create a new key with them.",
        ],
        contexts: &[],
    },
    Entry {
        id: "log.rate_limit_exceeded",
        kind: LogMessage,
        names: &["rate limit exceeded", "throttled", "ratelimit exceeded"],
        title: "Rate limit exceeded",
        meaning: "The integration made more requests than the service allows in a window.",
        causes: &["a large sync", "several systems sharing one key", "retries without backoff"],
        remedy: &[
            "Usually nothing to do: well-behaved integrations back off and resume when the window resets.",
            "If it persists, spread the work over time, give each system its own key, and prefer webhooks to polling.",
            "Read the quota and reset time the service reports from a captured response with plumb rate-limit inspect.",
        ],
        contexts: &[],
    },
    Entry {
        id: "log.record_validation_failed",
        kind: LogMessage,
        names: &["record validation failed", "validation failed", "data validation failed during sync", "data validation failed"],
        title: "Record validation failed",
        meaning: "Records were rejected because a field has the wrong format or a required field is empty.",
        causes: &[
            "emails without an @ or with spaces",
            "empty names",
            "dates in an unexpected format or in the future",
            "phone numbers not in E.164 form (+14155550100)",
            "addresses missing required fields",
        ],
        remedy: &[
            "Find the record ids that fail in the integration's logs (plumb logs FILE lists the ones that fail most).",
            "Fix the data in the source system, or export the failing records, clean them, and import them again.",
            "Then trigger a sync and check the records arrive.",
        ],
        contexts: &[],
    },
    Entry {
        id: "log.invalid_signature",
        kind: LogMessage,
        names: &["invalid signature", "signature verification failed", "no signatures found matching the expected signature for payload", "webhook signature verification failed"],
        title: "Invalid signature",
        meaning: "A webhook's signature did not match the one computed from its body and the signing secret.",
        causes: &[
            "the wrong signing secret (another endpoint's, or a key pasted instead of the secret)",
            "the body parsed and re-serialised before verification instead of verifying the raw bytes",
            "a proxy or framework that changed the body (whitespace, encoding, compression)",
            "a timestamp outside the tolerance: clock skew or a replayed delivery",
        ],
        remedy: &[
            "Verify against the raw request body, byte for byte, before any JSON parsing.",
            "Copy the signing secret again from the webhook's settings, including any whsec_ prefix the scheme needs.",
            "Log the received and the computed signature side by side, and the exact bytes that were signed.",
            "Run plumb verify-signature with the captured request (--request FILE) and the secret: it names the change that breaks the match.",
        ],
        contexts: &[],
    },
    Entry {
        id: "log.tls_error",
        kind: LogMessage,
        names: &["certificate verify failed", "ssl handshake failed", "tls handshake failed", "self signed certificate", "certificate has expired", "unknown ca"],
        title: "TLS or certificate error",
        meaning: "The secure connection could not be set up: the certificate was not trusted, had expired, or the protocols did not match.",
        causes: &[
            "an expired or self-signed certificate",
            "TLS inspection by a corporate proxy replacing the certificate",
            "a server offering only TLS 1.0/1.1 where 1.2 or newer is required",
        ],
        remedy: &[
            "Inspect the server's certificate and protocols (openssl s_client -connect HOST:443).",
            "Exempt API endpoints from TLS inspection, or trust the inspection CA explicitly (--ca-file).",
            "Renew expired certificates; make sure TLS 1.2 or newer is enabled.",
        ],
        contexts: &[],
    },
    Entry {
        id: "log.dns_failure",
        kind: LogMessage,
        names: &["could not resolve host", "name or service not known", "getaddrinfo enotfound", "nxdomain", "temporary failure in name resolution", "dns resolution failed"],
        title: "DNS resolution failure",
        meaning: "The host name of a service could not be turned into an address.",
        causes: &["a typo in the host name", "corporate DNS filtering or a broken forwarder", "a domain that expired"],
        remedy: &[
            "Compare answers from your resolver and a public one (8.8.8.8 or 1.1.1.1): plumb dns HOST does both at once and names NXDOMAIN, SERVFAIL, timeouts and filtered answers.",
            "If only your resolver fails, check the corporate DNS forwarding and any filtering that blocks the domain.",
        ],
        contexts: &[],
    },
    Entry {
        id: "log.server_error",
        kind: LogMessage,
        names: &["server error", "internal error", "upstream error"],
        title: "Server error",
        meaning: "The remote service failed (HTTP 500, 502, 503 or 504).",
        causes: &["an outage or deployment at the provider", "overload during bulk work"],
        remedy: &[
            "Retry with exponential backoff; check the provider's status page.",
            "If errors persist while the provider reports no incident, contact them with request ids and times.",
        ],
        contexts: &[],
    },
    Entry {
        id: "error.woocommerce_rest_authentication_error",
        kind: ErrorMessage,
        names: &["woocommerce_rest_authentication_error", "consumer secret is invalid", "consumer key is invalid", "woocommerce api authentication failed"],
        title: "WooCommerce REST authentication error",
        meaning: "WooCommerce rejected the consumer key or secret. Its message says which: 'Consumer key is invalid' or 'Consumer secret is invalid'.",
        causes: &[
            "key and secret swapped, or from different key pairs",
            "keys sent over plain HTTP, where WooCommerce expects OAuth 1.0a instead of Basic auth",
            "the key was deleted in WooCommerce > Settings > Advanced > REST API",
        ],
        remedy: &[
            "Use the store's https:// URL: WooCommerce accepts consumer keys as Basic auth only over HTTPS.",
            "Check the pair with plumb credential (ck_ and cs_ followed by 40 hex characters each).",
            "If in doubt, create a new key (Read/Write) under WooCommerce > Settings > Advanced > REST API.",
            "Test the store, its REST API and the pair end to end with plumb check woocommerce.",
        ],
        contexts: &[],
    },
    Entry {
        id: "error.woocommerce_rest_cannot_view",
        kind: ErrorMessage,
        names: &["woocommerce_rest_cannot_view", "sorry you cannot list resources"],
        title: "WooCommerce: cannot view",
        meaning: "WooCommerce knows of no key with read permission for this request: the key is unknown or lacks Read access.",
        causes: &["a Write-only key", "a key that was revoked", "the user owning the key lost its role"],
        remedy: &[
            "Create a key with Read/Write permission under WooCommerce > Settings > Advanced > REST API.",
            "Make sure the key's user is an administrator or shop manager.",
        ],
        contexts: &[],
    },
    Entry {
        id: "error.mailchimp_too_many_connections",
        kind: ErrorMessage,
        names: &["too_many_connections"],
        title: "Mailchimp: too many connections",
        meaning: "Mailchimp allows 10 simultaneous connections per account; this request would have been the eleventh.",
        causes: &["parallel workers sharing one account", "connections left open by a crashed job"],
        remedy: &[
            "Limit the integration to fewer than 10 concurrent requests per Mailchimp account.",
            "Queue work instead of fanning it out; retry after the running requests finish.",
        ],
        contexts: &[],
    },
    Entry {
        id: "error.failed_to_connect",
        kind: ErrorMessage,
        names: &["failed to connect to shopify store", "connection failed", "failed to connect"],
        title: "Integration failed to connect",
        meaning: "Setting up the connection failed: a wrong store URL, a token that does not work, or a plan without API access.",
        causes: &[
            "a custom domain where the service wants its own (name.myshopify.com)",
            "an access token copied incompletely or from another store",
            "missing permissions (read_customers, read_orders)",
            "a plan without API access (Shopify Starter; Basic is limited)",
        ],
        remedy: &[
            "Check each of these in turn with the same settings the integration uses.",
            "Use the store's myshopify.com address, copy the Admin API access token again, and grant the required scopes.",
        ],
        contexts: &[],
    },
    Entry {
        id: "error.failed_to_authenticate",
        kind: ErrorMessage,
        names: &["failed to authenticate with mailchimp", "failed to authenticate"],
        title: "Integration failed to authenticate",
        meaning: "The service refused the credentials while setting up the integration.",
        causes: &[
            "a Mailchimp key whose data-centre suffix (-us6) does not match the account",
            "a key that was deleted or regenerated",
            "a suspended account or unpaid bill",
        ],
        remedy: &[
            "Compare the key's suffix (-usN) with the data centre in the account's address (https://usN.admin.mailchimp.com).",
            "Check the account's status and billing; if in doubt, generate a new key and delete the old one.",
        ],
        contexts: &[],
    },
    Entry {
        id: "status.active",
        kind: Status,
        names: &["active"],
        title: "Active",
        meaning: "The integration is set up and syncing normally. It records that setup succeeded; occasional failed syncs can still happen and are retried.",
        causes: &[],
        remedy: &["Nothing to do. If data stops arriving, look at the time of the last sync: older than 24 hours means something is wrong."],
        contexts: &[],
    },
    Entry {
        id: "status.processing",
        kind: Status,
        names: &["processing", "sync in progress"],
        title: "Processing",
        meaning: "A sync is running.",
        causes: &[],
        remedy: &[
            "Wait: a normal sync finishes within about 30 minutes; a first sync of a large dataset can take hours.",
            "Do not cancel a first sync; its progress shows in the integration's logs.",
        ],
        contexts: &[],
    },
    Entry {
        id: "status.rate_limited",
        kind: Status,
        names: &["rate limited", "rate limit exceeded sync paused"],
        title: "Rate Limited",
        meaning: "The integration made too many API calls and is waiting for the service's limit to reset; it resumes by itself.",
        causes: &["a large sync", "other systems using the same key"],
        remedy: &[
            "Wait: syncing resumes automatically once the limit resets (allow up to an hour).",
            "If it happens on every sync, give the integration its own key and sync large datasets off-peak.",
            "See how long a full sync takes at the service's documented limit with plumb rate-limit plan.",
        ],
        contexts: &[],
    },
    Entry {
        id: "status.error",
        kind: Status,
        names: &["error", "sync failed"],
        title: "Error",
        meaning: "The last sync failed.",
        causes: &["expired credentials", "missing permissions", "network problems", "invalid records"],
        remedy: &[
            "Open the error details or logs for the exact message, then run plumb explain on it.",
            "Check the credentials (plumb credential), the permissions granted, and connectivity to the service; plumb check SERVICE tests all three for Shopify, Mailchimp, Stripe and WooCommerce.",
        ],
        contexts: &[],
    },
    Entry {
        id: "status.paused",
        kind: Status,
        names: &["paused"],
        title: "Paused",
        meaning: "The integration is not syncing: someone paused it, or a validation check paused it (for example expired credentials).",
        causes: &["a manual pause", "failed credential or permission validation"],
        remedy: &[
            "If it was paused on purpose, resume it.",
            "Otherwise fix what the validation found (often expired credentials), then resume.",
        ],
        contexts: &[],
    },
    Entry {
        id: "status.setup_incomplete",
        kind: Status,
        names: &["setup incomplete"],
        title: "Setup Incomplete",
        meaning: "The integration was started but never finished.",
        causes: &[
            "the final confirmation (Finish / Complete setup) was never pressed",
            "the test lead or event did not carry the expected source value",
            "a setup started by mistake and left behind",
        ],
        remedy: &[
            "Open the integration and complete the setup; it does not complete on its own when data arrives.",
            "If completion is refused, check that the test data carries the exact source value expected and ask the sender for a corrected one.",
            "Delete integrations that were started by mistake.",
        ],
        contexts: &[],
    },
    Entry {
        id: "status.failed_sync",
        kind: Status,
        names: &["failed sync"],
        title: "Failed Sync",
        meaning: "The last sync attempt failed; retries continue automatically. One failure is normal for APIs; a run of them is not.",
        causes: &["a passing network or provider error", "a lasting credential or data problem"],
        remedy: &[
            "A single failed sync usually resolves itself on retry.",
            "If failures repeat or data is missing, read the sync's error message and run plumb explain on it.",
        ],
        contexts: &[],
    },
    Entry {
        id: "status.expired_credentials",
        kind: Status,
        names: &["expired credentials", "credentials expired", "token expired"],
        title: "Expired Credentials",
        meaning: "The integration was paused because its credentials no longer work.",
        causes: &["an OAuth token that expired or was revoked", "a password or key changed in the service"],
        remedy: &[
            "Re-authorize the integration with fresh credentials, then resume it.",
            "For a JWT or token, plumb credential shows when it expired.",
        ],
        contexts: &[],
    },
    Entry {
        id: "webhook.circuit_breaker",
        kind: Webhook,
        names: &["circuit breaker", "subscription disabled", "webhook disabled", "endpoint disabled"],
        title: "Webhook disabled by the circuit breaker",
        meaning: "After repeated consecutive failed deliveries (20 in a row is a common threshold) the sender disabled the subscription. Senders differ: WooCommerce disables after more than 5 failures; Stripe never re-sends events created while an endpoint is disabled.",
        causes: &[
            "the endpoint answering 4xx or 5xx",
            "the endpoint taking longer than the sender's deadline (about 10 s)",
            "signature verification failing and answering 401",
        ],
        remedy: &[
            "Read the delivery log to see how deliveries failed.",
            "Fix the cause, then send a test delivery and confirm a 2xx answer within the deadline over HTTPS.",
            "Re-enable the subscription; events missed while it was disabled may need a manual resync.",
        ],
        contexts: &[],
    },
    Entry {
        id: "webhook.lost_signing_secret",
        kind: Webhook,
        names: &["lost signing secret", "signing secret lost"],
        title: "Lost webhook signing secret",
        meaning: "Many services show a subscription's signing secret only once, when it is created.",
        causes: &["the secret was not stored at creation"],
        remedy: &[
            "Create a new subscription to get a new secret, and configure the endpoint with it.",
            "Delete the old subscription once deliveries to the new one verify.",
        ],
        contexts: &[],
    },
];
