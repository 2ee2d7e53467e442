//! Data exports of a selection of events: CSV and JSON (events, actors), GraphML and GEXF (the
//! actor–event graph, GEXF with time intervals for Gephi's timeline), ICS (calendar entries) and
//! TimelineJS JSON. Each format is a pure function over [`ExportEvent`]s; only
//! [`Workspace::export_data`] touches the disk. Every event carries its sources (document,
//! title, URL, outlet, publication date and the evidence sentence), so an export stands alone.

mod csv;
mod gexf;
mod graphml;
mod ics;
mod json;
mod timelinejs;
mod xml;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use dateline_model::{ActorKind, EventKind, Precision, Role, Status};
use dateline_store::EventRow;
use serde::{Deserialize, Serialize};

pub use self::csv::{actors_csv, events_csv, spreadsheet_safe};
pub use self::gexf::gexf;
pub use self::graphml::graphml;
pub use self::ics::ics;
pub use self::json::json;
pub use self::timelinejs::timelinejs;
use crate::{Error, Result, Selection, Workspace};

/// The data formats `export_data` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// Events, plus a sibling `*-actors.csv`.
    Csv,
    Json,
    GraphMl,
    Gexf,
    Ics,
    TimelineJs,
}

impl DataFormat {
    pub const NAMES: [&str; 6] = ["csv", "json", "graphml", "gexf", "ics", "timelinejs"];

    /// By name: "csv", "json", "graphml", "gexf", "ics" or "timelinejs".
    pub fn parse(name: &str) -> Result<Self> {
        Ok(match name.to_ascii_lowercase().as_str() {
            "csv" => DataFormat::Csv,
            "json" => DataFormat::Json,
            "graphml" => DataFormat::GraphMl,
            "gexf" => DataFormat::Gexf,
            "ics" => DataFormat::Ics,
            "timelinejs" => DataFormat::TimelineJs,
            _ => return Err(Error::UnknownDataFormat(name.to_string())),
        })
    }

    /// By the file's extension (`.json` is the plain JSON export, not TimelineJS).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        Self::parse(ext).ok().filter(|f| *f != DataFormat::TimelineJs)
    }
}

/// One actor's part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportParticipant {
    pub actor_id: i64,
    pub name: String,
    pub role: Role,
}

/// One article that tells of an event, with the sentence it says it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportSource {
    pub doc: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// The evidence sentence (several joined by " … "), white space collapsed.
    pub evidence: String,
}

/// One event as every data export sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportEvent {
    pub id: i64,
    pub kind: EventKind,
    pub status: Status,
    /// Inclusive; `None` when the text gives no date.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub precision: Option<Precision>,
    pub label: String,
    pub participants: Vec<ExportParticipant>,
    pub place: Option<String>,
    pub country: Option<String>,
    /// The articles that tell of it, oldest first.
    pub sources: Vec<ExportSource>,
}

/// One actor of the exported events, with the span of its dated events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportActor {
    pub id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub events: u32,
    /// First day of its first dated event, last day of its last.
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

impl ExportEvent {
    /// The event of `row`, told by `sources`.
    pub fn from_row(row: &EventRow, sources: Vec<ExportSource>) -> Self {
        ExportEvent {
            id: row.id,
            kind: row.kind,
            status: row.status,
            start: row.date.map(|d| d.start),
            end: row.date.map(|d| d.end),
            precision: row.date.map(|d| d.precision),
            label: crate::views::label(row),
            participants: row
                .participants
                .iter()
                .map(|p| ExportParticipant { actor_id: p.actor_id, name: p.name.clone(), role: p.role })
                .collect(),
            place: row.location.as_ref().and_then(|l| l.place.clone()),
            country: row.location.as_ref().and_then(|l| l.country.clone()),
            sources,
        }
    }
}

/// Evidence spans of `text` as one line: white space collapsed, several joined by " … ".
fn sentences(text: &str, spans: &[dateline_model::Span]) -> String {
    let parts: Vec<String> =
        spans.iter().map(|s| s.slice(text).split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    parts.join(" … ")
}

/// The actors of `rows`, in id order, with their event counts and date spans.
pub fn export_actors(rows: &[EventRow]) -> Vec<ExportActor> {
    let mut actors: BTreeMap<i64, ExportActor> = BTreeMap::new();
    for row in rows {
        for p in &row.participants {
            let a = actors.entry(p.actor_id).or_insert_with(|| ExportActor {
                id: p.actor_id,
                name: p.name.clone(),
                kind: p.kind,
                country: p.country.clone(),
                events: 0,
                first: None,
                last: None,
            });
            a.events += 1;
            if let Some(d) = row.date {
                a.first = Some(a.first.map_or(d.start, |f| f.min(d.start)));
                a.last = Some(a.last.map_or(d.end, |l| l.max(d.end)));
            }
        }
    }
    actors.into_values().collect()
}

/// `dir/name.csv` → `dir/name-actors.csv`.
pub fn actors_csv_path(events: &Path) -> PathBuf {
    let stem = events.file_stem().map_or_else(|| "export".into(), |s| s.to_string_lossy().into_owned());
    events.with_file_name(format!("{stem}-actors.csv"))
}

impl Workspace {
    /// Writes the events of `selection` to `path` in `format` (CSV also writes the sibling
    /// `*-actors.csv`; see [`actors_csv_path`]). `now` stamps the calendar entries.
    pub fn export_data(
        &self,
        path: &Path,
        format: DataFormat,
        selection: &Selection,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let rows = self.query_rows(selection)?;
        let events = self.export_events(&rows)?;
        let actors = export_actors(&rows);
        let write = |path: &Path, text: String| {
            crate::write_atomically(path, text.as_bytes())
                .map_err(|source| Error::Write { path: path.display().to_string(), source })
        };
        let text = match format {
            DataFormat::Csv => {
                write(&actors_csv_path(path), actors_csv(&actors)?)?;
                events_csv(&events)?
            }
            DataFormat::Json => json(&events, &actors)?,
            DataFormat::GraphMl => graphml(&events, &actors),
            DataFormat::Gexf => gexf(&events, &actors),
            DataFormat::Ics => ics(&events, now),
            DataFormat::TimelineJs => timelinejs(&events, "Diplomatic timeline")?,
        };
        write(path, text)
    }

    /// The rows with their sources: each article is read once (for its evidence sentences),
    /// so an export of many events holds one article text at a time.
    pub fn export_events(&self, rows: &[EventRow]) -> Result<Vec<ExportEvent>> {
        let mut members = Vec::with_capacity(rows.len());
        for row in rows {
            members.push(self.store.members(row.id)?);
        }
        let mut by_article: BTreeMap<i64, Vec<(usize, usize)>> = BTreeMap::new();
        for (i, ms) in members.iter().enumerate() {
            for (j, m) in ms.iter().enumerate() {
                by_article.entry(m.article_id).or_default().push((i, j));
            }
        }
        let mut told: HashMap<(usize, usize), ExportSource> = HashMap::new();
        for (article_id, uses) in by_article {
            let article = self.store.article(article_id)?;
            for (i, j) in uses {
                let m = &members[i][j];
                let (url, text) = article.as_ref().map_or((None, ""), |a| (a.url.clone(), a.text.as_str()));
                told.insert(
                    (i, j),
                    ExportSource {
                        doc: m.doc.clone(),
                        title: m.title.clone(),
                        url,
                        outlet: m.outlet.clone(),
                        published: m.published,
                        evidence: sentences(text, &m.evidence),
                    },
                );
            }
        }
        Ok(rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let mut sources: Vec<ExportSource> = Vec::new();
                for s in (0..members[i].len()).filter_map(|j| told.remove(&(i, j))) {
                    // Two mentions of one event in one article are one source.
                    match sources.iter_mut().find(|t| t.doc == s.doc) {
                        Some(t) if t.evidence.contains(&s.evidence) => {}
                        Some(t) => t.evidence = format!("{} … {}", t.evidence, s.evidence),
                        None => sources.push(s),
                    }
                }
                ExportEvent::from_row(row, sources)
            })
            .collect())
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    fn date(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    fn who(actor_id: i64, name: &str, role: Role) -> ExportParticipant {
        ExportParticipant { actor_id, name: name.into(), role }
    }

    fn source(doc: &str, title: Option<&str>, url: Option<&str>, evidence: &str) -> ExportSource {
        ExportSource {
            doc: doc.into(),
            title: title.map(Into::into),
            url: url.map(Into::into),
            outlet: Some("State Department".into()),
            published: date("2021-05-21"),
            evidence: evidence.into(),
        }
    }

    /// Three events with awkward text: commas, semicolons, quotes, markup, non-ASCII, a long
    /// label, and one undated event.
    pub fn events() -> Vec<ExportEvent> {
        vec![
            ExportEvent {
                id: 1,
                kind: EventKind::Call,
                status: Status::Occurred,
                start: date("2021-05-21"),
                end: date("2021-05-21"),
                precision: Some(Precision::Day),
                label: "Blinken – Çavuşoğlu call".into(),
                participants: vec![
                    who(10, "Antony Blinken", Role::Initiator),
                    who(11, "Mevlüt Çavuşoğlu", Role::Counterpart),
                ],
                place: None,
                country: None,
                sources: vec![source(
                    "01-call-readout.txt",
                    Some("Secretary Blinken’s Call with Turkish Foreign Minister Çavuşoğlu"),
                    Some(
                        "https://www.state.gov/secretary-blinkens-call-with-turkish-foreign-minister-cavusoglu/",
                    ),
                    "Secretary Blinken spoke with Turkish Foreign Minister Mevlüt Çavuşoğlu today.",
                )],
            },
            ExportEvent {
                id: 2,
                kind: EventKind::Conference,
                status: Status::Planned,
                start: date("2023-06-01"),
                end: date("2023-06-30"),
                precision: Some(Precision::Month),
                label: "Talks on \"A, B; C\" <b>& more</b>\nwith a label long enough to be folded \
                        twice in a calendar file: ÄÖÜ äöü ß — 東京 会議"
                    .into(),
                participants: vec![who(10, "Antony Blinken", Role::Attendee), who(12, "NATO", Role::Host)],
                place: Some("Brussels, \"HQ\"".into()),
                country: Some("Belgium".into()),
                sources: vec![
                    source(
                        "a.txt",
                        None,
                        None,
                        "Ministers will meet in Brussels in June, \"to talk\"; <b>more</b>.",
                    ),
                    source(
                        "b;c.html",
                        Some("Talks, \"A; B\" & <i>C</i>"),
                        Some("https://example.org/talks?a=1&b=\"2\""),
                        "The talks are planned for June.",
                    ),
                ],
            },
            ExportEvent {
                id: 3,
                kind: EventKind::Visit,
                status: Status::Cancelled,
                start: None,
                end: None,
                precision: None,
                label: "Marlow visit".into(),
                participants: vec![who(13, "Ann Marlow", Role::Initiator)],
                place: None,
                country: None,
                sources: vec![source(
                    "04.txt",
                    Some("Marlow trip called off"),
                    None,
                    "The trip was called off.",
                )],
            },
        ]
    }

    pub fn actors() -> Vec<ExportActor> {
        let a = |id, name: &str, kind, events, first: &str, last: &str| ExportActor {
            id,
            name: name.into(),
            kind,
            country: None,
            events,
            first: date(first),
            last: date(last),
        };
        vec![
            a(10, "Antony Blinken", ActorKind::Person, 2, "2021-05-21", "2023-06-30"),
            a(11, "Mevlüt Çavuşoğlu", ActorKind::Person, 1, "2021-05-21", "2021-05-21"),
            a(12, "NATO", ActorKind::Organization, 1, "2023-06-01", "2023-06-30"),
            a(13, "Ann Marlow", ActorKind::Person, 1, "", ""),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_extension() {
        for name in DataFormat::NAMES {
            assert!(DataFormat::parse(name).is_ok(), "{name}");
        }
        assert!(matches!(DataFormat::parse("xlsx"), Err(Error::UnknownDataFormat(_))));
        assert_eq!(DataFormat::from_path(Path::new("x/a.GEXF")), Some(DataFormat::Gexf));
        assert_eq!(DataFormat::from_path(Path::new("a.json")), Some(DataFormat::Json));
        assert_eq!(DataFormat::from_path(Path::new("a.timelinejs")), None);
        assert_eq!(DataFormat::from_path(Path::new("a.png")), None);
        assert_eq!(actors_csv_path(Path::new("out/events.csv")), Path::new("out/events-actors.csv"));
    }

    #[test]
    fn every_format_writes_from_a_workspace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
        ws.import(&[samples], &crate::Cancel::default(), &mut |_| {}).expect("import");
        let now = DateTime::parse_from_rfc3339("2026-11-30T04:00:00Z").expect("time").to_utc();
        for name in DataFormat::NAMES {
            let path = dir.path().join(format!("out.{name}"));
            ws.export_data(&path, DataFormat::parse(name).expect("format"), &Selection::default(), now)
                .expect("export");
            let text = std::fs::read_to_string(&path).expect("written");
            assert!(text.len() > 100, "{name}: {text}");
        }
        let actors = std::fs::read_to_string(dir.path().join("out-actors.csv")).expect("actors");
        assert!(actors.starts_with("\u{feff}id,name,kind,country,events,first,last"));

        // Every event of the samples carries its sources' titles and evidence sentences.
        let events = ws.export_events(&ws.query_rows(&Selection::default()).expect("rows")).expect("events");
        assert!(events.len() > 10);
        for e in &events {
            assert_eq!(
                e.sources.len() as u32,
                ws.event_detail(e.id).expect("detail").summary.sources,
                "{}",
                e.label
            );
            for s in &e.sources {
                assert!(s.evidence.len() > 20 && !s.evidence.contains('\n'), "{}: {:?}", e.label, s.evidence);
            }
        }
        let detail = ws.event_detail(events[0].id).expect("detail");
        let first = detail.evidence[0].sentence.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(events[0].sources[0].evidence.starts_with(&first), "the detail's sentence");

        // The UI's TimelineJS3 test (ui/tests/timelinejs.test.mjs) loads this file in TimelineJS
        // itself; regenerated here like the ts-rs bindings.
        let tl = std::fs::read_to_string(dir.path().join("out.timelinejs")).expect("timelinejs");
        let ui =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/tests/generated/samples.timelinejs.json");
        if std::fs::read_to_string(&ui).ok().as_deref() != Some(tl.as_str()) {
            std::fs::create_dir_all(ui.parent().expect("dir")).expect("mkdir");
            std::fs::write(&ui, &tl).expect("write the UI's TimelineJS fixture");
        }
    }
}
