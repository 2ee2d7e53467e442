//! Extraction and merging as two stages: the events file `dateline extract --format articles`
//! writes, merged without a workspace, gives the merged events an import of the same files
//! gives; imported into a workspace, it gives the workspace the import gives. Over `samples/`
//! and the shared dev corpora (skipped, with a message, when they are absent).

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use dateline::extracted::{self, MergedRecord};
use dateline::model::{Article, Event};
use dateline::{Cancel, Workspace};

fn inputs() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![here.join("../../samples")];
    for name in ["statedept-dev", "newsstyles-dev"] {
        match here.ancestors().map(|a| a.join("shared/corpus").join(name)).find(|p| p.is_dir()) {
            Some(p) => out.push(p),
            None => eprintln!("skipped: no shared/corpus/{name} next to the repository"),
        }
    }
    out
}

fn tables(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).expect("open");
    dateline_store::test_support::dump_by_content(&conn).expect("dump")
}

#[test]
fn the_events_file_merges_and_imports_as_the_articles_do() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut merged_some = false;
    for (n, input) in inputs().into_iter().enumerate() {
        let (items, _) = dateline::extract_paths(std::slice::from_ref(&input));
        let file = tmp.path().join(format!("events-{n}.jsonl"));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("create"));
        extracted::write_events(&mut out, &items).expect("write");
        drop(out);
        assert!(extracted::is_events_file(&file));

        let articles_ws = tmp.path().join(format!("articles-{n}.dateline"));
        let mut ws = Workspace::open(&articles_ws).expect("open");
        let imported =
            ws.import(std::slice::from_ref(&input), &Cancel::default(), &mut |_| {}).expect("import");
        let want: Vec<MergedRecord> = ws.merged_records().expect("records");
        merged_some |= want.iter().any(|r| r.sources > 1);

        let merged = extracted::merge_files(&[file.as_path()]).expect("merge");
        assert_eq!(merged.len(), want.len(), "{}", input.display());
        for (got, want) in merged.iter().zip(&want) {
            assert_eq!(got, want, "{}", input.display());
        }

        // Merged in blocks, each alone with the actor rows of all: the same.
        let plan = extracted::plan(items.iter().map(|(a, es)| (a, es.as_slice())));
        let count = plan.blocks.iter().map(|b| b.block + 1).max().unwrap_or(0);
        // Blocking splits a corpus into many parts (one in four or five events opens its own).
        assert!(count > want.len() / 5, "{}: {count} blocks for {} events", input.display(), want.len());
        let mut groups: BTreeMap<usize, Vec<(&Article, &[Event])>> = BTreeMap::new();
        for b in &plan.blocks {
            let (a, es) = items
                .iter()
                .find(|(a, _)| a.content_hash == b.content_hash && a.origin.key() == b.origin)
                .expect("planned article");
            groups.entry(b.block).or_default().push((a, es));
        }
        let planned = std::sync::Arc::new(extracted::PlannedActors::from_rows(&plan.actors));
        let (mut in_blocks, mut in_planned): (Vec<MergedRecord>, Vec<MergedRecord>) = (vec![], vec![]);
        for (_, group) in groups.into_iter().rev() {
            in_planned.extend(extracted::merge_planned_block(&planned, group.clone()).expect("planned"));
            in_blocks.extend(extracted::merge_block(&plan.actors, group));
        }
        extracted::sort_records(&mut in_blocks);
        assert!(in_blocks == want, "{}: merged in blocks, not the same", input.display());
        extracted::sort_records(&mut in_planned);
        assert!(
            in_planned == want,
            "{}: merged in blocks with planned actors, not the same",
            input.display()
        );

        let events_ws = tmp.path().join(format!("events-{n}.dateline"));
        let mut ws2 = Workspace::open(&events_ws).expect("open");
        let report = ws2.import_events_file(&file).expect("import the events file");
        assert_eq!(report.articles_added, imported.articles_added);
        assert_eq!(report.files[0].articles as usize, items.len());
        assert_eq!(ws2.merged_records().expect("records"), want);
        drop((ws, ws2));
        assert!(tables(&articles_ws) == tables(&events_ws), "{}: the workspaces differ", input.display());
    }
    assert!(merged_some, "some events merge across articles");
}

#[test]
fn a_block_of_other_articles_than_the_plans_is_refused_naming_one() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let (items, _) = dateline::extract_paths(&[samples]);
    let plan = extracted::plan(items.iter().map(|(a, es)| (a, es.as_slice())));
    let planned = std::sync::Arc::new(extracted::PlannedActors::from_rows(&plan.actors));
    let all: Vec<(&Article, &[Event])> = items.iter().map(|(a, es)| (a, es.as_slice())).collect();
    assert!(extracted::merge_planned_block(&planned, all).is_ok());
    // The same article naming someone no sample names is not of the plan's set.
    let (a, es) = items.iter().find(|(_, es)| es.iter().any(|e| !e.participants.is_empty())).expect("events");
    let mut changed = es.clone();
    let p = changed.iter_mut().find_map(|e| e.participants.first_mut()).expect("a participant");
    p.actor.name = "Zebulon Quuxworthy".into();
    let err = extracted::merge_planned_block(&planned, [(a, changed.as_slice())]).expect_err("unplanned");
    let said = err.to_string();
    assert!(
        said.starts_with(&format!("{}: an actor of this article is not in the merge plan", a.doc)),
        "{said}"
    );
}

#[test]
fn a_line_that_is_not_an_extracted_article_names_the_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("bad.jsonl");
    std::fs::write(&file, "{\"article\": {}, \"events\": []}\n").expect("write");
    assert!(extracted::is_events_file(&file));
    let err = extracted::merge_files(&[file.as_path()]).expect_err("not an article");
    assert!(err.to_string().contains("bad.jsonl, line 1: not an extracted article"), "{err}");
    std::fs::write(&file, "{\"text\": \"a corpus line\", \"date\": \"2024-01-01\"}\n").expect("write");
    assert!(!extracted::is_events_file(&file));
}
