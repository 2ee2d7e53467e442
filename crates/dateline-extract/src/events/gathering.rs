//! Gatherings: summits, conferences, dialogues, ministerials. Named ones keep their name, the city
//! and parties it carries, and their attendees; an unnamed "the conference" counts only when it is
//! dated itself.

use dateline_model::{Actor, ActorKind, Location, Participant, Role, Span, Status};

use super::{Context, Found, Trips, gathering_name, location_of, participant, push_unique, stop_for};
use crate::actors::{Mention, MentionKind};
use dateline_model::EventKind;

/// Verbs that make a subject attend a gathering.
const ATTEND_WORDS: &[&str] = &[
    "attend",
    "participate",
    "co-chair",
    "chair",
    "host",
    "open",
    "co-open",
    "lead",
    "led",
    "join",
    "address",
    "convene",
    "hold",
    "held",
    "took part",
    "take part",
    "taking part",
    "participat",
    "remarks",
    "speak",
    "spoke",
    "deliver",
    "represent",
    "organiz",
    "organis",
];

/// Verbs that make countries and organisations in the subject the gathering's hosts: "Ghana and
/// Norway are co-chairing the Global Disability Summit", "the Estonians convened the Conference".
const HOST_WORDS: &[&str] = &["host", "chair", "convene", "organiz", "organis"];

/// Heads that name a gathering only with a proper complement: "the 27th Congress of the Universal
/// Postal Union", "the 49th Session of the UN Human Rights Council" (not "the U.S. Congress", "a
/// question-and-answer session").
pub(super) const NAMED_ONLY: &[&str] = &["session", "congress"];

/// A gathering: named ("the Munich Security Conference") or dated; returns the event and the
/// span of its name, so that the words inside it trigger nothing else.
pub(super) fn conference(cx: &Context<'_, '_>, trips: &Trips) -> Option<(Found, Span)> {
    let s_text = cx.sentence.slice(cx.t.text);
    let rel_start = cx.trigger.start - cx.sentence.start;
    let mut rel_end = cx.trigger.end - cx.sentence.start;
    // "Trilateral Ministerial meeting": a following head word belongs to the name; a standing
    // body's "Joint Commission meeting" is also its members' meeting, told by that word.
    let body = super::naming::names_a_body(cx.trigger.slice(cx.t.text));
    for follow in [" meeting", " Meeting", " meetings", " summit", " Summit"].into_iter().filter(|_| !body) {
        if s_text[rel_end..].starts_with(follow) {
            rel_end += follow.len();
        }
    }
    // "the U.S. Conference of Mayors", "the Conference of Catholic Bishops": an association of its
    // members, not a gathering.
    if association(&s_text[rel_end..]) {
        return None;
    }
    let name = gathering_name(s_text, rel_start, rel_end);
    let name_span = match &name {
        Some(n) => {
            let start = s_text[..rel_end].rfind(n.split(' ').next().unwrap_or(n)).unwrap_or(rel_start);
            Span::new(
                cx.sentence.start + start.min(rel_start),
                cx.sentence.start + rel_end.max(start + n.len()),
            )
        }
        None => Span::new(cx.trigger.start, cx.sentence.start + rel_end),
    };
    // "the new Economic Policy Consultative Committee announced by the leaders": a standing body
    // being set up is no gathering of it.
    if founded(cx, name_span) {
        return None;
    }
    // "met in Brussels on Thursday for a two-day summit": the day starts the gathering.
    let mut date = cx.attached_date().map(|d| {
        super::visits::with_stated_length_of(cx.regions.clause.slice(cx.t.text), d, super::naming::HEADS)
    });
    // "the 2010 Russia-NATO summit", "at the 1999 OSCE Summit in Istanbul": a year that opens the
    // gathering's name is its date. (The year of publication names this year's edition, which the
    // text dates better: "the 2024 G7 Summit" in a fact sheet of its opening day.)
    if date.is_none() {
        date = year_of_name(cx, name_span)
            .filter(|y| cx.t.published.is_none_or(|p| !(y.start <= p && p <= y.end)));
    }
    // Participants: people who attend (subject with an attending verb, or "with" objects) and the
    // organisations the name carries ("NATO Summit").
    let subject_text = cx.regions.subject.slice(cx.t.text).to_lowercase();
    let mut participants: Vec<Participant> = Vec::new();
    // "Secretary Blinken at the Virtual Summit", "announced by the President at a meeting of the
    // Congress": whoever the clause is about is at the gathering.
    let at_it = at_gathering(
        &s_text[..name_span.start.max(cx.sentence.start) - cx.sentence.start],
        cx.status_for(date),
    );
    // "this is why we spoke about the St Petersburg Dialogue": a gathering talked about is a
    // topic; nobody in the clause attends it.
    let topic = {
        let before = s_text[..name_span.start.max(cx.sentence.start) - cx.sentence.start].to_lowercase();
        let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        last.contains(&"about")
            || last.windows(2).any(|w| w[0] == "of" && matches!(w[1], "spoke" | "talked" | "speaking"))
    };
    let at_it = at_it && !topic;
    if !topic && (says_any(&subject_text, ATTEND_WORDS) || subject_text.trim().is_empty() || at_it) {
        for mut p in cx.people_in(cx.regions.subject) {
            p.role = Role::Attendee;
            push_unique(&mut participants, p);
        }
        // "A spoke with B. The two ministers will meet at the G7 meeting": both attend.
        if participants.is_empty()
            && let Some(pair) = super::meetings::the_two_told_before(cx)
        {
            for mut p in pair {
                p.role = Role::Attendee;
                push_unique(&mut participants, p);
            }
        }
    }
    // "and so I will convene a virtual Global Water Security Meeting": the one speaking,
    // a transcript's speaker or a statement's author.
    let words: Vec<&str> =
        subject_text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let i_do_it = words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "i" | "we")
            && words[i + 1..]
                .iter()
                .take(3)
                .any(|v| ATTEND_WORDS.iter().chain(HOST_WORDS).any(|a| v.starts_with(a)))
    });
    if participants.is_empty()
        && i_do_it
        && !topic
        && let Some(mut me) = cx.speaker()
    {
        me.role = Role::Attendee;
        push_unique(&mut participants, me);
        if let Some(mut you) = cx.we_two(true) {
            you.role = Role::Attendee;
            push_unique(&mut participants, you);
        }
    }
    if at_it && participants.is_empty() && !subject_text.trim().is_empty() {
        for mut p in cx.initiators() {
            p.role = Role::Attendee;
            push_unique(&mut participants, p);
        }
        if let Some(mut you) = cx.we_two(true) {
            you.role = Role::Attendee;
            push_unique(&mut participants, you);
        }
    }
    if says_any(&subject_text, HOST_WORDS) {
        for m in cx.mentions_in(cx.regions.subject) {
            if matches!(
                m.kind,
                MentionKind::Country | MentionKind::CountryAdjective | MentionKind::Organization
            ) {
                push_unique(&mut participants, party(m));
            }
        }
    }
    // "the Ocean Futures Conference, which Fiji and Norway will co-host this autumn", "the
    // next Global COVID-19 Summit, which President Biden will host": hosts told after the name.
    for m in hosts_after(cx, name_span) {
        match m.kind {
            MentionKind::Person => push_unique(&mut participants, participant(m, Role::Host)),
            _ => push_unique(&mut participants, party(m)),
        }
    }
    for mut p in cx.people_in(cx.regions.object) {
        p.role = Role::Attendee;
        push_unique(&mut participants, p);
    }
    let in_name: Vec<&Mention> = cx.mentions_in(name_span).collect();
    for m in &in_name {
        if matches!(m.kind, MentionKind::Organization | MentionKind::Group) {
            push_unique(&mut participants, participant(m, Role::Host));
        }
    }
    // "the Conference of the Parties (COP) to the Convention", "a forum held under the OSCE": the
    // organisation the name is of or under hosts it.
    for m in organisation_after(cx, name_span) {
        push_unique(&mut participants, participant(m, Role::Host));
    }
    // "a session of aides to the Normandy format leaders": the grouping met.
    let text = cx.t.text;
    let head = cx.trigger.slice(text);
    let mut of_grouping = false;
    if matches!(head, "meeting" | "session") && text[cx.trigger.end..].starts_with(" of ") {
        let from = cx.trigger.end + 4;
        let rest = &text[from..cx.sentence.end];
        let to = from + rest.find([',', ';', '.', '(']).unwrap_or(rest.len()).min(80);
        // "a meeting of the NATO-Ukraine Commission": both sides the body's name pairs.
        let body = cx.bodies_in(Span::new(from, to)).into_iter().next().filter(|b| b.name.contains('-'));
        for m in cx.mentions_in(Span::new(from, to)) {
            let side = body.as_ref().is_some_and(|b| b.span.contains(m.span))
                && matches!(m.kind, MentionKind::Country | MentionKind::CountryAdjective);
            if matches!(m.kind, MentionKind::Organization | MentionKind::Group) || side {
                push_unique(&mut participants, participant(m, Role::Host));
                of_grouping = true;
            }
        }
    }
    // "A and B are to join a meeting of the Normandy format's political advisers": the meeting of a named grouping that people are told to attend is one, dated or not.
    let attended = participants.iter().any(|p| p.actor.kind == ActorKind::Person && p.role == Role::Attendee);
    let identified = of_grouping && attended;
    let own_date = date;
    let mut location = name.as_deref().and_then(city_in_name);
    if location.is_none() {
        // Not past another gathering: "the Summit ... the lead-up to the Conference, held in
        // Koror" places the Conference.
        let text = cx.t.text;
        let after_name: Vec<&Mention> = cx
            .locative_places()
            .into_iter()
            .filter(|m| m.span.start >= name_span.end)
            .filter(|m| {
                super::find_triggers(&text[name_span.end..m.span.start])
                    .iter()
                    .all(|g| g.kind != EventKind::Conference)
            })
            .collect();
        location = location_of(&after_name);
    }
    // "In Honolulu, Hawaii on February 12, Secretary X will host A and B for a Trilateral
    // Meeting": the place the sentence opens with.
    if location.is_none() {
        let text = cx.t.text;
        let sentence = cx.sentence.slice(text);
        if sentence.starts_with("In ") || sentence.starts_with("At ") {
            let opening: Vec<&Mention> = cx
                .locative_places()
                .into_iter()
                .filter(|m| m.span.start - cx.sentence.start <= 4 && m.span.end <= name_span.start)
                .collect();
            location = location_of(&opening);
        }
    }
    let mut stop = None;
    let attendees: Vec<Participant> =
        participants.iter().filter(|p| p.actor.kind == ActorKind::Person).cloned().collect();
    // "traveled to London ahead of the COP26 in Glasgow": the gathering comes after the trip.
    let ahead = super::status::governed_by_a_plan(
        &s_text[..name_span.start.max(cx.sentence.start) - cx.sentence.start].to_lowercase(),
    );
    if let Some((ti, country)) = stop_for(cx, trips, &attendees, &[]).filter(|_| !ahead) {
        let trip = &trips[ti];
        // A gathering dated outside the trip's days ("the lead-up to the Conference, ... April
        // 13-14" in a trip of February 10-11) is not attended on it.
        let on_the_trip = match (date, trip.date_of(&country)) {
            (Some(d), Some(t)) => d.overlaps(&t),
            _ => true,
        };
        // A gathering placed in another country than the stop is not held at it.
        let here = location.as_ref().is_none_or(|l| l.country.as_deref().is_none_or(|c| c == country));
        if on_the_trip && here && (trip.status == cx.status_for(date) || date.is_none()) {
            if participants.iter().all(|p| p.actor.kind != ActorKind::Person) {
                let traveller = Participant {
                    actor: Actor::new(trip.traveller.clone(), ActorKind::Person),
                    role: Role::Attendee,
                };
                participants.insert(0, traveller);
            }
            if date.is_none() {
                date = trip.date_of(&country);
            }
            if location.is_none() {
                let place =
                    trip.stop(&country).and_then(|s| (s.cities.len() == 1).then(|| s.cities[0].clone()));
                location = Some(Location { place, country: Some(country.clone()) });
            }
            stop = Some((ti, country));
        }
    }
    // "EU leaders met in Brussels on Thursday for a two-day summit", "arrived in Vilnius,
    // Lithuania for the NATO summit": the place the people came to for it.
    if location.is_none() {
        let places = cx.locative_places();
        let text = cx.t.text;
        if let Some(i) = places
            .iter()
            .rposition(|m| m.span.end <= name_span.start && came_for(&text[m.span.end..name_span.start]))
        {
            // With its city before it: "Matera, Italy".
            let first =
                if i > 0 && text[places[i - 1].span.end..places[i].span.start] == *", " { i - 1 } else { i };
            location = location_of(&places[first..=i]);
        } else if let Some(m) = cx
            .places_in(cx.regions.clause)
            .into_iter()
            .filter(|m| m.span.end <= name_span.start && text[m.span.end..].starts_with(", where "))
            .rfind(|m| came_for(&text[m.span.end..name_span.start]))
        {
            // "for Brussels, where she will attend": whatever preposition comes before it.
            location = location_of(&[m]);
        }
    }
    // "will travel to Brussels June 17-18 ... Finally, she will participate virtually in the
    // Bratislava Forum": a gathering elsewhere that the traveller attends, with no date of its
    // own, falls within the trip's days.
    if date.is_none()
        && stop.is_none()
        && !ahead
        && let Some(trip) = attendees
            .iter()
            .filter_map(|p| trips.of(&p.actor.name).last().map(|&i| &trips[i]))
            .find(|t| t.status == cx.status_for(None))
    {
        date = trip.date;
    }
    if participants.iter().all(|p| p.actor.kind != ActorKind::Person) {
        // Heads of delegation are often named in the next sentence: "The U.S. delegation was led by
        // ...".
        for mut p in delegation_heads(cx) {
            p.role = Role::Attendee;
            push_unique(&mut participants, p);
        }
    }
    // A bilateral or trilateral dialogue names its parties: "U.S.-Thailand Strategic Dialogue".
    for m in &in_name {
        if matches!(m.kind, MentionKind::Country | MentionKind::CountryAdjective) {
            push_unique(&mut participants, party(m));
        }
    }
    // "NATO defence ministers met in Brussels for a two-day ministerial": the organisation whose
    // members gather attends, and names the gathering.
    let members = if topic { None } else { super::meetings::members_gather(cx) };
    if let Some(org) = members.clone() {
        push_unique(&mut participants, org);
    }
    // An unnamed "the conference" refers back to one already told, unless it is dated itself.
    // A postponed one has no date left and is told as such: "The summit between A and B will not
    // take place as planned".
    let put_off = matches!(cx.status, Status::Postponed | Status::Cancelled)
        && participants.iter().filter(|p| p.actor.kind == ActorKind::Person).count() >= 2;
    if name.is_none() && own_date.is_none() && !identified && members.is_none() && !put_off {
        return None;
    }
    // "The Global Action Meeting" over a byline, "Today's Global Action Meeting was an important
    // step": a named gathering the statement tells as its own (its headline, or dated the day it
    // is published) is attended by the one who signs it.
    let own_gathering = cx.t.headline.is_some_and(|h| h.contains(cx.trigger))
        || own_date.is_some_and(|d| cx.t.published.is_some_and(|p| d.start == p && d.end == p));
    if participants.is_empty()
        && name.is_some()
        && own_gathering
        && let Some(mut me) = cx.author()
    {
        me.role = Role::Attendee;
        push_unique(&mut participants, me);
    }
    // A named gathering nobody is said to attend: the person the passage is about attends
    // ("the Global COVID-19 Summit", in a text about the Secretary).
    if participants.is_empty() {
        return None;
    }
    let mut e = cx.event(EventKind::Conference, date, participants);
    e.name = name;
    e.location = location;
    Some((Found { event: e, stop }, name_span))
}

/// Whether the gathering named at `name` is a standing body (a commission, committee or group)
/// told as new: "the new Economic Policy Consultative Committee", "a newly established Joint
/// Commission", "agreed to establish a Strategic Partnership Commission".
fn founded(cx: &Context<'_, '_>, name: Span) -> bool {
    let text = cx.t.text;
    if !super::naming::names_a_body(cx.trigger.slice(text)) {
        return false;
    }
    let before = text[cx.sentence.start..name.start.max(cx.sentence.start)].to_lowercase();
    let last: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    last.iter().any(|w| {
        matches!(*w, "new" | "newly" | "established" | "create" | "created" | "creating" | "creation")
            || w.starts_with("establish")
            || w.starts_with("launch")
            || matches!(*w, "set" | "sets" | "setting")
    })
}

/// The year that opens a gathering's name (`name`, with "the" before it): "the 2010 Lisbon
/// summit", "the 2019 Paris Summit".
fn year_of_name(cx: &Context<'_, '_>, name: Span) -> Option<dateline_model::DateRange> {
    let text = cx.t.text;
    cx.t.times
        .iter()
        .filter(|x| x.span.start >= cx.sentence.start && x.span.end <= cx.trigger.start)
        .filter(|x| {
            let s = x.span.slice(text);
            s.len() == 4 && s.chars().all(|c| c.is_ascii_digit())
        })
        .filter(|x| {
            x.span.start >= name.start || text[..x.span.start].trim_end().to_lowercase().ends_with(" the")
        })
        .filter(|x| {
            // Only capitalised words (or a members' word) between the year and the head.
            text[x.span.end..cx.trigger.start].split_whitespace().all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || matches!(w, "leaders'" | "leaders’" | "ministerial" | "-")
            })
        })
        .find_map(|x| x.range)
}

/// Members whose "Conference of ..." is a standing association: "the U.S. Conference of Mayors",
/// "the Conference of European Churches", "the Conference of Presidents of Major American Jewish
/// Organizations" (not "the Conference of the Parties", "the Conference of Ministers").
const ASSOCIATION_MEMBERS: &[&str] =
    &["Mayors", "Bishops", "Governors", "Churches", "Rabbis", "Rectors", "Presidents"];

/// Whether the words after a "Conference" head (`rest`) name its members as an association's:
/// " of Mayors", " of Catholic Bishops", " of European Churches".
fn association(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(" of ") else { return false };
    rest.split_whitespace()
        .take(3)
        .map(|w| w.trim_end_matches([',', '.', ';', ':', ')', '?', '!', '"', '\u{201d}']))
        .take_while(|w| w.starts_with(char::is_uppercase))
        .any(|w| ASSOCIATION_MEMBERS.contains(&w))
}

/// The organisation right after a gathering's name, past an acronym in brackets: "... (COP26)
/// to the UNFCCC", "... of the Parties to the Convention", "... under the OSCE".
fn organisation_after<'c>(cx: &'c Context<'_, '_>, name: Span) -> Vec<&'c Mention> {
    let text = cx.t.text;
    let end = cx.sentence.end;
    let mut at = name.end;
    let rest = &text[at..end];
    let trimmed = rest.trim_start();
    if trimmed.starts_with('(')
        && let Some(close) = trimmed.find(')')
    {
        at += rest.len() - trimmed.len() + close + 1;
    }
    let rest = &text[at..end];
    let Some(link) = [" to the ", " of the ", " under the "].iter().find(|w| rest.starts_with(**w)) else {
        return Vec::new();
    };
    let from = at + link.len();
    cx.mentions_in(Span::new(from, end))
        .filter(|m| m.span.start == from && matches!(m.kind, MentionKind::Organization | MentionKind::Group))
        .take(1)
        .collect()
}

/// Whether `text` (lower case) has a word starting with one of `words` ("hosts", "co-chaired",
/// "participating"), or holds a phrase of several words: "led" is not in "traveled", nor
/// "host" in "ghost".
fn says_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        if w.contains(' ') {
            text.contains(w)
        } else {
            text.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|t| t.starts_with(w) || t.strip_prefix("co-").is_some_and(|t| t.starts_with(w)))
        }
    })
}

/// A country or organisation taking part: a country adjective stands for its country.
pub(super) fn party(m: &Mention) -> Participant {
    if matches!(m.kind, MentionKind::Country | MentionKind::CountryAdjective) {
        let mut actor = Actor::new(m.country.clone().unwrap_or_else(|| m.name.clone()), ActorKind::Country);
        actor.country = m.country.clone();
        Participant { actor, role: Role::Attendee }
    } else {
        participant(m, Role::Host)
    }
}

/// A month's full name (the tagger's lexicon), which with a year may open a gathering's name:
/// "the September 2021 Summit".
fn full_month(w: &str) -> bool {
    crate::time::lexicon::month(w).is_some() && !crate::time::lexicon::month_is_abbrev(w)
}

/// Whether the words before a gathering's name put someone at it: "... at the", "at a meeting of
/// the", "at the opening of", "on the sidelines of".
fn at_gathering(before: &str, status: Status) -> bool {
    let mut words: Vec<&str> = before.split_whitespace().collect();
    let mut sidelines = false;
    while let Some(w) = words.last() {
        let w = w.to_lowercase();
        if matches!(w.as_str(), "sidelines" | "margins") {
            sidelines = true;
        } else if full_month(&w) || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            // "at the September 2021 Global COVID-19 Summit": the date that opens the name.
        } else if !matches!(
            w.as_str(),
            "a" | "an"
                | "the"
                | "this"
                | "today's"
                | "today\u{2019}s"
                | "of"
                | "meeting"
                | "session"
                | "segment"
                | "high-level"
                | "opening"
                | "closing"
                | "plenary"
        ) {
            break;
        }
        words.pop();
    }
    // "had a meeting with X after the CSTO Summit", "following the Summit": the meeting's people
    // were at it (not so "following the meeting scheduled for December 16", still ahead).
    let after = status == Status::Occurred;
    words.last().is_some_and(|w| {
        w.eq_ignore_ascii_case("at")
            || w.eq_ignore_ascii_case("during")
            || after
                && (w.eq_ignore_ascii_case("after")
                    || w.eq_ignore_ascii_case("following")
                    || w.eq_ignore_ascii_case("since"))
            || sidelines && w.eq_ignore_ascii_case("on")
    })
}

/// The words that tell who hosts a gathering, after its name.
const HOSTED_BY: &[&str] = &[
    "hosted by ",
    "chaired by ",
    "convened by ",
    "organized by ",
    "organised by ",
    "under the chairmanship of ",
    "under the co-chairmanship of ",
    "presided over by ",
];

/// Hosts named after a gathering's name, in the same clause: "X, which will be co-hosted by A and
/// B", "X, hosted by A", "X, which A will host".
fn hosts_after<'c>(cx: &'c Context<'_, '_>, name: Span) -> Vec<&'c Mention> {
    let text = cx.t.text;
    let clause_end = cx.regions.clause.end.max(name.end);
    let rest = &text[name.end..clause_end];
    let lower = rest.to_ascii_lowercase(); // byte offsets into `rest` stay valid
    let mut out = Vec::new();
    let hosted = HOSTED_BY.iter().filter_map(|w| lower.find(w).map(|i| (i, w))).min_by_key(|(i, _)| *i);
    if let Some((i, w)) = hosted
        && i < 60
    {
        let from = name.end + i + w.len();
        let to = text[from..clause_end].find([',', ';']).map_or(clause_end, |j| from + j);
        out.extend(cx.mentions_in(Span::new(from, to)).filter(|m| {
            matches!(
                m.kind,
                MentionKind::Person
                    | MentionKind::Country
                    | MentionKind::CountryAdjective
                    | MentionKind::Organization
            )
        }));
    } else if let Some(rel) = lower.strip_prefix(", which ").or_else(|| lower.strip_prefix(" which ")) {
        // "which President Biden will host": a person before a host verb in the relative clause.
        let offset = rest.len() - rel.len();
        let end = rel.find([',', ';']).unwrap_or(rel.len());
        let clause = &rel[..end];
        if let Some(v) = [" host", " chair", " convene", " lead"].iter().filter_map(|w| clause.find(w)).min()
        {
            let span = Span::new(name.end + offset, name.end + offset + v);
            out.extend(cx.mentions_in(span).filter(|m| m.kind == MentionKind::Person));
        }
    }
    out
}

/// Modifiers that make a meeting no more than a meeting: "Bilateral Meeting", "Their Meeting".
const GENERIC_MEETING_WORDS: &[&str] = &[
    "bilateral",
    "trilateral",
    "their",
    "his",
    "her",
    "joint",
    "virtual",
    "first",
    "second",
    "third",
    "private",
    "closed",
    "working",
    "official",
    "productive",
    "brief",
    "video",
    "online",
    "in-person",
    "face-to-face",
    "expanded",
    "restricted",
    "one-on-one",
    "separate",
    "final",
    "next",
    "last",
];

/// Whether the words between a place and a gathering tell that the place is where people came
/// for it: " on Thursday for a two-day " (a date may come between), not " for talks before the ".
fn came_for(between: &str) -> bool {
    // "departed on Sunday for Brussels, where she will attend a meeting of": the place a relative
    // "where" opens on.
    if let Some(rest) = between.strip_prefix(", where ") {
        let lower = rest.to_lowercase();
        return !rest.contains([',', ';', ':'])
            && rest.split_whitespace().count() <= 8
            && says_any(&lower, ATTEND_WORDS)
            && super::find_triggers(rest).is_empty();
    }
    if between.contains([',', ';', ':']) || between.len() > 60 {
        return false;
    }
    let Some((_, rest)) = between.rsplit_once(" for ") else { return false };
    rest.split_whitespace().count() <= 3 && super::find_triggers(rest).is_empty()
}

/// Whether a bare "meeting" trigger (at `trigger` in `sentence`) is a gathering's name: a
/// capitalised head with a proper modifier ("Senior Officials' Meeting", "Ministerial Meeting")
/// or a capitalised complement that is not a person's title ("Meeting of the Supreme State
/// Council", not "Meeting of the Presidents of ...").
pub(super) fn is_named_meeting(sentence: &str, trigger: Span) -> bool {
    let head = trigger.slice(sentence);
    // "the European Council meeting": a listed organisation's meeting is a gathering (so is "a
    // G7/G20/NATO/UN meeting").
    if matches!(head, "meeting" | "session") && after_an_organization(sentence, trigger) {
        return true;
    }
    if matches!(head, "meeting" | "session") && of_a_grouping(sentence, trigger) {
        return true;
    }
    // "held a Russia-NATO Council meeting": a standing body's meeting is its gathering.
    if matches!(head, "meeting" | "session") && after_a_body(sentence, trigger) {
        return true;
    }
    if !matches!(head, "Meeting" | "Meetings") {
        return false;
    }
    let before = sentence[..trigger.start].trim_end();
    let modifier = before.rsplit(' ').next().unwrap_or("");
    let modifier = modifier.trim_end_matches(['\'', '\u{2019}']);
    let name = gathering_name(sentence, trigger.start, trigger.end);
    // A title right before the head names a person ("President Meeting"), unless two more
    // modifiers come before it: "the Small Group Minister Meeting" is the ministers' gathering.
    let title_of_members = || name.as_deref().is_some_and(|n| n.split_whitespace().count() >= 4);
    // "the Foreign and Defence Ministers' 2+2 Meeting": a format's number names it too.
    let modifier_proper = (modifier.starts_with(char::is_uppercase)
        || modifier.starts_with(|c: char| c.is_ascii_digit()) && modifier.contains('+'))
        && !GENERIC_MEETING_WORDS.contains(&modifier.to_lowercase().as_str())
        && (crate::actors::titles().class_of(modifier).is_none() || title_of_members())
        && name.is_some();
    modifier_proper || named_by_complement(sentence, trigger)
}

/// "a meeting of the Normandy format's advisers", "a session of the CSTO
/// Collective Security Council", "a meeting of NATO foreign ministers": a meeting of a listed
/// organisation or grouping's members, named within the complement's phrase (up to a comma).
pub(super) fn of_a_grouping(sentence: &str, trigger: Span) -> bool {
    let Some(rest) = sentence[trigger.end..].strip_prefix(" of ") else { return false };
    let phrase_end = rest.find([',', ';', '.', '(']).unwrap_or(rest.len()).min(80);
    let phrase = &rest[..phrase_end];
    // A phrase that turns to other words ("a meeting of the two presidents to discuss NATO")
    // is not the grouping's: the organisation comes before any verb-like "to discuss".
    let phrase = phrase.split(" to discuss").next().unwrap_or(phrase);
    crate::actors::gazetteer()
        .find(phrase)
        .iter()
        .any(|p| matches!(p.kind, crate::actors::PlaceKind::Organization | crate::actors::PlaceKind::Group))
}

/// "the Russia-NATO Council meeting", "the Joint Committee meeting": a body's name (one the
/// organisations list does not hold) right before.
/// A body whose name is itself a gathering's trigger ("Strategic Partnership Commission") is
/// told by that trigger; the "meeting" after it is its members' meeting.
fn after_a_body(sentence: &str, trigger: Span) -> bool {
    let before = sentence[..trigger.start].trim_end();
    crate::actors::bodies::find_bodies(before).last().is_some_and(|(span, name)| {
        span.end == before.len() && super::find_triggers(name).iter().all(|g| g.kind != EventKind::Conference)
    })
}

/// "the European Council meeting", "the NATO meeting": a listed organisation right before.
fn after_an_organization(sentence: &str, trigger: Span) -> bool {
    // "the NATO foreign ministers' meeting", "a G20 finance ministers meeting": the members' words
    // between the organisation and the head.
    let mut before = sentence[..trigger.start].trim_end();
    while let Some((rest, last)) = before.rsplit_once(' ')
        && super::naming::is_members_word(last)
        && last.starts_with(char::is_lowercase)
    {
        before = rest.trim_end();
    }
    crate::actors::gazetteer().find(before).last().is_some_and(|p| {
        matches!(p.kind, crate::actors::PlaceKind::Organization | crate::actors::PlaceKind::Group)
            && p.span.end == before.len()
    })
}

/// Whether a capitalised head (at `trigger`) takes a proper complement: "Meeting of the Supreme
/// State Council", "Session of the Human Rights Council" (not "Meeting of the Presidents").
pub(super) fn named_by_complement(sentence: &str, trigger: Span) -> bool {
    if !trigger.slice(sentence).starts_with(char::is_uppercase) {
        return false;
    }
    let after = &sentence[trigger.end..];
    after
        .strip_prefix(" of the ")
        .or_else(|| after.strip_prefix(" of "))
        .and_then(|rest| rest.split(' ').next())
        .is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && crate::actors::titles().class_of(w.trim_end_matches([',', '.'])).is_none()
                && !matches!(w, "Presidents" | "Leaders" | "Heads" | "Ministers" | "Foreign")
        })
}

/// The city a gathering's name carries: "Munich Security Conference", "GLOBSEC Bratislava Forum".
fn city_in_name(name: &str) -> Option<Location> {
    name.split(' ').find_map(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        crate::actors::gazetteer()
            .find(word)
            .into_iter()
            .find(|p| p.kind == crate::actors::PlaceKind::City && p.span.len() == word.len())
            .map(|p| Location { place: Some(p.name), country: p.country })
    })
}

/// People said to lead the delegations in the sentences right after a gathering's.
fn delegation_heads(cx: &Context<'_, '_>) -> Vec<Participant> {
    let text = cx.t.text;
    let next: Vec<Span> = cx.t.sentences[cx.t.sentences.partition_point(|s| s.start < cx.sentence.end)..]
        .iter()
        .copied()
        .take(2)
        .collect();
    let mut out = Vec::new();
    for s in next {
        let lower = s.slice(text).to_lowercase();
        if ["led by", "delegation", "co-chaired", "chaired", "headed by", "led the", "hosted", "opened"]
            .iter()
            .any(|w| lower.contains(w))
        {
            out.extend(cx.people_in(s));
        }
    }
    out
}
