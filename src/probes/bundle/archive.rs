//! The archive: members written into a gzip'd tar with a manifest, and
//! read back, bounded, by `--inspect`.

use super::{Body, Member, ARCHIVE, CONTENTS, DIGESTS, LEFT_OUT};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::Target;
use crate::report::Report;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

/// The manifest's name in the archive and its schema.
pub const MANIFEST: &str = "manifest.json";
const SCHEMA: &str = "plumb.bundle/v1";
/// What the counts cover, said in the manifest itself.
const REDACTED_NOTE: &str = "values the bundle's redaction pass masked in each file, by kind; the reports come from commands that already mask the secrets they sent and the credentials they quote, and those are not counted again";

/// Largest archive `--inspect` reads, compressed.
const MAX_ARCHIVE: u64 = 256 * 1024 * 1024;
/// Largest member `--inspect` reads, and largest total, decompressed.
const MAX_INSPECT_MEMBER: u64 = 64 * 1024 * 1024;
const MAX_INSPECT_TOTAL: u64 = 512 * 1024 * 1024;
/// Most members `--inspect` reads.
const MAX_MEMBERS: usize = 10_000;

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes `members` and their manifest as a gzip'd tar to `target`
/// (mode 0600, replaced atomically), and reports what it holds.
pub fn write(members: Vec<Member>, target: &Target, ctx: &Ctx) -> Result<Report> {
    let mut files = Vec::new();
    let mut left_out = Vec::new();
    let mut total = crate::redact::Tally::default();
    let mut written: Vec<(String, Vec<u8>)> = Vec::new();
    for m in members {
        match m.body {
            Body::Redacted { bytes, tally } => {
                total.merge(&tally);
                files.push(json!({
                    "name": m.name,
                    "size": bytes.len(),
                    "sha256": sha256_hex(&bytes),
                    "redacted": tally.to_json(),
                }));
                written.push((m.name, bytes));
            }
            Body::LeftOut { reason } => left_out.push(json!({"name": m.name, "reason": reason})),
        }
    }
    let created = jiff::Timestamp::try_from(ctx.now())
        .map(|t| t.to_string())
        .unwrap_or_default();
    let manifest = json!({
        "schema": SCHEMA,
        "created_at": created,
        "plumb_version": env!("CARGO_PKG_VERSION"),
        "files": files,
        "redacted_total": total.to_json(),
        "redacted_note": REDACTED_NOTE,
        "left_out": left_out,
    });
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    written.push((MANIFEST.to_string(), manifest_bytes));

    let fail = |e: std::io::Error| {
        Error::usage(format!(
            "{}: cannot write the archive: {}",
            target.what(),
            crate::input::io_reason(&e)
        ))
    };
    let pending = target.create_private()?;
    let gz = flate2::write::GzEncoder::new(pending, flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    let mtime = ctx
        .now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for (name, bytes) in &written {
        let mut header = tar::Header::new_ustar();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_mtime(mtime);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, name, bytes.as_slice())
            .map_err(fail)?;
    }
    let gz = tar.into_inner().map_err(fail)?;
    let mut pending = gz.finish().map_err(fail)?;
    pending.flush().map_err(fail)?;
    pending.commit()?;

    let mut report = Report::new("bundle", target.what().trim_start_matches("--output "));
    let listed: Vec<Value> = manifest["files"].as_array().cloned().unwrap_or_default();
    report.push(
        ARCHIVE
            .pass(format!(
                "wrote {} file(s) to {}; the redactor masked {} value(s){}; nothing was sent anywhere",
                written.len(),
                target.what().trim_start_matches("--output "),
                total.total(),
                kinds(&total),
            ))
            .detail("files", Value::Array(listed))
            .detail("redacted_total", total.to_json()),
    );
    if !left_out.is_empty() {
        report.push(
            LEFT_OUT
                .warn(format!(
                    "{} file(s) left out because the redactor could not scan them: {}",
                    left_out.len(),
                    left_out
                        .iter()
                        .filter_map(|l| l["name"].as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .detail("left_out", Value::Array(left_out)),
        );
    }
    Ok(report)
}

/// ` (3 email, 1 stripe)`, or nothing when nothing was masked.
fn kinds(tally: &crate::redact::Tally) -> String {
    if tally.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = tally.iter().map(|(k, n)| format!("{n} {k}")).collect();
    format!(" ({})", parts.join(", "))
}

#[derive(Debug)]
pub struct InspectOptions {
    pub file: PathBuf,
}

/// What `--inspect FILE` found: one member as read.
struct Read_ {
    name: String,
    size: u64,
    sha256: String,
    bytes: Option<Vec<u8>>,
}

/// Lists what a bundle holds and what was redacted in each file, as its
/// manifest records it, and checks every digest. Reads bounded; refuses
/// anything but plain files at plain relative paths.
pub fn inspect(args: InspectOptions, _ctx: &Ctx) -> Result<Report> {
    let shown = format!("--inspect {}", args.file.display());
    let raw = crate::input::read_file("--inspect", &args.file, MAX_ARCHIVE)?;
    let members = read_members(&raw).map_err(|why| {
        Error::usage(format!(
            "{}: not a readable plumb bundle: {why}",
            crate::escape::clean(&shown)
        ))
    })?;
    let manifest: Value = members
        .iter()
        .find(|m| m.name == MANIFEST)
        .and_then(|m| m.bytes.as_deref())
        .and_then(|b| serde_json::from_slice(b).ok())
        .filter(|v: &Value| v["schema"] == SCHEMA)
        .ok_or_else(|| {
            Error::usage(format!(
                "{}: not a plumb bundle: it has no {MANIFEST} of schema {SCHEMA}",
                crate::escape::clean(&shown)
            ))
        })?;
    let listed = manifest["files"].as_array().cloned().unwrap_or_default();
    let mut report = Report::new("bundle", args.file.display().to_string());
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for m in members.iter().filter(|m| m.name != MANIFEST) {
        let entry = listed.iter().find(|f| f["name"] == m.name.as_str());
        match entry {
            None => problems.push(format!("{} is not in the manifest", m.name)),
            Some(f) => {
                if f["sha256"] != m.sha256.as_str() || f["size"] != m.size {
                    problems.push(format!(
                        "{}: its size or sha256 digest differs from the manifest's",
                        m.name
                    ));
                }
                let redacted = f["redacted"].as_object().cloned().unwrap_or_default();
                lines.push(json!({
                    "name": m.name,
                    "size": m.size,
                    "sha256": m.sha256,
                    "redacted": redacted,
                }));
            }
        }
    }
    for f in &listed {
        let name = f["name"].as_str().unwrap_or("");
        if !members.iter().any(|m| m.name == name) {
            problems.push(format!("{name} is in the manifest but not in the archive"));
        }
    }
    let total = manifest["redacted_total"].clone();
    let n_total: u64 = total
        .as_object()
        .map(|o| o.values().filter_map(Value::as_u64).sum())
        .unwrap_or(0);
    report.push(
        CONTENTS
            .info(format!(
                "{} file(s) besides the manifest; the redactor masked {n_total} value(s) in them",
                lines.len()
            ))
            .detail("files", Value::Array(lines))
            .detail("redacted_total", total)
            .detail("created_at", manifest["created_at"].clone())
            .detail("plumb_version", manifest["plumb_version"].clone()),
    );
    let left_out = manifest["left_out"].as_array().cloned().unwrap_or_default();
    if !left_out.is_empty() {
        report.push(
            LEFT_OUT
                .warn(format!(
                    "{} file(s) were left out because the redactor could not scan them",
                    left_out.len()
                ))
                .detail("left_out", Value::Array(left_out)),
        );
    }
    report.push(if problems.is_empty() {
        DIGESTS.pass("every file matches the size and sha256 digest its manifest lists")
    } else {
        DIGESTS
            .fail(format!("{} mismatch(es) with the manifest", problems.len()))
            .detail("problems", json!(problems))
    });
    Ok(report)
}

/// Every member of a gzip'd tar, bounded in count and size; refuses
/// links, devices, directories and any path that is absolute or climbs.
fn read_members(raw: &[u8]) -> std::result::Result<Vec<Read_>, String> {
    let gz = flate2::read::GzDecoder::new(raw);
    // The whole decompressed stream is bounded, whatever the headers say.
    let mut archive = tar::Archive::new(gz.take(MAX_INSPECT_TOTAL));
    let entries = archive.entries().map_err(|e| e.to_string())?;
    let mut out: Vec<Read_> = Vec::new();
    for entry in entries {
        let mut entry = entry.map_err(|e| e.to_string())?;
        if out.len() >= MAX_MEMBERS {
            return Err(format!("more than {MAX_MEMBERS} members"));
        }
        let path = entry.path().map_err(|e| e.to_string())?.into_owned();
        let name = check_path(&path)?;
        let kind = entry.header().entry_type();
        if !kind.is_file() {
            return Err(format!(
                "member {} is not a plain file (a link, directory or device): refused",
                crate::escape::clean(&name)
            ));
        }
        let size = entry.header().size().map_err(|e| e.to_string())?;
        if size > MAX_INSPECT_MEMBER {
            return Err(format!(
                "member {} is {size} bytes, more than the {MAX_INSPECT_MEMBER} read",
                crate::escape::clean(&name)
            ));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        (&mut entry)
            .take(MAX_INSPECT_MEMBER)
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?;
        if out.iter().any(|m| m.name == name) {
            return Err(format!(
                "member {} appears twice",
                crate::escape::clean(&name)
            ));
        }
        out.push(Read_ {
            size: bytes.len() as u64,
            sha256: sha256_hex(&bytes),
            name,
            bytes: Some(bytes),
        });
    }
    if out.is_empty() {
        return Err("no members".to_string());
    }
    Ok(out)
}

/// A member path as plain relative components, `/`-joined.
fn check_path(path: &Path) -> std::result::Result<String, String> {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => {
                return Err(format!(
                    "member path {} leaves the archive (absolute or ..): refused",
                    crate::escape::clean(&path.display().to_string())
                ))
            }
        }
    }
    if parts.is_empty() {
        return Err("a member has an empty path".to_string());
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tar_gz(build: impl FnOnce(&mut tar::Builder<Vec<u8>>)) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        build(&mut b);
        let tar = b.into_inner().unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&tar).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn refuses_links_and_climbing_paths() {
        let link = tar_gz(|b| {
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(tar::EntryType::Symlink);
            h.set_size(0);
            b.append_link(&mut h, "report.json", "/etc/passwd").unwrap();
        });
        let err = read_members(&link).err().unwrap();
        assert!(err.contains("not a plain file"), "{err}");
        let mut raw = tar::Header::new_old();
        // Written by hand: the builder refuses `..` itself.
        raw.as_old_mut().name[..13].copy_from_slice(b"../escape.txt");
        raw.set_size(1);
        raw.set_entry_type(tar::EntryType::Regular);
        raw.set_cksum();
        let mut tarball = raw.as_bytes().to_vec();
        tarball.extend_from_slice(&[b'x'; 512]);
        tarball.extend_from_slice(&[0; 1024]);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&tarball).unwrap();
        let err = read_members(&gz.finish().unwrap()).err().unwrap();
        assert!(err.contains("leaves the archive"), "{err}");
    }

    #[test]
    fn refuses_what_is_not_an_archive() {
        assert!(read_members(b"not gzip at all").is_err());
        assert!(read_members(&tar_gz(|_| {})).is_err());
    }
}
