//! For tests only (the store's own, and those of crates that enable the `test-support` feature
//! as a dev-dependency): never compiled into a release binary.
//!
//! A failure is injected into an edit with an SQLite trigger that aborts one of the writes the
//! edit makes ([`fail_at`]), so production code carries no hook; [`dump`] is what must come out
//! the same before and after the failed edit.

use std::fmt::Write as _;

use rusqlite::Connection;
use rusqlite::types::Value;

/// The writes an edit makes, in the order it makes them, each a place to fail at after the
/// ones before it ([`fail_at`]): the new person's alias (after the person), the correction
/// (after the redo tail is dropped), the rebuild's redirects of merged actors, its merged
/// events' actors (after the merged tables are emptied and the first merged event written) and
/// its very last write, the `merged_dirty` flag. Undo and redo mark a correction first, then
/// rebuild.
pub const FAIL_POINTS: &[&str] = &[
    "AFTER INSERT ON actor_aliases",
    "AFTER INSERT ON corrections",
    "AFTER UPDATE OF merged_into ON actors WHEN NEW.merged_into IS NOT NULL",
    "AFTER INSERT ON merged_actors",
    "BEFORE UPDATE ON meta WHEN NEW.key = 'merged_dirty'",
];

/// Every row of every table of the workspace behind `conn` (the schema included, the full-text
/// indexes' own tables too), in an order fixed by their content: two workspaces that differ in
/// any stored byte dump differently.
pub fn dump(conn: &Connection) -> rusqlite::Result<String> {
    let mut out = String::new();
    let schema: Vec<(String, String, Option<String>)> = conn
        .prepare("SELECT type, name, sql FROM main.sqlite_schema ORDER BY type, name")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (kind, name, sql) in &schema {
        let _ = writeln!(out, "{kind} {name}: {}", sql.as_deref().unwrap_or(""));
    }
    for (_, table, _) in schema.iter().filter(|(kind, _, _)| kind == "table") {
        // The rowid too where there is one: a rolled-back insert must not have moved it.
        let quoted = format!("\"{}\"", table.replace('"', "\"\""));
        let mut stmt = match conn.prepare(&format!("SELECT rowid, * FROM main.{quoted}")) {
            Ok(stmt) => stmt,
            Err(_) => conn.prepare(&format!("SELECT * FROM main.{quoted}"))?,
        };
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let values: Vec<Value> = (0..columns).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                Ok(format!("{values:?}"))
            })?
            .collect::<Result<_, _>>()?;
        rows.sort();
        let _ = writeln!(out, "== {table} ({} rows)", rows.len());
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The SQL of a trigger named `name` that makes the write `when` (`"AFTER INSERT ON corrections"`,
/// `"BEFORE UPDATE ON meta WHEN NEW.key = 'merged_dirty'"`...) fail with the message "injected".
/// `CREATE TEMP TRIGGER` on the store's own connection, or `CREATE TRIGGER` from another
/// connection to the file (and `DROP TRIGGER` after).
pub fn fail_at(name: &str, when: &str, temp: bool) -> String {
    let (on, condition) = match when.split_once(" WHEN ") {
        Some((on, condition)) => (on, format!(" WHEN {condition}")),
        None => (when, String::new()),
    };
    // A temporary trigger names its table's schema.
    let on = if temp { on.replacen(" ON ", " ON main.", 1) } else { on.to_string() };
    let temp = if temp { "TEMP " } else { "" };
    format!(
        "CREATE {temp}TRIGGER {name} {on} FOR EACH ROW{condition} BEGIN SELECT RAISE(ABORT, 'injected'); END;"
    )
}

/// [`dump`] without the event index's own b-tree (`events_fts_data`...), whose layout follows
/// the order of its writes: its content (`events_fts`) is compared. Two workspaces that hold the
/// same facts and derived rows, however they were written, dump the same.
pub fn dump_by_content(conn: &Connection) -> rusqlite::Result<String> {
    let all = dump(conn)?;
    let mut out = String::new();
    let mut skip = false;
    for line in all.lines() {
        if let Some(table) = line.strip_prefix("== ") {
            skip = table.starts_with("events_fts_");
        }
        if !skip {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}
