//! How each command writes what it found.

use std::io::Write;

use dateline::EventRow;
use dateline::model::{Article, Event, EventRecord};

/// How `dateline events` and `dateline search` print events.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum EventsFormat {
    Table,
    Jsonl,
    Csv,
}

impl EventsFormat {
    pub fn write(self, out: &mut dyn Write, rows: &[EventRow]) -> std::io::Result<()> {
        match self {
            EventsFormat::Table => events_table(out, rows),
            EventsFormat::Jsonl => events_jsonl(out, rows),
            EventsFormat::Csv => events_csv(out, rows),
        }
    }
}

/// `s` as it may reach a terminal: control characters (escape sequences in a file name, a
/// carriage return that would overwrite the line) written as `\u{1b}`.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars().map(|c| if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() }).collect()
}

/// An import's progress on stderr: a bar on a terminal; elsewhere (a log, a pipe, CI) a plain
/// line every 5 seconds (`DATELINE_PROGRESS_SECONDS` sets how many; 0, every step), so a long
/// import never looks hung.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    last: std::time::Instant,
    every: std::time::Duration,
}

impl Progress {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(5);

    /// How often a line is written where there is no bar.
    fn every() -> std::time::Duration {
        std::env::var("DATELINE_PROGRESS_SECONDS")
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0 && *s < 1e9)
            .map_or(Self::EVERY, std::time::Duration::from_secs_f64)
    }

    pub fn new() -> Self {
        use std::io::IsTerminal;
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files {msg}") {
                bar.set_style(style);
            }
            bar
        });
        Self { bar, last: std::time::Instant::now(), every: Self::every() }
    }

    pub fn update(&mut self, p: &dateline::ImportProgress) {
        match &self.bar {
            Some(bar) => {
                bar.set_length(u64::from(p.files_total));
                bar.set_position(u64::from(p.files_done));
                bar.set_message(format!("{} articles, {} events", p.articles, p.events));
            }
            None if self.last.elapsed() >= self.every => {
                self.last = std::time::Instant::now();
                let current =
                    p.current.as_deref().map(|c| format!(" ({})", terminal_safe(c))).unwrap_or_default();
                eprintln!(
                    "importing: {}/{} files, {} articles, {} events{current}",
                    p.files_done, p.files_total, p.articles, p.events
                );
            }
            None => {}
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

pub fn extract_jsonl(out: &mut dyn Write, docs: &[(Article, Vec<Event>)]) -> std::io::Result<()> {
    for (article, events) in docs {
        for e in events {
            let record = EventRecord::from_event(&article.doc, e);
            writeln!(out, "{}", serde_json::to_string(&record)?)?;
        }
    }
    Ok(())
}

pub fn extract_table(out: &mut dyn Write, docs: &[(Article, Vec<Event>)]) -> std::io::Result<()> {
    for (article, events) in docs {
        let published = article.published.map_or_else(|| "date unknown".to_string(), |d| d.to_string());
        let n = events.len();
        writeln!(out, "{} ({published}): {n} {}", article.doc, if n == 1 { "event" } else { "events" })?;
        for e in events {
            let r = EventRecord::from_event(&article.doc, e);
            writeln!(out, "  {}", row(&r))?;
        }
    }
    Ok(())
}

/// Every tag the stages found, then each event with its evidence, for developers.
pub fn extract_debug(out: &mut dyn Write, docs: &[(Article, Vec<Event>)]) -> std::io::Result<()> {
    for (article, _) in docs {
        let x = dateline::extract_article(article);
        writeln!(out, "== {} (published {:?})", article.doc, article.published)?;
        for t in &x.times {
            let range = t.range.map(|r| format!("{}..{} {}", r.start, r.end, r.precision.as_str()));
            writeln!(
                out,
                "  time  {:?} {} {}",
                t.span.slice(&article.text),
                t.value,
                range.unwrap_or_default()
            )?;
        }
        for m in &x.mentions {
            writeln!(
                out,
                "  {:<6?} {:?} -> {} ({:?})",
                m.kind,
                m.span.slice(&article.text),
                m.name,
                m.country
            )?;
        }
        for e in &x.events {
            let r = EventRecord::from_event(&article.doc, e);
            writeln!(out, "  EVENT {}", row(&r))?;
            for span in &e.evidence {
                let s: String = span.slice(&article.text).chars().take(160).collect();
                writeln!(out, "        < {s}")?;
            }
        }
    }
    Ok(())
}

fn row(r: &EventRecord) -> String {
    let when = match (&r.start, &r.end) {
        (Some(s), Some(e)) if s == e => s.clone(),
        (Some(s), Some(e)) => format!("{s}..{e}"),
        _ => "undated".into(),
    };
    let place = r
        .location
        .as_ref()
        .map(|l| {
            [l.place.as_deref(), l.country.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ")
        })
        .filter(|s| !s.is_empty())
        .map_or_else(String::new, |p| format!(" @ {p}"));
    format!("{:<10} {:<9} {:<22} {}{place}", r.kind, r.status, when, r.participants.join(", "))
}

fn record(row: &EventRow) -> EventRecord {
    use dateline::model::{Actor, Event, Participant};
    let event = Event {
        kind: row.kind,
        status: row.status,
        date: row.date,
        participants: row
            .participants
            .iter()
            .map(|p| Participant {
                actor: Actor {
                    name: p.name.clone(),
                    kind: p.kind,
                    country: p.country.clone(),
                    roles: vec![],
                },
                role: p.role,
            })
            .collect(),
        location: row.location.clone(),
        name: row.name.clone(),
        evidence: row.evidence.clone(),
        trigger: row.trigger,
        confidence: row.confidence,
    };
    EventRecord::from_event(&row.doc, &event)
}

fn events_table(out: &mut dyn Write, rows: &[EventRow]) -> std::io::Result<()> {
    for r in rows {
        let sources = if r.sources > 1 { format!("  [{} sources]", r.sources) } else { String::new() };
        let edited = if r.edited { "  (edited)" } else { "" };
        writeln!(out, "{:>6}  {}{sources}{edited}", r.id, row(&record(r)))?;
    }
    Ok(())
}

fn events_jsonl(out: &mut dyn Write, rows: &[EventRow]) -> std::io::Result<()> {
    for r in rows {
        writeln!(out, "{}", serde_json::to_string(&record(r))?)?;
    }
    Ok(())
}

fn events_csv(out: &mut dyn Write, rows: &[EventRow]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "type",
        "status",
        "start",
        "end",
        "precision",
        "participants",
        "place",
        "country",
        "name",
        "doc",
        "sources",
    ])?;
    for r in rows {
        let rec = record(r);
        let loc = rec.location.clone();
        let cells = [
            r.id.to_string(),
            rec.kind,
            rec.status,
            rec.start.unwrap_or_default(),
            rec.end.unwrap_or_default(),
            rec.precision.unwrap_or_default(),
            rec.participants.join("; "),
            loc.as_ref().and_then(|l| l.place.clone()).unwrap_or_default(),
            loc.and_then(|l| l.country).unwrap_or_default(),
            rec.name.unwrap_or_default(),
            rec.doc,
            r.sources.to_string(),
        ];
        // A document named "=HYPERLINK(...)" is text in a spreadsheet, not a formula.
        w.write_record(cells.iter().map(|c| dateline::data_export::spreadsheet_safe(c).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

/// What a reader says on stderr while an import runs beside it (or after one was stopped): its
/// merged events are the ones from before that import.
pub const STALE_NOTE: &str = "note: the merged events are being rebuilt (an import is running, or one was stopped): \
     these are the ones from before it";

/// Prints [`STALE_NOTE`] when `ws`'s merged events are stale.
pub fn note_if_stale(ws: &dateline::Workspace) -> anyhow::Result<()> {
    if ws.merged_stale()? {
        eprintln!("{STALE_NOTE}");
    }
    Ok(())
}

#[cfg(test)]
mod terminal_tests {
    #[test]
    fn control_characters_never_reach_the_terminal_raw() {
        assert_eq!(super::terminal_safe("a.txt"), "a.txt");
        assert_eq!(super::terminal_safe("\u{1b}[2Jx\r.txt"), "\\u{1b}[2Jx\\u{d}.txt");
    }
}
