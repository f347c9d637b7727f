//! `plumb bundle`: one gzip'd tar archive a customer attaches to a support
//! ticket, and `--inspect`, which shows what one holds. The entry layer
//! (`cli/bundle.rs`) runs the commands whose reports go in; this module
//! holds the checks, the members' redaction, the manifest and the archive
//! format. Every member passes the one redactor before it is written, and
//! what the redactor cannot scan is left out and named in the manifest.

mod archive;

pub use archive::{inspect, write, InspectOptions};

use crate::redact::{self, Tally, Unscannable};
use crate::report::Def;

pub const ARCHIVE: Def = Def {
    id: "bundle.archive",
    title: "Support bundle",
    judges: "Nothing: which files the archive holds, their sizes and sha256 digests, and how many values the redactor masked in each, by kind.",
    remedies: &[],
};
pub const LEFT_OUT: Def = Def {
    id: "bundle.left_out",
    title: "Left out",
    judges: "Whether any evidence was left out because the redactor could not scan it (not UTF-8 text, binary, larger than the scan cap): it warns and names each file and why.",
    remedies: &["Convert the file to plain UTF-8 text (decompress it, cut it to the part that matters) and run plumb bundle again, or describe it in the ticket."],
};
pub const DOCTOR: Def = Def {
    id: "bundle.doctor",
    title: "Doctor verdict",
    judges: "Nothing: the verdict of the doctor run the bundle holds (report.json), for the person making it.",
    remedies: &[],
};
pub const CONTENTS: Def = Def {
    id: "bundle.contents",
    title: "Bundle contents",
    judges: "Nothing: each file in an archive --inspect reads, its size and how many values were redacted in it, by kind, as its manifest records them.",
    remedies: &[],
};
pub const DIGESTS: Def = Def {
    id: "bundle.digests",
    title: "Digests",
    judges: "Whether every file in the archive is listed in its manifest with the size and sha256 digest it has, and every listed file is there.",
    remedies: &["The archive changed after plumb wrote it, or is not a plumb bundle: make a new one with plumb bundle."],
};

/// Every check `bundle` reports, in report order.
pub const ALL: &[&Def] = &[&ARCHIVE, &DOCTOR, &LEFT_OUT, &CONTENTS, &DIGESTS];

/// Largest text member the redactor scans; larger evidence is left out.
pub const MAX_MEMBER: usize = 16 * 1024 * 1024;

/// One file of the bundle: already redacted, with what was masked, or
/// left out with the reason.
#[derive(Debug)]
pub struct Member {
    pub name: String,
    pub body: Body,
}

#[derive(Debug)]
pub enum Body {
    Redacted { bytes: Vec<u8>, tally: Tally },
    LeftOut { reason: String },
}

impl Member {
    /// Foreign text (a log's lines, environment values): through the
    /// redactor, which fails closed — bytes it cannot scan leave the
    /// member out.
    pub fn text(name: impl Into<String>, raw: &[u8]) -> Member {
        let name = name.into();
        let body = match redact::scan_bytes(raw, MAX_MEMBER) {
            Ok((text, tally)) => Body::Redacted {
                bytes: text.into_bytes(),
                tally,
            },
            Err(why) => Body::LeftOut {
                reason: left_out_reason(&why),
            },
        };
        Member { name, body }
    }

    /// A JSON document from elsewhere (a HAR file): every string through
    /// the redactor, the value of every credential-named `{name, value}`
    /// pair and every cookie masked whole ([`redact::json`]); text that is
    /// not a JSON document is left out.
    pub fn json_document(name: impl Into<String>, raw: &[u8]) -> Member {
        let name = name.into();
        if raw.len() > MAX_MEMBER {
            return Member::left_out(
                name,
                left_out_reason(&Unscannable::TooLarge {
                    size: raw.len(),
                    cap: MAX_MEMBER,
                }),
            );
        }
        let mut doc: serde_json::Value = match serde_json::from_slice(raw) {
            Ok(v) => v,
            Err(e) => {
                return Member::left_out(name, format!("not a JSON document ({e})"));
            }
        };
        let mut tally = Tally::default();
        redact::json(&mut doc, &mut tally);
        let bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
        Member::redacted(name, bytes, tally)
    }

    /// Bytes that have already passed the redactor (a report rendered from
    /// `Report::redacted_counted`), with what it masked.
    pub fn redacted(name: impl Into<String>, bytes: Vec<u8>, tally: Tally) -> Member {
        Member {
            name: name.into(),
            body: Body::Redacted { bytes, tally },
        }
    }

    pub fn left_out(name: impl Into<String>, reason: impl Into<String>) -> Member {
        Member {
            name: name.into(),
            body: Body::LeftOut {
                reason: reason.into(),
            },
        }
    }
}

fn left_out_reason(why: &Unscannable) -> String {
    format!("the redactor cannot scan it: {why}")
}

/// A name safe as an archive member: the file's own name, reduced to
/// letters, digits, `.`, `-` and `_`, at most 64 characters.
pub fn member_name(path: &std::path::Path) -> String {
    // A file's name may carry a credential or an address too.
    let name = redact::text(
        &path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    let clean = clean.trim_start_matches('.').to_string();
    if clean.is_empty() {
        "stdin".to_string()
    } else {
        clean
    }
}
