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
    normalize_with(raw, out, crate::redact::may_change);
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
    // Byte by byte: words are ASCII, and a byte of a multi-byte character
    // never looks like an ASCII one, so only those characters are decoded.
    let bytes = text.as_bytes();
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if word_byte(b) {
            let end = bytes[i..]
                .iter()
                .position(|&c| !word_byte(c))
                .map_or(bytes.len(), |n| i + n);
            push_word(&text[i..end], out);
            i = end;
        } else {
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                text[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER)
            };
            if c.is_whitespace() || c.is_control() {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
            i += c.len_utf8();
        }
        // A string has no more characters than bytes: count them only
        // when the bytes could be too many.
        if out.len() > MAX_MESSAGE + 16 && out.chars().count() > MAX_MESSAGE + 16 {
            break;
        }
    }
    trim_and_cut(out);
}

/// Trims separators and spaces off a normalised message's ends and cuts
/// it at [`MAX_MESSAGE`] characters (with `…`), in place: the buffer is
/// reused from line to line.
fn trim_and_cut(out: &mut String) {
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
    out.truncate(end);
    out.drain(..start);
    if long {
        out.push('…');
    }
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
    // The characters looked at before a word are ASCII, and the last byte
    // of any other character is not: the bytes tell.
    let before = out.as_bytes();
    let last = before.last().copied();
    // `#-#`, `#:#`, `#.#`: one value written in parts (a date, an address
    // with its port, a UUID).
    let joined = before.len() >= 2
        && last.is_some_and(|c| b"-:./+".contains(&c))
        && before[before.len() - 2] == b'#';
    if has_digit && joined {
        out.pop();
        return;
    }
    // A status stands on its own (`HTTP 502`, `status=502`, `(502)`); glued
    // to a name (`shop-214`, `:443`) the number is part of an id.
    let alone = last.is_none_or(|c| b" ([\"'=".contains(&c));
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

    /// The character-by-character loop the byte loop replaced, kept to
    /// hold the two to the same output (the trimming after the loop is
    /// shared: it did not change).
    fn reference_normalize(raw: &[u8], out: &mut String) {
        out.clear();
        // Credentials are masked on the line as written, before it is split
        // into words: a secret's digit-free pieces must not survive.
        let raw = &raw[..raw.len().min(MAX_MESSAGE * 8)];
        let lossy = String::from_utf8_lossy(raw);
        let text = if crate::redact::may_change(raw) {
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
                reference_push_word(&text[i..end], out);
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
        trim_and_cut(out);
    }
    fn reference_push_word(word: &str, out: &mut String) {
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
        let status = alone
            && word.len() == 3
            && (b'1'..=b'5').contains(&word.as_bytes()[0])
            && is_digits(word);
        if (has_digit && !status) || word.len() >= 24 {
            out.push('#');
        } else {
            out.push_str(word);
        }
    }

    #[test]
    fn the_byte_loop_normalises_as_the_character_loop_did() {
        const PIECES: [&str; 24] = [
            "ERROR", "timeout", " ", "  ", "\t", "-", ":", ".", "/", "+", "(", "=", "\"", "502",
            "7000", "shop", "_id", "é", "日本", "\u{2028}", "\u{85}", "\u{1b}", "#", "x9",
        ];
        let mut rng = fastrand::Rng::with_seed(41);
        let (mut new, mut old) = (String::new(), String::new());
        for _ in 0..20_000 {
            let n = rng.usize(0..40);
            let mut line: Vec<u8> = Vec::new();
            for _ in 0..n {
                if rng.u8(..) < 8 {
                    line.push(rng.u8(..));
                } else {
                    line.extend_from_slice(PIECES[rng.usize(..PIECES.len())].as_bytes());
                }
            }
            normalize(&line, &mut new);
            reference_normalize(&line, &mut old);
            assert_eq!(new, old, "{:?}", String::from_utf8_lossy(&line));
        }
        let long = "word 12 ".repeat(100);
        normalize(long.as_bytes(), &mut new);
        reference_normalize(long.as_bytes(), &mut old);
        assert_eq!(new, old);
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
}
