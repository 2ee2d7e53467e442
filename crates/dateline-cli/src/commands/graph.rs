//! `dateline graph ...`: questions about who meets whom, answered from the workspace's actor
//! graph.

use std::io::Write;

use dateline::{ActorNetwork, GraphView};

use crate::args::{FilterArgs, WorkspaceArg};
use crate::exit::{Failure, Outcome};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
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

/// The events a graph command looks at (as `dateline events` selects them), and the workspace.
#[derive(Debug, clap::Args)]
pub struct Window {
    #[command(flatten)]
    selection: FilterArgs,
    #[command(flatten)]
    workspace: WorkspaceArg,
}

pub fn run(command: Command, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let window = match &command {
        Command::Centrality { window, .. }
        | Command::Ego { window, .. }
        | Command::Path { window, .. }
        | Command::Components { window }
        | Command::Communities { window } => window,
    };
    let ws = window.workspace.open_read()?;
    let network = ws.actor_network(&window.selection.to_selection(&ws)?)?;
    match &command {
        Command::Centrality { top, .. } => centrality(out, &network.view_of(&network.graph), *top)?,
        Command::Ego { actor, hops, .. } => {
            let id = resolve(&network, actor).map_err(usage)?;
            let ego = network.graph.induced(&network.graph.ego(id, *hops));
            ego_lines(out, &network.view_of(&ego))?;
        }
        Command::Path { source, target, .. } => {
            let (a, b) = match (resolve(&network, source), resolve(&network, target)) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), Ok(_)) | (Ok(_), Err(e)) => return Err(usage(e)),
                (Err(e), Err(f)) => return Err(usage(format!("{e}\nerror: {f}"))),
            };
            let path = network.graph.shortest_path(a, b);
            if path.is_empty() {
                eprintln!("no chain of shared events links them");
                return Ok(Outcome::Done);
            }
            let names: Vec<String> =
                path.iter().map(|id| format!("{} [{id}]", network.name(*id).unwrap_or("?"))).collect();
            writeln!(out, "{}", names.join(" → "))?;
        }
        Command::Components { .. } => groups(out, "component", &network.graph.components(), &network)?,
        Command::Communities { .. } => {
            let view = network.view_of(&network.graph);
            groups(out, "community", &communities(&view), &network)?;
        }
    }
    Ok(Outcome::Done)
}

/// An actor named on the command line that does not name exactly one actor (exit code 2).
fn usage(message: String) -> Failure {
    Failure::Usage(anyhow::Error::msg(message))
}

/// An actor by id, by exact name (any case), or by a unique part of its name.
fn resolve(network: &ActorNetwork, query: &str) -> Result<i64, String> {
    if let Ok(id) = query.trim().parse::<i64>() {
        return if network.graph.contains(id) {
            Ok(id)
        } else {
            Err(format!("no actor with id {id} takes part in the selected events"))
        };
    }
    let names = network.names();
    let wanted = query.trim().to_lowercase();
    let exact: Vec<&(i64, &str)> = names.iter().filter(|(_, n)| n.to_lowercase() == wanted).collect();
    let found: Vec<&(i64, &str)> = if exact.is_empty() {
        names.iter().filter(|(_, n)| n.to_lowercase().contains(&wanted)).collect()
    } else {
        exact
    };
    match found.as_slice() {
        [(id, _)] => Ok(*id),
        [] => Err(format!(
            "no actor called {query:?} takes part in the selected events (see `dateline graph centrality`)"
        )),
        many => {
            let list: Vec<String> = many.iter().take(8).map(|(id, n)| format!("  {id:>6}  {n}")).collect();
            let more =
                if many.len() > 8 { format!("\n  ... and {} more", many.len() - 8) } else { String::new() };
            Err(format!(
                "{query:?} names {} actors; give one of these ids or a fuller name:\n{}{more}",
                many.len(),
                list.join("\n")
            ))
        }
    }
}

/// Actors by betweenness, then degree, then id.
fn centrality(out: &mut dyn Write, view: &GraphView, top: usize) -> std::io::Result<()> {
    let mut nodes: Vec<_> = view.nodes.iter().collect();
    nodes.sort_by(|a, b| {
        b.betweenness.total_cmp(&a.betweenness).then(b.degree.cmp(&a.degree)).then(a.id.cmp(&b.id))
    });
    writeln!(
        out,
        "{:>6}  {:<32} {:>6} {:>6} {:>11} {:>9}",
        "id", "actor", "events", "degree", "betweenness", "community"
    )?;
    for n in nodes.into_iter().take(top) {
        writeln!(
            out,
            "{:>6}  {:<32} {:>6} {:>6} {:>11.4} {:>9}",
            n.id, n.name, n.events, n.degree, n.betweenness, n.community
        )?;
    }
    Ok(())
}

/// Nodes, then edges with their weights.
fn ego_lines(out: &mut dyn Write, view: &GraphView) -> std::io::Result<()> {
    writeln!(out, "{} actors, {} links", view.nodes.len(), view.edges.len())?;
    let name = |id: i64| view.nodes.iter().find(|n| n.id == id).map_or("?", |n| n.name.as_str());
    for n in &view.nodes {
        writeln!(out, "{:>6}  {:<32} degree {:>3}  events {:>4}", n.id, n.name, n.degree, n.events)?;
    }
    for e in &view.edges {
        writeln!(out, "  {} — {}  ({} shared events)", name(e.source), name(e.target), e.weight)?;
    }
    Ok(())
}

/// Groups of actor ids (components or communities), each on one line with its names.
fn groups(
    out: &mut dyn Write,
    what: &str,
    groups: &[Vec<i64>],
    network: &ActorNetwork,
) -> std::io::Result<()> {
    for (i, g) in groups.iter().enumerate() {
        let names: Vec<&str> = g.iter().filter_map(|id| network.name(*id)).collect();
        writeln!(out, "{what} {} ({} actors): {}", i + 1, g.len(), names.join(", "))?;
    }
    Ok(())
}

/// Communities as groups, the largest first.
fn communities(view: &GraphView) -> Vec<Vec<i64>> {
    let mut by: std::collections::BTreeMap<u32, Vec<i64>> = Default::default();
    for n in &view.nodes {
        by.entry(n.community).or_default().push(n.id);
    }
    let mut groups: Vec<Vec<i64>> = by.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}
