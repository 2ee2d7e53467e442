//! The State Department dev corpus (read from the shared folder, never copied into the repo):
//! every page must give its title, its date and all its paragraphs.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use dateline_ingest::{Limits, Outcome, discover, read_file};

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/corpus/statedept-dev");
    let dir = dir.canonicalize().ok().or_else(|| {
        // The repository may sit one level shallower (main checkout rather than a worktree).
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/statedept-dev")
            .canonicalize()
            .ok()
    });
    if dir.is_none() {
        eprintln!("note: shared/corpus/statedept-dev not found; corpus test skipped");
    }
    dir
}

/// The texts of the page's `<p>`, `<li>` and subheading elements that hold some text.
fn block_texts(raw: &str) -> Vec<String> {
    let dom = scraper::Html::parse_document(raw);
    let sel = scraper::Selector::parse("article p, article li, article h2, article h3").unwrap();
    dom.select(&sel)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Blocks that stand on most pages of the corpus (the site's labels, not article text), found
/// at test time so that no corpus text is written into the repository.
fn boilerplate(pages: &[String]) -> HashSet<String> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for raw in pages {
        for b in block_texts(raw).into_iter().collect::<HashSet<_>>() {
            *count.entry(b).or_default() += 1;
        }
    }
    count.into_iter().filter(|(_, n)| *n * 2 > pages.len()).map(|(b, _)| b).collect()
}

#[test]
fn statedept_dev_pages_come_out_right() {
    let Some(dir) = corpus() else { return };
    let files = discover(&[dir]);
    let html: Vec<_> = files.iter().filter(|d| d.path.extension().is_some_and(|e| e == "html")).collect();
    assert!(html.len() >= 300, "found {} pages", html.len());
    let raws: Vec<String> = html.iter().map(|f| std::fs::read_to_string(&f.path).unwrap()).collect();
    let boiler = boilerplate(&raws);
    assert!(!boiler.is_empty(), "the pages share a site label");
    let limits = Limits::default();
    for (f, raw) in html.into_iter().zip(&raws) {
        assert!(f.problem.is_none());
        let Outcome::Articles(arts) = read_file(&f.path, &limits) else {
            panic!("{} not read", f.path.display())
        };
        assert_eq!(arts.len(), 1);
        let a = &arts[0];
        let name = f.path.file_stem().unwrap().to_string_lossy().to_string();
        assert_eq!(a.doc, name);
        let title = a.title.as_deref().unwrap_or_else(|| panic!("{name}: no title"));
        let published = a.published.unwrap_or_else(|| panic!("{name}: no date"));
        // The file names start with the publication date.
        assert_eq!(published.format("%Y-%m-%d").to_string(), name[..10], "{name}");
        assert_eq!(a.outlet.as_deref(), Some("U.S. Department of State"), "{name}");
        assert!(a.url.as_deref().is_some_and(|u| u.starts_with("https://www.state.gov/")), "{name}");
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert_eq!(paras[0], title, "{name}: the title is the first paragraph");
        assert!(paras.iter().all(|p| !boiler.contains(*p)), "{name}: boilerplate kept");
        let blocks: Vec<String> = block_texts(raw).into_iter().filter(|b| !boiler.contains(b)).collect();
        assert!(paras.len() > blocks.len().min(1), "{name}: no paragraphs");
        // `<br>` inside a block starts a new paragraph: compare with paragraphs joined.
        let flat = a.text.replace("\n\n", " ");
        for b in &blocks {
            assert!(flat.contains(b.as_str()), "{name}: paragraph missing: {b}\n---\n{}", a.text);
        }
        assert!(paras.iter().all(|p| !p.trim().is_empty() && !p.contains('<')), "{name}");
    }
}
