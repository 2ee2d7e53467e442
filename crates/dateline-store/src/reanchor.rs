//! Keeping corrections on their events when an article's text changes.
//!
//! A correction names an event by its article's content hash, kind and trigger offsets. When a
//! file is re-imported with different text (one word changed), its hash changes and its events
//! are extracted again: the correction would stop applying without a word. So before the old
//! text goes, each anchor into it is carried over to the new text:
//!
//! 1. By the edit: the old and new texts share a prefix and a suffix; an offset outside the
//!    part between them maps exactly (shifted by the change in length when after it). The new
//!    event of the same kind with the mapped trigger is the same event.
//! 2. Else (the trigger itself was in the changed part) by its words: the one new event of the
//!    same kind whose trigger has the same words around it (40 bytes each side).
//!
//! An anchor that neither finds stays as it was; a correction left with no anchor that still
//! names something is reported, by its description, as no longer applying.

use dateline_model::Event;
use rusqlite::{Transaction, params};

use crate::corrections::Correction;
use crate::resolve::Anchor;
use crate::{Result, StoreError};

/// Bytes of context on each side of a trigger that identify it when the edit touched it.
const CONTEXT: usize = 40;

/// An article's text before and after a re-import, and the events extracted from the new one.
pub(crate) struct Change<'a> {
    pub old_hash: &'a str,
    pub old_text: &'a str,
    pub new_hash: &'a str,
    pub new_text: &'a str,
    pub new_events: &'a [Event],
}

impl Change<'_> {
    /// Where the text changed: the length of the common prefix and of the common suffix.
    fn edit(&self) -> (usize, usize) {
        let (a, b) = (self.old_text.as_bytes(), self.new_text.as_bytes());
        let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let max_suffix = a.len().min(b.len()) - prefix;
        let suffix = a.iter().rev().zip(b.iter().rev()).take(max_suffix).take_while(|(x, y)| x == y).count();
        (prefix, suffix)
    }

    /// `old`'s offsets in the new text, when the edit left them alone.
    fn map(&self, (start, end): (usize, usize), (prefix, suffix): (usize, usize)) -> Option<(usize, usize)> {
        let old_tail = self.old_text.len() - suffix;
        if end <= prefix {
            return Some((start, end));
        }
        if start >= old_tail {
            let shift = |x: usize| x + self.new_text.len() - self.old_text.len();
            return Some((shift(start), shift(end)));
        }
        None
    }

    /// The new event that is `anchor`'s, if one is.
    fn carry(&self, anchor: &Anchor, edit: (usize, usize)) -> Option<Anchor> {
        let (start, end) = (anchor.start as usize, anchor.end as usize);
        let same_kind = |e: &&Event| e.kind == anchor.kind;
        let found = match self.map((start, end), edit) {
            Some((s, e)) => self
                .new_events
                .iter()
                .filter(same_kind)
                .find(|ev| (ev.trigger.start, ev.trigger.end) == (s, e)),
            None => {
                let old = around(self.old_text, start, end)?;
                let mut matches = self
                    .new_events
                    .iter()
                    .filter(same_kind)
                    .filter(|ev| around(self.new_text, ev.trigger.start, ev.trigger.end) == Some(old));
                match (matches.next(), matches.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            }
        }?;
        Some(Anchor {
            hash: self.new_hash.to_string(),
            kind: found.kind,
            start: found.trigger.start as u32,
            end: found.trigger.end as u32,
        })
    }
}

/// The text around `start..end`, `CONTEXT` bytes each side (fewer at the ends), on character
/// boundaries.
fn around(text: &str, start: usize, end: usize) -> Option<&str> {
    if end > text.len() || start > end {
        return None;
    }
    let mut from = start.saturating_sub(CONTEXT);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + CONTEXT).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text.get(from..to)
}

fn anchors_mut(c: &mut Correction) -> Option<&mut Vec<Anchor>> {
    match c {
        Correction::EditEvent { anchors, .. }
        | Correction::DeleteEvent { anchors }
        | Correction::RestoreEvent { anchors } => Some(anchors),
        Correction::MergeActors { .. } | Correction::RenameActor { .. } | Correction::SplitActor { .. } => {
            None
        }
    }
}

/// Carries every correction's anchors into the old text over to the new one (undone
/// corrections too, so that a redo still applies). Returns the descriptions of the applied
/// corrections that no longer name any event.
pub(crate) fn carry_over(tx: &Transaction<'_>, change: &Change<'_>) -> Result<Vec<String>> {
    if change.old_hash == change.new_hash {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, String, String, bool)> = tx
        .prepare_cached("SELECT id, op, description, undone FROM corrections ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)? != 0)))?
        .collect::<Result<_, _>>()?;
    let edit = change.edit();
    let mut lost = Vec::new();
    for (id, op, description, undone) in rows {
        if !op.contains(change.old_hash) {
            continue;
        }
        let mut correction: Correction =
            serde_json::from_str(&op).map_err(|e| StoreError::Corrupt(format!("correction {op}: {e}")))?;
        let Some(anchors) = anchors_mut(&mut correction) else { continue };
        let mut changed = false;
        let mut elsewhere = false;
        for anchor in anchors.iter_mut() {
            if anchor.hash != change.old_hash {
                elsewhere = true;
                continue;
            }
            if let Some(new) = change.carry(anchor, edit) {
                *anchor = new;
                changed = true;
                elsewhere = true;
            }
        }
        if changed {
            let json = serde_json::to_string(&correction).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            tx.prepare_cached("UPDATE corrections SET op = ?2 WHERE id = ?1")?.execute(params![id, json])?;
        }
        if !elsewhere && !undone {
            lost.push(description);
        }
    }
    Ok(lost)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{EventKind, Span, Status};

    fn event(kind: EventKind, start: usize, end: usize) -> Event {
        Event {
            kind,
            status: Status::Occurred,
            date: None,
            participants: Vec::new(),
            location: None,
            name: None,
            evidence: Vec::new(),
            trigger: Span::new(start, end),
            confidence: 0.5,
        }
    }

    fn anchor(hash: &str, start: u32, end: u32) -> Anchor {
        Anchor { hash: hash.into(), kind: EventKind::Meeting, start, end }
    }

    #[test]
    fn anchors_follow_a_one_word_change_before_after_and_around_them() {
        let old = "Talks. Ministers met in Oslo on Tuesday. Later they spoke by phone.";
        let new = "Talks. The ministers met in Oslo on Tuesday. Later they spoke by phone.";
        let met_old = old.find("met").unwrap();
        let met_new = new.find("met").unwrap();
        let events = [event(EventKind::Meeting, met_new, met_new + 3)];
        let change =
            Change { old_hash: "a", old_text: old, new_hash: "b", new_text: new, new_events: &events };
        let edit = change.edit();
        // After the change: shifted by its length.
        let carried = change.carry(&anchor("a", met_old as u32, met_old as u32 + 3), edit).unwrap();
        assert_eq!((carried.hash.as_str(), carried.start as usize), ("b", met_new));
        // A change after the trigger leaves it where it was.
        let later = "Talks. Ministers met in Oslo on Tuesday. Later they talked by phone.";
        let events = [event(EventKind::Meeting, met_old, met_old + 3)];
        let change =
            Change { old_hash: "a", old_text: old, new_hash: "c", new_text: later, new_events: &events };
        let carried = change.carry(&anchor("a", met_old as u32, met_old as u32 + 3), change.edit()).unwrap();
        assert_eq!(carried.start as usize, met_old);
        // The trigger itself changed: no event of that kind with that trigger, so none.
        let changed = "Talks. Ministers conferred in Oslo on Tuesday. Later they spoke by phone.";
        let change =
            Change { old_hash: "a", old_text: old, new_hash: "d", new_text: changed, new_events: &[] };
        assert_eq!(change.carry(&anchor("a", met_old as u32, met_old as u32 + 3), change.edit()), None);
    }

    #[test]
    fn two_edits_around_a_trigger_are_bridged_by_its_context() {
        let pad = "Words that the edits leave alone, on both sides of the trigger. ";
        let old = format!("Alpha. {pad}Ministers met in Oslo on Tuesday, {pad}Omega.");
        let new = format!("Alpha! {pad}Ministers met in Oslo on Tuesday, {pad}Omega!");
        let (old, new) = (old.as_str(), new.as_str());
        let m = new.find("met").unwrap();
        let events = [event(EventKind::Meeting, m, m + 3), event(EventKind::Call, m, m + 3)];
        let change =
            Change { old_hash: "a", old_text: old, new_hash: "b", new_text: new, new_events: &events };
        let s = old.find("met").unwrap() as u32;
        let carried = change.carry(&anchor("a", s, s + 3), change.edit()).unwrap();
        assert_eq!((carried.kind, carried.start as usize), (EventKind::Meeting, m));
    }
}
