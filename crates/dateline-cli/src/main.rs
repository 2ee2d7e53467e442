//! `dateline`: the command-line front end. Every command is a thin layer over the `dateline`
//! library, which the desktop app calls too.

mod graph;
mod output;

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use dateline::{Cancel, FileStatus, Workspace};

/// Exit codes: 0 everything worked; 1 some input files failed (the rest was done);
/// 2 wrong usage; 3 the workspace or an output file could not be used.
#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "Find dated diplomatic events (visits, meetings, calls, conferences) in news articles.",
    long_about = "Find dated diplomatic events (visits, meetings, calls, conferences) in news articles.\n\n\
        Quick start:\n  dateline extract samples            print the events found in a folder\n  \
        dateline import samples             add articles to your workspace\n  \
        dateline events                     list the workspace's events\n  \
        dateline export --out timeline.png  draw the workspace's timeline\n  \
        dateline export --out events.csv    write its events as data (.csv .json .graphml .gexf .ics)\n  \
        dateline graph centrality           who is central to the network\n\n\
        Articles may be .txt, .md or .html files, or folders of them.\n\
        Exit codes: 0 ok; 1 some files failed (the rest was done); 2 wrong usage; 3 workspace or output error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the events found in files or folders, without a workspace.
    Extract {
        /// Files or folders to read (folders recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
        format: ExtractFormat,
    },
    /// Add files or folders to the workspace (re-importing a file changes nothing).
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        workspace: WorkspaceArg,
        /// Write one JSON entry per input file here: {"path","status","articles","reason"}.
        #[arg(long, value_name = "FILE.json")]
        report: Option<PathBuf>,
    },
    /// List the workspace's events (merged across articles) in date order.
    Events {
        #[command(flatten)]
        workspace: WorkspaceArg,
        #[arg(long, value_enum, default_value_t = EventsFormat::Table)]
        format: EventsFormat,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Find events by words in their labels, participants, places and articles, best first.
    Search {
        query: String,
        #[command(flatten)]
        workspace: WorkspaceArg,
        #[arg(long, value_enum, default_value_t = EventsFormat::Table)]
        format: EventsFormat,
    },
    /// List the workspace's actors, one per identity, with the other names they go by.
    Actors {
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Correct an event: its type, status, dates, place or participants (kept across re-imports).
    Edit {
        /// The event's id (first column of `dateline events`).
        id: i64,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<dateline::model::EventKind>,
        #[arg(long, value_parser = parse_status)]
        status: Option<dateline::model::Status>,
        /// First day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Last day (YYYY-MM-DD); default: the first day.
        #[arg(long, value_name = "DATE")]
        end: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        country: Option<String>,
        /// A participant by name (repeat for each; replaces the list).
        #[arg(long = "participant", value_name = "NAME")]
        participants: Vec<String>,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Delete an event (restore it with `dateline restore`).
    Delete {
        id: i64,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Restore a deleted event.
    Restore {
        id: i64,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Make several actors one: FROM actors become INTO (ids from `dateline actors`).
    MergeActors {
        into: i64,
        #[arg(required = true)]
        from: Vec<i64>,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Take one of an actor's names out of it: the people merged under that name stand alone again.
    SplitActor {
        id: i64,
        /// One of the names `dateline actors` lists for the actor.
        name: String,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Give an actor another name.
    RenameActor {
        id: i64,
        name: String,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Undo the last correction.
    Undo {
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Redo the last undone correction.
    Redo {
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Draw the workspace's timeline as an image (.png, .svg, .pdf) or write its events as data:
    /// .csv (with a sibling FILE-actors.csv), .json, .graphml, .gexf (Gephi, dated), .ics
    /// (calendar), or TimelineJS JSON with --format timelinejs.
    Export {
        /// The file to write; its extension chooses the format unless --format is given.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// A data format, whatever the extension.
        #[arg(long, value_enum)]
        format: Option<DataFormatArg>,
        /// First day of the window (YYYY-MM-DD); default: the first event.
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Last day of the window (YYYY-MM-DD); default: the last event.
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// One lane per event type, actor, country or source.
        #[arg(long, value_enum, default_value_t = Lanes::Type)]
        lanes: Lanes,
        /// Width in pixels (before --scale).
        #[arg(long, default_value_t = 1600)]
        width: u32,
        /// Pixel ratio of PNG output (2 for sharp images on high-density screens).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        subtitle: Option<String>,
        /// Dark background.
        #[arg(long)]
        dark: bool,
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// The actor graph: who takes part in events with whom.
    Graph {
        #[command(subcommand)]
        command: GraphCommand,
    },
    /// Show the workspace's file and counts.
    Info {
        #[command(flatten)]
        workspace: WorkspaceArg,
    },
    /// Tag temporal expressions (evaluation format): JSONL {"doc","dct","text"} in,
    /// one {"doc","start","end","type","value"} per expression out (code-point offsets).
    Timex {
        #[arg(long, value_name = "FILE.jsonl")]
        input: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum GraphCommand {
    /// Actors by betweenness centrality, with degree, event count and community.
    Centrality {
        /// How many actors to show.
        #[arg(long, default_value_t = 20)]
        top: usize,
        #[command(flatten)]
        window: Window,
    },
    /// The actors within K hops of ACTOR, and the links among them.
    Ego {
        /// An actor id, name, or unique part of a name.
        actor: String,
        #[arg(long, default_value_t = 1)]
        hops: u32,
        #[command(flatten)]
        window: Window,
    },
    /// A shortest chain of co-participation from one actor to another.
    Path {
        /// Where the chain starts: an actor id, name, or unique part of a name.
        #[arg(value_name = "ACTOR")]
        source: String,
        /// Where it ends.
        #[arg(value_name = "ACTOR")]
        target: String,
        #[command(flatten)]
        window: Window,
    },
    /// Groups of actors linked by shared events, the largest first.
    Components {
        #[command(flatten)]
        window: Window,
    },
    /// Communities (Louvain modularity), the largest first.
    Communities {
        #[command(flatten)]
        window: Window,
    },
}

/// The events a graph command looks at, and the workspace.
#[derive(Debug, clap::Args)]
struct Window {
    /// Only events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<chrono::NaiveDate>,
    /// Only events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<chrono::NaiveDate>,
    #[command(flatten)]
    workspace: WorkspaceArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DataFormatArg {
    Csv,
    Json,
    Graphml,
    Gexf,
    Ics,
    Timelinejs,
}

impl From<DataFormatArg> for dateline::DataFormat {
    fn from(f: DataFormatArg) -> Self {
        match f {
            DataFormatArg::Csv => dateline::DataFormat::Csv,
            DataFormatArg::Json => dateline::DataFormat::Json,
            DataFormatArg::Graphml => dateline::DataFormat::GraphMl,
            DataFormatArg::Gexf => dateline::DataFormat::Gexf,
            DataFormatArg::Ics => dateline::DataFormat::Ics,
            DataFormatArg::Timelinejs => dateline::DataFormat::TimelineJs,
        }
    }
}

#[derive(Debug, clap::Args)]
struct WorkspaceArg {
    /// The workspace file (default: $DATELINE_WORKSPACE, else ~/.local/share/dateline/workspace.dateline).
    #[arg(long, value_name = "FILE")]
    workspace: Option<PathBuf>,
}

impl WorkspaceArg {
    fn open(&self) -> anyhow::Result<Workspace> {
        let path = match &self.workspace {
            Some(p) => p.clone(),
            None => Workspace::default_path()?,
        };
        Workspace::open(&path).with_context(|| format!("opening the workspace {}", path.display()))
    }
}

#[derive(Debug, clap::Args)]
struct FilterArgs {
    /// Events that end on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<chrono::NaiveDate>,
    /// Events that start on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<chrono::NaiveDate>,
    /// Events this actor takes part in (a name or alias from `dateline actors`).
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// visit, meeting, call or conference (repeat for several).
    #[arg(long, value_parser = parse_kind)]
    kind: Vec<dateline::model::EventKind>,
    /// occurred, planned, cancelled or postponed (repeat for several).
    #[arg(long, value_parser = parse_status)]
    status: Vec<dateline::model::Status>,
    /// The event's country or a participant's.
    #[arg(long)]
    country: Vec<String>,
    /// An outlet or article name among the event's sources.
    #[arg(long)]
    source: Vec<String>,
    /// Words in the event or its articles.
    #[arg(long)]
    text: Option<String>,
    /// List deleted events instead.
    #[arg(long)]
    deleted: bool,
}

impl FilterArgs {
    fn to_filter(&self, ws: &Workspace) -> anyhow::Result<dateline::EventFilter> {
        let actor_id = match &self.actor {
            None => None,
            Some(name) => {
                let want = name.trim().to_lowercase();
                let actors = ws.actors()?;
                let found = actors
                    .iter()
                    .find(|a| a.name.to_lowercase() == want)
                    .or_else(|| actors.iter().find(|a| a.aliases.iter().any(|x| x.to_lowercase() == want)))
                    .or_else(|| actors.iter().find(|a| a.name.to_lowercase().contains(&want)));
                Some(
                    found
                        .map(|a| a.id)
                        .ok_or_else(|| anyhow::anyhow!("no actor named {name:?}: see `dateline actors`"))?,
                )
            }
        };
        Ok(dateline::EventFilter {
            from: self.from,
            to: self.to,
            kinds: self.kind.clone(),
            statuses: self.status.clone(),
            actor_id,
            countries: self.country.clone(),
            sources: self.source.clone(),
            text: self.text.clone(),
            deleted: self.deleted,
        })
    }
}

fn parse_kind(s: &str) -> Result<dateline::model::EventKind, String> {
    dateline::model::EventKind::parse(&s.to_lowercase())
        .ok_or_else(|| format!("{s:?} is not an event type: visit, meeting, call or conference"))
}

fn parse_status(s: &str) -> Result<dateline::model::Status, String> {
    dateline::model::Status::parse(&s.to_lowercase())
        .ok_or_else(|| format!("{s:?} is not a status: occurred, planned, cancelled or postponed"))
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// One event per line, as shared/eval/EVENTS.md defines it.
    Jsonl,
    /// A table for people.
    Table,
    /// Every tag and event with its text: time expressions, mentions, evidence (for developers).
    Debug,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Lanes {
    Type,
    Actor,
    Country,
    Source,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum EventsFormat {
    Table,
    Jsonl,
    Csv,
}

/// Failures that map to exit code 3.
struct Fatal(anyhow::Error);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Fatal(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::from(3)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Extract { paths, format } => {
            let (docs, reports) = dateline::extract_paths(&paths);
            for r in &reports {
                if matches!(r.status, FileStatus::Failed) {
                    let line = format!("failed: {}: {}", r.path, r.reason.as_deref().unwrap_or(""));
                    eprintln!("{}", output::terminal_safe(&line));
                }
            }
            match format {
                ExtractFormat::Jsonl => output::extract_jsonl(&mut out, &docs),
                ExtractFormat::Table => output::extract_table(&mut out, &docs),
                ExtractFormat::Debug => output::extract_debug(&mut out, &docs),
            }
            .map_err(|e| Fatal(e.into()))?;
            failed_code(reports.iter().any(|r| r.status == FileStatus::Failed))
        }
        Command::Import { paths, workspace, report } => {
            let mut ws = workspace.open().map_err(Fatal)?;
            let mut progress = output::Progress::new();
            let result = ws.import(&paths, &Cancel::default(), &mut |p| progress.update(p));
            progress.finish();
            let r = result.map_err(|e| Fatal(e.into()))?;
            for f in &r.files {
                if matches!(f.status, FileStatus::Failed | FileStatus::Skipped) {
                    let line = format!("{:?}: {}: {}", f.status, f.path, f.reason.as_deref().unwrap_or(""));
                    eprintln!("{}", output::terminal_safe(&line));
                }
            }
            // The workspace's own counts (merged events, one actor per identity): the ones
            // `dateline info` and the app show, not the mentions this import added.
            let info = ws.info().map_err(|e| Fatal(e.into()))?;
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
            if let Some(path) = report {
                let json = serde_json::to_string_pretty(&r.files).map_err(|e| Fatal(e.into()))?;
                std::fs::write(&path, json + "\n")
                    .with_context(|| format!("writing the report {}", path.display()))
                    .map_err(Fatal)?;
            }
            failed_code(r.failed() > 0)
        }
        Command::Events { workspace, format, filter } => {
            let ws = workspace.open().map_err(Fatal)?;
            let filter = match filter.to_filter(&ws) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    return Ok(ExitCode::from(2));
                }
            };
            let rows = ws.event_rows(&filter).map_err(|e| Fatal(e.into()))?;
            print_events(&mut out, &rows, format)?;
            ExitCode::SUCCESS
        }
        Command::Search { query, workspace, format } => {
            let ws = workspace.open().map_err(Fatal)?;
            let ids = ws.search(&query).map_err(|e| Fatal(e.into()))?;
            let mut rows = ws.event_rows(&Default::default()).map_err(|e| Fatal(e.into()))?;
            let rank: std::collections::HashMap<i64, usize> =
                ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
            rows.retain(|r| rank.contains_key(&r.id));
            rows.sort_by_key(|r| rank[&r.id]);
            print_events(&mut out, &rows, format)?;
            failed_code(rows.is_empty())
        }
        Command::Actors { workspace } => {
            let ws = workspace.open().map_err(Fatal)?;
            for a in ws.actors().map_err(|e| Fatal(e.into()))? {
                writeln!(
                    out,
                    "{:>6}  {:<12} {:<32} {:<20} {:>4}  {}",
                    a.id,
                    a.kind.as_str(),
                    a.name,
                    a.country.as_deref().unwrap_or("-"),
                    a.events,
                    a.aliases.join("; ")
                )
                .map_err(|e| Fatal(e.into()))?;
            }
            ExitCode::SUCCESS
        }
        Command::Edit { id, kind, status, date, end, place, country, participants, workspace } => {
            let mut ws = workspace.open().map_err(Fatal)?;
            let patch = dateline::EventPatch {
                kind,
                status,
                end: end.or_else(|| date.clone()),
                start: date,
                precision: None,
                place,
                country,
                participants: (!participants.is_empty()).then_some(participants),
            };
            let e = ws.update_event(id, patch).map_err(|e| Fatal(e.into()))?;
            writeln!(
                out,
                "{:>6}  {} {} {} {}",
                e.id,
                e.kind.as_str(),
                e.status.as_str(),
                e.start.as_deref().unwrap_or("-"),
                e.label
            )
            .map_err(|e| Fatal(e.into()))?;
            ExitCode::SUCCESS
        }
        Command::Delete { id, workspace } => {
            workspace.open().map_err(Fatal)?.delete_event(id).map_err(|e| Fatal(e.into()))?;
            eprintln!("deleted event {id} (dateline restore {id} brings it back)");
            ExitCode::SUCCESS
        }
        Command::Restore { id, workspace } => {
            workspace.open().map_err(Fatal)?.restore_event(id).map_err(|e| Fatal(e.into()))?;
            eprintln!("restored event {id}");
            ExitCode::SUCCESS
        }
        Command::MergeActors { into, from, workspace } => {
            workspace.open().map_err(Fatal)?.merge_actors(into, from).map_err(|e| Fatal(e.into()))?;
            eprintln!("merged into actor {into}");
            ExitCode::SUCCESS
        }
        Command::SplitActor { id, name, workspace } => {
            workspace.open().map_err(Fatal)?.split_actor(id, name.clone()).map_err(|e| Fatal(e.into()))?;
            eprintln!("split \"{name}\" off actor {id}");
            ExitCode::SUCCESS
        }
        Command::RenameActor { id, name, workspace } => {
            workspace.open().map_err(Fatal)?.rename_actor(id, name).map_err(|e| Fatal(e.into()))?;
            ExitCode::SUCCESS
        }
        Command::Undo { workspace } => {
            let what = workspace.open().map_err(Fatal)?.undo().map_err(|e| Fatal(e.into()))?;
            eprintln!("{}", what.map_or("nothing to undo".into(), |w| format!("undone: {w}")));
            ExitCode::SUCCESS
        }
        Command::Redo { workspace } => {
            let what = workspace.open().map_err(Fatal)?.redo().map_err(|e| Fatal(e.into()))?;
            eprintln!("{}", what.map_or("nothing to redo".into(), |w| format!("redone: {w}")));
            ExitCode::SUCCESS
        }
        Command::Export {
            out: path,
            format,
            from,
            to,
            lanes,
            width,
            scale,
            title,
            subtitle,
            dark,
            workspace,
        } => {
            let ws = workspace.open().map_err(Fatal)?;
            let data =
                format.map(dateline::DataFormat::from).or_else(|| dateline::DataFormat::from_path(&path));
            if let Some(data) = data {
                ws.export_data(&path, data, &graph::query(from, to), chrono::Utc::now())
                    .with_context(|| format!("exporting {}", path.display()))
                    .map_err(Fatal)?;
                if data == dateline::DataFormat::Csv {
                    let actors = dateline::data_export::actors_csv_path(&path);
                    eprintln!("wrote {} and {}", path.display(), actors.display());
                } else {
                    eprintln!("wrote {}", path.display());
                }
                return Ok(ExitCode::SUCCESS);
            }
            let options = dateline::ExportOptions {
                width,
                scale,
                from,
                to,
                lanes: match lanes {
                    Lanes::Type => dateline::LaneBy::Type,
                    Lanes::Actor => dateline::LaneBy::Actor,
                    Lanes::Country => dateline::LaneBy::Country,
                    Lanes::Source => dateline::LaneBy::Source,
                },
                title: title.or_else(|| Some("Diplomatic timeline".into())),
                subtitle,
                theme: if dark { dateline::ThemeName::Dark } else { dateline::ThemeName::Light },
                ..Default::default()
            };
            let filter = dateline::EventFilter { from, to, ..Default::default() };
            let today = chrono::Utc::now().date_naive();
            ws.export_image(&path, &filter, options, today)
                .with_context(|| format!("exporting {}", path.display()))
                .map_err(Fatal)?;
            eprintln!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Command::Graph { command } => run_graph(&mut out, command)?,
        Command::Info { workspace } => {
            let ws = workspace.open().map_err(Fatal)?;
            let info = ws.info().map_err(|e| Fatal(e.into()))?;
            writeln!(
                out,
                "workspace {}\narticles  {}\nevents    {}\nactors    {}",
                info.path, info.articles, info.events, info.actors
            )
            .map_err(|e| Fatal(e.into()))?;
            ExitCode::SUCCESS
        }
        Command::Timex { input } => {
            let file = std::fs::File::open(&input)
                .with_context(|| format!("opening {}", input.display()))
                .map_err(Fatal)?;
            let mut bad = false;
            for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
                let line = line.with_context(|| format!("reading {}", input.display())).map_err(Fatal)?;
                if line.trim().is_empty() {
                    continue;
                }
                match output::timex_line(&line) {
                    Ok(records) => {
                        for r in records {
                            writeln!(out, "{r}").map_err(|e| Fatal(e.into()))?;
                        }
                    }
                    Err(e) => {
                        eprintln!("{}:{}: {e}", input.display(), n + 1);
                        bad = true;
                    }
                }
            }
            failed_code(bad)
        }
    };
    out.flush().map_err(|e| Fatal(e.into()))?;
    Ok(code)
}

fn run_graph(out: &mut impl Write, command: GraphCommand) -> Result<ExitCode, Fatal> {
    let window = match &command {
        GraphCommand::Centrality { window, .. }
        | GraphCommand::Ego { window, .. }
        | GraphCommand::Path { window, .. }
        | GraphCommand::Components { window }
        | GraphCommand::Communities { window } => window,
    };
    let ws = window.workspace.open().map_err(Fatal)?;
    let query = graph::query(window.from, window.to);
    let network = ws.actor_network(&query).map_err(|e| Fatal(e.into()))?;
    let resolve = |name: &str| {
        graph::resolve(&network, name).map_err(|graph::Unresolved(message)| {
            eprintln!("error: {message}");
            ExitCode::from(2)
        })
    };
    let io = |e: std::io::Error| Fatal(e.into());
    match &command {
        GraphCommand::Centrality { top, .. } => {
            graph::centrality(out, &network.view_of(&network.graph), *top).map_err(io)?;
        }
        GraphCommand::Ego { actor, hops, .. } => {
            let id = match resolve(actor) {
                Ok(id) => id,
                Err(code) => return Ok(code),
            };
            let ego = network.graph.induced(&network.graph.ego(id, *hops));
            graph::ego(out, &network.view_of(&ego)).map_err(io)?;
        }
        GraphCommand::Path { source, target, .. } => {
            let (a, b) = match (resolve(source), resolve(target)) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(code), _) | (_, Err(code)) => return Ok(code),
            };
            let path = network.graph.shortest_path(a, b);
            if path.is_empty() {
                eprintln!("no chain of shared events links them");
                return Ok(ExitCode::SUCCESS);
            }
            let names: Vec<String> =
                path.iter().map(|id| format!("{} [{id}]", network.name(*id).unwrap_or("?"))).collect();
            writeln!(out, "{}", names.join(" → ")).map_err(io)?;
        }
        GraphCommand::Components { .. } => {
            graph::groups(out, "component", &network.graph.components(), &network).map_err(io)?;
        }
        GraphCommand::Communities { .. } => {
            let view = network.view_of(&network.graph);
            graph::groups(out, "community", &graph::communities(&view), &network).map_err(io)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_events(
    out: &mut impl Write,
    rows: &[dateline::EventRow],
    format: EventsFormat,
) -> Result<(), Fatal> {
    match format {
        EventsFormat::Table => output::events_table(out, rows),
        EventsFormat::Jsonl => output::events_jsonl(out, rows),
        EventsFormat::Csv => output::events_csv(out, rows),
    }
    .map_err(|e| Fatal(e.into()))
}

fn failed_code(failed: bool) -> ExitCode {
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
