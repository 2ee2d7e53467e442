//! Trigger phrases, from `data/triggers.tsv`: one automaton, leftmost-longest, word boundaries.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dateline_model::{EventKind, Span};

const TRIGGERS: &str = include_str!("../../data/triggers.tsv");

/// A trigger phrase found in a sentence (span relative to the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    pub span: Span,
    pub kind: EventKind,
}

struct Table {
    automaton: AhoCorasick,
    kinds: Vec<EventKind>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut kinds = Vec::new();
    for (phrase, kind, _) in rows() {
        phrases.push(phrase);
        kinds.push(kind);
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        // Headlines are in title case: "Counselor Chollet's Trip to Ukraine".
        .ascii_case_insensitive(true)
        .build(&phrases)
        .expect("the trigger automaton builds");
    Table { automaton, kinds }
});

fn rows() -> impl Iterator<Item = (&'static str, EventKind, &'static str)> {
    TRIGGERS.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| {
        let mut cols = l.split('\t');
        let phrase = cols.next().unwrap_or_default();
        let kind = cols.next().and_then(EventKind::parse).unwrap_or(EventKind::Meeting);
        let example = cols.next().unwrap_or_default();
        (phrase, kind, example)
    })
}

pub fn find_triggers(sentence: &str) -> Vec<Trigger> {
    let table = &*TABLE;
    let mut out: Vec<Trigger> = Vec::new();
    // A match off word boundaries ("trip to" inside "trip took her to") must not hide one that
    // starts inside it: the search goes on from the next character, not past the match.
    let mut at = 0;
    while at < sentence.len() {
        let Some(mut m) = table.automaton.find(aho_corasick::Input::new(sentence).range(at..)) else { break };
        // "visit Tokyo": the longest match ("visit to") is off the boundaries; a shorter one at
        // the same start ("visit") may be on them.
        while !crate::actors::on_word_boundaries(sentence, m.start(), m.end()) {
            let shorter =
                table.automaton.find(aho_corasick::Input::new(sentence).range(m.start()..m.end() - 1));
            match shorter {
                Some(s) if s.start() == m.start() => m = s,
                _ => break,
            }
        }
        if crate::actors::on_word_boundaries(sentence, m.start(), m.end()) {
            out.push(Trigger {
                span: Span::new(m.start(), m.end()),
                kind: table.kinds[m.pattern().as_usize()],
            });
            at = m.end();
        } else {
            at = m.start() + sentence[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
    }
    // "spoke yesterday with", "spoke again on Monday with", "talked by video link with": a verb of
    // speaking and "with" a few words apart, none of them a new clause, is a call.
    for verb in ["spoke ", "speaks ", "spoken ", "talked "] {
        for (i, _) in sentence.match_indices(verb) {
            if !crate::actors::on_word_boundaries(sentence, i, i + verb.len() - 1)
                || out.iter().any(|t| t.span.start <= i && i < t.span.end)
            {
                continue;
            }
            let rest = &sentence[i + verb.len()..];
            let Some(with) = rest.find(" with ").or_else(|| rest.starts_with("with ").then_some(0)) else {
                continue;
            };
            let between = &rest[..with];
            let words: Vec<&str> = between.split_whitespace().collect();
            // "talked about his contacts with A": what was talked about, not with whom.
            let plain = words.len() <= 4
                && !words.iter().any(|w| matches!(*w, "about" | "of"))
                && !between.contains([',', ';', ':', '.'])
                && words.iter().all(|w| {
                    w.chars().all(|c| c.is_lowercase() || c == '-') || crate::actors::is_calendar_word(w)
                });
            if plain && !words.is_empty() {
                let end = i + verb.len() + with + if with == 0 { 4 } else { 5 };
                out.push(Trigger { span: Span::new(i, end), kind: EventKind::Call });
            }
        }
    }
    // "called on President A in Colombo" (a courtesy meeting, as South Asian ministries write
    // it), not "called on Russia to withdraw" nor "called on the international community".
    for verb in ["called on ", "calls on ", "call on ", "calling on "] {
        for (i, _) in sentence.match_indices(verb) {
            if !crate::actors::on_word_boundaries(sentence, i, i + verb.len() - 1)
                || out.iter().any(|t| t.span.start <= i && i < t.span.end)
            {
                continue;
            }
            let rest = &sentence[i + verb.len()..];
            let object = rest.strip_prefix("the ").unwrap_or(rest);
            // "called on Laos, as this year's ASEAN chair, to press ...": the urging may come past a
            // comma.
            let mut cut = rest.find([';', '.']).unwrap_or(rest.len()).min(70);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let phrase = &rest[..cut];
            let urged = phrase
                .match_indices(" to ")
                .any(|(j, _)| phrase[j + 4..].starts_with(|c: char| c.is_lowercase()))
                || phrase.starts_with("to ");
            if object.starts_with(char::is_uppercase) && !urged {
                out.push(Trigger { span: Span::new(i, i + verb.len() - 1), kind: EventKind::Meeting });
            }
        }
    }
    out.sort_by_key(|t| t.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_inside_a_longer_word_hides_no_trigger() {
        let found = find_triggers("The Secretary's trip took her to Hanoi.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice("The Secretary's trip took her to Hanoi."), "took her to");
    }

    #[test]
    fn a_longer_match_off_the_boundaries_leaves_a_shorter_one_at_its_start() {
        // "visit to" matches "visit To" of "visit Tokyo": "visit" is the trigger.
        for (s, want) in [
            ("The Minister will visit Tokyo next week.", "visit"),
            ("The Minister will visit Toronto next week.", "visit"),
            ("The Minister will visit Togo next week.", "visit"),
        ] {
            let found = find_triggers(s);
            assert_eq!(found.iter().map(|t| t.span.slice(s)).collect::<Vec<_>>(), vec![want], "{s}");
        }
    }

    #[test]
    fn speaking_with_words_between_is_a_call() {
        for s in [
            "Secretary Blinken spoke yesterday with Foreign Minister Chung.",
            "The President spoke again on Monday with the Chancellor.",
            "She talked by video link with her counterpart.",
            "He said he had spoken with the Chancellor earlier in the day.",
        ] {
            assert!(find_triggers(s).iter().any(|t| t.kind == EventKind::Call), "{s}");
        }
        for s in [
            "He spoke at the conference, with delegates present.",
            "He talked about his contacts with the President of Azerbaijan.",
            "She spoke of her meeting with the Chancellor.",
            "She spoke about Iran with passion and Kerry nodded.",
        ] {
            assert!(!find_triggers(s).iter().any(|t| t.kind == EventKind::Call), "{s}");
        }
    }

    #[test]
    fn calling_on_a_person_is_a_meeting_and_urging_is_not() {
        for s in [
            "The Minister called on President Ranil Perera in Colombo today.",
            "She will call on the Prime Minister tomorrow.",
        ] {
            assert!(find_triggers(s).iter().any(|t| t.kind == EventKind::Meeting), "{s}");
        }
        for s in [
            "The Secretary called on Russia to withdraw its forces.",
            "They called on the international community, including donors, for support.",
            "The ministers called on President Lopez to release the prisoners.",
            "He also called on Laos, as this year's ASEAN chair, to press the junta to free its prisoners.",
        ] {
            assert!(find_triggers(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn every_example_finds_its_trigger() {
        for (phrase, kind, example) in rows() {
            assert!(!example.is_empty(), "{phrase} has no example");
            let found = find_triggers(example);
            assert!(
                found.iter().any(|t| t.kind == kind && t.span.slice(example) == phrase),
                "{example:?} should trigger {phrase:?} as {kind:?}, found {found:?}"
            );
        }
    }
}
