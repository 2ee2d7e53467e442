//! The actor graph as the app and the command line see it: a projection of the events a
//! [`Selection`] matches onto [`dateline_graph::ActorGraph`], with names attached.

use std::collections::{HashMap, HashSet};

use dateline_graph::{ActorGraph, EventInput};
use dateline_model::ActorKind;
use dateline_store::{EventRow, Selection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Result, Workspace};

/// One actor in the co-participation graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GraphNode {
    /// The actor id.
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    /// Events of the selection this actor takes part in.
    pub events: u32,
    /// Distinct co-participants.
    pub degree: u32,
    /// Betweenness centrality, normalised 0..1.
    pub betweenness: f64,
    /// Community number (Louvain), 0.. in order of the lowest actor id.
    pub community: u32,
}

/// Two actors who share events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GraphEdge {
    #[ts(type = "number")]
    pub source: i64,
    #[ts(type = "number")]
    pub target: i64,
    /// Shared events.
    pub weight: u32,
}

/// The actor–actor co-participation graph of a selection of events.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct GraphView {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// Actors and links of the whole selection: more than `nodes` / `edges` when a
    /// [`GraphLimit`] kept only the most active.
    #[serde(default)]
    pub total_nodes: u32,
    #[serde(default)]
    pub total_edges: u32,
}

/// How much of a graph a view draws: a force layout of thousands of actors freezes a window
/// for minutes, and a hairball that size says nothing. The measures stay those of the whole
/// graph; the view keeps the most active actors and the heaviest links among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphLimit {
    pub nodes: usize,
    pub edges: usize,
}

impl GraphLimit {
    /// What the app's graph pane draws: a cose layout of 250 actors and 1,500 links took
    /// 4.9 s in WebKitGTK, blocking the page; this one about a second.
    pub const APP: GraphLimit = GraphLimit { nodes: 150, edges: 600 };

    /// Keeps the `nodes` actors with the most events (then most co-participants, then lowest id),
    /// always `keep` if it is there, and the `edges` heaviest links among the kept actors.
    pub fn apply(self, mut view: GraphView, keep: Option<i64>) -> GraphView {
        if view.nodes.len() > self.nodes {
            view.nodes.sort_by(|a, b| {
                (Some(b.id) == keep)
                    .cmp(&(Some(a.id) == keep))
                    .then(b.events.cmp(&a.events))
                    .then(b.degree.cmp(&a.degree))
                    .then(a.id.cmp(&b.id))
            });
            view.nodes.truncate(self.nodes);
            view.nodes.sort_by_key(|n| n.id);
            let kept: HashSet<i64> = view.nodes.iter().map(|n| n.id).collect();
            view.edges.retain(|e| kept.contains(&e.source) && kept.contains(&e.target));
        }
        if view.edges.len() > self.edges {
            view.edges.sort_by(|a, b| {
                b.weight.cmp(&a.weight).then((a.source, a.target).cmp(&(b.source, b.target)))
            });
            view.edges.truncate(self.edges);
            view.edges.sort_by_key(|e| (e.source, e.target));
        }
        view
    }
}

/// Name, kind and country of an actor, as the events tell them.
#[derive(Debug, Clone)]
struct ActorInfo {
    name: String,
    kind: ActorKind,
    country: Option<String>,
}

/// The events of a query projected onto actors, with what is known of each actor.
#[derive(Debug)]
pub struct ActorNetwork {
    pub graph: ActorGraph,
    actors: HashMap<i64, ActorInfo>,
}

impl ActorNetwork {
    pub fn from_rows(rows: &[EventRow]) -> Self {
        let inputs: Vec<EventInput> = rows
            .iter()
            .map(|r| EventInput {
                id: r.id,
                kind: r.kind,
                participants: r.participants.iter().map(|p| (p.actor_id, p.role)).collect(),
            })
            .collect();
        let mut actors = HashMap::new();
        for p in rows.iter().flat_map(|r| &r.participants) {
            actors.entry(p.actor_id).or_insert_with(|| ActorInfo {
                name: p.name.clone(),
                kind: p.kind,
                country: p.country.clone(),
            });
        }
        ActorNetwork { graph: ActorGraph::build(&inputs), actors }
    }

    pub fn name(&self, actor: i64) -> Option<&str> {
        self.actors.get(&actor).map(|a| a.name.as_str())
    }

    /// Actors in id order as `(id, name)`.
    pub fn names(&self) -> Vec<(i64, &str)> {
        self.graph.actors().filter_map(|id| Some((id, self.name(id)?))).collect()
    }

    /// The view of `graph` (this network's graph or a subgraph of it), every measure computed
    /// on `graph` itself.
    pub fn view_of(&self, graph: &ActorGraph) -> GraphView {
        let nodes: Vec<GraphNode> = graph
            .metrics()
            .into_iter()
            .map(|m| {
                let info = self.actors.get(&m.id);
                GraphNode {
                    id: m.id,
                    name: info.map_or_else(|| format!("actor {}", m.id), |a| a.name.clone()),
                    kind: info.map_or(ActorKind::Group, |a| a.kind),
                    country: info.and_then(|a| a.country.clone()),
                    events: m.events,
                    degree: m.degree,
                    betweenness: m.betweenness,
                    community: m.community,
                }
            })
            .collect();
        let edges: Vec<GraphEdge> = graph
            .edges()
            .into_iter()
            .map(|(source, target, weight)| GraphEdge { source, target, weight })
            .collect();
        let (total_nodes, total_edges) = (nodes.len() as u32, edges.len() as u32);
        GraphView { nodes, edges, total_nodes, total_edges }
    }
}

impl Workspace {
    /// The events a selection matches, in date order, without evidence (graphs and data
    /// exports do not show it).
    pub fn query_rows(&self, selection: &Selection) -> Result<Vec<EventRow>> {
        Ok(self.store.events_without_evidence(selection)?)
    }

    /// The projection of the selected events onto actors.
    pub fn actor_network(&self, selection: &Selection) -> Result<ActorNetwork> {
        Ok(ActorNetwork::from_rows(&self.query_rows(selection)?))
    }

    /// The co-participation graph of the selected events, with every actor's measures.
    pub fn actor_graph(&self, selection: &Selection) -> Result<GraphView> {
        let network = self.actor_network(selection)?;
        Ok(network.view_of(&network.graph))
    }

    /// Actor ids along a shortest path (fewest hops; ties: heavier edge, then lower id) from
    /// `from` to `to`; empty when there is none.
    pub fn graph_path(&self, from: i64, to: i64, selection: &Selection) -> Result<Vec<i64>> {
        Ok(self.actor_network(selection)?.graph.shortest_path(from, to))
    }

    /// The ego network of `actor`: the actors within `hops` and the edges among them, measures
    /// computed on that subgraph. Empty when the actor takes part in no selected event.
    pub fn graph_ego(&self, actor: i64, hops: u32, selection: &Selection) -> Result<GraphView> {
        let network = self.actor_network(selection)?;
        let ego = network.graph.induced(&network.graph.ego(actor, hops));
        Ok(network.view_of(&ego))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
        ws.import(&[samples], &crate::Cancel::default(), &mut |_| {}).expect("import");
        (dir, ws)
    }

    #[test]
    fn the_samples_graph_is_consistent() {
        let (_dir, ws) = workspace();
        let view = ws.actor_graph(&Selection::default()).expect("graph");
        assert!(view.nodes.len() >= 5, "{view:?}");
        assert!(!view.edges.is_empty());
        let ids: HashSet<i64> = view.nodes.iter().map(|n| n.id).collect();
        assert!(view.edges.iter().all(|e| ids.contains(&e.source) && ids.contains(&e.target)));
        assert!(view.nodes.iter().all(|n| (0.0..=1.0).contains(&n.betweenness) && n.events > 0));
        for n in &view.nodes {
            let degree = view.edges.iter().filter(|e| e.source == n.id || e.target == n.id).count();
            assert_eq!(n.degree as usize, degree, "{}", n.name);
        }
        // Ego and path agree with the whole graph.
        let e = &view.edges[0];
        let ego = ws.graph_ego(e.source, 1, &Selection::default()).expect("ego");
        assert!(ego.nodes.iter().any(|n| n.id == e.target));
        assert_eq!(
            ws.graph_path(e.source, e.target, &Selection::default()).expect("path"),
            [e.source, e.target]
        );
        assert!(ws.graph_ego(-1, 2, &Selection::default()).expect("ego").nodes.is_empty());
    }

    #[test]
    fn a_limit_keeps_the_most_active_actors_and_heaviest_links() {
        let node = |id: i64, events: u32| GraphNode {
            id,
            name: format!("A{id}"),
            kind: ActorKind::Person,
            country: None,
            events,
            degree: 1,
            betweenness: 0.0,
            community: 0,
        };
        let edge = |source: i64, target: i64, weight: u32| GraphEdge { source, target, weight };
        let view = GraphView {
            nodes: vec![node(1, 9), node(2, 1), node(3, 7), node(4, 5), node(5, 2)],
            edges: vec![edge(1, 2, 1), edge(1, 3, 4), edge(1, 4, 2), edge(3, 4, 3), edge(4, 5, 9)],
            total_nodes: 5,
            total_edges: 5,
        };
        let small = GraphLimit { nodes: 3, edges: 2 }.apply(view.clone(), None);
        assert_eq!(small.nodes.iter().map(|n| n.id).collect::<Vec<_>>(), [1, 3, 4]);
        // Among 1, 3, 4: links 1–3 (4), 3–4 (3), 1–4 (2); the two heaviest stay.
        assert_eq!(small.edges, [edge(1, 3, 4), edge(3, 4, 3)]);
        assert_eq!((small.total_nodes, small.total_edges), (5, 5), "the totals tell what was left out");
        // The ego actor stays even when it is not among the most active.
        let ego = GraphLimit { nodes: 2, edges: 10 }.apply(view.clone(), Some(5));
        assert_eq!(ego.nodes.iter().map(|n| n.id).collect::<Vec<_>>(), [1, 5]);
        assert!(ego.edges.is_empty());
        // Under the limit: unchanged.
        assert_eq!(GraphLimit::APP.apply(view.clone(), None), view);
    }

    #[test]
    fn queries_narrow_the_graph() {
        let (_dir, ws) = workspace();
        let rows = ws.query_rows(&Selection::default()).expect("rows");
        let first = rows.iter().find(|r| r.participants.len() >= 2).expect("an event with two actors");
        let actor = first.participants[0].actor_id;
        let with_actor = Selection { actors: vec![actor], ..Default::default() };
        let view = ws.actor_graph(&with_actor).expect("graph");
        assert_eq!(
            view.nodes.iter().find(|n| n.id == actor).map(|n| n.events as usize),
            Some(ws.query_rows(&with_actor).expect("rows").len())
        );
        assert!(view.nodes.len() < ws.actor_graph(&Selection::default()).expect("graph").nodes.len());
        let empty: Selection =
            serde_json::from_str(r#"{"from": "1900-01-01", "to": "1900-12-31"}"#).expect("a selection");
        assert_eq!(ws.actor_graph(&empty).expect("graph"), GraphView::default());
        let bad = serde_json::from_str::<Selection>(r#"{"from": "May 2021"}"#);
        assert!(bad.is_err(), "{bad:?}");
    }
}
