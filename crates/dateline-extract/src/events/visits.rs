//! Visits and trips: a visit trigger opens or extends a trip (traveller, stops, dates); each stop
//! becomes one visit.

use super::*;

/// Whose country "our country" is, in a visit's object: a person of the clause who does not
/// travel, else the speaker of a transcript's turn, else the person the passage is about.
pub(super) fn our_country(cx: &Context<'_, '_>, travellers: &[Participant]) -> Option<String> {
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
        // "A, B and C, who arrived in our country", narrated by a government's website: the
        // country it speaks for, when every traveller is known to be of another.
        .or_else(|| {
            let ours = cx.t.outlet_country?;
            let foreign = !travellers.is_empty()
                && travellers.iter().all(|t| t.actor.country.as_deref().is_some_and(|c| c != ours));
            foreign.then(|| ours.to_string())
        })
}

/// Visit triggers that name no place, in the words of a speaker who is there: "the Chancellor is
/// coming tomorrow", "the Foreign Minister will be here on Wednesday", "will come here".
fn deictic(cx: &Context<'_, '_>) -> bool {
    let trigger = cx.trigger.slice(cx.t.text).to_ascii_lowercase();
    matches!(trigger.as_str(), "will be here" | "will come here" | "is coming")
}

/// The place a deictic visit goes to: where the transcript is (its dateline), else the country of
/// the government telling it. Only when a date follows the trigger at once ("is coming tomorrow",
/// "will be here on Wednesday"): "a decision is coming", "he will be here for a while" are no
/// visit.
fn spoken_here(cx: &Context<'_, '_>) -> Option<Mention> {
    if !deictic(cx) {
        return None;
    }
    let text = cx.t.text;
    let after = cx.trigger.end;
    // The first time after the trigger (the tagger's times are in text order), right after it.
    let next = &cx.t.times[cx.t.times.partition_point(|x| x.span.start < after)..];
    let date_next = next.first().is_some_and(|x| {
        matches!(text[after..x.span.start].trim(), "" | "on" | "here" | "here on" | "back" | "back on")
            && x.range.is_some_and(|r| r.precision <= dateline_model::Precision::Week)
    });
    if !date_next {
        return None;
    }
    let place = super::lead::dateline_place(cx.t);
    let country =
        place.as_ref().and_then(|l| l.country.clone()).or_else(|| cx.t.outlet_country.map(str::to_string))?;
    let (name, kind) = match place.and_then(|l| l.place) {
        Some(city) => (city, MentionKind::City),
        None => (country.clone(), MentionKind::Country),
    };
    Some(Mention { span: cx.trigger, name, kind, country: Some(country), role: None })
}

/// "During their trip to Costa Rica, the delegation will meet with President X": a trip owned by
/// "his", "her" or "their" is of someone told before, not of the person named after it.
fn pronoun_owned(cx: &Context<'_, '_>) -> bool {
    let before = cx.t.text[cx.regions.clause.start.min(cx.trigger.start)..cx.trigger.start].trim_end();
    let last = before.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(last.as_str(), "his" | "her" | "their")
}

/// "your visit to Korea", "my visit here" in a transcript turn: the visit is the addressee's or
/// the speaker's, not the first person named after it.
pub(super) fn told_by_a_speaker(cx: &Context<'_, '_>) -> bool {
    let lead = cx.t.text[cx.regions.subject.start.min(cx.trigger.start)..cx.trigger.start].to_lowercase();
    let near: Vec<&str> = lead.split_whitespace().rev().take(3).collect();
    near.iter().any(|w| matches!(*w, "your" | "my" | "our")) && cx.speaker().is_some()
}

/// "They will also visit", "he will then travel": a third-person pronoun as the verb's subject,
/// on an open trip, is that trip's traveller.
fn pronoun_traveller(cx: &Context<'_, '_>, trips: &Trips) -> Option<Participant> {
    let before = cx.t.text[cx.regions.subject.start.min(cx.trigger.start)..cx.trigger.start].to_lowercase();
    let part = before.rsplit([',', ';']).next().unwrap_or("");
    let first = part.split_whitespace().next()?;
    if !matches!(first, "he" | "she" | "they") || part.split_whitespace().count() > 4 {
        return None;
    }
    Some(trips.last()?.traveller_participant())
}

/// The people after "by" in a noun visit's object: "the visit to X by A and B".
pub(super) fn visit_agents(cx: &Context<'_, '_>) -> Option<Vec<Participant>> {
    if !cx.trigger.slice(cx.t.text).to_lowercase().starts_with("visit") {
        return None;
    }
    let object = cx.regions.object.slice(cx.t.text);
    let i = match object.find(" by ") {
        Some(i) => i,
        None => of_a_person(cx)?,
    };
    let agents: Vec<Participant> = cx
        .people_in(Span::new(cx.regions.object.start + i, cx.regions.object.end))
        .into_iter()
        .map(|p| Participant { role: Role::Initiator, ..p })
        .collect();
    (!agents.is_empty()).then_some(agents)
}

/// "in the framework of the visit of President A", "the official visit of B to Kyiv": a noun
/// visit whose object opens with "of" and a person; the offset of that "of" in the object.
fn of_a_person(cx: &Context<'_, '_>) -> Option<usize> {
    let object = cx.regions.object.slice(cx.t.text);
    let lead = object.len() - object.trim_start().len();
    if !object[lead..].starts_with("of ") {
        return None;
    }
    let after_of = cx.regions.object.start + lead + 3;
    cx.mentions_in(cx.regions.object)
        .find(|m| m.span.start >= after_of)
        .filter(|m| m.kind == MentionKind::Person && m.span.start - after_of <= 4)
        .map(|_| lead)
}

/// Relatives and friends: "my wife", "his son", "our children".
pub(super) const KIN: &[&str] = &[
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
pub(super) fn someone_of_mine(cx: &Context<'_, '_>) -> bool {
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
pub(super) const BEFORE_VERB: &[&str] = &[
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
pub(super) const MODALS: &[&str] =
    &["will", "would", "shall", "should", "may", "might", "can", "could", "must", "to"];

/// Words that stand for people the article names elsewhere: the subject may be one of them.
pub(super) const PEOPLE_WORDS: &[&str] = &[
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
pub(super) fn a_thing_travels(cx: &Context<'_, '_>) -> bool {
    let text = cx.t.text;
    let verb = cx.trigger.slice(text).split(' ').next().unwrap_or_default().to_lowercase();
    let inflected = matches!(
        verb.as_str(),
        "travels"
            | "traveled"
            | "travelled"
            | "traveling"
            | "travelling"
            | "visits"
            | "visited"
            | "arrives"
            | "arrived"
            | "flew"
            | "flies"
            | "flying"
            | "headed"
            | "heads"
            | "heading"
            | "landed"
            | "lands"
            | "arriving"
    );
    if !inflected && !matches!(verb.as_str(), "travel" | "visit" | "arrive" | "fly" | "head" | "land") {
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
pub(super) static TITLE_HEADS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
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

/// A visit trigger opens (or extends) a trip: the traveller and the destinations after the trigger.
pub(super) fn visit(cx: &Context<'_, '_>, trips: &mut Trips) {
    // "My wife recently visited Kyiv": a private person's trip, no diplomatic visit.
    if someone_of_mine(cx) || a_thing_travels(cx) {
        return;
    }
    let mut destinations: Vec<Mention> = destinations(cx).into_iter().cloned().collect();
    let here = spoken_here(cx);
    if deictic(cx) && here.is_none() {
        return;
    }
    if let Some(here) = here.filter(|_| destinations.is_empty()) {
        destinations.push(here);
    } else if destinations.is_empty() {
        // "Imran Khan, who is in Russia on a working visit": the place stands before the trigger.
        let text = cx.t.text;
        destinations = cx
            .locative_places()
            .into_iter()
            .filter(|m| m.span.end <= cx.trigger.start && cx.trigger.start - m.span.end <= 24)
            .filter(|m| text[..m.span.start].trim_end().ends_with(" in"))
            .cloned()
            .collect();
        // "arrived in Ukraine in the framework of the visit of President A": the visit of a
        // person told after "of" goes where the clause's travel before it went.
        if destinations.is_empty() && of_a_person(cx).is_some() {
            destinations = cx
                .locative_places()
                .into_iter()
                .filter(|m| m.span.end <= cx.trigger.start)
                .filter(|m| {
                    let before = text[..m.span.start].trim_end();
                    before.ends_with(" in") || before.ends_with(" to")
                })
                .cloned()
                .collect();
        }
    }
    // "X's visit to Y" and "the visit by X": the traveller may follow a noun trigger too; so does
    // the guest of "looks forward to welcoming X to Y".
    let mut travellers = cx.initiators();
    let welcoming = cx.trigger.slice(cx.t.text).to_lowercase().split(' ').any(|w| w.starts_with("welcom"));
    // "welcomed President A to Berlin": a person welcomed to a place; "welcomed Russia's decision
    // to withdraw", "welcomed the agreement" are no visit.
    if welcoming && !welcomed_to_a_place(cx, &destinations) {
        return;
    }
    let mut hosts: Vec<Participant> = Vec::new();
    // "President A invited Chancellor B to visit Y": the invited one travels.
    let subject_text = cx.regions.subject.slice(cx.t.text);
    let hosted = hosts_for_the_visit(cx);
    // "A thanked B for accepting the invitation to come to Moscow", "for coming to": the one
    // thanked travels.
    let thanked = [" thanked ", " thanks "].iter().find_map(|w| subject_text.find(w)).filter(|&i| {
        let rest = &subject_text[i..];
        // The trigger follows "for" ("for coming to", "for visiting") or an acceptance.
        rest.contains(" for accepting ") || rest.trim_end().ends_with(" for")
    });
    if let Some(i) =
        thanked.or_else(|| subject_text.find(" invited ")).or_else(|| subject_text.find(" invites "))
    {
        let invited = cx.people_in(Span::new(cx.regions.subject.start + i, cx.regions.subject.end));
        if let Some(first) = invited.into_iter().next() {
            hosts = cx.people_in(Span::new(cx.regions.subject.start, cx.regions.subject.start + i));
            travellers = vec![Participant { role: Role::Initiator, ..first }];
        }
    } else if let Some(i) = hosted {
        // "President A will host President B for a State Visit": the guest travels, the one who
        // hosts is the visit's host.
        let from = cx.regions.subject.start + i;
        hosts = cx.people_in(Span::new(cx.regions.subject.start, from));
        travellers = cx
            .people_in(Span::new(from, cx.trigger.start))
            .into_iter()
            .take(1)
            .map(|p| Participant { role: Role::Initiator, ..p })
            .collect();
    } else if let Some(agents) = visit_agents(cx) {
        // "following the visit to the United States by President A and Chairman B": the agent
        // travels, whoever the sentence is about.
        travellers = agents;
    } else if let Some(traveller) = pronoun_traveller(cx, trips) {
        // "In Panama, the delegation will meet with President A. They will also visit the Canal
        // to speak with B": the pronoun is the trip's traveller, not the person named after it.
        travellers = vec![traveller];
    } else if welcoming
        || (cx.people_in(cx.regions.subject).is_empty() && !told_by_a_speaker(cx) && !pronoun_owned(cx))
    {
        if welcoming {
            hosts = cx.people_in(cx.regions.subject);
        }
        let after = cx.people_in(cx.regions.object);
        if let Some(first) = after.into_iter().next() {
            travellers = vec![Participant { role: Role::Initiator, ..first }];
        }
    }
    // "the Prime Minister of Peru, who is here on an official visit to our country": the country of
    // whoever says "our", the host; "President A of Peru will host B for an official visit":
    // the host's country.
    let hosts_country = || hosted.and_then(|i| host_country(cx, i, &travellers));
    if destinations.is_empty()
        && let Some(country) = our_country(cx, &travellers).or_else(hosts_country)
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
    // "to Lyon May 4-6, Porto May 9, and Cork May 11-12": each stop with its own dates;
    // the trip runs from the first to the last.
    // A postponed visit keeps only a new date (`attached_date`): the days it was planned for are
    // gone ("The visit to Canberra, planned for April 2, has been postponed").
    let postponed = cx.status == Status::Postponed;
    let stop_dates = if returning || postponed { Vec::new() } else { itinerary_dates(cx, &destinations) };
    let date = if returning {
        None
    } else if !stop_dates.is_empty() {
        stop_dates.iter().flatten().copied().reduce(hull)
    } else if destinations.len() > 1 && departure_only(cx) {
        // "will be traveling to A, B, C and D ... and will be departing later today": the day the
        // trip starts, not the days of its stops.
        None
    } else {
        cx.attached_date().map(|d| with_stated_length(cx.regions.clause.slice(cx.t.text), d))
    };
    // "to Lima on Sunday ..., returning to Washington on Wednesday": the trip ends the day it
    // returns.
    let date = date.map(|d| match return_day(cx, d) {
        Some(end) if end > d.end && (end - d.start).num_days() <= 30 => DateRange { end, ..d },
        _ => d,
    });
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
    // "During their trip to Costa Rica" with no date of its own: the trip told before that goes
    // there (among the last few), and its traveller.
    let told_before = if pronoun_owned(cx) && date.is_none() {
        let goes_there =
            |t: &Trip| destinations.iter().filter_map(|p| p.country.as_deref()).any(|c| t.stop(c).is_some());
        let from = trips.len().saturating_sub(8);
        (from..trips.len()).rev().find(|&i| goes_there(&trips[i]))
    } else {
        None
    };
    if let Some(i) = told_before {
        travellers = vec![trips[i].traveller_participant()];
    }
    for h in inviters(cx) {
        if !travellers.iter().chain(&hosts).any(|p| p.actor.name == h.actor.name) {
            hosts.push(h);
        }
    }
    let coordinated = coordinated_run(cx, &travellers);
    let status = cx.status_for(date);
    for traveller in travellers.into_iter().take(coordinated) {
        let existing = told_before
            .filter(|&i| trips[i].traveller == traveller.actor.name)
            .or_else(|| trips.of(&traveller.actor.name).iter().copied().find(|&i| trips[i].status == status));
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
        // "will travel on July 28 to Kuwait City", one stop of the trip "July 26-29" that is not
        // its first: the day the traveller moves on to it.
        let transfer = match (trip.date, date) {
            (Some(old), Some(new))
                if new.start == new.end
                    && new.start > old.start
                    && old.contains(&new)
                    && stop_dates.is_empty()
                    && destinations.len() == 1
                    && trip
                        .stops
                        .first()
                        .is_some_and(|s| destinations[0].country.as_deref() != Some(&s.country)) =>
            {
                Some(new.start)
            }
            _ => None,
        };
        // "traveling to A and B today and tomorrow" of a trip told before to A, B, C and D: the
        // dates of the stops named, not of the whole trip.
        let others_told = !destinations.is_empty()
            && trip.stops.iter().any(|s| {
                s.date.is_none()
                    && !destinations.iter().any(|p| p.country.as_deref() == Some(s.country.as_str()))
            });
        // "arrives in Tokyo on Thursday, the first stop on a tour that will also take her to
        // Seoul", "She will also visit Manila": the day told was the first stop's, and the stops
        // the tour adds come after it, on days not told.
        let adds_later_stops = date.is_none()
            && !fresh.is_empty()
            && (trip.date.is_some_and(|d| d.start == d.end && d.precision == dateline_model::Precision::Day)
                && Span::new(cx.regions.clause.start, cx.trigger.end)
                    .slice(cx.t.text)
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("also"))
                // "will travel to Beijing on July 25-26, following her stops in Tokyo and Seoul":
                // the stops it follows came before, on days not told here.
                || trip.date.is_some()
                    && follows_what_came_before(
                        Span::new(cx.regions.clause.start, cx.trigger.start).slice(cx.t.text),
                    ));
        if adds_later_stops {
            for s in trip.stops.iter_mut().filter(|s| s.date.is_none()) {
                s.date = trip.date;
            }
            trip.date = None;
        }
        match (trip.date, date) {
            (None, Some(d)) if others_told && fresh.is_empty() && stop_dates.is_empty() => {
                fresh_date = Some(d)
            }
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
            if stop.transfer.is_none() {
                stop.transfer = transfer;
            }
            if stop.date.is_none() {
                stop.date = own.or(if fresh.contains(&country) || others_told { fresh_date } else { None });
            }
        }
    }
}

/// "will welcome A of Brazil to the White House", "welcomed Finland's President A to NATO
/// Headquarters": a person is the first thing welcomed, and the destinations follow "to" after
/// that person.
fn welcomed_to_a_place(cx: &Context<'_, '_>, destinations: &[Mention]) -> bool {
    let text = cx.t.text;
    let Some(guest) = cx.mentions_in(cx.regions.object).find(|m| m.kind == MentionKind::Person) else {
        return false;
    };
    let between = &text[cx.trigger.end..guest.span.start];
    let first = between.split_whitespace().all(|w| !w.starts_with(char::is_lowercase) || w == "the");
    first
        && !text[guest.span.end..].starts_with(['\'', '’'])
        && !destinations.is_empty()
        && destinations.iter().all(|d| {
            d.span.start > guest.span.end && {
                let before = text[guest.span.end..d.span.start].trim_end();
                before.ends_with(" to")
                    || before.ends_with(" to the")
                    || before.ends_with(',')
                    || before.ends_with(" and")
            }
        })
}

/// "will host President B of Korea for a State Visit", "hosted Prime Minister B for a working
/// visit to Stockholm": a verb of hosting in the visit's subject, a person after it, and "for" a
/// visit. The offset of the verb in the subject.
fn hosts_for_the_visit(cx: &Context<'_, '_>) -> Option<usize> {
    let text = cx.t.text;
    let subject = cx.regions.subject;
    let before = Span::new(subject.start, cx.trigger.start.max(subject.start)).slice(text);
    let lower = before.to_ascii_lowercase();
    let (i, verb) = [" host ", " hosts ", " hosted ", " hosting "]
        .iter()
        .filter_map(|v| lower.rfind(v).map(|i| (i, v)))
        .max_by_key(|(i, _)| *i)?;
    let after = &lower[i + verb.len()..];
    let guest = cx
        .mentions_in(Span::new(subject.start + i, cx.trigger.start))
        .filter(|m| m.kind == MentionKind::Person)
        .last()?;
    let gap = text[guest.span.end..cx.trigger.start].to_ascii_lowercase();
    let for_a = [" for a ", " for an ", " for the ", " for his ", " for her ", " for their "]
        .iter()
        .find_map(|w| gap.rfind(w).map(|j| &gap[j + w.len()..]))?;
    (for_a.split_whitespace().count() <= 3 && !after.contains(['.', ';', ':']) && !for_a.contains(','))
        .then_some(i)
}

/// The country of whoever hosts, told before the verb at `i` of the subject: "Japan will host",
/// "President A of Peru will host", "the Peruvian President, A, will host"; none when it is the
/// guest's own.
fn host_country(cx: &Context<'_, '_>, i: usize, travellers: &[Participant]) -> Option<String> {
    let text = cx.t.text;
    let span = Span::new(cx.regions.subject.start, cx.regions.subject.start + i);
    let mentions: Vec<&Mention> = cx.mentions_in(span).collect();
    let last =
        mentions.iter().rev().find(|m| matches!(m.kind, MentionKind::Person | MentionKind::Country))?;
    let country = match last.kind {
        MentionKind::Country => Some(last.name.clone()),
        _ => {
            let person = participant(last, Role::Host);
            person.actor.country.or_else(|| {
                // "President A of Peru": the country right after the name; "the Peruvian
                // President, A": the country told just before it.
                mentions
                    .iter()
                    .filter(|m| m.kind == MentionKind::Country || m.kind == MentionKind::CountryAdjective)
                    .find(|m| {
                        let of = m.span.start >= last.span.end
                            && matches!(&text[last.span.end..m.span.start], " of " | " of the ");
                        let before = m.span.end <= last.span.start
                            && text[m.span.end..last.span.start].split_whitespace().count() <= 2;
                        of || before
                    })
                    .and_then(|m| m.country.clone())
            })
        }
    }
    // "President A will host B", told by A's government: the country it speaks for.
    .or_else(|| cx.t.outlet_country.map(str::to_string))?;
    let theirs = |t: &Participant| t.actor.country.as_deref() == Some(country.as_str());
    (!travellers.iter().any(theirs)).then_some(country)
}

/// "at the invitation of Prime Minister A", "on the invitation of", "invited by President A": the
/// one who invited hosts the visit. The person follows within a few words ("of his counterpart,
/// A"), in the same clause.
fn inviters(cx: &Context<'_, '_>) -> Vec<Participant> {
    let text = cx.t.text;
    let clause = cx.regions.clause;
    // ASCII lowering keeps byte offsets.
    let lower = clause.slice(text).to_ascii_lowercase();
    let mut out = Vec::new();
    for key in ["invitation of ", "invited by "] {
        for (i, _) in lower.match_indices(key) {
            let from = clause.start + i + key.len();
            let first = cx.mentions_in(Span::new(from, clause.end)).find(|m| m.kind == MentionKind::Person);
            if let Some(m) = first
                && m.span.start - from <= 40
                && !text[from..m.span.start].contains(['.', ';', ':'])
                && !super::context::is_spokesperson(m)
            {
                super::context::push_unique(&mut out, super::context::participant(m, Role::Host));
            }
        }
    }
    out
}

/// The smallest range holding both, at the coarser precision.
pub(super) fn hull(a: DateRange, b: DateRange) -> DateRange {
    DateRange { start: a.start.min(b.start), end: a.end.max(b.end), precision: a.precision.max(b.precision) }
}

/// "..., departing later today", "and leaves on Monday": every date the clause gives after the
/// trigger is the day of departure.
fn departure_only(cx: &Context<'_, '_>) -> bool {
    let text = cx.t.text;
    let after = Span::new(cx.trigger.end, cx.regions.clause.end);
    let lower = after.slice(text).to_lowercase();
    let Some(at) = ["departing ", "depart ", "departs ", "leaving ", "leaves "]
        .iter()
        .filter_map(|w| lower.find(w).map(|i| after.start + i + w.len()))
        .min()
    else {
        return false;
    };
    let dated: Vec<&TimeExpr> = crate::starting_in(cx.t.times, after, |x| x.span)
        .iter()
        .filter(|x| after.contains(x.span) && x.range.is_some())
        .collect();
    !dated.is_empty() && dated.iter().all(|x| x.span.start >= at && x.span.start - at <= 12)
}

/// The dates an itinerary gives each of its stops: "to Lyon May 4-6, Porto May 9, and Cork
/// May 11-12", a date right after each place. Empty unless two stops or more have dates of their
/// own (one date after the last place dates the whole trip, the ordinary case).
pub(super) fn itinerary_dates(cx: &Context<'_, '_>, destinations: &[Mention]) -> Vec<Option<DateRange>> {
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
                        // "Paris on Monday and Berlin on Tuesday".
                        let b = b.trim_start_matches([' ', ',']);
                        let b = b.strip_prefix("on ").unwrap_or(b);
                        b.trim_start().is_empty() && b.len() <= 3
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
pub(super) fn names_a_region(cx: &Context<'_, '_>) -> bool {
    let after = cx.t.text[cx.trigger.end..].trim_start();
    let after = after.strip_prefix("to ").unwrap_or(after);
    let after = after.strip_prefix("the ").unwrap_or(after);
    after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// "arrived in Nairobi on Monday for a two-day visit": a day that starts a visit of stated length
/// runs that many days.
pub(super) fn with_stated_length(clause: &str, d: DateRange) -> DateRange {
    with_stated_length_of(clause, d, &["visit", "trip"])
}

/// "met in Brussels on Thursday for a two-day summit", "a three-day working visit": a day that
/// starts an event of stated length runs that many days, when the length is told of one of
/// `heads` (up to two modifiers between: "a two-day NATO summit", "a three-day state visit").
pub(super) fn with_stated_length_of(clause: &str, d: DateRange, heads: &[&str]) -> DateRange {
    if d.precision != dateline_model::Precision::Day || d.start != d.end {
        return d;
    }
    let clause = clause.to_lowercase();
    // Whether the words after a length tell one of `heads` (up to two modifiers between).
    let told_of = |rest: &str| {
        for w in rest.split_whitespace().take(3) {
            let bare = w.trim_end_matches(['.', ',', ';', ':', '\'', '\u{2019}']);
            if heads.contains(&bare) {
                return true;
            }
            if bare.len() != w.len() {
                break;
            }
        }
        false
    };
    // "a three-day visit", "a 4-day state visit": two to ten days in words, two to seven in digits;
    // the length's days and where its words begin.
    let days = clause
        .match_indices("-day ")
        .find_map(|(i, _)| {
            let word = clause[..i].rsplit(' ').next()?;
            let n = match word.parse::<i64>() {
                Ok(n) => (2..=7).contains(&n).then_some(n),
                Err(_) => crate::time::number_word(word).map(i64::from).filter(|n| (2..=10).contains(n)),
            };
            n.filter(|_| told_of(&clause[i + "-day ".len()..]) && clause[..i].ends_with(&format!(" {word}")))
                .map(|n| (n, i - word.len()))
        })
        // "a week-long tour of Asia": seven days.
        .or_else(|| {
            ["week-long ", "weeklong "].iter().find_map(|w| {
                clause.match_indices(w).find_map(|(i, _)| told_of(&clause[i + w.len()..]).then_some((7, i)))
            })
        });
    // "returned to Tokyo on Monday after a three-day visit to Spain": the day told is after the
    // visit, its last one.
    let after_it = days.is_some_and(|(_, i)| {
        clause[..i].split_whitespace().rev().take(2).any(|w| matches!(w, "after" | "following"))
    });
    // "on Monday, the second day of her three-day state visit": the day told is that one of it.
    let nth_day = days.and_then(|(n, i)| {
        let before: Vec<&str> = clause[..i].split_whitespace().rev().take(4).collect();
        let of = before.iter().position(|w| *w == "of")?;
        (before.get(of + 1) == Some(&"day")).then_some(())?;
        let k = match *before.get(of + 2)? {
            "first" => 0,
            "second" => 1,
            "third" => 2,
            "fourth" => 3,
            "fifth" => 4,
            "last" | "final" => n - 1,
            _ => return None,
        };
        (k < n).then_some(k)
    });
    let days = days.map(|(n, _)| n);
    if let (Some(n), Some(k)) = (days, nth_day) {
        let start = d.start - chrono::Duration::days(k);
        return DateRange { start, end: start + chrono::Duration::days(n - 1), ..d };
    }
    // "concluded her three-day visit on Friday": the day told is the last one.
    let ends_then = [
        "concluded ",
        "concludes ",
        "ended ",
        "ends ",
        "wrapped up ",
        "wraps up ",
        "completed ",
        "wound up ",
    ]
    .iter()
    .any(|w| clause.contains(w))
        || after_it;
    match days {
        Some(n) if ends_then => DateRange { start: d.end - chrono::Duration::days(n - 1), ..d },
        Some(n) => DateRange { end: d.start + chrono::Duration::days(n - 1), ..d },
        None => d,
    }
}

/// The day the trip a trigger tells returns, told in its return leg after the trigger ("...,
/// returning to Washington on Wednesday", "before returning home on May 3").
/// A weekday there is the first after the trip's start ("on Sunday ..., returning on
/// Wednesday").
fn return_day(cx: &Context<'_, '_>, start: DateRange) -> Option<chrono::NaiveDate> {
    let text = cx.t.text;
    let from = cx.regions.clause.end;
    let rest = &text[from..cx.sentence.end];
    let leg = super::clause::RETURN_LEG.iter().find(|w| rest.starts_with(**w))?;
    let leg_end = from + leg.len();
    // The first date of the leg, before any other clause.
    let until = text[leg_end..cx.sentence.end].find([',', ';']).map_or(cx.sentence.end, |i| leg_end + i);
    crate::starting_in(cx.t.times, Span::new(leg_end, until), |x| x.span)
        .iter()
        .find(|x| x.span.end <= until && matches!(x.kind, TimexKind::Date))
        .and_then(|x| {
            let r = x.range.filter(|r| r.precision == dateline_model::Precision::Day)?;
            let weekday = crate::actors::is_calendar_word(x.span.slice(text).trim_start_matches("on "))
                && !x.span.slice(text).contains(|c: char| c.is_ascii_digit());
            let mut end = r.end;
            while weekday && end <= start.start {
                end += chrono::Duration::days(7);
            }
            Some(end)
        })
}

/// "traveled to", "returned on June 3 from travel to": travel told as done.
pub(super) fn told_as_past(cx: &Context<'_, '_>) -> bool {
    let word = cx.trigger.slice(cx.t.text).to_lowercase();
    let clause = Span::new(cx.regions.clause.start, cx.trigger.start).slice(cx.t.text).to_lowercase();
    word.starts_with("traveled")
        || word.starts_with("travelled")
        || clause.contains("returned")
        || clause.contains("returns")
}

/// How many of `people` (in text order, from the first) the text joins with "and" or commas: "A,
/// B and C will travel" is three; "A spoke with B ahead of his travel" is one.
pub(super) fn coordinated_run(cx: &Context<'_, '_>, people: &[Participant]) -> usize {
    let text = cx.t.text;
    // In the subject, or after "by" in a noun visit's object ("the visit to Baghdad by A and B").
    let spans_in = |region: Span| -> Vec<Span> {
        people
            .iter()
            .filter_map(|p| {
                cx.mentions_in(region)
                    .find(|m| m.kind == MentionKind::Person && m.name == p.actor.name)
                    .map(|m| m.span)
            })
            .collect()
    };
    let mut spans = spans_in(cx.regions.subject);
    if spans.len() != people.len() {
        spans = spans_in(cx.regions.object);
    }
    if spans.len() != people.len() {
        return 1.min(people.len());
    }
    let mut n = 1.min(people.len());
    for w in spans.windows(2) {
        let mut from = w[0].end.min(w[1].start);
        // "President A of Cyprus and Prime Minister B of Malta": the first one's country between.
        if text[from..w[1].start].starts_with(" of ")
            && let Some(c) =
                cx.mentions_in(Span::new(from, w[1].start)).filter(|m| m.kind == MentionKind::Country).last()
        {
            from = c.span.end;
        }
        let between = text[from..w[1].start].trim();
        // "the President of Cyprus and the Prime Minister of Malta": offices, each with "the".
        let between = between.strip_suffix(" the").unwrap_or(between);
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
pub(super) fn destinations<'c>(cx: &'c Context<'_, '_>) -> Vec<&'c Mention> {
    let text = cx.t.text;
    let mut out: Vec<&Mention> = Vec::new();
    let mut last_end: Option<usize> = None;
    // "will depart Washington on Sunday for Cairo": the place after "for" is the first stop, the
    // one before it is where the trip starts.
    let departs = cx.trigger.slice(text).to_ascii_lowercase().split(' ').any(|w| w.starts_with("depart"));
    let mut places = cx.places_in(cx.regions.object);
    if departs {
        let first = places.iter().position(|p| {
            let before = text[..p.span.start].trim_end();
            before.ends_with(" for") || before.ends_with(" for the")
        });
        let Some(first) = first else { return out };
        out.push(places[first]);
        last_end = Some(places[first].span.end);
        places.drain(..=first);
    }
    for p in places {
        let gap = &text[last_end.unwrap_or(cx.trigger.end)..p.span.start];
        let gap_trimmed = gap.trim_end();
        // "to the White House", "to the Kremlin": a seat named with its article.
        let after_to = gap_trimmed.ends_with(" to")
            || gap_trimmed == "to"
            || gap_trimmed.ends_with(" to the") && p.kind == MentionKind::City;
        let title_complement =
            [" for", " for the", " of", " of the"].iter().any(|w| gap_trimmed.ends_with(w));
        // "a trip to Italy for meetings on Syria": what the meetings are about is no stop.
        if [" on", " about", " regarding", " concerning"].iter().any(|w| gap_trimmed.ends_with(w)) {
            break;
        }
        // "cut short her visit to Japan and returned to Berlin": the way home is no stop.
        if last_end.is_some() && gap.contains(" return") {
            break;
        }
        let joins = match last_end {
            None => {
                (gap.len() <= 12 || after_to || to_an_occasion_in(cx.trigger.slice(text), gap_trimmed))
                    && !title_complement
            }
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

/// "will lead the delegation to the inauguration of President A in Abuja", "flew to the funeral
/// in London": a trip to an occasion goes to the place the occasion is in. `gap` runs from the
/// trigger to the place: "to" (unless the trigger ends with it), one noun phrase with its
/// article, "in".
fn to_an_occasion_in(trigger: &str, gap: &str) -> bool {
    let gap = gap.trim_start();
    // "a tour of Southeast Asia in Hanoi", "a tour of the Western Balkans in Tirana": a region
    // no gazetteer names, then the stop where the tour is.
    if trigger.to_ascii_lowercase().ends_with("tour of")
        && let Some(region) = gap.strip_suffix(" in")
    {
        let region = region.strip_prefix("the ").unwrap_or(region);
        let words: Vec<&str> = region.split_whitespace().collect();
        return (1..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase));
    }
    let phrase =
        if trigger.ends_with(" to") || trigger == "to" { Some(gap) } else { gap.strip_prefix("to ") };
    let Some(phrase) = phrase.and_then(|p| p.strip_suffix(" in")) else {
        return false;
    };
    let Some(rest) = ["the ", "a ", "an "].iter().find_map(|a| phrase.strip_prefix(a)) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && !rest.contains([',', ';', ':', '(', '"'])
        && !words.iter().any(|w| matches!(*w, "and" | "or" | "who" | "which" | "that" | "to" | "in" | "with"))
}

/// A sentence that names a stop of the current trip and gives dates inside the trip's dates
/// dates that stop: "in Madrid, Spain from March 6 to 8 to ...".
pub(super) fn update_stop_dates(t: &Tagged<'_>, sentence: Span, trips: &mut [Trip]) {
    let Some(trip) = trips.last_mut() else { return };
    // A postponed trip has no days but a new one's; the sentence that tells the trip has dated
    // it already ("will travel to Lima on Sunday, returning on Wednesday" runs to Wednesday).
    let told_return = || {
        sentence.contains(trip.trigger)
            && super::clause::return_leg(&t.text[trip.trigger.end..sentence.end]).is_some()
    };
    if trip.status == Status::Postponed || told_return() {
        return;
    }
    // "... ahead of the COP26 this November in Glasgow": what follows is another event's.
    let lower = sentence.slice(t.text).to_lowercase();
    let ahead = ["ahead of ", "in the run-up to ", "in preparation for ", "in the lead-up to "]
        .iter()
        .filter_map(|w| lower.find(w))
        .min()
        .map_or(sentence.end, |i| sentence.start + i);
    let places: Vec<&Mention> = crate::starting_in(t.mentions, sentence, |m| m.span)
        .iter()
        .filter(|m| sentence.contains(m.span) && matches!(m.kind, MentionKind::City | MentionKind::Country))
        .filter(|m| m.span.start < ahead)
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
    let in_sentence = crate::starting_in(t.times, sentence, |x| x.span);
    let Some(date) = in_sentence
        .iter()
        .filter(|x| sentence.contains(x.span))
        .filter(|x| !dates_the_telling(t.text, x, Span::new(sentence.start, sentence.start)))
        .filter_map(|x| {
            x.range.map(|r| super::context::coordinated_days(t.text, x, r, in_sentence).unwrap_or(r))
        })
        .find(|r| trip.date.is_none_or(|d| d.contains(r)) && r.precision == dateline_model::Precision::Day)
    else {
        return;
    };
    // "delivered remarks in London at Kew on July 20", inside a trip "from July 20 to July 26":
    // one day's event at the stop, not the stop's days, unless the sentence tells the stay
    // ("will arrive in Ohrid on July 1", "in Madrid from March 6 to 8") or a meeting there ("In
    // Fiji on February 12, the Secretary will meet with the Prime Minister").
    let stay = date.start != date.end
        || super::find_triggers(sentence.slice(t.text)).iter().any(|g| g.kind != EventKind::Conference)
        || ["arrive", "depart", "stop in", "stay"].iter().any(|w| lower.contains(w));
    if !stay {
        return;
    }
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

/// One visit per trip stop outside the traveller's own country: the traveller and the people
/// met there, the stop's cities, its dates (else the trip's).
pub(super) fn trip_visits(trips: &[Trip], found: &[Found]) -> Vec<Event> {
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
                    transfer: None,
                });
            }
        }
        for stop in &stops {
            if trip.traveller_country.as_deref() == Some(stop.country.as_str()) {
                continue;
            }
            let mut participants = vec![trip.traveller_participant()];
            for h in &trip.hosts {
                push_unique(&mut participants, h.clone());
            }
            for f in
                found.iter().filter(|f| f.stop.as_ref().is_some_and(|(i, c)| *i == ti && *c == stop.country))
            {
                // Another traveller at the same gathering ("A and B, who arrived in our country,
                // took part in the Congress") is on a visit of their own, not a host.
                for p in &f.event.participants {
                    let traveller = travellers.contains(p.actor.name.as_str());
                    if p.actor.kind == ActorKind::Person && p.role != Role::Initiator && !traveller {
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
