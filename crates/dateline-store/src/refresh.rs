//! When the derived tables are brought up to date: after imports left them stale
//! ([`Store::refresh`], incrementally where it can, [`crate::update`]) or on request, from
//! scratch ([`Store::rebuild`], [`crate::merged`]). Each is one write transaction.

use crate::merged::{dirty_state, rebuild_in};
use crate::{Result, Store};

impl Store {
    /// Brings the merged events up to date when imports left them stale: merges only the new
    /// mentions and what they touch after imports that only added articles, else rebuilds them
    /// in full. Returns whether it did anything.
    pub fn refresh(&mut self) -> Result<bool> {
        if dirty_state(&self.conn)? == "0" {
            return Ok(false);
        }
        // Asked again under the write lock: another writer (an import finishing beside this
        // open) may have rebuilt them while this one waited, and the rebuild is the longest write.
        let tx = self.write_tx()?;
        match dirty_state(&tx)?.as_str() {
            "0" => return Ok(false),
            "new" => crate::update::update_in(&tx)?,
            _ => rebuild_in(&tx)?,
        }
        tx.commit()?;
        Ok(true)
    }

    /// Rebuilds the merged events from the facts and the corrections, from scratch.
    pub fn rebuild(&mut self) -> Result<()> {
        let tx = self.write_tx()?;
        rebuild_in(&tx)?;
        tx.commit()?;
        Ok(())
    }
}
