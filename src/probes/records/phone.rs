//! Judging a phone number against the libphonenumber metadata the
//! `phonenumber` crate ships: its country code, its national significant
//! number, whether that number is assigned (a valid range for its region)
//! and its E.164 form.
//!
//! The crate's own parser is not used: given a default region it applies
//! that region's national prefix to numbers that carry another country
//! code (`+86 131…` with US became `+863123…`), and it strips a national
//! prefix libphonenumber would keep (`+7 800…`). This module follows
//! libphonenumber's `parse` instead: a `+` or an international dialling
//! prefix (`00`, `011`) means the default region is ignored, and a national
//! prefix is stripped only when what remains still has a valid length.

use phonenumber::metadata::{Descriptor, DATABASE};
use phonenumber::{country, Metadata, Type};
use regex::Regex;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The verdict on one phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phone {
    /// A valid number. `e164` is its E.164 form; `written_e164` whether the
    /// value already was exactly that.
    Valid {
        e164: String,
        written_e164: bool,
        /// A fixed-line number that cannot be a mobile one.
        landline: bool,
    },
    /// Written without a country code, and no `--default-region` given.
    NeedsRegion,
    /// Not a valid number: `(key, what is wrong)`.
    Invalid(&'static str, &'static str),
}

/// Longest value examined: libphonenumber's own bound.
const MAX_INPUT: usize = 250;
/// Longest national significant number (ITU-T E.164).
const MAX_NSN: usize = 17;

pub fn judge(value: &str, region: Option<country::Id>) -> Phone {
    let v = value.trim();
    if v.len() > MAX_INPUT {
        return Phone::Invalid("too_long", "is too long to be a phone number");
    }
    let v = v.strip_prefix("tel:").unwrap_or(v);
    let mut digits = String::with_capacity(v.len());
    let mut plus = false;
    for c in v.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' | '＋' if digits.is_empty() && !plus => plus = true,
            ' ' | '\u{a0}' | '-' | '.' | '(' | ')' | '/' | '‐' | '–' => {}
            c if c.is_ascii_alphabetic() => {
                return Phone::Invalid("letters", "contains letters");
            }
            _ => {
                return Phone::Invalid(
                    "not_a_number",
                    "contains characters a phone number cannot hold",
                )
            }
        }
    }
    if digits.len() < 2 {
        return Phone::Invalid("too_short", "is too short");
    }
    let written_e164 = plus && v.len() == digits.len() + 1 && v.starts_with('+');
    let outcome = if plus {
        international(&digits)
    } else if let Some(meta) = region.and_then(|r| DATABASE.by_id(r.as_ref())) {
        match strip_idd(meta, &digits) {
            Some(rest) => international(rest),
            None => national(meta, &digits),
        }
    } else if let Some(rest) = digits
        .strip_prefix("00")
        .or_else(|| digits.strip_prefix("011"))
    {
        international(rest)
    } else {
        return Phone::NeedsRegion;
    };
    match outcome {
        Ok((code, nsn)) => verdict(code, &nsn, written_e164),
        Err(e) => e,
    }
}

type Outcome = Result<(u16, String), Phone>;

/// The international dialling prefix of `meta`'s region at the start of
/// `digits`, as libphonenumber reads it: what follows must not start with 0.
fn strip_idd<'d>(meta: &Metadata, digits: &'d str) -> Option<&'d str> {
    let idd = meta.international_prefix()?;
    let m = anchored(idd.as_str(), false)?.find(digits)?;
    let rest = &digits[m.end()..];
    (!rest.is_empty() && !rest.starts_with('0')).then_some(rest)
}

/// A number after its `+` or dialling prefix: country code, then the
/// national significant number (a national prefix written after the
/// country code, as in `+44 (0)20…`, is dropped when libphonenumber would).
fn international(digits: &str) -> Outcome {
    if digits.starts_with('0') {
        return Err(Phone::Invalid(
            "unknown_country_code",
            "has no valid country code after the +",
        ));
    }
    for len in 1..=3.min(digits.len()) {
        let Ok(code) = digits[..len].parse::<u16>() else {
            continue;
        };
        let Some(metas) = DATABASE.by_code(&code) else {
            continue;
        };
        let main = metas
            .iter()
            .find(|m| m.is_main_country_for_code())
            .or(metas.first())
            .copied();
        let rest = &digits[len..];
        let nsn = match main {
            Some(meta) => strip_national_prefix(meta, rest),
            None => rest.to_string(),
        };
        return Ok((code, nsn));
    }
    Err(Phone::Invalid(
        "unknown_country_code",
        "has a country code that does not exist",
    ))
}

/// A number written without country code, read in `meta`'s region. A
/// number that starts with the region's own country code (`1 415…` in the
/// US, `49 30…` in Germany) loses it when what remains fits better.
fn national(meta: &Metadata, digits: &str) -> Outcome {
    let code = meta.country_code();
    let nsn = strip_national_prefix(meta, digits);
    if let Some(rest) = digits.strip_prefix(&code.to_string()) {
        let candidate = strip_national_prefix(meta, rest);
        let fits = |n: &str| full_match(meta, meta.descriptors().general(), n);
        if (!fits(&nsn) && fits(&candidate)) || length(meta, &nsn) == Length::TooLong {
            return Ok((code, candidate));
        }
    }
    Ok((code, nsn))
}

#[derive(Debug, PartialEq, Eq)]
enum Length {
    Possible,
    LocalOnly,
    TooShort,
    Invalid,
    TooLong,
}

/// The lengths of the region's numbers of every type, and those of local
/// numbers (dialled without their area code): libphonenumber derives the
/// general description's lengths this way when it builds its metadata.
fn lengths(meta: &Metadata) -> (Vec<u16>, Vec<u16>) {
    let d = meta.descriptors();
    let (mut all, mut local) = (d.general().possible_length().to_vec(), Vec::new());
    for kind in TYPES.iter().chain([&Type::FixedLine, &Type::Mobile]) {
        if let Some(desc) = d.get(*kind) {
            all.extend(desc.possible_length());
            local.extend(desc.possible_local_length());
        }
    }
    all.sort_unstable();
    all.dedup();
    local.retain(|n| !all.contains(n));
    (all, local)
}

/// The types libphonenumber's `getNumberTypeHelper` tries before fixed
/// line and mobile.
const TYPES: [Type; 8] = [
    Type::PremiumRate,
    Type::TollFree,
    Type::SharedCost,
    Type::Voip,
    Type::PersonalNumber,
    Type::Pager,
    Type::Uan,
    Type::Voicemail,
];

fn length(meta: &Metadata, nsn: &str) -> Length {
    let (lengths, local) = lengths(meta);
    let n = nsn.len() as u16;
    if local.contains(&n) {
        return Length::LocalOnly;
    }
    match (lengths.first(), lengths.last()) {
        (Some(&min), _) if n < min => Length::TooShort,
        (_, Some(&max)) if n > max => Length::TooLong,
        _ if lengths.contains(&n) => Length::Possible,
        (None, None) => Length::Possible,
        _ => Length::Invalid,
    }
}

/// libphonenumber's `maybeStripNationalPrefixAndCarrierCode` followed by
/// its length test: the stripped form is kept only when its length is
/// possible for the region.
fn strip_national_prefix(meta: &Metadata, digits: &str) -> String {
    // Borrowed from the metadata, as `anchored` requires.
    let Some(parsing) = meta
        .national_prefix_for_parsing()
        .map(|r| r.as_str())
        .or_else(|| meta.national_prefix())
    else {
        return digits.to_string();
    };
    let Some(re) = anchored(parsing, false) else {
        return digits.to_string();
    };
    let Some(caps) = re.captures(digits) else {
        return digits.to_string();
    };
    let general = meta.descriptors().general();
    let viable = full_match(meta, general, digits);
    let end = caps.get(0).map_or(0, |m| m.end());
    let last = caps
        .len()
        .checked_sub(1)
        .filter(|&i| i > 0)
        .and_then(|i| caps.get(i));
    let potential = match (meta.national_prefix_transform_rule(), last) {
        (Some(rule), Some(_)) => {
            let mut out = String::new();
            caps.expand(&java_to_rust_rule(rule), &mut out);
            out.push_str(&digits[end..]);
            out
        }
        _ => digits[end..].to_string(),
    };
    if viable && !full_match(meta, general, &potential) {
        return digits.to_string();
    }
    match length(meta, &potential) {
        Length::TooShort | Length::LocalOnly | Length::Invalid => digits.to_string(),
        _ => potential,
    }
}

/// Transform rules are written `$1…` in Java; `${1}` keeps the regex crate
/// from reading `$15` as group 15.
fn java_to_rust_rule(rule: &str) -> String {
    let mut out = String::new();
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            if let Some(d) = chars.next_if(char::is_ascii_digit) {
                out.push_str(&format!("${{{d}}}"));
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The verdict once the country code and national number are known.
fn verdict(code: u16, nsn: &str, written_e164: bool) -> Phone {
    let Some(metas) = DATABASE.by_code(&code) else {
        return Phone::Invalid(
            "unknown_country_code",
            "has a country code that does not exist",
        );
    };
    if nsn.len() > MAX_NSN {
        return Phone::Invalid("too_long", "has too many digits for its country");
    }
    let region = if metas.len() == 1 {
        Some(metas[0])
    } else {
        metas.iter().copied().find(|m| match m.leading_digits() {
            Some(lead) => anchored(lead.as_str(), false).is_some_and(|r| r.is_match(nsn)),
            None => number_type(m, nsn).is_some(),
        })
    };
    let kind = region.and_then(|m| number_type(m, nsn));
    match kind {
        Some(kind) => Phone::Valid {
            e164: format!("+{code}{nsn}"),
            written_e164,
            landline: kind == Type::FixedLine,
        },
        None => match length(metas[0], nsn) {
            Length::TooShort | Length::LocalOnly => {
                Phone::Invalid("too_short", "has too few digits for its country")
            }
            Length::TooLong => Phone::Invalid("too_long", "has too many digits for its country"),
            Length::Invalid => Phone::Invalid(
                "invalid_length",
                "has a number of digits its country does not use",
            ),
            Length::Possible => {
                Phone::Invalid("unassigned", "is in a range its country has not assigned")
            }
        },
    }
}

/// libphonenumber's `getNumberTypeHelper`: the first type whose pattern
/// the whole number matches.
fn number_type(meta: &Metadata, nsn: &str) -> Option<Type> {
    let d = meta.descriptors();
    if !full_match(meta, d.general(), nsn) {
        return None;
    }
    for kind in TYPES {
        if d.get(kind).is_some_and(|desc| full_match(meta, desc, nsn)) {
            return Some(kind);
        }
    }
    let fixed = d
        .get(Type::FixedLine)
        .is_some_and(|desc| full_match(meta, desc, nsn));
    let mobile = d
        .get(Type::Mobile)
        .is_some_and(|desc| full_match(meta, desc, nsn));
    match (fixed, mobile) {
        (true, true) => Some(Type::FixedLineOrMobile),
        (true, false) => Some(Type::FixedLine),
        (false, true) => Some(Type::Mobile),
        (false, false) => None,
    }
}

/// Whether `nsn` has one of `desc`'s lengths (the general ones when it
/// lists none) and matches its whole pattern.
fn full_match(meta: &Metadata, desc: &Descriptor, nsn: &str) -> bool {
    let lengths = if desc.possible_length().is_empty() {
        lengths(meta).0
    } else {
        desc.possible_length().to_vec()
    };
    // -1 marks a type with no numbers in this region.
    if !lengths.is_empty() && !lengths.contains(&(nsn.len() as u16)) {
        return false;
    }
    anchored(desc.national_number().as_str(), true).is_some_and(|r| r.is_match(nsn))
}

/// The metadata's pattern compiled once, anchored at the start (and the
/// end too for `whole`), as libphonenumber's `matches` and `lookingAt`.
/// `pattern` must be borrowed from the metadata (its address is the key).
/// Compiled patterns live as long as the process: there are at most a few
/// thousand, one per pattern in the metadata, and a shared `&Regex` keeps
/// its search cache between calls (a clone would start a new one).
fn anchored(pattern: &str, whole: bool) -> Option<&'static Regex> {
    // Keyed by where the pattern lives: the metadata is a static that is
    // never dropped, so its strings keep their address.
    type Cache = HashMap<(usize, usize, bool), Option<&'static Regex>>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    let mut map = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let key = (pattern.as_ptr() as usize, pattern.len(), whole);
    *map.entry(key).or_insert_with(|| {
        let end = if whole { "$" } else { "" };
        // The metadata's patterns are laid out with whitespace.
        let pattern: String = pattern.chars().filter(|c| !c.is_whitespace()).collect();
        let re = Regex::new(&format!("^(?:{pattern}){end}")).ok()?;
        Some(&*Box::leak(Box::new(re)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use phonenumber::country::Id;

    fn e164(v: &str, region: Option<Id>) -> Option<String> {
        match judge(v, region) {
            Phone::Valid { e164, .. } => Some(e164),
            _ => None,
        }
    }

    #[test]
    fn a_plus_wins_over_the_default_region() {
        let us = Some(Id::US);
        assert_eq!(
            e164("+86 131 2345 6061", us).as_deref(),
            Some("+8613123456061")
        );
        assert_eq!(
            e164("+49 1512 3456789", us).as_deref(),
            Some("+4915123456789")
        );
        assert_eq!(
            e164("+7 800 555 35 35", Some(Id::RU)).as_deref(),
            Some("+78005553535")
        );
        assert_eq!(
            e164("8 800 555 35 35", Some(Id::RU)).as_deref(),
            Some("+78005553535")
        );
        assert_eq!(
            e164("011 49 1512 3456789", us).as_deref(),
            Some("+4915123456789")
        );
        assert_eq!(
            e164("0049 1512 3456789", Some(Id::DE)).as_deref(),
            Some("+4915123456789")
        );
        assert_eq!(e164("(415) 555-0123", us).as_deref(), Some("+14155550123"));
        assert_eq!(e164("(201) 555-0123", us).as_deref(), Some("+12015550123"));
        assert_eq!(
            e164("1 (201) 555-0123", us).as_deref(),
            Some("+12015550123")
        );
    }

    #[test]
    fn validity_comes_from_the_metadata() {
        assert_eq!(judge("(201) 555-0123", None), Phone::NeedsRegion);
        assert!(matches!(
            judge("+999 1234 5678", None),
            Phone::Invalid("unknown_country_code", _)
        ));
        assert!(matches!(
            judge("+49 1", None),
            Phone::Invalid("too_short", _)
        ));
        assert!(matches!(
            judge("+1 201 555 0123 4567", None),
            Phone::Invalid("too_long", _)
        ));
        assert!(matches!(
            judge("+1 201 555 012", None),
            Phone::Invalid(_, _)
        ));
        assert!(matches!(
            judge("call me", None),
            Phone::Invalid("letters", _)
        ));
        // Short numbering plans: Niue (7-digit mobiles, 4-digit lines)
        // and Tokelau.
        for v in ["+683 888 4012", "+683 4002", "+690 7290", "+690 3101"] {
            assert!(
                matches!(judge(v, None), Phone::Valid { .. }),
                "{v}: {:?}",
                judge(v, None)
            );
        }
    }
}

/// libphonenumber's verdicts (Python `phonenumbers`, the version its first
/// line names) on its example numbers written the ways exports write them.
#[cfg(test)]
mod oracle {
    use super::*;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/records/phones.tsv");

    #[test]
    fn no_proposed_e164_form_differs_from_libphonenumber() {
        let (mut wrong, mut missed, mut false_invalid, mut false_valid, mut n) =
            (Vec::new(), 0, Vec::new(), Vec::new(), 0);
        for line in FIXTURE.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (region, value, expected) =
                (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
            let region: Option<country::Id> = (region != "-").then(|| region.parse().unwrap());
            n += 1;
            match (judge(value, region), expected) {
                (Phone::Valid { e164, .. }, "invalid") => {
                    false_valid.push(format!("{value} {region:?} → {e164}"))
                }
                (Phone::Valid { e164, .. }, exp) if e164 != exp => {
                    wrong.push(format!("{value} {region:?} → {e164}, libphonenumber {exp}"))
                }
                (Phone::Valid { .. }, _) => {}
                (_, "invalid") => {}
                (Phone::NeedsRegion, _) => missed += 1,
                (v, exp) => {
                    false_invalid.push(format!("{value} {region:?}: {v:?}, libphonenumber {exp}"))
                }
            }
        }
        assert!(n > 2000, "{n}");
        assert!(
            wrong.is_empty(),
            "{} wrong E.164 forms: {wrong:#?}",
            wrong.len()
        );
        assert_eq!(missed, 0);
        assert!(
            false_invalid.is_empty(),
            "{} valid numbers called invalid: {false_invalid:#?}",
            false_invalid.len()
        );
        assert!(
            false_valid.is_empty(),
            "{} invalid numbers called valid: {false_valid:#?}",
            false_valid.len()
        );
    }
}
