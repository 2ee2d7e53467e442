//! GEXF 1.3 (gexf.net) for Gephi: the actor–event graph in `mode="dynamic"` with
//! `timeformat="date"`. Events carry their dates as `start`/`end`, actors span their first to
//! last event, edges the event's dates, so Gephi's timeline can play the network.

use std::fmt::Write;

use chrono::NaiveDate;

use super::xml::escape;
use super::{ExportActor, ExportEvent};

/// Node attributes: `(id, title)`, all strings.
const NODE_ATTRIBUTES: [(&str, &str); 5] =
    [("0", "type"), ("1", "kind"), ("2", "country"), ("3", "status"), ("4", "place")];
/// Edge attributes.
const EDGE_ATTRIBUTES: [(&str, &str); 1] = [("0", "role")];

fn span(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!(" start=\"{s}\" end=\"{e}\""),
        _ => String::new(),
    }
}

fn attvalues(out: &mut String, values: &[(&str, Option<&str>)]) {
    out.push_str("<attvalues>");
    for (id, value) in values {
        if let Some(v) = value {
            let _ = write!(out, "<attvalue for=\"{id}\" value=\"{}\"/>", escape(v));
        }
    }
    out.push_str("</attvalues>");
}

/// The actor–event graph: node ids `a<actor id>` and `e<event id>`; undated events and actors
/// with no dated event have no interval (always present).
pub fn gexf(events: &[ExportEvent], actors: &[ExportActor]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n\
         \x20 <meta>\n    <creator>Dateline</creator>\n    \
         <description>Actors and the diplomatic events they take part in</description>\n  </meta>\n\
         \x20 <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">\n",
    );
    for (class, attributes) in [("node", &NODE_ATTRIBUTES[..]), ("edge", &EDGE_ATTRIBUTES[..])] {
        let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
        for (id, title) in attributes {
            let _ = writeln!(out, "      <attribute id=\"{id}\" title=\"{title}\" type=\"string\"/>");
        }
        out.push_str("    </attributes>\n");
    }
    out.push_str("    <nodes>\n");
    for a in actors {
        let _ = write!(
            out,
            "      <node id=\"a{}\" label=\"{}\"{}>",
            a.id,
            escape(&a.name),
            span(a.first, a.last)
        );
        attvalues(
            &mut out,
            &[("0", Some("actor")), ("1", Some(a.kind.as_str())), ("2", a.country.as_deref())],
        );
        out.push_str("</node>\n");
    }
    for e in events {
        let _ = write!(
            out,
            "      <node id=\"e{}\" label=\"{}\"{}>",
            e.id,
            escape(&e.label),
            span(e.start, e.end)
        );
        attvalues(
            &mut out,
            &[
                ("0", Some("event")),
                ("1", Some(e.kind.as_str())),
                ("2", e.country.as_deref()),
                ("3", Some(e.status.as_str())),
                ("4", e.place.as_deref()),
            ],
        );
        out.push_str("</node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let known: std::collections::HashSet<i64> = actors.iter().map(|a| a.id).collect();
    let mut n = 0usize;
    for e in events {
        for p in e.participants.iter().filter(|p| known.contains(&p.actor_id)) {
            let _ = write!(
                out,
                "      <edge id=\"{n}\" source=\"a{}\" target=\"e{}\"{}>",
                p.actor_id,
                e.id,
                span(e.start, e.end)
            );
            attvalues(&mut out, &[("0", Some(p.role.as_str()))]);
            out.push_str("</edge>\n");
            n += 1;
        }
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashMap, HashSet};

    use super::super::fixtures;
    use super::super::xml::read::elements;
    use super::*;

    /// GEXF 1.3 elements and where each may appear (its parent).
    const SCHEMA: [(&str, &str); 14] = [
        ("gexf", ""),
        ("meta", "gexf"),
        ("creator", "meta"),
        ("description", "meta"),
        ("graph", "gexf"),
        ("attributes", "graph"),
        ("attribute", "attributes"),
        ("nodes", "graph"),
        ("node", "nodes"),
        ("edges", "graph"),
        ("edge", "edges"),
        ("attvalues", "node"),
        ("attvalues", "edge"),
        ("attvalue", "attvalues"),
    ];

    #[test]
    fn parses_back_as_a_dynamic_gexf_1_3_graph() {
        let (events, actors) = (fixtures::events(), fixtures::actors());
        let xml = gexf(&events, &actors);
        let els = elements(&xml);
        let allowed: HashMap<&str, BTreeSet<&str>> =
            SCHEMA.iter().fold(HashMap::new(), |mut m, (el, parent)| {
                m.entry(*el).or_default().insert(*parent);
                m
            });
        for e in &els {
            let parents =
                allowed.get(e.name.as_str()).unwrap_or_else(|| panic!("unknown element {}", e.name));
            assert!(parents.contains(e.parent()), "{} inside {}", e.name, e.parent());
        }
        assert_eq!(
            (els[0].attr("xmlns"), els[0].attr("version")),
            (Some("http://gexf.net/1.3"), Some("1.3"))
        );
        let graph = els.iter().find(|e| e.name == "graph").expect("graph");
        assert_eq!(graph.attr("mode"), Some("dynamic"));
        assert_eq!(graph.attr("timeformat"), Some("date"));

        let nodes: Vec<_> = els.iter().filter(|e| e.name == "node").collect();
        let edges: Vec<_> = els.iter().filter(|e| e.name == "edge").collect();
        assert_eq!(nodes.len(), events.len() + actors.len());
        assert_eq!(edges.len(), 5);
        let ids: HashSet<&str> = nodes.iter().map(|n| n.attr("id").expect("id")).collect();
        for e in &edges {
            assert!(
                ids.contains(e.attr("source").expect("source"))
                    && ids.contains(e.attr("target").expect("target"))
            );
        }
        // Every dated element has a well-formed interval; attvalues refer to declared attributes.
        for e in nodes.iter().chain(&edges) {
            match (e.attr("start"), e.attr("end")) {
                (Some(s), Some(t)) => {
                    let (s, t): (NaiveDate, NaiveDate) = (s.parse().expect("date"), t.parse().expect("date"));
                    assert!(s <= t);
                }
                (None, None) => {}
                other => panic!("half an interval: {other:?}"),
            }
        }
        let declared: HashSet<&str> = NODE_ATTRIBUTES.iter().map(|(id, _)| *id).collect();
        assert!(
            els.iter()
                .filter(|e| e.name == "attvalue")
                .all(|e| declared.contains(e.attr("for").expect("for")))
        );
        let blinken = nodes.iter().find(|n| n.attr("id") == Some("a10")).expect("actor");
        assert_eq!((blinken.attr("start"), blinken.attr("end")), (Some("2021-05-21"), Some("2023-06-30")));
        let conference = nodes.iter().find(|n| n.attr("id") == Some("e2")).expect("event");
        assert_eq!(conference.attr("label"), Some(events[1].label.as_str()));
        assert_eq!(nodes.iter().find(|n| n.attr("id") == Some("e3")).expect("undated").attr("start"), None);
    }
}
