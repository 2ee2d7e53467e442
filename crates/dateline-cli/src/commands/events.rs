//! `dateline events`: the workspace's merged events matching a filter, in date order.

use std::io::Write;

use crate::args::{FilterArgs, WorkspaceArg};
use crate::exit::{Failure, Outcome};
use crate::output::EventsFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    workspace: WorkspaceArg,
    #[arg(long, value_enum, default_value_t = EventsFormat::Table)]
    format: EventsFormat,
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let ws = args.workspace.open_read()?;
    let selection = args.filter.to_selection(&ws)?;
    let rows = ws.event_rows(&selection)?;
    crate::output::note_if_stale(&ws)?;
    args.format.write(out, &rows)?;
    Ok(Outcome::Done)
}
