//! `dateline`: the command-line front end. It only wires the `dateline` library (which the
//! desktop app calls too) to the command line: one module per subcommand in [`commands`], the
//! arguments they share in [`args`], how each prints in [`output`], and exit codes in [`exit`].

mod args;
mod commands;
mod exit;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Exit codes: 0 everything worked; 1 some input files failed (the rest was done), or a search
/// found nothing; 2 wrong usage; 3 the workspace or an output file could not be used.
#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "Find dated diplomatic events (visits, meetings, calls, conferences) in news articles.",
    long_about = "Find dated diplomatic events (visits, meetings, calls, conferences) in news articles.\n\n\
        Quick start:\n  dateline extract samples            print the events found in a folder\n  \
        dateline import samples             add articles to your workspace\n  \
        dateline events                     list the workspace's events\n  \
        dateline export --out timeline.png  draw the workspace's timeline\n  \
        dateline export --out events.csv    write its events as data (.csv .json .graphml .gexf .ics)\n  \
        dateline graph centrality           who is central to the network\n\n\
        Articles may be .txt, .md or .html files, or folders of them.\n\
        Exit codes: 0 ok; 1 some files failed (the rest was done), or a search found nothing; 2 wrong usage\n\
        (or an event, actor or format that is not there); 3 workspace or output error."
)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    dateline::quiet_caught_reader_panics();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = cli.command.run(&mut out).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    exit::code(result)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
