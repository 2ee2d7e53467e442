//! `dateline delete`: an event out of every view until it is restored.

use crate::args::IdArg;
use crate::exit::{Failure, Outcome};

pub type Args = IdArg;

pub fn run(args: Args) -> Result<Outcome, Failure> {
    let id = args.id;
    args.workspace.open_existing()?.delete_event(id)?;
    eprintln!("deleted event {id} (dateline restore {id} brings it back)");
    Ok(Outcome::Done)
}
