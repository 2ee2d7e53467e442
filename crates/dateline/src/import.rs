//! Import: discover files, read and extract them in parallel, save them in batched
//! transactions, and report on every file.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use dateline_ingest::{Limits, Outcome};
use dateline_model::{Article, Event};
use dateline_store::SaveOutcome;
use rayon::prelude::*;

use crate::{Error, FileReport, FileStatus, ImportProgress, ImportReport, Result, Workspace};

/// Files read and extracted in parallel, then saved in one transaction.
const BATCH: usize = 64;

/// A cancellation flag shared between the importer and whoever may stop it.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// One input file after reading and extraction.
struct FileResult {
    path: PathBuf,
    outcome: Extracted,
}

/// Reads one file and extracts its articles. A bug that panics on some input costs that file,
/// never the import: the panic becomes the file's failure.
fn read_and_extract(path: &Path, limits: &Limits) -> FileResult {
    let outcome =
        std::panic::catch_unwind(|| read_and_extract_unguarded(path, limits)).unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err((
                FileStatus::Failed,
                format!("internal error while reading this file (please report it): {what}"),
            ))
        });
    FileResult { path: path.to_path_buf(), outcome }
}

type Extracted = Result<Vec<(Article, Vec<Event>)>, (FileStatus, String)>;

fn read_and_extract_unguarded(path: &Path, limits: &Limits) -> Extracted {
    match dateline_ingest::read_file(path, limits) {
        Outcome::Articles(articles) => Ok(articles
            .into_iter()
            .map(|a| {
                let events = dateline_extract::extract(&a).events;
                (a, events)
            })
            .collect()),
        Outcome::Skipped(reason) => Err((FileStatus::Skipped, reason)),
        Outcome::Failed(e) => Err((FileStatus::Failed, e.to_string())),
    }
}

fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileReport>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for d in dateline_ingest::discover(paths) {
        match d.problem {
            None => files.push(d.path),
            Some(reason) => problems.push(FileReport {
                path: d.path.display().to_string(),
                status: FileStatus::Failed,
                articles: 0,
                reason: Some(reason),
            }),
        }
    }
    if paths.iter().all(|p| p.is_dir()) && files.is_empty() && problems.is_empty() {
        for p in paths {
            problems.push(FileReport {
                path: p.display().to_string(),
                status: FileStatus::Skipped,
                articles: 0,
                reason: Some("empty folder: no files to import".into()),
            });
        }
    }
    (files, problems)
}

/// Reads and extracts files without a workspace (`dateline extract`): every article with its
/// events, in input order, and a report line per file.
pub fn extract_paths(paths: &[PathBuf]) -> (Vec<(Article, Vec<Event>)>, Vec<FileReport>) {
    let (files, mut reports) = discover(paths);
    let limits = Limits::default();
    let results: Vec<FileResult> = files.par_iter().map(|p| read_and_extract(p, &limits)).collect();
    let mut docs = Vec::new();
    for r in results {
        let path = r.path.display().to_string();
        match r.outcome {
            Ok(items) => {
                reports.push(FileReport {
                    path,
                    status: FileStatus::Imported,
                    articles: items.len() as u32,
                    reason: None,
                });
                docs.extend(items);
            }
            Err((status, reason)) => {
                reports.push(FileReport { path, status, articles: 0, reason: Some(reason) })
            }
        }
    }
    (docs, reports)
}

impl Workspace {
    /// Imports files and folders. `progress` is called after every batch; `cancel` stops the
    /// import between batches (what was saved stays saved, each batch whole). The merged events
    /// are rebuilt once at the end, or on cancellation for what was saved.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        cancel: &Cancel,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> Result<ImportReport> {
        let result = import_with(paths, cancel, progress, &mut |batch| self.save_batch(batch));
        self.refresh()?;
        result
    }
}

/// Imports into a workspace others read meanwhile (the app): reading and extraction run without
/// the lock, which is taken only to write each batch and to merge at the end.
pub fn import_shared(
    workspace: &std::sync::Mutex<Workspace>,
    paths: &[PathBuf],
    cancel: &Cancel,
    progress: &mut dyn FnMut(&ImportProgress),
) -> Result<ImportReport> {
    let lock = || workspace.lock().map_err(|_| Error::Poisoned);
    let result = import_with(paths, cancel, progress, &mut |batch| lock()?.save_batch(batch));
    lock()?.refresh()?;
    result
}

type SaveFn<'a> = dyn FnMut(&[(Article, Vec<Event>)]) -> Result<Vec<SaveOutcome>> + 'a;

fn import_with(
    paths: &[PathBuf],
    cancel: &Cancel,
    progress: &mut dyn FnMut(&ImportProgress),
    save: &mut SaveFn<'_>,
) -> Result<ImportReport> {
    let (files, problems) = discover(paths);
    let limits = Limits::default();
    let mut report = ImportReport { files: problems, ..Default::default() };
    let mut state = ImportProgress { files_total: files.len() as u32, ..Default::default() };
    progress(&state);
    for chunk in files.chunks(BATCH) {
        if cancel.is_cancelled() {
            return Err(Error::Cancelled);
        }
        state.current = chunk.first().map(|p| p.display().to_string());
        progress(&state);
        let results: Vec<FileResult> = chunk.par_iter().map(|p| read_and_extract(p, &limits)).collect();
        let mut batch: Vec<(Article, Vec<Event>)> = Vec::new();
        let mut owners: Vec<usize> = Vec::new(); // batch item → index into `results`
        for (i, r) in results.iter().enumerate() {
            if let Ok(items) = &r.outcome {
                for item in items {
                    batch.push(item.clone());
                    owners.push(i);
                }
            }
        }
        let saved = save(&batch)?;
        for (i, r) in results.iter().enumerate() {
            let path = r.path.display().to_string();
            let line = match &r.outcome {
                Err((status, reason)) => {
                    FileReport { path, status: *status, articles: 0, reason: Some(reason.clone()) }
                }
                Ok(items) if items.is_empty() => FileReport {
                    path,
                    status: FileStatus::Skipped,
                    articles: 0,
                    reason: Some("no article found in the file".into()),
                },
                Ok(_) => {
                    let mine: Vec<&SaveOutcome> =
                        owners.iter().zip(&saved).filter(|(o, _)| **o == i).map(|(_, s)| s).collect();
                    let mut added = 0u32;
                    let mut duplicate_of = None;
                    for s in &mine {
                        match s {
                            SaveOutcome::Inserted { events, .. } | SaveOutcome::Updated { events, .. } => {
                                added += 1;
                                report.events_added += *events as u32;
                            }
                            SaveOutcome::Duplicate { origin, .. } => duplicate_of = Some(origin.clone()),
                            SaveOutcome::Unchanged { .. } => {}
                        }
                    }
                    report.articles_added += added;
                    let status = if added > 0 { FileStatus::Imported } else { FileStatus::Unchanged };
                    let reason = (added == 0).then(|| match duplicate_of {
                        Some(o) => format!("same content as {o}"),
                        None => "already in the workspace".into(),
                    });
                    FileReport { path, status, articles: mine.len() as u32, reason }
                }
            };
            report.files.push(line);
        }
        state.files_done += chunk.len() as u32;
        state.articles = report.articles_added;
        state.events = report.events_added;
        progress(&state);
    }
    state.current = None;
    progress(&state);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_twice_changes_nothing_and_reports_every_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let articles = dir.path().join("in");
        std::fs::create_dir(&articles).expect("mkdir");
        std::fs::write(
            articles.join("a.txt"),
            "Call\n\nPublished: 2021-05-21\n\nSecretary of State Antony J. Blinken spoke today with Turkish Foreign Minister Mevlut Cavusoglu.\n",
        )
        .expect("write");
        std::fs::write(articles.join("b.png"), [0u8, 1, 2]).expect("write");
        std::fs::write(articles.join("c.txt"), "bad\0binary").expect("write");
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let mut seen = Vec::new();
        let r = ws
            .import(std::slice::from_ref(&articles), &Cancel::default(), &mut |p| seen.push(p.clone()))
            .expect("import");
        let statuses: Vec<(String, FileStatus)> = r
            .files
            .iter()
            .map(|f| (Path::new(&f.path).file_name().unwrap_or_default().to_string_lossy().into(), f.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("a.txt".into(), FileStatus::Imported),
                ("b.png".into(), FileStatus::Skipped),
                ("c.txt".into(), FileStatus::Failed),
            ]
        );
        assert_eq!(r.articles_added, 1);
        assert!(r.events_added >= 1);
        assert_eq!(seen.last().map(|p| p.files_done), Some(3));
        let info = ws.info().expect("info");

        let again = ws.import(&[articles], &Cancel::default(), &mut |_| {}).expect("import");
        assert_eq!(again.files[0].status, FileStatus::Unchanged);
        assert_eq!(again.articles_added, 0);
        assert_eq!(ws.info().expect("info"), info);

        let events = ws.events().expect("events");
        let detail = ws.event_detail(events[0].id).expect("detail");
        assert!(detail.evidence[0].sentence.contains("spoke today"));
    }

    #[test]
    fn cancel_stops_before_the_next_batch() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.txt"), "x").expect("write");
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let cancel = Cancel::default();
        cancel.cancel();
        let r = ws.import(&[dir.path().join("a.txt")], &cancel, &mut |_| {});
        assert!(matches!(r, Err(Error::Cancelled)));
        assert_eq!(ws.info().expect("info").articles, 0);
    }

    #[test]
    fn an_empty_folder_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (docs, reports) = extract_paths(&[dir.path().to_path_buf()]);
        assert!(docs.is_empty());
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].status, FileStatus::Skipped);
    }
}
