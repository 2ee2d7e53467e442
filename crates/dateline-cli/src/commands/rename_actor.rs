//! `dateline rename-actor`: another name for an actor.

use crate::args::ActorNameArg;
use crate::exit::{Failure, Outcome};

pub type Args = ActorNameArg;

pub fn run(args: Args) -> Result<Outcome, Failure> {
    args.actor.workspace.open_existing()?.rename_actor(args.actor.id, args.name)?;
    Ok(Outcome::Done)
}
