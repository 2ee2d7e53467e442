//! Stage 3: events. Each sentence's triggers ("met with", "will travel to", "Strategic Dialogue")
//! become events whose participants, place, date and status come from the same sentence, with the
//! article's salient person standing in for "the Secretary" and "he".

mod status;
mod triggers;

use std::sync::LazyLock;

use chrono::NaiveDate;
use dateline_model::{
    Actor, ActorKind, DateRange, Event, EventKind, Location, Participant, Role, Span, Status,
};

use crate::actors::{Mention, MentionKind};
use crate::time::TimeExpr;
pub use status::status_of;
pub use triggers::{Trigger, find_triggers};

/// Everything the event stage reads: the text, its sentences, and the tags of stage 2.
#[derive(Debug)]
pub struct Tagged<'a> {
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub sentences: &'a [Span],
    pub times: &'a [TimeExpr],
    pub mentions: &'a [Mention],
}

/// Words that stand for the article's main person when the sentence names nobody.
static ANAPHORS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    vec!["the Secretary", "The Secretary", "He ", "he ", "She ", "she ", "his ", "her ", "His ", "Her "]
});

pub fn extract_events(t: &Tagged<'_>) -> Vec<Event> {
    let salient = salient_person(t.mentions);
    let mut events: Vec<Event> = Vec::new();
    for &sentence in t.sentences {
        let s_text = sentence.slice(t.text);
        let triggers = find_triggers(s_text);
        // One event per kind per sentence: "met ... and held talks" is one meeting.
        let mut seen_kinds: Vec<EventKind> = Vec::new();
        for trig in triggers {
            if seen_kinds.contains(&trig.kind) {
                continue;
            }
            let trigger = Span::new(sentence.start + trig.span.start, sentence.start + trig.span.end);
            let Some(status) = status_of(s_text, trig.span) else { continue };
            let mentions: Vec<&Mention> = t.mentions.iter().filter(|m| sentence.contains(m.span)).collect();
            let date = pick_date(t, sentence, trigger, status);
            let mut produced = build(t, trig.kind, status, date, &mentions, salient, sentence, trigger);
            if !produced.is_empty() {
                seen_kinds.push(trig.kind);
            }
            events.append(&mut produced);
        }
    }
    merge_within_article(events)
}

/// The first person the article names, who "the Secretary" and "he" most often mean.
fn salient_person(mentions: &[Mention]) -> Option<&Mention> {
    mentions.iter().find(|m| m.kind == MentionKind::Person)
}

fn pick_date(t: &Tagged<'_>, sentence: Span, trigger: Span, status: Status) -> Option<DateRange> {
    let in_sentence: Vec<&TimeExpr> =
        t.times.iter().filter(|x| sentence.contains(x.span) && x.range.is_some()).collect();
    // Prefer the expression inside or after the trigger ("met ... on Tuesday"), else the nearest
    // before it.
    let after = in_sentence.iter().filter(|x| x.span.end > trigger.start).min_by_key(|x| x.span.start);
    let before = in_sentence.iter().filter(|x| x.span.end <= trigger.start).max_by_key(|x| x.span.end);
    let _ = status;
    after.or(before).and_then(|x| x.range)
}

#[allow(clippy::too_many_arguments)]
fn build(
    t: &Tagged<'_>,
    kind: EventKind,
    status: Status,
    date: Option<DateRange>,
    mentions: &[&Mention],
    salient: Option<&Mention>,
    sentence: Span,
    trigger: Span,
) -> Vec<Event> {
    let mut participants: Vec<Participant> = Vec::new();
    let mut add = |m: &Mention, role: Role| {
        let Some(kind) = m.kind.actor_kind() else { return };
        if participants.iter().any(|p| p.actor.name == m.name) {
            return;
        }
        let mut actor = Actor::new(m.name.clone(), kind);
        actor.country = m.country.clone();
        actor.roles = m.role.iter().cloned().collect();
        participants.push(Participant { actor, role });
    };
    let people: Vec<&&Mention> = mentions.iter().filter(|m| m.kind == MentionKind::Person).collect();
    let s_text = sentence.slice(t.text);
    let uses_anaphor = ANAPHORS.iter().any(|a| s_text.contains(a));
    let subject_before_trigger = people.iter().any(|m| m.span.end <= trigger.start);
    if !subject_before_trigger
        && uses_anaphor
        && let Some(s) = salient
    {
        add(s, Role::Initiator);
    }
    for m in &people {
        let role = if m.span.end <= trigger.start { Role::Initiator } else { Role::Counterpart };
        add(m, role);
    }
    let places: Vec<&&Mention> = mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::City | MentionKind::Country))
        .filter(|m| m.span.start >= trigger.end)
        .collect();
    let orgs: Vec<&&Mention> = mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::Organization | MentionKind::Group))
        .collect();
    let evidence = vec![sentence];
    let confidence = if date.is_some() { 0.8 } else { 0.5 };
    let make = |participants: Vec<Participant>, location: Option<Location>, name: Option<String>| Event {
        kind,
        status,
        date,
        participants,
        location,
        name,
        evidence: evidence.clone(),
        trigger,
        confidence,
    };
    match kind {
        EventKind::Visit => {
            // One visit per destination country, with that country's cities as the place.
            let mut countries: Vec<(String, Vec<String>)> = Vec::new();
            for p in &places {
                let Some(country) = p.country.clone() else { continue };
                let entry = match countries.iter_mut().find(|(c, _)| *c == country) {
                    Some(e) => e,
                    None => {
                        countries.push((country, Vec::new()));
                        countries.last_mut().expect("just pushed")
                    }
                };
                if p.kind == MentionKind::City && !entry.1.contains(&p.name) {
                    entry.1.push(p.name.clone());
                }
            }
            if participants.is_empty() {
                return Vec::new();
            }
            let own = participants[0].actor.country.clone();
            countries
                .into_iter()
                .filter(|(c, _)| Some(c) != own.as_ref())
                .map(|(country, cities)| {
                    let place = (!cities.is_empty()).then(|| cities.join(", "));
                    make(participants.clone(), Some(Location { place, country: Some(country) }), None)
                })
                .collect()
        }
        EventKind::Meeting | EventKind::Call => {
            for o in &orgs {
                if o.span.start >= trigger.end {
                    add(o, Role::Counterpart);
                }
            }
            if participants.len() < 2 && !(kind == EventKind::Meeting && !participants.is_empty()) {
                return Vec::new();
            }
            let location = (kind == EventKind::Meeting).then(|| location_from(&places)).flatten();
            let location = if kind == EventKind::Call { None } else { location };
            vec![make(participants, location, None)]
        }
        EventKind::Conference => {
            for o in &orgs {
                add(o, Role::Attendee);
            }
            if participants.is_empty() {
                return Vec::new();
            }
            let name = conference_name(s_text, trigger.start - sentence.start, trigger.end - sentence.start);
            vec![make(participants, location_from(&places), name)]
        }
    }
}

fn location_from(places: &[&&Mention]) -> Option<Location> {
    let city = places.iter().find(|m| m.kind == MentionKind::City);
    let country = places.iter().find(|m| m.kind == MentionKind::Country);
    match (city, country) {
        (Some(c), _) => Some(Location { place: Some(c.name.clone()), country: c.country.clone() }),
        (None, Some(c)) => Some(Location { place: None, country: Some(c.name.clone()) }),
        (None, None) => None,
    }
}

/// A conference's own name: the capitalised words before its head noun, "the Seventh
/// U.S.-Thailand Strategic Dialogue".
fn conference_name(sentence: &str, trig_start: usize, trig_end: usize) -> Option<String> {
    let head = &sentence[trig_start..trig_end];
    if !head.starts_with(char::is_uppercase) {
        return None;
    }
    let before = &sentence[..trig_start];
    let mut start = trig_start;
    for word in before.split_inclusive(' ').rev() {
        let w = word.trim();
        if w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) && !w.ends_with(',') {
            start -= word.len();
        } else {
            break;
        }
    }
    let name = sentence[start..trig_end].trim();
    Some(name.to_string())
}

/// The same event told twice in one article is one event with both evidence spans.
fn merge_within_article(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let same = out.iter_mut().find(|o| {
            o.kind == e.kind
                && o.status == e.status
                && (o.date == e.date || e.date.is_none() || o.date.is_none())
                && o.location.as_ref().and_then(|l| l.country.as_ref())
                    == e.location.as_ref().and_then(|l| l.country.as_ref())
                && same_people(o, &e)
        });
        match same {
            Some(o) => {
                for span in e.evidence {
                    if !o.evidence.contains(&span) {
                        o.evidence.push(span);
                    }
                }
                if o.date.is_none() {
                    o.date = e.date;
                }
                for p in e.participants {
                    if !o.participants.iter().any(|q| q.actor.name == p.actor.name) {
                        o.participants.push(p);
                    }
                }
            }
            None => out.push(e),
        }
    }
    out
}

fn same_people(a: &Event, b: &Event) -> bool {
    let people = |e: &Event| -> Vec<String> {
        let mut v: Vec<String> = e
            .participants
            .iter()
            .filter(|p| p.actor.kind == ActorKind::Person)
            .map(|p| p.actor.name.clone())
            .collect();
        v.sort();
        v
    };
    let (pa, pb) = (people(a), people(b));
    !pa.is_empty() && (pa == pb || pa.iter().all(|n| pb.contains(n)) || pb.iter().all(|n| pa.contains(n)))
}
