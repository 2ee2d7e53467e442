//! Communities by Louvain modularity optimisation (Blondel et al. 2008) over shared-event
//! weights. Deterministic: nodes are visited in id order, a node only moves for a strictly
//! better gain, and ties go to the community met first.

use std::collections::BTreeMap;

use crate::ActorGraph;

/// Passes over the nodes of one level before giving up on convergence.
const MAX_PASSES: usize = 100;

/// A (possibly aggregated) weighted graph: adjacency without self-loops, plus loop weights.
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
    loops: Vec<f64>,
}

impl ActorGraph {
    /// A community number for every node in node (id) order; communities are numbered 0, 1, ...
    /// in the order of their lowest actor id. Isolated actors get a community of their own.
    pub fn communities(&self) -> Vec<u32> {
        let adj = self
            .adjacency()
            .into_iter()
            .map(|l| l.into_iter().map(|(v, w)| (v, f64::from(w))).collect())
            .collect::<Vec<_>>();
        let n = adj.len();
        let mut level = Level { loops: vec![0.0; n], adj };
        let mut membership: Vec<usize> = (0..n).collect();
        while let Some(part) = move_nodes(&level) {
            let count = part.iter().max().map_or(0, |m| m + 1);
            for m in &mut membership {
                *m = part[*m];
            }
            level = aggregate(&level, &part, count);
        }
        renumber(&membership)
    }
}

/// One level of local moves. Returns each node's community, numbered 0.. in order of first
/// node, or `None` when no node moved.
fn move_nodes(level: &Level) -> Option<Vec<usize>> {
    let n = level.adj.len();
    let k: Vec<f64> =
        (0..n).map(|i| level.adj[i].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * level.loops[i]).collect();
    let m2: f64 = k.iter().sum();
    if m2 <= 0.0 {
        return None;
    }
    let mut comm: Vec<usize> = (0..n).collect();
    let mut tot: Vec<f64> = k.clone();
    let mut to_comm = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut improved = false;
    for _ in 0..MAX_PASSES {
        let mut moved = false;
        for i in 0..n {
            for &(j, w) in &level.adj[i] {
                let c = comm[j];
                if to_comm[c] == 0.0 {
                    touched.push(c);
                }
                to_comm[c] += w;
            }
            let own = comm[i];
            tot[own] -= k[i];
            let gain = |c: usize| to_comm[c] - tot[c] * k[i] / m2;
            let mut best = own;
            let mut best_gain = gain(own);
            for &c in &touched {
                let g = gain(c);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            tot[best] += k[i];
            comm[i] = best;
            if best != own {
                moved = true;
            }
            for &c in &touched {
                to_comm[c] = 0.0;
            }
            touched.clear();
        }
        if !moved {
            break;
        }
        improved = true;
    }
    improved.then(|| renumber(&comm).into_iter().map(|c| c as usize).collect())
}

/// The graph of communities: internal weight becomes a self-loop.
fn aggregate(level: &Level, part: &[usize], count: usize) -> Level {
    let mut loops = vec![0.0; count];
    let mut maps: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); count];
    for (i, list) in level.adj.iter().enumerate() {
        loops[part[i]] += level.loops[i];
        for &(j, w) in list {
            if part[i] == part[j] {
                // Seen once from each end.
                loops[part[i]] += w / 2.0;
            } else {
                *maps[part[i]].entry(part[j]).or_default() += w;
            }
        }
    }
    Level { adj: maps.into_iter().map(|m| m.into_iter().collect()).collect(), loops }
}

/// Labels renumbered 0, 1, ... in order of first appearance.
fn renumber(labels: &[usize]) -> Vec<u32> {
    let mut map: BTreeMap<usize, u32> = BTreeMap::new();
    labels
        .iter()
        .map(|l| {
            let next = map.len() as u32;
            *map.entry(*l).or_insert(next)
        })
        .collect()
}
