//! `dateline._dateline`, the extension module behind `import dateline`: the facade's one-article
//! API ([`dateline::records`]) for Python. Records cross as the CLI's JSON (`serde_json` here,
//! `json.loads` there), so `extract` gives exactly the records of `dateline extract --format
//! jsonl`; batches cross as Arrow through the C data interface (`arrow-pyarrow`). Extraction runs
//! with the GIL released.

#![deny(unsafe_code)]

mod batch;
mod merge;

use chrono::NaiveDate;
use dateline::records::{self, ArticleFacts};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyString};

/// The events of one article, as the records `dateline extract --format jsonl` writes (one dict
/// per event, in the same order, with the same keys and values).
///
/// `text` is taken as it is: evidence offsets are byte offsets into its UTF-8 encoding.
/// `published` is the publication date in the publication's own time zone, the anchor of every
/// relative date: a `datetime.date`, a `datetime.datetime` (its own date), a string such as
/// "2021-05-20" or "2021-05-20T21:10:41-04:00", or None. `title` is the headline when `text`
/// starts with it; `outlet` the publisher (a government's website speaks for its country);
/// `doc` the article's id, the records' "doc".
#[pyfunction]
#[pyo3(signature = (text, published, *, url=None, title=None, outlet=None, doc=None))]
fn extract(
    py: Python<'_>,
    text: String,
    published: &Bound<'_, PyAny>,
    url: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    doc: Option<String>,
) -> PyResult<Py<PyAny>> {
    let published = publication_date(published)?;
    let facts = ArticleFacts { doc: doc.unwrap_or_default(), published, title, url, outlet };
    let json = py.detach(|| {
        let article = records::article_from_text(text, facts);
        records::event_records(&article).map(|r| serde_json::to_string(&r))
    });
    let json = json.map_err(|e| PyValueError::new_err(e.to_string()))?;
    let json = json.map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(py.import("json")?.call_method1("loads", (json,))?.unbind())
}

/// The articles of one file as `dateline extract` reads it (the same readers and limits): dicts
/// with `doc`, `text`, `title`, `published` (a `datetime.date` or None), `url` and `outlet`.
/// Passing them to `extract` gives the records the CLI writes for the file.
#[pyfunction]
fn read_file(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Vec<Py<PyAny>>> {
    let articles =
        py.detach(|| records::read_articles(&path)).map_err(|e| PyValueError::new_err(e.to_string()))?;
    articles
        .into_iter()
        .map(|a| {
            let d = pyo3::types::PyDict::new(py);
            d.set_item("doc", a.doc)?;
            d.set_item("text", a.text)?;
            d.set_item("title", a.title)?;
            d.set_item("published", a.published)?;
            d.set_item("url", a.url)?;
            d.set_item("outlet", a.outlet)?;
            Ok(d.into_any().unbind())
        })
        .collect()
}

/// `None`, a date (or datetime: its own date), or a string the readers' date parser reads.
fn publication_date(v: &Bound<'_, PyAny>) -> PyResult<Option<NaiveDate>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        let s = s.to_cow()?;
        return records::parse_date(&s)
            .map(Some)
            .ok_or_else(|| PyValueError::new_err(format!("published: not a date with a year: {s:?}")));
    }
    if v.is_instance_of::<PyDate>() {
        return v.extract::<NaiveDate>().map(Some);
    }
    Err(PyTypeError::new_err(format!(
        "published: a date, a datetime, a string or None, not {}",
        v.get_type().name()?
    )))
}

#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(batch::extract_arrow, m)?)?;
    m.add("EVENT_SCHEMA", batch::event_schema_py(m.py())?)?;
    m.add_function(wrap_pyfunction!(merge::extract_articles, m)?)?;
    m.add_function(wrap_pyfunction!(merge::article_rows, m)?)?;
    m.add_function(wrap_pyfunction!(merge::events_only, m)?)?;
    m.add_function(wrap_pyfunction!(merge::merge_block, m)?)?;
    m.add_function(wrap_pyfunction!(merge::merge, m)?)?;
    m.add_function(wrap_pyfunction!(merge::sort_merged, m)?)?;
    m.add_class::<merge::Planner>()?;
    m.add_class::<merge::MergeActors>()?;
    m.add("ARTICLE_SCHEMA", merge::article_schema_py(m.py())?)?;
    m.add("MERGED_SCHEMA", merge::merged_schema_py(m.py())?)?;
    Ok(())
}
