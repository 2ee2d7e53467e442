//! iCalendar (RFC 5545): one all-day VEVENT per dated event. Opens in any calendar program.
//! An event known only to the month or year spans that month or year, and says so in its
//! summary ("(some time in 2021)"), is transparent (it does not mark the time busy) and carries
//! `X-DATELINE-PRECISION`: a calendar shows no year-long entry that looks like a fact.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use dateline_model::{Precision, Status};

use super::ExportEvent;

/// Content lines may be at most 75 octets, CRLF excluded (RFC 5545 §3.1).
const MAX_LINE: usize = 75;

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets on UTF-8 boundaries (continuation lines
/// start with a space), ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut limit = MAX_LINE;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Never end a physical line with white space: some parsers (the `ical` crate among
        // them) trim it before unfolding. Spaces are one byte, so `cut` stays a boundary.
        let trimmed = rest[..cut].trim_end_matches([' ', '\t']).len();
        if trimmed > limit / 2 {
            cut = trimmed;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX_LINE - 1;
    }
}

/// A URI value is not TEXT (no escaping): drop what cannot be in one line of it.
fn uri(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect()
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// "(some time in June 2021)": the marker of a date known only coarsely; `None` for days.
fn vagueness(start: NaiveDate, precision: Precision) -> Option<String> {
    let when = match precision {
        Precision::Day => return None,
        Precision::Week => format!("the week of {}", start.format("%-d %B %Y")),
        Precision::Month => start.format("%B %Y").to_string(),
        Precision::Quarter => format!("Q{} {}", start.month0() / 3 + 1, start.year()),
        Precision::Year => start.year().to_string(),
        Precision::Decade => format!("the {}s", start.year()),
        Precision::Century => format!("the {}s", start.year()),
    };
    Some(format!("(some time in {when})"))
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Occurred => "CONFIRMED",
        Status::Planned | Status::Postponed => "TENTATIVE",
        Status::Cancelled => "CANCELLED",
    }
}

/// The calendar; `now` is the DTSTAMP of every entry (the export time, passed in). Undated
/// events are left out.
pub fn ics(events: &[ExportEvent], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Dateline//Dateline//EN", "CALSCALE:GREGORIAN"] {
        line(&mut out, l);
    }
    for e in events {
        let (Some(start), Some(end)) = (e.start, e.end) else { continue };
        // DTEND of an all-day event is exclusive.
        let after = end.checked_add_days(Days::new(1)).unwrap_or(end);
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:event-{}@dateline", e.id));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(start)));
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(after)));
        let precision = e.precision.unwrap_or(Precision::Day);
        let summary = match vagueness(start, precision) {
            Some(marker) => format!("{} {marker}", e.label),
            None => e.label.clone(),
        };
        line(&mut out, &format!("SUMMARY:{}", text(&summary)));
        let place: Vec<&str> = [e.place.as_deref(), e.country.as_deref()].into_iter().flatten().collect();
        if !place.is_empty() {
            line(&mut out, &format!("LOCATION:{}", text(&place.join(", "))));
        }
        let who: Vec<String> =
            e.participants.iter().map(|p| format!("{} ({})", p.name, p.role.as_str())).collect();
        let mut description = format!("{} ({})", e.kind.as_str(), e.status.as_str());
        if !who.is_empty() {
            description.push_str(&format!("\nParticipants: {}", who.join(", ")));
        }
        if precision != Precision::Day {
            description.push_str(&format!("\nDate precision: {}", precision.as_str()));
        }
        for s in &e.sources {
            let title = s.title.as_deref().unwrap_or(&s.doc);
            description.push_str(&format!("\nSource: {title}"));
            if let Some(url) = &s.url {
                description.push_str(&format!(" <{url}>"));
            }
            if !s.evidence.is_empty() {
                description.push_str(&format!("\n  “{}”", s.evidence));
            }
        }
        line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
        if let Some(url) = e.sources.iter().find_map(|s| s.url.as_deref()) {
            line(&mut out, &format!("URL;VALUE=URI:{}", uri(url)));
        }
        line(&mut out, &format!("CATEGORIES:{}", e.kind.as_str().to_ascii_uppercase()));
        line(&mut out, &format!("STATUS:{}", status(e.status)));
        if precision != Precision::Day {
            line(&mut out, "TRANSP:TRANSPARENT");
            line(&mut out, &format!("X-DATELINE-PRECISION:{}", precision.as_str()));
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-30T04:05:06Z").expect("time").to_utc()
    }

    /// RFC 5545 TEXT unescaping, for the round trip.
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(c) => out.push(c),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn lines_are_crlf_and_folded_within_75_octets() {
        let cal = ics(&fixtures::events(), now());
        assert!(cal.ends_with("END:VCALENDAR\r\n"));
        for l in cal.split("\r\n") {
            assert!(l.len() <= MAX_LINE, "{} octets: {l:?}", l.len());
            assert!(!l.contains('\n') && !l.contains('\r'));
        }
        assert!(cal.contains("\r\n "), "the long summary is folded");
    }

    #[test]
    fn folding_never_splits_a_character() {
        for n in 60..80 {
            let mut out = String::new();
            let content = format!("SUMMARY:{}", "é東 ".repeat(n));
            line(&mut out, &content);
            let unfolded = out.replace("\r\n ", "");
            assert_eq!(unfolded, format!("{content}\r\n"));
            let lines: Vec<&str> = out.split("\r\n").collect();
            assert!(lines[..lines.len() - 2].iter().all(|l| !l.ends_with(' ')), "{lines:?}");
            assert!(out.split("\r\n").all(|l| l.len() <= MAX_LINE));
        }
    }

    #[test]
    fn parses_back_with_a_real_parser() {
        let events = fixtures::events();
        let cal = ics(&events, now());
        let mut parser = ical::IcalParser::new(cal.as_bytes());
        let parsed = parser.next().expect("one calendar").expect("valid calendar");
        assert!(parser.next().is_none());
        let prop = |props: &[ical::property::Property], name: &str| {
            props.iter().find(|p| p.name == name).and_then(|p| p.value.clone())
        };
        assert_eq!(prop(&parsed.properties, "VERSION").as_deref(), Some("2.0"));
        assert!(prop(&parsed.properties, "PRODID").is_some());
        assert_eq!(parsed.events.len(), 2, "the undated event is left out");

        let call = &parsed.events[0].properties;
        assert_eq!(prop(call, "UID").as_deref(), Some("event-1@dateline"));
        assert_eq!(prop(call, "DTSTAMP").as_deref(), Some("20261130T040506Z"));
        assert_eq!(prop(call, "DTSTART").as_deref(), Some("20210521"));
        assert_eq!(prop(call, "DTEND").as_deref(), Some("20210522"), "exclusive end");
        assert_eq!(prop(call, "STATUS").as_deref(), Some("CONFIRMED"));
        let dtstart = call.iter().find(|p| p.name == "DTSTART").expect("DTSTART");
        assert_eq!(dtstart.params, Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])]));

        let conference = &parsed.events[1].properties;
        assert_eq!(prop(conference, "DTEND").as_deref(), Some("20230701"));
        assert_eq!(prop(conference, "STATUS").as_deref(), Some("TENTATIVE"));
        assert_eq!(
            unescape(&prop(conference, "SUMMARY").expect("summary")),
            format!("{} (some time in June 2023)", events[1].label)
        );
        assert_eq!(unescape(&prop(conference, "LOCATION").expect("location")), "Brussels, \"HQ\", Belgium");
        let description = unescape(&prop(conference, "DESCRIPTION").expect("description"));
        assert!(description.contains("Source: a.txt\n  “Ministers will meet"), "{description}");
        assert!(
            description
                .contains("Source: Talks, \"A; B\" & <i>C</i> <https://example.org/talks?a=1&b=\"2\">"),
            "{description}"
        );
        assert_eq!(prop(conference, "URL").as_deref(), Some("https://example.org/talks?a=1&b=\"2\""));
    }

    #[test]
    fn a_coarse_date_says_so() {
        let events = fixtures::events();
        let cal = ics(&events, now());
        let mut parser = ical::IcalParser::new(cal.as_bytes());
        let parsed = parser.next().expect("one calendar").expect("valid calendar");
        let prop = |props: &[ical::property::Property], name: &str| {
            props.iter().find(|p| p.name == name).and_then(|p| p.value.clone())
        };
        // June 2023 at month precision: the month, marked as such, not busy.
        let month = &parsed.events[1].properties;
        let summary = unescape(&prop(month, "SUMMARY").expect("summary"));
        assert!(summary.ends_with(" (some time in June 2023)"), "{summary}");
        assert_eq!(prop(month, "TRANSP").as_deref(), Some("TRANSPARENT"));
        assert_eq!(prop(month, "X-DATELINE-PRECISION").as_deref(), Some("month"));
        // A day is a day.
        let day = &parsed.events[0].properties;
        assert_eq!(prop(day, "TRANSP"), None);
        assert!(!unescape(&prop(day, "SUMMARY").expect("summary")).contains("some time"));

        let d = NaiveDate::from_ymd_opt(2021, 1, 1).expect("date");
        let cases = [
            (Precision::Year, Some("(some time in 2021)")),
            (Precision::Quarter, Some("(some time in Q1 2021)")),
            (Precision::Week, Some("(some time in the week of 1 January 2021)")),
            (Precision::Day, None),
        ];
        for (p, want) in cases {
            assert_eq!(vagueness(d, p).as_deref(), want, "{p:?}");
        }
    }

    #[test]
    fn one_event_exactly() {
        let cal = ics(&fixtures::events()[..1], now());
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Dateline//Dateline//EN",
            "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            "UID:event-1@dateline",
            "DTSTAMP:20261130T040506Z",
            "DTSTART;VALUE=DATE:20210521",
            "DTEND;VALUE=DATE:20210522",
            "SUMMARY:Blinken – Çavuşoğlu call",
            "DESCRIPTION:call (occurred)\\nParticipants: Antony Blinken (initiator)\\, Mev",
            " lüt Çavuşoğlu (counterpart)\\nSource: Secretary Blinken’s Call with T",
            " urkish Foreign Minister Çavuşoğlu <https://www.state.gov/secretary-blin",
            " kens-call-with-turkish-foreign-minister-cavusoglu/>\\n  “Secretary Blinke",
            " n spoke with Turkish Foreign Minister Mevlüt Çavuşoğlu today.”",
            "URL;VALUE=URI:https://www.state.gov/secretary-blinkens-call-with-turkish-fo",
            " reign-minister-cavusoglu/",
            "CATEGORIES:CALL",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ];
        assert_eq!(cal.split("\r\n").collect::<Vec<_>>(), expected);
    }

    #[test]
    fn text_escaping() {
        assert_eq!(text("a\\b;c,d\ne\r\n"), "a\\\\b\\;c\\,d\\ne\\n");
        let mut with_cancelled = fixtures::events();
        with_cancelled[0].status = Status::Cancelled;
        assert!(ics(&with_cancelled, now()).contains("STATUS:CANCELLED\r\n"));
    }
}
