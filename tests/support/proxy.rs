//! A forward proxy on loopback, as a corporate network has one: it answers
//! `CONNECT` by opening a tunnel to one upstream server (whatever host the
//! client names, so a test can use a service-like name with a loopback
//! server), answers absolute-form plain-http requests itself, can demand
//! Basic credentials, and records every request head it sees.

use base64::Engine as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub struct Proxy {
    pub addr: SocketAddr,
    seen: Arc<Mutex<Vec<String>>>,
    _background: super::Background,
}

impl Proxy {
    /// Tunnels every CONNECT to `upstream`; with `credentials`
    /// (`user:password`) anything without them gets a 407.
    pub fn start(upstream: SocketAddr, credentials: Option<&str>) -> Self {
        let background = super::Background::new();
        let runtime = background.runtime();
        let listener = runtime
            .block_on(TcpListener::bind("127.0.0.1:0"))
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let expected = credentials.map(|c| {
            format!(
                "basic {}",
                base64::engine::general_purpose::STANDARD.encode(c)
            )
        });
        let record = seen.clone();
        runtime.spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let record = record.clone();
                let expected = expected.clone();
                tokio::spawn(serve(stream, upstream, expected, record));
            }
        });
        Proxy {
            addr,
            seen,
            _background: background,
        }
    }

    /// `http://127.0.0.1:PORT`, for HTTPS_PROXY.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://USER:PASSWORD@127.0.0.1:PORT`.
    pub fn url_with(&self, credentials: &str) -> String {
        format!("http://{credentials}@{}", self.addr)
    }

    /// Every request head the proxy received, as text.
    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().expect("seen lock").clone()
    }
}

async fn serve(
    mut client: TcpStream,
    upstream: SocketAddr,
    expected: Option<String>,
    seen: Arc<Mutex<Vec<String>>>,
) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match client.read(&mut byte).await {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    seen.lock().expect("seen lock").push(text.clone());
    if let Some(expected) = expected {
        let given = text
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("proxy-authorization")
                    .then(|| value.trim().to_ascii_lowercase())
            })
            .unwrap_or_default();
        // Base64 is case-sensitive; compare the scheme loosely only.
        let matches = given.len() == expected.len() && text.contains(&expected["basic ".len()..]);
        if !matches {
            let _ = client
                .write_all(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\ncontent-length: 0\r\n\r\n")
                .await;
            return;
        }
    }
    if text.starts_with("CONNECT ") {
        let Ok(mut server) = TcpStream::connect(upstream).await else {
            let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n").await;
            return;
        };
        if client
            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .await
            .is_err()
        {
            return;
        }
        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
    } else {
        let line = text.lines().next().unwrap_or("").to_string();
        let body = format!("proxied {line}");
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = client.write_all(answer.as_bytes()).await;
    }
}
