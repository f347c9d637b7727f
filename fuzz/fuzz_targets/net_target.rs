//! Hosts, ports and URLs as every network command takes them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plumb::net::target;

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
});
