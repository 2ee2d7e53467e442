//! `dateline merge`: the events of events files merged across articles, without a workspace.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::exit::{Failure, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Events files (`dateline extract --format articles`, or a Spark or Ray job's), read in order.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write the merged events here instead of to standard output.
    #[arg(short, long, value_name = "FILE.jsonl")]
    out: Option<PathBuf>,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let paths: Vec<&std::path::Path> = args.paths.iter().map(PathBuf::as_path).collect();
    let merged = dateline::extracted::merge_files(&paths).map_err(|e| Failure::Usage(e.into()))?;
    let mut text = Vec::new();
    for r in &merged {
        serde_json::to_writer(&mut text, r)?;
        text.push(b'\n');
    }
    match &args.out {
        Some(path) => dateline::write_atomically(path, &text)
            .with_context(|| format!("writing the merged events to {}", path.display()))?,
        None => out.write_all(&text)?,
    }
    let sources = merged.iter().filter(|r| r.sources > 1).count();
    eprintln!("merged into {} events ({sources} told by several articles)", merged.len());
    Ok(Outcome::Done)
}
