//! What every argument finder knows about one trigger ([`Context`]): its clause's regions, the
//! people, parties and places in them, who speaks, and the date attached to the trigger.

use super::*;

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
            crate::segment::colon_within(text, start, 90).is_some_and(|colon| {
                m.span.end <= colon
                    && text[start..m.span.start].trim().is_empty()
                    && !text[start..colon].contains(['.', ','])
            })
        })
        .collect()
}

/// The start of the last label of a turn by someone unnamed ("... Thank you. Question: Maria
/// Glebova, RIA Novosti.") in `text[from..to]` that opens a sentence, if any.
fn last_unnamed_label(text: &str, from: usize, to: usize) -> Option<usize> {
    // A turn is looked for this far back at most: a text of one huge paragraph would otherwise
    // make the look quadratic.
    let mut from = from.max(to.saturating_sub(UNNAMED_TURN_REACH));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..to];
    UNNAMED_TURNS
        .iter()
        .filter_map(|l| {
            window.rmatch_indices(l).map(|(i, _)| from + i).find(|&at| {
                let rest = &text[at + l.len()..];
                let rest = rest.strip_prefix(" (retranslated)").unwrap_or(rest);
                rest.starts_with(": ")
                    && (at == from || [". ", "? ", "! "].iter().any(|e| text[..at].ends_with(e)))
            })
        })
        .max()
}

pub(super) use crate::segment::TURN_PARAGRAPHS;

/// How far into a turn (bytes) the person it opens by addressing is still the one addressed.
const OPENING_VOCATIVE_REACH: usize = 400;

/// Whether a turn's label (the text before its colon) is one of [`UNNAMED_TURNS`].
fn unnamed_label(label: &str) -> bool {
    let label = label.trim();
    UNNAMED_TURNS
        .iter()
        .any(|l| label == *l || label.strip_prefix(l).is_some_and(|r| r.starts_with([' ', '('])))
}

/// How many person mentions (and turns) before a trigger a vocative's person is looked for.
const VOCATIVE_MENTIONS: usize = 200;

/// The verbs of a second predicate whose date an undated first one shares: "met with A and held
/// talks with B on May 3".
const CONJUNCT_VERBS: &[&str] = &["held", "hosted", "had", "attended", "co-chaired", "chaired", "joined"];

/// The words that may stand between a country and "delegation": "a US government delegation".
const DELEGATION_KINDS: &[&str] = &[
    "government",
    "governmental",
    "official",
    "parliamentary",
    "interagency",
    "high-level",
    "senior",
    "economic",
    "military",
    "business",
    "trade",
    "congressional",
    "ministerial",
];

/// How many bytes before a trigger a label of an unnamed turn is looked for.
const UNNAMED_TURN_REACH: usize = 6000;

/// Labels of a transcript's turns by people it does not name: a journalist's question, a voice
/// in the audience.
const UNNAMED_TURNS: &[&str] = &[
    "Question",
    "QUESTION",
    "Q",
    "Journalist",
    "Reporter",
    "Audience member",
    "AUDIENCE MEMBER",
    "Moderator",
    "MODERATOR",
];

/// What every argument finder needs to know about one trigger.
pub(super) struct Context<'a, 't> {
    pub(super) t: &'a Tagged<'t>,
    pub(super) sentence: Span,
    pub(super) trigger: Span,
    pub(super) regions: Regions,
    pub(super) status: Status,
    /// The events the sentence before told.
    pub(super) previous: &'a [Event],
}

impl Context<'_, '_> {
    pub(super) fn mentions_in(&self, region: Span) -> impl Iterator<Item = &Mention> {
        crate::starting_in(self.t.mentions, region, |m| m.span)
            .iter()
            .filter(move |m| region.contains(m.span))
    }

    pub(super) fn people_in(&self, region: Span) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for m in self.mentions_in(region).filter(|m| m.kind == MentionKind::Person && !is_spokesperson(m)) {
            push_unique(&mut out, participant(m, Role::Counterpart));
        }
        out
    }

    /// The bodies named in `region` that no listed organisation or person mention covers ("the
    /// Advisory Committee on International Postal and Delivery Services").
    pub(super) fn bodies_in(&self, region: Span) -> Vec<Mention> {
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
            .filter(|m| {
                !taken.iter().any(|t| t.overlaps(m.span) && !inside_a_compound(self.t.text, m.span, *t))
            })
            .collect()
    }

    pub(super) fn parties_in(&self, region: Span) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for m in self.mentions_in(region) {
            // "met with X after the CSTO Summit": the organisation names the gathering, it is
            // not met.
            let next = self.t.text[m.span.end..].split_whitespace().next().unwrap_or("");
            let names_a_gathering = super::naming::HEADS
                .contains(&next.trim_end_matches(['.', ',', ';']).to_lowercase().as_str());
            if matches!(m.kind, MentionKind::Organization | MentionKind::Group) && !names_a_gathering {
                push_unique(&mut out, participant(m, Role::Counterpart));
            }
        }
        out
    }

    /// The countries whose delegation `region` names: "an American delegation", "a US government
    /// delegation", "the delegation of Poland", "a delegation from the Government of Tajikistan".
    /// A delegation with no member named is its country.
    pub(super) fn delegations_in(&self, region: Span) -> Vec<Participant> {
        let text = self.t.text;
        let mut out: Vec<Participant> = Vec::new();
        for m in self.mentions_in(region) {
            if !matches!(m.kind, MentionKind::Country | MentionKind::CountryAdjective) {
                continue;
            }
            let after = text[m.span.end..region.end].to_lowercase();
            let mut words = after.split_whitespace();
            let mut next = words.next().unwrap_or("");
            if DELEGATION_KINDS.contains(&next) {
                next = words.next().unwrap_or("");
            }
            let before_delegation = next.trim_end_matches([',', '.', ';']).starts_with("delegation");
            let before = text[region.start..m.span.start].to_lowercase();
            let before = before.trim_end();
            let before = before.strip_suffix(" the").unwrap_or(before);
            let before = before.strip_suffix(" government of").unwrap_or(before);
            let before = before.strip_suffix(" the").unwrap_or(before);
            let of_delegation = ["delegation of", "delegation from", "delegations of", "delegations from"]
                .iter()
                .any(|w| before.ends_with(w));
            if before_delegation || of_delegation {
                push_unique(&mut out, participant(m, Role::Counterpart));
            }
        }
        out
    }

    /// The person the clause is about: a person in the subject, else who "he", "she" or "the
    /// Secretary" means here, else the article's protagonist.
    pub(super) fn initiators(&self) -> Vec<Participant> {
        // "X met A, B and C during her visit to Ulaanbaatar": a possessive right before the trigger
        // is the clause's subject's, the first person it names, not the nearest one.
        if let Some(subject) = self.possessor() {
            return subject;
        }
        // "After the President's trip to Oslo, Deputy Secretary Marlow is to meet": the
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
        // "Jon Reyes, Department Spokesperson" under a headline of two leaders' visit: the one
        // who speaks for the Department is not who the news is about.
        self.t
            .cast
            .salient_at(self.trigger.start)
            .filter(|m| !speaks_for_others(m.role.as_deref()))
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
    pub(super) fn possessor(&self) -> Option<Vec<Participant>> {
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

    /// "to welcome you", "looking forward to seeing you in Tokyo": in a transcript, "you" right
    /// after the trigger (or ending it) is the one the speaker addresses. "You all", "you and
    /// your team" are an audience, not the other speaker.
    pub(super) fn addressed(&self) -> Option<Participant> {
        let text = self.t.text;
        let trigger = self.trigger.slice(text).to_lowercase();
        let rest = text[self.trigger.end..self.regions.clause.end.max(self.trigger.end)].trim_start();
        let after_you = if trigger.ends_with(" you") {
            rest
        } else {
            let lower = rest.to_lowercase();
            let r = lower.strip_prefix("you")?;
            if r.starts_with(|c: char| c.is_alphanumeric()) {
                return None;
            }
            &rest[3..]
        };
        let next = after_you.split_whitespace().next().unwrap_or("").to_lowercase();
        if matches!(next.as_str(), "all" | "both" | "and" | "two" | "three") {
            return None;
        }
        self.addressee()
    }

    /// "our video call in April", "when we met in Geneva", "we participated together in": in a
    /// transcript turn whose clause names nobody before the trigger, "we" and "our" are the
    /// speaker and the one addressed. A meeting needs "our" right before it or "we" as its
    /// subject; a gathering, "we ... together" (a "we" alone there is the speaker's side).
    pub(super) fn we_two(&self, gathering: bool) -> Option<Participant> {
        self.speaker_label()?;
        let text = self.t.text;
        let region = self.regions.subject;
        if !self.people_in(region).is_empty() {
            return None;
        }
        let before = format!(" {} ", text[region.start..self.trigger.start].to_lowercase().replace(',', " "));
        let words: Vec<&str> = before.split_whitespace().collect();
        let told = if gathering {
            words.contains(&"we") && words.contains(&"together")
        } else {
            // "our video call", "our last meeting": "our" at most two words before.
            words.iter().rev().take(3).any(|w| *w == "our") || words.last().is_some_and(|w| *w == "we")
        };
        if told { self.addressee() } else { None }
    }

    /// In a transcript, the one the speaker of the trigger's turn talks to: the nearest other
    /// speaker, before the turn or after it.
    pub(super) fn addressee(&self) -> Option<Participant> {
        let me = match self.speaker_label() {
            Some(m) => Some(m.name.clone()),
            None => self.author().map(|a| a.actor.name),
        };
        // "Mr Chancellor, you have come from Kiev": a speaker, or a journalist's question, names
        // whom it asks.
        if (me.is_some() || self.unnamed_turn())
            && let Some(you) = self.vocative().filter(|p| me.as_ref() != Some(&p.actor.name))
        {
            return Some(you);
        }
        let me = me?;
        let labels = self.t.speaker_labels;
        let at = labels.partition_point(|m| m.span.start < self.trigger.start);
        let other = |m: &Mention| m.name != me;
        labels[..at]
            .iter()
            .rev()
            .find(|m| other(m))
            .or_else(|| labels[at..].iter().find(|m| other(m)))
            .map(|m| self.labelled(m))
    }

    /// Whether the trigger's paragraph opens a turn of someone unnamed ("Question: ...").
    fn unnamed_turn(&self) -> bool {
        let text = self.t.text;
        let start = self.t.breaks.paragraph_start(self.trigger.start);
        let opening =
            crate::segment::colon_within(text, start, 90).is_some_and(|end| unnamed_label(&text[start..end]));
        opening || last_unnamed_label(text, start, self.trigger.start).is_some()
    }

    /// "PRESIDENT HARPER: Prime Minister Rao, it's always good to see you. ... I was honored to
    /// welcome you": a person named, with a comma, right after the label that opens the trigger's
    /// paragraph is the one the whole turn addresses.
    fn opening_vocative(&self) -> Option<Participant> {
        let text = self.t.text;
        let start = self.t.breaks.paragraph_start(self.trigger.start);
        let colon = crate::segment::colon_within(text, start, 90)?;
        let label = self.speaker_label()?;
        if label.span.start < start {
            return None;
        }
        let from = colon + 2;
        // Within the turn's opening lines: deep in a long turn the speaker has moved on.
        if self.trigger.start > from + OPENING_VOCATIVE_REACH {
            return None;
        }
        let m = crate::starting_in(self.t.mentions, Span::new(from, from + 1), |m| m.span)
            .iter()
            .find(|m| m.span.start == from && m.kind == MentionKind::Person)?;
        if m.span.end > self.trigger.start || !text[m.span.end..].starts_with(',') || m.name == label.name {
            return None;
        }
        Some(participant(m, Role::Counterpart))
    }

    /// The person the trigger's paragraph last addresses before it, in its sentence or the one
    /// before: "Mr Chancellor, you have come from Kiev", "Madam Secretary, ...", "Mr Putin, ...":
    /// a title or a surname after "Mr", "Ms" or "Madam", then a comma, that one cast member's
    /// role or name has.
    fn vocative(&self) -> Option<Participant> {
        let text = self.t.text;
        // In the sentence or the one before: a long paragraph may hold several turns.
        let mut start =
            self.t.breaks.paragraph_start(self.trigger.start).max(self.sentence.start.saturating_sub(300));
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let before = &text[start..self.trigger.start];
        let mut found = None;
        for (i, _) in before.match_indices(['M']) {
            let rest = &before[i..];
            let Some(after) = ["Mr ", "Mr. ", "Ms ", "Ms. ", "Mrs ", "Madam ", "Madame "]
                .iter()
                .find_map(|h| rest.strip_prefix(h))
            else {
                continue;
            };
            if i > 0 && before[..i].ends_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let Some(comma) = after.find(',') else { continue };
            let words: Vec<&str> = after[..comma].split_whitespace().collect();
            if words.is_empty() || words.len() > 3 || !words.iter().all(|w| w.starts_with(char::is_uppercase))
            {
                continue;
            }
            found = Some(words);
        }
        let Some(words) = found else { return self.opening_vocative() };
        let folded = words.join(" ").to_lowercase();
        let last = *words.last()?;
        // The people named shortly before (a bounded look back: a long transcript would make a
        // look through every member or mention quadratic).
        let cast = self.t.cast;
        let members = &cast.members;
        let before = &cast.mentions[..cast.mentions.partition_point(|m| m.span.end <= self.trigger.start)];
        let mut near: Vec<usize> = Vec::new();
        for m in before.iter().rev().take(VOCATIVE_MENTIONS) {
            if !near.contains(&m.member) {
                near.push(m.member);
            }
        }
        let by_name: Vec<usize> =
            near.iter().copied().filter(|&i| members[i].name.split(' ').any(|w| w == last)).collect();
        let by_role: Vec<usize> = near
            .iter()
            .copied()
            .filter(|&i| members[i].role.as_deref().is_some_and(|r| r.to_lowercase().contains(&folded)))
            .collect();
        // Of several of that title ("Mr Chancellor", with a former chancellor named), the one who
        // speaks in the transcript (among the last turns).
        let labels = self.t.speaker_labels;
        let at = labels.partition_point(|m| m.span.start < self.trigger.start);
        let recent = &labels[at.saturating_sub(VOCATIVE_MENTIONS)..at];
        let speaks = |i: &usize| recent.iter().any(|l| l.name == members[*i].name);
        let speaking: Vec<usize> = by_role.iter().copied().filter(speaks).collect();
        let one = match (by_name.as_slice(), by_role.as_slice(), speaking.as_slice()) {
            ([i], _, _) => *i,
            ([], [i], _) => *i,
            ([], _, [i]) => *i,
            _ => return None,
        };
        let m = &members[one];
        let mut actor = Actor::new(m.name.clone(), ActorKind::Person);
        actor.country = m.country.clone();
        actor.roles = m.role.iter().cloned().collect();
        Some(Participant { actor, role: Role::Counterpart })
    }

    /// In a transcript, the speaker of the turn the trigger is in: the person whose label ("PRIME
    /// MINISTER CHÍNH:", "President of Russia Vladimir Putin:") opens the nearest paragraph at or
    /// before the trigger that opens with one. A turn may run to many paragraphs (a leader's
    /// opening statement): up to [`TURN_PARAGRAPHS`] are looked through.
    pub(super) fn speaker(&self) -> Option<Participant> {
        match self.speaker_label() {
            Some(m) => Some(self.labelled(m)),
            None => self.author(),
        }
    }

    /// The mention in the label of the trigger's turn ([`Context::speaker`]).
    fn speaker_label(&self) -> Option<&Mention> {
        let text = self.t.text;
        // "... Thank you. Question: Maria Glebova, RIA Novosti. Mr Chancellor, you ...": a turn of
        // someone unnamed that starts inside the trigger's paragraph, before it, is the trigger's
        // (labels of named speakers open paragraphs).
        let paragraph = self.t.breaks.paragraph_start(self.trigger.start);
        if last_unnamed_label(text, paragraph, self.trigger.start).is_some_and(|u| u > paragraph) {
            return None;
        }
        let mut end = self.trigger.start;
        for _ in 0..TURN_PARAGRAPHS {
            let start = self.t.breaks.paragraph_start(end);
            let label_end = crate::segment::colon_within(text, start, 90);
            // "Question: Maria Glebova, RIA Novosti.": a turn of someone unnamed.
            if label_end.is_some_and(|end| unnamed_label(&text[start..end])) {
                return None;
            }
            if let Some(label_end) = label_end
                && let Some(m) =
                    crate::starting_in(self.t.mentions, Span::new(start, label_end), |m| m.span).iter().find(
                        |m| m.kind == MentionKind::Person && m.span.start >= start && m.span.end <= label_end,
                    )
                && !text[start..label_end].contains(['.', ','])
            {
                return Some(m);
            }
            if start == 0 {
                break;
            }
            end = start.saturating_sub(2);
        }
        None
    }

    /// The speaker a label names: "PRIME MINISTER VAN:" is the article's "Tran Van", the one cast
    /// member whose name has the label's one name as a word.
    fn labelled(&self, m: &Mention) -> Participant {
        let mut p = participant(m, Role::Initiator);
        // Looked up by name word: a scan of every member per label made a long transcript
        // quadratic.
        let cast = self.t.cast;
        let fuller: Vec<&str> = if m.name.contains(' ') {
            Vec::new()
        } else {
            cast.with_name_word(&m.name)
                .iter()
                .map(|&i| cast.members[i].name.as_str())
                .filter(|n| *n != m.name)
                .collect()
        };
        // A member of exactly that name that the text names outside the labels too ("Biden",
        // beside "Jill Biden") is the one meant.
        let labels = self.t.speaker_labels;
        let exact = || {
            cast.with_name_word(&m.name).iter().any(|&i| {
                cast.members[i].name == m.name
                    && cast.mentions_of(i).any(|x| {
                        let at = labels.partition_point(|l| l.span.end < x.span.end);
                        !labels.get(at).is_some_and(|l| l.span.contains(x.span))
                    })
            })
        };
        if let [one] = fuller[..]
            && !m.name.contains(' ')
            && !exact()
        {
            p.actor.name = one.to_string();
        }
        p
    }

    /// Who signs a statement written in the first person: the byline under its headline names a
    /// person and a title, nothing else ("Antony J. Blinken, Secretary of State").
    pub(super) fn author(&self) -> Option<Participant> {
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
    pub(super) fn attached_date(&self) -> Option<DateRange> {
        let clause = self.regions.clause;
        let text = self.t.text;
        // A postponed event has only its new date, when the text gives one ("postponed to June
        // 3", "rescheduled for May"); the date it was planned for is gone.
        if self.status == Status::Postponed {
            let lower = self.sentence.slice(text).to_lowercase();
            let new_date_at = [
                "postponed to ",
                "postponed until ",
                "rescheduled for ",
                "rescheduled to ",
                "moved to ",
                "now take place on ",
                "now take place ",
                "now be held on ",
                "now be held ",
                "instead take place on ",
            ]
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
                && !since_then(text, x)
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
        // "met with A, on the sidelines of the G7 Summit in Hiroshima on 20 May": the date of
        // the gathering the meeting was held at is the meeting's.
        let at_a_gathering = ["on the sidelines of ", "on the margins of ", "on the fringes of "]
            .iter()
            .any(|w| rest.starts_with(w));
        let after_limit = self.regions.object.end
            + match (relative, other_occurrence) {
                (_, true) => 0,
                (true, false) => 90,
                (false, false) if at_a_gathering => 90,
                (false, false) => 40,
            };
        let in_clause = crate::starting_in(self.t.times, clause, |x| x.span);
        // "your trip to Chile, which came after the President's visit to Santiago in March": a date past
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
                    !COMES_BEFORE.iter().any(|w| between.contains(w))
                }
            })
            .collect();
        // "a meeting from 9:30 a.m. to 11:00 a.m., Friday, May 6": a clock time alone is
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
        let before_all: Vec<&TimeExpr> = in_clause
            .iter()
            .filter(dated)
            .filter(|x| {
                x.span.end <= self.trigger.start && (self.trigger.start - x.span.end <= 100 || opening(x))
            })
            // "traveled to Glasgow on Monday ahead of the COP26": the date is the trip's, not
            // that of the gathering it comes before.
            .filter(|x| {
                let between = text[x.span.end..self.trigger.start].to_lowercase();
                !COMES_BEFORE.iter().any(|w| between.contains(w))
            })
            // "Chancellor A, who last visited Beijing in 2025, will meet B": a relative clause
            // closed before the trigger dates what it tells, not the event.
            .filter(|x| !in_a_closed_relative(text, self.sentence.start, x.span, self.trigger.start))
            // "arrives in Tokyo on Thursday, the first stop on a tour that will also take her to
            // Seoul": the day of a visit told before is that visit's; "also" adds other stops.
            .filter(|x| {
                my_kind.is_none() || {
                    let between = &text[x.span.end..self.trigger.end];
                    let lead = &text[self.sentence.start..x.span.start];
                    !(between.split_whitespace().any(|w| w == "also")
                        && find_triggers(lead).iter().any(|g| g.kind == EventKind::Visit))
                }
            })
            // "travel to the PRC on July 25 through 26, following her stops in Tokyo and Seoul":
            // what the dated event follows came before that day.
            .filter(|x| !follows_what_came_before(&text[x.span.end..self.trigger.start]))
            .collect();
        // "On January 7, commencing at 8:00 p.m., A held a telephone talk": the day, not the
        // clock time that the publication day would date.
        let before = before_all
            .iter()
            .copied()
            .filter(|x| !clock_only(x))
            .max_by_key(|x| x.span.end)
            .or_else(|| before_all.iter().copied().max_by_key(|x| x.span.end));
        let Some(x) = after.or(before) else { return self.conjunct_date() };
        let range = x.range?;
        Some(coordinated_days(text, x, range, in_clause).unwrap_or(range))
    }

    /// "We received a Turkish delegation and held the Council session in early March": a clause
    /// with no date of its own, joined by "and" to a predicate of the same
    /// subject that ends dated, shares that date.
    fn conjunct_date(&self) -> Option<DateRange> {
        let text = self.t.text;
        let end = self.regions.object.end;
        let rest = &text[end..self.sentence.end];
        let lead = rest.len() - rest.trim_start_matches([' ', ',']).len();
        let verb = rest[lead..].strip_prefix("and ")?.split_whitespace().next()?;
        if !CONJUNCT_VERBS.contains(&verb) {
            return None;
        }
        let stop = rest[lead..].find([',', ';', '.']).map_or(self.sentence.end, |i| end + lead + i);
        let x = self
            .t
            .times
            .iter()
            .filter(|x| x.span.start >= end && x.span.end <= stop)
            .find(|x| matches!(x.kind, TimexKind::Date) && !attributive_year(text, x))?;
        x.range.filter(|r| r.precision <= dateline_model::Precision::Year)
    }

    /// Places the clause puts the event in: "in Amman", "at Geneva", "to Brussels".
    pub(super) fn locative_places(&self) -> Vec<&Mention> {
        let text = self.t.text;
        self.places_in(self.regions.clause)
            .into_iter()
            .filter(|m| {
                let before = text[..m.span.start].trim_end();
                let mut words = before.rsplit(|c: char| c.is_whitespace());
                let mut word = words.next().unwrap_or("").to_ascii_lowercase();
                // "at the White House", "to the Kremlin": a seat named with its article.
                if word == "the" && !m.span.slice(text).starts_with(char::is_lowercase) {
                    word = words.next().unwrap_or("").to_ascii_lowercase();
                }
                // "the situation in Ukraine", "the war in Sudan": a place that a topic is in.
                let topic = word == "in"
                    && words.next().is_some_and(|w| TOPIC_NOUNS.contains(&w.to_ascii_lowercase().as_str()));
                (matches!(word.as_str(), "in" | "at" | "to" | "from") && !topic)
                    || before.ends_with(',') && m.kind == MentionKind::Country
            })
            .collect()
    }

    /// Status, corrected by the date: an event dated after the publication day is planned.
    pub(super) fn status_for(&self, date: Option<DateRange>) -> Status {
        match (self.status, date, self.t.published) {
            (Status::Occurred, Some(d), Some(p)) if d.start > p => Status::Planned,
            (Status::Planned, Some(d), Some(p)) if d.end < p => Status::Occurred,
            (s, _, _) => s,
        }
    }

    pub(super) fn places_in(&self, region: Span) -> Vec<&Mention> {
        self.mentions_in(region)
            .filter(|m| matches!(m.kind, MentionKind::City | MentionKind::Country))
            .collect()
    }

    pub(super) fn event(
        &self,
        kind: EventKind,
        date: Option<DateRange>,
        participants: Vec<Participant>,
    ) -> Event {
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

/// Whether the mention at `part` is one side of the hyphenated compound that opens the body's name
/// at `body`: "Russia-NATO Council", "NATO-Ukraine Commission" are bodies of both sides, not NATO.
fn inside_a_compound(text: &str, body: Span, part: Span) -> bool {
    if !(body.contains(part) && body != part) {
        return false;
    }
    let name = body.slice(text);
    let first = name.split(' ').next().unwrap_or("");
    let compound = Span::new(body.start, body.start + first.len());
    first.contains('-') && compound.contains(part) && compound != part
}

/// Nouns of what happens in a place, not of a place where people meet: "our talks take place at a
/// time when the situation in Ukraine is worrying", "discussed the war in Sudan".
const TOPIC_NOUNS: &[&str] = &[
    "situation",
    "war",
    "crisis",
    "conflict",
    "fighting",
    "violence",
    "developments",
    "events",
    "aggression",
    "invasion",
    "escalation",
    "tensions",
    "peace",
    "stability",
    "security",
    "elections",
    "democracy",
    "reforms",
    "investment",
    "investments",
];

/// "today and tomorrow", "on Monday and Tuesday", "May 3 and 4": two days joined by "and" are
/// one span from the first to the second, when the second follows within a week.
pub(super) fn coordinated_days(
    text: &str,
    x: &TimeExpr,
    range: DateRange,
    in_clause: &[TimeExpr],
) -> Option<DateRange> {
    use dateline_model::Precision;
    if range.precision != Precision::Day {
        return None;
    }
    // "my visit to Kiev yesterday and today's visit to Moscow": a day in the genitive opens a
    // phrase of its own.
    let genitive = |y: &TimeExpr| {
        let after = &text[y.span.end..];
        let own = y.span.slice(text);
        [after, own].iter().any(|s| s.starts_with("'s") || s.starts_with("’s"))
            || own.ends_with("'s")
            || own.ends_with("’s")
    };
    if genitive(x) {
        return None;
    }
    let span_of = |first: DateRange, second: DateRange| {
        (second.start > first.end && (second.start - first.end).num_days() <= 7)
            .then(|| DateRange::new(first.start, second.end, Precision::Day))
            .flatten()
    };
    // "visiting Madrid today and tomorrow for talks": the day taken may be the second one.
    let before = text[..x.span.start].trim_end_matches(' ');
    if let Some(head) = before.strip_suffix(" and").map(|h| h.trim_end_matches([' ', ',']))
        && let Some(first) = in_clause.iter().find(|y| y.span.end == head.len())
        && let Some(first) = first.range.filter(|r| r.precision == Precision::Day)
    {
        return span_of(first, range);
    }
    let rest = &text[x.span.end..];
    let gap = rest.len() - rest.trim_start_matches([' ', ',']).len();
    let joined = rest[gap..].strip_prefix("and ")?;
    let at = x.span.end + gap + 4 + (joined.len() - joined.trim_start().len());
    let next = in_clause.iter().find(|y| y.span.start == at).filter(|y| !genitive(y))?;
    let second = next.range.filter(|r| r.precision == Precision::Day)?;
    span_of(range, second)
}

/// A spokesperson or press secretary issues the statement; they take part in nothing it tells.
/// Whether the text right before a trigger makes what it tells come earlier than what the
/// clause tells: "following her stops in", "after his talks with".
pub(super) fn follows_what_came_before(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| w.eq_ignore_ascii_case("following") || w.eq_ignore_ascii_case("after"))
}

pub(super) fn is_spokesperson(m: &Mention) -> bool {
    speaks_for_others(m.role.as_deref())
}

/// A role whose holder speaks for others: "Department Spokesperson", "Press Secretary".
fn speaks_for_others(role: Option<&str>) -> bool {
    role.is_some_and(|r| {
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
pub(super) const TELLING_VERBS: &[&str] = &[
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

/// Words that put one event before another: "a call ahead of the Day of Unity", "traveled ... in
/// preparation for the summit". A date across them belongs to the other event.
const COMES_BEFORE: &[&str] = &[
    "ahead of ",
    "on the eve of ",
    "in the run-up to ",
    "in the lead-up to ",
    "in preparation for ",
    "to prepare for ",
    "preparing for ",
];

pub(super) fn dates_the_telling(text: &str, x: &TimeExpr, trigger: Span) -> bool {
    let from =
        text[..x.span.start].char_indices().rev().filter(|(_, c)| *c == ' ').nth(3).map_or(0, |(i, _)| i);
    if trigger.start < x.span.start && trigger.end > from {
        return false;
    }
    text[from..x.span.start].split_whitespace().any(|w| {
        // As written: "President Omar Said on Monday" is a name, not a telling.
        TELLING_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
    })
}

/// noun dates that noun, not the event.
pub(super) fn attributive_year(text: &str, x: &TimeExpr) -> bool {
    let s = x.span.slice(text);
    if !(s.len() == 4 && s.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let after = &text[x.span.end..];
    // "the summit in 1999 adopted", "met in 2019 and agreed": after "in" or "during" the year is
    // the time of the clause, whatever word follows it ("by 2030", "until 2027" are deadlines).
    let before = text[..x.span.start].trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    let governed = matches!(word.as_str(), "in" | "during");
    !governed && after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_alphabetic())
}

/// "the first in-person meeting of G20 ministers since 2019", "for the first time since
/// March": the start of a stretch without the event, not its date.
fn since_then(text: &str, x: &TimeExpr) -> bool {
    let before = text[..x.span.start].trim_end();
    let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    word.eq_ignore_ascii_case("since")
}

pub(super) fn participant(m: &Mention, role: Role) -> Participant {
    // "Finnish" as a party is Finland, a country, not a person.
    let kind = match m.kind {
        MentionKind::CountryAdjective => ActorKind::Country,
        other => other.actor_kind().unwrap_or(ActorKind::Person),
    };
    let mut actor = Actor::new(m.name.clone(), kind);
    actor.country = m.country.clone();
    actor.roles = m.role.iter().cloned().collect();
    Participant { actor, role }
}

pub(super) fn push_unique(out: &mut Vec<Participant>, p: Participant) {
    if !out.iter().any(|q| q.actor.name == p.actor.name) {
        out.push(p);
    }
}

/// A date inside a relative clause set off by commas that closes before `trigger`: "A, who
/// visited Kyiv in February, said ...", "the Council, which met on May 3, will ...".
fn in_a_closed_relative(text: &str, from: usize, date: Span, trigger: usize) -> bool {
    relative_clause_at(text, from, date.start).is_some_and(|r| r.end <= trigger)
}

/// The relative clause set off by commas that holds `pos`, from its "who" to its closing comma:
/// "A, who visited Kyiv in February, said" holds "visited" and "February".
pub(super) fn relative_clause_at(text: &str, from: usize, pos: usize) -> Option<Span> {
    let lead = &text[from.min(pos)..pos];
    let i = [", who ", ", which ", ", whose "].iter().filter_map(|w| lead.rfind(w)).max()?;
    if lead[i + 2..].contains(',') {
        return None;
    }
    let rest = &text[pos..];
    let close = rest.find([',', '.', ';'])?;
    rest[close..].starts_with(',').then(|| Span::new(from.min(pos) + i + 2, pos + close))
}
