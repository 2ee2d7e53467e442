//! JSON and JSON Lines: one article per record, with the common field names (title/headline,
//! date/published/pubDate/datePublished, text/body/content/article, url/link, ...). A file may be
//! one record, an array of records, or an object holding such an array ("articles", "items",
//! Elasticsearch "hits.hits[]._source", ...).

use dateline_model::{Article, Origin};
use serde_json::{Map, Value};

use crate::archive::Budget;
use crate::article::Draft;
use crate::decode::{decode, split_paragraphs};
use crate::html::{fragment_paragraphs, looks_like_html, name_of};
use crate::{EntryProblem, IngestError, Limits, records_past_limit};

const TITLE: &[&str] = &["title", "headline", "name", "subject"];
const DATE: &[&str] = &[
    "published",
    "date",
    "pubdate",
    "datepublished",
    "published_at",
    "publishedat",
    "publication_date",
    "publish_date",
    "pub_date",
    "date_published",
    "published_date",
    "timestamp",
    "created_at",
    "createdat",
    "created",
    "time",
    "updated",
];
const TEXT: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "articlebody",
    "article_body",
    "full_text",
    "fulltext",
    "maintext",
    "story",
    "description",
    "summary",
];
/// A whole page as fetched: read by the HTML reader (its main text, and its own date, title and
/// address where the record gives none).
const HTML: &[&str] = &["html", "raw_html", "page_html", "content_html", "html_content", "page"];
const URL: &[&str] = &["url", "link", "canonical_url", "canonical", "href", "permalink", "source_url"];
const AUTHOR: &[&str] = &["author", "byline", "authors", "creator", "by"];
const OUTLET: &[&str] =
    &["source", "outlet", "publisher", "site_name", "sitename", "publication", "source_name", "domain"];
const ID: &[&str] = &["id", "doc", "doc_id", "docid", "guid", "uuid", "slug", "_id"];
const CONTAINERS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "docs",
    "documents",
    "entries",
    "posts",
    "stories",
    "records",
    "news",
    "hits",
    "response",
    "value",
];

/// Whether a record's field of this name is read (any case): a Parquet reader decodes only those.
pub(crate) fn is_field(name: &str) -> bool {
    [TITLE, DATE, TEXT, HTML, URL, AUTHOR, OUTLET, ID]
        .iter()
        .any(|keys| keys.iter().any(|k| k.eq_ignore_ascii_case(name)))
}

fn get<'a>(o: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    for k in keys {
        if let Some(v) = o.iter().find(|(key, _)| key.eq_ignore_ascii_case(k)).map(|(_, v)| v)
            && !v.is_null()
        {
            return Some(v);
        }
    }
    None
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(string).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Value::Object(o) => get(o, &["text", "value", "content", "name", "body"]).and_then(string),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

fn is_record(o: &Map<String, Value>) -> bool {
    get(o, TEXT).and_then(string).is_some() || get(o, HTML).and_then(string).is_some()
}

/// "an array of 3 numbers", "an object with keys a, b, c", "a string".
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "a true/false value".into(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a string".into(),
        Value::Array(a) if a.is_empty() => "an empty array".into(),
        Value::Array(a) => format!("an array of {} items, the first {}", a.len(), describe(&a[0])),
        Value::Object(o) => {
            let keys: Vec<&str> = o.keys().take(6).map(String::as_str).collect();
            if keys.is_empty() {
                "an empty object".into()
            } else {
                format!("an object with keys {}", keys.join(", "))
            }
        }
    }
}

/// A record, or an element of a record array that is not one (what it is instead).
type Record<'v> = Result<&'v Map<String, Value>, String>;

/// The records of a JSON value: itself, its elements, or the elements of a container field,
/// each with its position. An array counts as records when one of its elements is a record; its
/// other elements are then records without text, reported as such.
fn records(v: &Value) -> Vec<(usize, Record<'_>)> {
    fn one(o: &Map<String, Value>) -> Option<&Map<String, Value>> {
        if is_record(o) {
            return Some(o);
        }
        o.get("_source").and_then(Value::as_object).filter(|s| is_record(s))
    }
    match v {
        Value::Object(o) => {
            if let Some(r) = one(o) {
                return vec![(0, Ok(r))];
            }
            for k in CONTAINERS {
                if let Some(inner) = get(o, &[k]) {
                    let r = records(inner);
                    if !r.is_empty() {
                        return r;
                    }
                }
            }
            Vec::new()
        }
        Value::Array(a) => {
            let found: Vec<(usize, Record<'_>)> = a
                .iter()
                .enumerate()
                .map(|(i, v)| match v {
                    Value::Object(o) => (i, one(o).ok_or_else(|| describe(v))),
                    _ => (i, Err(describe(v))),
                })
                .collect();
            if found.iter().any(|(_, r)| r.is_ok()) { found } else { Vec::new() }
        }
        _ => Vec::new(),
    }
}

fn safe_id(s: &str) -> Option<String> {
    let id: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
        .take(100)
        .collect();
    let id = id.trim_matches('-').to_string();
    (!id.is_empty()).then_some(id)
}

fn date_of(v: &Value, d: &mut Draft) {
    match v {
        Value::Number(n) => {
            let Some(mut secs) = n.as_i64() else { return };
            if secs > 100_000_000_000 {
                secs /= 1000; // milliseconds
            }
            if let Some(t) = chrono::DateTime::from_timestamp(secs, 0) {
                d.published = Some(t.date_naive());
                d.published_raw = Some(n.to_string());
            }
        }
        other => {
            if let Some(s) = string(other) {
                d.date_from(&s);
            }
        }
    }
}

fn article(
    o: &Map<String, Value>,
    doc: String,
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Option<Article> {
    let mut d = Draft::new(doc);
    d.title = get(o, TITLE).and_then(string);
    if let Some(v) = get(o, DATE) {
        date_of(v, &mut d);
    }
    d.url = get(o, URL).and_then(string).filter(|u| !u.contains(char::is_whitespace));
    d.byline = get(o, AUTHOR).and_then(name_of);
    d.outlet = get(o, OUTLET).and_then(name_of);
    let Some(mut text) = get(o, TEXT).and_then(string) else {
        return page_article(o, d, origin, limits);
    };
    let whole = text.len();
    crate::cut_early(&mut text, whole, &origin, limits, budget);
    d.paragraphs = if looks_like_html(&text) { fragment_paragraphs(&text) } else { split_paragraphs(&text) };
    d.finish(origin)
}

/// The article of a record whose text is a whole page (an [`HTML`] field): the page's, with
/// what the record says (title, date, address, author, outlet) over what the page says.
fn page_article(o: &Map<String, Value>, d: Draft, origin: Origin, limits: &Limits) -> Option<Article> {
    let html = get(o, HTML).and_then(string)?;
    let mut a = crate::html::read(&d.doc, html.as_bytes(), origin, limits).ok()?.into_iter().next()?;
    if d.published.is_some() {
        a.published = d.published;
        a.published_raw = d.published_raw;
    }
    a.url = d.url.or(a.url);
    a.byline = d.byline.or(a.byline);
    a.outlet = d.outlet.or(a.outlet);
    // The page's own title heads the text the HTML reader laid out.
    a.content_hash = crate::content_hash(&a.text, a.title.as_deref(), a.published);
    Some(a)
}

fn sub(origin: &Origin, item: String) -> Origin {
    Origin {
        path: origin.path.clone(),
        entry: Some(match &origin.entry {
            Some(e) => format!("{e}#{item}"),
            None => item,
        }),
    }
}

pub(crate) fn read(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
    lines: bool,
) -> Result<Vec<Article>, IngestError> {
    let text = decode(bytes, None)
        .map_err(|_| IngestError::Binary { ext: if lines { "jsonl" } else { "json" }.into() })?;
    let mut reading = Reading::new(doc, &origin, limits, budget);
    let whole = if lines { None } else { Some(serde_json::from_str::<Value>(text.trim())) };
    match whole {
        Some(Ok(v)) => {
            drop(text);
            if let Some(what) = crate::produced::recognise_json(&v) {
                return Err(IngestError::Unsupported(format!("not read: {what}")));
            }
            reading.value(None, &v, true);
        }
        Some(Err(e)) if !(e.is_syntax() && e.to_string().contains("trailing characters")) => {
            return Err(IngestError::Json(format!("line {} column {}: {}", e.line(), e.column(), short(&e))));
        }
        _ => {
            // JSON Lines: one value per line, each turned into articles before the next is parsed.
            let mut values = 0usize;
            let mut bad: Vec<(usize, String)> = Vec::new();
            for (i, line) in text.lines().enumerate() {
                let l = line.trim();
                if l.is_empty() {
                    continue;
                }
                let label = format!("line-{}", i + 1);
                if reading.out.len() >= limits.max_records {
                    reading.past_limit.get_or_insert((label, 0)).1 += 1;
                    continue;
                }
                match serde_json::from_str::<Value>(l) {
                    Ok(v) => {
                        if values == 0
                            && let Some(what) = crate::produced::recognise_json(&v)
                        {
                            return Err(IngestError::Unsupported(format!("not read: {what}")));
                        }
                        values += 1;
                        reading.value(Some(label), &v, false);
                    }
                    Err(e) => bad.push((i + 1, short(&e))),
                }
            }
            if values == 0 {
                let first = bad.first().map(|(n, m)| format!("line {n}: {m}"));
                return Err(IngestError::Json(first.unwrap_or_else(|| "no JSON values in the file".into())));
            }
            reading.lost.extend(
                bad.into_iter().map(|(n, m)| (format!("line-{n}"), format!("JSON is not valid: {m}"))),
            );
        }
    }
    reading.finish()
}

/// Articles from JSON values, as they are parsed (also a Parquet file's rows, as objects).
pub(crate) struct Reading<'r> {
    doc: &'r str,
    origin: &'r Origin,
    limits: &'r Limits,
    budget: &'r mut Budget,
    out: Vec<Article>,
    /// Records that gave no article: their label, why.
    lost: Vec<(String, String)>,
    /// What a value without records was, for the error when nothing is found.
    shape: Option<String>,
    /// The first record past the limit, and how many were not read.
    past_limit: Option<(String, usize)>,
}

impl<'r> Reading<'r> {
    pub(crate) fn new(doc: &'r str, origin: &'r Origin, limits: &'r Limits, budget: &'r mut Budget) -> Self {
        Reading {
            doc,
            origin,
            limits,
            budget,
            out: Vec::new(),
            lost: Vec::new(),
            shape: None,
            past_limit: None,
        }
    }

    /// Whether the records read reached [`Limits::max_records`].
    pub(crate) fn full(&self) -> bool {
        self.out.len() >= self.limits.max_records
    }

    /// `left` records from `first` on were not read: past [`Limits::max_records`].
    pub(crate) fn past_limit(&mut self, first: String, left: usize) {
        self.past_limit.get_or_insert((first, 0)).1 += left;
    }

    /// The articles read, the records that gave none named in the problems.
    pub(crate) fn finish(self) -> Result<Vec<Article>, IngestError> {
        let Reading { out, lost, shape, past_limit, budget, origin, limits, .. } = self;
        if out.is_empty() {
            return Err(IngestError::JsonShape(format!(
                "expected an object with a text/body/content/article field, or an array of such objects; found {}",
                shape.unwrap_or_else(|| "records without text".into())
            )));
        }
        for (label, message) in lost {
            budget.problems.push(EntryProblem {
                entry: sub(origin, label).entry.unwrap_or_default(),
                message,
                skipped: false,
            });
        }
        if let Some((first, left)) = past_limit {
            budget.problems.push(records_past_limit(
                sub(origin, first).entry.unwrap_or_default(),
                left,
                "record",
                limits,
            ));
        }
        Ok(out)
    }

    /// The articles of one value: the whole file (`line` is `None`, `whole` true) or a line.
    pub(crate) fn value(&mut self, line: Option<String>, v: &Value, whole: bool) {
        let recs = records(v);
        if recs.is_empty() {
            self.shape.get_or_insert_with(|| describe(v));
            if let Some(l) = line {
                self.lost.push((l, format!("no article in this line: {}", describe(v))));
            }
            return;
        }
        let one = recs.len() == 1;
        for (i, r) in recs {
            let item = match (&line, one) {
                (None, true) => None,
                (None, false) => Some(format!("record-{}", i + 1)),
                (Some(l), true) => Some(l.clone()),
                (Some(l), false) => Some(format!("{l}#record-{}", i + 1)),
            };
            let label_of = |item: &Option<String>| item.clone().unwrap_or_else(|| "record-1".into());
            let label = || label_of(&item);
            if self.out.len() >= self.limits.max_records {
                self.past_limit.get_or_insert_with(|| (label(), 0)).1 += 1;
                continue;
            }
            let o = match r {
                Ok(o) => o,
                Err(what) => {
                    self.lost.push((label(), format!("no article text in this record: {what}")));
                    continue;
                }
            };
            let n = self.out.len() + 1;
            let id = get(o, ID).and_then(string).and_then(|s| safe_id(&s));
            let doc_id = match id {
                Some(id) => id,
                None if whole && one => self.doc.to_string(),
                None => format!("{}-{n}", self.doc),
            };
            let o_origin = match &item {
                Some(it) => sub(self.origin, it.clone()),
                None => self.origin.clone(),
            };
            match article(o, doc_id, o_origin, self.limits, self.budget) {
                Some(a) => self.out.push(a),
                None => self.lost.push((label_of(&item), "no article text in this record".into())),
            }
        }
    }
}

fn short(e: &serde_json::Error) -> String {
    let s = e.to_string();
    s.split(" at line").next().unwrap_or(&s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str, lines: bool) -> Result<Vec<Article>, IngestError> {
        let limits = Limits::default();
        read("f", s.as_bytes(), Origin::file("f.json"), &limits, &mut Budget::new(&limits), lines)
    }

    #[test]
    fn shapes() {
        let one =
            read_str(r#"{"headline":"A","datePublished":"2020-01-02","body":"<p>x</p><p>y</p>"}"#, false)
                .unwrap();
        assert_eq!(one[0].doc, "f");
        assert_eq!(one[0].text, "A\n\nx\n\ny");
        let arr =
            read_str(r#"{"articles":[{"id":7,"title":"A","text":"t"},{"title":"B","content":"u"}]}"#, false)
                .unwrap();
        assert_eq!(arr.iter().map(|a| a.doc.as_str()).collect::<Vec<_>>(), ["7", "f-2"]);
        assert_eq!(arr[1].origin.entry.as_deref(), Some("record-2"));
        let jl =
            read_str("{\"text\":\"a\"}\n\n{\"text\":\"b\",\"date\":1621555200}\nnot json\n", true).unwrap();
        assert_eq!(jl.len(), 2);
        assert_eq!(jl[1].published, chrono::NaiveDate::from_ymd_opt(2021, 5, 21));
        let e = read_str("[1,2,3]", false).unwrap_err();
        assert!(e.to_string().contains("found an array of 3 items, the first a number"), "{e}");
        let e = read_str("{\"a\": ", false).unwrap_err();
        assert!(e.to_string().starts_with("JSON is not valid: line 1"), "{e}");
    }
}
