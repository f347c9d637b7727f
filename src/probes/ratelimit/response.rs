//! Reads a captured HTTP response (`curl -i` output, a saved file): the
//! status line, the header lines, and whatever body follows. CRLF and LF
//! line endings are both accepted.

/// A captured response.
#[derive(Debug, PartialEq)]
pub struct Captured {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Parses `bytes`; when several responses follow one another (an interim
/// `100 Continue`, a proxy's `200 Connection established`), the last wins.
pub fn parse(bytes: &[u8]) -> Result<Captured, String> {
    let mut rest = bytes;
    // A leading byte-order mark or blank lines are not the response.
    if let Some(r) = rest.strip_prefix(b"\xEF\xBB\xBF") {
        rest = r;
    }
    while let Some(r) = rest
        .strip_prefix(b"\r\n")
        .or_else(|| rest.strip_prefix(b"\n"))
    {
        rest = r;
    }
    let mut captured = one(rest)?;
    while captured.body.starts_with(b"HTTP/") {
        match one(&captured.body) {
            Ok(next) => captured = next,
            Err(_) => break,
        }
    }
    Ok(captured)
}

fn one(bytes: &[u8]) -> Result<Captured, String> {
    // Without a blank line, all of it is head.
    let (head, body) = crate::input::split_head(bytes).unwrap_or((bytes, &[]));
    let text = std::str::from_utf8(head).map_err(|_| "the header block is not text".to_string())?;
    let mut lines = text.lines().map(|l| l.strip_suffix('\r').unwrap_or(l));
    let first = lines.next().unwrap_or("");
    let status = status_of(first).ok_or_else(|| {
        "not an HTTP response: the first line must be a status line such as 'HTTP/1.1 429 Too Many Requests'"
            .to_string()
    })?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for (i, line) in lines.enumerate() {
        if line.starts_with([' ', '\t']) {
            // An obsolete folded continuation of the previous header.
            match headers.last_mut() {
                Some((_, v)) => {
                    v.push(' ');
                    v.push_str(line.trim());
                }
                None => return Err(format!("line {} is not a header line", i + 2)),
            }
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("line {} is not a 'Name: value' header line", i + 2));
        };
        let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        if name.is_empty() || !name.bytes().all(token) {
            return Err(format!("line {} does not start with a header name", i + 2));
        }
        headers.push((name.to_string(), value.trim().to_string()));
    }
    Ok(Captured {
        status,
        headers,
        body: body.to_vec(),
    })
}

/// `HTTP/1.1 429 Too Many Requests`, `HTTP/2 200`: the status code.
fn status_of(line: &str) -> Option<u16> {
    let mut parts = line.split_whitespace();
    let version = parts.next()?;
    let rest = version.strip_prefix("HTTP/")?;
    if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let code = parts.next()?;
    if code.len() != 3 {
        return None;
    }
    code.parse().ok().filter(|c| (100..600).contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lf_with_a_body() {
        let r =
            parse(b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 5\r\n\r\n{\"a\":1}").unwrap();
        assert_eq!(r.status, 429);
        assert_eq!(
            r.headers,
            vec![("Retry-After".to_string(), "5".to_string())]
        );
        assert_eq!(r.body, b"{\"a\":1}");
        let r = parse(b"\nHTTP/2 200\nx-ratelimit-limit: 60\n").unwrap();
        assert_eq!((r.status, r.headers.len(), r.body.len()), (200, 1, 0));
    }

    #[test]
    fn the_last_of_several_responses_wins() {
        let r = parse(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\n\r\n").unwrap();
        assert_eq!(r.status, 429);
    }

    #[test]
    fn folded_headers_join() {
        let r = parse(b"HTTP/1.1 200 OK\nRateLimit-Policy: a;q=1,\n b;q=2\n\n").unwrap();
        assert_eq!(r.headers[0].1, "a;q=1, b;q=2");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..256), head in "HTTP/1.1 [0-9]{3} .*\n(.*\n){0,4}\n?.*") {
            let _ = parse(&bytes);
            let _ = parse(head.as_bytes());
        }
    }

    #[test]
    fn not_a_response() {
        for bad in [
            &b""[..],
            b"hello world",
            b"Retry-After: 5\n",
            b"HTTP/1.1 4299 Nope\n",
            b"HTTP/x 200\n",
            b"HTTP/1.1 200 OK\nno colon here\n",
            b"HTTP/1.1 200 OK\n: empty name\n",
            b"\xff\xfe",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
