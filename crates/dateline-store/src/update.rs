//! Merging only what an import touched, with the result of a full rebuild.
//!
//! Clustering ([`resolve::cluster`]) decides each mention by the clusters of the earlier
//! mentions it is compatible with, and a cluster holds only mentions compatible with each other;
//! so the clusters of one connected part of the "compatible" graph depend on that part alone.
//! After an import that only added articles, the parts that can have changed are those holding
//! a new mention, a mention one of whose actors changed identity (a new full name can join a bare
//! surname to a person, or make it ambiguous), or a mention a correction names (its participants
//! may now resolve to a new actor). They are found by a search from those mentions over
//! `merge_keys` (participant row, kind, length class of the date, first day: the mentions
//! sharing an actor whose dates overlap are a few index ranges), following pairs compatible under
//! the identities before or after, and only they are clustered again. Every other merged event
//! stays as it was: its part holds the same mentions with the same identities as before.
//!
//! Costs what the new mentions reach, not the workspace: one article into a million events
//! takes milliseconds of clustering (docs/PERFORMANCE.md). `tests::updates_equal_the_rebuild`
//! imports in batches both ways and compares every table.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use dateline_model::{EventKind, Role};
use rusqlite::{Connection, OptionalExtension, params};

use crate::Result;
use crate::corrections::{Correction, load_active};
use crate::merged::{
    LAST_CLASS, Labels, MENTION_FIELDS, apply_event_corrections, canonical_participants, day_number,
    distinct_rows, finish, fts_body, keys_of, meta_i64, parse_role, resolve_actors, target_in, telling_of,
    write_clusters, write_keys,
};
use crate::resolve::{self, Anchor, Rules, Telling};

/// A mention the search has read: the mention (canonical actors), its participant rows, and its
/// rules under the identities after and, when they differ, before.
struct Known {
    telling: Telling,
    raw: Vec<i64>,
    rules: Rules,
    before: Option<Rules>,
}

impl Known {
    fn compatible(&self, o: &Known) -> bool {
        self.rules.compatible(&o.rules)
            || (self.before.is_some() || o.before.is_some())
                && self
                    .before
                    .as_ref()
                    .unwrap_or(&self.rules)
                    .compatible(o.before.as_ref().unwrap_or(&o.rules))
    }
}

/// Which actor rows are one identity, before this update and after it.
struct Identities {
    before: HashMap<i64, i64>,
    after: HashMap<i64, i64>,
    rows_before: HashMap<i64, Vec<i64>>,
    rows_after: HashMap<i64, Vec<i64>>,
}

impl Identities {
    fn before(&self, row: i64) -> i64 {
        self.before.get(&row).copied().unwrap_or(row)
    }

    fn after(&self, row: i64) -> i64 {
        self.after.get(&row).copied().unwrap_or(row)
    }

    /// Every row that is one identity with `row`, before or after.
    fn rows_with(&self, row: i64, out: &mut BTreeSet<i64>) {
        out.insert(row);
        out.extend(self.rows_before.get(&self.before(row)).into_iter().flatten());
        out.extend(self.rows_after.get(&self.after(row)).into_iter().flatten());
    }
}

/// Merges the mentions added since the last rebuild (those above `merged_upto`) and whatever
/// they touch; see the module documentation.
pub(crate) fn update_in(conn: &Connection) -> Result<()> {
    let upto = meta_i64(conn, "merged_upto")?;
    // Reading mentions one by one costs a few times what the rebuild pays per mention: when the
    // new ones are a large share (the first import, a big one), rebuilding is cheaper, and the
    // result is the same.
    let last: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0))?;
    if (last - upto) * 3 > last {
        return crate::merged::rebuild_in(conn);
    }
    let corrections = load_active(conn)?;
    let before: HashMap<i64, i64> = conn
        .prepare("SELECT id, merged_into FROM actors WHERE merged_into IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let shown_before = display_names(conn)?;
    let actors = resolve_actors(conn, &corrections)?;
    let rows: Vec<i64> =
        conn.prepare("SELECT id FROM actors")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut ids =
        Identities { before, after: HashMap::new(), rows_before: HashMap::new(), rows_after: HashMap::new() };
    let mut changed: Vec<i64> = Vec::new();
    for &row in &rows {
        let after = actors.canonical(row);
        if after != row {
            ids.after.insert(row, after);
        }
        let before = ids.before(row);
        if before != after {
            changed.push(row);
        }
        ids.rows_before.entry(before).or_default().push(row);
        ids.rows_after.entry(after).or_default().push(row);
    }

    // Where the search starts: the new mentions (their keys written first, so that new ones find
    // each other), those with an actor whose identity changed, those the corrections name.
    let mut known: HashMap<i64, Known> = HashMap::new();
    let mut inside: HashSet<i64> = HashSet::new();
    let mut queue: Vec<i64> = Vec::new();
    let fresh: Vec<i64> = conn
        .prepare("SELECT id FROM events WHERE id > ?1 ORDER BY id")?
        .query_map([upto], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut seeds = fresh.clone();
    for &row in &changed {
        let mut stmt = conn.prepare_cached("SELECT event_id FROM event_actors WHERE actor_id = ?1")?;
        for e in stmt.query_map([row], |r| r.get::<_, i64>(0))? {
            seeds.push(e?);
        }
    }
    let mut targets: HashMap<&[Anchor], Option<i64>> = HashMap::new();
    for (c, _) in &corrections {
        if let Correction::EditEvent { anchors, .. }
        | Correction::DeleteEvent { anchors }
        | Correction::RestoreEvent { anchors } = c
            && !targets.contains_key(anchors.as_slice())
        {
            let found = target_in(conn, anchors)?;
            seeds.extend(found);
            targets.insert(anchors.as_slice(), found);
        }
    }
    for id in seeds {
        if !inside.contains(&id) && load(conn, id, &ids, &mut known)? {
            inside.insert(id);
            queue.push(id);
        }
    }
    let keys: Vec<_> =
        fresh.iter().filter_map(|id| known.get(id)).flat_map(|k| keys_of(&k.telling, &k.raw)).collect();
    write_keys(conn, &keys)?;

    // The search: the parts of the "compatible" graph (before or after) the seeds are in, and
    // the old clusters of their mentions.
    let mut candidates: Vec<i64> = Vec::new();
    while let Some(id) = queue.pop() {
        candidates.clear();
        if id <= upto {
            let mut stmt = conn.prepare_cached(
                "SELECT event_id FROM merged_members
                 WHERE merged_id = (SELECT merged_id FROM merged_members WHERE event_id = ?1)",
            )?;
            for e in stmt.query_map([id], |r| r.get::<_, i64>(0))? {
                let e = e?;
                if !inside.contains(&e) && load(conn, e, &ids, &mut known)? {
                    inside.insert(e);
                    queue.push(e);
                }
            }
        }
        overlapping(conn, &known[&id], &ids, &mut candidates)?;
        for &c in &candidates {
            if c == id || inside.contains(&c) || !load(conn, c, &ids, &mut known)? {
                continue;
            }
            if known[&id].compatible(&known[&c]) {
                inside.insert(c);
                queue.push(c);
            }
        }
    }

    // Cluster what was reached; apply the corrections that name it.
    let mut reached: Vec<i64> = inside.into_iter().collect();
    reached.sort_unstable();
    let mentions: Vec<Telling> =
        reached.iter().filter_map(|id| known.remove(id)).map(|k| k.telling).collect();
    let mut clusters = resolve::cluster(&mentions);
    clusters.sort_by_key(|c| c.id);
    let mut cluster_of: HashMap<i64, usize> = HashMap::new();
    for (ci, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            cluster_of.insert(mentions[m].id, ci);
        }
    }
    let flags = apply_event_corrections(&mut clusters, &corrections, &actors, |anchors| {
        targets.get(anchors).copied().flatten().and_then(|id| cluster_of.get(&id).copied())
    });

    // Replace their old merged events.
    let mut old: BTreeSet<i64> = BTreeSet::new();
    for &id in reached.iter().filter(|&&id| id <= upto) {
        let mut stmt = conn.prepare_cached("SELECT merged_id FROM merged_members WHERE event_id = ?1")?;
        old.extend(stmt.query_row([id], |r| r.get::<_, i64>(0)).optional()?);
    }
    let mut removed_span = 0i64;
    for &mid in &old {
        let span: Option<(Option<String>, Option<String>)> = conn
            .prepare_cached("SELECT start, end FROM merged_events WHERE id = ?1")?
            .query_row([mid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((Some(s), Some(e))) = span
            && let (Ok(s), Ok(e)) = (s.parse::<NaiveDate>(), e.parse::<NaiveDate>())
        {
            removed_span = removed_span.max((e - s).num_days() + 1);
        }
        for sql in [
            "DELETE FROM merged_events WHERE id = ?1",
            "DELETE FROM merged_members WHERE merged_id = ?1",
            "DELETE FROM merged_actors WHERE merged_id = ?1",
            "DELETE FROM events_fts WHERE rowid = ?1",
        ] {
            conn.prepare_cached(sql)?.execute([mid])?;
        }
    }
    let mut labels = Labels::lazy();
    write_clusters(conn, &mentions, &clusters, &flags, &mut labels)?;

    // Entries elsewhere that show a name this update changed.
    let written: HashSet<i64> = clusters.iter().map(|c| c.id).collect();
    let mut renamed: BTreeSet<i64> = conn
        .prepare("SELECT actor_id FROM merged_renamed")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let shown_after = display_names(conn)?;
    for id in shown_before.keys().chain(shown_after.keys()) {
        if shown_before.get(id) != shown_after.get(id) {
            renamed.insert(*id);
        }
    }
    for head in renamed.into_iter().filter(|&a| actors.canonical(a) == a) {
        let shown: Vec<i64> = conn
            .prepare_cached("SELECT merged_id FROM merged_actors WHERE actor_id = ?1")?
            .query_map([head], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for mid in shown.into_iter().filter(|m| !written.contains(m)) {
            reindex(conn, mid, &mut labels)?;
        }
    }

    let old_max = meta_i64(conn, "max_span_days")?;
    let new_max = clusters.iter().filter_map(|c| c.date).map(|d| d.days()).max().unwrap_or(0);
    let max_span = if removed_span >= old_max && new_max < old_max {
        conn.query_row(
            "SELECT coalesce(CAST(max(julianday(end) - julianday(start)) AS INTEGER), -1) + 1
             FROM merged_events WHERE start IS NOT NULL",
            [],
            |r| r.get(0),
        )?
    } else {
        old_max.max(new_max)
    };
    finish(conn, max_span)
}

/// The analyst's display names, by actor.
fn display_names(conn: &Connection) -> Result<HashMap<i64, String>> {
    Ok(conn
        .prepare("SELECT id, display_name FROM actors WHERE display_name IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?)
}

/// Reads mention `id` into `known` unless it is there; whether it exists.
fn load(conn: &Connection, id: i64, ids: &Identities, known: &mut HashMap<i64, Known>) -> Result<bool> {
    if known.contains_key(&id) {
        return Ok(true);
    }
    let mut rows: Vec<(i64, Role)> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT actor_id, role FROM event_actors WHERE event_id = ?1 ORDER BY position",
        )?;
        let mut q = stmt.query([id])?;
        while let Some(r) = q.next()? {
            let role: String = r.get(1)?;
            rows.push((r.get(0)?, parse_role(&role)?));
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MENTION_FIELDS} FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?1"
    ))?;
    let mut q = stmt.query([id])?;
    let Some(r) = q.next()? else { return Ok(false) };
    let telling = telling_of(r, canonical_participants(&rows, |a| ids.after(a)))?;
    let before = rows.iter().any(|&(a, _)| ids.before(a) != ids.after(a)).then(|| {
        Rules::of(&Telling { actors: canonical_participants(&rows, |a| ids.before(a)), ..telling.clone() })
    });
    let rules = Rules::of(&telling);
    known.insert(id, Known { raw: distinct_rows(&rows), telling, rules, before });
    Ok(true)
}

/// The mentions sharing `m`'s kind and an identity (before or after) with one of its actors,
/// whose dates overlap `m`'s (a superset of those it may be compatible with).
fn overlapping(conn: &Connection, m: &Known, ids: &Identities, out: &mut Vec<i64>) -> Result<()> {
    let Some((start, end)) = m.rules.date else { return Ok(()) };
    let (start, end) = (day_number(start), day_number(end));
    let mut rows = BTreeSet::new();
    for &r in &m.raw {
        ids.rows_with(r, &mut rows);
    }
    let kind: EventKind = m.telling.kind;
    let mut stmt = conn.prepare_cached(
        "SELECT event_id FROM merge_keys
         WHERE actor_id = ?1 AND kind = ?2 AND class = ?3 AND start BETWEEN ?4 AND ?5 AND end >= ?6",
    )?;
    for row in rows {
        for class in 0..=LAST_CLASS {
            // A date of this class lasts at most 2^class days: it starts no earlier than that
            // before `start` if it overlaps.
            let from = if class == LAST_CLASS { i64::MIN } else { start - (1i64 << class) + 1 };
            let mut q = stmt.query(params![row, kind.as_str(), class, from, end, start])?;
            while let Some(r) = q.next()? {
                out.push(r.get(0)?);
            }
        }
    }
    Ok(())
}

/// Writes merged event `mid`'s full-text entry again, from its row and its actors' names.
fn reindex(conn: &Connection, mid: i64, labels: &mut Labels) -> Result<()> {
    type Row = (String, Option<String>, Option<String>, Option<String>);
    let row: Option<Row> = conn
        .prepare_cached("SELECT kind, name, place, country FROM merged_events WHERE id = ?1")?
        .query_row([mid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((kind, name, place, country)) = row else { return Ok(()) };
    let Some(kind) = EventKind::parse(&kind) else { return Ok(()) };
    let actors: Vec<i64> = conn
        .prepare_cached("SELECT actor_id FROM merged_actors WHERE merged_id = ?1 ORDER BY position")?
        .query_map([mid], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut names = Vec::new();
    for a in actors {
        names.extend(labels.name(conn, a)?);
    }
    let body = fts_body(kind, &names, name.as_deref(), place.as_deref(), country.as_deref());
    conn.prepare_cached("DELETE FROM events_fts WHERE rowid = ?1")?.execute([mid])?;
    conn.prepare_cached("INSERT INTO events_fts (rowid, body) VALUES (?1, ?2)")?
        .execute(params![mid, body])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use dateline_model::{Article, Event};
    use dateline_synth::{Shape, Synth};

    use crate::{Correction, EventEdit, Selection, Store, test_support};

    fn state(store: &Store) -> String {
        crate::merged::dirty_state(&store.conn).expect("flag")
    }

    /// The same steps on two workspaces: `updated` merges after every batch (only what the
    /// batch touched), `rebuilt` only saves and rebuilds in full at the end. Corrections are
    /// made at the same points on both (they rebuild in full on both).
    struct Twins {
        updated: Store,
        rebuilt: Store,
    }

    impl Twins {
        fn save(&mut self, batch: &[(Article, Vec<Event>)], incremental: bool) {
            self.updated.save_batch(batch).expect("save");
            self.rebuilt.save_batch(batch).expect("save");
            assert_eq!(state(&self.updated), if incremental { "new" } else { "1" });
            assert!(self.updated.refresh().expect("update"));
            assert_eq!(state(&self.updated), "0");
        }

        fn correct(&mut self, c: &Correction, what: &str) {
            self.updated.correct(c, what).expect("correct");
            self.rebuilt.correct(c, what).expect("correct");
        }

        fn assert_same(&mut self, when: &str) {
            self.rebuilt.rebuild().expect("rebuild");
            let (a, b) = (dump(&self.updated), dump(&self.rebuilt));
            if a != b {
                let diff: Vec<(&str, &str)> =
                    a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(5).collect();
                panic!("{when}: the update and the rebuild differ (updated, rebuilt): {diff:#?}");
            }
        }
    }

    fn dump(store: &Store) -> String {
        test_support::dump_by_content(&store.conn).expect("dump")
    }

    /// A generated feed (one busy year: power-law actors, summits, surnames alone, month-precise
    /// reports) saved in batches of growing size, with corrections between them: after every
    /// batch the updated workspace equals, table by table, one rebuilt from scratch.
    #[test]
    fn updates_equal_the_rebuild() {
        let shape = Shape { years: 1, ..Shape::events(4_000) };
        let items: Vec<(Article, Vec<Event>)> = Synth::new(shape).articles().collect();
        assert!(items.len() > 580, "{} articles", items.len());
        let mut twins = Twins {
            updated: Store::open_in_memory().expect("open"),
            rebuilt: Store::open_in_memory().expect("open"),
        };
        let mut at = 0;
        // The first batch is rebuilt in full; the others, each under a third of what is there,
        // are updates.
        for (round, size) in [300usize, 1, 1, 3, 10, 40, 100, 5, 1, 60, 30, 2].into_iter().enumerate() {
            let batch = &items[at..(at + size).min(items.len())];
            at += size;
            twins.save(batch, true);
            twins.assert_same(&format!("round {round} ({size} articles)"));
            let live = twins.updated.events(&Selection::default()).expect("read");
            let busiest = live.iter().max_by_key(|e| (e.sources, e.id)).expect("events");
            match round {
                4 => {
                    let anchors = twins.updated.anchors(busiest.id).expect("anchors");
                    twins.correct(&Correction::DeleteEvent { anchors }, "delete the busiest");
                }
                5 => {
                    let actors = twins.updated.actors().expect("actors");
                    let (a, b) = (actors[0].id, actors[1].id);
                    let into = twins.updated.actor_ref(a).expect("ref").expect("actor");
                    let from = twins.updated.actor_ref(b).expect("ref").expect("actor");
                    twins.correct(&Correction::MergeActors { into: into.clone(), from: vec![from] }, "merge");
                    twins.correct(
                        &Correction::RenameActor { actor: into, name: "The Envoy".into() },
                        "rename",
                    );
                }
                7 => {
                    let anchors = twins.updated.anchors(busiest.id).expect("anchors");
                    let patch = EventEdit { place: Some("Reykjavik".into()), ..Default::default() };
                    twins.correct(&Correction::EditEvent { anchors, patch }, "edit the busiest");
                }
                _ => {}
            }
        }
        // A changed article (its events replaced) is rebuilt in full; updates resume after it.
        let mut changed = items[3].clone();
        changed.0.content_hash.push_str("-changed");
        changed.1.truncate(2);
        twins.save(&[changed], false);
        twins.assert_same("after a changed article");
        twins.save(&items[at..at + 20], true);
        twins.assert_same("after updates resumed");
        let merged = twins.updated.events(&Selection::default()).expect("read");
        assert!(merged.iter().any(|e| e.sources > 2), "events told by several articles merged");
    }

    /// A later article gives a fuller name of a person already there (same identity key): the
    /// event index of merged events the update does not otherwise touch shows the new name, as
    /// after a rebuild.
    #[test]
    fn a_fuller_name_reaches_the_index_of_untouched_events() {
        use chrono::NaiveDate;
        use dateline_model::{
            Actor, ActorKind, DateRange, EventKind, Origin, Participant, Role, Span, Status,
        };
        let call = |day: u32, names: [&str; 2]| Event {
            kind: EventKind::Call,
            status: Status::Occurred,
            date: NaiveDate::from_ymd_opt(2000, 6, day).map(DateRange::day),
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
            let mut a = Synth::new(Shape { years: 1, ..Shape::events(10) }).articles().next().expect("one").0;
            a.origin = Origin::file(format!("/fuller/{n}.txt"));
            a.content_hash = format!("fuller-{n}");
            (a, vec![e])
        };
        let items: Vec<(Article, Vec<Event>)> =
            Synth::new(Shape { years: 1, ..Shape::events(1_500) }).articles().collect();
        let mut twins = Twins {
            updated: Store::open_in_memory().expect("open"),
            rebuilt: Store::open_in_memory().expect("open"),
        };
        twins.save(&items, true);
        twins.save(&[page(1, call(3, ["Quilla Marrowby", "Tesh Andolin"]))], true);
        twins.assert_same("the short name");
        twins.save(&[page(2, call(20, ["Quilla P. Marrowby", "Oren Vask"]))], true);
        twins.assert_same("the fuller name");
        let hits = twins.updated.search("Quilla P. Marrowby");
        assert_eq!(hits.map(|h| h.len()).ok(), Some(2), "both calls show the fuller name");
    }
}
