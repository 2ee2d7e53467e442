//! `dateline search`: events by full-text query, best first (exit code 1 when none match).

use std::io::Write;

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};
use crate::output::EventsFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    query: String,
    #[command(flatten)]
    workspace: WorkspaceArg,
    #[arg(long, value_enum, default_value_t = EventsFormat::Table)]
    format: EventsFormat,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let ws = args.workspace.open_read()?;
    let ids = ws.search(&args.query)?;
    let mut rows = ws.event_rows(&Default::default())?;
    let rank: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    rows.retain(|r| rank.contains_key(&r.id));
    rows.sort_by_key(|r| rank[&r.id]);
    args.format.write(out, &rows)?;
    Ok(Outcome::failed_if(rows.is_empty()))
}
