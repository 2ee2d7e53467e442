//! Corrections are data: what an analyst changed, kept apart from what the extractor found, keyed
//! to stable anchors (an event by its article's content hash, kind and trigger offsets; an actor
//! by the folded names it goes by), and applied over the facts every time the merged events are
//! rebuilt. Re-importing or re-extracting an article keeps them.
//!
//! History is linear: `undo` marks the last applied correction undone, `redo` applies the first
//! undone one again, and a new correction drops the undone tail (`crate::edit` makes them).
//!
//! This module is the data and its reading only: the rebuild (`crate::merged`) reads the
//! corrections from here, and the edits (`crate::edit`) write them and then rebuild.

use dateline_model::{ActorKind, DateRange, EventKind, Status};
use serde::{Deserialize, Serialize};

use crate::resolve::Anchor;
use crate::{Result, StoreError};

/// The folded form of a name, as actor references keep it ([`ActorRef::keys`]).
pub(crate) fn alias_key(name: &str) -> String {
    dateline_identity::fold(name)
}

/// An actor as corrections name it: its kind and the folded names it went by when the analyst
/// acted. The first name that still belongs to an actor picks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub kind: ActorKind,
    pub keys: Vec<String>,
}

/// What a correction changes in a merged event, resolved (dates as ranges, people as actors);
/// `None` leaves the extracted value. An empty `place` or `country` clears it. The facade's
/// `EventPatch` is the analyst's request before it is resolved into this.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventEdit {
    pub kind: Option<EventKind>,
    pub status: Option<Status>,
    pub date: Option<DateRange>,
    pub place: Option<String>,
    pub country: Option<String>,
    pub participants: Option<Vec<ActorRef>>,
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    EditEvent {
        anchors: Vec<Anchor>,
        patch: EventEdit,
    },
    DeleteEvent {
        anchors: Vec<Anchor>,
    },
    RestoreEvent {
        anchors: Vec<Anchor>,
    },
    MergeActors {
        into: ActorRef,
        from: Vec<ActorRef>,
    },
    RenameActor {
        actor: ActorRef,
        name: String,
    },
    /// The names of `actor` (one actor row, as first found) leave the identity they were merged
    /// into, automatically or by the analyst, and stand alone again.
    SplitActor {
        actor: ActorRef,
    },
}

/// The applied corrections, oldest first, with their descriptions.
pub(crate) fn load_active(conn: &rusqlite::Connection) -> Result<Vec<(Correction, String)>> {
    let mut stmt = conn.prepare("SELECT op, description FROM corrections WHERE undone = 0 ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (json, description) = row?;
        let c: Correction = serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("correction {json}: {e}")))?;
        out.push((c, description));
    }
    Ok(out)
}
