//! A loopback HTTP(S) server whose answers a test scripts, and which
//! records every request it receives.

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path_and_query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the request head arrived, for pacing assertions.
    pub at: Instant,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the handler answers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub delay: Duration,
}

impl Reply {
    pub fn new(status: u16) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            delay: Duration::ZERO,
        }
    }

    pub fn json(status: u16, body: &str) -> Self {
        Reply::new(status)
            .header("content-type", "application/json")
            .body(body)
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    pub fn after(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

type Handler = dyn Fn(&Recorded) -> Reply + Send + Sync;

/// A running server; it stops when dropped.
pub struct Server {
    pub addr: SocketAddr,
    requests: Arc<Mutex<Vec<Recorded>>>,
    _background: super::Background,
}

impl Server {
    /// Plain HTTP on 127.0.0.1, on a free port.
    pub fn http(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Self {
        Self::start(handler, None)
    }

    /// Plain HTTP on `ip`, on a free port: for a test inside a network
    /// namespace of its own, where `ip` is an address that is not loopback.
    pub fn http_at(
        ip: std::net::IpAddr,
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
    ) -> Self {
        Self::start_at(SocketAddr::new(ip, 0), handler, None)
    }

    /// HTTPS with the given rustls configuration.
    pub fn https(
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
        config: rustls::ServerConfig,
    ) -> Self {
        Self::start(handler, Some(Arc::new(config)))
    }

    /// HTTPS on `ip`, on a free port (inside a test's own namespace).
    pub fn https_at(
        ip: std::net::IpAddr,
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
        config: rustls::ServerConfig,
    ) -> Self {
        Self::start_at(SocketAddr::new(ip, 0), handler, Some(Arc::new(config)))
    }

    /// HTTPS offering h2 and http/1.1 by ALPN, as provider edges do, and
    /// serving the protocol the client chose.
    pub fn https_h2(
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
        mut config: rustls::ServerConfig,
    ) -> Self {
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Self::start(handler, Some(Arc::new(config)))
    }

    fn start(
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> Self {
        Self::start_at(SocketAddr::from(([127, 0, 0, 1], 0)), handler, tls)
    }

    fn start_at(
        at: SocketAddr,
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> Self {
        let background = super::Background::new();
        let runtime = background.runtime();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(at))
            .expect("bind the test address");
        let addr = listener.local_addr().expect("local addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let recorded = requests.clone();
        runtime.spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let handler = handler.clone();
                let recorded = recorded.clone();
                let tls = tls.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req| {
                        let handler = handler.clone();
                        let recorded = recorded.clone();
                        async move { answer(req, &*handler, &recorded).await }
                    });
                    let builder = hyper::server::conn::http1::Builder::new();
                    match tls {
                        Some(config) => {
                            let acceptor = tokio_rustls::TlsAcceptor::from(config);
                            if let Ok(stream) = acceptor.accept(stream).await {
                                if stream.get_ref().1.alpn_protocol() == Some(b"h2") {
                                    let _ = hyper::server::conn::http2::Builder::new(
                                        hyper_util::rt::TokioExecutor::new(),
                                    )
                                    .serve_connection(TokioIo::new(stream), service)
                                    .await;
                                } else {
                                    let _ = builder
                                        .serve_connection(TokioIo::new(stream), service)
                                        .await;
                                }
                            }
                        }
                        None => {
                            let _ = builder
                                .serve_connection(TokioIo::new(stream), service)
                                .await;
                        }
                    }
                });
            }
        });
        Server {
            addr,
            requests,
            _background: background,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().expect("requests lock").clone()
    }
}

async fn answer(
    req: Request<Incoming>,
    handler: &Handler,
    recorded: &Mutex<Vec<Recorded>>,
) -> Result<Response<Full<Bytes>>, hyper::Error> {
    let at = Instant::now();
    let (parts, body) = req.into_parts();
    let body = body.collect().await?.to_bytes().to_vec();
    let seen = Recorded {
        method: parts.method.to_string(),
        path_and_query: parts
            .uri
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_default(),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
        at,
    };
    let reply = handler(&seen);
    recorded.lock().expect("requests lock").push(seen);
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let mut response = Response::builder().status(reply.status);
    for (name, value) in &reply.headers {
        response = response.header(name, value);
    }
    Ok(response
        .body(Full::new(Bytes::from(reply.body)))
        .expect("valid test response"))
}

/// A TCP server that accepts connections and never says a word.
pub struct Silent {
    pub addr: SocketAddr,
    _listener: std::net::TcpListener,
    _held: Arc<Mutex<Vec<std::net::TcpStream>>>,
}

impl Silent {
    pub fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let held = Arc::new(Mutex::new(Vec::new()));
        let accept = listener.try_clone().expect("clone listener");
        let keep = held.clone();
        std::thread::spawn(move || {
            for stream in accept.incoming().flatten() {
                keep.lock().expect("held lock").push(stream);
            }
        });
        Silent {
            addr,
            _listener: listener,
            _held: held,
        }
    }
}

/// A loopback port with nothing listening on it.
pub fn closed_port() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.local_addr().expect("local addr")
}

/// A raw HTTP server that sends a 200 and then an endless body.
pub struct Endless {
    pub addr: SocketAddr,
}

impl Endless {
    pub fn start() -> Self {
        use std::io::Write;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || {
                    use std::io::Read;
                    let mut stream = stream;
                    // Answer only once the request head has arrived, as a real
                    // server does; a reply before the request races the client.
                    let mut head = Vec::new();
                    let mut byte = [0u8; 1];
                    while !head.ends_with(b"\r\n\r\n") {
                        match stream.read(&mut byte) {
                            Ok(1) => head.push(byte[0]),
                            _ => return,
                        }
                    }
                    let _ =
                        stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\n");
                    let chunk = vec![b'x'; 64 * 1024];
                    while stream.write_all(&chunk).is_ok() {}
                });
            }
        });
        Endless { addr }
    }
}

/// A TLS server that answers every request with `answer` (status line,
/// headers and body, as given) and then drops the TCP connection without
/// sending TLS close_notify, as many PHP hosts do with a body that has no
/// length.
pub struct TlsRaw {
    pub addr: SocketAddr,
    _background: super::Background,
}

impl TlsRaw {
    pub fn start(config: rustls::ServerConfig, answer: &'static [u8]) -> Self {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let background = super::Background::new();
        let runtime = background.runtime();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        runtime.spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(stream).await else {
                        return;
                    };
                    let mut head = Vec::new();
                    let mut buf = [0u8; 1024];
                    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                        match tls.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => head.extend_from_slice(&buf[..n]),
                        }
                    }
                    let _ = tls.write_all(answer).await;
                    let _ = tls.flush().await;
                    // Dropping the TCP stream itself: no close_notify.
                    let (tcp, _) = tls.into_inner();
                    drop(tcp);
                });
            }
        });
        TlsRaw {
            addr,
            _background: background,
        }
    }
}
