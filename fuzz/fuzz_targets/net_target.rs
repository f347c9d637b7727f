//! Hosts, ports and URLs as every network command takes them, and proxy
//! variables (a proxy URL, a NO_PROXY list) as the environment gives them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plumb::net::{proxy, target};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(hp) = target::parse_host_port("HOST", text, 443) {
        let _ = hp.ip();
        let _ = target::is_loopback_host(&hp.host);
        let _ = target::is_public_name(&hp.host);
    }
    let _ = target::parse_port("--port", text);
    let _ = target::validate_hostname("HOST", text);
    if let Ok(url) = target::parse_url("URL", text) {
        let _ = target::url_host(&url);
    }
    let (value, rest) = text.split_once('\n').unwrap_or((text, "api.stripe.com"));
    let settings = proxy::Settings::from_vars(|name| match name {
        "https_proxy" | "http_proxy" => Some(value.to_string()),
        "no_proxy" => Some(rest.to_string()),
        _ => None,
    });
    for host in ["api.stripe.com", "127.0.0.1", rest] {
        if let Ok(Some(p)) = settings.for_url("https", host) {
            let _ = p.shown();
        }
        let _ = settings.for_url("http", host);
    }
    let _ = proxy::no_proxy_covers(value, rest);
});
