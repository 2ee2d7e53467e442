//! `dateline timex`: the temporal tagger in the evaluation format, one JSONL line at a time (a
//! bad line is reported with its number and gives exit code 1; the others are still tagged).

use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::Context;
use serde::Deserialize;

use crate::exit::{Failure, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "FILE.jsonl")]
    input: PathBuf,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let input = &args.input;
    let file = match std::fs::File::open(input) {
        Ok(f) => f,
        // The one input named is not there: wrong usage, as for any argument naming nothing.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Failure::Usage(anyhow::anyhow!("no file {}", input.display())));
        }
        Err(e) => return Err(anyhow::Error::new(e).context(format!("opening {}", input.display())).into()),
    };
    let mut bad = false;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", input.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        match records(&line) {
            Ok(records) => {
                for r in records {
                    writeln!(out, "{r}")?;
                }
            }
            Err(e) => {
                eprintln!("{}:{}: {e}", input.display(), n + 1);
                bad = true;
            }
        }
    }
    Ok(Outcome::failed_if(bad))
}

#[derive(Deserialize)]
struct Line {
    doc: String,
    dct: Option<String>,
    text: String,
}

/// One evaluation input line → output lines with Unicode code-point offsets.
fn records(line: &str) -> anyhow::Result<Vec<String>> {
    let input: Line = serde_json::from_str(line)?;
    let dct = input.dct.as_deref().and_then(|d| d.get(..10)).and_then(|d| d.parse().ok());
    dateline::timex_records(&input.doc, dct, &input.text)
        .iter()
        .map(|r| Ok(serde_json::to_string(r)?))
        .collect()
}
