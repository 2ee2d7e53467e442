//! Dateline's domain types, shared by every stage and both front ends.
//!
//! Nothing here does I/O or reads a clock: these are plain values. The pipeline is
//! load → segment → tag (times, actors, places) → extract events → resolve → store → project,
//! and each stage passes these types to the next.

mod coding;
mod date;
mod event;
mod record;

pub use coding::{Coding, code};
pub use date::{DateRange, Precision};
pub use event::{Actor, ActorKind, Event, EventKind, Location, Participant, Role, Status};
pub use record::{EventRecord, LocationRecord};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The slice of `text` this span covers, or `""` when it does not fit on char boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Where an article came from: the file (and, inside an archive, the entry) it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    /// The file on disk.
    pub path: String,
    /// The entry inside an archive or the item inside a feed, when there is one.
    pub entry: Option<String>,
}

impl Origin {
    pub fn file(path: impl Into<String>) -> Self {
        Self { path: path.into(), entry: None }
    }

    /// `path` or `path!entry`: a stable string naming where the article came from.
    pub fn key(&self) -> String {
        match &self.entry {
            Some(e) => format!("{}!{}", self.path, e),
            None => self.path.clone(),
        }
    }
}

/// One news article, as read from a file: clean text plus what we know about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The article's id: its file name without the extension (or the entry's, inside archives).
    /// This is the `doc` of the evaluation records.
    pub doc: String,
    pub title: Option<String>,
    /// The publication date in the publication's own time zone: the anchor for every relative date.
    pub published: Option<chrono::NaiveDate>,
    /// The publication timestamp as the source wrote it, when it gave one.
    pub published_raw: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    /// The article's text, paragraphs separated by blank lines. All spans point into it.
    pub text: String,
    pub origin: Origin,
    /// Hex SHA-256 of the text and metadata: the same article reached twice has the same hash.
    pub content_hash: String,
}

/// The sentence (or caption) an extracted fact came from, inside one article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub doc: String,
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_operations() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(Span::new(0, 10).contains(a));
        assert_eq!(a.len(), 3);
        assert_eq!(Span::new(1, 3).slice("héllo"), "é");
        assert_eq!(Span::new(1, 2).slice("héllo"), "", "not on a char boundary");
    }

    #[test]
    fn origin_key() {
        assert_eq!(Origin::file("a/b.txt").key(), "a/b.txt");
        let o = Origin { path: "x.zip".into(), entry: Some("in/y.html".into()) };
        assert_eq!(o.key(), "x.zip!in/y.html");
    }
}
