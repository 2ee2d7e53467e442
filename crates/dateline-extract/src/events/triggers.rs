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
    table
        .automaton
        .find_iter(sentence)
        .filter(|m| crate::actors::on_word_boundaries(sentence, m.start(), m.end()))
        .map(|m| Trigger { span: Span::new(m.start(), m.end()), kind: table.kinds[m.pattern().as_usize()] })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
