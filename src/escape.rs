//! Terminal escaping: text from files, servers and arguments is shown with
//! control characters and bidirectional overrides made visible, so it can
//! neither rewrite a terminal nor reorder what a reader sees. Below every
//! probe and the transport, which quote such text in their messages.

use std::fmt::Write;

/// Makes text from files and servers safe for a terminal: control
/// characters and bidirectional overrides become visible escapes.
pub fn clean(s: &str) -> String {
    if !s.chars().any(needs_escape) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

pub fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}
