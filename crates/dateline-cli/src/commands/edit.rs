//! `dateline edit`: one correction of an event; prints the event as it now reads.

use std::io::Write;

use dateline::model::{EventKind, Status};

use crate::args::{WorkspaceArg, parse_kind, parse_status};
use crate::exit::{Failure, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The event's id (first column of `dateline events`).
    id: i64,
    #[arg(long, value_parser = parse_kind)]
    kind: Option<EventKind>,
    #[arg(long, value_parser = parse_status)]
    status: Option<Status>,
    /// First day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Last day (YYYY-MM-DD); default: the first day.
    #[arg(long, value_name = "DATE")]
    end: Option<String>,
    #[arg(long)]
    place: Option<String>,
    #[arg(long)]
    country: Option<String>,
    /// A participant by name (repeat for each; replaces the list). A name no actor goes by
    /// makes a new person, and the command says so.
    #[arg(long = "participant", value_name = "NAME")]
    participants: Vec<String>,
    #[command(flatten)]
    workspace: WorkspaceArg,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let patch = dateline::EventPatch {
        kind: args.kind,
        status: args.status,
        end: args.end.or_else(|| args.date.clone()),
        start: args.date,
        precision: None,
        place: args.place,
        country: args.country,
        participants: (!args.participants.is_empty()).then_some(args.participants),
    };
    let mut ws = args.workspace.open_existing()?;
    // A mistyped or placeholder name ("Unknown") silently became a person; now it is said.
    let known: Option<std::collections::HashSet<i64>> = match &patch.participants {
        Some(_) => Some(ws.actors()?.into_iter().map(|a| a.id).collect()),
        None => None,
    };
    let e = ws.update_event(args.id, patch)?;
    let start = e.start.as_deref().unwrap_or("-");
    writeln!(out, "{:>6}  {} {} {start} {}", e.id, e.kind.as_str(), e.status.as_str(), e.label)?;
    if let Some(known) = known {
        for a in ws.actors()?.into_iter().filter(|a| !known.contains(&a.id)) {
            let line = format!(
                "new actor {}: {:?} (no actor went by this name; `dateline actors` lists them, \
                 `dateline undo` takes the edit back)",
                a.id, a.name
            );
            eprintln!("{}", crate::output::terminal_safe(&line));
        }
    }
    Ok(Outcome::Done)
}
