//! `dateline merge-actors`: several actors made one.

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    into: i64,
    #[arg(required = true)]
    from: Vec<i64>,
    #[command(flatten)]
    workspace: WorkspaceArg,
}

pub fn run(args: Args) -> Result<Outcome, Failure> {
    args.workspace.open_existing()?.merge_actors(args.into, args.from)?;
    eprintln!("merged into actor {}", args.into);
    Ok(Outcome::Done)
}
