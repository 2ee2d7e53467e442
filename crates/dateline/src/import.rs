//! Import: discover files, read and extract them in parallel, save them in batched
//! transactions, and report on every file and on every part of a file that did not become an
//! article (an entry of a zip, a message, a record, the end of a text past the cap).
//!
//! Memory stays bounded whatever the input: small files are read together, 64 at a time; a
//! larger file or an archive is read alone, and its articles are extracted and saved in chunks
//! as they come, so a zip of many large texts never sits whole in memory. Articles move from
//! reading to saving, never copied.

use std::collections::HashSet;
use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use dateline_ingest::{EntryProblem, FileRead, Limits};
use dateline_model::{Article, Event};
use dateline_store::SaveOutcome;
use rayon::prelude::*;

use crate::{Error, FileReport, FileStatus, ImportProgress, ImportReport, Result, Workspace};

/// Small files read and extracted in parallel, then saved in one transaction.
const BATCH: usize = 64;
/// An events file's articles saved per transaction.
const EVENTS_FILE_CHUNK: usize = 256;
/// A file larger than this, or an archive, is read alone and saved in chunks.
const ALONE_BYTES: u64 = 1024 * 1024;
/// A chunk of a file read alone: this many articles, or this much text, whichever comes first.
/// Each chunk is saved, and reported as progress, before the next is read: a zip of 4 MiB texts
/// moves on every two of them.
const CHUNK_ARTICLES: usize = 64;
const CHUNK_TEXT_BYTES: usize = 8 * 1024 * 1024;
/// An article at least this long is extracted on a thread of its own, which the import stops
/// waiting for as soon as it is cancelled (extraction is pure and cannot be stopped half-way from
/// outside, and a text at the 4 MiB cap takes seconds, a debug build's tens of seconds); the
/// abandoned extraction ends on its own, its result dropped, and nothing of it is saved.
const WATCHED_TEXT_BYTES: usize = 256 * 1024;
/// How often a watched extraction looks at the cancel flag.
const CANCEL_POLL: std::time::Duration = std::time::Duration::from_millis(20);

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

fn panic_message(panic: Box<dyn std::any::Any + Send>) -> String {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    format!("internal error while reading this file (please report it): {what}")
}

/// The events of one article. A bug that panics on some input costs that article, never the
/// import: the panic becomes its failure.
fn extract_guarded(a: &Article) -> Result<Vec<Event>, String> {
    std::panic::catch_unwind(AssertUnwindSafe(|| dateline_extract::extract(a).events)).map_err(panic_message)
}

/// Leaves the panics of the PDF libraries (pdf-extract, lopdf) unprinted: the PDF reader catches
/// every one and reports it as the file's failure ("PDF is damaged or unreadable: the PDF reader
/// failed on it (...)"), so the default hook's "thread 'main' panicked at ..." and backtrace were
/// noise on the terminal for every such PDF. Every other panic prints as before. Call once, at
/// start (the CLI and the app do).
pub fn quiet_caught_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let caught =
            info.location().is_some_and(|l| l.file().contains("pdf-extract") || l.file().contains("lopdf"));
        if !caught {
            default(info);
        }
    }));
}

/// Reads one file into `sink`, a panic in a reader becoming the file's failure.
fn read_guarded(
    path: &Path,
    limits: &Limits,
    sink: &mut dateline_ingest::Sink<'_>,
) -> (FileRead, Vec<EntryProblem>) {
    std::panic::catch_unwind(AssertUnwindSafe(|| dateline_ingest::read_file_each(path, limits, sink)))
        .unwrap_or_else(|panic| {
            (FileRead::Failed(dateline_ingest::IngestError::Unsupported(panic_message(panic))), Vec::new())
        })
}

/// One article with its events, or the problem that stands for it (extraction failed); `None`
/// when the import was cancelled before or while it was extracted.
fn extract_one(a: Article, cancel: &Cancel) -> Option<Result<(Article, Vec<Event>), EntryProblem>> {
    let problem = |entry: Option<String>, message: String| EntryProblem {
        entry: entry.unwrap_or_default(),
        message,
        skipped: false,
    };
    let done = |a: Article, events: Result<Vec<Event>, String>| match events {
        Ok(events) => Ok((a, events)),
        Err(message) => Err(problem(a.origin.entry.clone(), message)),
    };
    if cancel.is_cancelled() {
        return None;
    }
    if a.text.len() < WATCHED_TEXT_BYTES {
        let events = extract_guarded(&a);
        return Some(done(a, events));
    }
    let entry = a.origin.entry.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("extract-article".into()).spawn(move || {
        let events = extract_guarded(&a);
        // Nobody listens once the import was cancelled: the article and its events are dropped.
        let _ = tx.send((a, events));
    });
    if let Err(e) = spawned {
        return Some(Err(problem(entry, format!("could not start extracting this article: {e}"))));
    }
    loop {
        match rx.recv_timeout(CANCEL_POLL) {
            Ok((a, events)) => return Some(done(a, events)),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if cancel.is_cancelled() => return None,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                let why = "internal error while extracting this article (please report it)";
                return Some(Err(problem(entry, why.into())));
            }
        }
    }
}

/// Articles with their events, and the articles that could not be extracted.
type Extracted = (Vec<(Article, Vec<Event>)>, Vec<EntryProblem>);

/// What [`extract_one`] gives for each article; `None` when the import was cancelled meanwhile
/// (what was extracted is dropped: nothing of it is saved).
fn extract_all(articles: Vec<Article>, cancel: &Cancel) -> Option<Extracted> {
    let results: Vec<_> = articles.into_par_iter().map(|a| extract_one(a, cancel)).collect();
    let mut items = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for result in results {
        match result? {
            Ok(item) => items.push(item),
            Err(problem) => problems.push(problem),
        }
    }
    Some((items, problems))
}

/// One small file, read and extracted whole.
struct FileResult {
    path: PathBuf,
    read: FileRead,
    items: Vec<(Article, Vec<Event>)>,
    problems: Vec<EntryProblem>,
}

/// `None` when the import was cancelled meanwhile.
fn read_and_extract(path: &Path, limits: &Limits, cancel: &Cancel) -> Option<FileResult> {
    let mut articles = Vec::new();
    let (read, mut problems) = read_guarded(path, limits, &mut |a| {
        articles.push(a);
        !cancel.is_cancelled()
    });
    let (items, failed) = extract_all(articles, cancel)?;
    problems.extend(failed);
    Some(FileResult { path: path.to_path_buf(), read, items, problems })
}

fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileReport>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for d in dateline_ingest::discover(paths) {
        match d.problem {
            None => files.push(d.path),
            Some(reason) => problems.push(FileReport {
                path: dateline_ingest::path_key(&d.path),
                status: FileStatus::Failed,
                articles: 0,
                reason: Some(reason),
            }),
        }
    }
    if paths.iter().all(|p| p.is_dir()) && files.is_empty() && problems.is_empty() {
        for p in paths {
            problems.push(FileReport {
                path: dateline_ingest::path_key(p),
                status: FileStatus::Skipped,
                articles: 0,
                reason: Some("empty folder: no files to import".into()),
            });
        }
    }
    (files, problems)
}

/// The report line of a file that gave no article: skipped or failed, with the reason.
fn unread_line(path: &str, read: &FileRead) -> Option<FileReport> {
    let (status, reason) = match read {
        FileRead::Skipped(why) => (FileStatus::Skipped, why.clone()),
        FileRead::Failed(e) => (FileStatus::Failed, e.to_string()),
        FileRead::Articles(0) => (FileStatus::Skipped, "no article found in the file".to_string()),
        FileRead::Articles(_) | FileRead::Stopped(_) => return None,
    };
    Some(FileReport { path: path.to_string(), status, articles: 0, reason: Some(reason) })
}

/// The report lines of the parts of `path` that did not become articles, or not whole.
fn problem_lines(path: &str, problems: Vec<EntryProblem>) -> impl Iterator<Item = FileReport> + '_ {
    problems.into_iter().map(move |p| FileReport {
        path: if p.entry.is_empty() { path.to_string() } else { format!("{path}!{}", p.entry) },
        status: if p.skipped { FileStatus::Skipped } else { FileStatus::Failed },
        articles: 0,
        reason: Some(p.message),
    })
}

/// Reads and extracts files without a workspace (`dateline extract`): every article with its
/// events, in input order, and a report line per file and per part of a file not read.
pub fn extract_paths(paths: &[PathBuf]) -> (Vec<(Article, Vec<Event>)>, Vec<FileReport>) {
    let (files, mut reports) = discover(paths);
    let limits = Limits::default();
    let never = Cancel::default();
    let results: Vec<Option<FileResult>> =
        files.par_iter().map(|p| read_and_extract(p, &limits, &never)).collect();
    let mut docs = Vec::new();
    for r in results.into_iter().flatten() {
        let path = dateline_ingest::path_key(&r.path);
        match unread_line(&path, &r.read) {
            Some(line) => reports.push(line),
            None => reports.push(FileReport {
                path: path.clone(),
                status: FileStatus::Imported,
                articles: r.items.len() as u32,
                reason: None,
            }),
        }
        reports.extend(problem_lines(&path, r.problems));
        docs.extend(r.items);
    }
    (docs, reports)
}

impl Workspace {
    /// Imports files and folders. `progress` is called after every batch (and every chunk of
    /// a large file); `cancel` stops the import between batches, between the articles of a
    /// file and while one long article is extracted (answering within 20 ms); what was
    /// saved stays saved, each batch whole, and nothing of the batch it stopped in is saved. The merged events are rebuilt once
    /// at the end, or on cancellation for what was saved. The caller takes the [`ImportLock`]
    /// first (before opening the workspace), as `dateline import` does, so that a second
    /// import waits for this one.
    ///
    /// [`ImportLock`]: crate::ImportLock
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        cancel: &Cancel,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> Result<ImportReport> {
        // A damaged workspace gets nothing: not one batch before the failure.
        self.check()?;
        let result = import_with(paths, cancel, progress, &mut |batch| self.save_batch(batch));
        self.refresh()?;
        result
    }
}

/// Imports into a workspace others read meanwhile (the app): reading and extraction run without
/// the lock, which is taken only to write each batch and to merge at the end. Another import
/// into the same workspace (a `dateline import`) is waited for, with a progress message saying so.
pub fn import_shared(
    workspace: &std::sync::Mutex<Workspace>,
    paths: &[PathBuf],
    cancel: &Cancel,
    progress: &mut dyn FnMut(&ImportProgress),
) -> Result<ImportReport> {
    let lock = || workspace.lock().map_err(|_| Error::Poisoned);
    let path = lock()?.path().to_path_buf();
    // No path in the message: the app shows the last part of `current` as a file name.
    let waiting = &mut || {
        progress(&ImportProgress {
            current: Some("another import into this workspace is running: waiting for it to finish".into()),
            files_total: paths.len() as u32,
            ..Default::default()
        })
    };
    let Some(_one_import) = crate::ImportLock::acquire_unless(&path, waiting, &|| cancel.is_cancelled())
    else {
        return Err(Error::Cancelled);
    };
    lock()?.check()?;
    let result = import_with(paths, cancel, progress, &mut |batch| lock()?.save_batch(batch));
    lock()?.refresh()?;
    result
}

type SaveFn<'a> = dyn FnMut(&[(Article, Vec<Event>)]) -> Result<Vec<SaveOutcome>> + 'a;

/// Whether `path` is read alone: a large file, or an archive (whose entries may unpack to much
/// more than the file).
fn read_alone(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else { return false };
    if meta.len() > ALONE_BYTES {
        return true;
    }
    let mut head = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == b"PK\x03\x04"
}

/// What the articles of one file did when saved.
#[derive(Debug, Default)]
struct Tally {
    articles: u32,
    added: u32,
    duplicate_of: Option<String>,
    /// Corrections of its events that found no event once its text changed.
    lost_corrections: Vec<String>,
}

impl Tally {
    fn line(&self, path: &str) -> FileReport {
        let status = if self.added > 0 { FileStatus::Imported } else { FileStatus::Unchanged };
        let reason = match (self.added, self.lost_corrections.as_slice()) {
            (0, _) => Some(match &self.duplicate_of {
                Some(o) => format!("same content as {o}"),
                None => "already in the workspace".into(),
            }),
            (_, []) => None,
            (_, [one]) => Some(format!(
                "its text changed and 1 correction no longer applies (its event is no longer found): {one}"
            )),
            (_, lost) => Some(format!(
                "its text changed and {} corrections no longer apply (their events are no longer found): {}",
                lost.len(),
                lost.join("; ")
            )),
        };
        FileReport { path: path.to_string(), status, articles: self.articles, reason }
    }
}

/// The state of one import: what was saved, the report, the progress.
struct Importer<'a, 'p> {
    save: &'a mut SaveFn<'p>,
    progress: &'a mut dyn FnMut(&ImportProgress),
    cancel: &'a Cancel,
    report: ImportReport,
    state: ImportProgress,
    /// Origins saved by this import: two articles it read never share one (the second would
    /// overwrite the first).
    origins: HashSet<String>,
}

impl Importer<'_, '_> {
    /// Saves `items` in one transaction; `owner[i]` is the tally `items[i]` counts for.
    fn save(
        &mut self,
        mut items: Vec<(Article, Vec<Event>)>,
        owner: &[usize],
        tallies: &mut [Tally],
    ) -> Result<()> {
        for (a, _) in &mut items {
            self.unique_origin(a);
        }
        self.save_as_given(items, owner, tallies)
    }

    /// [`Importer::save`] with the articles' origins as they are: an events file's articles,
    /// where a later version from one origin replaces the earlier (as `dateline merge` and the
    /// merge stage on a cluster take them).
    fn save_as_given(
        &mut self,
        items: Vec<(Article, Vec<Event>)>,
        owner: &[usize],
        tallies: &mut [Tally],
    ) -> Result<()> {
        let saved = (self.save)(&items)?;
        for (s, &o) in saved.iter().zip(owner) {
            let t = &mut tallies[o];
            t.articles += 1;
            match s {
                SaveOutcome::Inserted { events, .. } => {
                    t.added += 1;
                    self.report.articles_added += 1;
                    self.report.events_added += *events as u32;
                }
                SaveOutcome::Updated { events, lost_corrections, .. } => {
                    t.added += 1;
                    t.lost_corrections.extend(lost_corrections.iter().cloned());
                    self.report.articles_added += 1;
                    self.report.events_added += *events as u32;
                }
                SaveOutcome::Duplicate { origin, .. } => t.duplicate_of = Some(origin.clone()),
                SaveOutcome::Unchanged { .. } => {}
            }
        }
        self.state.articles = self.report.articles_added;
        self.state.events = self.report.events_added;
        Ok(())
    }

    /// Gives `a` an origin no other article of this import has (`path!entry~2`).
    fn unique_origin(&mut self, a: &mut Article) {
        if self.origins.insert(a.origin.key()) {
            return;
        }
        let base = a.origin.entry.clone().unwrap_or_default();
        for n in 2.. {
            a.origin.entry = Some(format!("{base}~{n}"));
            if self.origins.insert(a.origin.key()) {
                return;
            }
        }
    }

    /// Small files, read and extracted in parallel, saved in one transaction.
    fn together(&mut self, files: &[PathBuf], limits: &Limits) -> Result<()> {
        self.state.current = files.first().map(|p| dateline_ingest::path_key(p));
        (self.progress)(&self.state);
        let results: Option<Vec<FileResult>> =
            files.par_iter().map(|p| read_and_extract(p, limits, self.cancel)).collect();
        let results = results.ok_or(Error::Cancelled)?;
        self.save_and_report(results, |r| dateline_ingest::path_key(&r.path))
    }

    /// Files read together, saved in one transaction, each reported under `name` (its path, or
    /// a page's address), and counted done.
    fn save_and_report(
        &mut self,
        mut results: Vec<FileResult>,
        name: impl Fn(&FileResult) -> String,
    ) -> Result<()> {
        let mut items = Vec::new();
        let mut owner = Vec::new();
        for (i, r) in results.iter_mut().enumerate() {
            owner.extend(std::iter::repeat_n(i, r.items.len()));
            items.append(&mut r.items);
        }
        let mut tallies: Vec<Tally> = results.iter().map(|_| Tally::default()).collect();
        self.save(items, &owner, &mut tallies)?;
        for (r, t) in results.into_iter().zip(&tallies) {
            let path = name(&r);
            self.report.files.push(unread_line(&path, &r.read).unwrap_or_else(|| t.line(&path)));
            self.report.files.extend(problem_lines(&path, r.problems));
        }
        self.state.files_done += tallies.len() as u32;
        (self.progress)(&self.state);
        Ok(())
    }

    /// One large file or archive: its articles extracted and saved in chunks as they are read.
    fn alone(&mut self, file: &Path, limits: &Limits) -> Result<()> {
        let path = dateline_ingest::path_key(file);
        self.state.current = Some(path.clone());
        (self.progress)(&self.state);
        let mut tally = [Tally::default()];
        let mut chunk: Vec<Article> = Vec::new();
        let mut chunk_text = 0usize;
        let mut failed: Vec<EntryProblem> = Vec::new();
        let mut error = None;
        let mut flush = |me: &mut Self, chunk: &mut Vec<Article>, tally: &mut [Tally; 1]| -> Result<()> {
            let (items, lost) = extract_all(std::mem::take(chunk), me.cancel).ok_or(Error::Cancelled)?;
            failed.extend(lost);
            let owner = vec![0; items.len()];
            me.save(items, &owner, tally)?;
            (me.progress)(&me.state);
            Ok(())
        };
        let (read, problems) = read_guarded(file, limits, &mut |a| {
            if self.cancel.is_cancelled() {
                return false;
            }
            chunk_text += a.text.len();
            chunk.push(a);
            if chunk.len() >= CHUNK_ARTICLES || chunk_text >= CHUNK_TEXT_BYTES {
                chunk_text = 0;
                if let Err(e) = flush(self, &mut chunk, &mut tally) {
                    error = Some(e);
                    return false;
                }
            }
            true
        });
        if let Some(e) = error {
            return Err(e);
        }
        if self.cancel.is_cancelled() {
            return Err(Error::Cancelled);
        }
        flush(self, &mut chunk, &mut tally)?;
        let [tally] = tally;
        let unread = if tally.articles == 0 { unread_line(&path, &read) } else { None };
        self.report.files.push(unread.unwrap_or_else(|| tally.line(&path)));
        self.report.files.extend(problem_lines(&path, problems));
        self.report.files.extend(problem_lines(&path, failed));
        self.state.files_done += 1;
        (self.progress)(&self.state);
        Ok(())
    }
}

impl Importer<'_, '_> {
    /// An events file (what `dateline extract --format articles` or a Spark or Ray job
    /// writes): its articles saved with their events as they are, no extraction, in chunks as
    /// they are read. A line that is not an extracted article fails the file there, naming the
    /// line; what was saved before it stays saved.
    fn events_file(&mut self, file: &Path) -> Result<()> {
        let path = dateline_ingest::path_key(file);
        self.state.current = Some(path.clone());
        (self.progress)(&self.state);
        let mut tally = [Tally::default()];
        let mut chunk: Vec<(Article, Vec<Event>)> = Vec::new();
        let read = crate::extracted::read_events_file(file, &mut |item| {
            if self.cancel.is_cancelled() {
                return Err(Error::Cancelled);
            }
            chunk.push((item.article, item.events));
            if chunk.len() == EVENTS_FILE_CHUNK {
                let owner = vec![0; chunk.len()];
                self.save_as_given(std::mem::take(&mut chunk), &owner, &mut tally)?;
                (self.progress)(&self.state);
            }
            Ok(())
        });
        let [done] = &tally;
        let line = match read {
            Ok(_) => {
                let owner = vec![0; chunk.len()];
                self.save_as_given(chunk, &owner, &mut tally)?;
                let [done] = &tally;
                done.line(&path)
            }
            // The file's own fault (unreadable, a line that is no extracted article): the file
            // fails, the import goes on.
            Err(Error::EventsFile(e)) => FileReport {
                path,
                status: FileStatus::Failed,
                articles: done.articles,
                reason: Some(e.to_string()),
            },
            Err(e) => return Err(e),
        };
        self.report.files.push(line);
        self.state.files_done += 1;
        (self.progress)(&self.state);
        Ok(())
    }
}

/// A page fetched from the web (a feed item's article), imported as a dropped file is: the same
/// readers, extraction, saving and report line, its address standing for the file's path.
#[derive(Debug, Clone)]
pub(crate) struct FetchedPage {
    /// The item's link: the article's origin and URL.
    pub url: String,
    /// A file name that tells the reader the page's format (`statement.html`).
    pub name: String,
    pub bytes: Vec<u8>,
    /// The feed item's date, for a page that gives none.
    pub feed_date: Option<String>,
}

/// Pages imported a few at a time (as they are fetched) into one report; the merged events
/// are rebuilt once, by [`PageImport::finish`].
#[derive(Debug, Default)]
pub(crate) struct PageImport {
    report: ImportReport,
    state: ImportProgress,
    origins: HashSet<String>,
}

impl PageImport {
    /// Imports `pages` in one transaction; each page's report line.
    pub fn add(
        &mut self,
        ws: &mut Workspace,
        pages: Vec<FetchedPage>,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> Result<Vec<FileReport>> {
        let cancel = Cancel::default();
        let mut save = |batch: &[(Article, Vec<Event>)]| ws.save_batch(batch);
        let mut importer = Importer {
            save: &mut save,
            progress,
            cancel: &cancel,
            report: std::mem::take(&mut self.report),
            state: std::mem::take(&mut self.state),
            origins: std::mem::take(&mut self.origins),
        };
        importer.state.files_total += pages.len() as u32;
        let first = importer.report.files.len();
        let result = importer.pages(pages, &Limits::default());
        let lines = importer.report.files[first..].to_vec();
        self.report = importer.report;
        self.state = importer.state;
        self.origins = importer.origins;
        result.map(|()| lines)
    }

    /// Merges what was saved; the whole report.
    pub fn finish(self, ws: &mut Workspace) -> Result<ImportReport> {
        ws.refresh()?;
        Ok(self.report)
    }
}

/// Reads one fetched page as [`read_guarded`] reads a file, with its provenance set.
fn read_page(page: &FetchedPage, limits: &Limits) -> (FileRead, Vec<Article>, Vec<EntryProblem>) {
    let origin = dateline_model::Origin::file(page.url.clone());
    let read = std::panic::catch_unwind(AssertUnwindSafe(|| {
        dateline_ingest::read_bytes_with_problems(&page.name, &page.bytes, origin, limits)
    }));
    match read {
        Ok((Ok(mut articles), problems)) => {
            for a in &mut articles {
                dateline_ingest::set_provenance(a, &page.url, page.feed_date.as_deref());
            }
            (FileRead::Articles(articles.len()), articles, problems)
        }
        Ok((Err(dateline_ingest::IngestError::Unsupported(why)), problems)) => {
            (FileRead::Skipped(why), Vec::new(), problems)
        }
        Ok((Err(e), problems)) => (FileRead::Failed(e), Vec::new(), problems),
        Err(panic) => (
            FileRead::Failed(dateline_ingest::IngestError::Unsupported(panic_message(panic))),
            Vec::new(),
            Vec::new(),
        ),
    }
}

impl Importer<'_, '_> {
    /// Fetched pages, read and extracted in parallel, saved in one transaction: as
    /// [`Importer::together`] does with small files.
    fn pages(&mut self, pages: Vec<FetchedPage>, limits: &Limits) -> Result<()> {
        self.state.current = pages.first().map(|p| p.url.clone());
        (self.progress)(&self.state);
        // A page is a file whose path is its address.
        let results: Vec<FileResult> = pages
            .par_iter()
            .map(|p| {
                let (read, articles, mut problems) = read_page(p, limits);
                let (items, failed) = extract_all(articles, self.cancel)?;
                problems.extend(failed);
                Some(FileResult { path: PathBuf::from(&p.url), read, items, problems })
            })
            .collect::<Option<_>>()
            .ok_or(Error::Cancelled)?;
        self.save_and_report(results, |r| r.path.to_string_lossy().into_owned())
    }
}

fn import_with(
    paths: &[PathBuf],
    cancel: &Cancel,
    progress: &mut dyn FnMut(&ImportProgress),
    save: &mut SaveFn<'_>,
) -> Result<ImportReport> {
    let (files, problems) = discover(paths);
    let limits = Limits::default();
    let state = ImportProgress { files_total: files.len() as u32, ..Default::default() };
    progress(&state);
    let mut importer = Importer {
        save,
        progress,
        cancel,
        report: ImportReport { files: problems, ..Default::default() },
        state,
        origins: HashSet::new(),
    };
    // Events files bring their articles' events; every other file is read and extracted.
    let (events_files, files): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_iter().partition(|f| crate::extracted::is_events_file(f));
    for file in &events_files {
        if cancel.is_cancelled() {
            return Err(Error::Cancelled);
        }
        importer.events_file(file)?;
    }
    let mut small: Vec<PathBuf> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let alone = read_alone(file);
        if !alone {
            small.push(file.clone());
        }
        let last = i + 1 == files.len();
        if !small.is_empty() && (alone || small.len() == BATCH || last) {
            if cancel.is_cancelled() {
                return Err(Error::Cancelled);
            }
            importer.together(&std::mem::take(&mut small), &limits)?;
        }
        if alone {
            if cancel.is_cancelled() {
                return Err(Error::Cancelled);
            }
            importer.alone(file, &limits)?;
        }
    }
    importer.state.current = None;
    (importer.progress)(&importer.state);
    Ok(importer.report)
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
            "Call\n\nPublished: 2021-05-21\n\nSecretary of State Antony J. Blinken spoke by phone today with Turkish Foreign Minister Mevlut Cavusoglu.\n",
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
        assert!(detail.evidence[0].sentence.contains("spoke by phone today"));
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

    /// The threads of this process named `name` (Linux: /proc/self/task/*/comm).
    fn threads_named(name: &str) -> usize {
        let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return 0 };
        tasks
            .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
            .filter(|comm| comm.trim_end() == name)
            .count()
    }

    #[test]
    fn cancel_during_one_long_article_ends_the_import_at_once_and_saves_nothing_of_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let input = dir.path().join("in");
        std::fs::create_dir(&input).expect("mkdir");
        std::fs::write(input.join("a.txt"), story(1)).expect("write");
        // One article of 3 MiB, under the text cap: seconds to extract (a debug build's tens).
        let sentence = "Foreign Minister Anna Berg met Prime Minister Olaf Lind in Oslo on Friday. ";
        let text =
            format!("Talks\n\nPublished: 2021-05-21\n\n{}\n", sentence.repeat((3 << 20) / sentence.len()));
        std::fs::write(input.join("big.txt"), text).expect("write");
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");

        let cancel = Cancel::default();
        let cancelled_at = Arc::new(std::sync::Mutex::new(None));
        let mut announced = false;
        let r = ws.import(std::slice::from_ref(&input), &cancel, &mut |p| {
            // The long file is announced before it is read: once it is being extracted (its
            // thread is there, after the reading), cancel.
            if !announced && p.current.as_deref().is_some_and(|c| c.ends_with("big.txt")) {
                announced = true;
                let (cancel, at) = (cancel.clone(), Arc::clone(&cancelled_at));
                std::thread::spawn(move || {
                    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
                    while threads_named("extract-article") == 0 && std::time::Instant::now() < deadline {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    *at.lock().expect("lock") = Some(std::time::Instant::now());
                    cancel.cancel();
                });
            }
        });
        let answered = std::time::Instant::now();
        // The extraction of the long article is still running (the import stopped waiting for it).
        let still_extracting = threads_named("extract-article");
        assert!(announced, "the long file was announced in the progress");
        assert!(matches!(r, Err(Error::Cancelled)), "{r:?}");
        let at = cancelled_at.lock().expect("lock").expect("cancelled");
        let waited = answered.duration_since(at);
        eprintln!("answered {waited:?} after the cancel");
        assert!(waited < std::time::Duration::from_millis(500), "answered {waited:?} after the cancel");
        if cfg!(target_os = "linux") {
            assert_eq!(still_extracting, 1, "the long article was cancelled before its extraction ended");
        }
        // What the batch before it saved stays saved, whole; nothing of the long article.
        let info = ws.info().expect("info");
        assert_eq!(info.articles, 1, "{info:?}");
        ws.check().expect("the workspace is whole");
        assert!(
            ws.events().expect("events").iter().all(|e| e.label.contains("Berg1")),
            "only a.txt's events"
        );
    }

    fn zip_file(path: &Path, entries: &[(String, Vec<u8>)]) {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
        for (name, data) in entries {
            w.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).expect("entry");
            w.write_all(data).expect("write");
        }
        w.finish().expect("zip");
    }

    fn story(i: usize) -> Vec<u8> {
        format!("Talks {i}\n\nPublished: 2021-05-21\n\nForeign Minister Anna Berg{i} met Prime Minister Olaf Lind{i} in Oslo on Friday.\n")
            .into_bytes()
    }

    #[test]
    fn every_part_not_imported_has_its_own_line_and_collisions_stay_apart() {
        let dir = tempfile::tempdir().expect("tempdir");
        let z = dir.path().join("mixed.zip");
        zip_file(
            &z,
            &[
                ("b.txt".into(), story(1)),
                ("x/../b.txt".into(), story(2)),
                ("nul.txt".into(), b"a\0b\0c\0d".to_vec()),
                ("pic.png".into(), b"\x89PNG".to_vec()),
            ],
        );
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let r = ws.import(std::slice::from_ref(&z), &Cancel::default(), &mut |_| {}).expect("import");
        let lines: Vec<(String, FileStatus, u32)> = r
            .files
            .iter()
            .map(|f| (f.path.rsplit('/').next().unwrap_or_default().to_string(), f.status, f.articles))
            .collect();
        assert_eq!(
            lines,
            [
                ("mixed.zip".into(), FileStatus::Imported, 2),
                ("mixed.zip!nul.txt".into(), FileStatus::Failed, 0),
                ("mixed.zip!pic.png".into(), FileStatus::Skipped, 0),
            ]
        );
        assert_eq!(r.articles_added, 2);
        assert_eq!(ws.info().expect("info").articles, 2);
    }

    #[test]
    fn a_large_archive_is_saved_in_chunks_and_cancel_stops_within_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let z = dir.path().join("many.zip");
        let entries: Vec<(String, Vec<u8>)> = (0..130).map(|i| (format!("{i:03}.txt"), story(i))).collect();
        zip_file(&z, &entries);
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let mut sizes = Vec::new();
        let r = import_with(std::slice::from_ref(&z), &Cancel::default(), &mut |_| {}, &mut |batch| {
            sizes.push(batch.len());
            ws.save_batch(batch)
        })
        .expect("import");
        assert_eq!(sizes, [64, 64, 2]);
        assert_eq!(r.articles_added, 130);
        assert_eq!(r.files.len(), 1);

        let mut ws = Workspace::open(&dir.path().join("ws2.dateline")).expect("open");
        let cancel = Cancel::default();
        let r = import_with(std::slice::from_ref(&z), &cancel, &mut |_| {}, &mut |batch| {
            cancel.cancel();
            ws.save_batch(batch)
        });
        assert!(matches!(r, Err(Error::Cancelled)));
        ws.refresh().expect("refresh");
        assert_eq!(ws.info().expect("info").articles, 64);
    }

    #[test]
    fn a_correction_follows_its_event_through_a_one_word_change_or_says_it_is_lost() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("call.txt");
        let text = |lead: &str, verb: &str| {
            format!(
                "Call\n\nPublished: 2021-05-21\n\n{lead} Secretary of State Antony J. Blinken {verb} today with Turkish Foreign Minister Mevlut Cavusoglu.\n"
            )
        };
        std::fs::write(&file, text("Today,", "spoke")).expect("write");
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let import = |ws: &mut Workspace| {
            ws.import(std::slice::from_ref(&file), &Cancel::default(), &mut |_| {}).expect("import")
        };
        import(&mut ws);
        let id = ws.events().expect("events")[0].id;
        let patch = crate::EventPatch { status: Some(dateline_model::Status::Planned), ..Default::default() };
        ws.update_event(id, patch).expect("edit");

        // One word changed before the trigger: the event keeps its correction, no word said.
        std::fs::write(&file, text("On Friday,", "spoke")).expect("write");
        let r = import(&mut ws);
        assert_eq!((r.files[0].status, r.files[0].reason.as_deref()), (FileStatus::Imported, None));
        let events = ws.events().expect("events");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].status, dateline_model::Status::Planned, "{events:?}");

        // The trigger itself changed: the correction cannot follow, and the report says which.
        std::fs::write(&file, text("On Friday,", "talked")).expect("write");
        let r = import(&mut ws);
        let reason = r.files[0].reason.as_deref().unwrap_or_default();
        assert!(reason.contains("1 correction no longer applies"), "{reason}");
        assert!(reason.contains("status planned"), "{reason}");
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
