//! Placeholder interface for the ingest stage while its full implementation lands on its branch.
//! Reads `.txt`, `.md` and `.html` well enough for the skeleton.

use std::path::{Path, PathBuf};

use dateline_model::{Article, Origin};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_file_bytes: 256 << 20 }
    }
}

#[derive(Debug, Clone)]
pub struct Discovered {
    pub path: PathBuf,
    pub problem: Option<String>,
}

#[derive(Debug)]
pub enum Outcome {
    Articles(Vec<Article>),
    Skipped(String),
    Failed(IngestError),
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("file too large: {size} bytes (the limit is {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error("not text: {0}")]
    NotText(String),
}

pub fn discover(paths: &[PathBuf]) -> Vec<Discovered> {
    let mut out = Vec::new();
    for p in paths {
        for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => out.push(Discovered { path: e.into_path(), problem: None }),
                Ok(_) => {}
                Err(err) => out.push(Discovered {
                    path: err.path().map_or_else(|| p.clone(), Path::to_path_buf),
                    problem: Some(err.to_string()),
                }),
            }
        }
    }
    out
}

pub fn read_file(path: &Path, limits: &Limits) -> Outcome {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if !matches!(ext.as_str(), "txt" | "md" | "html" | "htm") {
        return Outcome::Skipped(format!("not an article format: .{ext}"));
    }
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return Outcome::Failed(e.into()),
    };
    if size > limits.max_file_bytes {
        return Outcome::Failed(IngestError::TooLarge { size, limit: limits.max_file_bytes });
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e.into()),
    };
    match read_bytes(&path.to_string_lossy(), &bytes, Origin::file(path.to_string_lossy()), limits) {
        Ok(a) => Outcome::Articles(a),
        Err(e) => Outcome::Failed(e),
    }
}

pub fn read_bytes(name: &str, bytes: &[u8], origin: Origin, _limits: &Limits) -> Result<Vec<Article>, IngestError> {
    let text = std::str::from_utf8(bytes).map_err(|_| IngestError::NotText("invalid UTF-8".into()))?;
    if text.contains('\0') {
        return Err(IngestError::NotText("binary content (NUL bytes)".into()));
    }
    let doc = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or(name).to_string();
    let lower = name.to_ascii_lowercase();
    let (title, published, body) = if lower.ends_with(".html") || lower.ends_with(".htm") {
        html(text)
    } else {
        let title = text.lines().find(|l| !l.trim().is_empty()).map(|l| l.trim_start_matches('#').trim().to_string());
        let published = text.lines().find_map(|l| {
            let l = l.trim().trim_matches('*');
            let rest = l.strip_prefix("Published:").or_else(|| l.strip_prefix("date:")).or_else(|| l.strip_prefix("Published "))?;
            chrono::NaiveDate::parse_from_str(rest.trim().get(..10)?, "%Y-%m-%d").ok()
        });
        (title, published, text.replace("\r\n", "\n"))
    };
    let mut hasher = Sha256::new();
    hasher.update(body.as_bytes());
    let content_hash = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(vec![Article {
        doc,
        title,
        published,
        published_raw: None,
        outlet: None,
        byline: None,
        url: None,
        text: body,
        origin,
        content_hash,
    }])
}

fn html(text: &str) -> (Option<String>, Option<chrono::NaiveDate>, String) {
    let doc = scraper::Html::parse_document(text);
    let sel = |s: &str| scraper::Selector::parse(s).expect("valid selector");
    let title = doc.select(&sel("title")).next().map(|t| t.text().collect::<String>().trim().to_string());
    let published = doc
        .select(&sel("meta[property='article:published_time']"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .and_then(|c| c.get(..10))
        .and_then(|c| chrono::NaiveDate::parse_from_str(c, "%Y-%m-%d").ok());
    let mut paras = Vec::new();
    for p in doc.select(&sel("h1, p, figcaption")) {
        let t = p.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            paras.push(t);
        }
    }
    (title, published, paras.join("\n\n"))
}
