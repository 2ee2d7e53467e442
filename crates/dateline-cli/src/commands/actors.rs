//! `dateline actors`: one line per actor, with the other names it goes by.

use std::io::Write;

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    workspace: WorkspaceArg,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    for a in args.workspace.open_read()?.actors()? {
        writeln!(
            out,
            "{:>6}  {:<12} {:<32} {:<20} {:>4}  {}",
            a.id,
            a.kind.as_str(),
            a.name,
            a.country.as_deref().unwrap_or("-"),
            a.events,
            a.aliases.join("; ")
        )?;
    }
    Ok(Outcome::Done)
}
