//! plumb's one HTTP server: HTTP/1.1 on hyper, the same hyper the client
//! uses, with every resource a sender could exhaust bounded. Commands that
//! listen (`webhook listen`, `serve`) give it a [`Handler`] and a signal to
//! stop; the server reads each request whole (within [`Limits`]), hands it
//! over with the exact body bytes, and answers what the handler returns.
//!
//! What a sender cannot do to it:
//! - send headers forever or too many of them (`header_timeout`,
//!   `max_header_bytes`: hyper answers 431 or closes);
//! - send a body larger than `max_body` (answered 413 before the rest is
//!   read) or trickle one past `request_timeout` (answered 408);
//! - open more than `max_connections` at once (the extra ones are closed
//!   at once, before any byte is read);
//! - keep an idle keep-alive connection open past `header_timeout`.

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming as Body};
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

/// The bounds every connection is held to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body read; larger ones are answered 413.
    pub max_body: u64,
    /// Largest request head (request line and headers) buffered; hyper
    /// refuses larger ones (431). hyper's floor is 8 KiB.
    pub max_header_bytes: usize,
    /// Connections served at once; more are closed unread.
    pub max_connections: usize,
    /// From the first byte of a request head to the last byte of its
    /// body; a slower request is answered 408.
    pub request_timeout: Duration,
    /// How long a connection may take to send a request head, and how long
    /// an idle keep-alive connection is kept.
    pub header_timeout: Duration,
    /// How long the handler may take to answer one request.
    pub handler_timeout: Duration,
    /// After the stop signal, how long requests in flight may still take.
    pub grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 16 * 1024 * 1024,
            max_header_bytes: 64 * 1024,
            max_connections: 256,
            request_timeout: Duration::from_secs(30),
            header_timeout: Duration::from_secs(10),
            handler_timeout: Duration::from_secs(60),
            grace: Duration::from_secs(5),
        }
    }
}

/// A request read whole.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: http::Method,
    /// The request target as sent (path and query).
    pub target: String,
    pub version: http::Version,
    /// Header names as hyper parsed them (lower case), in arrival order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body exactly as received (after any chunked framing is removed).
    pub body: Bytes,
    pub peer: SocketAddr,
    /// When the head arrived.
    pub received_at: SystemTime,
    /// From the head's arrival to the body's last byte.
    pub read_time: Duration,
}

impl Request {
    /// The first value of a header, as text (lossy), by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }
}

/// What the handler answers.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

impl Answer {
    pub fn new(status: u16, content_type: &str, body: impl Into<Bytes>) -> Self {
        Answer {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn text(status: u16, body: impl Into<String>) -> Self {
        Answer::new(status, "text/plain; charset=utf-8", body.into())
    }
}

/// Why the server answered a request itself, without the handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The body was larger than `max_body` (413).
    TooLarge,
    /// The body did not arrive within `request_timeout` (408).
    TooSlow,
    /// The body could not be read (the connection broke mid-body).
    BrokenBody,
    /// The handler did not answer within `handler_timeout` (503).
    HandlerTimeout,
    /// A connection over `max_connections` was closed unread.
    TooManyConnections,
}

impl Refusal {
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::TooLarge => "body too large",
            Refusal::TooSlow => "request too slow",
            Refusal::BrokenBody => "body broken off",
            Refusal::HandlerTimeout => "handler too slow",
            Refusal::TooManyConnections => "too many connections",
        }
    }
}

/// What a command does with requests.
pub trait Handler: Send + Sync + 'static {
    /// Answer one request read whole.
    fn handle(&self, request: Request) -> impl Future<Output = Answer> + Send;
    /// A request (or connection) the server refused by itself.
    fn refused(&self, _peer: SocketAddr, _why: Refusal) {}
}

/// Bind a listening socket, with the error said as a user would want it.
pub async fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr).await
}

/// Serve until `stop` resolves, then stop accepting, let requests in
/// flight finish within `limits.grace`, and return.
pub async fn serve<H: Handler>(
    listener: TcpListener,
    limits: Limits,
    handler: Arc<H>,
    stop: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let (stopping_tx, stopping_rx) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else {
                    // EMFILE and the like: wait a little instead of spinning.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                };
                let Ok(slot) = slots.clone().try_acquire_owned() else {
                    handler.refused(peer, Refusal::TooManyConnections);
                    drop(stream);
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let handler = handler.clone();
                let mut stopping = stopping_rx.clone();
                connections.spawn(async move {
                    let service = service_fn(move |req| {
                        let handler = handler.clone();
                        async move {
                            Ok::<_, std::convert::Infallible>(answer(req, peer, limits, &*handler).await)
                        }
                    });
                    let conn = hyper::server::conn::http1::Builder::new()
                        .timer(TokioTimer::new())
                        .header_read_timeout(limits.header_timeout)
                        .max_buf_size(limits.max_header_bytes.max(8192))
                        .serve_connection(TokioIo::new(stream), service);
                    tokio::pin!(conn);
                    tokio::select! {
                        _ = conn.as_mut() => {}
                        _ = async { let _ = stopping.wait_for(|s| *s).await; } => {
                            conn.as_mut().graceful_shutdown();
                            let _ = conn.await;
                        }
                    }
                    drop(slot);
                });
            }
            // Reap finished connections so the set stays small.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let _ = stopping_tx.send(true);
    let _ = tokio::time::timeout(limits.grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    connections.abort_all();
}

async fn answer<H: Handler>(
    req: hyper::Request<Body>,
    peer: SocketAddr,
    limits: Limits,
    handler: &H,
) -> hyper::Response<Full<Bytes>> {
    let received_at = SystemTime::now();
    let started = Instant::now();
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body) {
        handler.refused(peer, Refusal::TooLarge);
        return refusal(413, "request body too large\n");
    }
    let limit = usize::try_from(limits.max_body).unwrap_or(usize::MAX);
    let read = tokio::time::timeout(limits.request_timeout, Limited::new(body, limit).collect());
    let body = match read.await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            handler.refused(peer, Refusal::TooLarge);
            return refusal(413, "request body too large\n");
        }
        Ok(Err(_)) => {
            handler.refused(peer, Refusal::BrokenBody);
            return refusal(400, "request body could not be read\n");
        }
        Err(_) => {
            handler.refused(peer, Refusal::TooSlow);
            return refusal(408, "request body too slow\n");
        }
    };
    let request = Request {
        target: parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| parts.uri.to_string()),
        method: parts.method,
        version: parts.version,
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| (n.as_str().to_string(), v.as_bytes().to_vec()))
            .collect(),
        body,
        peer,
        received_at,
        read_time: started.elapsed(),
    };
    let Ok(answer) = tokio::time::timeout(limits.handler_timeout, handler.handle(request)).await
    else {
        handler.refused(peer, Refusal::HandlerTimeout);
        return refusal(503, "no answer in time\n");
    };
    let mut builder = hyper::Response::builder().status(answer.status);
    for (name, value) in &answer.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder
        .body(Full::new(answer.body))
        .unwrap_or_else(|_| refusal(500, "invalid answer\n"))
}

fn refusal(status: u16, text: &'static str) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_REQUEST);
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    if status == 413 || status == 408 {
        // The rest of the body is not read: the connection cannot be reused.
        response.headers_mut().insert(
            http::header::CONNECTION,
            http::HeaderValue::from_static("close"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    struct Echo;
    impl Handler for Echo {
        async fn handle(&self, request: Request) -> Answer {
            let mut body = request.target.into_bytes();
            body.push(b' ');
            body.extend_from_slice(&request.body);
            Answer::new(200, "text/plain", body)
        }
    }

    async fn start(limits: Limits) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
        let listener = bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(serve(listener, limits, Arc::new(Echo), async move {
            let _ = rx.await;
        }));
        (addr, tx)
    }

    async fn exchange(addr: SocketAddr, raw: &[u8]) -> String {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(raw).await.unwrap();
        let mut out = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut out)).await;
        String::from_utf8_lossy(&out).into_owned()
    }

    #[tokio::test]
    async fn the_body_arrives_byte_exact() {
        let (addr, _stop) = start(Limits::default()).await;
        let answer = exchange(
            addr,
            b"POST /hooks?x=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n3\r\n\":1\r\n1\r\n}\r\n0\r\n\r\n",
        )
        .await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("/hooks?x=1 {\"a\":1}"), "{answer}");
    }

    #[tokio::test]
    async fn a_declared_large_body_is_refused_unread() {
        let limits = Limits {
            max_body: 10,
            ..Limits::default()
        };
        let (addr, _stop) = start(limits).await;
        let answer = exchange(
            addr,
            b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n",
        )
        .await;
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    }

    #[tokio::test]
    async fn an_undeclared_large_body_is_refused() {
        let limits = Limits {
            max_body: 10,
            ..Limits::default()
        };
        let (addr, _stop) = start(limits).await;
        let answer = exchange(
            addr,
            b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n01234567890123456789012345678901\r\n0\r\n\r\n",
        )
        .await;
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    }

    #[tokio::test]
    async fn a_trickled_body_is_cut_off() {
        let limits = Limits {
            request_timeout: Duration::from_millis(200),
            ..Limits::default()
        };
        let (addr, _stop) = start(limits).await;
        let answer = exchange(
            addr,
            b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nab",
        )
        .await;
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    }

    #[tokio::test]
    async fn a_silent_connection_is_closed() {
        let limits = Limits {
            header_timeout: Duration::from_millis(200),
            ..Limits::default()
        };
        let (addr, _stop) = start(limits).await;
        let started = Instant::now();
        let answer = exchange(addr, b"POST / HT").await;
        assert!(started.elapsed() < Duration::from_secs(4), "{answer}");
    }

    #[tokio::test]
    async fn connections_over_the_cap_are_closed_unread() {
        let limits = Limits {
            max_connections: 1,
            ..Limits::default()
        };
        let (addr, _stop) = start(limits).await;
        let _held = tokio::net::TcpStream::connect(addr).await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
        let answer = exchange(
            addr,
            b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert!(answer.is_empty(), "{answer}");
    }

    #[tokio::test]
    async fn stopping_ends_serve() {
        let listener = bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let limits = Limits {
            grace: Duration::from_millis(200),
            ..Limits::default()
        };
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(serve(listener, limits, Arc::new(Echo), async move {
            let _ = rx.await;
        }));
        // An idle keep-alive connection must not hold the stop up.
        let _idle = tokio::net::TcpStream::connect(addr).await.unwrap();
        tx.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(3), server)
            .await
            .expect("serve returned")
            .unwrap();
    }
}
