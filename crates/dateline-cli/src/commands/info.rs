//! `dateline info`: the workspace's file and counts.

use std::io::Write;

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};

pub type Args = WorkspaceArg;

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let ws = args.open_read()?;
    let info = ws.info()?;
    crate::output::note_if_stale(&ws)?;
    writeln!(
        out,
        "workspace {}\narticles  {}\nevents    {}\nactors    {}",
        info.path, info.articles, info.events, info.actors
    )?;
    Ok(Outcome::Done)
}
