//! Every command through IPC, on `tauri::test`'s mock runtime: the app as [`build_app`] makes it,
//! with its own [`context`] (so the capability decides what the window may call), a workspace in
//! a temporary folder, and requests as the UI sends them (ui/src/lib/api.ts: the command name,
//! camelCase arguments). Answers are compared with the UI's types (the ts-rs bindings in
//! ui/src/lib/bindings), failures with the `{code, message}` the UI reads.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{Listener, Manager, WebviewWindow};

use super::*;

/// The app on the mock runtime over a workspace of its own, its save dialog answering with
/// `out/` of the same folder, its open dialog with the lines of `open-answer.txt` there.
struct Harness {
    /// Kept for as long as the app runs: dropping it stops the app.
    app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
}

impl Harness {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("out")).expect("out/");
        let workspace = Workspace::open(&dir.path().join("ws.dateline")).expect("a new workspace");
        let shell = Shell {
            workspace,
            recent: RecentList::File(dir.path().join("recent.json")),
            save_dialog: SaveDialog::Folder(dir.path().join("out")),
            open_dialog: OpenDialog::AnswerFile(dir.path().join("open-answer.txt")),
        };
        let mut app =
            build_app(mock_builder(), shell).build(context()).expect("the app builds on the mock runtime");
        // One turn of the (mock) event loop runs the start-up as `run` would: the window of
        // tauri.conf.json is made, then the app's setup hook runs. Deprecated as a loop (it
        // busy-waits); here it is called once, and the mock runtime's turn does nothing else.
        #[allow(deprecated)]
        app.run_iteration(|_, _| {});
        let window = app.get_webview_window("main").expect("the main window");
        Harness { app, window, dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The answer of `cmd` called from the main window's page, as the UI's `invoke` resolves or
    /// rejects it.
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.call_from(&self.window, "tauri://localhost", cmd, args)
    }

    fn call_from(
        &self,
        window: &WebviewWindow<MockRuntime>,
        url: &str,
        cmd: &str,
        args: Value,
    ) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: url.parse().expect("a URL"),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(window, request).map(|body| body.deserialize::<Value>().expect("a JSON answer"))
    }

    /// The answer of a call that must succeed.
    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// The `code` of a call that must fail, after checking the failure is `{code, message}` with
    /// a message that says something.
    fn err(&self, cmd: &str, args: Value) -> String {
        let e = match self.call(cmd, args) {
            Ok(v) => panic!("{cmd} should fail, answered {v}"),
            Err(e) => e,
        };
        assert_command_error(&e, cmd)
    }

    /// What the window's drag-and-drop event does for a drop of `paths` (the real runtime sends
    /// it; the mock runtime has no window events, so the test sends it to the app's handler).
    fn drop_on_window(&self, paths: &[PathBuf]) {
        let drop = tauri::DragDropEvent::Drop { paths: paths.to_vec(), position: Default::default() };
        on_window_event(&self.window.as_ref().window(), &tauri::WindowEvent::DragDrop(drop));
    }

    /// The open dialog's answer when the user picks `paths` (`null` for none: cancelled).
    fn pick(&self, paths: &[PathBuf], directory: bool, multiple: bool) -> Value {
        let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        std::fs::write(self.path("open-answer.txt"), lines.join("\n")).expect("the dialog's answer");
        self.ok("choose_open_paths", json!({ "directory": directory, "multiple": multiple, "filters": [] }))
    }

    /// Imports the sample articles `names` (of samples/) copied into `articles/`, dropped on the
    /// window.
    fn import(&self, names: &[&str]) -> Value {
        let dir = self.path("articles");
        std::fs::create_dir_all(&dir).expect("articles/");
        let paths: Vec<String> = names
            .iter()
            .map(|name| {
                let to = dir.join(name);
                std::fs::copy(sample(name), &to).unwrap_or_else(|e| panic!("{name}: {e}"));
                to.display().to_string()
            })
            .collect();
        self.drop_on_window(&paths.iter().map(PathBuf::from).collect::<Vec<_>>());
        self.ok("import_paths", json!({ "paths": paths }))
    }

    /// The save dialog's answer for `name` (which the next write may then take).
    fn choose(&self, name: &str) -> String {
        let answer = self.ok("choose_save_path", json!({ "defaultName": name, "filters": [] }));
        answer.as_str().unwrap_or_else(|| panic!("choose_save_path answered {answer}")).to_string()
    }

    fn events(&self) -> Vec<Value> {
        as_array(self.ok("list_events", json!({ "selection": whole() })), "list_events")
    }

    /// An event's id whose label names `who`.
    fn event_naming(&self, who: &str) -> i64 {
        let events = self.events();
        let found = events.iter().find(|e| e["label"].as_str().is_some_and(|l| l.contains(who)));
        found.and_then(|e| e["id"].as_i64()).unwrap_or_else(|| panic!("no event names {who}: {events:?}"))
    }

    fn actor_named(&self, name: &str) -> Value {
        let actors = as_array(self.ok("actors", json!({})), "actors");
        let found = actors.iter().find(|a| a["name"].as_str().is_some_and(|n| n.contains(name)));
        found.cloned().unwrap_or_else(|| panic!("no actor {name}: {actors:?}"))
    }
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples").join(name)
}

fn as_array(v: Value, what: &str) -> Vec<Value> {
    match v {
        Value::Array(items) => items,
        other => panic!("{what}: not an array: {other}"),
    }
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// Checks `e` is `{code, message}` and nothing else, and returns the code.
fn assert_command_error(e: &Value, cmd: &str) -> String {
    let keys: BTreeSet<&str> =
        e.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    assert_eq!(keys, BTreeSet::from(["code", "message"]), "{cmd}: the UI reads {{code, message}}, got {e}");
    let message = e["message"].as_str().unwrap_or_default();
    assert!(message.len() > 10, "{cmd}: a message that says what failed, got {e}");
    e["code"].as_str().unwrap_or_else(|| panic!("{cmd}: code is not a string: {e}")).to_string()
}

/// The field names of the UI's type `name` (ui/src/lib/bindings/`name`.ts, written by ts-rs):
/// `export type Name = { a: T, b: U, };`, comments and nested types skipped.
fn binding_fields(name: &str) -> BTreeSet<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../ui/src/lib/bindings/{name}.ts"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut code = String::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        let end = rest[start..].find("*/").map_or(rest.len(), |e| start + e + 2);
        rest = &rest[end..];
    }
    code.push_str(rest);
    let decl = format!("export type {name} = {{");
    let body = &code[code.find(&decl).unwrap_or_else(|| panic!("{name}.ts: no `{decl}`")) + decl.len()..];
    let mut fields = BTreeSet::new();
    let (mut depth, mut field) = (0usize, String::new());
    let mut at_name = true;
    for c in body.chars() {
        match c {
            '{' | '<' | '(' | '[' => depth += 1,
            '}' | '>' | ')' | ']' if depth == 0 => break,
            '}' | '>' | ')' | ']' => depth -= 1,
            ':' if depth == 0 && at_name => {
                fields.insert(field.trim().to_string());
                field.clear();
                at_name = false;
            }
            ',' if depth == 0 => at_name = true,
            c if at_name => field.push(c),
            _ => {}
        }
    }
    assert!(!fields.is_empty(), "{name}.ts: no fields read");
    fields
}

/// Checks that `v` is an object with the fields of the UI's type `ty`, no more and no fewer.
fn assert_shape(v: &Value, ty: &str) {
    let keys: BTreeSet<String> =
        v.as_object().unwrap_or_else(|| panic!("{ty}: not an object: {v}")).keys().cloned().collect();
    assert_eq!(keys, binding_fields(ty), "{ty}: the answer's fields and the UI type's differ: {v}");
}

fn assert_each(v: &Value, ty: &str) -> usize {
    let items = v.as_array().unwrap_or_else(|| panic!("{ty}[]: not an array: {v}"));
    items.iter().for_each(|item| assert_shape(item, ty));
    items.len()
}

/// The whole workspace as a `Selection` (the UI sends every field; a missing one is "any").
fn whole() -> Value {
    json!({ "from": null, "to": null, "actors": [], "countries": [], "kinds": [], "statuses": [],
            "sources": [], "text": null, "unseen": false, "deleted": false })
}

/// The deleted events as a `Selection`.
fn deleted() -> Value {
    json!({ "deleted": true })
}

#[test]
fn the_binding_reader_reads_fields_and_skips_comments_and_nested_types() {
    assert_eq!(
        binding_fields("WorkspaceInfo"),
        ["actors", "articles", "events", "path"].map(String::from).into()
    );
    // Doc comments between fields, `Array<…>` and `A | null` types.
    let summary = binding_fields("EventSummary");
    assert!(
        summary.contains("start") && summary.contains("actor_ids") && summary.contains("edited"),
        "{summary:?}"
    );
    assert!(!summary.iter().any(|f| f.contains(' ') || f.contains('*')), "{summary:?}");
    let options = binding_fields("ImageExportOptions");
    assert!(options.contains("lanes") && options.contains("lane_order") && !options.contains("\"actor\""));
}

#[test]
fn a_fresh_workspace_answers_with_the_ui_types() {
    let h = Harness::new();
    let info = h.ok("workspace_info", json!({}));
    assert_shape(&info, "WorkspaceInfo");
    assert_eq!(info["path"], json!(h.path("ws.dateline").display().to_string()));
    assert_eq!((info["articles"].as_i64(), info["events"].as_i64()), (Some(0), Some(0)));
    assert_eq!(h.ok("list_events", json!({ "selection": whole() })), json!([]));
    assert_eq!(h.ok("list_events", json!({ "selection": deleted() })), json!([]));
    let facets = h.ok("facets", json!({ "selection": whole() }));
    assert_shape(&facets, "Facets");
    assert_eq!(facets["total"], json!(0));
    assert_eq!(h.ok("actors", json!({})), json!([]));
    assert_eq!(h.ok("changes_since_seen", json!({})), json!([]));
    // The workspace opened at start heads the recent list.
    assert_eq!(h.ok("recent_workspaces", json!({})), json!([h.path("ws.dateline").display().to_string()]));
    let extensions = as_array(h.ok("article_extensions", json!({})), "article_extensions");
    for ext in ["txt", "md", "html"] {
        assert!(extensions.contains(&json!(ext)), "{ext} in {extensions:?}");
    }
    assert_eq!(h.ok("cancel_import", json!({})), Value::Null);
}

#[test]
fn an_import_reports_progress_and_its_events_and_articles_can_be_read() {
    let h = Harness::new();
    let heard = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&heard);
    h.app.listen_any("import-progress", move |e| sink.lock().unwrap().push(e.payload().to_string()));

    let report = h.import(&["01-call-readout.txt", "12-weekly-roundup.md"]);
    assert_shape(&report, "ImportReport");
    assert_eq!(report["articles_added"], json!(2), "{report}");
    assert_eq!(assert_each(&report["files"], "FileReport"), 2);
    let progress = heard.lock().unwrap().clone();
    assert!(!progress.is_empty(), "no import-progress event");
    let last: Value = serde_json::from_str(progress.last().unwrap()).unwrap();
    assert_shape(&last, "ImportProgress");

    let events = h.ok("list_events", json!({ "selection": whole() }));
    assert!(assert_each(&events, "EventSummary") >= 3, "{events}");
    let info = h.ok("workspace_info", json!({}));
    assert_eq!(info["articles"], json!(2));
    assert_eq!(info["events"].as_u64(), Some(events.as_array().unwrap().len() as u64));

    let call = h.event_naming("Halvorsen");
    let detail = h.ok("event_detail", json!({ "id": call }));
    assert_shape(&detail, "EventDetail");
    assert_shape(&detail["summary"], "EventSummary");
    assert_each(&detail["participants"], "ParticipantView");
    assert!(assert_each(&detail["evidence"], "Evidence") >= 1, "{detail}");
    assert_eq!(h.err("event_detail", json!({ "id": 999_999 })), "not_found");

    let article_id = detail["evidence"][0]["article_id"].as_i64().unwrap_or(1);
    let article = h.ok("article", json!({ "id": article_id }));
    assert_shape(&article, "ArticleView");
    assert!(article["text"].as_str().is_some_and(|t| !t.is_empty()), "{article}");
    assert_eq!(h.err("article", json!({ "id": 999_999 })), "not_found");

    let found = as_array(h.ok("search", json!({ "query": "Wanjiru" })), "search");
    assert!(found.contains(&json!(call)), "search Wanjiru: {found:?} lacks the call {call}");
    assert_eq!(h.ok("search", json!({ "query": "zzzqqqxxx" })), json!([]));

    let actors = h.ok("actors", json!({}));
    assert!(assert_each(&actors, "ActorView") >= 2, "{actors}");
    // The "new since" marks are the updates' (feeds, watched folders), not a drop's.
    assert_eq!(h.ok("changes_since_seen", json!({})), json!([]));
}

/// An update of a watched folder, as the app's watcher makes it (on a connection of its own,
/// beside the app's), is what the desk shows as new until the analyst marks it seen.
#[test]
fn the_changes_of_an_update_are_new_until_marked_seen() {
    let h = Harness::new();
    let inbox = h.path("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let file = inbox.join("01-call-readout.txt");
    std::fs::copy(sample("01-call-readout.txt"), &file).unwrap();
    let changes = dateline::FolderChanges { changed: [file].into(), ..Default::default() };
    let update =
        dateline::import_changes_beside(&h.path("ws.dateline"), &changes).expect("the watched import");
    assert_eq!(update.import.articles_added, 1, "{update:?}");

    let changes = h.ok("changes_since_seen", json!({}));
    assert_eq!(assert_each(&changes, "EventChange"), update.changes.len(), "{changes}");
    assert!(changes.as_array().unwrap().iter().all(|c| c["change"] == json!("new")), "{changes}");
    let call = h.event_naming("Halvorsen");
    assert!(changes.as_array().unwrap().iter().any(|c| c["event_id"] == json!(call)), "{changes}");
    assert_eq!(h.ok("mark_seen", json!({})), Value::Null);
    assert_eq!(h.ok("changes_since_seen", json!({})), json!([]));
}

#[test]
fn a_missing_argument_or_one_of_the_wrong_type_is_refused_before_the_command_runs() {
    let h = Harness::new();
    // Tauri's own refusal is a string, which the UI's `toCommandError` turns into
    // {code: 'error', message}; it never reaches the workspace.
    let missing = h.call("event_detail", json!({})).unwrap_err();
    assert!(missing.as_str().is_some_and(|m| m.contains("id")), "{missing}");
    let wrong = h.call("event_detail", json!({ "id": "one" })).unwrap_err();
    assert!(wrong.as_str().is_some_and(|m| m.contains("id")), "{wrong}");
    // The UI's camelCase name, not Rust's.
    let snake = h.call("add_feed", json!({ "url": "https://example.org/feed.xml", "every_minutes": 5 }));
    assert!(snake.is_err(), "every_minutes is everyMinutes over IPC: {snake:?}");
}

#[test]
fn the_graph_commands_answer_for_the_whole_workspace_or_a_selection() {
    let h = Harness::new();
    h.import(&["01-call-readout.txt"]);
    let graph = h.ok("actor_graph", json!({ "selection": whole() }));
    assert_shape(&graph, "GraphView");
    assert!(assert_each(&graph["nodes"], "GraphNode") >= 2, "{graph}");
    assert!(assert_each(&graph["edges"], "GraphEdge") >= 1, "{graph}");

    let halvorsen = id(&h.actor_named("Halvorsen"));
    let wanjiru = id(&h.actor_named("Wanjiru"));
    let path = h.ok("graph_path", json!({ "from": halvorsen, "to": wanjiru, "selection": whole() }));
    assert_eq!(path, json!([halvorsen, wanjiru]));
    let ego = h.ok("graph_ego", json!({ "actor": halvorsen, "hops": 1, "selection": whole() }));
    assert_shape(&ego, "GraphView");
    let ids: BTreeSet<i64> = ego["nodes"].as_array().unwrap().iter().map(id).collect();
    assert!(ids.contains(&halvorsen) && ids.contains(&wanjiru), "{ego}");

    // A window that ends before the article's date selects nothing.
    let before = json!({ "from": "1990-01-01", "to": "1990-12-31" });
    assert_eq!(h.ok("actor_graph", json!({ "selection": before }))["nodes"], json!([]));
    // A selection that is not one is refused before the command runs.
    let bad = json!({ "from": "last spring" });
    let refused = h.call("actor_graph", json!({ "selection": bad })).unwrap_err();
    assert!(refused.as_str().is_some_and(|m| m.contains("selection")), "{refused}");
    // The graph and the facets count the same events for the same selection.
    let one = json!({ "actors": [halvorsen] });
    let events = as_array(h.ok("list_events", json!({ "selection": one })), "list_events");
    let facets = h.ok("facets", json!({ "selection": one }));
    assert_eq!(facets["total"], json!(events.len()));
    let graph = h.ok("actor_graph", json!({ "selection": one }));
    let node = graph["nodes"].as_array().unwrap().iter().find(|n| id(n) == halvorsen).cloned();
    assert_eq!(node.map(|n| n["events"].clone()), Some(json!(events.len())));
}

#[test]
fn a_write_goes_only_to_a_path_the_save_dialog_answered() {
    let h = Harness::new();
    h.import(&["01-call-readout.txt"]);
    // The Folder dialog answers with the suggested name in out/, its directories dropped.
    let csv = h.choose("../../events.csv");
    assert_eq!(csv, h.path("out/events.csv").display().to_string());

    let unchosen = h.path("out/other.json").display().to_string();
    let refused = json!({ "path": unchosen, "format": "json", "selection": whole() });
    assert_eq!(h.err("export_data", refused), "not_chosen");
    assert!(!Path::new(&unchosen).exists());

    let export = json!({ "path": csv, "format": "csv", "selection": whole() });
    assert_eq!(h.ok("export_data", export.clone()), Value::Null);
    let written = std::fs::read_to_string(&csv).expect("the CSV is written");
    assert!(written.contains("Halvorsen"), "{written}");
    assert_eq!(h.err("export_data", export), "not_chosen", "an answer is taken once");

    let json_path = h.choose("events.json");
    let unknown = json!({ "path": json_path, "format": "parquet", "selection": whole() });
    assert_eq!(h.err("export_data", unknown), "format");

    let png = h.choose("timeline.png");
    let options = json!({
        "from": null, "to": null, "lanes": "actor", "lane_order": null, "width": 800, "scale": 1,
        "title": "Calls", "subtitle": null, "dark": false, "selection": whole(),
    });
    assert_eq!(h.ok("export_image", json!({ "path": png, "options": options.clone() })), Value::Null);
    let bytes = std::fs::read(&png).expect("the PNG is written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG: {:?}", &bytes[..bytes.len().min(8)]);
    assert_eq!(h.err("export_image", json!({ "path": png, "options": options })), "not_chosen");

    // The map's image: the pane's pieces, to a chosen path only, once.
    let map = json!({
        "picture": {
            "countries": [{ "id": "578", "events": 1 }],
            "arcs": [],
            "spots": [{ "at": [10.75, 59.91], "kinds": ["call"], "events": 1, "place": "Oslo" }],
        },
        "view": null, "width": 800, "map_height": null, "scale": 1, "title": "Calls", "subtitle": null, "dark": false,
    });
    let unchosen = h.path("out/map.svg").display().to_string();
    assert_eq!(h.err("export_map_image", json!({ "path": unchosen, "options": map.clone() })), "not_chosen");
    assert!(!Path::new(&unchosen).exists());
    let svg = h.choose("map.svg");
    assert_eq!(h.ok("export_map_image", json!({ "path": svg, "options": map.clone() })), Value::Null);
    let written = std::fs::read_to_string(&svg).expect("the SVG is written");
    assert!(
        written.contains("data-country=\"578\" data-events=\"1\"") && written.contains("data-place=\"Oslo\"")
    );
    assert!(written.contains("1 event on the map"), "the source line counts the pane's events");
    assert_eq!(h.err("export_map_image", json!({ "path": svg, "options": map.clone() })), "not_chosen");
    // Pieces off the Earth are refused by the renderer, and nothing is written.
    let pdf = h.choose("map.pdf");
    let mut far = map;
    far["picture"]["spots"][0]["at"] = json!([200.0, 0.0]);
    assert_eq!(h.err("export_map_image", json!({ "path": pdf, "options": far })), "render");
    assert!(!Path::new(&pdf).exists());
}

#[test]
fn workspaces_are_made_only_where_chosen_and_opened_only_where_they_exist() {
    let h = Harness::new();
    h.pick(&[h.path("nowhere.dateline")], false, false);
    let missing = h.path("nowhere.dateline").display().to_string();
    assert_eq!(h.err("open_workspace", json!({ "path": missing })), "not_found");
    assert!(!Path::new(&missing).exists(), "open makes no workspace");

    let unchosen = h.path("out/unchosen").display().to_string();
    assert_eq!(h.err("new_workspace", json!({ "path": unchosen })), "not_chosen");

    // A name without an extension gets `.dateline`.
    let chosen = h.choose("news");
    let info = h.ok("new_workspace", json!({ "path": chosen }));
    assert_shape(&info, "WorkspaceInfo");
    let news = h.path("out/news.dateline").display().to_string();
    assert_eq!(info["path"], json!(news));
    assert!(Path::new(&news).is_file());
    assert_eq!(h.ok("workspace_info", json!({}))["path"], json!(news), "the new workspace is the open one");
    let again = h.choose("news.dateline");
    assert_eq!(h.err("new_workspace", json!({ "path": again })), "exists");

    // The first workspace is a recent one: opened from the list.
    let first = h.path("ws.dateline").display().to_string();
    let opened = h.ok("open_workspace", json!({ "path": first }));
    assert_shape(&opened, "WorkspaceInfo");
    assert_eq!(opened["path"], json!(first));
    // Most recent first.
    assert_eq!(h.ok("recent_workspaces", json!({})), json!([first, news]));
    let stored: Vec<String> = serde_json::from_slice(&std::fs::read(h.path("recent.json")).unwrap()).unwrap();
    assert_eq!(stored, [first, news]);
}

/// A workspace that is neither recent nor an answer of the open dialog is not opened: a script
/// in the window cannot make the app open (and write to) a file the user did not choose.
#[test]
fn a_workspace_is_opened_only_from_the_open_dialog_or_the_recent_list() {
    let h = Harness::new();
    let other = h.path("other.dateline");
    Workspace::open(&other).expect("another workspace");
    let path = other.display().to_string();
    assert_eq!(h.err("open_workspace", json!({ "path": path })), "not_chosen");
    assert_eq!(h.ok("workspace_info", json!({}))["path"], json!(h.path("ws.dateline").display().to_string()));
    // Cancelled: no answer, nothing chosen.
    assert_eq!(h.pick(&[], false, false), Value::Null);
    assert_eq!(h.err("open_workspace", json!({ "path": path })), "not_chosen");
    // A single file asked for: the first line only.
    assert_eq!(h.pick(&[other.clone(), h.path("x.dateline")], false, false), json!([path]));
    assert_eq!(h.ok("open_workspace", json!({ "path": path }))["path"], json!(path));
    let absent = h.path("x.dateline").display().to_string();
    assert_eq!(h.err("open_workspace", json!({ "path": absent })), "not_chosen");
    // Chosen, but since removed: not made anew.
    h.pick(&[h.path("gone.dateline")], false, false);
    let gone = h.path("gone.dateline").display().to_string();
    assert_eq!(h.err("open_workspace", json!({ "path": gone })), "not_found");
    assert!(!Path::new(&gone).exists());
}

/// The app imports only what was dropped on the window or answered by the open dialog, and
/// what a chosen folder holds; a path the page names itself imports nothing.
#[test]
fn an_import_reads_only_what_was_dropped_or_chosen() {
    let h = Harness::new();
    let news = h.path("news");
    std::fs::create_dir_all(news.join("2024")).unwrap();
    std::fs::copy(sample("01-call-readout.txt"), news.join("2024/call.txt")).unwrap();
    let elsewhere = h.path("elsewhere.txt");
    std::fs::copy(sample("12-weekly-roundup.md"), &elsewhere).unwrap();
    let s = |p: &Path| p.display().to_string();

    for paths in [
        vec![s(&elsewhere)],
        vec![s(&news)],
        // One unchosen path refuses the whole call.
        vec![s(&news.join("2024/call.txt")), s(&elsewhere)],
    ] {
        assert_eq!(h.err("import_paths", json!({ "paths": paths })), "not_chosen");
    }
    assert_eq!(h.ok("workspace_info", json!({}))["articles"], json!(0), "nothing imported");

    // A drop of the folder: it, and what it holds, but not a path climbing out of it.
    h.drop_on_window(std::slice::from_ref(&news));
    let climbing = format!("{}/../elsewhere.txt", s(&news));
    assert_eq!(h.err("import_paths", json!({ "paths": [climbing] })), "not_chosen");
    let report = h.ok("import_paths", json!({ "paths": [s(&news.join("2024/call.txt"))] }));
    assert_eq!(report["articles_added"], json!(1), "{report}");
    let again = h.ok("import_paths", json!({ "paths": [s(&news)] }));
    assert_eq!(again["articles_added"], json!(0), "{again}");
    assert_eq!(h.err("import_paths", json!({ "paths": [s(&elsewhere)] })), "not_chosen");

    // The open dialog's answer.
    assert_eq!(h.pick(std::slice::from_ref(&elsewhere), false, true), json!([s(&elsewhere)]));
    let report = h.ok("import_paths", json!({ "paths": [s(&elsewhere)] }));
    assert_eq!(report["articles_added"], json!(1), "{report}");
    assert_eq!(h.ok("workspace_info", json!({}))["articles"], json!(2));
}

#[test]
fn feeds_are_added_listed_updated_and_removed() {
    let h = Harness::new();
    assert_eq!(h.ok("list_feeds", json!({})), json!([]));
    // Nothing to fetch: no network.
    let report = h.ok("update_feeds", json!({}));
    assert_shape(&report, "FeedUpdateReport");
    assert_shape(&report["import"], "ImportReport");
    assert_eq!((&report["feeds"], &report["changes"]), (&json!([]), &json!([])));

    let feed = h.ok("add_feed", json!({ "url": "https://example.org/feed.xml", "everyMinutes": 30 }));
    assert_shape(&feed, "FeedView");
    assert_eq!((&feed["url"], &feed["every_minutes"]), (&json!("https://example.org/feed.xml"), &json!(30)));
    let listed = h.ok("list_feeds", json!({}));
    assert_eq!(assert_each(&listed, "FeedView"), 1);
    assert_eq!(listed[0]["id"], feed["id"]);
    assert_eq!(h.err("add_feed", json!({ "url": "file:///etc/passwd", "everyMinutes": 30 })), "invalid");
    assert_eq!(
        h.err("add_feed", json!({ "url": "https://example.org/b.xml", "everyMinutes": 0 })),
        "invalid"
    );

    let removed = h.ok("remove_feed", json!({ "id": id(&feed) }));
    assert_shape(&removed, "FeedView");
    assert_eq!(removed["id"], feed["id"]);
    assert_eq!(h.ok("list_feeds", json!({})), json!([]));
    assert_eq!(h.err("remove_feed", json!({ "id": id(&feed) })), "invalid");
}

#[test]
fn folders_are_watched_and_unwatched() {
    let h = Harness::new();
    let folder = h.path("inbox");
    std::fs::create_dir(&folder).unwrap();
    let canonical = folder.canonicalize().unwrap().display().to_string();
    assert_eq!(h.ok("watched_folders", json!({})), json!([]));
    let path = folder.display().to_string();
    assert_eq!(
        h.err("watch_folder", json!({ "path": path })),
        "not_chosen",
        "a folder the user did not choose"
    );
    assert_eq!(h.ok("watched_folders", json!({})), json!([]));
    assert_eq!(h.pick(std::slice::from_ref(&folder), true, false), json!([path]));
    assert_eq!(h.ok("watch_folder", json!({ "path": path })), json!([canonical]));
    assert_eq!(h.ok("watched_folders", json!({})), json!([canonical]));
    assert_eq!(h.ok("unwatch_folder", json!({ "path": path })), json!([]));
    let absent = h.path("absent");
    h.pick(std::slice::from_ref(&absent), true, false);
    assert_eq!(h.err("watch_folder", json!({ "path": absent.display().to_string() })), "invalid");
}

#[test]
fn corrections_to_events_are_made_undone_and_redone() {
    let h = Harness::new();
    h.import(&["01-call-readout.txt"]);
    let call = h.event_naming("Halvorsen");
    let patch = json!({
        "kind": "meeting", "status": null, "start": "2024-03-15", "end": null, "precision": null,
        "place": "Nairobi", "country": null, "participants": null,
    });
    let edited = h.ok("update_event", json!({ "id": call, "patch": patch }));
    assert_shape(&edited, "EventSummary");
    assert_eq!(
        (&edited["kind"], &edited["start"], &edited["place"]),
        (&json!("meeting"), &json!("2024-03-15"), &json!("Nairobi"))
    );
    assert_eq!(edited["edited"], json!(true));
    let bad = json!({
        "kind": null, "status": null, "start": "the ides of March", "end": null, "precision": null,
        "place": null, "country": null, "participants": null,
    });
    assert_eq!(h.err("update_event", json!({ "id": call, "patch": bad })), "invalid");
    let unknown_kind = json!({ "kind": "picnic" });
    assert!(h.call("update_event", json!({ "id": call, "patch": unknown_kind })).is_err());

    let undone = h.ok("undo", json!({}));
    assert!(undone.as_str().is_some_and(|d| !d.is_empty()), "undo says what it undid: {undone}");
    let back = h.ok("event_detail", json!({ "id": call }));
    assert_eq!(back["summary"]["kind"], json!("call"));
    let redone = h.ok("redo", json!({}));
    assert_eq!(redone, undone, "redo names the correction undo named");
    assert_eq!(h.ok("event_detail", json!({ "id": call }))["summary"]["kind"], json!("meeting"));
    assert_eq!(h.ok("redo", json!({})), Value::Null, "nothing left to redo");

    assert_eq!(h.ok("delete_event", json!({ "id": call })), Value::Null);
    assert!(!h.events().iter().any(|e| e["id"] == json!(call)), "deleted events leave the list");
    let gone = h.ok("list_events", json!({ "selection": deleted() }));
    assert_eq!(assert_each(&gone, "EventSummary"), 1);
    assert_eq!(gone[0]["id"], json!(call));
    assert_eq!(h.ok("restore_event", json!({ "id": call })), Value::Null);
    assert!(h.events().iter().any(|e| e["id"] == json!(call)));
    assert_eq!(h.ok("list_events", json!({ "selection": deleted() })), json!([]));
    assert_eq!(h.err("delete_event", json!({ "id": 999_999 })), "not_found");
}

#[test]
fn actors_are_renamed_merged_and_split() {
    let h = Harness::new();
    h.import(&["01-call-readout.txt"]);
    let halvorsen = id(&h.actor_named("Halvorsen"));
    let wanjiru = id(&h.actor_named("Wanjiru"));

    assert_eq!(h.ok("rename_actor", json!({ "id": wanjiru, "name": "P. Wanjiru" })), Value::Null);
    assert_eq!(h.actor_named("Wanjiru")["name"], json!("P. Wanjiru"));
    assert_eq!(h.err("rename_actor", json!({ "id": wanjiru, "name": "  " })), "invalid");
    assert_eq!(h.err("rename_actor", json!({ "id": 999_999, "name": "X" })), "not_found");

    assert_eq!(h.ok("merge_actors", json!({ "into": halvorsen, "from": [wanjiru] })), Value::Null);
    let merged = h.actor_named("Halvorsen");
    assert_eq!(id(&merged), halvorsen);
    let aliases = merged["aliases"].as_array().cloned().unwrap_or_default();
    let alias = aliases.iter().filter_map(Value::as_str).find(|a| a.contains("Wanjiru")).map(str::to_string);
    let alias = alias.unwrap_or_else(|| panic!("the merged actor goes by Wanjiru too: {merged}"));
    assert_eq!(h.err("merge_actors", json!({ "into": halvorsen, "from": [] })), "invalid");

    assert_eq!(h.ok("split_actor", json!({ "id": halvorsen, "alias": alias })), Value::Null);
    let names: Vec<Value> =
        as_array(h.ok("actors", json!({})), "actors").into_iter().map(|a| a["name"].clone()).collect();
    assert!(
        names.iter().filter(|n| n.as_str().is_some_and(|n| n.contains("Wanjiru"))).count() == 1,
        "{names:?}"
    );
    assert_eq!(h.err("split_actor", json!({ "id": halvorsen, "alias": "Nobody" })), "invalid");

    // Undo walks back split, merge, rename.
    for _ in 0..3 {
        assert!(h.ok("undo", json!({})).is_string());
    }
    assert_eq!(h.ok("undo", json!({})), Value::Null, "nothing left to undo");
    assert!(h.actor_named("Wanjiru")["name"].as_str().is_some_and(|n| !n.starts_with("P. ")));
}

/// The capability grants the app's commands to the main window's own pages only.
#[test]
fn a_command_from_another_window_or_a_remote_page_is_refused() {
    let h = Harness::new();
    let other = tauri::WebviewWindowBuilder::new(&h.app, "other", Default::default()).build().unwrap();
    let refused = h.call_from(&other, "tauri://localhost", "workspace_info", json!({})).unwrap_err();
    assert!(refused.as_str().is_some_and(|m| m.contains("not allowed")), "{refused}");
    let remote = h.call_from(&h.window, "https://example.org/", "workspace_info", json!({})).unwrap_err();
    assert!(remote.as_str().is_some_and(|m| m.contains("not allowed")), "{remote}");
    // Plugin commands the capability leaves out: the save and open dialogs are the app's, not
    // the page's (an answer the page got itself would not be recorded as chosen).
    for cmd in ["plugin:dialog|save", "plugin:dialog|open"] {
        let refused = h.call(cmd, json!({ "options": {} })).unwrap_err();
        assert!(refused.as_str().is_some_and(|m| m.contains("not allowed")), "{cmd}: {refused}");
    }
    assert_shape(&h.ok("workspace_info", json!({})), "WorkspaceInfo");
}

/// Every command of the handler is called by a test of this file.
/// What the app shows of an event: all but its id.
fn shown(events: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = events
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if let Some(o) = e.as_object_mut() {
                o.remove("id");
                o.remove("actor_ids");
            }
            e.to_string()
        })
        .collect();
    out.sort();
    out
}

/// A cluster's output opens in the app: an events file as Spark's `write.text` leaves it (a
/// folder of `part-…` files), dropped on the window, is imported as the articles it holds with
/// their events, no extraction, and the app shows what it shows for the articles themselves,
/// with their sources and texts.
#[test]
fn a_folder_of_events_files_dropped_on_the_window_shows_as_its_articles_do() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
    let (items, _) = dateline::extract_paths(std::slice::from_ref(&samples));
    assert!(items.len() >= 10, "{} sample articles", items.len());

    let h = Harness::new();
    let events = h.path("events");
    std::fs::create_dir(&events).unwrap();
    let (first, second) = items.split_at(items.len() / 2);
    for (n, part) in [first, second].into_iter().enumerate() {
        let file = events.join(format!("part-0000{n}-c000.txt"));
        let mut out = std::fs::File::create(&file).unwrap();
        dateline::extracted::write_events(&mut out, part).unwrap();
    }
    std::fs::write(events.join("_SUCCESS"), "").unwrap();
    h.drop_on_window(std::slice::from_ref(&events));
    let report = h.ok("import_paths", json!({ "paths": [events.display().to_string()] }));
    let files = as_array(report["files"].clone(), "files");
    let status = |name: &str| {
        let f = files.iter().find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)));
        f.map(|f| f["status"].clone()).unwrap_or_else(|| panic!("no line for {name}: {report}"))
    };
    assert_eq!(status("part-00000-c000.txt"), json!("imported"));
    assert_eq!(status("part-00001-c000.txt"), json!("imported"));
    assert_eq!(status("_SUCCESS"), json!("skipped"));

    let direct = Harness::new();
    direct.drop_on_window(std::slice::from_ref(&samples));
    let expected = direct.ok("import_paths", json!({ "paths": [samples.display().to_string()] }));
    // The samples hold copies of one article: the same are left out either way.
    assert_eq!(report["articles_added"], expected["articles_added"], "{report}");
    assert_eq!(report["events_added"], expected["events_added"], "{report}");

    let shown_here = h.events();
    let merged = dateline::extracted::merge(&items);
    assert_eq!(shown_here.len(), merged.len());
    assert_eq!(shown(&shown_here), shown(&direct.events()));
    let info = h.ok("workspace_info", json!({}));
    let direct_info = direct.ok("workspace_info", json!({}));
    for count in ["articles", "events", "actors"] {
        assert_eq!(info[count], direct_info[count], "{count}: {info} against {direct_info}");
    }

    // Each event points into its article's text, which came with the events file.
    let call = h.event_naming("Halvorsen");
    let detail = h.ok("event_detail", json!({ "id": call }));
    let evidence = &detail["evidence"][0];
    let article = h.ok("article", json!({ "id": evidence["article_id"] }));
    let text = article["text"].as_str().unwrap_or_default();
    assert!(text.contains("Halvorsen"), "{article}");
}

#[test]
fn every_command_is_called_here() {
    let lib = include_str!("lib.rs");
    let start =
        lib.find("tauri::generate_handler![").expect("the handler list") + "tauri::generate_handler![".len();
    let tests = include_str!("ipc_tests.rs");
    // One command a line, comments (`// [store]`) dropped, up to the `])` that ends the list.
    let commands: Vec<&str> = lib[start..]
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default().trim())
        .take_while(|l| !l.starts_with(']'))
        .map(|l| l.trim_end_matches(','))
        .filter(|c| !c.is_empty())
        .collect();
    assert!(commands.len() > 30, "{commands:?}");
    let uncalled: Vec<&&str> = commands
        .iter()
        .filter(|c| !tests.contains(&format!("ok(\"{c}\"")) && !tests.contains(&format!("err(\"{c}\"")))
        .collect();
    assert!(uncalled.is_empty(), "commands no test calls through IPC: {uncalled:?}");
}
