//! Rebuilding the derived tables: actor merges and renames from the corrections, then the merged
//! events ([`crate::resolve::cluster`]) with the event corrections applied over them, then their
//! full-text index. Runs after every import and every correction, in the same transaction.
//!
//! The rebuild is a pure function of the facts (actor rows, mentions) and the corrections:
//! [`rebuilt`] over all of them ([`Facts`]) in one piece, or [`merge_part`] over each block of
//! mentions that merges alone. [`rebuild_in`] only reads its input block by block
//! ([`crate::sweep`]) and writes each block's output, so that memory holds the largest block,
//! not the workspace.
//!
//! Two ways, one result: [`rebuild_in`] clusters every mention; after an import that only added
//! articles, [`crate::update::update_in`] re-clusters only the mentions the new ones can reach
//! (see there). A test imports in batches both ways and compares every table.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use dateline_identity::names;
use dateline_model::{DateRange, EventKind, Precision, Role, Status};
use rusqlite::{Connection, OptionalExtension, params};

use crate::corrections::{ActorRef, Correction, alias_key, load_active};
use crate::resolve::{self, Anchor, Cluster, Telling};
use crate::sweep::Sweep;
use crate::{Result, StoreError};

/// `'0'` when the merged events are current, `'new'` when articles were only added since, `'1'`
/// when they must be rebuilt in full.
pub(crate) fn dirty_state(c: &Connection) -> Result<String> {
    Ok(c.query_row("SELECT value FROM meta WHERE key = 'merged_dirty'", [], |r| r.get(0))?)
}

pub(crate) fn meta_i64(c: &Connection, key: &str) -> Result<i64> {
    let v: Option<String> =
        c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

fn set_meta(c: &Connection, key: &str, value: &str) -> Result<()> {
    c.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}

#[derive(Debug)]
pub(crate) struct Actors {
    by_key: HashMap<(String, String), i64>,
    redirect: HashMap<i64, i64>,
}

impl Actors {
    /// The actors the rows' names (and aliases) find, before any identity or merge.
    fn of_names(names: &[ActorName]) -> Self {
        let mut by_key = HashMap::new();
        for (id, kind, name) in names {
            by_key.entry((kind.clone(), alias_key(name))).or_insert(*id);
        }
        Actors { by_key, redirect: HashMap::new() }
    }

    fn find(&self, r: &ActorRef) -> Option<i64> {
        r.keys.iter().find_map(|k| self.by_key.get(&(r.kind.as_str().to_string(), k.clone())).copied())
    }

    /// The actor `id` stands for after merges.
    pub(crate) fn canonical(&self, mut id: i64) -> i64 {
        for _ in 0..64 {
            match self.redirect.get(&id) {
                Some(&next) if next != id => id = next,
                _ => break,
            }
        }
        id
    }
}

/// An actor row's id, kind and one name it goes by (its own, or an alias).
pub(crate) type ActorName = (i64, String, String);

/// A mention as the facts hold it: its `actors` not yet resolved, and its participant rows
/// `(actor row, role)` in position order.
pub(crate) type Told = (Telling, Vec<(i64, Role)>);

/// What a rebuild reads of the workspace: the facts the extractor wrote, before any correction.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// Every actor row's name and each of its aliases, in row order.
    pub(crate) names: Vec<ActorName>,
    /// The person rows identities are decided over.
    pub(crate) persons: Vec<PersonRow>,
    /// Every mention, in id order.
    pub(crate) mentions: Vec<Told>,
}

impl Facts {
    pub(crate) fn load(conn: &Connection) -> Result<Self> {
        Ok(Facts { names: actor_names(conn)?, persons: person_rows(conn)?, mentions: load_mentions(conn)? })
    }
}

/// Every actor row's name and each of its aliases, in row order.
fn actor_names(conn: &Connection) -> Result<Vec<ActorName>> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, name FROM actors UNION ALL
         SELECT a.id, a.kind, al.alias FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
         ORDER BY 1",
    )?;
    let names = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
    Ok(names)
}

/// The derived tables' content for the whole workspace in one piece: what a rebuild writes, a
/// function of the facts and the corrections alone ([`rebuilt`]).
#[derive(Debug)]
pub(crate) struct Rebuilt {
    /// Which row each actor row stands for after identities and the analyst's merges.
    pub(crate) actors: Actors,
    /// The analyst's renames, in order (a later one of the same actor wins).
    pub(crate) renames: Vec<(i64, String)>,
    /// Every mention, merged.
    pub(crate) part: Part,
}

/// What a part of the mentions that merges alone (all of them, or a block: [`crate::sweep`])
/// becomes: a function of its mentions, the actors and the corrections ([`merge_part`]).
#[derive(Debug)]
pub(crate) struct Part {
    /// The mentions, in id order, their participants canonical.
    pub(crate) mentions: Vec<Telling>,
    /// The merged events, by id, with the event corrections applied.
    pub(crate) clusters: Vec<Cluster>,
    /// Each cluster's (edited, deleted).
    pub(crate) flags: Vec<(bool, bool)>,
    /// The blocking keys, sorted.
    pub(crate) keys: Vec<Key>,
    /// The longest merged event, in days.
    pub(crate) max_span: i64,
}

/// Mentions merged together in one [`merge_part`] call, at least: blocks are gathered up to
/// this many, since clustering a handful of mentions at a time costs more per mention.
const CHUNK: usize = 4_096;

/// Rebuilds the derived tables from scratch in `conn`'s transaction, block by block: the actors
/// first (identities and the analyst's merges, splits and renames: [`actors_after`]); then the
/// mentions, read by first day, gathered into blocks that merge alone ([`crate::sweep`]), each
/// merged ([`merge_part`]) and written as it completes; then the undated ones. Memory holds the
/// actors, the open blocks and one chunk of them, not the workspace; the result is the one
/// [`rebuilt`] gives for the whole (test `blocks_rebuild_as_the_whole_does`).
pub(crate) fn rebuild_in(conn: &Connection) -> Result<()> {
    rebuild_by_blocks(conn, CHUNK).map(|_| ())
}

/// What a block-by-block rebuild did: how many blocks, the largest, how many parts it merged.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct BlockStats {
    pub(crate) blocks: usize,
    pub(crate) largest: usize,
    pub(crate) parts: usize,
    /// Whether it fell back to merging the whole at once (dates out of the sweep's order).
    pub(crate) whole: bool,
}

/// A mention as a rebuild reads it: canonical participants, its participant rows (distinct)
/// and its article's label.
struct Read {
    telling: Telling,
    raw: Vec<i64>,
    outlet: Option<String>,
}

/// [`rebuild_in`], gathering blocks up to `chunk` mentions before merging them.
pub(crate) fn rebuild_by_blocks(conn: &Connection, chunk: usize) -> Result<BlockStats> {
    let corrections = load_active(conn)?;
    let (actors, renames) = actors_after(&actor_names(conn)?, &person_rows(conn)?, &corrections);
    write_actors(conn, &actors, &renames)?;
    clear_derived(conn)?;
    let mut targets: HashMap<Vec<Anchor>, Option<i64>> = HashMap::new();
    for anchors in corrections.iter().filter_map(|(c, _)| event_anchors(c)) {
        if !targets.contains_key(anchors) {
            targets.insert(anchors.to_vec(), target_in(conn, anchors)?);
        }
    }
    let mut out = PartWriter {
        conn,
        actors: &actors,
        corrections: &corrections,
        targets,
        labels: Labels::names(conn)?,
        pending: Vec::new(),
        chunk,
        max_span: 0,
        stats: BlockStats::default(),
    };
    let mut participants =
        conn.prepare("SELECT actor_id, role FROM event_actors WHERE event_id = ?1 ORDER BY position")?;
    let mut read = |r: &rusqlite::Row<'_>| -> Result<Read> {
        let mut rows: Vec<(i64, Role)> = Vec::new();
        let mut q = participants.query([r.get::<_, i64>(0)?])?;
        while let Some(p) = q.next()? {
            let role: String = p.get(1)?;
            rows.push((p.get(0)?, parse_role(&role)?));
        }
        let telling = telling_of(r, canonical_participants(&rows, |a| actors.canonical(a)))?;
        Ok(Read { telling, raw: distinct_rows(&rows), outlet: r.get(15)? })
    };

    // Dated mentions by first day (the index's order, no sort), through the sweep when they can
    // merge; SQLite orders dates as text, which is their order for years 0 to 9999.
    let mut sweep: Sweep<Read> = Sweep::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT {MENTION_FIELDS} FROM events e INDEXED BY events_by_start
         CROSS JOIN articles a ON a.id = e.article_id
         WHERE e.start IS NOT NULL ORDER BY e.start, e.end, e.id"
    ))?;
    let mut q = stmt.query([])?;
    let mut in_order = true;
    while let Some(r) = q.next()? {
        let m = read(r)?;
        let Some(d) = m.telling.date.filter(|d| d.precision <= Precision::Month) else {
            out.add(vec![m])?;
            continue;
        };
        let (kind, who) = (m.telling.kind, m.telling.actors.iter().map(|a| a.0).collect::<Vec<_>>());
        if sweep.push(kind, (d.start, d.end), &who, m).is_err() {
            in_order = false;
            break;
        }
        for block in sweep.take_complete() {
            out.add(block)?;
        }
    }
    drop(q);
    if !in_order {
        // A year past 9999 or before 0 sorts out of order as text: merged in one piece.
        persist(conn, &rebuilt(Facts::load(conn)?, &corrections))?;
        return Ok(BlockStats { whole: true, ..BlockStats::default() });
    }
    for block in sweep.finish() {
        out.add(block)?;
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT {MENTION_FIELDS} FROM events e CROSS JOIN articles a ON a.id = e.article_id
         WHERE e.start IS NULL ORDER BY e.id"
    ))?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        out.add(vec![read(r)?])?;
    }
    out.flush()?;
    finish(conn, out.max_span)?;
    Ok(out.stats)
}

/// The anchors an event correction names.
fn event_anchors(c: &Correction) -> Option<&[Anchor]> {
    match c {
        Correction::EditEvent { anchors, .. }
        | Correction::DeleteEvent { anchors }
        | Correction::RestoreEvent { anchors } => Some(anchors),
        _ => None,
    }
}

/// Gathers blocks into parts of at least `chunk` mentions, merges and writes each.
struct PartWriter<'a> {
    conn: &'a Connection,
    actors: &'a Actors,
    corrections: &'a [(Correction, String)],
    /// The mention each event correction names (by its anchors), read before the sweep.
    targets: HashMap<Vec<Anchor>, Option<i64>>,
    labels: Labels,
    pending: Vec<Read>,
    chunk: usize,
    max_span: i64,
    stats: BlockStats,
}

impl PartWriter<'_> {
    fn add(&mut self, block: Vec<Read>) -> Result<()> {
        self.stats.blocks += 1;
        self.stats.largest = self.stats.largest.max(block.len());
        self.pending.extend(block);
        if self.pending.len() >= self.chunk { self.flush() } else { Ok(()) }
    }

    fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut reads = std::mem::take(&mut self.pending);
        reads.sort_unstable_by_key(|m| m.telling.id);
        let (mut mentions, mut raws) = (Vec::with_capacity(reads.len()), Vec::with_capacity(reads.len()));
        for m in reads {
            self.labels.outlets.insert(m.telling.article, m.outlet);
            mentions.push(m.telling);
            raws.push(m.raw);
        }
        let targets = &self.targets;
        let part = merge_part(mentions, &raws, self.actors, self.corrections, |anchors| {
            targets.get(anchors).copied().flatten()
        });
        write_clusters(self.conn, &part.mentions, &part.clusters, &part.flags, &mut self.labels)?;
        write_keys(self.conn, &part.keys)?;
        self.labels.outlets.clear();
        self.max_span = self.max_span.max(part.max_span);
        self.stats.parts += 1;
        Ok(())
    }
}

/// Steps 2 to 4 over `mentions` (in id order, canonical participants; `raws`, their participant
/// rows), which merge alone: their clusters ([`resolve::cluster`]), the event corrections over
/// them (`target` gives the mention a correction's anchors name, if any), the blocking keys. Pure.
pub(crate) fn merge_part(
    mentions: Vec<Telling>,
    raws: &[Vec<i64>],
    actors: &Actors,
    corrections: &[(Correction, String)],
    target: impl Fn(&[Anchor]) -> Option<i64>,
) -> Part {
    // In id order, as the whole is: clustering breaks ties of content by position.
    debug_assert!(mentions.windows(2).all(|w| w[0].id < w[1].id), "mentions in id order");
    let mut clusters = resolve::cluster(&mentions);
    clusters.sort_by_key(|c| c.id);

    // 3. Event corrections, over the clusters.
    let mut cluster_of: HashMap<i64, usize> = HashMap::with_capacity(mentions.len());
    for (ci, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            cluster_of.insert(mentions[m].id, ci);
        }
    }
    let flags = apply_event_corrections(&mut clusters, corrections, actors, |anchors| {
        target(anchors).and_then(|id| cluster_of.get(&id).copied())
    });

    // 4. The blocking keys, in key order: SQLite then appends to the index instead of writing
    // all over it.
    let mut keys: Vec<Key> = Vec::new();
    for (m, raw) in mentions.iter().zip(raws) {
        keys.extend(keys_of(m, raw));
    }
    keys.sort_unstable();
    let max_span = clusters.iter().filter_map(|c| c.date).map(|d| d.days()).max().unwrap_or(0);
    Part { mentions, clusters, flags, keys, max_span }
}

/// The merged events of `facts` under `corrections`, all in one piece: actor identities and the
/// analyst's merges, splits and renames; the mentions' clusters; the event corrections over
/// them; the blocking keys. Pure. What [`rebuild_in`] gives block by block, holding every
/// mention at once: kept for the dates the sweep cannot order, and as the tests' reference.
pub(crate) fn rebuilt(facts: Facts, corrections: &[(Correction, String)]) -> Rebuilt {
    // 1. Actors: one per identity, then the analyst's merges and renames.
    let (actors, renames) = actors_after(&facts.names, &facts.persons, corrections);

    // 2. Mentions, with canonical actors.
    let (mut mentions, mut raws) = (Vec::with_capacity(facts.mentions.len()), Vec::new());
    for (mut telling, rows) in facts.mentions {
        telling.actors = canonical_participants(&rows, |a| actors.canonical(a));
        raws.push(distinct_rows(&rows));
        mentions.push(telling);
    }
    // The mention each event correction names.
    let mut targets: HashMap<&[Anchor], Option<i64>> = HashMap::new();
    {
        let mut by_hash: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            by_hash.entry(m.anchor.hash.as_str()).or_default().push(i);
        }
        for anchors in corrections.iter().filter_map(|(c, _)| event_anchors(c)) {
            let found = target(anchors, |hash| {
                by_hash
                    .get(hash)
                    .into_iter()
                    .flatten()
                    .map(|&i| (mentions[i].id, &mentions[i].anchor))
                    .collect()
            });
            targets.insert(anchors, found);
        }
    }
    let part =
        merge_part(mentions, &raws, &actors, corrections, |anchors| targets.get(anchors).copied().flatten());
    Rebuilt { actors, renames, part }
}

/// Writes a rebuild's result over the derived tables (and the actors' `merged_into` and
/// `display_name`), in `conn`'s transaction.
fn persist(conn: &Connection, r: &Rebuilt) -> Result<()> {
    write_actors(conn, &r.actors, &r.renames)?;
    clear_derived(conn)?;
    let mut labels = Labels::all(conn)?;
    let p = &r.part;
    write_clusters(conn, &p.mentions, &p.clusters, &p.flags, &mut labels)?;
    write_keys(conn, &p.keys)?;
    finish(conn, p.max_span)
}

/// Empties the derived tables a rebuild writes.
fn clear_derived(conn: &Connection) -> Result<()> {
    for table in ["merged_events", "merged_members", "merged_actors", "events_fts", "merge_keys"] {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    Ok(())
}

/// The last writes of every rebuild: the longest span, the mentions merged so far, the flag.
pub(crate) fn finish(conn: &Connection, max_span: i64) -> Result<()> {
    set_meta(conn, "max_span_days", &max_span.to_string())?;
    let upto: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0))?;
    set_meta(conn, "merged_upto", &upto.to_string())?;
    conn.execute("DELETE FROM merged_renamed", [])?;
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'merged_dirty'", [])?;
    Ok(())
}

/// Step 1, the actors, read from and written to `conn` (the update's way; a rebuild's is
/// [`rebuilt`]).
pub(crate) fn resolve_actors(conn: &Connection, corrections: &[(Correction, String)]) -> Result<Actors> {
    let (actors, renames) = actors_after(&actor_names(conn)?, &person_rows(conn)?, corrections);
    write_actors(conn, &actors, &renames)?;
    Ok(actors)
}

/// Step 1, the actors: one per identity ([`identities_of`]), then the analyst's merges, splits
/// and renames, in order. Returns the actors and the renames (actor, name), in order.
fn actors_after(
    names: &[ActorName],
    persons: &[PersonRow],
    corrections: &[(Correction, String)],
) -> (Actors, Vec<(i64, String)>) {
    let mut actors = Actors::of_names(names);
    actors.redirect = identities_of(persons);
    let mut renames = Vec::new();
    for (c, _) in corrections {
        match c {
            Correction::MergeActors { into, from } => {
                let Some(into) = actors.find(into).map(|i| actors.canonical(i)) else { continue };
                for f in from {
                    if let Some(f) = actors.find(f).map(|i| actors.canonical(i))
                        && f != into
                    {
                        actors.redirect.insert(f, into);
                    }
                }
            }
            Correction::SplitActor { actor } => {
                let Some(row) = actors.find(actor) else { continue };
                let head = actors.canonical(row);
                if row != head {
                    // The row (and whatever was merged into it) leaves its identity.
                    actors.redirect.remove(&row);
                } else {
                    // The identity's head leaves: the others keep together under the lowest id.
                    let mut others: Vec<i64> = actors
                        .redirect
                        .keys()
                        .copied()
                        .filter(|&k| k != row && actors.canonical(k) == row)
                        .collect();
                    others.sort_unstable();
                    if let Some((&new_head, rest)) = others.split_first() {
                        actors.redirect.remove(&new_head);
                        for &o in rest {
                            actors.redirect.insert(o, new_head);
                        }
                    }
                }
            }
            Correction::RenameActor { actor, name } => {
                if let Some(id) = actors.find(actor).map(|i| actors.canonical(i)) {
                    renames.push((id, name.clone()));
                }
            }
            _ => {}
        }
    }
    (actors, renames)
}

/// Writes the actors' identities and the renames over `actors` (`merged_into`, `display_name`).
fn write_actors(conn: &Connection, actors: &Actors, renames: &[(i64, String)]) -> Result<()> {
    conn.execute("UPDATE actors SET merged_into = NULL, display_name = NULL", [])?;
    for (id, name) in renames {
        conn.execute("UPDATE actors SET display_name = ?2 WHERE id = ?1", params![id, name])?;
    }
    let redirects: Vec<(i64, i64)> = actors.redirect.keys().map(|&f| (f, actors.canonical(f))).collect();
    for (from, into) in redirects {
        conn.execute("UPDATE actors SET merged_into = ?2 WHERE id = ?1", params![from, into])?;
    }
    Ok(())
}

/// The mention an event correction names: an exact anchor first; else one whose trigger overlaps
/// (re-extraction moved it). `by_hash` gives the mentions of an article, in id order.
pub(crate) fn target<'a, T: Copy>(
    anchors: &[Anchor],
    by_hash: impl Fn(&str) -> Vec<(T, &'a Anchor)>,
) -> Option<T> {
    let exact = anchors.iter().find_map(|a| by_hash(&a.hash).into_iter().find(|(_, m)| *a == **m));
    exact
        .or_else(|| anchors.iter().find_map(|a| by_hash(&a.hash).into_iter().find(|(_, m)| a.matches(m))))
        .map(|(t, _)| t)
}

/// The mention an event correction names, read from the workspace ([`target`] over the
/// mentions of each anchor's article).
pub(crate) fn target_in(conn: &Connection, anchors: &[Anchor]) -> Result<Option<i64>> {
    let mut by_hash: HashMap<&str, Vec<(i64, Anchor)>> = HashMap::new();
    for a in anchors {
        if by_hash.contains_key(a.hash.as_str()) {
            continue;
        }
        let mut stmt = conn.prepare_cached(
            "SELECT e.id, e.kind, e.trigger_start, e.trigger_end FROM events e JOIN articles a ON a.id = e.article_id
             WHERE a.content_hash = ?1 ORDER BY e.id",
        )?;
        let mut list = Vec::new();
        let mut q = stmt.query([&a.hash])?;
        while let Some(r) = q.next()? {
            let kind: String = r.get(1)?;
            let Some(kind) = EventKind::parse(&kind) else { continue };
            let anchor = Anchor {
                hash: a.hash.clone(),
                kind,
                start: r.get::<_, i64>(2)? as u32,
                end: r.get::<_, i64>(3)? as u32,
            };
            list.push((r.get::<_, i64>(0)?, anchor));
        }
        by_hash.insert(a.hash.as_str(), list);
    }
    Ok(target(anchors, |hash| {
        by_hash.get(hash).into_iter().flatten().map(|(id, anchor)| (*id, anchor)).collect()
    }))
}

/// Step 3, the event corrections over `clusters`, in order; `find` gives the cluster a
/// correction's anchors name, if any. Returns each cluster's (edited, deleted).
pub(crate) fn apply_event_corrections(
    clusters: &mut [Cluster],
    corrections: &[(Correction, String)],
    actors: &Actors,
    find: impl Fn(&[Anchor]) -> Option<usize>,
) -> Vec<(bool, bool)> {
    let mut flags = vec![(false, false); clusters.len()];
    for (c, _) in corrections {
        match c {
            Correction::EditEvent { anchors, patch } => {
                let Some(ci) = find(anchors) else { continue };
                let cl = &mut clusters[ci];
                if let Some(k) = patch.kind {
                    cl.kind = k;
                }
                if let Some(s) = patch.status {
                    cl.status = s;
                }
                if let Some(d) = patch.date {
                    if let Some(old) = cl.date.filter(|o| *o != d) {
                        cl.alternatives.insert(0, (old, cl.sources));
                    }
                    cl.alternatives.retain(|(a, _)| *a != d);
                    cl.date = Some(d);
                }
                if let Some(p) = &patch.place {
                    cl.place = Some(p.clone()).filter(|p| !p.trim().is_empty());
                }
                if let Some(p) = &patch.country {
                    cl.country = Some(p.clone()).filter(|p| !p.trim().is_empty());
                }
                if let Some(ps) = &patch.participants {
                    let mut list: Vec<(i64, Role)> = Vec::new();
                    for r in ps {
                        if let Some(id) = actors.find(r).map(|i| actors.canonical(i))
                            && !list.iter().any(|x| x.0 == id)
                        {
                            let role = if list.is_empty() { Role::Initiator } else { Role::Counterpart };
                            list.push((id, role));
                        }
                    }
                    cl.actors = list;
                }
                flags[ci].0 = true;
            }
            Correction::DeleteEvent { anchors } => {
                if let Some(ci) = find(anchors) {
                    flags[ci] = (true, true);
                }
            }
            Correction::RestoreEvent { anchors } => {
                if let Some(ci) = find(anchors) {
                    flags[ci] = (true, false);
                }
            }
            Correction::MergeActors { .. }
            | Correction::RenameActor { .. }
            | Correction::SplitActor { .. } => {}
        }
    }
    flags
}

/// The longest length class a key keeps apart; longer dates share the last one, searched from
/// the first day on.
pub(crate) const LAST_CLASS: u32 = 12;

/// The length class of a date of `days` days: `ceil(log2(days))`, at most [`LAST_CLASS`].
pub(crate) fn length_class(days: i64) -> u32 {
    (days.max(1) as u64).next_power_of_two().trailing_zeros().min(LAST_CLASS)
}

pub(crate) fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// A row of `merge_keys`: actor row, kind, length class, first and last day, mention.
pub(crate) type Key = (i64, &'static str, u32, i64, i64, i64);

/// The blocking keys of mention `m` (one per participant row `raw`), when its date can merge.
pub(crate) fn keys_of(m: &Telling, raw: &[i64]) -> Vec<Key> {
    let Some((start, end)) = m.date.filter(|d| d.precision <= Precision::Month).map(|d| (d.start, d.end))
    else {
        return Vec::new();
    };
    let class = length_class((end - start).num_days() + 1);
    raw.iter().map(|&a| (a, m.kind.as_str(), class, day_number(start), day_number(end), m.id)).collect()
}

pub(crate) fn write_keys(conn: &Connection, keys: &[Key]) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO merge_keys (actor_id, kind, class, start, end, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for &(a, kind, class, start, end, id) in keys {
        insert.execute(params![a, kind, class, start, end, id])?;
    }
    Ok(())
}

/// The workspace's person rows, as identities are decided over them ([`identities_of`]).
fn person_rows(conn: &Connection) -> Result<Vec<PersonRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, country, role, surname FROM actors WHERE kind = 'person' AND surname IS NOT NULL",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A person's actor row as identities are decided over it: id, name, country, role, surname.
pub(crate) type PersonRow = (i64, String, Option<String>, Option<String>, String);

/// Which person rows are one person, by the identity rule (the extractor's too): within a
/// surname, rows are visited fullest name first and each joins the one earlier row it is the same
/// person as; a row that fits
/// several ("Wang" with China, among Wang Yi and Wang Wenbin) stays apart. Depends only on the
/// rows' content (not their ids, nor their order). Returns row → the row it joins.
pub(crate) fn identities_of(rows: &[PersonRow]) -> HashMap<i64, i64> {
    let mut by_surname: HashMap<&str, Vec<(i64, names::ActorKey)>> = HashMap::new();
    for (id, name, country, role, surname) in rows {
        let key = crate::write::person_key(name, country.as_deref(), role.as_deref());
        by_surname.entry(surname.as_str()).or_default().push((*id, key));
    }
    let mut redirect = HashMap::new();
    for group in by_surname.values_mut() {
        group.sort_by(|a, b| {
            (std::cmp::Reverse(a.1.words.len()), a.1.text(), &a.1.country, &a.1.role).cmp(&(
                std::cmp::Reverse(b.1.words.len()),
                b.1.text(),
                &b.1.country,
                &b.1.role,
            ))
        });
        let mut heads: Vec<usize> = Vec::new();
        for i in 0..group.len() {
            let fits: Vec<usize> =
                heads.iter().copied().filter(|&h| names::same_person(&group[i].1, &group[h].1)).collect();
            match fits.as_slice() {
                [h] => {
                    redirect.insert(group[i].0, group[*h].0);
                }
                [] => heads.push(i),
                _ => heads.push(i),
            }
        }
    }
    redirect
}

/// What the facts say of one mention, and its article's label (outlet, else document name),
/// as `SELECT` [`MENTION_FIELDS`] `FROM events e JOIN articles a ON a.id = e.article_id` reads
/// them.
pub(crate) const MENTION_FIELDS: &str =
    "e.id, a.content_hash, e.kind, e.trigger_start, e.trigger_end, e.article_id, a.published,
     e.status, e.start, e.end, e.precision, e.place, e.country, e.name, e.confidence,
     coalesce(a.outlet, a.doc)";

/// A mention from a row of [`MENTION_FIELDS`], with its participants (canonical, distinct).
pub(crate) fn telling_of(r: &rusqlite::Row<'_>, actors: Vec<(i64, Role)>) -> Result<Telling> {
    let corrupt = |what: &str, v: &str| StoreError::Corrupt(format!("{what} {v}"));
    let id: i64 = r.get(0)?;
    let kind: String = r.get(2)?;
    let kind = EventKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?;
    let status: String = r.get(7)?;
    let status = Status::parse(&status).ok_or_else(|| corrupt("status", &status))?;
    let published: Option<String> = r.get(6)?;
    let (start, end, precision): (Option<String>, Option<String>, Option<String>) =
        (r.get(8)?, r.get(9)?, r.get(10)?);
    let date = match (start, end) {
        (Some(s), Some(e)) => {
            let s: NaiveDate = s.parse().map_err(|_| corrupt("date", &s))?;
            let e: NaiveDate = e.parse().map_err(|_| corrupt("date", &e))?;
            DateRange::new(s, e, precision.as_deref().and_then(Precision::parse).unwrap_or(Precision::Day))
        }
        _ => None,
    };
    let confidence: f64 = r.get(14)?;
    Ok(Telling {
        id,
        anchor: Anchor {
            hash: r.get(1)?,
            kind,
            start: r.get::<_, i64>(3)? as u32,
            end: r.get::<_, i64>(4)? as u32,
        },
        article: r.get(5)?,
        published: published.and_then(|p| p.parse().ok()),
        kind,
        status,
        date,
        actors,
        place: r.get(11)?,
        country: r.get(12)?,
        name: r.get(13)?,
        confidence: confidence as f32,
    })
}

/// Participant rows `(actor row, role)` in position order, as canonical actors: each once, in
/// the place of its first row.
pub(crate) fn canonical_participants(
    raw: &[(i64, Role)],
    canonical: impl Fn(i64) -> i64,
) -> Vec<(i64, Role)> {
    let mut list: Vec<(i64, Role)> = Vec::with_capacity(raw.len());
    for &(actor, role) in raw {
        let actor = canonical(actor);
        if !list.iter().any(|p| p.0 == actor) {
            list.push((actor, role));
        }
    }
    list
}

pub(crate) fn parse_role(role: &str) -> Result<Role> {
    Role::parse(role).ok_or_else(|| StoreError::Corrupt(format!("role {role}")))
}

/// Every mention, in id order.
fn load_mentions(conn: &Connection) -> Result<Vec<Told>> {
    let mut participants: HashMap<i64, Vec<(i64, Role)>> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT event_id, actor_id, role FROM event_actors ORDER BY event_id, position")?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let (event, actor, role): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        participants.entry(event).or_default().push((actor, parse_role(&role)?));
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT {MENTION_FIELDS} FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.id"
    ))?;
    let mut q = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = q.next()? {
        let id: i64 = r.get(0)?;
        let rows = participants.remove(&id).unwrap_or_default();
        out.push((telling_of(r, Vec::new())?, rows));
    }
    Ok(out)
}

pub(crate) fn distinct_rows(rows: &[(i64, Role)]) -> Vec<i64> {
    let mut ids: Vec<i64> = rows.iter().map(|p| p.0).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The labels the merged rows show: each article's outlet (else its document name) and each
/// actor's name. A rebuild reads them all at once; an update only those it writes.
pub(crate) struct Labels {
    outlets: HashMap<i64, Option<String>>,
    names: HashMap<i64, Option<String>>,
    /// Whether every article's outlet, and every actor's name, is in the maps already.
    outlets_complete: bool,
    names_complete: bool,
}

impl Labels {
    fn all(conn: &Connection) -> Result<Self> {
        let mut labels = Labels::names(conn)?;
        labels.outlets_complete = true;
        let mut stmt = conn.prepare("SELECT id, coalesce(outlet, doc) FROM articles")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            labels.outlets.insert(r.get(0)?, Some(r.get(1)?));
        }
        Ok(labels)
    }

    /// Every actor's name; the outlets looked up as needed (or given: a rebuild reads them with
    /// the mentions).
    fn names(conn: &Connection) -> Result<Self> {
        let mut labels = Labels::lazy();
        labels.names_complete = true;
        let mut stmt = conn.prepare("SELECT id, coalesce(display_name, name) FROM actors")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            labels.names.insert(r.get(0)?, Some(r.get(1)?));
        }
        Ok(labels)
    }

    pub(crate) fn lazy() -> Self {
        Labels {
            outlets: HashMap::new(),
            names: HashMap::new(),
            outlets_complete: false,
            names_complete: false,
        }
    }

    fn outlet(&mut self, conn: &Connection, article: i64) -> Result<Option<String>> {
        if let Some(o) = self.outlets.get(&article) {
            return Ok(o.clone());
        }
        let o = if self.outlets_complete {
            None
        } else {
            conn.prepare_cached("SELECT coalesce(outlet, doc) FROM articles WHERE id = ?1")?
                .query_row([article], |r| r.get(0))
                .optional()?
        };
        self.outlets.insert(article, o.clone());
        Ok(o)
    }

    pub(crate) fn name(&mut self, conn: &Connection, actor: i64) -> Result<Option<String>> {
        if let Some(n) = self.names.get(&actor) {
            return Ok(n.clone());
        }
        let n = if self.names_complete {
            None
        } else {
            conn.prepare_cached("SELECT coalesce(display_name, name) FROM actors WHERE id = ?1")?
                .query_row([actor], |r| r.get(0))
                .optional()?
        };
        self.names.insert(actor, n.clone());
        Ok(n)
    }
}

/// The full-text body of a merged event: its kind, its actors' names, its name and place.
pub(crate) fn fts_body(
    kind: EventKind,
    names: &[String],
    name: Option<&str>,
    place: Option<&str>,
    country: Option<&str>,
) -> String {
    let mut body: Vec<&str> = vec![kind.as_str()];
    body.extend(names.iter().map(String::as_str));
    body.extend(name);
    body.extend(place);
    body.extend(country);
    body.join(" ")
}

/// Writes `clusters` (with their correction flags) into the merged tables, which hold none of
/// their ids.
pub(crate) fn write_clusters(
    conn: &Connection,
    mentions: &[Telling],
    clusters: &[Cluster],
    flags: &[(bool, bool)],
    labels: &mut Labels,
) -> Result<()> {
    let mut insert_event = conn.prepare_cached(
        "INSERT INTO merged_events (id, kind, status, start, end, precision, name, place, country, confidence,
                                    article_id, sources, outlets, alternatives, edited, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut insert_member =
        conn.prepare_cached("INSERT INTO merged_members (event_id, merged_id) VALUES (?1, ?2)")?;
    let mut insert_actor = conn.prepare_cached(
        "INSERT OR IGNORE INTO merged_actors (merged_id, actor_id, role, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut insert_fts = conn.prepare_cached("INSERT INTO events_fts (rowid, body) VALUES (?1, ?2)")?;
    let json = |v: &Vec<String>| serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()));
    for (c, &(edited, deleted)) in clusters.iter().zip(flags) {
        let first = c.members.iter().map(|&m| &mentions[m]).find(|m| m.id == c.id).map_or(0, |m| m.article);
        let mut outlet_names: Vec<String> = Vec::new();
        for &m in &c.members {
            if let Some(o) = labels.outlet(conn, mentions[m].article)?
                && !outlet_names.contains(&o)
            {
                outlet_names.push(o);
            }
        }
        outlet_names.sort();
        let alternatives: Vec<String> =
            c.alternatives.iter().map(|(d, n)| resolve::describe_alternative(d, *n)).collect();
        let (start, end, precision) = match c.date {
            Some(d) => (Some(d.start.to_string()), Some(d.end.to_string()), Some(d.precision.as_str())),
            None => (None, None, None),
        };
        insert_event.execute(params![
            c.id,
            c.kind.as_str(),
            c.status.as_str(),
            start,
            end,
            precision,
            c.name,
            c.place,
            c.country,
            f64::from(c.confidence),
            first,
            c.sources,
            json(&outlet_names)?,
            json(&alternatives)?,
            edited,
            deleted
        ])?;
        let mut member_ids: BTreeSet<i64> = BTreeSet::new();
        for &m in &c.members {
            member_ids.insert(mentions[m].id);
        }
        for m in member_ids {
            insert_member.execute(params![m, c.id])?;
        }
        let mut names: Vec<String> = Vec::new();
        for (pos, (actor, role)) in c.actors.iter().enumerate() {
            insert_actor.execute(params![c.id, actor, role.as_str(), pos as i64])?;
            names.extend(labels.name(conn, *actor)?);
        }
        let body = fts_body(c.kind, &names, c.name.as_deref(), c.place.as_deref(), c.country.as_deref());
        insert_fts.execute(params![c.id, body])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A call on 2021-05-04 told by article `article` (content `hash`), between actor rows.
    fn told(id: i64, article: i64, hash: &str, rows: &[i64]) -> Told {
        let day = NaiveDate::from_ymd_opt(2021, 5, 4).expect("a day");
        let anchor = Anchor { hash: hash.into(), kind: EventKind::Call, start: 10, end: 14 };
        let telling = Telling {
            id,
            anchor,
            article,
            published: Some(day),
            kind: EventKind::Call,
            status: Status::Occurred,
            date: Some(DateRange::day(day)),
            actors: Vec::new(),
            place: None,
            country: None,
            name: None,
            confidence: 0.8,
        };
        let roles = rows
            .iter()
            .enumerate()
            .map(|(i, &r)| (r, if i == 0 { Role::Initiator } else { Role::Counterpart }))
            .collect();
        (telling, roles)
    }

    /// Two articles telling one call: one by "Antony J. Blinken" (row 1), the other by "Antony
    /// Blinken" (row 2), both with Wang Yi (row 3). No workspace: the rows are held here.
    fn facts() -> Facts {
        let people =
            [(1, "Antony J. Blinken", "blinken"), (2, "Antony Blinken", "blinken"), (3, "Wang Yi", "wang")];
        Facts {
            names: people.iter().map(|(id, name, _)| (*id, "person".to_string(), name.to_string())).collect(),
            persons: people
                .iter()
                .map(|(id, name, s)| (*id, name.to_string(), None, None, s.to_string()))
                .collect(),
            mentions: vec![told(10, 1, "h1", &[1, 3]), told(11, 2, "h2", &[2, 3])],
        }
    }

    fn actor(key: &str) -> ActorRef {
        ActorRef { kind: dateline_model::ActorKind::Person, keys: vec![key.into()] }
    }

    #[test]
    fn the_rebuild_is_a_function_of_the_facts_and_the_corrections() {
        // One person by two spellings, so one call told twice.
        let r = rebuilt(facts(), &[]);
        assert_eq!(r.actors.canonical(2), 1);
        assert_eq!(r.part.clusters.len(), 1);
        assert_eq!((r.part.clusters[0].id, r.part.clusters[0].sources), (10, 2));
        assert_eq!(r.part.clusters[0].actors, [(1, Role::Initiator), (3, Role::Counterpart)]);
        assert_eq!(r.part.flags, [(false, false)]);
        assert!(r.renames.is_empty());
        // Blocking keys by the rows the facts name (row 2 too), sorted.
        let rows: Vec<i64> = r.part.keys.iter().map(|k| k.0).collect();
        assert_eq!(rows, [1, 2, 3, 3]);
        assert_eq!(r.part.max_span, 1);

        // The analyst splits "Antony Blinken" off, deletes the second article's call, renames
        // Wang Yi: two calls (they share one actor of two), the second deleted.
        let anchor = facts().mentions[1].0.anchor.clone();
        let corrections = [
            (Correction::SplitActor { actor: actor("antony blinken") }, "split".to_string()),
            (Correction::DeleteEvent { anchors: vec![anchor] }, "delete".to_string()),
            (
                Correction::RenameActor { actor: actor("wang yi"), name: "Wang Yi (FM)".into() },
                "rename".to_string(),
            ),
        ];
        let r = rebuilt(facts(), &corrections);
        assert_eq!(r.actors.canonical(2), 2);
        let calls: Vec<(i64, Vec<(i64, Role)>)> =
            r.part.clusters.iter().map(|c| (c.id, c.actors.clone())).collect();
        assert_eq!(
            calls,
            [
                (10, vec![(1, Role::Initiator), (3, Role::Counterpart)]),
                (11, vec![(2, Role::Initiator), (3, Role::Counterpart)])
            ]
        );
        assert_eq!(r.part.flags, [(false, false), (true, true)]);
        assert_eq!(r.renames, [(3, "Wang Yi (FM)".to_string())]);
    }

    /// The rebuild in one piece ([`rebuilt`] over every fact), as every rebuild was made before
    /// the sweep, in `store`'s own transaction; then a dump of every table by content.
    fn whole(store: &mut crate::Store) -> String {
        let tx = store.write_tx().expect("tx");
        let corrections = load_active(&tx).expect("corrections");
        persist(&tx, &rebuilt(Facts::load(&tx).expect("facts"), &corrections)).expect("rebuild");
        tx.commit().expect("commit");
        crate::test_support::dump_by_content(&store.conn).expect("dump")
    }

    fn by_blocks(store: &mut crate::Store, chunk: usize) -> (String, BlockStats) {
        let tx = store.write_tx().expect("tx");
        let stats = rebuild_by_blocks(&tx, chunk).expect("rebuild");
        tx.commit().expect("commit");
        (crate::test_support::dump_by_content(&store.conn).expect("dump"), stats)
    }

    fn same(a: &str, b: &str, what: &str) {
        if a != b {
            let diff: Vec<(&str, &str)> = a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(5).collect();
            panic!("{what}: the rebuilds differ (whole, by blocks): {diff:#?}");
        }
    }

    /// A generated feed (two years: power-law actors, summits, surnames alone, multi-day visits,
    /// month- and year-precise reports) with corrections of every kind: the rebuild block by
    /// block writes every table as the rebuild of the whole does, whatever the size of its parts.
    #[test]
    fn blocks_rebuild_as_the_whole_does() {
        use crate::{EventEdit, Selection, Store};
        use dateline_synth::{Shape, Synth};
        let shape = Shape { years: 2, ..Shape::events(6_000) };
        let items: Vec<_> = Synth::new(shape).articles().collect();
        let mut store = Store::open_in_memory().expect("open");
        store.save_batch(&items).expect("save");
        store.refresh().expect("merge");
        let live = store.events(&Selection::default()).expect("read");
        let mut busy: Vec<_> = live.iter().filter(|e| e.sources > 1).collect();
        busy.sort_by_key(|e| (std::cmp::Reverse(e.sources), e.id));
        assert!(busy.len() > 10, "events told by several articles: {}", busy.len());
        let actors = store.actors().expect("actors");
        let (a, b, c) = (actors[0].id, actors[1].id, actors[5].id);
        let refs = |id| store.actor_ref(id).expect("ref").expect("actor");
        let (ra, rb, rc) = (refs(a), refs(b), refs(c));
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a day");
        let corrections = [
            Correction::DeleteEvent { anchors: store.anchors(busy[0].id).expect("anchors") },
            Correction::EditEvent {
                anchors: store.anchors(busy[1].id).expect("anchors"),
                patch: EventEdit {
                    place: Some("Reykjavik".into()),
                    date: Some(DateRange::day(day(2001, 3, 4))),
                    participants: Some(vec![rc.clone(), ra.clone()]),
                    ..Default::default()
                },
            },
            Correction::EditEvent {
                anchors: store.anchors(busy[2].id).expect("anchors"),
                patch: EventEdit {
                    status: Some(Status::Cancelled),
                    kind: Some(EventKind::Call),
                    ..Default::default()
                },
            },
            Correction::DeleteEvent { anchors: store.anchors(busy[3].id).expect("anchors") },
            Correction::RestoreEvent { anchors: store.anchors(busy[3].id).expect("anchors") },
            Correction::MergeActors { into: ra.clone(), from: vec![rb.clone()] },
            Correction::RenameActor { actor: ra.clone(), name: "The Envoy".into() },
            Correction::SplitActor { actor: rb },
            Correction::DeleteEvent { anchors: store.anchors(busy[4].id).expect("anchors") },
        ];
        for (i, c) in corrections.iter().enumerate() {
            store.correct(c, &format!("correction {i}")).expect("correct");
        }
        let reference = whole(&mut store);
        assert!(reference.contains("The Envoy") && reference.contains("Reykjavik"), "corrections applied");
        for chunk in [1, 97, CHUNK, usize::MAX] {
            let (got, stats) = by_blocks(&mut store, chunk);
            same(&reference, &got, &format!("parts of {chunk}"));
            assert!(!stats.whole);
            assert!(stats.blocks > 1_000 && stats.largest < 600, "{stats:?}");
            if chunk == 1 {
                assert_eq!(stats.parts, stats.blocks);
            }
        }
    }

    /// Dates the sweep cannot take in order (a year past 9999 sorts before 2000 as text) are
    /// merged in one piece, with the same result.
    #[test]
    fn dates_out_of_the_sweeps_order_rebuild_whole() {
        use crate::Store;
        use dateline_model::{Actor, ActorKind, Event, Origin, Participant, Span};
        let call = |date: NaiveDate, names: [&str; 2]| Event {
            kind: EventKind::Call,
            status: Status::Occurred,
            date: Some(DateRange::day(date)),
            participants: names
                .iter()
                .map(|n| Participant { actor: Actor::new(*n, ActorKind::Person), role: Role::Counterpart })
                .collect(),
            location: None,
            name: None,
            evidence: vec![Span::new(0, 4)],
            trigger: Span::new(0, 4),
            confidence: 0.5,
        };
        let page = |n: usize, e: Event| {
            let shape = dateline_synth::Shape { years: 1, ..dateline_synth::Shape::events(10) };
            let mut a = dateline_synth::Synth::new(shape).articles().next().expect("one").0;
            a.origin = Origin::file(format!("/far/{n}.txt"));
            a.content_hash = format!("far-{n}");
            (a, vec![e])
        };
        let far = NaiveDate::from_ymd_opt(12_000, 5, 1).expect("a day");
        let near = NaiveDate::from_ymd_opt(2001, 5, 1).expect("a day");
        let items: Vec<_> = [far, near, far, near]
            .into_iter()
            .enumerate()
            .map(|(n, d)| page(n, call(d, ["Quilla Marrowby", "Tesh Andolin"])))
            .collect();
        let mut store = Store::open_in_memory().expect("open");
        store.save_batch(&items).expect("save");
        let reference = whole(&mut store);
        let (got, stats) = by_blocks(&mut store, CHUNK);
        assert!(stats.whole, "{stats:?}");
        same(&reference, &got, "out of order");
        assert_eq!(store.counts().expect("counts").events, 2, "each call told twice");
    }
}
