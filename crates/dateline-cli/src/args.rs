//! Arguments several commands share: the workspace, the event filter, event types and statuses.

use std::path::PathBuf;

use dateline::Workspace;
use dateline::model::{EventKind, Status};

use crate::exit::Failure;

#[derive(Debug, clap::Args)]
pub struct WorkspaceArg {
    /// The workspace file (default: $DATELINE_WORKSPACE, else ~/.local/share/dateline/workspace.dateline).
    #[arg(long, value_name = "FILE")]
    workspace: Option<PathBuf>,
}

impl WorkspaceArg {
    /// The workspace, for an import or `new` (created when there is none): no other command
    /// creates one.
    pub fn open(&self) -> anyhow::Result<Workspace> {
        self.open_as(dateline::Access::Create)
    }

    /// An existing workspace, to correct.
    pub fn open_existing(&self) -> anyhow::Result<Workspace> {
        self.open_as(dateline::Access::Write)
    }

    /// An existing workspace, only read: never written, so an import beside it runs undisturbed.
    pub fn open_read(&self) -> anyhow::Result<Workspace> {
        self.open_as(dateline::Access::Read)
    }

    /// The workspace for an import, with the import lock held: a second import waits before
    /// opening and says why on stderr; when the workspace cannot be opened, the lock file this
    /// import made is removed again.
    pub fn open_for_import(&self) -> anyhow::Result<(dateline::ImportLock, Workspace)> {
        let path = self.path()?;
        let lock = dateline::ImportLock::acquire(&path, &mut || {
            eprintln!("{}", crate::output::terminal_safe(&dateline::waiting_message(&path)))
        });
        match self.open() {
            Ok(ws) => Ok((lock, ws)),
            Err(e) => {
                lock.release_unused();
                Err(e)
            }
        }
    }

    /// The workspace's file, named or the default one.
    pub fn path(&self) -> anyhow::Result<PathBuf> {
        Ok(match &self.workspace {
            Some(p) => p.clone(),
            None => Workspace::default_path()?,
        })
    }

    fn open_as(&self, access: dateline::Access) -> anyhow::Result<Workspace> {
        // The store's errors name the workspace already.
        Ok(Workspace::open_with(&self.path()?, access)?)
    }
}

#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// Events that end on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<chrono::NaiveDate>,
    /// Events that start on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<chrono::NaiveDate>,
    /// Events this actor takes part in (a name or alias from `dateline actors`).
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// visit, meeting, call or conference (repeat for several).
    #[arg(long, value_parser = parse_kind)]
    kind: Vec<EventKind>,
    /// occurred, planned, cancelled or postponed (repeat for several).
    #[arg(long, value_parser = parse_status)]
    status: Vec<Status>,
    /// The event's country or a participant's.
    #[arg(long)]
    country: Vec<String>,
    /// An outlet or article name among the event's sources.
    #[arg(long)]
    source: Vec<String>,
    /// Words in the event or its articles.
    #[arg(long)]
    text: Option<String>,
    /// List deleted events instead.
    #[arg(long)]
    deleted: bool,
}

impl FilterArgs {
    /// The filter, with `--actor` looked up by name, then alias, then part of a name (an actor
    /// not found is a usage error).
    pub fn to_filter(&self, ws: &Workspace) -> Result<dateline::EventFilter, Failure> {
        let actor_id = match &self.actor {
            None => None,
            Some(name) => {
                let want = name.trim().to_lowercase();
                let actors = ws.actors()?;
                let found = actors
                    .iter()
                    .find(|a| a.name.to_lowercase() == want)
                    .or_else(|| actors.iter().find(|a| a.aliases.iter().any(|x| x.to_lowercase() == want)))
                    .or_else(|| actors.iter().find(|a| a.name.to_lowercase().contains(&want)));
                let found = found.ok_or_else(|| {
                    Failure::Usage(anyhow::anyhow!("no actor named {name:?}: see `dateline actors`"))
                })?;
                Some(found.id)
            }
        };
        Ok(dateline::EventFilter {
            from: self.from,
            to: self.to,
            kinds: self.kind.clone(),
            statuses: self.status.clone(),
            actor_id,
            countries: self.country.clone(),
            sources: self.source.clone(),
            text: self.text.clone(),
            deleted: self.deleted,
        })
    }
}

pub fn parse_kind(s: &str) -> Result<EventKind, String> {
    EventKind::parse(&s.to_lowercase())
        .ok_or_else(|| format!("{s:?} is not an event type: visit, meeting, call or conference"))
}

pub fn parse_status(s: &str) -> Result<Status, String> {
    Status::parse(&s.to_lowercase())
        .ok_or_else(|| format!("{s:?} is not a status: occurred, planned, cancelled or postponed"))
}

/// An event or an actor by id, in the workspace.
#[derive(Debug, clap::Args)]
pub struct IdArg {
    pub id: i64,
    #[command(flatten)]
    pub workspace: WorkspaceArg,
}

/// The events between two days (either open), as the graph and the data exports select them.
pub fn graph_query(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> dateline::GraphQuery {
    dateline::GraphQuery { from: from.map(|d| d.to_string()), to: to.map(|d| d.to_string()), event_ids: None }
}

/// An actor by id and a name for it, in the workspace.
#[derive(Debug, clap::Args)]
pub struct ActorNameArg {
    #[command(flatten)]
    pub actor: IdArg,
    pub name: String,
}
