//! `dateline changes`: what the updates (feeds, watched folders) changed since the analyst last
//! marked them seen: new events, and events whose status or dates a new article changed.

use std::io::Write;

use dateline::ChangeKind;

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// table, or jsonl (one change per line).
    #[arg(long, default_value = "table", value_parser = ["table", "jsonl"])]
    format: String,
    /// Then mark them seen: the next `dateline changes` starts from here.
    #[arg(long)]
    mark_seen: bool,
    #[command(flatten)]
    workspace: WorkspaceArg,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let mut ws = if args.mark_seen { args.workspace.open_existing()? } else { args.workspace.open_read()? };
    let changes = ws.changes_since_seen()?;
    for c in &changes {
        if args.format == "jsonl" {
            writeln!(out, "{}", serde_json::to_string(c)?)?;
            continue;
        }
        let what = match c.change {
            ChangeKind::New => "new".to_string(),
            ChangeKind::Status => format!(
                "status {} -> {}",
                c.before.as_deref().unwrap_or("-"),
                c.after.as_deref().unwrap_or("-")
            ),
            ChangeKind::Date => format!(
                "dates {} -> {}",
                c.before.as_deref().unwrap_or("-"),
                c.after.as_deref().unwrap_or("-")
            ),
        };
        writeln!(out, "{}", output::terminal_safe(&format!("{:>6}  {:<36}  {}", c.event_id, what, c.label)))?;
    }
    if args.mark_seen {
        ws.mark_seen()?;
    }
    Ok(Outcome::Done)
}
