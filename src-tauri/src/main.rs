//! The Dateline desktop shell. Every command is an adapter of a few lines over the `dateline`
//! library; errors cross IPC as `{code, message}`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::sync::Mutex;

use dateline::{
    ActorView, ArticleView, Cancel, EventDetail, EventPatch, EventSummary, ImportReport, Workspace,
    WorkspaceInfo,
};
use serde::Serialize;
use tauri::{Emitter, Manager, State};

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
}

fn locked<'a>(state: &'a State<'_, AppState>) -> CommandResult<std::sync::MutexGuard<'a, Workspace>> {
    state
        .workspace
        .lock()
        .map_err(|_| CommandError { code: "internal", message: "workspace lock poisoned".into() })
}

#[tauri::command]
fn workspace_info(state: State<'_, AppState>) -> CommandResult<WorkspaceInfo> {
    Ok(locked(&state)?.info()?)
}

#[tauri::command]
fn list_events(state: State<'_, AppState>) -> CommandResult<Vec<EventSummary>> {
    Ok(locked(&state)?.events()?)
}

#[tauri::command]
fn event_detail(state: State<'_, AppState>, id: i64) -> CommandResult<EventDetail> {
    Ok(locked(&state)?.event_detail(id)?)
}

#[tauri::command]
async fn import_paths(app: tauri::AppHandle, paths: Vec<String>) -> CommandResult<ImportReport> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
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

#[tauri::command]
fn cancel_import(state: State<'_, AppState>) {
    if let Ok(c) = state.cancel.lock() {
        c.cancel();
    }
}

// --- [store] commands: articles, search, corrections, actors, undo/redo ---

#[tauri::command]
fn article(state: State<'_, AppState>, id: i64) -> CommandResult<ArticleView> {
    Ok(locked(&state)?.article(id)?)
}

#[tauri::command]
fn search(state: State<'_, AppState>, query: String) -> CommandResult<Vec<i64>> {
    Ok(locked(&state)?.search(&query)?)
}

#[tauri::command]
fn deleted_events(state: State<'_, AppState>) -> CommandResult<Vec<EventSummary>> {
    Ok(locked(&state)?.deleted_events()?)
}

#[tauri::command]
fn update_event(state: State<'_, AppState>, id: i64, patch: EventPatch) -> CommandResult<EventSummary> {
    Ok(locked(&state)?.update_event(id, patch)?)
}

#[tauri::command]
fn delete_event(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(locked(&state)?.delete_event(id)?)
}

#[tauri::command]
fn restore_event(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(locked(&state)?.restore_event(id)?)
}

#[tauri::command]
fn actors(state: State<'_, AppState>) -> CommandResult<Vec<ActorView>> {
    Ok(locked(&state)?.actors()?)
}

#[tauri::command]
fn merge_actors(state: State<'_, AppState>, into: i64, from: Vec<i64>) -> CommandResult<()> {
    Ok(locked(&state)?.merge_actors(into, from)?)
}

#[tauri::command]
fn rename_actor(state: State<'_, AppState>, id: i64, name: String) -> CommandResult<()> {
    Ok(locked(&state)?.rename_actor(id, name)?)
}

#[tauri::command]
fn undo(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    Ok(locked(&state)?.undo()?)
}

#[tauri::command]
fn redo(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    Ok(locked(&state)?.redo()?)
}

// --- end of [store] commands ---

fn main() {
    let path = match Workspace::default_path() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dateline: {e}");
            std::process::exit(3);
        }
    };
    let workspace = match Workspace::open(&path) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("dateline: {e}");
            std::process::exit(3);
        }
    };
    let result = tauri::Builder::default()
        .manage(AppState { workspace: Mutex::new(workspace), cancel: Mutex::new(Cancel::default()) })
        .invoke_handler(tauri::generate_handler![
            workspace_info,
            list_events,
            event_detail,
            import_paths,
            cancel_import,
            // [store]
            article,
            search,
            deleted_events,
            update_event,
            delete_event,
            restore_event,
            actors,
            merge_actors,
            rename_actor,
            undo,
            redo,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("dateline: the window could not start: {e}");
        std::process::exit(3);
    }
}
