//! One article at a time, for callers that bring articles rather than files (the Python
//! package, and through it a Spark or Ray worker): the article made from a text or an HTML page,
//! and its events as the evaluation records `dateline extract --format jsonl` writes, by the same
//! extractor and the same [`EventRecord::from_event`].

use std::panic::AssertUnwindSafe;
use std::path::Path;

use dateline_ingest::{IngestError, Limits, Origin, Outcome};
use dateline_model::{Article, EventRecord};

pub use dateline_ingest::parse_date;

/// What a caller knows of an article besides its text. `None` is "not known" (for a page:
/// "as the page says").
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    /// The article's id, the `doc` of its records.
    pub doc: String,
    /// The publication date in the publication's own time zone: the anchor of relative dates.
    pub published: Option<chrono::NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The publisher ("The White House"): a government's website speaks for its country.
    pub outlet: Option<String>,
}

/// Why an article could not be made or extracted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArticleError {
    #[error("{doc}: {source}")]
    Read { doc: String, source: IngestError },
    #[error("{doc}: the HTML page gave {count} articles, not one")]
    NotOnePage { doc: String, count: usize },
    #[error("{doc}: internal error while extracting this article (please report it): {message}")]
    Panicked { doc: String, message: String },
}

/// The article of a text taken as it is: spans point into `text`, byte for byte. The title is
/// the headline when the text starts with it (as the readers lay an article out); it is never
/// prepended, so offsets stay the caller's.
pub fn article_from_text(text: String, facts: ArticleFacts) -> Article {
    let content_hash = dateline_ingest::content_hash(&text, facts.title.as_deref(), facts.published);
    Article {
        origin: Origin::file(facts.doc.clone()),
        doc: facts.doc,
        title: facts.title,
        published: facts.published,
        published_raw: None,
        outlet: facts.outlet,
        byline: None,
        url: facts.url,
        text,
        content_hash,
    }
}

/// The article of an HTML page, read by the reader `dateline extract` uses for `.html` files.
/// The page gives its title, text, and (unless `facts` says otherwise) its date, address and
/// publisher; `facts.published`, `facts.url` and `facts.outlet` win over the page's when given,
/// as a crawl's metadata is the caller's to trust. `facts.title` is not used: the text is laid
/// out around the page's own title.
pub fn article_from_html(html: &[u8], facts: ArticleFacts) -> Result<Article, ArticleError> {
    let name = "page.html";
    let read = dateline_ingest::read_bytes(name, html, Origin::file(facts.doc.clone()), &Limits::default());
    let mut articles = read.map_err(|source| ArticleError::Read { doc: facts.doc.clone(), source })?;
    if articles.len() != 1 {
        return Err(ArticleError::NotOnePage { doc: facts.doc, count: articles.len() });
    }
    let mut a = articles.remove(0);
    a.doc = facts.doc;
    if let Some(d) = facts.published {
        a.published = Some(d);
        a.published_raw = None;
    }
    a.url = facts.url.or(a.url);
    a.outlet = facts.outlet.or(a.outlet);
    a.content_hash = dateline_ingest::content_hash(&a.text, a.title.as_deref(), a.published);
    Ok(a)
}

/// The records of an article's events, in the extractor's order. A panic in the extractor
/// becomes this article's error, as in an import.
pub fn event_records(article: &Article) -> Result<Vec<EventRecord>, ArticleError> {
    extract_events(article)
        .map(|events| events.iter().map(|e| EventRecord::from_event(&article.doc, e)).collect())
}

/// An article's events as `dateline extract --format articles` writes them, in the extractor's
/// order. A panic in the extractor becomes this article's error, as in an import.
pub fn extract_events(article: &Article) -> Result<Vec<dateline_model::Event>, ArticleError> {
    std::panic::catch_unwind(AssertUnwindSafe(|| dateline_extract::extract(article).events))
        .map_err(|panic| ArticleError::Panicked { doc: article.doc.clone(), message: panic_text(panic) })
}

/// The articles of one file as `dateline extract` reads them (the same readers and limits), or
/// why it gave none.
pub fn read_articles(path: &Path) -> Result<Vec<Article>, ArticleError> {
    let doc = dateline_ingest::path_key(path);
    match dateline_ingest::read_file(path, &Limits::default()) {
        Outcome::Articles(a) => Ok(a),
        Outcome::Skipped(why) => Err(ArticleError::Read { doc, source: IngestError::Unsupported(why) }),
        Outcome::Failed(source) => Err(ArticleError::Read { doc, source }),
    }
}

fn panic_text(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn samples() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
    }

    /// The records of every sample, article by article through this module, are what
    /// `extract_paths` (the CLI's `dateline extract`) gives for the file.
    #[test]
    fn one_article_at_a_time_gives_the_records_of_extract_paths() {
        let mut checked = 0;
        for entry in std::fs::read_dir(samples()).expect("samples") {
            let path = entry.expect("entry").path();
            if !path.is_file() {
                continue;
            }
            let (docs, _) = crate::extract_paths(std::slice::from_ref(&path));
            let expected: Vec<EventRecord> = docs
                .iter()
                .flat_map(|(a, es)| es.iter().map(|e| EventRecord::from_event(&a.doc, e)))
                .collect();
            let mut got = Vec::new();
            for a in read_articles(&path).expect("readable sample") {
                let facts = ArticleFacts {
                    doc: a.doc.clone(),
                    published: a.published,
                    title: a.title.clone(),
                    url: a.url.clone(),
                    outlet: a.outlet.clone(),
                };
                let from_text = article_from_text(a.text.clone(), facts);
                assert_eq!(from_text.content_hash, a.content_hash, "{}", path.display());
                got.extend(event_records(&from_text).expect("extracts"));
            }
            assert_eq!(got, expected, "{}", path.display());
            checked += expected.len();
        }
        assert!(checked > 10, "the samples gave only {checked} events");
    }

    #[test]
    fn a_page_gives_the_records_of_its_file() {
        for entry in std::fs::read_dir(samples()).expect("samples") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let (docs, _) = crate::extract_paths(std::slice::from_ref(&path));
            let (file_article, events) = &docs[0];
            let bytes = std::fs::read(&path).expect("read");
            let facts = ArticleFacts { doc: file_article.doc.clone(), ..ArticleFacts::default() };
            let page = article_from_html(&bytes, facts).expect("a page");
            let same_but_where = Article { origin: page.origin.clone(), ..file_article.clone() };
            assert_eq!(page, same_but_where, "{}", path.display());
            let expected: Vec<EventRecord> =
                events.iter().map(|e| EventRecord::from_event(&file_article.doc, e)).collect();
            assert_eq!(event_records(&page).expect("extracts"), expected);
        }
    }

    #[test]
    fn the_callers_date_wins_over_the_pages() {
        let html = b"<html><head><meta property=\"article:published_time\" content=\"2021-05-20T21:10:41-04:00\">\
            <title>Talks</title></head><body><h1>Talks</h1><p>The ministers met yesterday in Paris.</p></body></html>";
        let page =
            article_from_html(html, ArticleFacts { doc: "p".into(), ..Default::default() }).expect("page");
        assert_eq!(page.published, chrono::NaiveDate::from_ymd_opt(2021, 5, 20));
        let day = chrono::NaiveDate::from_ymd_opt(2022, 1, 2);
        let given = ArticleFacts { doc: "p".into(), published: day, ..Default::default() };
        let page2 = article_from_html(html, given).expect("page");
        assert_eq!(page2.published, day);
        assert_ne!(page2.content_hash, page.content_hash);
        assert_eq!(page2.text, page.text);
    }

    #[test]
    fn what_is_not_a_page_is_an_error_naming_the_article() {
        let err = article_from_html(b"", ArticleFacts { doc: "empty-1".into(), ..Default::default() })
            .expect_err("empty");
        assert!(err.to_string().starts_with("empty-1: "), "{err}");
    }
}
