//! One selection, the same events everywhere: for each selection, the count (what the header and
//! the filter bar state), the list, the facets, the timeline, the graph and every export (data
//! formats and the image) give the same events, over the samples workspace. The app's commands
//! are adapters over exactly these calls (`src-tauri/src/lib.rs`).

use std::path::Path;

use chrono::NaiveDate;
use dateline::model::{EventKind, Status};
use dateline::{Cancel, DataFormat, ExportOptions, ImageExportOptions, LaneBy, Selection, Workspace};

fn samples_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    ws.import(&[samples], &Cancel::default(), &mut |_| {}).expect("import");
    (dir, ws)
}

/// What each export of `selection` holds: (events, dated events) per format.
fn exported(ws: &Workspace, dir: &Path, selection: &Selection) -> Vec<(&'static str, usize)> {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-07T12:00:00Z").expect("time").to_utc();
    let write = |name: &str, format: DataFormat| -> String {
        let path = dir.join(name);
        ws.export_data(&path, format, selection, now).expect("export");
        std::fs::read_to_string(&path).expect("written")
    };
    let mut out = Vec::new();
    let csv = write("e.csv", DataFormat::Csv);
    let rows = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes()).records().count();
    out.push(("csv", rows));
    let json: serde_json::Value = serde_json::from_str(&write("e.json", DataFormat::Json)).expect("json");
    out.push(("json", json["events"].as_array().expect("events").len()));
    out.push(("graphml", write("e.graphml", DataFormat::GraphMl).matches("<node id=\"e").count()));
    out.push(("gexf", write("e.gexf", DataFormat::Gexf).matches("<node id=\"e").count()));
    out.push(("ics (dated)", write("e.ics", DataFormat::Ics).matches("BEGIN:VEVENT").count()));
    let tl: serde_json::Value =
        serde_json::from_str(&write("e.timelinejs.json", DataFormat::TimelineJs)).expect("timelinejs");
    out.push(("timelinejs (dated)", tl["events"].as_array().expect("events").len()));
    out
}

/// The number in the image's source line ("Dateline — N events from M articles").
fn drawn(svg: &str) -> usize {
    let (_, rest) = svg.split_once("Dateline — ").expect("a source line");
    rest.split_whitespace().next().and_then(|n| n.parse().ok()).expect("a count")
}

#[test]
fn every_view_and_export_gives_the_same_events_for_the_same_selection() {
    let (dir, ws) = samples_workspace();
    let all = ws.events().expect("events");
    assert!(all.len() > 10, "the samples have events");
    let actor = all.iter().find(|e| e.actor_ids.len() >= 2).expect("an event with two actors").actor_ids[0];
    let country = all.iter().find_map(|e| e.country.clone()).expect("an event with a country");
    let outlet = all.iter().flat_map(|e| e.outlets.clone()).next().expect("an outlet");
    let first = all.iter().find_map(|e| e.start.clone()).expect("a dated event");
    let day: NaiveDate = first.parse().expect("a day");
    let selections = [
        Selection::default(),
        Selection { from: Some(day), to: day.checked_add_days(chrono::Days::new(400)), ..Default::default() },
        Selection { kinds: vec![EventKind::Meeting, EventKind::Call], ..Default::default() },
        Selection {
            statuses: vec![Status::Occurred],
            countries: vec![country.clone()],
            ..Default::default()
        },
        Selection { actors: vec![actor], ..Default::default() },
        Selection { sources: vec![outlet.clone()], ..Default::default() },
        Selection { text: Some("minister".into()), ..Default::default() },
    ];
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).expect("day");
    for (i, selection) in selections.iter().enumerate() {
        let count = ws.count(selection).expect("count") as usize;
        assert!(count > 0, "selection {i} selects something: {selection:?}");
        if i > 0 {
            assert!(count < all.len(), "selection {i} narrows: {selection:?}");
        }
        let list = ws.events_matching(selection).expect("list");
        let dated = list.iter().filter(|e| e.start.is_some()).count();
        let facets = ws.facets(selection).expect("facets");
        let timeline = ws.timeline_items(selection).expect("timeline");
        assert_eq!(list.len(), count, "list, selection {i}");
        assert_eq!(facets.total as usize, count, "facets, selection {i}");
        assert_eq!(timeline.len(), dated, "timeline (dated events), selection {i}");
        assert!(timeline.iter().zip(list.iter().filter(|e| e.start.is_some())).all(|(t, e)| t.id == e.id));

        // The graph: each actor's events are the listed events it takes part in, and (without an
        // actor criterion) what the actor facet counts.
        let graph = ws.actor_graph(selection).expect("graph");
        assert!(!graph.nodes.is_empty(), "graph, selection {i}");
        let with_actors = list.iter().filter(|e| !e.actor_ids.is_empty()).count();
        let in_graph: std::collections::HashSet<i64> = graph
            .nodes
            .iter()
            .flat_map(|n| list.iter().filter(|e| e.actor_ids.contains(&n.id)).map(|e| e.id))
            .collect();
        assert_eq!(in_graph.len(), with_actors, "the graph's events, selection {i}");
        for node in &graph.nodes {
            let listed = list.iter().filter(|e| e.actor_ids.contains(&node.id)).count();
            assert_eq!(node.events as usize, listed, "{} in selection {i}", node.name);
            if selection.actors.is_empty() {
                let faceted = facets.actors.iter().find(|a| a.id == node.id).map(|a| a.count);
                assert_eq!(faceted, Some(node.events), "{} in selection {i}", node.name);
            }
        }

        for (format, n) in exported(&ws, dir.path(), selection) {
            let want = if format.ends_with("(dated)") { dated } else { count };
            assert_eq!(n, want, "{format}, selection {i}: {selection:?}");
        }

        // The image, from the CLI's call and from the app's options (the same selection, the
        // axis following the data).
        let svg = dir.path().join("t.svg");
        ws.export_image(&svg, selection, ExportOptions::default(), today).expect("image");
        assert_eq!(drawn(&std::fs::read_to_string(&svg).expect("svg")), dated, "image, selection {i}");
        let options = ImageExportOptions {
            selection: selection.clone(),
            from: None,
            to: None,
            lanes: LaneBy::Actor,
            lane_order: None,
            width: 800,
            scale: 1.0,
            title: None,
            subtitle: None,
            dark: false,
        };
        ws.export_view_image(&svg, &options, today).expect("image");
        assert_eq!(drawn(&std::fs::read_to_string(&svg).expect("svg")), dated, "app image, selection {i}");
    }
    // The header states the workspace's count: the whole selection's.
    assert_eq!(ws.info().expect("info").events as usize, all.len());
}

/// The app's image narrows the selection to its axis window, and a deleted event leaves every
/// view at once (and is the deleted selection's).
#[test]
fn the_axis_window_and_deletions_narrow_every_view_alike() {
    let (dir, mut ws) = samples_workspace();
    let all = ws.events().expect("events");
    let victim = all[0].id;
    ws.delete_event(victim).expect("delete");
    let live = Selection::default();
    let gone = Selection { deleted: true, ..Default::default() };
    assert_eq!(ws.count(&live).expect("count") as usize, all.len() - 1);
    assert_eq!(
        ws.events_matching(&gone).expect("deleted").iter().map(|e| e.id).collect::<Vec<_>>(),
        [victim]
    );
    for (format, n) in exported(&ws, dir.path(), &live) {
        if !format.ends_with("(dated)") {
            assert_eq!(n, all.len() - 1, "{format}");
        }
    }
    let dated: Vec<_> = all.iter().skip(1).filter_map(|e| e.start.clone()).collect();
    let mid: NaiveDate = dated[dated.len() / 2].parse().expect("day");
    let options = ImageExportOptions {
        selection: live.clone(),
        from: Some(mid),
        to: None,
        lanes: LaneBy::Type,
        lane_order: None,
        width: 800,
        scale: 1.0,
        title: None,
        subtitle: None,
        dark: false,
    };
    let in_window = Selection { from: Some(mid), ..live };
    let svg = dir.path().join("w.svg");
    ws.export_view_image(&svg, &options, NaiveDate::from_ymd_opt(2026, 12, 7).expect("day")).expect("image");
    assert_eq!(options.in_window(), in_window);
    assert_eq!(
        drawn(&std::fs::read_to_string(&svg).expect("svg")),
        ws.timeline_items(&in_window).expect("timeline").len()
    );
}
