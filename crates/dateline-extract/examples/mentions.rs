//! Prints the actor and place mentions of a text file (or stdin), one per line, for inspection.
//!
//! `cargo run -p dateline-extract --example mentions -- FILE`

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let (mentions, cast) = dateline_extract::actors::mentions_and_cast(&text);
    for m in &mentions {
        println!(
            "{:>6}..{:<6} {:<18} {:<40} => {} [{}; {}]",
            m.span.start,
            m.span.end,
            format!("{:?}", m.kind),
            m.span.slice(&text).replace('\n', " "),
            m.name,
            m.country.as_deref().unwrap_or("-"),
            m.role.as_deref().unwrap_or("-")
        );
    }
    for (i, p) in cast.members.iter().enumerate() {
        println!("#{i} {} ({:?}, {:?}) aliases {:?}", p.name, p.country, p.role, p.aliases);
    }
    Ok(())
}
