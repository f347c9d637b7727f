//! Inputs past their documented bound (docs/limits.md) end in a one-line
//! usage error, exit 2, without reading on.

use crate::support::{assert_usage_error, run};
use std::io::Write;

/// A temporary file of `len` bytes: `head`, then `fill` repeated.
fn file_of(head: &[u8], fill: u8, len: usize) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(head).unwrap();
    file.write_all(&vec![fill; len - head.len()]).unwrap();
    file
}

#[test]
fn a_ca_file_over_4_mib_is_refused() {
    let big = file_of(b"-----BEGIN CERTIFICATE-----\n", b'A', 4 * 1024 * 1024 + 1);
    let path = big.path().to_str().unwrap();
    let r = run(&["endpoint", "https://127.0.0.1:9/", "--ca-file", path]);
    assert_usage_error(&r, "file is larger than 4194304 bytes");
    assert!(r.stderr.starts_with("plumb: --ca-file"), "{}", r.stderr);
}

#[test]
fn a_doctor_config_over_1_mib_is_refused() {
    let big = file_of(b"# ", b'x', 1024 * 1024 + 1);
    let r = run(&["doctor", "--config", big.path().to_str().unwrap()]);
    assert_usage_error(&r, "file is larger than 1048576 bytes");
}

#[test]
fn a_json_lines_record_over_16_mib_is_refused_by_line() {
    let mut file = file_of(
        b"{\"email\":\"a@example.com\"}\n{\"note\":\"",
        b'x',
        16 * 1024 * 1024 + 64,
    );
    file.write_all(b"\"}\n").unwrap();
    let r = run(&["records", "validate", file.path().to_str().unwrap()]);
    assert_usage_error(&r, "line 2: longer than 16 MiB");
}

#[test]
fn a_csv_record_over_16_mib_is_refused() {
    // An unclosed quote makes the rest of the file one record.
    let file = file_of(
        b"email,name\na@example.com,\"",
        b'x',
        16 * 1024 * 1024 + 64 * 1024,
    );
    let r = run(&["records", "validate", file.path().to_str().unwrap()]);
    assert_usage_error(&r, "a record is longer than 16 MiB");
}

#[test]
fn a_json_array_element_over_16_mib_is_refused() {
    let mut file = file_of(
        b"[{\"email\":\"a@example.com\"},\n{\"note\":\"",
        b'x',
        16 * 1024 * 1024 + 64,
    );
    file.write_all(b"\"}]\n").unwrap();
    let r = run(&["records", "validate", file.path().to_str().unwrap()]);
    assert_usage_error(&r, "line 2: a record is longer than 16 MiB");
}
