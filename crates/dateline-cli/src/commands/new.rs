//! `dateline new`: a new, empty workspace. Only this and `import` create one: every other
//! command needs the workspace to be there, so a mistyped path is an error, not a new file.

use anyhow::anyhow;

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};

pub type Args = WorkspaceArg;

pub fn run(args: Args) -> Result<Outcome, Failure> {
    let path = args.path()?;
    if path.exists() {
        return Err(Failure::Usage(anyhow!(
            "{} already exists: use it with --workspace, or choose a new name",
            path.display()
        )));
    }
    let ws = args.open()?;
    eprintln!("{}", crate::output::terminal_safe(&format!("created the workspace {}", ws.path().display())));
    Ok(Outcome::Done)
}
