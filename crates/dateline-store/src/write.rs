//! Writing articles and their events.

use dateline_identity::names;
use dateline_model::{ActorKind, Article, Event};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::{Result, Store};

/// What saving one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// New article, with this many events.
    Inserted { article_id: i64, events: usize },
    /// The file changed since the last import: its article and events were replaced. The
    /// corrections of its events moved with them; those that found no event any more are
    /// listed by their description.
    Updated { article_id: i64, events: usize, lost_corrections: Vec<String> },
    /// The same file with the same content: nothing to do.
    Unchanged { article_id: i64 },
    /// The same content already came from another file.
    Duplicate { article_id: i64, origin: String },
}

impl Store {
    /// Saves one article and its extracted events in one transaction, and merges them.
    pub fn save_article(&mut self, article: &Article, events: &[Event]) -> Result<SaveOutcome> {
        let mut out = self.save_batch(std::slice::from_ref(&(article.clone(), events.to_vec())))?;
        self.refresh()?;
        Ok(out.remove(0))
    }

    /// Saves many articles in one transaction: all of them or none. The merged events are stale
    /// until [`Store::refresh`] (an import refreshes once at its end; opening a workspace does too).
    pub fn save_batch(&mut self, items: &[(Article, Vec<Event>)]) -> Result<Vec<SaveOutcome>> {
        let tx = self.write_tx()?;
        let mut out = Vec::with_capacity(items.len());
        for (article, events) in items {
            out.push(save_in(&tx, article, events)?);
        }
        // New articles only add mentions above `merged_upto`: the next refresh merges just them and
        // what they touch ('new'). A changed article removed mentions: rebuild in full ('1').
        if out.iter().any(|o| matches!(o, SaveOutcome::Updated { .. })) {
            tx.prepare_cached("UPDATE meta SET value = '1' WHERE key = 'merged_dirty'")?.execute([])?;
        } else if out.iter().any(|o| matches!(o, SaveOutcome::Inserted { .. })) {
            tx.prepare_cached("UPDATE meta SET value = 'new' WHERE key = 'merged_dirty' AND value = '0'")?
                .execute([])?;
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
    let mut old_text: Option<String> = None;
    let article_id = match &existing {
        Some((id, hash)) if *hash == article.content_hash => {
            return Ok(SaveOutcome::Unchanged { article_id: *id });
        }
        Some((id, _)) => {
            tx.prepare_cached("DELETE FROM events WHERE article_id = ?1")?.execute([*id])?;
            old_text = Some(tx.query_row("SELECT text FROM articles WHERE id = ?1", [*id], |r| r.get(0))?);
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
    Ok(match (existing, old_text) {
        (Some((_, old_hash)), Some(old_text)) => {
            let change = crate::reanchor::Change {
                old_hash: &old_hash,
                old_text: &old_text,
                new_hash: &article.content_hash,
                new_text: &article.text,
                new_events: events,
            };
            let lost_corrections = crate::reanchor::carry_over(tx, &change)?;
            SaveOutcome::Updated { article_id, events: events.len(), lost_corrections }
        }
        _ => SaveOutcome::Inserted { article_id, events: events.len() },
    })
}

/// Inserts the article, or updates the one already read from the same origin (keeping its id).
fn upsert_article(tx: &Transaction<'_>, a: &Article) -> Result<i64> {
    Ok(tx.prepare_cached("INSERT INTO articles (origin, doc, content_hash, title, published, published_raw, outlet, byline, url, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (origin) DO UPDATE SET doc = excluded.doc, content_hash = excluded.content_hash,
             title = excluded.title, published = excluded.published, published_raw = excluded.published_raw,
             outlet = excluded.outlet, byline = excluded.byline, url = excluded.url, text = excluded.text
         RETURNING id")?.query_row(
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
    tx.prepare_cached("INSERT INTO events (article_id, kind, status, start, end, precision, name, place, country, confidence,
                             trigger_start, trigger_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")?.execute(
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
        let inserted = tx.prepare_cached("INSERT OR IGNORE INTO event_actors (event_id, actor_id, role, position) VALUES (?1, ?2, ?3, ?4)")?.execute(
            params![event_id, actor_id, p.role.as_str(), position],
        )?;
        position += inserted as i64;
    }
    for span in &e.evidence {
        tx.prepare_cached("INSERT OR IGNORE INTO evidence (event_id, start, end) VALUES (?1, ?2, ?3)")?
            .execute(params![event_id, span.start as i64, span.end as i64])?;
    }
    Ok(event_id)
}

fn upsert_actor(tx: &Transaction<'_>, actor: &dateline_model::Actor) -> Result<i64> {
    let id = match actor.kind {
        ActorKind::Person => upsert_person(tx, actor)?,
        kind => upsert_named(tx, kind, &actor.name, actor.country.as_deref())?,
    };
    tx.prepare_cached("INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)")?
        .execute(params![id, actor.name])?;
    Ok(id)
}

/// Countries, organisations and groups: one actor per folded name.
pub(crate) fn upsert_named(
    tx: &Transaction<'_>,
    kind: ActorKind,
    name: &str,
    country: Option<&str>,
) -> Result<i64> {
    let key = names::fold(name);
    let key = if key.is_empty() { name.to_lowercase() } else { key };
    let id: Option<i64> = tx
        .query_row("SELECT id FROM actors WHERE kind = ?1 AND key = ?2", params![kind.as_str(), key], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = id {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO actors (name, kind, country, key) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![name, kind.as_str(), country, key])?;
    Ok(tx.last_insert_rowid())
}

/// A person: one row per identity key ("antony blinken" for "Secretary Antony J. Blinken"),
/// whatever the import order. Which rows are the same person ("Blinken" and "Antony Blinken")
/// is decided when the merged events are rebuilt, by the identity rule
/// ([`names::same_person`]), so that the result does not depend on which came first.
pub(crate) fn upsert_person(tx: &Transaction<'_>, actor: &dateline_model::Actor) -> Result<i64> {
    let key = person_key(&actor.name, actor.country.as_deref(), actor.roles.first().map(String::as_str));
    if key.words.is_empty() {
        return upsert_named(tx, ActorKind::Person, &actor.name, actor.country.as_deref());
    }
    let text = key.text();
    let found: Option<(i64, String)> = tx
        .query_row("SELECT id, name FROM actors WHERE kind = 'person' AND key = ?1", [&text], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((id, name)) = found else {
        tx.prepare_cached("INSERT INTO actors (name, kind, country, key, surname, role) VALUES (?1, 'person', ?2, ?3, ?4, ?5)")?.execute(
            params![actor.name, actor.country, text, key.surname(), key.role],
        )?;
        return Ok(tx.last_insert_rowid());
    };
    // The fullest name, the smallest country and role: the same whatever the import order.
    let rank = |n: &str| (n.chars().count(), std::cmp::Reverse(n.to_string()));
    if rank(&actor.name) > rank(&name) {
        tx.prepare_cached("UPDATE actors SET name = ?2 WHERE id = ?1")?.execute(params![id, actor.name])?;
        // The event index shows the name: the next update rewrites the entries that show it.
        tx.prepare_cached("INSERT OR IGNORE INTO merged_renamed (actor_id) VALUES (?1)")?.execute([id])?;
    }
    tx.prepare_cached(
        "UPDATE actors SET country = CASE WHEN country IS NULL OR ?2 < country THEN ?2 ELSE country END,
                           role = CASE WHEN role IS NULL OR ?3 < role THEN ?3 ELSE role END
         WHERE id = ?1",
    )?
    .execute(params![id, actor.country, key.role])?;
    Ok(id)
}

/// The identity key of a person, with what the sources say about them.
pub(crate) fn person_key(name: &str, country: Option<&str>, role: Option<&str>) -> names::ActorKey {
    names::actor_key(name).with_country(country).with_role(role)
}
