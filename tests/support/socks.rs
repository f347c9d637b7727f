//! A SOCKS5 proxy on loopback (RFC 1928, with RFC 1929's user name and
//! password when asked): it answers CONNECT for any target by opening a
//! tunnel to one upstream server, and records the target each client
//! named, so a test can tell a name the proxy resolved (`socks5h`) from an
//! address the client resolved (`socks5`).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub struct Socks {
    pub addr: SocketAddr,
    targets: Arc<Mutex<Vec<String>>>,
    _background: super::Background,
}

impl Socks {
    /// Tunnels every CONNECT to `upstream`; with `login` (`user`,
    /// `password`) a client must log in with them.
    pub fn start(upstream: SocketAddr, login: Option<(&str, &str)>) -> Self {
        let background = super::Background::new();
        let runtime = background.runtime();
        let listener = runtime
            .block_on(TcpListener::bind("127.0.0.1:0"))
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let targets = Arc::new(Mutex::new(Vec::new()));
        let record = targets.clone();
        let login = login.map(|(u, p)| (u.to_string(), p.to_string()));
        runtime.spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let record = record.clone();
                let login = login.clone();
                tokio::spawn(async move {
                    let _ = serve(stream, upstream, login, record).await;
                });
            }
        });
        Socks {
            addr,
            targets,
            _background: background,
        }
    }

    /// `SCHEME://127.0.0.1:PORT`.
    pub fn url(&self, scheme: &str) -> String {
        format!("{scheme}://{}", self.addr)
    }

    /// Every target named in a CONNECT: `name:port` or `ip:port`.
    pub fn targets(&self) -> Vec<String> {
        self.targets.lock().expect("targets lock").clone()
    }
}

async fn serve(
    mut client: TcpStream,
    upstream: SocketAddr,
    login: Option<(String, String)>,
    targets: Arc<Mutex<Vec<String>>>,
) -> std::io::Result<()> {
    let mut two = [0u8; 2];
    client.read_exact(&mut two).await?;
    let mut methods = vec![0u8; usize::from(two[1])];
    client.read_exact(&mut methods).await?;
    let wanted = if login.is_some() { 2 } else { 0 };
    if !methods.contains(&wanted) {
        client.write_all(&[5, 0xff]).await?;
        return Ok(());
    }
    client.write_all(&[5, wanted]).await?;
    if let Some((user, password)) = login {
        let mut v = [0u8; 2];
        client.read_exact(&mut v).await?;
        let mut u = vec![0u8; usize::from(v[1])];
        client.read_exact(&mut u).await?;
        let mut pl = [0u8; 1];
        client.read_exact(&mut pl).await?;
        let mut p = vec![0u8; usize::from(pl[0])];
        client.read_exact(&mut p).await?;
        let ok = u == user.as_bytes() && p == password.as_bytes();
        client.write_all(&[1, if ok { 0 } else { 1 }]).await?;
        if !ok {
            return Ok(());
        }
    }
    let mut head = [0u8; 4];
    client.read_exact(&mut head).await?;
    let host = match head[3] {
        1 => {
            let mut ip = [0u8; 4];
            client.read_exact(&mut ip).await?;
            std::net::Ipv4Addr::from(ip).to_string()
        }
        4 => {
            let mut ip = [0u8; 16];
            client.read_exact(&mut ip).await?;
            format!("[{}]", std::net::Ipv6Addr::from(ip))
        }
        _ => {
            let mut len = [0u8; 1];
            client.read_exact(&mut len).await?;
            let mut name = vec![0u8; usize::from(len[0])];
            client.read_exact(&mut name).await?;
            String::from_utf8_lossy(&name).into_owned()
        }
    };
    let mut port = [0u8; 2];
    client.read_exact(&mut port).await?;
    targets
        .lock()
        .expect("targets lock")
        .push(format!("{host}:{}", u16::from_be_bytes(port)));
    let Ok(mut server) = TcpStream::connect(upstream).await else {
        client.write_all(&[5, 5, 0, 1, 0, 0, 0, 0, 0, 0]).await?;
        return Ok(());
    };
    client.write_all(&[5, 0, 0, 1, 127, 0, 0, 1, 0, 0]).await?;
    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
    Ok(())
}
