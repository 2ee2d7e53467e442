//! Extraction and merging as two stages: an *events file* holds extracted articles (each with
//! its text, what is known of it and its events), as `dateline extract --format articles` or a
//! Spark or Ray job writes it; `dateline merge` merges its events across articles by the
//! workspace's rules ([`dateline_store::extracted`]), and `dateline import` takes it into a
//! workspace as if the articles had been imported there.
//!
//! The file is JSONL, one [`ExtractedArticle`] a line.

use std::io::{BufRead, Read, Write};
use std::path::Path;

use dateline_model::{Article, Event};
use serde::{Deserialize, Serialize};

pub use dateline_store::extracted::{
    ActorTable, ArticleBlock, Extracted, MemberRecord, MergedParticipant, MergedRecord, PlannedActors,
    blocks, merge, sort_records,
};

use crate::{Error, ImportReport, Result, Workspace};

/// One line of an events file: an article and the events extracted from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedArticle {
    pub article: Article,
    pub events: Vec<Event>,
}

/// Why an events file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EventsFileError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error(
        "{path}, line {line}: not an extracted article ({reason}); an events file is what `dateline extract --format articles` writes"
    )]
    Line { path: String, line: usize, reason: String },
}

/// Whether `path` looks like an events file: its first non-blank line is a JSON object with an
/// `article` and its `events`. (An article corpus in JSONL has text fields instead.) Any other
/// file is told apart by its first byte that is not white space, so an import can ask this of
/// every file it is given.
pub fn is_events_file(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else { return false };
    let mut reader = std::io::BufReader::new(file);
    loop {
        let Ok(buf) = reader.fill_buf() else { return false };
        if buf.is_empty() {
            return false;
        }
        let blank = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if blank < buf.len() {
            if buf[blank] != b'{' {
                return false;
            }
            reader.consume(blank);
            break;
        }
        let n = buf.len();
        reader.consume(n);
    }
    // The first line, up to a size no events file's line reaches (an article's text is capped
    // at 4 MiB when read): a longer one is some other JSON.
    let mut line = Vec::new();
    if (&mut reader).take(FIRST_LINE_BYTES).read_until(b'\n', &mut line).is_err() {
        return false;
    }
    match serde_json::from_slice::<serde_json::Value>(&line) {
        Ok(serde_json::Value::Object(o)) => o.contains_key("article") && o.contains_key("events"),
        _ => false,
    }
}

/// How much of a file's first line [`is_events_file`] reads.
const FIRST_LINE_BYTES: u64 = 32 * 1024 * 1024;

/// Reads an events file, calling `each` with every extracted article in order.
pub fn read_events_file(
    path: &Path,
    each: &mut dyn FnMut(ExtractedArticle) -> Result<()>,
) -> std::result::Result<usize, Error> {
    let name = path.display().to_string();
    let file =
        std::fs::File::open(path).map_err(|source| EventsFileError::Io { path: name.clone(), source })?;
    let mut n = 0;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| EventsFileError::Io { path: name.clone(), source })?;
        if line.trim().is_empty() {
            continue;
        }
        let item: ExtractedArticle = serde_json::from_str(&line).map_err(|e| EventsFileError::Line {
            path: name.clone(),
            line: i + 1,
            reason: e.to_string(),
        })?;
        each(item)?;
        n += 1;
    }
    Ok(n)
}

/// An events file's line, borrowed.
#[derive(Serialize)]
struct Line<'a> {
    article: &'a Article,
    events: &'a [Event],
}

/// Writes extracted articles as an events file's lines.
pub fn write_events(out: &mut dyn Write, items: &[(Article, Vec<Event>)]) -> std::io::Result<()> {
    for (article, events) in items {
        serde_json::to_writer(&mut *out, &Line { article, events })?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One extracted article as the line of an events file `write_events` writes (without the
/// newline).
pub fn article_line(article: &Article, events: &[Event]) -> String {
    // Serializing derived types to a string cannot fail: no map has non-string keys.
    serde_json::to_string(&Line { article, events }).unwrap_or_default()
}

/// One line of an events file, read.
pub fn parse_article_line(line: &str) -> std::result::Result<ExtractedArticle, serde_json::Error> {
    serde_json::from_str(line)
}

/// A merged event as the line `dateline merge` writes (without the newline).
pub fn merged_line(record: &MergedRecord) -> String {
    serde_json::to_string(record).unwrap_or_default()
}

/// The merged events of the events files, read in order: what importing them into an empty
/// workspace shows.
pub fn merge_files(paths: &[&Path]) -> Result<Vec<MergedRecord>> {
    let mut x = Extracted::new();
    for p in paths {
        read_events_file(p, &mut |item| {
            x.add(&item.article, &item.events);
            Ok(())
        })?;
    }
    Ok(x.merge())
}

/// How to merge many extracted articles in blocks, each alone (on a cluster: a group each):
/// the actor rows of all of them, and each article's block, by origin and content hash. An
/// article that is
/// a duplicate of an earlier one (same content) or an older version of a later one (same
/// origin) is in no block: the workspace would not keep it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergePlan {
    pub actors: Vec<dateline_model::Actor>,
    pub blocks: Vec<ArticleBlock>,
}

/// The plan of merging `items` (in this order) in blocks. It needs all the articles' events
/// but none of their texts.
pub fn plan<'a>(items: impl IntoIterator<Item = (&'a Article, &'a [Event])>) -> MergePlan {
    let mut x = Extracted::new();
    for (a, events) in items {
        x.add(a, events);
    }
    plan_of(&x)
}

/// The plan of merging the articles added to `x` (in the order they were added) in blocks.
pub fn plan_of(x: &Extracted) -> MergePlan {
    MergePlan { actors: x.actors().rows(), blocks: x.article_blocks() }
}

/// The merged events of one block of a [`MergePlan`] (its articles in any order), with the
/// plan's actor rows: together, the blocks give what [`merge`] gives for all the articles.
pub fn merge_block<'a>(
    actors: &[dateline_model::Actor],
    items: impl IntoIterator<Item = (&'a Article, &'a [Event])>,
) -> Vec<MergedRecord> {
    let mut x = Extracted::with_actors(ActorTable::from_rows(actors));
    for (a, events) in items {
        x.add(a, events);
    }
    x.merge()
}

/// An article of a block that is not of the plan's set: it names an actor the plan lacks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{doc}: an actor of this article is not in the merge plan's actors: the plan was made for other articles (make it over all the articles merged)"
)]
pub struct NotPlanned {
    pub doc: String,
}

/// [`merge_block`] with the plan's actors read once for many blocks ([`PlannedActors`]):
/// identities are decided once for the whole set, so a block costs its own articles.
pub fn merge_planned_block<'a>(
    planned: &std::sync::Arc<PlannedActors>,
    items: impl IntoIterator<Item = (&'a Article, &'a [Event])>,
) -> std::result::Result<Vec<MergedRecord>, NotPlanned> {
    let mut x = Extracted::with_planned(planned.clone());
    for (a, events) in items {
        x.add(a, events);
    }
    match x.unplanned().first() {
        Some(doc) => Err(NotPlanned { doc: doc.clone() }),
        None => Ok(x.merge()),
    }
}

impl Workspace {
    /// Imports an events file: its articles and their events are saved as an import of the
    /// articles would save them (no extraction: the file's events are taken as they are), then
    /// merged. One report line for the file. [`Workspace::import`] does the same for every
    /// events file among the paths it is given (and the app's import too).
    pub fn import_events_file(&mut self, path: &Path) -> Result<ImportReport> {
        self.import(&[path.to_path_buf()], &crate::Cancel::default(), &mut |_| {})
    }

    /// The live merged events by content ([`MergedRecord`]), as [`merge`] gives them.
    pub fn merged_records(&self) -> Result<Vec<MergedRecord>> {
        Ok(self.store.merged_records()?)
    }
}
