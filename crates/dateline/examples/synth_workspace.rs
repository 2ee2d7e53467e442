//! Writes a large generated workspace (the graph bench's: five events per article), for timing
//! the app on it: `cargo run --release -p dateline --example synth_workspace -- OUT [ARTICLES]`
//! (default 20,000 articles, about 100,000 events). OUT must not exist.

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: synth_workspace OUT [ARTICLES]");
        std::process::exit(2);
    };
    let articles: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let path = std::path::Path::new(&out);
    if path.exists() {
        eprintln!("{out} exists: give a new file");
        std::process::exit(2);
    }
    common::populate(path, articles);
    let info = dateline::Workspace::open(path).and_then(|ws| ws.info());
    match info {
        Ok(i) => println!("{out}: {} articles, {} events, {} actors", i.articles, i.events, i.actors),
        Err(e) => {
            eprintln!("{out}: {e}");
            std::process::exit(3);
        }
    }
}
