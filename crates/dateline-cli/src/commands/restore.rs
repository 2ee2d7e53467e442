//! `dateline restore`: a deleted event back.

use crate::args::IdArg;
use crate::exit::{Failure, Outcome};

pub type Args = IdArg;

pub fn run(args: Args) -> Result<Outcome, Failure> {
    args.workspace.open_existing()?.restore_event(args.id)?;
    eprintln!("restored event {}", args.id);
    Ok(Outcome::Done)
}
