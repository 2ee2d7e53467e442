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
    "intends to",
    "would travel",
    "is to ",
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
];
const POSTPONED: &[&str] = &["postponed", "delayed", "rescheduled", "put off"];
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
/// Habits and hypotheticals: no event when they govern the trigger (stand before it in its clause).
const NOT_AN_EVENT_BEFORE: &[&str] = &["regularly", "if ", "would like to", "unless ", "whether "];

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
    let hypothetical = NOT_AN_EVENT_BEFORE.iter().any(|w| before.contains(w));
    Some(judge(before, &lower)).filter(|_| !denied && !hypothetical)
}

fn judge(before: &str, sentence: &str) -> Status {
    if CANCELLED.iter().any(|w| sentence.contains(w)) {
        Status::Cancelled
    } else if POSTPONED.iter().any(|w| sentence.contains(w)) {
        Status::Postponed
    } else if PLANNED.iter().any(|w| before.contains(w)) || before.trim_end().ends_with(" to") {
        // "X to travel to Y" (a headline), "plans to visit": an infinitive trigger is a plan.
        Status::Planned
    } else {
        Status::Occurred
    }
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
        assert_eq!(st("If they agree, the leaders will meet in May.", "meet"), None);
        assert_eq!(
            st(
                "Blinken spoke today with Le Drian to coordinate the costs imposed if Russia invades.",
                "spoke today with"
            ),
            Some(Status::Occurred)
        );
    }
}
