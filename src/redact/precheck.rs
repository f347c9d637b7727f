//! A cheap test of whether the redactor could change a text at all, for
//! callers that pass many lines through it (`logs`): a line in which no
//! shape the redactor knows can start is left as it is without the full
//! pass. It lives beside the shapes it mirrors, so a new shape is added to
//! both in one place; a test checks it against the redactor on generated
//! lines.

/// Literals without which the redactor's other shapes cannot start: a PEM
/// block, URL userinfo, a `Bearer`/`Basic` value, a JWT, and every known
/// credential prefix (matched ignoring case: a few more lines are handed
/// to the redactor, none fewer).
const SHAPE_WORDS: [&str; 5] = ["-----begin ", "://", "bearer", "basic", "eyj"];

/// Runs of these bytes at least [`RANDOM_RUN`] long are what the
/// redactor's entropy test and Mailchimp keys need.
fn run_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'/' | b'=')
}

/// The shortest run the entropy test judges (it masks nothing shorter).
const RANDOM_RUN: usize = 20;

/// [`SHAPE_WORDS`], then every credential prefix, found ignoring case.
fn shape_words() -> &'static aho_corasick::AhoCorasick {
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let prefixes = super::prefixes::PREFIXES.iter().map(|p| p.text);
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(SHAPE_WORDS.iter().copied().chain(prefixes))
            // A static table of short literals: building cannot fail.
            .expect("the shape words build")
    })
}

/// Words that begin or sit inside every name the redactor takes for a
/// credential's (`Authorization`, `X-Api-Key`, `client_secret`,
/// `password`, `session_id`, `sig`, `jwt`…), once lowercased: a line
/// without any names no credential, and its separators are not looked at.
const NAME_WORDS: [&str; 11] = [
    "token",
    "secret",
    "passw",
    "key",
    "auth",
    "session",
    "cookie",
    "sig",
    "credential",
    "pwd",
    "jwt",
];

fn name_words() -> &'static aho_corasick::AhoCorasick {
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(NAME_WORDS)
            // A static table of short literals: building cannot fail.
            .expect("the name words build")
    })
}

/// Where `://` sits in [`SHAPE_WORDS`]: URL userinfo also needs an `@`.
const URL_WORD: usize = 1;

/// Whether the redactor (`text`, with personal data) could change `raw` (as UTF-8, invalid bytes
/// replaced): `false` only when no credential shape it knows can start in
/// it, so that skipping the redactor leaves the text as redacting would.
/// Most classified log lines ("HTTP 502 Bad Gateway", "invalid signature
/// for order 1234") hold none; a line that might is redacted in full.
/// Every shape of `redact::shapes` needs one of: a run of twenty or more
/// token characters (random-looking secrets, Mailchimp keys), one of
/// [`SHAPE_WORDS`] or a credential prefix, or a name the redactor calls a
/// credential's before a `:` or `=` (headers, parameters, fields). A test
/// checks it against the redactor on generated lines.
pub fn may_change(raw: &[u8]) -> bool {
    may_hold_secret_from(raw, RANDOM_RUN) || super::personal::may_hold(raw)
}

/// [`may_hold_secret`] with runs of `random_run` token characters taken
/// for possible secrets.
fn may_hold_secret_from(raw: &[u8], random_run: usize) -> bool {
    let mut run = 0;
    for &b in raw {
        if run_byte(b) {
            run += 1;
            if run >= random_run {
                return true;
            }
        } else {
            run = 0;
        }
    }
    let at_sign = memchr::memchr(b'@', raw).is_some();
    shape_words()
        .find_overlapping_iter(raw)
        .any(|m| m.pattern().as_usize() != URL_WORD || at_sign)
        || (name_words().is_match(raw) && names_a_credential(raw))
}

/// Whether a name the redactor takes for a credential's stands before a
/// `:` or `=` (after optional spaces and a closing quote): every name it
/// would try there, each suffix of the name that starts a word, is asked.
fn names_a_credential(raw: &[u8]) -> bool {
    let name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    for sep in memchr::memchr2_iter(b':', b'=', raw) {
        let mut end = sep;
        while end > 0 && matches!(raw[end - 1], b' ' | b'\t') {
            end -= 1;
        }
        if end > 0 && matches!(raw[end - 1], b'"' | b'\'') {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && name_byte(raw[start - 1]) {
            start -= 1;
        }
        for i in start..end {
            let starts_word = i == start || raw[i - 1] == b'-';
            if starts_word && raw[i].is_ascii_alphanumeric() && end - i <= 64 {
                let name = std::str::from_utf8(&raw[i..end]).unwrap_or_default();
                if super::is_credential_name(name) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A seeded line made of log words, near-secrets and secrets of every
    /// shape the redactor knows, glued or spaced.
    pub(crate) fn risky_line(rng: &mut fastrand::Rng) -> String {
        const TOKEN: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        const EXTRA: &[u8] = b"+/=.:@";
        let token = |rng: &mut fastrand::Rng, n: usize| -> String {
            (0..n)
                .map(|_| {
                    if rng.u8(..) < 20 {
                        char::from(EXTRA[rng.usize(..EXTRA.len())])
                    } else {
                        char::from(TOKEN[rng.usize(..TOKEN.len())])
                    }
                })
                .collect()
        };
        let prefixes = crate::redact::prefixes::PREFIXES;
        let words = [
            "ERROR",
            "HTTP",
            "502",
            "invalid",
            "signature",
            "for",
            "order",
            "id=123",
            "status",
            "key=customer:42",
            "token",
            "Password",
            "password",
            "client_secret",
            "X-Api-Key",
            "Authorization",
            "sig",
            "session_id",
            "https://shop.example.com/a",
            "user@example.com",
            "é",
            "\u{fffd}",
            "-",
            "_",
            "\"",
            "'",
            ":",
            "=",
            "?",
            "&",
            "/",
            "BEARER",
            "basic",
            "eyJ",
            "-----BEGIN",
            "RSA",
            "PRIVATE",
            "KEY-----",
            "ck_",
            "SG.",
        ];
        let mut line = String::new();
        for _ in 0..rng.usize(1..8) {
            let piece = match rng.u8(..14) {
                13 => {
                    const ALNUM: &[u8] =
                        b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
                    (0..rng.usize(16..30))
                        .map(|_| char::from(ALNUM[rng.usize(..ALNUM.len())]))
                        .collect()
                }
                0..=3 | 10..=12 => words[rng.usize(..words.len())].to_string(),
                4 => {
                    let p = prefixes[rng.usize(..prefixes.len())].text;
                    let n = rng.usize(..40);
                    format!("{p}{}", token(rng, n))
                }
                5 => {
                    let n = rng.usize(5..34);
                    token(rng, n)
                }
                6 => format!(
                    "{}{}{}",
                    words[rng.usize(..words.len())],
                    [":", "=", "\": \"", " = ", "=\""][rng.usize(..5)],
                    token(rng, 12)
                ),
                7 => format!("eyJ{}.{}.{}", token(rng, 12), token(rng, 6), token(rng, 8)),
                8 => format!("{:032x}-us{}", rng.u128(..), rng.u8(1..20)),
                _ => format!("https://{}:{}@host/p", token(rng, 4), token(rng, 9)),
            };
            line.push_str(&piece);
            if rng.bool() {
                line.push(' ');
            }
        }
        line
    }

    /// Skipping the redactor where [`may_change`] says no changes
    /// nothing: the redactor would have left those lines as they were.
    #[test]
    fn every_credential_name_holds_a_name_word() {
        for name in [
            "Authorization",
            "Proxy-Authorization",
            "Cookie",
            "Set-Cookie",
            "apikey",
            "X-Api-Key",
            "api_key",
            "auth",
            "pwd",
            "sig",
            "jwt",
            "access_token",
            "client_secret",
            "password",
            "passwd",
            "x-auth-token",
            "session_id",
            "X-Amz-Signature",
            "credentials",
            "private_key",
            "aws-access-key",
            "stripe-key",
            "X_AUTH",
        ] {
            assert!(crate::redact::is_credential_name(name), "{name}");
            assert!(name_words().is_match(name), "{name}");
        }
    }

    #[test]
    fn lines_without_a_secret_shape_are_what_the_redactor_leaves() {
        let mut rng = fastrand::Rng::with_seed(0x5ec7e7);
        let (mut skipped, mut redacted, mut near) = (0, 0, 0);
        for _ in 0..20_000 {
            let line = risky_line(&mut rng);
            // The corpus reaches the edge: lines a shorter run would let
            // through unredacted.
            if !may_hold_secret_from(line.as_bytes(), RANDOM_RUN + 1)
                && crate::redact::text(&line) != line
            {
                near += 1;
            }
            if may_change(line.as_bytes()) {
                redacted += 1;
            } else {
                skipped += 1;
                assert_eq!(crate::redact::text(&line), line, "skipped but redactable");
            }
        }
        assert!(skipped > 2_000 && redacted > 2_000, "{skipped} {redacted}");
        assert!(
            near > 0,
            "no line has a secret of exactly {RANDOM_RUN} characters"
        );
        for plain in [
            "2026-11-20T08:30:30.349Z ERROR upstream answered 502 Bad Gateway for request 0123456789abcdef",
            "ERROR webhook 1f2e3d4c5b6a7988 rejected: invalid signature",
            "ERROR request to https://api.example.com/x timed out after 3000 ms",
        ] {
            assert!(!may_change(plain.as_bytes()), "{plain}");
        }
        for secret in [
            "key sk_live_abcdefgh rejected",
            "Authorization: Bearer abcdefgh12",
            "url https://u:p@host/",
            "password=hunter2",
            "tok wJalrXUtnFEMIKxMDENGbPxRfiCY",
        ] {
            assert!(may_change(secret.as_bytes()), "{secret}");
            assert_ne!(crate::redact::text(secret), secret);
        }
    }
}
