//! Event extraction by phenomenon: each case is a short text in our own words, its publication
//! date, and every event it must yield, one line each as
//! `kind status start..end participants @ place, country` (the order of extraction).

use chrono::NaiveDate;
use dateline_extract::extract_text;
use dateline_model::Event;

fn line(e: &Event) -> String {
    let when = e.date.map_or("undated".to_string(), |d| format!("{}..{}", d.start, d.end));
    let place = e
        .location
        .as_ref()
        .map(|l| {
            [l.place.as_deref(), l.country.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ")
        })
        .filter(|s| !s.is_empty())
        .map_or(String::new(), |p| format!(" @ {p}"));
    format!("{} {} {} {}{place}", e.kind.as_str(), e.status.as_str(), when, e.participant_names().join(", "))
}

const CASES: &[(&str, &str, &[&str])] = &[
    // A call readout: the weekday dates it, the past tense makes it occurred.
    (
        "Foreign Minister Ines Varga spoke by phone on Tuesday with Foreign Minister Tomas Lind of Sweden.",
        "2024-03-14",
        &["call occurred 2024-03-12..2024-03-12 Ines Varga, Tomas Lind"],
    ),
    // Two consecutive days are one stretch.
    (
        "Deputy Secretary Ruth Marlow will travel to Rabat, Morocco on May 11 and 12, where she will meet with Foreign Minister Karim Bennani.",
        "2024-05-01",
        &[
            "meeting planned 2024-05-11..2024-05-12 Ruth Marlow, Karim Bennani @ Rabat, Morocco",
            "visit planned 2024-05-11..2024-05-12 Ruth Marlow, Karim Bennani @ Rabat, Morocco",
        ],
    ),
    // A relative clause about an earlier session does not date the relaunched dialogue.
    (
        "The United States and Chile relaunched the U.S.-Chile Strategic Dialogue, which last met in 2016, to widen cooperation.",
        "2024-06-30",
        &["conference occurred undated United States, Chile"],
    ),
    // On a trip, each counterpart was met in their own country when the sentence names no place.
    (
        "Special Envoy Mark Feld traveled to Lima, Peru and Quito, Ecuador from June 3 to 6.\n\nThe envoy met with Peruvian Foreign Minister Rosa Campos and with Ecuadorian President Luis Mora.",
        "2024-06-08",
        &[
            "visit occurred 2024-06-03..2024-06-06 Mark Feld, Rosa Campos @ Lima, Peru",
            "visit occurred 2024-06-03..2024-06-06 Mark Feld, Luis Mora @ Quito, Ecuador",
            "meeting occurred 2024-06-03..2024-06-06 Mark Feld, Rosa Campos @ Lima, Peru",
            "meeting occurred 2024-06-03..2024-06-06 Mark Feld, Luis Mora @ Quito, Ecuador",
        ],
    ),
];

#[test]
fn events_by_phenomenon() {
    let mut failures = Vec::new();
    for &(text, published, expected) in CASES {
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let got: Vec<String> = extract_text(text, published).events.iter().map(line).collect();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        if got_sorted != want {
            failures.push(format!("{text:?}\n  want {want:#?}\n  got  {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}
