//! Sizes as plumb's flags take them: bytes, or a number with K, M, G or T
//! in powers of 1024.

/// Parses a size: bytes, or a number with K, M, G or T (powers of 1024;
/// `KiB`, `MB` and `GB` are read the same way), such as 500M or 2G.
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => {
            return Err(format!(
                "'{t}' is not a size: use a form such as 500M, 2G or 1048576"
            ))
        }
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("'{t}' is not a size: use a form such as 500M, 2G or 1048576"))?;
    let bytes = value * (1u64 << shift) as f64;
    if !bytes.is_finite() || bytes < 1.0 {
        return Err("must be at least 1 byte".to_string());
    }
    if bytes > (1u64 << 50) as f64 {
        return Err("must be at most 1024T".to_string());
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_in_powers_of_1024() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("500M"), Ok(500 << 20));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("2 gb"), Ok(2 << 30));
        assert_eq!(parse_size("1.5K"), Ok(1536));
        for bad in ["", "0", "-1M", "5X", "G", "1e9", "99999999T"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
