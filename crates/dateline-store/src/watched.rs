//! Watched folders: the folders whose new and changed files are imported as they come.

use rusqlite::params;

use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchedFolderRow {
    pub id: i64,
    pub path: String,
    pub added: String,
}

impl Store {
    /// Watches `path` (already watched: nothing changes). Whether it is new.
    pub fn add_watched_folder(&mut self, path: &str, now: &str) -> Result<bool> {
        let tx = self.write_tx()?;
        let n = tx.execute(
            "INSERT OR IGNORE INTO watched_folders (path, added) VALUES (?1, ?2)",
            params![path, now],
        )?;
        tx.commit()?;
        Ok(n > 0)
    }

    pub fn remove_watched_folder(&mut self, path: &str) -> Result<bool> {
        let tx = self.write_tx()?;
        let n = tx.execute("DELETE FROM watched_folders WHERE path = ?1", [path])?;
        tx.commit()?;
        Ok(n > 0)
    }

    pub fn watched_folders(&self) -> Result<Vec<WatchedFolderRow>> {
        let mut st = self.conn.prepare("SELECT id, path, added FROM watched_folders ORDER BY path")?;
        let rows = st
            .query_map([], |r| Ok(WatchedFolderRow { id: r.get(0)?, path: r.get(1)?, added: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

impl Store {
    /// How many articles came from the file `path` (its entries, for an archive or a feed), or
    /// from the files under the folder `path`.
    pub fn articles_from(&self, path: &str) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM articles WHERE origin = ?1
                 OR substr(origin, 1, length(?1) + 1) IN (?1 || '!', ?1 || '/')",
            [path],
            |r| r.get(0),
        )?)
    }
}
