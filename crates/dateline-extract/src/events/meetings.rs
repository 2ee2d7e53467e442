//! Meetings and calls: who meets whom, where and when, on a trip's stop or off it.

use super::*;

/// The trip stop a sentence is about: the one it names, else the only one, else the country of
/// the first counterpart that is a stop ("met with Peruvian Foreign Minister ...").
pub(super) fn stop_for(
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
    // "A, Japanese Vice Foreign Minister B and ROK First Vice Foreign Minister C will hold a joint
    // meeting": with no counterpart, the first of the others whose country is a stop.
    let others = people.iter().filter(|p| p.actor.name != trip.traveller);
    counterparts
        .iter()
        .chain(others)
        .filter_map(|c| c.actor.country.clone())
        .find(|c| trip.stop(c).is_some())
        .map(|c| (i, c))
}

/// Who acts in a clause that names nobody ("he will meet with", "In El Salvador, reinforced ...
/// in meetings with"): on an open trip, its traveller; else the cast's salient person.
pub(super) fn actors_of(cx: &Context<'_, '_>, trips: &[Trip]) -> Vec<Participant> {
    if cx.people_in(cx.regions.subject).is_empty()
        && let Some(trip) = trips.last()
    {
        return vec![trip.traveller_participant()];
    }
    cx.initiators()
}

/// Words a subject refers back with to the people of the event told just before: "The two
/// ministers", "Both leaders", "They".
const THE_TWO: &[&str] = &[
    "the two ministers",
    "the two foreign ministers",
    "the two leaders",
    "the two presidents",
    "the two prime ministers",
    "the two heads of state",
    "the two counterparts",
    "the two officials",
    "the ministers",
    "the leaders",
    "the presidents",
    "both ministers",
    "both leaders",
    "both presidents",
    "they",
];

/// The people of the event the sentence before told, when the subject refers back to them with
/// [`THE_TWO`] and that sentence told one set of two or more people.
pub(super) fn the_two_told_before(cx: &Context<'_, '_>) -> Option<Vec<Participant>> {
    let subject = cx.regions.subject.slice(cx.t.text).trim().to_lowercase();
    let subject = subject.trim_start_matches(|c: char| !c.is_alphanumeric());
    let refers = THE_TWO
        .iter()
        .any(|w| subject.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ','])));
    if !refers {
        return None;
    }
    let people = |e: &Event| -> Vec<Participant> {
        e.participants
            .iter()
            .filter(|p| p.actor.kind == ActorKind::Person)
            .map(|p| Participant { role: Role::Initiator, ..p.clone() })
            .collect()
    };
    let names = |ps: &[Participant]| {
        let mut n: Vec<String> = ps.iter().map(|p| p.actor.name.clone()).collect();
        n.sort();
        n
    };
    let first = people(cx.previous.first()?);
    let key = names(&first);
    (first.len() >= 2 && cx.previous.iter().all(|e| names(&people(e)) == key)).then_some(first)
}

/// The object of a call's noun opens with "of" and an organisation or grouping: "a virtual
/// meeting of BRICS foreign ministers", "a videoconference of the G7 leaders".
fn of_a_grouping(cx: &Context<'_, '_>) -> bool {
    let text = cx.t.text;
    let object = cx.regions.object;
    let lead = object.slice(text);
    let Some(rest) = lead.strip_prefix(" of ") else { return false };
    let from = object.start + (lead.len() - rest.len());
    let from = from + if rest.starts_with("the ") { 4 } else { 0 };
    cx.mentions_in(object)
        .any(|m| m.span.start == from && matches!(m.kind, MentionKind::Organization | MentionKind::Group))
}

/// "Envoy A met Taliban officials. The talks, held in Doha on Sunday and Monday, ended ...": a
/// meeting told again by its noun alone, with the article, no complement and a date of its own
/// in a participle or relative clause right after it; the telling before it gives its people
/// (the two are merged as one event).
fn told_again_with_its_date(cx: &Context<'_, '_>) -> bool {
    told_again(cx.t.text, cx.sentence, cx.trigger) && cx.attached_date().is_some()
}

/// The words of [`told_again_with_its_date`]: "The talks, held", "The meeting, which took place".
/// Such a telling that merged into no other keeps only the one person it was given: it is no
/// event of its own ([`super::drop_lone_retellings`]).
pub(super) fn told_again(text: &str, sentence: Span, trigger: Span) -> bool {
    let word = trigger.slice(text).to_ascii_lowercase();
    if !matches!(word.as_str(), "talks" | "meeting" | "negotiations" | "consultations") {
        return false;
    }
    let before = text[sentence.start..trigger.start].trim_end();
    if !(before == "The" || before.ends_with(", the") || before.ends_with(". The")) {
        return false;
    }
    let after = &text[trigger.end..sentence.end];
    [", held ", ", which took place ", ", which were held ", ", which was held ", ", which began "]
        .iter()
        .any(|w| after.starts_with(w))
}

/// Triggers that tell a meeting only with a date of their own ([`meeting_or_call`]).
const ONLY_DATED: &[&str] = &["contacts with", "for the hospitality"];

pub(super) fn meeting_or_call(cx: &Context<'_, '_>, kind: EventKind, trips: &Trips) -> Vec<Found> {
    // "his contacts with A and B held in Brussels on May 22" is a meeting; "maintains regular
    // contacts with A" is a relation. "A thanked B for the hospitality extended during the visit
    // to New Delhi on December 6" tells their meeting there; "for the hospitality during his
    // visit", undated, may be thanks for any stay. Only a dated telling is one.
    let trigger = cx.trigger.slice(cx.t.text);
    if ONLY_DATED.iter().any(|w| trigger.eq_ignore_ascii_case(w)) && cx.attached_date().is_none() {
        return Vec::new();
    }
    let mut initiators = actors_of(cx, trips);
    let mut counterparts = cx.people_in(cx.regions.object);
    counterparts.extend(cx.parties_in(cx.regions.object));
    // "met with an American delegation": a delegation with no member named is its country; one
    // of the traveller's own country is his own party.
    if counterparts.is_empty() {
        // A government's own release speaks for officials it does not give a country.
        let own: Vec<&str> =
            initiators.iter().filter_map(|i| i.actor.country.as_deref().or(cx.t.outlet_country)).collect();
        counterparts.extend(
            cx.delegations_in(cx.regions.object)
                .into_iter()
                .filter(|d| !own.contains(&d.actor.name.as_str())),
        );
    }
    let sides = compound_sides(cx);
    // "Russian-Chinese talks took place": the sides are the parties; nobody the article mentions
    // before stands in for a subject the clause does not have.
    if !sides.is_empty() && cx.people_in(cx.regions.subject).is_empty() {
        initiators.clear();
    }
    counterparts.extend(sides);
    // "the meeting of President A with Prime Minister B": the nominal's "of ... with" names every
    // party; whoever the clause is about was not there.
    let object = cx.regions.object.slice(cx.t.text);
    let of_with = cx.people_in(cx.regions.object);
    if object.starts_with(" of ")
        && object.contains(" with ")
        && of_with.len() >= 2
        && cx.people_in(cx.regions.subject).is_empty()
        // "the meeting of the Deputy Head of the Office with B": the office is the traveller's.
        && !of_with.iter().any(|p| initiators.iter().any(|i| i.actor.name == p.actor.name))
    {
        initiators.clear();
    }
    // "During the negotiations with Adviser A, Minister B expressed ...": the one met is in the
    // opening phrase, the one who met is the subject of the clause it leads into.
    if !counterparts.is_empty()
        && cx.people_in(cx.regions.subject).is_empty()
        && let Some(main) = opening_subject(cx.t.text, cx.sentence, cx.trigger)
        && let people = cx.people_in(main)
        && !people.is_empty()
    {
        initiators = people;
    }
    counterparts.retain(|c| !initiators.iter().any(|i| i.actor.name == c.actor.name));
    let mut kind = kind;
    // "joined a virtual meeting of BRICS foreign ministers", "a videoconference of the G7
    // leaders": a call of a grouping's members is its gathering.
    if kind == EventKind::Call && of_a_grouping(cx) {
        kind = EventKind::Conference;
    }

    // "I was happy to welcome you", "looking forward to seeing you": the one addressed.
    // The addressee is the one met, whoever else the clause names ("to welcome you to the State
    // Department"); "welcome you" with nobody to address ("welcome you all") tells no meeting.
    let mut addressed = false;
    let you = cx.addressed().filter(|you| !initiators.iter().any(|i| i.actor.name == you.actor.name));
    if let Some(you) = you {
        counterparts = vec![Participant { role: Role::Counterpart, ..you }];
        addressed = true;
    } else if cx.trigger.slice(cx.t.text).to_lowercase().ends_with(" you") {
        return Vec::new();
    } else if counterparts.is_empty()
        && let Some(you) = cx.we_two(false)
        && !initiators.iter().any(|i| i.actor.name == you.actor.name)
    {
        counterparts.push(Participant { role: Role::Counterpart, ..you });
    }
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
        if matches!(kind, EventKind::Meeting | EventKind::Call) && subject.is_empty() && !bodies.is_empty() {
            // "The Advisory Committee on Postal Services will meet on July 15": a body's meeting
            // is a gathering of its members; so is its members' meeting by video ("The Quad
            // leaders met virtually").
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
        } else if subject.is_empty()
            && let Some(parties) = opening_subject(cx.t.text, cx.sentence, cx.trigger)
                .map(|main| cx.people_in(main))
                .filter(|parties| parties.len() >= 2)
        {
            // "In a video call on Thursday, A and B agreed ...": the parties are the subject of the
            // clause the opening phrase leads into.
            initiators = parties;
        } else if initiators.len() >= 2 {
            // "President Biden and I met": the speaker completes the subject.
        } else if let Some(countries) = countries_met(cx)
            && !initiators.is_empty()
        {
            // "a trilateral meeting with the Presidents of Poland and Lithuania": the leaders are
            // named by their countries.
            counterparts = countries;
        } else if initiators.is_empty()
            && let Some(countries) = countries_meeting(cx)
        {
            // "The leaders of Japan, Brazil and India held a trilateral meeting".
            initiators = countries;
        } else if let Some(sides) = parties_between(cx) {
            // "the talks held May 3-4 between senior envoys of the Government of Sudan and the
            // rebel alliance": the two sides, no person named.
            initiators = sides;
        } else if let Some(pair) = the_two_told_before(cx) {
            // "A spoke with B on Monday. The two ministers agreed to meet in Rome next month."
            initiators = pair;
        } else if initiators.is_empty() || !told_again_with_its_date(cx) {
            return Vec::new();
        }
    }
    let mut attached = cx.attached_date();
    // "we are so delighted to welcome you to the State Department": a welcome said as it
    // happens is the publication day's.
    if addressed && attached.is_none() && welcomed_now(cx) {
        attached = cx.t.published.map(DateRange::day);
    }
    let mut date = attached;
    let mut location = None;
    let mut stop = None;
    let mut located_by_trip = false;
    // A body's or an organisation's gathering ("NATO defence ministers will meet in Brussels").
    if kind == EventKind::Conference {
        location = location_of(&cx.locative_places());
    }
    if kind == EventKind::Meeting {
        location = location_of(&cx.locative_places());
        // On a trip by this traveller, the meeting happens at the stop, on its dates.
        if let Some((ti, country)) = stop_for(cx, trips, &initiators, &counterparts) {
            let trip = &trips[ti];
            let compatible = location.as_ref().is_none_or(|l| l.country.as_deref() == Some(country.as_str()));
            // "arrived in Saudi Arabia today ... Finally, he will meet with ...": a trip under
            // way on the publication day holds the meetings it plans.
            let under_way = trip.status == Status::Occurred
                && cx.status_for(date) == Status::Planned
                && date.is_none()
                && cx
                    .t
                    .published
                    .is_some_and(|p| trip.date_of(&country).is_some_and(|d| d.start <= p && p <= d.end));
            if (trip.status == cx.status_for(date) || under_way) && compatible {
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
            // "will travel to Qatar and Kuwait on March 2. He will meet with ...": on a trip
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
    // "held calls with A and B": a call with each.
    let calls = kind == EventKind::Call
        && cx.trigger.slice(cx.t.text).split_whitespace().any(|w| w.eq_ignore_ascii_case("calls"));
    // "met separately with A and B", "held separate talks with A and B": the text says so.
    let separately = counterparts.len() >= 2 && {
        let words = told.slice(cx.t.text).to_lowercase();
        words.contains("separately") || words.contains("separate ")
    };
    let per_counterpart =
        (kind == EventKind::Meeting && (stop.is_some() || foreign_counterparts) || calls || separately)
            && !together;
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
        let guest = if addressed { welcomed_guest(cx, &initiators, group) } else { None };
        if let Some((guest, host)) = guest
            && let Some(place) = e.location.clone().or_else(|| {
                let country = host.actor.country.clone()?;
                Some(Location { place: None, country: Some(country) })
            })
        {
            let mut visit = cx.event(EventKind::Visit, e.date, vec![guest, host]);
            visit.status = e.status;
            visit.location = Some(place);
            out.push(Found { event: visit, stop: None });
        }
        out.push(Found { event: e, stop });
    }
    out
}

/// "I am delighted to welcome you", "it is my honor to host you here": a speaker's welcome or
/// hosting in the present tense, no past word before it in the clause.
fn welcomed_now(cx: &Context<'_, '_>) -> bool {
    let said = cx.trigger.slice(cx.t.text).to_lowercase();
    if !(said.starts_with("welcome ") || said.starts_with("host ")) || cx.status != Status::Occurred {
        return false;
    }
    let before = format!(" {} ", cx.t.text[cx.regions.clause.start..cx.trigger.start].to_lowercase());
    ![" was ", " were ", " had ", " when ", " last ", " ago "].iter().any(|w| before.contains(w))
}

/// "I was happy to welcome you at the White House", "honored to host you in Washington": the
/// one addressed came to the speaker, the guest of a visit whose host is the speaker; "the warm
/// welcome you gave me" turns it round. The guest first, then the host.
fn welcomed_guest(
    cx: &Context<'_, '_>,
    speakers: &[Participant],
    addressed: &[Participant],
) -> Option<(Participant, Participant)> {
    let trigger = cx.trigger.slice(cx.t.text).to_lowercase();
    if !(trigger.starts_with("welcom") || trigger.starts_with("host")) {
        return None;
    }
    let me = speakers.first()?.clone();
    let you = addressed.first()?.clone();
    let after = cx.t.text[cx.trigger.end..].trim_start().to_lowercase();
    let turned =
        ["gave me", "gave us", "extended to me", "extended to us"].iter().any(|w| after.starts_with(w));
    let (mut guest, mut host) = if turned { (me, you) } else { (you, me) };
    guest.role = Role::Initiator;
    host.role = Role::Counterpart;
    Some((guest, host))
}

/// "with the Presidents of Poland and Lithuania", "with the foreign ministers of Japan and
/// Australia": office-holders named by their countries right after "with", no person named.
/// "Russian-Chinese talks", "the Ukrainian-Azerbaijani talks will be held": the sides named by a
/// compound of countries right before the trigger.
fn compound_sides(cx: &Context<'_, '_>) -> Vec<Participant> {
    let text = cx.t.text;
    let head = cx.trigger.slice(text).to_lowercase();
    if !matches!(head.as_str(), "talks" | "negotiations" | "consultations") {
        return Vec::new();
    }
    let mut sides: Vec<&Mention> = Vec::new();
    let mut end = cx.trigger.start;
    for m in cx.mentions_in(cx.regions.subject).collect::<Vec<_>>().into_iter().rev() {
        let gap = &text[m.span.end..end];
        let joins = if sides.is_empty() { gap == " " } else { matches!(gap, "-" | "\u{2013}" | "\u{2010}") };
        if !joins || !matches!(m.kind, MentionKind::Country | MentionKind::CountryAdjective) {
            break;
        }
        sides.insert(0, m);
        end = m.span.start;
    }
    if sides.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in sides {
        let mut p = participant(m, Role::Counterpart);
        p.actor.kind = ActorKind::Country;
        push_unique(&mut out, p);
    }
    out
}

pub(super) fn countries_met(cx: &Context<'_, '_>) -> Option<Vec<Participant>> {
    let text = cx.t.text;
    let object = cx.regions.object;
    let rest = object.slice(text).trim_start();
    // "met with" and "meeting with" hold the "with" in the trigger.
    let with_in_trigger = cx.trigger.slice(text).ends_with(" with");
    let rest = if with_in_trigger { rest } else { rest.strip_prefix("with ")? };
    let from = object.start + (object.slice(text).len() - rest.len());
    offices_of_countries(cx, Span::new(from, object.end))
        .or_else(|| counterparts_by_nation(cx, Span::new(from, object.end)))
}

/// "with her Finnish, Swedish and Danish counterparts", "with the Baltic ... ": a run of two
/// nationalities or more, after a possessive or "the", before a plural word for their holders.
fn counterparts_by_nation(cx: &Context<'_, '_>, region: Span) -> Option<Vec<Participant>> {
    let text = cx.t.text;
    let rest = region.slice(text);
    let lead = ["her ", "his ", "their ", "the ", "its "].iter().find(|w| rest.starts_with(**w))?;
    let mut last_end = region.start + lead.len();
    let mut out: Vec<Participant> = Vec::new();
    for m in cx.mentions_in(Span::new(last_end, region.end)) {
        let between = text[last_end..m.span.start].trim();
        let joins = matches!(between, "" | "," | "and" | ", and");
        if m.kind != MentionKind::CountryAdjective || !joins {
            break;
        }
        // The party is the country the nationality names (`participant` makes it one).
        push_unique(&mut out, participant(m, Role::Counterpart));
        last_end = m.span.end;
    }
    let holders =
        ["counterparts", "colleagues", "ministers", "Ministers", "leaders", "Presidents", "Prime Ministers"];
    let after = text[last_end..region.end].trim_start();
    let held = holders.iter().any(|h| after.starts_with(h))
        || after.split_whitespace().nth(1).is_some_and(|w| holders.contains(&w));
    (out.len() >= 2 && held).then_some(out)
}

/// "The leaders of Japan, Brazil and India held a trilateral meeting": the subject names the
/// parties by a plural office of their countries.
fn countries_meeting(cx: &Context<'_, '_>) -> Option<Vec<Participant>> {
    let subject = cx.regions.subject;
    let text = cx.t.text;
    let rest = subject.slice(text).trim_start();
    let rest = rest.strip_prefix("The ").or_else(|| rest.strip_prefix("the ")).unwrap_or(rest);
    let from = subject.end - rest.len();
    offices_of_countries(cx, Span::new(from, subject.end))
}

/// The countries of a plural office that `region` starts with: "the Presidents of Poland and
/// Lithuania", "leaders of A, B and C".
fn offices_of_countries(cx: &Context<'_, '_>, region: Span) -> Option<Vec<Participant>> {
    let text = cx.t.text;
    let rest = region.slice(text);
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
    let start = region.start + of;
    // The countries of the "A and B" or "A, the B, C, and D" run right after "of".
    let mut out: Vec<Participant> = Vec::new();
    let mut last_end = start + " of ".len();
    for m in cx.mentions_in(Span::new(start, region.end)) {
        let between = text[last_end..m.span.start].trim();
        let joins = matches!(between, "" | "," | "and" | ", and" | "the" | ", the" | "and the" | ", and the");
        if m.kind != MentionKind::Country || !joins {
            break;
        }
        push_unique(&mut out, participant(m, Role::Counterpart));
        last_end = m.span.end;
    }
    (out.len() >= 2).then_some(out)
}

/// "talks between A and B" with no person named: the countries and organisations after
/// "between" in the trigger's object, when there are two at least.
pub(super) fn parties_between(cx: &Context<'_, '_>) -> Option<Vec<Participant>> {
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
/// Words naming an organisation's members as a group: "defence ministers", "heads of state and
/// government", "foreign ministers of the".
const MEMBERS: &[&str] = &[
    "foreign",
    "defence",
    "defense",
    "finance",
    "trade",
    "energy",
    "health",
    "interior",
    "economy",
    "environment",
    "agriculture",
    "justice",
    "ministers",
    "leaders",
    "heads",
    "of",
    "state",
    "and",
    "government",
    "envoys",
    "chiefs",
    "senior",
    "officials",
    "national",
    "security",
    "advisers",
    "advisors",
    "deputy",
    "the",
    "member",
    "states",
    "countries",
    // "Ministers from the G7 will hold a virtual meeting".
    "from",
];

/// The last part of a subject, past its last comma, semicolon or a dateline's dash ("BRUSSELS,
/// Feb 13 - NATO defence ministers met").
fn subject_part(text: &str, region: Span) -> Span {
    let subject = region.slice(text);
    let start = [subject.rfind([',', ';']).map(|i| i + 1), subject.rfind(" - ").map(|i| i + 3)]
        .into_iter()
        .flatten()
        .max()
        .map_or(region.start, |i| region.start + i);
    Span::new(start, region.end)
}

/// "NATO defence ministers met", "EU foreign ministers gathered": an organisation opening the
/// subject, its members after it, then a verb of meeting.
pub(super) fn members_gather(cx: &Context<'_, '_>) -> Option<Participant> {
    let text = cx.t.text;
    let region = cx.regions.subject;
    let part = subject_part(text, region);
    let org =
        cx.mentions_in(part).find(|m| matches!(m.kind, MentionKind::Organization | MentionKind::Group))?;
    let lead = text[part.start..org.span.start].trim();
    if !(lead.is_empty() || lead.eq_ignore_ascii_case("the")) {
        return None;
    }
    let mut words = text[org.span.end..region.end].split_whitespace().map(str::to_lowercase);
    let mut members = 0;
    let verb = words.find(|w| {
        let member = MEMBERS.contains(&w.as_str()) && w != "the";
        members += usize::from(member);
        !member
    })?;
    let gathers =
        ["met", "meet", "meets", "gathered", "gather", "convened", "convene", "will", "are", "were"];
    (members > 0 && gathers.contains(&verb.as_str())).then(|| participant(org, Role::Attendee))
}

pub(super) fn bodies_holding(cx: &Context<'_, '_>) -> Vec<Participant> {
    let text = cx.t.text;
    let region = cx.regions.subject;
    // "BRUSSELS, Feb 13 - NATO defence ministers met": past a dateline's dash too.
    let part = subject_part(text, region);
    let mut orgs: Vec<Mention> = cx
        .mentions_in(part)
        .filter(|m| matches!(m.kind, MentionKind::Organization | MentionKind::Group))
        .cloned()
        .collect();
    orgs.extend(cx.bodies_in(part));
    // "the Russia-NATO Council": the body, not the side its name opens with.
    let bodies: Vec<Span> = orgs.iter().map(|m| m.span).collect();
    orgs.retain(|m| !bodies.iter().any(|b| b.contains(m.span) && *b != m.span));
    orgs.sort_by_key(|m| m.span.start);
    let Some(first) = orgs.first() else { return Vec::new() };
    let lead = text[part.start..first.span.start].trim();
    // "the Department of State's Advisory Committee": a parent's possessive may open it.
    let parent = (lead.ends_with("'s") || lead.ends_with("’s")) && lead.split_whitespace().count() <= 5;
    // "NATO defence ministers will meet", "Foreign ministers of the Quad met", "Ministers from
    // the G7": an organisation's
    // members meeting as its members hold the organisation's gathering.
    let organisation = matches!(first.kind, MentionKind::Organization | MentionKind::Group);
    let members_of = organisation && {
        let words: Vec<String> = lead.split_whitespace().map(str::to_lowercase).collect();
        words.len() >= 2
            && words.last().is_some_and(|w| w == "of" || w == "the")
            && words
                .iter()
                .any(|w| MEMBERS.contains(&w.as_str()) && !matches!(w.as_str(), "of" | "the" | "from"))
            && words.iter().all(|w| MEMBERS.contains(&w.as_str()))
    };
    if !(lead.is_empty() || lead == "The" || lead == "the" || parent || members_of) {
        return Vec::new();
    }
    // The body meets or holds the meeting ("will meet", "held its annual meeting"); "joined the
    // meeting as an observer" is someone else's meeting.
    let verb = cx.trigger.slice(text).to_lowercase();
    // "will convene in", "gathered in": the verb of the trigger, past its auxiliary and preposition.
    let verb = verb.strip_prefix("will ").unwrap_or(&verb);
    let verb = verb.strip_suffix(" in").unwrap_or(verb);
    let between = text[first.span.end.min(cx.trigger.start)..cx.trigger.start].to_lowercase();
    let holds = ["hold", "held", "convene"].iter().any(|w| between.contains(w));
    let meets =
        matches!(verb, "meet" | "meets" | "met" | "meet with" | "meets with" | "met with" | "met virtually")
            || matches!(verb, "convene" | "convened" | "gather" | "gathered");
    if !(meets || holds) {
        return Vec::new();
    }
    // The body itself is the subject, its verb right after it (past an abbreviation in brackets):
    // "NATO ministers meet" is the ministers' meeting.
    let rest = text[first.span.end.min(cx.trigger.start)..cx.trigger.start].trim_start();
    let rest = if rest.starts_with('(') { rest.split_once(')').map_or("", |(_, r)| r) } else { rest };
    // Past its parent too: "the Overseas Schools Advisory Council of the Department of State will".
    let next = rest
        .split_whitespace()
        .find(|w| {
            !(matches!(*w, "of" | "the" | "for" | "on" | "countries" | "nations" | "states")
                || w.starts_with(char::is_uppercase)
                || (organisation && !members_of && MEMBERS.contains(&w.to_lowercase().as_str())))
        })
        .unwrap_or_default();
    let next = next.to_lowercase();
    let next = next.as_str();
    if !(next.is_empty()
        || BEFORE_VERB.contains(&next)
        || ["hold", "holds", "held", "convene", "convenes", "convened"].contains(&next))
    {
        return Vec::new();
    }
    // "The U.S.-Japan Security Consultative Committee met", "the Russia-NATO Council": two
    // governments' (or a government's and an alliance's) standing body is the two meeting; its
    // parties are those its name pairs.
    let paired: Vec<Participant> = cx
        .mentions_in(first.span)
        .filter(|m| m.span != first.span)
        .filter(|m| {
            matches!(m.kind, MentionKind::Country | MentionKind::CountryAdjective | MentionKind::Organization)
        })
        .map(super::gathering::party)
        .collect();
    if paired.len() >= 2 && text[first.span.start..first.span.end].contains('-') {
        return paired;
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
pub(super) fn cities_apart(cx: &Context<'_, '_>) -> Vec<Location> {
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
pub(super) fn stop_location(trip: &Trip, country: &str) -> Location {
    let s = trip.stop(country);
    let place = s.and_then(|s| (s.cities.len() == 1).then(|| s.cities[0].clone()));
    Location { place, country: Some(country.to_string()) }
}

pub(super) fn location_of(places: &[&Mention]) -> Option<Location> {
    let city = places.iter().find(|m| m.kind == MentionKind::City);
    let country = places.iter().find(|m| m.kind == MentionKind::Country);
    match (city, country) {
        (Some(c), _) => Some(Location { place: Some(c.name.clone()), country: c.country.clone() }),
        (None, Some(c)) => Some(Location { place: None, country: Some(c.name.clone()) }),
        (None, None) => None,
    }
}
