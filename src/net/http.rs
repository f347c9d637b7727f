//! plumb's one HTTP client: HTTP/1.1 over a connection it owns, so each
//! phase (DNS, connect, TLS, first byte, body) is timed and bounded.
//!
//! It never follows redirects (callers decide, and credentials never cross
//! to another origin), caps every response body, and refuses to send a
//! credential over plain http on any connection but one straight to a
//! loopback address (see [`clear_text_allowed`]).

pub use super::target::shown_url;
use super::target::url_host;
use super::tls::{self, Negotiated, Verify};
use super::{proxy, Deadline, NetError, Phase, USER_AGENT};
use crate::input::is_secret_param;
use crate::secret::Secret;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite};

/// The most of a response body plumb ever reads.
pub const MAX_BODY: usize = 1024 * 1024;

/// The most bytes of response head (status line and headers) plumb buffers.
pub const MAX_HEAD: usize = 64 * 1024;

/// The most response header fields plumb accepts.
pub const MAX_HEADERS: usize = 100;

/// The most requests one plumb process has in flight at once, whatever
/// runs them (doctor runs up to 64 entries concurrently, a rate-limit probe
/// up to 32 requests): a bound on sockets and on bodies held in memory.
pub const MAX_IN_FLIGHT: usize = 128;

static IN_FLIGHT: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(MAX_IN_FLIGHT);

const NO_HEAD: &str = "no response headers arrived";
const NO_BODY: &str = "the response body did not finish arriving";

/// A header value; secrets stay wrapped until the bytes go on the wire.
#[derive(Debug, Clone)]
pub enum Value {
    Plain(String),
    Secret(Secret),
}

/// One request to send.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: http::Method,
    pub url: url::Url,
    pub headers: Vec<(String, Value)>,
    pub body: Vec<u8>,
    /// Connect here instead of resolving the URL's host (like curl's
    /// `--resolve`); the Host header and TLS name stay the URL's.
    pub connect_to: Option<SocketAddr>,
    /// A budget shared with other requests (a redirect chain); without
    /// one the request gets the client's timeout to itself.
    pub deadline: Option<Deadline>,
    /// Relayed as received (`webhook listen --forward-to`): plumb adds
    /// none of its own headers (User-Agent, Accept), only Host and the
    /// Content-Length of the body; what the sender sent goes as it was.
    pub relay: bool,
}

impl Request {
    pub fn new(method: http::Method, url: url::Url) -> Self {
        Request {
            method,
            url,
            headers: Vec::new(),
            body: Vec::new(),
            connect_to: None,
            deadline: None,
            relay: false,
        }
    }

    /// The request relays another's headers unchanged (see [`Request::relay`]).
    pub fn relayed(mut self) -> Self {
        self.relay = true;
        self
    }

    pub fn get(url: url::Url) -> Self {
        Request::new(http::Method::GET, url)
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers
            .push((name.to_string(), Value::Plain(value.into())));
        self
    }

    /// A header that carries a credential: never sent over plain http to a
    /// host that is not loopback.
    pub fn secret_header(mut self, name: &str, value: Secret) -> Self {
        self.headers.push((name.to_string(), Value::Secret(value)));
        self
    }

    /// Adds `-H 'Name: value'` arguments; credential headers (by name or
    /// by the shape of the value) become secrets at once. A user header
    /// replaces one of the same name set before (as curl's `-H` replaces
    /// its own), and, when the request is built, plumb's own Host,
    /// User-Agent, Accept and Proxy-Authorization. Content-Length and
    /// Transfer-Encoding follow from the body and are refused.
    pub fn header_args(mut self, flag: &str, args: &[String]) -> crate::error::Result<Self> {
        let mut given: Vec<(String, Value)> = Vec::new();
        for arg in args {
            let (name, value) = crate::input::parse_header(flag, arg)?;
            if name.eq_ignore_ascii_case("content-length")
                || name.eq_ignore_ascii_case("transfer-encoding")
            {
                return Err(crate::error::Error::usage(format!(
                    "{flag} {name}: plumb frames the body itself; remove this header"
                )));
            }
            let value = if crate::input::is_secret_header(&name, &value) {
                Value::Secret(Secret::new(value))
            } else {
                Value::Plain(value)
            };
            given.push((name, value));
        }
        self.headers
            .retain(|(n, _)| !given.iter().any(|(g, _)| g.eq_ignore_ascii_case(n)));
        self.headers.extend(given);
        Ok(self)
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Every credential this request carries — secret header values (and
    /// the token after a `Bearer `/`Basic ` scheme), a URL password,
    /// credential query values — so text a server echoes back can be
    /// passed through [`crate::secret::redact`].
    pub fn secrets(&self) -> Vec<Secret> {
        let mut out = Vec::new();
        for (_, v) in &self.headers {
            if let Value::Secret(s) = v {
                out.push(s.clone());
                if let Some((_, token)) = s.expose().trim().rsplit_once(' ') {
                    out.push(Secret::new(token.trim()));
                }
            }
        }
        if let Some(p) = self.url.password() {
            out.push(Secret::new(p));
        }
        if !self.url.username().is_empty() {
            out.push(Secret::new(self.url.username()));
        }
        for (k, v) in self.url.query_pairs() {
            if is_secret_param(&k, &v) {
                out.push(Secret::new(v.into_owned()));
            }
        }
        out
    }

    /// Whether the request carries any credential: a secret header, a user
    /// name or password in the URL, or a credential query parameter.
    pub fn carries_secret(&self) -> bool {
        self.headers
            .iter()
            .any(|(_, v)| matches!(v, Value::Secret(_)))
            || self.url.password().is_some()
            || !self.url.username().is_empty()
            || self.url.query_pairs().any(|(k, v)| is_secret_param(&k, &v))
    }
}

/// How long each phase took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    pub dns: Duration,
    pub connect: Duration,
    pub tls: Option<Duration>,
    /// From sending the request to the response headers.
    pub first_byte: Duration,
    pub total: Duration,
}

/// What came back.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: http::HeaderMap,
    /// At most [`MAX_BODY`] bytes.
    pub body: Vec<u8>,
    /// The server sent more than [`MAX_BODY`]; the rest was not read.
    pub truncated: bool,
    pub timings: Timings,
    pub remote: SocketAddr,
    pub tls: Option<Negotiated>,
    /// The proxy the request went through (shown form), if any.
    pub proxy: Option<String>,
    /// The protocol of the answer: `HTTP/2`, `HTTP/1.1` or `HTTP/1.0`.
    pub version: &'static str,
    /// The addresses tried before (or beside) the one that answered.
    pub lost: Vec<super::connect::Attempt>,
    /// One address family failed while the other connected (a broken IPv6
    /// route, typically): what happened, in one sentence.
    pub fallback: Option<String>,
    /// The body had no length and ended when the server closed the
    /// connection, over TLS without close_notify: read as curl reads it.
    pub closed_body: bool,
}

/// How far a failed request got: what [`NetError::reached`] carries.
#[derive(Debug, Clone, Default)]
pub struct Reached {
    /// The phases that completed (total: until the failure).
    pub timings: Timings,
    /// The address connected to (the proxy's, through one).
    pub remote: Option<SocketAddr>,
    pub fallback: Option<String>,
    /// The status, when the response head arrived before the failure.
    pub status: Option<u16>,
    pub version: Option<&'static str>,
    pub headers: Option<http::HeaderMap>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The client; cheap to clone. Its TLS configuration (and with it the
/// system trust store) is built on the first https request, so plain-http
/// calls, loopback ones above all, never pay for reading the trust store.
#[derive(Clone)]
pub struct Client {
    store: Arc<super::trust::TrustStore>,
    tls: Arc<OnceLock<Arc<rustls::ClientConfig>>>,
    timeout: Duration,
    /// The run's budget (`--max-time`): no request outlasts it.
    run: Deadline,
}

impl Client {
    /// A client trusting the public roots, the system store and `--ca-file`
    /// (read now, so a bad `--ca-file` is a usage error before any request).
    pub fn new(ctx: &crate::context::Ctx) -> crate::error::Result<Self> {
        let store = super::trust::TrustStore::load(ctx.ca_file.as_deref())?;
        Ok(Client {
            store: Arc::new(store),
            tls: Arc::new(OnceLock::new()),
            timeout: ctx.timeout,
            run: Deadline::ending(ctx.deadline, ctx.max_time),
        })
    }

    fn tls_config(&self) -> Arc<rustls::ClientConfig> {
        self.tls
            .get_or_init(|| {
                let roots = self.store.root_store();
                tls::client_config(&Verify::Strict(roots), tls::BOTH, &[b"h2", b"http/1.1"])
            })
            .clone()
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Sends one request. The whole request (resolving, connecting, TLS,
    /// headers and body) ends within the client's timeout; when it does
    /// not, the error names the phase the server stalled in.
    pub async fn send(&self, req: &Request) -> Result<Response, NetError> {
        // Waiting for a slot is outside the deadline: every request holding
        // one ends within its own timeout, so the wait is bounded too.
        let _slot = IN_FLIGHT.acquire().await;
        let stage = Stage::default();
        let deadline = req
            .deadline
            .unwrap_or_else(|| Deadline::after(self.timeout))
            .min(self.run);
        // Every failure names the server, so its remedy can (`plumb tls HOST:PORT`).
        let port = req.url.port_or_known_default().unwrap_or(443);
        let host = url_host(&req.url);
        let start = Instant::now();
        let result =
            match tokio::time::timeout_at(deadline.at(), self.send_staged(req, &stage, deadline))
                .await
            {
                Ok(result) => result,
                Err(_) => {
                    let (phase, what) = match stage.now.lock() {
                        Ok(s) => s.clone(),
                        Err(poisoned) => poisoned.into_inner().clone(),
                    };
                    Err(NetError::timeout(phase, deadline.limit(), &what))
                }
            };
        result.map_err(|e| {
            let mut e = e.at(&host, port);
            let mut reached = stage.reached();
            reached.timings.total = start.elapsed();
            if e.reached.is_none() {
                e.reached = Some(Box::new(reached));
            }
            e
        })
    }

    async fn send_staged(
        &self,
        req: &Request,
        stage: &Stage,
        deadline: Deadline,
    ) -> Result<Response, NetError> {
        let start = Instant::now();
        let host = url_host(&req.url);
        let https = req.url.scheme() == "https";
        let secret_in_clear = !https && req.carries_secret();
        let port = req
            .url
            .port_or_known_default()
            .unwrap_or(if https { 443 } else { 80 });
        let mut timings = Timings::default();
        // `connect_to` pins the address, as curl's --resolve does, and
        // so bypasses any proxy; loopback never goes through one either.
        let route = match req.connect_to {
            Some(_) => None,
            None => proxy::Settings::from_env().route(req.url.scheme(), &host, port)?,
        };
        if let (true, Some(r)) = (secret_in_clear, &route) {
            return Err(refusal(&host, Clear::ViaProxy(&r.proxy)));
        }
        let addrs = match (req.connect_to, &route) {
            (Some(addr), _) => vec![addr],
            (None, Some(r)) => {
                stage.enter(
                    Phase::Dns,
                    format!("no answer resolving the proxy {}", r.proxy.shown()),
                );
                let t = Instant::now();
                let addrs = resolve_all(&r.proxy.host, r.proxy.port, deadline)
                    .await
                    .map_err(|e| r.unreachable(e))?;
                timings.dns = t.elapsed();
                addrs
            }
            (None, None) => {
                stage.enter(Phase::Dns, format!("no answer resolving {host}"));
                let t = Instant::now();
                let addrs = resolve_all(&host, port, deadline).await?;
                timings.dns = t.elapsed();
                addrs
            }
        };
        if addrs.is_empty() {
            return Err(NetError::new(Phase::Dns, format!("{host} has no address")));
        }
        stage.note(|r| r.timings.dns = timings.dns);
        // Decided on the addresses about to be connected to, not on the
        // name: `localhost` mapped elsewhere by /etc/hosts is not loopback.
        if secret_in_clear {
            if let Some(remote) = addrs.iter().find(|a| !clear_text_allowed(a.ip(), false)) {
                return Err(refusal(&host, Clear::Direct(*remote)));
            }
        }
        let shown: Vec<String> = super::connect::order(&addrs)
            .iter()
            .map(ToString::to_string)
            .collect();
        stage.enter(
            Phase::Connect,
            format!(
                "no answer from {} to the TCP connection (a firewall may be dropping packets)",
                shown.join(" or ")
            ),
        );
        let connected = super::connect::race(&addrs, deadline)
            .await
            .map_err(|e| match &route {
                Some(r) => r.unreachable(e),
                None => e,
            })?;
        let fallback = connected.family_fallback();
        let (mut tcp, addr, lost) = (connected.stream, connected.addr, connected.lost);
        timings.connect = connected.took;
        stage.note(|r| {
            r.timings.connect = timings.connect;
            r.remote = Some(addr);
            r.fallback = fallback.clone();
        });
        let target = Target {
            host: &host,
            port,
            addr,
            proxy: route.as_ref().map(|r| &r.proxy),
        };
        // An https target always goes through a tunnel; a plain http one
        // only through a socks proxy (an http proxy takes the request).
        if let Some(r) = route.as_ref().filter(|r| https || r.proxy.is_socks()) {
            stage.enter(Phase::Connect, proxy::connect_silence(&r.proxy));
            let t = Instant::now();
            tcp = r.tunnel(tcp, deadline).await?;
            timings.connect += t.elapsed();
            stage.note(|r| r.timings.connect = timings.connect);
        }
        let mut response = if https {
            let name = tls::server_name(&host)?;
            stage.enter(Phase::Tls, tls::HANDSHAKE_SILENCE);
            let (stream, took) = tls::handshake(tcp, name, self.tls_config(), deadline)
                .await
                .map_err(|e| self.store.name_missing_bundle(e))?;
            timings.tls = Some(took);
            stage.note(|r| r.timings.tls = Some(took));
            let mut negotiated = tls::negotiated(&stream);
            negotiated.anchored_in = self.store.anchored(&negotiated.chain);
            negotiated.system_store = Some(self.store.system().location.clone());
            let h2 = negotiated.alpn.as_deref() == Some("h2");
            let mut r = self
                .exchange(stream, req, &target, stage, &mut timings, h2)
                .await?;
            r.tls = Some(negotiated);
            r
        } else {
            self.exchange(tcp, req, &target, stage, &mut timings, false)
                .await?
        };
        response.lost = lost;
        response.fallback = fallback;
        timings.total = start.elapsed();
        response.timings = timings;
        response.proxy = route.map(|r| r.proxy.shown());
        Ok(response)
    }

    async fn exchange<S>(
        &self,
        stream: S,
        req: &Request,
        target: &Target<'_>,
        stage: &Stage,
        timings: &mut Timings,
        h2: bool,
    ) -> Result<Response, NetError>
    where
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        stage.enter(Phase::Http, NO_HEAD);
        // Through an http proxy (plain http only: https is tunnelled) the
        // request line carries the absolute URL.
        let via = target
            .proxy
            .filter(|p| req.url.scheme() == "http" && !p.is_socks());
        let mut request = build(req, target.host, target.port, via)?;
        let sent = Instant::now();
        // The connection task ends when the response is dropped or the
        // runtime shuts down; its own errors surface through the sender.
        let answer = if h2 {
            // HTTP/2 names the server in :authority, from the URI; the
            // Host header (plumb's or the one given with -H) becomes it.
            let authority = request
                .headers_mut()
                .remove("host")
                .and_then(|h| h.to_str().ok().map(str::to_string))
                .unwrap_or_else(|| target.host.to_string());
            let uri = format!("https://{authority}{}", request.uri());
            *request.uri_mut() = uri.parse().map_err(|_| {
                NetError::new(
                    Phase::Http,
                    format!("'{authority}' cannot name an HTTP/2 server"),
                )
            })?;
            *request.version_mut() = http::Version::HTTP_2;
            let (mut sender, conn) =
                hyper::client::conn::http2::Builder::new(hyper_util::rt::TokioExecutor::new())
                    .max_header_list_size(u32::try_from(MAX_HEAD).unwrap_or(u32::MAX))
                    .handshake(TokioIo::new(stream))
                    .await
                    .map_err(|e| http_error(&e))?;
            tokio::spawn(async move {
                let _ = conn.await;
            });
            sender.ready().await.map_err(|e| http_error(&e))?;
            sender.send_request(request).await
        } else {
            let (mut sender, conn) = hyper::client::conn::http1::Builder::new()
                .max_buf_size(MAX_HEAD)
                .max_headers(MAX_HEADERS)
                .handshake(TokioIo::new(stream))
                .await
                .map_err(|e| http_error(&e))?;
            tokio::spawn(async move {
                let _ = conn.await;
            });
            sender.send_request(request).await
        };
        let answer = answer.map_err(|e| http_error(&e))?;
        timings.first_byte = sent.elapsed();
        let version = match answer.version() {
            http::Version::HTTP_2 => "HTTP/2",
            http::Version::HTTP_10 => "HTTP/1.0",
            http::Version::HTTP_09 => "HTTP/0.9",
            _ => "HTTP/1.1",
        };
        stage.note(|r| {
            r.timings.first_byte = timings.first_byte;
            r.status = Some(answer.status().as_u16());
            r.version = Some(version);
            r.headers = Some(answer.headers().clone());
        });
        stage.enter(Phase::Http, NO_BODY);
        let (parts, mut body) = answer.into_parts();
        // A body with neither a length nor chunked framing ends when the
        // server closes the connection (HTTP/1.0 style).
        let close_delimited = !h2
            && !parts.headers.contains_key(http::header::CONTENT_LENGTH)
            && !parts.headers.contains_key(http::header::TRANSFER_ENCODING);
        let mut bytes = Vec::new();
        let mut truncated = false;
        let mut closed_body = false;
        while let Some(frame) = body.frame().await {
            let frame = match frame {
                Ok(f) => f,
                // Over TLS the server closed without close_notify: curl and
                // most clients take that as the end of such a body.
                Err(e) if close_delimited && unexpected_eof(&e) => {
                    closed_body = true;
                    break;
                }
                Err(e) => {
                    let mut err = http_error(&e);
                    let code = parts.status.as_u16();
                    err.message = match err.message.strip_prefix("the server ") {
                        Some(rest) => format!("the server answered {code} but then {rest}"),
                        None => format!(
                            "the server answered {code} but the body failed: {}",
                            err.message
                        ),
                    };
                    return Err(err);
                }
            };
            if let Some(data) = frame.data_ref() {
                let room = MAX_BODY - bytes.len();
                if data.len() > room {
                    bytes.extend_from_slice(&data[..room]);
                    truncated = true;
                    break;
                }
                bytes.extend_from_slice(data);
            }
        }
        Ok(Response {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body: bytes,
            truncated,
            timings: Timings::default(),
            remote: target.addr,
            tls: None,
            proxy: None,
            version,
            lost: Vec::new(),
            fallback: None,
            closed_body,
        })
    }
}

/// Whether a hyper error comes from the connection ending without TLS
/// close_notify (rustls reports it as an unexpected end of file).
fn unexpected_eof(e: &hyper::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return io.kind() == std::io::ErrorKind::UnexpectedEof;
        }
        source = err.source();
    }
    false
}

/// Whether a credential may travel unencrypted on a connection to `addr`
/// (the address plumb connects to: the service's, or the proxy's when
/// `proxied`). Only straight to a loopback address, judged by the address
/// itself: a name such as `localhost` or `shop.localhost` that the resolver
/// or /etc/hosts maps to another address is not loopback. Never through a
/// proxy, wherever the proxy is: plain http through a proxy reaches the
/// proxy in the clear and the proxy forwards it in the clear to the
/// service, and that service is not loopback (loopback destinations never
/// go through a proxy), so even a proxy on 127.0.0.1 would pass the
/// credential on unencrypted. Over https (a CONNECT tunnel through a
/// proxy) TLS runs end to end and the question does not arise.
pub(crate) fn clear_text_allowed(addr: std::net::IpAddr, proxied: bool) -> bool {
    !proxied && super::target::classify(addr) == super::target::AddressClass::Loopback
}

/// The connection a refused plain-http credential would have gone out on.
enum Clear<'a> {
    Direct(SocketAddr),
    ViaProxy(&'a proxy::Proxy),
}

/// The refusal to send a credential over plain http.
fn refusal(host: &str, on: Clear<'_>) -> NetError {
    let why = match on {
        Clear::Direct(addr) if host.parse::<std::net::IpAddr>().is_ok() => {
            format!("{}, not a loopback address", addr.ip())
        }
        Clear::Direct(addr) => format!("{host}: it is at {}, not a loopback address", addr.ip()),
        Clear::ViaProxy(p) => format!(
            "{host} through the proxy {}, which would forward it unencrypted",
            p.shown()
        ),
    };
    NetError::new(
        Phase::Policy,
        format!(
            "refusing to send a credential over plain http to {why}: use https (plain http is allowed only straight to a loopback address)"
        ),
    )
}

/// Where a request goes: the URL's host and port, the address connected
/// to (the proxy's when there is one), and the proxy.
struct Target<'a> {
    host: &'a str,
    port: u16,
    addr: SocketAddr,
    proxy: Option<&'a proxy::Proxy>,
}

/// The phase a request is in and what stalling there means, so the one
/// deadline of [`Client::send`] can say where the server stopped; and how
/// far it got, for the error.
struct Stage {
    now: std::sync::Mutex<(Phase, String)>,
    reached: std::sync::Mutex<Reached>,
}

impl Default for Stage {
    fn default() -> Self {
        Stage {
            now: std::sync::Mutex::new((Phase::Dns, String::new())),
            reached: std::sync::Mutex::new(Reached::default()),
        }
    }
}

impl Stage {
    fn enter(&self, phase: Phase, what: impl Into<String>) {
        if let Ok(mut s) = self.now.lock() {
            *s = (phase, what.into());
        }
    }

    fn note(&self, f: impl FnOnce(&mut Reached)) {
        if let Ok(mut r) = self.reached.lock() {
            f(&mut r);
        }
    }

    fn reached(&self) -> Reached {
        match self.reached.lock() {
            Ok(r) => r.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

/// Resolves through the operating system (as curl does), before `deadline`.
pub async fn resolve(host: &str, port: u16, deadline: Deadline) -> Result<SocketAddr, NetError> {
    resolve_all(host, port, deadline)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| NetError::new(Phase::Dns, format!("{host} has no address")))
}

/// Every address the operating system's resolver gives for `host`.
pub async fn resolve_all(
    host: &str,
    port: u16,
    deadline: Deadline,
) -> Result<Vec<SocketAddr>, NetError> {
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let what = format!("no answer resolving {host}");
    deadline
        .bound(Phase::Dns, &what, async {
            tokio::net::lookup_host((host, port))
                .await
                .map(|addrs| addrs.collect::<Vec<_>>())
                .map_err(|e| {
                    NetError::new(
                        Phase::Dns,
                        format!("cannot resolve {host}: {}", crate::input::io_reason(&e)),
                    )
                })
        })
        .await
}

fn build(
    req: &Request,
    host: &str,
    port: u16,
    via: Option<&proxy::Proxy>,
) -> Result<http::Request<Full<Bytes>>, NetError> {
    let path = match req.url.query() {
        Some(q) => format!("{}?{q}", req.url.path()),
        None => req.url.path().to_string(),
    };
    // `url` reports no port when the URL's port is its scheme's default.
    let default_port = req.url.port().is_none();
    let authority = match (host.contains(':'), default_port) {
        (true, true) => format!("[{host}]"),
        (true, false) => format!("[{host}]:{port}"),
        (false, true) => host.to_string(),
        (false, false) => format!("{host}:{port}"),
    };
    let uri = match via {
        Some(_) => format!("http://{authority}{path}"),
        None => path,
    };
    let has = |name: &str| {
        req.headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    };
    // A header the request carries replaces plumb's own, as curl's -H does;
    // the connection and the TLS name stay the URL's whatever Host says.
    let mut builder = http::Request::builder().method(req.method.clone()).uri(uri);
    if !has("host") {
        builder = builder.header("host", authority);
    }
    if !has("user-agent") && !req.relay {
        builder = builder.header("user-agent", USER_AGENT);
    }
    if let Some(auth) = via
        .and_then(proxy::Proxy::authorization)
        .filter(|_| !has("proxy-authorization"))
    {
        let value = http::HeaderValue::from_str(auth.expose()).map_err(|_| {
            NetError::new(
                Phase::Http,
                "the proxy credentials cannot be sent in a header",
            )
        })?;
        builder = builder.header("proxy-authorization", value);
    }
    if !has("accept") && !req.relay {
        builder = builder.header("accept", "*/*");
    }
    if !req.body.is_empty() || req.method == http::Method::POST || req.method == http::Method::PUT {
        builder = builder.header("content-length", req.body.len());
    }
    for (name, value) in &req.headers {
        let text = match value {
            Value::Plain(v) => v.as_str(),
            Value::Secret(s) => s.expose(),
        };
        let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            NetError::new(Phase::Http, format!("'{name}' is not a valid header name"))
        })?;
        let value = http::HeaderValue::from_str(text).map_err(|_| {
            let shown = match value {
                Value::Plain(v) => crate::escape::clean(v),
                Value::Secret(s) => s.masked(),
            };
            NetError::new(
                Phase::Http,
                format!(
                    "the value of header {name} ({shown}) has characters a header cannot carry"
                ),
            )
        })?;
        builder = builder.header(name, value);
    }
    builder
        .body(Full::new(Bytes::from(req.body.clone())))
        .map_err(|e| NetError::new(Phase::Http, format!("cannot build the request: {e}")))
}

fn http_error(e: &hyper::Error) -> NetError {
    // hyper's `is_parse_too_large` exists only with its server feature; a
    // head over max_buf_size or max_headers is the parse error whose text
    // is "message head is too large" (hyper 1.x, Parse::TooLarge).
    let too_large = e.is_parse() && e.to_string().contains("too large");
    let message = if too_large {
        format!(
            "the server's response headers are larger than plumb accepts ({} KiB or {MAX_HEADERS} header fields): plumb stopped reading",
            MAX_HEAD / 1024
        )
    } else if e.is_incomplete_message() {
        "the server closed the connection before sending a complete response".to_string()
    } else if e.is_parse() {
        format!("the server's response is not valid HTTP/1.1 ({e})")
    } else if e.is_timeout() {
        "the server stopped answering".to_string()
    } else {
        format!("HTTP exchange failed: {e}")
    };
    NetError::new(Phase::Http, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// More concurrent requests than the process-wide cap: the loopback
    /// server never sees more than MAX_IN_FLIGHT connections at once, and
    /// every request still gets its answer.
    #[tokio::test(flavor = "current_thread")]
    async fn requests_in_flight_are_capped_process_wide() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let open = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let (o, m) = (open.clone(), most.clone());
        tokio::spawn(async move {
            loop {
                let (mut stream, _) = listener.accept().await.unwrap();
                let (o, m) = (o.clone(), m.clone());
                tokio::spawn(async move {
                    let now = o.fetch_add(1, Ordering::SeqCst) + 1;
                    m.fetch_max(now, Ordering::SeqCst);
                    let mut buf = [0u8; 1024];
                    let _ = stream.read(&mut buf).await;
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    o.fetch_sub(1, Ordering::SeqCst);
                    let _ = stream
                        .write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n")
                        .await;
                });
            }
        });
        let ctx =
            crate::context::Ctx::new(Duration::from_secs(20), None, std::time::SystemTime::now());
        let client = Client::new(&ctx).unwrap();
        let url = url::Url::parse(&format!("http://{addr}/")).unwrap();
        let local = tokio::task::LocalSet::new();
        let statuses = local
            .run_until(async {
                let mut set = tokio::task::JoinSet::new();
                for _ in 0..MAX_IN_FLIGHT + 72 {
                    let (client, url) = (client.clone(), url.clone());
                    set.spawn_local(async move {
                        client.send(&Request::get(url)).await.map(|r| r.status)
                    });
                }
                set.join_all().await
            })
            .await;
        assert!(
            statuses.iter().all(|s| matches!(s, Ok(204))),
            "{statuses:?}"
        );
        assert!(
            most.load(Ordering::SeqCst) <= MAX_IN_FLIGHT,
            "{}",
            most.load(Ordering::SeqCst)
        );
        assert!(most.load(Ordering::SeqCst) > 1, "requests ran concurrently");
    }

    #[test]
    fn credentials_are_recognised_in_headers_userinfo_and_query() {
        let url = |s: &str| url::Url::parse(s).unwrap();
        assert!(!Request::get(url("http://h/x")).carries_secret());
        assert!(Request::get(url("http://h/x"))
            .secret_header("authorization", Secret::new("k"))
            .carries_secret());
        assert!(Request::get(url("http://u:p@h/x")).carries_secret());
        assert!(Request::get(url("http://h/x?consumer_key=ck_1")).carries_secret());
    }

    #[test]
    fn shown_urls_mask_credentials() {
        let url = |s: &str| url::Url::parse(s).unwrap();
        let shown = shown_url(&url(
            "https://u:hunter2hunter2xyz@shop.example/wp-json/?consumer_secret=cs_0123456789abcdef0123&page=2",
        ));
        assert!(!shown.contains("hunter2hunter2"), "{shown}");
        assert!(!shown.contains("0123456789abcdef"), "{shown}");
        assert!(shown.contains("page=2"), "{shown}");
        assert_eq!(shown_url(&url("http://h/x?a=1")), "http://h/x?a=1");
        let key_as_user = shown_url(&url("https://sk_live_51HxYzAbCdEfGhIjKl:@api.example/"));
        assert!(!key_as_user.contains("AbCdEf"), "{key_as_user}");
    }

    /// Plain http carries a credential only straight to a loopback
    /// address: decided on the address, whatever the name, and never
    /// through a proxy (it forwards in the clear to a remote service).
    #[test]
    fn clear_text_only_straight_to_a_loopback_address() {
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        for loopback in ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"] {
            assert!(clear_text_allowed(ip(loopback), false), "{loopback}");
            assert!(
                !clear_text_allowed(ip(loopback), true),
                "{loopback} as a proxy"
            );
        }
        for remote in [
            "192.0.2.10",
            "10.0.0.1",
            "0.0.0.0",
            "::",
            "fe80::1",
            "8.8.8.8",
        ] {
            assert!(!clear_text_allowed(ip(remote), false), "{remote}");
        }
        let at = |a: &str| Clear::Direct(a.parse().unwrap());
        let named = refusal("shop.localhost", at("192.0.2.10:80")).message;
        assert!(
            named.contains("shop.localhost: it is at 192.0.2.10, not a loopback"),
            "{named}"
        );
        let literal = refusal("192.0.2.1", at("192.0.2.1:9")).message;
        assert!(
            literal.starts_with("refusing to send a credential over plain http to 192.0.2.1, not"),
            "{literal}"
        );
    }

    /// The sending rules and `secrets()` share one predicate: credential
    /// names in headers and query parameters, and values by their shape.
    #[test]
    fn credentials_by_name_and_shape_are_secrets() {
        let url = |s: &str| url::Url::parse(s).unwrap();
        for u in [
            "http://h/x?password=hunter2",
            "http://h/x?client_secret=abc",
            "http://h/x?X-Amz-Signature=abc",
            "http://h/x?q=sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
        ] {
            let req = Request::get(url(u));
            assert!(req.carries_secret(), "{u}");
            assert_eq!(req.secrets().len(), 1, "{u}");
        }
        let args = |h: &str| {
            Request::get(url("http://h/"))
                .header_args("-H", &[h.to_string()])
                .unwrap()
        };
        for h in [
            "X-Api-Key: abc",
            "Apikey: abc",
            "X-Auth: abc",
            "X-Authorization: abc",
            "X-Custom: Bearer abc",
            "X-Custom: sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
        ] {
            assert!(args(h).carries_secret(), "{h}");
        }
        assert!(!args("X-Trace: 42").carries_secret());
    }

    /// A user header replaces plumb's own and one set before; the body's
    /// framing is plumb's.
    #[test]
    fn user_headers_replace_plumbs_own() {
        let req = Request::new(
            http::Method::POST,
            url::Url::parse("https://example.com:8443/a").unwrap(),
        )
        .header("Content-Type", "application/json")
        .header_args(
            "-H",
            &[
                "Host: other.example".into(),
                "User-Agent: curl/8".into(),
                "content-type: text/plain".into(),
                "X-Twice: 1".into(),
                "X-Twice: 2".into(),
            ],
        )
        .unwrap();
        let built = build(&req, "example.com", 8443, None).unwrap();
        let all = |n: &str| built.headers().get_all(n).iter().count();
        assert_eq!(built.headers()["host"], "other.example");
        assert_eq!(all("host"), 1);
        assert_eq!(built.headers()["user-agent"], "curl/8");
        assert_eq!(all("user-agent"), 1);
        assert_eq!(built.headers()["content-type"], "text/plain");
        assert_eq!(all("content-type"), 1);
        assert_eq!(all("x-twice"), 2);
        for framing in ["Content-Length: 3", "Transfer-Encoding: chunked"] {
            let e = Request::get(url::Url::parse("http://h/").unwrap())
                .header_args("-H", &[framing.to_string()])
                .unwrap_err();
            assert_eq!(e.exit_code(), 2, "{framing}");
        }
    }

    #[test]
    fn request_line_and_host_header() {
        let req = Request::get(url::Url::parse("https://example.com:8443/a/b?c=1").unwrap());
        let built = build(&req, "example.com", 8443, None).unwrap();
        assert_eq!(built.uri(), "/a/b?c=1");
        assert_eq!(built.headers()["host"], "example.com:8443");
        let req = Request::get(url::Url::parse("https://example.com/").unwrap());
        assert_eq!(
            build(&req, "example.com", 443, None).unwrap().headers()["host"],
            "example.com"
        );
    }

    #[test]
    fn a_relayed_request_gets_none_of_plumbs_own_headers() {
        let mut req = Request::new(
            http::Method::POST,
            url::Url::parse("http://127.0.0.1:3000/hooks").unwrap(),
        )
        .relayed()
        .header("x-hub-signature-256", "sha256=ab");
        req.body = b"{}".to_vec();
        let built = build(&req, "127.0.0.1", 3000, None).unwrap();
        assert!(built.headers().get("user-agent").is_none());
        assert!(built.headers().get("accept").is_none());
        assert_eq!(built.headers()["host"], "127.0.0.1:3000");
        assert_eq!(built.headers()["content-length"], "2");
        assert_eq!(built.headers()["x-hub-signature-256"], "sha256=ab");
        let plain = Request::new(http::Method::POST, req.url.clone());
        let built = build(&plain, "127.0.0.1", 3000, None).unwrap();
        assert!(built.headers().get("user-agent").is_some());
    }
}
