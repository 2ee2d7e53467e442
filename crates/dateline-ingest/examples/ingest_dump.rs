//! Reads the given files and folders and prints what ingest makes of them.
//!
//! `cargo run -p dateline-ingest --example ingest_dump -- PATH...`

use std::path::PathBuf;

use dateline_ingest::{Limits, Outcome, discover, read_file};

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let limits = Limits::default();
    for d in discover(&paths) {
        if let Some(problem) = d.problem {
            println!("!! {}: {problem}", d.path.display());
            continue;
        }
        match read_file(&d.path, &limits) {
            Outcome::Articles(articles) => {
                for a in articles {
                    println!("== {} [{}]", a.doc, a.origin.key());
                    println!(
                        "   title: {:?}\n   published: {:?} ({:?})\n   outlet: {:?}  byline: {:?}\n   url: {:?}",
                        a.title, a.published, a.published_raw, a.outlet, a.byline, a.url
                    );
                    println!("{}\n", a.text);
                }
            }
            Outcome::Skipped(why) => println!("-- {}: skipped: {why}", d.path.display()),
            Outcome::Failed(e) => println!("!! {}: {e}", d.path.display()),
        }
    }
}
