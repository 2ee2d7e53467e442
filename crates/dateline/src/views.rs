//! The values the front ends show. Serialized to the UI as JSON; their TypeScript twins are
//! generated into `ui/src/lib/bindings/` by ts-rs (`tests/bindings.rs`).

use dateline_model::{ActorKind, EventKind, Precision, Role, Status};
use dateline_store::{ActorRow, ArticleRow, EventRow, MemberRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One event as the timeline and lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: EventKind,
    pub status: Status,
    /// ISO dates, inclusive; `null` when the text gives no date.
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Option<Precision>,
    /// A short human label: "Blinken – Cavusoglu call".
    pub label: String,
    pub participants: Vec<String>,
    pub place: Option<String>,
    pub country: Option<String>,
    /// How many articles tell of this event.
    pub sources: u32,
    /// The participants' actor ids, in the order of `participants`.
    #[ts(type = "number[]")]
    pub actor_ids: Vec<i64>,
    /// Distinct outlet names (the doc name when an article has no outlet) of the sources.
    pub outlets: Vec<String>,
    /// An analyst correction applies.
    pub edited: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParticipantView {
    #[ts(type = "number")]
    pub actor_id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub role: Role,
    pub country: Option<String>,
}

/// The sentence an event came from. `sentence` is article text: untrusted, show it as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Evidence {
    #[ts(type = "number")]
    pub article_id: i64,
    pub doc: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub sentence: String,
    /// The sentence's offsets in the article text, in UTF-16 code units (JS string indices).
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventDetail {
    pub summary: EventSummary,
    pub name: Option<String>,
    pub participants: Vec<ParticipantView>,
    pub evidence: Vec<Evidence>,
    pub confidence: f32,
    /// Other dates the sources gave: "2023-04-24 – 2023-04-26 (1 source)".
    pub alternatives: Vec<String>,
}

/// One article of the workspace. `text` is untrusted: show it as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleView {
    #[ts(type = "number")]
    pub id: i64,
    pub doc: String,
    pub title: Option<String>,
    /// ISO date.
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub origin: String,
    pub text: String,
}

/// One actor of the workspace, with the other names the sources call it by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActorView {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub events: u32,
}

/// An analyst's changes to an event; `null` fields keep the value. Dates are ISO
/// (`YYYY-MM-DD`); an empty `place` or `country` clears it; participants are by name (an
/// unknown name becomes a new actor).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EventPatch {
    pub kind: Option<EventKind>,
    pub status: Option<Status>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Option<Precision>,
    pub place: Option<String>,
    pub country: Option<String>,
    pub participants: Option<Vec<String>>,
}

/// How many events start in one bucket of the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BucketCount {
    /// ISO date of the bucket's first day.
    pub start: String,
    pub count: u32,
}

impl ArticleView {
    pub fn from_row(a: ArticleRow) -> Self {
        ArticleView {
            id: a.id,
            doc: a.doc,
            title: a.title,
            published: a.published.map(|d| d.to_string()),
            outlet: a.outlet,
            url: a.url,
            origin: a.origin,
            text: a.text,
        }
    }
}

impl ActorView {
    pub fn from_row(a: ActorRow) -> Self {
        ActorView {
            id: a.id,
            name: a.name,
            kind: a.kind,
            country: a.country,
            aliases: a.aliases,
            events: a.events,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkspaceInfo {
    pub path: String,
    pub articles: u32,
    pub events: u32,
    pub actors: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    Imported,
    Unchanged,
    Skipped,
    Failed,
}

/// What happened to one input file (the `--report` line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileReport {
    pub path: String,
    pub status: FileStatus,
    pub articles: u32,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub articles_added: u32,
    pub events_added: u32,
}

impl ImportReport {
    pub fn failed(&self) -> usize {
        self.files.iter().filter(|f| f.status == FileStatus::Failed).count()
    }
}

/// Sent while an import runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportProgress {
    pub files_done: u32,
    pub files_total: u32,
    pub current: Option<String>,
    pub articles: u32,
    pub events: u32,
}

impl EventSummary {
    pub fn from_row(row: &EventRow) -> Self {
        let (start, end, precision) = match &row.date {
            Some(d) => (Some(d.start.to_string()), Some(d.end.to_string()), Some(d.precision)),
            None => (None, None, None),
        };
        EventSummary {
            id: row.id,
            kind: row.kind,
            status: row.status,
            start,
            end,
            precision,
            label: label(row),
            participants: row.participants.iter().map(|p| p.name.clone()).collect(),
            place: row.location.as_ref().and_then(|l| l.place.clone()),
            country: row.location.as_ref().and_then(|l| l.country.clone()),
            sources: row.sources,
            actor_ids: row.participants.iter().map(|p| p.actor_id).collect(),
            outlets: row.outlets.clone(),
            edited: row.edited,
        }
    }
}

impl EventDetail {
    /// The event with the evidence of every source: `members` with their articles.
    pub fn from_rows(row: &EventRow, members: &[(MemberRow, Option<ArticleRow>)]) -> Self {
        let mut evidence = Vec::new();
        for (m, article) in members {
            let text = article.as_ref().map_or("", |a| a.text.as_str());
            for span in &m.evidence {
                evidence.push(Evidence {
                    article_id: m.article_id,
                    doc: m.doc.clone(),
                    title: m.title.clone(),
                    published: m.published.map(|d| d.to_string()),
                    sentence: span.slice(text).to_string(),
                    start: utf16_offset(text, span.start),
                    end: utf16_offset(text, span.end),
                });
            }
        }
        EventDetail {
            summary: EventSummary::from_row(row),
            name: row.name.clone(),
            participants: row
                .participants
                .iter()
                .map(|p| ParticipantView {
                    actor_id: p.actor_id,
                    name: p.name.clone(),
                    kind: p.kind,
                    role: p.role,
                    country: p.country.clone(),
                })
                .collect(),
            evidence,
            confidence: row.confidence,
            alternatives: row.alternatives.clone(),
        }
    }
}

/// A byte offset into `text` as a UTF-16 offset (what JS string indices count).
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].encode_utf16().count() as u32
}

/// "Marlow visit to Turkey", "Halvorsen – Wanjiru call", "U.S.-Spain Energy Dialogue".
pub fn label(row: &EventRow) -> String {
    if let Some(name) = &row.name {
        return name.clone();
    }
    let short = |name: &str, kind: ActorKind| -> String {
        if kind == ActorKind::Person {
            name.split_whitespace().last().unwrap_or(name).to_string()
        } else {
            name.to_string()
        }
    };
    let names: Vec<String> = row.participants.iter().take(3).map(|p| short(&p.name, p.kind)).collect();
    let who = if names.is_empty() { "Unnamed parties".to_string() } else { names.join(" – ") };
    match row.kind {
        EventKind::Visit => {
            let whom = row.participants.first().map_or(who.clone(), |p| short(&p.name, p.kind));
            match row.location.as_ref().and_then(|l| l.country.as_deref()) {
                Some(c) => format!("{whom} visit to {c}"),
                None => format!("{whom} visit"),
            }
        }
        kind => format!("{who} {}", kind.as_str()),
    }
}
