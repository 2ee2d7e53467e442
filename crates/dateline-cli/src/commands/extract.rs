//! `dateline extract`: the events in files or folders, without a workspace.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use dateline::FileStatus;

use crate::exit::{Failure, Outcome};
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read (folders recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// One event per line, as shared/eval/EVENTS.md defines it.
    Jsonl,
    /// A table for people.
    Table,
    /// Every tag and event with its text: time expressions, mentions, evidence (for developers).
    Debug,
    /// One article a line with its text and its events (an events file): the input of
    /// `dateline merge` and `dateline import`.
    Articles,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let (docs, reports) = dateline::extract_paths(&args.paths);
    for r in &reports {
        if matches!(r.status, FileStatus::Failed) {
            let line = format!("failed: {}: {}", r.path, r.reason.as_deref().unwrap_or(""));
            eprintln!("{}", output::terminal_safe(&line));
        }
    }
    match args.format {
        Format::Jsonl => output::extract_jsonl(out, &docs),
        Format::Table => output::extract_table(out, &docs),
        Format::Debug => output::extract_debug(out, &docs),
        Format::Articles => dateline::extracted::write_events(out, &docs),
    }?;
    Ok(Outcome::failed_if(reports.iter().any(|r| r.status == FileStatus::Failed)))
}
