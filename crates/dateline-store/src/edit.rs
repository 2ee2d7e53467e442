//! The analyst's edits: each correction, undo and redo is one write transaction (`BEGIN
//! IMMEDIATE`) that reads what it needs, records the correction (or flips its `undone` flag) and
//! rebuilds the merged events ([`crate::merged::rebuild_in`]). All of it or none of it: an error
//! anywhere rolls back the actors the edit named too.

use dateline_model::{ActorKind, EventKind};
use rusqlite::{OptionalExtension, params};

use crate::corrections::{ActorRef, Correction, alias_key, load_active};
use crate::resolve::Anchor;
use crate::{Result, Store, StoreError};

/// An edit in the making, inside its write transaction: the store's reads (through `Deref`)
/// see the workspace the edit starts from, with no other writer's commit between them and the
/// edit's own writes, and the actors the edit names are created in it.
#[derive(Debug)]
pub struct Editing<'e> {
    store: &'e Store,
    tx: &'e rusqlite::Transaction<'e>,
}

impl std::ops::Deref for Editing<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        self.store
    }
}

impl Editing<'_> {
    /// The actor an analyst names by `name`: an actor who goes by it, else a new person,
    /// written in the edit's transaction (and gone with it if the edit fails).
    pub fn actor_by_name(&self, name: &str) -> Result<ActorRef> {
        actor_by_name_in(self.tx, name)
    }
}

impl Store {
    /// Records a correction (dropping the redo tail) and rebuilds the merged events.
    pub fn correct(&mut self, correction: &Correction, description: &str) -> Result<()> {
        self.edit(|_| Ok((correction.clone(), description.to_string())))
    }

    /// One user edit, one transaction (`BEGIN IMMEDIATE`): `build` reads what it needs and
    /// makes the correction and its description (creating the actors it names), then the
    /// correction is recorded, the redo tail dropped and the merged events rebuilt. An error
    /// anywhere, `build`'s own included, rolls all of it back.
    pub fn edit<E: From<StoreError>>(
        &mut self,
        build: impl FnOnce(&Editing<'_>) -> Result<(Correction, String), E>,
    ) -> Result<(), E> {
        let tx = self.write_tx_shared()?;
        let (correction, description) = build(&Editing { store: self, tx: &tx })?;
        record_in(&tx, &correction, &description)?;
        tx.commit()?;
        Ok(())
    }

    /// Undoes the last applied correction; its description, or `None` when there is none.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.step("SELECT id, description FROM corrections WHERE undone = 0 ORDER BY id DESC LIMIT 1", 1)
    }

    /// Applies the first undone correction again; its description, or `None` when there is none.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.step("SELECT id, description FROM corrections WHERE undone = 1 ORDER BY id LIMIT 1", 0)
    }

    fn step(&mut self, pick: &str, undone: i64) -> Result<Option<String>> {
        let tx = self.write_tx()?;
        let Some((id, description)) =
            tx.query_row(pick, [], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).optional()?
        else {
            return Ok(None);
        };
        tx.execute("UPDATE corrections SET undone = ?2 WHERE id = ?1", params![id, undone])?;
        crate::merged::rebuild_in(&tx)?;
        tx.commit()?;
        Ok(Some(description))
    }

    /// The applied corrections, oldest first.
    pub fn corrections(&self) -> Result<Vec<(Correction, String)>> {
        load_active(&self.conn)
    }

    /// The anchors of a merged event's members, to name it in a correction.
    pub fn anchors(&self, merged_id: i64) -> Result<Vec<Anchor>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.content_hash, e.kind, e.trigger_start, e.trigger_end
             FROM merged_members mm JOIN events e ON e.id = mm.event_id JOIN articles a ON a.id = e.article_id
             WHERE mm.merged_id = ?1 ORDER BY e.id",
        )?;
        let rows = stmt.query_map([merged_id], |r| {
            let kind: String = r.get(1)?;
            Ok((r.get::<_, String>(0)?, kind, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (hash, kind, start, end) = row?;
            let kind = EventKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("kind {kind}")))?;
            out.push(Anchor { hash, kind, start: start as u32, end: end as u32 });
        }
        Ok(out)
    }

    /// How corrections name an actor: its kind and the folded names it goes by.
    pub fn actor_ref(&self, id: i64) -> Result<Option<ActorRef>> {
        actor_ref_in(&self.conn, id)
    }

    /// The actor row that goes by `name` among the rows merged into `id` (itself included).
    pub fn actor_row_named(&self, id: i64, name: &str) -> Result<Option<i64>> {
        let key = alias_key(name);
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.name FROM actors a WHERE a.id = ?1 OR a.merged_into = ?1
             UNION ALL SELECT a.id, al.alias FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
             WHERE a.id = ?1 OR a.merged_into = ?1",
        )?;
        let rows: Vec<(i64, String)> =
            stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        Ok(rows.into_iter().find(|(_, n)| alias_key(n) == key).map(|(i, _)| i))
    }
}

/// Records `correction` as the newest (the undone ones after it are dropped) and rebuilds the
/// merged events, in the edit's transaction.
fn record_in(tx: &rusqlite::Transaction<'_>, correction: &Correction, description: &str) -> Result<()> {
    let json = serde_json::to_string(correction).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute("DELETE FROM corrections WHERE undone = 1", [])?;
    tx.execute("INSERT INTO corrections (op, description) VALUES (?1, ?2)", params![json, description])?;
    crate::merged::rebuild_in(tx)
}

/// How corrections name actor `id`, read through `conn` (a transaction's, inside an edit).
fn actor_ref_in(conn: &rusqlite::Connection, id: i64) -> Result<Option<ActorRef>> {
    let kind: Option<String> =
        conn.query_row("SELECT kind FROM actors WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    let Some(kind) = kind else { return Ok(None) };
    let kind = ActorKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("actor kind {kind}")))?;
    let mut stmt = conn.prepare(
        "SELECT name FROM actors WHERE id = ?1 UNION ALL SELECT alias FROM actor_aliases WHERE actor_id = ?1",
    )?;
    let mut keys: Vec<String> = Vec::new();
    for name in stmt.query_map([id], |r| r.get::<_, String>(0))? {
        let key = alias_key(&name?);
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
        }
    }
    Ok(Some(ActorRef { kind, keys }))
}

/// [`Editing::actor_by_name`], in the edit's transaction `tx`.
fn actor_by_name_in(tx: &rusqlite::Transaction<'_>, name: &str) -> Result<ActorRef> {
    let key = alias_key(name);
    let found: Option<i64> = tx
        .query_row(
            "SELECT id FROM actors WHERE id IN (SELECT actor_id FROM actor_aliases WHERE alias = ?1)
                OR name = ?1 ORDER BY merged_into IS NOT NULL, id LIMIT 1",
            [name.trim()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return actor_ref_in(tx, id)?.ok_or_else(|| StoreError::Corrupt(format!("actor {id}")));
    }
    let actor = dateline_model::Actor::new(name.trim(), ActorKind::Person);
    let id = crate::write::upsert_person(tx, &actor)?;
    tx.execute(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)",
        params![id, name.trim()],
    )?;
    let mut r = actor_ref_in(tx, id)?.ok_or_else(|| StoreError::Corrupt(format!("actor {id}")))?;
    if !r.keys.contains(&key) {
        r.keys.insert(0, key);
    }
    Ok(r)
}
