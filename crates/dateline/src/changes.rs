//! What an update changed: the merged events before and after it, compared. New events, and
//! events whose status or dates a new article changed (a planned visit now reported as
//! occurred, a date corrected), recorded with the update for the "new since" marks.

use std::collections::{HashMap, HashSet};

use dateline_store::{ChangeRow, EventState};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{EventSummary, Result, Workspace};

/// How an update changed an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// An event no article had told of before.
    New,
    /// Its status changed (planned → occurred, ...).
    Status,
    /// Its dates changed.
    Date,
}

impl ChangeKind {
    fn as_str(self) -> &'static str {
        match self {
            ChangeKind::New => "new",
            ChangeKind::Status => "status",
            ChangeKind::Date => "date",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [ChangeKind::New, ChangeKind::Status, ChangeKind::Date].into_iter().find(|k| k.as_str() == s)
    }
}

/// One change to one event, as the desk marks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventChange {
    #[ts(type = "number")]
    pub event_id: i64,
    pub change: ChangeKind,
    /// The status or the dates (`start..end`) before and after; none for a new event.
    pub before: Option<String>,
    pub after: Option<String>,
    /// The event's label now.
    pub label: String,
    /// The update that made it.
    #[ts(type = "number")]
    pub update_id: i64,
}

/// The changes from `before` to `after`. An event is the one of the same id; failing that (an
/// article whose text changed is read again, and its events get new ids), one that vanished
/// and had the same kind and participants.
pub(crate) fn diff(before: &[EventState], after: &[EventState]) -> Vec<ChangeRow> {
    let mut old: HashMap<i64, &EventState> = before.iter().map(|s| (s.id, s)).collect();
    let kept: HashSet<i64> = after.iter().map(|s| s.id).filter(|id| old.contains_key(id)).collect();
    let mut vanished: Vec<&EventState> = before.iter().filter(|s| !kept.contains(&s.id)).collect();
    let mut out = Vec::new();
    let row = |s: &EventState, change: ChangeKind, before: Option<&str>, after: Option<&str>| ChangeRow {
        update_id: 0,
        event_id: s.id,
        change: change.as_str().into(),
        before: before.map(String::from),
        after: after.map(String::from),
    };
    for s in after {
        let was = old.remove(&s.id).filter(|_| kept.contains(&s.id)).or_else(|| {
            let i = vanished.iter().position(|v| v.identity == s.identity)?;
            Some(vanished.remove(i))
        });
        match was {
            None => out.push(row(s, ChangeKind::New, None, None)),
            Some(o) => {
                if o.status != s.status {
                    out.push(row(s, ChangeKind::Status, Some(&o.status), Some(&s.status)));
                }
                if o.dates != s.dates {
                    out.push(row(s, ChangeKind::Date, Some(&o.dates), Some(&s.dates)));
                }
            }
        }
    }
    out
}

impl Workspace {
    /// The merged events' states, to compare after an update.
    pub(crate) fn event_states(&self) -> Result<Vec<EventState>> {
        Ok(self.store.event_states()?)
    }

    /// Records an update (`source`: "feeds", "watch") that added `articles`, with what it changed
    /// since `before`; the changes, as the desk shows them. An update that added nothing is not
    /// recorded.
    pub(crate) fn record_changes(
        &mut self,
        source: &str,
        articles: u32,
        before: &[EventState],
    ) -> Result<Vec<EventChange>> {
        if articles == 0 {
            return Ok(Vec::new());
        }
        let rows = diff(before, &self.event_states()?);
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let update = self.store.record_update(source, &now, articles, &rows)?;
        rows.into_iter().map(|r| self.change_view(ChangeRow { update_id: update, ..r })).collect()
    }

    fn change_view(&self, r: ChangeRow) -> Result<EventChange> {
        let label = match self.store.event(r.event_id)? {
            Some(row) => EventSummary::from_row(&row).label,
            None => String::new(),
        };
        let change = ChangeKind::parse(&r.change)
            .ok_or_else(|| dateline_store::StoreError::Corrupt(format!("a change of kind {:?}", r.change)))?;
        Ok(EventChange {
            event_id: r.event_id,
            change,
            before: r.before,
            after: r.after,
            label,
            update_id: r.update_id,
        })
    }

    /// What the updates changed since the analyst last marked them seen ([`Workspace::mark_seen`]).
    pub fn changes_since_seen(&self) -> Result<Vec<EventChange>> {
        let since = self.store.seen_update()?;
        self.store.changes_after(since)?.into_iter().map(|r| self.change_view(r)).collect()
    }

    /// Marks every update so far as seen: the "new since" marks start again from here.
    pub fn mark_seen(&mut self) -> Result<()> {
        self.store.mark_updates_seen()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: i64, status: &str, dates: &str) -> EventState {
        EventState { id, identity: format!("visit:{}", id % 10), status: status.into(), dates: dates.into() }
    }

    #[test]
    fn new_events_and_changed_statuses_and_dates_are_told_apart() {
        let before = [s(1, "planned", "2026-03-10..2026-03-10"), s(2, "occurred", ""), s(3, "occurred", "")];
        let after = [
            s(1, "occurred", "2026-03-10..2026-03-11"),
            s(2, "occurred", ""),
            s(4, "planned", "2026-04-01..2026-04-01"),
        ];
        let got: Vec<(i64, String, Option<String>, Option<String>)> =
            diff(&before, &after).into_iter().map(|c| (c.event_id, c.change, c.before, c.after)).collect();
        let o = |x: &str| Some(x.to_string());
        assert_eq!(
            got,
            [
                (1, "status".into(), o("planned"), o("occurred")),
                (1, "date".into(), o("2026-03-10..2026-03-10"), o("2026-03-10..2026-03-11")),
                (4, "new".into(), None, None),
            ]
        );
    }

    #[test]
    fn an_event_with_a_new_id_is_the_vanished_one_of_its_kind_and_participants() {
        // 1 vanished and 11 (same identity) came: the article telling of it was read again.
        let before = [s(1, "planned", "2026-03-10..2026-03-10"), s(2, "occurred", "")];
        let after = [s(2, "occurred", ""), s(11, "occurred", "2026-03-10..2026-03-10"), s(13, "planned", "")];
        let got: Vec<(i64, String)> =
            diff(&before, &after).into_iter().map(|c| (c.event_id, c.change)).collect();
        assert_eq!(got, [(11, "status".into()), (13, "new".into())]);
    }
}
