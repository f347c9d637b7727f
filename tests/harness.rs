//! The harness's own servers behave as the tests of later commands assume:
//! each certificate defect is one a real TLS client rejects for that reason.

use crate::support::http::{closed_port, Reply, Server, Silent};
use crate::support::tls::{Leaf, Pki, BOTH, TLS12_ONLY, TLS13_ONLY};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

fn client(pki: &Pki) -> rustls::ClientConfig {
    let mut roots = rustls::RootCertStore::empty();
    roots.add(pki.ca_der.clone()).expect("add test CA");
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_root_certificates(roots)
        .with_no_client_auth()
}

/// Handshakes with the server and returns the negotiated version or the error.
fn handshake(pki: &Pki, server: &Server) -> Result<rustls::ProtocolVersion, String> {
    let name = rustls::pki_types::ServerName::try_from("localhost").expect("name");
    let mut conn = rustls::ClientConnection::new(Arc::new(client(pki)), name).expect("client");
    let mut sock = TcpStream::connect(server.addr).expect("connect");
    sock.set_read_timeout(Some(Duration::from_secs(10))).ok();
    while conn.is_handshaking() {
        conn.complete_io(&mut sock).map_err(|e| e.to_string())?;
    }
    Ok(conn.protocol_version().expect("negotiated"))
}

#[test]
fn certificates_fail_for_their_own_reason() {
    let pki = Pki::new();
    let ok = |_: &_| Reply::new(200);
    let cases = [
        (Leaf::Valid, None),
        (Leaf::ExpiresInDays(10), None),
        (Leaf::Expired, Some("certificate expired")),
        (Leaf::NotYetValid, Some("certificate not valid yet")),
        (Leaf::WrongName, Some("not valid for name")),
        (Leaf::SelfSigned, Some("UnknownIssuer")),
    ];
    for (leaf, expected) in cases {
        let server = Server::https(ok, pki.server_config(leaf, BOTH));
        let result = handshake(&pki, &server);
        match expected {
            None => assert!(result.is_ok(), "{leaf:?}: {result:?}"),
            Some(reason) => {
                let err = result.expect_err("must be rejected");
                assert!(err.contains(reason), "{leaf:?}: {err}");
            }
        }
    }
}

#[test]
fn protocol_restricted_servers_negotiate_only_that_version() {
    let pki = Pki::new();
    let ok = |_: &_| Reply::new(200);
    let v12 = Server::https(ok, pki.server_config(Leaf::Valid, TLS12_ONLY));
    assert_eq!(handshake(&pki, &v12), Ok(rustls::ProtocolVersion::TLSv1_2));
    let v13 = Server::https(ok, pki.server_config(Leaf::Valid, TLS13_ONLY));
    assert_eq!(handshake(&pki, &v13), Ok(rustls::ProtocolVersion::TLSv1_3));
}

#[test]
fn http_server_answers_as_scripted_and_records() {
    let server = Server::http(|req| {
        Reply::json(201, r#"{"ok":true}"#)
            .header("x-request-id", &format!("req-{}", req.path_and_query))
    });
    let mut sock = TcpStream::connect(server.addr).expect("connect");
    sock.write_all(
        b"POST /hook?x=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi",
    )
    .expect("send");
    let mut answer = String::new();
    sock.read_to_string(&mut answer).expect("read");
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(answer.contains("x-request-id: req-/hook?x=1"));
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].body, b"hi");
    assert_eq!(seen[0].header("HOST"), Some("t"));
}

#[test]
fn silent_server_accepts_and_never_speaks_and_closed_port_refuses() {
    let silent = Silent::start();
    let mut sock = TcpStream::connect(silent.addr).expect("connect");
    sock.set_read_timeout(Some(Duration::from_millis(200))).ok();
    let mut buf = [0u8; 1];
    let err = sock.read(&mut buf).expect_err("no bytes ever arrive");
    assert!(matches!(
        err.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    ));
    let refused = TcpStream::connect(closed_port()).expect_err("nothing listens");
    assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused);
}
