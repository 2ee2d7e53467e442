//! The schema, as migrations tracked by SQLite's `user_version`. Append only: never edit a
//! migration that has shipped.

use rusqlite_migration::{M, Migrations};

pub const MIGRATIONS_SLICE: &[M<'_>] = &[M::up(
    r#"
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
"#,
)];

pub const MIGRATIONS: Migrations<'_> = Migrations::from_slice(MIGRATIONS_SLICE);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(MIGRATIONS.validate().is_ok());
    }
}
