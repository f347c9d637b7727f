//! A raw HTTP/1.1 request as captured (`--request FILE`): request line,
//! headers, blank line, body. CRLF or bare LF line endings; the body is
//! cut at `Content-Length` or decoded from chunked transfer-encoding.

/// What the capture held, and what plumb noticed about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Oddities worth telling (bytes beyond Content-Length, a cut capture).
    pub notes: Vec<String>,
}

impl Request {
    /// The first header named `name`, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name).map(|(_, v)| v)
    }
}

/// The first header named `name`, case-insensitively: its name as sent
/// and its value.
pub fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<(&'a str, &'a str)> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(n, v)| (n.as_str(), v.as_str()))
}

/// Parses a capture; the error says why it is not an HTTP request.
pub fn parse(bytes: &[u8]) -> Result<Request, String> {
    // Without a blank line, all of it is head (less a final newline).
    let (head, rest) = crate::input::split_head(bytes)
        .unwrap_or((bytes.strip_suffix(b"\n").unwrap_or(bytes), &[]));
    let head = std::str::from_utf8(head).map_err(|_| {
        "the request line and headers are not text: this is not an HTTP request".to_string()
    })?;
    let mut lines = head.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let first = lines.next().unwrap_or_default();
    let (method, target) = request_line(first)?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.starts_with([' ', '\t']) {
            // Obsolete line folding continues the previous header's value.
            match headers.last_mut() {
                Some((_, v)) => {
                    v.push(' ');
                    v.push_str(line.trim());
                    continue;
                }
                None => {
                    return Err(format!(
                        "line {} starts with whitespace but no header precedes it",
                        n + 2
                    ))
                }
            }
        }
        let header = crate::input::parse_header(&format!("line {}", n + 2), line)
            .map_err(|e| e.to_string())?;
        headers.push(header);
    }
    let mut notes = Vec::new();
    let chunked = find_header(&headers, "transfer-encoding")
        .is_some_and(|(_, v)| v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(rest)?
    } else if let Some((_, cl)) = find_header(&headers, "content-length") {
        let len: usize = cl
            .trim()
            .parse()
            .map_err(|_| format!("Content-Length '{cl}' is not a number"))?;
        cut_at_length(rest, len, &mut notes)
    } else {
        rest.to_vec()
    };
    Ok(Request {
        method,
        target,
        headers,
        body,
        notes,
    })
}

fn request_line(line: &str) -> Result<(String, String), String> {
    let parts: Vec<&str> = line.split(' ').collect();
    let ok = parts.len() == 3
        && !parts[0].is_empty()
        && parts[0].bytes().all(|b| b.is_ascii_uppercase())
        && !parts[1].is_empty()
        && parts[2].starts_with("HTTP/");
    if !ok {
        return Err(
            "the first line is not a request line such as 'POST /webhook HTTP/1.1'".to_string(),
        );
    }
    Ok((parts[0].to_string(), parts[1].to_string()))
}

fn cut_at_length(rest: &[u8], len: usize, notes: &mut Vec<String>) -> Vec<u8> {
    if rest.len() < len {
        notes.push(format!(
            "the body has {} bytes but Content-Length says {len}: the capture was cut short",
            rest.len()
        ));
        return rest.to_vec();
    }
    let extra = &rest[len..];
    if !extra.is_empty() {
        let what = if extra.iter().all(|b| matches!(b, b'\r' | b'\n')) {
            "a trailing newline (added when the capture was saved)".to_string()
        } else {
            format!("{} bytes", extra.len())
        };
        notes.push(format!(
            "{what} beyond Content-Length ({len} bytes) is not part of the body and was left out"
        ));
    }
    rest[..len].to_vec()
}

fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, String> {
    let bad = |why: &str| format!("the chunked body is malformed: {why}");
    let mut body = Vec::new();
    loop {
        let nl = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| bad("a chunk size line has no end"))?;
        let line = std::str::from_utf8(&rest[..nl]).map_err(|_| bad("a chunk size is not text"))?;
        let size_text = line
            .trim_end_matches('\r')
            .split(';')
            .next()
            .unwrap_or("")
            .trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| bad(&format!("'{size_text}' is not a hexadecimal chunk size")))?;
        rest = &rest[nl + 1..];
        if size == 0 {
            return Ok(body);
        }
        if rest.len() < size {
            return Err(bad("a chunk is shorter than its size says"));
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .ok_or_else(|| bad("a chunk is not followed by a line break"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lf_captures_parse_alike() {
        let crlf =
            parse(b"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc").unwrap();
        let lf = parse(b"POST /hook HTTP/1.1\nHost: x\nContent-Length: 3\n\nabc").unwrap();
        assert_eq!(crlf, lf);
        assert_eq!(crlf.body, b"abc");
        assert_eq!(crlf.header("content-length"), Some("3"));
        assert_eq!(crlf.target, "/hook");
    }

    #[test]
    fn trailing_newline_beyond_content_length_is_noticed() {
        let r = parse(b"POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}\n").unwrap();
        assert_eq!(r.body, b"{}");
        assert!(r.notes[0].contains("trailing newline"), "{:?}", r.notes);
        let short = parse(b"POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\n{}").unwrap();
        assert!(short.notes[0].contains("cut short"));
    }

    #[test]
    fn chunked_bodies_are_decoded() {
        let r = parse(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap();
        assert_eq!(r.body, b"abcde");
        assert!(parse(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").is_err());
        assert!(parse(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nab").is_err());
    }

    #[test]
    fn non_requests_are_refused_with_a_reason() {
        assert!(parse(b"hello world").unwrap_err().contains("request line"));
        assert!(parse(b"").is_err());
        assert!(parse(b"POST / HTTP/1.1\r\nno colon here\r\n\r\n")
            .unwrap_err()
            .contains("line 2"));
        assert!(parse(b"POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n").is_err());
        assert!(parse(&[0xff, 0xfe, b'\n', b'\n']).is_err());
    }

    #[test]
    fn folded_headers_join_and_body_without_length_is_kept() {
        let r = parse(b"POST / HTTP/1.1\nX-A: one\n two\n\nbody\n").unwrap();
        assert_eq!(r.header("x-a"), Some("one two"));
        assert_eq!(r.body, b"body\n");
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
        prop::collection::vec(("X-[A-Za-z0-9-]{1,12}", "[!-~]([ -~]{0,30}[!-~])?"), 0..6)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any bytes: a request or a reason, never a panic, and never a
        /// body larger than the capture.
        #[test]
        fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            if let Ok(r) = parse(&bytes) {
                prop_assert!(r.body.len() <= bytes.len());
            }
        }

        /// Text shaped like a request (the parser's branches: folding,
        /// Content-Length, chunked) never panics either.
        #[test]
        fn request_shaped_text_never_panics(
            head in "[A-Z]{1,6} /[a-z]{0,8} HTTP/1\\.1\r?\n([ \t]?[A-Za-z-]{0,16}:? ?[ -~]{0,16}\r?\n){0,5}",
            extra in prop::sample::select(vec!["", "Content-Length: 3\n", "Content-Length: -1\n", "Transfer-Encoding: chunked\n", "Content-Length: 99999999999999999999999\n"]),
            body in "[0-9a-fA-F;\r\n x]{0,40}",
        ) {
            let _ = parse(format!("{head}{extra}\n{body}").as_bytes());
        }

        /// format→parse: what a client writes (CRLF or LF, Content-Length
        /// or chunked) reads back as the same request.
        #[test]
        fn written_request_round_trips(
            method in "[A-Z]{1,7}",
            target in "/[A-Za-z0-9/?=&._-]{0,30}",
            hs in headers(),
            body in prop::collection::vec(any::<u8>(), 0..200),
            crlf: bool,
            chunked: bool,
        ) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut raw = format!("{method} {target} HTTP/1.1{eol}").into_bytes();
            for (n, v) in &hs {
                raw.extend_from_slice(format!("{n}: {v}{eol}").as_bytes());
            }
            let framing = if chunked { "Transfer-Encoding: chunked".to_string() } else { format!("Content-Length: {}", body.len()) };
            raw.extend_from_slice(format!("{framing}{eol}{eol}").as_bytes());
            if chunked {
                for chunk in body.chunks(17) {
                    raw.extend_from_slice(format!("{:x}{eol}", chunk.len()).as_bytes());
                    raw.extend_from_slice(chunk);
                    raw.extend_from_slice(eol.as_bytes());
                }
                raw.extend_from_slice(format!("0{eol}{eol}").as_bytes());
            } else {
                raw.extend_from_slice(&body);
            }
            let r = parse(&raw).map_err(TestCaseError::fail)?;
            prop_assert_eq!(r.method, method);
            prop_assert_eq!(r.target, target);
            prop_assert_eq!(&r.headers[..hs.len()], &hs[..]);
            prop_assert_eq!(r.body, body);
            prop_assert!(r.notes.is_empty(), "{:?}", r.notes);
        }
    }
}
