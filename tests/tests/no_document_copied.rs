//! The repository holds only text its authors wrote: no run of 12 words of a dev document (the
//! saved pages of `../shared/corpus`), and no document's id or title, appears in any of its
//! files: the extractor's rules, word lists and cases, the tests, the samples, the docs. Rules are
//! written for sentence structures, never for a document. Skipped when the corpus is absent.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Words in a row that two independent writers are not expected to share by chance.
const RUN: usize = 12;

/// Folders that hold what the build, the package managers or the tests make, not what we write.
const NOT_OURS: &[&str] = &["target", "node_modules", "dist", ".git", "gen", "test-results", "generated"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
}

fn corpus_dirs() -> Vec<PathBuf> {
    let Some(corpus) = root().ancestors().map(|a| a.join("shared/corpus")).find(|p| p.is_dir()) else {
        return Vec::new();
    };
    ["statedept-dev", "newsstyles-dev"].iter().map(|d| corpus.join(d)).filter(|p| p.is_dir()).collect()
}

/// Every text file of the repository that we write.
fn our_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a folder").flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !NOT_OURS.contains(&name.as_str()) && !name.starts_with('.') || name == ".ci" {
                    stack.push(path);
                }
            } else if entry.metadata().is_ok_and(|m| m.len() < 4_000_000) {
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

/// The dev documents' ids and titles (as their file names give them) and their runs of words.
fn corpus() -> Option<(Vec<String>, HashSet<String>)> {
    let dirs = corpus_dirs();
    if dirs.is_empty() {
        return None;
    }
    let mut slugs = Vec::new();
    let mut seen = HashSet::new();
    for dir in &dirs {
        for entry in std::fs::read_dir(dir).expect("a corpus folder").flatten() {
            let path = entry.path();
            let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else { continue };
            // "2021-05-26_u-s-eu-joint-press-release-...": the id, and past its date the title.
            if let Some((_, title)) = stem.split_once('_') {
                slugs.push(title.to_string());
            }
            slugs.push(stem);
            let Ok(bytes) = std::fs::read(&path) else { continue };
            seen.extend(runs(&words(&page_text(&String::from_utf8_lossy(&bytes)))));
        }
    }
    Some((slugs, seen))
}

/// What of a dev document `text` holds: its title or id, or a run of its words.
fn copied(text: &str, slugs: &[String], seen: &HashSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    // A title as a slug: the file's words joined by hyphens hold it.
    let hyphened = words(text).join("-");
    for slug in slugs.iter().filter(|s| s.len() >= 24) {
        if hyphened.contains(slug.as_str()) || text.contains(slug.as_str()) {
            found.push(format!("the document {slug:?}"));
        }
    }
    let mut last = None;
    for (i, run) in runs(&words(text)).enumerate() {
        // One line per passage: overlapping runs of the same passage are one copy.
        if seen.contains(&run) {
            if last.is_none_or(|l| i > l + RUN) {
                found.push(format!("{RUN} words of a document in a row: {run:?}"));
            }
            last = Some(i);
        }
    }
    found
}

#[test]
fn no_file_holds_a_document_id_title_or_text() {
    let Some((slugs, seen)) = corpus() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    assert!(
        slugs.len() > 800 && seen.len() > 100_000,
        "the dev corpora are read: {} ids, {} runs",
        slugs.len(),
        seen.len()
    );
    let mut found = Vec::new();
    let files = our_files();
    assert!(files.len() > 200, "the repository's files are read: {}", files.len());
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let name = file.strip_prefix(root()).unwrap_or(&file).display().to_string();
        found.extend(copied(&text, &slugs, &seen).into_iter().map(|f| format!("{name}: {f}")));
    }
    assert!(
        found.is_empty(),
        "{} passages of dev documents are in the repository:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn a_copied_sentence_or_title_is_found_and_our_own_is_not() {
    let Some((slugs, seen)) = corpus() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let page = corpus_dirs()
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "html"))
        .expect("a page");
    let doc = words(&page_text(&String::from_utf8_lossy(&std::fs::read(&page).expect("a page"))));
    assert!(doc.len() > RUN * 3, "a page of some length");
    let sentence = format!("> {}.\n", doc[RUN..RUN * 2 + 3].join(" "));
    assert_eq!(copied(&sentence, &slugs, &seen).len(), 1, "{sentence}");
    let title = page.file_stem().unwrap().to_string_lossy().split_once('_').unwrap().1.replace('-', " ");
    assert!(!copied(&format!("// \"{title}\""), &slugs, &seen).is_empty(), "{title}");
    let own = "> Secretary of State Ruth Marlow met Foreign Minister Tomas Lind of Sweden in Rabat on a windy Tuesday morning in March.\n";
    assert!(copied(own, &slugs, &seen).is_empty());
}
