#![allow(clippy::disallowed_macros)]
//! A loopback load client for `benches/listen.sh` (loopback only):
//!
//! - `listen-load deliveries ADDR N CONNS`: N signed GitHub deliveries
//!   (`It's a Secret to Everybody`) over CONNS keep-alive connections to
//!   `http://ADDR/hooks`; prints `deliveries/s` and how many were 2xx.
//! - `listen-load app PORT_FILE`: a loopback application that answers
//!   200 `ok` to everything; writes its address to PORT_FILE.
//! - `listen-load latency DIRECT VIA N`: N sequential deliveries on one
//!   keep-alive connection to each of DIRECT and VIA (`ADDR/path`),
//!   interleaved; prints the median latency of each and the difference.

use plumb::probes::webhook::signature::{sign, Provider, Scheme};
use plumb::secret::Secret;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const SECRET: &str = "It's a Secret to Everybody";
const BODY: &[u8] = br#"{"action":"opened","number":1,"repository":{"full_name":"octo/hello"}}"#;

fn request(host: &str, path: &str) -> Vec<u8> {
    let headers = sign(
        &Scheme::new(Provider::Github),
        &Secret::new(SECRET),
        BODY,
        0,
        "",
    )
    .expect("signs");
    let mut out = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nX-GitHub-Event: pull_request\r\nX-GitHub-Delivery: 72d3162e-cc78-11e3-81ab-4c9367dc0958\r\nContent-Length: {}\r\n",
        BODY.len()
    )
    .into_bytes();
    for (n, v) in headers {
        out.extend_from_slice(format!("{n}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(BODY);
    out
}

/// Reads one response (head and a Content-Length body); its status.
async fn response(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let status: u16 = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            let total = end + 4 + len;
            while buf.len() < total {
                read_more(stream, buf).await?;
            }
            buf.drain(..total);
            return Ok(status);
        }
        read_more(stream, buf).await?;
    }
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<()> {
    let mut chunk = [0u8; 16 * 1024];
    let n = stream.read(&mut chunk).await?;
    if n == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    buf.extend_from_slice(&chunk[..n]);
    Ok(())
}

fn split(target: &str) -> (String, String) {
    match target.split_once('/') {
        Some((a, p)) => (a.to_string(), format!("/{p}")),
        None => (target.to_string(), "/hooks".to_string()),
    }
}

async fn deliveries(addr: String, n: usize, conns: usize) {
    let req = request(&addr, "/hooks");
    let per = n.div_ceil(conns);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..conns {
        let req = req.clone();
        let addr = addr.clone();
        tasks.push(tokio::spawn(async move {
            let mut ok = 0usize;
            let mut stream = TcpStream::connect(&addr).await.expect("connects");
            let _ = stream.set_nodelay(true);
            let mut buf = Vec::new();
            for _ in 0..per {
                stream.write_all(&req).await.expect("writes");
                match response(&mut stream, &mut buf).await {
                    Ok(s) if (200..300).contains(&s) => ok += 1,
                    Ok(_) => {}
                    Err(_) => {
                        stream = TcpStream::connect(&addr).await.expect("reconnects");
                        buf.clear();
                    }
                }
            }
            ok
        }));
    }
    let mut ok = 0;
    for t in tasks {
        ok += t.await.unwrap_or(0);
    }
    let took = started.elapsed();
    let sent = per * conns;
    println!(
        "deliveries {sent} ok {ok} seconds {:.3} per_second {:.0}",
        took.as_secs_f64(),
        sent as f64 / took.as_secs_f64()
    );
}

async fn app(port_file: String) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let addr = listener.local_addr().expect("address");
    std::fs::write(&port_file, addr.to_string()).expect("writes the port file");
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            continue;
        };
        tokio::spawn(async move {
            let _ = stream.set_nodelay(true);
            let mut buf = Vec::new();
            loop {
                // One request: head, then a Content-Length body.
                let end = loop {
                    if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        break end;
                    }
                    if read_more(&mut stream, &mut buf).await.is_err() {
                        return;
                    }
                };
                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                let len: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                while buf.len() < end + 4 + len {
                    if read_more(&mut stream, &mut buf).await.is_err() {
                        return;
                    }
                }
                buf.drain(..end + 4 + len);
                let answer =
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
                if stream.write_all(answer).await.is_err() {
                    return;
                }
            }
        });
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

async fn latency(direct: String, via: String, n: usize) {
    let (da, dp) = split(&direct);
    let (va, vp) = split(&via);
    let dreq = request(&da, &dp);
    let vreq = request(&va, &vp);
    let mut d = TcpStream::connect(&da).await.expect("connects");
    let mut v = TcpStream::connect(&va).await.expect("connects");
    let _ = d.set_nodelay(true);
    let _ = v.set_nodelay(true);
    let (mut dbuf, mut vbuf) = (Vec::new(), Vec::new());
    let (mut dt, mut vt) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let t = Instant::now();
        d.write_all(&dreq).await.expect("writes");
        response(&mut d, &mut dbuf).await.expect("direct answer");
        dt.push(t.elapsed());
        let t = Instant::now();
        v.write_all(&vreq).await.expect("writes");
        let status = response(&mut v, &mut vbuf).await.expect("forwarded answer");
        assert_eq!(status, 200, "the forwarded delivery was not accepted");
        vt.push(t.elapsed());
    }
    let (dm, vm) = (median(dt), median(vt));
    println!(
        "direct_median_us {:.0} forwarded_median_us {:.0} added_us {:.0}",
        dm.as_secs_f64() * 1e6,
        vm.as_secs_f64() * 1e6,
        (vm.as_secs_f64() - dm.as_secs_f64()) * 1e6
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    let num = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    match arg(1).as_str() {
        "deliveries" => runtime.block_on(deliveries(arg(2), num(3, 20_000), num(4, 8))),
        "app" => runtime.block_on(app(arg(2))),
        "latency" => runtime.block_on(latency(arg(2), arg(3), num(4, 2000))),
        _ => {
            eprintln!(
                "usage: listen-load deliveries ADDR N CONNS | app PORT_FILE | latency DIRECT VIA N"
            );
            std::process::exit(2);
        }
    }
}
