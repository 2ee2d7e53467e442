//! Stage 3: events. Each sentence's triggers ("met with", "will travel to", "Strategic Dialogue")
//! become events whose participants, place, date and status come from the trigger's clause, with
//! two article-level frames filling what a sentence leaves out:
//! - the **cast** (stage 2): "the Secretary" and "he" are the person the article is about;
//! - the **trip**: a travel announcement's stops, each with its country, cities and dates; the
//!   meetings of a stop happen there and then, and each stop becomes one visit whose participants
//!   are the traveller and the people met there.
//!
//! The same event told twice in one article becomes one event with both evidence sentences.

mod clause;
mod context;
mod gathering;
mod lead;
mod meetings;
mod merge;
mod naming;
mod senses;
mod status;
mod triggers;
mod trip;
mod visits;

use chrono::NaiveDate;
use dateline_model::{
    Actor, ActorKind, DateRange, Event, EventKind, Location, Participant, Role, Span, Status,
};

use crate::actors::{Cast, Mention, MentionKind};
use crate::time::{TimeExpr, TimexKind};
use clause::{Regions, opening_subject, regions};
pub(crate) use context::speaker_labels;
use context::*;
use gathering::conference;
use lead::*;
use meetings::*;
pub use naming::gathering_name;
pub use status::status_of;
pub use triggers::{Trigger, find_triggers};
use trip::{Trip, Trips};
use visits::*;

/// Everything the event stage reads: the text, its sentences, and the tags of stage 2.
#[derive(Debug)]
pub struct Tagged<'a> {
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub sentences: &'a [Span],
    pub times: &'a [TimeExpr],
    pub mentions: &'a [Mention],
    pub cast: &'a Cast,
    /// The headline, when the text starts with one: its events carry no tense of their own.
    pub headline: Option<Span>,
    /// The text's paragraph breaks, to find a paragraph's start by binary search.
    pub breaks: &'a crate::segment::Breaks,
    /// The transcript's speaker labels (`speaker_labels`), found once per article.
    pub speaker_labels: &'a [&'a Mention],
    /// The country the publisher speaks for (a government's website), from its name.
    pub outlet_country: Option<&'a str>,
}

/// Lines that are not reporting: promotions, share bars, bylines.
const NOT_REPORTING: &[&str] =
    &["READ NEXT", "READ MORE", "Read more", "RELATED", "Related:", "Share this", "Subscribe", "By "];

/// One extracted event and, for meetings on a trip, the trip stop it belongs to.
struct Found {
    event: Event,
    stop: Option<(usize, String)>,
}

/// An event as the sentence loop tells it apart: evidence, kind, participants.
type SeenKey = (Vec<Span>, EventKind, Vec<String>);

pub fn extract_events(t: &Tagged<'_>) -> Vec<Event> {
    let mut trips = Trips::default();
    let mut found: Vec<Found> = Vec::new();
    // What `found` holds, to look up in constant time (a scan per event was quadratic).
    // The events kept under each key: their index in `found` and their place.
    let mut seen: std::collections::HashMap<SeenKey, Vec<(usize, Option<String>)>> = Default::default();
    // The lead's first meeting: "The President held a meeting on ...", which "Taking part in the
    // meeting were ..." later refers to.
    let lead_end = lead_end(t);
    let mut lead_meeting: Option<LeadMeeting> = None;
    // The events of the sentence before, for "also" ("A also will meet with B").
    let mut previous: Vec<Event> = Vec::new();
    // Whether a gathering has been told, for "the meeting" that refers back to it.
    let mut gathering_told = false;
    for &sentence in t.sentences {
        let s_text = sentence.slice(t.text);
        if NOT_REPORTING.iter().any(|p| s_text.starts_with(p)) {
            continue;
        }
        let triggers = find_triggers(s_text);
        let mut sentence_events: Vec<Found> = Vec::new();
        let mut consumed: Vec<Span> = Vec::new();
        let mut gathering_date: Option<DateRange> = None;
        let gatherings: Vec<Span> = triggers
            .iter()
            .filter(|g| g.kind == EventKind::Conference || gathering::is_named_meeting(s_text, g.span))
            .map(|g| Span::new(sentence.start + g.span.start, sentence.start + g.span.end))
            .collect();
        for &trig in &triggers {
            let trigger = Span::new(sentence.start + trig.span.start, sentence.start + trig.span.end);
            // "took part, via videoconference, in a Meeting of the Council": the mode of the
            // gathering, not a call of its own.
            if trig.kind == EventKind::Call
                && !gatherings.is_empty()
                && trig.span.slice(s_text).to_lowercase().contains("video")
            {
                continue;
            }
            if consumed.iter().any(|c| c.overlaps(trigger)) {
                continue;
            }
            // "had a meeting, via videoconference, with X": one call, told by its mode.
            if trig.kind == EventKind::Meeting
                && triggers.iter().any(|c| {
                    c.kind == EventKind::Call
                        && c.span.start >= trig.span.end
                        && c.span.start - trig.span.end <= 8
                        && s_text[trig.span.end..c.span.start]
                            .trim_matches([',', ' '])
                            .split(' ')
                            .all(|w| w == "via" || w == "by" || w.is_empty())
                })
            {
                continue;
            }
            // "meeting humanitarian needs", "travel restrictions", "visit our website".
            if senses::other_sense(s_text, trig.span) {
                continue;
            }
            // "the 27th Congress of the Universal Postal Union", not "the U.S. Congress".
            if gathering::NAMED_ONLY.contains(&trig.span.slice(s_text).to_lowercase().as_str())
                && !gathering::named_by_complement(s_text, trig.span)
                // "the 58th session of the UN Human Rights Council": a listed body's session.
                && !gathering::of_a_grouping(s_text, trig.span)
            {
                continue;
            }
            let Some(status) = status_of(s_text, trig.span) else { continue };
            let r = regions(t.text, sentence, trigger, trig.kind == EventKind::Visit);
            let cx = Context { t, sentence, trigger, regions: r, status, previous: &previous };
            if lead_meeting.is_none()
                && sentence.end <= lead_end
                && !t.headline.is_some_and(|h| h.contains(sentence))
                && trig.span.slice(s_text).eq_ignore_ascii_case("meeting")
            {
                lead_meeting = Some(LeadMeeting { trigger, date: cx.attached_date(), status });
            }
            // "spoke yesterday with the foreign ministers ... during the U.S.-ASEAN Foreign
            // Ministers' Meeting": the call is the gathering's, told once, on the call's date.
            // "will host A and B for a Trilateral Ministerial Meeting": the hosting is that
            // gathering, told once.
            let hosting =
                trig.kind == EventKind::Meeting && trig.span.slice(s_text).to_lowercase().contains("host");
            // "the ARF Ministerial Meeting hosted by ASEAN Chair Brunei": the gathering's host.
            if hosting
                && gatherings.iter().any(|g| {
                    g.end <= trigger.start
                        && t.text[g.end..trigger.start].trim_matches([' ', ',', ')']).is_empty()
                })
            {
                continue;
            }
            if matches!(trig.kind, EventKind::Call | EventKind::Meeting)
                && gatherings.iter().any(|g| {
                    g.start > trigger.end && {
                        let between = &t.text[trigger.end..g.start];
                        if hosting {
                            between.contains(" for a ") || between.contains(" for the ")
                        } else if trig.kind == EventKind::Meeting {
                            // "met with the foreign ministers of the 26 ARF countries ... at the
                            // ARF Ministerial Meeting": many at once, the gathering itself.
                            let many = [
                                "ministers",
                                "leaders",
                                "counterparts",
                                "officials",
                                "representatives",
                                "delegations",
                                "Ministers",
                                "Leaders",
                            ]
                            .iter()
                            .any(|w| between.split_whitespace().any(|x| x.trim_matches(',') == *w));
                            many && (between.contains(" at the ") || between.contains(" during the "))
                        } else {
                            between.contains(" during ") || between.contains(" at the ")
                        }
                    }
                })
            {
                gathering_date = gathering_date.or(cx.attached_date());
                continue;
            }
            // "the Senior Officials' Meeting", "a Meeting of the Supreme State Council": a meeting
            // with a proper name is a gathering.
            let kind = if trig.kind == EventKind::Meeting && gathering::is_named_meeting(s_text, trig.span) {
                EventKind::Conference
            } else if trig.kind == EventKind::Conference
                && trig.span.slice(s_text).starts_with(char::is_lowercase)
                && gathering_name(s_text, trig.span.start, trig.span.end).is_none()
                && !cx.people_in(cx.regions.object).is_empty()
                && s_text[trig.span.end..].trim_start().starts_with("with ")
            {
                // "held working consultations with State Secretary X": unnamed, with a person.
                EventKind::Meeting
            } else {
                trig.kind
            };

            // "co-hosted with Cambodia the ... Senior Officials' Meeting": a verb of meeting whose
            // object is a gathering, with no person to meet, tells the gathering only.
            if kind == EventKind::Meeting
                && gatherings.iter().any(|g| cx.regions.object.contains(*g))
                && cx.people_in(cx.regions.object).is_empty()
                // "Whitfield and Santoso agreed to meet at the ASEAN summit": two people meet there.
                && cx.people_in(cx.regions.subject).len() < 2
                && meetings::the_two_told_before(&cx).is_none()
            {
                continue;
            }
            // "will attend the G20 Ministerial in Matera. At the meeting, the Secretary will
            // discuss ...": an undated "the meeting" after a gathering is that gathering.
            if kind == EventKind::Meeting
                && gathering_told
                && refers_back(t.text, trigger)
                && cx.attached_date().is_none()
            {
                continue;
            }
            match kind {
                EventKind::Visit => visit(&cx, &mut trips),
                EventKind::Meeting | EventKind::Call => {
                    sentence_events.extend(meeting_or_call(&cx, kind, &trips));
                }
                EventKind::Conference => {
                    if let Some((f, head)) = conference(&cx, &trips) {
                        consumed.push(head);
                        sentence_events.push(f);
                    }
                }
            }
        }
        for f in sentence_events
            .iter_mut()
            .filter(|f| f.event.kind == EventKind::Conference && f.event.date.is_none())
        {
            f.event.date = gathering_date;
        }
        date_by_gathering(t.text, &mut sentence_events);
        also_there(t, &previous, &mut sentence_events);
        gathering_told |= sentence_events.iter().any(|f| f.event.kind == EventKind::Conference);
        previous = sentence_events.iter().map(|f| f.event.clone()).collect();
        update_stop_dates(t, sentence, &mut trips);
        // One event per kind and participant set per sentence: "met ... and held talks" is one;
        // but "met in Geneva and in New York" is two, each with its own city.
        // Of two tellings, the one that says more (a date, a place, a trip stop) is kept: "will
        // host a trilateral meeting with A and B in Honolulu" is the stop's, not an undated one.
        for f in sentence_events {
            let place = f.event.location.as_ref().and_then(|l| l.place.clone());
            let key = (f.event.evidence.clone(), f.event.kind, participant_key(&f.event));
            let kept = seen.entry(key).or_default();
            let apart = place.is_some() && kept.iter().all(|(_, p)| p.is_some() && *p != place);
            if kept.is_empty() || apart {
                kept.push((found.len(), place));
                found.push(f);
            } else if let Some(k) = kept.iter_mut().find(|(i, _)| says_less(&found[*i], &f)) {
                k.1 = place;
                found[k.0] = f;
            }
        }
    }
    // A past trip told without dates ("returns from travel to ...", "traveled to Poland, where he
    // met ...") took days before the release: neither it nor its meetings happened on the
    // publication day.
    // ("is on a working visit", "arrived in Kyiv" are today's.)
    let undated_trips: Vec<usize> = (0..trips.len())
        .filter(|&i| trips[i].status == Status::Occurred && trips[i].date.is_none() && trips[i].travelled)
        .collect();
    let mut undated = vec![false; trips.len()];
    for &i in &undated_trips {
        undated[i] = true;
    }
    let mut off_the_day: Vec<Span> = undated_trips.iter().map(|&i| trips[i].trigger).collect();
    off_the_day.extend(
        found
            .iter()
            .filter(|f| f.stop.as_ref().is_some_and(|(i, _)| undated.get(*i) == Some(&true)))
            .map(|f| f.event.trigger),
    );
    // "following the visit to the United States by President A", "Following President B's
    // travel to Brussels, C will meet": a visit the clause comes after is background, not the
    // day's.
    off_the_day
        .extend(trips.iter().filter(|trip| after_a_visit(t.text, trip.trigger)).map(|trip| trip.trigger));
    for trip in trips.iter_mut() {
        trip.split_at_transfers();
    }
    let mut events: Vec<Event> = trip_visits(&trips, &found);
    events.extend(found.into_iter().map(|f| f.event));
    let mut events = merge::within_article(events, t.headline, t.published);
    date_the_headline(t, &mut events);
    date_by_company(t, &mut events, &off_the_day);
    date_the_lead(t, &mut events, &off_the_day);
    date_visits_by_their_meeting(t, &mut events, &off_the_day);
    date_meetings_by_their_visit(&mut events);
    date_by_the_arrival(t.text, &mut events);
    date_what_follows(t, &mut events);
    place_the_lead(t, &mut events);
    if let Some(lead) = lead_meeting {
        follow_the_meeting(t, &mut events, lead);
    }
    merge::one_visit_per_country(&mut events);
    drop_lone_retellings(t, &mut events);
    events
}

/// "The meeting, which took place in Geneva on Friday, ...", told of no meeting before it: a
/// meeting of one person is none.
fn drop_lone_retellings(t: &Tagged<'_>, events: &mut Vec<Event>) {
    events.retain(|e| {
        let lone = e.kind == EventKind::Meeting && e.participants.len() < 2 && e.evidence.len() == 1;
        !(lone && e.evidence.first().is_some_and(|&s| meetings::told_again(t.text, s, e.trigger)))
    });
}

/// The trigger is the head of a phrase that "following" or "after" opens: "following the visit",
/// "Following President Biden's travel", "after his recent visit".
fn after_a_visit(text: &str, trigger: Span) -> bool {
    let before = &text[text.floor_char_boundary(trigger.start.saturating_sub(80))..trigger.start];
    let words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
    for w in &words {
        let bare = w.trim_start_matches(['(', '"', '\u{201c}']);
        if bare.eq_ignore_ascii_case("following") || bare.eq_ignore_ascii_case("after") {
            return true;
        }
        let modifier = matches!(
            *w,
            "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "your"
                | "recent"
                | "official"
                | "state"
                | "working"
        ) || w.ends_with("'s")
            || w.ends_with("\u{2019}s")
            || w.starts_with(char::is_uppercase) && !w.ends_with([',', '.', ';', ':']);
        if !modifier {
            return false;
        }
    }
    false
}

/// Words that open a sentence telling what comes next in the day's programme.
const NEXT_IN_SEQUENCE: &[&str] = &[
    "After that, ",
    "Afterwards, ",
    "After this, ",
    "Following that, ",
    "Then, ",
    "After the meeting, ",
    "After its completion, ",
    "Following the meeting, ",
    "After the talks, ",
    "Following the talks, ",
];

/// "... began a meeting with B. ... After that, the meeting of the Council will take place": an
/// undated event told in a sentence that opens with what comes next happens on the day of the
/// dated one-day event told last before it, a few sentences back at most.
fn date_what_follows(t: &Tagged<'_>, events: &mut [Event]) {
    for i in 0..events.len() {
        let e = &events[i];
        if e.date.is_some() {
            continue;
        }
        let next = |s: &&Span| NEXT_IN_SEQUENCE.iter().any(|w| t.text[s.start..].starts_with(w));
        let Some(own) = e.evidence.iter().find(next).copied() else { continue };
        let before = events
            .iter()
            .filter_map(|x| {
                let d = x.date.filter(|d| d.start == d.end)?;
                let end = x.evidence.iter().filter(|s| s.end <= own.start).map(|s| s.end).max()?;
                Some((end, d))
            })
            .max_by_key(|(end, _)| *end);
        if let Some((end, d)) = before
            && own.start - end <= 600
        {
            events[i].date = Some(d);
        }
    }
}

/// "A arrived in Paris to take part in a meeting of advisers ...": a planned gathering or meeting
/// with no date of its own, told in the sentence of a dated arrival by its traveller, in the same
/// country (or none), is held during that stay: on the arrival's dates.
fn date_by_the_arrival(text: &str, events: &mut [Event]) {
    let country = |e: &Event| e.location.as_ref().and_then(|l| l.country.clone());
    // "A, who last visited Beijing in 2025, will meet B": an arrival told in a relative clause,
    // and the clause's span, which the meeting's trigger must be in to share its dates.
    let aside = |v: &Event| {
        let sentence = v.evidence.iter().find(|s| s.contains(v.trigger))?;
        context::relative_clause_at(text, sentence.start, v.trigger.start)
    };
    struct Arrival {
        traveller: String,
        evidence: Vec<Span>,
        date: DateRange,
        at: Option<String>,
        relative: Option<Span>,
    }
    let arrivals: Vec<Arrival> = events
        .iter()
        .filter(|v| v.kind == EventKind::Visit && v.status == Status::Occurred)
        .filter_map(|v| {
            Some(Arrival {
                traveller: v.participants.first()?.actor.name.clone(),
                evidence: v.evidence.clone(),
                date: v.date?,
                at: country(v),
                relative: aside(v),
            })
        })
        .collect();
    for e in events.iter_mut().filter(|e| {
        matches!(e.kind, EventKind::Conference | EventKind::Meeting)
            && e.status == Status::Planned
            && e.date.is_none()
    }) {
        let here = country(e);
        if let Some(arrival) = arrivals.iter().find(|a| {
            a.relative.is_none_or(|r| r.contains(e.trigger))
                && e.participants.iter().any(|p| p.actor.name == a.traveller)
                && e.evidence.iter().any(|s| a.evidence.contains(s))
                && (here.is_none() || a.at.is_none() || here == a.at)
        }) {
            e.date = Some(arrival.date);
        }
    }
}

/// "In Honolulu on February 12, Secretary A will host ... . Secretary A also will meet with B": a
/// meeting or call that "also" follows one told in the sentence before, with no place of its
/// own, happens where and when that one did.
/// A bare definite "the meeting" (or "this meeting"), with nobody it is with, of or between:
/// one told before.
fn refers_back(text: &str, trigger: Span) -> bool {
    let word = trigger.slice(text);
    let before = text[..trigger.start].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let after = text[trigger.end..].trim_start_matches([' ', ',']);
    word.eq_ignore_ascii_case("meeting")
        && matches!(before, "the" | "The" | "this" | "This")
        && !["with ", "between ", "of ", "among ", "on ", "in ", "at "].iter().any(|w| after.starts_with(w))
}

fn also_there(t: &Tagged<'_>, previous: &[Event], events: &mut [Found]) {
    for f in events.iter_mut() {
        let e = &mut f.event;
        // Its own place, not a trip stop's: the sentence says where.
        if !matches!(e.kind, EventKind::Meeting | EventKind::Call)
            || (e.location.is_some() && f.stop.is_none())
        {
            continue;
        }
        let Some(&sentence) = e.evidence.first() else { continue };
        let subject = &t.text[sentence.start..e.trigger.start];
        if !subject.split_whitespace().any(|w| w == "also") {
            continue;
        }
        let people = |x: &Event| -> Vec<String> {
            x.participants
                .iter()
                .filter(|p| p.actor.kind == ActorKind::Person)
                .map(|p| p.actor.name.clone())
                .collect()
        };
        let mine = people(e);
        let Some(before) = previous.iter().find(|p| {
            p.date.is_some()
                && p.location.is_some()
                && p.status == e.status
                && people(p).iter().any(|n| mine.contains(n))
        }) else {
            continue;
        };
        e.date = before.date;
        e.location = before.location.clone();
        f.stop = None;
    }
}

/// "On May 26, A and B met in Brussels ... A and B held the first high-level meeting of the
/// dialogue": a meeting or gathering that occurred, told without a date by two people or
/// more who are all in one dated meeting of the article (and in no other on another date), was
/// held with it: its day, and its place when it has none. Not a call: "A had a telephone
/// conversation with B. A thanked B for the hospitality during the visit on December 6" is a
/// call after the meeting, not at it.
fn date_by_company(t: &Tagged<'_>, events: &mut [Event], off_the_day: &[Span]) {
    let in_headline = |e: &Event| t.headline.is_some_and(|h| e.evidence.iter().any(|s| h.contains(*s)));
    let people = |e: &Event| -> Vec<String> {
        e.participants
            .iter()
            .filter(|p| p.actor.kind == ActorKind::Person)
            .map(|p| p.actor.name.clone())
            .collect()
    };
    let dated: Vec<(Vec<String>, DateRange, Option<Location>)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Meeting && e.status == Status::Occurred)
        .filter_map(|e| e.date.map(|d| (people(e), d, e.location.clone())))
        .filter(|(p, _, _)| p.len() >= 2)
        .collect();
    if dated.is_empty() {
        return;
    }
    for e in events.iter_mut().filter(|e| {
        e.date.is_none()
            && e.status == Status::Occurred
            && !matches!(e.kind, EventKind::Visit | EventKind::Call)
            && !off_the_day.contains(&e.trigger)
            && !in_headline(e)
    }) {
        let mine = people(e);
        if mine.len() < 2 {
            continue;
        }
        let with: Vec<&(Vec<String>, DateRange, Option<Location>)> =
            dated.iter().filter(|(p, _, _)| mine.iter().all(|n| p.contains(n))).collect();
        let Some(first) = with.first() else { continue };
        if with.iter().any(|(_, d, _)| *d != first.1) {
            continue;
        }
        e.date = Some(first.1);
        if e.location.is_none() {
            e.location = first.2.clone();
        }
    }
}

/// `a` tells less than `b`: neither date nor place nor trip stop where `b` has one.
fn says_less(a: &Found, b: &Found) -> bool {
    let tells_nothing = |f: &Found| f.event.date.is_none() && f.event.location.is_none() && f.stop.is_none();
    tells_nothing(a) && !tells_nothing(b)
}

/// "met X on the sidelines of the Summit on Monday", "spoke with Y at the Forum": an undated
/// meeting or call held at a dated gathering of its sentence takes the gathering's date.
fn date_by_gathering(text: &str, events: &mut [Found]) {
    let dated: Vec<(Span, DateRange, Status)> = events
        .iter()
        .filter(|f| f.event.kind == EventKind::Conference)
        .filter_map(|f| f.event.date.map(|d| (f.event.trigger, d, f.event.status)))
        .collect();
    for f in events.iter_mut() {
        if !matches!(f.event.kind, EventKind::Meeting | EventKind::Call) || f.event.date.is_some() {
            continue;
        }
        let trigger = f.event.trigger;
        let Some(&(_, date, status)) = dated.iter().find(|(g, _, _)| {
            g.start >= trigger.end && {
                let between = text[trigger.end..g.start].to_lowercase();
                [" at ", "sidelines", "margins", " during "].iter().any(|w| between.contains(w))
                    && !between.contains([';', '.'])
            }
        }) else {
            continue;
        };
        f.event.date = Some(date);
        f.event.status = status;
    }
}

fn participant_key(e: &Event) -> Vec<String> {
    e.participant_names().into_iter().map(str::to_string).collect()
}
