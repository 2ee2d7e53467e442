//! Event extraction by class of sentence structure: every case of every `data/events/*.cases`
//! file (the format is in `data/events/README.md`) runs through the whole extractor, which must
//! yield exactly the expected events.

use std::path::Path;

use chrono::NaiveDate;
use dateline_extract::{extract_text, extract_titled_from};
use dateline_model::Event;

fn line(e: &Event) -> String {
    let when = e.date.map_or("undated".to_string(), |d| format!("{}..{}", d.start, d.end));
    let place = e
        .location
        .as_ref()
        .map(|l| {
            [l.place.as_deref(), l.country.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ")
        })
        .filter(|s| !s.is_empty())
        .map_or(String::new(), |p| format!(" @ {p}"));
    format!("{} {} {} {}{place}", e.kind.as_str(), e.status.as_str(), when, e.participant_names().join(", "))
}

#[derive(Debug, Default)]
struct Case {
    file: String,
    line: usize,
    headline: Option<String>,
    outlet: Option<String>,
    paragraphs: Vec<String>,
    published: Option<NaiveDate>,
    expected: Vec<String>,
}

fn parse(file: &str, text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut case = Case::default();
    let flush = |case: &mut Case, cases: &mut Vec<Case>| {
        if !case.paragraphs.is_empty() {
            cases.push(std::mem::take(case));
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let l = raw.trim_end();
        if l.is_empty() {
            flush(&mut case, &mut cases);
            continue;
        }
        if case.paragraphs.is_empty() && case.headline.is_none() {
            case.file = file.to_string();
            case.line = n + 1;
        }
        let (tag, rest) = l.split_at(1);
        let rest = rest.trim();
        match tag {
            "#" => {}
            "^" => case.headline = Some(rest.to_string()),
            "%" => case.outlet = Some(rest.to_string()),
            ">" => case.paragraphs.push(rest.to_string()),
            "@" => {
                case.published = Some(
                    NaiveDate::parse_from_str(rest, "%Y-%m-%d")
                        .unwrap_or_else(|e| panic!("{file}:{}: bad date {rest:?}: {e}", n + 1)),
                )
            }
            "=" if rest == "none" => {}
            "=" => case.expected.push(rest.to_string()),
            _ => panic!("{file}:{}: a line starts with one of # ^ % > @ =, not {l:?}", n + 1),
        }
    }
    flush(&mut case, &mut cases);
    cases
}

fn load() -> Vec<Case> {
    // A developer's probe: `DATELINE_CASES=FILE` runs the cases of that one file instead.
    if let Ok(probe) = std::env::var("DATELINE_CASES") {
        return parse(&probe, &std::fs::read_to_string(&probe).expect("the DATELINE_CASES file"));
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/events");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/events")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "cases"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
            parse(&name, &std::fs::read_to_string(p).expect("a cases file"))
        })
        .collect()
}

#[test]
fn every_class_has_cases_and_every_case_holds() {
    let cases = load();
    let mut per_file = std::collections::BTreeMap::<&str, usize>::new();
    for c in &cases {
        *per_file.entry(c.file.as_str()).or_default() += 1;
        assert!(c.published.is_some(), "{}:{}: no @ publication date", c.file, c.line);
    }
    assert!(
        per_file.len() >= 17 || std::env::var_os("DATELINE_CASES").is_some(),
        "one cases file per class of the events issue, found {per_file:?}"
    );
    let mut failures = Vec::new();
    for c in &cases {
        let body = c.paragraphs.join("\n\n");
        let x = match &c.headline {
            Some(h) => extract_titled_from(h, &body, c.published, c.outlet.as_deref()),
            None => {
                assert!(c.outlet.is_none(), "{}:{}: an outlet (%) needs a headline (^)", c.file, c.line);
                extract_text(&body, c.published)
            }
        };
        let got: Vec<String> = x.events.iter().map(line).collect();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        let mut want = c.expected.clone();
        want.sort();
        if got_sorted != want {
            failures.push(format!("{}:{}: {body:?}\n  want {want:#?}\n  got  {got:#?}", c.file, c.line));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
