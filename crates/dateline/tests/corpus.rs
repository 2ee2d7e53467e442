//! The dev corpus imported twice, and in another order, gives the same workspace. Skipped when
//! the corpus (`../shared/corpus/statedept-dev` next to the repository) is absent.

use std::path::{Path, PathBuf};

use dateline::{Cancel, Workspace};

fn corpus() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors().map(|a| a.join("shared/corpus/statedept-dev")).find(|p| p.is_dir())
}

/// The workspace's content without its ids: what an analyst sees.
fn content(ws: &Workspace) -> Vec<String> {
    let mut out: Vec<String> = ws
        .events()
        .expect("events")
        .iter()
        .map(|e| {
            let mut people = e.participants.clone();
            people.sort();
            format!(
                "{:?} {:?} {:?}–{:?} {} [{}] {:?} {:?} {:?}",
                e.kind,
                e.status,
                e.start,
                e.end,
                e.sources,
                people.join("; "),
                e.place,
                e.country,
                e.outlets
            )
        })
        .collect();
    out.sort();
    let mut actors: Vec<String> = ws
        .actors()
        .expect("actors")
        .iter()
        .map(|a| {
            let mut aliases = a.aliases.clone();
            aliases.sort();
            format!("{} {:?} {} [{}]", a.name, a.kind, a.events, aliases.join("; "))
        })
        .collect();
    actors.sort();
    out.extend(actors);
    out
}

#[test]
fn importing_the_dev_corpus_twice_or_in_another_order_gives_the_same_workspace() {
    let Some(dir) = corpus() else {
        eprintln!("skipped: no shared/corpus/statedept-dev next to the repository");
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut a = Workspace::open(&tmp.path().join("a.dateline")).expect("open");
    a.import(std::slice::from_ref(&dir), &Cancel::default(), &mut |_| {}).expect("import");
    let first = content(&a);
    let info = a.info().expect("info");
    assert!(info.events > 300, "{info:?}");

    let again = a.import(std::slice::from_ref(&dir), &Cancel::default(), &mut |_| {}).expect("import");
    assert_eq!(again.articles_added, 0);
    assert_eq!(a.info().expect("info"), info);
    assert_eq!(content(&a), first);

    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.reverse();
    let mut b = Workspace::open(&tmp.path().join("b.dateline")).expect("open");
    for chunk in files.chunks(50) {
        b.import(chunk, &Cancel::default(), &mut |_| {}).expect("import");
    }
    let second = content(&b);
    let diff: Vec<_> = first
        .iter()
        .filter(|l| !second.contains(l))
        .chain(second.iter().filter(|l| !first.contains(l)))
        .collect();
    assert!(diff.is_empty(), "import order changed the workspace: {diff:#?}");

    let merged = a.events().expect("events").into_iter().filter(|e| e.sources > 1).count();
    assert!(merged >= 5, "the corpus tells some events more than once: {merged}");
    let sample = a.events().expect("events").into_iter().find(|e| e.sources > 1).expect("a merged event");
    let detail = a.event_detail(sample.id).expect("detail");
    let articles: std::collections::BTreeSet<i64> = detail.evidence.iter().map(|e| e.article_id).collect();
    assert_eq!(articles.len() as u32, sample.sources, "every source's evidence is shown");
}

fn tables(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).expect("open");
    dateline_store::test_support::dump_by_content(&conn).expect("dump")
}

#[test]
fn the_dev_corpus_imported_in_batches_merges_as_a_full_rebuild_does() {
    let Some(dir) = corpus() else {
        eprintln!("skipped: no shared/corpus/statedept-dev next to the repository");
        return;
    };
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    // Interleaved, so that every batch brings events of articles already in.
    files.sort_by_key(|p| p.file_name().map(|n| n.len() % 5));
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("batches.dateline");
    let mut ws = Workspace::open(&path).expect("open");
    let mut at = 0;
    // After the first, each batch is under a third of what is there: merged as an update.
    for (round, size) in [100usize, 1, 2, 10, 40, 5, 30, 1, 60, 80].into_iter().enumerate() {
        let batch = &files[at.min(files.len())..(at + size).min(files.len())];
        at += size;
        ws.import(batch, &Cancel::default(), &mut |_| {}).expect("import");
        if round == 3 {
            let busiest = ws.events().expect("events").into_iter().max_by_key(|e| (e.sources, e.id));
            ws.delete_event(busiest.expect("events").id).expect("delete");
        }
    }
    assert!(at >= files.len(), "every file imported");
    let updated = ws.events().expect("events");
    assert!(updated.iter().any(|e| e.sources > 1), "some events merged across articles");
    drop(ws);
    let before = tables(&path);
    dateline_store::Store::open(&path).expect("open").rebuild().expect("rebuild");
    let after = tables(&path);
    if before != after {
        let diff: Vec<(&str, &str)> =
            before.lines().zip(after.lines()).filter(|(a, b)| a != b).take(5).collect();
        panic!("the batches' merges and the rebuild differ (batches, rebuild): {diff:#?}");
    }
}
