//! Small hand-checked graphs.

use dateline_model::{EventKind, Role};

use crate::{ActorGraph, EventInput};

/// One two-actor event per edge, ids from 100.
fn from_edges(edges: &[(i64, i64)]) -> ActorGraph {
    let events: Vec<EventInput> = edges
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| EventInput {
            id: 100 + i as i64,
            kind: EventKind::Meeting,
            participants: vec![(a, Role::Initiator), (b, Role::Counterpart)],
        })
        .collect();
    ActorGraph::build(&events)
}

fn two_triangles() -> ActorGraph {
    from_edges(&[(1, 2), (2, 3), (1, 3), (3, 4), (4, 5), (5, 6), (4, 6)])
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9)
}

#[test]
fn star_centre_lies_on_every_path() {
    let g = from_edges(&[(1, 2), (1, 3), (1, 4), (1, 5)]);
    assert_eq!(g.degrees(), [4, 1, 1, 1, 1]);
    assert!(close(&g.betweenness(), &[1.0, 0.0, 0.0, 0.0, 0.0]), "{:?}", g.betweenness());
}

#[test]
fn path_betweenness_by_hand() {
    // 1 - 2 - 3 - 4 - 5: node 2 is between 1 and {3,4,5}: 3 pairs of 6; node 3: 4 of 6.
    let g = from_edges(&[(1, 2), (2, 3), (3, 4), (4, 5)]);
    assert!(close(&g.betweenness(), &[0.0, 0.5, 4.0 / 6.0, 0.5, 0.0]), "{:?}", g.betweenness());
    assert_eq!(g.shortest_path(1, 5), [1, 2, 3, 4, 5]);
    assert_eq!(g.shortest_path(5, 1), [5, 4, 3, 2, 1]);
    assert_eq!(g.ego(3, 1), [2, 3, 4]);
    assert_eq!(g.ego(1, 2), [1, 2, 3]);
    assert_eq!(g.ego(1, 0), [1]);
    assert!(g.ego(9, 1).is_empty());
}

#[test]
fn the_bridge_nodes_are_the_most_between() {
    let g = two_triangles();
    let b = g.betweenness();
    // Node 3 lies on the paths of {1,2}x{4,5,6} = 6 pairs, node 4 on {1,2,3}x{5,6} = 6 pairs,
    // of the (6-1)(6-2)/2 = 10 pairs that do not involve them.
    assert!(close(&b, &[0.0, 0.0, 0.6, 0.6, 0.0, 0.0]), "{b:?}");
    assert_eq!(g.communities(), [0, 0, 0, 1, 1, 1]);
    assert_eq!(g.components(), [vec![1, 2, 3, 4, 5, 6]]);
    assert_eq!(g.shortest_path(1, 6), [1, 3, 4, 6]);
}

#[test]
fn ties_go_to_the_heavier_edge_then_the_lower_id() {
    // Two ways from 1 to 4: via 2 or via 3. Equal weights: via 2 (lower id).
    let g = from_edges(&[(1, 2), (1, 3), (2, 4), (3, 4)]);
    assert_eq!(g.shortest_path(1, 4), [1, 2, 4]);
    // Make 1–3 heavier: via 3.
    let g = from_edges(&[(1, 2), (1, 3), (1, 3), (2, 4), (3, 4)]);
    assert_eq!(g.shortest_path(1, 4), [1, 3, 4]);
    assert_eq!(g.edges(), [(1, 2, 1), (1, 3, 2), (2, 4, 1), (3, 4, 1)]);
}

#[test]
fn components_largest_first_and_no_path_between_them() {
    let mut events =
        vec![EventInput { id: 1, kind: EventKind::Visit, participants: vec![(9, Role::Initiator)] }];
    events.push(EventInput {
        id: 2,
        kind: EventKind::Conference,
        participants: vec![(5, Role::Host), (6, Role::Attendee), (7, Role::Attendee)],
    });
    events.push(EventInput {
        id: 3,
        kind: EventKind::Call,
        participants: vec![(1, Role::Initiator), (2, Role::Counterpart)],
    });
    let g = ActorGraph::build(&events);
    assert_eq!(g.components(), [vec![5, 6, 7], vec![1, 2], vec![9]]);
    assert!(g.shortest_path(1, 5).is_empty());
    assert_eq!(g.shortest_path(9, 9), [9]);
    assert_eq!(g.degree(9), 0);
    assert_eq!(g.events_of(9), 1);
    assert_eq!(g.degree(6), 2);
    // A lone actor is its own community; so is each component here.
    assert_eq!(g.communities(), [0, 0, 1, 1, 1, 2]);
}

#[test]
fn induced_subgraph_keeps_only_inner_edges() {
    let g = two_triangles();
    let ego = g.induced(&g.ego(3, 1));
    assert_eq!(ego.actors().collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(ego.edges(), [(1, 2, 1), (1, 3, 1), (2, 3, 1), (3, 4, 1)]);
    assert_eq!(ego.events_of(4), 3, "event counts are the whole graph's");
}

#[test]
fn results_do_not_change_between_runs() {
    // A ring of cliques: many equal choices for Louvain and for paths.
    let mut edges = Vec::new();
    for c in 0..6i64 {
        let base = c * 5;
        for i in 0..5 {
            for j in i + 1..5 {
                edges.push((base + i, base + j));
            }
        }
        edges.push((base + 4, (base + 5) % 30));
    }
    let first = from_edges(&edges);
    let communities = first.communities();
    assert_eq!(communities.iter().max(), Some(&5), "{communities:?}");
    for _ in 0..5 {
        edges.rotate_left(7);
        let g = from_edges(&edges);
        assert_eq!(g.communities(), communities);
        assert_eq!(g.shortest_path(0, 17), first.shortest_path(0, 17));
        assert!(close(&g.betweenness(), &first.betweenness()));
    }
}

#[test]
fn metrics_bundle_everything_in_id_order() {
    let g = from_edges(&[(7, 3), (3, 5)]);
    let m = g.metrics();
    assert_eq!(m.iter().map(|m| m.id).collect::<Vec<_>>(), [3, 5, 7]);
    assert_eq!(m[0].degree, 2);
    assert!((m[0].betweenness - 1.0).abs() < 1e-9);
    assert_eq!(m[0].events, 2);
}

#[test]
fn sampled_betweenness_finds_the_same_brokers() {
    // Ten stars of 20 leaves, their centres on a ring: the centres broker everything.
    let mut edges = Vec::new();
    for c in 0..10i64 {
        let centre = c * 100;
        for leaf in 1..=20 {
            edges.push((centre, centre + leaf));
        }
        edges.push((centre, ((c + 1) % 10) * 100));
    }
    let g = from_edges(&edges);
    let exact = g.betweenness();
    let entries = g.node_count() + 2 * g.edge_count();
    let sampled = g.betweenness_within(entries * 70);
    let top = |b: &[f64]| {
        let mut ids: Vec<usize> = (0..b.len()).collect();
        ids.sort_by(|&x, &y| b[y].total_cmp(&b[x]));
        let mut top: Vec<usize> = ids[..10].to_vec();
        top.sort_unstable();
        top
    };
    assert_eq!(top(&sampled), top(&exact));
    let centre = g.actors().position(|id| id == 0).expect("centre");
    assert!(
        (sampled[centre] - exact[centre]).abs() < 0.1 * exact[centre],
        "{} vs {}",
        sampled[centre],
        exact[centre]
    );
}

mod properties {
    use std::collections::HashSet;

    use proptest::prelude::*;

    use super::*;

    fn events() -> impl Strategy<Value = Vec<EventInput>> {
        prop::collection::vec(prop::collection::vec(0i64..40, 0..6), 0..60).prop_map(|casts| {
            casts
                .into_iter()
                .enumerate()
                .map(|(i, cast)| EventInput {
                    id: i as i64,
                    kind: EventKind::Meeting,
                    participants: cast.into_iter().map(|a| (a, Role::Attendee)).collect(),
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn any_events_give_a_consistent_graph(events in events(), a in 0i64..40, b in 0i64..40, hops in 0u32..4) {
            let g = ActorGraph::build(&events);
            let edges = g.edges();
            let linked: HashSet<(i64, i64)> = edges.iter().flat_map(|&(x, y, _)| [(x, y), (y, x)]).collect();
            prop_assert_eq!(g.degrees().iter().map(|&d| d as usize).sum::<usize>(), 2 * edges.len());
            prop_assert!(g.betweenness().iter().all(|b| (0.0..=1.0).contains(b)));
            let path = g.shortest_path(a, b);
            if let (Some(first), Some(last)) = (path.first(), path.last()) {
                prop_assert_eq!((*first, *last), (a, b));
                prop_assert!(path.windows(2).all(|w| linked.contains(&(w[0], w[1]))));
                prop_assert!(g.ego(a, path.len() as u32 - 1).contains(&b));
            }
            let components = g.components();
            let mut all: Vec<i64> = components.concat();
            all.sort_unstable();
            prop_assert_eq!(all, g.actors().collect::<Vec<_>>());
            if g.contains(a) && g.contains(b) {
                let together = components.iter().any(|c| c.contains(&a) && c.contains(&b));
                prop_assert_eq!(path.is_empty(), !together);
            } else {
                prop_assert!(path.is_empty());
            }
            // A community never spans two components.
            let communities = g.communities();
            let ids: Vec<i64> = g.actors().collect();
            for c in &components {
                for other in components.iter().filter(|o| *o != c) {
                    let cs: HashSet<u32> = c.iter().map(|id| communities[ids.binary_search(id).expect("id")]).collect();
                    prop_assert!(other.iter().all(|id| !cs.contains(&communities[ids.binary_search(id).expect("id")])));
                }
            }
            let ego = g.ego(a, hops);
            prop_assert_eq!(ego.is_empty(), !g.contains(a));
            let sub = g.induced(&ego);
            prop_assert!(sub.edges().iter().all(|e| edges.contains(e)));
        }
    }
}
