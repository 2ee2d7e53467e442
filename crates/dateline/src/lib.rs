//! Dateline as a library: the one API the command line and the desktop app both call.
//!
//! The pipeline, stage by stage (each a crate):
//! load ([`dateline_ingest`]) → segment, tag times and actors, extract events
//! ([`dateline_extract`]) → store ([`dateline_store`]) → project (graph: [`dateline_graph`];
//! timeline images: `dateline-render`; data exports: [`data_export`]). Only loading and storing
//! touch the disk.

pub mod data_export;
mod export;
mod graph;
mod import;
pub mod views;

use std::path::{Path, PathBuf};

use dateline_model::{Article, Event};
use dateline_store::Store;

pub use data_export::DataFormat;
pub use dateline_model as model;
pub use dateline_render::{ExportOptions, LaneBy, ThemeName};
pub use dateline_store::EventFilter;
pub use export::{ImageExportOptions, ImageFormat};
pub use graph::{ActorNetwork, GraphEdge, GraphNode, GraphQuery, GraphView};
pub use import::{Cancel, extract_paths};
pub use views::*;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Store(#[from] dateline_store::StoreError),
    #[error("no data directory for the default workspace: set DATELINE_WORKSPACE or pass --workspace")]
    NoDataDir,
    #[error("cannot create {path}: {source}")]
    CreateDir { path: String, source: std::io::Error },
    #[error("no event with id {0}")]
    NoSuchEvent(i64),
    #[error("import cancelled")]
    Cancelled,
    #[error(transparent)]
    Render(#[from] dateline_render::RenderError),
    #[error("cannot tell the image format of {0}: use .png, .svg or .pdf")]
    UnknownImageFormat(String),
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("unknown data format {0:?}: use csv, json, graphml, gexf, ics or timelinejs")]
    UnknownDataFormat(String),
    #[error("not a date: {0:?} (use YYYY-MM-DD)")]
    BadDate(String),
    #[error("cannot encode the export: {0}")]
    Encode(String),
}

impl Error {
    /// A stable code for the UI (`{code, message}` across IPC).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Store(_) => "store",
            Error::NoDataDir | Error::CreateDir { .. } => "workspace",
            Error::NoSuchEvent(_) => "not_found",
            Error::Cancelled => "cancelled",
            Error::Render(_) => "render",
            Error::UnknownImageFormat(_) | Error::UnknownDataFormat(_) => "format",
            Error::BadDate(_) => "query",
            Error::Encode(_) => "export",
            Error::Write { .. } => "write",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An open workspace: the analyst's articles, events and actors in one SQLite file.
#[derive(Debug)]
pub struct Workspace {
    store: Store,
    path: PathBuf,
}

impl Workspace {
    /// Opens or creates the workspace file at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|source| Error::CreateDir { path: dir.display().to_string(), source })?;
        }
        Ok(Self { store: Store::open(path)?, path: path.to_path_buf() })
    }

    /// The default workspace: `$DATELINE_WORKSPACE`, else `workspace.dateline` in the user's data
    /// directory (`~/.local/share/dateline/` on Linux).
    pub fn default_path() -> Result<PathBuf> {
        if let Some(p) = std::env::var_os("DATELINE_WORKSPACE").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        let dirs = directories::ProjectDirs::from("", "", "dateline").ok_or(Error::NoDataDir)?;
        Ok(dirs.data_dir().join("workspace.dateline"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn info(&self) -> Result<WorkspaceInfo> {
        let c = self.store.counts()?;
        Ok(WorkspaceInfo {
            path: self.path.display().to_string(),
            articles: c.articles as u32,
            events: c.events as u32,
            actors: c.actors as u32,
        })
    }

    /// Every event, in date order.
    pub fn events(&self) -> Result<Vec<EventSummary>> {
        Ok(self.store.events(&EventFilter::default())?.iter().map(EventSummary::from_row).collect())
    }

    /// Events matching a filter, as the store returns them.
    pub fn event_rows(&self, filter: &EventFilter) -> Result<Vec<dateline_store::EventRow>> {
        Ok(self.store.events(filter)?)
    }

    pub fn event_detail(&self, id: i64) -> Result<EventDetail> {
        let row = self.store.event(id)?.ok_or(Error::NoSuchEvent(id))?;
        let article = self.store.article(row.article_id)?;
        Ok(EventDetail::from_row(&row, article.as_ref()))
    }

    pub(crate) fn save_batch(
        &mut self,
        items: &[(Article, Vec<Event>)],
    ) -> Result<Vec<dateline_store::SaveOutcome>> {
        Ok(self.store.save_batch(items)?)
    }
}
