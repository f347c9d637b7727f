//! `plumb credential`: what a credential is, whether it was copied intact,
//! and whether it has expired. Offline; the value is shown only masked.

pub(crate) use crate::credentials as kinds;
use crate::credentials::fit::fits;
pub use crate::credentials::fit::Use;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::input;
use crate::report::{Check, Def, Report, Status};
use crate::secret::Secret;
use kinds::{Identified, Kind, Problem};
use std::time::UNIX_EPOCH;

pub const KIND: Def = Def {
    id: "credential.kind",
    title: "Credential kind",
    judges: "What kind of credential this is, by its shape (service, key type, live or test mode); with --for, whether that kind can do the job asked of it.",
    remedies: &[],
};
pub const FORMAT: Def = Def {
    id: "credential.format",
    title: "Credential format",
    judges: "Whether the value was copied intact: no quotes, whitespace, wrapper (a header name, a scheme, a variable assignment), truncation or stray characters.",
    remedies: &[],
};
pub const EXPIRY: Def = Def {
    id: "credential.expiry",
    title: "Credential expiry",
    judges: "For a token that carries its times (a JWT): whether it is valid yet and not expired; it warns when it expires within the hour.",
    remedies: &[],
};

/// Every check `credential` reports, in report order.
pub const ALL: &[&Def] = &[&KIND, &FORMAT, &EXPIRY];

#[derive(Debug)]
pub struct Options {
    /// The credential. Omit it to read standard input, which keeps it out
    /// of shell history
    pub value: Option<String>,
    /// Read the credential from this environment variable
    pub env: Option<String>,
    /// What the credential is meant for: a credential of another kind fails
    pub intended: Option<Use>,
    /// Judge token times against this moment (Unix seconds) instead of now
    pub now: Option<i64>,
}

pub fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    let raw = read_value(&args)?;
    let now = match args.now {
        Some(secs) => secs,
        None => ctx.unix_now(),
    };
    Ok(analyze(&raw, args.intended, now))
}

fn read_value(args: &Options) -> Result<String> {
    let raw = if let Some(v) = &args.value {
        v.clone()
    } else if let Some(name) = &args.env {
        match std::env::var_os(name) {
            Some(v) => v.to_string_lossy().into_owned(),
            None => {
                return Err(Error::usage(format!(
                    "--env {name}: the variable is not set"
                )))
            }
        }
    } else {
        let (bytes, truncated) = input::read_stdin(input::MAX_STDIN_VALUE)?;
        if truncated {
            return Err(Error::usage(format!(
                "standard input holds more than {} bytes: that is no single credential",
                input::MAX_STDIN_VALUE
            )));
        }
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        // `echo` and most editors end the value with one newline: not a mistake.
        if text.ends_with('\n') {
            text.pop();
            if text.ends_with('\r') {
                text.pop();
            }
        }
        text
    };
    if raw.trim().is_empty() {
        let source = match (&args.value, &args.env) {
            (Some(_), _) => "VALUE".to_string(),
            (None, Some(name)) => format!("--env {name}"),
            (None, None) => "standard input".to_string(),
        };
        return Err(Error::usage(format!(
            "{source} is empty: give the credential as VALUE, with --env NAME, or on standard input"
        )));
    }
    Ok(raw)
}

/// Examines `raw` exactly as given and builds the report.
pub fn analyze(raw: &str, intended: Option<Use>, now: i64) -> Report {
    let (value, mistakes) = copy_mistakes(raw);
    let id = kinds::identify(&value);
    let masked = Secret::new(value.clone()).masked();
    let mut report = Report::new("credential", masked.clone());
    report.push(kind_check(&id, &masked, value.chars().count(), intended));
    report.push(format_check(&id, &mistakes));
    report.push(expiry_check(&id, now));
    report
}

/// Strips what a copy-and-paste commonly adds, naming each slip.
fn copy_mistakes(raw: &str) -> (String, Vec<Problem>) {
    let mut v = raw.to_string();
    let mut found = Vec::new();
    let mut note = |text: &str, fix: &str| {
        found.push(Problem {
            text: text.to_string(),
            fix: fix.to_string(),
        })
    };
    if v.contains('\u{FFFD}') {
        note(
            "contains bytes that are not UTF-8 text (binary data or another encoding)",
            "Copy the credential as plain text from its source.",
        );
    }
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{2060}');
    if v.chars().any(invisible) {
        v.retain(|c| !invisible(c));
        note(
            "contains invisible characters (zero-width space or byte-order mark)",
            "Paste through a plain-text editor, or type the value into a file with a text editor.",
        );
    }
    for _ in 0..4 {
        let trimmed = v.trim_matches(|c: char| c.is_whitespace());
        if trimmed.len() != v.len() {
            let lead = &v[..v.len() - v.trim_start().len()];
            let tail = &v[v.trim_end().len()..];
            if lead.contains(['\n', '\r']) || tail.contains(['\n', '\r']) {
                note(
                    "has a line break before or after it",
                    "Remove the line break: many clients send it as part of the key.",
                );
            } else {
                note(
                    "has spaces or tabs around it",
                    "Remove the surrounding whitespace.",
                );
            }
            v = trimmed.to_string();
            continue;
        }
        if let Some(inner) = unquote(&v) {
            note(
                "is wrapped in quotes",
                "Remove the quotes: they are not part of the credential (in .env files, quotes are optional).",
            );
            v = inner.to_string();
            continue;
        }
        if let Some((what, rest)) = strip_wrapper(&v) {
            note(
                &format!("includes {what} in front of the credential"),
                "Pass only the credential itself; the client adds the header and scheme.",
            );
            v = rest.to_string();
            continue;
        }
        break;
    }
    if v.contains(['\n', '\r']) {
        v.retain(|c| c != '\n' && c != '\r');
        note(
            "contains a line break: it was wrapped when copied",
            "Join the lines into one value with no break.",
        );
    }
    if v.chars().any(|c| c.is_whitespace()) {
        note(
            "contains spaces",
            "Credentials have no spaces: copy it again from the source.",
        );
    }
    if v.chars().any(char::is_control) {
        v.retain(|c| !c.is_control());
        note(
            "contains control characters",
            "Copy the credential as plain text from its source.",
        );
    }
    (v, found)
}

fn unquote(v: &str) -> Option<&str> {
    let pairs = [('"', '"'), ('\'', '\''), ('`', '`'), ('“', '”'), ('‘', '’')];
    pairs.iter().find_map(|(open, close)| {
        let inner = v.strip_prefix(*open)?.strip_suffix(*close)?;
        Some(inner)
    })
}

/// An `Authorization:` header, a `Bearer`/`Basic`/`Token` scheme, or a
/// `NAME=value` assignment pasted along with the value.
fn strip_wrapper(v: &str) -> Option<(String, &str)> {
    let lower = v.to_ascii_lowercase();
    for scheme in ["bearer ", "basic ", "token "] {
        if lower.starts_with(scheme) {
            let word = &v[..scheme.len() - 1];
            return Some((format!("the '{word}' scheme"), &v[scheme.len()..]));
        }
    }
    if let Some((name, rest)) = v.split_once(':') {
        let header_like = !name.is_empty()
            && name.len() <= 40
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && name.contains(|c: char| c.is_ascii_alphabetic())
            && rest.starts_with(' ');
        if header_like {
            return Some((format!("the header name '{name}:'"), rest));
        }
    }
    let stripped = v.strip_prefix("export ").unwrap_or(v);
    if let Some((name, rest)) = stripped.split_once('=') {
        let env_like = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            && name.as_bytes()[0].is_ascii_uppercase()
            && !rest.is_empty();
        if env_like {
            return Some((format!("the variable assignment '{name}='"), rest));
        }
    }
    None
}

fn kind_check(id: &Identified, masked: &str, len: usize, intended: Option<Use>) -> Check {
    let base = |status, summary: String| {
        let mut c = KIND
            .check(status, summary)
            .detail("value", masked)
            .detail("length", len);
        for (k, v) in &id.facts {
            c = c.detail(*k, v.clone());
        }
        c
    };
    if let Some(use_) = intended {
        if let Err((why, fix)) = fits(&id.kind, use_) {
            return base(Status::Fail, format!("{}, which {why}", id.label)).remedy(fix);
        }
    }
    match id.kind {
        Kind::Unknown => base(
            Status::Warn,
            "plumb does not recognise this kind of credential".into(),
        )
        .remedy("Check it is the credential the service's documentation asks for."),
        _ => base(Status::Info, id.label.clone()),
    }
}

fn format_check(id: &Identified, mistakes: &[Problem]) -> Check {
    let all: Vec<&Problem> = mistakes.iter().chain(id.problems.iter()).collect();
    let unknown = id.kind == Kind::Unknown && mistakes.is_empty();
    if all.is_empty()
        || (unknown && id.problems.len() == 1 && id.problems[0].text.starts_with("plumb does not"))
    {
        let summary = if unknown {
            "no copy mistakes found (the format itself is unknown)"
        } else {
            "well-formed: no copy mistakes found"
        };
        return FORMAT.pass(summary);
    }
    let summary = all
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let mut fixes: Vec<&str> = Vec::new();
    for p in &all {
        if !fixes.contains(&p.fix.as_str()) {
            fixes.push(&p.fix);
        }
    }
    FORMAT.fail(summary).remedies(fixes)
}

fn expiry_check(id: &Identified, now: i64) -> Check {
    let Kind::Jwt(token) = &id.kind else {
        return EXPIRY.skip("this kind carries no expiry date (the service can still revoke it)");
    };
    let mut check_times = Vec::new();
    for claim in ["iat", "nbf", "exp"] {
        if let Some(t) = token.time(claim) {
            check_times.push((claim, t));
        }
    }
    let with_times = |mut c: Check| {
        for (claim, t) in &check_times {
            c = c.detail(*claim, stamp(*t));
        }
        c.detail("now", stamp(now))
    };
    if let Some(nbf) = token.time("nbf").filter(|nbf| *nbf > now) {
        return with_times(EXPIRY.fail(format!("not valid yet: usable in {}", span(nbf - now))))
            .remedy(
                "Wait until the nbf time, or check the clocks of the issuer and of this machine.",
            );
    }
    match token.time("exp") {
        Some(exp) if exp <= now => with_times(EXPIRY.fail(format!(
            "expired {} ago ({})",
            span(now - exp),
            stamp(exp)
        )))
        .remedy("Get a fresh token from the issuer (refresh it, or re-authorize the integration)."),
        Some(exp) if exp - now < 3600 => with_times(EXPIRY.warn(format!(
            "expires in {} ({})",
            span(exp - now),
            stamp(exp)
        )))
        .remedy("Refresh the token before it expires; make sure the integration refreshes it on its own."),
        Some(exp) => with_times(EXPIRY.pass(format!(
            "valid for {} more ({})",
            span(exp - now),
            stamp(exp)
        ))),
        None => with_times(EXPIRY.info(
            "the token has no exp claim: it does not expire on its own",
        )),
    }
}

fn stamp(t: i64) -> String {
    match u64::try_from(t) {
        Ok(secs) if secs < 253_402_300_800 => {
            humantime::format_rfc3339_seconds(UNIX_EPOCH + std::time::Duration::from_secs(secs))
                .to_string()
        }
        _ => format!("{t} (Unix seconds, outside the calendar range)"),
    }
}

/// A rough span for people: `3 days`, `5 hours`, `12 minutes`.
fn span(secs: i64) -> String {
    let s = secs.unsigned_abs();
    let (n, unit) = match s {
        0..=119 => (s, "second"),
        120..=7199 => (s / 60, "minute"),
        7200..=172_799 => (s / 3600, "hour"),
        _ => (s / 86_400, "day"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    const NOW: i64 = 1_800_000_000;

    fn statuses(r: &Report) -> Vec<(&str, Status)> {
        r.checks.iter().map(|c| (c.id(), c.status())).collect()
    }

    fn token(claims: &str) -> String {
        let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.sig",
            e.encode(r#"{"alg":"HS256","typ":"JWT"}"#),
            e.encode(claims)
        )
    }

    #[test]
    fn clean_key_passes_and_is_masked() {
        let r = analyze("sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt", None, NOW);
        assert_eq!(r.target, "sk_live_…QrSt");
        assert_eq!(
            statuses(&r),
            vec![
                ("credential.kind", Status::Info),
                ("credential.format", Status::Pass),
                ("credential.expiry", Status::Skip)
            ]
        );
        assert_eq!(r.exit_code(Status::Fail), 0);
    }

    #[test]
    fn copy_mistakes_are_each_named() {
        let cases = [
            (" sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt", "spaces or tabs"),
            (
                "sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt\n",
                "line break before or after",
            ),
            ("\"sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt\"", "quotes"),
            (
                "Bearer sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
                "'Bearer' scheme",
            ),
            (
                "Authorization: Bearer sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
                "header name",
            ),
            (
                "STRIPE_API_KEY=sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
                "variable assignment",
            ),
            ("sk_live_51HxYzAbCdEf\nGhIjKlMnOpQrSt", "wrapped"),
            ("sk_live_51HxYzAb\u{200B}CdEfGhIjKlMnOpQrSt", "invisible"),
        ];
        for (input, expect) in cases {
            let r = analyze(input, None, NOW);
            let format = &r.checks[1];
            assert_eq!(format.status(), Status::Fail, "{input:?}");
            assert!(
                format.summary().contains(expect),
                "{input:?}: {}",
                format.summary()
            );
            assert_eq!(
                r.checks[0].summary(),
                "Stripe secret key (live mode)",
                "{input:?}"
            );
        }
    }

    #[test]
    fn wrong_kind_for_intended_use_fails() {
        let r = analyze(
            "pk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
            Some(Use::StripeApi),
            NOW,
        );
        assert_eq!(r.checks[0].status(), Status::Fail);
        assert!(r.checks[0].summary().contains("cannot call the server API"));
        let hex = "0123456789abcdef0123456789abcdef";
        let r = analyze(&format!("shpat_{hex}"), Some(Use::ShopifyWebhook), NOW);
        assert_eq!(r.checks[0].status(), Status::Fail);
        let r = analyze(&format!("shpss_{hex}"), Some(Use::ShopifyWebhook), NOW);
        assert_eq!(r.checks[0].status(), Status::Info);
    }

    #[test]
    fn jwt_expiry_against_now() {
        let expired = analyze(
            &token(&format!(
                r#"{{"exp":{},"iat":{}}}"#,
                NOW - 3 * 86_400,
                NOW - 4 * 86_400
            )),
            None,
            NOW,
        );
        assert_eq!(expired.checks[2].status(), Status::Fail);
        assert!(expired.checks[2].summary().contains("expired 3 days ago"));
        let soon = analyze(&token(&format!(r#"{{"exp":{}}}"#, NOW + 600)), None, NOW);
        assert_eq!(soon.checks[2].status(), Status::Warn);
        let fine = analyze(
            &token(&format!(
                r#"{{"exp":{},"scope":"read_orders"}}"#,
                NOW + 86_400 * 30
            )),
            None,
            NOW,
        );
        assert_eq!(fine.checks[2].status(), Status::Pass);
        assert_eq!(
            fine.checks[0].details()["scopes"],
            serde_json::json!(["read_orders"])
        );
        let early = analyze(&token(&format!(r#"{{"nbf":{}}}"#, NOW + 7200)), None, NOW);
        assert_eq!(early.checks[2].status(), Status::Fail);
        let forever = analyze(&token("{}"), None, NOW);
        assert_eq!(forever.checks[2].status(), Status::Info);
    }

    #[test]
    fn binary_junk_is_a_clean_report() {
        let junk =
            String::from_utf8_lossy(&[0xff, 0xfe, 0x00, 0x1b, b'[', b'2', b'J', 0x80]).into_owned();
        let r = analyze(&junk, None, NOW);
        assert_eq!(r.checks[1].status(), Status::Fail);
        assert!(!r.target.contains('\u{1b}'));
    }

    #[test]
    fn span_reads_naturally() {
        assert_eq!(span(1), "1 second");
        assert_eq!(span(600), "10 minutes");
        assert_eq!(span(3 * 86_400), "3 days");
        assert_eq!(span(-7200), "2 hours");
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn intended() -> impl Strategy<Value = Option<Use>> {
        prop::option::of(prop::sample::select(Use::ALL.to_vec()))
    }

    fn secret() -> impl Strategy<Value = String> {
        prop_oneof![
            "sk_(live|test)_[A-Za-z0-9]{24,99}",
            "rk_live_[A-Za-z0-9]{24,40}",
            "whsec_[A-Za-z0-9+/]{32,44}",
            "shp(at|ca|pa|ss)_[0-9a-f]{32}",
            "[0-9a-f]{32}-us[0-9]{1,2}",
            "c[ks]_[0-9a-f]{40}",
            "[0-9a-f]{32}",
            "eyJ[A-Za-z0-9_-]{20,40}\\.eyJ[A-Za-z0-9_-]{20,40}\\.[A-Za-z0-9_-]{20,43}",
            "[A-Za-z0-9]{24,64}",
        ]
    }

    /// How a paste mangles a value: quotes, spaces, a scheme word, a
    /// variable name, invisible characters.
    fn pasted(s: &str, how: u8) -> String {
        match how % 7 {
            0 => s.to_string(),
            1 => format!("\"{s}\""),
            2 => format!("  {s}\n"),
            3 => format!("Bearer {s}"),
            4 => format!("STRIPE_API_KEY={s}"),
            5 => format!("\u{200b}{s}\u{feff}"),
            _ => format!("'{s}'\r\n"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any text, for any intended use: a report, never a panic.
        #[test]
        fn any_text_never_panics(raw in "\\PC{0,120}|[a-z]{2,6}_[a-z]{0,5}_?[A-Za-z0-9_.=-]{0,60}", use_ in intended()) {
            let r = analyze(&raw, use_, NOW);
            prop_assert_eq!(r.checks.len(), 3);
            if let Some(u) = use_ {
                let _ = crate::credentials::fit::misfit(&raw, u);
            }
        }

        /// The value itself never reaches any output, however it was pasted.
        #[test]
        fn the_value_is_never_echoed(s in secret(), how in any::<u8>(), use_ in intended()) {
            let r = analyze(&pasted(&s, how), use_, NOW);
            let json = crate::report::json::render(&r, 0);
            prop_assert!(!json.contains(&s), "leaked: {json}");
            prop_assert!(!json.contains(&s[..s.len() * 2 / 3]), "partly leaked: {json}");
        }
    }

    const NOW: i64 = 1_800_000_000;
}
