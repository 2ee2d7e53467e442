//! The analyst's corrections: edit, delete and restore events; merge and rename actors; undo and
//! redo. Each is recorded by the store apart from the extracted facts, so re-importing keeps it.

use chrono::NaiveDate;
use dateline_model::{DateRange, Precision};
use dateline_store::{Correction, EventEdit};

use crate::views::label;
use crate::{ActorView, Error, EventPatch, EventSummary, Result, Workspace};

impl Workspace {
    /// Changes an event; returns it as it now reads.
    pub fn update_event(&mut self, id: i64, patch: EventPatch) -> Result<EventSummary> {
        // What it reads, the people it names (new ones created), the correction and the
        // rebuild: one transaction.
        self.store.edit::<Error>(|e| {
            let row = e.event(id)?.ok_or(Error::NoSuchEvent(id))?;
            let anchors = e.anchors(id)?;
            let date = match (&patch.start, &patch.end, patch.precision) {
                (None, None, None) => None,
                (start, end, precision) => {
                    let start = match start {
                        Some(s) => parse_date(s)?,
                        None => row
                            .date
                            .map(|d| d.start)
                            .ok_or_else(|| Error::Invalid("give a start date".into()))?,
                    };
                    let end = match end {
                        Some(e) => parse_date(e)?,
                        None => row.date.map(|d| d.end).filter(|e| *e >= start).unwrap_or(start),
                    };
                    let precision = precision.or(row.date.map(|d| d.precision)).unwrap_or(Precision::Day);
                    Some(DateRange::new(start, end, precision).ok_or_else(|| {
                        Error::Invalid(format!("the end ({end}) is before the start ({start})"))
                    })?)
                }
            };
            let mut what = Vec::new();
            if let Some(k) = patch.kind {
                what.push(format!("type {}", k.as_str()));
            }
            if let Some(s) = patch.status {
                what.push(format!("status {}", s.as_str()));
            }
            if let Some(d) = date {
                what.push(format!("date {}–{}", d.start, d.end));
            }
            if let Some(p) = &patch.place {
                what.push(format!("place {p:?}"));
            }
            if let Some(c) = &patch.country {
                what.push(format!("country {c:?}"));
            }
            if let Some(p) = &patch.participants {
                what.push(format!("participants {}", p.join(", ")));
            }
            let description = format!("Edit {}: {}", label(&row), what.join(", "));
            let participants = match &patch.participants {
                Some(names) => Some(
                    names
                        .iter()
                        .filter(|n| !n.trim().is_empty())
                        .map(|n| e.actor_by_name(n))
                        .collect::<Result<Vec<_>, _>>()?,
                ),
                None => None,
            };
            let edit = EventEdit {
                kind: patch.kind,
                status: patch.status,
                date,
                place: patch.place,
                country: patch.country,
                participants,
            };
            Ok((Correction::EditEvent { anchors, patch: edit }, description))
        })?;
        let row = self.store.event(id)?.ok_or(Error::NoSuchEvent(id))?;
        Ok(EventSummary::from_row(&row))
    }

    pub fn delete_event(&mut self, id: i64) -> Result<()> {
        self.store.edit(|e| {
            let row = e.event(id)?.ok_or(Error::NoSuchEvent(id))?;
            let anchors = e.anchors(id)?;
            Ok((Correction::DeleteEvent { anchors }, format!("Delete {}", label(&row))))
        })
    }

    pub fn restore_event(&mut self, id: i64) -> Result<()> {
        self.store.edit(|e| {
            let row = e.event(id)?.ok_or(Error::NoSuchEvent(id))?;
            let anchors = e.anchors(id)?;
            Ok((Correction::RestoreEvent { anchors }, format!("Restore {}", label(&row))))
        })
    }

    /// Makes the actors `from` one with `into`: their events and aliases become its own.
    pub fn merge_actors(&mut self, into: i64, from: Vec<i64>) -> Result<()> {
        self.store.edit(|e| {
            let target = e.actor_ref(into)?.ok_or(Error::NoSuchActor(into))?;
            let mut refs = Vec::new();
            for id in from.into_iter().filter(|&f| f != into) {
                refs.push(e.actor_ref(id)?.ok_or(Error::NoSuchActor(id))?);
            }
            if refs.is_empty() {
                return Err(Error::Invalid("name at least one other actor to merge".into()));
            }
            let names = |r: &dateline_store::ActorRef| r.keys.first().cloned().unwrap_or_default();
            let description = format!(
                "Merge {} into {}",
                refs.iter().map(names).collect::<Vec<_>>().join(", "),
                names(&target)
            );
            Ok((Correction::MergeActors { into: target, from: refs }, description))
        })
    }

    pub fn rename_actor(&mut self, id: i64, name: String) -> Result<()> {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(Error::Invalid("an actor needs a name".into()));
        }
        self.store.edit(|e| {
            let actor = e.actor_ref(id)?.ok_or(Error::NoSuchActor(id))?;
            let description = format!("Rename {} to {name}", actor.keys.first().cloned().unwrap_or_default());
            Ok((Correction::RenameActor { actor, name }, description))
        })
    }

    /// Takes the name `alias` out of actor `id`: the people merged under that name (across
    /// articles, by the identity rules or by an analyst) become their own actor again.
    pub fn split_actor(&mut self, id: i64, alias: String) -> Result<()> {
        self.store.edit(|e| {
            let row = e
                .actor_row_named(id, &alias)?
                .ok_or_else(|| Error::Invalid(format!("actor {id} does not go by \"{alias}\"")))?;
            let others = e
                .actors()?
                .into_iter()
                .find(|a| a.id == id)
                .map_or(0, |a| ActorView::from_row(a).aliases.len());
            if others == 0 {
                return Err(Error::Invalid("an actor with one name has nothing to split".into()));
            }
            let actor = e.actor_ref(row)?.ok_or(Error::NoSuchActor(row))?;
            Ok((Correction::SplitActor { actor }, format!("Split {alias} off")))
        })
    }

    /// Undoes the last correction: what was undone, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        Ok(self.store.undo()?)
    }

    /// Redoes the last undone correction: what was redone, or `None`.
    pub fn redo(&mut self) -> Result<Option<String>> {
        Ok(self.store.redo()?)
    }
}

fn parse_date(s: &str) -> Result<NaiveDate> {
    s.trim().parse().map_err(|_| Error::Invalid(format!("{s:?} is not a date: use YYYY-MM-DD")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cancel;
    use dateline_model::Status;

    const CALL: &str = "Call\n\nPublished: 2021-05-21\n\nSecretary of State Antony J. Blinken spoke by phone today with Turkish Foreign Minister Mevlut Cavusoglu.\n";

    #[test]
    fn corrections_survive_reimport_and_undo() {
        let dir = tempfile::tempdir().expect("tempdir");
        let input = dir.path().join("a.txt");
        std::fs::write(&input, CALL).expect("write");
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        ws.import(std::slice::from_ref(&input), &Cancel::default(), &mut |_| {}).expect("import");
        let id = ws.events().expect("events")[0].id;
        let patch = EventPatch {
            status: Some(Status::Planned),
            start: Some("2021-05-24".into()),
            participants: Some(vec!["Antony Blinken".into(), "Someone New".into()]),
            ..Default::default()
        };
        let e = ws.update_event(id, patch).expect("update");
        assert_eq!((e.status, e.start.as_deref(), e.edited), (Status::Planned, Some("2021-05-24"), true));
        assert_eq!(e.participants, ["Antony Blinken", "Someone New"]);
        assert!(ws.event_detail(id).expect("detail").alternatives[0].starts_with("2021-05-21"));
        assert!(matches!(
            ws.update_event(id, EventPatch { start: Some("May".into()), ..Default::default() }),
            Err(Error::Invalid(_))
        ));

        // A fresh workspace file, the same article imported again: rebuild from the facts keeps it.
        ws.import(std::slice::from_ref(&input), &Cancel::default(), &mut |_| {}).expect("import");
        assert_eq!(ws.events().expect("events")[0].status, Status::Planned);

        ws.delete_event(id).expect("delete");
        assert!(ws.events().expect("events").is_empty());
        assert_eq!(ws.deleted_events().expect("deleted").len(), 1);
        ws.restore_event(id).expect("restore");
        assert_eq!(ws.events().expect("events").len(), 1);
        assert_eq!(ws.undo().expect("undo").as_deref().map(|s| s.starts_with("Restore")), Some(true));
        assert!(ws.events().expect("events").is_empty());
        assert!(ws.redo().expect("redo").is_some());
        assert!(ws.redo().expect("redo").is_none());

        let actors = ws.actors().expect("actors");
        let blinken = actors.iter().find(|a| a.name == "Antony Blinken").expect("actor").id;
        let new = actors.iter().find(|a| a.name == "Someone New").expect("actor").id;
        ws.merge_actors(blinken, vec![new]).expect("merge");
        ws.rename_actor(blinken, "Tony Blinken".into()).expect("rename");
        let actors = ws.actors().expect("actors");
        let tony = actors.iter().find(|a| a.id == blinken).expect("actor");
        assert_eq!(tony.name, "Tony Blinken");
        assert!(tony.aliases.contains(&"Someone New".to_string()), "{:?}", tony.aliases);
        assert!(!actors.iter().any(|a| a.id == new));

        // Split the merged name off again: it is its own actor, and the merge stays undoable.
        assert!(matches!(ws.split_actor(blinken, "Nobody Here".into()), Err(Error::Invalid(_))));
        ws.split_actor(blinken, "Someone New".into()).expect("split");
        let actors = ws.actors().expect("actors");
        let tony = actors.iter().find(|a| a.id == blinken).expect("actor");
        assert!(!tony.aliases.contains(&"Someone New".to_string()), "{:?}", tony.aliases);
        assert!(actors.iter().any(|a| a.name == "Someone New"), "split off: {actors:?}");
        assert_eq!(ws.undo().expect("undo").as_deref(), Some("Split Someone New off"));
        assert!(!ws.actors().expect("actors").iter().any(|a| a.name == "Someone New"));
    }

    /// Each of the analyst's edits, as the app and the command line make them, with a failure
    /// injected half way (a trigger another connection puts into the file aborts one of its
    /// writes): the error comes back and the file holds exactly what it held; then without the
    /// failure the edit goes through.
    #[test]
    fn a_failure_half_way_through_any_edit_leaves_the_workspace_as_it_was() {
        use dateline_store::test_support::{FAIL_POINTS, dump, fail_at};

        let dir = tempfile::tempdir().expect("tempdir");
        let input = dir.path().join("a.txt");
        std::fs::write(&input, CALL).expect("write");
        let path = dir.path().join("ws.dateline");
        let mut ws = Workspace::open(&path).expect("open");
        ws.import(std::slice::from_ref(&input), &Cancel::default(), &mut |_| {}).expect("import");
        let id = ws.events().expect("events")[0].id;
        let actors = ws.actors().expect("actors");
        let blinken = actors.iter().find(|a| a.name == "Antony Blinken").expect("actor").id;
        let side = rusqlite::Connection::open(&path).expect("a second connection");
        side.busy_timeout(std::time::Duration::from_secs(10)).expect("timeout");
        let new_person = || -> i64 {
            let side = rusqlite::Connection::open(&path).expect("open");
            side.query_row("SELECT id FROM actors WHERE name = 'Someone New'", [], |r| r.get(0))
                .expect("actor")
        };

        type Edit<'a> = Box<dyn Fn(&mut Workspace) -> Result<()> + 'a>;
        let edits: Vec<(&str, Edit)> = vec![
            (
                "edit naming a new person",
                Box::new(|ws: &mut Workspace| {
                    let patch = EventPatch {
                        status: Some(Status::Planned),
                        start: Some("2021-05-24".into()),
                        participants: Some(vec!["Antony Blinken".into(), "Someone New".into()]),
                        ..Default::default()
                    };
                    ws.update_event(id, patch).map(drop)
                }),
            ),
            ("delete", Box::new(|ws: &mut Workspace| ws.delete_event(id))),
            ("restore", Box::new(|ws: &mut Workspace| ws.restore_event(id))),
            ("merge actors", Box::new(|ws: &mut Workspace| ws.merge_actors(blinken, vec![new_person()]))),
            (
                "rename an actor",
                Box::new(|ws: &mut Workspace| ws.rename_actor(blinken, "Tony Blinken".into())),
            ),
            ("split an actor", Box::new(|ws: &mut Workspace| ws.split_actor(blinken, "Someone New".into()))),
            ("undo", Box::new(|ws: &mut Workspace| ws.undo().map(drop))),
            ("redo", Box::new(|ws: &mut Workspace| ws.redo().map(drop))),
        ];
        for (what, edit) in &edits {
            let before = dump(&side).expect("dump");
            let points = FAIL_POINTS.iter().filter(|p| {
                // Only the first edit writes a new person; undo and redo record no correction;
                // an actor is redirected only while the merge stands (from the merge until the
                // split, and again once the split is undone).
                (what.contains("new person") || !p.contains("actor_aliases"))
                    && (!matches!(*what, "undo" | "redo") || !p.contains("corrections"))
                    && (matches!(*what, "merge actors" | "rename an actor" | "undo")
                        || !p.contains("merged_into"))
            });
            for point in points {
                side.execute_batch(&fail_at("inject", point, false)).expect("trigger");
                let r = edit(&mut ws);
                side.execute_batch("DROP TRIGGER inject;").expect("drop trigger");
                match r {
                    Err(e) => assert!(e.to_string().contains("injected"), "{what} at {point}: {e}"),
                    Ok(()) => panic!("{what} did not fail at {point}"),
                }
                assert_eq!(
                    dump(&side).expect("dump"),
                    before,
                    "{what} failing at {point} left something behind"
                );
            }
            edit(&mut ws).unwrap_or_else(|e| panic!("{what} without the failure: {e}"));
            assert_ne!(dump(&side).expect("dump"), before, "{what} changed nothing");
        }
        // Where they all ended: the split undone and redone.
        assert!(ws.actors().expect("actors").iter().any(|a| a.name == "Someone New"));
        assert_eq!(ws.events().expect("events")[0].status, Status::Planned);
    }
}
