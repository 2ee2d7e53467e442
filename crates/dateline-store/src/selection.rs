//! What the analyst selected, as one value: [`Selection`]. Every read of events (the list, the
//! timeline, the graph, the map, every export, the CLI's flags) takes it, and it becomes one
//! WHERE clause over `merged_events m` ([`clause`]), so the same selection gives the same events
//! everywhere. [`Store::facets`] counts the events per actor, country, type, status and source
//! for a selection, each facet with its own criterion left out (as Datasette's facets do), so a
//! filter bar can show beside each choice how many events choosing it gives.

use std::collections::HashMap;

use chrono::NaiveDate;
use dateline_model::{ActorKind, EventKind, Status};
use serde::{Deserialize, Serialize};

use crate::{Result, Store, StoreError};

/// Which merged events to read. Empty fields mean "any"; within a field any value matches, and
/// an event must match every field that is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Selection {
    /// ISO days, inclusive: the events overlapping `[from, to]`; undated events are left out
    /// when either is set.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub from: Option<NaiveDate>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub to: Option<NaiveDate>,
    /// Events any of these actors (by id) takes part in.
    #[cfg_attr(feature = "ts", ts(type = "number[]"))]
    pub actors: Vec<i64>,
    /// The event's country, a participant's country, or a participating country.
    pub countries: Vec<String>,
    pub kinds: Vec<EventKind>,
    pub statuses: Vec<Status>,
    /// Outlet names or article doc names of any source.
    pub sources: Vec<String>,
    /// A full-text query over the events and their articles (see [`Store::search`]); a query
    /// without words matches nothing.
    pub text: Option<String>,
    /// Only the events new or changed since the analyst last marked the updates seen.
    pub unseen: bool,
    /// The deleted events instead of the live ones.
    pub deleted: bool,
}

/// How many events of a selection have one value of a facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

/// How many events of a selection one actor takes part in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActorCount {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub count: u32,
}

/// The facet counts of a selection: for each facet, the events of the selection *without that
/// facet's own criterion* per value, so that each count is what choosing that value (alone)
/// would give. Values without events are left out; actors by name, the rest by value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Facets {
    /// The selection's own count.
    pub total: u32,
    pub actors: Vec<ActorCount>,
    pub countries: Vec<FacetCount>,
    pub kinds: Vec<FacetCount>,
    pub statuses: Vec<FacetCount>,
    pub sources: Vec<FacetCount>,
}

/// The WHERE clause of a selection over `merged_events m`, with its arguments.
/// `max_span_days` is the longest merged event: with it a window bounds `start` from both sides,
/// so the `(deleted, start, end)` index finds the window without scanning what lies before it.
pub(crate) fn clause(s: &Selection, max_span_days: i64) -> (String, Vec<String>) {
    let mut sql = String::from(if s.deleted { "m.deleted = 1" } else { "m.deleted = 0" });
    let mut args: Vec<String> = Vec::new();
    if let Some(from) = s.from {
        args.push(from.to_string());
        sql.push_str(&format!(" AND m.end >= ?{}", args.len()));
        let earliest = from.checked_sub_days(chrono::Days::new(max_span_days.max(0) as u64)).unwrap_or(from);
        args.push(earliest.to_string());
        sql.push_str(&format!(" AND m.start >= ?{}", args.len()));
    }
    if let Some(to) = s.to {
        args.push(to.to_string());
        sql.push_str(&format!(" AND m.start <= ?{}", args.len()));
    }
    if !s.kinds.is_empty() {
        let list = placeholders(&mut args, s.kinds.iter().map(|k| k.as_str()));
        sql.push_str(&format!(" AND m.kind IN ({list})"));
    }
    if !s.statuses.is_empty() {
        let list = placeholders(&mut args, s.statuses.iter().map(|k| k.as_str()));
        sql.push_str(&format!(" AND m.status IN ({list})"));
    }
    if !s.actors.is_empty() {
        // Ids are numbers: written into the SQL, they let SQLite use `merged_actors_by_actor`.
        let list: Vec<String> = s.actors.iter().map(i64::to_string).collect();
        sql.push_str(&format!(
            " AND m.id IN (SELECT merged_id FROM merged_actors WHERE actor_id IN ({}))",
            list.join(",")
        ));
    }
    if !s.countries.is_empty() {
        let list = placeholders(&mut args, s.countries.iter().map(String::as_str));
        sql.push_str(&format!(
            " AND (m.country IN ({list}) OR m.id IN (SELECT ma.merged_id FROM merged_actors ma JOIN actors a ON a.id = ma.actor_id
                  WHERE a.country IN ({list}) OR a.kind = 'country' AND a.name IN ({list})))"
        ));
    }
    if !s.sources.is_empty() {
        let list = placeholders(&mut args, s.sources.iter().map(String::as_str));
        sql.push_str(&format!(
            " AND m.id IN (SELECT mm.merged_id FROM merged_members mm JOIN events e ON e.id = mm.event_id
                  JOIN articles ar ON ar.id = e.article_id WHERE ar.outlet IN ({list}) OR ar.doc IN ({list}))"
        ));
    }
    if let Some(text) = &s.text {
        match fts_query(text) {
            Some(q) => {
                args.push(q);
                let n = args.len();
                sql.push_str(&format!(
                    " AND m.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?{n}
                          UNION SELECT mm.merged_id FROM articles_fts JOIN events e ON e.article_id = articles_fts.rowid
                          JOIN merged_members mm ON mm.event_id = e.id WHERE articles_fts MATCH ?{n})"
                ));
            }
            None => sql.push_str(" AND 0"),
        }
    }
    if s.unseen {
        sql.push_str(
            " AND m.id IN (SELECT event_id FROM event_changes WHERE update_id >
                  CAST(coalesce((SELECT value FROM meta WHERE key = 'seen_update'), '0') AS INTEGER))",
        );
    }
    (sql, args)
}

/// `merged_events m`, through its indexes or not: a date window (or the few deleted events) is
/// found through the `(deleted, start, end)` index; anything else reads the table in rowid
/// order, since through the index every row would be looked up once more.
pub(crate) fn table(s: &Selection) -> &'static str {
    if s.from.is_some() || s.to.is_some() || s.deleted {
        "merged_events m"
    } else {
        "merged_events m NOT INDEXED"
    }
}

fn placeholders<'a>(args: &mut Vec<String>, values: impl Iterator<Item = &'a str>) -> String {
    let mut out = Vec::new();
    for v in values {
        args.push(v.to_string());
        out.push(format!("?{}", args.len()));
    }
    out.join(",")
}

impl Store {
    /// How many merged events `selection` matches.
    pub fn count(&self, selection: &Selection) -> Result<u32> {
        let (clause, args) = clause(selection, self.max_span_days()?);
        let sql = format!("SELECT count(*) FROM {} WHERE {clause}", table(selection));
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
        Ok(n as u32)
    }

    /// The facet counts of `selection` (see [`Facets`]): one grouped query per facet, over the
    /// selection with that facet's criterion removed.
    pub fn facets(&self, selection: &Selection) -> Result<Facets> {
        let span = self.max_span_days()?;
        let without = |clear: fn(&mut Selection)| {
            let mut s = selection.clone();
            clear(&mut s);
            s
        };

        let kinds = self.value_counts(
            &without(|s| s.kinds.clear()),
            span,
            "SELECT m.kind AS v, m.id AS id FROM {from} WHERE {where}",
        )?;
        let statuses = self.value_counts(
            &without(|s| s.statuses.clear()),
            span,
            "SELECT m.status AS v, m.id AS id FROM {from} WHERE {where}",
        )?;
        // A country as the country rule of [`clause`] finds it: the event's, a participant's, or
        // a participating country's name.
        let countries = self.value_counts(
            &without(|s| s.countries.clear()),
            span,
            "SELECT m.country AS v, m.id AS id FROM {from} WHERE {where} AND m.country IS NOT NULL
             UNION SELECT a.country, m.id FROM {from} CROSS JOIN merged_actors ma ON ma.merged_id = m.id
                 CROSS JOIN actors a ON a.id = ma.actor_id WHERE {where} AND a.country IS NOT NULL
             UNION SELECT a.name, m.id FROM {from} CROSS JOIN merged_actors ma ON ma.merged_id = m.id
                 CROSS JOIN actors a ON a.id = ma.actor_id WHERE {where} AND a.kind = 'country'",
        )?;
        // A source is its outlet, or its doc name when it has none (what the events list as
        // `outlets`); the filter takes either, so a value's count is of both.
        let mut sources = self.value_counts(
            &without(|s| s.sources.clear()),
            span,
            "SELECT ar.outlet AS v, m.id AS id FROM {from} CROSS JOIN merged_members mm ON mm.merged_id = m.id
                 CROSS JOIN events e ON e.id = mm.event_id CROSS JOIN articles ar ON ar.id = e.article_id
                 WHERE {where} AND ar.outlet IS NOT NULL
             UNION SELECT ar.doc, m.id FROM {from} CROSS JOIN merged_members mm ON mm.merged_id = m.id
                 CROSS JOIN events e ON e.id = mm.event_id CROSS JOIN articles ar ON ar.id = e.article_id
                 WHERE {where}",
        )?;
        let named: std::collections::HashSet<String> = {
            let mut stmt = self.conn.prepare_cached("SELECT DISTINCT coalesce(outlet, doc) FROM articles")?;
            stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
        };
        sources.retain(|f| named.contains(&f.value));

        let actor_selection = without(|s| s.actors.clear());
        let (clause, args) = clause(&actor_selection, span);
        let sql = format!(
            "SELECT ma.actor_id, count(*) FROM {} CROSS JOIN merged_actors ma ON ma.merged_id = m.id
             WHERE {clause} GROUP BY ma.actor_id",
            table(&actor_selection)
        );
        let counts: HashMap<i64, u32> = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u32))
            })?
            .collect::<Result<_, _>>()?
        };
        let mut actors = Vec::with_capacity(counts.len());
        let mut stmt =
            self.conn.prepare_cached("SELECT id, coalesce(display_name, name), kind, country FROM actors")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let id: i64 = r.get(0)?;
            let Some(&count) = counts.get(&id) else { continue };
            let kind: String = r.get(2)?;
            let kind =
                ActorKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("actor kind {kind}")))?;
            actors.push(ActorCount { id, name: r.get(1)?, kind, country: r.get(3)?, count });
        }
        actors.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));

        Ok(Facets { total: self.count(selection)?, actors, countries, kinds, statuses, sources })
    }

    /// `(value, event id)` pairs from `pairs` (a query over `{from}` and `{where}`, which are
    /// the selection's table and clause) counted per value: distinct events per value, by value.
    fn value_counts(&self, selection: &Selection, span: i64, pairs: &str) -> Result<Vec<FacetCount>> {
        let (clause, args) = clause(selection, span);
        let pairs = pairs.replace("{from}", table(selection)).replace("{where}", &clause);
        let sql = format!("SELECT v, count(DISTINCT id) FROM ({pairs}) GROUP BY v ORDER BY v");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(FacetCount { value: r.get(0)?, count: r.get::<_, i64>(1)? as u32 })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

/// A user's words as a safe FTS5 query: every run of letters and digits quoted, all required,
/// the last one as a prefix. `None` when there is no word.
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    let mut q = words.join(" ");
    if q.is_empty() {
        return None;
    }
    q.push('*');
    Some(q)
}
