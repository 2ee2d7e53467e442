//! Dateline as a library: the one API the command line and the desktop app both call.
//!
//! The pipeline, stage by stage (each a crate):
//! load ([`dateline_ingest`]) → segment, tag times and actors, extract events
//! ([`dateline_extract`]) → store ([`dateline_store`]) → project (graph: [`dateline_graph`];
//! timeline images: `dateline-render`; data exports: [`data_export`]). Only loading and storing
//! touch the disk.

mod atomic_write;
mod changes;
pub mod data_export;
mod edit;
mod export;
pub mod extracted;
mod feeds;
mod graph;
mod import;
mod import_lock;
pub mod records;
pub mod views;
mod watch;

use std::path::{Path, PathBuf};

use dateline_model::{Article, Event};
use dateline_store::Store;

pub use atomic_write::write_atomically;
pub use changes::{ChangeKind, EventChange};
pub use data_export::DataFormat;
pub use dateline_extract::time::timex_records;
pub use dateline_extract::{Extraction, extract as extract_article};
pub use dateline_fetch::Fetcher;
pub use dateline_ingest::extensions as article_extensions;
pub use dateline_model as model;
pub use dateline_render::{ExportOptions, LaneBy, ThemeName};
pub use dateline_store::{Access, ActorCount, Bucket, EventRow, FacetCount, Facets, Selection};
pub use export::{ImageExportOptions, ImageFormat, MapImageOptions};
pub use feeds::{
    DEFAULT_EVERY_MINUTES, FeedOutcome, FeedResult, FeedSelection, FeedUpdateReport, FeedView, FetchLimits,
    update_feeds_beside,
};
pub use graph::{ActorNetwork, GraphEdge, GraphLimit, GraphNode, GraphView};
pub use import::{Cancel, extract_paths, import_shared, quiet_caught_reader_panics};
pub use import_lock::{ImportLock, import_lock_path, waiting_message};
pub use views::*;
pub use watch::{FolderChanges, FolderWatch, RemovedFile, WatchReport, import_changes_beside};

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
    #[error("no actor with id {0}")]
    NoSuchActor(i64),
    #[error("no article with id {0}")]
    NoSuchArticle(i64),
    #[error("{0}")]
    Invalid(String),
    /// An address Dateline does not fetch (a feed's): not a web address, or not http(s).
    #[error(transparent)]
    BadAddress(dateline_fetch::FetchError),
    #[error("the workspace is unavailable after an earlier failure: restart the app")]
    Poisoned,
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
    #[error(transparent)]
    EventsFile(#[from] extracted::EventsFileError),
}

impl Error {
    /// A stable code for the UI (`{code, message}` across IPC).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Store(_) => "store",
            Error::NoDataDir | Error::CreateDir { .. } => "workspace",
            Error::NoSuchEvent(_) | Error::NoSuchActor(_) | Error::NoSuchArticle(_) => "not_found",
            Error::Invalid(_) | Error::BadAddress(_) => "invalid",
            Error::Poisoned => "internal",
            Error::Cancelled => "cancelled",
            Error::Render(_) => "render",
            Error::UnknownImageFormat(_) | Error::UnknownDataFormat(_) => "format",
            Error::BadDate(_) => "query",
            Error::Encode(_) => "export",
            Error::Write { .. } => "write",
            Error::EventsFile(_) => "input",
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
    /// Opens the workspace file at `path` for reading and writing, creating it (and its folder)
    /// when there is none: for an import, or a new workspace.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, Access::Create)
    }

    /// Opens the workspace at `path` as `access` allows: [`Access::Read`] for commands that
    /// only read (they never write, so they never disturb an import running beside them),
    /// [`Access::Write`] for corrections to a workspace that must exist.
    pub fn open_with(path: &Path, access: Access) -> Result<Self> {
        if access == Access::Create
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)
                .map_err(|source| Error::CreateDir { path: dir.display().to_string(), source })?;
        }
        Ok(Self { store: Store::open_with(path, access)?, path: path.to_path_buf() })
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

    /// Whether the merged events are being rebuilt: an import is running (or one was stopped),
    /// and its articles are not in them yet. Readers see the ones from before.
    pub fn merged_stale(&self) -> Result<bool> {
        Ok(self.store.merged_stale()?)
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

    /// Every live merged event, in date order (undated last).
    pub fn events(&self) -> Result<Vec<EventSummary>> {
        self.events_matching(&Selection::default())
    }

    /// The merged events a selection matches (time window, actors, types, statuses, countries,
    /// sources, text, new since seen, deleted), in date order (undated last).
    pub fn events_matching(&self, selection: &Selection) -> Result<Vec<EventSummary>> {
        Ok(self.store.events_without_evidence(selection)?.iter().map(EventSummary::from_row).collect())
    }

    /// How many events a selection matches.
    pub fn count(&self, selection: &Selection) -> Result<u32> {
        Ok(self.store.count(selection)?)
    }

    /// The facet counts of a selection, each facet counted without its own criterion: what the
    /// filter bar shows beside each choice.
    pub fn facets(&self, selection: &Selection) -> Result<Facets> {
        Ok(self.store.facets(selection)?)
    }

    /// Events of `selection` per bucket, for the overview.
    pub fn bucket_counts(&self, selection: &Selection, bucket: Bucket) -> Result<Vec<BucketCount>> {
        Ok(self
            .store
            .bucket_counts(selection, bucket)?
            .into_iter()
            .map(|(d, count)| BucketCount { start: d.to_string(), count })
            .collect())
    }

    /// Events an analyst deleted (restore them with [`Workspace::restore_event`]).
    pub fn deleted_events(&self) -> Result<Vec<EventSummary>> {
        self.events_matching(&Selection { deleted: true, ..Default::default() })
    }

    /// The merged rows of a selection as the store returns them, evidence included.
    pub fn event_rows(&self, selection: &Selection) -> Result<Vec<dateline_store::EventRow>> {
        Ok(self.store.events(selection)?)
    }

    /// One merged event with the evidence of every source article.
    pub fn event_detail(&self, id: i64) -> Result<EventDetail> {
        let row = self.store.event(id)?.ok_or(Error::NoSuchEvent(id))?;
        let mut members = Vec::new();
        for m in self.store.members(id)? {
            let article = self.store.article(m.article_id)?;
            members.push((m, article));
        }
        Ok(EventDetail::from_rows(&row, &members))
    }

    pub fn article(&self, id: i64) -> Result<ArticleView> {
        Ok(ArticleView::from_row(self.store.article(id)?.ok_or(Error::NoSuchArticle(id))?))
    }

    /// Ids of live events matching a full-text query, best first. Any input is safe.
    pub fn search(&self, query: &str) -> Result<Vec<i64>> {
        Ok(self.store.search(query)?)
    }

    /// Actors (one per identity), by name, with aliases and event counts.
    pub fn actors(&self) -> Result<Vec<ActorView>> {
        Ok(self.store.actors()?.into_iter().map(ActorView::from_row).collect())
    }

    pub(crate) fn save_batch(
        &mut self,
        items: &[(Article, Vec<Event>)],
    ) -> Result<Vec<dateline_store::SaveOutcome>> {
        Ok(self.store.save_batch(items)?)
    }

    /// Whether the workspace is whole (an import asks before it writes anything).
    pub fn check(&self) -> Result<()> {
        self.store.check()?;
        Ok(())
    }

    /// Merges what the last imports saved (an import does this at its end).
    pub fn refresh(&mut self) -> Result<()> {
        self.store.refresh()?;
        Ok(())
    }
}
