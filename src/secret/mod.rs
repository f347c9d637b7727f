//! A secret value that cannot be printed by accident.

pub mod prefixes;

use std::fmt;

/// Holds a secret from the moment it is read. `Debug` and `Display` show
/// only its kind prefix and last four characters (`sk_live_…4f2a`).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for computing a MAC or setting a header. Never
    /// pass the result to anything that prints.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The kind prefix and last four characters: `sk_live_…4f2a`.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

/// Masks any secret-bearing string the way [`Secret::masked`] does.
/// Values shorter than this show no characters at all: four of eight is
/// half the secret.
const MIN_LEN_FOR_LAST_FOUR: usize = 12;

/// A value as plumb shows it: its kind's prefix and last four characters
/// (`sk_live_…4f2a`), or only its length when it is short.
pub fn mask(value: &str) -> String {
    mask_as(prefixes::prefix_of(value).map_or("", |p| p.text), value)
}

/// [`mask`] for a kind whose prefix is not in the prefix table (a JWT's
/// `eyJ`): `prefix` is kept when `value` starts with it.
pub fn mask_as(prefix: &str, value: &str) -> String {
    let prefix = if value.starts_with(prefix) {
        prefix
    } else {
        ""
    };
    let rest = &value[prefix.len()..];
    let count = rest.chars().count();
    if count >= MIN_LEN_FOR_LAST_FOUR {
        let last: String = rest.chars().skip(count - 4).collect();
        format!("{prefix}…{last}")
    } else {
        format!("{prefix}…({} chars)", value.chars().count())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.masked())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_kind_and_last_four_only() {
        let s = Secret::new("sk_live_51HxYzAbCdEfGhIjKlMn4f2a");
        assert_eq!(s.masked(), "sk_live_…4f2a");
        assert_eq!(format!("{s}"), "sk_live_…4f2a");
        assert_eq!(format!("{s:?}"), "Secret(sk_live_…4f2a)");
        assert!(!format!("{s:?}").contains("AbCdEf"));
    }

    #[test]
    fn short_secrets_show_no_characters() {
        assert_eq!(mask("hush"), "…(4 chars)");
        assert_eq!(mask("whsec_abc"), "whsec_…(9 chars)");
        assert_eq!(mask(""), "…(0 chars)");
    }

    #[test]
    fn multibyte_secrets_do_not_split_characters() {
        assert_eq!(mask("ééééééééééééabcd"), "…abcd");
    }
}
