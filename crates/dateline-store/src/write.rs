//! Writing articles and their events.

use dateline_model::{Article, Event};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::{Result, Store, actor_key};

/// What saving one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// New article, with this many events.
    Inserted { article_id: i64, events: usize },
    /// The file changed since the last import: its article and events were replaced.
    Updated { article_id: i64, events: usize },
    /// The same file with the same content: nothing to do.
    Unchanged { article_id: i64 },
    /// The same content already came from another file.
    Duplicate { article_id: i64, origin: String },
}

impl Store {
    /// Saves one article and its extracted events in one transaction.
    pub fn save_article(&mut self, article: &Article, events: &[Event]) -> Result<SaveOutcome> {
        let tx = self.conn.transaction()?;
        let outcome = save_in(&tx, article, events)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Saves many articles in one transaction: all of them or none.
    pub fn save_batch(&mut self, items: &[(Article, Vec<Event>)]) -> Result<Vec<SaveOutcome>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(items.len());
        for (article, events) in items {
            out.push(save_in(&tx, article, events)?);
        }
        tx.commit()?;
        Ok(out)
    }
}

fn save_in(tx: &Transaction<'_>, article: &Article, events: &[Event]) -> Result<SaveOutcome> {
    let origin = article.origin.key();
    let existing: Option<(i64, String)> = tx
        .query_row("SELECT id, content_hash FROM articles WHERE origin = ?1", [&origin], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let article_id = match existing {
        Some((id, hash)) if hash == article.content_hash => {
            return Ok(SaveOutcome::Unchanged { article_id: id });
        }
        Some((id, _)) => {
            tx.execute("DELETE FROM events WHERE article_id = ?1", [id])?;
            upsert_article(tx, article)?
        }
        None => {
            let twin: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, origin FROM articles WHERE content_hash = ?1 LIMIT 1",
                    [&article.content_hash],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((id, origin)) = twin {
                return Ok(SaveOutcome::Duplicate { article_id: id, origin });
            }
            upsert_article(tx, article)?
        }
    };
    for event in events {
        insert_event(tx, article_id, event)?;
    }
    Ok(match existing {
        Some(_) => SaveOutcome::Updated { article_id, events: events.len() },
        None => SaveOutcome::Inserted { article_id, events: events.len() },
    })
}

/// Inserts the article, or updates the one already read from the same origin (keeping its id).
fn upsert_article(tx: &Transaction<'_>, a: &Article) -> Result<i64> {
    Ok(tx.query_row(
        "INSERT INTO articles (origin, doc, content_hash, title, published, published_raw, outlet, byline, url, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (origin) DO UPDATE SET doc = excluded.doc, content_hash = excluded.content_hash,
             title = excluded.title, published = excluded.published, published_raw = excluded.published_raw,
             outlet = excluded.outlet, byline = excluded.byline, url = excluded.url, text = excluded.text
         RETURNING id",
        params![
            a.origin.key(),
            a.doc,
            a.content_hash,
            a.title,
            a.published.map(|d| d.to_string()),
            a.published_raw,
            a.outlet,
            a.byline,
            a.url,
            a.text
        ],
        |r| r.get(0),
    )?)
}

fn insert_event(tx: &Transaction<'_>, article_id: i64, e: &Event) -> Result<i64> {
    let (start, end, precision) = match &e.date {
        Some(d) => (Some(d.start.to_string()), Some(d.end.to_string()), Some(d.precision.as_str())),
        None => (None, None, None),
    };
    let (place, country) = match &e.location {
        Some(l) => (l.place.clone(), l.country.clone()),
        None => (None, None),
    };
    tx.execute(
        "INSERT INTO events (article_id, kind, status, start, end, precision, name, place, country, confidence,
                             trigger_start, trigger_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            article_id,
            e.kind.as_str(),
            e.status.as_str(),
            start,
            end,
            precision,
            e.name,
            place,
            country,
            f64::from(e.confidence),
            e.trigger.start as i64,
            e.trigger.end as i64
        ],
    )?;
    let event_id = tx.last_insert_rowid();
    let mut position = 0i64;
    for p in &e.participants {
        let actor_id = upsert_actor(tx, &p.actor)?;
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role, position) VALUES (?1, ?2, ?3, ?4)",
            params![event_id, actor_id, p.role.as_str(), position],
        )?;
        position += inserted as i64;
    }
    for span in &e.evidence {
        tx.execute(
            "INSERT OR IGNORE INTO evidence (event_id, start, end) VALUES (?1, ?2, ?3)",
            params![event_id, span.start as i64, span.end as i64],
        )?;
    }
    Ok(event_id)
}

fn upsert_actor(tx: &Transaction<'_>, actor: &dateline_model::Actor) -> Result<i64> {
    let key = actor_key(&actor.name);
    let kind = actor.kind.as_str();
    let id: Option<i64> = tx
        .query_row("SELECT id FROM actors WHERE kind = ?1 AND key = ?2", params![kind, key], |r| r.get(0))
        .optional()?;
    let id = match id {
        Some(id) => {
            if actor.country.is_some() {
                tx.execute(
                    "UPDATE actors SET country = ?2 WHERE id = ?1 AND country IS NULL",
                    params![id, actor.country],
                )?;
            }
            id
        }
        None => {
            tx.execute(
                "INSERT INTO actors (name, kind, country, key) VALUES (?1, ?2, ?3, ?4)",
                params![actor.name, kind, actor.country, key],
            )?;
            tx.last_insert_rowid()
        }
    };
    tx.execute(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)",
        params![id, actor.name],
    )?;
    Ok(id)
}
