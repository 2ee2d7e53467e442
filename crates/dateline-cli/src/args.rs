//! Arguments several commands share: the workspace, the selection of events (`FilterArgs`, the
//! flags of every command that reads events), event types and statuses.

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
    /// Events this actor takes part in (a name or alias from `dateline actors`; repeat for any
    /// of several).
    #[arg(long = "actor", id = "actors", value_name = "NAME")]
    actor: Vec<String>,
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
    #[arg(long = "source", id = "sources", value_name = "NAME")]
    source: Vec<String>,
    /// Words in the event or its articles.
    #[arg(long)]
    text: Option<String>,
    /// Only the events new or changed since the updates were last marked seen.
    #[arg(long)]
    unseen: bool,
    /// Deleted events instead.
    #[arg(long)]
    deleted: bool,
}

impl FilterArgs {
    /// The selection, with each `--actor` looked up by name, then alias, then part of a name (an
    /// actor not found is a usage error).
    pub fn to_selection(&self, ws: &Workspace) -> Result<dateline::Selection, Failure> {
        let mut actors = Vec::new();
        if !self.actor.is_empty() {
            let all = ws.actors()?;
            for name in &self.actor {
                let want = name.trim().to_lowercase();
                let found = all
                    .iter()
                    .find(|a| a.name.to_lowercase() == want)
                    .or_else(|| all.iter().find(|a| a.aliases.iter().any(|x| x.to_lowercase() == want)))
                    .or_else(|| all.iter().find(|a| a.name.to_lowercase().contains(&want)));
                let found = found.ok_or_else(|| {
                    Failure::Usage(anyhow::anyhow!("no actor named {name:?}: see `dateline actors`"))
                })?;
                actors.push(found.id);
            }
        }
        Ok(dateline::Selection {
            from: self.from,
            to: self.to,
            actors,
            countries: self.country.clone(),
            kinds: self.kind.clone(),
            statuses: self.status.clone(),
            sources: self.source.clone(),
            text: self.text.clone(),
            unseen: self.unseen,
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

/// An actor by id and a name for it, in the workspace.
#[derive(Debug, clap::Args)]
pub struct ActorNameArg {
    #[command(flatten)]
    pub actor: IdArg,
    pub name: String,
}
