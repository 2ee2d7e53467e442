//! The actor–actor co-participation graph: one node per actor taking part in at least one
//! event, an edge between two actors weighted by the number of events they share.

use std::collections::HashMap;

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use crate::EventInput;

/// Co-participation graph. Nodes are kept in ascending actor id order, so a node's index
/// order is its id order (the tie-break every query uses).
#[derive(Debug, Default, Clone)]
pub struct ActorGraph {
    /// Node weight: the actor id; edge weight: shared events.
    graph: UnGraph<i64, u32>,
    index: HashMap<i64, NodeIndex>,
    /// Events each node takes part in (by node index).
    events: Vec<u32>,
}

impl ActorGraph {
    /// Projects events onto actors in three named steps: each event's cast (distinct actor
    /// ids), the actor nodes with their event counts, then the weighted co-participation edges.
    pub fn build(events: &[EventInput]) -> Self {
        let casts = Casts::of(events);
        let mut g = Self::with_actors(&casts);
        g.add_co_participation(&casts);
        g
    }

    fn with_actors(casts: &Casts) -> Self {
        let mut ids = casts.ids.clone();
        ids.sort_unstable();
        let mut g = ActorGraph::default();
        for run in ids.chunk_by(|a, b| a == b) {
            let ix = g.graph.add_node(run[0]);
            g.index.insert(run[0], ix);
            g.events.push(run.len() as u32);
        }
        g
    }

    fn add_co_participation(&mut self, casts: &Casts) {
        // Every pair of every cast as one u64 (lower node, higher node); sorted, equal pairs
        // are runs whose length is the weight. Sorting beats hashing at this size.
        let nodes: Vec<u32> = casts.ids.iter().map(|id| self.index[id].index() as u32).collect();
        let mut pairs: Vec<u64> = Vec::new();
        for cast in casts.offsets.windows(2) {
            let cast = &nodes[cast[0]..cast[1]];
            for (i, &a) in cast.iter().enumerate() {
                for &b in &cast[i + 1..] {
                    pairs.push((u64::from(a.min(b)) << 32) | u64::from(a.max(b)));
                }
            }
        }
        pairs.sort_unstable();
        self.graph.reserve_edges(pairs.len() / 2);
        for run in pairs.chunk_by(|a, b| a == b) {
            let (a, b) = ((run[0] >> 32) as usize, (run[0] & 0xFFFF_FFFF) as usize);
            self.graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), run.len() as u32);
        }
    }

    /// The subgraph induced by `ids` (unknown ids are ignored): their nodes, event counts and
    /// the edges among them.
    pub fn induced(&self, ids: &[i64]) -> Self {
        let mut keep: Vec<NodeIndex> = ids.iter().filter_map(|id| self.index.get(id).copied()).collect();
        keep.sort_unstable();
        keep.dedup();
        let mut g = ActorGraph::default();
        for &ix in &keep {
            let nix = g.graph.add_node(self.graph[ix]);
            g.index.insert(self.graph[ix], nix);
            g.events.push(self.events[ix.index()]);
        }
        let mut edges: Vec<(NodeIndex, NodeIndex, u32)> = Vec::new();
        for &ix in &keep {
            for e in self.graph.edges(ix) {
                let (a, b) = (self.graph[e.source()], self.graph[e.target()]);
                if a < b
                    && let (Some(&na), Some(&nb)) = (g.index.get(&a), g.index.get(&b))
                {
                    edges.push((na, nb, *e.weight()));
                }
            }
        }
        edges.sort_unstable();
        for (a, b, w) in edges {
            g.graph.add_edge(a, b, w);
        }
        g
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Actor ids in node order (ascending).
    pub fn actors(&self) -> impl Iterator<Item = i64> + '_ {
        self.graph.node_weights().copied()
    }

    pub fn contains(&self, actor: i64) -> bool {
        self.index.contains_key(&actor)
    }

    /// How many events `actor` takes part in (0 when it is not in the graph).
    pub fn events_of(&self, actor: i64) -> u32 {
        self.index.get(&actor).map_or(0, |ix| self.events[ix.index()])
    }

    /// Edges as `(a, b, shared events)` with `a < b`, sorted.
    pub fn edges(&self) -> Vec<(i64, i64, u32)> {
        let mut out: Vec<(i64, i64, u32)> = self
            .graph
            .edge_references()
            .map(|e| {
                let (a, b) = (self.graph[e.source()], self.graph[e.target()]);
                (a.min(b), a.max(b), *e.weight())
            })
            .collect();
        out.sort_unstable();
        out
    }

    pub(crate) fn node_of(&self, actor: i64) -> Option<usize> {
        self.index.get(&actor).map(|ix| ix.index())
    }

    /// Neighbours of `node` as `(node, weight)`, in no particular order.
    pub(crate) fn neighbours(&self, node: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
        let ix = NodeIndex::new(node);
        self.graph.edges(ix).map(move |e| {
            let other = if e.source() == ix { e.target() } else { e.source() };
            (other.index(), *e.weight())
        })
    }

    pub(crate) fn neighbour_count(&self, node: usize) -> u32 {
        self.graph.edges(NodeIndex::new(node)).count() as u32
    }

    pub(crate) fn id_of(&self, node: usize) -> i64 {
        self.graph[NodeIndex::new(node)]
    }

    /// Neighbours of every node in compact form (for the hot loops of betweenness).
    pub(crate) fn csr(&self) -> Csr {
        let n = self.graph.node_count();
        let mut offsets = vec![0u32; n + 1];
        for e in self.graph.edge_references() {
            offsets[e.source().index() + 1] += 1;
            offsets[e.target().index() + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut targets = vec![0u32; offsets[n] as usize];
        for e in self.graph.edge_references() {
            let (a, b) = (e.source().index(), e.target().index());
            targets[fill[a] as usize] = b as u32;
            fill[a] += 1;
            targets[fill[b] as usize] = a as u32;
            fill[b] += 1;
        }
        Csr { offsets, targets }
    }

    /// Neighbours of every node as `(node, weight)`, sorted by node index: the plain
    /// adjacency the algorithms walk, in a fixed order so their results never vary.
    pub(crate) fn adjacency(&self) -> Vec<Vec<(usize, u32)>> {
        let mut adj: Vec<Vec<(usize, u32)>> = vec![Vec::new(); self.graph.node_count()];
        for e in self.graph.edge_references() {
            let (a, b) = (e.source().index(), e.target().index());
            adj[a].push((b, *e.weight()));
            adj[b].push((a, *e.weight()));
        }
        for list in &mut adj {
            list.sort_unstable();
        }
        adj
    }
}

/// Each event's distinct participants, flat: event `i` has `ids[offsets[i]..offsets[i + 1]]`.
struct Casts {
    ids: Vec<i64>,
    offsets: Vec<usize>,
}

impl Casts {
    fn of(events: &[EventInput]) -> Self {
        let mut ids: Vec<i64> = Vec::with_capacity(events.len() * 3);
        let mut offsets: Vec<usize> = Vec::with_capacity(events.len() + 1);
        offsets.push(0);
        for e in events {
            let start = ids.len();
            ids.extend(e.participants.iter().map(|(id, _)| *id));
            ids[start..].sort_unstable();
            let mut kept = start;
            for i in start..ids.len() {
                if i == start || ids[i] != ids[kept - 1] {
                    ids[kept] = ids[i];
                    kept += 1;
                }
            }
            ids.truncate(kept);
            offsets.push(kept);
        }
        Casts { ids, offsets }
    }
}

/// Compressed adjacency: node `v`'s neighbours are `targets[offsets[v]..offsets[v + 1]]`.
#[derive(Debug)]
pub(crate) struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    pub(crate) fn neighbours(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }

    pub(crate) fn entries(&self) -> usize {
        self.targets.len()
    }
}
