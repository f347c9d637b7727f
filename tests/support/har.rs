//! HAR files in the shapes Chrome, Firefox and Safari write, made here from
//! a seed (never copied from a real capture).

use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Browser {
    Chrome,
    Firefox,
    Safari,
}

pub const BROWSERS: [Browser; 3] = [Browser::Chrome, Browser::Firefox, Browser::Safari];

/// One request as a test describes it; [`entry`] writes it in a browser's
/// shape.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: &'static str,
    pub url: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub response_headers: Vec<(String, String)>,
    pub body: Option<(String, String)>,
    pub response_text: Option<String>,
    pub base64: bool,
    /// Chrome's `_error`; other browsers record only status 0.
    pub error: Option<&'static str>,
    pub wait_ms: f64,
    pub resource_type: &'static str,
    pub cookies: Vec<(String, String)>,
}

impl Req {
    pub fn get(url: impl Into<String>, status: u16) -> Req {
        Req {
            method: "GET",
            url: url.into(),
            status,
            headers: Vec::new(),
            response_headers: Vec::new(),
            body: None,
            response_text: None,
            base64: false,
            error: None,
            wait_ms: 40.0,
            resource_type: "fetch",
            cookies: Vec::new(),
        }
    }
    pub fn method(mut self, m: &'static str) -> Self {
        self.method = m;
        self
    }
    pub fn header(mut self, n: &str, v: &str) -> Self {
        self.headers.push((n.into(), v.into()));
        self
    }
    pub fn answer_header(mut self, n: &str, v: &str) -> Self {
        self.response_headers.push((n.into(), v.into()));
        self
    }
    pub fn answer(mut self, text: &str) -> Self {
        self.response_text = Some(text.into());
        self
    }
    pub fn post(mut self, mime: &str, text: &str) -> Self {
        self.method = "POST";
        self.body = Some((mime.into(), text.into()));
        self
    }
    pub fn failed(mut self, error: &'static str) -> Self {
        self.status = 0;
        self.error = Some(error);
        self
    }
    pub fn wait(mut self, ms: f64) -> Self {
        self.wait_ms = ms;
        self
    }
    pub fn kind(mut self, t: &'static str) -> Self {
        self.resource_type = t;
        self
    }
    pub fn cookie(mut self, n: &str, v: &str) -> Self {
        self.cookies.push((n.into(), v.into()));
        self
    }
}

fn pairs(list: &[(String, String)]) -> Value {
    Value::Array(
        list.iter()
            .map(|(n, v)| json!({"name": n, "value": v}))
            .collect(),
    )
}

fn query(url: &str) -> Value {
    let q = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    Value::Array(
        q.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (n, v) = p.split_once('=').unwrap_or((p, ""));
                json!({"name": n, "value": v})
            })
            .collect(),
    )
}

/// One entry as `browser` writes it.
pub fn entry(browser: Browser, r: &Req, i: usize) -> Value {
    use base64::Engine;
    let started = format!(
        "2026-11-30T10:{:02}:{:02}.{:03}Z",
        (i / 60) % 60,
        i % 60,
        i % 1000
    );
    let answered = r.status != 0;
    let mut headers = r.headers.clone();
    if !r.cookies.is_empty() {
        let line = r
            .cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        headers.push(("Cookie".into(), line));
    }
    let text = r.response_text.clone().unwrap_or_default();
    let (text, encoding) = if r.base64 {
        (
            base64::engine::general_purpose::STANDARD.encode(&text),
            Some("base64"),
        )
    } else {
        (text, None)
    };
    let mut content = json!({"size": text.len(), "mimeType": "application/json"});
    if r.response_text.is_some() {
        content["text"] = json!(text);
        if let Some(e) = encoding {
            content["encoding"] = json!(e);
        }
    }
    let mut request = json!({
        "method": r.method,
        "url": r.url,
        "httpVersion": if browser == Browser::Firefox { "HTTP/2" } else { "http/2.0" },
        "headers": pairs(&headers),
        "cookies": pairs(&r.cookies),
        "queryString": query(&r.url),
        "headersSize": -1,
        "bodySize": r.body.as_ref().map_or(0, |(_, t)| t.len() as i64),
    });
    if let Some((mime, t)) = &r.body {
        let mut post = json!({"mimeType": mime, "text": t});
        if mime.contains("form-urlencoded") {
            post["params"] = query(&format!("?{t}"));
        }
        request["postData"] = post;
    }
    let mut response = json!({
        "status": r.status,
        "statusText": if answered { "OK" } else { "" },
        "httpVersion": if answered { "http/2.0" } else { "" },
        "headers": pairs(&r.response_headers),
        "cookies": [],
        "content": content,
        "redirectURL": "",
        "headersSize": -1,
        "bodySize": if answered { text.len() as i64 } else { -1 },
    });
    let (wait, receive) = if answered {
        (r.wait_ms, 3.5)
    } else {
        (0.0, 0.0)
    };
    let mut entry = json!({
        "startedDateTime": started,
        "time": if answered { wait + 10.0 + receive } else { 0.0 },
        "request": request,
        "response": response.clone(),
        "cache": {},
        "timings": {
            "blocked": 1.25, "dns": if i == 0 { 3.0 } else { -1.0 },
            "connect": if i == 0 { 5.0 } else { -1.0 },
            "ssl": if i == 0 { 2.0 } else { -1.0 },
            "send": 0.2, "wait": wait, "receive": receive
        },
    });
    match browser {
        Browser::Chrome => {
            entry["pageref"] = json!("page_1");
            entry["_resourceType"] = json!(r.resource_type);
            entry["_priority"] = json!("High");
            entry["_initiator"] = json!({"type": "script", "stack": {"callFrames": []}});
            entry["connection"] = json!("443");
            entry["serverIPAddress"] = json!("192.0.2.10");
            response["_transferSize"] = json!(text.len() + 300);
            response["_error"] = match r.error {
                Some(e) => json!(e),
                None => Value::Null,
            };
            entry["timings"]["_blocked_queueing"] = json!(0.8);
            entry["response"] = response;
        }
        Browser::Firefox => {
            entry["pageref"] = json!("page_1");
            entry["serverIPAddress"] = json!("192.0.2.10");
            entry["connection"] = json!("443");
            // Firefox leaves the text out of some answers and writes -1
            // for sizes it does not know.
            entry["request"]["bodySize"] = json!(-1);
            if !answered {
                entry["timings"] = json!({"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": 0, "wait": 0, "receive": 0});
            }
        }
        Browser::Safari => {
            entry["_fetchType"] = json!("Network Load");
            entry["_priority"] = json!("high");
            entry["serverIPAddress"] = json!("192.0.2.10");
            entry["connection"] = json!(format!("{}", i % 3));
        }
    }
    entry
}

/// The document around the entries, as `browser` writes it, with
/// `ENTRIES` where the entries go.
pub fn head_and_tail(browser: Browser, page: &str) -> (String, String) {
    let (creator, pages, browser_field) = match browser {
        Browser::Chrome => (
            json!({"name": "WebInspector", "version": "537.36"}),
            json!([{"startedDateTime": "2026-11-30T10:00:00.000Z", "id": "page_1", "title": page, "pageTimings": {"onContentLoad": 300.5, "onLoad": 800.25}}]),
            None,
        ),
        Browser::Firefox => (
            json!({"name": "Firefox", "version": "133.0"}),
            json!([{"startedDateTime": "2026-11-30T10:00:00.000+00:00", "id": "page_1", "title": "Checkout – Shop", "pageTimings": {"onContentLoad": -1, "onLoad": -1}}]),
            Some(json!({"name": "Firefox", "version": "133.0"})),
        ),
        Browser::Safari => (
            json!({"name": "WebKit Web Inspector", "version": "1.0"}),
            json!([]),
            None,
        ),
    };
    let mut log = json!({"version": "1.2", "creator": creator, "pages": pages});
    if let Some(b) = browser_field {
        log["browser"] = b;
    }
    let text = serde_json::to_string(&json!({"log": log})).unwrap();
    // Entries go last inside "log".
    let cut = text.len() - 2;
    (format!("{},\"entries\":[", &text[..cut]), "]}}".to_string())
}

/// A whole HAR document: the page's own request first, then `reqs`.
pub fn document(browser: Browser, page: &str, reqs: &[Req]) -> String {
    let (head, tail) = head_and_tail(browser, page);
    let mut all = vec![Req::get(page, 200).kind("document")];
    all.extend(reqs.iter().cloned());
    let entries: Vec<String> = all
        .iter()
        .enumerate()
        .map(|(i, r)| serde_json::to_string(&entry(browser, r, i)).unwrap())
        .collect();
    format!("{head}{}{tail}", entries.join(","))
}

/// A seeded random token of `n` characters from `alphabet`.
pub fn token(rng: &mut fastrand::Rng, n: usize, alphabet: &[u8]) -> String {
    (0..n)
        .map(|_| alphabet[rng.usize(..alphabet.len())] as char)
        .collect()
}

pub const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
pub const HEX: &[u8] = b"0123456789abcdef";
