//! A gathering's own name: "the Fourth U.S.-Chile Strategic Dialogue", "the Munich Security
//! Conference", "next month's NATO Summit", "the February 12 Trilateral Ministerial meeting".

/// Words inside a name that are not capitalised.
const NAME_PARTICLES: &[&str] = &["of", "on", "for", "and", "de", "in"];

/// Words that begin a sentence or a phrase and so are capitalised without being part of a name.
const NOT_NAME_START: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "At",
    "In",
    "On",
    "During",
    "After",
    "Before",
    "Following",
    "Ahead",
    "Today",
    "Yesterday",
    "Tomorrow",
];

/// Head words of gatherings, lower case.
pub(super) const HEADS: &[&str] = &[
    "summit",
    "dialogue",
    "conference",
    "forum",
    "ministerial",
    "meeting",
    "meetings",
    "talks",
    "session",
    "consultations",
    "congress",
    "roundtable",
    "group",
    "plenary",
    "council",
];

/// Heads of standing bodies that name a gathering only as a trigger of their own: "the U.S.-Japan
/// Security Consultative Committee met" (not "the African Union Commission Chairperson"). ("group"
/// also heads other gatherings, so it is in `HEADS` too.)
pub(super) const BODY_HEADS: &[&str] = &["commission", "committee", "group"];

/// Whether a trigger (`trigger`, as written) is a standing body's name: "Joint Commission",
/// "Strategic Consultative Group".
pub(super) fn names_a_body(trigger: &str) -> bool {
    let lower = trigger.to_lowercase();
    BODY_HEADS.iter().any(|h| lower.ends_with(h))
}

/// The name around a head word ending at `head_end` (byte offset in `sentence`), or `None` when the
/// head has no proper modifier ("the conference", "a summit").
pub fn gathering_name(sentence: &str, head_start: usize, head_end: usize) -> Option<String> {
    let head = &sentence[head_start..head_end];
    let head_lower = head.to_lowercase();
    let last_word = head_lower.split_whitespace().last().unwrap_or("");
    if !HEADS.contains(&last_word) && !BODY_HEADS.contains(&last_word) {
        return None;
    }
    // Walk back over capitalised words (and digits, hyphenated country pairs, particles between
    // capitalised words) before the head.
    let before = &sentence[..head_start];
    let mut start = head_start;
    let mut words: Vec<&str> = Vec::new();
    // Lower-case words telling the members ("leaders'", "foreign ministers"), kept only when a
    // capitalised word comes before them: "the G20 leaders' summit", not "the leaders' summit".
    let mut members_len = 0;
    for word in before.split_inclusive(' ').rev() {
        let w = word.trim_end();
        let bare = w.trim_start_matches(['(', '"', '\u{201c}']);
        if bare.is_empty() || bare.ends_with([',', ';', ':', '.']) && !bare.ends_with("U.S.") {
            break;
        }
        let possessive = bare.ends_with("'s") || bare.ends_with("\u{2019}s");
        let capital = bare.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let particle = NAME_PARTICLES.contains(&bare) && !words.is_empty();
        if words.is_empty() && !capital && is_members_word(bare) {
            members_len += word.len();
            continue;
        }
        if possessive || !(capital || particle) {
            break;
        }
        start -= word.len() + std::mem::take(&mut members_len);
        words.push(bare);
    }
    // Names do not start with particles or sentence words.
    let mut name = sentence[start..head_end].trim().to_string();
    loop {
        let first = name.split_whitespace().next().unwrap_or("");
        if NAME_PARTICLES.contains(&first)
            || NOT_NAME_START.contains(&first)
            || is_date_word(first)
            || is_members_word(first)
        {
            match name.split_once(' ') {
                Some((_, rest)) => name = rest.to_string(),
                None => return None,
            }
        } else {
            break;
        }
    }
    let capitalised_head = head.starts_with(char::is_uppercase);
    // A capitalised head may take a complement: "Summit for Democracy", "Conference on Disarmament".
    if capitalised_head {
        let after = &sentence[head_end..];
        for prep in [" for ", " on ", " of the ", " of "] {
            if let Some(rest) = after.strip_prefix(prep) {
                let words = complement_words(rest);
                if !words.is_empty() {
                    name = format!("{name}{prep}{}", words.join(" "));
                    return Some(name);
                }
            }
        }
    }
    let modifiers = name.split_whitespace().count().saturating_sub(head.split_whitespace().count());
    (modifiers > 0 || capitalised_head && name != head).then_some(name)
}

/// The capitalised words of a name's complement, with the particles between them: "Supreme State
/// Council of the Union State" in "Meeting of the Supreme State Council of the Union State".
fn complement_words(rest: &str) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    for raw in rest.split(' ') {
        // A line break ends the name: what follows is the next line (a speaker's label).
        let (raw, broken) = match raw.split_once('\n') {
            Some((before, _)) => (before, true),
            None => (raw, false),
        };
        let w = raw.trim_end_matches([',', '.', ';', ':']);
        if w.starts_with(char::is_uppercase) && !is_date_word(w) {
            words.append(&mut pending);
            words.push(w);
        } else if !words.is_empty() && matches!(w, "of" | "the" | "and" | "on" | "for") {
            pending.push(w);
        } else {
            break;
        }
        if w.len() != raw.len() || broken {
            break; // punctuation ends the name
        }
    }
    words
}

/// A lower-case word of a gathering's members between its organisation and its head: "the G20
/// leaders' summit", "the NATO foreign ministers' meeting", "the EU heads of state summit".
pub(super) fn is_members_word(w: &str) -> bool {
    let w = w.trim_end_matches(['\'', '\u{2019}']);
    matches!(
        w,
        "leaders"
            | "ministers"
            | "foreign"
            | "defence"
            | "defense"
            | "finance"
            | "trade"
            | "energy"
            | "health"
            | "heads"
            | "of"
            | "state"
            | "government"
            | "senior"
            | "officials"
    )
}

fn is_date_word(w: &str) -> bool {
    crate::actors::is_calendar_word(w) || w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(sentence: &str, head: &str) -> Option<String> {
        let i = sentence.rfind(head).expect("head");
        gathering_name(sentence, i, i + head.len())
    }

    #[test]
    fn names() {
        let cases = [
            (
                "They opened the Fourth U.S.-Chile Strategic Dialogue today.",
                "Dialogue",
                Some("Fourth U.S.-Chile Strategic Dialogue"),
            ),
            (
                "He will attend the Munich Security Conference.",
                "Conference",
                Some("Munich Security Conference"),
            ),
            ("They discussed next month's NATO Summit.", "Summit", Some("NATO Summit")),
            (
                "They will attend the February 12 Trilateral Ministerial meeting in Honolulu.",
                "meeting",
                Some("Trilateral Ministerial meeting"),
            ),
            ("The conference ends on Wednesday.", "conference", None),
            ("They agreed to meet at the ASEAN summit in Jakarta.", "summit", Some("ASEAN summit")),
            (
                "Ministers met for the Conference on Disarmament.",
                "Conference",
                Some("Conference on Disarmament"),
            ),
            ("She released the Summit for Democracy commitments.", "Summit", Some("Summit for Democracy")),
            (
                "Joint Statement on the Sixth U.S.-Peru Economic Policy Dialogue",
                "Dialogue",
                Some("Sixth U.S.-Peru Economic Policy Dialogue"),
            ),
            ("They held the Economic Dialogue on June 8.", "Dialogue", Some("Economic Dialogue")),
            (
                "Meeting of the Supreme State Council of the Union State\nPresident of Belarus",
                "Meeting",
                Some("Meeting of the Supreme State Council of the Union State"),
            ),
            ("The G20 leaders' summit will be held in New Delhi.", "summit", Some("G20 leaders' summit")),
            ("NATO foreign ministers meeting in Brussels", "meeting", Some("NATO foreign ministers meeting")),
            ("The leaders' summit opened.", "summit", None),
            ("He spoke of the work of ministers at the summit.", "summit", None),
            (
                "The Geneva Humanitarian Conference opened.",
                "Conference",
                Some("Geneva Humanitarian Conference"),
            ),
        ];
        for (sentence, head, want) in cases {
            assert_eq!(name(sentence, head).as_deref(), want, "{sentence}");
        }
    }
}
