//! `dateline redo`: the last undone correction made again.

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};

pub type Args = WorkspaceArg;

pub fn run(args: Args) -> Result<Outcome, Failure> {
    let what = args.open_existing()?.redo()?;
    eprintln!("{}", what.map_or("nothing to redo".into(), |w| format!("redone: {w}")));
    Ok(Outcome::Done)
}
