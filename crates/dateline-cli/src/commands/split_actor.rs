//! `dateline split-actor`: one of an actor's names taken out of it.

use crate::args::ActorNameArg;
use crate::exit::{Failure, Outcome};

pub type Args = ActorNameArg;

pub fn run(args: Args) -> Result<Outcome, Failure> {
    args.actor.workspace.open_existing()?.split_actor(args.actor.id, args.name.clone())?;
    eprintln!("split \"{}\" off actor {}", args.name, args.actor.id);
    Ok(Outcome::Done)
}
