//! Which way an underspecified expression ("Wednesday", "in June") points from the publication
//! date, read from the tense and modality of its clause: "will visit on Wednesday" looks forward,
//! "met on Wednesday" back. Works on the ASCII-lowercased text.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Which way a bare weekday or month points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    Unknown,
}

/// The cues of `data/time/lexicon/tense-cues.tsv`, future ones first: `(cues, how many are future)`.
static CUE_LIST: LazyLock<(Vec<String>, usize)> = LazyLock::new(|| {
    let mut future = Vec::new();
    let mut past = Vec::new();
    for row in include_str!("../../data/time/lexicon/tense-cues.tsv").lines() {
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let (cue, way) = row.split_once('\t').unwrap_or_else(|| panic!("bad row of tense-cues.tsv: {row:?}"));
        let cue = cue.replace('_', " ");
        match way.trim() {
            "future" => future.push(cue),
            "past" => past.push(cue),
            _ => panic!("bad way in tense-cues.tsv: {row:?}"),
        }
    }
    let n = future.len();
    future.extend(past);
    (future, n)
});

/// The direction of the clause around the byte span `start..end` of `lower`.
pub(crate) fn direction_at(lower: &str, start: usize, end: usize) -> Direction {
    let bytes = lower.as_bytes();
    // The clause before: back to the previous sentence end, at most 160 bytes.
    let mut from = start.saturating_sub(160);
    while from < start && !lower.is_char_boundary(from) {
        from += 1;
    }
    let mut s = start;
    while s > from {
        let b = bytes[s - 1];
        if b == b'.' && s >= 2 && bytes.get(s).is_none_or(|c| *c == b' ' || *c == b'\n')
            || b == b'\n'
            || b == b';'
        {
            break;
        }
        s -= 1;
    }
    let mut before = &lower[s..start];
    // A relative clause has its own tense: "hoped she would bring aid to Kenya, where the Aug. 7
    // blasts killed 257 people".
    if let Some(at) = [", where ", ", which ", ", who "].iter().filter_map(|p| before.rfind(p)).max() {
        before = &before[at + 2..];
    }
    let mut to = (end + 100).min(lower.len());
    while to > end && !lower.is_char_boundary(to) {
        to -= 1;
    }
    let after_full = &lower[end..to];
    let after = after_full.split(['.', ';', '\n']).next().unwrap_or("");
    // A preposition right before the expression says it all: "by June", "until Friday", "since May".
    let head = before.trim_end();
    // A weekday in the genitive names what happened that day ("after Wednesday's ruling",
    // "Friday's trading volume"), unless it is awaited ("ahead of Friday's vote").
    if after.starts_with("'s ") && !head.ends_with(" ahead of") && !head.ends_with(" until") {
        return Direction::Past;
    }
    // "this year through August": the end of a period that runs up to now, not a deadline.
    let span_end = head.strip_suffix(" through").is_some_and(|h| {
        ["year", "month", "week", "quarter", "period", "date"].iter().any(|w| h.ends_with(w))
    });
    if [
        " by",
        " until",
        " till",
        " through",
        " before",
        " ahead of",
        " as soon as",
        " as early as",
        " effective",
    ]
    .iter()
    .any(|p| head.ends_with(p) || head == &p[1..])
        && !span_end
    {
        // "had filed reports by Wednesday", "Until Thursday, they had not called him": a past
        // perfect in the clause sets a deadline already passed ("had been expected by June" does
        // not: the expectation is past, the date ahead).
        let clause = format!(" {before} {after} ");
        let deadline =
            [" by", " until", " till", " through"].iter().any(|p| head.ends_with(p) || head == &p[1..]);
        let perfect = [" had ", " hadn't "]
            .iter()
            .any(|h| clause.match_indices(h).any(|(at, _)| !clause[at + h.len()..].starts_with("been ")));
        if deadline && perfect {
            return Direction::Past;
        }
        return Direction::Future;
    }
    if [" since", " ago"].iter().any(|p| head.ends_with(p) || head == &p[1..]) {
        return Direction::Past;
    }
    // "the State Department on Sunday issued an updated caution": a verb right after the
    // expression, with an object after it, is the clause's own and tells its time over a cue
    // further back ("ahead of the trip, ..."); "a meeting Friday aimed at" is a participle.
    if finite_past_after(after) {
        return Direction::Past;
    }
    // One pass of an automaton over each side: the last cue before wins, else the first after.
    let before_cue = last_cue(before);
    match before_cue {
        Some(true) => Direction::Future,
        Some(false) => Direction::Past,
        None => match first_cue(after) {
            Some(true) => Direction::Future,
            Some(false) => Direction::Past,
            None => Direction::Unknown,
        },
    }
}

static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(CUE_LIST.0.iter())
        .expect("the cue automaton builds")
});

/// Whether pattern `id` is a future cue.
fn is_future(id: usize) -> bool {
    id < CUE_LIST.1
}

/// A past-tense verb by its form: a word of five letters or more ending in "ed" that does not
/// follow "be", "been", "being" or "to" ("talks continued", "the minister welcomed").
fn ed_verbs(padded: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev = "";
    padded
        .split(' ')
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter_map(move |(at, w)| {
            let w = w.trim_end_matches([',', '"', ')']);
            let hit = w.len() >= 5
                && w.ends_with("ed")
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(prev, "be" | "been" | "being" | "to" | "is" | "are" | "the" | "a" | "an")
                && !matches!(
                    w,
                    "need" | "speed" | "proceed" | "succeed" | "indeed" | "exceed" | "hundred" | "united"
                )
                // "an unspecified date", "undisclosed terms": adjectives, save a few verbs.
                && (!w.starts_with("un")
                    || matches!(w, "unveiled" | "unleashed" | "unfolded" | "unloaded" | "unlocked" | "unsealed"));
            prev = w;
            hit.then_some(at)
        })
}

/// Whether `after` opens with a past verb form and its object: " issued an", " approved the".
fn finite_past_after(after: &str) -> bool {
    let mut words = after.strip_prefix(' ').unwrap_or("").splitn(3, ' ');
    let (Some(verb), Some(object)) = (words.next(), words.next()) else { return false };
    matches!(object, "a" | "an" | "the" | "its" | "his" | "her" | "their" | "new")
        && ed_verbs(&format!(" {verb}")).next().is_some()
}

/// The last cue in `hay` (true: future). A cue's leading space also matches the start.
fn last_cue(hay: &str) -> Option<bool> {
    let padded = format!(" {hay}");
    // Overlapping: "closed until" holds " closed " and " until " sharing a space.
    let m = CUES.find_overlapping_iter(&padded).max_by_key(|m| (m.start(), m.end()));
    let ed = ed_verbs(&padded).last();
    // "will be co-hosted by A and B and held in C": a participle joined by "and" to one after
    // "be" shares its auxiliary.
    let shares_be = |at: usize| {
        let head = padded[..at].trim_end();
        head.ends_with(" and")
            && head.contains(" be ")
            && last_cue(&hay[..at.saturating_sub(1)]) == Some(true)
    };
    let Some(m) = m else {
        return ed.map(&shares_be);
    };
    if let Some(e) = ed
        && e >= m.end()
    {
        return Some(shares_be(e));
    }
    let future = is_future(m.pattern().as_usize());
    // "had been scheduled to expire Friday", "had been due on Friday", "had planned to leave
    // Friday": a plan told in the past perfect was for a day already gone.
    if future && [" had been", " had"].iter().any(|h| padded[..m.start()].trim_end().ends_with(h)) {
        return Some(false);
    }
    // "will be held", "may be signed": a participle after "be" keeps the modal's direction.
    if !future && (padded[..m.start()].ends_with(" be") || shares_be(m.start())) {
        return Some(true);
    }
    Some(future)
}

/// The first cue in `hay` (true: future).
fn first_cue(hay: &str) -> Option<bool> {
    let padded = format!(" {hay}");
    let m = CUES.find_overlapping_iter(&padded).min_by_key(|m| (m.start(), m.end()));
    let ed = ed_verbs(&padded).next();
    match (m, ed) {
        (Some(m), Some(e)) if e < m.start() => Some(false),
        (Some(m), _) => Some(is_future(m.pattern().as_usize())),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(s: &str) -> Direction {
        let lower = s.to_ascii_lowercase();
        let at = lower.find("friday").expect("has friday");
        direction_at(&lower, at, at + 6)
    }

    #[test]
    fn tense_decides() {
        assert_eq!(dir("She will travel to Paris on Friday."), Direction::Future);
        assert_eq!(dir("She met the minister on Friday."), Direction::Past);
        assert_eq!(dir("Officials said Friday that talks would resume."), Direction::Past);
        assert_eq!(dir("Markets stay closed until Friday."), Direction::Future);
        assert_eq!(dir("Friday is a holiday"), Direction::Unknown);
        assert_eq!(dir("The talks continued on Friday."), Direction::Past);
        assert_eq!(dir("The meeting, planned for Friday, is off."), Direction::Future);
        assert_eq!(dir("On Friday, the minister welcomed the envoy."), Direction::Past);
        assert_eq!(dir("He is expected to arrive on Friday."), Direction::Future);
        assert_eq!(dir("The envoy, who arrived Monday, will meet them Friday."), Direction::Future);
        assert_eq!(dir("It will be co-hosted by A and B and held in C on Friday."), Direction::Future);
        assert_eq!(dir("It was organised by A and hosted in C on Friday."), Direction::Past);
        assert_eq!(dir("Ten members had filed reports by Friday."), Direction::Past);
        assert_eq!(dir("Until Friday, they had not named a suspect."), Direction::Past);
        assert_eq!(dir("The loan had been expected to be repaid by Friday."), Direction::Future);
        assert_eq!(dir("The envoy could arrive as soon as Friday."), Direction::Future);
        assert_eq!(dir("It would be paid on a still unspecified date, Friday."), Direction::Future);
        assert_eq!(dir("They would look for ways around Friday's ruling."), Direction::Past);
        assert_eq!(dir("Shares rose ahead of Friday's vote."), Direction::Future);
        assert_eq!(dir("The offer had been scheduled to expire at midnight Friday."), Direction::Past);
        assert_eq!(dir("The bid had been due to expire Friday evening."), Direction::Past);
        assert_eq!(dir("The loans were extended through Friday."), Direction::Future);
        assert_eq!(dir("The new rate takes hold, effective Friday."), Direction::Future);
        assert_eq!(dir("The fund has fallen 2% this week through Friday."), Direction::Unknown);
        assert_eq!(dir("Ahead of the trip, the ministry on Friday issued a caution."), Direction::Past);
        assert_eq!(dir("Ministers will hold talks Friday aimed at a truce."), Direction::Future);
    }
}
