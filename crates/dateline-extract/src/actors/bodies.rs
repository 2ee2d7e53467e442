//! Names of bodies the organisations list does not hold ("the Advisory Committee on International
//! Postal and Delivery Services", "the U.S. Advisory Commission on Public Diplomacy"): a run of
//! capitalised words around a head word from `data/gazetteer/bodies.tsv`.

use std::sync::LazyLock;

use dateline_model::Span;

const BODIES: &str = include_str!("../../data/gazetteer/bodies.tsv");

fn rows() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    BODIES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).filter_map(|l| {
        let mut cols = l.split('\t');
        Some((cols.next()?, cols.next().unwrap_or_default(), cols.next().unwrap_or_default()))
    })
}

static HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| rows().map(|(h, _, _)| h).collect());

/// Capitalised words that open a headline or a sentence, not a name: "Meeting of the Advisory
/// Committee", "Notice of Meeting".
const NOT_IN_NAMES: &[&str] = &[
    "The",
    "Meeting",
    "Meetings",
    "Notice",
    "Statement",
    "Remarks",
    "Joint",
    "Session",
    "Report",
    "Members",
];

/// Words that open a name's complement after its head word ("Commission on Public Diplomacy").
const COMPLEMENT: &[&str] = &["of", "on", "for", "to"];

/// Words that may stand inside a complement between capitalised words.
const JOINERS: &[&str] = &["of", "on", "for", "and", "the", "to"];

/// A word of a name: capitalised ("Advisory", "U.S.", "COVID-19", "ASEAN") or a joiner.
fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Every body's name in `text`: (span, name).
pub fn find_bodies(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    // Words with their byte spans; a word ends at whitespace, and punctuation other than '.', '-'
    // and '’' inside it breaks the run.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let part = c.is_alphanumeric() || matches!(c, '.' | '-' | '&');
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    let word = |k: usize| text[words[k].0..words[k].1].trim_end_matches('.');
    let spaced = |k: usize| text[words[k].1..words[k + 1].0] == *" ";
    let mut k = 0;
    while k < words.len() {
        if !HEADS.contains(&word(k)) {
            k += 1;
            continue;
        }
        let head = k;
        // Back from the head over capitalised words, and "of" or "of the" between them
        // ("International Commission of the International Tracing Service").
        let mut first = head;
        let mut j = head;
        while j > 0 && spaced(j - 1) {
            let w = word(j - 1);
            if capitalised(w) && !NOT_IN_NAMES.contains(&w) {
                j -= 1;
                first = j;
            } else if (w == "of" || w == "the") && j >= 2 {
                j -= 1;
            } else {
                break;
            }
        }
        // On through a complement: "on Public Diplomacy", "on International Postal and Delivery
        // Services", up to the last capitalised word; "and the" opens another name.
        let mut last = head;
        if head + 1 < words.len() && spaced(head) && COMPLEMENT.contains(&word(head + 1)) {
            let mut j = head + 1;
            while j + 1 < words.len() && spaced(j) {
                let w = word(j + 1);
                if capitalised(w) {
                    last = j + 1;
                } else if !JOINERS.contains(&w) || (matches!(word(j), "and" | "of") && w == "the") {
                    break;
                }
                j += 1;
            }
        }
        // "the Secretary General of the Council of Europe": a title before "of" is a person's,
        // not part of the name.
        if crate::actors::titles()
            .find(&text[words[first].0..words[head].1])
            .first()
            .is_some_and(|t| t.span.start == 0)
            && let Some(of) = (first..head).rev().find(|&k| word(k) == "of")
        {
            first = of + 1 + usize::from(word(of + 1) == "the");
        }
        if last > first {
            let span = Span::new(words[first].0, words[last].1);
            let name = span.slice(text).trim_end_matches('.').to_string();
            out.push((Span::new(span.start, span.start + name.len()), name));
        }
        k = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_finds_its_body() {
        for (head, example, name) in rows() {
            let found: Vec<String> = find_bodies(example).into_iter().map(|(_, n)| n).collect();
            assert!(found.iter().any(|n| n == name), "{head}: {example:?} gave {found:?}, not {name:?}");
        }
    }

    #[test]
    fn a_name_stops_before_its_parent_and_after_a_headline_word() {
        let names = |s: &str| find_bodies(s).into_iter().map(|(_, n)| n).collect::<Vec<_>>();
        assert_eq!(
            names("Meeting of the Advisory Committee on Postal Services"),
            ["Advisory Committee on Postal Services"]
        );
        assert_eq!(
            names("The Overseas Schools Advisory Council of the Department of State met."),
            ["Overseas Schools Advisory Council"]
        );
        assert_eq!(
            names("Members of the Mekong River Commission and the ASEAN Secretariat met."),
            ["Mekong River Commission", "ASEAN Secretariat"]
        );
        assert_eq!(
            names("She met the Secretary General of the Council of Europe in Strasbourg."),
            ["Council of Europe"]
        );
    }

    #[test]
    fn a_head_word_alone_or_in_lower_case_is_no_body() {
        for s in [
            "The Commission met on Monday.",
            "The council will meet next week.",
            "She spoke to the committee, the Board and the press.",
            "Notice of Meeting",
        ] {
            assert!(find_bodies(s).is_empty(), "{s}: {:?}", find_bodies(s));
        }
    }
}
