//! The schema, as migrations tracked by SQLite's `user_version`. Append only: never edit a
//! migration that has shipped.

use rusqlite_migration::{M, Migrations};

pub const MIGRATIONS_SLICE: &[M<'_>] = &[M::up(TABLES), M::up(MERGING), M::up(LIVING), M::up(MERGE_INDEX)];

/// The SQL of each migration, in order (tests build old workspaces from it).
pub const MIGRATIONS_SQL: &[&str] = &[TABLES, MERGING, LIVING, MERGE_INDEX];

/// Migration 1: articles, actors, events, participants, evidence.
const TABLES: &str = r#"
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    origin        TEXT NOT NULL UNIQUE,   -- file path, or path!entry inside archives and feeds
    doc           TEXT NOT NULL,          -- file name without extension
    content_hash  TEXT NOT NULL,
    title         TEXT,
    published     TEXT,                   -- ISO date in the publication's own zone
    published_raw TEXT,
    outlet        TEXT,
    byline        TEXT,
    url           TEXT,
    text          TEXT NOT NULL
) STRICT;
CREATE INDEX articles_by_hash ON articles(content_hash);

CREATE TABLE actors (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('person','country','organization','group')),
    country TEXT,
    key     TEXT NOT NULL,                -- identity key: folded name
    UNIQUE (kind, key)
) STRICT;

CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) STRICT;

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('visit','meeting','call','conference')),
    status     TEXT NOT NULL CHECK (status IN ('occurred','planned','cancelled','postponed')),
    start      TEXT,
    end        TEXT,
    precision  TEXT,
    name       TEXT,
    place      TEXT,
    country    TEXT,
    confidence REAL NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    CHECK ((start IS NULL) = (end IS NULL) AND (start IS NULL OR start <= end))
) STRICT;
CREATE INDEX events_by_article ON events(article_id);
CREATE INDEX events_by_start ON events(start, end);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    role     TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, actor_id)
) STRICT;
CREATE INDEX event_actors_by_actor ON event_actors(actor_id);

CREATE TABLE evidence (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,            -- byte offsets into articles.text
    end      INTEGER NOT NULL,
    PRIMARY KEY (event_id, start)
) STRICT;
"#;

/// Migration 2: events merged across articles, analyst corrections, full-text search.
///
/// `events` stay the per-article facts ("mentions"); `merged_events`, `merged_members` and
/// `merged_actors` are derived from them and from `corrections` by `Store::refresh`, and may be
/// dropped and rebuilt at any time. `corrections` is the analyst's own data and is never derived.
const MERGING: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
INSERT INTO meta (key, value) VALUES ('merged_dirty', '1');

ALTER TABLE actors ADD COLUMN surname TEXT;          -- folded family name, for identity look-ups
ALTER TABLE actors ADD COLUMN role TEXT;             -- folded role the sources gave, when any
ALTER TABLE actors ADD COLUMN merged_into INTEGER;   -- derived from corrections: the actor this one became
ALTER TABLE actors ADD COLUMN display_name TEXT;     -- derived from corrections: a rename
CREATE INDEX actors_by_surname ON actors(kind, surname);

CREATE TABLE merged_events (
    id           INTEGER PRIMARY KEY,       -- the smallest member mention id: stable while that mention stays
    kind         TEXT NOT NULL,
    status       TEXT NOT NULL,
    start        TEXT,
    end          TEXT,
    precision    TEXT,
    name         TEXT,
    place        TEXT,
    country      TEXT,
    confidence   REAL NOT NULL,
    article_id   INTEGER NOT NULL,          -- the representative mention's article
    sources      INTEGER NOT NULL,          -- distinct articles
    outlets      TEXT NOT NULL,             -- JSON array of outlet (or doc) names
    alternatives TEXT NOT NULL,             -- JSON array of other dates, human readable
    edited       INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX merged_by_start ON merged_events(deleted, start, end);
CREATE INDEX merged_by_end ON merged_events(deleted, end);

CREATE TABLE merged_members (
    event_id  INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    merged_id INTEGER NOT NULL
) STRICT;
CREATE INDEX merged_members_by_merged ON merged_members(merged_id, event_id);

CREATE TABLE merged_actors (
    merged_id INTEGER NOT NULL,
    actor_id  INTEGER NOT NULL,
    role      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (merged_id, actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX merged_actors_by_actor ON merged_actors(actor_id, merged_id);

CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    op          TEXT NOT NULL,              -- JSON: what to do, keyed to stable anchors
    description TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- Labels, participants, places of merged events; rowid = merged_events.id. Rebuilt with them.
CREATE VIRTUAL TABLE events_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2');
"#;

/// Migration 3: a workspace that keeps itself current. Feed subscriptions with what the last
/// fetch left (validators, errors, back-off); the items already taken from each feed, so that
/// none is fetched twice; watched folders; and each update's changes to the merged events
/// (new ones, a status or a date that a new article changed), for the "new since" marks.
const LIVING: &str = r#"
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT,                   -- the feed's own title, from its last fetch
    every_minutes INTEGER NOT NULL CHECK (every_minutes > 0),   -- the schedule
    etag          TEXT,                   -- validators of the last 200, sent as conditions
    last_modified TEXT,
    added         TEXT NOT NULL,          -- RFC 3339, UTC
    last_checked  TEXT,                   -- the last attempt, whatever came of it
    last_success  TEXT,                   -- the last fetch that worked (200 or 304)
    last_error    TEXT,                   -- why the last attempt failed, or which items did
    failures      INTEGER NOT NULL DEFAULT 0,   -- attempts failed in a row
    retry_after   TEXT                    -- back-off: no scheduled fetch before this
) STRICT;

CREATE TABLE feed_items (
    feed_id  INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key      TEXT NOT NULL,               -- the item's guid, else its link
    url      TEXT,                        -- the article page
    origin   TEXT,                        -- the article's origin in the workspace
    fetched  TEXT NOT NULL,
    PRIMARY KEY (feed_id, key)
) STRICT;
CREATE INDEX feed_items_by_url ON feed_items(url);

CREATE TABLE watched_folders (
    id    INTEGER PRIMARY KEY,
    path  TEXT NOT NULL UNIQUE,
    added TEXT NOT NULL
) STRICT;

CREATE TABLE updates (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    source   TEXT NOT NULL,               -- what brought it: 'feeds', 'watch', ...
    articles INTEGER NOT NULL
) STRICT;

CREATE TABLE event_changes (
    update_id INTEGER NOT NULL REFERENCES updates(id) ON DELETE CASCADE,
    event_id  INTEGER NOT NULL,           -- merged_events.id
    change    TEXT NOT NULL CHECK (change IN ('new','status','date')),
    before    TEXT,
    after     TEXT,
    PRIMARY KEY (update_id, event_id, change)
) STRICT;
CREATE INDEX event_changes_by_event ON event_changes(event_id);

INSERT INTO meta (key, value) VALUES ('seen_update', '0');
"#;

/// Migration 4: what lets an import merge only what it touches (`update.rs`). `merge_keys` are
/// the blocking keys of every mention that can merge (dated at most month-precise): one row per
/// participant as the facts name it (not its identity, which a later article may change), kind,
/// length class of the date (`ceil(log2(days))`) and first day, so that the mentions sharing an
/// actor whose dates overlap a given one are a few index ranges. `merged_renamed` lists the actors
/// whose name a save made fuller since the last rebuild (the event index shows that name).
/// Derived, like the merged tables: the flag makes the next writer rebuild them in full.
const MERGE_INDEX: &str = r#"
CREATE TABLE merge_keys (
    -- The key's columns first and in its order: an older SQLite (3.40.1, Python's on the
    -- build machine) reports a false "NULL value" in its quick check of a WITHOUT ROWID
    -- table declared otherwise.
    actor_id INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    class    INTEGER NOT NULL,
    start    INTEGER NOT NULL,            -- days from the common era
    event_id INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    PRIMARY KEY (actor_id, kind, class, start, event_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE merged_renamed (actor_id INTEGER PRIMARY KEY) STRICT;
INSERT INTO meta (key, value) VALUES ('merged_upto', '0');
UPDATE meta SET value = '1' WHERE key = 'merged_dirty';
"#;

pub const MIGRATIONS: Migrations<'_> = Migrations::from_slice(MIGRATIONS_SLICE);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(MIGRATIONS.validate().is_ok());
    }
}
