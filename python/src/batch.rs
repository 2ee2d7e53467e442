//! `extract_arrow`: a batch of articles in, a batch of events out, one row per event, in input
//! order and the extractor's order within an article (so concatenated, the rows are the CLI's
//! records for the same articles in the same order).
//!
//! Input columns: `id`; `text` or `html` (a string, or for `html` also binary); `published` (a
//! timestamp with a zone: its date in that zone; also a timestamp without zone, a date32 or a
//! string the readers' date parser reads; optional for `html`, whose page has a date of its own);
//! optional `url`, `title`, `outlet`. Output: [`event_schema`].

use std::sync::Arc;

use arrow_array::builder::{Date32Builder, Float32Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::temporal_conversions::{as_datetime, as_datetime_with_timezone};
use arrow_array::timezone::Tz;
use arrow_array::types::{
    Date32Type, TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType,
};
use arrow_array::{Array, ArrayRef, ArrowPrimitiveType, Int64Array, ListArray, RecordBatch, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_pyarrow::{PyArrowType, ToPyArrow};
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use chrono::NaiveDate;
use dateline::model::Article;
use dateline::model::EventRecord;
use dateline::records::{self, ArticleError, ArticleFacts};
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;

/// The events of a batch of articles (see the module docs of `dateline` for the columns).
/// `on_error`: "raise" (a ValueError naming the article) or "skip" (the article gives no rows).
#[pyfunction]
#[pyo3(signature = (batch, *, on_error="raise"))]
pub fn extract_arrow(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    on_error: &str,
) -> PyResult<PyArrowType<RecordBatch>> {
    let skip = match on_error {
        "raise" => false,
        "skip" => true,
        other => {
            return Err(PyValueError::new_err(format!("on_error: \"raise\" or \"skip\", not {other:?}")));
        }
    };
    let batch = batch.0;
    let out = py.detach(move || events_of(&batch, skip))?;
    Ok(PyArrowType(out))
}

/// The output schema as a `pyarrow.Schema`.
pub fn event_schema_py(py: Python<'_>) -> PyResult<Py<PyAny>> {
    Ok(event_schema().to_pyarrow(py)?.unbind())
}

/// One row per event: the article's `id`, the record's fields (dates as date32, `evidence` as
/// byte spans `{start, end}` into the article's text) and `participants` as a list.
pub fn event_schema() -> SchemaRef {
    let utf8 = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    Arc::new(Schema::new(vec![
        utf8("id", false),
        utf8("type", false),
        utf8("status", false),
        Field::new("start", DataType::Date32, true),
        Field::new("end", DataType::Date32, true),
        utf8("precision", true),
        Field::new("participants", DataType::List(Arc::new(utf8("item", true))), false),
        utf8("place", true),
        utf8("country", true),
        utf8("name", true),
        utf8("cameo", true),
        utf8("plover_type", true),
        utf8("plover_mode", true),
        Field::new("confidence", DataType::Float32, false),
        Field::new("evidence", DataType::List(Arc::new(span_item())), false),
    ]))
}

fn span_fields() -> Fields {
    Fields::from(vec![Field::new("start", DataType::Int64, false), Field::new("end", DataType::Int64, false)])
}

fn span_item() -> Field {
    Field::new("item", DataType::Struct(span_fields()), true)
}

/// Why a batch could not be read or extracted: a Python exception, made once the GIL is back.
#[derive(Debug)]
pub(crate) enum BatchError {
    Missing(String),
    Type(String),
    Value(String),
}

impl From<BatchError> for PyErr {
    fn from(e: BatchError) -> Self {
        match e {
            BatchError::Missing(m) => PyKeyError::new_err(m),
            BatchError::Type(m) => PyTypeError::new_err(m),
            BatchError::Value(m) => PyValueError::new_err(m),
        }
    }
}

impl From<ArrowError> for BatchError {
    fn from(e: ArrowError) -> Self {
        BatchError::Value(e.to_string())
    }
}

/// Where an article's text comes from.
enum Body {
    Text(Vec<Option<String>>),
    Html(Vec<Option<Vec<u8>>>),
}

fn events_of(batch: &RecordBatch, skip: bool) -> Result<RecordBatch, BatchError> {
    let mut out = Events::default();
    for article in articles_of(batch)?.into_iter().flatten() {
        match article.and_then(|a| records::event_records(&a)) {
            Ok(rs) => rs.iter().try_for_each(|r| out.push(r))?,
            Err(_) if skip => {}
            Err(e) => return Err(BatchError::Value(e.to_string())),
        }
    }
    out.finish()
}

/// The article of each row of a batch of articles (see the module docs for the columns), in
/// order: `None` for a row without a text or page, an error for a page that is not one article.
pub(crate) fn articles_of(
    batch: &RecordBatch,
) -> Result<Vec<Option<Result<Article, ArticleError>>>, BatchError> {
    let column = |name: &str| batch.column_by_name(name);
    let ids = strings(
        column("id").ok_or_else(|| BatchError::Missing("the batch has no column \"id\"".into()))?,
        "id",
    )?;
    let body = match (column("text"), column("html")) {
        (Some(t), None) => Body::Text(strings(t, "text")?),
        (None, Some(h)) => Body::Html(bytes(h)?),
        (Some(_), Some(_)) => {
            return Err(BatchError::Value("the batch has both \"text\" and \"html\": give one".into()));
        }
        (None, None) => {
            return Err(BatchError::Missing("the batch has no column \"text\" or \"html\"".into()));
        }
    };
    let published = match column("published") {
        Some(c) => dates(c)?,
        None if matches!(body, Body::Html(_)) => vec![None; batch.num_rows()],
        None => return Err(BatchError::Missing("the batch has no column \"published\"".into())),
    };
    let optional = |name: &str| column(name).map(|c| strings(c, name)).transpose();
    let (urls, titles, outlets) = (optional("url")?, optional("title")?, optional("outlet")?);
    let at = |col: &Option<Vec<Option<String>>>, i: usize| col.as_ref().and_then(|c| c[i].clone());
    let mut body = body;
    let mut out = Vec::with_capacity(ids.len());
    for (i, id) in ids.into_iter().enumerate() {
        let id = id.ok_or_else(|| BatchError::Value(format!("row {i}: \"id\" is null")))?;
        let facts = ArticleFacts {
            doc: id,
            published: published[i],
            title: at(&titles, i),
            url: at(&urls, i),
            outlet: at(&outlets, i),
        };
        out.push(match &mut body {
            Body::Text(t) => t[i].take().map(|text| Ok(records::article_from_text(text, facts))),
            Body::Html(h) => h[i].as_deref().map(|html| records::article_from_html(html, facts)),
        });
    }
    Ok(out)
}

/// The output columns, filled record by record.
#[derive(Default)]
struct Events {
    id: StringBuilder,
    kind: StringBuilder,
    status: StringBuilder,
    start: Date32Builder,
    end: Date32Builder,
    precision: StringBuilder,
    participants: ListBuilder<StringBuilder>,
    place: StringBuilder,
    country: StringBuilder,
    name: StringBuilder,
    cameo: StringBuilder,
    plover_type: StringBuilder,
    plover_mode: StringBuilder,
    confidence: Float32Builder,
    span_start: Vec<i64>,
    span_end: Vec<i64>,
    spans_per_event: Vec<usize>,
}

impl Events {
    fn push(&mut self, r: &EventRecord) -> Result<(), BatchError> {
        self.id.append_value(&r.doc);
        self.kind.append_value(&r.kind);
        self.status.append_value(&r.status);
        self.start.append_option(record_date(r.start.as_deref())?);
        self.end.append_option(record_date(r.end.as_deref())?);
        self.precision.append_option(r.precision.as_deref());
        for p in &r.participants {
            self.participants.values().append_value(p);
        }
        self.participants.append(true);
        let location = r.location.as_ref();
        self.place.append_option(location.and_then(|l| l.place.as_deref()));
        self.country.append_option(location.and_then(|l| l.country.as_deref()));
        self.name.append_option(r.name.as_deref());
        self.cameo.append_option(r.cameo.as_deref());
        self.plover_type.append_option(r.plover_type.as_deref());
        self.plover_mode.append_option(r.plover_mode.as_deref());
        self.confidence.append_value(r.confidence);
        for [s, e] in &r.evidence {
            self.span_start.push(offset(*s)?);
            self.span_end.push(offset(*e)?);
        }
        self.spans_per_event.push(r.evidence.len());
        Ok(())
    }

    fn finish(mut self) -> Result<RecordBatch, BatchError> {
        let spans = StructArray::try_new(
            span_fields(),
            vec![
                Arc::new(Int64Array::from(self.span_start)) as ArrayRef,
                Arc::new(Int64Array::from(self.span_end)) as ArrayRef,
            ],
            None,
        )?;
        let evidence = ListArray::try_new(
            Arc::new(span_item()),
            OffsetBuffer::from_lengths(self.spans_per_event),
            Arc::new(spans),
            None,
        )?;
        let participants = self.participants.finish();
        // The builder's item field is "item", nullable, utf8: the schema's.
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.status.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.precision.finish()),
            Arc::new(participants),
            Arc::new(self.place.finish()),
            Arc::new(self.country.finish()),
            Arc::new(self.name.finish()),
            Arc::new(self.cameo.finish()),
            Arc::new(self.plover_type.finish()),
            Arc::new(self.plover_mode.finish()),
            Arc::new(self.confidence.finish()),
            Arc::new(evidence),
        ];
        Ok(RecordBatch::try_new(event_schema(), columns)?)
    }
}

fn record_date(d: Option<&str>) -> Result<Option<i32>, BatchError> {
    d.map(|d| {
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(Date32Type::from_naive_date)
            .map_err(|e| BatchError::Value(format!("an event's date {d:?}: {e}")))
    })
    .transpose()
}

fn offset(o: usize) -> Result<i64, BatchError> {
    i64::try_from(o).map_err(|_| BatchError::Value(format!("offset {o} out of range")))
}

/// A string column (utf8, large utf8 or a string view) as owned strings.
pub(crate) fn strings(col: &ArrayRef, name: &str) -> Result<Vec<Option<String>>, BatchError> {
    let own = |v: Option<&str>| v.map(str::to_string);
    Ok(match col.data_type() {
        DataType::Utf8 => col.as_string::<i32>().iter().map(own).collect(),
        DataType::LargeUtf8 => col.as_string::<i64>().iter().map(own).collect(),
        DataType::Utf8View => col.as_string_view().iter().map(own).collect(),
        DataType::Null => vec![None; col.len()],
        other => return Err(BatchError::Type(format!("column \"{name}\": strings, not {other}"))),
    })
}

/// The `html` column: strings or bytes (the page as fetched, its charset declared inside).
fn bytes(col: &ArrayRef) -> Result<Vec<Option<Vec<u8>>>, BatchError> {
    let own = |v: Option<&[u8]>| v.map(<[u8]>::to_vec);
    Ok(match col.data_type() {
        DataType::Binary => col.as_binary::<i32>().iter().map(own).collect(),
        DataType::LargeBinary => col.as_binary::<i64>().iter().map(own).collect(),
        DataType::BinaryView => col.as_binary_view().iter().map(own).collect(),
        _ => strings(col, "html")?.into_iter().map(|s| s.map(String::into_bytes)).collect(),
    })
}

/// The `published` column as publication dates: a timestamp's date in its zone (or as written,
/// without one), a date, or a string the readers' date parser reads.
fn dates(col: &ArrayRef) -> Result<Vec<Option<NaiveDate>>, BatchError> {
    fn timestamps<T: ArrowPrimitiveType<Native = i64>>(
        col: &ArrayRef,
        tz: Option<Tz>,
    ) -> Vec<Option<NaiveDate>> {
        col.as_primitive::<T>()
            .iter()
            .map(|v| {
                v.and_then(|v| match tz {
                    Some(tz) => as_datetime_with_timezone::<T>(v, tz).map(|d| d.date_naive()),
                    None => as_datetime::<T>(v).map(|d| d.date()),
                })
            })
            .collect()
    }
    Ok(match col.data_type() {
        DataType::Timestamp(unit, tz) => {
            let tz = tz.as_deref().map(str::parse::<Tz>).transpose()?;
            match unit {
                TimeUnit::Second => timestamps::<TimestampSecondType>(col, tz),
                TimeUnit::Millisecond => timestamps::<TimestampMillisecondType>(col, tz),
                TimeUnit::Microsecond => timestamps::<TimestampMicrosecondType>(col, tz),
                TimeUnit::Nanosecond => timestamps::<TimestampNanosecondType>(col, tz),
            }
        }
        DataType::Date32 => col
            .as_primitive::<Date32Type>()
            .iter()
            .map(|v| v.and_then(Date32Type::to_naive_date_opt))
            .collect(),
        DataType::Null => vec![None; col.len()],
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => strings(col, "published")?
            .into_iter()
            .map(|s| {
                s.map(|s| {
                    records::parse_date(&s)
                        .ok_or_else(|| BatchError::Value(format!("published: not a date with a year: {s:?}")))
                })
                .transpose()
            })
            .collect::<Result<_, _>>()?,
        other => {
            return Err(BatchError::Type(format!(
                "column \"published\": a timestamp with a zone (or a date, or a string), not {other}"
            )));
        }
    })
}
