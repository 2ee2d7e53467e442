//! The crates' layering, read from `cargo metadata`: which workspace crate may depend on which
//! (normal and build dependencies; dev-dependencies are free). Stages depend on the model only,
//! the extractor and the store also on `dateline-identity` (who is who, which both need); the
//! store never on the extractor, not even through another crate; the facade `dateline` on the
//! stages and the store; the command line and the app on the facade only. A new edge fails here
//! until this table says why it is right.

use std::collections::{BTreeMap, BTreeSet};
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
