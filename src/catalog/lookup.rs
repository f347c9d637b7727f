//! Forgiving lookup: case, punctuation, a status embedded in a sentence,
//! and small typos all find their entry.

use super::{Entry, Kind, ENTRIES};

/// The outcome of a lookup.
#[derive(Debug)]
pub enum Lookup {
    /// `matched` is the name that matched; `exact` is false for a near miss
    /// or a name found inside a longer message.
    Found {
        entry: &'static Entry,
        matched: &'static str,
        exact: bool,
    },
    /// Nothing close enough; the closest names, best first.
    NotFound { suggestions: Vec<&'static str> },
}

/// Similarity at or above which a near miss counts as a match.
const ACCEPT: f64 = 0.84;

/// Longest query scored for near misses. Edit distance costs the product
/// of the two lengths for every name, so a pasted megabyte would take
/// minutes; and a query this long is at most 255/256 similar to any
/// catalogue name (each far shorter), so nothing is lost.
const MAX_FUZZY_CHARS: usize = 256;

/// Lower-case, punctuation and underscores to spaces, spaces collapsed.
pub fn normalize(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn lookup(query: &str) -> Lookup {
    let q = normalize(query);
    if q.is_empty() {
        return Lookup::NotFound {
            suggestions: Vec::new(),
        };
    }
    let all = || {
        ENTRIES
            .iter()
            .flat_map(|e| e.names.iter().map(move |n| (e, *n)))
    };

    if let Some((entry, matched)) = all().find(|(_, n)| normalize(n) == q) {
        return Lookup::Found {
            entry,
            matched,
            exact: true,
        };
    }
    // "HTTP 429", "error 503 Service Unavailable": the code decides.
    if let Some(found) = code_in(&q) {
        return found;
    }
    // A log line that contains a known message: the longest one wins.
    let padded = format!(" {q} ");
    if let Some((entry, matched)) = all()
        .filter(|(e, n)| {
            let n = normalize(n);
            findable_in_text(e, &n) && padded.contains(&format!(" {n} "))
        })
        .max_by_key(|(_, n)| n.len())
    {
        return Lookup::Found {
            entry,
            matched,
            exact: false,
        };
    }
    if q.chars().count() > MAX_FUZZY_CHARS {
        return Lookup::NotFound {
            suggestions: Vec::new(),
        };
    }
    let mut scored: Vec<(f64, &'static Entry, &'static str)> = all()
        .map(|(e, n)| (similarity(&q, &normalize(n)), e, n))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    if let Some(&(score, entry, matched)) = scored.first() {
        if score >= ACCEPT && q.len() >= 4 {
            return Lookup::Found {
                entry,
                matched,
                exact: false,
            };
        }
    }
    Lookup::NotFound {
        suggestions: sharing_words(&q, &scored),
    }
}

/// Words too common to tie a query to an entry.
const COMMON: [&str; 14] = [
    "the", "and", "for", "with", "from", "not", "was", "has", "are", "this", "that", "error",
    "failed", "http",
];

/// Up to three entries that share a word with the query (or a word one
/// typo away), the most shared first, then the most similar: an unknown
/// query gets suggestions that are about the same thing, or none.
fn sharing_words(q: &str, scored: &[(f64, &'static Entry, &'static str)]) -> Vec<&'static str> {
    let words: Vec<&str> = q
        .split(' ')
        .filter(|w| w.chars().count() >= 3 && !COMMON.contains(w))
        .collect();
    let close = |a: &str, b: &str| {
        a == b
            || (a.len() >= 5 && b.len() >= 5 && strsim::normalized_damerau_levenshtein(a, b) >= 0.8)
    };
    let mut ranked: Vec<(usize, usize, &'static Entry)> = Vec::new();
    for (rank, (_, entry, _)) in scored.iter().enumerate() {
        if ranked.iter().any(|(_, _, e)| std::ptr::eq(*e, *entry)) {
            continue;
        }
        let vocabulary: Vec<String> = entry
            .names
            .iter()
            .chain(std::iter::once(&entry.title))
            .flat_map(|n| {
                normalize(n)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        let shared = words
            .iter()
            .filter(|w| vocabulary.iter().any(|v| close(w, v)))
            .count();
        if shared > 0 {
            ranked.push((shared, rank, entry));
        }
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .take(3)
        .map(|(_, _, e)| e.name())
        .collect()
}

/// Damerau–Levenshtein similarity, quadratic in the lengths: when the
/// lengths alone rule out a match (a pasted 100 KB log, say), their ratio —
/// an upper bound of the similarity — stands in, so a huge query costs
/// linear time instead of minutes.
fn similarity(a: &str, b: &str) -> f64 {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let longest = la.max(lb);
    if longest == 0 {
        return 1.0;
    }
    let bound = 1.0 - la.abs_diff(lb) as f64 / longest as f64;
    if bound < ACCEPT {
        bound
    } else {
        strsim::normalized_damerau_levenshtein(a, b)
    }
}

/// A three-digit code among the query's words that names an entry.
fn code_in(q: &str) -> Option<Lookup> {
    q.split(' ')
        .filter(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_digit()))
        .find_map(|code| {
            ENTRIES.iter().find_map(|entry| {
                entry
                    .names
                    .iter()
                    .find(|n| **n == code)
                    .map(|matched| Lookup::Found {
                        entry,
                        matched,
                        exact: false,
                    })
            })
        })
}

/// Whether a name is specific enough to recognise inside a longer line:
/// messages are, and so are phrases of two or more words; bare words such
/// as "error" or "active" would match almost any log line.
fn findable_in_text(entry: &Entry, name: &str) -> bool {
    let message = matches!(
        entry.kind,
        Kind::LogMessage | Kind::ErrorMessage | Kind::Webhook
    );
    let words = name.split(' ').count();
    name.parse::<u32>().is_err() && name.len() >= 5 && (message || words >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(q: &str) -> &'static str {
        match lookup(q) {
            Lookup::Found { entry, .. } => entry.id,
            Lookup::NotFound { suggestions } => panic!("{q:?} not found; {suggestions:?}"),
        }
    }

    #[test]
    fn exact_names_ignore_case_and_punctuation() {
        assert_eq!(found("429"), "http.429");
        assert_eq!(found("rate LIMITED"), "status.rate_limited");
        assert_eq!(found("Expired-Credentials"), "status.expired_credentials");
        assert_eq!(
            found("woocommerce_rest_authentication_error"),
            "error.woocommerce_rest_authentication_error"
        );
    }

    #[test]
    fn huge_queries_are_scored_by_length_alone() {
        // Found by the sweep: a 120 KB query took minutes in the quadratic
        // edit distance. The bound rules every name out at once.
        let huge = "x".repeat(120 * 1024);
        assert!(matches!(lookup(&huge), Lookup::NotFound { .. }));
        assert!(similarity(&huge, "rate limited") < ACCEPT);
        assert_eq!(similarity("", ""), 1.0);
    }

    #[test]
    fn codes_inside_sentences_are_found() {
        assert_eq!(found("HTTP 429 Too Many Requests"), "http.429");
        assert_eq!(found("error code 882"), "code.882");
    }

    #[test]
    fn messages_inside_log_lines_are_found() {
        assert_eq!(
            found("2026-01-02 ERROR sync: Connection timeout after 30000ms"),
            "log.connection_timeout"
        );
    }

    #[test]
    fn near_misses_match_and_far_misses_suggest() {
        assert_eq!(found("rate limted"), "status.rate_limited");
        assert_eq!(found("Invalid signture"), "log.invalid_signature");
        match lookup("quantum flux") {
            Lookup::NotFound { suggestions } => assert!(suggestions.is_empty(), "{suggestions:?}"),
            Lookup::Found { entry, .. } => panic!("matched {}", entry.id),
        }
        match lookup("webhook signing stopped yesterday") {
            Lookup::NotFound { suggestions } => {
                assert!(!suggestions.is_empty());
                for s in &suggestions {
                    let entry = ENTRIES.iter().find(|e| e.name() == *s).unwrap();
                    let text = normalize(&format!("{} {}", entry.title, entry.names.join(" ")));
                    assert!(text.contains("webhook") || text.contains("signing"), "{s}");
                }
            }
            Lookup::Found { entry, .. } => panic!("matched {}", entry.id),
        }
        match lookup("stripe expird key rolled") {
            Lookup::NotFound { suggestions } => {
                assert!(suggestions.contains(&"api_key_expired"), "{suggestions:?}")
            }
            Lookup::Found { entry, .. } => panic!("matched {}", entry.id),
        }
        assert!(matches!(lookup("  "), Lookup::NotFound { .. }));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = &'static str> {
        prop::sample::select(
            ENTRIES
                .iter()
                .flat_map(|e| e.names.iter().copied())
                .collect::<Vec<_>>(),
        )
    }

    /// Regression (found in this audit): a pasted megabyte was scored
    /// against every name by edit distance, minutes of CPU. It is now
    /// looked up by exact and embedded match only.
    #[test]
    fn a_huge_query_skips_near_miss_scoring() {
        let longest = ENTRIES
            .iter()
            .flat_map(|e| e.names)
            .map(|n| normalize(n).chars().count())
            .max()
            .unwrap();
        assert!(
            (longest as f64) < MAX_FUZZY_CHARS as f64 * ACCEPT,
            "a name of {longest} characters could be missed"
        );
        let huge = "x".repeat(1024 * 1024);
        assert!(matches!(lookup(&huge), Lookup::NotFound { .. }));
        let line = format!(
            "{} HTTP 429 Too Many Requests {}",
            "a ".repeat(200_000),
            "b ".repeat(200_000)
        );
        assert!(matches!(lookup(&line), Lookup::Found { exact: false, .. }));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any query: an entry or suggestions, never a panic.
        #[test]
        fn any_query_never_panics(q in "\\PC{0,120}|[0-9 ]{0,12}|[A-Za-z_ .:-]{0,60}") {
            if let Lookup::NotFound { suggestions } = lookup(&q) {
                prop_assert!(suggestions.len() <= 3);
            }
        }

        /// Every name finds an entry that carries it, however it is cased,
        /// punctuated or embedded (normalize→lookup round trip).
        #[test]
        fn every_name_round_trips(n in name(), upper: bool, sep in prop::sample::select(vec![" ", "_", "-", ".", "  "])) {
            let typed = n.replace(' ', sep);
            let typed = if upper { typed.to_uppercase() } else { typed };
            match lookup(&typed) {
                Lookup::Found { entry, .. } => prop_assert!(
                    entry.names.iter().any(|m| normalize(m) == normalize(n)),
                    "{typed:?} found {}", entry.id
                ),
                Lookup::NotFound { .. } => prop_assert!(false, "{typed:?} not found"),
            }
            prop_assert_eq!(normalize(&normalize(&typed)), normalize(&typed));
        }
    }
}
