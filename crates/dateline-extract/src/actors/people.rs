//! People named in context, not from a list: a title before the name ("Turkish Foreign Minister
//! Mevlüt Çavuşoğlu", "opposition leader Kem Sokha", "Sheikh Abdullah bin Zayed"), or a title in
//! apposition after it ("Jens Stoltenberg, NATO's Secretary General"). A title with no name after it
//! ("the Secretary", "the Turkish Foreign Minister") is kept as a [`TitleMention`] for coreference.

use dateline_model::Span;

use super::gazetteer::{PlaceKind, gazetteer, is_function_word};
use super::names::PARTICLES;
use super::titles::{RoleClass, TitleMatch, titles};

/// A titled person in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// The whole mention, from a country modifier or the title to the name's end.
    pub span: Span,
    /// Just the name.
    pub name_span: Span,
    /// The name as written, without middle initials: "Antony Blinken".
    pub name: String,
    /// The title as written, with its organisation modifier: "NATO Secretary General".
    pub role: Option<String>,
    pub class: Option<RoleClass>,
    /// The country as the text states it ("Turkish Foreign Minister" → Turkey).
    pub country: Option<String>,
}

/// A title that stands for a person: "the Secretary", "the Turkish Foreign Minister".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleMention {
    pub span: Span,
    pub role: String,
    pub class: RoleClass,
    pub country: Option<String>,
    /// Preceded by "the" (or a possessive): a definite description.
    pub definite: bool,
}

/// Capitalised words that end a name rather than continue it.
fn is_stop(word: &str) -> bool {
    is_function_word(word)
        || matches!(
            word,
            "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "January"
                | "February"
                | "March"
                | "April"
                | "May"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
                | "Call"
                | "Calls"
                | "Meeting"
                | "Meetings"
                | "Meets"
                | "Met"
                | "Travel"
                | "Travels"
                | "Trip"
                | "Remarks"
                | "Statement"
                | "Joint"
                | "Visit"
                | "Visits"
                | "Spoke"
                | "Will"
                | "Discuss"
                | "Discusses"
                | "Is"
                | "Are"
                | "Was"
        )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.' | '\u{2010}' | '\u{2011}')
}

/// One token of a name, starting at `pos`: (end of the name part, end of the raw token, stop after).
fn token_at(text: &str, pos: usize) -> Option<(usize, bool)> {
    let rest = &text[pos..];
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    if len == 0 {
        return None;
    }
    let raw = &rest[..len];
    let mut word = raw;
    let mut stop_after = false;
    for poss in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(w) = word.strip_suffix(poss) {
            word = w;
            stop_after = true;
            break;
        }
    }
    if word.ends_with('.') {
        let is_initial = word.chars().filter(|c| c.is_alphabetic()).count() == 1;
        if !is_initial {
            word = word.trim_end_matches('.');
            stop_after = true; // end of sentence
        } else if !rest[len..].starts_with(' ') {
            stop_after = true;
        }
    }
    (!word.is_empty()).then_some((pos + word.len(), stop_after))
}

/// The name right after `pos` (which should be at a space after a title): capitalised words,
/// initials and inner particles. `None` when no name follows.
pub(crate) fn name_at(text: &str, pos: usize) -> Option<Span> {
    let rest = &text[pos..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == rest.len() || trimmed.len() + 3 < rest.len() {
        return None;
    }
    let start = pos + (rest.len() - trimmed.len());
    let mut cursor = start;
    let mut end = start;
    let mut words = 0usize;
    let mut last_capitalised_end = start;
    while words < 7 {
        let Some((word_end, stop_after)) = token_at(text, cursor) else { break };
        let word = &text[cursor..word_end];
        let capitalised = word.starts_with(char::is_uppercase);
        let particle = words > 0 && PARTICLES.contains(&word.to_lowercase().as_str());
        if !(capitalised || particle) || (capitalised && is_stop(word)) {
            break;
        }
        if capitalised && titles().class_of(word).is_some() && words > 0 {
            break;
        }
        // An all-capital acronym after a name is an organisation, not a name ("Blinken NATO").
        if capitalised && words > 0 && word.len() >= 3 && word.chars().all(|c| c.is_uppercase()) {
            let roman = word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
            if !roman {
                break;
            }
        }
        words += 1;
        end = word_end;
        if capitalised {
            last_capitalised_end = word_end;
        }
        if stop_after {
            break;
        }
        let after = &text[word_end..];
        let Some(next) = after.strip_prefix(' ') else { break };
        if !next.starts_with(|c: char| c.is_alphabetic()) {
            break;
        }
        cursor = word_end + 1;
    }
    // Trailing particles are not part of the name.
    end = end.min(last_capitalised_end).max(start);
    if end == start {
        return None;
    }
    let span = Span::new(start, end);
    let name = span.slice(text);
    // A place or organisation is not a person's name ("President of Turkey" is handled elsewhere).
    if gazetteer().is_entry(name) {
        return None;
    }
    let first = name.split(' ').next().unwrap_or(name);
    if gazetteer().country(first).is_some() && name.split(' ').count() <= 1 {
        return None;
    }
    Some(span)
}

/// A name without single-letter initials: "Antony J. Blinken" → "Antony Blinken".
pub fn without_initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.chars().filter(|c| c.is_alphabetic()).count() == 1 && w.ends_with('.')))
        .collect();
    if words.is_empty() { name.to_string() } else { words.join(" ") }
}

/// A country, organisation or adjective that ends right before `pos` (with one space or "'s "
/// between): "Turkish Foreign Minister", "NATO Secretary General", "Spain's Secretary of State".
fn modifier_before(text: &str, pos: usize) -> Option<(usize, PlaceKind, String)> {
    let before = &text[..pos];
    let before = before.strip_suffix(' ')?;
    let before = before.strip_suffix("'s").or_else(|| before.strip_suffix("\u{2019}s")).unwrap_or(before);
    let window_start = before.len().saturating_sub(64);
    let window_start =
        (window_start..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
    let window = &before[window_start..];
    let hit = gazetteer().find(window).into_iter().rev().find(|p| p.span.end == window.len())?;
    if hit.kind == PlaceKind::City {
        return None;
    }
    Some((window_start + hit.span.start, hit.kind, hit.name))
}

/// The people and the bare titles of `text`.
pub fn find_people_and_titles(text: &str) -> (Vec<PersonMention>, Vec<TitleMention>) {
    let mut people: Vec<PersonMention> = Vec::new();
    let mut bare: Vec<TitleMention> = Vec::new();
    let found = titles().find(text);
    let mut i = 0;
    let mut consumed = 0usize;
    while i < found.len() {
        let t: TitleMatch = found[i];
        i += 1;
        if t.span.start < consumed {
            continue;
        }
        // A title chain: "Deputy Prime Minister and Foreign Minister", "Minister of Foreign Affairs
        // of Qatar", "Ambassador to Japan".
        let mut role_end = t.span.end;
        let mut class = t.class;
        let mut country: Option<String> = None;
        let mut org: Option<String> = None;
        loop {
            let after = &text[role_end..];
            if let Some(next) = found.get(i)
                && (after.starts_with(" and ") && next.span.start == role_end + 5)
            {
                role_end = next.span.end;
                if class == RoleClass::Honorific || class == RoleClass::Official {
                    class = next.class;
                }
                i += 1;
                continue;
            }
            let prep =
                [" of the ", " of ", " to the ", " to ", " for "].into_iter().find(|p| after.starts_with(p));
            if let Some(p) = prep {
                let place_start = role_end + p.len();
                let hit = gazetteer()
                    .find(&text[place_start..(place_start + 64).min(text.len())])
                    .into_iter()
                    .next();
                // only a place right after the preposition
                if let Some(h) =
                    hit.filter(|h| h.span.start == 0 && text.is_char_boundary(place_start + h.span.end))
                {
                    match h.kind {
                        PlaceKind::Country | PlaceKind::CountryAdjective => country = Some(h.name.clone()),
                        PlaceKind::Organization | PlaceKind::Group => org = Some(h.name.clone()),
                        PlaceKind::City => {}
                    }
                    if h.kind != PlaceKind::City {
                        role_end = place_start + h.span.end;
                        continue;
                    }
                }
            }
            break;
        }
        // Modifiers before the title.
        let mut start = t.span.start;
        if let Some((m_start, kind, name)) = modifier_before(text, t.span.start) {
            start = m_start;
            match kind {
                PlaceKind::Country | PlaceKind::CountryAdjective => {
                    country.get_or_insert(name);
                }
                PlaceKind::Organization | PlaceKind::Group => {
                    org.get_or_insert(name);
                }
                PlaceKind::City => {}
            }
        }
        let mut role = text[t.span.start..role_end].to_string();
        if let Some(o) = &org
            && !role.contains(o.as_str())
        {
            role = format!("{o} {role}");
        }
        let lowercase_title = text[t.span.start..].starts_with(char::is_lowercase);
        match name_at(text, role_end) {
            Some(name_span) => {
                consumed = name_span.end;
                let name = without_initials(name_span.slice(text));
                people.push(PersonMention {
                    span: Span::new(start, name_span.end),
                    name_span,
                    name,
                    role: (class != RoleClass::Honorific).then_some(role),
                    class: Some(class),
                    country,
                });
            }
            None => {
                consumed = role_end;
                if class == RoleClass::Honorific {
                    continue;
                }
                let head = text[..start].trim_end_matches(' ');
                let definite = head.ends_with("the") || head.ends_with("The") || head.ends_with("'s");
                // Apposition: "Jens Stoltenberg, NATO Secretary General" / "..., the Foreign Minister of X".
                let mut appositive = None;
                let lead = head.strip_suffix("the").or_else(|| head.strip_suffix("The")).unwrap_or(head);
                let lead = lead.trim_end_matches(' ');
                if let Some(before_comma) = lead.strip_suffix(',')
                    && let Some(name_span) = name_before(text, before_comma.len())
                {
                    appositive = Some(name_span);
                }
                if let Some(name_span) = appositive
                    && !people.iter().any(|p| p.span.overlaps(name_span))
                {
                    people.push(PersonMention {
                        span: Span::new(name_span.start, role_end),
                        name_span,
                        name: without_initials(name_span.slice(text)),
                        role: Some(role),
                        class: Some(class),
                        country,
                    });
                } else if !lowercase_title || definite {
                    bare.push(TitleMention {
                        span: Span::new(start, role_end),
                        role,
                        class,
                        country,
                        definite: definite || start < t.span.start,
                    });
                }
            }
        }
    }
    people.sort_by_key(|p| p.span.start);
    (people, bare)
}

/// A name of at least two words that ends at `end`: for appositions.
fn name_before(text: &str, end: usize) -> Option<Span> {
    let mut start = end;
    let mut words = 0;
    let mut cursor = end;
    loop {
        let before = &text[..cursor];
        let word_start = before
            .rfind(|c: char| !is_word_char(c))
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        let word = &before[word_start..];
        if word.is_empty() {
            break;
        }
        let capitalised = word.starts_with(char::is_uppercase);
        let particle = words > 0 && PARTICLES.contains(&word.to_lowercase().as_str());
        if !(capitalised || particle) || is_stop(word) || word.ends_with('.') && word.chars().count() > 2 {
            break;
        }
        if titles().class_of(word).is_some() || gazetteer().is_entry(word) {
            break;
        }
        words += 1;
        start = word_start;
        if words >= 5 || word_start == 0 || !text[..word_start].ends_with(' ') {
            break;
        }
        cursor = word_start - 1;
    }
    // Leading particles are not part of a name either.
    let span = Span::new(start, end);
    let s = span.slice(text);
    let n = s.split(' ').filter(|w| w.starts_with(char::is_uppercase)).count();
    (n >= 2 && s.starts_with(char::is_uppercase)).then_some(span)
}

/// The titled people of `text` (names as written).
pub fn find_people(text: &str) -> Vec<PersonMention> {
    find_people_and_titles(text).0
}
