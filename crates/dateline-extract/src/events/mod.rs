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
mod gathering;
mod merge;
mod naming;
mod senses;
mod status;
mod triggers;
mod trip;

use chrono::NaiveDate;
use dateline_model::{
    Actor, ActorKind, DateRange, Event, EventKind, Location, Participant, Role, Span, Status,
};

use crate::actors::{Cast, Mention, MentionKind};
use crate::time::{TimeExpr, TimexKind};
use clause::{Regions, regions};
use gathering::conference;
pub use naming::gathering_name;
pub use status::status_of;
pub use triggers::{Trigger, find_triggers};
use trip::{Trip, Trips};

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
            {
                continue;
            }
            let Some(status) = status_of(s_text, trig.span) else { continue };
            let r = regions(t.text, sentence, trigger, trig.kind == EventKind::Visit);
            let cx = Context { t, sentence, trigger, regions: r, status };
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
                            let many = ["ministers", "leaders", "counterparts", "Ministers", "Leaders"]
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
    let mut events: Vec<Event> = trip_visits(&trips, &found);
    events.extend(found.into_iter().map(|f| f.event));
    let mut events = merge::within_article(events, t.headline);
    date_the_headline(t, &mut events);
    date_the_lead(t, &mut events, &off_the_day);
    date_visits_by_their_meeting(t, &mut events, &off_the_day);
    place_the_lead(t, &mut events);
    if let Some(lead) = lead_meeting {
        follow_the_meeting(t, &mut events, lead);
    }
    events
}

/// The first meeting the lead tells: its trigger, date and status.
#[derive(Debug, Clone, Copy)]
struct LeadMeeting {
    trigger: Span,
    date: Option<DateRange>,
    status: Status,
}

/// "Taking part in the meeting were A, B and C", "At the meeting, D spoke about": "the meeting"
/// with no complement of its own is the one the lead told. Its people join that meeting's event;
/// when the lead's meeting gave none (it named no one), the event takes its date.
fn follow_the_meeting(t: &Tagged<'_>, events: &mut Vec<Event>, lead: LeadMeeting) {
    let anaphoric = |e: &Event| {
        let word = e.trigger.slice(t.text);
        let before = t.text[..e.trigger.start].trim_end();
        let after = &t.text[e.trigger.end..];
        e.kind == EventKind::Meeting
            && e.date.is_none()
            && e.trigger != lead.trigger
            && word.eq_ignore_ascii_case("meeting")
            && before
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("the") || w.eq_ignore_ascii_case("this"))
            && ![" with", " between", " of ", " on "].iter().any(|w| after.starts_with(w))
    };
    let lead_event = events.iter().position(|e| e.trigger == lead.trigger);
    // A gathering told in the lead ("the meeting of the Supreme State Council") is another
    // event's frame: its later "meetings" are left as they are.
    if lead_event.is_some_and(|k| events[k].kind != EventKind::Meeting) {
        return;
    }
    let mut i = 0;
    while i < events.len() {
        if !anaphoric(&events[i]) {
            i += 1;
            continue;
        }
        match lead_event {
            Some(k) if k != i => {
                let e = events.remove(i);
                let k = if k > i { k - 1 } else { k };
                let target = &mut events[k];
                for p in e.participants {
                    push_unique(&mut target.participants, p);
                }
                for span in e.evidence {
                    if !target.evidence.contains(&span) {
                        target.evidence.push(span);
                    }
                }
                continue;
            }
            Some(_) => {}
            None => {
                let e = &mut events[i];
                if e.status == lead.status {
                    e.date = lead.date.or_else(|| {
                        (lead.status == Status::Occurred).then_some(t.published.map(DateRange::day)).flatten()
                    });
                }
            }
        }
        i += 1;
    }
}

/// "In Honolulu on February 12, Secretary A will host ... . Secretary A also will meet with B": a
/// meeting or call that "also" follows one told in the sentence before, with no place of its
/// own, happens where and when that one did.
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

/// Where the lead ends: the end of the `LEAD_SENTENCES`-th sentence after the headline.
fn lead_end(t: &Tagged<'_>) -> usize {
    let body_start = t.headline.map_or(0, |h| h.end);
    t.sentences.iter().filter(|s| s.start >= body_start).nth(LEAD_SENTENCES - 1).map_or(usize::MAX, |s| s.end)
}

/// The place line under a headline, as transcripts and news items carry it: "Berlin, Germany",
/// "The Kremlin, Moscow", "Washington, D.C.", "Sevastopol". A short line of places and at most two
/// other capitalised words, among the first lines of the body.
fn dateline_place(t: &Tagged<'_>) -> Option<Location> {
    let body_start = t.headline.map_or(0, |h| h.end);
    let mut offset = body_start;
    for line in t.text[body_start..].split_inclusive('\n').take(16) {
        let span = Span::new(offset, offset + line.trim_end().len());
        offset += line.len();
        let text = span.slice(t.text).trim();
        if text.is_empty() {
            continue;
        }
        if text.len() > 60 {
            return None;
        }
        let inside: Vec<&Mention> = crate::starting_in(t.mentions, span, |m| m.span)
            .iter()
            .filter(|m| span.contains(m.span))
            .collect();
        if inside.iter().any(|m| m.kind == MentionKind::Person) {
            continue;
        }
        let places: Vec<&Mention> = inside
            .iter()
            .copied()
            .filter(|m| matches!(m.kind, MentionKind::City | MentionKind::Country))
            .collect();
        if places.is_empty() {
            continue;
        }
        let mut rest = text.to_string();
        for m in &places {
            rest = rest.replace(m.span.slice(t.text), " ");
        }
        let others: Vec<&str> =
            rest.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
        if others.len() <= 2 && others.iter().all(|w| w.starts_with(char::is_uppercase)) {
            return location_of(&places);
        }
    }
    None
}

/// The lead's meetings and gatherings happen where the dateline says, when their sentence names
/// no place; and a participant of another country who meets there is on a visit there ("Secretary
/// Marlow and Chancellor Hoffmann Before Their Meeting", datelined Berlin: Marlow visits Germany).
fn place_the_lead(t: &Tagged<'_>, events: &mut Vec<Event>) {
    let end = lead_end(t);
    let in_lead = |e: &Event| e.evidence.iter().any(|s| s.end <= end);
    if let Some(place) = dateline_place(t) {
        for e in events.iter_mut().filter(|e| in_lead(e) && e.location.is_none()) {
            if matches!(e.kind, EventKind::Meeting | EventKind::Conference) {
                e.location = Some(place.clone());
            }
        }
    }
    // Visits only for the article's own meeting: told in the headline or the first sentence, in
    // person.
    let body_start = t.headline.map_or(0, |h| h.end);
    let first_end = t.sentences.iter().find(|s| s.start >= body_start).map_or(0, |s| s.end);
    let remote = |e: &Event| {
        e.evidence.iter().any(|s| {
            let lower = s.slice(t.text).to_lowercase();
            ["videoconference", "video conference", "video link", "virtual", "online", "phone"]
                .iter()
                .any(|w| lower.contains(w))
        })
    };
    // "The Head of State stressed that this important visit is a powerful signal", "Stressing the
    // importance of visiting Kyiv": the lead tells of a visit that no traveller was found for: the
    // first sentence's meeting was the guests' visit to its host, where the lead says or at home.
    let told = visit_told_in_the_lead(t, events, first_end, end);
    let host_country = |e: &Event| {
        e.participants.iter().find(|p| p.role == Role::Initiator).and_then(|p| p.actor.country.clone())
    };
    let mut placed: Vec<Span> = Vec::new();
    if let Some(place) = &told {
        for e in events.iter_mut().filter(|e| {
            e.kind == EventKind::Meeting
                && e.evidence.iter().any(|s| s.end <= first_end)
                && e.location.is_none()
        }) {
            e.location =
                place.clone().or_else(|| host_country(e).map(|c| Location { place: None, country: Some(c) }));
            placed.push(e.trigger);
        }
    }
    let mut visits = Vec::new();
    for e in events.iter().filter(|e| {
        e.kind == EventKind::Meeting && e.evidence.iter().any(|s| s.end <= first_end) && !remote(e)
    }) {
        let Some(country) = e.location.as_ref().and_then(|l| l.country.clone()) else { continue };
        let people: Vec<&Participant> =
            e.participants.iter().filter(|p| p.actor.kind == ActorKind::Person).collect();
        let locals = people.iter().filter(|p| p.actor.country.as_deref() == Some(country.as_str())).count();
        let host_is_local =
            placed.contains(&e.trigger) && host_country(e).as_deref() == Some(country.as_str());
        for p in &people {
            let foreign = match p.actor.country.as_deref() {
                Some(c) => c != country,
                // Of no stated country, beside someone of the place: the guest; so are all whom
                // the host of a visit the lead tells of met.
                None => (locals > 0 && people.len() == 2) || (host_is_local && p.role != Role::Initiator),
            };
            let known = events.iter().chain(&visits).any(|v: &Event| {
                v.kind == EventKind::Visit
                    && v.location.as_ref().and_then(|l| l.country.as_deref()) == Some(country.as_str())
                    && v.participants.first().is_some_and(|f| f.actor.name == p.actor.name)
            });
            if !foreign || known {
                continue;
            }
            let mut participants = vec![Participant { role: Role::Initiator, ..(*p).clone() }];
            for q in &people {
                push_unique(&mut participants, Participant { role: Role::Host, ..(*q).clone() });
            }
            visits.push(Event { kind: EventKind::Visit, participants, name: None, ..e.clone() });
        }
    }
    events.extend(visits);
}

/// A visit the lead tells of in words that found no traveller for it ("this important visit",
/// "the importance of visiting Kyiv"): its place when the sentence names one (`Some(None)` when
/// it does not). Not in the first sentence, whose meeting it explains.
fn visit_told_in_the_lead(
    t: &Tagged<'_>,
    events: &[Event],
    first_end: usize,
    end: usize,
) -> Option<Option<Location>> {
    let body_start = t.headline.map_or(0, |h| h.end);
    for &sentence in t.sentences.iter().filter(|s| s.start >= first_end.max(body_start) && s.end <= end) {
        let text = sentence.slice(t.text);
        let Some(trig) = find_triggers(text).into_iter().find(|g| g.kind == EventKind::Visit) else {
            continue;
        };
        if events.iter().any(|e| e.kind == EventKind::Visit && e.evidence.contains(&sentence)) {
            continue;
        }
        // "this visit", "this important visit", "your first official visit", "the importance of
        // visiting": a determiner, then at most two lower-case modifiers.
        let before = text[..trig.span.start].to_lowercase();
        let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        let determiner = |w: &str| matches!(w, "this" | "the" | "your" | "their" | "his" | "her" | "of");
        let modifier = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '-') && !determiner(w);
        let anaphoric = before.ends_with(' ') || before.is_empty();
        let anaphoric = anaphoric
            && (0..words.len()).any(|k| determiner(words[k]) && words[..k].iter().all(|w| modifier(w)))
            && !(words.first() == Some(&"of") && words.get(1) != Some(&"importance"));
        if !anaphoric {
            continue;
        }
        let after = Span::new(sentence.start + trig.span.end, sentence.end);
        let places: Vec<&Mention> = crate::starting_in(t.mentions, after, |m| m.span)
            .iter()
            .filter(|m| after.contains(m.span) && matches!(m.kind, MentionKind::City | MentionKind::Country))
            .filter(|m| {
                t.text[after.start..m.span.start].trim().is_empty()
                    || t.text[..m.span.start].ends_with(" to ")
            })
            .collect();
        return Some(location_of(&places));
    }
    None
}

/// How many sentences after the headline make the lead: a readout tells its event there.
const LEAD_SENTENCES: usize = 3;

/// A readout's own event has no date word ("Putin had a telephone conversation with ...",
/// "During a working visit to Brussels, Zelenskyy met with ..."): told as done in the headline or
/// the lead, it happened on the publication day. Later sentences without a date are background
/// ("the meeting ... which took place during the climate conference"), left undated.
/// "It's an honour to have my friend the Secretary for his first official visit in Israel", "I came
/// here to prepare ...": a visit told without a date, by a text whose meeting of the day (dated by
/// publication) has the visitor in it, in the visit's country, is that day's visit.
fn date_visits_by_their_meeting(t: &Tagged<'_>, events: &mut [Event], off_the_day: &[Span]) {
    let Some(published) = t.published else { return };
    let today = DateRange::day(published);
    let country = |e: &Event| e.location.as_ref().and_then(|l| l.country.clone());
    let meetings: Vec<(Vec<String>, Option<String>)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Meeting && e.status == Status::Occurred && e.date == Some(today))
        .map(|e| (e.participants.iter().map(|p| p.actor.name.clone()).collect(), country(e)))
        .collect();
    for e in events.iter_mut().filter(|e| {
        e.kind == EventKind::Visit
            && e.date.is_none()
            && e.status == Status::Occurred
            && !off_the_day.contains(&e.trigger)
    }) {
        let Some(traveller) = e.participants.first().map(|p| p.actor.name.clone()) else { continue };
        let here = country(e);
        let met_here = meetings.iter().any(|(people, at)| {
            people.contains(&traveller) && (at.is_none() || here.is_none() || *at == here)
        });
        if met_here {
            e.date = Some(today);
        }
    }
}

/// A headline's event that no body sentence told with a date ("United States and Rwanda Host
/// Peacekeeping Ministerial Preparatory Meeting") is dated by the lead's first sentence that tells
/// of an event, when it gives one day or week on the right side of the publication day ("virtually
/// hosted on July 21-22 members of ...", "held another meeting this week", "On February 26, ...
/// held calls"), within two weeks before it (three months after, for a plan): the lead retells
/// the headline.
fn date_the_headline(t: &Tagged<'_>, events: &mut [Event]) {
    let (Some(headline), Some(published)) = (t.headline, t.published) else { return };
    let lead_end = lead_end(t);
    let Some(sentence) = t
        .sentences
        .iter()
        .filter(|s| s.start >= headline.end && s.end <= lead_end)
        .find(|s| !find_triggers(s.slice(t.text)).is_empty())
    else {
        return;
    };
    let ranges: Vec<DateRange> = crate::starting_in(t.times, *sentence, |x| x.span)
        .iter()
        .filter(|x| sentence.contains(x.span))
        .filter(|x| !dates_the_telling(t.text, x, Span::new(sentence.start, sentence.start)))
        .filter_map(|x| x.range)
        .filter(|r| matches!(r.precision, dateline_model::Precision::Day | dateline_model::Precision::Week))
        .fold(Vec::new(), |mut v, r| {
            if !v.contains(&r) {
                v.push(r);
            }
            v
        });
    let [range] = ranges.as_slice() else { return };
    // The date is another event's, which the sentence told: "Before Their Meeting", then "Last
    // week, President Lind and I met in Geneva".
    if events.iter().any(|e| e.date == Some(*range) && e.evidence.contains(sentence)) {
        return;
    }
    for e in
        events.iter_mut().filter(|e| e.date.is_none() && e.evidence.iter().all(|s| headline.contains(*s)))
    {
        // The headline's news is recent: a date weeks away is background ("building on the
        // dialogue of June 11, 2020").
        let fits = match e.status {
            Status::Occurred => range.start <= published && (published - range.start).num_days() <= 14,
            Status::Planned => range.end >= published && (range.start - published).num_days() <= 90,
            _ => false,
        };
        if fits {
            e.date = Some(*range);
        }
    }
}

fn date_the_lead(t: &Tagged<'_>, events: &mut [Event], off_the_day: &[Span]) {
    let Some(published) = t.published else { return };
    let lead_end = lead_end(t);
    for e in events
        .iter_mut()
        .filter(|e| e.date.is_none() && e.status == Status::Occurred && !off_the_day.contains(&e.trigger))
    {
        // "We just finished a very productive morning at the Quad Leaders' Summit", "We have just
        // had a telephone conversation": done just now, on the day told.
        let just = e.kind != EventKind::Visit
            && e.evidence.iter().any(|s| {
                s.contains(e.trigger)
                    && t.text[s.start..e.trigger.start].split_whitespace().any(|w| w == "just")
            });
        if just || e.evidence.iter().any(|s| s.end <= lead_end) {
            e.date = Some(DateRange::day(published));
        }
    }
}

fn participant_key(e: &Event) -> Vec<String> {
    e.participant_names().into_iter().map(str::to_string).collect()
}

/// The speaker labels of a transcript, in text order: a person mention that opens a paragraph
/// and ends, within 90 bytes, at ": " ("PRESIDENT YOON: ...").
pub(crate) fn speaker_labels<'a>(
    text: &str,
    mentions: &'a [Mention],
    breaks: &crate::segment::Breaks,
) -> Vec<&'a Mention> {
    mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Person)
        .filter(|m| {
            let start = breaks.paragraph_start(m.span.start);
            let Some(colon) = crate::segment::colon_within(text, start, 90) else { return false };
            m.span.end <= colon
                && text[start..m.span.start].trim().is_empty()
                && !text[start..colon].contains(['.', ','])
        })
        .collect()
}

/// How many paragraphs back a transcript turn's speaker label is looked for.
const TURN_PARAGRAPHS: usize = 40;

/// What every argument finder needs to know about one trigger.
struct Context<'a, 't> {
    t: &'a Tagged<'t>,
    sentence: Span,
    trigger: Span,
    regions: Regions,
    status: Status,
}

impl Context<'_, '_> {
    fn mentions_in(&self, region: Span) -> impl Iterator<Item = &Mention> {
        crate::starting_in(self.t.mentions, region, |m| m.span)
            .iter()
            .filter(move |m| region.contains(m.span))
    }

    fn people_in(&self, region: Span) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for m in self.mentions_in(region).filter(|m| m.kind == MentionKind::Person && !is_spokesperson(m)) {
            push_unique(&mut out, participant(m, Role::Counterpart));
        }
        out
    }

    /// The bodies named in `region` that no listed organisation or person mention covers ("the
    /// Advisory Committee on International Postal and Delivery Services").
    fn bodies_in(&self, region: Span) -> Vec<Mention> {
        let taken: Vec<Span> = self
            .mentions_in(region)
            .filter(|m| {
                matches!(m.kind, MentionKind::Person | MentionKind::Organization | MentionKind::Group)
            })
            .map(|m| m.span)
            .collect();
        crate::actors::bodies::find_bodies(region.slice(self.t.text))
            .into_iter()
            .map(|(s, name)| Mention {
                span: Span::new(region.start + s.start, region.start + s.end),
                name,
                kind: MentionKind::Organization,
                country: None,
                role: None,
            })
            .filter(|m| !taken.iter().any(|t| t.overlaps(m.span)))
            .collect()
    }

    fn parties_in(&self, region: Span) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for m in self.mentions_in(region) {
            if matches!(m.kind, MentionKind::Organization | MentionKind::Group) {
                push_unique(&mut out, participant(m, Role::Counterpart));
            }
        }
        out
    }

    /// The person the clause is about: a person in the subject, else who "he", "she" or "the
    /// Secretary" means here, else the article's protagonist.
    fn initiators(&self) -> Vec<Participant> {
        // "X met A, B and C during her visit to Ulaanbaatar": a possessive right before the trigger
        // is the clause's subject's, the first person it names, not the nearest one.
        if let Some(subject) = self.possessor() {
            return subject;
        }
        // "Following President Biden's travel to Brussels, Under Secretary Nuland will meet": the
        // subject is in the last comma-separated part before the trigger, when that part names one.
        let region = self.regions.subject;
        // "... with President Levan Beridze, who is on a working visit": a relative clause's
        // subject is the person right before it.
        // "A, B and C, who arrived in our country": all the people the antecedent coordinates.
        // "met with A and B who arrived in Ukraine": without the comma too, right after a name.
        let who = region.slice(self.t.text).rfind(", who ").or_else(|| {
            let i = region.slice(self.t.text).rfind(" who ")?;
            self.mentions_in(region)
                .any(|m| m.kind == MentionKind::Person && m.span.end == region.start + i)
                .then_some(i)
        });
        if let Some(i) = who {
            let before = Span::new(region.start, region.start + i);
            let people: Vec<&Mention> =
                self.mentions_in(before).filter(|m| m.kind == MentionKind::Person).collect();
            if let Some(last) = people.last() {
                let mut run = vec![*last];
                for w in people.windows(2).rev() {
                    let between = self.t.text[w[0].span.end.min(w[1].span.start)..w[1].span.start].trim();
                    if !matches!(between, "and" | "," | ", and" | "as well as") {
                        break;
                    }
                    run.insert(0, w[0]);
                }
                let mut out = Vec::new();
                for m in run {
                    push_unique(&mut out, participant(m, Role::Initiator));
                }
                return out;
            }
        }
        let tail = region
            .slice(self.t.text)
            .rfind(", ")
            .map(|i| Span::new(region.start + i + 2, region.end))
            .filter(|tail| !self.people_in(*tail).is_empty())
            .unwrap_or(region);
        let mut subject = self.people_in(tail);
        if !subject.is_empty() {
            // "President Biden and I met", in a transcript: the speaker is the other one.
            let words = format!(" {} ", tail.slice(self.t.text).to_lowercase().replace(',', " "));
            if (words.contains(" and i ") || words.contains(" i and "))
                && let Some(me) = self.speaker()
            {
                push_unique(&mut subject, me);
            }
            return subject
                .into_iter()
                .map(|mut p| {
                    p.role = Role::Initiator;
                    p
                })
                .collect();
        }
        // "I believe that your visit to Korea", in a transcript: the one the speaker addresses.
        let near: Vec<String> = self.t.text[region.start..self.trigger.start]
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| w.to_lowercase())
            .collect();
        if near.iter().any(|w| w == "your" || w == "you")
            && let Some(mut other) = self.addressee()
        {
            other.role = Role::Initiator;
            return vec![other];
        }
        // "My visit here to Vietnam today", in a transcript: the speaker whose turn this is.
        let subject_text = format!(" {} ", region.slice(self.t.text).to_lowercase());
        if [" i ", " my ", " we ", " our ", " i'm ", " i’m "].iter().any(|w| subject_text.contains(w))
            && let Some(mut speaker) = self.speaker()
        {
            speaker.role = Role::Initiator;
            return vec![speaker];
        }
        self.t
            .cast
            .salient_at(self.trigger.start)
            .map(|m| {
                let mut actor = Actor::new(m.name.clone(), ActorKind::Person);
                actor.country = m.country.clone();
                actor.roles = m.role.iter().cloned().collect();
                vec![Participant { actor, role: Role::Initiator }]
            })
            .unwrap_or_default()
    }

    /// The subject that "his", "her" or "their" (+ at most one adjective) before a noun trigger
    /// refers to, when the clause's subject names people before a verb: the first person of the
    /// clause (after a leading "Following ...," phrase) and those "and" joins to them.
    fn possessor(&self) -> Option<Vec<Participant>> {
        let text = self.t.text;
        let region = self.regions.subject;
        let before = text[region.start..self.trigger.start].trim_end();
        // The pronoun, right before the trigger or before one lower-case adjective.
        let mut words = before.rsplit(' ');
        let last = words.next()?;
        let pronoun = |w: &str| matches!(w, "his" | "her" | "their");
        let possessive = if pronoun(last) {
            last
        } else {
            words.next().filter(|w| pronoun(w) && last.chars().all(char::is_lowercase))?
        };
        // A leading adverbial ("Following the summit, ...") is not the subject.
        let clause = region.slice(text);
        let lead = ["Following ", "After ", "Before ", "During ", "On ", "In ", "At ", "Ahead of "];
        let skip = if lead.iter().any(|w| clause.starts_with(w)) {
            clause.find(", ").map_or(0, |i| i + 2)
        } else {
            0
        };
        let from = Span::new(region.start + skip, self.trigger.start);
        let people: Vec<&Mention> =
            self.mentions_in(from).filter(|m| m.kind == MentionKind::Person).collect();
        let first = *people.first()?;
        // Only when a word stands between the subject and the pronoun: "met A during her" (a
        // verb), not "A's and her".
        if !text[first.span.end..self.trigger.start].trim_start().starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let mut out = vec![participant(first, Role::Initiator)];
        if possessive == "their" {
            for w in people.windows(2) {
                let between = text[w[0].span.end..w[1].span.start].trim();
                if !matches!(between, "and" | "," | ", and") {
                    break;
                }
                push_unique(&mut out, participant(w[1], Role::Initiator));
            }
        }
        Some(out)
    }

    /// In a transcript, the one the speaker of the trigger's turn talks to: the nearest other
    /// speaker, before the turn or after it.
    fn addressee(&self) -> Option<Participant> {
        let me = self.speaker()?;
        let labels = self.t.speaker_labels;
        let at = labels.partition_point(|m| m.span.start < self.trigger.start);
        let other = |m: &Mention| m.name != me.actor.name;
        labels[..at]
            .iter()
            .rev()
            .find(|m| other(m))
            .or_else(|| labels[at..].iter().find(|m| other(m)))
            .map(|m| participant(m, Role::Initiator))
    }

    /// In a transcript, the speaker of the turn the trigger is in: the person whose label ("PRIME
    /// MINISTER CHÍNH:", "President of Russia Vladimir Putin:") opens the nearest paragraph at or
    /// before the trigger that opens with one. A turn may run to many paragraphs (a leader's
    /// opening statement): up to [`TURN_PARAGRAPHS`] are looked through.
    fn speaker(&self) -> Option<Participant> {
        let text = self.t.text;
        let mut end = self.trigger.start;
        for _ in 0..TURN_PARAGRAPHS {
            let start = self.t.breaks.paragraph_start(end);
            let label_end = crate::segment::colon_within(text, start, 90);
            if let Some(label_end) = label_end
                && let Some(m) =
                    crate::starting_in(self.t.mentions, Span::new(start, label_end), |m| m.span).iter().find(
                        |m| m.kind == MentionKind::Person && m.span.start >= start && m.span.end <= label_end,
                    )
                && !text[start..label_end].contains(['.', ','])
            {
                return Some(participant(m, Role::Initiator));
            }
            if start == 0 {
                break;
            }
            end = start.saturating_sub(2);
        }
        self.author()
    }

    /// Who signs a statement written in the first person: the byline under its headline names a
    /// person and a title, nothing else ("Antony J. Blinken, Secretary of State").
    fn author(&self) -> Option<Participant> {
        let text = self.t.text;
        let body = self.t.headline?.end;
        let start = body + text[body..].len() - text[body..].trim_start().len();
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[start..line_end];
        if line.len() > 100 || line.trim_end().ends_with(['.', '!', '?', ':']) {
            return None;
        }
        let m = crate::starting_in(self.t.mentions, Span::new(start, line_end), |m| m.span)
            .iter()
            .find(|m| m.kind == MentionKind::Person && m.span.start == start)?;
        // The mention may hold the title too.
        let rest = text[m.span.end..line_end].trim_end();
        (rest.is_empty() || rest.starts_with(", ")).then(|| participant(m, Role::Initiator))
    }

    /// The date the clause gives the trigger: the nearest expression after it in the clause,
    /// else the nearest before it.
    fn attached_date(&self) -> Option<DateRange> {
        let clause = self.regions.clause;
        let text = self.t.text;
        // A postponed event has only its new date, when the text gives one ("postponed to June
        // 3", "rescheduled for May"); the date it was planned for is gone.
        if self.status == Status::Postponed {
            let lower = self.sentence.slice(text).to_lowercase();
            let new_date_at =
                ["postponed to ", "postponed until ", "rescheduled for ", "rescheduled to ", "moved to "]
                    .iter()
                    .filter_map(|w| lower.find(w).map(|i| self.sentence.start + i + w.len()))
                    .min()?;
            return self
                .t
                .times
                .iter()
                .find(|x| x.span.start >= new_date_at && x.span.start <= new_date_at + 4)
                .and_then(|x| x.range);
        }
        let dated = |x: &&TimeExpr| {
            clause.contains(x.span)
                && matches!(x.kind, TimexKind::Date | TimexKind::Time)
                && x.range.is_some_and(|r| r.precision <= dateline_model::Precision::Year)
                && !attributive_year(text, x)
                && !dates_the_telling(text, x, self.trigger)
        };
        // After the trigger: inside its object phrase or just past it ("met ... on Tuesday").
        // A relative clause right after the object may carry the date: "the summit, which was due
        // to take place in Brussels on November 4 and 5".
        let rest = &text[self.regions.object.end..self.regions.clause.end];
        let rest = rest.trim_start_matches([',', ' ']);
        let relative = rest.starts_with("which ");
        // "the Dialogue, which last met in 2016": the clause dates another occurrence.
        let other_occurrence = relative
            && rest.split_whitespace().skip(1).take(4).any(|w| {
                matches!(
                    w,
                    "last"
                        | "first"
                        | "previously"
                        | "originally"
                        | "founded"
                        | "launched"
                        | "established"
                        | "inaugurated"
                        | "created"
                )
            });
        let after_limit = self.regions.object.end
            + match (relative, other_occurrence) {
                (_, true) => 0,
                (true, false) => 90,
                (false, false) => 40,
            };
        let in_clause = crate::starting_in(self.t.times, clause, |x| x.span);
        // "your visit to Korea, following President Biden's visit to Seoul last May": a date past
        // another visit is that one's. (Not for gatherings yet: an undated gathering then joins
        // the trip and doubles one told before under another name.)
        let my_kind = find_triggers(self.trigger.slice(text))
            .first()
            .map(|g| g.kind)
            .filter(|k| *k == EventKind::Visit);
        let not_past_another = |x: &&TimeExpr| {
            my_kind.is_none()
                || x.span.start <= self.trigger.end
                || find_triggers(&text[self.trigger.end..x.span.start])
                    .iter()
                    .all(|g| Some(g.kind) != my_kind)
        };
        let after_all: Vec<&TimeExpr> = in_clause
            .iter()
            .filter(dated)
            .filter(|x| x.span.end > self.trigger.start && x.span.start <= after_limit)
            .filter(not_past_another)
            // "had a telephone conversation ahead of the Day of Unity, marked on April 2": the
            // date of what the event comes before.
            .filter(|x| {
                x.span.start <= self.trigger.end || {
                    let between = &text[self.trigger.end..x.span.start];
                    !["ahead of ", "on the eve of ", "in the run-up to ", "in the lead-up to "]
                        .iter()
                        .any(|w| between.contains(w))
                }
            })
            .collect();
        // "a meeting from 12:00 p.m. to 1:30 p.m., Thursday, June 17": a clock time alone is
        // dated by the publication day; the date after it is the meeting's.
        let clock_only = |x: &TimeExpr| {
            let s = x.span.slice(text);
            x.kind == TimexKind::Time
                && s.contains(|c: char| c.is_ascii_digit())
                && !s.contains(|c: char| c.is_alphabetic() && c.is_uppercase())
        };
        let after = after_all
            .iter()
            .copied()
            .filter(|x| !clock_only(x))
            .min_by_key(|x| x.span.start)
            .or_else(|| after_all.iter().copied().min_by_key(|x| x.span.start));
        // Before it: close to it ("On Tuesday, the ministers met"), or opening the sentence as
        // its frame ("On June 29, Senior Bureau Official X co-hosted with Cambodia the ...").
        // So does a date inside an opening place phrase: "In Honolulu, Hawaii on February 12,
        // Secretary X will host ...".
        let opening = |x: &TimeExpr| {
            let lead = &text[self.sentence.start..x.span.start];
            let placed = ["In ", "At "].iter().any(|w| lead.starts_with(w))
                && lead.len() <= 40
                && lead.trim_end().ends_with(" on")
                && !self.places_in(Span::new(self.sentence.start, x.span.start)).is_empty();
            (lead.len() <= 4 || placed) && text[x.span.end..].starts_with(',')
        };
        let before = in_clause
            .iter()
            .filter(dated)
            .filter(|x| {
                x.span.end <= self.trigger.start && (self.trigger.start - x.span.end <= 100 || opening(x))
            })
            .max_by_key(|x| x.span.end);
        after.or(before).and_then(|x| x.range)
    }

    /// Places the clause puts the event in: "in Amman", "at Geneva", "to Brussels".
    fn locative_places(&self) -> Vec<&Mention> {
        let text = self.t.text;
        self.places_in(self.regions.clause)
            .into_iter()
            .filter(|m| {
                let before = text[..m.span.start].trim_end();
                let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
                matches!(word.to_ascii_lowercase().as_str(), "in" | "at" | "to" | "from")
                    || before.ends_with(',') && m.kind == MentionKind::Country
            })
            .collect()
    }

    /// Status, corrected by the date: an event dated after the publication day is planned.
    fn status_for(&self, date: Option<DateRange>) -> Status {
        match (self.status, date, self.t.published) {
            (Status::Occurred, Some(d), Some(p)) if d.start > p => Status::Planned,
            (s, _, _) => s,
        }
    }

    fn places_in(&self, region: Span) -> Vec<&Mention> {
        self.mentions_in(region)
            .filter(|m| matches!(m.kind, MentionKind::City | MentionKind::Country))
            .collect()
    }

    fn event(&self, kind: EventKind, date: Option<DateRange>, participants: Vec<Participant>) -> Event {
        Event {
            kind,
            status: self.status_for(date),
            date,
            participants,
            location: None,
            name: None,
            evidence: vec![self.sentence],
            trigger: self.trigger,
            confidence: if date.is_some() { 0.8 } else { 0.5 },
        }
    }
}

/// A spokesperson or press secretary issues the statement; they take part in nothing it tells.
fn is_spokesperson(m: &Mention) -> bool {
    m.role.as_deref().is_some_and(|r| {
        let r = r.to_lowercase();
        r.contains("spokesperson")
            || r.contains("spokesman")
            || r.contains("spokeswoman")
            || r.contains("press secretary")
    })
}

/// "the 1991 Paris Peace Agreements", "its 2022 ASEAN chairmanship": a bare year that modifies a
/// Verbs of telling: a time right after one dates the telling, not the event ("the travel, which
/// we announced just this morning", "thanks for joining this afternoon as we preview the trip").
const TELLING_VERBS: &[&str] = &[
    "announced",
    "announces",
    "said",
    "says",
    "told",
    "joining",
    "briefed",
    "stated",
    "noted",
    "confirmed",
    "released",
    "issued",
];

fn dates_the_telling(text: &str, x: &TimeExpr, trigger: Span) -> bool {
    let from =
        text[..x.span.start].char_indices().rev().filter(|(_, c)| *c == ' ').nth(3).map_or(0, |(i, _)| i);
    if trigger.start < x.span.start && trigger.end > from {
        return false;
    }
    text[from..x.span.start].split_whitespace().any(|w| {
        TELLING_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())
    })
}

/// noun dates that noun, not the event.
fn attributive_year(text: &str, x: &TimeExpr) -> bool {
    let s = x.span.slice(text);
    if !(s.len() == 4 && s.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let after = &text[x.span.end..];
    after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_alphabetic())
}

fn participant(m: &Mention, role: Role) -> Participant {
    let kind = m.kind.actor_kind().unwrap_or(ActorKind::Person);
    let mut actor = Actor::new(m.name.clone(), kind);
    actor.country = m.country.clone();
    actor.roles = m.role.iter().cloned().collect();
    Participant { actor, role }
}

fn push_unique(out: &mut Vec<Participant>, p: Participant) {
    if !out.iter().any(|q| q.actor.name == p.actor.name) {
        out.push(p);
    }
}

/// A visit trigger opens (or extends) a trip: the traveller and the destinations after the trigger.
/// Whose country "our country" is, in a visit's object: a person of the clause who does not
/// travel, else the speaker of a transcript's turn, else the person the passage is about.
fn our_country(cx: &Context<'_, '_>, travellers: &[Participant]) -> Option<String> {
    let object = cx.regions.object.slice(cx.t.text).to_lowercase();
    if !["our country", "our capital", "our state"].iter().any(|w| object.contains(w)) {
        return None;
    }
    let travels = |p: &Participant| travellers.iter().any(|t| t.actor.name == p.actor.name);
    let theirs: Vec<String> = travellers.iter().filter_map(|t| t.actor.country.clone()).collect();
    let host = |p: Participant| p.actor.country.filter(|c| !theirs.contains(c));
    let in_clause = cx.mentions_in(cx.regions.clause).filter(|m| m.kind == MentionKind::Person);
    in_clause
        .map(|m| participant(m, Role::Host))
        .filter(|p| !travels(p))
        .find_map(host)
        .or_else(|| cx.speaker().filter(|p| !travels(p)).and_then(host))
        // "President of Moldova A addressed the Congress. B and C, who arrived in our country,
        // ...": the nearest person told before, of another country than the travellers'.
        .or_else(|| {
            let before = crate::starting_in(cx.t.mentions, Span::new(0, cx.sentence.start), |m| m.span);
            before
                .iter()
                .rev()
                .filter(|m| m.kind == MentionKind::Person && m.span.end <= cx.sentence.start)
                .take(6)
                .map(|m| participant(m, Role::Host))
                .filter(|p| !travels(p))
                .find_map(host)
        })
        .or_else(|| {
            cx.t.cast
                .salient_at(cx.trigger.start)
                .and_then(|m| m.country.clone())
                .filter(|c| !theirs.contains(c))
        })
}

/// "your visit to Korea", "my visit here" in a transcript turn: the visit is the addressee's or
/// the speaker's, not the first person named after it.
fn told_by_a_speaker(cx: &Context<'_, '_>) -> bool {
    let lead = cx.t.text[cx.regions.subject.start.min(cx.trigger.start)..cx.trigger.start].to_lowercase();
    let near: Vec<&str> = lead.split_whitespace().rev().take(3).collect();
    near.iter().any(|w| matches!(*w, "your" | "my" | "our")) && cx.speaker().is_some()
}

/// The people after "by" in a noun visit's object: "the visit to X by A and B".
fn visit_agents(cx: &Context<'_, '_>) -> Option<Vec<Participant>> {
    if !cx.trigger.slice(cx.t.text).to_lowercase().starts_with("visit") {
        return None;
    }
    let object = cx.regions.object.slice(cx.t.text);
    let i = object.find(" by ")?;
    let agents: Vec<Participant> = cx
        .people_in(Span::new(cx.regions.object.start + i, cx.regions.object.end))
        .into_iter()
        .map(|p| Participant { role: Role::Initiator, ..p })
        .collect();
    (!agents.is_empty()).then_some(agents)
}

/// Relatives and friends: "my wife", "his son", "our children".
const KIN: &[&str] = &[
    "wife",
    "husband",
    "son",
    "sons",
    "daughter",
    "daughters",
    "children",
    "family",
    "mother",
    "father",
    "brother",
    "sister",
    "parents",
    "grandson",
    "granddaughter",
    "grandchildren",
    "friend",
    "friends",
];

/// "My wife recently visited", "his daughter traveled to": the subject next to the trigger is a
/// relative or friend of someone, and names no person.
fn someone_of_mine(cx: &Context<'_, '_>) -> bool {
    let text = cx.t.text;
    let before = Span::new(cx.regions.subject.start, cx.trigger.start);
    if !cx.people_in(before).is_empty() {
        return false;
    }
    let last_part = before.slice(text).rsplit([',', ';']).next().unwrap_or("").to_lowercase();
    let words: Vec<&str> = last_part.split_whitespace().collect();
    words.windows(2).any(|w| {
        matches!(w[0], "my" | "his" | "her" | "our" | "their" | "your")
            && KIN.contains(&w[1].trim_matches(|c: char| !c.is_alphabetic()))
    })
}

/// Words between a subject and its verb: auxiliaries, adverbs, "plans to".
const BEFORE_VERB: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "may",
    "might",
    "can",
    "could",
    "must",
    "also",
    "then",
    "again",
    "once",
    "soon",
    "later",
    "now",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "be",
    "been",
    "to",
    "plans",
    "plan",
    "planned",
    "expected",
    "scheduled",
    "set",
    "due",
    "not",
    "never",
    "still",
    "already",
    "subsequently",
    "next",
    "first",
    "recently",
    "previously",
    "jointly",
    "both",
    "all",
];

/// The words after which a bare verb form follows.
const MODALS: &[&str] = &["will", "would", "shall", "should", "may", "might", "can", "could", "must", "to"];

/// Words that stand for people the article names elsewhere: the subject may be one of them.
const PEOPLE_WORDS: &[&str] = &[
    "i",
    "we",
    "he",
    "she",
    "they",
    "you",
    "who",
    "which",
    "that",
    "delegation",
    "delegations",
    "team",
    "party",
    "leader",
    "leaders",
    "counterpart",
    "counterparts",
    "himself",
    "herself",
    "couple",
    "duo",
];

/// "The “Stolen Memory” project will once again travel to Spain", "Senior officials from the
/// Departments of State and Defense will travel to Brussels": the verb's subject is a thing or a
/// group the article names no one in, so nobody named elsewhere travels.
fn a_thing_travels(cx: &Context<'_, '_>) -> bool {
    let text = cx.t.text;
    let verb = cx.trigger.slice(text).split(' ').next().unwrap_or_default().to_lowercase();
    let inflected = matches!(
        verb.as_str(),
        "travels" | "traveled" | "travelled" | "visits" | "visited" | "arrives" | "arrived"
    );
    if !inflected && !matches!(verb.as_str(), "travel" | "visit" | "arrive") {
        return false;
    }
    let before = &text[cx.regions.subject.start..cx.trigger.start];
    let part_start = before.rfind([',', ';']).map_or(0, |i| i + 1);
    let mut words: Vec<(usize, &str)> = before[part_start..]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - before.as_ptr() as usize, w))
        .collect();
    // A bare "travel" or "visit" is a verb after a modal or "to" ("will once again travel"), a
    // noun otherwise ("the planned visit").
    let mut modal = false;
    while let Some((_, w)) = words.last() {
        let w = w.to_lowercase();
        if !BEFORE_VERB.contains(&w.as_str()) {
            break;
        }
        modal |= MODALS.contains(&w.as_str());
        words.pop();
    }
    let (Some(&(first, _)), Some(&(last, last_word))) = (words.first(), words.last()) else { return false };
    if !(modal || inflected) {
        return false;
    }
    let subject =
        Span::new(cx.regions.subject.start + first, cx.regions.subject.start + last + last_word.len());
    if !cx.people_in(subject).is_empty() || !crate::actors::titles().find(subject.slice(text)).is_empty() {
        return false;
    }
    let titled = |w: &str| TITLE_HEADS.contains(w);
    !subject.slice(text).split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        PEOPLE_WORDS.contains(&lower.as_str()) || titled(&lower)
    })
}

/// The head word of every title, lower-cased: "Secretary of State" gives "secretary".
static TITLE_HEADS: std::sync::LazyLock<std::collections::HashSet<String>> = std::sync::LazyLock::new(|| {
    crate::actors::titles()
        .all()
        .iter()
        .filter_map(|t| {
            let t = t.to_lowercase();
            let head = t.split(" of ").next()?.split(" for ").next()?.rsplit(' ').next()?;
            Some(head.trim_end_matches('.').to_string())
        })
        .collect()
});

fn visit(cx: &Context<'_, '_>, trips: &mut Trips) {
    // "My wife recently visited Kyiv": a private person's trip, no diplomatic visit.
    if someone_of_mine(cx) || a_thing_travels(cx) {
        return;
    }
    let mut destinations: Vec<Mention> = destinations(cx).into_iter().cloned().collect();
    if destinations.is_empty() {
        // "Imran Khan, who is in Russia on a working visit": the place stands before the trigger.
        let text = cx.t.text;
        destinations = cx
            .locative_places()
            .into_iter()
            .filter(|m| m.span.end <= cx.trigger.start && cx.trigger.start - m.span.end <= 24)
            .filter(|m| text[..m.span.start].trim_end().ends_with(" in"))
            .cloned()
            .collect();
    }
    // "X's visit to Y" and "the visit by X": the traveller may follow a noun trigger too; so does
    // the guest of "looks forward to welcoming X to Y".
    let mut travellers = cx.initiators();
    let welcoming = cx.trigger.slice(cx.t.text).to_lowercase().starts_with("welcom");
    let mut hosts: Vec<Participant> = Vec::new();
    // "President A invited Chancellor B to visit Y": the invited one travels.
    let subject_text = cx.regions.subject.slice(cx.t.text);
    if let Some(i) = subject_text.find(" invited ").or_else(|| subject_text.find(" invites ")) {
        let invited = cx.people_in(Span::new(cx.regions.subject.start + i, cx.regions.subject.end));
        if let Some(first) = invited.into_iter().next() {
            hosts = cx.people_in(Span::new(cx.regions.subject.start, cx.regions.subject.start + i));
            travellers = vec![Participant { role: Role::Initiator, ..first }];
        }
    } else if let Some(agents) = visit_agents(cx) {
        // "following the visit to the United States by President A and Chairman B": the agent
        // travels, whoever the sentence is about.
        travellers = agents;
    } else if welcoming || (cx.people_in(cx.regions.subject).is_empty() && !told_by_a_speaker(cx)) {
        if welcoming {
            hosts = cx.people_in(cx.regions.subject);
        }
        let after = cx.people_in(cx.regions.object);
        if let Some(first) = after.into_iter().next() {
            travellers = vec![Participant { role: Role::Initiator, ..first }];
        }
    }
    // "the President of Turkey, who is on an official visit to our country": the country of
    // whoever says "our", the host.
    if destinations.is_empty()
        && let Some(country) = our_country(cx, &travellers)
    {
        destinations.push(Mention {
            span: cx.trigger,
            name: country.clone(),
            kind: MentionKind::Country,
            country: Some(country),
            role: None,
        });
    }
    // "returned on June 3 from travel to X": the day of the return, not of the visit.
    let returning = {
        let before = Span::new(cx.regions.clause.start, cx.trigger.start).slice(cx.t.text).to_lowercase();
        before.contains("returned") || before.contains("returns") || before.contains("returning")
    };
    // "to Milan June 20-22, Tirana June 30, and Ohrid July 1-3": each stop with its own dates;
    // the trip runs from the first to the last.
    let stop_dates = if returning { Vec::new() } else { itinerary_dates(cx, &destinations) };
    let date = if returning {
        None
    } else if !stop_dates.is_empty() {
        stop_dates.iter().flatten().copied().reduce(hull)
    } else {
        cx.attached_date().map(|d| with_stated_length(cx.regions.clause.slice(cx.t.text), d))
    };
    if returning && destinations.is_empty() {
        return;
    }
    // "traveled to the Middle East and North Africa June 13-17": a dated trip to a region; its
    // stops are the countries where the traveller is then said to meet people.
    if destinations.is_empty() && (date.is_none() || !names_a_region(cx)) {
        return;
    }
    // "The Speakers A, B and C arrived in Kyiv": one visit per traveller, for the people the
    // subject coordinates; a person named elsewhere in the subject does not travel.
    let coordinated = coordinated_run(cx, &travellers);
    let status = cx.status_for(date);
    for traveller in travellers.into_iter().take(coordinated) {
        let existing = trips.of(&traveller.actor.name).iter().copied().find(|&i| trips[i].status == status);
        let trip_index = match existing {
            Some(i) => i,
            None => trips.push(Trip {
                traveller: traveller.actor.name.clone(),
                traveller_country: traveller.actor.country.clone(),
                status,
                date: None,
                stops: Vec::new(),
                trigger: cx.trigger,
                travelled: false,
                hosts: Vec::new(),
            }),
        };
        let trip = &mut trips[trip_index];
        trip.travelled |= told_as_past(cx);
        for h in &hosts {
            if !trip.hosts.iter().any(|x| x.actor.name == h.actor.name) {
                trip.hosts.push(Participant { role: Role::Host, ..h.clone() });
            }
        }
        // A later sentence that adds stops with dates of their own ("then travel to C on June 9")
        // dates those stops; when its dates reach outside the trip's, the trip widens and the
        // stops told before keep the trip's earlier dates.
        let fresh: Vec<String> = destinations
            .iter()
            .filter_map(|p| p.country.clone())
            .filter(|c| trip.stop(c).is_none())
            .collect();
        let mut fresh_date = None;
        match (trip.date, date) {
            (None, d) => trip.date = d,
            (Some(old), Some(new)) if old != new && !fresh.is_empty() && stop_dates.is_empty() => {
                fresh_date = Some(new);
                if !old.contains(&new) {
                    for s in trip.stops.iter_mut().filter(|s| s.date.is_none()) {
                        s.date = Some(old);
                    }
                    trip.date = Some(hull(old, new));
                }
            }
            _ => {}
        }
        for (i, place) in destinations.iter().enumerate() {
            let Some(country) = place.country.clone() else { continue };
            let stop = trip.stop_mut(&country);
            if place.kind == MentionKind::City && !stop.cities.contains(&place.name) {
                stop.cities.push(place.name.clone());
            }
            if !stop.evidence.contains(&cx.sentence) {
                stop.evidence.push(cx.sentence);
            }
            let own = stop_dates.get(i).copied().flatten();
            if stop.date.is_none() {
                stop.date = own.or(if fresh.contains(&country) { fresh_date } else { None });
            }
        }
    }
}

/// The smallest range holding both, at the coarser precision.
fn hull(a: DateRange, b: DateRange) -> DateRange {
    DateRange { start: a.start.min(b.start), end: a.end.max(b.end), precision: a.precision.max(b.precision) }
}

/// The dates an itinerary gives each of its stops: "to Milan June 20-22, Tirana June 30, and Ohrid
/// July 1-3", a date right after each place. Empty unless two stops or more have dates of their
/// own (one date after the last place dates the whole trip, the ordinary case).
fn itinerary_dates(cx: &Context<'_, '_>, destinations: &[Mention]) -> Vec<Option<DateRange>> {
    let text = cx.t.text;
    let times = crate::starting_in(cx.t.times, cx.regions.clause, |x| x.span);
    let dates: Vec<Option<DateRange>> = destinations
        .iter()
        .map(|p| {
            times
                .iter()
                .find(|x| {
                    // "the People's Republic of China (PRC) July 25-26": past an abbreviation.
                    let between =
                        x.span.start.checked_sub(p.span.end).map(|_| &text[p.span.end..x.span.start]);
                    between.is_some_and(|b| {
                        let b = b.trim_start_matches([' ', ',']);
                        let b = match b.strip_prefix('(').and_then(|r| r.split_once(')')) {
                            Some((abbr, rest)) if abbr.len() <= 8 && !abbr.contains(' ') => rest,
                            _ => b,
                        };
                        b.trim_start_matches([' ', ',']).is_empty() && b.len() <= 3
                    })
                })
                .and_then(|x| x.range)
                .filter(|r| r.precision == dateline_model::Precision::Day)
        })
        .collect();
    let distinct = dates.iter().flatten().fold(Vec::new(), |mut v: Vec<DateRange>, d| {
        if !v.contains(d) {
            v.push(*d);
        }
        v
    });
    if distinct.len() < 2 {
        return Vec::new();
    }
    dates
}

/// "traveled to the Middle East", "a delegation to the 12th Session of the Assembly": what follows
/// the trigger is a proper name (a region the gazetteer does not list, a named gathering), not
/// "to your inauguration" or "to discuss".
fn names_a_region(cx: &Context<'_, '_>) -> bool {
    let after = cx.t.text[cx.trigger.end..].trim_start();
    let after = after.strip_prefix("to ").unwrap_or(after);
    let after = after.strip_prefix("the ").unwrap_or(after);
    after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// "arrived in Nairobi on Monday for a two-day visit": a day that starts a visit of stated length
/// runs that many days.
fn with_stated_length(clause: &str, d: DateRange) -> DateRange {
    if d.precision != dateline_model::Precision::Day || d.start != d.end {
        return d;
    }
    let clause = clause.to_lowercase();
    const NUMBERS: &[(&str, i64)] = &[
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("2", 2),
        ("3", 3),
        ("4", 4),
        ("5", 5),
        ("6", 6),
        ("7", 7),
    ];
    let days = NUMBERS.iter().find_map(|(w, n)| {
        [
            format!(" {w}-day visit"),
            format!(" {w}-day trip"),
            format!(" {w}-day state visit"),
            format!(" {w}-day official visit"),
        ]
        .iter()
        .any(|p| clause.contains(p.as_str()))
        .then_some(*n)
    });
    match days {
        Some(n) => DateRange { end: d.start + chrono::Duration::days(n - 1), ..d },
        None => d,
    }
}

/// "traveled to", "returned on June 3 from travel to": travel told as done.
fn told_as_past(cx: &Context<'_, '_>) -> bool {
    let word = cx.trigger.slice(cx.t.text).to_lowercase();
    let clause = Span::new(cx.regions.clause.start, cx.trigger.start).slice(cx.t.text).to_lowercase();
    word.starts_with("traveled")
        || word.starts_with("travelled")
        || clause.contains("returned")
        || clause.contains("returns")
}

/// How many of `people` (in text order, from the first) the text joins with "and" or commas: "A,
/// B and C will travel" is three; "A spoke with B ahead of his travel" is one.
fn coordinated_run(cx: &Context<'_, '_>, people: &[Participant]) -> usize {
    let text = cx.t.text;
    let spans: Vec<Span> = people
        .iter()
        .filter_map(|p| {
            cx.mentions_in(cx.regions.subject)
                .find(|m| m.kind == MentionKind::Person && m.name == p.actor.name)
                .map(|m| m.span)
        })
        .collect();
    if spans.len() != people.len() {
        return 1.min(people.len());
    }
    let mut n = 1.min(people.len());
    for w in spans.windows(2) {
        let between = text[w[0].end.min(w[1].start)..w[1].start].trim();
        if matches!(between, "and" | "," | ", and" | "as well as") {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// The places a visit goes to: a list that starts right after the trigger or after "to"
/// ("will travel to Istanbul and Ankara, Turkey; Madrid, Spain"), not places named further on
/// ("the Amir's visit and the work of the United States and Qatar") or inside a title ("Special
/// Representative for the DPRK Kim to Honolulu").
fn destinations<'c>(cx: &'c Context<'_, '_>) -> Vec<&'c Mention> {
    let text = cx.t.text;
    let mut out: Vec<&Mention> = Vec::new();
    let mut last_end: Option<usize> = None;
    for p in cx.places_in(cx.regions.object) {
        let gap = &text[last_end.unwrap_or(cx.trigger.end)..p.span.start];
        let gap_trimmed = gap.trim_end();
        let after_to = gap_trimmed.ends_with(" to") || gap_trimmed == "to";
        let title_complement =
            [" for", " for the", " of", " of the"].iter().any(|w| gap_trimmed.ends_with(w));
        let joins = match last_end {
            None => (gap.len() <= 12 || after_to) && !title_complement,
            Some(_) => gap.len() <= 24 && !title_complement,
        };
        if joins {
            out.push(p);
            last_end = Some(p.span.end);
        } else if last_end.is_some() {
            break;
        }
    }
    out
}

/// A sentence that names a stop of the current trip and gives dates inside the trip's dates
/// dates that stop: "in Madrid, Spain from March 6 to 8 to ...".
fn update_stop_dates(t: &Tagged<'_>, sentence: Span, trips: &mut [Trip]) {
    let Some(trip) = trips.last_mut() else { return };
    let places: Vec<&Mention> = crate::starting_in(t.mentions, sentence, |m| m.span)
        .iter()
        .filter(|m| sentence.contains(m.span) && matches!(m.kind, MentionKind::City | MentionKind::Country))
        .collect();
    let countries: Vec<String> = places
        .iter()
        .filter_map(|m| m.country.clone())
        .filter(|c| trip.stop(c).is_some())
        .fold(Vec::new(), |mut v, c| {
            if !v.contains(&c) {
                v.push(c);
            }
            v
        });
    if countries.len() != 1 {
        return;
    }
    let Some(date) = crate::starting_in(t.times, sentence, |x| x.span)
        .iter()
        .filter(|x| sentence.contains(x.span))
        .filter(|x| !dates_the_telling(t.text, x, Span::new(sentence.start, sentence.start)))
        .filter_map(|x| x.range)
        .find(|r| trip.date.is_none_or(|d| d.contains(r)) && r.precision == dateline_model::Precision::Day)
    else {
        return;
    };
    let date = with_stated_length(sentence.slice(t.text), date);
    let stop = trip.stop_mut(&countries[0]);
    if stop.date.is_none() {
        stop.date = Some(date);
    }
    for p in places {
        if p.kind == MentionKind::City
            && p.country.as_deref() == Some(countries[0].as_str())
            && !stop.cities.contains(&p.name)
        {
            stop.cities.push(p.name.clone());
        }
    }
}

/// The trip stop a sentence is about: the one it names, else the only one, else the country of
/// the first counterpart that is a stop ("met with Peruvian Foreign Minister ...").
fn stop_for(
    cx: &Context<'_, '_>,
    trips: &Trips,
    people: &[Participant],
    counterparts: &[Participant],
) -> Option<(usize, String)> {
    // The last trip of one of `people` (of anyone's when there are none).
    let i = if people.is_empty() { trips.len().checked_sub(1) } else { trips.last_of(people) }?;
    let trip = &trips[i];
    let named: Vec<String> = cx
        .places_in(cx.sentence)
        .iter()
        .filter_map(|m| m.country.clone())
        .filter(|c| trip.stop(c).is_some())
        .collect();
    if let Some(c) = named.first() {
        return Some((i, c.clone()));
    }
    // A trip to a region has no stops of its own: a foreign place the sentence puts the meeting
    // in ("In the United Arab Emirates, Envoy Kerry met with ...") is one.
    if trip.stops.is_empty()
        && let Some(c) = cx
            .locative_places()
            .iter()
            .filter_map(|m| m.country.clone())
            .find(|c| trip.traveller_country.as_deref() != Some(c.as_str()))
    {
        return Some((i, c));
    }
    if trip.stops.len() == 1 {
        return Some((i, trip.stops[0].country.clone()));
    }
    counterparts
        .iter()
        .filter_map(|c| c.actor.country.clone())
        .find(|c| trip.stop(c).is_some())
        .map(|c| (i, c))
}

/// Who acts in a clause that names nobody ("he will meet with", "In El Salvador, reinforced ...
/// in meetings with"): on an open trip, its traveller; else the cast's salient person.
fn actors_of(cx: &Context<'_, '_>, trips: &[Trip]) -> Vec<Participant> {
    if cx.people_in(cx.regions.subject).is_empty()
        && let Some(trip) = trips.last()
    {
        let actor = Actor {
            name: trip.traveller.clone(),
            kind: ActorKind::Person,
            country: trip.traveller_country.clone(),
            roles: Vec::new(),
        };
        return vec![Participant { actor, role: Role::Initiator }];
    }
    cx.initiators()
}

fn meeting_or_call(cx: &Context<'_, '_>, kind: EventKind, trips: &Trips) -> Vec<Found> {
    let mut initiators = actors_of(cx, trips);
    let mut counterparts = cx.people_in(cx.regions.object);
    counterparts.extend(cx.parties_in(cx.regions.object));
    counterparts.retain(|c| !initiators.iter().any(|i| i.actor.name == c.actor.name));
    let mut kind = kind;
    if counterparts.is_empty() {
        // "The two ministers met": the subject holds every party.
        let subject = cx.people_in(cx.regions.subject);
        let bodies = bodies_holding(cx);
        // "Notice of Meeting: U.S. Advisory Commission on Public Diplomacy", with no person in
        // the article: the meeting of a body named after it.
        let of_bodies = || {
            let object = cx.bodies_in(cx.regions.object);
            object
                .first()
                .filter(|m| m.span.start - cx.regions.object.start <= 8)
                .map(|m| vec![participant(m, Role::Initiator)])
        };
        if kind == EventKind::Meeting && subject.is_empty() && !bodies.is_empty() {
            // "The Advisory Committee on Postal Services will meet on July 15": a body's meeting
            // is a gathering of its members.
            initiators = bodies;
            kind = EventKind::Conference;
        } else if kind == EventKind::Meeting
            && initiators.is_empty()
            && let Some(bodies) = of_bodies()
        {
            initiators = bodies;
            kind = EventKind::Conference;
        } else if subject.len() >= 2 {
            initiators = subject;
        } else if initiators.len() >= 2 {
            // "President Biden and I met": the speaker completes the subject.
        } else if let Some(countries) = countries_met(cx)
            && !initiators.is_empty()
        {
            // "a trilateral meeting with the Presidents of Poland and Lithuania": the leaders are
            // named by their countries.
            counterparts = countries;
        } else if let Some(sides) = parties_between(cx) {
            // "the talks held July 17-18 between senior leaders of the Islamic Republic of
            // Afghanistan and the Taliban": the two sides, no person named.
            initiators = sides;
        } else {
            return Vec::new();
        }
    }
    let attached = cx.attached_date();
    let mut date = attached;
    let mut location = None;
    let mut stop = None;
    let mut located_by_trip = false;
    if kind == EventKind::Meeting {
        location = location_of(&cx.locative_places());
        // On a trip by this traveller, the meeting happens at the stop, on its dates.
        if let Some((ti, country)) = stop_for(cx, trips, &initiators, &counterparts) {
            let trip = &trips[ti];
            let compatible = location.as_ref().is_none_or(|l| l.country.as_deref() == Some(country.as_str()));
            if trip.status == cx.status_for(date) && compatible {
                if date.is_none() {
                    date = trip.date_of(&country);
                }
                if location.is_none() {
                    location = Some(stop_location(trip, &country));
                    located_by_trip = true;
                }
                stop = Some((ti, country));
            }
        } else if date.is_none()
            && let Some(trip) = trips.last_of(&initiators).map(|i| &trips[i])
            && trip.status == cx.status_for(None)
            && location.as_ref().is_none_or(|l| l.country.as_ref().is_none_or(|c| trip.stop(c).is_some()))
        {
            // "will travel to Saudi Arabia and Oman on May 25. He will meet with ...": on a trip
            // of several stops, a meeting at none in particular happens within the trip's dates.
            date = trip.date;
        }
    }
    let mut out = Vec::new();
    // On a trip, each named counterpart is a meeting of its own, unless the clause says they met
    // together ("a trilateral meeting with").
    // Only the meeting's own words count: "to discuss joint efforts" is its topic.
    let told = Span::new(cx.regions.clause.start, cx.regions.object.end.max(cx.trigger.end));
    let together = ["trilateral", "joint", "together", "multilateral", "jointly"]
        .iter()
        .any(|w| told.slice(cx.t.text).to_lowercase().contains(w));
    // Off a trip too, a traveller's "met with A, B and C" of another country are three meetings;
    // a leader's meeting with his own officials is one, and so is a host's with a delegation.
    let countries_of =
        |ps: &[Participant]| -> Vec<String> { ps.iter().filter_map(|p| p.actor.country.clone()).collect() };
    let own = countries_of(&initiators);
    let theirs = countries_of(&counterparts);
    let here = location.as_ref().and_then(|l| l.country.as_ref());
    let foreign_counterparts = counterparts.len() >= 2
        && !theirs.is_empty()
        && !own.is_empty()
        && theirs.iter().all(|c| !own.contains(c))
        && !here.is_some_and(|c| own.contains(c));
    let per_counterpart = kind == EventKind::Meeting && (stop.is_some() || foreign_counterparts) && !together;
    let groups: Vec<Vec<Participant>> = if per_counterpart {
        counterparts.into_iter().map(|c| vec![c]).collect()
    } else {
        vec![counterparts]
    };
    // "met several times in London and in New York": a meeting in each city.
    let apart = if kind == EventKind::Meeting && !located_by_trip { cities_apart(cx) } else { Vec::new() };
    let places: Vec<Option<Location>> =
        if apart.is_empty() { vec![location] } else { apart.into_iter().map(Some).collect() };
    for (group, location) in groups.iter().flat_map(|g| places.iter().map(move |l| (g, l))) {
        let (mut location, mut date, mut stop) = (location.clone(), date, stop.clone());
        // "met with Paraguayan President X ...; with Panamanian President Y": when the sentence
        // gives no place of its own, a counterpart from another stop of the trip was met there.
        if per_counterpart
            && located_by_trip
            && let Some((ti, sentence_stop)) = &stop
            && let Some(own) = group.first().and_then(|c| c.actor.country.clone())
            && own != *sentence_stop
            && trips[*ti].stop(&own).is_some()
        {
            let trip = &trips[*ti];
            if attached.is_none() {
                date = trip.date_of(&own);
            }
            location = Some(stop_location(trip, &own));
            stop = Some((*ti, own));
        }
        let mut participants: Vec<Participant> = initiators.clone();
        for p in group {
            push_unique(&mut participants, p.clone());
        }
        let mut e = cx.event(kind, date, participants);
        e.location = location;
        out.push(Found { event: e, stop });
    }
    out
}

/// "with the Presidents of Poland and Lithuania", "with the foreign ministers of Japan and
/// Australia": office-holders named by their countries right after "with", no person named.
fn countries_met(cx: &Context<'_, '_>) -> Option<Vec<Participant>> {
    let text = cx.t.text;
    let object = cx.regions.object;
    let rest = object.slice(text).trim_start();
    // "met with" and "meeting with" hold the "with" in the trigger.
    let with_in_trigger = cx.trigger.slice(text).ends_with(" with");
    let rest = if with_in_trigger { rest } else { rest.strip_prefix("with ")? };
    let of = rest.find(" of ")?;
    let office = &rest[..of];
    let words: Vec<&str> = office.split_whitespace().collect();
    // "the Presidents", "the prime ministers", "the foreign ministers": a plural office.
    if words.len() > 4
        || !words
            .last()
            .is_some_and(|w| w.ends_with('s') && w.chars().next().is_some_and(char::is_alphabetic))
    {
        return None;
    }
    let plural_office =
        ["Presidents", "presidents", "Ministers", "ministers", "leaders", "Leaders", "heads", "Heads"];
    if !plural_office.contains(words.last().unwrap_or(&"")) {
        return None;
    }
    let start = object.start + (object.slice(text).len() - rest.len()) + of;
    let tail = &text[start..object.end];
    // The countries of the "A and B" run right after "of".
    let end = tail.find([',', ';']).map_or(object.end, |i| start + i);
    let mut out: Vec<Participant> = Vec::new();
    for m in cx.mentions_in(Span::new(start, end)) {
        if m.kind == MentionKind::Country {
            push_unique(&mut out, participant(m, Role::Counterpart));
        }
    }
    (out.len() >= 2).then_some(out)
}

/// "talks between A and B" with no person named: the countries and organisations after
/// "between" in the trigger's object, when there are two at least.
fn parties_between(cx: &Context<'_, '_>) -> Option<Vec<Participant>> {
    let text = cx.t.text;
    let object = cx.regions.object;
    let at = object.slice(text).find("between ")?;
    // Right after the trigger ("talks held July 17-18 between"): a few words at most.
    if object.slice(text)[..at].split_whitespace().count() > 4 || !cx.people_in(object).is_empty() {
        return None;
    }
    let region = Span::new(object.start + at, object.end);
    let mut sides: Vec<Participant> = Vec::new();
    for m in cx.mentions_in(region) {
        if matches!(m.kind, MentionKind::Country | MentionKind::Organization | MentionKind::Group) {
            push_unique(&mut sides, participant(m, Role::Counterpart));
        }
    }
    (sides.len() >= 2).then_some(sides)
}

/// The organisations that are the clause's subject, right at its start ("The Advisory Committee
/// on Postal Services will meet", "The Board held its annual meeting"), when no person is.
fn bodies_holding(cx: &Context<'_, '_>) -> Vec<Participant> {
    let text = cx.t.text;
    let region = cx.regions.subject;
    let part_start = region.slice(text).rfind([',', ';']).map_or(region.start, |i| region.start + i + 1);
    let part = Span::new(part_start, region.end);
    let mut orgs: Vec<Mention> = cx
        .mentions_in(part)
        .filter(|m| matches!(m.kind, MentionKind::Organization | MentionKind::Group))
        .cloned()
        .collect();
    orgs.extend(cx.bodies_in(part));
    orgs.sort_by_key(|m| m.span.start);
    let Some(first) = orgs.first() else { return Vec::new() };
    let lead = text[part_start..first.span.start].trim();
    // "the Department of State's Advisory Committee": a parent's possessive may open it.
    let parent = (lead.ends_with("'s") || lead.ends_with("’s")) && lead.split_whitespace().count() <= 5;
    if !(lead.is_empty() || lead == "The" || lead == "the" || parent) {
        return Vec::new();
    }
    // The body meets or holds the meeting ("will meet", "held its annual meeting"); "joined the
    // meeting as an observer" is someone else's meeting.
    let verb = cx.trigger.slice(text).to_lowercase();
    let between = text[first.span.end.min(cx.trigger.start)..cx.trigger.start].to_lowercase();
    let holds = ["hold", "held", "convene"].iter().any(|w| between.contains(w));
    if !(matches!(verb.as_str(), "meet" | "meets" | "met" | "meet with" | "meets with" | "met with") || holds)
    {
        return Vec::new();
    }
    // The body itself is the subject, its verb right after it (past an abbreviation in brackets):
    // "NATO ministers meet" is the ministers' meeting.
    let rest = text[first.span.end.min(cx.trigger.start)..cx.trigger.start].trim_start();
    let rest = if rest.starts_with('(') { rest.split_once(')').map_or("", |(_, r)| r) } else { rest };
    // Past its parent too: "the Overseas Schools Advisory Council of the Department of State will".
    let next = rest
        .split_whitespace()
        .find(|w| !(matches!(*w, "of" | "the" | "for" | "on") || w.starts_with(char::is_uppercase)))
        .unwrap_or_default();
    let next = next.to_lowercase();
    let next = next.as_str();
    if !(next.is_empty()
        || BEFORE_VERB.contains(&next)
        || ["hold", "holds", "held", "convene", "convenes", "convened"].contains(&next))
    {
        return Vec::new();
    }
    // "The Board and the Council will meet": the subject's coordinated bodies.
    let mut out = vec![participant(first, Role::Initiator)];
    for w in orgs.windows(2) {
        let between = text[w[0].span.end..w[1].span.start].trim();
        if !matches!(between, "and" | "and the" | "," | ", and" | ", and the") {
            break;
        }
        push_unique(&mut out, participant(&w[1], Role::Initiator));
    }
    out
}

/// "met in London and in New York", "in Rzeszów and then in Warsaw": the cities of the clause
/// where the meeting took place one after the other (the first after "in", each next one joined
/// to the one before by "and", "and in", "and then in" or a comma). Fewer than two: none.
fn cities_apart(cx: &Context<'_, '_>) -> Vec<Location> {
    let text = cx.t.text;
    let cities: Vec<&Mention> =
        cx.places_in(cx.regions.clause).into_iter().filter(|m| m.kind == MentionKind::City).collect();
    let Some(first) = cities.iter().position(|m| {
        let before = text[..m.span.start].trim_end();
        before.rsplit(char::is_whitespace).next().is_some_and(|w| w.eq_ignore_ascii_case("in"))
    }) else {
        return Vec::new();
    };
    let mut out = vec![cities[first]];
    for m in &cities[first + 1..] {
        let last = out[out.len() - 1];
        let between = text[last.span.end..m.span.start].trim();
        if !matches!(
            between,
            "and" | "and in" | "and then in" | "then in" | "," | ", and" | ", and in" | ", in"
        ) {
            break;
        }
        if m.name != last.name {
            out.push(m);
        }
    }
    if out.len() < 2 {
        return Vec::new();
    }
    out.into_iter().map(|c| Location { place: Some(c.name.clone()), country: c.country.clone() }).collect()
}

/// A stop's country, and its city when it has exactly one.
fn stop_location(trip: &Trip, country: &str) -> Location {
    let s = trip.stop(country);
    let place = s.and_then(|s| (s.cities.len() == 1).then(|| s.cities[0].clone()));
    Location { place, country: Some(country.to_string()) }
}

fn location_of(places: &[&Mention]) -> Option<Location> {
    let city = places.iter().find(|m| m.kind == MentionKind::City);
    let country = places.iter().find(|m| m.kind == MentionKind::Country);
    match (city, country) {
        (Some(c), _) => Some(Location { place: Some(c.name.clone()), country: c.country.clone() }),
        (None, Some(c)) => Some(Location { place: None, country: Some(c.name.clone()) }),
        (None, None) => None,
    }
}

/// One visit per trip stop outside the traveller's own country: the traveller and the people
/// met there, the stop's cities, its dates (else the trip's).
fn trip_visits(trips: &[Trip], found: &[Found]) -> Vec<Event> {
    let mut out = Vec::new();
    // The meetings found on each trip, in order: a look through all of them per trip was
    // quadratic in the length of a long text.
    let mut on_trip: Vec<Vec<&Found>> = vec![Vec::new(); trips.len()];
    for f in found {
        if let Some((i, _)) = &f.stop
            && let Some(of) = on_trip.get_mut(*i)
        {
            of.push(f);
        }
    }
    // The meetings told in each sentence, and who travels, for the hosts of a stop below.
    let mut told_in: std::collections::HashMap<Span, Vec<&Found>> = Default::default();
    for f in found.iter().filter(|f| f.event.kind == EventKind::Meeting) {
        for s in &f.event.evidence {
            told_in.entry(*s).or_default().push(f);
        }
    }
    let travellers: std::collections::HashSet<&str> = trips.iter().map(|t| t.traveller.as_str()).collect();
    for (ti, trip) in trips.iter().enumerate() {
        let found = &on_trip[ti];
        // Stops the meetings found on a trip to a region ("In the UAE, Kerry met ...").
        let mut stops = trip.stops.clone();
        for f in found {
            if let Some((i, c)) = &f.stop
                && *i == ti
                && !stops.iter().any(|s| s.country == *c)
            {
                let cities = f.event.location.iter().filter_map(|l| l.place.clone()).collect();
                stops.push(trip::Stop {
                    country: c.clone(),
                    cities,
                    date: None,
                    evidence: f.event.evidence.clone(),
                });
            }
        }
        for stop in &stops {
            if trip.traveller_country.as_deref() == Some(stop.country.as_str()) {
                continue;
            }
            let mut participants = vec![Participant {
                actor: Actor {
                    name: trip.traveller.clone(),
                    kind: ActorKind::Person,
                    country: trip.traveller_country.clone(),
                    roles: Vec::new(),
                },
                role: Role::Initiator,
            }];
            for h in &trip.hosts {
                push_unique(&mut participants, h.clone());
            }
            for f in
                found.iter().filter(|f| f.stop.as_ref().is_some_and(|(i, c)| *i == ti && *c == stop.country))
            {
                for p in &f.event.participants {
                    if p.actor.kind == ActorKind::Person && p.role != Role::Initiator {
                        push_unique(&mut participants, Participant { role: Role::Host, ..p.clone() });
                    }
                }
            }
            // "A met B during her visit to Rabat", "A met with B and C who arrived in Ukraine":
            // whom a meeting told in the stop's own sentence has the traveller meet there, besides
            // other travellers and people of a third country, hosts the visit.
            for f in stop.evidence.iter().filter_map(|s| told_in.get(s)).flatten().filter(|f| {
                f.event.status == trip.status
                    && f.event.participants.iter().any(|p| p.actor.name == trip.traveller)
            }) {
                for p in &f.event.participants {
                    let traveller = travellers.contains(p.actor.name.as_str());
                    let third = p.actor.country.as_ref().is_some_and(|c| *c != stop.country);
                    if p.actor.kind == ActorKind::Person && !traveller && !third {
                        push_unique(&mut participants, Participant { role: Role::Host, ..p.clone() });
                    }
                }
            }
            let date = stop.date.or(trip.date);
            out.push(Event {
                kind: EventKind::Visit,
                status: trip.status,
                date,
                participants,
                location: Some(Location {
                    place: (!stop.cities.is_empty()).then(|| stop.cities.join(", ")),
                    country: Some(stop.country.clone()),
                }),
                name: None,
                evidence: stop.evidence.clone(),
                trigger: trip.trigger,
                confidence: if date.is_some() { 0.8 } else { 0.5 },
            });
        }
    }
    out
}
