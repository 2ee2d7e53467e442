//! Parquet files (a crawl's or a data team's table of articles, as Spark, pyarrow or pandas
//! write them): one article a row, read as a JSON Lines record with the row's columns as its
//! fields, so the column names are the JSON reader's (`text`/`body`/`content`..., or `html` for a
//! whole page; `published`/`date`...; `title`, `url`, `id`, `outlet`...) and a row gives the
//! article a JSONL line with the same values would.
//!
//! Only the columns with such names are decoded. A timestamp with a time zone is written as the
//! instant in that zone (its date there is the publication date), one without as written; a
//! date as the day. A file that is not Parquet, is damaged, or uses a codec this build cannot
//! read is a failure naming why; rows past [`Limits::max_records`] are counted, not read; a file
//! whose chosen columns declare more than [`Limits::max_total_unpacked_bytes`] unpacked is
//! refused before any is read.

use arrow_array::cast::AsArray;
use arrow_array::temporal_conversions::{as_date, as_datetime, as_datetime_with_timezone};
use arrow_array::timezone::Tz;
use arrow_array::types::{
    Date32Type, Date64Type, Int8Type, Int16Type, Int32Type, Int64Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, ArrowPrimitiveType, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use dateline_model::{Article, Origin};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Value};

use crate::archive::Budget;
use crate::json::{Reading, is_field};
use crate::{IngestError, Limits};

/// Whether `bytes` are a Parquet file: `PAR1` at both ends.
pub(crate) fn looks_like_parquet(bytes: &[u8]) -> bool {
    bytes.len() >= 12 && bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1")
}

const BATCH_ROWS: usize = 256;

pub(crate) fn read(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    if !looks_like_parquet(bytes) {
        return Err(IngestError::Parquet("not a Parquet file (no PAR1 marks at its start and end)".into()));
    }
    // The reader is a large library over untrusted bytes: a panic in it is this file's failure.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_rows(doc, bytes, &origin, limits, budget)
    }));
    match read {
        Ok(r) => r,
        Err(_) => Err(IngestError::Parquet("the file is damaged (the Parquet reader failed on it)".into())),
    }
}

fn damaged(e: impl std::fmt::Display) -> IngestError {
    IngestError::Parquet(format!("the file is damaged or unreadable: {e}"))
}

fn read_rows(
    doc: &str,
    bytes: &[u8],
    origin: &Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    let data = bytes::Bytes::copy_from_slice(bytes);
    let builder = ParquetRecordBatchReaderBuilder::try_new(data).map_err(damaged)?;
    let schema = builder.schema().clone();
    let wanted: Vec<usize> =
        schema.fields().iter().enumerate().filter(|(_, f)| is_field(f.name())).map(|(i, _)| i).collect();
    if wanted.is_empty() {
        let names: Vec<&str> = schema.fields().iter().take(8).map(|f| f.name().as_str()).collect();
        return Err(IngestError::JsonShape(format!(
            "expected a text/body/content/article or html column; found the columns {}",
            names.join(", ")
        )));
    }
    let metadata = builder.metadata().clone();
    let parquet_schema = builder.parquet_schema();
    let mask = ProjectionMask::roots(parquet_schema, wanted.iter().copied());
    // What the chosen columns declare they unpack to, before anything is unpacked.
    let mut unpacked: i64 = 0;
    for rg in metadata.row_groups() {
        for (i, c) in rg.columns().iter().enumerate() {
            if mask.leaf_included(i) {
                unpacked = unpacked.saturating_add(c.uncompressed_size().max(0));
            }
        }
    }
    if unpacked as u64 > limits.max_total_unpacked_bytes {
        return Err(IngestError::TooLargeFor {
            what: "a Parquet file's article columns, unpacked",
            size: unpacked as u64,
            limit: limits.max_total_unpacked_bytes,
        });
    }
    let rows = metadata.file_metadata().num_rows().max(0) as usize;
    let reader = builder
        .with_projection(mask)
        .with_batch_size(BATCH_ROWS)
        .with_limit(rows.min(limits.max_records))
        .build()
        .map_err(damaged)?;
    let mut reading = Reading::new(doc, origin, limits, budget);
    let mut row = 0usize;
    for batch in reader {
        let batch = batch.map_err(damaged)?;
        let columns = Columns::of(&batch)?;
        for i in 0..batch.num_rows() {
            row += 1;
            reading.value(Some(format!("row-{row}")), &Value::Object(columns.object(i)), false);
        }
    }
    if rows > row && reading.full() {
        reading.past_limit(format!("row-{}", row + 1), rows - row);
    }
    reading.finish()
}

/// A batch's columns as JSON values, by name.
struct Columns {
    columns: Vec<(String, Vec<Value>)>,
}

impl Columns {
    fn of(batch: &RecordBatch) -> Result<Self, IngestError> {
        let schema = batch.schema();
        let mut columns = Vec::new();
        for (field, col) in schema.fields().iter().zip(batch.columns()) {
            if let Some(values) = values(col)? {
                columns.push((field.name().clone(), values));
            }
        }
        Ok(Self { columns })
    }

    fn object(&self, row: usize) -> Map<String, Value> {
        self.columns.iter().map(|(name, v)| (name.clone(), v[row].clone())).collect()
    }
}

/// A column as JSON values (`None`: a type no article field has, left out).
fn values(col: &ArrayRef) -> Result<Option<Vec<Value>>, IngestError> {
    fn each<T>(col: &ArrayRef, f: impl Fn(usize) -> T) -> Vec<Value>
    where
        T: Into<Value>,
    {
        (0..col.len()).map(|i| if col.is_null(i) { Value::Null } else { f(i).into() }).collect()
    }
    fn ints<T: ArrowPrimitiveType>(col: &ArrayRef) -> Vec<Value>
    where
        T::Native: Into<Value>,
    {
        let a = col.as_primitive::<T>();
        each(col, |i| a.value(i))
    }
    fn stamps<T: ArrowPrimitiveType<Native = i64>>(col: &ArrayRef, tz: Option<Tz>) -> Vec<Value> {
        let a = col.as_primitive::<T>();
        (0..col.len())
            .map(|i| {
                if col.is_null(i) {
                    return Value::Null;
                }
                let v = a.value(i);
                let s = match tz {
                    Some(tz) => as_datetime_with_timezone::<T>(v, tz).map(|d| d.to_rfc3339()),
                    None => as_datetime::<T>(v).map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string()),
                };
                s.map_or(Value::Null, Value::String)
            })
            .collect()
    }
    let lossy =
        |b: &[u8]| crate::decode::decode(b, None).unwrap_or_else(|_| String::from_utf8_lossy(b).into());
    Ok(Some(match col.data_type() {
        DataType::Utf8 => {
            let a = col.as_string::<i32>();
            each(col, |i| a.value(i).to_string())
        }
        DataType::LargeUtf8 => {
            let a = col.as_string::<i64>();
            each(col, |i| a.value(i).to_string())
        }
        DataType::Utf8View => {
            let a = col.as_string_view();
            each(col, |i| a.value(i).to_string())
        }
        DataType::Binary => {
            let a = col.as_binary::<i32>();
            each(col, |i| lossy(a.value(i)))
        }
        DataType::LargeBinary => {
            let a = col.as_binary::<i64>();
            each(col, |i| lossy(a.value(i)))
        }
        DataType::BinaryView => {
            let a = col.as_binary_view();
            each(col, |i| lossy(a.value(i)))
        }
        DataType::Int8 => ints::<Int8Type>(col),
        DataType::Int16 => ints::<Int16Type>(col),
        DataType::Int32 => ints::<Int32Type>(col),
        DataType::Int64 => ints::<Int64Type>(col),
        DataType::UInt32 => ints::<UInt32Type>(col),
        DataType::UInt64 => ints::<UInt64Type>(col),
        DataType::Date32 => {
            let a = col.as_primitive::<Date32Type>();
            each(col, |i| as_date::<Date32Type>(a.value(i) as i64).map(|d| d.to_string()))
        }
        DataType::Date64 => {
            let a = col.as_primitive::<Date64Type>();
            each(col, |i| as_date::<Date64Type>(a.value(i)).map(|d| d.to_string()))
        }
        DataType::Timestamp(unit, tz) => {
            let tz = match tz.as_deref().map(str::parse::<Tz>).transpose() {
                Ok(tz) => tz,
                Err(e) => return Err(IngestError::Parquet(format!("a timestamp column's time zone: {e}"))),
            };
            match unit {
                TimeUnit::Second => stamps::<TimestampSecondType>(col, tz),
                TimeUnit::Millisecond => stamps::<TimestampMillisecondType>(col, tz),
                TimeUnit::Microsecond => stamps::<TimestampMicrosecondType>(col, tz),
                TimeUnit::Nanosecond => stamps::<TimestampNanosecondType>(col, tz),
            }
        }
        DataType::List(_) | DataType::LargeList(_) => {
            // Authors as a list of names: the JSON reader joins arrays of strings.
            let list: Vec<Option<ArrayRef>> = match col.data_type() {
                DataType::List(_) => col.as_list::<i32>().iter().collect(),
                _ => col.as_list::<i64>().iter().collect(),
            };
            let mut out = Vec::with_capacity(list.len());
            for item in list {
                out.push(match item {
                    None => Value::Null,
                    Some(inner) => Value::Array(values(&inner)?.unwrap_or_default()),
                });
            }
            out
        }
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{BinaryArray, RecordBatch, StringArray, TimestampMicrosecondArray};
    use parquet::arrow::ArrowWriter;

    use super::*;
    use crate::EntryProblem;

    const TEXT: &str = "The foreign ministers of France and Germany met yesterday in Paris to discuss trade.";

    fn parquet_of(batch: RecordBatch) -> Vec<u8> {
        let mut out = Vec::new();
        let mut w = ArrowWriter::try_new(&mut out, batch.schema(), None).expect("writer");
        w.write(&batch).expect("write");
        w.close().expect("close");
        out
    }

    fn read_bytes(bytes: &[u8], limits: &Limits) -> (Result<Vec<Article>, IngestError>, Vec<EntryProblem>) {
        let mut budget = Budget::new(limits);
        let r = read("table", bytes, Origin::file("table.parquet"), limits, &mut budget);
        (r, budget.problems)
    }

    fn texts(n: usize) -> Vec<u8> {
        // 03:30 UTC on 2021-05-21 is the 20th in New York.
        let instant = 1_621_567_800_000_000i64;
        let batch = RecordBatch::try_from_iter([
            ("id", Arc::new(StringArray::from_iter_values((0..n).map(|i| format!("a{i}")))) as ArrayRef),
            ("text", Arc::new(StringArray::from_iter_values((0..n).map(|_| TEXT)))),
            (
                "published",
                Arc::new(TimestampMicrosecondArray::from(vec![instant; n]).with_timezone("America/New_York")),
            ),
            (
                "url",
                Arc::new(StringArray::from_iter_values((0..n).map(|i| format!("https://x.example/{i}")))),
            ),
            ("views", Arc::new(arrow_array::Float64Array::from(vec![1.5; n]))),
        ])
        .expect("batch");
        parquet_of(batch)
    }

    #[test]
    fn rows_are_articles_with_the_date_in_the_timestamps_zone() {
        let (articles, problems) = read_bytes(&texts(3), &Limits::default());
        let articles = articles.expect("articles");
        assert_eq!(articles.iter().map(|a| a.doc.as_str()).collect::<Vec<_>>(), ["a0", "a1", "a2"]);
        assert_eq!(articles[0].published, chrono::NaiveDate::from_ymd_opt(2021, 5, 20));
        assert_eq!(articles[1].url.as_deref(), Some("https://x.example/1"));
        assert_eq!(articles[2].origin.entry.as_deref(), Some("row-3"));
        assert!(articles[0].text.contains("met yesterday in Paris"));
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn an_html_column_is_read_as_pages() {
        let page = format!(
            "<html><head><title>Talks</title><meta property=\"article:published_time\" content=\"2021-05-20\"></head>\
             <body><article><h1>Talks</h1><p>{TEXT}</p></article></body></html>"
        );
        let batch = RecordBatch::try_from_iter([(
            "html",
            Arc::new(BinaryArray::from_iter_values([page.as_bytes()])) as ArrayRef,
        )])
        .expect("batch");
        let (articles, _) = read_bytes(&parquet_of(batch), &Limits::default());
        let a = &articles.expect("a page")[0];
        assert_eq!(a.title.as_deref(), Some("Talks"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2021, 5, 20));
        assert!(a.text.contains("met yesterday in Paris"), "{}", a.text);
    }

    #[test]
    fn rows_past_the_limit_are_counted_not_read() {
        let limits = Limits { max_records: 2, ..Limits::default() };
        let (articles, problems) = read_bytes(&texts(5), &limits);
        assert_eq!(articles.expect("two").len(), 2);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].entry == "row-3" && problems[0].message.contains("nor the 2 records after it"),
            "{problems:?}"
        );
    }

    #[test]
    fn what_is_not_a_table_of_articles_is_an_error_saying_why() {
        let batch = RecordBatch::try_from_iter([(
            "views",
            Arc::new(arrow_array::Int64Array::from(vec![1, 2])) as ArrayRef,
        )])
        .expect("batch");
        let (e, _) = read_bytes(&parquet_of(batch), &Limits::default());
        assert!(e.expect_err("no text").to_string().contains("found the columns views"));
        let (e, _) = read_bytes(b"PAR1 not really", &Limits::default());
        assert!(e.expect_err("not parquet").to_string().starts_with("Parquet: not a Parquet file"));
        // Damaged anywhere: an error, never a panic.
        let good = texts(40);
        for at in (4..good.len() - 4).step_by(good.len() / 60 + 1) {
            let mut bad = good.clone();
            bad[at] ^= 0x5a;
            bad[at + 1] = bad[at + 1].wrapping_add(77);
            let _ = read_bytes(&bad, &Limits::default());
        }
        let mut cut = good.clone();
        cut.drain(10..good.len() / 2);
        let (e, _) = read_bytes(&cut, &Limits::default());
        assert!(e.expect_err("cut").to_string().starts_with("Parquet: the file is damaged"));
    }
}
