//! Runs every example of `data/time/*.tsv`: `sentence, publication date, extent, value` per row
//! (`-` as the value: nothing tagged over that extent). One file per family of rules.

use std::path::Path;

use chrono::NaiveDate;
use dateline_extract::time::{tag, timex_records};

fn check_row(file: &str, line: usize, row: &str) -> Option<String> {
    let cols: Vec<&str> = row.split('\t').collect();
    let [text, dct, extent, value] = cols[..] else {
        return Some(format!("{file}:{line}: want 4 tab-separated columns, got {}", cols.len()));
    };
    let Ok(dct) = NaiveDate::parse_from_str(dct, "%Y-%m-%d") else {
        return Some(format!("{file}:{line}: bad publication date {dct:?}"));
    };
    let Some(at) = text.find(extent) else {
        return Some(format!("{file}:{line}: extent {extent:?} is not in the sentence"));
    };
    let (s, e) = (at, at + extent.len());
    let all = tag(text, Some(dct));
    let got: Vec<String> =
        all.iter().map(|t| format!("{:?}={}", &text[t.span.start..t.span.end], t.value)).collect();
    if value == "-" {
        let over = all.iter().any(|t| t.span.start < e && s < t.span.end);
        return over.then(|| format!("{file}:{line}: {text:?}: want nothing over {extent:?}; got {got:?}"));
    }
    if all.iter().any(|t| t.span.start == s && t.span.end == e && t.value == value) {
        return None;
    }
    // A part scored on its own ("1982" of "between 1982 and 1992"): the TIMEX3 records. The
    // sentences are ASCII, so code-point offsets are byte offsets.
    let records = timex_records("row", Some(dct), text);
    if records.iter().any(|r| r.start == s && r.end == e && r.value == value) {
        return None;
    }
    let parts: Vec<String> =
        records.iter().map(|r| format!("{:?}={}", &text[r.start..r.end], r.value)).collect();
    Some(format!("{file}:{line}: {text:?} @ {dct}: want {extent:?}={value}; got {got:?}, records {parts:?}"))
}

#[test]
fn every_example_of_the_time_data_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/time");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/time exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples in {}", dir.display());
    let (mut rows, mut failures) = (0, Vec::new());
    for path in &files {
        let name = path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let body = std::fs::read_to_string(path).expect("readable tsv");
        for (i, row) in body.lines().enumerate() {
            if row.trim().is_empty() || row.starts_with('#') {
                continue;
            }
            rows += 1;
            failures.extend(check_row(&name, i + 1, row));
        }
    }
    assert!(rows > 0, "no example rows");
    assert!(failures.is_empty(), "{} of {rows} examples fail:\n{}", failures.len(), failures.join("\n"));
}
