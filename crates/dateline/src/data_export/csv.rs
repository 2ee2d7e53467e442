//! CSV (RFC 4180, by the `csv` crate): one row per event, and one per actor in a sibling file.
//! UTF-8 with a byte-order mark: spreadsheets (LibreOffice, Excel) otherwise guess a legacy
//! encoding and show "LÃ³pez" for "López"; CSV readers that know UTF-8 skip the mark.

use super::{ExportActor, ExportEvent, ExportSource};
use crate::{Error, Result};

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// A cell as a spreadsheet will show it, never run it: one that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return is a formula to Excel and LibreOffice (a file named
/// `=HYPERLINK(...).txt` became a live link in the documents column). OWASP's advice: a single
/// quote in front, which the spreadsheet takes as "text" and does not show.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}").into() } else { cell.into() }
}

/// Writes one record, every cell made [`spreadsheet_safe`].
fn record<W: std::io::Write, const N: usize>(w: &mut ::csv::Writer<W>, cells: [String; N]) -> Result<()> {
    w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
        .map_err(|e| Error::Encode(e.to_string()))
}

/// The UTF-8 byte-order mark every CSV file starts with.
pub const BOM: char = '\u{feff}';

fn finish(w: ::csv::Writer<Vec<u8>>) -> Result<String> {
    let bytes = w.into_inner().map_err(|e| Error::Encode(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Encode(e.to_string()))?;
    Ok(format!("{BOM}{text}"))
}

/// One line per source (a cell's lines line up across the source columns).
fn per_source(e: &ExportEvent, f: impl Fn(&ExportSource) -> String) -> String {
    e.sources.iter().map(f).collect::<Vec<_>>().join("\n")
}

/// `id,kind,status,start,end,precision,label,participants,place,country,sources,documents,
/// titles,urls,published,evidence`: participants joined with "; ", `sources` their count; the
/// last five hold one line per source, in the same order (an untitled or URL-less source has an
/// empty line).
pub fn events_csv(events: &[ExportEvent]) -> Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let enc = |e: ::csv::Error| Error::Encode(e.to_string());
    w.write_record([
        "id",
        "kind",
        "status",
        "start",
        "end",
        "precision",
        "label",
        "participants",
        "place",
        "country",
        "sources",
        "documents",
        "titles",
        "urls",
        "published",
        "evidence",
    ])
    .map_err(enc)?;
    for e in events {
        record(
            &mut w,
            [
                e.id.to_string(),
                e.kind.as_str().to_string(),
                e.status.as_str().to_string(),
                opt(&e.start),
                opt(&e.end),
                e.precision.map(|p| p.as_str().to_string()).unwrap_or_default(),
                e.label.clone(),
                e.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("; "),
                opt(&e.place),
                opt(&e.country),
                e.sources.len().to_string(),
                per_source(e, |s| s.doc.clone()),
                per_source(e, |s| one_line(s.title.as_deref().unwrap_or_default())),
                per_source(e, |s| s.url.clone().unwrap_or_default()),
                per_source(e, |s| opt(&s.published)),
                per_source(e, |s| s.evidence.clone()),
            ],
        )?;
    }
    finish(w)
}

/// `id,name,kind,country,events,first,last`.
pub fn actors_csv(actors: &[ExportActor]) -> Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let enc = |e: ::csv::Error| Error::Encode(e.to_string());
    w.write_record(["id", "name", "kind", "country", "events", "first", "last"]).map_err(enc)?;
    for a in actors {
        record(
            &mut w,
            [
                a.id.to_string(),
                a.name.clone(),
                a.kind.as_str().to_string(),
                opt(&a.country),
                a.events.to_string(),
                opt(&a.first),
                opt(&a.last),
            ],
        )?;
    }
    finish(w)
}

#[cfg(test)]
mod injection_tests {
    use super::spreadsheet_safe;

    #[test]
    fn formulas_are_neutralised_and_other_cells_left_alone() {
        for (cell, safe) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Blinken", "Blinken"),
            ("2021-05-21", "2021-05-21"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(cell), safe);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn events_parse_back_field_for_field() {
        let events = fixtures::events();
        let text = events_csv(&events).expect("csv");
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = r.headers().expect("header").iter().map(String::from).collect();
        assert_eq!(header[..7], ["id", "kind", "status", "start", "end", "precision", "label"]);
        let rows: Vec<::csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("records");
        assert_eq!(rows.len(), events.len());
        for (row, e) in rows.iter().zip(&events) {
            assert_eq!(row.len(), header.len());
            assert_eq!(row[0], e.id.to_string());
            assert_eq!(row[6], e.label, "quotes, commas and newlines survive");
            assert_eq!(row[8], e.place.clone().unwrap_or_default());
        }
        assert_eq!(&rows[0][7], "Antony Blinken; Mevlüt Çavuşoğlu");
        assert_eq!((&rows[1][10], &rows[1][11]), ("2", "a.txt\nb;c.html"));
        assert_eq!((&rows[2][3], &rows[2][5]), ("", ""), "undated: empty cells");
        // Each source's title, URL, date and sentence, one line per source.
        let col = |name: &str| header.iter().position(|h| h == name).expect(name);
        let two = &rows[1];
        assert_eq!(two[col("titles")].lines().collect::<Vec<_>>(), ["", "Talks, \"A; B\" & <i>C</i>"]);
        assert_eq!(
            two[col("urls")].lines().collect::<Vec<_>>(),
            ["", "https://example.org/talks?a=1&b=\"2\""]
        );
        assert_eq!(two[col("published")].lines().collect::<Vec<_>>(), ["2021-05-21", "2021-05-21"]);
        assert_eq!(
            two[col("evidence")].lines().collect::<Vec<_>>(),
            [
                "Ministers will meet in Brussels in June, \"to talk\"; <b>more</b>.",
                "The talks are planned for June."
            ]
        );
        assert_eq!(
            &rows[0][col("evidence")],
            "Secretary Blinken spoke with Turkish Foreign Minister Mevlüt Çavuşoğlu today."
        );
    }

    #[test]
    fn starts_with_a_byte_order_mark_that_readers_skip() {
        let events = events_csv(&fixtures::events()).expect("csv");
        let actors = actors_csv(&fixtures::actors()).expect("csv");
        for text in [&events, &actors] {
            assert!(text.as_bytes().starts_with(&[0xef, 0xbb, 0xbf]), "UTF-8 BOM");
            let mut r = ::csv::Reader::from_reader(text.as_bytes());
            assert_eq!(&r.headers().expect("header")[0], "id", "the BOM is not part of the first name");
        }
    }

    #[test]
    fn actors_parse_back() {
        let text = actors_csv(&fixtures::actors()).expect("csv");
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<::csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("records");
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[0].iter().collect::<Vec<_>>(),
            ["10", "Antony Blinken", "person", "", "2", "2021-05-21", "2023-06-30"]
        );
    }
}
