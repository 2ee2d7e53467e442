//! Countries, cities, organisations and titles as one automaton, built once from the data files.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dateline_model::Span;

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const CITIES: &str = include_str!("../../data/cities.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.tsv");
const TITLES: &str = include_str!("../../data/titles.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    CountryAdjective,
    City,
    Organization,
    Group,
}

/// A gazetteer hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub span: Span,
    /// The canonical name.
    pub name: String,
    pub kind: PlaceKind,
    /// The country: itself for countries, the city's country for cities.
    pub country: Option<String>,
}

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    kind: PlaceKind,
    country: Option<String>,
    /// Match case exactly (acronyms like "US" must not match "us").
    case_sensitive: bool,
}

#[derive(Debug)]
pub struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    titles: Vec<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

fn data_lines(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn is_acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

fn is_adjective(s: &str) -> bool {
    // Demonyms and adjectives end this way in English; the gazetteer lists them as aliases.
    ["an", "ese", "ish", "ic", "i", "ch", "ss", "k"].iter().any(|suf| s.ends_with(suf))
        && !s.contains(' ')
        && !is_acronym(s)
}

impl Gazetteer {
    fn build() -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut add = |pattern: &str, entry: Entry| {
            if !pattern.is_empty() {
                patterns.push(pattern.to_string());
                entries.push(entry);
            }
        };
        for cols in data_lines(COUNTRIES) {
            let name = cols[0];
            let country = Some(name.to_string());
            add(
                name,
                Entry {
                    name: name.into(),
                    kind: PlaceKind::Country,
                    country: country.clone(),
                    case_sensitive: true,
                },
            );
            for alias in cols.get(1).copied().unwrap_or("").split('|').filter(|a| !a.is_empty()) {
                let kind = if is_adjective(alias) { PlaceKind::CountryAdjective } else { PlaceKind::Country };
                add(alias, Entry { name: name.into(), kind, country: country.clone(), case_sensitive: true });
            }
        }
        for cols in data_lines(CITIES) {
            add(
                cols[0],
                Entry {
                    name: cols[0].into(),
                    kind: PlaceKind::City,
                    country: cols.get(1).map(|c| c.to_string()),
                    case_sensitive: true,
                },
            );
        }
        for cols in data_lines(ORGANIZATIONS) {
            let kind = if cols.get(1) == Some(&"group") { PlaceKind::Group } else { PlaceKind::Organization };
            let name = cols[0];
            add(name, Entry { name: name.into(), kind, country: None, case_sensitive: true });
            for alias in cols.get(2).copied().unwrap_or("").split('|').filter(|a| !a.is_empty()) {
                add(alias, Entry { name: name.into(), kind, country: None, case_sensitive: true });
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the gazetteer automaton builds");
        let mut titles: Vec<String> = TITLES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.trim().to_string())
            .collect();
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Gazetteer { automaton, entries, titles }
    }

    /// Every gazetteer entry in `text`, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<Place> {
        let mut out = Vec::new();
        for m in self.automaton.find_iter(text) {
            let entry = &self.entries[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            if !on_word_boundaries(text, s, e) {
                continue;
            }
            // "US" as a word must be upper case in the text; a match is case-sensitive already,
            // but "May" the month is not a place: entries are proper names, so nothing else to do.
            let _ = entry.case_sensitive;
            out.push(Place {
                span: Span::new(s, e),
                name: entry.name.clone(),
                kind: entry.kind,
                country: entry.country.clone(),
            });
        }
        out
    }

    /// Titles, longest first.
    pub fn titles(&self) -> &[String] {
        &self.titles
    }

    /// The canonical country for a name, alias or adjective.
    pub fn country(&self, s: &str) -> Option<&str> {
        self.find(s)
            .into_iter()
            .find(|p| p.span == Span::new(0, s.len()))
            .and_then(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::CountryAdjective).then_some(p))
            .and_then(|p| self.entries.iter().find(|e| e.name == p.name).map(|e| e.name.as_str()))
    }
}

pub(crate) fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    // "U.S." ends with a period: what follows may be anything but a letter.
    before.is_none_or(|c| !is_word(c)) && after.is_none_or(|c| !is_word(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_row_is_found_by_itself() {
        let g = gazetteer();
        for cols in data_lines(COUNTRIES).chain(data_lines(CITIES)).chain(data_lines(ORGANIZATIONS)) {
            let hits = g.find(cols[0]);
            assert_eq!(hits.len(), 1, "{}", cols[0]);
            assert_eq!(hits[0].name, cols[0]);
        }
    }

    #[test]
    fn word_boundaries_and_aliases() {
        let g = gazetteer();
        let hits = g.find("The U.S. and Turkish delegations met in Istanbul; Omaha is not Oman.");
        let names: Vec<(&str, PlaceKind)> = hits.iter().map(|p| (p.name.as_str(), p.kind)).collect();
        assert_eq!(
            names,
            [
                ("United States", PlaceKind::Country),
                ("Turkey", PlaceKind::CountryAdjective),
                ("Istanbul", PlaceKind::City),
                ("Oman", PlaceKind::Country),
            ]
        );
        assert_eq!(g.country("Emirati"), Some("United Arab Emirates"));
        assert!(g.find("thus").is_empty(), "US matches only upper case");
    }
}
