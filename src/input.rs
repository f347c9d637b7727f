//! Reading user-supplied values and files, with errors that name the flag.

use crate::error::{Error, Result};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Largest value plumb reads from standard input for a single credential.
pub const MAX_STDIN_VALUE: u64 = 1024 * 1024;

/// Reads at most `limit` bytes from standard input. Returns the bytes and
/// whether more were available.
pub fn read_stdin(limit: u64) -> Result<(Vec<u8>, bool)> {
    crate::output::note_stdin()?;
    let mut buf = Vec::new();
    let stdin = std::io::stdin();
    let mut handle = stdin.lock().take(limit + 1);
    handle
        .read_to_end(&mut buf)
        .map_err(|e| Error::usage(format!("cannot read standard input: {e}")))?;
    let truncated = buf.len() as u64 > limit;
    buf.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok((buf, truncated))
}

/// Reads a whole file named by `flag`, or standard input for `-`.
pub fn read_file(flag: &str, path: &Path, limit: u64) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let (bytes, truncated) = read_stdin(limit)?;
        if truncated {
            return Err(Error::usage(format!(
                "{flag} -: standard input is larger than {limit} bytes"
            )));
        }
        return Ok(bytes);
    }
    let shown = path.display();
    let file = open(&format!("{flag} {shown}"), path)?;
    let mut buf = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::usage(format!("{flag} {shown}: {}", io_reason(&e))))?;
    if buf.len() as u64 > limit {
        return Err(Error::usage(format!(
            "{flag} {shown}: file is larger than {limit} bytes"
        )));
    }
    Ok(buf)
}

/// Opens a file for reading; `what` starts the one-line error (the flag and
/// file name, or just the file name for a positional argument).
pub fn open(what: &str, path: &Path) -> Result<std::fs::File> {
    let meta =
        std::fs::metadata(path).map_err(|e| Error::usage(format!("{what}: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(Error::usage(format!("{what}: is a directory, not a file")));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Error::usage(format!("{what}: {}", io_reason(&e))))?;
    // No output of this run may replace a file it reads.
    crate::output::note_used(what, &file)?;
    Ok(file)
}

/// Opens a streamed input named on the command line: `-` is standard
/// input, anything else a file (errors as [`open`], naming `what`). Returns
/// the raw stream and, for a file, its size.
pub fn open_stream(what: &str, path: &Path) -> Result<(Box<dyn Read>, Option<u64>)> {
    if path.as_os_str() == "-" {
        // Not locked: a command may open `-` twice (`plumb logs - -`), and
        // a second lock in the same thread would wait forever.
        crate::output::note_stdin()?;
        return Ok((Box::new(std::io::stdin()), None));
    }
    let file = open(what, path)?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(file), size))
}

/// What a stream's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Gzip,
    Xz,
    Bzip2,
    Zstd,
    /// An archive or compression plumb does not read, by its name.
    Unreadable(&'static str),
}

impl Format {
    /// How a message names it ("a gzip stream").
    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "text",
            Format::Gzip => "gzip",
            Format::Xz => "xz",
            Format::Bzip2 => "bzip2",
            Format::Zstd => "zstd",
            Format::Unreadable(name) => name,
        }
    }

    /// A usage error naming an archive or compression plumb does not read.
    pub fn readable(self, what: &str) -> Result<()> {
        match self {
            Format::Unreadable(name) => Err(Error::usage(format!(
                "{what}: a {name}, which plumb does not read; extract the log first (plumb reads plain text and gzip, xz, bzip2 or zstd streams)"
            ))),
            _ => Ok(()),
        }
    }

    /// Recognises the formats by their magic bytes (RFC 1952 for gzip, the
    /// xz, bzip2 and zstd file formats, and the common archives), never by
    /// the file's name.
    pub fn sniff(head: &[u8]) -> Format {
        const TAR_MAGIC_AT: usize = 257;
        if head.starts_with(&[0x1f, 0x8b]) {
            Format::Gzip
        } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0x00]) {
            Format::Xz
        } else if head.starts_with(b"BZh") && head.get(3).is_some_and(|b| (b'1'..=b'9').contains(b))
        {
            Format::Bzip2
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Format::Zstd
        } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            Format::Unreadable("zip archive")
        } else if head.starts_with(&[b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c]) {
            Format::Unreadable("7z archive")
        } else if head.starts_with(&[0x04, 0x22, 0x4d, 0x18]) {
            Format::Unreadable("lz4 stream")
        } else if head.starts_with(b"LZIP") {
            Format::Unreadable("lzip stream")
        } else if head
            .get(TAR_MAGIC_AT..TAR_MAGIC_AT + 5)
            .is_some_and(|m| m == b"ustar")
        {
            Format::Unreadable("tar archive")
        } else {
            Format::Plain
        }
    }
}

/// Largest window (zstd) or dictionary (xz) a compressed input may ask
/// for: what `zstd -19` and `xz -9` use, and a bound on the memory a
/// hostile header can make plumb allocate.
const MAX_ZSTD_WINDOW: u64 = 32 * 1024 * 1024;
const MAX_XZ_DICT_KIB: u32 = 64 * 1024;

const BUFFER: usize = 256 * 1024;

/// Buffers a raw stream and tells its format from its first bytes.
pub fn sniffed(what: &str, raw: Box<dyn Read>) -> Result<(BufReader<Box<dyn Read>>, Format)> {
    let mut reader = BufReader::with_capacity(BUFFER, raw);
    let head = reader
        .fill_buf()
        .map_err(|e| Error::usage(format!("{what}: {}", io_reason(&e))))?;
    let format = Format::sniff(head);
    Ok((reader, format))
}

/// The decoded bytes of a sniffed stream: every member or frame of a
/// gzip, xz, bzip2 or zstd stream is decompressed (as `cat a.gz b.gz` and
/// log rotation write them); plain text passes through; an archive is a
/// usage error that says how to get at its text. A corrupt stream shows up
/// later as a read error.
pub fn decoder(
    what: &str,
    reader: BufReader<Box<dyn Read>>,
    format: Format,
) -> Result<Box<dyn BufRead>> {
    let boxed: Box<dyn Read> = match format {
        Format::Plain => return Ok(Box::new(reader)),
        Format::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(reader)),
        Format::Xz => Box::new(lzma_rust2::XzReader::new_mem_limit(
            reader,
            true,
            MAX_XZ_DICT_KIB,
        )),
        Format::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(reader)),
        Format::Zstd => Box::new(Zstd::new(reader)),
        Format::Unreadable(_) => return format.readable(what).map(|()| Box::new(reader) as _),
    };
    Ok(Box::new(BufReader::with_capacity(BUFFER, boxed)))
}

/// The decoded bytes of a raw stream ([`sniffed`], then [`decoder`]).
pub fn decoded(what: &str, raw: Box<dyn Read>) -> Result<Box<dyn BufRead>> {
    let (reader, format) = sniffed(what, raw)?;
    decoder(what, reader, format)
}

/// Every frame of a zstd stream in turn (ruzstd's decoder reads one).
struct Zstd {
    frame: Option<
        ruzstd::decoding::StreamingDecoder<
            BufReader<Box<dyn Read>>,
            ruzstd::decoding::FrameDecoder,
        >,
    >,
    source: Option<BufReader<Box<dyn Read>>>,
}

impl Zstd {
    fn new(source: BufReader<Box<dyn Read>>) -> Self {
        Zstd {
            frame: None,
            source: Some(source),
        }
    }
}

impl Read for Zstd {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            if let Some(mut frame) = self.frame.take() {
                let n = frame.read(buf)?;
                if n > 0 || buf.is_empty() {
                    self.frame = Some(frame);
                    return Ok(n);
                }
                // This frame is done; another may follow.
                self.source = Some(frame.into_inner());
            }
            let Some(mut source) = self.source.take() else {
                return Ok(0);
            };
            if source.fill_buf()?.is_empty() {
                return Ok(0);
            }
            let frame = ruzstd::decoding::StreamingDecoder::new_with_max_window_size(
                source,
                MAX_ZSTD_WINDOW,
            )
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
            self.frame = Some(frame);
        }
    }
}

/// Why a bounded read stopped before the end of its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// The decoded data reached this many bytes (a size cap).
    Size(u64),
    /// The run's time budget (`--max-time`) ran out.
    Time,
}

/// What a bounded read may take: decoded bytes, and time.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub max_bytes: u64,
    pub deadline: std::time::Instant,
}

/// Set by a [`Bounded`] reader when it stops its input early; the reader
/// then fails every call, and whoever drove it asks here why.
pub type CutFlag = std::rc::Rc<std::cell::Cell<Option<Cut>>>;

/// A reader that stops at a size cap or at a deadline, checked on every
/// read: decompression and parsing are CPU-bound and a device such as
/// /dev/zero never ends, so the read loop itself must notice. On a cut it
/// fails with an error and sets its flag.
pub struct Bounded<R> {
    inner: R,
    read: u64,
    bounds: Bounds,
    cut: CutFlag,
}

impl<R: Read> Bounded<R> {
    pub fn new(inner: R, bounds: Bounds, cut: CutFlag) -> Self {
        Bounded {
            inner,
            read: 0,
            bounds,
            cut,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let stop = |cut: &CutFlag, why: Cut| {
            cut.set(Some(why));
            Err(std::io::Error::other("stopped: a bound was reached"))
        };
        if let Some(why) = self.cut.get() {
            return stop(&self.cut, why);
        }
        if std::time::Instant::now() >= self.bounds.deadline {
            return stop(&self.cut, Cut::Time);
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.bounds.max_bytes {
            return stop(&self.cut, Cut::Size(self.bounds.max_bytes));
        }
        Ok(n)
    }
}

/// [`decoded`], bounded: at most `bounds.max_bytes` decoded bytes are
/// delivered, and none after `bounds.deadline`; `cut` says which stopped it.
pub fn decoded_within(
    what: &str,
    raw: Box<dyn Read>,
    bounds: Bounds,
    cut: &CutFlag,
) -> Result<Box<dyn BufRead>> {
    let inner = decoded(what, raw)?;
    Ok(Box::new(BufReader::with_capacity(
        BUFFER,
        Bounded::new(inner, bounds, cut.clone()),
    )))
}

pub use crate::error::io_reason;

/// Splits an HTTP message at the blank line that ends its head (CRLF CRLF
/// or a bare LF LF, whichever comes first): the head without the blank
/// line, and what follows it. `None` while no blank line is there. Shared
/// by every reader of raw HTTP (captured requests and responses, a proxy's
/// answer to CONNECT).
pub fn split_head(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = memchr::memmem::find(bytes, b"\r\n\r\n").map(|i| (i, 4));
    let lf = memchr::memmem::find(bytes, b"\n\n").map(|i| (i, 2));
    let (i, n) = [crlf, lf].into_iter().flatten().min_by_key(|(i, _)| *i)?;
    Some((&bytes[..i], &bytes[i + n..]))
}

/// Parses a `-H 'Name: value'` argument. The name must be a valid HTTP
/// token; surrounding whitespace of the value is dropped. An error never
/// echoes the argument: a malformed one is often a pasted credential
/// (`-H 'Bearer sk_live_…'`), so it is shown only masked.
pub fn parse_header(flag: &str, arg: &str) -> Result<(String, String)> {
    let Some((name, value)) = arg.split_once(':') else {
        return Err(Error::usage(format!(
            "{flag} '{}': expected 'Name: value' (no ':' found)",
            crate::secret::mask(arg.trim())
        )));
    };
    let name = name.trim();
    let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(token) {
        return Err(Error::usage(format!(
            "{flag} '{}: …': the header name is not a valid HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)",
            crate::secret::mask(name)
        )));
    }
    let value = value.trim();
    if value.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) {
        return Err(Error::usage(format!(
            "{flag} {name}: the value contains a line break or NUL"
        )));
    }
    Ok((name.to_string(), value.to_string()))
}

/// Whether a request header carries a credential, by its name or by the
/// shape of its value: `Authorization`, `X-Authorization`, `Cookie`,
/// `X-Auth`, `Apikey`, names with `token`, `secret`, `password`, `session`
/// or `signature` in them or ending in `-key`, and any header whose value
/// looks like a credential ([`looks_like_credential`]). Such a header is
/// never sent over plain http to an address that is not loopback, never
/// follows a redirect to another origin, and is redacted from output.
pub fn is_secret_header(name: &str, value: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower == "idempotency-key" {
        // Stripe's and others' de-duplication key: chosen by the caller.
        return false;
    }
    let n = squeezed(&lower);
    n.contains("authoriz")
        || n.ends_with("auth")
        || n.contains("cookie")
        || n.contains("token")
        || n.contains("secret")
        || n.contains("passw")
        || n.contains("session")
        || n.contains("signature")
        || n.contains("apikey")
        || n == "key"
        || lower.ends_with("-key")
        || lower.ends_with("_key")
        || looks_like_credential(value)
}

/// Whether a URL query parameter carries a credential, by its name or by
/// the shape of its value: WooCommerce's `consumer_key`/`consumer_secret`,
/// `api_key`/`apikey`/`api-key`, `key`, `password`/`passwd`/`pwd`,
/// `client_secret`, `access_token`/`refresh_token`/`id_token`/`token`,
/// `signature`/`sig` (presigned URLs), `auth`, `session`, `private_token`,
/// and any value that looks like a credential. The same rules as for
/// [`is_secret_header`] apply to them.
pub fn is_secret_param(name: &str, value: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let n = squeezed(&lower);
    n.contains("token")
        || n.contains("secret")
        || n.contains("passw")
        || n.contains("apikey")
        || n.contains("signature")
        || n.contains("session")
        || n.contains("authoriz")
        || n.ends_with("auth")
        || n.ends_with("key")
        || n.contains("credential")
        || matches!(n.as_str(), "sig" | "pwd" | "pass" | "sid")
        || looks_like_credential(value)
}

/// A lower-case name without `-` and `_`, so `X-Api-Key`, `api_key` and
/// `apikey` compare alike.
fn squeezed(lower: &str) -> String {
    lower.chars().filter(|c| !matches!(c, '-' | '_')).collect()
}

/// Whether a value is a credential by its shape, whatever it is called: an
/// HTTP authorization value (`Bearer …`, `Basic …`, `Token …`), or a key
/// or token `plumb credential` recognises (Stripe secret and restricted
/// keys, `whsec_` secrets, Shopify and Mailchimp tokens, WooCommerce keys,
/// `prefix_live_…` keys, JWTs, GitHub and Slack tokens).
pub fn looks_like_credential(value: &str) -> bool {
    let v = value.trim();
    if let Some((scheme, rest)) = v.split_once(' ') {
        let scheme = scheme.to_ascii_lowercase();
        if matches!(
            scheme.as_str(),
            "bearer" | "basic" | "token" | "digest" | "bot"
        ) && !rest.trim().is_empty()
        {
            return true;
        }
    }
    credential_kind(v)
}

/// The one call into credential recognition by kind, so where the kinds
/// live can change in one place.
fn credential_kind(value: &str) -> bool {
    use crate::credentials::{identify, Kind};
    matches!(
        identify(value).kind,
        Kind::StripeSecret { .. }
            | Kind::StripeRestricted { .. }
            | Kind::WebhookSecret { .. }
            | Kind::ShopifyToken { .. }
            | Kind::ShopifyAppSecret
            | Kind::Mailchimp { .. }
            | Kind::WooKey
            | Kind::WooSecret
            | Kind::Prefixed { .. }
            | Kind::Jwt(_)
            | Kind::GitHubToken
            | Kind::SlackToken
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_blank_line_ends_the_head() {
        let crlf = b"HTTP/1.1 200 OK\r\n\r\nbody\n\nmore";
        assert_eq!(
            split_head(crlf),
            Some((&b"HTTP/1.1 200 OK"[..], &b"body\n\nmore"[..]))
        );
        // Past the terminator: 15 + 4 and 15 + 2 bytes.
        assert_eq!(
            split_head(b"HTTP/1.1 200 OK\r\n\r\n").map(|(h, r)| h.len() + 4 + r.len()),
            Some(19)
        );
        assert_eq!(
            split_head(b"HTTP/1.1 200 OK\n\n").map(|(h, r)| h.len() + 2 + r.len()),
            Some(17)
        );
        assert_eq!(split_head(b"HTTP/1.1 200 OK\r\n"), None);
        assert_eq!(
            split_head(b"a\n\nb\r\n\r\nc"),
            Some((&b"a"[..], &b"b\r\n\r\nc"[..]))
        );
    }

    #[test]
    fn header_arguments() {
        assert_eq!(
            parse_header("-H", "X-Test:  a b ").unwrap(),
            ("X-Test".into(), "a b".into())
        );
        assert_eq!(
            parse_header("-H", "Accept:").unwrap(),
            ("Accept".into(), String::new())
        );
        assert!(parse_header("-H", "no colon").is_err());
        let leak = "Bearer sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt";
        for arg in [leak.to_string(), format!("{leak}: x")] {
            let e = parse_header("-H", &arg).unwrap_err().to_string();
            assert!(!e.contains("AbCdEfGh"), "{e}");
            assert!(!e.contains('\n'), "{e}");
        }
        assert!(parse_header("-H", ": value").is_err());
        assert!(parse_header("-H", "Bad Name: v").is_err());
    }

    #[test]
    fn credential_headers_by_name() {
        for name in [
            "Authorization",
            "Proxy-Authorization",
            "X-Authorization",
            "X-Shopify-Access-Token",
            "X-Api-Key",
            "Api-Key",
            "Apikey",
            "X-Auth",
            "X-Auth-Token",
            "Auth",
            "Cookie",
            "X-Session-Id",
            "X-Client-Secret",
            "X-Private-Key",
            "X-Password",
            "X-Hub-Signature-256",
            "Key",
        ] {
            assert!(is_secret_header(name, "x"), "{name}");
        }
        for name in [
            "Content-Type",
            "Accept",
            "User-Agent",
            "Host",
            "Idempotency-Key",
            "X-Author",
            "X-Request-Id",
            "Origin",
        ] {
            assert!(!is_secret_header(name, "text/plain"), "{name}");
        }
    }

    #[test]
    fn credential_params_by_name() {
        for name in [
            "password",
            "passwd",
            "pwd",
            "client_secret",
            "access_token",
            "refresh_token",
            "id_token",
            "token",
            "signature",
            "sig",
            "X-Amz-Signature",
            "api_key",
            "apikey",
            "api-key",
            "key",
            "auth",
            "session",
            "sessionid",
            "private_token",
            "consumer_key",
            "consumer_secret",
            "secret",
        ] {
            assert!(is_secret_param(name, "x"), "{name}");
        }
        for name in ["page", "per_page", "author", "q", "id", "status", "format"] {
            assert!(!is_secret_param(name, "2"), "{name}");
        }
    }

    #[test]
    fn credentials_by_the_shape_of_the_value() {
        for value in [
            "Bearer abc.def",
            "basic dXNlcjpwYXNz",
            "sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
            "rk_test_51HxYzAbCdEfGhIjKlMnOpQrSt",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "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",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl",
        ] {
            assert!(looks_like_credential(value), "{value}");
            assert!(is_secret_header("X-Custom", value), "{value}");
            assert!(is_secret_param("q", value), "{value}");
        }
        for value in ["application/json", "2", "hello world", "no-cache"] {
            assert!(!looks_like_credential(value), "{value}");
        }
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Regression found by `a_malformed_header_never_echoes_its_value`: a
    /// bare key given as `-H` was printed whole in the error.
    #[test]
    fn a_bare_key_is_masked() {
        let e = parse_header("-H", "sk_live_51Habcdefghijklmnopqrstuvwx").unwrap_err();
        assert_eq!(
            e.to_string(),
            "-H 'sk_live_…uvwx': expected 'Name: value' (no ':' found)"
        );
        let e = parse_header("-H", "Bad Name: Bearer sk_live_51Habcdefghijkl").unwrap_err();
        assert!(!e.to_string().contains("Bearer"), "{e}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any argument: a header or a one-line usage error.
        #[test]
        fn any_argument_never_panics(arg in "\\PC{0,60}|[ -~\r\n\0]{0,40}") {
            if let Err(e) = parse_header("-H", &arg) {
                prop_assert_eq!(e.exit_code(), 2);
            }
        }

        /// format→parse: `Name: value` reads back as the name and value.
        #[test]
        fn header_round_trips(name in "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}", value in "([!-~]([ -~]{0,30}[!-~])?)?") {
            let got = parse_header("-H", &format!("{name}: {value}")).unwrap();
            prop_assert_eq!(got, (name, value));
        }

        /// A credential given with a malformed -H never reaches the error.
        #[test]
        fn a_malformed_header_never_echoes_its_value(
            key in "(sk_live_|whsec_|shpat_)?[A-Za-z0-9]{24,40}",
            shape in 0u8..4,
        ) {
            let arg = match shape {
                0 => key.clone(),
                1 => format!("Bearer {key}"),
                2 => format!("Bad Name: Bearer {key}"),
                _ => format!("X-Key: {key}\nX-More: 1"),
            };
            let e = parse_header("-H", &arg).unwrap_err().to_string();
            prop_assert!(!e.contains(&key[key.len() - 12..]), "leaked: {e}");
        }
    }
}
