//! Reading events, actors and articles back.

use std::collections::HashMap;

use chrono::NaiveDate;
use dateline_model::{ActorKind, DateRange, EventKind, Location, Precision, Role, Span, Status};
use rusqlite::{OptionalExtension, Row, params};

use crate::{Result, Store, StoreError};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: u64,
    pub events: u64,
    pub actors: u64,
}

/// Which events to read. Empty fields mean "any".
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events that overlap `[from, to]`; undated events are left out when either is set.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub kinds: Vec<EventKind>,
    pub statuses: Vec<Status>,
    pub actor_id: Option<i64>,
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
    pub evidence: Vec<Span>,
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
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(n as u64)
        };
        Ok(Counts { articles: count("articles")?, events: count("events")?, actors: count("actors")? })
    }

    /// Events in date order (undated last), with participants and evidence.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        let mut sql = String::from(
            "SELECT e.id, e.article_id, a.doc, e.kind, e.status, e.start, e.end, e.precision, e.name, e.place,
                    e.country, e.confidence, e.trigger_start, e.trigger_end
             FROM events e JOIN articles a ON a.id = e.article_id WHERE 1=1",
        );
        let mut args: Vec<String> = Vec::new();
        if let Some(from) = filter.from {
            args.push(from.to_string());
            sql.push_str(&format!(" AND e.end >= ?{}", args.len()));
        }
        if let Some(to) = filter.to {
            args.push(to.to_string());
            sql.push_str(&format!(" AND e.start <= ?{}", args.len()));
        }
        push_in(&mut sql, &mut args, "e.kind", filter.kinds.iter().map(|k| k.as_str()));
        push_in(&mut sql, &mut args, "e.status", filter.statuses.iter().map(|s| s.as_str()));
        if let Some(actor) = filter.actor_id {
            args.push(actor.to_string());
            sql.push_str(&format!(
                " AND e.id IN (SELECT event_id FROM event_actors WHERE actor_id = CAST(?{} AS INTEGER))",
                args.len()
            ));
        }
        sql.push_str(" ORDER BY e.start IS NULL, e.start, e.end, e.id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows: Vec<EventRow> =
            stmt.query_map(rusqlite::params_from_iter(args.iter()), event_row)?.collect::<Result<_, _>>()?;
        self.attach_details(&mut rows)?;
        Ok(rows)
    }

    /// One event by id.
    pub fn event(&self, id: i64) -> Result<Option<EventRow>> {
        let row = self
            .conn
            .query_row(
                "SELECT e.id, e.article_id, a.doc, e.kind, e.status, e.start, e.end, e.precision, e.name, e.place,
                        e.country, e.confidence, e.trigger_start, e.trigger_end
                 FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?1",
                [id],
                event_row,
            )
            .optional()?;
        let Some(row) = row else { return Ok(None) };
        let mut rows = vec![row];
        self.attach_details(&mut rows)?;
        Ok(rows.pop())
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

    /// Participants and evidence for a set of events, read in two queries.
    fn attach_details(&self, rows: &mut [EventRow]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let all = rows.len() > 500;
        let ids = rows.iter().map(|r| r.id.to_string()).collect::<Vec<_>>().join(",");
        let scope = if all { String::new() } else { format!("WHERE ea.event_id IN ({ids})") };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT ea.event_id, a.id, a.name, a.kind, ea.role, a.country
             FROM event_actors ea JOIN actors a ON a.id = ea.actor_id {scope} ORDER BY ea.event_id, ea.position"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let event_id: i64 = r.get(0)?;
            let Some(&i) = index.get(&event_id) else { continue };
            let kind: String = r.get(3)?;
            let role: String = r.get(4)?;
            rows[i].participants.push(ParticipantRow {
                actor_id: r.get(1)?,
                name: r.get(2)?,
                kind: ActorKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("actor kind {kind}")))?,
                role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role}")))?,
                country: r.get(5)?,
            });
        }
        let scope = if all { String::new() } else { format!("WHERE event_id IN ({ids})") };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT event_id, start, end FROM evidence {scope} ORDER BY event_id, start"
        ))?;
        let mut q = stmt.query(params![])?;
        while let Some(r) = q.next()? {
            let event_id: i64 = r.get(0)?;
            let Some(&i) = index.get(&event_id) else { continue };
            let (s, e): (i64, i64) = (r.get(1)?, r.get(2)?);
            rows[i].evidence.push(Span::new(s as usize, e as usize));
        }
        Ok(())
    }
}

fn push_in<'a>(
    sql: &mut String,
    args: &mut Vec<String>,
    column: &str,
    values: impl Iterator<Item = &'a str>,
) {
    let mut placeholders = Vec::new();
    for v in values {
        args.push(v.to_string());
        placeholders.push(format!("?{}", args.len()));
    }
    if !placeholders.is_empty() {
        sql.push_str(&format!(" AND {column} IN ({})", placeholders.join(",")));
    }
}

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let bad =
        |what: String| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, what.into());
    let kind: String = r.get(3)?;
    let status: String = r.get(4)?;
    let start: Option<String> = r.get(5)?;
    let end: Option<String> = r.get(6)?;
    let precision: Option<String> = r.get(7)?;
    let date = match (start, end) {
        (Some(s), Some(e)) => {
            let s: NaiveDate = s.parse().map_err(|_| bad(format!("date {s}")))?;
            let e: NaiveDate = e.parse().map_err(|_| bad(format!("date {e}")))?;
            let p = precision.as_deref().and_then(Precision::parse).unwrap_or(Precision::Day);
            DateRange::new(s, e, p)
        }
        _ => None,
    };
    let place: Option<String> = r.get(9)?;
    let country: Option<String> = r.get(10)?;
    let confidence: f64 = r.get(11)?;
    let (ts, te): (i64, i64) = (r.get(12)?, r.get(13)?);
    Ok(EventRow {
        id: r.get(0)?,
        article_id: r.get(1)?,
        doc: r.get(2)?,
        kind: EventKind::parse(&kind).ok_or_else(|| bad(format!("kind {kind}")))?,
        status: Status::parse(&status).ok_or_else(|| bad(format!("status {status}")))?,
        date,
        name: r.get(8)?,
        location: (place.is_some() || country.is_some()).then_some(Location { place, country }),
        confidence: confidence as f32,
        trigger: Span::new(ts as usize, te as usize),
        participants: Vec::new(),
        evidence: Vec::new(),
    })
}
