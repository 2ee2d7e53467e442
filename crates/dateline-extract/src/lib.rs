//! From an article's text to dated diplomatic events. Pure: no I/O, no clock, no time zone.
//!
//! The stages, in order:
//! 1. [`segment`]: paragraphs and sentences, as byte spans;
//! 2. [`time`] and [`actors`]: temporal expressions resolved against the publication date;
//!    people, countries, cities and organisations;
//! 3. [`events`]: triggers, participants, place, date and status, merged within the article.

pub mod actors;
pub mod events;
pub mod segment;
pub mod time;

use dateline_model::{Article, Event, Span};

/// Everything extraction found in one article, with the intermediate tags for inspection.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub sentences: Vec<Span>,
    pub times: Vec<time::TimeExpr>,
    pub mentions: Vec<actors::Mention>,
    pub events: Vec<Event>,
}

/// Runs every stage over one article.
pub fn extract(article: &Article) -> Extraction {
    let headline = article
        .title
        .as_deref()
        .filter(|t| !t.is_empty() && article.text.starts_with(t))
        .map(|t| Span::new(0, t.len()));
    let outlet_country = article.outlet.as_deref().and_then(actors::outlet_country);
    extract_with(&article.text, article.published, headline, outlet_country.as_deref())
}

/// Runs every stage over a text published on `published`.
pub fn extract_text(text: &str, published: Option<chrono::NaiveDate>) -> Extraction {
    extract_with(text, published, None, None)
}

/// Runs every stage over an article made of a headline and its body (paragraphs separated by
/// blank lines), as ingest lays one out: the headline's events carry no tense of their own. Spans
/// point into `format!("{headline}\n\n{body}")`.
pub fn extract_titled(headline: &str, body: &str, published: Option<chrono::NaiveDate>) -> Extraction {
    extract_titled_from(headline, body, published, None)
}

/// [`extract_titled`] for an article from the publisher `outlet` ("Official website of the
/// President of Ukraine"): a government's website speaks for its country, so "our country" in its
/// narration is that country.
pub fn extract_titled_from(
    headline: &str,
    body: &str,
    published: Option<chrono::NaiveDate>,
    outlet: Option<&str>,
) -> Extraction {
    let text = format!("{headline}\n\n{body}");
    let country = outlet.and_then(actors::outlet_country);
    extract_with(&text, published, Some(Span::new(0, headline.len())), country.as_deref())
}

fn extract_with(
    text: &str,
    published: Option<chrono::NaiveDate>,
    headline: Option<Span>,
    outlet_country: Option<&str>,
) -> Extraction {
    let sentences: Vec<Span> = segment::paragraphs(text).into_iter().flat_map(|p| p.sentences).collect();
    let mut times = time::tag(text, published);
    // The event stage looks times up by position (`starting_in`).
    times.sort_by_key(|t| t.span.start);
    let (mentions, cast) = actors::mentions_and_cast(text);
    let breaks = segment::Breaks::new(text);
    let speaker_labels = events::speaker_labels(text, &mentions, &breaks);
    let events = events::extract_events(&events::Tagged {
        text,
        published,
        sentences: &sentences,
        times: &times,
        mentions: &mentions,
        cast: &cast,
        headline,
        breaks: &breaks,
        speaker_labels: &speaker_labels,
        outlet_country,
    });
    Extraction { sentences, times, mentions, events }
}

/// The items of `items` (sorted by where they start) that start inside `region`, found by binary
/// search: the stages look things up per sentence and clause, and a scan of the whole article's
/// list each time made extraction quadratic in the article's length (a 1 MB text took 33 s).
pub(crate) fn starting_in<T>(items: &[T], region: Span, span: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|x| span(x).start < region.start);
    let to = from + items[from..].partition_point(|x| span(x).start <= region.end);
    &items[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn starting_in_finds_what_starts_in_a_region() {
        let spans = [Span::new(0, 2), Span::new(3, 5), Span::new(3, 9), Span::new(7, 8), Span::new(10, 12)];
        assert_eq!(starting_in(&spans, Span::new(3, 8), |s| *s), &spans[1..4]);
        assert_eq!(starting_in(&spans, Span::new(12, 20), |s| *s), &[] as &[Span]);
        assert_eq!(starting_in(&spans, Span::new(0, 0), |s| *s), &spans[..1]);
    }
    use dateline_model::{EventKind, Status};

    #[test]
    fn a_call_readout_gives_one_dated_call() {
        let text = "Secretary Marlow's Call with Turkish Foreign Minister Demir\n\n\
            Secretary of State Ruth Marlow spoke today with Turkish Foreign Minister Selim Demir about the flooding.";
        let x = extract_text(text, NaiveDate::from_ymd_opt(2021, 5, 21));
        let calls: Vec<&Event> = x.events.iter().filter(|e| e.kind == EventKind::Call).collect();
        assert_eq!(calls.len(), 1, "{:#?}", x.events);
        let call = calls[0];
        assert_eq!(call.status, Status::Occurred);
        assert_eq!(call.participant_names(), ["Ruth Marlow", "Selim Demir"]);
        assert_eq!(call.date.map(|d| d.start.to_string()), Some("2021-05-21".into()));
        assert!(call.location.is_none());
    }

    #[test]
    fn a_planned_trip_gives_one_visit_per_country() {
        let text = "Deputy Secretary of State Wendy Sherman will travel to Istanbul and Ankara, Turkey, and Madrid, Spain from March 4 to 11.";
        let x = extract_text(text, NaiveDate::from_ymd_opt(2022, 3, 1));
        let visits: Vec<&Event> = x.events.iter().filter(|e| e.kind == EventKind::Visit).collect();
        assert_eq!(visits.len(), 2, "{:#?}", x.events);
        assert!(visits.iter().all(|v| v.status == Status::Planned));
        let places: Vec<_> = visits.iter().map(|v| v.location.clone().unwrap_or_default()).collect();
        assert_eq!(places[0].country.as_deref(), Some("Turkey"));
        assert_eq!(places[0].place.as_deref(), Some("Istanbul, Ankara"));
        assert_eq!(places[1].country.as_deref(), Some("Spain"));
        let d = visits[0].date.expect("dated");
        assert_eq!((d.start.to_string(), d.end.to_string()), ("2022-03-04".into(), "2022-03-11".into()));
    }
}
