//! Files that are not articles by their content, whatever their name: Dateline's own output
//! (timeline PDFs, calendars, graphs, events exports, import reports, `extract --format jsonl`)
//! and databases such as a workspace. Read as articles they gave phantom events ("e.ics" gave
//! the events it was exported from a second time) or failures; they are skipped, with a reason.

use serde_json::Value;

/// What `bytes` are, when they are not articles.
pub(crate) fn recognise(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(2048)];
    if head.starts_with(b"SQLite format 3\0") {
        return Some("a SQLite database (a Dateline workspace?), not an article");
    }
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("BEGIN:VCALENDAR") {
        return Some("a calendar (.ics), not an article");
    }
    if t.starts_with('<') {
        let lower = t.to_ascii_lowercase();
        if lower.contains("<graphml") || lower.contains("<gexf") {
            return Some("a graph file (GraphML or GEXF), not an article");
        }
    }
    if head.starts_with(b"%PDF") && memfind(bytes, b"/Producer (Dateline)") {
        return Some("a timeline Dateline drew (dateline export), not an article");
    }
    None
}

/// What a parsed JSON value is, when it is Dateline's own output.
pub(crate) fn recognise_json(v: &Value) -> Option<&'static str> {
    let has =
        |v: &Value, keys: &[&str]| v.as_object().is_some_and(|o| keys.iter().all(|k| o.contains_key(*k)));
    let first = |v: &Value, key: &str| v.get(key).and_then(Value::as_array).and_then(|a| a.first()).cloned();
    if has(v, &["events", "actors"]) {
        return Some("Dateline's events export (dateline export --out FILE.json), not articles");
    }
    if first(v, "events").is_some_and(|e| has(&e, &["start_date"])) {
        return Some("a TimelineJS timeline (dateline export --format timelinejs), not articles");
    }
    if v.as_array().and_then(|a| a.first()).is_some_and(|e| has(e, &["path", "status", "articles", "reason"]))
    {
        return Some("an import report (dateline import --report), not articles");
    }
    if has(v, &["doc", "type", "status", "participants", "evidence"]) {
        return Some("events Dateline extracted (dateline extract --format jsonl), not articles");
    }
    None
}

fn memfind(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_output_and_databases_are_recognised() {
        assert!(recognise(b"SQLite format 3\0rest").is_some());
        assert!(recognise(b"BEGIN:VCALENDAR\r\nVERSION:2.0").is_some());
        assert!(recognise(b"<?xml version=\"1.0\"?>\n<graphml xmlns=\"x\">").is_some());
        assert!(recognise(b"%PDF-1.7\n... /Producer (Dateline) ...").is_some());
        assert!(recognise(b"%PDF-1.7\n... /Producer (Word) ...").is_none());
        assert!(recognise(b"<html><body>Talks</body></html>").is_none());
        let json = |s: &str| serde_json::from_str::<Value>(s).unwrap();
        assert!(recognise_json(&json(r#"{"events": [], "actors": []}"#)).is_some());
        assert!(
            recognise_json(&json(r#"{"title": {}, "events": [{"start_date": {"year": 2021}}]}"#)).is_some()
        );
        assert!(
            recognise_json(&json(r#"[{"path": "a", "status": "imported", "articles": 1, "reason": null}]"#))
                .is_some()
        );
        assert!(
            recognise_json(&json(
                r#"{"doc":"d","type":"call","status":"occurred","participants":[],"evidence":[]}"#
            ))
            .is_some()
        );
        assert!(recognise_json(&json(r#"{"title": "Talks", "text": "Ministers met."}"#)).is_none());
        assert!(recognise_json(&json(r#"{"events": [{"title": "x", "text": "y"}]}"#)).is_none());
    }
}
