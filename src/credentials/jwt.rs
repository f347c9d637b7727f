//! Decoding a JWT's header and claims (never verifying: plumb has no key).

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use serde_json::{Map, Value};

const B64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

#[derive(Debug, Clone, PartialEq)]
pub struct Jwt {
    pub header: Map<String, Value>,
    pub claims: Map<String, Value>,
}

/// Whether `s` has the shape of a compact JWT: three base64url parts, the
/// first starting with `eyJ` (`{"`).
pub fn looks_like(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 3
        && s.starts_with("eyJ")
        && parts[..2].iter().all(|p| !p.is_empty())
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'=')
        })
}

/// Decodes header and claims; the error says which part is broken.
pub fn decode(s: &str) -> Result<Jwt, String> {
    let mut parts = s.split('.');
    let header = part(parts.next(), "header")?;
    let claims = part(parts.next(), "claims")?;
    if parts.next().is_none() {
        return Err("it has no signature part".to_string());
    }
    if !header.contains_key("alg") {
        return Err("its header has no \"alg\"".to_string());
    }
    Ok(Jwt { header, claims })
}

fn part(p: Option<&str>, name: &str) -> Result<Map<String, Value>, String> {
    let p = p.ok_or_else(|| format!("its {name} is missing"))?;
    let bytes = B64URL
        .decode(p)
        .map_err(|_| format!("its {name} is not valid base64url"))?;
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(format!("its {name} is not a JSON object")),
    }
}

impl Jwt {
    /// A numeric date claim (`exp`, `iat`, `nbf`) in seconds.
    pub fn time(&self, claim: &str) -> Option<i64> {
        match self.claims.get(claim)? {
            Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
            _ => None,
        }
    }

    /// Scopes from `scope` (space separated), `scp` or `scopes`.
    pub fn scopes(&self) -> Vec<String> {
        ["scope", "scp", "scopes", "permissions"]
            .iter()
            .filter_map(|k| self.claims.get(*k))
            .flat_map(|v| match v {
                Value::String(s) => s.split_whitespace().map(str::to_string).collect(),
                Value::Array(items) => items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
                _ => Vec::new(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn make(header: &str, claims: &str) -> String {
        let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!("{}.{}.c2ln", e.encode(header), e.encode(claims))
    }

    #[test]
    fn decodes_header_claims_and_scopes() {
        let t = make(
            r#"{"alg":"HS256","typ":"JWT"}"#,
            r#"{"exp":1700000000,"scope":"read write","iat":1.7e9}"#,
        );
        assert!(looks_like(&t));
        let jwt = decode(&t).unwrap();
        assert_eq!(jwt.header["alg"], "HS256");
        assert_eq!(jwt.time("exp"), Some(1_700_000_000));
        assert_eq!(jwt.time("iat"), Some(1_700_000_000));
        assert_eq!(jwt.scopes(), vec!["read", "write"]);
    }

    #[test]
    fn broken_parts_are_named() {
        assert!(decode("eyJhbGc.eyJ.x").unwrap_err().contains("header"));
        let no_alg = make(r#"{"typ":"JWT"}"#, "{}");
        assert!(decode(&no_alg).unwrap_err().contains("alg"));
        let bad_claims = format!(
            "{}.!!!.x",
            make(r#"{"alg":"none"}"#, "{}").split('.').next().unwrap()
        );
        assert!(decode(&bad_claims).unwrap_err().contains("claims"));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn object() -> impl Strategy<Value = Map<String, Value>> {
        prop::collection::btree_map(
            "[a-z]{1,6}",
            prop_oneof![
                any::<i64>().prop_map(Value::from),
                any::<bool>().prop_map(Value::from),
                "\\PC{0,10}".prop_map(Value::from),
                prop::collection::vec("[a-z:.]{0,6}", 0..3).prop_map(Value::from),
            ],
            0..5,
        )
        .prop_map(|m| m.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any text, or three arbitrary base64url parts: never a panic.
        #[test]
        fn any_text_never_panics(s in "\\PC{0,80}|eyJ[A-Za-z0-9_=-]{0,40}\\.[A-Za-z0-9_=-]{0,40}\\.[A-Za-z0-9_-]{0,10}") {
            let _ = looks_like(&s);
            if let Ok(jwt) = decode(&s) {
                for claim in ["exp", "iat", "nbf"] {
                    let _ = jwt.time(claim);
                }
                let _ = jwt.scopes();
            }
        }

        /// encode→decode: header and claims come back as they went in.
        #[test]
        fn encoded_token_round_trips(mut header in object(), claims in object(), sig in "[A-Za-z0-9_-]{0,43}") {
            header.insert("alg".into(), "HS256".into());
            let enc = |m: &Map<String, Value>| B64URL.encode(serde_json::to_vec(m).unwrap());
            let token = format!("{}.{}.{sig}", enc(&header), enc(&claims));
            prop_assert!(looks_like(&token));
            let jwt = decode(&token).map_err(TestCaseError::fail)?;
            prop_assert_eq!(jwt.header, header);
            prop_assert_eq!(jwt.claims, claims);
        }
    }
}
