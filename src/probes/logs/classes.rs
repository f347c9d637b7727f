//! The problem classes a log line can fall into, the literals that find
//! them, and the precedence that puts each line in at most one class.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// A kind of integration failure, in precedence order: when one line
/// matches several classes it counts in the first of them.
///
/// The order goes from the most specific cause to the most generic
/// symptom. A line usually carries both ("401 Unauthorized: invalid
/// signature", "SSL handshake timed out", "504 Gateway Timeout"), and the
/// specific cause is the one worth fixing: a rejected signature or record
/// before the HTTP status that reported it; a DNS or TLS failure before the
/// timeout it caused; the status classes before a bare "timeout", so a 504
/// Gateway Timeout is a server error, as HTTP defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Signature,
    Validation,
    Dns,
    Tls,
    Connection,
    RateLimit,
    OAuth,
    Auth,
    Permission,
    NotFound,
    ServerError,
    Timeout,
}

impl Class {
    /// Every class, in precedence order.
    pub const ALL: [Class; 12] = [
        Class::Signature,
        Class::Validation,
        Class::Dns,
        Class::Tls,
        Class::Connection,
        Class::RateLimit,
        Class::OAuth,
        Class::Auth,
        Class::Permission,
        Class::NotFound,
        Class::ServerError,
        Class::Timeout,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The name in check ids (`logs.rate_limit`) and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Class::Signature => "signature",
            Class::Validation => "validation",
            Class::Dns => "dns",
            Class::Tls => "tls",
            Class::Connection => "connection",
            Class::RateLimit => "rate_limit",
            Class::OAuth => "oauth",
            Class::Auth => "auth",
            Class::Permission => "permission",
            Class::NotFound => "not_found",
            Class::ServerError => "server_error",
            Class::Timeout => "timeout",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Class::Signature => "Invalid webhook signatures",
            Class::Validation => "Record validation failures",
            Class::Dns => "DNS failures",
            Class::Tls => "TLS and certificate errors",
            Class::Connection => "Connections refused or reset",
            Class::RateLimit => "Rate limiting (429)",
            Class::OAuth => "OAuth token errors",
            Class::Auth => "Authentication failures (401)",
            Class::Permission => "Permission denied (403)",
            Class::NotFound => "Route or resource not found (404)",
            Class::ServerError => "Server errors (5xx)",
            Class::Timeout => "Timeouts",
        }
    }

    /// The explain catalogue entry whose remedy applies.
    pub fn catalog_id(self) -> &'static str {
        match self {
            Class::Signature => "log.invalid_signature",
            Class::Validation => "log.record_validation_failed",
            Class::Dns => "log.dns_failure",
            Class::Tls => "log.tls_error",
            Class::Connection => "log.connection_failed",
            Class::RateLimit => "log.rate_limit_exceeded",
            Class::OAuth => "log.oauth_token",
            Class::Auth => "log.invalid_credentials",
            Class::Permission => "log.permission_denied",
            Class::NotFound => "log.not_found",
            Class::ServerError => "log.server_error",
            Class::Timeout => "log.connection_timeout",
        }
    }
}

/// What a literal means once found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    /// The phrase alone places the line in the class.
    Phrase(Class),
    /// A provider's own error code (`rest_no_route`, `invalid_grant`): it
    /// names the cause exactly, so on a line that holds one it decides,
    /// whatever statuses or phrases stand beside it.
    Code(Class),
    /// An HTTP status code: it counts only as a whole number next to a word
    /// that says it is a status (see [`is_status_code`]).
    Status(Class),
}

use Class::*;
use Hit::{Code, Phrase, Status};

/// The literals, in lowercase: they are matched against ASCII-lowercased
/// text, so case never matters. `benches/logs.sh`
/// reads this table to build the pattern file it gives grep, so keep one
/// entry per line in this form.
#[rustfmt::skip]
const PATTERNS: &[(&str, Hit)] = &[
    ("invalid signature", Phrase(Signature)),
    ("signature verification", Phrase(Signature)),
    ("signature mismatch", Phrase(Signature)),
    ("signature invalid", Phrase(Signature)),
    ("no signatures found", Phrase(Signature)),
    ("bad signature", Phrase(Signature)),
    ("hmac mismatch", Phrase(Signature)),
    ("hmac verification failed", Phrase(Signature)),
    ("validation failed", Phrase(Validation)),
    ("validation error", Phrase(Validation)),
    ("failed validation", Phrase(Validation)),
    ("invalid record", Phrase(Validation)),
    ("unprocessable", Phrase(Validation)),
    ("member exists", Phrase(Validation)),
    ("422", Status(Validation)),
    ("could not resolve host", Phrase(Dns)),
    ("name or service not known", Phrase(Dns)),
    ("nodename nor servname", Phrase(Dns)),
    ("enotfound", Phrase(Dns)),
    ("eai_again", Phrase(Dns)),
    ("nxdomain", Phrase(Dns)),
    ("name resolution", Phrase(Dns)),
    ("dns resolution", Phrase(Dns)),
    ("no such host", Phrase(Dns)),
    ("unknownhost", Phrase(Dns)),
    ("unknown host", Phrase(Dns)),
    ("certificate verify failed", Phrase(Tls)),
    ("certificate has expired", Phrase(Tls)),
    ("certificate expired", Phrase(Tls)),
    ("self signed certificate", Phrase(Tls)),
    ("self-signed certificate", Phrase(Tls)),
    ("unable to get local issuer", Phrase(Tls)),
    ("unknown authority", Phrase(Tls)),
    ("unknown ca", Phrase(Tls)),
    ("handshake fail", Phrase(Tls)),
    ("ssl handshake", Phrase(Tls)),
    ("tls handshake", Phrase(Tls)),
    ("ssl routines", Phrase(Tls)),
    ("cert_has_expired", Phrase(Tls)),
    ("self_signed_cert", Phrase(Tls)),
    ("x509:", Phrase(Tls)),
    ("altnames", Phrase(Tls)),
    ("econnreset", Phrase(Connection)),
    ("econnrefused", Phrase(Connection)),
    ("econnaborted", Phrase(Connection)),
    ("connection reset", Phrase(Connection)),
    ("connection refused", Phrase(Connection)),
    ("socket hang up", Phrase(Connection)),
    ("broken pipe", Phrase(Connection)),
    ("epipe", Phrase(Connection)),
    ("ehostunreach", Phrase(Connection)),
    ("enetunreach", Phrase(Connection)),
    ("host unreachable", Phrase(Connection)),
    ("network is unreachable", Phrase(Connection)),
    ("rate limit", Phrase(RateLimit)),
    ("rate-limit", Phrase(RateLimit)),
    ("rate_limit", Phrase(RateLimit)),
    ("ratelimit", Phrase(RateLimit)),
    ("too many requests", Phrase(RateLimit)),
    ("throttled", Phrase(RateLimit)),
    ("throttling", Phrase(RateLimit)),
    ("throttle", Phrase(RateLimit)),
    ("quota exceeded", Phrase(RateLimit)),
    ("calls per second for api client", Phrase(RateLimit)),
    ("429", Status(RateLimit)),
    ("invalid_grant", Code(OAuth)),
    ("invalid_client", Code(OAuth)),
    ("unauthorized_client", Code(OAuth)),
    ("invalid_token", Phrase(OAuth)),
    ("invalid token", Phrase(OAuth)),
    ("expired_token", Phrase(OAuth)),
    ("token expired", Phrase(OAuth)),
    ("token has expired", Phrase(OAuth)),
    ("token is expired", Phrase(OAuth)),
    ("expired token", Phrase(OAuth)),
    ("token revoked", Phrase(OAuth)),
    ("token was revoked", Phrase(OAuth)),
    ("token has been revoked", Phrase(OAuth)),
    ("expired or revoked", Phrase(OAuth)),
    ("invalid credentials", Phrase(Auth)),
    ("authentication failed", Phrase(Auth)),
    ("authentication_error", Phrase(Auth)),
    ("invalid api key", Phrase(Auth)),
    ("invalid_api_key", Phrase(Auth)),
    ("api key invalid", Phrase(Auth)),
    ("unauthorized", Phrase(Auth)),
    ("unauthenticated", Phrase(Auth)),
    ("api_key_expired", Code(Auth)),
    ("401", Status(Auth)),
    ("forbidden", Phrase(Permission)),
    ("permission denied", Phrase(Permission)),
    ("insufficient permission", Phrase(Permission)),
    ("insufficient_scope", Phrase(Permission)),
    ("missing scope", Phrase(Permission)),
    ("access denied", Phrase(Permission)),
    ("woocommerce_rest_cannot_view", Code(Permission)),
    ("woocommerce_rest_cannot_create", Code(Permission)),
    ("woocommerce_rest_cannot_edit", Code(Permission)),
    ("woocommerce_rest_cannot_delete", Code(Permission)),
    ("403", Status(Permission)),
    ("rest_no_route", Code(NotFound)),
    ("resource not found", Phrase(NotFound)),
    ("resource_missing", Code(NotFound)),
    ("server error", Phrase(ServerError)),
    ("bad gateway", Phrase(ServerError)),
    ("service unavailable", Phrase(ServerError)),
    ("gateway timeout", Phrase(ServerError)),
    ("gateway time-out", Phrase(ServerError)),
    ("500", Status(ServerError)),
    ("502", Status(ServerError)),
    ("503", Status(ServerError)),
    ("504", Status(ServerError)),
    ("timed out", Phrase(Timeout)),
    ("timeout", Phrase(Timeout)),
    ("etimedout", Phrase(Timeout)),
    ("deadline exceeded", Phrase(Timeout)),
];

/// Words that, shortly before a number, say it is an HTTP status.
const STATUS_WORDS: [&str; 5] = ["http", "status", "code", "response", "error"];

/// How far before a number [`STATUS_WORDS`] are looked for.
const STATUS_WINDOW: usize = 24;

/// What the whole-buffer prefilter looks for: at most 64 literals (the
/// most aho-corasick's vectorised Teddy searcher takes), each of them a
/// part of some pattern, so that every phrase in [`PATTERNS`] contains one
/// and every counted status has one of [`STATUS_WORDS`] before it (a test
/// checks both). Status numbers themselves are not anchors: digits are
/// everywhere in logs and would drown the prefilter in false hits.
///
/// The order is for speed, not meaning: no anchor is a prefix of another
/// (a test checks it), so at most one starts at any place and the order
/// changes no match. Teddy puts the anchor at index `k` in bucket
/// `15 - k % 16` (unless the low nybbles of its first four bytes equal an
/// earlier anchor's, which it then joins), and a place in the text is a
/// candidate for a bucket when its next four bytes look like the first
/// four of some anchor in it, nybble by nybble; each candidate costs a
/// check. Anchors with alike first bytes share a bucket here, which makes
/// false candidates about sixteen times rarer than in an order by meaning
/// and the whole-buffer search about 1.7 times faster.
/// `benches/anchor-order.py` finds this order (the test
/// `the_anchor_order_keeps_false_candidates_rare` keeps it from decaying).
#[rustfmt::skip]
const ANCHORS: &[&str] = &[
    "pipe", "deadline exceeded", "signature", "etimedout", "http", "critical", "local issuer", "invalid",
    "resource", "error", "quota exceeded", "unknownhost", "no such host", "rate_limit", "unauthori", "timed out",
    "per second", "hmac", "self_signed_cert", "eai_again", "authenticat", "status", "code", "insufficient_scope",
    "rest_", "throttl", "rate-limit", "enotfound", "unknown ", "fatal", "x509:", "resolution",
    "permission", "handshake", "ssl routines", "member exists", "altnames", "server error", "connection re", "expired",
    "response", "forbidden", "nxdomain", "econn", "not known", "gateway time", "timeout", "too many requests",
    "unreach", "hang up", "validation", "service unavailable", "servname", "certificat", "access denied", "exception",
    "missing scope", "revoked", "api key", "unprocessable", "ratelimit", "bad gateway", "rate limit", "resolv",
];

/// The anchors that are status words and nothing else: found alone, they
/// make a line a candidate only with a number shortly after them
/// ([`status_word_may_count`]). `error` is a status word too, but it also
/// marks an error line.
const ONLY_STATUS_ANCHORS: [&str; 4] = ["http", "status", "code", "response"];

/// Finds the literals in buffers and lines.
pub struct Classifier {
    /// Every pattern, to classify a candidate line.
    ac: AhoCorasick,
    /// The anchors, to find candidate lines in a whole buffer.
    prefilter: Prefilter,
    /// Per anchor: whether it is one of [`ONLY_STATUS_ANCHORS`].
    status_only: [bool; ANCHORS.len()],
}

enum Prefilter {
    /// Teddy (SSSE3/AVX2) where the CPU has it.
    Packed(aho_corasick::packed::Searcher),
    /// An automaton over the anchors elsewhere.
    Automaton(AhoCorasick),
}

/// Words whose presence sends a line no class took to the error-look test
/// (`ERROR`, `FATAL`, `CRITICAL`, `Exception`, `Error:`, `level=error`…
/// all hold one once lowercased): a line without any is not an error line,
/// and the test is skipped.
const ERROR_WORDS: [&str; 4] = ["error", "fatal", "critical", "exception"];

/// A candidate the prefilter found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Where the anchor starts.
    pub at: usize,
    /// Where it ends.
    pub end: usize,
    /// Whether the anchor is one of [`STATUS_WORDS`] that only counts
    /// before a number (`http`, `status`, `code`, `response`; not `error`,
    /// which also marks an error line).
    pub status_word: bool,
}

/// What [`Classifier::classify`] finds on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub class: Option<Class>,
    /// Whether the line holds one of [`ERROR_WORDS`].
    pub error_word: bool,
}

impl Classifier {
    pub fn new() -> Self {
        // Case-sensitive on purpose: the scan lowercases each buffer (ASCII)
        // before searching it, which lets the prefilter use Teddy; an
        // ASCII-case-insensitive automaton gets no prefilter at all.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(PATTERNS.iter().map(|(p, _)| *p).chain(ERROR_WORDS))
            // The table is static and small: building cannot fail.
            .expect("the pattern table builds");
        let prefilter = aho_corasick::packed::Config::new()
            .only_teddy(true)
            .builder()
            .extend(ANCHORS)
            .build()
            .map_or_else(
                || {
                    Prefilter::Automaton(
                        AhoCorasick::builder()
                            .match_kind(MatchKind::LeftmostFirst)
                            .build(ANCHORS)
                            .expect("the anchor table builds"),
                    )
                },
                Prefilter::Packed,
            );
        let status_only = std::array::from_fn(|i| ONLY_STATUS_ANCHORS.contains(&ANCHORS[i]));
        Classifier {
            ac,
            prefilter,
            status_only,
        }
    }

    /// The next anchor starting at or after `from` in `hay` (already
    /// ASCII-lowercased): the prefilter run over whole buffers.
    pub fn next_candidate(&self, hay: &[u8], from: usize) -> Option<Candidate> {
        let (at, end, pattern) = match &self.prefilter {
            Prefilter::Packed(s) => s
                .find_in(hay, aho_corasick::Span::from(from..hay.len()))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))?,
            Prefilter::Automaton(ac) => ac
                .find(aho_corasick::Input::new(hay).range(from..))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))?,
        };
        Some(Candidate {
            at,
            end,
            status_word: self.status_only.get(pattern).copied().unwrap_or(false),
        })
    }

    /// The class of one ASCII-lowercased line (`None` when no literal
    /// counts: a number that is not a status, say), and whether it holds
    /// an error word.
    pub fn classify(&self, line: &[u8]) -> Found {
        let mut best: Option<Class> = None;
        let mut code: Option<Class> = None;
        let mut error_word = false;
        for m in self.ac.find_overlapping_iter(line) {
            let Some((_, hit)) = PATTERNS.get(m.pattern().as_usize()) else {
                error_word = true;
                continue;
            };
            let class = match *hit {
                Code(c) => {
                    code = Some(code.map_or(c, |b| b.min(c)));
                    continue;
                }
                Phrase(c) => c,
                Status(c) if is_status_code(line, m.start(), m.end()) => c,
                Status(_) => continue,
            };
            if best.is_none_or(|b| class < b) {
                best = Some(class);
            }
        }
        Found {
            class: code.or(best),
            error_word,
        }
    }

    /// Every literal, for tests and the benchmark.
    #[cfg(test)]
    pub fn literals() -> impl Iterator<Item = &'static str> {
        PATTERNS.iter().map(|(p, _)| *p)
    }
}

/// Whether a status word found at `word` (its start and end in `hay`, a
/// lowercased buffer) could make a number count as a status: only when a
/// number that could be one (a 4 or 5 and two more digits, standing alone
/// as [`is_status_code`] requires) starts where [`is_status_code`] would
/// look for the word before it. When it could not, the anchor alone is no
/// reason to classify its line: an access log's `HTTP/1.1" 200 4512`
/// holds a 4 and two digits, but glued to a fourth.
pub fn status_word_may_count(hay: &[u8], word: Candidate) -> bool {
    // The number starts right after the word at the earliest, and at most
    // STATUS_WINDOW bytes after the word's start.
    let last = (word.at + STATUS_WINDOW).min(hay.len().saturating_sub(1));
    (word.end..=last).any(|i| {
        matches!(hay[i], b'4' | b'5')
            && hay.get(i + 1).is_some_and(u8::is_ascii_digit)
            && hay.get(i + 2).is_some_and(u8::is_ascii_digit)
            && stands_alone(hay, i, i + 3)
    })
}

/// Whether the number at `start..end` of `line` stands alone: no digit,
/// letter, `.` or `_` touching it, and no `-` before it, so ids
/// (`shop-214`), durations (`429ms`) and versions (`1.503`) don't count.
fn stands_alone(line: &[u8], start: usize, end: usize) -> bool {
    let glued = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'_';
    let before = start.checked_sub(1).map(|i| line[i]);
    !before.is_some_and(|b| glued(b) || b == b'-') && !line.get(end).is_some_and(|&b| glued(b))
}

/// A number at `start..end` is a status when it stands alone
/// ([`stands_alone`]) and a status word comes shortly before it (an
/// access log's `"GET /x HTTP/1.1" 500` has its `HTTP`).
fn is_status_code(line: &[u8], start: usize, end: usize) -> bool {
    if !stands_alone(line, start, end) {
        return false;
    }
    let before = &line[start.saturating_sub(STATUS_WINDOW)..start];
    STATUS_WORDS.iter().any(|w| {
        before
            .windows(w.len())
            .any(|win| win.eq_ignore_ascii_case(w.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(line: &str) -> Option<&'static str> {
        let lowered = line.to_ascii_lowercase();
        Classifier::new()
            .classify(lowered.as_bytes())
            .class
            .map(Class::name)
    }

    #[test]
    fn phrases_find_their_class_whatever_the_case() {
        assert_eq!(class("ERROR Connection TIMEOUT after 30s"), Some("timeout"));
        assert_eq!(class("Invalid credentials for store"), Some("auth"));
        assert_eq!(
            class("insufficient permissions for requested operation"),
            Some("permission")
        );
        assert_eq!(class("Rate limit exceeded, retrying"), Some("rate_limit"));
        assert_eq!(
            class("Record validation failed for record 42"),
            Some("validation")
        );
        assert_eq!(class("Webhook: Invalid signature"), Some("signature"));
        assert_eq!(
            class("upstream answered 503 Service Unavailable"),
            Some("server_error")
        );
        assert_eq!(
            class("SSL: CERTIFICATE_VERIFY_FAILED certificate verify failed"),
            Some("tls")
        );
        assert_eq!(class("getaddrinfo ENOTFOUND api.example.com"), Some("dns"));
        assert_eq!(class("sync finished: 120 records"), None);
    }

    #[test]
    fn precedence_prefers_the_specific_cause() {
        assert_eq!(
            class("HTTP 401 Unauthorized: invalid signature"),
            Some("signature")
        );
        assert_eq!(class("SSL handshake timed out"), Some("tls"));
        assert_eq!(
            class("connect timeout: could not resolve host"),
            Some("dns")
        );
        assert_eq!(class("HTTP 504 Gateway Timeout"), Some("server_error"));
        assert_eq!(class("status 429, request timed out"), Some("rate_limit"));
        assert_eq!(
            class("422 validation failed; status 500"),
            Some("validation")
        );
    }

    #[test]
    fn a_providers_code_decides_its_line() {
        assert_eq!(
            class(r#"{"code":"woocommerce_rest_cannot_view","data":{"status":401}}"#),
            Some("permission")
        );
        assert_eq!(
            class("HTTP 400 invalid_grant: token expired"),
            Some("oauth")
        );
        assert_eq!(
            class("status 404 rest_no_route timed out"),
            Some("not_found")
        );
        assert_eq!(
            class("connect ECONNREFUSED, status 503"),
            Some("connection")
        );
        assert_eq!(
            class("Exceeded 2 calls per second for api client (429)"),
            Some("rate_limit")
        );
        assert_eq!(class("Error: socket hang up"), Some("connection"));
    }

    #[test]
    fn numbers_count_only_as_statuses() {
        assert_eq!(
            class("request failed with status code 429"),
            Some("rate_limit")
        );
        assert_eq!(
            class(r#"{"msg":"call failed","status":502}"#),
            Some("server_error")
        );
        assert_eq!(
            class(r#"1.2.3.4 - - [23/Nov/2026:10:00:00 +0000] "POST /hook HTTP/1.1" 500 12"#),
            Some("server_error")
        );
        assert_eq!(class("HTTP/1.1 403"), Some("permission"));
        assert_eq!(class("took 500 ms"), None);
        assert_eq!(class("order 4011 synced, status ok"), None);
        assert_eq!(class("status 5003"), None);
        assert_eq!(class("status v1.500"), None);
        assert_eq!(class("status id-401"), None);
    }

    #[test]
    fn patterns_are_lowercase_and_every_class_has_a_catalogue_entry() {
        for p in Classifier::literals() {
            assert_eq!(p, p.to_ascii_lowercase(), "{p}");
        }
        for c in Class::ALL {
            assert!(
                crate::catalog::by_id(c.catalog_id()).is_some(),
                "{}",
                c.name()
            );
            assert!(PATTERNS
                .iter()
                .any(|(_, h)| matches!(h, Phrase(x) | Code(x) if *x == c)));
        }
        for (i, c) in Class::ALL.iter().enumerate() {
            assert_eq!(c.index(), i);
        }
    }

    /// `explain` and `logs` draw on one catalogue: every literal a class
    /// matches is explained, by the class's own entry or by one of the
    /// more specific entries listed here for it (a status, a provider's
    /// code, a network error as a runtime prints it).
    #[test]
    fn every_phrase_a_class_matches_is_explained() {
        use crate::catalog::{lookup, Lookup};
        let specific = |c: Class| -> &[&str] {
            match c {
                Signature => &[],
                Validation => &["mailchimp.member_exists", "http.422"],
                Dns => &["net.enotfound", "net.eai_again"],
                Tls => &["net.unknown_authority"],
                Connection => &[
                    "net.connection_reset",
                    "net.connection_refused",
                    "net.unreachable",
                ],
                RateLimit => &["http.429", "shopify.throttled"],
                OAuth => &["oauth.invalid_grant", "oauth.invalid_client"],
                Auth => &["http.401", "stripe.api_key_expired"],
                Permission => &["http.403", "error.woocommerce_rest_cannot_view"],
                NotFound => &[
                    "woocommerce.rest_no_route",
                    "mailchimp.resource_not_found",
                    "stripe.resource_missing",
                ],
                ServerError => &["http.500", "http.502", "http.503", "http.504"],
                Timeout => &["net.timeout"],
            }
        };
        for (p, hit) in PATTERNS {
            let (Phrase(c) | Code(c) | Status(c)) = *hit;
            match lookup(p) {
                Lookup::Found { entry, .. } => assert!(
                    entry.id == c.catalog_id() || specific(c).contains(&entry.id),
                    "{p:?} is in class {} but explain says {}",
                    c.name(),
                    entry.id
                ),
                Lookup::NotFound { .. } => {
                    panic!("explain does not know {p:?} (class {})", c.name())
                }
            }
        }
    }

    #[test]
    fn every_match_contains_an_anchor_the_prefilter_finds() {
        assert!(ANCHORS.len() <= 64, "Teddy takes at most 64 literals");
        for (p, hit) in PATTERNS {
            match hit {
                Phrase(_) | Code(_) => assert!(ANCHORS.iter().any(|a| p.contains(a)), "{p}"),
                Status(_) => assert!(
                    p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()),
                    "{p}: status_word_may_count looks for three digits"
                ),
            }
        }
        for w in STATUS_WORDS {
            assert!(ANCHORS.contains(&w), "{w}");
        }
        for a in ANCHORS {
            assert_eq!(*a, a.to_ascii_lowercase(), "{a}");
        }
        let c = Classifier::new();
        let hay = b"nothing here\nstill nothing\nan http 503 line\n";
        assert_eq!(c.next_candidate(hay, 0).map(|m| m.at), Some(30));
        assert_eq!(c.next_candidate(hay, 31), None);
    }

    /// A status word is passed over only when no status could follow it:
    /// whatever the gap, a line that counts a status has its word seen.
    #[test]
    fn status_words_are_passed_over_only_without_a_number() {
        let c = Classifier::new();
        let only_status = &ONLY_STATUS_ANCHORS;
        for w in STATUS_WORDS {
            assert_eq!(only_status.contains(&w), w != "error", "{w}");
        }
        let mut counted = 0;
        for w in only_status {
            for gap in 0..40 {
                for filler in [" ", "x", "/", "-"] {
                    let line = format!("a {w}{}429 b", filler.repeat(gap));
                    let found = c.next_candidate(line.as_bytes(), 0).unwrap();
                    assert!(found.status_word, "{line}");
                    let may = status_word_may_count(line.as_bytes(), found);
                    if c.classify(line.as_bytes()).class.is_some() {
                        counted += 1;
                        assert!(may, "{line}");
                    }
                }
            }
        }
        assert!(counted > 50, "{counted}");
        let url = b"delivered to https://example.com/hooks/123";
        let found = c.next_candidate(url, 0).unwrap();
        assert!(!status_word_may_count(url, found));
        for glued in [
            &b"\"get /x http/1.1\" 200 4512 \"-\""[..],
            b"http took 429ms",
            b"status v1.503 ok",
            b"code shop-404 gone",
            b"http 404_page",
        ] {
            let found = c.next_candidate(glued, 0).unwrap();
            assert!(
                !status_word_may_count(glued, found),
                "{}",
                String::from_utf8_lossy(glued)
            );
            assert!(c.classify(glued).class.is_none());
        }
        for alone in [
            &b"\"get /x http/1.1\" 503 12"[..],
            b"status=429",
            b"code (500)",
        ] {
            let found = c.next_candidate(alone, 0).unwrap();
            assert!(
                status_word_may_count(alone, found),
                "{}",
                String::from_utf8_lossy(alone)
            );
        }
    }

    /// The cost `benches/anchor-order.py` lowers: how often a place in
    /// lowercased text passes some Teddy bucket's nybble test at each of
    /// the four places, with byte frequencies taken from `text`.
    fn false_candidates_per_byte(anchors: &[&str], text: &[u8]) -> f64 {
        let mut freq = [1.0f64; 256];
        for b in text {
            freq[usize::from(b.to_ascii_lowercase())] += 1.0;
        }
        let total: f64 = freq.iter().sum();
        let mut buckets: Vec<Vec<&[u8]>> = vec![Vec::new(); 16];
        let mut seen: Vec<([u8; 4], usize)> = Vec::new();
        for (k, a) in anchors.iter().enumerate() {
            let a = a.as_bytes();
            let lo = [a[0] & 15, a[1] & 15, a[2] & 15, a[3] & 15];
            let bucket = match seen.iter().find(|(l, _)| *l == lo) {
                Some(&(_, b)) => b,
                None => {
                    seen.push((lo, 15 - k % 16));
                    15 - k % 16
                }
            };
            buckets[bucket].push(a);
        }
        buckets
            .iter()
            .filter(|b| !b.is_empty())
            .map(|b| {
                (0..4)
                    .map(|j| {
                        let passes = |x: usize| {
                            b.iter().any(|a| usize::from(a[j] & 15) == x & 15)
                                && b.iter().any(|a| usize::from(a[j] >> 4) == x >> 4)
                        };
                        (0..256)
                            .filter(|&x| passes(x))
                            .map(|x| freq[x])
                            .sum::<f64>()
                            / total
                    })
                    .product::<f64>()
            })
            .sum()
    }

    /// The anchors' order only changes speed: no anchor is a prefix of
    /// another, so no two start at one place. And the order keeps false
    /// candidates several times rarer than an order with no thought.
    #[test]
    fn the_anchor_order_keeps_false_candidates_rare() {
        for a in ANCHORS {
            assert!(a.len() >= 4, "{a}: Teddy looks at four bytes");
            for b in ANCHORS {
                assert!(a == b || !b.starts_with(a), "{a} starts {b}");
            }
        }
        let mut text = include_str!("../../../README.md").as_bytes().to_vec();
        for line in [
            "2026-11-20T01:02:03.456Z INFO sync worker=12 synced order 451234 for store shop-17 in 812 ms",
            "2026-11-20T01:02:04.001Z DEBUG GET /admin/api/2024-10/products.json?page_info=9f8e7d6c took 41 ms",
            "2026-11-20T01:02:05.120Z ERROR request to api.example.com timed out after 30000 ms (attempt 2)",
            r#"{"ts":"2026-11-20T01:02:06Z","level":"info","msg":"payment captured","request_id":"4f2a9c"}"#,
        ] {
            for _ in 0..50 {
                text.extend_from_slice(line.as_bytes());
                text.push(b'\n');
            }
        }
        let tuned = false_candidates_per_byte(ANCHORS, &text);
        let mut sorted = ANCHORS.to_vec();
        sorted.sort_unstable();
        let plain = false_candidates_per_byte(&sorted, &text);
        assert!(
            tuned * 6.0 < plain,
            "false candidates per byte: {tuned:.5} in this order, {plain:.5} sorted; run benches/anchor-order.py"
        );
    }
}
