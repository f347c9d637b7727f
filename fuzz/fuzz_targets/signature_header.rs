//! Signature headers as each provider's verifier reads them, then the
//! whole verification of an arbitrary body against them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plumb::probes::webhook::signature::{header, Provider, Scheme};

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let provider = Provider::ALL[usize::from(which) % Provider::ALL.len()];
    let mut scheme = Scheme::new(provider);
    scheme.url = Some("https://example.com/hook".to_string());
    let text = String::from_utf8_lossy(rest);
    let parsed = header::parse(&scheme, &text);
    for problem in &parsed.problems {
        let _ = problem.text(&scheme);
    }
});
