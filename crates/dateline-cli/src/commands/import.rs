//! `dateline import`: files and folders into the workspace, with a progress bar.

use std::path::PathBuf;

use anyhow::Context;
use dateline::{Cancel, FileStatus};

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};
use crate::output;

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    workspace: WorkspaceArg,
    /// Write one JSON entry per input file here: {"path","status","articles","reason"}.
    #[arg(long, value_name = "FILE.json")]
    report: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<Outcome, Failure> {
    // One import at a time: a second one waits here, before opening, and says why.
    let (_one_import, mut ws) = args.workspace.open_for_import()?;
    // Events files (`dateline extract --format articles`, a Spark or Ray job's output) bring
    // their articles' events; every other file is read and extracted.
    let mut progress = output::Progress::new();
    let result = ws.import(&args.paths, &Cancel::default(), &mut |p| progress.update(p));
    progress.finish();
    let r = result?;
    for f in &r.files {
        // Failures and skips, and imports with something to say (corrections that no longer apply).
        if matches!(f.status, FileStatus::Failed | FileStatus::Skipped)
            || (f.status == FileStatus::Imported && f.reason.is_some())
        {
            let line = format!("{:?}: {}: {}", f.status, f.path, f.reason.as_deref().unwrap_or(""));
            eprintln!("{}", output::terminal_safe(&line));
        }
    }
    // The workspace's own counts (merged events, one actor per identity): the ones
    // `dateline info` and the app show, not the mentions this import added.
    let info = ws.info()?;
    let summary = format!(
        "imported {} {} from {} {} ({} failed) into {}: it holds {} {} and {} {}",
        r.articles_added,
        plural(r.articles_added as usize, "article", "articles"),
        r.files.len(),
        plural(r.files.len(), "file", "files"),
        r.failed(),
        ws.path().display(),
        info.events,
        plural(info.events as usize, "event", "events"),
        info.actors,
        plural(info.actors as usize, "actor", "actors"),
    );
    eprintln!("{}", output::terminal_safe(&summary));
    if let Some(path) = args.report {
        let json = serde_json::to_string_pretty(&r.files)?;
        dateline::write_atomically(&path, (json + "\n").as_bytes())
            .with_context(|| format!("writing the report {}", path.display()))?;
    }
    Ok(Outcome::failed_if(r.failed() > 0))
}
