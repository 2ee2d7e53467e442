//! TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html): a title slide and one slide
//! per dated event, with its sources (linked titles and their evidence sentences), so the file
//! stands alone. TimelineJS renders `text` as HTML, so article-derived strings are escaped, and
//! only `http(s)` links are made. The title slide counts the slides the file holds.

use chrono::{Datelike, NaiveDate};
use dateline_model::Precision;
use serde::Serialize;

use super::ExportEvent;
use crate::{Error, Result};

#[derive(Debug, Serialize, PartialEq, Eq)]
struct TlDate {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

#[derive(Debug, Serialize)]
struct TlText {
    headline: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct TlSlide {
    start_date: TlDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TlDate>,
    text: TlText,
    group: String,
    unique_id: String,
}

#[derive(Debug, Serialize)]
struct TlTitle {
    text: TlText,
}

#[derive(Debug, Serialize)]
struct Timeline {
    title: TlTitle,
    events: Vec<TlSlide>,
}

/// A link TimelineJS may open: `http:` or `https:` (never `javascript:` or `data:`).
fn is_web(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_control)
}

/// `<`, `>`, `&` and quotes as entities (the one XML escaper: its output is valid HTML too).
fn html(s: &str) -> String {
    dateline_render::xml::escape(s)
}

/// A date to the precision the text gave: a month-precise event has no day, a year-precise
/// one neither month nor day.
fn tl_date(d: NaiveDate, precision: Precision) -> TlDate {
    let (month, day) = match precision {
        Precision::Day | Precision::Week => (Some(d.month()), Some(d.day())),
        Precision::Month | Precision::Quarter => (Some(d.month()), None),
        Precision::Year | Precision::Decade | Precision::Century => (None, None),
    };
    TlDate { year: d.year(), month, day }
}

fn slide(e: &ExportEvent) -> Option<TlSlide> {
    let (start, end) = (e.start?, e.end?);
    let precision = e.precision.unwrap_or(Precision::Day);
    let start_date = tl_date(start, precision);
    let end_date = Some(tl_date(end, precision)).filter(|d| *d != start_date);
    let mut text = format!("<p>{} ({})</p>", html(e.kind.as_str()), html(e.status.as_str()));
    if !e.participants.is_empty() {
        let who: Vec<String> = e.participants.iter().map(|p| html(&p.name)).collect();
        text.push_str(&format!("<p>Participants: {}</p>", who.join(", ")));
    }
    let place: Vec<&str> = [e.place.as_deref(), e.country.as_deref()].into_iter().flatten().collect();
    if !place.is_empty() {
        text.push_str(&format!("<p>Place: {}</p>", html(&place.join(", "))));
    }
    for s in &e.sources {
        let title = html(s.title.as_deref().unwrap_or(&s.doc));
        let title = match s.url.as_deref().filter(|u| is_web(u)) {
            Some(url) => format!("<a href=\"{}\">{title}</a>", html(url)),
            None => title,
        };
        let outlet = s.outlet.as_deref().map(|o| format!(" ({})", html(o))).unwrap_or_default();
        text.push_str(&format!("<p>Source: {title}{outlet}</p>"));
        if !s.evidence.is_empty() {
            text.push_str(&format!("<blockquote>{}</blockquote>", html(&s.evidence)));
        }
    }
    Some(TlSlide {
        start_date,
        end_date,
        text: TlText { headline: html(&e.label), text },
        group: e.kind.as_str().to_string(),
        unique_id: format!("event-{}", e.id),
    })
}

/// The timeline document; undated events are left out. The title slide says how many events
/// (slides) it holds and from how many articles.
pub fn timelinejs(events: &[ExportEvent], title: &str) -> Result<String> {
    let dated: Vec<&ExportEvent> = events.iter().filter(|e| e.start.is_some() && e.end.is_some()).collect();
    let articles: std::collections::HashSet<&str> =
        dated.iter().flat_map(|e| e.sources.iter().map(|s| s.doc.as_str())).collect();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let subtitle = format!(
        "{} from {}",
        plural(dated.len(), "event", "events"),
        plural(articles.len(), "article", "articles")
    );
    let timeline = Timeline {
        title: TlTitle { text: TlText { headline: html(title), text: html(&subtitle) } },
        events: dated.into_iter().filter_map(slide).collect(),
    };
    let mut out = serde_json::to_string_pretty(&timeline).map_err(|e| Error::Encode(e.to_string()))?;
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn parses_back_with_the_required_fields() {
        let text = timelinejs(&fixtures::events(), "Diplomatic <timeline>").expect("json");
        let v: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(v["title"]["text"]["headline"], "Diplomatic &lt;timeline&gt;");
        assert_eq!(v["title"]["text"]["text"], "2 events from 3 articles", "the slides it holds");
        let events = v["events"].as_array().expect("events");
        assert_eq!(events.len(), 2, "the undated event is left out");
        for e in events {
            assert!(e["start_date"]["year"].is_number());
            assert!(e["text"]["headline"].is_string() && e["text"]["text"].is_string());
            assert!(e["unique_id"].as_str().expect("id").starts_with("event-"));
            assert!(e["group"].is_string());
        }
        let day = &events[0];
        assert_eq!(day["start_date"], serde_json::json!({"year": 2021, "month": 5, "day": 21}));
        assert!(day.get("end_date").is_none(), "one day: no end date");
        let month = &events[1];
        assert_eq!(month["start_date"], serde_json::json!({"year": 2023, "month": 6}));
        assert!(month.get("end_date").is_none(), "June 2023 to June 2023 at month precision");
        let headline = month["text"]["headline"].as_str().expect("headline");
        assert!(
            headline.contains("&lt;b&gt;&amp; more&lt;/b&gt;") && !headline.contains("<b>"),
            "{headline}"
        );
        let body = month["text"]["text"].as_str().expect("text");
        assert!(body.contains("Brussels, &quot;HQ&quot;, Belgium"), "{body}");
        // Sources: linked titles (escaped), the document when untitled, evidence quoted.
        assert!(
            body.contains(
                "<p>Source: <a href=\"https://example.org/talks?a=1&amp;b=&quot;2&quot;\">Talks, &quot;A; B&quot; &amp; &lt;i&gt;C&lt;/i&gt;</a> (State Department)</p>"
            ),
            "{body}"
        );
        assert!(body.contains("<p>Source: a.txt (State Department)</p>"), "{body}");
        assert!(
            body.contains("<blockquote>Ministers will meet in Brussels in June, &quot;to talk&quot;; &lt;b&gt;more&lt;/b&gt;.</blockquote>"),
            "{body}"
        );
        let call = events[0]["text"]["text"].as_str().expect("text");
        assert!(call.contains("<a href=\"https://www.state.gov/secretary-blinkens-call"), "{call}");
    }

    #[test]
    fn only_web_links() {
        assert!(is_web("https://www.state.gov/x") && is_web("HTTP://a.b/"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            " javascript:x",
            "file:///etc/passwd",
            "https://a\n.b",
        ] {
            assert!(!is_web(bad), "{bad}");
        }
        let mut events = fixtures::events();
        events[0].sources[0].url = Some("javascript:alert(1)".into());
        let text = timelinejs(&events, "t").expect("json");
        assert!(!text.contains("javascript:"), "{text}");
    }

    #[test]
    fn coarse_dates_drop_what_they_do_not_know() {
        let d = NaiveDate::from_ymd_opt(2020, 4, 1).expect("date");
        assert_eq!(tl_date(d, Precision::Year), TlDate { year: 2020, month: None, day: None });
        assert_eq!(tl_date(d, Precision::Quarter), TlDate { year: 2020, month: Some(4), day: None });
        assert_eq!(tl_date(d, Precision::Week), TlDate { year: 2020, month: Some(4), day: Some(1) });
    }
}
