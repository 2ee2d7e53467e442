//! The lead and the headline: what a readout tells in its first sentences, dated by the
//! publication day or the lead's own date, placed by its dateline, and what later sentences refer
//! back to ("the meeting", "this visit").

use super::*;

/// The first meeting the lead tells: its trigger, date and status.
#[derive(Debug, Clone, Copy)]
pub(super) struct LeadMeeting {
    pub(super) trigger: Span,
    pub(super) date: Option<DateRange>,
    pub(super) status: Status,
}

/// "Taking part in the meeting were A, B and C", "At the meeting, D spoke about": "the meeting"
/// with no complement of its own is the one the lead told. Its people join that meeting's event;
/// when the lead's meeting gave none (it named no one), the event takes its date.
pub(super) fn follow_the_meeting(t: &Tagged<'_>, events: &mut Vec<Event>, lead: LeadMeeting) {
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

/// Where the lead ends: the end of the `LEAD_SENTENCES`-th sentence after the headline.
pub(super) fn lead_end(t: &Tagged<'_>) -> usize {
    let body_start = t.headline.map_or(0, |h| h.end);
    t.sentences.iter().filter(|s| s.start >= body_start).nth(LEAD_SENTENCES - 1).map_or(usize::MAX, |s| s.end)
}

/// The place line under a headline, as transcripts and news items carry it: "Berlin, Germany",
/// "The Kremlin, Moscow", "Washington, D.C.", "Sevastopol". A short line of places and at most two
/// other capitalised words, among the first lines of the body.
pub(super) fn dateline_place(t: &Tagged<'_>) -> Option<Location> {
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
            // "Amur Region", "Khabarovsk Krai": a region of the telling government's own country,
            // which the gazetteer does not list.
            if let Some(country) = t.outlet_country
                && own_region(text)
            {
                return Some(Location { place: Some(text.to_string()), country: Some(country.to_string()) });
            }
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

/// Words that end a region's name in a place line: "Amur Region", "Perm Krai", "Lviv Oblast".
const REGION_WORDS: &[&str] =
    &["Region", "Oblast", "Krai", "Province", "Territory", "Prefecture", "Governorate"];

/// Whether a place line names one region: one to three capitalised words, then a region word.
fn own_region(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 2
        && words.len() <= 4
        && words.last().is_some_and(|w| REGION_WORDS.contains(w))
        && words[..words.len() - 1]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The lead's meetings and gatherings happen where the dateline says, when their sentence names
/// no place; and a participant of another country who meets there is on a visit there ("Secretary
/// Marlow and Chancellor Hoffmann Before Their Meeting", datelined Berlin: Marlow visits Germany).
pub(super) fn place_the_lead(t: &Tagged<'_>, events: &mut Vec<Event>) {
    let end = lead_end(t);
    let in_lead = |e: &Event| e.evidence.iter().any(|s| s.end <= end);
    let dateline = dateline_place(t);
    if let Some(place) = &dateline {
        for e in events
            .iter_mut()
            .filter(|e| in_lead(e) && matches!(e.kind, EventKind::Meeting | EventKind::Conference))
        {
            match &mut e.location {
                None => e.location = Some(place.clone()),
                // "welcome you to Vietnam" under the dateline "Hanoi, Vietnam": the city too.
                Some(l) if l.place.is_none() && l.country.is_some() && l.country == place.country => {
                    l.place = place.place.clone();
                }
                _ => {}
            }
        }
    }
    // Visits only for the article's own meeting: told in the headline or the first sentence, in
    // person.
    let body_start = t.headline.map_or(0, |h| h.end);
    // The first sentence of the body, past a place line ("Tomsk", "The Kremlin, Moscow"): a short
    // line that no sentence mark ends.
    let place_line = |s: &Span| {
        let text = s.slice(t.text).trim_end();
        text.len() <= 60 && !text.ends_with(['.', '!', '?', ':', '"', '\u{201d}'])
    };
    let mut body = t.sentences.iter().filter(|s| s.start >= body_start);
    let first = body.clone().next();
    let first_end = body.by_ref().take(3).find(|s| !place_line(s)).or(first).map_or(0, |s| s.end);
    // The headline and the body's first line: where a guest of no stated country is told.
    let opening_end = first.map_or(0, |s| s.end);
    let remote = |e: &Event| {
        e.evidence.iter().any(|s| {
            let lower = s.slice(t.text).to_lowercase();
            ["videoconference", "video conference", "video link", "virtual", "online", "phone"]
                .iter()
                .any(|w| lower.contains(w))
        })
    };
    // "The President said this important visit sends a strong message", "Stressing the
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
        // Past a place line, only a guest of another stated country: "Viktor Orlov and President
        // of Belarus Ivan Petrov met with employees" under "Tomsk" (not "Orlov met with CEO A").
        let opening = e.evidence.iter().any(|s| s.end <= opening_end);
        // And there, only at the place line's own place.
        if !opening && dateline.as_ref().and_then(|d| d.country.as_deref()) != Some(country.as_str()) {
            continue;
        }
        for p in &people {
            let foreign = match p.actor.country.as_deref() {
                Some(c) => c != country,
                // Of no stated country, beside someone of the place: the guest; so are all whom
                // the host of a visit the lead tells of met.
                None => {
                    opening
                        && ((locals > 0 && people.len() == 2) || (host_is_local && p.role != Role::Initiator))
                }
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
pub(super) fn visit_told_in_the_lead(
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
pub(super) const LEAD_SENTENCES: usize = 3;

/// A readout's own event has no date word ("Putin had a telephone conversation with ...",
/// "During a working visit to Brussels, Zelenskyy met with ..."): told as done in the headline or
/// the lead, it happened on the publication day. Later sentences without a date are background
/// ("the meeting ... which took place during the climate conference"), left undated.
/// "It's an honour to have my friend the Secretary for his first official visit in Israel", "I came
/// here to prepare ...": a visit told without a date, by a text whose meeting of the day (dated by
/// publication) has the visitor in it, in the visit's country, is that day's visit; so is the
/// visit of one who attends the day's gathering ("A and B, who arrived in our country, took part
/// in the Congress").
pub(super) fn date_visits_by_their_meeting(t: &Tagged<'_>, events: &mut [Event], off_the_day: &[Span]) {
    let Some(published) = t.published else { return };
    let today = DateRange::day(published);
    let country = |e: &Event| e.location.as_ref().and_then(|l| l.country.clone());
    let meetings: Vec<(Vec<String>, Option<String>)> = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Meeting | EventKind::Conference))
        .filter(|e| e.status == Status::Occurred && e.date == Some(today))
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

/// "A visited Slovenia and held consultations with B. ... In Ljubljana, A had a meeting with C":
/// a meeting told without a date, by the traveller of a visit dated by the lead, in the visit's
/// country, is one of that visit's meetings and happens within its dates.
pub(super) fn date_meetings_by_their_visit(events: &mut [Event]) {
    let country = |e: &Event| e.location.as_ref().and_then(|l| l.country.clone());
    let visits: Vec<(String, String, DateRange)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Visit && e.status == Status::Occurred)
        .filter_map(|e| Some((e.participants.first()?.actor.name.clone(), country(e)?, e.date?)))
        .collect();
    for e in events
        .iter_mut()
        .filter(|e| e.kind == EventKind::Meeting && e.date.is_none() && e.status == Status::Occurred)
    {
        let (Some(who), Some(here)) = (e.participants.first().map(|p| p.actor.name.clone()), country(e))
        else {
            continue;
        };
        if let [(_, _, date)] =
            visits.iter().filter(|(t, c, _)| *t == who && *c == here).collect::<Vec<_>>()[..]
        {
            e.date = Some(*date);
        }
    }
}

/// A headline's event that no body sentence told with a date ("Chile and Ghana Host a Preparatory
/// Ministerial on Maritime Safety") is dated by the lead's first sentence that tells
/// of an event, when it gives one day or week on the right side of the publication day ("virtually
/// hosted on July 21-22 members of ...", "held another meeting this week", "On February 26, ...
/// held calls"), within two weeks before it (three months after, for a plan): the lead retells
/// the headline.
pub(super) fn date_the_headline(t: &Tagged<'_>, events: &mut [Event]) {
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

/// Words right before a trigger that tell an event held before the one the lead reports.
const RECALLED_BY: &[&str] = &["results of the ", "outcome of the ", "outcomes of the ", "results of their "];

pub(super) fn date_the_lead(t: &Tagged<'_>, events: &mut [Event], off_the_day: &[Span]) {
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
        // "The interlocutors praised the results of the meeting of A with B, which took place
        // during the climate conference in Glasgow": what has results was held before.
        let recalled = e.evidence.iter().any(|s| {
            s.contains(e.trigger) && {
                let before = t.text[s.start..e.trigger.start].to_lowercase();
                RECALLED_BY.iter().any(|w| before.ends_with(w))
            }
        });
        if !recalled && (just || e.evidence.iter().any(|s| s.end <= lead_end)) {
            e.date = Some(DateRange::day(published));
        }
    }
}
