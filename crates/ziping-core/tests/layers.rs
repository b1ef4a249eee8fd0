//! The crate's architecture invariants, checked the way rust-analyzer checks its own: by a test
//! that reads the source.
//!
//! 1. Layers point one way. Every `crate::` / `super::` path in a module's code (its tests
//!    excluded) names a module of its own layer or a lower one:
//!    `core` (the domain, `core::model` at its bottom) → `i18n` (words typed facts) →
//!    `state` (reducers, typed) → `report` (writers that word whole things: the county CSVs,
//!    the app's notices) → `sample` (generated test data).
//! 2. No cycles between modules, at the grain of a file or a folder module (`core::score`,
//!    `core::aggregate`, `i18n`, `state::editor`, `state::county`, …). The one deliberate pair
//!    is `core::model` ↔ `core::model_raw` (the format's flat readers).
//! 3. No source file over 800 lines.
//!
//! A failure names the offending edge, cycle or file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 800;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module path of a file: `src/core/score/mod.rs` → `["core", "score"]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src_dir()).expect("under src");
    let mut segs: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(segs.last().map(String::as_str), Some("mod" | "lib")) {
        segs.pop();
    }
    segs
}

/// The grain the cycle check works at: `core::<module>`, `state::<module>`, `report::<module>`,
/// or a top-level module as a whole (`i18n`, `sample`).
fn unit(segs: &[String]) -> Option<String> {
    match segs {
        [] => None,
        [top, sub, ..] if matches!(top.as_str(), "core" | "state" | "report") => {
            Some(format!("{top}::{sub}"))
        }
        [top, ..] => Some(top.clone()),
    }
}

fn layer(unit: &str) -> u8 {
    match unit.split("::").next().unwrap_or_default() {
        "core" => 0,
        "i18n" => 1,
        "state" => 2,
        "report" => 3,
        "sample" => 4,
        other => panic!("module `{other}` has no layer: add it to tests/layers.rs"),
    }
}

/// The code without its unit tests and comments.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.at < self.s.len() && self.s[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }
    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        if self.s[self.at..].starts_with(token.as_bytes()) {
            self.at += token.len();
            true
        } else {
            false
        }
    }
    fn ident(&mut self) -> Option<String> {
        self.skip_space();
        let start = self.at;
        while self.at < self.s.len()
            && (self.s[self.at].is_ascii_alphanumeric() || self.s[self.at] == b'_')
        {
            self.at += 1;
        }
        (self.at > start).then(|| String::from_utf8_lossy(&self.s[start..self.at]).into_owned())
    }
    /// A use tree after `crate::`: `a::b::{c, d::{e, f}}` → every path it names.
    fn tree(&mut self, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut segs = prefix;
        loop {
            if self.eat("{") {
                loop {
                    if self.eat("}") {
                        return;
                    }
                    self.tree(segs.clone(), out);
                    if !self.eat(",") {
                        self.eat("}");
                        return;
                    }
                }
            }
            if self.eat("*") {
                out.push(segs);
                return;
            }
            match self.ident() {
                Some(name) => segs.push(name),
                None => {
                    out.push(segs);
                    return;
                }
            }
            if !self.eat("::") {
                out.push(segs);
                return;
            }
        }
    }
}

/// Every module-to-module edge of the crate's code.
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(&src_dir(), &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let module = module_of(&file);
        let Some(from) = unit(&module) else { continue };
        let text = code(&std::fs::read_to_string(&file).expect("readable"));
        let bytes = text.as_bytes();
        for keyword in ["crate::", "super::"] {
            let mut search = 0;
            while let Some(found) = text[search..].find(keyword) {
                let at = search + found;
                search = at + keyword.len();
                if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                    continue;
                }
                // `super::` in `a/b.rs` and in `a/b/mod.rs` both name `a`.
                let prefix = if keyword == "crate::" {
                    Vec::new()
                } else {
                    module[..module.len().saturating_sub(1)].to_vec()
                };
                let mut parser = Parser {
                    s: bytes,
                    at: search,
                };
                let mut paths = Vec::new();
                parser.tree(prefix, &mut paths);
                for path in paths {
                    if let Some(to) = unit(&path) {
                        if to != from {
                            edges.entry(from.clone()).or_default().insert(to);
                        }
                    }
                }
            }
        }
        edges.entry(from).or_default();
    }
    edges
}

fn allowed_pair(a: &str, b: &str) -> bool {
    let pair = ["core::model", "core::model_raw"];
    pair.contains(&a) && pair.contains(&b)
}

#[test]
fn layers_point_one_way() {
    let mut wrong = Vec::new();
    for (from, tos) in edges() {
        for to in tos {
            if layer(&to) > layer(&from) {
                wrong.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "modules that reach up a layer (core → i18n → state → report → sample):\n{}",
        wrong.join("\n")
    );
}

/// Tarjan's strongly connected components; every component of more than one module is a cycle.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn no_module_cycles() {
    let found: Vec<Vec<String>> = cycles(&edges())
        .into_iter()
        .filter(|c| !(c.len() == 2 && allowed_pair(&c[0], &c[1])))
        .collect();
    assert!(
        found.is_empty(),
        "modules that reach each other:\n{}",
        found
            .iter()
            .map(|c| c.join(" ↔ "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_checker_sees_a_cycle() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    edges.entry("c".into()).or_default().insert("a".into());
    edges.entry("d".into()).or_default().insert("a".into());
    assert_eq!(cycles(&edges), vec![vec!["a", "b", "c"]]);
}

#[test]
fn the_parser_reads_nested_use_trees() {
    let text = "use crate::{core::{model::X, score::{a, b}}, i18n};\nlet x = super::draft::Y;";
    let mut parser = Parser {
        s: text.as_bytes(),
        at: "use crate::".len(),
    };
    let mut paths = Vec::new();
    parser.tree(Vec::new(), &mut paths);
    let units: BTreeSet<String> = paths.iter().filter_map(|p| unit(p)).collect();
    assert_eq!(
        units.into_iter().collect::<Vec<_>>(),
        vec!["core::model", "core::score", "i18n"]
    );
}

#[test]
fn no_file_over_800_lines() {
    let mut files = Vec::new();
    sources(&src_dir(), &mut files);
    let mut long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f)
                .expect("readable")
                .lines()
                .count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    long.sort();
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}
