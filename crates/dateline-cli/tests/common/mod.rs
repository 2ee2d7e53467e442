//! Helpers the CLI's integration tests share.

use std::process::Output;

/// A run's exit code and output, for an assertion's message.
pub fn show(what: &str, out: &Output) -> String {
    format!(
        "{what}: exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
