//! Questions asked of the actor graph: degree and betweenness centrality, ego networks,
//! shortest paths and connected components. Every answer is deterministic: ties go to the
//! heavier edge, then to the lower actor id.

use std::collections::VecDeque;

use crate::ActorGraph;

/// Work allowed for betweenness, in adjacency entries visited (sources × (nodes + 2 × edges)).
/// Below it the answer is exact (one breadth-first search from every actor); above it,
/// betweenness is estimated from as many source actors as the budget pays for, at least
/// [`BETWEENNESS_MIN_SAMPLES`] (Brandes–Pich pivots, evenly spaced in id order, scaled up).
pub const BETWEENNESS_BUDGET: usize = 20_000_000;
pub const BETWEENNESS_MIN_SAMPLES: usize = 64;

impl ActorGraph {
    /// Distinct co-participants of `actor` (0 when it is not in the graph).
    pub fn degree(&self, actor: i64) -> u32 {
        self.node_of(actor).map_or(0, |n| self.neighbour_count(n))
    }

    /// Degree of every node, in node (id) order.
    pub fn degrees(&self) -> Vec<u32> {
        (0..self.node_count()).map(|n| self.neighbour_count(n)).collect()
    }

    /// Betweenness centrality of every node in node (id) order, normalised to 0..1 (divided by
    /// the `(n-1)(n-2)/2` pairs an undirected graph has). Brandes' algorithm over unweighted
    /// hops; exact within [`BETWEENNESS_BUDGET`], sampled above it.
    pub fn betweenness(&self) -> Vec<f64> {
        self.betweenness_within(BETWEENNESS_BUDGET)
    }

    pub(crate) fn betweenness_within(&self, budget: usize) -> Vec<f64> {
        let n = self.node_count();
        if n < 3 {
            return vec![0.0; n];
        }
        let adj = self.csr();
        let k = (budget / (n + adj.entries())).max(BETWEENNESS_MIN_SAMPLES).min(n);
        let sources: Vec<usize> = (0..k).map(|i| i * n / k).collect();
        let mut cb = vec![0.0f64; n];
        let mut dist = vec![u32::MAX; n];
        let mut sigma = vec![0.0f64; n];
        let mut delta = vec![0.0f64; n];
        // Breadth-first order; it is its own queue (`head` is the next to visit).
        let mut order: Vec<usize> = Vec::with_capacity(n);
        for &s in &sources {
            for &v in &order {
                dist[v] = u32::MAX;
                sigma[v] = 0.0;
                delta[v] = 0.0;
            }
            order.clear();
            dist[s] = 0;
            sigma[s] = 1.0;
            order.push(s);
            let mut head = 0;
            while head < order.len() {
                let v = order[head];
                head += 1;
                for &w in adj.neighbours(v) {
                    let w = w as usize;
                    if dist[w] == u32::MAX {
                        dist[w] = dist[v] + 1;
                        order.push(w);
                    }
                    if dist[w] == dist[v] + 1 {
                        sigma[w] += sigma[v];
                    }
                }
            }
            // Dependencies, farthest first; predecessors are the neighbours one hop closer.
            for &w in order.iter().rev() {
                for &v in adj.neighbours(w) {
                    let v = v as usize;
                    if dist[v] != u32::MAX && dist[v] + 1 == dist[w] {
                        delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                    }
                }
                if w != s {
                    cb[w] += delta[w];
                }
            }
        }
        // Each unordered pair is counted from both ends; a sample stands for all sources.
        let scale = n as f64 / sources.len() as f64 / ((n - 1) as f64 * (n - 2) as f64);
        cb.iter().map(|c| (c * scale).clamp(0.0, 1.0)).collect()
    }

    /// The actors within `hops` of `actor` (itself included), ascending; empty when the actor
    /// is not in the graph.
    pub fn ego(&self, actor: i64, hops: u32) -> Vec<i64> {
        let Some(start) = self.node_of(actor) else { return Vec::new() };
        let n = self.node_count();
        let mut dist = vec![u32::MAX; n];
        dist[start] = 0;
        let mut queue = VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            if dist[v] == hops {
                continue;
            }
            for (w, _) in self.neighbours(v) {
                if dist[w] == u32::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
            }
        }
        (0..n).filter(|&v| dist[v] != u32::MAX).map(|v| self.id_of(v)).collect()
    }

    /// Actor ids along a shortest path (fewest hops) from `from` to `to`, both included; empty
    /// when there is none. Among equally short paths, the one a breadth-first search finds
    /// visiting neighbours heaviest edge first, then lower id first.
    pub fn shortest_path(&self, from: i64, to: i64) -> Vec<i64> {
        let (Some(s), Some(t)) = (self.node_of(from), self.node_of(to)) else { return Vec::new() };
        if s == t {
            return vec![from];
        }
        let mut parent = vec![usize::MAX; self.node_count()];
        parent[s] = s;
        let mut queue = VecDeque::from([s]);
        let mut next: Vec<(usize, u32)> = Vec::new();
        'search: while let Some(v) = queue.pop_front() {
            next.clear();
            next.extend(self.neighbours(v));
            next.sort_unstable_by_key(|&(w, weight)| (std::cmp::Reverse(weight), w));
            for &(w, _) in &next {
                if parent[w] == usize::MAX {
                    parent[w] = v;
                    if w == t {
                        break 'search;
                    }
                    queue.push_back(w);
                }
            }
        }
        if parent[t] == usize::MAX {
            return Vec::new();
        }
        let mut path = vec![t];
        let mut v = t;
        while v != s {
            v = parent[v];
            path.push(v);
        }
        path.reverse();
        path.into_iter().map(|v| self.id_of(v)).collect()
    }

    /// Connected components as ascending actor ids, the largest first (ties: lowest id first).
    pub fn components(&self) -> Vec<Vec<i64>> {
        let adj = self.csr();
        let n = self.node_count();
        let mut seen = vec![false; n];
        let mut out: Vec<Vec<i64>> = Vec::new();
        for root in 0..n {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            let mut members = vec![root];
            let mut i = 0;
            while i < members.len() {
                for &w in adj.neighbours(members[i]) {
                    let w = w as usize;
                    if !seen[w] {
                        seen[w] = true;
                        members.push(w);
                    }
                }
                i += 1;
            }
            members.sort_unstable();
            out.push(members.into_iter().map(|v| self.id_of(v)).collect());
        }
        out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        out
    }
}
