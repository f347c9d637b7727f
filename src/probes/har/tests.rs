use super::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn redact_text(har: &str) -> Result<(usize, String)> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("in.har");
    std::fs::write(&p, har).unwrap();
    let mut out = Vec::new();
    let n = redact_to(&p, &mut out)?;
    Ok((n, String::from_utf8(out).unwrap()))
}

fn walk_entries(har: &str) -> (model::Outline, Vec<model::Entry>) {
    let mut entries = Vec::new();
    let since = std::rc::Rc::default();
    let outline = model::walk(har.as_bytes(), since, &mut |_, e: model::Entry| {
        entries.push(e);
        Ok(())
    })
    .unwrap();
    (outline, entries)
}

#[test]
fn fields_browsers_leave_out_or_write_oddly_are_read() {
    // null where a string or number belongs, numbers as strings, a
    // missing response, objects where Safari and Chrome add their own.
    let har = r#"{"log":{"entries":[
        {"request":{"method":"GET","url":"https://a.example/","headers":null,"cookies":null},
         "response":{"status":"404","headers":[{"name":"X","value":null}],"content":{"text":null},"_error":null},
         "timings":{"wait":"12.5","dns":null,"_blocked_queueing":1},"_initiator":{"type":"parser"},"_fetchType":"Network Load"},
        {"request":{"url":"https://b.example/"}}
    ],"creator":{"name":"WebKit Web Inspector","version":null},"pages":null}}"#;
    let (outline, entries) = walk_entries(har);
    assert_eq!(outline.entries, 2);
    assert_eq!(outline.creator.name, "WebKit Web Inspector");
    assert_eq!(entries[0].response.status, 404.0);
    assert_eq!(entries[0].timings.wait, 12.5);
    assert_eq!(entries[0].timings.dns, -1.0);
    assert_eq!(entries[1].response.status, 0.0);
    assert!(entries[0].timings.phases().iter().all(|(n, _)| *n != "dns"));
}

#[test]
fn connect_time_counts_without_its_tls_part() {
    let t = model::Timings {
        connect: 50.0,
        ssl: 30.0,
        ..model::Timings::default()
    };
    let phases = t.phases();
    assert!(phases.contains(&("connect", 20.0)) && phases.contains(&("ssl", 30.0)));
}

#[test]
fn provider_errors_are_read_from_each_providers_body() {
    let stripe = analyse::provider_error(
        r#"{"error":{"code":"card_declined","message":"Your card was declined.","type":"card_error"}}"#,
    );
    assert_eq!(
        stripe,
        Some(("card_declined".into(), "Your card was declined.".into()))
    );
    let shopify = analyse::provider_error(r#"{"errors":"[API] Invalid API key or access token"}"#);
    assert_eq!(shopify.unwrap().1, "[API] Invalid API key or access token");
    let mailchimp = analyse::provider_error(
        r#"{"title":"Resource Not Found","status":404,"detail":"The requested resource could not be found."}"#,
    );
    assert_eq!(mailchimp.unwrap().0, "Resource Not Found");
    // Foreign text passes the redactor.
    let leaky = analyse::provider_error(
        r#"{"error":{"message":"Invalid API Key provided: sk_live_51HxYzAbCdEfGhIjKlMn4f2a"}}"#,
    )
    .unwrap();
    assert!(!leaky.1.contains("AbCdEf"), "{}", leaky.1);
    assert_eq!(analyse::provider_error("<html>502</html>"), None);
}

#[test]
fn ids_in_paths_group_together() {
    assert_eq!(
        analyse::path_shape("/v1/customers/cus_N1a2b3c4d5/sources"),
        "/v1/customers/{id}/sources"
    );
    assert_eq!(
        analyse::path_shape("/admin/api/orders/4501.json"),
        "/admin/api/orders/{id}"
    );
    assert_eq!(analyse::path_shape("/v1/charges"), "/v1/charges");
}

#[test]
fn credentials_are_found_whole_in_free_text() {
    let found = secrets::shaped_in("payment_method=pm_x&key=pk_live_abcdefghijklmnop1234 and ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    assert_eq!(
        found,
        [
            "pk_live_abcdefghijklmnop1234",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789"
        ]
    );
}

#[test]
fn a_redacted_har_keeps_what_is_not_secret() {
    let har = json!({"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "133.0"},
        "pages": [{"id": "p", "title": "Shop"}],
        "entries": [{"request": {"method": "GET", "url": "https://a.example/x?q=1", "headers": [
            {"name": "Accept", "value": "text/html"},
            {"name": "Cookie", "value": "sid=abcdefghijklmnopqrst"}],
            "cookies": [{"name": "sid", "value": "abcdefghijklmnopqrst"}], "headersSize": 120, "bodySize": 0},
         "response": {"status": 200, "headers": [], "content": {"size": 2, "text": "ok"}, "bodySize": 2},
         "timings": {"wait": 1.5}}]}});
    let (n, out) = redact_text(&har.to_string()).unwrap();
    assert!(n >= 2, "{n}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let e = &v["log"]["entries"][0];
    assert_eq!(e["request"]["headers"][0]["value"], "text/html");
    assert_eq!(e["request"]["headersSize"], -1);
    assert_eq!(e["response"]["content"]["text"], "ok");
    assert_eq!(e["response"]["bodySize"], 2);
    assert_eq!(e["timings"]["wait"], 1.5);
    assert_eq!(v["log"]["pages"][0]["title"], "Shop");
    assert!(!out.contains("abcdefghijklmnopqrst"));
}

fn arb_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}",
        "\\PC{0,20}",
        Just("sk_live_51HxYzAbCdEfGhIjKlMn4f2a".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Whatever the names and values, the output is a HAR with the same
    /// entries, and a planted key never survives whole.
    #[test]
    fn redact_to_keeps_the_entries_and_drops_the_key(
        entries in proptest::collection::vec(
            (proptest::collection::vec(("[A-Za-z-]{1,12}", arb_value()), 0..4), arb_value(), any::<bool>()),
            0..5),
        where_key in 0usize..4,
    ) {
        let key = "sk_live_51QxYzAbCdEfGhIjKlMnZ9y8";
        let list: Vec<Value> = entries.iter().enumerate().map(|(i, (headers, body, json_body))| {
            let mut hs: Vec<Value> = headers.iter().map(|(n, v)| json!({"name": n, "value": v})).collect();
            if i == 0 && where_key == 0 { hs.push(json!({"name": "X-Forward", "value": format!("k {key}")})); }
            let text = if *json_body { json!({"v": body, "k": if where_key == 1 { key } else { "" }}).to_string() } else { body.clone() };
            let url = if where_key == 2 { format!("https://h.example/p?x={key}") } else { "https://h.example/p".to_string() };
            json!({"request": {"method": "POST", "url": url, "headers": hs,
                    "postData": {"mimeType": "text/plain", "text": if where_key == 3 { format!("{body} {key}") } else { body.clone() }}},
                   "response": {"status": 200, "headers": [], "content": {"size": text.len(), "text": text}},
                   "timings": {"wait": 1}})
        }).collect();
        let har = json!({"log": {"version": "1.2", "entries": list}}).to_string();
        let (_, out) = redact_text(&har).unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        prop_assert_eq!(v["log"]["entries"].as_array().unwrap().len(), entries.len());
        prop_assert!(!out.contains(key));
    }

    /// Any bytes at all: a clean error or a copy, never a panic.
    #[test]
    fn redact_to_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200), prefix in "\\{\"log\":\\{\"entries\":\\[|") {
        let mut all = prefix.into_bytes();
        all.extend(bytes);
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.har");
        std::fs::write(&p, &all).unwrap();
        let _ = redact_to(&p, &mut Vec::new());
    }
}
