//! The same event told twice in one article is one event with both evidence sentences.
//! Two events are the same when their kind agrees, their people overlap (one set holds the other),
//! their dates are compatible (equal, one unknown, or one inside the other) and so are their
//! countries. Distinct days stay distinct events.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use dateline_model::{ActorKind, DateRange, Event, EventKind, Span, Status};

/// Merges within one article. A headline's events ("Envoy Lenderking's Travel to Saudi Arabia")
/// have no tense and no date of their own: they join the body's telling of the same event
/// whatever its status, and stand alone only when the body does not tell it. A meeting or call
/// the body dates weeks away from the publication day ("I was happy to welcome you back in May")
/// is another one than the headline's news.
pub fn within_article(
    events: Vec<Event>,
    headline: Option<Span>,
    published: Option<NaiveDate>,
) -> Vec<Event> {
    merge_counting(events, headline, published).0
}

/// Days between a dated event and the publication day past which it is not a headline's news.
const NEWS_DAYS: i64 = 14;

/// [`within_article`], also giving how many pairs of events it compared (for tests: a scan of
/// every kept event per event made merging quadratic in the length of a long text).
fn merge_counting(
    events: Vec<Event>,
    headline: Option<Span>,
    published: Option<NaiveDate>,
) -> (Vec<Event>, usize) {
    let from_headline = |e: &Event| headline.is_some_and(|h| e.evidence.iter().all(|s| h.contains(*s)));
    let (titles, body): (Vec<Event>, Vec<Event>) = events.into_iter().partition(|e| from_headline(e));
    let mut out: Vec<Event> = Vec::new();
    // The evidence each kept event has, to add a span in constant time: an article that tells
    // one event thousands of times gave it thousands of spans, each checked against all others.
    let mut spans: Vec<HashSet<Span>> = Vec::new();
    let mut kept = Kept::default();
    let mut compared = 0;
    for e in body {
        // The first kept event that is the same: only one sharing a person, or a named one when
        // `e` is named, can be (`same_event`), so only those are compared, in order.
        let same = kept.candidates(&e).into_iter().find(|&i| {
            compared += 1;
            same_event(&out[i], &e)
        });
        match same {
            Some(i) => {
                absorb(&mut out[i], &mut spans[i], e);
                kept.add(i, &out[i]);
            }
            None => {
                spans.push(e.evidence.iter().copied().collect());
                kept.add(out.len(), &e);
                out.push(e);
            }
        }
    }
    // A headline tells few events: each is compared with every kept one.
    for e in titles {
        let same = out.iter().position(|o| {
            compared += 1;
            // Its people those of the headline's parties ("Ukrainian-Slovenian dialogue" over
            // "in August, A and B attended the Summit"): a gathering weeks away is another.
            let far_off = |x: &Event| {
                (matches!(x.kind, EventKind::Meeting | EventKind::Call) || people_of_the_parties(&e, x))
                    && x.date.zip(published).is_some_and(|(d, p)| {
                        (p - d.end).num_days() > NEWS_DAYS || (d.start - p).num_days() > NEWS_DAYS
                    })
            };
            if far_off(o) {
                return false;
            }
            let mut probe = e.clone();
            probe.status = o.status;
            // "Meeting with X" over a body that tells "had a meeting, via videoconference, with
            // X": the headline names the call by what it was for.
            if probe.kind == EventKind::Meeting && o.kind == EventKind::Call {
                probe.kind = EventKind::Call;
            }
            // "Secretary's Meeting with ASEAN Foreign Ministers" over the body's "spoke with the
            // ASEAN foreign ministers during the Special ASEAN-U.S. Foreign Ministerial": a
            // meeting with a grouping is the gathering.
            let with_a_grouping = |x: &Event| {
                x.participants
                    .iter()
                    .any(|p| matches!(p.actor.kind, ActorKind::Organization | ActorKind::Group))
            };
            if probe.kind == EventKind::Meeting && o.kind == EventKind::Conference && with_a_grouping(&probe)
            {
                probe.kind = EventKind::Conference;
                probe.name = o.name.clone();
            }
            // "Joint Statement on the Canada-Chile-Peru Trilateral Ministerial Meeting" over
            // "A, B and C met today in Lima": the ministers of the three
            // countries the headline's gathering names met at it.
            if probe.kind == EventKind::Conference
                && o.kind == EventKind::Meeting
                && countries(&probe).len() >= 3
                && people_of_the_parties(&probe, o)
            {
                probe.kind = EventKind::Meeting;
            }
            same_event(o, &probe)
        });
        match same {
            Some(i) => {
                if e.kind == EventKind::Conference && out[i].kind == EventKind::Meeting {
                    out[i].kind = EventKind::Conference;
                    out[i].name = e.name.clone();
                }
                absorb(&mut out[i], &mut spans[i], e)
            }
            None => {
                spans.push(e.evidence.iter().copied().collect());
                out.push(e);
            }
        }
    }
    (out, compared)
}

/// Longest trip, in days, that two tellings of visits to one country may join into.
const ONE_TRIP_DAYS: i64 = 14;

/// One visit per traveller and destination country: "the President's visit to Rzeszów
/// yesterday" and his meeting in Warsaw today are one visit to Poland, over both days and both
/// cities. Two visits join when they have one traveller, one country and one status, and their
/// days touch (at most one day apart), both to the day.
pub(super) fn one_visit_per_country(events: &mut Vec<Event>) {
    let key = |e: &Event| -> Option<(String, String, Status, DateRange)> {
        let d = e.date.filter(|d| d.precision == dateline_model::Precision::Day)?;
        let country = e.location.as_ref()?.country.clone()?;
        let traveller = e.participants.first()?.actor.name.clone();
        (e.kind == EventKind::Visit).then_some((traveller, country, e.status, d))
    };
    let mut i = 0;
    while i < events.len() {
        let Some((who, country, status, a)) = key(&events[i]) else {
            i += 1;
            continue;
        };
        let joins = (i + 1..events.len()).find(|&j| {
            key(&events[j]).is_some_and(|(w, c, st, b)| {
                w == who
                    && c == country
                    && st == status
                    && b.start <= a.end + chrono::Days::new(1)
                    && a.start <= b.end + chrono::Days::new(1)
                    && (a.end.max(b.end) - a.start.min(b.start)).num_days() < ONE_TRIP_DAYS
            })
        });
        let Some(j) = joins else {
            i += 1;
            continue;
        };
        let other = events.remove(j);
        let o = &mut events[i];
        let b = other.date.expect("dated by key");
        let places = |e: &Event| -> Vec<String> {
            e.location
                .as_ref()
                .and_then(|l| l.place.clone())
                .map_or(Vec::new(), |p| p.split(", ").map(str::to_string).collect())
        };
        // The cities in the order of their days.
        let (first, second) =
            if b.start < a.start { (places(&other), places(o)) } else { (places(o), places(&other)) };
        let mut all: Vec<String> = Vec::new();
        for p in first.into_iter().chain(second) {
            if !all.contains(&p) {
                all.push(p);
            }
        }
        let mut spans = o.evidence.iter().copied().collect();
        absorb(o, &mut spans, other);
        o.date = Some(super::visits::hull(a, b));
        if let Some(l) = o.location.as_mut() {
            l.place = (!all.is_empty()).then(|| all.join(", "));
        }
        // Look again: the joined visit may now touch another.
    }
}

/// The kept events by the people they name and, for named ones, by kind and status. An event
/// that grew keeps its old entries (a superset: every candidate is compared anyway).
#[derive(Debug, Default)]
struct Kept {
    by_person: HashMap<(EventKind, Status, String), BTreeSet<usize>>,
    named: HashMap<(EventKind, Status), BTreeSet<usize>>,
}

impl Kept {
    fn add(&mut self, i: usize, e: &Event) {
        for p in e.participants.iter().filter(|p| p.actor.kind == ActorKind::Person) {
            self.by_person.entry((e.kind, e.status, p.actor.name.clone())).or_default().insert(i);
        }
        if e.name.is_some() {
            self.named.entry((e.kind, e.status)).or_default().insert(i);
        }
    }

    /// Every kept event that may be the same as `e`, in order: the same kind and status and a
    /// person in common (`people_nested` of two non-empty sets), or both named.
    fn candidates(&self, e: &Event) -> BTreeSet<usize> {
        let mut out: BTreeSet<usize> = e
            .participants
            .iter()
            .filter(|p| p.actor.kind == ActorKind::Person)
            .filter_map(|p| self.by_person.get(&(e.kind, e.status, p.actor.name.clone())))
            .flatten()
            .copied()
            .collect();
        if e.name.is_some() {
            // A named gathering's undated copy may join a telling of another status.
            let statuses: &[Status] = if e.kind == EventKind::Conference {
                &[Status::Occurred, Status::Planned, Status::Cancelled, Status::Postponed]
            } else {
                std::slice::from_ref(&e.status)
            };
            for &status in statuses {
                if let Some(named) = self.named.get(&(e.kind, status)) {
                    out.extend(named);
                }
            }
        }
        out
    }
}

fn same_event(a: &Event, b: &Event) -> bool {
    let both_named = a.name.is_some() && b.name.is_some();
    // "I appreciate your presence at this G20 Summit" beside "tomorrow we will start the G20
    // Summit": an undated telling in the present of a dated gathering is that gathering.
    let undated_copy =
        |x: &Event, y: &Event| x.date.is_none() && x.status == Status::Occurred && y.date.is_some();
    let same_status = a.status == b.status
        || a.kind == EventKind::Conference && both_named && (undated_copy(a, b) || undated_copy(b, a));
    a.kind == b.kind
        && same_status
        && dates_compatible(a, b)
        && countries_compatible(a, b)
        && names_compatible(a, b)
        // A named gathering is one event whoever the sentence names: the headline's "U.S.-Peru
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
        (Some(x), Some(y)) => {
            let (px, py) = (plain_name(x), plain_name(y));
            x.eq_ignore_ascii_case(y)
                || x.contains(y.as_str())
                || y.contains(x.as_str())
                || px == py
                || words_within(&px, &py)
        }
        _ => true,
    }
}

/// A gathering's name in one spelling: lower case, curly apostrophes straight, and the ways of
/// saying a ministers' meeting as one word ("the Mekong-U.S. Partnership Ministers' Meeting" is
/// "the second Mekong-U.S. Partnership ministerial").
fn plain_name(name: &str) -> String {
    let mut s = name.to_lowercase().replace('\u{2019}', "'");
    for long in
        ["foreign ministers' meeting", "ministers' meeting", "ministerial meeting", "ministers meeting"]
    {
        s = s.replace(long, "ministerial");
    }
    s
}

/// "Quad Summit" and "Quad Leaders' Summit": every word of the shorter name, two at least, is a
/// word of the longer one (case and a possessive apostrophe aside).
fn words_within(x: &str, y: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| !w.is_empty() && w != "the")
            .collect()
    };
    let (wx, wy) = (words(x), words(y));
    let (short, long) = if wx.len() <= wy.len() { (wx, wy) } else { (wy, wx) };
    short.len() >= 2 && short.iter().all(|w| long.contains(w))
}

fn people_nested(a: &Event, b: &Event) -> bool {
    let names = |e: &Event, kind: ActorKind| -> Vec<String> {
        e.participants.iter().filter(|p| p.actor.kind == kind).map(|p| p.actor.name.clone()).collect()
    };
    let nested =
        |x: &[String], y: &[String]| x.iter().all(|n| y.contains(n)) || y.iter().all(|n| x.contains(n));
    let (pa, pb) = (names(a, ActorKind::Person), names(b, ActorKind::Person));
    if pa.is_empty() || pb.is_empty() {
        // "the U.S.-Poland Strategic Dialogue" and "Minister Rau and Secretary Blinken held the
        // dialogue": the parties of one are the countries of the other's people.
        if !(pa.is_empty() && pb.is_empty()) {
            // "NATO ministers meet in Brussels" and "A chaired the NATO ministerial in Brussels":
            // a gathering of organisations is the one its organisations attend.
            let groups = |e: &Event| -> Vec<String> {
                e.participants
                    .iter()
                    .filter(|p| matches!(p.actor.kind, ActorKind::Organization | ActorKind::Group))
                    .map(|p| p.actor.name.clone())
                    .collect()
            };
            let (bare, other) = if pa.is_empty() { (a, b) } else { (b, a) };
            let (gb, go) = (groups(bare), groups(other));
            let same_groups = a.kind == EventKind::Conference
                && !gb.is_empty()
                && gb.iter().all(|g| go.contains(g))
                && bare.participants.len() == gb.len();
            return same_groups || people_of_the_parties(a, b) || people_of_the_parties(b, a);
        }
        // Gatherings without named people are the same when their names agree, or, unnamed,
        // when the organisations they gather are nested ("Notice of Meeting: U.S. Advisory
        // Commission on Public Diplomacy" and the body's "The Commission will hold a meeting").
        // So are talks between countries ("Russian-Chinese talks" in the headline and the body).
        let (oa, ob) = (names(a, ActorKind::Organization), names(b, ActorKind::Organization));
        let (ca, cb) = (names(a, ActorKind::Country), names(b, ActorKind::Country));
        let nested_parties = |x: &[String], y: &[String]| !x.is_empty() && !y.is_empty() && nested(x, y);
        return (a.name.is_some() && b.name.is_some())
            || (a.name.is_none()
                && b.name.is_none()
                && (nested_parties(&oa, &ob) || oa.is_empty() && ob.is_empty() && nested_parties(&ca, &cb)));
    }
    nested(&pa, &pb)
}

/// The countries an event has as parties.
fn countries(e: &Event) -> Vec<&str> {
    e.participants
        .iter()
        .filter(|p| p.actor.kind == ActorKind::Country)
        .map(|p| p.actor.name.as_str())
        .collect()
}

/// Whether `parties` names countries and no person, and the two people or more of `people`
/// are each of one of those countries, all of them covered.
fn people_of_the_parties(parties: &Event, people: &Event) -> bool {
    let theirs = countries(parties);
    let persons: Vec<Option<&str>> = people
        .participants
        .iter()
        .filter(|p| p.actor.kind == ActorKind::Person)
        .map(|p| p.actor.country.as_deref())
        .collect();
    if theirs.len() < 2
        || persons.len() < 2
        || parties.participants.iter().any(|p| p.actor.kind == ActorKind::Person)
    {
        return false;
    }
    let Some(of) = persons.into_iter().collect::<Option<Vec<&str>>>() else { return false };
    of.iter().all(|c| theirs.contains(c)) && theirs.iter().all(|c| of.contains(c))
}

/// Folds `e` into `o`: evidence, the more precise date, every participant, the fuller place.
fn absorb(o: &mut Event, spans: &mut HashSet<Span>, e: Event) {
    for span in e.evidence {
        if spans.insert(span) {
            o.evidence.push(span);
        }
    }
    // An undated copy takes the status of the dated telling it joins.
    if o.date.is_none() && e.date.is_some() {
        o.status = e.status;
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

#[cfg(test)]
mod tests {
    use dateline_model::{Actor, Participant, Role};

    use super::*;

    fn meeting(i: usize, people: &[&str], name: Option<&str>) -> Event {
        Event {
            kind: EventKind::Meeting,
            status: Status::Occurred,
            date: None,
            participants: people
                .iter()
                .map(|p| Participant { actor: Actor::new(*p, ActorKind::Person), role: Role::Attendee })
                .collect(),
            location: None,
            name: name.map(str::to_string),
            evidence: vec![Span::new(i * 10, i * 10 + 5)],
            trigger: Span::new(i * 10, i * 10 + 3),
            confidence: 0.5,
        }
    }

    fn visit(i: usize, who: &str, place: &str, country: &str, start: (u32, u32), end: (u32, u32)) -> Event {
        let day = |(m, d): (u32, u32)| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
        Event {
            kind: EventKind::Visit,
            date: Some(DateRange {
                start: day(start),
                end: day(end),
                precision: dateline_model::Precision::Day,
            }),
            location: Some(dateline_model::Location {
                place: Some(place.to_string()),
                country: Some(country.to_string()),
            }),
            ..meeting(i, &[who], None)
        }
    }

    #[test]
    fn visits_of_one_traveller_to_one_country_on_touching_days_are_one() {
        // "your visit to Rzeszów yesterday" and today's stop in Warsaw: one visit to Poland.
        let mut events = vec![
            visit(0, "Ana Silva", "Warsaw", "Poland", (3, 26), (3, 26)),
            visit(1, "Ana Silva", "Rzeszów", "Poland", (3, 25), (3, 25)),
            // Another traveller, another country, a day too far: kept apart.
            visit(2, "Tomas Lind", "Kraków", "Poland", (3, 26), (3, 26)),
            visit(3, "Ana Silva", "Berlin", "Germany", (3, 27), (3, 27)),
            visit(4, "Ana Silva", "Gdańsk", "Poland", (3, 29), (3, 29)),
        ];
        one_visit_per_country(&mut events);
        let shown: Vec<String> = events
            .iter()
            .map(|e| {
                let d = e.date.unwrap();
                format!(
                    "{} {}..{} {}",
                    e.participants[0].actor.name,
                    d.start,
                    d.end,
                    e.location.as_ref().unwrap().place.as_deref().unwrap()
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                "Ana Silva 2022-03-25..2022-03-26 Rzeszów, Warsaw",
                "Tomas Lind 2022-03-26..2022-03-26 Kraków",
                "Ana Silva 2022-03-27..2022-03-27 Berlin",
                "Ana Silva 2022-03-29..2022-03-29 Gdańsk",
            ]
        );
        assert_eq!(events[0].evidence.len(), 2);
    }

    #[test]
    fn events_sharing_people_merge_and_others_stay() {
        let events = vec![
            meeting(0, &["A", "B"], None),
            meeting(1, &["C"], None),
            meeting(2, &["B"], None),
            meeting(3, &[], Some("Strategic Dialogue")),
            meeting(4, &["D"], Some("the Strategic Dialogue")),
        ];
        let (out, _) = merge_counting(events, None, None);
        let people: Vec<Vec<&str>> = out.iter().map(|e| e.participant_names()).collect();
        assert_eq!(people, [vec!["A", "B"], vec!["C"], vec!["D"]]);
        // The named ones: "Strategic Dialogue" inside "the Strategic Dialogue", whoever takes part.
        let (out, _) = merge_counting(
            vec![
                meeting(0, &[], Some("Strategic Dialogue")),
                meeting(1, &["D"], Some("The Strategic Dialogue")),
            ],
            None,
            None,
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].evidence.len(), 2);
    }

    /// Not a timed test: merging thousands of events with different people compares each with
    /// the few that share a person, not with every kept one.
    #[test]
    fn merging_compares_only_events_that_share_a_person() {
        let names: Vec<String> = (0..4000).map(|i| format!("Person {i}")).collect();
        let events: Vec<Event> =
            (0..4000).map(|i| meeting(i, &[&names[i], &names[(i + 1) % 4000]], None)).collect();
        let (out, compared) = merge_counting(events, None, None);
        assert_eq!(out.len(), 4000);
        assert!(compared <= 2 * 4000, "{compared} comparisons for 4,000 events");
    }
}
