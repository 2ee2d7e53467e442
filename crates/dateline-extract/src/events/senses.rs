//! Trigger words read in another sense, from `data/senses.tsv`: "meeting humanitarian needs" (a
//! goal met), "travel restrictions" (a kind of thing), "visit our website" (a page), "received a
//! letter" (a thing received), "came to terms" (a state reached).

use std::sync::LazyLock;

use dateline_model::Span;

const SENSES: &str = include_str!("../../data/senses.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sense {
    Goal,
    Modifier,
    Page,
    Thing,
    Reached,
}

fn rows() -> impl Iterator<Item = (Sense, &'static str, &'static str)> {
    SENSES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).filter_map(|l| {
        let mut cols = l.split('\t');
        let sense = match cols.next()? {
            "goal" => Sense::Goal,
            "modifier" => Sense::Modifier,
            "page" => Sense::Page,
            "thing" => Sense::Thing,
            "reached" => Sense::Reached,
            _ => return None,
        };
        Some((sense, cols.next()?, cols.next().unwrap_or_default()))
    })
}

struct Table {
    goal: Vec<&'static str>,
    modifier: Vec<&'static str>,
    page: Vec<&'static str>,
    thing: Vec<&'static str>,
    reached: Vec<&'static str>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table {
        goal: Vec::new(),
        modifier: Vec::new(),
        page: Vec::new(),
        thing: Vec::new(),
        reached: Vec::new(),
    };
    for (sense, word, _) in rows() {
        match sense {
            Sense::Goal => t.goal.push(word),
            Sense::Modifier => t.modifier.push(word),
            Sense::Page => t.page.push(word),
            Sense::Thing => t.thing.push(word),
            Sense::Reached => t.reached.push(word),
        }
    }
    t
});

/// Words that may stand before a gerund "meeting" read as a verb ("the importance of meeting").
const BEFORE_GERUND: &[&str] =
    &["of", "in", "on", "for", "to", "toward", "towards", "at", "by", "from", "about"];

/// Words that end the search for a goal noun: what follows is no longer the verb's object.
const NOT_OBJECT: &[&str] = &[
    "with",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "next",
    "last",
    "later",
    "again",
    "today",
    "tomorrow",
    "virtually",
    "regularly",
    "soon",
    "during",
    "after",
    "before",
];

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase())
}

/// Whether the verb's object (what follows it) is one of `nouns`, with up to two lower-case words
/// before it ("the global challenges", "a congratulatory letter").
fn object_is(after: &str, nouns: &[&str]) -> bool {
    for (i, raw) in after.split_whitespace().take(3).enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if nouns.iter().any(|g| g.eq_ignore_ascii_case(w)) {
            return true;
        }
        let lower = w.to_lowercase();
        if i == 2
            || raw.ends_with([',', ';', ':', '.'])
            || !w.chars().all(|c| c.is_lowercase() || c == '-')
            || NOT_OBJECT.contains(&lower.as_str())
        {
            return false;
        }
    }
    false
}

/// Whether the trigger at `trigger` (relative to `sentence`) is read in another sense.
pub fn other_sense(sentence: &str, trigger: Span) -> bool {
    let table = &*TABLE;
    let word = trigger.slice(sentence).to_ascii_lowercase();
    let after = &sentence[trigger.end..];
    match word.as_str() {
        "meet" | "meets" | "met" | "meeting" => {
            if word == "meeting" {
                let before = words(&sentence[..trigger.start]).last();
                if !before.is_some_and(|w| BEFORE_GERUND.contains(&w.as_str())) {
                    return false;
                }
            }
            object_is(after, &table.goal)
        }
        "received" | "receive" | "receives" | "will receive" => object_is(after, &table.thing),
        "came to" | "will come to" | "is coming to" => object_is(after, &table.reached),
        "travel" => words(after).next().is_some_and(|w| table.modifier.contains(&w.as_str())),
        w if w.starts_with("visit") => {
            let after = after.trim_start();
            after.starts_with(':')
                || after.starts_with("http")
                || after.starts_with("www.")
                || after.split_whitespace().take(5).any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.').to_lowercase();
                    w.starts_with("www.") || table.page.iter().any(|p| w.starts_with(p))
                })
                || words(after)
                    .take(5)
                    .collect::<Vec<_>>()
                    .windows(2)
                    .any(|p| p[0] == "web" && (p[1].starts_with("site") || p[1].starts_with("page")))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::find_triggers;

    #[test]
    fn every_example_reads_its_trigger_in_the_other_sense() {
        for (sense, word, example) in rows() {
            assert!(example.contains(word) || example.to_lowercase().contains(word), "{word}: {example}");
            let triggers = find_triggers(example);
            assert!(
                triggers.iter().any(|t| other_sense(example, t.span)),
                "{sense:?} {word}: no trigger read in the other sense in {example:?} ({triggers:?})"
            );
        }
    }

    #[test]
    fn people_met_and_trips_keep_their_sense() {
        for s in [
            "The meeting needs a new date.",
            "She will meet with the needs assessment team on Monday.",
            "The ministers met in Geneva to discuss humanitarian needs.",
            "The Secretary will travel to Rome and Paris.",
            "His travel plans include Kyiv.",
            "She will visit the embassy in Tunis.",
            "They will meet the President and his team next week.",
            "The King received the Secretary at the palace.",
            "The President received a delegation from Kenya on Monday.",
            "The President will receive Chancellor Weber on Thursday.",
            "The Chancellor came to Kyiv on Monday.",
            "The Prime Minister will come to the capital next week.",
        ] {
            let triggers = find_triggers(s);
            assert!(!triggers.is_empty(), "{s}");
            assert!(triggers.iter().all(|t| !other_sense(s, t.span)), "{s}");
        }
    }
}
