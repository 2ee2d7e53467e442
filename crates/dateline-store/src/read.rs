//! Reading events, actors and articles back.

use std::collections::HashMap;

use chrono::NaiveDate;
use dateline_model::{ActorKind, DateRange, EventKind, Location, Precision, Role, Span, Status};
use rusqlite::{OptionalExtension, Row};

use crate::selection::{self, Selection, fts_query};
use crate::{Result, Store, StoreError};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: u64,
    /// Merged events, not deleted.
    pub events: u64,
    /// Actors, not merged into another.
    pub actors: u64,
    /// Events as the articles tell them, before merging.
    pub mentions: u64,
}

/// Buckets for the overview's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantRow {
    pub actor_id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub role: Role,
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub id: i64,
    pub article_id: i64,
    pub doc: String,
    pub kind: EventKind,
    pub status: Status,
    pub date: Option<DateRange>,
    pub name: Option<String>,
    pub location: Option<Location>,
    pub confidence: f32,
    pub trigger: Span,
    pub participants: Vec<ParticipantRow>,
    /// The evidence of mention `id` in article `article_id`; [`Store::members`] has every source's.
    pub evidence: Vec<Span>,
    /// Distinct articles telling the event.
    pub sources: u32,
    /// Distinct outlet names (the doc name when an article has no outlet) of the sources.
    pub outlets: Vec<String>,
    /// Other dates the sources gave, human readable.
    pub alternatives: Vec<String>,
    /// An analyst correction applies.
    pub edited: bool,
    pub deleted: bool,
}

/// One source of a merged event: the event as one article tells it.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    pub mention_id: i64,
    pub article_id: i64,
    pub doc: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub status: Status,
    pub date: Option<DateRange>,
    pub evidence: Vec<Span>,
}

/// A canonical actor with its aliases.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRow {
    pub id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    /// Live merged events the actor takes part in.
    pub events: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    pub id: i64,
    pub doc: String,
    pub origin: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

impl Store {
    /// Whether articles were saved since the merged events were last rebuilt: an import is
    /// running (it rebuilds once at its end), or one was stopped (the next writer rebuilds).
    /// A reader then sees the merged events as they were before.
    pub fn merged_stale(&self) -> Result<bool> {
        let dirty: String =
            self.conn.query_row("SELECT value FROM meta WHERE key = 'merged_dirty'", [], |r| r.get(0))?;
        Ok(dirty != "0")
    }

    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(n as u64)
        };
        Ok(Counts {
            articles: count("articles")?,
            events: count("merged_events WHERE deleted = 0")?,
            actors: count("actors WHERE merged_into IS NULL")?,
            mentions: count("events")?,
        })
    }

    /// Merged events in date order (undated last), with participants and evidence.
    pub fn events(&self, selection: &Selection) -> Result<Vec<EventRow>> {
        self.read_events(selection, Evidence::Attach)
    }

    /// [`Store::events`] without the evidence spans (`evidence` stays empty): what lists,
    /// timelines and graphs need, read faster.
    pub fn events_without_evidence(&self, selection: &Selection) -> Result<Vec<EventRow>> {
        self.read_events(selection, Evidence::Skip)
    }

    fn read_events(&self, selection: &Selection, evidence: Evidence) -> Result<Vec<EventRow>> {
        let (clause, args) = selection::clause(selection, self.max_span_days()?);
        let scope = Scope { table: selection::table(selection), clause: &clause, args: &args };
        let mut rows = self.merged_rows(&scope)?;
        self.attach_details(&mut rows, &scope, evidence)?;
        // Sorting here rather than in SQL: SQLite's sorter is the slowest part of a large read.
        rows.sort_unstable_by_key(|r| (r.date.is_none(), r.date.map(|d| (d.start, d.end)), r.id));
        Ok(rows)
    }

    /// The merged events a selection matches, in no particular order, without details.
    fn merged_rows(&self, s: &Scope<'_>) -> Result<Vec<EventRow>> {
        let sql = format!(
            "SELECT {MERGED_COLUMNS} FROM {} CROSS JOIN articles a ON a.id = m.article_id
             CROSS JOIN events e ON e.id = m.id WHERE {}",
            s.table, s.clause
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows =
            stmt.query_map(rusqlite::params_from_iter(s.args), event_row)?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub(crate) fn max_span_days(&self) -> Result<i64> {
        let v: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'max_span_days'", [], |r| r.get(0))
            .optional()?;
        Ok(v.and_then(|v| v.parse().ok()).unwrap_or(36_600))
    }

    /// How many events of `selection` start in each bucket: (first day of the bucket, count),
    /// in date order. Undated events are not counted.
    pub fn bucket_counts(&self, selection: &Selection, bucket: Bucket) -> Result<Vec<(NaiveDate, u32)>> {
        let (clause, args) = selection::clause(selection, self.max_span_days()?);
        let key = match bucket {
            Bucket::Day => "m.start",
            Bucket::Week => "date(m.start, '-6 days', 'weekday 1')",
            Bucket::Month => "substr(m.start, 1, 8) || '01'",
            Bucket::Year => "substr(m.start, 1, 5) || '01-01'",
        };
        let sql = format!(
            "SELECT {key} AS b, count(*) FROM merged_events m WHERE m.start IS NOT NULL AND {clause} GROUP BY b ORDER BY b"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (b, n) = row?;
            let day: NaiveDate = b.parse().map_err(|_| StoreError::Corrupt(format!("date {b}")))?;
            out.push((day, n as u32));
        }
        Ok(out)
    }

    /// One merged event by id (deleted ones too).
    pub fn event(&self, id: i64) -> Result<Option<EventRow>> {
        let args = [id.to_string()];
        let selection = Scope { table: "merged_events m", clause: "m.id = CAST(?1 AS INTEGER)", args: &args };
        let mut rows = self.merged_rows(&selection)?;
        self.attach_details(&mut rows, &selection, Evidence::Attach)?;
        Ok(rows.pop())
    }

    /// The sources of a merged event, oldest article first.
    pub fn members(&self, id: i64) -> Result<Vec<MemberRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, a.id, a.doc, a.title, a.published, a.outlet, e.status, e.start, e.end, e.precision
             FROM merged_members mm JOIN events e ON e.id = mm.event_id JOIN articles a ON a.id = e.article_id
             WHERE mm.merged_id = ?1 ORDER BY a.published IS NULL, a.published, e.id",
        )?;
        let mut out: Vec<MemberRow> = stmt
            .query_map([id], |r| {
                let published: Option<String> = r.get(4)?;
                let status: String = r.get(6)?;
                Ok(MemberRow {
                    mention_id: r.get(0)?,
                    article_id: r.get(1)?,
                    doc: r.get(2)?,
                    title: r.get(3)?,
                    published: published.and_then(|p| p.parse().ok()),
                    outlet: r.get(5)?,
                    status: Status::parse(&status).unwrap_or(Status::Occurred),
                    date: date_of(r, 7)?,
                    evidence: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut ev =
            self.conn.prepare_cached("SELECT start, end FROM evidence WHERE event_id = ?1 ORDER BY start")?;
        for m in &mut out {
            m.evidence = ev
                .query_map([m.mention_id], |r| {
                    Ok(Span::new(r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize))
                })?
                .collect::<Result<_, _>>()?;
        }
        Ok(out)
    }

    /// Canonical actors (not merged into another), by name, with their aliases and event counts.
    pub fn actors(&self) -> Result<Vec<ActorRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, coalesce(a.display_name, a.name), a.kind, a.country,
                    (SELECT count(*) FROM merged_actors ma JOIN merged_events m ON m.id = ma.merged_id
                     WHERE ma.actor_id = a.id AND m.deleted = 0)
             FROM actors a WHERE a.merged_into IS NULL ORDER BY coalesce(a.display_name, a.name) COLLATE NOCASE, a.id",
        )?;
        let mut rows: Vec<ActorRow> = stmt
            .query_map([], |r| {
                let kind: String = r.get(2)?;
                Ok(ActorRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: ActorKind::parse(&kind).unwrap_or(ActorKind::Person),
                    country: r.get(3)?,
                    aliases: Vec::new(),
                    events: r.get::<_, i64>(4)? as u32,
                })
            })?
            .collect::<Result<_, _>>()?;
        let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let mut stmt = self.conn.prepare(
            "SELECT coalesce(a.merged_into, a.id), al.alias FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
             UNION SELECT a.merged_into, a.name FROM actors a WHERE a.merged_into IS NOT NULL
             ORDER BY 1, 2",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (id, alias): (i64, String) = (r.get(0)?, r.get(1)?);
            if let Some(&i) = index.get(&id)
                && alias != rows[i].name
                && !rows[i].aliases.contains(&alias)
            {
                rows[i].aliases.push(alias);
            }
        }
        Ok(rows)
    }

    /// Ids of live merged events matching a full-text query over their labels, participants and
    /// places and their articles' titles and text, best first. Any input is safe: words are
    /// quoted, operators ignored; a query without words matches nothing.
    pub fn search(&self, query: &str) -> Result<Vec<i64>> {
        let Some(q) = fts_query(query) else { return Ok(Vec::new()) };
        let mut stmt = self.conn.prepare_cached(
            "SELECT hits.id FROM (
                 SELECT rowid AS id, 2.0 * bm25(events_fts) AS rank FROM events_fts WHERE events_fts MATCH ?1
                 UNION ALL
                 SELECT mm.merged_id AS id, bm25(articles_fts) AS rank
                 FROM articles_fts JOIN events e ON e.article_id = articles_fts.rowid
                      JOIN merged_members mm ON mm.event_id = e.id
                 WHERE articles_fts MATCH ?1
             ) hits JOIN merged_events m ON m.id = hits.id
             WHERE m.deleted = 0 GROUP BY hits.id ORDER BY min(hits.rank), hits.id",
        )?;
        Ok(stmt.query_map([q], |r| r.get(0))?.collect::<Result<_, _>>()?)
    }

    pub fn article(&self, id: i64) -> Result<Option<ArticleRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, doc, origin, title, published, outlet, url, text FROM articles WHERE id = ?1",
                [id],
                |r| {
                    let published: Option<String> = r.get(4)?;
                    Ok(ArticleRow {
                        id: r.get(0)?,
                        doc: r.get(1)?,
                        origin: r.get(2)?,
                        title: r.get(3)?,
                        published: published.and_then(|p| p.parse().ok()),
                        outlet: r.get(5)?,
                        url: r.get(6)?,
                        text: r.get(7)?,
                    })
                },
            )
            .optional()?)
    }

    /// Name (after renames), kind and country of the actors taking part in the events
    /// `selection` matches, or of every actor, by id.
    fn actor_cards(&self, selection: Option<&Scope<'_>>) -> Result<HashMap<i64, ActorCard>> {
        let columns = "a.id, coalesce(a.display_name, a.name), a.kind, a.country";
        let (sql, args) = match selection {
            None => (format!("SELECT {columns} FROM actors a"), &[][..]),
            Some(s) => (
                format!(
                    "SELECT DISTINCT {columns} FROM {} CROSS JOIN merged_actors ma ON ma.merged_id = m.id
                     CROSS JOIN actors a ON a.id = ma.actor_id WHERE {}",
                    s.table, s.clause
                ),
                s.args,
            ),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut q = stmt.query(rusqlite::params_from_iter(args))?;
        let mut out = HashMap::new();
        while let Some(r) = q.next()? {
            let kind = text(r, 2)?;
            let kind =
                ActorKind::parse(kind).ok_or_else(|| StoreError::Corrupt(format!("actor kind {kind}")))?;
            out.insert(r.get(0)?, ActorCard { name: r.get(1)?, kind, country: r.get(3)? });
        }
        Ok(out)
    }

    /// Participants (and evidence) of the events `selection` matches, one query each. Above
    /// [`WHOLE_TABLE`] events the tables are read whole, in key order, which is faster than
    /// looking each event up; the rows of other events are skipped.
    fn attach_details(&self, rows: &mut [EventRow], selection: &Scope<'_>, evidence: Evidence) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let whole = rows.len() > WHOLE_TABLE;
        // The table to read `detail` from, whole or joined on `key` to the selection.
        let from = |detail: &str, key: &str| {
            if whole {
                detail.to_string()
            } else {
                format!("{} CROSS JOIN {detail} ON {key} = m.id", selection.table)
            }
        };
        let (filter, args) = if whole {
            (String::new(), &[][..])
        } else {
            (format!("WHERE {}", selection.clause), selection.args)
        };

        // The participations first, then their actors: joining `actors` in SQL, SQLite walks
        // `merged_actors` in actor order and looks every row up (slow on a whole table).
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT ma.merged_id, ma.position, ma.actor_id, ma.role FROM {} {filter}",
            from("merged_actors ma", "ma.merged_id")
        ))?;
        let mut parts: Vec<(usize, i64, i64, Role)> = Vec::new();
        let mut q = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get::<_, i64>(0)?) else { continue };
            let role = text(r, 3)?;
            let role = Role::parse(role).ok_or_else(|| StoreError::Corrupt(format!("role {role}")))?;
            parts.push((i, r.get(1)?, r.get(2)?, role));
        }
        let actors = self.actor_cards((!whole).then_some(selection))?;
        parts.sort_unstable_by_key(|&(i, position, ..)| (i, position));
        for (i, _, actor_id, role) in parts {
            let Some(actor) = actors.get(&actor_id) else { continue };
            rows[i].participants.push(ParticipantRow {
                actor_id,
                name: actor.name.clone(),
                kind: actor.kind,
                role,
                country: actor.country.clone(),
            });
        }

        if evidence == Evidence::Skip {
            return Ok(());
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT ev.event_id, ev.start, ev.end FROM {} {filter}",
            from("evidence ev", "ev.event_id")
        ))?;
        let mut q = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get::<_, i64>(0)?) else { continue };
            let (s, e): (i64, i64) = (r.get(1)?, r.get(2)?);
            rows[i].evidence.push(Span::new(s as usize, e as usize));
        }
        for row in rows.iter_mut() {
            row.evidence.sort_by_key(|s| s.start);
        }
        Ok(())
    }
}

/// Above this many events, [`Store::attach_details`] reads the detail tables whole. The unit
/// tests lower it so that their small workspaces take both ways.
pub(crate) const WHOLE_TABLE: usize = if cfg!(test) { 64 } else { 20_000 };

/// What a participant shows of its actor.
struct ActorCard {
    name: String,
    kind: ActorKind,
    country: Option<String>,
}

/// Whether a read attaches the evidence spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    Attach,
    Skip,
}

/// Which merged events a read covers: `table` is `merged_events m` (with or without its
/// indexes), `clause` a condition over it with its arguments.
struct Scope<'a> {
    table: &'a str,
    clause: &'a str,
    args: &'a [String],
}

/// What [`event_row`] reads, from `merged_events m`, `articles a` and `events e`.
const MERGED_COLUMNS: &str = "m.id, m.article_id, a.doc, m.kind, m.status, m.start, m.end, m.precision,
        m.name, m.place, m.country, m.confidence, e.trigger_start, e.trigger_end, m.sources, m.outlets,
        m.alternatives, m.edited, m.deleted";

/// The date in columns `start`, `start + 1` (end) and `start + 2` (precision) of a row.
fn date_of(r: &Row<'_>, start: usize) -> rusqlite::Result<Option<DateRange>> {
    let (Some(s), Some(e)) = (opt_text(r, start)?, opt_text(r, start + 1)?) else { return Ok(None) };
    let (Ok(s), Ok(e)) = (s.parse::<NaiveDate>(), e.parse::<NaiveDate>()) else { return Ok(None) };
    let precision = opt_text(r, start + 2)?.and_then(Precision::parse).unwrap_or(Precision::Day);
    Ok(DateRange::new(s, e, precision))
}

/// Column `i` as text, without copying it.
fn text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(i)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into()))
}

/// Column `i` as text or NULL, without copying it.
fn opt_text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    r.get_ref(i)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into()))
}

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let bad =
        |what: String| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, what.into());
    let kind = text(r, 3)?;
    let status = text(r, 4)?;
    let date = date_of(r, 5)?;
    let place: Option<String> = r.get(9)?;
    let country: Option<String> = r.get(10)?;
    let confidence: f64 = r.get(11)?;
    let (ts, te): (i64, i64) = (r.get(12)?, r.get(13)?);
    let outlets = text(r, 15)?;
    let alternatives = text(r, 16)?;
    Ok(EventRow {
        id: r.get(0)?,
        article_id: r.get(1)?,
        doc: r.get(2)?,
        kind: EventKind::parse(kind).ok_or_else(|| bad(format!("kind {kind}")))?,
        status: Status::parse(status).ok_or_else(|| bad(format!("status {status}")))?,
        date,
        name: r.get(8)?,
        location: (place.is_some() || country.is_some()).then_some(Location { place, country }),
        confidence: confidence as f32,
        trigger: Span::new(ts as usize, te as usize),
        participants: Vec::new(),
        evidence: Vec::new(),
        sources: r.get::<_, i64>(14)? as u32,
        outlets: serde_json::from_str(outlets).map_err(|e| bad(format!("outlets {e}")))?,
        alternatives: serde_json::from_str(alternatives).map_err(|e| bad(format!("alternatives {e}")))?,
        edited: r.get(17)?,
        deleted: r.get(18)?,
    })
}
