//! The redactor: any text, in both modes, never panics, and a credential
//! of each known kind planted anywhere in it — as prose, in a JSON
//! document and in a HAR document — never survives; bytes it cannot scan
//! are refused whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plumb::redact::{json, scan_bytes, shapes, text_counted, Entropy, Tally};

/// One credential of each kind plumb knows, and a part of it that must
/// not appear in any output.
const PLANTED: &[(&str, &str)] = &[
    ("sk_live_51FUZZplantedKEYaaaaBBBBcccc", "FUZZplantedKEY"),
    ("whsec_FUZZplantedKEYaaaaBBBBccccDDDD0123+/", "FUZZplantedKEY"),
    ("shpat_FUZZplantedKEYaaaaBBBBcccc01234567", "FUZZplantedKEY"),
    ("ck_0123456789abcdef0123456789abcdefFUZZplan", "0123456789abcd"),
    ("ghp_FUZZplantedKEYaaaaBBBBcccc0123456789", "FUZZplantedKEY"),
    ("xoxb-1234567890-1234567890-FUZZplantedKEYaaaaBBBB", "FUZZplantedKEY"),
    ("0f1e2d3c4b5a69788796a5b4c3d2e1f0-us6", "0f1e2d3c4b5a69"),
    (
        "eyJhbGciOiJIUzI1NiJ9.eyJGVVpaIjoicGxhbnRlZCJ9.FUZZplantedKEYaaaaBBBBcccc",
        "FUZZplantedKEY",
    ),
];

fuzz_target!(|data: &[u8]| {
    // Fails closed: bytes it cannot read come back as an error, never
    // half-redacted.
    let _ = scan_bytes(data, 1 << 20);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = shapes(text, Entropy::Off);
    let _ = shapes(text, Entropy::On);
    let mid = (0..=text.len() / 2)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let pick = data.first().copied().unwrap_or(0) as usize;
    let (planted, secret) = PLANTED[pick % PLANTED.len()];
    // In prose, separated from its neighbours as a word.
    let prose = format!("{} {planted} {}", &text[..mid], &text[mid..]);
    for mode in [Entropy::Off, Entropy::On] {
        assert!(!shapes(&prose, mode).contains(secret), "survived in prose");
    }
    let (out, tally) = text_counted(&prose);
    assert!(!out.contains(secret), "survived the counted pass");
    assert!(tally.total() >= 1, "not counted");
    // In a HAR document: the fuzz text as a body, the key in a header,
    // a cookie and the response text; as raw text and walked as JSON.
    let mut har = serde_json::json!({"log": {"entries": [{
        "request": {"url": format!("https://x.example/?q={text}"),
            "headers": [{"name": "Authorization", "value": format!("Bearer {planted}")}],
            "cookies": [{"name": text, "value": planted}]},
        "response": {"content": {"text": prose}}
    }]}});
    let (raw, _) = text_counted(&serde_json::to_string_pretty(&har).unwrap_or_default());
    assert!(!raw.contains(secret), "survived in a HAR file");
    json(&mut har, &mut Tally::default());
    assert!(!har.to_string().contains(secret), "survived in a HAR document");
});
