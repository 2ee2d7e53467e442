//! How a command ends, as the exit code says it: 0 everything worked; 1 some input files failed
//! (the rest was done), or a search found nothing; 2 wrong usage (a bad argument, or one naming
//! something that is not there: an event, an actor, timex's input); 3 the workspace or an output
//! file could not be used.

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
    /// Exit code 2: the command line is wrong, or names something that is not there.
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

/// Whether the library's answer means the command line asked for something that is not there
/// or cannot be (an event or actor id, an output format, a date, an edit that makes no sense):
/// wrong usage, whichever command met it. Before, these exited 3, as if the workspace had failed.
fn is_usage(e: &anyhow::Error) -> bool {
    use dateline::Error as E;
    e.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<E>(),
            Some(
                E::NoSuchEvent(_)
                    | E::NoSuchActor(_)
                    | E::NoSuchArticle(_)
                    | E::Invalid(_)
                    | E::BadAddress(_)
                    | E::UnknownImageFormat(_)
                    | E::UnknownDataFormat(_)
                    | E::BadDate(_)
            )
        )
    })
}

/// The process's exit code, with the failure's message on stderr.
pub fn code(result: Result<Outcome, Failure>) -> ExitCode {
    let result = match result {
        Err(Failure::Fatal(e)) if is_usage(&e) => Err(Failure::Usage(e)),
        other => other,
    };
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
