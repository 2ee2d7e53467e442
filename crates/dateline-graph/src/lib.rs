//! The actor–event graph: actors and events as nodes, participation edges with roles; and the
//! actor–actor co-participation graph weighted by shared events. A projection of the store,
//! rebuilt from it, never the source of truth.
//!
//! [`ActorEventGraph`] is the bipartite graph; [`ActorGraph`] the co-participation graph, with
//! its queries (degree, betweenness, ego network, shortest path, components, communities).
//! Both are pure functions of their inputs.

mod actor_graph;
mod community;
mod queries;

use std::collections::HashMap;

use dateline_model::{ActorKind, EventKind, Role};
use petgraph::graph::{NodeIndex, UnGraph};
use serde::Serialize;

pub use actor_graph::ActorGraph;
pub use queries::{BETWEENNESS_BUDGET, BETWEENNESS_MIN_SAMPLES};

/// What the app shows of one actor in the co-participation graph.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMetrics {
    pub id: i64,
    pub events: u32,
    /// Distinct co-participants.
    pub degree: u32,
    /// Normalised 0..1.
    pub betweenness: f64,
    pub community: u32,
}

impl ActorGraph {
    /// Every measure of every actor, in ascending id order.
    pub fn metrics(&self) -> Vec<ActorMetrics> {
        let degrees = self.degrees();
        let betweenness = self.betweenness();
        let communities = self.communities();
        self.actors()
            .enumerate()
            .map(|(i, id)| ActorMetrics {
                id,
                events: self.events_of(id),
                degree: degrees[i],
                betweenness: betweenness[i],
                community: communities[i],
            })
            .collect()
    }
}

/// What the projection reads: one event with its participants' actor ids.
#[derive(Debug, Clone)]
pub struct EventInput {
    pub id: i64,
    pub kind: EventKind,
    pub participants: Vec<(i64, Role)>,
}

/// An actor as the projection knows it.
#[derive(Debug, Clone)]
pub struct ActorInput {
    pub id: i64,
    pub name: String,
    pub kind: ActorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "node", rename_all = "lowercase")]
pub enum Node {
    Actor { id: i64, name: String, kind: ActorKind },
    Event { id: i64, kind: EventKind },
}

/// The bipartite actor–event graph.
#[derive(Debug, Default)]
pub struct ActorEventGraph {
    graph: UnGraph<Node, Role>,
    actors: HashMap<i64, NodeIndex>,
    events: HashMap<i64, NodeIndex>,
}

impl ActorEventGraph {
    /// Builds the graph in two named steps: actor nodes, then each event with its edges.
    pub fn build(actors: &[ActorInput], events: &[EventInput]) -> Self {
        let mut g = ActorEventGraph::default();
        g.add_actors(actors);
        g.add_events(events);
        g
    }

    fn add_actors(&mut self, actors: &[ActorInput]) {
        for a in actors {
            let ix = self.graph.add_node(Node::Actor { id: a.id, name: a.name.clone(), kind: a.kind });
            self.actors.insert(a.id, ix);
        }
    }

    fn add_events(&mut self, events: &[EventInput]) {
        for e in events {
            let ix = self.graph.add_node(Node::Event { id: e.id, kind: e.kind });
            self.events.insert(e.id, ix);
            for (actor, role) in &e.participants {
                if let Some(&a) = self.actors.get(actor) {
                    self.graph.add_edge(a, ix, *role);
                }
            }
        }
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// How many events an actor takes part in.
    pub fn degree(&self, actor: i64) -> usize {
        self.actors.get(&actor).map_or(0, |&ix| self.graph.neighbors(ix).count())
    }

    /// The actor–actor graph: an edge between two actors for every event they share, weighted
    /// by the number of shared events. Returns `(a, b, weight)` with `a < b`, sorted.
    pub fn co_participation(&self) -> Vec<(i64, i64, u32)> {
        let mut weights: HashMap<(i64, i64), u32> = HashMap::new();
        for &ev in self.events.values() {
            let mut ids: Vec<i64> = self
                .graph
                .neighbors(ev)
                .filter_map(|n| match &self.graph[n] {
                    Node::Actor { id, .. } => Some(*id),
                    Node::Event { .. } => None,
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            for (i, a) in ids.iter().enumerate() {
                for b in &ids[i + 1..] {
                    *weights.entry((*a, *b)).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(i64, i64, u32)> = weights.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod bipartite_tests {
    use super::*;

    #[test]
    fn projection_counts_and_weights() {
        let actors = [
            ActorInput { id: 1, name: "Antony Blinken".into(), kind: ActorKind::Person },
            ActorInput { id: 2, name: "Wang Yi".into(), kind: ActorKind::Person },
            ActorInput { id: 3, name: "NATO".into(), kind: ActorKind::Organization },
        ];
        let events = [
            EventInput {
                id: 10,
                kind: EventKind::Call,
                participants: vec![(1, Role::Initiator), (2, Role::Counterpart)],
            },
            EventInput {
                id: 11,
                kind: EventKind::Meeting,
                participants: vec![(1, Role::Initiator), (2, Role::Counterpart)],
            },
            EventInput {
                id: 12,
                kind: EventKind::Conference,
                participants: vec![(1, Role::Attendee), (3, Role::Host)],
            },
        ];
        let g = ActorEventGraph::build(&actors, &events);
        assert_eq!((g.node_count(), g.edge_count()), (6, 6));
        assert_eq!(g.degree(1), 3);
        assert_eq!(g.degree(3), 1);
        assert_eq!(g.co_participation(), [(1, 2, 2), (1, 3, 1)]);
    }
}
