//! `dateline watch`: keep the workspace current, headless. New and changed files in the watched
//! folders are imported within seconds (as `dateline import` would), deleted ones reported
//! (their events stay); subscribed feeds are fetched on their schedule. Runs until stopped.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dateline::{
    Cancel, ChangeKind, EventChange, FeedSelection, FetchLimits, Fetcher, FileStatus, FolderChanges,
    FolderWatch,
};

use crate::args::WorkspaceArg;
use crate::exit::{Failure, Outcome};
use crate::output;

/// How often the feeds' schedules are looked at.
const FEED_CHECK: Duration = Duration::from_secs(60);

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folders to add to the workspace's watched folders (kept for the next time).
    folders: Vec<PathBuf>,
    /// List the watched folders and stop.
    #[arg(long)]
    list: bool,
    /// Stop watching these folders (their articles stay) and stop.
    #[arg(long, value_name = "FOLDER")]
    forget: Vec<PathBuf>,
    /// Do not fetch the subscribed feeds, only watch the folders.
    #[arg(long)]
    no_feeds: bool,
    #[command(flatten)]
    workspace: WorkspaceArg,
}

/// The changes an update made to the events, one line each.
pub fn tell_changes(changes: &[EventChange]) {
    for c in changes {
        let line = match c.change {
            ChangeKind::New => format!("new event #{}: {}", c.event_id, c.label),
            ChangeKind::Status | ChangeKind::Date => format!(
                "changed event #{}: {}: {} {} -> {}",
                c.event_id,
                c.label,
                if c.change == ChangeKind::Status { "status" } else { "dates" },
                c.before.as_deref().unwrap_or("-"),
                c.after.as_deref().unwrap_or("-")
            ),
        };
        eprintln!("{}", output::terminal_safe(&line));
    }
}

pub fn run(args: Args) -> Result<Outcome, Failure> {
    if args.list || !args.forget.is_empty() {
        let mut ws = args.workspace.open_existing()?;
        for f in &args.forget {
            if !ws.unwatch_folder(f)? {
                return Err(Failure::Usage(anyhow::anyhow!(
                    "{} is not watched: see `dateline watch --list`",
                    f.display()
                )));
            }
        }
        for f in ws.watched_folders()? {
            println!("{}", output::terminal_safe(&f.display().to_string()));
        }
        return Ok(Outcome::Done);
    }
    let folders = {
        let (_one_import, mut ws) = args.workspace.open_for_import()?;
        for f in &args.folders {
            ws.watch_folder(f)?;
        }
        ws.watched_folders()?
    };
    let feeds = !args.no_feeds && !args.workspace.open_read()?.feeds()?.is_empty();
    if folders.is_empty() && !feeds {
        return Err(Failure::Usage(anyhow::anyhow!(
            "nothing to watch: name a folder (`dateline watch FOLDER`) or subscribe to a feed (`dateline feeds add URL`)"
        )));
    }
    let watch = FolderWatch::start(&folders)?;
    for f in watch.folders() {
        eprintln!("{}", output::terminal_safe(&format!("watching {}", f.display())));
    }
    // What came while nobody watched: the folders whole, as a drop of them would.
    let catch_up = FolderChanges { changed: watch.folders().iter().cloned().collect(), ..Default::default() };
    import(&args.workspace, &catch_up)?;
    let fetcher = Fetcher::new(FetchLimits::default());
    let mut next_feeds = Instant::now();
    // A server keeps watching whatever one round met (a busy workspace, a full disk): each
    // failure is said, and the next round tries again.
    loop {
        if feeds && Instant::now() >= next_feeds {
            if let Err(e) = crate::commands::feeds::update(&args.workspace, &fetcher, FeedSelection::Due) {
                eprintln!("error: feeds: {e:#}");
            }
            next_feeds = Instant::now() + FEED_CHECK;
        }
        if let Some(changes) = watch.next_changes(Duration::from_secs(1), Duration::from_millis(500))
            && let Err(e) = import(&args.workspace, &changes)
        {
            eprintln!("error: watching: {e:#}");
        }
    }
}

/// Imports one round of folder changes under the import lock, and tells what it did.
fn import(workspace: &WorkspaceArg, changes: &FolderChanges) -> anyhow::Result<()> {
    let (_one_import, mut ws) = workspace.open_for_import()?;
    let r = ws.import_changes(changes, &Cancel::default(), &mut |_| {})?;
    for f in &r.import.files {
        let line = match (f.status, &f.reason) {
            (FileStatus::Imported, None) => format!("imported {} ({} articles)", f.path, f.articles),
            (FileStatus::Unchanged, _) => continue,
            (status, reason) => format!("{status:?}: {}: {}", f.path, reason.as_deref().unwrap_or("")),
        };
        eprintln!("{}", output::terminal_safe(&line));
    }
    for d in &r.removed {
        let line =
            format!("deleted {}: its {} articles and their events stay in the workspace", d.path, d.articles);
        eprintln!("{}", output::terminal_safe(&line));
    }
    for e in &r.errors {
        eprintln!("{}", output::terminal_safe(&format!("watching: {e}")));
    }
    tell_changes(&r.changes);
    Ok(())
}
