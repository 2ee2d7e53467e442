//! Merging as a second stage, over the facade's [`dateline::extracted`] (the code `dateline
//! merge` runs): extracted articles cross as the lines of an events file (`dateline extract
//! --format articles`), so a Spark or Ray job's output and the CLI's are one format.
//!
//! - [`extract_articles`]: a batch of articles in, one row per article out ([`article_schema`]:
//!   `id`, `origin`, `content_hash`, `events`, `article`, the events file's line);
//! - [`article_rows`]: the lines of an events file as such rows; [`events_only`]: the same
//!   rows without the articles' texts, all that merging needs;
//! - [`Planner`]: the plan of merging many articles in blocks (the actor rows of all, each
//!   article's block), from their lines in import order;
//! - [`MergeActors`] and [`merge_block`]: one block merged alone with the plan's actors;
//! - [`merge`], [`sort_merged`]: a whole set merged, and blocks' merged lines put in the order
//!   `dateline merge` writes them.

use std::sync::Arc;

use arrow_array::builder::{Int32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_pyarrow::{PyArrowType, ToPyArrow};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use dateline::extracted::{self, Extracted, ExtractedArticle, MergedRecord, PlannedActors};
use dateline::model::Actor;
use dateline::records;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::batch::{BatchError, articles_of, strings};

/// One row per article: its id (`doc`), where it came from (`origin`, the key the workspace
/// keeps one version of an article by), its content hash, how many events it has, and the
/// events file's line (`article`: the article with its text and its events, as JSON).
pub fn article_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("id", DataType::Utf8, false),
        Field::new("origin", DataType::Utf8, false),
        Field::new("content_hash", DataType::Utf8, false),
        Field::new("events", DataType::Int32, false),
        Field::new("article", DataType::Utf8, false),
    ]))
}

pub fn article_schema_py(py: Python<'_>) -> PyResult<Py<PyAny>> {
    Ok(article_schema().to_pyarrow(py)?.unbind())
}

/// The schema of [`merge_block`]'s batches: one merged event a row, as `dateline merge` writes
/// its line.
pub fn merged_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![Field::new("merged", DataType::Utf8, false)]))
}

pub fn merged_schema_py(py: Python<'_>) -> PyResult<Py<PyAny>> {
    Ok(merged_schema().to_pyarrow(py)?.unbind())
}

#[derive(Default)]
struct ArticleRows {
    id: StringBuilder,
    origin: StringBuilder,
    hash: StringBuilder,
    events: Int32Builder,
    line: StringBuilder,
}

impl ArticleRows {
    fn push(&mut self, item: &ExtractedArticle, line: &str) {
        let a = &item.article;
        self.id.append_value(&a.doc);
        self.origin.append_value(a.origin.key());
        self.hash.append_value(&a.content_hash);
        self.events.append_value(i32::try_from(item.events.len()).unwrap_or(i32::MAX));
        self.line.append_value(line);
    }

    fn finish(mut self) -> Result<RecordBatch, BatchError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.origin.finish()),
            Arc::new(self.hash.finish()),
            Arc::new(self.events.finish()),
            Arc::new(self.line.finish()),
        ];
        Ok(RecordBatch::try_new(article_schema(), columns)?)
    }
}

fn skip_flag(on_error: &str) -> PyResult<bool> {
    match on_error {
        "raise" => Ok(false),
        "skip" => Ok(true),
        other => Err(PyValueError::new_err(format!("on_error: \"raise\" or \"skip\", not {other:?}"))),
    }
}

/// The extracted articles of a batch of articles (the columns `extract_arrow` reads), one row
/// each ([`article_schema`]), in order: the events file `dateline extract --format articles`
/// writes for the same articles, as rows. A row without text gives no row. `on_error`: "raise"
/// or "skip" (the article gives no row).
#[pyfunction]
#[pyo3(signature = (batch, *, on_error="raise"))]
pub fn extract_articles(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    on_error: &str,
) -> PyResult<PyArrowType<RecordBatch>> {
    let skip = skip_flag(on_error)?;
    let batch = batch.0;
    let out = py.detach(move || -> Result<RecordBatch, BatchError> {
        let mut out = ArticleRows::default();
        for article in articles_of(&batch)?.into_iter().flatten() {
            let extracted = article.and_then(|a| records::extract_events(&a).map(|events| (a, events)));
            match extracted {
                Ok((article, events)) => {
                    let line = extracted::article_line(&article, &events);
                    out.push(&ExtractedArticle { article, events }, &line);
                }
                Err(_) if skip => {}
                Err(e) => return Err(BatchError::Value(e.to_string())),
            }
        }
        out.finish()
    })?;
    Ok(PyArrowType(out))
}

/// The lines of an events file (a string column `article`, or `value` as Spark's
/// `read.text` names it) as rows of [`article_schema`]. A line that is not an extracted
/// article is an error naming its row ("skip": left out); blank lines are left out.
#[pyfunction]
#[pyo3(signature = (batch, *, on_error="raise"))]
pub fn article_rows(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    on_error: &str,
) -> PyResult<PyArrowType<RecordBatch>> {
    let skip = skip_flag(on_error)?;
    let batch = batch.0;
    let out = py.detach(move || -> Result<RecordBatch, BatchError> {
        let mut out = ArticleRows::default();
        for (i, line) in line_column(&batch)?.into_iter().enumerate() {
            let Some(line) = line.filter(|l| !l.trim().is_empty()) else { continue };
            match extracted::parse_article_line(&line) {
                Ok(item) => out.push(&item, &line),
                Err(_) if skip => {}
                Err(e) => return Err(not_an_article(i, &e)),
            }
        }
        out.finish()
    })?;
    Ok(PyArrowType(out))
}

/// The rows of extracted articles (an `article` or `value` column of events-file lines) with
/// only what merging reads: each line's article keeps what it is known by (document, origin,
/// content hash, date, outlet) and its events; its text is empty and its title, address,
/// byline and raw date are null. The merged events point into the texts by offsets, so the
/// merge stage moves these, not the articles (on the dev corpus 1.5 KB an article instead of
/// 4.2 KB). `dateline merge` gives the same lines for them as for the whole articles; they are
/// not for importing (the workspace would hold no texts).
#[pyfunction]
#[pyo3(signature = (batch, *, on_error="raise"))]
pub fn events_only(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    on_error: &str,
) -> PyResult<PyArrowType<RecordBatch>> {
    let skip = skip_flag(on_error)?;
    let batch = batch.0;
    let out = py.detach(move || -> Result<RecordBatch, BatchError> {
        let mut out = ArticleRows::default();
        for (i, line) in line_column(&batch)?.into_iter().enumerate() {
            let Some(line) = line.filter(|l| !l.trim().is_empty()) else { continue };
            match extracted::parse_article_line(&line) {
                Ok(mut item) => {
                    let a = &mut item.article;
                    a.text = String::new();
                    (a.title, a.published_raw, a.byline, a.url) = (None, None, None, None);
                    let line = extracted::article_line(&item.article, &item.events);
                    out.push(&item, &line);
                }
                Err(_) if skip => {}
                Err(e) => return Err(not_an_article(i, &e)),
            }
        }
        out.finish()
    })?;
    Ok(PyArrowType(out))
}

fn not_an_article(row: usize, e: &serde_json::Error) -> BatchError {
    BatchError::Value(format!(
        "row {row}: not an extracted article ({e}); an events file's line is what `dateline extract --format articles` writes"
    ))
}

/// The column of events-file lines: `article`, else `value`.
fn line_column(batch: &RecordBatch) -> Result<Vec<Option<String>>, BatchError> {
    match batch.column_by_name("article").or_else(|| batch.column_by_name("value")) {
        Some(c) => strings(c, "article"),
        None => Err(BatchError::Missing(
            "the batch has no column \"article\" (or \"value\") of events-file lines".into(),
        )),
    }
}

/// Lines given as a list of strings, or as a batch or table with an `article` (or `value`)
/// column.
#[derive(FromPyObject)]
pub enum Lines {
    List(Vec<String>),
    Batch(PyArrowType<RecordBatch>),
}

impl Lines {
    fn into_strings(self) -> PyResult<Vec<String>> {
        match self {
            Lines::List(v) => Ok(v),
            Lines::Batch(b) => Ok(line_column(&b.0)?.into_iter().flatten().collect()),
        }
    }
}

fn parse_lines(lines: &[String]) -> Result<Vec<ExtractedArticle>, BatchError> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| extracted::parse_article_line(l).map_err(|e| not_an_article(i, &e)))
        .collect()
}

/// The plan of merging many extracted articles in blocks: `add` their lines in the order a
/// workspace would import them (a later version of an article from the same origin replaces an
/// earlier one, a second copy of a content is left out, and an organisation keeps the name it
/// first came with), then `actors()` and `blocks()`. Holds the articles' events, not their
/// texts.
#[pyclass(module = "dateline._dateline")]
#[derive(Debug, Default)]
pub struct Planner {
    extracted: Extracted,
    articles: usize,
}

#[pymethods]
impl Planner {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Adds the articles of these lines (a list of strings, or a batch with an `article`
    /// column), in order.
    fn add(&mut self, py: Python<'_>, lines: Lines) -> PyResult<()> {
        let lines = lines.into_strings()?;
        let items = py.detach(|| parse_lines(&lines))?;
        for item in &items {
            self.extracted.add(&item.article, &item.events);
        }
        self.articles += items.len();
        Ok(())
    }

    /// The articles added (a duplicate or a replaced version counted too).
    #[getter]
    fn articles(&self) -> usize {
        self.articles
    }

    /// The actor rows of all the articles, as JSON: what every block is merged with
    /// ([`MergeActors`]).
    fn actors(&self) -> String {
        serde_json::to_string(&self.extracted.actors().rows()).unwrap_or_default()
    }

    /// Each article kept (by `origin` and `content_hash`) with its `block` (int64): articles of
    /// one block are merged together, each block alone. An article left out (a second copy, an
    /// older version) has no row.
    fn blocks(&self, py: Python<'_>) -> PyResult<PyArrowType<RecordBatch>> {
        let plan = py.detach(|| extracted::plan_of(&self.extracted));
        let (mut origin, mut hash, mut block) =
            (StringBuilder::new(), StringBuilder::new(), Int64Builder::new());
        for b in &plan.blocks {
            origin.append_value(&b.origin);
            hash.append_value(&b.content_hash);
            block.append_value(b.block as i64);
        }
        let schema = Arc::new(Schema::new(vec![
            Field::new("origin", DataType::Utf8, false),
            Field::new("content_hash", DataType::Utf8, false),
            Field::new("block", DataType::Int64, false),
        ]));
        let columns: Vec<ArrayRef> =
            vec![Arc::new(origin.finish()), Arc::new(hash.finish()), Arc::new(block.finish())];
        let batch = RecordBatch::try_new(schema, columns).map_err(BatchError::from)?;
        Ok(PyArrowType(batch))
    }
}

/// The plan's actor rows read once, with who is one person decided once: what each block is
/// merged with. Made from [`Planner::actors`]'s JSON; a worker keeps one for all its blocks.
#[pyclass(module = "dateline._dateline", frozen)]
#[derive(Debug)]
pub struct MergeActors {
    planned: Arc<PlannedActors>,
}

#[pymethods]
impl MergeActors {
    #[new]
    fn new(py: Python<'_>, actors: &str) -> PyResult<Self> {
        let rows: Vec<Actor> = serde_json::from_str(actors).map_err(|e| {
            PyValueError::new_err(format!("not a merge plan's actors (Planner.actors()): {e}"))
        })?;
        let planned = py.detach(|| PlannedActors::from_rows(&rows));
        Ok(Self { planned: Arc::new(planned) })
    }

    fn __len__(&self) -> usize {
        self.planned.len()
    }
}

/// The merged events of one block (its articles' lines, in any order) with the plan's actors,
/// as a batch of [`merged_schema`] (the lines `dateline merge` writes for them, in its order).
/// An article that is not of the plan's articles is a ValueError naming it.
#[pyfunction]
pub fn merge_block(py: Python<'_>, actors: &MergeActors, lines: Lines) -> PyResult<PyArrowType<RecordBatch>> {
    let lines = lines.into_strings()?;
    let planned = actors.planned.clone();
    let merged = py.detach(move || -> Result<Vec<MergedRecord>, BatchError> {
        let items = parse_lines(&lines)?;
        extracted::merge_planned_block(&planned, items.iter().map(|i| (&i.article, i.events.as_slice())))
            .map_err(|e| BatchError::Value(e.to_string()))
    })?;
    Ok(PyArrowType(merged_batch(&merged)?))
}

fn merged_batch(records: &[MergedRecord]) -> Result<RecordBatch, BatchError> {
    let mut b = StringBuilder::new();
    for r in records {
        b.append_value(extracted::merged_line(r));
    }
    Ok(RecordBatch::try_new(merged_schema(), vec![Arc::new(b.finish()) as ArrayRef])?)
}

/// The merged events of extracted articles' lines, in this order, as the lines `dateline merge`
/// writes for an events file of these lines.
#[pyfunction]
pub fn merge(py: Python<'_>, lines: Lines) -> PyResult<Vec<String>> {
    let lines = lines.into_strings()?;
    let merged = py.detach(move || -> Result<Vec<String>, BatchError> {
        let mut x = Extracted::new();
        for item in parse_lines(&lines)? {
            x.add(&item.article, &item.events);
        }
        Ok(x.merge().iter().map(extracted::merged_line).collect())
    })?;
    Ok(merged)
}

/// Merged lines (of blocks merged apart) in the order `dateline merge` writes them: the blocks'
/// lines together, sorted so, are its output for the whole.
#[pyfunction]
pub fn sort_merged(py: Python<'_>, lines: Vec<String>) -> PyResult<Vec<String>> {
    py.detach(move || {
        let mut records = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                serde_json::from_str::<MergedRecord>(l)
                    .map_err(|e| PyValueError::new_err(format!("line {i}: not a merged event: {e}")))
            })
            .collect::<PyResult<Vec<MergedRecord>>>()?;
        extracted::sort_records(&mut records);
        Ok(records.iter().map(extracted::merged_line).collect())
    })
}
