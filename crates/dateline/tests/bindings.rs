//! The TypeScript twins of the types that cross IPC (`ui/src/lib/bindings/`, written by ts-rs)
//! are what the Rust types generate now: this test fails when one is stale, missing or left
//! over, and says how to write them again (`DATELINE_WRITE_BINDINGS=1 cargo test -p dateline
//! --test bindings`). Nothing else writes them, so a run of the tests never changes the tree.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dateline::model::{ActorKind, EventKind, Precision, Role, Status};
use ts_rs::{Config, TS};

/// Every type the UI reads or sends, each with the types it names.
fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    macro_rules! export {
        ($($t:ty),* $(,)?) => { $( <$t as TS>::export_all(&cfg).expect(stringify!($t)); )* };
    }
    export!(
        ActorKind,
        EventKind,
        Precision,
        Role,
        Status,
        dateline::Selection,
        dateline::Facets,
        dateline::FacetCount,
        dateline::ActorCount,
        dateline::ActorView,
        dateline::ArticleView,
        dateline::BucketCount,
        dateline::ChangeKind,
        dateline::EventChange,
        dateline::EventDetail,
        dateline::EventPatch,
        dateline::EventSummary,
        dateline::Evidence,
        dateline::FeedOutcome,
        dateline::FeedResult,
        dateline::FeedUpdateReport,
        dateline::FeedView,
        dateline::FileReport,
        dateline::FileStatus,
        dateline::GraphEdge,
        dateline::GraphNode,
        dateline::GraphView,
        dateline::ImageExportOptions,
        dateline::ImportProgress,
        dateline::MapImageOptions,
        dateline::ImportReport,
        dateline::ParticipantView,
        dateline::RemovedFile,
        dateline::WatchReport,
        dateline::WorkspaceInfo,
    );
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("a bindings folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "ts") {
            let name = path.file_name().expect("a name").to_string_lossy().into_owned();
            out.insert(name, std::fs::read_to_string(&path).expect("readable"));
        }
    }
    out
}

#[test]
fn the_ui_bindings_are_what_the_rust_types_generate() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings");
    let fresh = tempfile::tempdir().expect("tempdir");
    export_all(fresh.path());
    let want = files(fresh.path());
    if std::env::var_os("DATELINE_WRITE_BINDINGS").is_some() {
        for (name, _) in files(&committed) {
            if !want.contains_key(&name) {
                std::fs::remove_file(committed.join(&name)).expect("remove");
            }
        }
        for (name, text) in &want {
            std::fs::write(committed.join(name), text).expect("write");
        }
        return;
    }
    let have = files(&committed);
    let stale: Vec<&String> = want.keys().filter(|n| have.get(*n) != want.get(*n)).collect();
    let extra: Vec<&String> = have.keys().filter(|n| !want.contains_key(*n)).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "ui/src/lib/bindings is stale (changed or missing: {stale:?}; left over: {extra:?}): \
         write it with `DATELINE_WRITE_BINDINGS=1 cargo test -p dateline --test bindings`"
    );
}
