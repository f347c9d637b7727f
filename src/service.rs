//! The four services plumb knows by name, shared by every command that
//! takes `--service` (dns, rate-limit), and the one place a Shopify store
//! value becomes its API host.

/// A service plumb knows. (No doc comment per variant: clap would turn
/// every `--service` help into the long form.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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
/// `https://admin.shopify.com/store/NAME` → `NAME.myshopify.com`.
pub fn shopify_host(store: &str) -> Result<String, String> {
    let bad = |why: &str| format!("--store {store}: {why}");
    let s = store.trim().to_ascii_lowercase();
    let rest = s.split_once("://").map_or(s.as_str(), |(_, r)| r);
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or_default();
    let name = if host == "admin.shopify.com" {
        match (parts.next(), parts.next()) {
            (Some("store"), Some(name)) if !name.is_empty() => name.to_string(),
            _ => {
                return Err(bad(
                    "an admin URL has the form https://admin.shopify.com/store/NAME",
                ))
            }
        }
    } else if let Some(name) = host.strip_suffix(".myshopify.com") {
        name.to_string()
    } else if host.contains('.') {
        return Err(bad(
            "a custom domain serves the storefront; the API lives at NAME.myshopify.com: give that name",
        ));
    } else {
        host.to_string()
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(bad("a store name has only letters, digits and hyphens"));
    }
    Ok(format!("{name}.myshopify.com"))
}
