//! Building an [`Article`] from what a reader found: the title policy and the content hash.

use dateline_model::{Article, Origin};
use sha2::{Digest, Sha256};

use crate::date::parse_date;
use crate::decode::clean_inline;

/// What a reader found, before it becomes an [`Article`].
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub doc: String,
    pub title: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    pub published_raw: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    /// Body paragraphs, not yet cleaned.
    pub paragraphs: Vec<String>,
}

fn opt(s: Option<String>) -> Option<String> {
    s.map(|s| clean_inline(&s)).filter(|s| !s.is_empty())
}

/// Same words, ignoring case, punctuation and spacing: "Talks’ end" ~ "talks' end".
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

impl Draft {
    pub fn new(doc: impl Into<String>) -> Self {
        Self { doc: doc.into(), ..Self::default() }
    }

    /// Sets the publication date from a raw string if none is set yet and it parses.
    pub fn date_from(&mut self, raw: &str) {
        if self.published.is_some() {
            return;
        }
        let raw = raw.trim();
        if let Some(d) = parse_date(raw) {
            self.published = Some(d);
            self.published_raw = Some(raw.chars().take(200).collect());
        }
    }

    /// The finished article, or `None` when there is no text at all.
    pub fn finish(self, origin: Origin) -> Option<Article> {
        let title = opt(self.title);
        let mut paras: Vec<String> =
            self.paragraphs.iter().map(|p| clean_inline(p)).filter(|p| !p.is_empty()).collect();
        if let Some(t) = &title
            && !paras.first().is_some_and(|p| same_words(p, t))
        {
            paras.insert(0, t.clone());
        }
        if paras.is_empty() {
            return None;
        }
        let text = paras.join("\n\n");
        let published = self.published;
        let content_hash = content_hash(&text, title.as_deref(), published);
        Some(Article {
            doc: if self.doc.is_empty() { "untitled".into() } else { self.doc },
            title,
            published,
            published_raw: opt(self.published_raw),
            outlet: opt(self.outlet),
            byline: opt(self.byline),
            url: opt(self.url),
            text,
            origin,
            content_hash,
        })
    }
}

/// Cuts `a`'s text to at most `limit` bytes (at the last paragraph break in the second half of
/// the cut, else at a character boundary) and renews its hash. The length it had, when cut.
pub(crate) fn cap_text(a: &mut Article, limit: usize) -> Option<usize> {
    let whole = a.text.len();
    if whole <= limit {
        return None;
    }
    let mut cut = limit;
    while !a.text.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(p) = a.text[..cut].rfind("\n\n").filter(|&p| p >= cut / 2) {
        cut = p;
    }
    a.text.truncate(cut);
    a.text.shrink_to_fit();
    a.content_hash = content_hash(&a.text, a.title.as_deref(), a.published);
    Some(whole)
}

/// Gives an article fetched from the web its provenance: the address it was fetched from, and
/// the date its feed gave when the page itself gives none (then the hash changes with it, as the
/// date is part of what the article says).
pub fn set_provenance(a: &mut Article, url: &str, feed_date: Option<&str>) {
    a.url = Some(url.to_string());
    if a.published.is_none()
        && let Some(raw) = feed_date
        && let Some(date) = crate::date::parse_date(raw)
    {
        a.published = Some(date);
        a.published_raw = Some(raw.to_string());
        a.content_hash = content_hash(&a.text, a.title.as_deref(), a.published);
    }
}

/// Hex SHA-256 over the text, the title and the publication date (fields separated by NUL, so
/// moving words between fields changes the hash). Stable across runs and platforms.
pub fn content_hash(text: &str, title: Option<&str>, published: Option<chrono::NaiveDate>) -> String {
    let mut h = Sha256::new();
    h.update(text.as_bytes());
    h.update([0]);
    h.update(title.unwrap_or("").as_bytes());
    h.update([0]);
    h.update(published.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default().as_bytes());
    let digest = h.finalize();
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_policy() {
        let mut d = Draft::new("x");
        d.title = Some("Talks in Geneva".into());
        d.paragraphs = vec!["Talks in  Geneva".into(), "Body.".into()];
        let a = d.finish(Origin::file("x.txt")).unwrap();
        assert_eq!(a.text, "Talks in Geneva\n\nBody.");

        let mut d = Draft::new("x");
        d.title = Some("Talks in Geneva".into());
        d.paragraphs = vec!["Body.".into()];
        let a = d.finish(Origin::file("x.txt")).unwrap();
        assert_eq!(a.text, "Talks in Geneva\n\nBody.");
        assert_eq!(a.content_hash.len(), 64);
        assert!(Draft::new("y").finish(Origin::file("y")).is_none());
    }

    #[test]
    fn a_long_text_is_cut_at_a_paragraph_break_and_rehashed() {
        let mut d = Draft::new("x");
        d.paragraphs = vec!["a".repeat(60), "b".repeat(60), "é".repeat(60)];
        let mut a = d.finish(Origin::file("x.txt")).unwrap();
        let before = a.content_hash.clone();
        assert_eq!(cap_text(&mut a, 1000), None);
        assert_eq!(cap_text(&mut a, 150), Some(60 + 2 + 60 + 2 + 120));
        assert_eq!(a.text, format!("{}\n\n{}", "a".repeat(60), "b".repeat(60)));
        assert_ne!(a.content_hash, before);
        assert_eq!(a.content_hash, content_hash(&a.text, None, None));
        // No break in the second half: cut inside, on a character boundary.
        let mut d = Draft::new("y");
        d.paragraphs = vec!["é".repeat(100)];
        let mut a = d.finish(Origin::file("y.txt")).unwrap();
        assert_eq!(cap_text(&mut a, 51), Some(200));
        assert_eq!(a.text, "é".repeat(25));
    }
}
