//! Dateline's readers: every kind of article set an analyst drops (files, folders, zips) becomes
//! clean [`Article`]s, and bad input never hurts.
//!
//! Entry points:
//! - [`discover`] walks the dropped paths (files and folders, recursively) into a sorted,
//!   deduplicated list of files, reporting paths that could not be walked.
//! - [`read_file`] reads one file into an [`Outcome`]: articles, a skip (not an article format),
//!   or a failure with a message the analyst can act on.
//! - [`read_bytes`] reads bytes already in memory (zip entries, fuzzing), by extension and sniffing.
//! - [`read_file_each`] reads one file into a sink, one article at a time (an archive of many
//!   large texts never sits whole in memory), with every part of the file that did not become
//!   an article named in an [`EntryProblem`]: nothing read is lost without a word.
//!
//! # The text of an article
//! `Article::text` is clean text: paragraphs separated by one blank line, whitespace inside a
//! paragraph collapsed, no markup. **The title is the first paragraph of the text**: when the
//! body does not already start with the title (as an HTML `<h1>` usually does), the title is
//! prepended as its own paragraph, so that spans can point at events named in headlines.
//! Byline and date lines found in the header of a plain-text article are metadata and are taken
//! out of the text.
//!
//! # Dates
//! `published` is the publication date in the publication's own time zone: from
//! `2021-05-20T21:10:41-04:00` we take 2021-05-20. Only explicit dates (with a year) are parsed;
//! a dateline without a year ("WASHINGTON, May 24 (Reuters) -") leaves `published` as `None`.
//!
//! # Safety against bad input
//! Sizes are checked through metadata before reading; archives are streamed with caps on total
//! unpacked bytes, the unpacked/packed ratio, the entry count and the nesting depth; the PDF
//! reader runs under `catch_unwind` after its compressed streams are measured under the same
//! caps (a FlateDecode bomb is refused before any PDF library sees it); an article's text is cut
//! at [`Limits::max_text_bytes`], with a problem saying so; no parser recurses on input nesting.

mod archive;
mod article;
mod date;
mod decode;
mod discover;
mod docx;
mod error;
mod feed;
mod html;
mod json;
mod mail;
mod parquet;
mod pdf;
mod pdf_streams;
mod plain;
mod produced;
/// Inputs for tests, here and in other crates: not part of the API.
#[cfg(any(test, feature = "test-support"))]
#[doc(hidden)]
pub mod test_support;
mod warc;

use std::io::Read;
use std::path::Path;

pub use dateline_model::{Article, Origin};
pub use discover::{Discovered, discover};
pub use error::IngestError;
pub use feed::{FeedItem, ParsedFeed, parse_feed};

pub use article::{content_hash, set_provenance};
pub use date::parse_date;

/// Caps that keep bad input from eating memory or time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read from disk (checked through metadata before reading), and largest
    /// single entry unpacked from an archive.
    pub max_file_bytes: u64,
    /// Largest total of bytes unpacked from one archive, nested archives included.
    pub max_total_unpacked_bytes: u64,
    /// Largest unpacked/packed ratio of one archive entry (entries under 1 MiB are exempt:
    /// small text compresses well).
    pub max_ratio: u64,
    /// Most entries read from one archive, nested archives included.
    pub max_entries: usize,
    /// Deepest nesting of archives inside archives (a zip in a zip is depth 2).
    pub max_depth: usize,
    /// Most articles taken from one feed, JSON file or mailbox.
    pub max_records: usize,
    /// Longest article text kept: a longer one is cut (at a paragraph break when there is one
    /// near the cap) and the cut is reported.
    pub max_text_bytes: usize,
    /// Largest HTML page read (its tree takes many times its bytes).
    pub max_markup_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 256 * MIB,
            max_total_unpacked_bytes: 1024 * MIB,
            max_ratio: 100,
            max_entries: 10_000,
            max_depth: 3,
            max_records: 100_000,
            max_text_bytes: 4 * MIB as usize,
            max_markup_bytes: 64 * MIB,
        }
    }
}

pub(crate) const MIB: u64 = 1024 * 1024;

/// What reading one file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The articles in the file (one for most formats; many for feeds, JSON arrays, mailboxes
    /// and archives).
    Articles(Vec<Article>),
    /// Not an article format (an image, a program, ...): the reason, for the analyst.
    Skipped(String),
    /// An article format that could not be read: what is wrong with it.
    Failed(IngestError),
}

/// The formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Html,
    Text,
    Markdown,
    Pdf,
    Docx,
    Eml,
    Mbox,
    Json,
    Jsonl,
    Feed,
    Zip,
    Parquet,
    Warc,
}

/// Extensions that are surely not articles: skipped with a reason rather than failed.
const NOT_ARTICLES: &[(&str, &str)] = &[
    ("png", "an image"),
    ("jpg", "an image"),
    ("jpeg", "an image"),
    ("gif", "an image"),
    ("webp", "an image"),
    ("bmp", "an image"),
    ("tif", "an image"),
    ("tiff", "an image"),
    ("svg", "an image"),
    ("ico", "an image"),
    ("heic", "an image"),
    ("mp3", "audio"),
    ("wav", "audio"),
    ("ogg", "audio"),
    ("m4a", "audio"),
    ("flac", "audio"),
    ("mp4", "a video"),
    ("mov", "a video"),
    ("avi", "a video"),
    ("mkv", "a video"),
    ("webm", "a video"),
    ("exe", "a program"),
    ("py", "source code"),
    ("rs", "source code"),
    ("js", "source code"),
    ("mjs", "source code"),
    ("ts", "source code"),
    ("sh", "a shell script"),
    ("css", "a style sheet"),
    ("toml", "a configuration file"),
    ("yaml", "a configuration file"),
    ("yml", "a configuration file"),
    ("lock", "a lock file"),
    ("dll", "a program"),
    ("so", "a program"),
    ("dylib", "a program"),
    ("bin", "binary data"),
    ("dmg", "a disk image"),
    ("iso", "a disk image"),
    ("msi", "an installer"),
    ("deb", "a package"),
    ("rpm", "a package"),
    ("apk", "a package"),
    ("jar", "a Java archive"),
    ("class", "a program"),
    ("o", "a program"),
    ("a", "a library"),
    ("pyc", "a program"),
    ("wasm", "a program"),
    ("ttf", "a font"),
    ("otf", "a font"),
    ("woff", "a font"),
    ("woff2", "a font"),
    ("css", "a style sheet"),
    ("js", "a script"),
    ("db", "a database"),
    ("sqlite", "a database"),
    ("xls", "a spreadsheet"),
    ("xlsx", "a spreadsheet"),
    ("ods", "a spreadsheet"),
    ("csv", "a table (not supported yet)"),
    ("ppt", "a presentation"),
    ("pptx", "a presentation"),
    ("doc", "a legacy Word file (save it as .docx)"),
    ("rtf", "RTF (save it as .docx or .txt)"),
    ("odt", "OpenDocument text (save it as .docx)"),
    ("epub", "an e-book"),
    ("7z", "a 7-Zip archive (unpack it, or make a .zip)"),
    ("rar", "a RAR archive (unpack it, or make a .zip)"),
    ("gz", "a gzip archive (unpack it, or make a .zip)"),
    ("tgz", "a tar archive (unpack it, or make a .zip)"),
    ("tar", "a tar archive (unpack it, or make a .zip)"),
    ("bz2", "a bzip2 archive (unpack it, or make a .zip)"),
    ("xz", "an xz archive (unpack it, or make a .zip)"),
    ("ds_store", "macOS folder metadata"),
    ("lnk", "a shortcut"),
    ("ics", "a calendar"),
    ("ical", "a calendar"),
    ("vcf", "a contact card"),
    ("graphml", "a graph file"),
    ("gexf", "a graph file"),
    ("dateline", "a Dateline workspace"),
    ("dateline-checked", "a Dateline workspace's check seal"),
    ("sqlite3", "a database"),
];

pub(crate) fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if base.len() > ".warc.gz".len() && base.to_ascii_lowercase().ends_with(".warc.gz") {
        return "warc.gz".into();
    }
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// The file name without folders and without its extension: the article's `doc` id.
pub(crate) fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if extension(base) == "warc.gz" {
        return base[..base.len() - ".warc.gz".len()].to_string();
    }
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => base.to_string(),
    }
}

/// File extensions and the format each is read as: the one list the reader and the app's file
/// picker ([`extensions`]) share.
const FORMATS: &[(&str, Format)] = &[
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("shtml", Format::Html),
    ("php", Format::Html),
    ("asp", Format::Html),
    ("aspx", Format::Html),
    ("txt", Format::Text),
    ("text", Format::Text),
    ("asc", Format::Text),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("mdown", Format::Markdown),
    ("mkd", Format::Markdown),
    ("pdf", Format::Pdf),
    ("docx", Format::Docx),
    ("eml", Format::Eml),
    ("msg822", Format::Eml),
    ("mbox", Format::Mbox),
    ("mbx", Format::Mbox),
    ("json", Format::Json),
    ("jsonl", Format::Jsonl),
    ("ndjson", Format::Jsonl),
    ("rss", Format::Feed),
    ("atom", Format::Feed),
    ("xml", Format::Feed),
    ("zip", Format::Zip),
    ("parquet", Format::Parquet),
    ("warc", Format::Warc),
    ("warc.gz", Format::Warc),
];

/// Every file extension read as an article (or a container of articles), lower case.
pub fn extensions() -> impl Iterator<Item = &'static str> {
    FORMATS.iter().map(|(ext, _)| *ext)
}

fn format_of_extension(ext: &str) -> Option<Format> {
    FORMATS.iter().find(|(e, _)| *e == ext).map(|(_, f)| *f)
}

/// Guesses the format of bytes whose name says nothing.
fn sniff(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(2048)];
    if head.starts_with(b"%PDF") {
        return Some(Format::Pdf);
    }
    if parquet::looks_like_parquet(bytes) {
        return Some(Format::Parquet);
    }
    if warc::looks_like_warc(head) {
        return Some(Format::Warc);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        if memfind(bytes, b"word/document.xml") {
            return Some(Format::Docx);
        }
        return Some(Format::Zip);
    }
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let lower = t.chars().take(600).collect::<String>().to_ascii_lowercase();
    if lower.starts_with('{') || lower.starts_with('[') {
        return Some(Format::Json);
    }
    if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
        return Some(Format::Feed);
    }
    if lower.starts_with("<!doctype html") || lower.contains("<html") || lower.starts_with("<") {
        return Some(Format::Html);
    }
    if lower.starts_with("from ") && lower.contains("\nfrom:") {
        return Some(Format::Mbox);
    }
    let has_headers = ["from:", "subject:", "date:", "message-id:", "received:", "mime-version:"]
        .iter()
        .filter(|h| lower.lines().take(30).any(|l| l.starts_with(*h)))
        .count();
    if has_headers >= 2 {
        return Some(Format::Eml);
    }
    None
}

fn memfind(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A part of a file that did not become an article, or did only in part, while the rest of the
/// file could be read (when nothing could, the file's [`Outcome`] is a failure naming the first
/// bad part instead): an archive entry, a mailbox message, a record, the end of a text past the
/// cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryProblem {
    /// Where it is in the file, as an article's `Origin::entry` names it: `inner/path.html`,
    /// `inner.zip!path.html` inside a nested archive, `message-12`, `line-4`, `box.zip!a.mbox#message-3`;
    /// empty for the file itself (its text cut at the cap).
    pub entry: String,
    /// What is wrong with it, for the analyst.
    pub message: String,
    /// Not an article format (an image in a zip): skipped, nothing lost. Otherwise something
    /// that could have been an article was not read, or not whole.
    pub skipped: bool,
}

/// What [`read_file_each`] gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRead {
    /// This many articles went to the sink.
    Articles(usize),
    /// Not an article format: the reason, for the analyst.
    Skipped(String),
    /// An article format that could not be read: what is wrong with it.
    Failed(IngestError),
    /// The sink asked to stop (after this many articles).
    Stopped(usize),
}

/// Where articles go as they are read: `false` stops the reading.
pub type Sink<'s> = dyn FnMut(Article) -> bool + 's;

/// Reads one file from disk. Never panics; the size is checked before reading.
pub fn read_file(path: &Path, limits: &Limits) -> Outcome {
    read_file_with_problems(path, limits).0
}

/// [`read_file`], plus the parts of the file that could not be read while others could.
pub fn read_file_with_problems(path: &Path, limits: &Limits) -> (Outcome, Vec<EntryProblem>) {
    let mut articles = Vec::new();
    let (read, problems) = read_file_each(path, limits, &mut |a| {
        articles.push(a);
        true
    });
    (collected(read, articles), problems)
}

/// Reads one file into `sink`, one article at a time, and names every part of it that did not
/// become an article (or not whole). Never panics; the size is checked before reading.
pub fn read_file_each(path: &Path, limits: &Limits, sink: &mut Sink<'_>) -> (FileRead, Vec<EntryProblem>) {
    let mut budget = archive::Budget::new(limits);
    let read = read_file_in(path, limits, &mut budget, sink);
    (read, budget.problems)
}

fn collected(read: FileRead, articles: Vec<Article>) -> Outcome {
    match read {
        FileRead::Articles(_) | FileRead::Stopped(_) => Outcome::Articles(articles),
        FileRead::Skipped(why) => Outcome::Skipped(why),
        FileRead::Failed(e) => Outcome::Failed(e),
    }
}

/// A path as a string that tells apart every path: the path itself when it is UTF-8, else each
/// byte that is not UTF-8 written as `\xNN` (two names that differ only there stay two origins,
/// where `to_string_lossy` would make both `caf�.txt`).
pub fn path_key(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

fn read_file_in(path: &Path, limits: &Limits, budget: &mut archive::Budget, sink: &mut Sink<'_>) -> FileRead {
    let shown = path_key(path);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return FileRead::Failed(IngestError::io(&shown, e)),
    };
    if meta.is_dir() {
        return FileRead::Skipped("a folder, not a file (use discover to walk it)".into());
    }
    if !meta.is_file() {
        return FileRead::Skipped("not a regular file (a device, socket or pipe)".into());
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = extension(&name);
    if let Some((_, what)) = NOT_ARTICLES.iter().find(|(e, _)| *e == ext) {
        return FileRead::Skipped(format!("not an article format: .{ext} is {what}"));
    }
    // Beside the part files of a Spark (Hadoop) job's output, such as an events file.
    if name == "_SUCCESS" {
        return FileRead::Skipped("a Spark or Hadoop job's mark that it finished, not an article".into());
    }
    if meta.len() > limits.max_file_bytes {
        return FileRead::Failed(IngestError::TooLarge { size: meta.len(), limit: limits.max_file_bytes });
    }
    if meta.len() == 0 {
        return FileRead::Failed(IngestError::Empty);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let read =
        std::fs::File::open(path).and_then(|f| f.take(limits.max_file_bytes + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return FileRead::Failed(IngestError::io(&shown, e));
    }
    if bytes.len() as u64 > limits.max_file_bytes {
        return FileRead::Failed(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_file_bytes,
        });
    }
    let mut sent = 0usize;
    let mut counting = |a: Article| {
        sent += 1;
        sink(a)
    };
    match read_bytes_in(&name, &bytes, Origin::file(shown), limits, budget, 0, &mut counting) {
        Ok(n) => FileRead::Articles(n),
        Err(IngestError::Stopped) => FileRead::Stopped(sent),
        Err(IngestError::Unsupported(why)) => FileRead::Skipped(why),
        Err(e) => FileRead::Failed(e),
    }
}

/// Reads bytes already in memory, choosing the reader by the extension of `name` and, when the
/// extension says nothing, by sniffing the content. Never panics.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
) -> Result<Vec<Article>, IngestError> {
    read_bytes_with_problems(name, bytes, origin, limits).0
}

/// [`read_bytes`], plus the parts that could not be read while others could.
pub fn read_bytes_with_problems(
    name: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
) -> (Result<Vec<Article>, IngestError>, Vec<EntryProblem>) {
    let mut budget = archive::Budget::new(limits);
    let mut articles = Vec::new();
    let result = read_bytes_in(name, bytes, origin, limits, &mut budget, 0, &mut |a| {
        articles.push(a);
        true
    });
    (result.map(|_| articles), budget.problems)
}

/// Reads `bytes` and sends their articles to `sink`; the number sent.
pub(crate) fn read_bytes_in(
    name: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut archive::Budget,
    depth: usize,
    sink: &mut Sink<'_>,
) -> Result<usize, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(IngestError::TooLarge { size: bytes.len() as u64, limit: limits.max_file_bytes });
    }
    let ext = extension(name);
    if let Some((_, what)) = NOT_ARTICLES.iter().find(|(e, _)| *e == ext) {
        return Err(IngestError::Unsupported(format!("not an article format: .{ext} is {what}")));
    }
    if let Some(what) = produced::recognise(bytes) {
        return Err(IngestError::Unsupported(format!("not read: {what}")));
    }
    let format = match format_of_extension(&ext) {
        // A ".xml" that is not a feed is more likely XHTML than anything else.
        Some(Format::Feed) if ext == "xml" => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
            if head.contains("<html") && sniff(bytes) != Some(Format::Feed) {
                Format::Html
            } else {
                Format::Feed
            }
        }
        Some(f) => f,
        None => match sniff(bytes) {
            Some(f) => f,
            None if decode::looks_textual(bytes) => Format::Text,
            None => {
                let shown =
                    if ext.is_empty() { "a file without extension".to_string() } else { format!(".{ext}") };
                return Err(IngestError::Unsupported(format!(
                    "not an article format: {shown} holds binary data of an unknown kind"
                )));
            }
        },
    };
    let doc = stem(name);
    let articles = match format {
        Format::Html => html::read(&doc, bytes, origin, limits)?,
        Format::Text => plain::read_text(&doc, bytes, &ext, origin, limits, budget)?,
        Format::Markdown => plain::read_markdown(&doc, bytes, origin, limits, budget)?,
        Format::Pdf => pdf::read(&doc, bytes, origin, limits, budget)?,
        Format::Docx => docx::read(&doc, bytes, origin, limits, budget)?,
        Format::Eml => mail::read_eml(&doc, bytes, origin, limits, budget)?,
        Format::Mbox => mail::read_mbox(&doc, bytes, origin, limits, budget)?,
        Format::Json => json::read(&doc, bytes, origin, limits, budget, false)?,
        Format::Jsonl => json::read(&doc, bytes, origin, limits, budget, true)?,
        Format::Feed => feed::read(&doc, bytes, origin, limits, budget)?,
        Format::Zip => return archive::read_zip(bytes, origin, limits, budget, depth, sink),
        Format::Parquet => parquet::read(&doc, bytes, origin, limits, budget)?,
        Format::Warc => warc::read(&doc, bytes, origin, limits, budget)?,
    };
    let n = articles.len();
    for mut a in articles {
        if let Some(whole) = article::cap_text(&mut a, limits.max_text_bytes) {
            let entry = a.origin.entry.clone().unwrap_or_default();
            budget.problems.push(text_cut(entry, Some(whole), a.text.len(), limits));
        }
        if !sink(a) {
            return Err(IngestError::Stopped);
        }
    }
    Ok(n)
}

/// The problem of a text cut at [`Limits::max_text_bytes`]: `whole` bytes long (`None`: the
/// reader stopped at the cap, so more than it), `kept` kept.
fn text_cut(entry: String, whole: Option<usize>, kept: usize, limits: &Limits) -> EntryProblem {
    let limit = error::Size(limits.max_text_bytes as u64);
    let whole = match whole {
        Some(n) => error::Size(n as u64).to_string(),
        None => format!("more than {limit}"),
    };
    EntryProblem {
        entry,
        message: format!(
            "text too long: {whole} (the limit is {limit}): only its first {} were read",
            error::Size(kept as u64),
        ),
        skipped: false,
    }
}

/// Cuts a reader's raw text at the text cap before it is split and cleaned (cleaning a 200 MB
/// text whole took 1.4 GB), at the last line break before the cap when there is one in its
/// second half. The cut is a problem of `origin`; `whole` is the size to report.
pub(crate) fn cut_early(
    text: &mut String,
    whole: usize,
    origin: &Origin,
    limits: &Limits,
    budget: &mut archive::Budget,
) {
    if text.len() > limits.max_text_bytes {
        cut_text(text, Some(whole.max(text.len())), origin, limits, budget);
    }
}

/// Cuts `text` at the text cap as [`cut_early`] does, and reports the cut, whatever its length:
/// `whole` is `None` when the reader stopped at the cap without reading the rest.
pub(crate) fn cut_text(
    text: &mut String,
    whole: Option<usize>,
    origin: &Origin,
    limits: &Limits,
    budget: &mut archive::Budget,
) {
    let mut cut = limits.max_text_bytes.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(nl) = text[..cut].rfind('\n').filter(|&p| p >= cut / 2) {
        cut = nl;
    }
    text.truncate(cut);
    text.shrink_to_fit();
    let entry = origin.entry.clone().unwrap_or_default();
    budget.problems.push(text_cut(entry, whole, cut, limits));
}

/// The part of `bytes` that can hold the first [`Limits::max_text_bytes`] of text in any
/// encoding (four bytes a character at most), cut at an even length (UTF-16).
pub(crate) fn text_window<'b>(bytes: &'b [u8], limits: &Limits) -> &'b [u8] {
    let most = limits.max_text_bytes.saturating_mul(4) & !1;
    &bytes[..bytes.len().min(most)]
}

/// "7", "100,000": counts for people.
pub(crate) fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The problem of the records past [`Limits::max_records`]: `first` names the first one not
/// read, `left` how many were not read in all.
pub(crate) fn records_past_limit(first: String, left: usize, what: &str, limits: &Limits) -> EntryProblem {
    let rest = match left.saturating_sub(1) {
        0 => String::new(),
        1 => format!(", nor the {what} after it"),
        n => format!(", nor the {} {what}s after it", thousands(n)),
    };
    EntryProblem {
        entry: first,
        message: format!(
            "not imported{rest}: one file gives at most {} articles (split the file)",
            thousands(limits.max_records)
        ),
        skipped: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(extension("a/b.HTML"), "html");
        assert_eq!(format_of_extension("mbx"), Some(Format::Mbox));
        assert!(extensions().any(|e| e == "pdf") && extensions().all(|e| e == e.to_ascii_lowercase()));
        assert_eq!(extension(".bashrc"), "");
        assert_eq!(extension("noext"), "");
        assert_eq!(stem("dir/2021-05-20_x.html"), "2021-05-20_x");
        assert_eq!(stem("x.tar.gz"), "x.tar");
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"%PDF-1.4"), Some(Format::Pdf));
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss>"), Some(Format::Feed));
        assert_eq!(sniff(b"[{\"title\":1}]"), Some(Format::Json));
        assert_eq!(sniff(b"From: a@b\nSubject: x\nDate: y\n\nbody"), Some(Format::Eml));
        assert_eq!(sniff(b"Plain words."), None);
    }
}
