//! The same event told twice in one article is one event with both evidence sentences.
//! Two events are the same when their kind agrees, their people overlap (one set holds the other),
//! their dates are compatible (equal, one unknown, or one inside the other) and so are their
//! countries. Distinct days stay distinct events.

use std::collections::HashSet;

use dateline_model::{ActorKind, Event, Span};

/// Merges within one article. A headline's events ("Envoy Lenderking's Travel to Saudi Arabia")
/// have no tense and no date of their own: they join the body's telling of the same event
/// whatever its status, and stand alone only when the body does not tell it.
pub fn within_article(events: Vec<Event>, headline: Option<Span>) -> Vec<Event> {
    let from_headline = |e: &Event| headline.is_some_and(|h| e.evidence.iter().all(|s| h.contains(*s)));
    let (titles, body): (Vec<Event>, Vec<Event>) = events.into_iter().partition(|e| from_headline(e));
    let mut out: Vec<Event> = Vec::new();
    // The evidence each kept event has, to add a span in constant time: an article that tells
    // one event thousands of times gave it thousands of spans, each checked against all others.
    let mut spans: Vec<HashSet<Span>> = Vec::new();
    for e in body {
        match out.iter().position(|o| same_event(o, &e)) {
            Some(i) => absorb(&mut out[i], &mut spans[i], e),
            None => {
                spans.push(e.evidence.iter().copied().collect());
                out.push(e);
            }
        }
    }
    for e in titles {
        let same = out.iter().position(|o| {
            let mut probe = e.clone();
            probe.status = o.status;
            same_event(o, &probe)
        });
        match same {
            Some(i) => absorb(&mut out[i], &mut spans[i], e),
            None => {
                spans.push(e.evidence.iter().copied().collect());
                out.push(e);
            }
        }
    }
    out
}

fn same_event(a: &Event, b: &Event) -> bool {
    let both_named = a.name.is_some() && b.name.is_some();
    a.kind == b.kind
        && a.status == b.status
        && dates_compatible(a, b)
        && countries_compatible(a, b)
        && names_compatible(a, b)
        // A named gathering is one event whoever the sentence names: the headline's "U.S.-UAE
        // Economic Policy Dialogue" is the body's.
        && (both_named || people_nested(a, b))
}

fn dates_compatible(a: &Event, b: &Event) -> bool {
    match (a.date, b.date) {
        (Some(x), Some(y)) => x == y || x.contains(&y) || y.contains(&x),
        _ => true,
    }
}

fn countries_compatible(a: &Event, b: &Event) -> bool {
    let country = |e: &Event| e.location.as_ref().and_then(|l| l.country.clone());
    match (country(a), country(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn names_compatible(a: &Event, b: &Event) -> bool {
    match (&a.name, &b.name) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y) || x.contains(y.as_str()) || y.contains(x.as_str()),
        _ => true,
    }
}

fn people_nested(a: &Event, b: &Event) -> bool {
    let names = |e: &Event| -> Vec<String> {
        e.participants
            .iter()
            .filter(|p| p.actor.kind == ActorKind::Person)
            .map(|p| p.actor.name.clone())
            .collect()
    };
    let (pa, pb) = (names(a), names(b));
    if pa.is_empty() || pb.is_empty() {
        // Gatherings without named people are the same when their names agree.
        return a.name.is_some() && b.name.is_some() && pa.is_empty() && pb.is_empty();
    }
    pa.iter().all(|n| pb.contains(n)) || pb.iter().all(|n| pa.contains(n))
}

/// Folds `e` into `o`: evidence, the more precise date, every participant, the fuller place.
fn absorb(o: &mut Event, spans: &mut HashSet<Span>, e: Event) {
    for span in e.evidence {
        if spans.insert(span) {
            o.evidence.push(span);
        }
    }
    o.date = match (o.date, e.date) {
        (None, d) | (d, None) => d,
        (Some(x), Some(y)) => Some(if y.days() < x.days() { y } else { x }),
    };
    for p in e.participants {
        if !o.participants.iter().any(|q| q.actor.name == p.actor.name) {
            o.participants.push(p);
        }
    }
    match (&mut o.location, e.location) {
        (None, l) => o.location = l,
        (Some(ol), Some(el)) if ol.place.is_none() => ol.place = el.place,
        _ => {}
    }
    if o.name.is_none() {
        o.name = e.name;
    }
    o.confidence = o.confidence.max(e.confidence);
}
