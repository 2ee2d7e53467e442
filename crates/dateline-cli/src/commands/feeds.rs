//! `dateline feeds add|list|remove|update`: the workspace's news feed subscriptions, fetched
//! from here on demand (`update`) or on their schedule (`update --due`, `dateline watch`).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use dateline::{FeedResult, FeedSelection, FeedUpdateReport, FetchLimits, Fetcher, FileStatus, Workspace};

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};
use crate::output;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Subscribe to an RSS or Atom feed (nothing is fetched until an update).
    Add {
        url: String,
        /// How often `update --due` and `dateline watch` fetch it: 90 (minutes), 30m, 2h, 1d.
        #[arg(long, value_name = "INTERVAL", default_value = "60m", value_parser = parse_every)]
        every: u32,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// List the subscriptions, with their last update and errors.
    List {
        /// table, or json (one object per subscription).
        #[arg(long, default_value = "table", value_parser = ["table", "json"])]
        format: String,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Unsubscribe (by id or address); the articles the feed brought stay.
    Remove {
        feed: String,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Fetch the feeds and import their new items' articles.
    Update {
        /// Only the feeds due on their schedule (and not backing off after failures).
        #[arg(long)]
        due: bool,
        /// Write one JSON entry per article page: {"path","status","articles","reason"}.
        #[arg(long, value_name = "FILE.json")]
        report: Option<PathBuf>,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
}

/// An interval in minutes: `90`, `30m`, `2h`, `1d`.
fn parse_every(s: &str) -> Result<u32, String> {
    let s = s.trim();
    let (n, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&s[..i], &s[i..]),
        None => (s, "m"),
    };
    let n: u32 = n.parse().map_err(|_| format!("{s:?} is not an interval: use 90, 30m, 2h or 1d"))?;
    let minutes = match unit {
        "m" | "min" => Some(n),
        "h" => n.checked_mul(60),
        "d" => n.checked_mul(24 * 60),
        _ => None,
    };
    minutes
        .filter(|m| *m > 0)
        .ok_or_else(|| format!("{s:?} is not an interval of at least a minute: use 90, 30m, 2h or 1d"))
}

pub fn run(command: Command, out: &mut dyn Write) -> Result<Outcome, Failure> {
    match command {
        Command::Add { url, every, workspace } => {
            let mut ws = workspace.open_existing()?;
            let f = ws.add_feed(&url, every)?;
            eprintln!(
                "{}",
                output::terminal_safe(&format!(
                    "subscribed to {} (#{}), every {} min",
                    f.url, f.id, f.every_minutes
                ))
            );
            Ok(Outcome::Done)
        }
        Command::List { format, workspace } => {
            let ws = workspace.open_read()?;
            let feeds = ws.feeds()?;
            if format == "json" {
                for f in &feeds {
                    writeln!(out, "{}", serde_json::to_string(f)?)?;
                }
                return Ok(Outcome::Done);
            }
            for f in &feeds {
                let state = match (&f.last_error, &f.last_success) {
                    (Some(e), _) if f.failures > 0 => format!("failed {}x: {e}", f.failures),
                    (Some(e), Some(t)) => format!("updated {t}; {e}"),
                    (None, Some(t)) => format!("updated {t}"),
                    _ => "never fetched".to_string(),
                };
                let line = format!(
                    "{:>4}  {}  every {} min, {} items, next {}  {}  {}",
                    f.id,
                    f.url,
                    f.every_minutes,
                    f.items,
                    f.next_due,
                    f.title.as_deref().unwrap_or("-"),
                    state
                );
                writeln!(out, "{}", output::terminal_safe(&line))?;
            }
            Ok(Outcome::Done)
        }
        Command::Remove { feed, workspace } => {
            let mut ws = workspace.open_existing()?;
            let f = ws.remove_feed(&feed)?;
            eprintln!(
                "{}",
                output::terminal_safe(&format!("unsubscribed from {} (#{}); its articles stay", f.url, f.id))
            );
            Ok(Outcome::Done)
        }
        Command::Update { due, report, workspace } => {
            let which = if due { FeedSelection::Due } else { FeedSelection::All };
            let r = update(&workspace, &Fetcher::new(FetchLimits::default()), which)?;
            if let Some(file) = report {
                let json = serde_json::to_string_pretty(&r.import.files)?;
                dateline::write_atomically(&file, (json + "\n").as_bytes())
                    .with_context(|| format!("writing the report {}", file.display()))?;
            }
            Ok(Outcome::failed_if(r.failed_feeds() > 0 || r.import.failed() > 0))
        }
    }
}

/// One update of the feeds under the import lock, told on stderr.
pub fn update(
    workspace: &WorkspaceArg,
    fetcher: &Fetcher,
    which: FeedSelection,
) -> anyhow::Result<FeedUpdateReport> {
    let (_one_import, mut ws) = workspace.open_for_import()?;
    let mut progress = output::Progress::new();
    let r = ws.update_feeds(fetcher, which, &mut |p| progress.update(p));
    progress.finish();
    let r = r?;
    tell(&ws, &r)?;
    Ok(r)
}

/// What an update did, one line per feed, page problem and change.
pub fn tell(ws: &Workspace, r: &FeedUpdateReport) -> anyhow::Result<()> {
    for f in &r.feeds {
        let what = match f.result {
            FeedResult::Read => {
                format!("{} new {}", f.new_items, if f.new_items == 1 { "item" } else { "items" })
            }
            FeedResult::NotModified => "not modified".into(),
            FeedResult::Failed => "failed".into(),
            FeedResult::NotDue => "not due".into(),
        };
        let line = match &f.message {
            Some(m) => format!("feed {}: {what}: {m}", f.url),
            None => format!("feed {}: {what}", f.url),
        };
        eprintln!("{}", output::terminal_safe(&line));
    }
    for l in r.import.files.iter().filter(|l| matches!(l.status, FileStatus::Failed | FileStatus::Skipped)) {
        let line = format!("{:?}: {}: {}", l.status, l.path, l.reason.as_deref().unwrap_or(""));
        eprintln!("{}", output::terminal_safe(&line));
    }
    super::watch::tell_changes(&r.changes);
    let info = ws.info()?;
    eprintln!(
        "{}",
        output::terminal_safe(&format!(
            "imported {} articles from {} feeds ({} failed) into {}: it holds {} events",
            r.import.articles_added,
            r.feeds.iter().filter(|f| f.result != FeedResult::NotDue).count(),
            r.failed_feeds(),
            ws.path().display(),
            info.events
        ))
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn intervals() {
        let cases = [("90", Ok(90)), ("30m", Ok(30)), ("2h", Ok(120)), ("1d", Ok(1440))];
        for (s, want) in cases {
            assert_eq!(super::parse_every(s), want, "{s}");
        }
        for bad in ["0", "5s", "h", "", "99999999999d"] {
            assert!(super::parse_every(bad).is_err(), "{bad}");
        }
    }
}
