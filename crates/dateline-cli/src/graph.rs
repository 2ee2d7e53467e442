//! `dateline graph ...`: questions about who meets whom, answered from the workspace's actor
//! graph.

use std::io::Write;

use dateline::{ActorNetwork, GraphQuery, GraphView};

/// An actor named on the command line that does not name exactly one actor (exit code 2).
#[derive(Debug)]
pub struct Unresolved(pub String);

/// An actor by id, by exact name (any case), or by a unique part of its name.
pub fn resolve(network: &ActorNetwork, query: &str) -> Result<i64, Unresolved> {
    if let Ok(id) = query.trim().parse::<i64>() {
        return if network.graph.contains(id) {
            Ok(id)
        } else {
            Err(Unresolved(format!("no actor with id {id} takes part in the selected events")))
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
        [] => Err(Unresolved(format!(
            "no actor called {query:?} takes part in the selected events (see `dateline graph centrality`)"
        ))),
        many => {
            let list: Vec<String> = many.iter().take(8).map(|(id, n)| format!("  {id:>6}  {n}")).collect();
            let more =
                if many.len() > 8 { format!("\n  ... and {} more", many.len() - 8) } else { String::new() };
            Err(Unresolved(format!(
                "{query:?} names {} actors; give one of these ids or a fuller name:\n{}{more}",
                many.len(),
                list.join("\n")
            )))
        }
    }
}

pub fn query(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> GraphQuery {
    GraphQuery { from: from.map(|d| d.to_string()), to: to.map(|d| d.to_string()), event_ids: None }
}

/// Actors by betweenness, then degree, then id.
pub fn centrality(out: &mut impl Write, view: &GraphView, top: usize) -> std::io::Result<()> {
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
pub fn ego(out: &mut impl Write, view: &GraphView) -> std::io::Result<()> {
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
pub fn groups(
    out: &mut impl Write,
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
pub fn communities(view: &GraphView) -> Vec<Vec<i64>> {
    let mut by: std::collections::BTreeMap<u32, Vec<i64>> = Default::default();
    for n in &view.nodes {
        by.entry(n.community).or_default().push(n.id);
    }
    let mut groups: Vec<Vec<i64>> = by.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}
