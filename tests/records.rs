//! `plumb records`: generated exports with known problems per class.

use crate::support::{assert_usage_error, run, run_json, run_stdin};
use std::io::Write;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Rows 2, 3 and 5 have problems; 5 repeats id 3; 6 shares 1's email.
const CSV: &str =
    "\u{feff}id;email;first_name;phone;birthday;created_at;address1;city;zip;country\n\
1;a@example.com;Ann;+14155550123;1990-01-02;2024-01-01T10:00:00Z;1 Main St;Springfield;12345;US\n\
2;bad.example.com;\"  \";(415) 555-0123;03/04/1990;2024-01-01 10:00:00;2 Main;;;US\n\
3;\"x y@example.com\";Bob;+14155550124;2090-01-01;yesterday;;;;\n\
3;c@example.com;\"Multi\nLine\";;;;;;;\n\
6;A@example.com;Di;;;;;;;\n";

fn ids(check: &crate::support::schema::Check) -> Vec<String> {
    check.details["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn count(check: &crate::support::schema::Check) -> u64 {
    check.details["count"].as_u64().unwrap()
}

#[test]
fn csv_with_bom_semicolons_and_quoting() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "c.csv", CSV.as_bytes());
    let bad = dir.path().join("bad.csv");
    let (code, r) = run_json(&[
        "records",
        "validate",
        file.to_str().unwrap(),
        "--default-region",
        "US",
        "--bad-out",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let email = r.check("records.email");
    assert_eq!(
        (count(email), ids(email)),
        (2, vec!["2".into(), "3".into()])
    );
    assert_eq!(email.details["sample"], "x.x.x");
    assert_eq!(ids(r.check("records.name")), vec!["2"]);
    let date = r.check("records.date");
    assert_eq!(date.status, "fail");
    assert_eq!(ids(date), vec!["2", "3"]);
    assert_eq!(date.details["problems"]["ambiguous_day_month"], 1);
    assert_eq!(date.details["problems"]["future"], 1);
    assert_eq!(date.details["problems"]["unparseable"], 1);
    assert_eq!(date.details["no_timezone"], 1);
    let phone = r.check("records.phone");
    assert_eq!(
        (count(phone), phone.details["convertible"].as_u64()),
        (1, Some(1))
    );
    assert_eq!(ids(r.check("records.address")), vec!["2"]);
    let dups = r.check("records.duplicates");
    assert_eq!(dups.status, "fail");
    assert_eq!(dups.details["duplicate_ids"], 1);
    assert_eq!(dups.details["shared_emails"], 1);
    assert_eq!(r.check("records.summary").details["rows"], 5);
    // No whole personal value reaches the report.
    let text = run(&["records", "validate", file.to_str().unwrap(), "--json"]).stdout;
    for secret in [
        "bad.example.com",
        "555-0123",
        "Springfield",
        "x y@example.com",
    ] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    let written = std::fs::read_to_string(&bad).unwrap();
    let mut rows = csv::Reader::from_reader(written.as_bytes());
    assert_eq!(
        rows.headers().unwrap().iter().next_back(),
        Some("plumb_problems")
    );
    let recs: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 4);
    assert!(
        recs[0][10].contains("E.164 form: +14155550123"),
        "{:?}",
        &recs[0]
    );
    assert_eq!(&recs[2][2], "Multi\nLine");
}

#[test]
fn jsonl_gz_array_and_stdin_agree() {
    let dir = tempfile::tempdir().unwrap();
    let lines = "{\"id\":1,\"email\":\"a@example.com\",\"phone\":\"+14155550123\"}\n\
                 {\"id\":2,\"email\":\"b@example\",\"phone\":\"4155550123\"}\n\
                 {\"id\":2,\"email\":\"c@example.com\",\"phone\":null}\n";
    let array = format!("[{}]", lines.trim().replace('\n', ","));
    let plain = write(dir.path(), "r.jsonl", lines.as_bytes());
    let packed = write(dir.path(), "r.jsonl.gz", &gz(lines.as_bytes()));
    let arr = write(dir.path(), "r.json", array.as_bytes());
    for file in [&plain, &packed, &arr] {
        let (code, r) = run_json(&["records", "validate", file.to_str().unwrap()]);
        assert_eq!(code, 1, "{file:?}");
        assert_eq!(ids(r.check("records.email")), vec!["2"]);
        assert_eq!(ids(r.check("records.phone")), vec!["2"]);
        assert_eq!(ids(r.check("records.duplicates")), vec!["2"]);
        assert_eq!(r.check("records.name").status, "skip");
    }
    let out = run_stdin(
        &["records", "validate", "-", "--json"],
        gz(lines.as_bytes()),
    );
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("\"records.email\""));
}

#[test]
fn ragged_rows_are_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "r.csv",
        b"id,email\n1,a@example.com\n2\n3,c@example.com,extra\n",
    );
    let (code, r) = run_json(&["records", "validate", f.to_str().unwrap()]);
    assert_eq!(code, 0);
    let s = r.check("records.summary");
    assert_eq!(s.status, "warn");
    assert_eq!(s.details["ragged_rows"], 2);
    assert_eq!(ids(s), vec!["2", "3"]);
}

#[test]
fn column_mapping_and_clean_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "m.csv",
        b"Kundennr\tMail privat\n7\tz@example.de\n",
    );
    let (code, r) = run_json(&[
        "records",
        "validate",
        f.to_str().unwrap(),
        "--column",
        "email=Mail privat",
        "--id-column",
        "Kundennr",
    ]);
    assert_eq!(code, 0);
    assert_eq!(r.check("records.email").status, "pass");
    assert_eq!(r.check("records.summary").details["id_column"], "Kundennr");
}

#[test]
fn bad_input_is_one_line_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let empty = write(d, "e.csv", b"");
    let noheader = write(d, "n.csv", b"1,a@example.com\n");
    let json = write(d, "j.jsonl", b"{\"id\":1}\n{\"id\":\n");
    let ok = write(d, "ok.csv", b"id,email\n1,a@example.com\n");
    let p = |x: &PathBuf| x.to_str().unwrap().to_string();
    assert_usage_error(
        &run(&[
            "records",
            "validate",
            &d.join("missing.csv").to_string_lossy(),
        ]),
        "no such file",
    );
    assert_usage_error(&run(&["records", "validate", &p(&empty)]), "empty");
    assert_usage_error(
        &run(&["records", "validate", &p(&noheader)]),
        "not a header",
    );
    assert_usage_error(&run(&["records", "validate", &p(&json)]), "line 2");
    assert_usage_error(
        &run(&["records", "validate", &p(&ok), "--column", "email=Nope"]),
        "--column",
    );
    assert_usage_error(
        &run(&["records", "validate", &p(&ok), "--default-region", "XX1"]),
        "--default-region",
    );
    assert_usage_error(
        &run(&["records", "diff", &p(&ok), &p(&ok), "--key", "nope"]),
        "--key",
    );
}

#[test]
fn diff_finds_missing_extra_duplicate_and_changed() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.csv", b"id,name,city,updated_at\n1,Ann,Oslo,t1\n2,Bob,Rome,t1\n3,Cy,Nice,t1\n4,Di,Bern,t1\n4,Di,Bern,t1\n");
    let b = write(dir.path(), "b.jsonl", b"{\"id\":\"1\",\"name\":\"Ann\",\"city\":\"Oslo\",\"updated_at\":\"t2\"}\n{\"id\":\"2\",\"name\":\"Bob\",\"city\":\"Paris\",\"updated_at\":\"t2\"}\n{\"id\":\"4\",\"name\":\"Dee\",\"city\":\"Bern\",\"updated_at\":\"t2\"}\n{\"id\":\"9\",\"name\":\"Ed\",\"city\":\"Graz\",\"updated_at\":\"t2\"}\n");
    let (code, r) = run_json(&[
        "records",
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--key",
        "id",
        "--ignore-column",
        "updated_at",
    ]);
    assert_eq!(code, 1);
    assert_eq!(r.check("records.count").details["rows_a"], 5);
    assert_eq!(r.check("records.count").details["rows_b"], 4);
    assert_eq!(ids(r.check("records.missing")), vec!["3"]);
    assert_eq!(ids(r.check("records.extra")), vec!["9"]);
    assert_eq!(ids(r.check("records.duplicates")), vec!["4"]);
    let changed = r.check("records.changed");
    assert_eq!(ids(changed), vec!["2", "4"]);
    assert_eq!(changed.details["columns"]["city"], 1);
    assert_eq!(changed.details["columns"]["name"], 1);
    assert!(changed.details["columns"].get("updated_at").is_none());
    let (code, r) = run_json(&[
        "records",
        "diff",
        a.to_str().unwrap(),
        a.to_str().unwrap(),
        "--key",
        "id",
    ]);
    assert_eq!(code, 1, "a repeated key is a disagreement");
    assert_eq!(r.check("records.changed").status, "pass");
}

#[test]
fn text_output_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "c.csv", CSV.as_bytes());
    let r = run(&[
        "records",
        "validate",
        file.to_str().unwrap(),
        "--color",
        "never",
    ]);
    let out = r.stdout.replace(file.to_str().unwrap(), "c.csv");
    insta::assert_snapshot!(crate::assets::stable(&out));
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// Writes `id,<column>` rows, runs `records validate` with `extra` flags and
/// `--bad-out`, and returns each id's `plumb_problems` (absent: none).
fn problems_per_row(
    column: &str,
    values: &[String],
    extra: &[&str],
) -> std::collections::HashMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", column]).unwrap();
    for (i, v) in values.iter().enumerate() {
        w.write_record([&format!("r{i}"), v.as_str()]).unwrap();
    }
    let file = write(dir.path(), "corpus.csv", &w.into_inner().unwrap());
    let bad = dir.path().join("bad.csv");
    let mut args = vec![
        "records",
        "validate",
        file.to_str().unwrap(),
        "--bad-out",
        bad.to_str().unwrap(),
    ];
    args.extend(extra);
    let r = run(&args);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    let mut rows = csv::Reader::from_path(&bad).unwrap();
    rows.records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[2].to_string())
        })
        .collect()
}

/// Python's `unicode_escape`, as the email fixture is written.
fn unescape(v: &str) -> String {
    fn hex(chars: &mut std::str::Chars, n: usize) -> char {
        let h: String = chars.take(n).collect();
        char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap()
    }
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let c = match chars.next() {
            Some('x') => hex(&mut chars, 2),
            Some('u') => hex(&mut chars, 4),
            Some('U') => hex(&mut chars, 8),
            Some('t') => '\t',
            Some('n') => '\n',
            Some('r') => '\r',
            Some(c) => c,
            None => '\\',
        };
        out.push(c);
    }
    out
}

/// Precision and recall of "this value is bad" against an oracle.
fn score(flagged_bad: &[(bool, bool)]) -> (f64, f64) {
    let tp = flagged_bad.iter().filter(|(f, b)| *f && *b).count() as f64;
    let fp = flagged_bad.iter().filter(|(f, b)| *f && !*b).count() as f64;
    let fneg = flagged_bad.iter().filter(|(f, b)| !*f && *b).count() as f64;
    (tp / (tp + fp), tp / (tp + fneg))
}

/// libphonenumber's example numbers for 40 regions, written as exports
/// write them (national, international, 00/011 prefixes, under another
/// default region) and broken (a digit short or long, unassigned ranges,
/// unknown country codes), judged by the built binary: no E.164 form it
/// proposes differs from libphonenumber's, and it finds the invalid ones.
#[test]
#[allow(clippy::disallowed_macros)] // prints the measured agreement
fn phones_agree_with_libphonenumber() {
    let text = fixture("phones.tsv");
    let mut by_region: std::collections::BTreeMap<&str, Vec<(&str, &str)>> = Default::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        by_region.entry(f[0]).or_default().push((f[1], f[2]));
    }
    assert!(by_region.len() > 20);
    let (mut verdicts, mut wrong, mut proposed) = (Vec::new(), Vec::new(), 0);
    for (region, rows) in &by_region {
        let values: Vec<String> = rows.iter().map(|(v, _)| v.to_string()).collect();
        let flags: Vec<&str> = if *region == "-" {
            vec![]
        } else {
            vec!["--default-region", region]
        };
        let problems = problems_per_row("phone", &values, &flags);
        for (i, (value, expected)) in rows.iter().enumerate() {
            let p = problems
                .get(&format!("r{i}"))
                .map(String::as_str)
                .unwrap_or("");
            let form = p
                .split_once("E.164 form: ")
                .map(|(_, f)| f.trim_end_matches(')'));
            let flagged_bad = !p.is_empty() && form.is_none();
            let bad = *expected == "invalid";
            verdicts.push((flagged_bad, bad));
            if let Some(form) = form {
                proposed += 1;
                if form != *expected {
                    wrong.push(format!(
                        "{region} {value}: plumb {form}, libphonenumber {expected}"
                    ));
                }
            } else if p.is_empty() && value != expected {
                wrong.push(format!(
                    "{region} {value}: passed, libphonenumber {expected}"
                ));
            }
        }
    }
    let (precision, recall) = score(&verdicts);
    eprintln!(
        "phones: {} values, {proposed} E.164 forms proposed, {} wrong; invalid numbers: precision {precision:.4}, recall {recall:.4}",
        verdicts.len(),
        wrong.len()
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(proposed > 500, "{proposed}");
    assert!(
        precision >= 0.97 && recall >= 0.99,
        "precision {precision}, recall {recall}"
    );
}

/// email-validator's own test addresses and the shapes exports contain,
/// judged by the built binary against email-validator's verdicts.
#[test]
#[allow(clippy::disallowed_macros)] // prints the measured agreement
fn emails_agree_with_email_validator() {
    let text = fixture("emails.tsv");
    let rows: Vec<(String, bool)> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let (v, verdict) = l.rsplit_once('\t').unwrap();
            (unescape(v), verdict == "invalid")
        })
        .collect();
    let values: Vec<String> = rows.iter().map(|(v, _)| v.clone()).collect();
    let problems = problems_per_row("email", &values, &[]);
    let mut verdicts = Vec::new();
    for (i, (value, bad)) in rows.iter().enumerate() {
        let p = problems
            .get(&format!("r{i}"))
            .map(String::as_str)
            .unwrap_or("");
        let flagged = p
            .split("; ")
            .any(|n| n.starts_with("email: ") && !n.contains("also used by another record"));
        if flagged != *bad {
            eprintln!("disagree: {value:?} plumb {p:?}, email-validator bad={bad}");
        }
        verdicts.push((flagged, *bad));
    }
    let (precision, recall) = score(&verdicts);
    eprintln!(
        "emails: {} addresses; invalid: precision {precision:.4}, recall {recall:.4}",
        rows.len()
    );
    assert!(
        precision >= 0.97 && recall >= 0.99,
        "precision {precision}, recall {recall}"
    );
    let p = problems_per_row("email", &["<tom+news@gmx.ch>".to_string()], &[]);
    assert_eq!(
        p["r0"],
        "email: wrapped in angle brackets: the address is tom+news@gmx.ch"
    );
}

/// Dates as exports hold them, with the verdict explicit rules give.
#[test]
#[allow(clippy::disallowed_macros)] // prints the measured agreement
fn dates_as_exports_write_them() {
    let corpus: &[(&str, &str)] = &[
        ("2006-07-13", ""),
        ("2006-07-13T10:00:00Z", ""),
        ("2006-07-13T10:00:00+05:30", ""),
        ("2006-07-13 10:00:00", ""),
        ("Thu, 25 Jun 1981 14:01:00 +0000", "not ISO 8601"),
        ("25 Jun 1981 14:01:00 -0700", "not ISO 8601"),
        ("July 13, 2006", "not ISO 8601"),
        ("13 July 2006", "not ISO 8601"),
        ("Jul 13 2006", "not ISO 8601"),
        ("13-Jul-2006", "not ISO 8601"),
        ("Thursday, July 13, 2006", "not ISO 8601"),
        ("13/07/2006", "not ISO 8601"),
        ("2006/07/13", "not ISO 8601"),
        ("13.07.2006 10:30", "not ISO 8601"),
        ("07/13/2006 10:30 PM", "not ISO 8601"),
        ("1152784800", "not ISO 8601"),
        ("978307199000", "not ISO 8601"),
        ("1152784800000", "not ISO 8601"),
        ("03/04/2006", "ambiguous"),
        ("2006-07-13T24:61:00", "unparseable"),
        ("2006-07-13T10:00:00+25:00", "unparseable"),
        ("2006-07-13 25:00", "unparseable"),
        ("13/07/2006 24:61", "unparseable"),
        ("2006-02-30", "unparseable"),
        ("February 30, 2006", "unparseable"),
        ("Julember 13, 2006", "unparseable"),
        ("yesterday", "unparseable"),
        ("13/13/2006", "unparseable"),
        ("12345", "unparseable"),
        ("1900-01-01", "placeholder date"),
        ("0000-00-00", "placeholder date"),
        ("0000-00-00 00:00:00", "placeholder date"),
        ("1970-01-01T00:00:00Z", "placeholder date"),
        ("N/A", "placeholder word"),
        ("null", "placeholder word"),
        ("-", "placeholder word"),
    ];
    let values: Vec<String> = corpus.iter().map(|(v, _)| v.to_string()).collect();
    let problems = problems_per_row("date", &values, &[]);
    let mut verdicts = Vec::new();
    for (i, (value, expected)) in corpus.iter().enumerate() {
        let p = problems
            .get(&format!("r{i}"))
            .map(String::as_str)
            .unwrap_or("");
        if expected.is_empty() {
            assert_eq!(p, "", "{value}");
        } else {
            assert!(p.contains(expected), "{value}: {p:?}, expected {expected}");
        }
        verdicts.push((p.contains("unparseable"), *expected == "unparseable"));
    }
    let (precision, recall) = score(&verdicts);
    eprintln!(
        "dates: {} values; unparseable: precision {precision:.4}, recall {recall:.4}",
        corpus.len()
    );
    assert_eq!((precision, recall), (1.0, 1.0));
}

/// A JSON lines export whose first record lacks fields: the columns are
/// the union of the keys, in validate and in diff.
#[test]
fn json_lines_with_a_sparse_first_record() {
    let dir = tempfile::tempdir().unwrap();
    let lines = "{\"id\":1,\"email\":\"a@example.com\"}\n\
                 {\"id\":2,\"email\":\"b@example.com\",\"phone\":\"12\",\"birthday\":\"2090-01-01\"}\n\
                 {\"id\":3,\"email\":\"c@example.com\",\"phone\":\"+99912345678\",\"birthday\":\"1990-01-02\"}\n";
    let f = write(dir.path(), "sparse.jsonl", lines.as_bytes());
    let (code, r) = run_json(&["records", "validate", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(ids(r.check("records.phone")), vec!["2", "3"]);
    assert_eq!(ids(r.check("records.date")), vec!["2"]);
    let a = write(
        dir.path(),
        "a.jsonl",
        b"{\"id\":1}\n{\"id\":2,\"city\":\"Oslo\"}\n",
    );
    let b = write(
        dir.path(),
        "b.jsonl",
        b"{\"id\":1}\n{\"id\":2,\"city\":\"Rome\"}\n",
    );
    let (code, r) = run_json(&[
        "records",
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--key",
        "id",
    ]);
    assert_eq!(code, 1);
    assert_eq!(r.check("records.changed").details["columns"]["city"], 1);
}

/// Keys that differ only by case, surrounding space or leading zeros are
/// named as probably the same record.
#[test]
fn diff_pairs_keys_that_differ_only_in_writing() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.csv", b"sku,name\n007,Ann\nAB-1,Bob\nx,Cy\n");
    let b = write(dir.path(), "b.csv", b"sku,name\n7,Ann\nab-1,Bob\ny,Cy\n");
    let (code, r) = run_json(&[
        "records",
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--key",
        "sku",
    ]);
    assert_eq!(code, 1);
    let near = r.check("records.near_keys");
    assert_eq!(near.status, "info");
    assert_eq!(near.details["count"], 2);
    assert_eq!(
        near.details["pairs"],
        serde_json::json!([["007", "7"], ["AB-1", "ab-1"]])
    );
    assert_eq!(count(r.check("records.missing")), 3);
}

/// The numbers the `phonenumber` crate's parser rewrote wrongly under a
/// default region keep their own country code.
#[test]
fn a_plus_is_never_rewritten_by_the_default_region() {
    let values: Vec<String> = ["+86 131 2345 6061", "+49 1512 3456789", "0049 1512 3456789"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let p = problems_per_row("phone", &values, &["--default-region", "US"]);
    assert!(
        p["r0"].contains("E.164 form: +8613123456061"),
        "{}",
        p["r0"]
    );
    assert!(
        p["r1"].contains("E.164 form: +4915123456789"),
        "{}",
        p["r1"]
    );
    let p = problems_per_row(
        "phone",
        &[
            "+7 800 555 35 35".to_string(),
            "8 800 555 35 35".to_string(),
        ],
        &["--default-region", "RU"],
    );
    assert!(p["r0"].contains("E.164 form: +78005553535"), "{}", p["r0"]);
    assert!(p["r1"].contains("E.164 form: +78005553535"), "{}", p["r1"]);
}

/// A landline number where the column is for mobiles warns; a US number
/// (the metadata cannot tell its kind) and a mobile pass.
#[test]
fn a_landline_in_a_mobile_column_warns() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "m.csv",
        b"id,mobile\n1,+441212345678\n2,+447400123456\n3,+12015550123\n",
    );
    let (code, r) = run_json(&["records", "validate", f.to_str().unwrap()]);
    assert_eq!(code, 0);
    let phone = r.check("records.phone");
    assert_eq!(phone.status, "warn");
    assert_eq!(ids(phone), vec!["1"]);
    assert_eq!(phone.details["problems"]["landline_in_mobile_column"], 1);
}
