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
