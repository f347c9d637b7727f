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

/// At most `max` characters of `s`, with `…` when it was cut: how foreign
/// text (a body, a log line, a receiver's reason) is quoted in a report.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shorten_counts_characters_and_marks_a_cut() {
        assert_eq!(super::shorten("héllo", 5), "héllo");
        assert_eq!(super::shorten("héllo", 2), "hé…");
        assert_eq!(super::shorten("", 3), "");
    }
}
