//! Stage 1: split article text into paragraphs and sentences, as byte spans.
//!
//! Paragraphs are separated by blank lines (ingest writes them so). Sentences end at `.`, `!`
//! or `?` followed by space and an upper-case letter, a digit or a quote, unless the word before the
//! stop is a known abbreviation ("U.S.", "Mr.", "Jan.", "No.") or a single initial ("Antony J.").

use dateline_model::Span;

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt", "cmdr", "adm",
    "sgt", "rep", "sen", "gov", "pres", "amb", "hon", "rev", "messrs", "mt", "ft", "no", "nos", "vol", "vs",
    "etc", "inc", "ltd", "co", "corp", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "approx", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "p.r.c", "r.o.k",
    "d.p.r.k", "u.a.e", "h.e", "h.m", "h.h", "h.r.h", "h.h.h",
];

/// A paragraph and the sentences inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Vec<Span>,
}

/// Every blank-line break (`"\n\n"`) of a text, so that the paragraph around a position is found
/// by binary search: a backward search from each look-up made the transcript rules quadratic in
/// the length of a long paragraph (a one-line text is one paragraph).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breaks {
    /// Where each `"\n\n"` starts, overlapping ones included, in order.
    at: Vec<usize>,
}

impl Breaks {
    pub fn new(text: &str) -> Self {
        let at =
            text.as_bytes().windows(2).enumerate().filter(|(_, w)| w == b"\n\n").map(|(i, _)| i).collect();
        Self { at }
    }

    /// Where the paragraph holding the text before `at` starts: what
    /// `text[..at].rfind("\n\n").map_or(0, |i| i + 2)` gives, in O(log n).
    pub fn paragraph_start(&self, at: usize) -> usize {
        let k = self.at.partition_point(|&i| i + 2 <= at);
        if k == 0 { 0 } else { self.at[k - 1] + 2 }
    }
}

/// How many paragraphs back a transcript turn's speaker label is looked for.
pub const TURN_PARAGRAPHS: usize = 40;

/// The first `": "` of `text` from `start` on, when it starts at most `max` bytes after `start`
/// (a speaker label's colon): what `text[start..].find(": ").filter(|i| *i <= max)` gives, without
/// searching the rest of the text when there is none.
pub fn colon_within(text: &str, start: usize, max: usize) -> Option<usize> {
    let end = text.floor_char_boundary(start.saturating_add(max).saturating_add(2).min(text.len()));
    text[start..end.max(start)].find(": ").map(|i| start + i)
}

/// Paragraphs of `text`: runs of non-blank lines.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(paragraph(text, Span::new(s, end)));
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            end = pos + content.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(paragraph(text, Span::new(s, end)));
    }
    out
}

fn paragraph(text: &str, span: Span) -> Paragraph {
    let sentences = sentences(span.slice(text))
        .into_iter()
        .map(|s| Span::new(s.start + span.start, s.end + span.start))
        .collect();
    Paragraph { span, sentences }
}

/// Sentence spans of one paragraph (or any text), trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let newline_break = b == b'\n';
        if matches!(b, b'.' | b'!' | b'?') || newline_break {
            // Include closing quotes and brackets in the sentence.
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')' | b']') {
                end += 1;
            }
            for closing in ["\u{201d}", "\u{2019}"] {
                if text[end..].starts_with(closing) {
                    end += closing.len();
                }
            }
            if newline_break || is_boundary(text, start, i, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    if out.iter().any(|s| s.end - s.start > MAX_SENTENCE) {
        out = out.into_iter().flat_map(|s| split_long(text, s)).collect();
    }
    out
}

/// The longest sentence the extractor reads whole. A real one rarely passes 1,500 bytes; a text
/// whose stops lack their spaces ("...on Monday.Secretary ...") or that has none is one endless
/// sentence, and the rules that look across a sentence would make it cost its length squared.
pub const MAX_SENTENCE: usize = 3_000;

/// A sentence over [`MAX_SENTENCE`] cut into pieces under it: after the last stop glued to a
/// capital ("Monday.Secretary"), else the last "; ", ", " or space before the limit.
fn split_long(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE {
        let limit = text.floor_char_boundary(start + MAX_SENTENCE);
        let window = &text[start..limit];
        let glued = window
            .char_indices()
            .filter(|&(i, c)| {
                matches!(c, '.' | '!' | '?') && window[i + 1..].starts_with(|n: char| n.is_uppercase())
            })
            .map(|(i, _)| i + 1)
            .next_back();
        let cut = glued
            .or_else(|| window.rfind("; ").map(|i| i + 2))
            .or_else(|| window.rfind(", ").map(|i| i + 2))
            .or_else(|| window.rfind(' ').map(|i| i + 1))
            .filter(|&i| i > 0)
            .unwrap_or(window.len());
        push_trimmed(text, start, start + cut, &mut out);
        start += cut;
    }
    push_trimmed(text, start, sentence.end, &mut out);
    out
}

fn is_boundary(text: &str, sentence_start: usize, stop: usize, after: usize) -> bool {
    let rest = &text[after..];
    let Some(first) = rest.chars().next() else { return true };
    if !first.is_whitespace() {
        return false;
    }
    let next = rest.trim_start().chars().next();
    let starts_sentence = match next {
        None => true,
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '(' | '['),
    };
    if !starts_sentence {
        return false;
    }
    if text.as_bytes()[stop] != b'.' {
        return true;
    }
    let head = &text[sentence_start..stop];
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(sentence_start, |(p, c)| sentence_start + p + c.len_utf8());
    let word = &text[word_start..stop];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "Antony J. Blinken"
    }
    let lower = word.to_lowercase();
    // "the Mekong-U.S. Partnership": an abbreviation ends a compound too.
    let last_part = lower.rsplit(['-', '\u{2010}', '\u{2011}']).next().unwrap_or(&lower);
    !ABBREVIATIONS.contains(&lower.as_str()) && !ABBREVIATIONS.contains(&last_part)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_at_stops() {
        assert_eq!(
            split("He met her. They talked! Why? Yes."),
            ["He met her.", "They talked!", "Why?", "Yes."]
        );
    }

    #[test]
    fn an_abbreviation_ending_a_compound_ends_no_sentence() {
        assert_eq!(
            split("On August 2, the Secretary co-hosted the Mekong-U.S. Partnership ministerial. It ended."),
            ["On August 2, the Secretary co-hosted the Mekong-U.S. Partnership ministerial.", "It ended."]
        );
    }

    #[test]
    fn an_endless_sentence_is_cut_under_the_limit() {
        let glued = "Secretary Lind met Minister Kos in Riga on Monday.".repeat(200);
        let cut = split(&glued);
        assert!(cut.len() > 1);
        assert!(
            cut.iter().all(|s| s.len() <= MAX_SENTENCE),
            "{:?}",
            cut.iter().map(|s| s.len()).collect::<Vec<_>>()
        );
        assert!(cut.iter().all(|s| s.ends_with("Monday.")), "cut after a glued stop");
        assert_eq!(cut.concat(), glued);
        let spaced = "word ".repeat(2_000);
        assert!(split(&spaced).iter().all(|s| s.len() <= MAX_SENTENCE));
        let unbroken = "x".repeat(7_000);
        assert_eq!(split(&unbroken).concat(), unbroken);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split("Secretary Antony J. Blinken met U.S. and U.K. envoys on Jan. 5. Mr. Price said so."),
            ["Secretary Antony J. Blinken met U.S. and U.K. envoys on Jan. 5.", "Mr. Price said so."]
        );
        assert_eq!(
            split("He held a talk with H.E. Mr. Paul Jones. H.M. King Abdullah II received him."),
            ["He held a talk with H.E. Mr. Paul Jones.", "H.M. King Abdullah II received him."]
        );
    }

    #[test]
    fn does_not_split_before_lower_case() {
        assert_eq!(split("The talks ended at 5 p.m. local time."), ["The talks ended at 5 p.m. local time."]);
    }

    #[test]
    fn keeps_closing_quotes() {
        assert_eq!(
            split("He said \u{201c}we agree.\u{201d} Then he left."),
            ["He said \u{201c}we agree.\u{201d}", "Then he left."]
        );
    }

    #[test]
    fn breaks_find_what_a_backward_search_finds() {
        for text in ["", "one", "a\n\nb", "a\n\n\nb\n\nc", "\n\n", "x\n\n\n\n\ny", "é\n\nü: z\n"] {
            let breaks = Breaks::new(text);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let slow = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
                assert_eq!(breaks.paragraph_start(at), slow, "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn a_label_colon_is_looked_for_only_near_its_start() {
        let far = format!("Label{}: x", "y".repeat(200));
        for text in ["PRESIDENT: Hello", "a: b: c", "no colon here", "é: x", "ab:", &far, "ü日本: x"] {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for max in [0, 1, 3, 90] {
                    let slow = text[start..].find(": ").filter(|&i| i <= max).map(|i| start + i);
                    assert_eq!(colon_within(text, start, max), slow, "{text:?} from {start}, max {max}");
                }
            }
        }
    }

    #[test]
    fn paragraphs_hold_their_sentences() {
        let text = "Title line\n\nFirst one. Second one.\n\n  Third.  \n";
        let ps = paragraphs(text);
        assert_eq!(ps.len(), 3);
        assert_eq!(ps[1].span.slice(text), "First one. Second one.");
        assert_eq!(
            ps[1].sentences.iter().map(|s| s.slice(text)).collect::<Vec<_>>(),
            ["First one.", "Second one."]
        );
        assert_eq!(ps[2].span.slice(text), "Third.");
    }

    #[test]
    fn any_text_gives_spans_on_char_boundaries() {
        for text in [
            "",
            " ",
            "é. É. ü?",
            "\u{201d}.\u{201d}. a",
            "..!!??",
            "A.\nB",
            "x.\u{2019}",
            "said, \u{201c}Foo.\u{201d} But",
            "\u{201c}A. B",
            "(\u{201c}x. Y",
        ] {
            for s in sentences(text) {
                assert!(text.get(s.start..s.end).is_some(), "{text:?} {s:?}");
                assert!(s.start < s.end);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_segments_without_panic(text in "(\\PC|[.!?\n \u{201c}\u{201d}])*") {
            for p in paragraphs(&text) {
                proptest::prop_assert!(text.get(p.span.start..p.span.end).is_some());
                for s in p.sentences {
                    proptest::prop_assert!(text.get(s.start..s.end).is_some());
                    proptest::prop_assert!(p.span.contains(s));
                }
            }
        }
    }
}
