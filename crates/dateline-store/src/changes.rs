//! What each update changed in the merged events: new events, and events whose status or date
//! a new article changed. The analyst's "new since I last looked" is every change after the
//! update they last marked as seen.

use rusqlite::params;

use crate::{Result, Store};

/// What a merged event is, for telling what an update changed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventState {
    pub id: i64,
    /// Its kind and its participants' actor ids: what it is, when a re-read article gave it
    /// another id.
    pub identity: String,
    pub status: String,
    /// `start..end`, or empty when undated.
    pub dates: String,
}

/// One change an update made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRow {
    pub update_id: i64,
    pub event_id: i64,
    /// `new`, `status` or `date`.
    pub change: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Store {
    /// Every live merged event's id, status and dates, by id.
    pub fn event_states(&self) -> Result<Vec<EventState>> {
        let mut st = self.conn.prepare(
            "SELECT m.id, m.kind || ':' || coalesce((SELECT group_concat(actor_id, ',') FROM
                 (SELECT actor_id FROM merged_actors a WHERE a.merged_id = m.id ORDER BY actor_id)), ''),
                 m.status, coalesce(m.start || '..' || m.end, '')
             FROM merged_events m WHERE m.deleted = 0 ORDER BY m.id",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok(EventState { id: r.get(0)?, identity: r.get(1)?, status: r.get(2)?, dates: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Records an update and its changes (`update_id` of each is ignored); the update's id.
    pub fn record_update(
        &mut self,
        source: &str,
        at: &str,
        articles: u32,
        changes: &[ChangeRow],
    ) -> Result<i64> {
        let tx = self.write_tx()?;
        let id: i64 = tx.query_row(
            "INSERT INTO updates (at, source, articles) VALUES (?1, ?2, ?3) RETURNING id",
            params![at, source, articles],
            |r| r.get(0),
        )?;
        for c in changes {
            tx.execute(
                "INSERT OR REPLACE INTO event_changes (update_id, event_id, change, before, after) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, c.event_id, c.change, c.before, c.after],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// The changes of the updates after `since` (an update id), to events still live, by update
    /// then event.
    pub fn changes_after(&self, since: i64) -> Result<Vec<ChangeRow>> {
        let mut st = self.conn.prepare(
            "SELECT c.update_id, c.event_id, c.change, c.before, c.after FROM event_changes c
             JOIN merged_events m ON m.id = c.event_id AND m.deleted = 0
             WHERE c.update_id > ?1 ORDER BY c.update_id, c.event_id, c.change",
        )?;
        let rows = st
            .query_map([since], |r| {
                Ok(ChangeRow {
                    update_id: r.get(0)?,
                    event_id: r.get(1)?,
                    change: r.get(2)?,
                    before: r.get(3)?,
                    after: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The last update the analyst has seen (0: none).
    pub fn seen_update(&self) -> Result<i64> {
        let v: Option<String> = rusqlite::OptionalExtension::optional(self.conn.query_row(
            "SELECT value FROM meta WHERE key = 'seen_update'",
            [],
            |r| r.get(0),
        ))?;
        Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    /// Marks every update so far as seen; the last one's id.
    pub fn mark_updates_seen(&mut self) -> Result<i64> {
        let tx = self.write_tx()?;
        let last: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM updates", [], |r| r.get(0))?;
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('seen_update', ?1)",
            [last.to_string()],
        )?;
        tx.commit()?;
        Ok(last)
    }
}
