//! Merging extracted articles without a workspace: the second stage of a pipeline that extracts
//! elsewhere (a Spark or Ray job, `dateline extract --format articles`), by the workspace's own
//! rules and code, so that its merged events are the ones an import of the same articles gives.
//!
//! Pure: articles and their events in, [`MergedRecord`]s out; nothing is written. The steps are
//! the store's, over rows held in memory instead of tables:
//! 1. actor rows, one per identity key, kept as [`write`](crate::write) keeps them
//!    ([`ActorTable`]; which rows are one person: [`crate::merged::identities_of`]);
//! 2. mentions with canonical actors, clustered by [`resolve::cluster`];
//! 3. each cluster as the merged tables show it ([`MergedRecord`], as
//!    [`crate::Store::merged_records`] reads a workspace's).
//!
//! To scale, [`blocks`] splits the mentions into blocks that merge alone: connected parts of
//! the "may merge" relation (same kind, a shared actor, overlapping dates of at most month
//! precision), found through the blocking keys (kind, actor, date) as the workspace's
//! `merge_keys` find them. Clustering decides a mention only by the mentions it is compatible
//! with, so each block merged alone gives the clusters the whole gives (the workspace's
//! incremental update relies on the same fact).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use dateline_identity::names;
use dateline_model::{Actor, ActorKind, Article, Event, Precision, Role};
use serde::{Deserialize, Serialize};

use crate::resolve::{self, Anchor, Telling};

/// One merged event as the workspace shows it, by content: no workspace ids, its members named
/// by their article and trigger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedRecord {
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Option<String>,
    /// Other dates the sources gave ("2023-04-24 – 2023-04-26 (1 source)").
    pub alternatives: Vec<String>,
    pub participants: Vec<MergedParticipant>,
    pub place: Option<String>,
    pub country: Option<String>,
    pub name: Option<String>,
    pub confidence: f32,
    /// Distinct articles.
    pub sources: u32,
    /// The sources' outlets (else their document names), sorted, distinct.
    pub outlets: Vec<String>,
    /// The mentions merged, in [`MemberRecord`] order.
    pub members: Vec<MemberRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergedParticipant {
    pub name: String,
    pub kind: String,
    pub role: String,
}

/// One article's telling of a merged event: the article (its document name and content hash)
/// and the trigger's byte offsets in its text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MemberRecord {
    pub content_hash: String,
    pub trigger: [u32; 2],
    pub doc: String,
}

impl MergedRecord {
    /// The order merged records are listed in, by content: date, kind, members (one mention
    /// may be in two events: a trip's meetings told by one sentence), participants.
    #[allow(clippy::type_complexity)]
    fn order_key(&self) -> (Option<&str>, Option<&str>, &str, &[MemberRecord], Vec<(&str, &str, &str)>) {
        let who = self.participants.iter().map(|p| (p.name.as_str(), p.kind.as_str(), p.role.as_str()));
        (self.start.as_deref(), self.end.as_deref(), self.kind.as_str(), &self.members, who.collect())
    }
}

/// Sorts each record's members, then the records, into their order by content: two sets of
/// merged events compare equal as lists when they are equal as sets.
pub fn sort_records(records: &mut [MergedRecord]) {
    for r in records.iter_mut() {
        r.members.sort();
    }
    records.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
}

/// The block an article kept is merged in: the article by where it came from and its content
/// (two copies of one content from two places are two articles, of which the workspace keeps
/// the first).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ArticleBlock {
    pub origin: String,
    pub content_hash: String,
    pub block: usize,
}

/// An actor row as the workspace keeps it ([`crate::write`]): one per kind and identity key.
#[derive(Debug, Clone)]
struct ActorEntry {
    name: String,
    kind: ActorKind,
    country: Option<String>,
    surname: Option<String>,
    role: Option<String>,
}

/// The actor rows of many articles, kept as the workspace keeps them: a person's fullest name
/// and smallest country and role, whatever the order; a country's or an organisation's first
/// name.
#[derive(Debug, Clone, Default)]
pub struct ActorTable {
    rows: Vec<ActorEntry>,
    by_key: HashMap<(ActorKind, String), usize>,
}

impl ActorTable {
    /// The row of `actor`, added or updated as an import's `upsert_actor` would.
    pub fn add(&mut self, actor: &Actor) -> usize {
        match actor.kind {
            ActorKind::Person => self.add_person(actor),
            kind => self.add_named(kind, &actor.name, actor.country.as_deref()),
        }
    }

    /// The table of `rows` (as [`ActorTable::rows`] gave them): the same rows again.
    pub fn from_rows(rows: &[Actor]) -> Self {
        let mut t = Self::default();
        for r in rows {
            t.add(r);
        }
        t
    }

    /// The rows as actors (a person's role is the folded one the row keeps): a table made
    /// [`ActorTable::from_rows`] them has the same rows, so a worker can be sent the table of
    /// all the articles to merge a block of them.
    pub fn rows(&self) -> Vec<Actor> {
        self.rows
            .iter()
            .map(|r| Actor {
                name: r.name.clone(),
                kind: r.kind,
                country: r.country.clone(),
                roles: r.role.iter().cloned().collect(),
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row `actor` would be added to or update, if the table has it.
    pub fn find(&self, actor: &Actor) -> Option<usize> {
        let key = match actor.kind {
            ActorKind::Person => {
                let key = person_key(actor);
                if key.words.is_empty() { named_key(&actor.name) } else { key.text() }
            }
            _ => named_key(&actor.name),
        };
        self.by_key.get(&(actor.kind, key)).copied()
    }

    fn add_named(&mut self, kind: ActorKind, name: &str, country: Option<&str>) -> usize {
        let key = named_key(name);
        if let Some(&i) = self.by_key.get(&(kind, key.clone())) {
            return i;
        }
        self.rows.push(ActorEntry {
            name: name.to_string(),
            kind,
            country: country.map(str::to_string),
            surname: None,
            role: None,
        });
        self.by_key.insert((kind, key), self.rows.len() - 1);
        self.rows.len() - 1
    }

    fn add_person(&mut self, actor: &Actor) -> usize {
        let key = person_key(actor);
        if key.words.is_empty() {
            return self.add_named(ActorKind::Person, &actor.name, actor.country.as_deref());
        }
        let Some(&i) = self.by_key.get(&(ActorKind::Person, key.text())) else {
            self.rows.push(ActorEntry {
                name: actor.name.clone(),
                kind: ActorKind::Person,
                country: actor.country.clone(),
                surname: key.surname().map(str::to_string),
                role: key.role.clone(),
            });
            self.by_key.insert((ActorKind::Person, key.text()), self.rows.len() - 1);
            return self.rows.len() - 1;
        };
        let row = &mut self.rows[i];
        let rank = |n: &str| (n.chars().count(), std::cmp::Reverse(n.to_string()));
        if rank(&actor.name) > rank(&row.name) {
            row.name = actor.name.clone();
        }
        // As the SQL's `CASE WHEN x IS NULL OR ? < x THEN ? ELSE x END`: a NULL row takes the
        // new value (even NULL), a known value only a smaller one.
        let smaller = |old: &mut Option<String>, new: Option<&String>| match (old.as_ref(), new) {
            (None, n) => *old = n.cloned(),
            (Some(o), Some(n)) if n < o => *old = Some(n.clone()),
            _ => {}
        };
        smaller(&mut row.country, actor.country.as_ref());
        smaller(&mut row.role, key.role.as_ref());
        i
    }

    /// Each row's canonical row: which person rows are one person, decided over all of them.
    fn identities(&self) -> Vec<usize> {
        let persons: Vec<crate::merged::PersonRow> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == ActorKind::Person)
            .filter_map(|(i, r)| {
                let surname = r.surname.clone()?;
                Some((i as i64, r.name.clone(), r.country.clone(), r.role.clone(), surname))
            })
            .collect();
        let redirect = crate::merged::identities_of(&persons);
        (0..self.rows.len()).map(|i| redirect.get(&(i as i64)).map_or(i, |&h| h as usize)).collect()
    }
}

/// The actor rows of a whole set of articles with who is one person decided once, over all of
/// them: what the merge of each block of the set reads (and never changes), so that a block
/// costs its own articles, not the set's actors.
#[derive(Debug)]
pub struct PlannedActors {
    table: ActorTable,
    canonical: Vec<usize>,
}

impl PlannedActors {
    /// From the rows [`ActorTable::rows`] gave for the whole set.
    pub fn from_rows(rows: &[Actor]) -> Self {
        let table = ActorTable::from_rows(rows);
        let canonical = table.identities();
        Self { table, canonical }
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

fn named_key(name: &str) -> String {
    let key = names::fold(name);
    if key.is_empty() { name.to_lowercase() } else { key }
}

fn person_key(actor: &Actor) -> names::ActorKey {
    crate::write::person_key(&actor.name, actor.country.as_deref(), actor.roles.first().map(String::as_str))
}

/// What the merged records show of an article.
#[derive(Debug, Clone)]
struct ArticleEntry {
    doc: String,
    /// Where it came from ([`dateline_model::Origin::key`]).
    origin: String,
    content_hash: String,
    published: Option<NaiveDate>,
    /// Its outlet, else its document name.
    label: String,
}

/// One event of one article, with its participants as actor rows (distinct, in position order).
#[derive(Debug, Clone)]
struct ArticleEvent {
    article: usize,
    event: Event,
    rows: Vec<(usize, Role)>,
}

/// Articles and their events as a workspace would hold them after importing them in this
/// order: an article whose content came before is one article (a duplicate adds nothing), an
/// article from the same origin replaces the earlier version's events.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    actors: ActorTable,
    articles: Vec<ArticleEntry>,
    by_origin: HashMap<String, usize>,
    hashes: HashMap<String, usize>,
    /// By article, in insertion order; a replaced article's mentions are dropped.
    mentions: BTreeMap<usize, Vec<ArticleEvent>>,
    /// The actor rows of the whole set, when these articles are a block of it: read instead of
    /// `actors`.
    planned: Option<Arc<PlannedActors>>,
    /// Articles (their documents) with an actor the plan does not have: not of the plan's set.
    unplanned: Vec<String>,
}

impl Extracted {
    pub fn new() -> Self {
        Self::default()
    }

    /// Articles to merge with the actor rows of a larger set they are part of (a block of it:
    /// who is one person is decided over all the set's rows).
    pub fn with_actors(actors: ActorTable) -> Self {
        Self { actors, ..Self::default() }
    }

    /// Articles that are a block of a set, merged with the set's [`PlannedActors`].
    pub fn with_planned(planned: Arc<PlannedActors>) -> Self {
        Self { planned: Some(planned), ..Self::default() }
    }

    /// The actor rows of the articles added (and of the table it started with); with
    /// [`Extracted::with_planned`], the plan's.
    pub fn actors(&self) -> &ActorTable {
        match &self.planned {
            Some(p) => &p.table,
            None => &self.actors,
        }
    }

    /// The documents of the articles added that name an actor the plan does not have (with
    /// [`Extracted::with_planned`]): they are not of the set the plan was made for.
    pub fn unplanned(&self) -> &[String] {
        &self.unplanned
    }

    /// Adds an article and its events, as an import saves them.
    pub fn add(&mut self, article: &Article, events: &[Event]) {
        let origin = article.origin.key();
        let index = match self.by_origin.get(&origin) {
            Some(&i) if self.articles[i].content_hash == article.content_hash => return,
            Some(&i) => {
                let old = std::mem::replace(&mut self.articles[i], entry(article));
                self.forget_hash(&old.content_hash);
                self.mentions.remove(&i);
                i
            }
            None => {
                if self.hashes.contains_key(&article.content_hash) {
                    return;
                }
                self.articles.push(entry(article));
                self.by_origin.insert(origin, self.articles.len() - 1);
                self.articles.len() - 1
            }
        };
        *self.hashes.entry(article.content_hash.clone()).or_default() += 1;
        let mentions = events
            .iter()
            .map(|e| {
                let mut rows: Vec<(usize, Role)> = Vec::new();
                for p in &e.participants {
                    let row = match &self.planned {
                        Some(plan) => match plan.table.find(&p.actor) {
                            Some(row) => row,
                            None => {
                                if !self.unplanned.contains(&article.doc) {
                                    self.unplanned.push(article.doc.clone());
                                }
                                continue;
                            }
                        },
                        None => self.actors.add(&p.actor),
                    };
                    if !rows.iter().any(|r| r.0 == row) {
                        rows.push((row, p.role));
                    }
                }
                ArticleEvent { article: index, event: e.clone(), rows }
            })
            .collect();
        self.mentions.insert(index, mentions);
    }

    fn forget_hash(&mut self, hash: &str) {
        if let Some(n) = self.hashes.get_mut(hash) {
            *n -= 1;
            if *n == 0 {
                self.hashes.remove(hash);
            }
        }
    }

    /// Every mention with its canonical actors, in the workspace's id order (article order, then
    /// each article's events in order).
    fn tellings(&self) -> Vec<Telling> {
        let canonical = match &self.planned {
            Some(p) => Cow::Borrowed(&p.canonical),
            None => Cow::Owned(self.actors.identities()),
        };
        let mut out = Vec::new();
        for (id, m) in self.mentions.values().flatten().enumerate() {
            let a = &self.articles[m.article];
            let raw: Vec<(i64, Role)> = m.rows.iter().map(|&(r, role)| (r as i64, role)).collect();
            let actors = crate::merged::canonical_participants(&raw, |r| canonical[r as usize] as i64);
            let e = &m.event;
            let (place, country) = match &e.location {
                Some(l) => (l.place.clone(), l.country.clone()),
                None => (None, None),
            };
            out.push(Telling {
                id: id as i64 + 1,
                anchor: Anchor {
                    hash: a.content_hash.clone(),
                    kind: e.kind,
                    start: e.trigger.start as u32,
                    end: e.trigger.end as u32,
                },
                article: m.article as i64,
                published: a.published,
                kind: e.kind,
                status: e.status,
                date: e.date,
                actors,
                place,
                country,
                name: e.name.clone(),
                // As the workspace keeps it: an f64 column read back.
                confidence: f64::from(e.confidence) as f32,
            });
        }
        out
    }

    /// The merged events of all the articles added, in [`sort_records`] order.
    pub fn merge(&self) -> Vec<MergedRecord> {
        let mentions = self.tellings();
        let mut out: Vec<MergedRecord> =
            resolve::cluster(&mentions).iter().map(|c| self.record(&mentions, c)).collect();
        sort_records(&mut out);
        out
    }

    /// The block of each mention (in the order the articles' events were added, a replaced
    /// article's left out), see the module's docs: mentions of two blocks never merge.
    pub fn blocks(&self) -> Vec<usize> {
        let mentions = self.tellings();
        blocks(&mentions)
    }

    /// The block of each article kept (by origin key and content hash, in the order they were
    /// added): an article's mentions all in its block, so that a block of whole articles merges
    /// alone. Articles without events are blocks alone. Numbered by first article.
    pub fn article_blocks(&self) -> Vec<ArticleBlock> {
        let mention_blocks = self.blocks();
        let articles: Vec<usize> = self.mentions.keys().copied().collect();
        let mut at = 0;
        // Union of each article's mentions' blocks, through the blocks' first article.
        let mut parent: Vec<usize> = (0..articles.len()).collect();
        let mut first_article_of: HashMap<usize, usize> = HashMap::new();
        for (ai, &article) in articles.iter().enumerate() {
            for _ in 0..self.mentions[&article].len() {
                let b = mention_blocks[at];
                at += 1;
                let other = *first_article_of.entry(b).or_insert(ai);
                let (x, y) = (find(&mut parent, ai), find(&mut parent, other));
                parent[x.max(y)] = x.min(y);
            }
        }
        let mut number: HashMap<usize, usize> = HashMap::new();
        articles
            .iter()
            .enumerate()
            .map(|(ai, &article)| {
                let r = find(&mut parent, ai);
                let next = number.len();
                let a = &self.articles[article];
                ArticleBlock {
                    origin: a.origin.clone(),
                    content_hash: a.content_hash.clone(),
                    block: *number.entry(r).or_insert(next),
                }
            })
            .collect()
    }

    fn record(&self, mentions: &[Telling], c: &resolve::Cluster) -> MergedRecord {
        let rows = &self.actors().rows;
        let mut outlets: Vec<String> = Vec::new();
        let mut members = Vec::new();
        for &i in &c.members {
            let a = &self.articles[mentions[i].article as usize];
            if !outlets.contains(&a.label) {
                outlets.push(a.label.clone());
            }
            let anchor = &mentions[i].anchor;
            members.push(MemberRecord {
                content_hash: a.content_hash.clone(),
                trigger: [anchor.start, anchor.end],
                doc: a.doc.clone(),
            });
        }
        outlets.sort();
        let (start, end, precision) = date_strings(c.date);
        MergedRecord {
            kind: c.kind.as_str().into(),
            status: c.status.as_str().into(),
            start,
            end,
            precision,
            alternatives: c.alternatives.iter().map(|(d, n)| resolve::describe_alternative(d, *n)).collect(),
            participants: c
                .actors
                .iter()
                .map(|&(row, role)| {
                    let r = &rows[row as usize];
                    MergedParticipant {
                        name: r.name.clone(),
                        kind: r.kind.as_str().into(),
                        role: role.as_str().into(),
                    }
                })
                .collect(),
            place: c.place.clone(),
            country: c.country.clone(),
            name: c.name.clone(),
            confidence: c.confidence,
            sources: c.sources,
            outlets,
            members,
        }
    }
}

fn entry(a: &Article) -> ArticleEntry {
    ArticleEntry {
        doc: a.doc.clone(),
        origin: a.origin.key(),
        content_hash: a.content_hash.clone(),
        published: a.published,
        label: a.outlet.clone().unwrap_or_else(|| a.doc.clone()),
    }
}

pub(crate) fn date_strings(
    date: Option<dateline_model::DateRange>,
) -> (Option<String>, Option<String>, Option<String>) {
    match date {
        Some(d) => {
            (Some(d.start.to_string()), Some(d.end.to_string()), Some(d.precision.as_str().to_string()))
        }
        None => (None, None, None),
    }
}

/// The merged events of `items`, imported in this order into an empty workspace.
pub fn merge(items: &[(Article, Vec<Event>)]) -> Vec<MergedRecord> {
    let mut x = Extracted::new();
    for (a, events) in items {
        x.add(a, events);
    }
    x.merge()
}

/// The root of `i` in a union-find forest (halving the path on the way).
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The block of each mention: mentions sharing a blocking key (kind, canonical actor) whose
/// dates (month precision or finer) overlap are in one block, and so, transitively, are their
/// blocks. Numbered by first mention; a mention that can merge with nothing is a block alone.
pub fn blocks(mentions: &[Telling]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..mentions.len()).collect();
    let root = find;
    // Per blocking key, the mentions' dates by start: a sweep joins each to the run it overlaps.
    type Dated = (NaiveDate, NaiveDate, usize);
    let mut by_key: HashMap<(dateline_model::EventKind, i64), Vec<Dated>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(d) = m.date.filter(|d| d.precision <= Precision::Month) else { continue };
        let mut seen = HashSet::new();
        for &(a, _) in &m.actors {
            if seen.insert(a) {
                by_key.entry((m.kind, a)).or_default().push((d.start, d.end, i));
            }
        }
    }
    for list in by_key.values_mut() {
        list.sort_unstable();
        let mut run: Option<(NaiveDate, usize)> = None; // (latest end, a member)
        for &(start, end, i) in list.iter() {
            match run {
                Some((latest, j)) if start <= latest => {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                    run = Some((latest.max(end), j));
                }
                _ => run = Some((end, i)),
            }
        }
    }
    let mut number: HashMap<usize, usize> = HashMap::new();
    (0..mentions.len())
        .map(|i| {
            let r = root(&mut parent, i);
            let next = number.len();
            *number.entry(r).or_insert(next)
        })
        .collect()
}

impl crate::Store {
    /// The workspace's live merged events as [`MergedRecord`]s, in [`sort_records`] order: what
    /// [`merge`] gives for the articles it holds.
    pub fn merged_records(&self) -> crate::Result<Vec<MergedRecord>> {
        let conn = &self.conn;
        let mut participants: HashMap<i64, Vec<MergedParticipant>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT ma.merged_id, coalesce(a.display_name, a.name), a.kind, ma.role
             FROM merged_actors ma JOIN actors a ON a.id = ma.actor_id ORDER BY ma.merged_id, ma.position",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let p = MergedParticipant { name: r.get(1)?, kind: r.get(2)?, role: r.get(3)? };
            participants.entry(r.get(0)?).or_default().push(p);
        }
        let mut members: HashMap<i64, Vec<MemberRecord>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT mm.merged_id, a.content_hash, e.trigger_start, e.trigger_end, a.doc
             FROM merged_members mm JOIN events e ON e.id = mm.event_id JOIN articles a ON a.id = e.article_id",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let m = MemberRecord {
                content_hash: r.get(1)?,
                trigger: [r.get::<_, i64>(2)? as u32, r.get::<_, i64>(3)? as u32],
                doc: r.get(4)?,
            };
            members.entry(r.get(0)?).or_default().push(m);
        }
        let corrupt = |e: serde_json::Error| crate::StoreError::Corrupt(e.to_string());
        let mut stmt = conn.prepare(
            "SELECT id, kind, status, start, end, precision, alternatives, place, country, name, confidence,
                    sources, outlets
             FROM merged_events WHERE deleted = 0",
        )?;
        let mut q = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = q.next()? {
            let id: i64 = r.get(0)?;
            let alternatives: String = r.get(6)?;
            let outlets: String = r.get(12)?;
            out.push(MergedRecord {
                kind: r.get(1)?,
                status: r.get(2)?,
                start: r.get(3)?,
                end: r.get(4)?,
                precision: r.get(5)?,
                alternatives: serde_json::from_str(&alternatives).map_err(corrupt)?,
                participants: participants.remove(&id).unwrap_or_default(),
                place: r.get(7)?,
                country: r.get(8)?,
                name: r.get(9)?,
                confidence: r.get::<_, f64>(10)? as f32,
                sources: r.get(11)?,
                outlets: serde_json::from_str(&outlets).map_err(corrupt)?,
                members: members.remove(&id).unwrap_or_default(),
            });
        }
        sort_records(&mut out);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::Origin;
    use dateline_model::{DateRange, EventKind, Location, Participant, Span, Status};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, m, day).expect("date")
    }

    fn person(name: &str, country: Option<&str>) -> Participant {
        let mut actor = Actor::new(name, ActorKind::Person);
        actor.country = country.map(str::to_string);
        Participant { actor, role: Role::Attendee }
    }

    fn article(doc: &str, text: &str, published: NaiveDate, outlet: Option<&str>) -> Article {
        Article {
            doc: doc.into(),
            title: None,
            published: Some(published),
            published_raw: None,
            outlet: outlet.map(str::to_string),
            byline: None,
            url: None,
            text: text.into(),
            origin: Origin::file(format!("{doc}.txt")),
            content_hash: format!("hash-{doc}-{text}"),
        }
    }

    fn event(kind: EventKind, day: u32, who: Vec<Participant>, trigger: usize) -> Event {
        Event {
            kind,
            status: Status::Occurred,
            date: DateRange::new(d(4, day), d(4, day), Precision::Day),
            participants: who,
            location: Some(Location { place: Some("Paris".into()), country: Some("France".into()) }),
            name: None,
            evidence: vec![Span::new(0, 10)],
            trigger: Span::new(trigger, trigger + 3),
            confidence: 0.7,
        }
    }

    /// A feed where fuller names come late, a bare surname fits two people, duplicates and a
    /// changed article come in: every store rule the merge goes through.
    fn feed() -> Vec<(Article, Vec<Event>)> {
        use EventKind::*;
        let blinken = || person("Blinken", Some("United States"));
        let full = || person("Antony J. Blinken", Some("United States"));
        let wang = || person("Wang", Some("China"));
        vec![
            (article("a", "one", d(4, 3), Some("Wire")), vec![event(Meeting, 3, vec![blinken(), wang()], 0)]),
            (
                article("b", "two", d(4, 3), None),
                vec![
                    event(Meeting, 3, vec![full(), person("Wang Yi", Some("China"))], 4),
                    event(Call, 9, vec![full(), person("Annalena Baerbock", None)], 20),
                ],
            ),
            (article("c", "three", d(4, 4), Some("Post")), vec![event(Meeting, 3, vec![full(), wang()], 2)]),
            (article("c2", "three", d(4, 4), Some("Copy")), vec![event(Meeting, 3, vec![full(), wang()], 2)]),
            (
                article("e", "four", d(4, 10), None),
                vec![event(Call, 9, vec![blinken(), person("Baerbock", None)], 7)],
            ),
            (
                article("f", "five", d(4, 10), None),
                vec![event(Meeting, 3, vec![blinken(), person("Wang Wenbin", Some("China"))], 1)],
            ),
            // The same file again, changed: its events replace the earlier ones.
            (
                article("e", "four, changed", d(4, 10), None),
                vec![event(Call, 9, vec![blinken(), person("Baerbock", None)], 9)],
            ),
        ]
    }

    #[test]
    fn merging_extracted_articles_gives_the_workspaces_merged_events() {
        let items = feed();
        let mut store = crate::Store::open_in_memory().expect("store");
        for item in &items {
            store.save_batch(std::slice::from_ref(item)).expect("save");
        }
        store.refresh().expect("refresh");
        let want = store.merged_records().expect("records");
        let got = merge(&items);
        assert_eq!(got, want);
        assert!(got.iter().any(|r| r.sources > 1), "something merged: {got:#?}");
        assert!(got.iter().any(|r| r.members.iter().any(|m| m.trigger == [9, 12])), "the changed article");
    }

    #[test]
    fn blocks_merge_alone_as_the_whole() {
        let items = feed();
        let whole = merge(&items);
        let mut all = Extracted::new();
        for (a, es) in &items {
            all.add(a, es);
        }
        let blocks = all.blocks();
        assert!(blocks.iter().max().is_some_and(|&b| b >= 1), "more than one block: {blocks:?}");
        // Each block merged alone, with the actor rows of all: the same merged events.
        let rows = all.actors().rows();
        let mut parts: Vec<MergedRecord> = Vec::new();
        let live = live_items(&items);
        let events = live.iter().flat_map(|(a, es)| es.iter().map(move |e| (*a, e)));
        let mentions: Vec<(usize, &Article, &Event)> =
            events.zip(&blocks).map(|((a, e), &b)| (b, a, e)).collect();
        for b in 0..=*blocks.iter().max().expect("a block") {
            let mut part = Extracted::with_actors(ActorTable::from_rows(&rows));
            let mut by_article: Vec<(&Article, Vec<Event>)> = Vec::new();
            for (_, a, e) in mentions.iter().filter(|m| m.0 == b) {
                match by_article.iter_mut().find(|(x, _)| x.content_hash == a.content_hash) {
                    Some((_, es)) => es.push((*e).clone()),
                    None => by_article.push((a, vec![(*e).clone()])),
                }
            }
            for (a, es) in by_article {
                part.add(a, &es);
            }
            parts.extend(part.merge());
        }
        sort_records(&mut parts);
        assert_eq!(parts, whole);
    }

    /// The articles a workspace keeps of `items` (no duplicate, the last version of a file), in
    /// the order their events are numbered.
    fn live_items(items: &[(Article, Vec<Event>)]) -> Vec<(&Article, &Vec<Event>)> {
        let mut out: Vec<(&Article, &Vec<Event>)> = Vec::new();
        for (a, es) in items {
            if let Some(slot) = out.iter_mut().find(|(x, _)| x.origin == a.origin) {
                *slot = (a, es);
            } else if !out.iter().any(|(x, _)| x.content_hash == a.content_hash) {
                out.push((a, es));
            }
        }
        out
    }

    #[test]
    fn an_actor_table_is_its_rows() {
        let mut x = Extracted::new();
        for (a, es) in feed() {
            x.add(&a, &es);
        }
        let rows = x.actors().rows();
        assert_eq!(ActorTable::from_rows(&rows).rows(), rows);
        assert!(rows.iter().any(|r| r.name == "Antony J. Blinken"), "{rows:?}");
    }
}
