//! The Dateline desktop shell. Every command is an adapter of a few lines over the `dateline`
//! library; errors cross IPC as `{code, message}`.
//!
//! The app is built by [`build_app`], generic over the Tauri runtime: `src/main.rs` runs it on
//! the real one (Wry), the tests (`src/ipc_tests.rs`) on `tauri::test`'s mock runtime, invoking
//! each command through IPC with the app's own [`context`] (config and capability), so a command
//! the capability does not grant fails there as it would in the window.

mod chosen;
mod recent;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use dateline::{
    ActorView, ArticleView, Cancel, EventDetail, EventPatch, EventSummary, ImageExportOptions, ImportReport,
    MapImageOptions, Workspace, WorkspaceInfo,
};
use dateline::{DataFormat, Facets, GraphLimit, GraphView, Selection};
use dateline::{EventChange, FeedSelection, FeedUpdateReport, FeedView, FetchLimits, Fetcher};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, Runtime, State, Window};
use tauri_plugin_dialog::DialogExt;

use chosen::{ReadPaths, SaveAnswers};

/// An error as the UI receives it.
#[derive(Debug, Serialize)]
struct CommandError {
    code: &'static str,
    message: String,
}

impl From<dateline::Error> for CommandError {
    fn from(e: dateline::Error) -> Self {
        CommandError { code: e.code(), message: e.to_string() }
    }
}

type CommandResult<T> = Result<T, CommandError>;

struct AppState {
    workspace: Mutex<Workspace>,
    cancel: Mutex<Cancel>,
    /// One client for every feed update: its per-host spacing holds across them.
    fetcher: Fetcher,
    /// Bumped when the watched folders (or the workspace) change: the watcher starts again.
    watching: std::sync::atomic::AtomicU64,
    /// The save dialog's answers, each written to once.
    saves: SaveAnswers,
    /// What the user gave the app to read: open-dialog answers and drops.
    read: ReadPaths,
    save_dialog: SaveDialog,
    open_dialog: OpenDialog,
}

impl AppState {
    fn rewatch(&self) {
        self.watching.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

// Commands that read or write the workspace are `async`: Tauri runs those on its runtime's
// threads, while a plain command runs on the main thread and holds up the window's event loop
// for as long as it takes (a whole-workspace graph at 100k events is about a second).
fn locked<'a>(state: &'a State<'_, AppState>) -> CommandResult<std::sync::MutexGuard<'a, Workspace>> {
    state
        .workspace
        .lock()
        .map_err(|_| CommandError { code: "internal", message: "workspace lock poisoned".into() })
}

#[tauri::command]
async fn workspace_info(state: State<'_, AppState>) -> CommandResult<WorkspaceInfo> {
    Ok(locked(&state)?.info()?)
}

/// The events of a selection (the deleted ones with `deleted`), in date order: what the
/// timeline, the list and the map show.
#[tauri::command]
async fn list_events(state: State<'_, AppState>, selection: Selection) -> CommandResult<Vec<EventSummary>> {
    Ok(locked(&state)?.events_matching(&selection)?)
}

/// The filter bar's counts: events per actor, country, type, status and source for the
/// selection, each facet without its own criterion.
#[tauri::command]
async fn facets(state: State<'_, AppState>, selection: Selection) -> CommandResult<Facets> {
    Ok(locked(&state)?.facets(&selection)?)
}

#[tauri::command]
async fn event_detail(state: State<'_, AppState>, id: i64) -> CommandResult<EventDetail> {
    Ok(locked(&state)?.event_detail(id)?)
}

/// Where a path to read must come from, as the refusal says.
const CHOSEN_TO_READ: &str =
    "dropped on the window or chosen in the app's open dialog (import it from there)";

/// Imports `paths`, each dropped on the window, chosen in the open dialog or inside a folder that
/// was (else nothing is imported: `not_chosen`).
#[tauri::command]
async fn import_paths<R: Runtime>(app: AppHandle<R>, paths: Vec<String>) -> CommandResult<ImportReport> {
    let read = &app.state::<AppState>().read;
    let paths: Vec<PathBuf> =
        paths.iter().map(|p| read.check(p, CHOSEN_TO_READ)).collect::<CommandResult<_>>()?;
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let cancel = Cancel::default();
        if let Ok(mut c) = state.cancel.lock() {
            *c = cancel.clone();
        }
        // The lock is taken per batch write, so the UI keeps reading while files are extracted.
        let report = dateline::import_shared(&state.workspace, &paths, &cancel, &mut |p| {
            // Progress is best effort: a closed window must not stop the import.
            let _ = app.emit("import-progress", p);
        })?;
        Ok(report)
    })
    .await
    .map_err(|e| CommandError { code: "internal", message: e.to_string() })?
}

// --- Actor graph and data exports ---

/// The graph pane's view: the most active actors of the selection (`GraphLimit::APP`), the
/// measures of the whole graph.
#[tauri::command]
async fn actor_graph(state: State<'_, AppState>, selection: Selection) -> CommandResult<GraphView> {
    Ok(GraphLimit::APP.apply(locked(&state)?.actor_graph(&selection)?, None))
}

#[tauri::command]
async fn graph_path(
    state: State<'_, AppState>,
    from: i64,
    to: i64,
    selection: Selection,
) -> CommandResult<Vec<i64>> {
    Ok(locked(&state)?.graph_path(from, to, &selection)?)
}

#[tauri::command]
async fn graph_ego(
    state: State<'_, AppState>,
    actor: i64,
    hops: u32,
    selection: Selection,
) -> CommandResult<GraphView> {
    Ok(GraphLimit::APP.apply(locked(&state)?.graph_ego(actor, hops, &selection)?, Some(actor)))
}

/// Writes the data export to `path`, an answer of the save dialog (a CSV also writes its
/// actors file beside it).
#[tauri::command]
async fn export_data(
    state: State<'_, AppState>,
    path: String,
    format: String,
    selection: Selection,
) -> CommandResult<()> {
    state.saves.take(&path)?;
    let format = DataFormat::parse(&format)?;
    Ok(locked(&state)?.export_data(std::path::Path::new(&path), format, &selection, chrono::Utc::now())?)
}

// --- end actor graph ---

#[tauri::command]
fn cancel_import(state: State<'_, AppState>) {
    if let Ok(c) = state.cancel.lock() {
        c.cancel();
    }
}

/// Draws the timeline into `path` (PNG, SVG or PDF by extension; an answer of the save dialog)
/// with the CLI's renderer, off the main thread (a large PNG takes a moment).
#[tauri::command]
async fn export_image<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    options: ImageExportOptions,
) -> CommandResult<()> {
    app.state::<AppState>().saves.take(&path)?;
    tauri::async_runtime::spawn_blocking(move || {
        let today = chrono::Utc::now().date_naive();
        let state = app.state::<AppState>();
        Ok(locked(&state)?.export_view_image(Path::new(&path), &options, today)?)
    })
    .await
    .map_err(|e| CommandError { code: "internal", message: e.to_string() })?
}

/// Draws the map pane's picture into `path` (PNG, SVG or PDF by extension; an answer of the save
/// dialog), off the main thread.
#[tauri::command]
async fn export_map_image<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    options: MapImageOptions,
) -> CommandResult<()> {
    app.state::<AppState>().saves.take(&path)?;
    tauri::async_runtime::spawn_blocking(move || {
        let today = chrono::Utc::now().date_naive();
        let state = app.state::<AppState>();
        Ok(locked(&state)?.export_map_image(Path::new(&path), &options, today)?)
    })
    .await
    .map_err(|e| CommandError { code: "internal", message: e.to_string() })?
}

/// Where the recent-workspaces list lives (set up at start).
struct RecentFile(Option<PathBuf>);

/// Makes `workspace` the open one: the window title and the recent list follow.
fn switch_to<R: Runtime>(
    app: &AppHandle<R>,
    state: &State<'_, AppState>,
    workspace: Workspace,
) -> CommandResult<WorkspaceInfo> {
    let info = workspace.info()?;
    let path = workspace.path().to_path_buf();
    *locked(state)? = workspace;
    state.rewatch();
    on_opened(app, &path);
    Ok(info)
}

fn on_opened<R: Runtime>(app: &AppHandle<R>, path: &Path) {
    if let Some(window) = app.get_webview_window("main") {
        // Best effort: a title that fails to update must not fail the open.
        let _ = window.set_title(&recent::window_title(path));
    }
    if let Some(file) = &app.state::<RecentFile>().0 {
        let _ = recent::remember(file, path);
    }
}

/// Opens the workspace at `path`: an answer of the open dialog, or one of the recent workspaces.
#[tauri::command]
async fn open_workspace<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    recent: State<'_, RecentFile>,
    path: String,
) -> CommandResult<WorkspaceInfo> {
    let is_recent = || recent.0.as_deref().is_some_and(|file| recent::load(file).contains(&path));
    let path = if is_recent() {
        PathBuf::from(&path)
    } else {
        state.read.check(
            &path,
            "chosen in the app's open dialog or in the recent workspaces (open it from there)",
        )?
    };
    if !path.is_file() {
        return Err(CommandError {
            code: "not_found",
            message: format!("no workspace at {}", path.display()),
        });
    }
    // An existing workspace only: a file removed since the check is not made anew.
    switch_to(&app, &state, Workspace::open_with(&path, dateline::Access::Write)?)
}

/// Creates a workspace at `path`, an answer of the save dialog, with `.dateline` added when the
/// name has no extension.
#[tauri::command]
async fn new_workspace<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<WorkspaceInfo> {
    state.saves.take(&path)?;
    let path = with_extension(PathBuf::from(path), "dateline");
    if path.exists() {
        return Err(CommandError {
            code: "exists",
            message: format!("{} already exists: open it, or choose a new name", path.display()),
        });
    }
    switch_to(&app, &state, Workspace::open(&path)?)
}

/// The file extensions an import reads (the Files… dialog's filter).
#[tauri::command]
fn article_extensions() -> Vec<&'static str> {
    dateline::article_extensions().collect()
}

#[tauri::command]
fn recent_workspaces(recent: State<'_, RecentFile>) -> Vec<String> {
    recent.0.as_deref().map(recent::load).unwrap_or_default()
}

/// `path`, with `.ext` added when its file name has no extension.
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        return path;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(ext);
    path.with_file_name(name)
}

/// A file type of the save and open dialogs: a name and its extensions (no dot; `*` for any).
#[derive(Debug, Deserialize)]
struct FileFilter {
    name: String,
    extensions: Vec<String>,
}

/// Where the answers of the save dialog come from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum SaveDialog {
    /// The native dialog: the user chooses (the app as shipped).
    Native,
    /// No dialog: every answer is this folder and the suggested file name. For the tests only —
    /// the end-to-end run (a native dialog is out of WebDriver's reach) and the IPC tests — and
    /// absent from a build without the `e2e` feature, so the shipped app always asks the user.
    #[cfg(any(test, feature = "e2e"))]
    Folder(PathBuf),
}

/// The save dialog, opened here rather than by the window so that the app knows what the user
/// chose: the answer is remembered, and the command that writes it takes it once (`SaveAnswers`).
/// `None` when cancelled.
#[tauri::command]
async fn choose_save_path<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    default_name: String,
    filters: Vec<FileFilter>,
) -> CommandResult<Option<String>> {
    let answer = match &state.save_dialog {
        SaveDialog::Native => {
            let mut dialog = window.dialog().file().set_parent(&window).set_file_name(default_name);
            for f in &filters {
                let extensions: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
                dialog = dialog.add_filter(&f.name, &extensions);
            }
            match dialog.blocking_save_file() {
                None => None,
                Some(p) => {
                    Some(p.into_path().map_err(|e| CommandError { code: "dialog", message: e.to_string() })?)
                }
            }
        }
        #[cfg(any(test, feature = "e2e"))]
        SaveDialog::Folder(dir) => Path::new(&default_name).file_name().map(|name| dir.join(name)),
    };
    let Some(answer) = answer else { return Ok(None) };
    let answer = answer.to_string_lossy().into_owned();
    state.saves.remember(answer.clone())?;
    Ok(Some(answer))
}

/// Where the answers of the open dialog come from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum OpenDialog {
    /// The native dialog: the user chooses (the app as shipped).
    Native,
    /// No dialog: every answer is the paths listed in this file, one a line, read when the
    /// dialog would open (no file, or no line: cancelled). For the tests only, as
    /// [`SaveDialog::Folder`]: absent from a build without the `e2e` feature.
    #[cfg(any(test, feature = "e2e"))]
    AnswerFile(PathBuf),
}

/// The open dialog (files, or folders), opened here rather than by the window so that the app
/// knows what the user chose to read: the answers are recorded ([`ReadPaths`]), and
/// `import_paths`, `watch_folder` and `open_workspace` take only what was recorded. `None` when
/// cancelled.
#[tauri::command]
async fn choose_open_paths<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    directory: bool,
    multiple: bool,
    filters: Vec<FileFilter>,
) -> CommandResult<Option<Vec<String>>> {
    let answer: Option<Vec<PathBuf>> = match &state.open_dialog {
        OpenDialog::Native => {
            let mut dialog = window.dialog().file().set_parent(&window);
            for f in &filters {
                let extensions: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
                dialog = dialog.add_filter(&f.name, &extensions);
            }
            let picked = match (directory, multiple) {
                (true, true) => dialog.blocking_pick_folders(),
                (true, false) => dialog.blocking_pick_folder().map(|p| vec![p]),
                (false, true) => dialog.blocking_pick_files(),
                (false, false) => dialog.blocking_pick_file().map(|p| vec![p]),
            };
            match picked {
                None => None,
                Some(paths) => Some(
                    paths
                        .into_iter()
                        .map(|p| {
                            p.into_path().map_err(|e| CommandError { code: "dialog", message: e.to_string() })
                        })
                        .collect::<CommandResult<_>>()?,
                ),
            }
        }
        #[cfg(any(test, feature = "e2e"))]
        OpenDialog::AnswerFile(file) => {
            let listed = std::fs::read_to_string(file).unwrap_or_default();
            let paths: Vec<PathBuf> =
                listed.lines().filter(|l| !l.trim().is_empty()).map(PathBuf::from).collect();
            let paths = if multiple { paths } else { paths.into_iter().take(1).collect() };
            Some(paths).filter(|p| !p.is_empty())
        }
    };
    let Some(answer) = answer else { return Ok(None) };
    state.read.record(answer.iter().cloned())?;
    Ok(Some(answer.iter().map(|p| p.to_string_lossy().into_owned()).collect()))
}

/// The window's events the app acts on: what is dropped on it is recorded as given to read (the
/// page then asks `import_paths` for it). Tauri sends the page its `tauri://drag-drop` event just
/// before this runs, on the event loop's thread, so the page's call is answered after the drop
/// was recorded; a drag-drop event a script emits itself never comes here.
fn on_window_event<R: Runtime>(window: &Window<R>, event: &tauri::WindowEvent) {
    if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event
        && let Err(e) = window.state::<AppState>().read.record(paths.iter().cloned())
    {
        eprintln!("dateline: the dropped files could not be recorded: {}", e.message);
    }
}

// --- Feeds and what changed since the analyst last looked ---

#[tauri::command]
async fn list_feeds(state: State<'_, AppState>) -> CommandResult<Vec<FeedView>> {
    Ok(locked(&state)?.feeds()?)
}

#[tauri::command]
async fn add_feed(state: State<'_, AppState>, url: String, every_minutes: u32) -> CommandResult<FeedView> {
    Ok(locked(&state)?.add_feed(&url, every_minutes)?)
}

#[tauri::command]
async fn remove_feed(state: State<'_, AppState>, id: i64) -> CommandResult<FeedView> {
    Ok(locked(&state)?.remove_feed(&id.to_string())?)
}

/// Fetches every feed now, on a connection of its own: the window keeps reading meanwhile.
#[tauri::command]
async fn update_feeds<R: Runtime>(app: AppHandle<R>) -> CommandResult<FeedUpdateReport> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let path = locked(&state)?.path().to_path_buf();
        Ok(dateline::update_feeds_beside(&path, &state.fetcher, FeedSelection::All, &mut |p| {
            let _ = app.emit("import-progress", p);
        })?)
    })
    .await
    .map_err(|e| CommandError { code: "internal", message: e.to_string() })?
}

#[tauri::command]
async fn changes_since_seen(state: State<'_, AppState>) -> CommandResult<Vec<EventChange>> {
    Ok(locked(&state)?.changes_since_seen()?)
}

#[tauri::command]
async fn mark_seen(state: State<'_, AppState>) -> CommandResult<()> {
    Ok(locked(&state)?.mark_seen()?)
}

fn folder_list(ws: &Workspace) -> CommandResult<Vec<String>> {
    Ok(ws.watched_folders()?.into_iter().map(|p| p.display().to_string()).collect())
}

#[tauri::command]
async fn watched_folders(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    folder_list(&*locked(&state)?)
}

/// Watches `path`, a folder dropped or chosen in the open dialog (else `not_chosen`).
#[tauri::command]
async fn watch_folder(state: State<'_, AppState>, path: String) -> CommandResult<Vec<String>> {
    let path = state.read.check(&path, CHOSEN_TO_READ)?;
    let mut ws = locked(&state)?;
    ws.watch_folder(&path)?;
    state.rewatch();
    folder_list(&ws)
}

#[tauri::command]
async fn unwatch_folder(state: State<'_, AppState>, path: String) -> CommandResult<Vec<String>> {
    let mut ws = locked(&state)?;
    ws.unwatch_folder(Path::new(&path))?;
    state.rewatch();
    folder_list(&ws)
}

/// The watched folders: their new and changed files imported as they come (on a connection of
/// its own), the window told with `watch-updated`. Started again when the folders change.
fn watch_folders<R: Runtime>(app: AppHandle<R>) {
    use std::sync::atomic::Ordering;
    std::thread::spawn(move || {
        let mut seen = u64::MAX;
        let mut watch: Option<(PathBuf, dateline::FolderWatch)> = None;
        loop {
            let state = app.state::<AppState>();
            let now = state.watching.load(Ordering::Relaxed);
            if now != seen {
                seen = now;
                watch = locked(&state).ok().and_then(|ws| {
                    let folders = ws.watched_folders().ok().filter(|f| !f.is_empty())?;
                    let w = dateline::FolderWatch::start(&folders)
                        .map_err(|e| eprintln!("dateline: watching: {e}"))
                        .ok()?;
                    Some((ws.path().to_path_buf(), w))
                });
            }
            let Some((path, w)) = &watch else {
                std::thread::sleep(std::time::Duration::from_secs(1));
                continue;
            };
            if let Some(changes) =
                w.next_changes(std::time::Duration::from_secs(1), std::time::Duration::from_millis(500))
            {
                match dateline::import_changes_beside(path, &changes) {
                    Ok(r) => {
                        let _ = app.emit("watch-updated", &r);
                    }
                    Err(e) => eprintln!("dateline: watching: {e}"),
                }
            }
        }
    });
}

/// The feeds' schedule: once a minute, the feeds due are fetched (none unless the analyst
/// subscribed), and the window hears `feeds-updated` when articles came.
fn schedule_feeds<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
            let state = app.state::<AppState>();
            let Ok((path, any)) =
                locked(&state).map(|ws| (ws.path().to_path_buf(), ws.feeds().is_ok_and(|f| !f.is_empty())))
            else {
                continue;
            };
            if !any {
                continue;
            }
            match dateline::update_feeds_beside(&path, &state.fetcher, FeedSelection::Due, &mut |_| {}) {
                Ok(r) if r.import.articles_added > 0 || r.failed_feeds() > 0 => {
                    let _ = app.emit("feeds-updated", &r);
                }
                Ok(_) => {}
                Err(e) => eprintln!("dateline: feeds: {e}"),
            }
        }
    });
}

// --- [store] commands: articles, search, corrections, actors, undo/redo ---

#[tauri::command]
async fn article(state: State<'_, AppState>, id: i64) -> CommandResult<ArticleView> {
    Ok(locked(&state)?.article(id)?)
}

#[tauri::command]
async fn search(state: State<'_, AppState>, query: String) -> CommandResult<Vec<i64>> {
    Ok(locked(&state)?.search(&query)?)
}

#[tauri::command]
async fn update_event(state: State<'_, AppState>, id: i64, patch: EventPatch) -> CommandResult<EventSummary> {
    Ok(locked(&state)?.update_event(id, patch)?)
}

#[tauri::command]
async fn delete_event(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(locked(&state)?.delete_event(id)?)
}

#[tauri::command]
async fn restore_event(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(locked(&state)?.restore_event(id)?)
}

#[tauri::command]
async fn actors(state: State<'_, AppState>) -> CommandResult<Vec<ActorView>> {
    Ok(locked(&state)?.actors()?)
}

#[tauri::command]
async fn merge_actors(state: State<'_, AppState>, into: i64, from: Vec<i64>) -> CommandResult<()> {
    Ok(locked(&state)?.merge_actors(into, from)?)
}

#[tauri::command]
async fn split_actor(state: State<'_, AppState>, id: i64, alias: String) -> CommandResult<()> {
    Ok(locked(&state)?.split_actor(id, alias)?)
}

#[tauri::command]
async fn rename_actor(state: State<'_, AppState>, id: i64, name: String) -> CommandResult<()> {
    Ok(locked(&state)?.rename_actor(id, name)?)
}

#[tauri::command]
async fn undo(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    Ok(locked(&state)?.undo()?)
}

#[tauri::command]
async fn redo(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    Ok(locked(&state)?.redo()?)
}

// --- end of [store] commands ---

/// What the app starts with: everything [`build_app`] takes from outside, so that a test can
/// give its own.
#[derive(Debug)]
pub struct Shell {
    /// The workspace open at start.
    pub workspace: Workspace,
    pub recent: RecentList,
    pub save_dialog: SaveDialog,
    pub open_dialog: OpenDialog,
}

/// Where the recent-workspaces list is kept.
#[derive(Debug, Clone)]
pub enum RecentList {
    /// `recent-workspaces.json` in the app's config directory (the app as shipped).
    InAppConfigDir,
    /// This file.
    File(PathBuf),
}

/// The app's config (tauri.conf.json), its embedded UI and its capability, for any runtime.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// The app on `builder`: its plugins, state, commands, and at start the window title, the recent
/// list and the background work (the feeds' schedule, the folder watcher). Run it with
/// [`context`].
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>, shell: Shell) -> tauri::Builder<R> {
    let Shell { workspace, recent, save_dialog, open_dialog } = shell;
    let opened = workspace.path().to_path_buf();
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState {
            workspace: Mutex::new(workspace),
            cancel: Mutex::new(Cancel::default()),
            fetcher: Fetcher::new(FetchLimits::default()),
            watching: std::sync::atomic::AtomicU64::new(0),
            saves: SaveAnswers::default(),
            read: ReadPaths::default(),
            save_dialog,
            open_dialog,
        })
        .setup(move |app| {
            let file = match recent {
                RecentList::InAppConfigDir => {
                    app.path().app_config_dir().ok().map(|d| d.join("recent-workspaces.json"))
                }
                RecentList::File(file) => Some(file),
            };
            app.manage(RecentFile(file));
            on_opened(app.handle(), &opened);
            schedule_feeds(app.handle().clone());
            watch_folders(app.handle().clone());
            Ok(())
        })
        .on_window_event(on_window_event)
        .invoke_handler(tauri::generate_handler![
            workspace_info,
            list_events,
            facets,
            event_detail,
            import_paths,
            cancel_import,
            actor_graph,
            graph_path,
            graph_ego,
            export_data,
            export_image,
            export_map_image,
            open_workspace,
            new_workspace,
            recent_workspaces,
            article_extensions,
            choose_save_path,
            choose_open_paths,
            list_feeds,
            add_feed,
            remove_feed,
            update_feeds,
            changes_since_seen,
            mark_seen,
            watched_folders,
            watch_folder,
            unwatch_folder,
            // [store]
            article,
            search,
            update_event,
            delete_event,
            restore_event,
            actors,
            merge_actors,
            rename_actor,
            split_actor,
            undo,
            redo,
        ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_workspace_without_an_extension_gets_dateline() {
        let ext = |p: &str| with_extension(PathBuf::from(p), "dateline");
        assert_eq!(ext("/w/news"), PathBuf::from("/w/news.dateline"));
        assert_eq!(ext("/w/news.dateline"), PathBuf::from("/w/news.dateline"));
        assert_eq!(ext("/w/news.db"), PathBuf::from("/w/news.db"));
        assert_eq!(ext("/w.d/news"), PathBuf::from("/w.d/news.dateline"));
    }
}

#[cfg(test)]
mod ipc_tests;
