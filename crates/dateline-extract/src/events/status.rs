//! Status from tense, modality, negation and cancellation words in the trigger's clause.

use dateline_model::{Span, Status};

const PLANNED: &[&str] = &[
    "will ",
    "'ll ",
    "to travel",
    "to visit",
    "to meet",
    "to hold",
    "to host",
    "plans to",
    "planned",
    "scheduled",
    "expected to",
    "is set to",
    "are set to",
    "upcoming",
    "next week",
    "next month",
    "look forward to",
    "looks forward to",
    "looking forward to",
    "intends to",
    "would travel",
    "is to ",
    "is traveling ",
    "are traveling ",
    "is travelling ",
    "are travelling ",
    // "this call previewing the Secretary's trip to Italy": a preview tells what is to come.
    "previewing ",
    "preview of ",
    "to preview ",
];
const CANCELLED: &[&str] = &[
    "cancelled",
    "canceled",
    "called off",
    "scrapped",
    "cancel ",
    "will not travel",
    "won't travel",
    "will not visit",
    "will not attend",
    "will no longer",
    "is not traveling",
    "is not travelling",
    "will not take place",
    "won't take place",
    "will not go ahead",
    "won't go ahead",
];
const POSTPONED: &[&str] = &[
    "postponed",
    "delayed",
    "rescheduled",
    "put off",
    "on hold",
    // "originally set for Thursday, will now take place on Friday": moved, told by its old date.
    "originally set for",
    "originally scheduled for",
    "originally planned for",
    "initially scheduled for",
    "initially planned for",
];
/// Denials: no event at all, wherever they stand in the sentence.
const NOT_AN_EVENT: &[&str] = &[
    "no meeting",
    "has not been announced",
    "have not been announced",
    "no plans",
    "not planning",
    "called for a meeting",
    "did not meet",
    "refused to",
];
/// Words that make the event they govern a plan, whatever the clause's tense: "traveled ... ahead
/// of the 26th Conference of the Parties", "met in preparation for the summit". They govern the
/// trigger when they stand right before its phrase (no comma between), not when they open the
/// clause about another event ("Ahead of the summit, Blinken met X": the meeting took place).
const PLANNED_GOVERNING: &[&str] = &[
    "ahead of ",
    // "in preparation for", "the preparations for the Arctic Council summit", "preparing for".
    "preparation for ",
    "preparations for ",
    "preparing for ",
    "prepare for ",
    "in the run-up to ",
    "in the lead-up to ",
    "before the ",
];

/// Habits and hypotheticals: no event when they govern the trigger (stand before it in its clause).
const NOT_AN_EVENT_BEFORE: &[&str] = &[
    "regularly",
    "if ",
    "would like to",
    "unless ",
    "whether ",
    // Offers: "Turkey was ready to host talks", "offered to mediate a meeting".
    "ready to ",
    "willing to ",
    "offered to ",
    "readiness to ",
];

/// "I was happy to welcome you", "it is my great honor to welcome you": an infinitive after a
/// word of feeling tells the act itself, in the tense of the copula, not a plan.
const FEELING: &[&str] = &[
    "happy",
    "glad",
    "pleased",
    "delighted",
    "proud",
    "thrilled",
    "honored",
    "honoured",
    "honor",
    "honour",
    "pleasure",
    "privilege",
];

/// Words that ask for what they govern rather than tell it: "support for talks between A and B",
/// "urged direct talks", "stressed the importance of dialogue between".
const ADVOCATING: &[&str] = &[
    "support for",
    "supporting",
    "supports",
    "calls for",
    "called for",
    "urged",
    "urging",
    "importance of",
    "need for",
    "pushed for",
    "push for",
];

/// Whether the trigger's phrase is asked for: one of `ADVOCATING` right before it (`before`, lower
/// case), past at most two lower-case modifiers ("continued", "direct", "a new").
fn advocated(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    (0..=2.min(words.len())).any(|skip| {
        let head = &words[..words.len() - skip];
        let mods = &words[words.len() - skip..];
        mods.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
            && ADVOCATING.iter().any(|a| {
                let n = a.split(' ').count();
                head.len() >= n && head[head.len() - n..].join(" ") == *a
            })
    })
}

/// Verbs of telling someone about a matter: "briefed A on", "informed A of".
const BRIEFING: &[&str] =
    &[" briefed ", " briefs ", " briefing ", " updated ", " updates ", " informed ", " informs "];

/// Whether a gathering is the matter someone was told about, not theirs: "briefed the Chancellor
/// on the talks in Geneva", "informed him of the progress in negotiations between ... after the
/// recent round of talks". Only a gathering told with "the" or nothing, not anyone's ("on his
/// talks with B" is the briefer's meeting), and not one told with its parties ("the talks with
/// B").
fn briefed_on(before: &str, after: &str) -> bool {
    let Some(i) = BRIEFING.iter().filter_map(|v| before.rfind(v).map(|i| i + v.len())).max() else {
        return false;
    };
    let told = &before[i..];
    let Some(topic) =
        [" on ", " about ", " of "].iter().filter_map(|p| told.find(p).map(|j| j + p.len())).min()
    else {
        return false;
    };
    let matter = &told[topic..];
    let owned = matter.split_whitespace().any(|w| {
        matches!(w, "his" | "her" | "their" | "its" | "my" | "our" | "your")
            || w.ends_with("'s")
            || w.ends_with("’s")
    });
    let with_parties = after.starts_with(" with ") || after.starts_with(" held with ");
    !owned
        && !with_parties
        && matter.split_whitespace().count() <= 20
        && !matter.contains([',', ';', ':', '.'])
        && !told[..topic].contains([',', ';'])
}

/// The status of the event a trigger names, or `None` when the clause asserts no event.
pub fn status_of(sentence: &str, trigger: Span) -> Option<Status> {
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        // Lower-casing changed byte lengths (rare scripts): judge on the whole sentence.
        return Some(judge(&lower, &lower));
    }
    let clause_start = lower[..trigger.start].rfind([';', ':']).map_or(0, |i| i + 1);
    let before = &lower[clause_start..trigger.start];
    let denied = NOT_AN_EVENT.iter().any(|w| lower.contains(w));
    // "the talks could resume", "a meeting might take place": a possibility, not an event.
    let possible = [" could ", " might ", " may "].iter().any(|w| lower[trigger.end..].starts_with(w));
    let hypothetical = possible
        || NOT_AN_EVENT_BEFORE.iter().any(|w| before.contains(w))
        || advocated(before)
        || (gathering_noun(trigger.slice(&lower))
            && unnamed(sentence, trigger)
            && briefed_on(before, &lower[trigger.end..]));
    // "it is a great moment for us to host you", "I'd like to welcome you": a speaker's welcome
    // is said as it happens, unless a plan is told ("I look forward to welcoming you").
    let said = trigger.slice(&lower);
    if (said.starts_with("welcom") || said.starts_with("host")) && said.ends_with(" you") {
        let wished = ["would be ", "'d be ", "’d be ", "hope to", "wish to", "invite"]
            .iter()
            .any(|w| before.contains(w));
        let planned =
            wished || PLANNED.iter().any(|w| before.contains(w)) || lower[trigger.end..].contains(" next ");
        let status = if planned { judge(before, &lower) } else { Status::Occurred };
        return Some(status).filter(|_| !denied && !hypothetical);
    }
    // "Secretary A is traveling to B on June 1-2": travel in the progressive announces a trip.
    let progressive = (said.starts_with("traveling") || said.starts_with("travelling"))
        && [" is", " are", "'s", "’s"].iter().any(|w| before.trim_end().ends_with(w));
    if progressive && judge(before, &lower) == Status::Occurred {
        return Some(Status::Planned).filter(|_| !denied && !hypothetical);
    }
    let judged = judge(before, &lower);
    // "a tour that will also take her to Seoul", "will convene in Vienna": a trigger that holds
    // its own auxiliary tells a plan.
    if judged == Status::Occurred && said.starts_with("will ") {
        return Some(Status::Planned).filter(|_| !denied && !hypothetical);
    }
    // "the tenth meeting of the Council will take place under the chairmanship of ...": a
    // gathering named first, then its predicate in the future.
    if judged == Status::Occurred && nominal(said) && predicated_ahead(&lower[trigger.end..]) {
        return Some(Status::Planned).filter(|_| !denied && !hypothetical);
    }
    Some(judged).filter(|_| !denied && !hypothetical)
}

/// Predicates of a gathering named before them that put it ahead: "will take place", "is
/// scheduled for".
const PREDICATED_AHEAD: &[&str] = &[
    " will take place",
    " will be held",
    " will open",
    " will begin",
    " will start",
    " will convene",
    " is to take place",
    " is to be held",
    " are to be held",
    " is scheduled",
    " are scheduled",
    " is due to",
];

/// A trigger that names a gathering (not a verb: "met", "visited", "will travel").
fn nominal(trigger: &str) -> bool {
    let first = trigger.split_whitespace().next().unwrap_or("");
    !(first.ends_with("ed")
        || matches!(first, "met" | "meet" | "meets" | "visit" | "visits" | "travel" | "held"))
}

/// A gathering told without a name: the trigger and the two words before it in lower case ("the
/// recent round of talks"; not "the Ukraine-EU Summit", a dated occasion told in passing).
fn unnamed(sentence: &str, trigger: Span) -> bool {
    let words: Vec<&str> = sentence[..trigger.start].split_whitespace().rev().take(2).collect();
    !trigger.slice(sentence).chars().chain(words.concat().chars()).any(char::is_uppercase)
}

/// A trigger that names a gathering as a noun ("talks", "the summit"), not a trip ("visit to",
/// "trip to", "tour of": a trip one is told about still takes place).
fn gathering_noun(trigger: &str) -> bool {
    let first = trigger.split_whitespace().next().unwrap_or("");
    nominal(trigger) && !matches!(first, "trip" | "trips" | "tour" | "travel" | "visiting" | "visit")
}

/// The trigger's phrase, up to its clause's end, goes on with a [`PREDICATED_AHEAD`] predicate
/// within a dozen words.
fn predicated_ahead(after: &str) -> bool {
    let clause = &after[..after.find([',', ';', '.']).unwrap_or(after.len())];
    PREDICATED_AHEAD
        .iter()
        .any(|w| clause.find(w).is_some_and(|i| clause[..i].split_whitespace().count() <= 12))
}

/// A gathering that does not happen on its day but later: "will not take place as planned on
/// Friday" is put off, not called off.
const NOT_AS_PLANNED: &[&str] = &[
    "not take place as planned",
    "not take place as scheduled",
    "not go ahead as planned",
    "not go ahead as scheduled",
];

fn judge(before: &str, sentence: &str) -> Status {
    if NOT_AS_PLANNED.iter().any(|w| sentence.contains(w)) {
        Status::Postponed
    } else if CANCELLED.iter().any(|w| sentence.contains(w)) {
        Status::Cancelled
    } else if POSTPONED.iter().any(|w| sentence.contains(w)) {
        Status::Postponed
    } else if felt(before) {
        Status::Occurred
    } else if PLANNED.iter().any(|w| before.contains(w))
        || before.trim_end().ends_with(" to")
        || governed_by_a_plan(before)
    {
        // "X to travel to Y" (a headline), "plans to visit": an infinitive trigger is a plan.
        Status::Planned
    } else {
        Status::Occurred
    }
}

/// A [`PLANNED_GOVERNING`] word within the few words right before the trigger, no comma or verb
/// of the clause between.
pub(super) fn governed_by_a_plan(before: &str) -> bool {
    PLANNED_GOVERNING.iter().any(|w| {
        before.rfind(w).is_some_and(|i| {
            let between = &before[i + w.len()..];
            !between.contains(',') && between.split_whitespace().count() <= 6
        })
    })
}

/// "was honored to", "it is my pleasure to" right before the trigger, with no plan or wish in
/// the clause ("will be happy to", "would be honored to" stay plans).
fn felt(before: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix(" to") else { return false };
    // "an honor for me to be – to meet": the word of feeling a few words back.
    let near: Vec<&str> = head.split_whitespace().rev().take(6).collect();
    near.iter().any(|w| FEELING.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        && !PLANNED.iter().any(|w| before.contains(w))
        && !["would ", "'d ", "’d ", "hope", "wish"].iter().any(|w| before.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(sentence: &str, trigger: &str) -> Option<Status> {
        let i = sentence.find(trigger).expect("trigger in sentence");
        status_of(sentence, Span::new(i, i + trigger.len()))
    }

    #[test]
    fn statuses() {
        assert_eq!(st("Blinken met with Wang Yi.", "met with"), Some(Status::Occurred));
        assert_eq!(st("Sherman will travel to Turkey.", "travel to"), Some(Status::Planned));
        assert_eq!(st("The summit was cancelled.", "summit"), Some(Status::Cancelled));
        assert_eq!(st("The visit has been postponed to May.", "visit"), Some(Status::Postponed));
        assert_eq!(st("No meeting with Xi has been announced.", "meeting with"), None);
        assert_eq!(st("She is expected to visit Kenya.", "visit"), Some(Status::Planned));
        assert_eq!(
            st("Much of the talk went to the preparations for the Eastern Partnership Summit.", "Summit"),
            Some(Status::Planned)
        );
        assert_eq!(st("If they agree, the leaders will meet in May.", "meet"), None);
        assert_eq!(
            st("I was happy to welcome you at the White House.", "welcome you"),
            Some(Status::Occurred)
        );
        assert_eq!(st("It is my great honor to welcome you here.", "welcome you"), Some(Status::Occurred));
        assert_eq!(st("I will be happy to welcome you in June.", "welcome you"), Some(Status::Planned));
        assert_eq!(st("It is a great moment for us to host you.", "host you"), Some(Status::Occurred));
        assert_eq!(st("We would be honored to host you.", "host you"), Some(Status::Planned));
        assert_eq!(
            st(
                "After that, the meeting of the Council will take place under his chairmanship.",
                "meeting of"
            ),
            Some(Status::Planned)
        );
        assert_eq!(st("The summit in Rome is scheduled for May.", "summit"), Some(Status::Planned));
        assert_eq!(
            st("The interlocutors coordinated their positions before the sixth Summit.", "Summit"),
            Some(Status::Planned)
        );
        assert_eq!(st("They met and agreed the summit will take place.", "met"), Some(Status::Occurred));
        assert_eq!(st("I look forward to welcoming you in June.", "welcoming you"), Some(Status::Planned));
        assert_eq!(
            st("Kerry traveled to Cairo ahead of the 26th Conference of the Parties.", "Conference"),
            Some(Status::Planned)
        );
        assert_eq!(st("Ahead of the summit, Blinken met with Wang Yi.", "met with"), Some(Status::Occurred));
        assert_eq!(
            st(
                "Blinken spoke today with Le Drian to coordinate the costs imposed if Russia invades.",
                "spoke today with"
            ),
            Some(Status::Occurred)
        );
    }
}
