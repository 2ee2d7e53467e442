//! People named with a title ("Foreign Minister Wang Yi"), resolved within the article: a later
//! "Secretary Blinken" is the "Antony J. Blinken" named before.

use dateline_model::Span;

use super::gazetteer::{PlaceKind, gazetteer, on_word_boundaries};

/// A titled person in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// The whole mention, from a country adjective or the title to the name's end.
    pub span: Span,
    /// Just the name.
    pub name_span: Span,
    /// The canonical name: the article's fullest form, without middle initials.
    pub name: String,
    pub role: Option<String>,
    pub country: Option<String>,
}

/// Lower-case words that may sit inside a name.
const PARTICLES: &[&str] =
    &["bin", "bint", "ibn", "al", "el", "de", "del", "da", "van", "von", "der", "la", "le", "du"];

/// Capitalised words that end a name rather than continue it.
const STOP_WORDS: &[&str] = &[
    "The",
    "On",
    "In",
    "At",
    "And",
    "Of",
    "For",
    "To",
    "With",
    "During",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "He",
    "She",
    "They",
    "We",
    "I",
    "It",
    "This",
    "That",
];

pub fn find_people(text: &str) -> Vec<PersonMention> {
    let g = gazetteer();
    let mut found: Vec<PersonMention> = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some((title_start, title)) = next_title(text, pos, g.titles()) else { break };
        let title_end = title_start + title.len();
        pos = title_end;
        let Some(name_span) = name_after(text, title_end) else { continue };
        // A country adjective right before the title: "Turkish Foreign Minister".
        let before = text[..title_start].trim_end();
        let mut start = title_start;
        let mut country = None;
        if let Some(word_start) = before.rfind(|c: char| c.is_whitespace()).map(|i| i + 1).or(Some(0))
            && let Some(place) =
                g.find(&before[word_start..]).into_iter().find(|p| p.span.end == before.len() - word_start)
            && matches!(place.kind, PlaceKind::CountryAdjective | PlaceKind::Country)
        {
            start = word_start + place.span.start;
            country = place.country;
        }
        pos = name_span.end;
        found.push(PersonMention {
            span: Span::new(start, name_span.end),
            name_span,
            name: canonical(name_span.slice(text)),
            role: Some(title.to_string()),
            country,
        });
    }
    resolve_within_article(&mut found);
    found
}

fn next_title<'a>(text: &str, from: usize, titles: &'a [String]) -> Option<(usize, &'a str)> {
    let mut best: Option<(usize, &str)> = None;
    for t in titles {
        let mut search = from;
        while let Some(i) = text[search..].find(t.as_str()) {
            let s = search + i;
            if on_word_boundaries(text, s, s + t.len()) {
                let better = match best {
                    None => true,
                    Some((bs, bt)) => s < bs || (s == bs && t.len() > bt.len()),
                };
                if better {
                    best = Some((s, t));
                }
                break;
            }
            search = s + t.len();
        }
    }
    best
}

/// The name right after a title: capitalised words, initials and particles.
fn name_after(text: &str, title_end: usize) -> Option<Span> {
    let rest = &text[title_end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == rest.len() {
        return None; // a name is separated from its title by a space
    }
    let start = title_end + (rest.len() - trimmed.len());
    let mut end = start;
    let mut words = 0;
    let mut cursor = start;
    loop {
        let word_len = text[cursor..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.' || c == '\'' || c == '\u{2019}'))
            .unwrap_or(text.len() - cursor);
        let mut word = &text[cursor..cursor + word_len];
        // Possessives end the name: "Blinken's".
        for poss in ["'s", "\u{2019}s"] {
            if let Some(w) = word.strip_suffix(poss) {
                word = w;
            }
        }
        // A trailing period belongs to the sentence unless the word is an initial.
        if word.ends_with('.') && !(word.chars().count() == 2 && word.starts_with(char::is_uppercase)) {
            word = word.trim_end_matches('.');
        }
        let first = word.chars().next();
        let capitalised = first.is_some_and(char::is_uppercase);
        let particle =
            PARTICLES.contains(&word.to_lowercase().trim_end_matches('-')) && !word.is_empty() && words > 0;
        if word.is_empty() || !(capitalised || particle) || (capitalised && STOP_WORDS.contains(&word)) {
            break;
        }
        if gazetteer().titles().iter().any(|t| t == word) {
            break;
        }
        words += 1;
        end = cursor + word.len();
        cursor = end;
        let after = &text[cursor..];
        if after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_alphabetic()) {
            cursor += 1;
        } else {
            break;
        }
    }
    // Trailing particles are not part of the name.
    let mut span = Span::new(start, end);
    while words > 0 {
        let s = span.slice(text);
        match s.rsplit_once(' ') {
            Some((head, last)) if PARTICLES.contains(&last.to_lowercase().as_str()) => {
                span.end = span.start + head.len();
            }
            _ => break,
        }
    }
    (words > 0 && !span.is_empty()).then_some(span)
}

/// A name without single-letter initials: "Antony J. Blinken" → "Antony Blinken".
fn canonical(name: &str) -> String {
    let words: Vec<&str> =
        name.split_whitespace().filter(|w| !(w.ends_with('.') && w.chars().count() == 2)).collect();
    if words.is_empty() { name.to_string() } else { words.join(" ") }
}

/// Short mentions take the fullest name in the article that ends with the same surname.
fn resolve_within_article(found: &mut [PersonMention]) {
    let full: Vec<(String, Option<String>)> =
        found.iter().map(|p| (p.name.clone(), p.country.clone())).collect();
    for p in found.iter_mut() {
        let surname = p.name.split_whitespace().last().unwrap_or("").to_string();
        if let Some((longest, country)) = full
            .iter()
            .filter(|(n, _)| n.split_whitespace().last() == Some(surname.as_str()) && n.len() > p.name.len())
            .filter(|(n, _)| p.name.split_whitespace().count() == 1 || n.ends_with(&p.name))
            .max_by_key(|(n, _)| n.len())
        {
            p.name = longest.clone();
            if p.country.is_none() {
                p.country = country.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find_people(text).into_iter().map(|p| (p.name, p.role, p.country)).collect()
    }

    #[test]
    fn title_then_name() {
        let got =
            names("Secretary of State Antony J. Blinken spoke with Israeli Foreign Minister Gabi Ashkenazi.");
        assert_eq!(
            got,
            [
                ("Antony Blinken".into(), Some("Secretary of State".into()), None),
                ("Gabi Ashkenazi".into(), Some("Foreign Minister".into()), Some("Israel".into())),
            ]
        );
    }

    #[test]
    fn short_mentions_resolve_to_the_full_name() {
        let got =
            names("Secretary of State Antony J. Blinken arrived. Later, Secretary Blinken's aides left.");
        assert_eq!(got[1].0, "Antony Blinken");
    }

    #[test]
    fn particles_and_regnal_numbers() {
        assert_eq!(
            names("Foreign Minister Abdullah bin Zayed Al Nahyan met")[0].0,
            "Abdullah bin Zayed Al Nahyan"
        );
        assert_eq!(names("King Abdullah II of Jordan")[0].0, "Abdullah II");
    }

    #[test]
    fn title_without_name_is_no_person() {
        assert!(names("the Secretary said that the President will travel").is_empty());
        assert!(names("The Foreign Minister welcomed it").is_empty());
    }
}
