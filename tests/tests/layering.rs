//! The crates' layering, read from `cargo metadata`: which workspace crate may depend on which
//! (normal and build dependencies; dev-dependencies are free). Stages depend on the model only,
//! the extractor and the store also on `dateline-identity` (who is who, which both need); the
//! store never on the extractor, not even through another crate; the facade `dateline` on the
//! stages and the store; the command line and the app on the facade only. A new edge fails here
//! until this table says why it is right. And within each crate, no two of its modules name each
//! other, directly or round a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Each workspace crate and the workspace crates it may depend on.
const ALLOWED: &[(&str, &[&str])] = &[
    ("dateline-model", &[]),
    // Who is who: name keys, titles, the same-person rule.
    ("dateline-identity", &["dateline-model"]),
    ("dateline-ingest", &["dateline-model"]),
    ("dateline-extract", &["dateline-model", "dateline-identity"]),
    ("dateline-graph", &["dateline-model"]),
    ("dateline-render", &["dateline-model"]),
    ("dateline-synth", &["dateline-model"]),
    ("dateline-fetch", &[]),
    // The store decides across articles who is one person by the rule the extractor uses within
    // one: the identity crate's, not the extractor's.
    ("dateline-store", &["dateline-model", "dateline-identity"]),
    (
        "dateline",
        &[
            "dateline-model",
            "dateline-ingest",
            "dateline-extract",
            "dateline-graph",
            "dateline-render",
            "dateline-store",
            "dateline-fetch",
        ],
    ),
    ("dateline-cli", &["dateline"]),
    ("dateline-app", &["dateline"]),
    // The Python package (python/): a third front end, over the same facade.
    ("dateline-py", &["dateline"]),
    ("dateline-tests", &[]),
];

/// The workspace's packages, from `cargo metadata`.
fn packages() -> Vec<serde_json::Value> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    meta["packages"].as_array().expect("packages").clone()
}

fn workspace_edges() -> BTreeMap<String, BTreeSet<String>> {
    let packages = packages();
    let names: BTreeSet<String> =
        packages.iter().filter_map(|p| p["name"].as_str()).map(str::to_string).collect();
    let mut edges = BTreeMap::new();
    for p in &packages {
        let name = p["name"].as_str().expect("name").to_string();
        let deps: BTreeSet<String> = p["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter(|d| d["kind"].as_str() != Some("dev"))
            .filter_map(|d| d["name"].as_str())
            .filter(|d| names.contains(*d))
            .map(str::to_string)
            .collect();
        edges.insert(name, deps);
    }
    edges
}

/// Every crate `from` depends on, directly or through others.
fn reachable<'a>(edges: &'a BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = edges.get(from).into_iter().flatten().map(String::as_str).collect();
    while let Some(c) = stack.pop() {
        if seen.insert(c) {
            stack.extend(edges.get(c).into_iter().flatten().map(String::as_str));
        }
    }
    seen
}

#[test]
fn the_store_does_not_depend_on_the_extractor() {
    let edges = workspace_edges();
    let below = reachable(&edges, "dateline-store");
    assert!(below.contains("dateline-identity"), "the store takes who is who from dateline-identity");
    assert!(!below.contains("dateline-extract"), "dateline-store depends on dateline-extract: {below:?}");
    // Nor the identity rules on the extractor: the store would reach it through them.
    assert!(!reachable(&edges, "dateline-identity").contains("dateline-extract"));
}

/// The top-level modules of the crate whose root is in `src` (the files and folders beside
/// the root) and, for each, the others it names: `crate::m` anywhere in it, or `super::m` in
/// its own file (whose parent is the root). Comments are left out.
fn module_edges(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in std::fs::read_dir(src).expect("src/").map(|e| e.expect("an entry").path()) {
        let name = entry.file_stem().and_then(|s| s.to_str()).expect("a name").to_string();
        if entry.is_dir() {
            files.entry(name).or_default().extend(rust_files(&entry));
        } else if entry.extension().is_some_and(|e| e == "rs") && name != "lib" && name != "main" {
            files.entry(name).or_default().push(entry);
        }
    }
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(module, paths)| {
            let mut names = BTreeSet::new();
            for path in paths {
                let own_file = path.parent() == Some(src);
                let text = std::fs::read_to_string(path).expect("a source file");
                for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
                    let prefixes: &[&str] = if own_file { &["crate::", "super::"] } else { &["crate::"] };
                    names
                        .extend(named_modules(line, prefixes).filter(|m| modules.contains(m) && m != module));
                }
            }
            (module.clone(), names)
        })
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in std::fs::read_dir(dir).expect("a folder").map(|e| e.expect("an entry").path()) {
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The module names after each of `prefixes` in `line`: `m` of `crate::m::f` or `crate::m;`.
fn named_modules<'a>(line: &'a str, prefixes: &'a [&'a str]) -> impl Iterator<Item = String> + 'a {
    prefixes.iter().flat_map(move |prefix| {
        line.match_indices(prefix).filter_map(move |(i, _)| {
            let before = line[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                return None;
            }
            let rest = &line[i + prefix.len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            (!name.is_empty()).then_some(name)
        })
    })
}

/// A cycle of `graph`, if it has one: the modules round it, the first repeated at the end.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth first; a module met again while still on the path closes a cycle.
    fn visit<'a>(
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        node: &'a str,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[i..].iter().map(|s| s.to_string()).collect();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(graph, next, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(graph, node, &mut Vec::new(), &mut done))
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_only_a_cycle() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    let cycle = find_cycle(&graph(&[("edit", "merged"), ("merged", "update"), ("update", "edit")]));
    assert_eq!(cycle.expect("a cycle"), ["edit", "merged", "update", "edit"]);
    // A diamond is no cycle.
    assert_eq!(find_cycle(&graph(&[("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])), None);
    let line = "let x = crate::merged::rebuild_in(&tx)?; super::names::fold(n); my_crate::other";
    let named: Vec<String> = named_modules(line, &["crate::", "super::"]).collect();
    assert_eq!(named, ["merged", "names"]);
}

#[test]
fn no_crate_has_an_import_cycle_between_its_modules() {
    let mut checked = 0;
    for p in packages() {
        let manifest = PathBuf::from(p["manifest_path"].as_str().expect("manifest_path"));
        let src = manifest.parent().expect("the crate's folder").join("src");
        if !src.is_dir() {
            continue;
        }
        let graph = module_edges(&src);
        checked += graph.len();
        if let Some(cycle) = find_cycle(&graph) {
            panic!("{}: its modules name each other round a cycle: {}", p["name"], cycle.join(" -> "));
        }
    }
    assert!(checked > 50, "only {checked} modules found: the search is broken");
}

#[test]
fn every_crate_depends_only_on_the_layers_below_it() {
    let allowed: BTreeMap<&str, BTreeSet<&str>> =
        ALLOWED.iter().map(|(c, deps)| (*c, deps.iter().copied().collect())).collect();
    let edges = workspace_edges();
    for (krate, deps) in &edges {
        let Some(ok) = allowed.get(krate.as_str()) else {
            panic!("{krate} is a new workspace crate: give it its place in ALLOWED");
        };
        for d in deps {
            assert!(ok.contains(d.as_str()), "{krate} may not depend on {d} (see ALLOWED)");
        }
    }
    for krate in allowed.keys() {
        assert!(edges.contains_key(*krate), "{krate} is in ALLOWED but not in the workspace");
    }
}

#[test]
fn the_table_itself_has_no_cycle() {
    // Ranks by longest path down: a cycle would never settle.
    let mut rank: BTreeMap<&str, usize> = ALLOWED.iter().map(|(c, _)| (*c, 0)).collect();
    for _ in 0..=ALLOWED.len() {
        for (c, deps) in ALLOWED {
            let r = deps.iter().map(|d| rank[d] + 1).max().unwrap_or(0);
            rank.insert(c, r);
        }
    }
    for (c, deps) in ALLOWED {
        for d in *deps {
            assert!(rank[c] > rank[d], "{c} and {d} depend on each other");
        }
    }
    // The entry points sit on the facade, which sits on everything else.
    assert!(rank["dateline-cli"] > rank["dateline"] && rank["dateline-app"] > rank["dateline"]);
}

/// What reads the wall clock: chrono's and std's `now`, and SQLite's (`datetime('now')`).
/// `Instant::now` (a monotonic clock, for timeouts) is not the date.
const CLOCK_READS: &[&str] = &["Utc::now", "Local::now", "SystemTime::now", "'now'"];

/// The crates that may read the wall clock: the facade (feed schedules, when a change was seen)
/// and the front ends (the date an export is made). Extraction resolves every date against the
/// article's own publication date, and the store writes only the times it is given.
const CLOCK_READERS: &[&str] = &["dateline", "dateline-cli", "dateline-app"];

#[test]
fn only_the_facade_and_the_front_ends_read_the_clock() {
    for p in packages() {
        let name = p["name"].as_str().expect("name");
        let manifest = PathBuf::from(p["manifest_path"].as_str().expect("manifest_path"));
        let src = manifest.parent().expect("the crate's folder").join("src");
        if CLOCK_READERS.contains(&name) || !src.is_dir() {
            continue;
        }
        for path in rust_files(&src) {
            let text = std::fs::read_to_string(&path).expect("a source file");
            for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().starts_with("//")) {
                if let Some(read) = CLOCK_READS.iter().find(|r| line.contains(*r)) {
                    panic!("{name} reads the clock ({read}) at {}:{}", path.display(), i + 1);
                }
            }
        }
    }
}

/// The outside crates only one workspace crate may depend on (dev-dependencies aside), and
/// which: SQLite, so that transactions begin in the store alone (`Store::write_tx`, the
/// migrations); Tauri, so that the core knows nothing of the desktop.
const ONE_USER: &[(&str, &str)] = &[
    ("rusqlite", "dateline-store"),
    ("tauri", "dateline-app"),
    ("tauri-build", "dateline-app"),
    ("tauri-plugin-dialog", "dateline-app"),
    ("tauri-plugin-opener", "dateline-app"),
];

#[test]
fn only_the_store_opens_a_workspace_file_and_only_the_app_knows_tauri() {
    // Tests may open the workspace file to look inside or to break it.
    for p in packages() {
        let name = p["name"].as_str().expect("name");
        for d in p["dependencies"].as_array().expect("dependencies") {
            let dep = d["name"].as_str().expect("a dependency's name");
            if d["kind"].as_str() == Some("dev") {
                continue;
            }
            if let Some((_, user)) = ONE_USER.iter().find(|(outside, _)| *outside == dep) {
                assert_eq!(name, *user, "{name} depends on {dep}: only {user} may");
            }
        }
    }
}
