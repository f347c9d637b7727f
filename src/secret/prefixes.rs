//! Credential prefixes: the one table of kinds that announce themselves.
//! `plumb credential` names them from here and the redactor finds them
//! from here, so a prefix added once is recognised everywhere.

/// A family of credentials that share a prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Stripe,
    WebhookSecret,
    Shopify,
    WooCommerce,
    GitHub,
    Slack,
    Aws,
    Google,
    SendGrid,
    GitLab,
    Npm,
}

/// Which characters may follow a prefix in a credential of its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// Letters, digits, `_` and `-`.
    Token,
    /// As [`Body::Token`] plus the base64 characters `+`, `/` and `=`.
    Base64,
    /// As [`Body::Token`] plus `.` (SendGrid's two-part keys).
    Dotted,
}

/// One known prefix: the text shown when a value is masked, its family,
/// and the fewest body characters that make it a credential rather than
/// the prefix named in prose (`use sk_live_…`).
#[derive(Debug, Clone, Copy)]
pub struct Prefix {
    pub text: &'static str,
    pub family: Family,
    pub body: Body,
    pub min_body: usize,
}

const fn p(text: &'static str, family: Family, body: Body, min_body: usize) -> Prefix {
    Prefix {
        text,
        family,
        body,
        min_body,
    }
}

use Body::{Base64, Dotted, Token};
use Family::*;

/// Every known prefix. Matching takes the longest prefix that fits.
pub const PREFIXES: &[Prefix] = &[
    p("sk_live_", Stripe, Token, 8),
    p("sk_test_", Stripe, Token, 8),
    p("rk_live_", Stripe, Token, 8),
    p("rk_test_", Stripe, Token, 8),
    p("pk_live_", Stripe, Token, 8),
    p("pk_test_", Stripe, Token, 8),
    p("whsec_", WebhookSecret, Base64, 8),
    p("shpat_", Shopify, Token, 8),
    p("shpca_", Shopify, Token, 8),
    p("shppa_", Shopify, Token, 8),
    p("shpss_", Shopify, Token, 8),
    // `ck_`/`cs_` are short and begin ordinary words' tails (`stuck_`
    // never matches: a prefix starts a word); the body is 40 hex.
    p("ck_", WooCommerce, Token, 32),
    p("cs_", WooCommerce, Token, 32),
    p("github_pat_", GitHub, Token, 8),
    p("ghp_", GitHub, Token, 8),
    p("gho_", GitHub, Token, 8),
    p("ghs_", GitHub, Token, 8),
    p("ghu_", GitHub, Token, 8),
    p("ghr_", GitHub, Token, 8),
    p("xoxe.xoxp-", Slack, Token, 8),
    p("xoxb-", Slack, Token, 8),
    p("xoxp-", Slack, Token, 8),
    p("xapp-", Slack, Token, 8),
    p("xoxe-", Slack, Token, 8),
    p("xoxs-", Slack, Token, 8),
    p("xoxo-", Slack, Token, 8),
    p("xoxa-", Slack, Token, 8),
    p("xoxr-", Slack, Token, 8),
    p("AKIA", Aws, Token, 16),
    p("ASIA", Aws, Token, 16),
    p("AIza", Google, Token, 30),
    p("SG.", SendGrid, Dotted, 20),
    p("glpat-", GitLab, Token, 16),
    p("npm_", Npm, Token, 30),
];

/// The longest known prefix `value` starts with.
pub fn prefix_of(value: &str) -> Option<&'static Prefix> {
    // The first byte rules out nearly every prefix without a comparison:
    // the redactor asks this at every word of every line it reads.
    let first = *value.as_bytes().first()?;
    PREFIXES
        .iter()
        .filter(|p| p.text.as_bytes()[0] == first && value.starts_with(p.text))
        .max_by_key(|p| p.text.len())
}

/// The family of a value by its prefix alone.
pub fn family(value: &str) -> Option<Family> {
    prefix_of(value).map(|p| p.family)
}

/// The prefixes of one family, for messages and near-miss checks.
pub fn of(family: Family) -> impl Iterator<Item = &'static str> {
    PREFIXES
        .iter()
        .filter(move |p| p.family == family)
        .map(|p| p.text)
}

impl Body {
    pub fn allows(self, b: u8) -> bool {
        b.is_ascii_alphanumeric()
            || b == b'_'
            || b == b'-'
            || match self {
                Body::Token => false,
                Body::Base64 => matches!(b, b'+' | b'/' | b'='),
                Body::Dotted => b == b'.',
            }
    }
}
