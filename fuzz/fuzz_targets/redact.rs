//! The redactor: any text, in both modes, never panics, and a credential
//! of a known kind embedded anywhere in it never survives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plumb::redact::{shapes, Entropy};

const PLANTED: &str = "sk_live_51FUZZplantedKEYaaaaBBBBcccc";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = shapes(text, Entropy::Off);
    let _ = shapes(text, Entropy::On);
    // The same text with a key planted at a char boundary in the middle,
    // separated from its neighbours as a word.
    let mid = (0..=text.len() / 2)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let planted = format!("{} {PLANTED} {}", &text[..mid], &text[mid..]);
    for mode in [Entropy::Off, Entropy::On] {
        let out = shapes(&planted, mode);
        assert!(!out.contains("FUZZplantedKEY"), "the planted key survived");
    }
});
