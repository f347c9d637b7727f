//! Turning a matched line into the message it shares with its repeats, and
//! finding the record id a validation failure names.

/// Longest message kept, in characters: enough to tell messages apart,
/// small enough that the group tables stay bounded.
const MAX_MESSAGE: usize = 160;

/// Writes `raw` into `out` with what varies between repeats of the same
/// message taken out: every word holding a digit (ids, counts, durations,
/// dates, times) becomes `#`, and `#`s joined by `-:./+` (a timestamp, a
/// UUID, an IP address) become one; credentials are masked first by the
/// one redactor. Three-digit numbers from 100 to 599
/// stay: they are HTTP statuses, and 502 is not 503. Control characters
/// become spaces and runs of spaces one space.
pub fn normalize(raw: &[u8], out: &mut String) {
    normalize_with(raw, out, may_hold_secret);
}

/// [`normalize`] with every line through the redactor: what the scan's
/// fast path is compared with.
#[cfg(test)]
pub fn normalize_redacting_all(raw: &[u8], out: &mut String) {
    normalize_with(raw, out, |_| true);
}

fn normalize_with(raw: &[u8], out: &mut String, may_hold_secret: fn(&[u8]) -> bool) {
    out.clear();
    // Credentials are masked on the line as written, before it is split
    // into words: a secret's digit-free pieces must not survive.
    let raw = &raw[..raw.len().min(MAX_MESSAGE * 8)];
    let lossy = String::from_utf8_lossy(raw);
    let text = if may_hold_secret(raw) {
        crate::redact::text(&lossy).into()
    } else {
        lossy
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_alphanumeric() || c == '_' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !(d.is_ascii_alphanumeric() || d == '_') {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            push_word(&text[i..end], out);
        } else if c.is_whitespace() || c.is_control() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        // A string has no more characters than bytes: count them only
        // when the bytes could be too many.
        if out.len() > MAX_MESSAGE + 16 && out.chars().count() > MAX_MESSAGE + 16 {
            break;
        }
    }
    let trimmed = out
        .trim_start_matches(|c: char| "# []|-:,.".contains(c))
        .trim_end();
    let start = trimmed.as_ptr() as usize - out.as_ptr() as usize;
    let mut end = start + trimmed.len();
    let long = trimmed.len() > MAX_MESSAGE && trimmed.chars().count() > MAX_MESSAGE;
    if long {
        end = start
            + trimmed
                .char_indices()
                .nth(MAX_MESSAGE)
                .map_or(trimmed.len(), |(i, _)| i);
    }
    // Cut in place: the buffer is reused from line to line.
    out.truncate(end);
    out.drain(..start);
    if long {
        out.push('…');
    }
}

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
        let prefixes = crate::redact::prefixes::PREFIXES.iter().map(|p| p.text);
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

/// Whether the one redactor could change `raw` (as UTF-8, invalid bytes
/// replaced): `false` only when no credential shape it knows can start in
/// it, so that skipping the redactor leaves the text as redacting would.
/// Most classified log lines ("HTTP 502 Bad Gateway", "invalid signature
/// for order 1234") hold none; a line that might is redacted in full.
/// Every shape of `redact::shapes` needs one of: a run of twenty or more
/// token characters (random-looking secrets, Mailchimp keys), one of
/// [`SHAPE_WORDS`] or a credential prefix, or a name the redactor calls a
/// credential's before a `:` or `=` (headers, parameters, fields). A test
/// checks it against the redactor on generated lines.
pub fn may_hold_secret(raw: &[u8]) -> bool {
    may_hold_secret_from(raw, RANDOM_RUN) || crate::redact::personal::may_hold(raw)
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
                if crate::redact::is_credential_name(name) {
                    return true;
                }
            }
        }
    }
    false
}

/// Longest sample line kept, in characters.
const MAX_SAMPLE: usize = 240;

/// A line as a sample: credentials masked by the one redactor, cut at
/// [`MAX_SAMPLE`] characters.
pub fn sample(raw: &[u8]) -> String {
    let text = crate::redact::text(&String::from_utf8_lossy(
        &raw[..raw.len().min(MAX_SAMPLE * 8)],
    ));
    crate::escape::shorten(text.trim(), MAX_SAMPLE)
}

fn push_word(word: &str, out: &mut String) {
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    // `#-#`, `#:#`, `#.#`: one value written in parts (a date, an address
    // with its port, a UUID).
    let joined = out.len() >= 2
        && out.ends_with(|c: char| "-:./+".contains(c))
        && out[..out.len() - 1].ends_with('#');
    if has_digit && joined {
        out.pop();
        return;
    }
    // A status stands on its own (`HTTP 502`, `status=502`, `(502)`); glued
    // to a name (`shop-214`, `:443`) the number is part of an id.
    let alone = out.is_empty() || out.ends_with(|c: char| " ([\"'=".contains(c));
    let status =
        alone && word.len() == 3 && (b'1'..=b'5').contains(&word.as_bytes()[0]) && is_digits(word);
    if (has_digit && !status) || word.len() >= 24 {
        out.push('#');
    } else {
        out.push_str(word);
    }
}

fn is_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// Words after which a record's id follows (`record 42`, `order_id=1001`).
const ID_WORDS: [&str; 18] = [
    "record",
    "record_id",
    "recordid",
    "id",
    "customer",
    "customer_id",
    "order",
    "order_id",
    "contact",
    "contact_id",
    "subscriber",
    "member",
    "member_id",
    "item",
    "item_id",
    "product",
    "product_id",
    "row",
];

/// The JSON fields that hold a record's id, in the order they are tried.
pub const ID_FIELDS: [&str; 8] = [
    "record_id",
    "recordId",
    "record",
    "id",
    "customer_id",
    "order_id",
    "contact_id",
    "member_id",
];

/// The id named after one of [`ID_WORDS`]: the next word (past a few
/// separators such as `:`, `=`, `#`, quotes) that holds a digit.
pub fn record_id(line: &[u8]) -> Option<&[u8]> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let mut i = 0;
    while i < line.len() {
        if !is_word(line[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < line.len() && is_word(line[i]) {
            i += 1;
        }
        let word = &line[start..i];
        if !ID_WORDS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
        {
            continue;
        }
        let mut j = i;
        while j < line.len() && j - i < 4 && b" :=#\"'".contains(&line[j]) {
            j += 1;
        }
        let id_start = j;
        while j < line.len() && is_word(line[j]) {
            j += 1;
        }
        let id = &line[id_start..j];
        if !id.is_empty() && id.len() <= 64 && id.iter().any(u8::is_ascii_digit) {
            return Some(id);
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        normalize(s.as_bytes(), &mut out);
        out
    }

    #[test]
    fn repeats_of_one_message_normalise_alike() {
        let a = norm("2026-11-23T10:00:01.123Z ERROR Request 7f3e9a2c-11aa-4b1c-9d2e-0a1b2c3d4e5f to 10.0.0.12:443 timed out after 30000 ms");
        let b = norm("2026-11-23T11:59:59Z ERROR Request 0d3e9a2c-11aa-4b1c-9d2e-0a1b2c3d4e51 to 10.0.0.7:443 timed out after 5000 ms");
        assert_eq!(a, b);
        assert_eq!(a, "ERROR Request # to # timed out after # ms");
    }

    #[test]
    fn statuses_stay_and_controls_go() {
        assert_eq!(
            norm("HTTP 502 Bad Gateway (attempt 3)"),
            "HTTP 502 Bad Gateway (attempt #)"
        );
        assert_eq!(norm("status 7000"), "status #");
        assert_eq!(norm("status=429 (503)"), "status=429 (503)");
        assert_eq!(
            norm("ENOTFOUND shop-214.example.com:443"),
            "ENOTFOUND shop-#.example.com:#"
        );
        assert_eq!(norm("a\u{1b}[31m\tb\0c"), "a [# b c");
        assert_eq!(
            norm("key sk_live_abcdefghijklmnopqrstuvwx rejected"),
            "key sk_live_…uvwx rejected"
        );
        // Digit-free pieces of a secret do not survive its split into words.
        let aws = norm("auth failed secret=wJalrXUtnFEMI/KxMDENG/bPxRfiCYEXAMPLEKEY for user");
        assert!(
            !aws.contains("wJalrXUtnFEMI") && !aws.contains("bPxRfiCY"),
            "{aws}"
        );
        let pem = norm(
            "key -----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEAabcdefghijklmnopqrstuvwxyzABCD",
        );
        assert!(!pem.contains("abcdefghijklmnopqrstu"), "{pem}");
        let long = "x ".repeat(500);
        assert!(norm(&long).chars().count() <= MAX_MESSAGE + 1);
        assert_eq!(norm(""), "");
    }

    #[test]
    fn finds_record_ids() {
        let id = |s: &str| record_id(s.as_bytes()).map(|b| String::from_utf8_lossy(b).into_owned());
        assert_eq!(
            id("Record validation failed for record 12345: bad email").as_deref(),
            Some("12345")
        );
        assert_eq!(
            id("validation failed order_id=ord-1001").as_deref(),
            Some("ord-1001")
        );
        assert_eq!(
            id(r#"{"msg":"validation failed","record":"rec_42"}"#).as_deref(),
            Some("rec_42")
        );
        assert_eq!(
            id("customer #cus_9Xa2 failed validation").as_deref(),
            Some("cus_9Xa2")
        );
        assert_eq!(id("record validation failed: email missing"), None);
    }

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

    /// Skipping the redactor where [`may_hold_secret`] says no changes
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
            if may_hold_secret(line.as_bytes()) {
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
            assert!(!may_hold_secret(plain.as_bytes()), "{plain}");
        }
        for secret in [
            "key sk_live_abcdefgh rejected",
            "Authorization: Bearer abcdefgh12",
            "url https://u:p@host/",
            "password=hunter2",
            "tok wJalrXUtnFEMIKxMDENGbPxRfiCY",
        ] {
            assert!(may_hold_secret(secret.as_bytes()), "{secret}");
            assert_ne!(crate::redact::text(secret), secret);
        }
    }
}
