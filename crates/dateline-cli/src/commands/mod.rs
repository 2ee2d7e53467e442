//! One module per subcommand, each an adapter over the `dateline` library: its arguments
//! (`Args`) and a `run` that calls the library and prints what it answers.

use std::io::Write;

use clap::Subcommand;

use crate::exit::{Failure, Outcome};

mod actors;
mod changes;
mod delete;
mod edit;
mod events;
mod export;
mod extract;
mod feeds;
mod graph;
mod import;
mod info;
mod merge;
mod merge_actors;
mod new;
mod redo;
mod rename_actor;
mod restore;
mod search;
mod split_actor;
mod timex;
mod undo;
mod watch;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the events found in files or folders, without a workspace.
    Extract(extract::Args),
    /// Add files or folders to the workspace (re-importing a file changes nothing). An events
    /// file (`dateline extract --format articles`, a Spark or Ray job's) brings its articles
    /// with their events, as extracted there.
    Import(import::Args),
    /// Merge the events of events files across articles, without a workspace, as an import
    /// of them would: one merged event a line (JSONL).
    Merge(merge::Args),
    /// List the workspace's events (merged across articles) in date order.
    Events(events::Args),
    /// Find events by words in their labels, participants, places and articles, best first.
    Search(search::Args),
    /// List the workspace's actors, one per identity, with the other names they go by.
    Actors(actors::Args),
    /// Correct an event: its type, status, dates, place or participants (kept across re-imports).
    Edit(edit::Args),
    /// Delete an event (restore it with `dateline restore`).
    Delete(delete::Args),
    /// Restore a deleted event.
    Restore(restore::Args),
    /// Make several actors one: FROM actors become INTO (ids from `dateline actors`).
    MergeActors(merge_actors::Args),
    /// Take one of an actor's names out of it: the people merged under that name stand alone again.
    #[command(mut_arg("name", |a| a.help("One of the names `dateline actors` lists for the actor")))]
    SplitActor(split_actor::Args),
    /// Give an actor another name.
    RenameActor(rename_actor::Args),
    /// Undo the last correction.
    Undo(undo::Args),
    /// Redo the last undone correction.
    Redo(redo::Args),
    /// Draw the workspace's timeline as an image (.png, .svg, .pdf) or write its events as data:
    /// .csv (with a sibling FILE-actors.csv), .json, .graphml, .gexf (Gephi, dated), .ics
    /// (calendar), or TimelineJS JSON with --format timelinejs.
    Export(export::Args),
    /// The actor graph: who takes part in events with whom.
    Graph {
        #[command(subcommand)]
        command: graph::Command,
    },
    /// News feed subscriptions: add, list, remove, update (fetch and import new items).
    Feeds {
        #[command(subcommand)]
        command: feeds::Command,
    },
    /// What the updates (feeds, watched folders) changed since you last marked them seen.
    Changes(changes::Args),
    /// Keep the workspace current: import new and changed files of watched folders as they come,
    /// report deleted ones, and fetch subscribed feeds on their schedule. Runs until stopped.
    Watch(watch::Args),
    /// Create a new, empty workspace (an import creates one too; no other command does).
    New(new::Args),
    /// Show the workspace's file and counts.
    Info(info::Args),
    /// Tag temporal expressions (evaluation format): JSONL {"doc","dct","text"} in,
    /// one {"doc","start","end","type","value"} per expression out (code-point offsets).
    Timex(timex::Args),
}

impl Command {
    /// Runs the command, writing its answer to `out` and what it did to stderr.
    pub fn run(self, out: &mut dyn Write) -> Result<Outcome, Failure> {
        match self {
            Command::Extract(a) => extract::run(a, out),
            Command::Import(a) => import::run(a),
            Command::Merge(a) => merge::run(a, out),
            Command::Events(a) => events::run(a, out),
            Command::Search(a) => search::run(a, out),
            Command::Actors(a) => actors::run(a, out),
            Command::Edit(a) => edit::run(a, out),
            Command::Delete(a) => delete::run(a),
            Command::Restore(a) => restore::run(a),
            Command::MergeActors(a) => merge_actors::run(a),
            Command::SplitActor(a) => split_actor::run(a),
            Command::RenameActor(a) => rename_actor::run(a),
            Command::Undo(a) => undo::run(a),
            Command::Redo(a) => redo::run(a),
            Command::Export(a) => export::run(a),
            Command::Graph { command } => graph::run(command, out),
            Command::Feeds { command } => feeds::run(command, out),
            Command::Watch(a) => watch::run(a),
            Command::Changes(a) => changes::run(a, out),
            Command::New(a) => new::run(a),
            Command::Info(a) => info::run(a, out),
            Command::Timex(a) => timex::run(a, out),
        }
    }
}
