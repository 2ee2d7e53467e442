//! CSV (RFC 4180, by the `csv` crate): one row per event, and one per actor in a sibling file.

use super::{ExportActor, ExportEvent};
use crate::{Error, Result};

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

fn finish(w: ::csv::Writer<Vec<u8>>) -> Result<String> {
    let bytes = w.into_inner().map_err(|e| Error::Encode(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Encode(e.to_string()))
}

/// `id,kind,status,start,end,precision,label,participants,place,country,sources,documents`:
/// participants and documents joined with "; ", `sources` their count.
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
    ])
    .map_err(enc)?;
    for e in events {
        w.write_record([
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
            e.sources.join("; "),
        ])
        .map_err(enc)?;
    }
    finish(w)
}

/// `id,name,kind,country,events,first,last`.
pub fn actors_csv(actors: &[ExportActor]) -> Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let enc = |e: ::csv::Error| Error::Encode(e.to_string());
    w.write_record(["id", "name", "kind", "country", "events", "first", "last"]).map_err(enc)?;
    for a in actors {
        w.write_record([
            a.id.to_string(),
            a.name.clone(),
            a.kind.as_str().to_string(),
            opt(&a.country),
            a.events.to_string(),
            opt(&a.first),
            opt(&a.last),
        ])
        .map_err(enc)?;
    }
    finish(w)
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
        assert_eq!((&rows[1][10], &rows[1][11]), ("2", "a.txt; b;c.html"));
        assert_eq!((&rows[2][3], &rows[2][5]), ("", ""), "undated: empty cells");
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
