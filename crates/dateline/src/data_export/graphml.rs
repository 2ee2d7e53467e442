//! GraphML (graphml.graphdrawing.org): actors and events as nodes, participation edges with
//! the actor's role. Opens in Gephi, yEd, Cytoscape, networkx.

use std::fmt::Write;

use super::xml::escape;
use super::{ExportActor, ExportEvent};

/// The keys every node or edge may carry: `(id, for, name)`, all strings.
const KEYS: [(&str, &str, &str); 9] = [
    ("d0", "node", "label"),
    ("d1", "node", "type"),
    ("d2", "node", "kind"),
    ("d3", "node", "country"),
    ("d4", "node", "start"),
    ("d5", "node", "end"),
    ("d6", "node", "status"),
    ("d7", "node", "place"),
    ("d8", "edge", "role"),
];

fn data(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        let _ = write!(out, "<data key=\"{key}\">{}</data>", escape(v));
    }
}

/// The actor–event graph: node ids `a<actor id>` and `e<event id>`, edges `p<n>`.
pub fn graphml(events: &[ExportEvent], actors: &[ExportActor]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, target, name) in KEYS {
        let _ =
            writeln!(out, "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"string\"/>");
    }
    out.push_str("  <graph id=\"dateline\" edgedefault=\"undirected\">\n");
    for a in actors {
        let _ = write!(out, "    <node id=\"a{}\">", a.id);
        data(&mut out, "d0", Some(&a.name));
        data(&mut out, "d1", Some("actor"));
        data(&mut out, "d2", Some(a.kind.as_str()));
        data(&mut out, "d3", a.country.as_deref());
        data(&mut out, "d4", a.first.map(|d| d.to_string()).as_deref());
        data(&mut out, "d5", a.last.map(|d| d.to_string()).as_deref());
        out.push_str("</node>\n");
    }
    for e in events {
        let _ = write!(out, "    <node id=\"e{}\">", e.id);
        data(&mut out, "d0", Some(&e.label));
        data(&mut out, "d1", Some("event"));
        data(&mut out, "d2", Some(e.kind.as_str()));
        data(&mut out, "d3", e.country.as_deref());
        data(&mut out, "d4", e.start.map(|d| d.to_string()).as_deref());
        data(&mut out, "d5", e.end.map(|d| d.to_string()).as_deref());
        data(&mut out, "d6", Some(e.status.as_str()));
        data(&mut out, "d7", e.place.as_deref());
        out.push_str("</node>\n");
    }
    let known: std::collections::HashSet<i64> = actors.iter().map(|a| a.id).collect();
    let mut n = 0usize;
    for e in events {
        for p in e.participants.iter().filter(|p| known.contains(&p.actor_id)) {
            let _ = write!(out, "    <edge id=\"p{n}\" source=\"a{}\" target=\"e{}\">", p.actor_id, e.id);
            data(&mut out, "d8", Some(p.role.as_str()));
            out.push_str("</edge>\n");
            n += 1;
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use super::super::fixtures;
    use super::super::xml::read::elements;
    use super::*;

    #[test]
    fn parses_back_with_resolving_keys() {
        let (events, actors) = (fixtures::events(), fixtures::actors());
        let xml = graphml(&events, &actors);
        let els = elements(&xml);
        assert_eq!(els[0].name, "graphml");
        assert_eq!(els[0].attr("xmlns"), Some("http://graphml.graphdrawing.org/xmlns"));
        let keys: BTreeMap<&str, &str> = els
            .iter()
            .filter(|e| e.name == "key")
            .map(|e| (e.attr("id").expect("key id"), e.attr("for").expect("key for")))
            .collect();
        let graph = els.iter().find(|e| e.name == "graph").expect("graph");
        assert_eq!(graph.attr("edgedefault"), Some("undirected"));
        let nodes: Vec<_> = els.iter().filter(|e| e.name == "node").collect();
        let edges: Vec<_> = els.iter().filter(|e| e.name == "edge").collect();
        assert_eq!(nodes.len(), events.len() + actors.len());
        assert_eq!(edges.len(), events.iter().map(|e| e.participants.len()).sum::<usize>());
        let ids: HashSet<&str> = nodes.iter().map(|n| n.attr("id").expect("node id")).collect();
        assert_eq!(ids.len(), nodes.len(), "node ids are unique");
        for e in &edges {
            assert!(
                ids.contains(e.attr("source").expect("source"))
                    && ids.contains(e.attr("target").expect("target"))
            );
        }
        for d in els.iter().filter(|e| e.name == "data") {
            let key = d.attr("key").expect("data key");
            assert_eq!(keys.get(key).copied(), Some(d.parent()), "key {key} is declared for its element");
        }
        // Text survives escaping, newline included.
        let label = |id: &str| {
            let i = els.iter().position(|e| e.name == "node" && e.attr("id") == Some(id)).expect("node");
            els[i + 1..].iter().find(|e| e.attr("key") == Some("d0")).expect("label").text.clone()
        };
        assert_eq!(label("e2"), events[1].label);
        assert_eq!(label("a11"), "Mevlüt Çavuşoğlu");
    }
}
