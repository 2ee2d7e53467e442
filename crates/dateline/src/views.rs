//! The values the front ends show. Serialized to the UI as JSON; their TypeScript twins are
//! generated into `ui/src/lib/bindings/` by ts-rs (`cargo test -p dateline`).

use dateline_model::{ActorKind, EventKind, Precision, Role, Status};
use dateline_store::{ArticleRow, EventRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One event as the timeline and lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
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
#[ts(export)]
pub struct Evidence {
    #[ts(type = "number")]
    pub article_id: i64,
    pub doc: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EventDetail {
    pub summary: EventSummary,
    pub name: Option<String>,
    pub participants: Vec<ParticipantView>,
    pub evidence: Vec<Evidence>,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceInfo {
    pub path: String,
    pub articles: u32,
    pub events: u32,
    pub actors: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum FileStatus {
    Imported,
    Unchanged,
    Skipped,
    Failed,
}

/// What happened to one input file (the `--report` line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FileReport {
    pub path: String,
    pub status: FileStatus,
    pub articles: u32,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
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
#[ts(export)]
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
            sources: 1,
        }
    }
}

impl EventDetail {
    pub fn from_row(row: &EventRow, article: Option<&ArticleRow>) -> Self {
        let evidence = row
            .evidence
            .iter()
            .map(|span| Evidence {
                article_id: row.article_id,
                doc: row.doc.clone(),
                title: article.and_then(|a| a.title.clone()),
                published: article.and_then(|a| a.published.map(|d| d.to_string())),
                sentence: article.map(|a| span.slice(&a.text).to_string()).unwrap_or_default(),
            })
            .collect();
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
        }
    }
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
