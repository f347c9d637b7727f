//! A scripted DNS server on loopback (UDP), built on hickory-proto: each
//! query is answered as the test's script says — records, NXDOMAIN,
//! SERVFAIL, REFUSED, or silence.

use hickory_proto::op::{Message, OpCode, ResponseCode};
use hickory_proto::rr::rdata::{A, AAAA, CNAME, MX, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How the server answers one query.
pub enum Reply {
    /// NOERROR with these records (empty: NODATA).
    Records(Vec<Record>),
    NxDomain,
    ServFail,
    Refused,
    /// No answer at all.
    Silent,
}

/// A record owned by `name`.
pub fn a(name: &str, ttl: u32, ip: &str) -> Record {
    let data = match ip.parse::<IpAddr>().expect("test IP") {
        IpAddr::V4(v4) => RData::A(A(v4)),
        IpAddr::V6(v6) => RData::AAAA(AAAA(v6)),
    };
    Record::from_rdata(fqdn(name), ttl, data)
}

pub fn cname(name: &str, ttl: u32, target: &str) -> Record {
    Record::from_rdata(fqdn(name), ttl, RData::CNAME(CNAME(fqdn(target))))
}

pub fn mx(name: &str, ttl: u32, pref: u16, host: &str) -> Record {
    Record::from_rdata(fqdn(name), ttl, RData::MX(MX::new(pref, fqdn(host))))
}

pub fn txt(name: &str, ttl: u32, text: &str) -> Record {
    Record::from_rdata(
        fqdn(name),
        ttl,
        RData::TXT(TXT::new(vec![text.to_string()])),
    )
}

fn fqdn(name: &str) -> Name {
    Name::from_ascii(format!("{name}.")).expect("test name")
}

type Script = dyn Fn(&str, RecordType) -> Reply + Send + Sync;

/// A DNS server on 127.0.0.1; it stops when dropped.
pub struct DnsServer {
    pub addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl DnsServer {
    /// Answers each query with `script(name, type)`; the name is
    /// lowercase without the final dot.
    pub fn start(script: impl Fn(&str, RecordType) -> Reply + Send + Sync + 'static) -> Self {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind UDP");
        socket
            .set_read_timeout(Some(Duration::from_millis(50)))
            .expect("read timeout");
        let addr = socket.local_addr().expect("local addr");
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let script: Box<Script> = Box::new(script);
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while !flag.load(Ordering::Relaxed) {
                let Ok((len, peer)) = socket.recv_from(&mut buf) else {
                    continue;
                };
                if let Some(bytes) = answer(&buf[..len], &*script) {
                    let _ = socket.send_to(&bytes, peer);
                }
            }
        });
        DnsServer {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    /// A server that never answers.
    pub fn silent() -> Self {
        Self::start(|_, _| Reply::Silent)
    }

    /// `127.0.0.1:PORT`, as `--resolver` takes it.
    pub fn arg(&self) -> String {
        self.addr.to_string()
    }
}

impl Drop for DnsServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn answer(request: &[u8], script: &Script) -> Option<Vec<u8>> {
    let request = Message::from_vec(request).ok()?;
    let query = request.queries.first()?.clone();
    let name = query
        .name()
        .to_ascii()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let mut response = Message::response(request.id, OpCode::Query);
    response.metadata.recursion_desired = request.recursion_desired;
    response.metadata.recursion_available = true;
    response.add_query(query.clone());
    match script(&name, query.query_type()) {
        Reply::Silent => return None,
        Reply::NxDomain => response.metadata.response_code = ResponseCode::NXDomain,
        Reply::ServFail => response.metadata.response_code = ResponseCode::ServFail,
        Reply::Refused => response.metadata.response_code = ResponseCode::Refused,
        Reply::Records(records) => {
            response.add_answers(records);
        }
    }
    response.to_vec().ok()
}

/// The zones most tests share: one server answers them all.
pub fn zones(name: &str, qtype: RecordType) -> Reply {
    use RecordType::{A as Q4, AAAA as Q6, MX as QMX, TXT as QTXT};
    match (name, qtype) {
        ("plain.test", Q4) => Reply::Records(vec![a("plain.test", 300, "93.184.216.34")]),
        ("plain.test", Q6) => Reply::Records(vec![a("plain.test", 300, "2606:2800:220:1::1")]),
        ("plain.test", QMX) => Reply::Records(vec![mx("plain.test", 3600, 10, "mail.plain.test")]),
        ("plain.test", QTXT) => Reply::Records(vec![txt("plain.test", 3600, "v=spf1 -all")]),
        ("plain.test", _) => Reply::Records(vec![]),
        ("www.chain.test", t) => {
            let mut chain = vec![
                cname("www.chain.test", 600, "edge.chain.test"),
                cname("edge.chain.test", 120, "edge.cdn.test"),
            ];
            match t {
                Q4 => chain.push(a("edge.cdn.test", 30, "151.101.1.1")),
                Q6 => chain.push(a("edge.cdn.test", 30, "2a04:4e42::1")),
                _ => {}
            }
            Reply::Records(chain)
        }
        ("nx.test", _) => Reply::NxDomain,
        ("servfail.test", _) => Reply::ServFail,
        ("refused.test", _) => Reply::Refused,
        ("blocked.test", Q4) => Reply::Records(vec![a("blocked.test", 60, "0.0.0.0")]),
        ("blocked.test", Q6) => Reply::Records(vec![a("blocked.test", 60, "::")]),
        ("private.test", Q4) => Reply::Records(vec![a("private.test", 60, "10.20.30.40")]),
        ("silent.test", _) => Reply::Silent,
        (_, _) if name.ends_with(".test") => Reply::Records(vec![]),
        _ => Reply::NxDomain,
    }
}
