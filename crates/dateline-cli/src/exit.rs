//! How a command ends, as the exit code says it: 0 everything worked; 1 some input files failed
//! (the rest was done); 2 wrong usage; 3 the workspace or an output file could not be used.

use std::process::ExitCode;

/// A command that ran to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit code 0.
    Done,
    /// Exit code 1: some inputs failed (or nothing was found); the rest was done.
    SomeFailed,
}

impl Outcome {
    pub fn failed_if(failed: bool) -> Self {
        if failed { Outcome::SomeFailed } else { Outcome::Done }
    }
}

/// A command that stopped, with what to tell the user.
#[derive(Debug)]
pub enum Failure {
    /// Exit code 2: the command line names something that is not there.
    Usage(anyhow::Error),
    /// Exit code 3: the workspace or an output file could not be used.
    Fatal(anyhow::Error),
}

/// Any error a command meets while working is fatal (exit code 3) unless it says otherwise.
impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::Fatal(e.into())
    }
}

/// The process's exit code, with the failure's message on stderr.
pub fn code(result: Result<Outcome, Failure>) -> ExitCode {
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Err(Failure::Usage(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
        Err(Failure::Fatal(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::from(3)
        }
    }
}
