//! WARC files (`.warc`, `.warc.gz`, as web crawls such as Common Crawl News store them): every
//! `response` record of a successful HTTP fetch of an HTML page is read as the page it holds, by
//! the HTML reader, with the record's target address as its URL when the page names none.
//! Other records (`request`, `metadata`, `warcinfo`, `revisit`) carry no article and are passed
//! over. The publication date is the page's own: the record's `WARC-Date` is when it was
//! fetched, not when it was written, so it is never taken for it.
//!
//! Hostile input: a `.warc.gz` unpacks to at most [`Limits::max_total_unpacked_bytes`] (and at
//! most [`Limits::max_ratio`] times its size); a damaged gzip member, a record whose header is
//! broken or whose body is cut short costs that record (named in the problems), and the reader
//! looks for the next record's `WARC/` line; a body's content encoding unpacks under the same
//! caps.

use std::io::Read;

use dateline_model::{Article, Origin};

use crate::archive::Budget;
use crate::{EntryProblem, IngestError, Limits, records_past_limit};

/// Whether `bytes` start like a WARC file, plain or gzipped.
pub(crate) fn looks_like_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/")
}

/// Header lines past this are a broken record, not a long one.
const MAX_HEADER_BYTES: usize = 64 * 1024;

pub(crate) fn read(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    let unpacked;
    let data: &[u8] = if bytes.starts_with(&[0x1f, 0x8b]) {
        let cap = limits.max_total_unpacked_bytes.min((bytes.len() as u64).saturating_mul(limits.max_ratio));
        let (out, problem) = gunzip(bytes, cap);
        if let Some(p) = problem {
            if out.is_empty() {
                return Err(IngestError::Warc(p));
            }
            budget.problems.push(EntryProblem { entry: String::new(), message: p, skipped: false });
        }
        unpacked = out;
        &unpacked
    } else {
        bytes
    };
    if !looks_like_warc(data) {
        let what = if data.is_empty() { "nothing".to_string() } else { "no WARC/1.x record line".into() };
        return Err(IngestError::Warc(format!("not a WARC file: it starts with {what}")));
    }
    let mut out: Vec<Article> = Vec::new();
    let mut at = 0usize;
    let mut n = 0usize;
    let mut past_limit: Option<(String, usize)> = None;
    while at < data.len() {
        // Records are separated by blank lines; anything else before `WARC/` is damage.
        while at < data.len() && matches!(data[at], b'\r' | b'\n') {
            at += 1;
        }
        if at >= data.len() {
            break;
        }
        n += 1;
        let label = format!("record-{n}");
        let record = match record_at(data, at) {
            Ok(r) => r,
            Err(message) => {
                budget.problems.push(problem(&origin, &label, message));
                match next_record(data, at + 1) {
                    Some(next) => {
                        at = next;
                        continue;
                    }
                    None => break,
                }
            }
        };
        at = record.end;
        let Some(page) = http_page(&record, limits) else { continue };
        let page = match page {
            Ok(p) => p,
            Err(message) => {
                budget.problems.push(problem(&origin, &label, message));
                continue;
            }
        };
        if out.len() >= limits.max_records {
            past_limit.get_or_insert_with(|| (label.clone(), 0)).1 += 1;
            continue;
        }
        let target = record.header("WARC-Target-URI").map(str::to_string);
        let page_doc = target.as_deref().and_then(doc_of_url).unwrap_or_else(|| format!("{doc}-{n}"));
        let page_origin = Origin { path: origin.path.clone(), entry: Some(entry_of(&origin, &label)) };
        match crate::html::read(&page_doc, &page, page_origin, limits) {
            Ok(articles) => {
                for mut a in articles {
                    if a.url.is_none() {
                        a.url = target.clone();
                    }
                    out.push(a);
                }
            }
            Err(e) => budget.problems.push(problem(&origin, &label, e.to_string())),
        }
    }
    if let Some((first, left)) = past_limit {
        budget.problems.push(records_past_limit(entry_of(&origin, &first), left, "record", limits));
    }
    if out.is_empty() {
        return Err(IngestError::NoText { format: "WARC file (no HTML page in a successful response)" });
    }
    Ok(out)
}

fn entry_of(origin: &Origin, label: &str) -> String {
    match &origin.entry {
        Some(e) => format!("{e}#{label}"),
        None => label.to_string(),
    }
}

fn problem(origin: &Origin, label: &str, message: String) -> EntryProblem {
    EntryProblem { entry: entry_of(origin, label), message, skipped: false }
}

/// The gzip members of `bytes` unpacked, up to `cap` bytes, and what stopped the unpacking
/// early (a damaged member, the cap).
fn gunzip(bytes: &[u8], cap: u64) -> (Vec<u8>, Option<String>) {
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(cap + 1);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return (out, None),
            Ok(k) => {
                out.extend_from_slice(&buf[..k]);
                if out.len() as u64 > cap {
                    out.truncate(cap as usize);
                    let message = format!(
                        "unpacks to more than {} (the limit for this file): the records past it were not read",
                        crate::error::Size(cap)
                    );
                    return (out, Some(message));
                }
            }
            Err(e) => {
                let message = format!(
                    "the gzip data is damaged after {} unpacked ({e}): the records past it were not read",
                    crate::error::Size(out.len() as u64)
                );
                return (out, Some(message));
            }
        }
    }
}

/// One WARC record: its header fields and the span of its block.
struct Record<'d> {
    fields: Vec<(&'d str, &'d str)>,
    block: &'d [u8],
    end: usize,
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| *v)
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// Where the next `WARC/` line starts after `from`.
fn next_record(data: &[u8], from: usize) -> Option<usize> {
    find(data, b"\nWARC/", from).map(|p| p + 1)
}

fn record_at(data: &[u8], at: usize) -> Result<Record<'_>, String> {
    let head_end = find(&data[..data.len().min(at + MAX_HEADER_BYTES)], b"\r\n\r\n", at)
        .ok_or("its header does not end (no blank line within 64 KiB)")?;
    let head = std::str::from_utf8(&data[at..head_end]).map_err(|_| "its header is not UTF-8 text")?;
    let mut lines = head.split("\r\n");
    let version = lines.next().unwrap_or_default();
    if !version.starts_with("WARC/") {
        return Err(format!("not a WARC record: it starts with {:?}", truncate(version, 40)));
    }
    let fields: Vec<(&str, &str)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim(), v.trim())).collect();
    let length = fields
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .ok_or("its header has no Content-Length")?
        .1;
    let length: usize =
        length.parse().map_err(|_| format!("its Content-Length is not a number: {length:?}"))?;
    let start = head_end + 4;
    let end = start.checked_add(length).filter(|&e| e <= data.len()).ok_or_else(|| {
        format!("cut short: its Content-Length is {length} bytes, the file has {} left", data.len() - start)
    })?;
    Ok(Record { fields, block: &data[start..end], end })
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The HTML page of a record, when it is the response of a successful fetch of one: `None`
/// for any other record (passed over), an error for a response that cannot be unpacked.
fn http_page(record: &Record<'_>, limits: &Limits) -> Option<Result<Vec<u8>, String>> {
    if !record.header("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response")) {
        return None;
    }
    if !record.header("Content-Type").is_some_and(|t| t.to_ascii_lowercase().contains("application/http")) {
        return None;
    }
    let block = record.block;
    let head_end = find(&block[..block.len().min(MAX_HEADER_BYTES)], b"\r\n\r\n", 0)?;
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap_or_default();
    let code = status.split_whitespace().nth(1).and_then(|c| c.parse::<u16>().ok());
    if code != Some(200) {
        return None;
    }
    let fields: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase()))
        .collect();
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let html = field("content-type").is_some_and(|t| t.contains("text/html") || t.contains("xhtml"));
    if !html {
        return None;
    }
    let mut body = block[head_end + 4..].to_vec();
    if field("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = match dechunk(&body) {
            Some(b) => b,
            None => return Some(Err("the response's chunked body is damaged".into())),
        };
    }
    let cap = limits.max_markup_bytes.min((body.len() as u64).saturating_mul(limits.max_ratio).max(1 << 20));
    match field("content-encoding") {
        None | Some("identity") | Some("") => {}
        Some("gzip") | Some("x-gzip") => {
            body = match unpack(flate2::read::MultiGzDecoder::new(&body[..]), cap) {
                Ok(b) => b,
                Err(e) => return Some(Err(format!("the response's gzip body: {e}"))),
            }
        }
        Some("deflate") => {
            body = match unpack(flate2::read::ZlibDecoder::new(&body[..]), cap) {
                Ok(b) => b,
                Err(e) => return Some(Err(format!("the response's deflate body: {e}"))),
            }
        }
        Some(other) => return Some(Err(format!("the response's content encoding {other:?} is not read"))),
    }
    Some(Ok(body))
}

fn unpack(r: impl Read, cap: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(cap + 1).read_to_end(&mut out).map_err(|e| e.to_string())?;
    if out.len() as u64 > cap {
        return Err(format!("unpacks to more than {}", crate::error::Size(cap)));
    }
    Ok(out)
}

/// A chunked transfer encoding's body, joined (`None`: damaged).
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let line_end = find(body, b"\r\n", at)?;
        let size = std::str::from_utf8(&body[at..line_end]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        if size == 0 {
            return Some(out);
        }
        let start = line_end + 2;
        let end = start.checked_add(size).filter(|&e| e <= body.len())?;
        out.extend_from_slice(&body[start..end]);
        at = end + 2;
    }
}

/// An article id from an address: its last path segment without extension, else its host.
fn doc_of_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let seg = rest.trim_end_matches('/').rsplit('/').next()?;
    let seg =
        seg.rsplit_once('.').map_or(seg, |(s, ext)| if ext.len() <= 5 && !s.is_empty() { s } else { seg });
    let id: String = seg
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_') { c } else { '-' })
        .take(100)
        .collect();
    let id = id.trim_matches('-').to_string();
    (!id.is_empty()).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-02T10:00:00Z\r\n\
             Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn page(title: &str, body: &str) -> String {
        format!(
            "<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"2024-03-01\"></head>\
             <body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
        )
    }

    fn response(html: &str, extra: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{extra}\r\n{html}").into_bytes()
    }

    fn read_bytes(bytes: &[u8]) -> (Result<Vec<Article>, IngestError>, Vec<EntryProblem>) {
        let limits = Limits::default();
        let mut budget = Budget::new(&limits);
        let r = read("crawl", bytes, Origin::file("crawl.warc"), &limits, &mut budget);
        (r, budget.problems)
    }

    #[test]
    fn the_html_responses_are_the_articles_and_the_rest_is_passed_over() {
        let text = "The foreign ministers met in Paris on Monday to discuss trade.";
        let chunked = {
            let html = page("Second", text);
            let (a, b) = html.split_at(20);
            format!("{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n", a.len(), b.len())
        };
        let records = [
            record("warcinfo", "", b"software: test\r\n"),
            record("request", "https://news.example/a/talks.html", b"GET /a/talks.html HTTP/1.1\r\n\r\n"),
            record("response", "https://news.example/a/talks.html", &response(&page("Talks", text), "")),
            record(
                "response",
                "https://news.example/img.png",
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
            ),
            record(
                "response",
                "https://news.example/gone",
                b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>no</p>",
            ),
            record(
                "response",
                "https://news.example/b/second",
                &response(&chunked, "Transfer-Encoding: chunked\r\n"),
            ),
        ];
        let warc = records.concat();
        let (articles, problems) = read_bytes(&warc);
        let articles = articles.expect("articles");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[0].doc, "talks");
        assert_eq!(articles[0].url.as_deref(), Some("https://news.example/a/talks.html"));
        assert_eq!(articles[0].published, chrono::NaiveDate::from_ymd_opt(2024, 3, 1));
        assert!(articles[0].text.contains("foreign ministers met in Paris"), "{}", articles[0].text);
        assert_eq!(articles[1].doc, "second");
        assert_eq!(articles[1].origin.entry.as_deref(), Some("record-6"));
        assert!(problems.is_empty(), "{problems:?}");

        // Gzipped, one member a record, as crawls write them: the same articles.
        let mut gz = Vec::new();
        for r in &records {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut e, r).expect("gzip");
            gz.extend(e.finish().expect("gzip"));
        }
        let (again, _) = read_bytes(&gz);
        assert_eq!(again.expect("articles"), articles);
    }

    #[test]
    fn a_damaged_record_costs_itself_and_the_reader_goes_on() {
        let text = "The foreign ministers met in Paris on Monday to discuss trade.";
        let good = record("response", "https://news.example/ok", &response(&page("Ok", text), ""));
        let mut warc =
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nope\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"
                .to_vec();
        warc.extend(&good);
        let mut cut = record("response", "https://news.example/cut", &response(&page("Cut", text), ""));
        cut.truncate(cut.len() - 40);
        warc.extend(cut);
        let (articles, problems) = read_bytes(&warc);
        let articles = articles.expect("the good record");
        assert_eq!(articles.iter().map(|a| a.doc.as_str()).collect::<Vec<_>>(), ["ok"]);
        assert!(
            problems[0].entry == "record-1" && problems[0].message.contains("Content-Length is not a number"),
            "{problems:?}"
        );
        assert!(problems[1].message.starts_with("cut short"), "{problems:?}");

        // Not a WARC at all, and gzip damaged half way.
        let (e, _) = read_bytes(b"GIF89a...");
        assert!(e.expect_err("not warc").to_string().contains("not a WARC file"));
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut e, &good).expect("gzip");
        let mut gz = e.finish().expect("gzip");
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut e, &good).expect("gzip");
        let second = e.finish().expect("gzip");
        gz.extend(&second[..second.len() / 2]);
        gz.extend(b"garbage garbage garbage");
        let (articles, problems) = read_bytes(&gz);
        assert_eq!(articles.expect("the first member").len(), 1);
        assert!(problems.iter().any(|p| p.message.contains("gzip data is damaged")), "{problems:?}");
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_cap() {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut e, b"WARC/1.0\r\n").expect("gzip");
        std::io::Write::write_all(&mut e, &vec![b'\n'; 50 << 20]).expect("gzip");
        let gz = e.finish().expect("gzip");
        let limits = Limits::default();
        let mut budget = Budget::new(&limits);
        let err = read("bomb", &gz, Origin::file("bomb.warc.gz"), &limits, &mut budget).expect_err("no page");
        assert!(err.to_string().contains("no HTML page"), "{err}");
        assert!(
            budget.problems.iter().any(|p| p.message.contains("unpacks to more than")),
            "{:?}",
            budget.problems
        );
    }
}
