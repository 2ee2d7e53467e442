//! The rules are written for sentence structures, never for a document: no dev document's id or
//! title, and no run of its words, appears in the extractor's code or data (its rules, word lists,
//! cases and comments). Skipped when the corpus (`../shared/corpus` next to the repository) is
//! absent.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Words in a row that two independent writers are not expected to share by chance.
const RUN: usize = 12;

fn corpus_dirs() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(corpus) = here.ancestors().map(|a| a.join("shared/corpus")).find(|p| p.is_dir()) else {
        return Vec::new();
    };
    ["statedept-dev", "newsstyles-dev"].iter().map(|d| corpus.join(d)).filter(|p| p.is_dir()).collect()
}

/// Every file of the extractor's own that holds rules: its code and its data.
fn rule_files() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut stack = vec![here.join("src"), here.join("data")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a rules folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|x| ["rs", "tsv", "txt", "cases", "md", "json"].iter().any(|e| x == *e))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The text of a saved page without its markup, scripts and styles.
fn page_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        if lower[i..].starts_with("<script") || lower[i..].starts_with("<style") {
            let close = if lower[i..].starts_with("<script") { "</script>" } else { "</style>" };
            i = lower[i..].find(close).map_or(html.len(), |j| i + j + close.len());
            continue;
        }
        if html.as_bytes()[i] == b'<' {
            i = html[i..].find('>').map_or(html.len(), |j| i + j + 1);
            out.push(' ');
            continue;
        }
        let next = html[i..].find('<').map_or(html.len(), |j| i + j);
        out.push_str(&html[i..next]);
        i = next;
    }
    out
}

/// Lower-case words of letters and digits: the same run of words however it is punctuated.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "nbsp" && *w != "amp")
        .map(str::to_lowercase)
        .collect()
}

fn runs(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.windows(RUN).map(|w| w.join(" "))
}

#[test]
fn no_document_id_title_or_text_is_in_a_rule() {
    let dirs = corpus_dirs();
    if dirs.is_empty() {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    }
    let mut slugs = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for dir in &dirs {
        for entry in std::fs::read_dir(dir).expect("a corpus folder").flatten() {
            let path = entry.path();
            let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else { continue };
            // "2021-05-26_u-s-eu-joint-press-release-...": the id, and past its date the title.
            slugs.push(stem.clone());
            if let Some((_, title)) = stem.split_once('_') {
                slugs.push(title.to_string());
            }
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let text = page_text(&String::from_utf8_lossy(&bytes));
            seen.extend(runs(&words(&text)));
        }
    }
    assert!(
        slugs.len() > 400 && seen.len() > 100_000,
        "the dev corpora are read: {} ids, {} runs",
        slugs.len(),
        seen.len()
    );

    let mut found = Vec::new();
    for file in rule_files() {
        let text = std::fs::read_to_string(&file).expect("a rule file");
        let name = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&file).display().to_string();
        // A title as a slug: the file's words joined by hyphens hold it.
        let hyphened = words(&text).join("-");
        for slug in slugs.iter().filter(|s| s.len() >= 24) {
            if hyphened.contains(slug.as_str()) || text.contains(slug.as_str()) {
                found.push(format!("{name}: the document {slug:?}"));
            }
        }
        for run in runs(&words(&text)) {
            if seen.contains(&run) {
                found.push(format!("{name}: {RUN} words of a document in a row: {run:?}"));
            }
        }
    }
    found.dedup();
    assert!(found.is_empty(), "rules must not hold a document:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_a_document_where_there_is_one() {
    // The same check, given a rule file that copies a sentence of a document, finds it.
    let dirs = corpus_dirs();
    let Some(page) = dirs.iter().flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten()).next()
    else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let text = page_text(&String::from_utf8_lossy(&std::fs::read(page.path()).expect("a page")));
    let doc = words(&text);
    let seen: HashSet<String> = runs(&doc).collect();
    assert!(doc.len() > RUN * 2, "a page of some length");
    let copied = format!("> {}.\n", doc[RUN..RUN * 2 + 3].join(" "));
    assert!(runs(&words(&copied)).any(|r| seen.contains(&r)));
    let own = "> Secretary of State Ruth Marlow met Foreign Minister Tomas Lind of Sweden in Rabat on a windy Tuesday morning in March.\n";
    assert!(!runs(&words(own)).any(|r| seen.contains(&r)));
}
