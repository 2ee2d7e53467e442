//! Feed subscriptions and the items taken from them. Times are RFC 3339 strings the caller
//! gives: the store has no clock.

use rusqlite::{OptionalExtension, Row, params};

use crate::{Result, Store};

/// One subscription, with what its last fetch left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    pub every_minutes: u32,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub added: String,
    pub last_checked: Option<String>,
    pub last_success: Option<String>,
    pub last_error: Option<String>,
    pub failures: u32,
    pub retry_after: Option<String>,
    /// Items taken from it so far.
    pub items: u32,
}

/// How a fetch of a feed ended, to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedFetch<'a> {
    /// The feed was read (200 or 304): new validators when it was a 200; `problem` names the
    /// items that could not be fetched, if any.
    Read {
        title: Option<&'a str>,
        etag: Option<&'a str>,
        last_modified: Option<&'a str>,
        problem: Option<&'a str>,
    },
    /// Not modified since the validators sent.
    NotModified,
    /// The feed itself failed: why, and when to try again.
    Failed { error: &'a str, retry_after: &'a str },
}

const COLUMNS: &str = "id, url, title, every_minutes, etag, last_modified, added, last_checked, last_success,
     last_error, failures, retry_after, (SELECT count(*) FROM feed_items i WHERE i.feed_id = feeds.id)";

fn feed_row(r: &Row<'_>) -> rusqlite::Result<FeedRow> {
    Ok(FeedRow {
        id: r.get(0)?,
        url: r.get(1)?,
        title: r.get(2)?,
        every_minutes: r.get(3)?,
        etag: r.get(4)?,
        last_modified: r.get(5)?,
        added: r.get(6)?,
        last_checked: r.get(7)?,
        last_success: r.get(8)?,
        last_error: r.get(9)?,
        failures: r.get(10)?,
        retry_after: r.get(11)?,
        items: r.get(12)?,
    })
}

impl Store {
    /// Subscribes to `url`; a subscription that exists gets the new schedule. Whether it is new.
    pub fn add_feed(&mut self, url: &str, every_minutes: u32, now: &str) -> Result<(FeedRow, bool)> {
        let tx = self.write_tx()?;
        let existed: Option<i64> =
            tx.query_row("SELECT id FROM feeds WHERE url = ?1", [url], |r| r.get(0)).optional()?;
        let id = match existed {
            Some(id) => {
                tx.execute("UPDATE feeds SET every_minutes = ?2 WHERE id = ?1", params![id, every_minutes])?;
                id
            }
            None => tx.query_row(
                "INSERT INTO feeds (url, every_minutes, added) VALUES (?1, ?2, ?3) RETURNING id",
                params![url, every_minutes, now],
                |r| r.get(0),
            )?,
        };
        tx.commit()?;
        let row = self.feed(id)?.ok_or_else(|| crate::StoreError::Corrupt(format!("feed {id} vanished")))?;
        Ok((row, existed.is_none()))
    }

    pub fn feed(&self, id: i64) -> Result<Option<FeedRow>> {
        Ok(self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM feeds WHERE id = ?1"), [id], feed_row)
            .optional()?)
    }

    /// Every subscription, in the order they were added.
    pub fn feeds(&self) -> Result<Vec<FeedRow>> {
        let mut st = self.conn.prepare(&format!("SELECT {COLUMNS} FROM feeds ORDER BY id"))?;
        let rows = st.query_map([], feed_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Unsubscribes (the articles it brought stay). Whether there was such a subscription.
    pub fn remove_feed(&mut self, id: i64) -> Result<bool> {
        let tx = self.write_tx()?;
        let n = tx.execute("DELETE FROM feeds WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// Whether an item was taken already: its key from this feed, or its page from any feed.
    pub fn feed_item_seen(&self, feed_id: i64, key: &str, url: Option<&str>) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT 1 FROM feed_items WHERE (feed_id = ?1 AND key = ?2) OR (?3 IS NOT NULL AND url = ?3) LIMIT 1",
            )?
            .exists(params![feed_id, key, url])?)
    }

    /// Records an item taken from a feed: it is never fetched again.
    pub fn record_feed_item(
        &mut self,
        feed_id: i64,
        key: &str,
        url: Option<&str>,
        origin: Option<&str>,
        now: &str,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT OR IGNORE INTO feed_items (feed_id, key, url, origin, fetched) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![feed_id, key, url, origin, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records how a fetch of the feed `id` ended, at `now`.
    pub fn record_feed_fetch(&mut self, id: i64, fetch: &FeedFetch<'_>, now: &str) -> Result<()> {
        let tx = self.write_tx()?;
        match fetch {
            FeedFetch::Read { title, etag, last_modified, problem } => tx.execute(
                "UPDATE feeds SET title = coalesce(?2, title), etag = ?3, last_modified = ?4, last_checked = ?5,
                     last_success = ?5, last_error = ?6, failures = 0, retry_after = NULL WHERE id = ?1",
                params![id, title, etag, last_modified, now, problem],
            )?,
            FeedFetch::NotModified => tx.execute(
                "UPDATE feeds SET last_checked = ?2, last_success = ?2, last_error = NULL, failures = 0,
                     retry_after = NULL WHERE id = ?1",
                params![id, now],
            )?,
            FeedFetch::Failed { error, retry_after } => tx.execute(
                "UPDATE feeds SET last_checked = ?2, last_error = ?3, failures = failures + 1, retry_after = ?4
                 WHERE id = ?1",
                params![id, now, error, retry_after],
            )?,
        };
        tx.commit()?;
        Ok(())
    }
}
