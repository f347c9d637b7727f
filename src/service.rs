//! The four services plumb knows by name, shared by every command that
//! takes `--service` (dns, rate-limit), and the one place a Shopify store
//! value becomes its API host (`check shopify`, `dns`, `doctor`).

use crate::error::{Error, Result as PlumbResult};
use crate::net::target;

/// A service plumb knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Shopify,
    Mailchimp,
    Stripe,
    Woocommerce,
}

impl Service {
    pub fn as_str(self) -> &'static str {
        match self {
            Service::Shopify => "shopify",
            Service::Mailchimp => "mailchimp",
            Service::Stripe => "stripe",
            Service::Woocommerce => "woocommerce",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Service::Shopify => "Shopify",
            Service::Mailchimp => "Mailchimp",
            Service::Stripe => "Stripe",
            Service::Woocommerce => "WooCommerce",
        }
    }

    pub const ALL: [Service; 4] = [
        Service::Shopify,
        Service::Mailchimp,
        Service::Stripe,
        Service::Woocommerce,
    ];
}

/// `NAME`, `NAME.myshopify.com`, `https://NAME.myshopify.com/admin` or
/// `https://admin.shopify.com/store/NAME` → `NAME.myshopify.com`; anything
/// else is a one-line reason naming `--store`.
pub fn shopify_host(store: &str) -> Result<String, String> {
    match parse_store(store) {
        Ok(Store::Shop { domain, .. }) => Ok(domain),
        Ok(Store::CustomDomain(host)) => Err(format!(
            "--store {host}: a custom domain serves the storefront; the API lives at NAME.myshopify.com: give that name"
        )),
        Ok(Store::BadName(name)) => Err(format!(
            "--store {name}: a store name has only lowercase letters, digits and hyphens"
        )),
        Err(e) => Err(e.to_string()),
    }
}

/// What the store argument came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Store {
    /// `name.myshopify.com`, with a note when the input was rewritten.
    Shop {
        domain: String,
        note: Option<String>,
    },
    CustomDomain(String),
    BadName(String),
}

/// Normalises `name`, `name.myshopify.com`, `https://name.myshopify.com/admin…`
/// and `https://admin.shopify.com/store/name…`. Input that is neither a
/// URL nor a host name is a usage error.
pub fn parse_store(raw: &str) -> PlumbResult<Store> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Error::usage(
            "--store is empty: give the store as NAME or NAME.myshopify.com",
        ));
    }
    let (host, from_url, path) = if s.contains("://") {
        let url = target::parse_url("--store", s)?;
        (target::url_host(&url), true, url.path().to_string())
    } else {
        let host = s.split('/').next().unwrap_or(s);
        target::validate_hostname("--store", host)?;
        (host.to_string(), host != s, s[host.len()..].to_string())
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host == "admin.shopify.com" {
        let name = path
            .strip_prefix("/store/")
            .and_then(|p| p.split('/').next())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| {
                Error::usage("--store: an admin.shopify.com URL must contain /store/NAME")
            })?;
        return Ok(shop(name, Some("taken from the admin.shopify.com URL")));
    }
    if let Some(name) = host.strip_suffix(".myshopify.com") {
        let note = from_url.then_some("took the host from the URL");
        return Ok(shop(name, note));
    }
    if !host.contains('.') {
        return Ok(shop(&host, Some("added .myshopify.com to the store name")));
    }
    Ok(Store::CustomDomain(host))
}

fn shop(name: &str, note: Option<&str>) -> Store {
    let valid = !name.is_empty()
        && !name.contains('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    if valid {
        Store::Shop {
            domain: format!("{name}.myshopify.com"),
            note: note.map(str::to_string),
        }
    } else {
        Store::BadName(name.to_string())
    }
}
