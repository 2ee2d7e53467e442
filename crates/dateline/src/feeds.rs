//! News feeds: subscriptions kept in the workspace, fetched from here (never from the webview)
//! on their schedule or on demand. Each new item's link is fetched and imported as a dropped
//! file is ([`crate::import`]'s readers, extraction, report lines and idempotence), with the
//! item's link as its origin and URL and the item's date when the page gives none.
//!
//! - Nothing is requested unless the analyst subscribed: an update fetches only subscriptions.
//! - A feed is asked whether it changed since the last answer (ETag / Last-Modified).
//! - An item already taken (its guid or link from this feed, or its link from any feed) is
//!   never fetched again. A page that could not be *fetched* is tried again at the next update;
//!   one that was fetched but could not be *read* is not (the same bytes would come back).
//! - A feed that fails (slow, huge, a redirect loop, not a feed, an error status) fails alone,
//!   with its reason recorded, and is retried with back-off; the other feeds go on.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use dateline_fetch::{FetchError, Fetched, Fetcher, Validators};
use dateline_store::{FeedFetch, FeedRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import::{FetchedPage, PageImport};
use crate::{Error, EventChange, FileStatus, ImportProgress, ImportReport, Result, Workspace};

pub use dateline_fetch::FetchLimits;

/// Most items read from one feed per update.
const MAX_ITEMS: usize = 500;
/// Pages imported together in one transaction.
const PAGE_BATCH: usize = 16;
/// The first retry of a failed feed waits this long, doubling with each failure in a row...
const FIRST_RETRY_MINUTES: i64 = 5;
/// ... up to this.
const LONGEST_RETRY_MINUTES: i64 = 24 * 60;
/// The schedule of a subscription when the analyst gives none.
pub const DEFAULT_EVERY_MINUTES: u32 = 60;

/// One subscription as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeedView {
    #[ts(type = "number")]
    pub id: i64,
    pub url: String,
    /// The feed's own title, once fetched.
    pub title: Option<String>,
    pub every_minutes: u32,
    /// RFC 3339 (UTC) times.
    pub added: String,
    pub last_checked: Option<String>,
    pub last_success: Option<String>,
    /// Why the last attempt failed, or which of its items could not be fetched.
    pub last_error: Option<String>,
    /// Attempts failed in a row.
    pub failures: u32,
    /// When it is fetched next on its schedule (back-off included).
    pub next_due: String,
    /// Items taken from it so far.
    pub items: u32,
}

/// What an update did with one feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FeedResult {
    /// Read; its new items were fetched and imported.
    Read,
    /// Unchanged since the last fetch (304).
    NotModified,
    /// The feed failed: see the message.
    Failed,
    /// Not due yet on its schedule (or backing off after failures).
    NotDue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeedOutcome {
    #[ts(type = "number")]
    pub feed_id: i64,
    pub url: String,
    pub result: FeedResult,
    /// Items new since the last update (fetched, or tried).
    pub new_items: u32,
    /// Why it failed, which items could not be fetched, or when it is due.
    pub message: Option<String>,
}

/// What one update of the feeds did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeedUpdateReport {
    pub feeds: Vec<FeedOutcome>,
    /// The article pages imported, one line each, as an import of files reports them.
    pub import: ImportReport,
    /// New events, and events a new article changed.
    pub changes: Vec<EventChange>,
}

impl FeedUpdateReport {
    pub fn failed_feeds(&self) -> usize {
        self.feeds.iter().filter(|f| f.result == FeedResult::Failed).count()
    }
}

/// Which subscriptions an update fetches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedSelection {
    /// Every one, now (on demand).
    All,
    /// Those due on their schedule and not backing off (a server's loop, `dateline watch`).
    Due,
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn parse_stamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

/// When `f` is due on its schedule: its interval after the last attempt; after a failure, when
/// its back-off ends (5 minutes, then 10, 20... up to a day: a feed down for a moment is read
/// again soon, one that stays down is asked less and less often). Never fetched: now.
fn next_due(f: &FeedRow, now: DateTime<Utc>) -> DateTime<Utc> {
    if f.failures > 0
        && let Some(retry) = f.retry_after.as_deref().and_then(parse_stamp)
    {
        return retry;
    }
    f.last_checked
        .as_deref()
        .and_then(parse_stamp)
        .map_or(now, |t| t + Duration::minutes(i64::from(f.every_minutes)))
}

/// How long to wait after the `failures`-th failure in a row.
fn back_off(failures: u32) -> Duration {
    let doubling = FIRST_RETRY_MINUTES.saturating_mul(1i64 << failures.saturating_sub(1).min(20));
    Duration::minutes(doubling.min(LONGEST_RETRY_MINUTES))
}

fn view(f: FeedRow, now: DateTime<Utc>) -> FeedView {
    let due = stamp(next_due(&f, now).max(now));
    FeedView {
        id: f.id,
        url: f.url,
        title: f.title,
        every_minutes: f.every_minutes,
        added: f.added,
        last_checked: f.last_checked,
        last_success: f.last_success,
        last_error: f.last_error,
        failures: f.failures,
        next_due: due,
        items: f.items,
    }
}

/// A file name for a fetched page that tells the readers its format: from its media type,
/// else from the last part of its address.
fn page_name(url: &str, content_type: Option<&str>) -> String {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    let path = url.split_once("://").map_or(url, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    let last = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or("page");
    let stem = last.rsplit_once('.').map_or(last, |(s, _)| s);
    let stem = if stem.is_empty() { "page" } else { stem };
    let ext = match content_type {
        Some("text/html" | "application/xhtml+xml") => "html",
        Some("text/plain") => "txt",
        Some("text/markdown") => "md",
        Some("application/pdf") => "pdf",
        Some("application/json") => "json",
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document") => "docx",
        _ => return last.to_string(),
    };
    format!("{stem}.{ext}")
}

/// The words for a feed that could not be read.
fn feed_error(e: &FetchError) -> String {
    match e {
        FetchError::TooLarge { limit } => format!("the feed is larger than the {limit} bytes allowed"),
        other => other.to_string(),
    }
}

impl Workspace {
    /// Subscribes to the feed at `url`, fetched every `every_minutes` on the schedule (or on
    /// demand). Nothing is fetched now. An existing subscription gets the new schedule.
    pub fn add_feed(&mut self, url: &str, every_minutes: u32) -> Result<FeedView> {
        let parsed = dateline_fetch::web_address(url).map_err(Error::BadAddress)?;
        if every_minutes == 0 {
            return Err(Error::Invalid("a feed's schedule is at least one minute".into()));
        }
        let now = Utc::now();
        let (row, _) = self.store.add_feed(parsed.as_str(), every_minutes, &stamp(now))?;
        Ok(view(row, now))
    }

    /// Every subscription, in the order they were added.
    pub fn feeds(&self) -> Result<Vec<FeedView>> {
        let now = Utc::now();
        Ok(self.store.feeds()?.into_iter().map(|f| view(f, now)).collect())
    }

    /// Unsubscribes from a feed, by id or address; the articles it brought stay.
    pub fn remove_feed(&mut self, id_or_url: &str) -> Result<FeedView> {
        let want = id_or_url.trim();
        let normal = dateline_fetch::web_address(want).map(|u| u.to_string()).ok();
        let found = self
            .store
            .feeds()?
            .into_iter()
            .find(|f| f.id.to_string() == want || f.url == want || normal.as_deref() == Some(f.url.as_str()))
            .ok_or_else(|| {
                Error::Invalid(format!("no subscription {id_or_url:?}: see `dateline feeds list`"))
            })?;
        self.store.remove_feed(found.id)?;
        Ok(view(found, Utc::now()))
    }

    /// Fetches the selected feeds and imports their new items (see the module's notes). The
    /// caller takes the [`crate::ImportLock`] first, as for an import.
    pub fn update_feeds(
        &mut self,
        fetcher: &Fetcher,
        which: FeedSelection,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> Result<FeedUpdateReport> {
        self.update_feeds_at(fetcher, which, Utc::now(), progress)
    }

    /// [`Workspace::update_feeds`] as if it were `now` (for the schedule and the back-off).
    pub fn update_feeds_at(
        &mut self,
        fetcher: &Fetcher,
        which: FeedSelection,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> Result<FeedUpdateReport> {
        self.check()?;
        let before = self.event_states()?;
        let mut pages = PageImport::default();
        let mut outcomes = Vec::new();
        for feed in self.store.feeds()? {
            let due = next_due(&feed, now);
            if which == FeedSelection::Due && due > now {
                let why = if feed.failures > 0 {
                    format!("retried at {} after {} failures in a row", stamp(due), feed.failures)
                } else {
                    format!("due at {}", stamp(due))
                };
                outcomes.push(FeedOutcome {
                    feed_id: feed.id,
                    url: feed.url.clone(),
                    result: FeedResult::NotDue,
                    new_items: 0,
                    message: Some(why),
                });
                continue;
            }
            outcomes.push(self.update_feed(fetcher, &feed, now, &mut pages, progress)?);
        }
        let import = pages.finish(self)?;
        let changes = self.record_changes("feeds", import.articles_added, &before)?;
        Ok(FeedUpdateReport { feeds: outcomes, import, changes })
    }

    fn update_feed(
        &mut self,
        fetcher: &Fetcher,
        feed: &FeedRow,
        now: DateTime<Utc>,
        pages: &mut PageImport,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> Result<FeedOutcome> {
        let at = stamp(now);
        let outcome = |result, new_items, message| FeedOutcome {
            feed_id: feed.id,
            url: feed.url.clone(),
            result,
            new_items,
            message,
        };
        let validators = Validators { etag: feed.etag.clone(), last_modified: feed.last_modified.clone() };
        let parsed = match fetcher.get(&feed.url, &validators) {
            Ok(Fetched::NotModified) => {
                self.store.record_feed_fetch(feed.id, &FeedFetch::NotModified, &at)?;
                return Ok(outcome(FeedResult::NotModified, 0, None));
            }
            Ok(Fetched::Page(page)) => match dateline_ingest::parse_feed(&page.bytes, MAX_ITEMS) {
                Ok(f) if !f.items.is_empty() || f.error.is_none() => Ok((f, page.validators, page.url)),
                Ok(f) => Err(format!("not a readable feed: {}", f.error.unwrap_or_default())),
                Err(e) => Err(format!("not a readable feed: {e}")),
            },
            Err(e) => Err(feed_error(&e)),
        };
        let (parsed, validators, base) = match parsed {
            Ok(p) => p,
            Err(error) => {
                let retry = stamp(now + back_off(feed.failures + 1));
                self.store.record_feed_fetch(
                    feed.id,
                    &FeedFetch::Failed { error: &error, retry_after: &retry },
                    &at,
                )?;
                return Ok(outcome(FeedResult::Failed, 0, Some(error)));
            }
        };
        let mut problems = Vec::new();
        if let Some(e) = &parsed.error {
            problems.push(format!("the feed breaks off ({e}): the items after the break were not read"));
        }
        let mut new_items = 0u32;
        // An item page that could not be fetched: the feed's validators are not kept, so that
        // the next update reads the feed whole (not "not modified") and tries it again.
        let mut unfetched = false;
        let mut batch: Vec<(String, FetchedPage)> = Vec::new();
        let mut taken: Vec<(String, String)> = Vec::new(); // (key, link) of items fetched
        for item in &parsed.items {
            let Some(link) = item.link.as_deref().map(str::trim).filter(|l| !l.is_empty()) else {
                problems.push(format!(
                    "an item without a link was left out ({})",
                    item.title.as_deref().or(item.id.as_deref()).unwrap_or("untitled")
                ));
                continue;
            };
            let link = match dateline_fetch::resolve_link(&base, link) {
                Ok(u) => u.to_string(),
                Err(e) => {
                    problems.push(format!("an item was left out: {e}"));
                    continue;
                }
            };
            let key = item.id.clone().unwrap_or_else(|| link.clone());
            if self.store.feed_item_seen(feed.id, &key, Some(&link))? || taken.iter().any(|(_, l)| *l == link)
            {
                continue;
            }
            new_items += 1;
            match fetcher.get(&link, &Validators::default()) {
                Ok(Fetched::Page(page)) => {
                    let name = page_name(&page.url, page.content_type.as_deref());
                    taken.push((key.clone(), link.clone()));
                    batch.push((
                        key,
                        FetchedPage { url: link, name, bytes: page.bytes, feed_date: item.date.clone() },
                    ));
                }
                Ok(Fetched::NotModified) => {
                    unfetched = true;
                    problems.push(format!("{link}: the server answered 304 to a plain GET"));
                }
                Err(e) => {
                    unfetched = true;
                    problems.push(format!("{link}: {e} (tried again at the next update)"));
                }
            }
            if batch.len() == PAGE_BATCH {
                self.import_pages(feed.id, std::mem::take(&mut batch), pages, &at, progress)?;
            }
        }
        if !batch.is_empty() {
            self.import_pages(feed.id, batch, pages, &at, progress)?;
        }
        let problem = (!problems.is_empty()).then(|| problems.join("; "));
        let keep = |v: &Option<String>| if unfetched { None } else { v.clone() };
        let (etag, last_modified) = (keep(&validators.etag), keep(&validators.last_modified));
        let read = FeedFetch::Read {
            title: parsed.title.as_deref(),
            etag: etag.as_deref(),
            last_modified: last_modified.as_deref(),
            problem: problem.as_deref(),
        };
        self.store.record_feed_fetch(feed.id, &read, &at)?;
        Ok(outcome(FeedResult::Read, new_items, problem))
    }

    /// Imports fetched pages and records their items as taken: never fetched again.
    fn import_pages(
        &mut self,
        feed_id: i64,
        batch: Vec<(String, FetchedPage)>,
        pages: &mut PageImport,
        at: &str,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> Result<()> {
        let keys: Vec<(String, String)> = batch.iter().map(|(k, p)| (k.clone(), p.url.clone())).collect();
        let lines = pages.add(self, batch.into_iter().map(|(_, p)| p).collect(), progress)?;
        for (key, url) in keys {
            let imported = lines
                .iter()
                .find(|l| l.path == url)
                .is_some_and(|l| matches!(l.status, FileStatus::Imported | FileStatus::Unchanged));
            let origin = imported.then_some(url.as_str());
            self.store.record_feed_item(feed_id, &key, Some(&url), origin, at)?;
        }
        Ok(())
    }
}

/// Updates the feeds of the workspace at `path` on a connection of its own, under the import
/// lock, while another [`Workspace`] on the same file (the app's) goes on reading: it sees the
/// new articles once they are committed, as it sees a `dateline import`'s.
pub fn update_feeds_beside(
    path: &std::path::Path,
    fetcher: &Fetcher,
    which: FeedSelection,
    progress: &mut dyn FnMut(&ImportProgress),
) -> Result<FeedUpdateReport> {
    let _one_import = crate::ImportLock::acquire(path, &mut || {});
    let mut ws = Workspace::open_with(path, dateline_store::Access::Write)?;
    ws.update_feeds(fetcher, which, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_to_a_day() {
        let minutes: Vec<i64> = [1, 2, 3, 4, 10, 40].into_iter().map(|n| back_off(n).num_minutes()).collect();
        assert_eq!(minutes, [5, 10, 20, 40, 1440, 1440]);
    }

    #[test]
    fn a_page_is_named_by_its_media_type_then_its_address() {
        let cases = [
            ("https://mfa.example/news/visit-to-lima", Some("text/html"), "visit-to-lima.html"),
            ("https://mfa.example/news/statement.aspx?id=4", Some("text/html"), "statement.html"),
            ("https://mfa.example/files/readout.pdf", None, "readout.pdf"),
            ("https://mfa.example/", Some("text/plain"), "page.txt"),
            ("https://mfa.example/a/b.txt#x", Some("application/octet-stream"), "b.txt"),
        ];
        for (url, ct, want) in cases {
            assert_eq!(page_name(url, ct), want, "{url}");
        }
    }
}
