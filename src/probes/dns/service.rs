//! The host names each service's API lives at (docs/providers.md, "API
//! hosts").

use crate::net::target;
use crate::secret::Secret;

use crate::service::shopify_host;
pub use crate::service::Service;

/// What a service's host names are derived from.
#[derive(Debug, Default)]
pub struct Inputs<'a> {
    pub store: Option<&'a str>,
    pub url: Option<&'a str>,
    pub dc: Option<&'a str>,
    /// `MAILCHIMP_API_KEY`, read only for its data-centre suffix.
    pub mailchimp_key: Option<Secret>,
}

/// The host names `service` needs, or a one-line usage error naming the flag.
pub fn endpoints(service: Service, inputs: &Inputs) -> Result<Vec<String>, String> {
    match service {
        Service::Stripe => Ok(vec!["api.stripe.com".into()]),
        Service::Shopify => {
            let store = inputs.store.ok_or(
                "--service shopify needs --store (NAME, NAME.myshopify.com or the admin URL) or SHOPIFY_STORE",
            )?;
            shopify_host(store).map(|h| vec![h])
        }
        Service::Mailchimp => {
            mailchimp_dc(inputs).map(|dc| vec![format!("{dc}.api.mailchimp.com")])
        }
        Service::Woocommerce => {
            let url = inputs
                .url
                .ok_or("--service woocommerce needs --url (the store's address) or WC_STORE_URL")?;
            url_host(url).map(|h| vec![h])
        }
    }
}

fn mailchimp_dc(inputs: &Inputs) -> Result<String, String> {
    if let Some(dc) = inputs.dc {
        let dc = dc.trim().to_ascii_lowercase();
        return if is_dc(&dc) {
            Ok(dc)
        } else {
            Err(format!(
                "--dc {dc}: a data centre looks like us6 (letters, then digits)"
            ))
        };
    }
    let Some(key) = &inputs.mailchimp_key else {
        return Err("--service mailchimp needs --dc (e.g. us6) or MAILCHIMP_API_KEY".into());
    };
    match key.expose().trim().rsplit_once('-') {
        Some((_, dc)) if is_dc(dc) => Ok(dc.to_ascii_lowercase()),
        _ => Err(format!(
            "MAILCHIMP_API_KEY {}: has no -dc suffix (a key ends in -us6 or similar); give --dc",
            key.masked()
        )),
    }
}

fn is_dc(dc: &str) -> bool {
    let letters = dc.trim_end_matches(|c: char| c.is_ascii_digit());
    !letters.is_empty()
        && letters.len() < dc.len()
        && dc.len() <= 8
        && letters.chars().all(|c| c.is_ascii_alphabetic())
}

/// The host of a store URL (`https://shop.example.com/wp`), or of a bare host.
fn url_host(raw: &str) -> Result<String, String> {
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("https://{raw}")
    };
    let url = target::parse_url("--url", &with_scheme).map_err(|e| e.to_string())?;
    match url.host() {
        Some(url::Host::Domain(_)) => Ok(target::url_host(&url)),
        _ => Err(format!(
            "--url '{}': the store is an IP address: there is no name to resolve",
            crate::net::http::shown_url(&url)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shopify(store: &str) -> Result<Vec<String>, String> {
        endpoints(
            Service::Shopify,
            &Inputs {
                store: Some(store),
                ..Inputs::default()
            },
        )
    }

    #[test]
    fn shopify_store_forms() {
        for s in [
            "acme",
            "acme.myshopify.com",
            "https://acme.myshopify.com/admin",
            "https://admin.shopify.com/store/acme",
            "ACME.myshopify.com",
        ] {
            assert_eq!(shopify(s).unwrap(), ["acme.myshopify.com"], "{s}");
        }
        assert!(shopify("shop.acme.com")
            .unwrap_err()
            .contains("custom domain"));
        assert!(shopify("https://admin.shopify.com/")
            .unwrap_err()
            .contains("/store/NAME"));
        assert!(shopify("ac me").unwrap_err().contains("cannot contain"));
        assert!(shopify("my_shop").unwrap_err().contains("letters, digits"));
        assert!(endpoints(Service::Shopify, &Inputs::default())
            .unwrap_err()
            .contains("--store"));
    }

    #[test]
    fn mailchimp_from_dc_or_key_suffix() {
        let dc = |d: &str| {
            endpoints(
                Service::Mailchimp,
                &Inputs {
                    dc: Some(d),
                    ..Inputs::default()
                },
            )
        };
        assert_eq!(dc("us6").unwrap(), ["us6.api.mailchimp.com"]);
        assert!(dc("6").is_err());
        assert!(dc("us6.evil.com").is_err());
        let key = |k: &str| {
            endpoints(
                Service::Mailchimp,
                &Inputs {
                    mailchimp_key: Some(Secret::new(k)),
                    ..Inputs::default()
                },
            )
        };
        assert_eq!(
            key("0123456789abcdef0123456789abcdef-us21").unwrap(),
            ["us21.api.mailchimp.com"]
        );
        let err = key("0123456789abcdef0123456789abcdef").unwrap_err();
        assert!(
            err.contains("--dc") && !err.contains("0123456789abcdef0123"),
            "{err}"
        );
    }

    #[test]
    fn woocommerce_and_stripe() {
        let woo = |u: &str| {
            endpoints(
                Service::Woocommerce,
                &Inputs {
                    url: Some(u),
                    ..Inputs::default()
                },
            )
        };
        assert_eq!(
            woo("https://shop.example.com/wp/").unwrap(),
            ["shop.example.com"]
        );
        assert_eq!(woo("shop.example.com:8443").unwrap(), ["shop.example.com"]);
        assert!(woo("ftp://shop.example.com")
            .unwrap_err()
            .contains("scheme"));
        assert!(woo("https://10.0.0.1/").unwrap_err().contains("IP address"));
        assert_eq!(
            endpoints(Service::Stripe, &Inputs::default()).unwrap(),
            ["api.stripe.com"]
        );
    }
}
