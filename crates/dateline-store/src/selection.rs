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

    /// The facet counts of `selection` (see [`Facets`]): per facet, one pass over the selection
    /// with that facet's criterion removed.
    ///
    /// Kinds and statuses are one value per event: a plain `GROUP BY`. Countries, sources and
    /// actors are many values per event: SQLite reads only the event's id and its participants'
    /// (or members' articles') ids, in event order, and the values are looked up in memory
    /// (every actor's countries, every article's outlet and doc) and counted once per event.
    /// Grouped in SQL, `count(DISTINCT id)` over joined names sorted every pair: 1.23 s for
    /// the whole of a 100k-event workspace.
    pub fn facets(&self, selection: &Selection) -> Result<Facets> {
        let span = self.max_span_days()?;
        let without = |clear: fn(&mut Selection)| {
            let mut s = selection.clone();
            clear(&mut s);
            s
        };
        let kinds = self.one_value_counts(&without(|s| s.kinds.clear()), span, "m.kind")?;
        let statuses = self.one_value_counts(&without(|s| s.statuses.clear()), span, "m.status")?;

        // A country as the country rule of [`clause`] finds it: the event's, a participant's, or
        // a participating country's name.
        let mut country_names = Values::default();
        let mut actor_countries: HashMap<i64, Vec<u32>> = HashMap::new();
        let mut people: Vec<(i64, String, ActorKind, Option<String>)> = Vec::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id, coalesce(display_name, name), kind, country, name FROM actors")?;
            let mut q = stmt.query([])?;
            while let Some(r) = q.next()? {
                let id: i64 = r.get(0)?;
                let kind: String = r.get(2)?;
                let kind = ActorKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("actor kind {kind}")))?;
                let country: Option<String> = r.get(3)?;
                let mut values: Vec<u32> = country.iter().map(|c| country_names.id(c)).collect();
                if kind == ActorKind::Country {
                    values.push(country_names.id(r.get_ref(4)?.as_str()?));
                }
                if !values.is_empty() {
                    actor_countries.insert(id, values);
                }
                people.push((id, r.get(1)?, kind, country));
            }
        }
        let countries = self.many_value_counts(
            &without(|s| s.countries.clear()),
            span,
            "SELECT m.id, m.country, ma.actor_id FROM {from} LEFT JOIN merged_actors ma ON ma.merged_id = m.id WHERE {where}",
            &mut country_names,
            |r, names, values| {
                if let Some(c) = r.get_ref(1)?.as_str_or_null()? {
                    values.push(names.id(c));
                }
                if let Some(found) = r.get::<_, Option<i64>>(2)?.and_then(|a| actor_countries.get(&a)) {
                    values.extend_from_slice(found);
                }
                Ok(())
            },
        )?;

        // A source is its outlet, or its doc name when it has none (what the events list as
        // `outlets`); the filter takes either, so a value's count is of both. Only names that
        // some article goes by are kept.
        let mut source_names = Values::default();
        let named: std::collections::HashSet<String> = {
            let mut stmt = self.conn.prepare_cached("SELECT DISTINCT coalesce(outlet, doc) FROM articles")?;
            stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
        };
        // Each article's values, looked up the first time one of its events comes: a month's
        // events reach a few hundred articles, and reading them all cost more than its facets.
        let mut article_sources: HashMap<i64, Vec<u32>> = HashMap::new();
        let mut article = self.conn.prepare_cached("SELECT outlet, doc FROM articles WHERE id = ?1")?;
        let sources = self.many_value_counts(
            &without(|s| s.sources.clear()),
            span,
            "SELECT m.id, e.article_id FROM {from} CROSS JOIN merged_members mm ON mm.merged_id = m.id
                 CROSS JOIN events e ON e.id = mm.event_id WHERE {where}",
            &mut source_names,
            |r, names, values| {
                let id: i64 = r.get(1)?;
                if let Some(found) = article_sources.get(&id) {
                    values.extend_from_slice(found);
                    return Ok(());
                }
                let mut found = Vec::with_capacity(2);
                let mut q = article.query([id])?;
                if let Some(a) = q.next()? {
                    if let Some(outlet) = a.get_ref(0)?.as_str_or_null()? {
                        found.push(names.id(outlet));
                    }
                    let doc = a.get_ref(1)?.as_str()?;
                    if named.contains(doc) {
                        found.push(names.id(doc));
                    }
                }
                values.extend_from_slice(&found);
                article_sources.insert(id, found);
                Ok(())
            },
        )?;
        drop(article);

        // Participants are distinct per event (the table's key): a count per actor id.
        let actor_selection = without(|s| s.actors.clear());
        let (clause, args) = clause(&actor_selection, span);
        let sql = format!(
            "SELECT ma.actor_id FROM {} CROSS JOIN merged_actors ma ON ma.merged_id = m.id WHERE {clause}",
            table(&actor_selection)
        );
        let mut counts: HashMap<i64, u32> = HashMap::new();
        {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut q = stmt.query(rusqlite::params_from_iter(args.iter()))?;
            while let Some(r) = q.next()? {
                *counts.entry(r.get(0)?).or_default() += 1;
            }
        }
        let mut actors: Vec<ActorCount> = people
            .into_iter()
            .filter_map(|(id, name, kind, country)| {
                counts.get(&id).map(|&count| ActorCount { id, name, kind, country, count })
            })
            .collect();
        actors.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));

        Ok(Facets { total: self.count(selection)?, actors, countries, kinds, statuses, sources })
    }

    /// Events of `selection` per value of `column`, one value per event, by value: counted as
    /// the rows come (a `GROUP BY` sorted them first, 126 ms at 100k events for four values).
    fn one_value_counts(&self, selection: &Selection, span: i64, column: &str) -> Result<Vec<FacetCount>> {
        let (clause, args) = clause(selection, span);
        let sql = format!("SELECT {column} FROM {} WHERE {clause}", table(selection));
        let mut counts: Vec<FacetCount> = Vec::new();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut q = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while let Some(r) = q.next()? {
            let v = r.get_ref(0)?.as_str()?;
            match counts.iter_mut().find(|f| f.value == v) {
                Some(f) => f.count += 1,
                None => counts.push(FacetCount { value: v.to_string(), count: 1 }),
            }
        }
        counts.sort_unstable_by(|a, b| a.value.cmp(&b.value));
        Ok(counts)
    }

    /// Events of `selection` per value, many values per event: `rows` (a query over `{from}` and
    /// `{where}` whose first column is the event's id, its rows for one event together) and
    /// `values`, which adds a row's values (ids in `names`); each value counts once per event.
    /// By value.
    fn many_value_counts(
        &self,
        selection: &Selection,
        span: i64,
        rows: &str,
        names: &mut Values,
        mut values: impl FnMut(&rusqlite::Row<'_>, &mut Values, &mut Vec<u32>) -> Result<()>,
    ) -> Result<Vec<FacetCount>> {
        let (clause, args) = clause(selection, span);
        let sql = rows.replace("{from}", table(selection)).replace("{where}", &clause);
        let mut counts: Vec<u32> = Vec::new();
        let mut event: Option<i64> = None;
        let mut found: Vec<u32> = Vec::new();
        let flush = |found: &mut Vec<u32>, counts: &mut Vec<u32>| {
            found.sort_unstable();
            found.dedup();
            for v in found.drain(..) {
                if counts.len() <= v as usize {
                    counts.resize(v as usize + 1, 0);
                }
                counts[v as usize] += 1;
            }
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut q = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while let Some(r) = q.next()? {
            let id: i64 = r.get(0)?;
            if event != Some(id) {
                flush(&mut found, &mut counts);
                event = Some(id);
            }
            values(r, names, &mut found)?;
        }
        flush(&mut found, &mut counts);
        let mut out: Vec<FacetCount> = counts
            .iter()
            .enumerate()
            .filter(|&(_, &count)| count > 0)
            .map(|(v, &count)| FacetCount { value: names.names[v].clone(), count })
            .collect();
        out.sort_unstable_by(|a, b| a.value.cmp(&b.value));
        Ok(out)
    }

    /// The facet counts as SQLite groups them: `count(DISTINCT id)` per value of joined names.
    /// What [`Store::facets`] must equal; kept for its test.
    #[cfg(test)]
    pub(crate) fn facets_grouped(&self, selection: &Selection) -> Result<Facets> {
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
        let countries = self.value_counts(
            &without(|s| s.countries.clear()),
            span,
            "SELECT m.country AS v, m.id AS id FROM {from} WHERE {where} AND m.country IS NOT NULL
             UNION SELECT a.country, m.id FROM {from} CROSS JOIN merged_actors ma ON ma.merged_id = m.id
                 CROSS JOIN actors a ON a.id = ma.actor_id WHERE {where} AND a.country IS NOT NULL
             UNION SELECT a.name, m.id FROM {from} CROSS JOIN merged_actors ma ON ma.merged_id = m.id
                 CROSS JOIN actors a ON a.id = ma.actor_id WHERE {where} AND a.kind = 'country'",
        )?;
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
            "SELECT ma.actor_id, coalesce(a.display_name, a.name), a.kind, a.country, count(*)
             FROM {} CROSS JOIN merged_actors ma ON ma.merged_id = m.id JOIN actors a ON a.id = ma.actor_id
             WHERE {clause} GROUP BY ma.actor_id",
            table(&actor_selection)
        );
        let mut actors: Vec<ActorCount> = self
            .conn
            .prepare(&sql)?
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                let kind: String = r.get(2)?;
                Ok(ActorCount {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: ActorKind::parse(&kind).expect("actor kind"),
                    country: r.get(3)?,
                    count: r.get::<_, i64>(4)? as u32,
                })
            })?
            .collect::<Result<_, _>>()?;
        actors.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
        Ok(Facets { total: self.count(selection)?, actors, countries, kinds, statuses, sources })
    }

    /// `(value, event id)` pairs from `pairs` (a query over `{from}` and `{where}`, which are
    /// the selection's table and clause) counted per value: distinct events per value, by value.
    #[cfg(test)]
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

/// The distinct values of a facet, each by a number, so that counting allocates nothing per row.
#[derive(Default)]
struct Values {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Values {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
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
