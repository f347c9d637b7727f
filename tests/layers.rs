//! The module picture: dependencies point down only, and there is no
//! cycle. Read from the source itself, so a new upward import fails here.
//!
//! Nodes are modules at the grain the design speaks of: each probe
//! (`probes::tls`), each transport file (`net::http`), each renderer
//! (`report::text`), and every other top-level module. Only `crate::`
//! paths count; `super::` stays inside a node.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The module path of a source file (`net/http.rs` → `net::http`).
fn module_of_file(rel: &Path) -> Vec<String> {
    rel.with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod")
        .collect()
}

/// The node a `crate::a::b::…` path names.
fn node_of_path(segments: &[&str]) -> String {
    match segments {
        [] => "crate".to_string(),
        ["probes" | "net", second, ..] if is_submodule(segments[0], second) => {
            format!("{}::{second}", segments[0])
        }
        ["report", second @ ("text" | "json" | "junit" | "github" | "render" | "live"), ..] => {
            format!("report::{second}")
        }
        [first, ..] => (*first).to_string(),
    }
}

/// Whether `src/{dir}/{name}` is a module (a file or a folder), not an
/// item of `dir`'s own `mod.rs`.
fn is_submodule(dir: &str, name: &str) -> bool {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    src.join(format!("{name}.rs")).is_file() || src.join(name).is_dir()
}

/// Every `crate::…` path in `text` (and `super::…`, resolved against
/// `module`, the file's own module path), with `use crate::{a, b::c}`
/// groups opened one level.
fn crate_paths(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let code: String = text
        .lines()
        .map(|l| match l.trim_start().starts_with("//") {
            true => "",
            false => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let parent: Vec<String> = module[..module.len().saturating_sub(1)].to_vec();
    let mut rest = code.as_str();
    loop {
        let next = [("crate::", Vec::new()), ("super::", parent.clone())]
            .into_iter()
            .filter_map(|(word, base)| rest.find(word).map(|at| (at, word, base)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, word, base)) = next else { break };
        // Skip identifiers that merely end so, such as `my_crate::`.
        let before = rest[..at].chars().last();
        rest = &rest[at + word.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let (mut prefix, after) = read_path(rest);
        prefix.splice(0..0, base);
        if let Some(group) = after.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for item in inner.split(',') {
                let (tail, _) = read_path(item.trim());
                let mut path = prefix.clone();
                path.extend(tail);
                out.push(path);
            }
        } else {
            out.push(prefix);
        }
    }
    out
}

/// Reads `a::b::c` from the start of `s`; returns the segments and what
/// follows the last `::` (or the path).
fn read_path(s: &str) -> (Vec<String>, &str) {
    let mut segments = Vec::new();
    let mut rest = s;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            return (segments, rest);
        }
        segments.push(rest[..end].to_string());
        rest = &rest[end..];
        match rest.strip_prefix("::") {
            Some(r) => rest = r,
            None => return (segments, rest),
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// node → the nodes it names, without test modules (a test may reach
/// anywhere).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        if rel == Path::new("main.rs") || rel == Path::new("lib.rs") {
            continue;
        }
        let module = module_of_file(rel);
        let segs: Vec<&str> = module.iter().map(String::as_str).collect();
        let from = node_of_path(&segs);
        let text = std::fs::read_to_string(&file).unwrap();
        let text = match text.find("#[cfg(test)]") {
            Some(i) => &text[..i],
            None => &text[..],
        };
        let edges = graph.entry(from.clone()).or_default();
        for path in crate_paths(text, &module) {
            let segs: Vec<&str> = path.iter().map(String::as_str).collect();
            let to = node_of_path(&segs);
            if to != from && to != "crate" {
                edges.insert(to);
            }
        }
    }
    graph
}

/// Edges that break the layering: transport and probes never reach up to
/// the command line, the app or a renderer, transport never reaches a
/// probe, and no probe reaches another (what two probes share lives below
/// them, in `facts`, `credentials`, `service`…; what composes probes, the
/// command line, sits above them).
fn upward(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut bad = Vec::new();
    for (from, tos) in graph {
        let low = from.starts_with("net::") || from.starts_with("probes::");
        for to in tos {
            let up = matches!(to.as_str(), "cli" | "app")
                || to.starts_with("report::")
                || (from.starts_with("net::") && to.starts_with("probes::"))
                || (from.starts_with("probes::") && to.starts_with("probes::") && to != from);
            if low && up {
                bad.push(format!("{from} -> {to}"));
            }
        }
    }
    bad
}

/// Every cycle, each named by the nodes on it.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    // Tarjan's strongly connected components, small enough to write out.
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        found: Vec<String>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w);
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort_unstable();
                s.found.push(component.join(" <-> "));
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

#[test]
fn dependencies_point_down_and_form_no_cycle() {
    let graph = graph();
    let up = upward(&graph);
    let cyc = cycles(&graph);
    assert!(
        up.is_empty() && cyc.is_empty(),
        "upward imports: {up:#?}\ncycles: {cyc:#?}"
    );
}

#[test]
fn the_reader_finds_grouped_and_inline_paths() {
    let text = "use crate::net::{http, proxy::Route};\n// crate::cli::x\nlet x = crate::report::text::clean(y);\nuse super::target::f;";
    let module = vec!["net".to_string(), "tls".to_string()];
    let paths = crate_paths(text, &module);
    assert_eq!(
        paths,
        vec![
            vec!["net".to_string(), "http".into()],
            vec!["net".to_string(), "proxy".into(), "Route".into()],
            vec!["report".to_string(), "text".into(), "clean".into()],
            vec!["net".to_string(), "target".into(), "f".into()],
        ]
    );
    assert_eq!(node_of_path(&["net", "http", "Client"]), "net::http");
    assert_eq!(node_of_path(&["report", "Check"]), "report");
    assert_eq!(node_of_path(&["net", "ms"]), "net", "an item, not a module");
    assert_eq!(node_of_path(&["probes", "tls", "verify"]), "probes::tls");
}

/// The picture itself, snapshotted: a new edge between modules is a
/// reviewed change (`cargo insta review`), and the snapshot file is the
/// map a newcomer reads (tests/snapshots/e2e__layers__module_picture.snap).
#[test]
fn module_picture() {
    let picture: Vec<String> = graph()
        .into_iter()
        .map(|(from, tos)| {
            let tos: Vec<&str> = tos.iter().map(String::as_str).collect();
            format!("{from} -> {}", tos.join(", "))
        })
        .collect();
    insta::assert_snapshot!(picture.join("\n"));
}

/// Probes take plain options, not clap structs: clap lives in the command
/// line (`src/cli/`) and the app that runs it, and nowhere else, so a probe,
/// the transport or a shared module can be called with values (doctor,
/// `check woocommerce`) and never learns how a flag is spelled.
#[test]
fn only_the_command_line_knows_clap() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut mentions = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        if rel.starts_with("cli") || rel == Path::new("app.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains("clap") {
                mentions.push(format!("{}:{}: {}", rel.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        mentions.is_empty(),
        "clap outside src/cli/ and src/app.rs: {mentions:#?}"
    );
}
