//! The clause around a trigger and the regions where its arguments are: the subject before the
//! trigger, the objects after it, up to the purpose clause ("to discuss ...") or the next clause.

use dateline_model::Span;

/// Where to look for a trigger's arguments, as byte spans into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    pub clause: Span,
    /// From the clause start to the trigger.
    pub subject: Span,
    /// From the trigger's end to the end of its object phrase.
    pub object: Span,
}

/// Words that end an object phrase: what follows is a purpose, a topic or another clause.
const OBJECT_ENDS: &[&str] = &[
    " to discuss",
    " to highlight",
    " to address",
    " to review",
    " to reaffirm",
    " to underscore",
    " to advance",
    " to strengthen",
    " to follow up",
    " to express",
    " to emphasize",
    " to coordinate",
    " to explore",
    " to co-open",
    " to co-chair",
    " to attend",
    " to participate",
    " to meet",
    " to continue",
    " to deepen",
    " to build",
    " to promote",
    " to support",
    " to consult",
    " to mark",
    " about ",
    " regarding ",
    " concerning ",
    " on the ",
    " on how",
    " on ways",
    " on issues",
    " on a ",
    " on U.S.",
    " on our",
    " on their",
    " on bilateral",
    " on regional",
    " where ",
    " which ",
    " who ",
    " during which",
    " as well as their",
    ", and discussed",
    " and discussed",
    " and reaffirmed",
    " and emphasized",
    " and expressed",
    " and underscored",
    " and welcomed",
];

/// The regions of a trigger `trigger` inside `sentence` (both spans into `text`). With `lists`, a
/// semicolon after the trigger separates items of a list ("to Istanbul and Ankara, Turkey; Madrid,
/// Spain; and Rabat, Morocco from May 6 to 12") rather than clauses.
pub fn regions(text: &str, sentence: Span, trigger: Span, lists: bool) -> Regions {
    let s = sentence.slice(text);
    let rel_start = trigger.start - sentence.start;
    let rel_end = trigger.end - sentence.start;
    // "The below is attributable to Spokesperson X: Secretary Y spoke with Z": what precedes a
    // colon frames the clause, it is not its subject.
    // ("commencing at 8:00 p.m., A held a telephone talk": a clock time's colon frames nothing.)
    let clause_start = s[..rel_start]
        .match_indices([';', ':'])
        .map(|(i, _)| i)
        .rfind(|&i| {
            let digits = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
            !(s.as_bytes()[i] == b':'
                && i > 0
                && digits(s.as_bytes().get(i - 1))
                && digits(s.as_bytes().get(i + 1)))
        })
        .map_or(0, |i| i + 1);
    // "met with A and B; with C, as well as D; and with E": a semicolon before another "with"
    // goes on with the list of those met.
    let clause_end = if lists {
        s.len()
    } else {
        s[rel_end..]
            .match_indices(';')
            .map(|(i, _)| rel_end + i)
            .find(|&i| {
                let next = s[i + 1..].trim_start();
                !(next.starts_with("with ") || next.starts_with("and with "))
            })
            .unwrap_or(s.len())
    };
    // "will travel to Lima on Sunday to attend the APEC Leaders' Meeting, returning to Washington
    // on Wednesday": the return leg is a clause of its own (its place is home, its day the trip's
    // end: `return_day`).
    let clause_end = return_leg(&s[rel_end..clause_end]).map_or(clause_end, |i| rel_end + i);
    let after = &s[rel_end..clause_end];
    // "the Secretary's upcoming trip to Israel and Jordan, but first I want to recognize the
    // development of last week": ", but" opens a clause of its own ("not only A, but also B" does
    // not).
    let but = after.match_indices(", but ").map(|(i, _)| i).find(|&i| !after[i + 6..].starts_with("also "));
    let object_end = OBJECT_ENDS
        .iter()
        .filter_map(|w| after.find(w))
        .chain(but)
        .chain(attribution(after))
        .chain(next_verb(after))
        .chain(opening_phrase_end(&s[clause_start..rel_start], after))
        // A purpose clause right after the trigger ("met to discuss") leaves no object: keep
        // looking past it only when nothing precedes it.
        .filter(|&i| i > 0)
        .min()
        .map_or(clause_end, |i| rel_end + i);
    let at = |a: usize, b: usize| Span::new(sentence.start + a, sentence.start + b);
    let subject_end = earlier_verb(&s[clause_start..rel_start]).map_or(rel_start, |i| clause_start + i);
    Regions {
        clause: at(clause_start, clause_end),
        subject: at(clause_start, subject_end),
        object: at(rel_end, object_end),
    }
}

/// Words that open the return leg of a trip told after it.
pub(super) const RETURN_LEG: &[&str] = &[
    ", returning ",
    ", before returning ",
    " before returning ",
    ", and will return ",
    " and will return ",
    ", and return ",
];

/// Where the return leg begins in `after` (the text after a trigger).
pub(super) fn return_leg(after: &str) -> Option<usize> {
    RETURN_LEG.iter().filter_map(|w| after.find(w)).min()
}

/// Verbs that, after "and", open a verb phrase of their own: "spoke with A on Monday and met B in
/// Lima on Tuesday" (B was met, not called).
const NEXT_VERBS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "spoke",
    "speak",
    "speaks",
    "held",
    "hold",
    "holds",
    "visited",
    "visit",
    "visits",
    "travelled",
    "traveled",
    "travel",
    "travels",
    "called",
    "hosted",
    "host",
    "hosts",
    "received",
    "receive",
    "receives",
    "attended",
    "attend",
    "attends",
    "talked",
    "welcomed",
    "arrived",
    "flew",
    "went",
];

/// Words that may stand between "and" and the verb it coordinates: "and later met", "and will
/// also visit".
const BETWEEN_AND_VERB: &[&str] =
    &["later", "then", "also", "will", "subsequently", "afterwards", "has", "had"];

/// Where a verb phrase coordinated after the trigger's begins: " and met", ", and will meet", "
/// and later spoke" (not " and also with").
fn next_verb(after: &str) -> Option<usize> {
    after.match_indices(" and ").map(|(i, _)| i).find(|&i| {
        let mut words = after[i + 5..].split_whitespace();
        let mut w = words.next().unwrap_or("");
        for _ in 0..2 {
            if BETWEEN_AND_VERB.contains(&w) {
                w = words.next().unwrap_or("");
            }
        }
        NEXT_VERBS.contains(&w)
    })
}

/// A trigger coordinated after another verb phrase ("A spoke with B on Monday and met C") has
/// that phrase's subject: where the first verb begins in `before`, when `before` ends with "and".
fn earlier_verb(before: &str) -> Option<usize> {
    let mut rest = before.trim_end();
    for _ in 0..2 {
        if let Some((r, last)) = rest.rsplit_once(' ')
            && BETWEEN_AND_VERB.contains(&last)
        {
            rest = r;
        }
    }
    let rest = rest.strip_suffix(" and")?.trim_end_matches(',');
    let mut at = 0;
    for (i, w) in rest.split(' ').enumerate() {
        if i > 0 && NEXT_VERBS.contains(&w) {
            return Some(at);
        }
        at += w.len() + 1;
    }
    None
}

/// "In a video call on Thursday, Chancellor A and Prime Minister B agreed ...": the subject of the
/// clause that a phrase opening the sentence (holding the trigger) leads into, the names and
/// titles after its comma up to the clause's verb.
pub(super) fn opening_subject(text: &str, sentence: Span, trigger: Span) -> Option<Span> {
    let s = sentence.slice(text);
    let (rel_start, rel_end) = (trigger.start - sentence.start, trigger.end - sentence.start);
    let after = &s[rel_end..];
    let comma = opening_phrase_end(&s[..rel_start], after)?;
    let start = rel_end + comma + 2;
    let mut end = start;
    let mut at = start;
    for w in s[start..].split(' ') {
        let bare = w.trim_end_matches([',', '.']);
        let capital = bare.starts_with(|c: char| c.is_uppercase());
        if !(capital || matches!(bare, "and" | "of" | "the" | "de" | "van" | "von" | "al" | "bin")) {
            break;
        }
        if capital {
            end = at + bare.len();
        }
        at += w.len() + 1;
        if w.ends_with(['.', ',']) {
            break;
        }
    }
    (end > start).then(|| Span::new(sentence.start + start, sentence.start + end))
}

/// "During the negotiations with Adviser A, Minister B expressed ...": a trigger in a phrase
/// that opens the sentence ends at the comma after which the sentence's own clause begins, a part
/// that is more than a name or a list of names.
fn opening_phrase_end(before: &str, after: &str) -> Option<usize> {
    const OPENERS: &[&str] = &["during", "at", "in", "after", "following", "throughout"];
    let words: Vec<&str> = before.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    if !OPENERS.contains(&first.as_str()) || words.len() > 3 {
        return None;
    }
    let name_like = |part: &str| {
        part.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    w,
                    "and" | "of" | "the" | "for" | "to" | "on" | "de" | "van" | "von" | "al" | "bin"
                )
        })
    };
    after.match_indices(", ").map(|(i, _)| i).find(|&i| {
        let rest = &after[i + 2..];
        let part = rest.split(',').next().unwrap_or(rest);
        !name_like(part.trim_end_matches(['.', ';']))
    })
}

/// Where a reporting tail starts: "..., the White House said on Monday", ", the Kremlin says",
/// ", according to the ministry". What it names is the source, not the event's object.
fn attribution(after: &str) -> Option<usize> {
    const SAYS: &[&str] = &["said", "says", "announced", "reported", "added", "confirmed", "stated"];
    after.match_indices(", ").map(|(i, _)| i).find(|&i| {
        let rest = &after[i + 2..];
        if rest.starts_with("according to ") {
            return true;
        }
        // Up to six words, then a verb of saying.
        rest.split(' ').take(7).enumerate().any(|(n, w)| {
            n > 0 && SAYS.contains(&w.trim_end_matches(['.', ',', ';'])) && {
                let head: Vec<&str> = rest.split(' ').take(n).collect();
                head.iter().all(|h| !h.ends_with(','))
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(sentence: &str, trigger: &str) -> (String, String) {
        let i = sentence.find(trigger).expect("trigger");
        let r = regions(sentence, Span::new(0, sentence.len()), Span::new(i, i + trigger.len()), false);
        (r.subject.slice(sentence).trim().to_string(), r.object.slice(sentence).trim().to_string())
    }

    #[test]
    fn objects_stop_at_purpose_and_topic() {
        assert_eq!(
            parts("The Secretary met with Foreign Minister Wang Yi to discuss trade.", "met with"),
            ("The Secretary".into(), "Foreign Minister Wang Yi".into())
        );
        assert_eq!(
            parts("She spoke with the Minister about the crisis; they agreed.", "spoke with"),
            ("She".into(), "the Minister".into())
        );
        assert_eq!(
            parts(
                "First clause; Blinken will travel to Rome, Italy, where he will meet Draghi.",
                "travel to"
            ),
            ("Blinken will".into(), "Rome, Italy,".into())
        );
        assert_eq!(
            parts("I will speak on his trip to Israel and Jordan, but first I recall last week.", "trip to"),
            ("I will speak on his".into(), "Israel and Jordan".into())
        );
        assert_eq!(
            parts(
                "During the negotiations with Adviser A Kos, Minister B Lun thanked him.",
                "negotiations with"
            ),
            ("During the".into(), "Adviser A Kos".into())
        );
        assert_eq!(
            parts("During the talks with Ministers A Kos, B Lun and C Mar, the sides agreed.", "talks with"),
            ("During the".into(), "Ministers A Kos, B Lun and C Mar".into())
        );
        assert_eq!(
            parts("She met not only the Minister, but also the President.", "met"),
            ("She".into(), "not only the Minister, but also the President.".into())
        );
    }
}
