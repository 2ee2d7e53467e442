//! Rebuilding the derived tables: actor merges and renames from the corrections, then the merged
//! events ([`crate::resolve::cluster`]) with the event corrections applied over them, then their
//! full-text index. Runs after every import and every correction, in the same transaction.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use dateline_extract::actors::names;
use dateline_model::{DateRange, EventKind, Precision, Role, Status};
use rusqlite::{Connection, params};

use crate::corrections::{ActorRef, Correction, load_active};
use crate::resolve::{self, Anchor, Cluster, Telling};
use crate::{Result, Store, StoreError};

/// The folded form of a name, as actor references keep it.
pub(crate) fn alias_key(name: &str) -> String {
    dateline_extract::actors::fold(name)
}

impl Store {
    /// Rebuilds the merged events when imports left them stale. Returns whether it did.
    pub fn refresh(&mut self) -> Result<bool> {
        let dirty = |c: &Connection| -> Result<bool> {
            let v: String =
                c.query_row("SELECT value FROM meta WHERE key = 'merged_dirty'", [], |r| r.get(0))?;
            Ok(v != "0")
        };
        if !dirty(&self.conn)? {
            return Ok(false);
        }
        // Asked again under the write lock: another writer (an import finishing beside this
        // open) may have rebuilt them while this one waited, and the rebuild is the longest write.
        let tx = self.write_tx()?;
        if !dirty(&tx)? {
            return Ok(false);
        }
        rebuild_in(&tx)?;
        tx.commit()?;
        Ok(true)
    }

    /// Rebuilds the merged events from the facts and the corrections.
    pub fn rebuild(&mut self) -> Result<()> {
        let tx = self.write_tx()?;
        rebuild_in(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

struct Actors {
    by_key: HashMap<(String, String), i64>,
    redirect: HashMap<i64, i64>,
}

impl Actors {
    fn load(conn: &Connection) -> Result<Self> {
        let mut by_key = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, kind, name FROM actors UNION ALL
             SELECT a.id, a.kind, al.alias FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
             ORDER BY 1",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (id, kind, name): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            by_key.entry((kind, alias_key(&name))).or_insert(id);
        }
        Ok(Actors { by_key, redirect: HashMap::new() })
    }

    fn find(&self, r: &ActorRef) -> Option<i64> {
        r.keys.iter().find_map(|k| self.by_key.get(&(r.kind.as_str().to_string(), k.clone())).copied())
    }

    /// The actor `id` stands for after merges.
    fn canonical(&self, mut id: i64) -> i64 {
        for _ in 0..64 {
            match self.redirect.get(&id) {
                Some(&next) if next != id => id = next,
                _ => break,
            }
        }
        id
    }
}

pub(crate) fn rebuild_in(conn: &Connection) -> Result<()> {
    let corrections = load_active(conn)?;
    let mut actors = Actors::load(conn)?;

    // 1. Actors: one per identity, then the analyst's merges and renames.
    conn.execute("UPDATE actors SET merged_into = NULL, display_name = NULL", [])?;
    actors.redirect = identities(conn)?;
    for (c, _) in &corrections {
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
                    conn.execute("UPDATE actors SET display_name = ?2 WHERE id = ?1", params![id, name])?;
                }
            }
            _ => {}
        }
    }
    let redirects: Vec<(i64, i64)> = actors.redirect.keys().map(|&f| (f, actors.canonical(f))).collect();
    for (from, into) in redirects {
        conn.execute("UPDATE actors SET merged_into = ?2 WHERE id = ?1", params![from, into])?;
    }

    // 2. Mentions, with canonical actors, and the clusters they form.
    let mentions = load_mentions(conn, &actors)?;
    let mut clusters = resolve::cluster(&mentions);
    clusters.sort_by_key(|c| c.id);

    // 3. Event corrections, over the clusters.
    let mut by_hash: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        by_hash.entry(m.anchor.hash.as_str()).or_default().push(i);
    }
    let mut cluster_of = vec![0usize; mentions.len()];
    for (ci, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            cluster_of[m] = ci;
        }
    }
    let find = |anchors: &[Anchor]| -> Option<usize> {
        // An exact anchor first; else a mention whose trigger overlaps (re-extraction moved it).
        let exact = anchors.iter().find_map(|a| {
            by_hash.get(a.hash.as_str())?.iter().find(|&&i| *a == mentions[i].anchor).map(|&i| cluster_of[i])
        });
        exact.or_else(|| {
            anchors.iter().find_map(|a| {
                by_hash
                    .get(a.hash.as_str())?
                    .iter()
                    .find(|&&i| a.matches(&mentions[i].anchor))
                    .map(|&i| cluster_of[i])
            })
        })
    };
    let mut flags = vec![(false, false); clusters.len()]; // (edited, deleted)
    for (c, _) in &corrections {
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

    // 4. Write.
    write_clusters(conn, &mentions, &clusters, &flags)?;
    let max_span = clusters.iter().filter_map(|c| c.date).map(|d| d.days()).max().unwrap_or(0);
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('max_span_days', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [max_span.to_string()],
    )?;
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'merged_dirty'", [])?;
    Ok(())
}

/// Which person rows are one person, by the extractor's rule: within a surname, rows are visited
/// fullest name first and each joins the one earlier row it is the same person as; a row that fits
/// several ("Wang" with China, among Wang Yi and Wang Wenbin) stays apart. Depends only on the rows.
fn identities(conn: &Connection) -> Result<HashMap<i64, i64>> {
    type Row = (i64, String, Option<String>, Option<String>, String);
    let mut stmt = conn.prepare(
        "SELECT id, name, country, role, surname FROM actors WHERE kind = 'person' AND surname IS NOT NULL",
    )?;
    let rows: Vec<Row> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<Result<_, _>>()?;
    let mut by_surname: HashMap<&str, Vec<(i64, names::ActorKey)>> = HashMap::new();
    for (id, name, country, role, surname) in &rows {
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
    Ok(redirect)
}

fn load_mentions(conn: &Connection, actors: &Actors) -> Result<Vec<Telling>> {
    let mut participants: HashMap<i64, Vec<(i64, Role)>> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT event_id, actor_id, role FROM event_actors ORDER BY event_id, position")?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let (event, actor, role): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let role = Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role}")))?;
        let actor = actors.canonical(actor);
        let list = participants.entry(event).or_default();
        if !list.iter().any(|p| p.0 == actor) {
            list.push((actor, role));
        }
    }
    let mut stmt = conn.prepare(
        "SELECT e.id, a.content_hash, e.kind, e.trigger_start, e.trigger_end, e.article_id, a.published,
                e.status, e.start, e.end, e.precision, e.place, e.country, e.name, e.confidence
         FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.id",
    )?;
    let mut q = stmt.query([])?;
    let mut out = Vec::new();
    let corrupt = |what: &str, v: &str| StoreError::Corrupt(format!("{what} {v}"));
    while let Some(r) = q.next()? {
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
                DateRange::new(
                    s,
                    e,
                    precision.as_deref().and_then(Precision::parse).unwrap_or(Precision::Day),
                )
            }
            _ => None,
        };
        let confidence: f64 = r.get(14)?;
        out.push(Telling {
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
            actors: participants.remove(&id).unwrap_or_default(),
            place: r.get(11)?,
            country: r.get(12)?,
            name: r.get(13)?,
            confidence: confidence as f32,
        });
    }
    Ok(out)
}

fn write_clusters(
    conn: &Connection,
    mentions: &[Telling],
    clusters: &[Cluster],
    flags: &[(bool, bool)],
) -> Result<()> {
    for table in ["merged_events", "merged_members", "merged_actors", "events_fts"] {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut outlets: HashMap<i64, String> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT id, coalesce(outlet, doc) FROM articles")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            outlets.insert(r.get(0)?, r.get(1)?);
        }
    }
    let mut names: HashMap<i64, String> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT id, coalesce(display_name, name) FROM actors")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            names.insert(r.get(0)?, r.get(1)?);
        }
    }
    let mut insert_event = conn.prepare(
        "INSERT INTO merged_events (id, kind, status, start, end, precision, name, place, country, confidence,
                                    article_id, sources, outlets, alternatives, edited, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut insert_member =
        conn.prepare("INSERT INTO merged_members (event_id, merged_id) VALUES (?1, ?2)")?;
    let mut insert_actor = conn.prepare(
        "INSERT OR IGNORE INTO merged_actors (merged_id, actor_id, role, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut insert_fts = conn.prepare("INSERT INTO events_fts (rowid, body) VALUES (?1, ?2)")?;
    let json = |v: &Vec<String>| serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()));
    for (c, &(edited, deleted)) in clusters.iter().zip(flags) {
        let first = c.members.iter().map(|&m| &mentions[m]).find(|m| m.id == c.id).map_or(0, |m| m.article);
        let mut outlet_names: Vec<String> = Vec::new();
        for &m in &c.members {
            if let Some(o) = outlets.get(&mentions[m].article)
                && !outlet_names.contains(o)
            {
                outlet_names.push(o.clone());
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
        let mut body: Vec<&str> = vec![c.kind.as_str()];
        for (pos, (actor, role)) in c.actors.iter().enumerate() {
            insert_actor.execute(params![c.id, actor, role.as_str(), pos as i64])?;
            if let Some(n) = names.get(actor) {
                body.push(n);
            }
        }
        body.extend(c.name.as_deref());
        body.extend(c.place.as_deref());
        body.extend(c.country.as_deref());
        insert_fts.execute(params![c.id, body.join(" ")])?;
    }
    Ok(())
}
