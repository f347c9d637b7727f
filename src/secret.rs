//! A secret value that cannot be printed by accident.

use std::fmt;

/// Prefixes that name a credential's kind and are safe to show.
const KIND_PREFIXES: &[&str] = &[
    "sk_live_",
    "sk_test_",
    "rk_live_",
    "rk_test_",
    "pk_live_",
    "pk_test_",
    "whsec_",
    "shpat_",
    "shpca_",
    "shppa_",
    "shpss_",
    "ck_",
    "cs_",
    "github_pat_",
    "ghp_",
    "gho_",
    "ghs_",
    "xoxb-",
    "xoxp-",
];

/// Shorter secrets show no characters at all: four of eight is half the secret.
const MIN_LEN_FOR_LAST_FOUR: usize = 12;

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
pub fn mask(value: &str) -> String {
    let prefix = KIND_PREFIXES
        .iter()
        .filter(|p| value.starts_with(*p))
        .max_by_key(|p| p.len())
        .copied()
        .unwrap_or("");
    let rest = &value[prefix.len()..];
    let count = rest.chars().count();
    if count >= MIN_LEN_FOR_LAST_FOUR {
        let last: String = rest.chars().skip(count - 4).collect();
        format!("{prefix}…{last}")
    } else {
        format!("{prefix}…({} chars)", value.chars().count())
    }
}

/// Replaces every occurrence of each secret in `text` (a server's error
/// body that echoes a key back, say) with its masked form.
pub fn redact(text: &str, secrets: &[&Secret]) -> String {
    secrets
        .iter()
        .filter(|s| s.expose().len() >= 4)
        .fold(text.to_string(), |t, s| t.replace(s.expose(), &s.masked()))
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
