//! `dateline undo`: the last correction taken back.

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};

pub type Args = WorkspaceArg;

pub fn run(args: Args) -> Result<Outcome, Failure> {
    let what = args.open_existing()?.undo()?;
    eprintln!("{}", what.map_or("nothing to undo".into(), |w| format!("undone: {w}")));
    Ok(Outcome::Done)
}
