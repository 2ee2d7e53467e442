//! `dateline import`: files and folders into the workspace, with a progress bar.

use std::path::PathBuf;

use anyhow::Context;
use dateline::{Cancel, FileStatus};

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};

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
    let mut ws = args.workspace.open()?;
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files {msg}")?);
    let result = ws.import(&args.paths, &Cancel::default(), &mut |p| {
        bar.set_length(u64::from(p.files_total));
        bar.set_position(u64::from(p.files_done));
        bar.set_message(format!("{} articles, {} events", p.articles, p.events));
    });
    bar.finish_and_clear();
    let r = result?;
    for f in &r.files {
        if matches!(f.status, FileStatus::Failed | FileStatus::Skipped) {
            eprintln!("{:?}: {}: {}", f.status, f.path, f.reason.as_deref().unwrap_or(""));
        }
    }
    eprintln!(
        "imported {} articles with {} events into {} ({} files, {} failed)",
        r.articles_added,
        r.events_added,
        ws.path().display(),
        r.files.len(),
        r.failed()
    );
    if let Some(path) = args.report {
        let json = serde_json::to_string_pretty(&r.files)?;
        std::fs::write(&path, json + "\n")
            .with_context(|| format!("writing the report {}", path.display()))?;
    }
    Ok(Outcome::failed_if(r.failed() > 0))
}
