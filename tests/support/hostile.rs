//! Hostile loopback servers, written on plain std TCP so they can misbehave
//! in ways a well-behaved HTTP library would refuse to: drip the response
//! head a byte a second, send a 10 MB header, cut a TLS handshake short,
//! answer with bytes that are not UTF-8 or not JSON, redirect forever.
//! (The silent server and the endless body live in `support::http`.)

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

/// How the server misbehaves once a request (or ClientHello) arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// A status line and headers, one byte per second.
    Drip,
    /// A response whose single header is 10 MB long.
    HugeHeader,
    /// Reads the TLS ClientHello, sends the first bytes of a handshake
    /// record, then closes the connection.
    CutHandshake,
    /// A 200 labelled JSON whose body is not UTF-8 (and carries a terminal
    /// escape sequence).
    NotUtf8,
    /// A 200 labelled JSON whose body is not JSON.
    NotJson,
    /// Every request is answered with a redirect to another path here.
    RedirectForever,
    /// Reads the TLS ClientHello and answers with a ServerHello choosing
    /// TLS 1.0, as a server that speaks nothing newer does.
    Tls10Only,
}

/// A running hostile server; its threads end when their clients hang up.
pub struct Hostile {
    pub addr: SocketAddr,
}

/// The size of the header [`Act::HugeHeader`] sends.
pub const HUGE: usize = 10 * 1024 * 1024;

impl Hostile {
    pub fn start(act: Act) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || serve(stream, act));
            }
        });
        Hostile { addr }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// `127.0.0.1:PORT`, for commands that take a host and port.
    pub fn target(&self) -> String {
        self.addr.to_string()
    }
}

fn serve(mut stream: TcpStream, act: Act) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    if act == Act::CutHandshake {
        let mut hello = [0u8; 512];
        if stream.read(&mut hello).is_ok() {
            // A handshake record header promising 80 bytes, and 4 of them.
            let _ = stream.write_all(&[0x16, 0x03, 0x03, 0x00, 0x50, 0x02, 0x00, 0x00, 0x4c]);
        }
        return;
    }
    if act == Act::Tls10Only {
        let mut hello = [0u8; 1024];
        if stream.read(&mut hello).is_ok() {
            // ServerHello: version 3.1, 32 random bytes, no session id,
            // TLS_RSA_WITH_AES_128_CBC_SHA, no compression.
            let mut record = vec![
                0x16, 0x03, 0x01, 0x00, 0x2a, 0x02, 0x00, 0x00, 0x26, 0x03, 0x01,
            ];
            record.extend([7u8; 32]);
            record.extend([0x00, 0x00, 0x2f, 0x00]);
            let _ = stream.write_all(&record);
            std::thread::sleep(Duration::from_millis(200));
        }
        return;
    }
    if !read_head(&mut stream) {
        return;
    }
    match act {
        Act::Drip => {
            for byte in
                b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok"
            {
                if stream.write_all(&[*byte]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        }
        Act::HugeHeader => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nx-huge: ");
            let chunk = vec![b'a'; 64 * 1024];
            for _ in 0..HUGE / chunk.len() {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
            }
            let _ = stream.write_all(b"\r\ncontent-length: 0\r\n\r\n");
        }
        Act::NotUtf8 => {
            let body: &[u8] = b"{\"id\":\"\xff\xfe\x1b[31mred\x1b[0m\xc3\x28\"}";
            respond(&mut stream, "200 OK", "", body);
        }
        Act::NotJson => respond(&mut stream, "200 OK", "", b"<html>not json{"),
        Act::RedirectForever => {
            let n = loop_id(&stream);
            let location = format!("location: /loop/{n}\r\n");
            respond(&mut stream, "302 Found", &location, b"");
        }
        Act::CutHandshake | Act::Tls10Only => {}
    }
}

/// A path suffix that differs between connections, so the redirects never
/// repeat a URL.
fn loop_id(stream: &TcpStream) -> u16 {
    stream.peer_addr().map(|a| a.port()).unwrap_or(0)
}

fn respond(stream: &mut TcpStream, status: &str, extra: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\n{extra}content-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

/// Reads until the end of a request head; false if the client went away.
fn read_head(stream: &mut TcpStream) -> bool {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return false,
        }
        if head.len() > 64 * 1024 {
            return false;
        }
    }
    // Drain a request body so closing does not reset the connection.
    let text = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let length = text
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(0);
    let _ = std::io::copy(&mut stream.take(length), &mut std::io::sink());
    true
}
