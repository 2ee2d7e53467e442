//! Countries, cities and organisations as one leftmost-longest automaton, built once from the data
//! files in `data/gazetteer/`. Titles have their own automaton (see [`super::titles`]).
//!
//! Ambiguous place names ("Nice", "Reading", "Victoria", "Washington" the surname) are handled by
//! rules, not by special cases: the data's stoplist (`ambiguous.txt`) names them, and they count
//! as places only with locative context; any city right after a capitalised given name is part of a
//! person's name ("George Washington").

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
pub(crate) use dateline_identity::text::{data_lines, on_word_boundaries};
use dateline_model::Span;

pub(crate) const COUNTRIES: &str = include_str!("../../data/gazetteer/countries.tsv");
pub(crate) const CITIES: &str = include_str!("../../data/gazetteer/cities.tsv");
pub(crate) const SEATS: &str = include_str!("../../data/gazetteer/seats.tsv");
pub(crate) const ORGANIZATIONS: &str = include_str!("../../data/gazetteer/organizations.tsv");
pub(crate) const AMBIGUOUS: &str = include_str!("../../data/gazetteer/ambiguous.txt");
pub(crate) const REGIONS: &str = include_str!("../../data/gazetteer/regions.txt");

/// Regions whose names end in a country's ("Central America", "Gulf of Guinea").
static REGION_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    REGIONS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// Index into `names`: the canonical name.
    name: u32,
    kind: PlaceKind,
    /// Index into `names`: the country, if any.
    country: Option<u32>,
    /// A stoplisted name: a place only with locative context.
    ambiguous: bool,
    /// A small town: a place only with locative context, and no bar to a person's name
    /// ("Deputy Secretary Sherman", not Sherman, Texas).
    minor: bool,
    population: u64,
}

#[derive(Debug)]
pub struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    /// Pattern → entry, for exact look-ups without running the automaton.
    exact_index: HashMap<String, usize>,
    names: Vec<String>,
    /// Canonical country name → ISO alpha-2 code.
    iso2: HashMap<String, String>,
    /// Canonical country name → capital.
    capitals: HashMap<String, String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

fn list(cols: &[&str], i: usize) -> impl Iterator<Item = String> {
    cols.get(i)
        .copied()
        .unwrap_or("")
        .split('|')
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Words before a place that make it a place: "in Reading", "to Victoria".
const LOCATIVES: &[&str] = &[
    "in", "to", "from", "at", "visit", "visits", "visited", "visiting", "near", "outside", "via", "toward",
    "towards", "into", "In", "From", "At", "To",
];

impl Gazetteer {
    fn build() -> Self {
        let ambiguous: std::collections::HashSet<&str> =
            AMBIGUOUS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let mut names: Vec<String> = Vec::new();
        let mut name_ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |s: &str| -> u32 {
            if let Some(&i) = name_ids.get(s) {
                return i;
            }
            let i = names.len() as u32;
            names.push(s.to_string());
            name_ids.insert(s.to_string(), i);
            i
        };
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add =
            |pattern: String, entry: Entry, patterns: &mut Vec<String>, entries: &mut Vec<Entry>| {
                if pattern.is_empty() {
                    return;
                }
                // Texts write the apostrophe either way: "People's" / "People’s".
                if pattern.contains('\'') {
                    let curly = pattern.replace('\'', "\u{2019}");
                    if !index.contains_key(&curly) {
                        index.insert(curly.clone(), patterns.len());
                        patterns.push(curly);
                        entries.push(entry.clone());
                    }
                }
                // The first entry of a pattern wins: countries before cities before organisations.
                if index.contains_key(&pattern) {
                    return;
                }
                index.insert(pattern.clone(), patterns.len());
                patterns.push(pattern);
                entries.push(entry);
            };
        let mut iso2 = HashMap::new();
        let mut capitals = HashMap::new();
        for cols in data_lines(COUNTRIES) {
            let name = cols[0];
            let id = intern(name);
            iso2.insert(name.to_string(), cols.get(1).copied().unwrap_or("").to_string());
            capitals.insert(name.to_string(), cols.get(3).copied().unwrap_or("").to_string());
            let country = Entry {
                name: id,
                kind: PlaceKind::Country,
                country: Some(id),
                ambiguous: false,
                minor: false,
                population: 0,
            };
            add(name.to_string(), country.clone(), &mut patterns, &mut entries);
            for alias in list(&cols, 4) {
                add(alias, country.clone(), &mut patterns, &mut entries);
            }
            for adj in list(&cols, 5) {
                let e = Entry { kind: PlaceKind::CountryAdjective, ..country.clone() };
                add(adj, e, &mut patterns, &mut entries);
            }
        }
        let mut city_entries: HashMap<&str, Entry> = HashMap::new();
        for cols in data_lines(CITIES) {
            let name = cols[0];
            let id = intern(name);
            let country = cols.get(1).map(|c| intern(c));
            let population = cols.get(2).and_then(|p| p.parse().ok()).unwrap_or(0);
            // A minor town (a small one the data lists) is a place only in locative context, as
            // an ambiguous name is: "in Ohrid", not "Sala".
            let minor = cols.get(3) == Some(&"minor");
            let city = |n: &str| Entry {
                name: id,
                kind: PlaceKind::City,
                country,
                ambiguous: minor || ambiguous.contains(n),
                minor,
                population,
            };
            add(name.to_string(), city(name), &mut patterns, &mut entries);
            for alias in list(&cols, 4) {
                let e = city(&alias);
                add(alias, e, &mut patterns, &mut entries);
            }
            city_entries.insert(name, city(name));
        }
        // "at the White House", "at the Kremlin": a seat of government is a place of its city.
        for cols in data_lines(SEATS) {
            let Some(city) = cols.get(1).and_then(|c| city_entries.get(c)) else { continue };
            let e = Entry { ambiguous: false, minor: false, ..city.clone() };
            add(cols[0].to_string(), e, &mut patterns, &mut entries);
        }
        for cols in data_lines(ORGANIZATIONS) {
            let kind = if cols.get(1) == Some(&"group") { PlaceKind::Group } else { PlaceKind::Organization };
            let id = intern(cols[0]);
            let org = Entry { name: id, kind, country: None, ambiguous: false, minor: false, population: 0 };
            add(cols[0].to_string(), org.clone(), &mut patterns, &mut entries);
            for alias in list(&cols, 2) {
                // "the UN": the article is part of the alias only to avoid "the" being taken as a name.
                let alias = alias.strip_prefix("the ").map(str::to_string).unwrap_or(alias);
                add(alias, org.clone(), &mut patterns, &mut entries);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the gazetteer automaton builds");
        let exact_index = patterns.iter().enumerate().map(|(i, p)| (p.clone(), i)).collect();
        Gazetteer { automaton, entries, exact_index, names, iso2, capitals }
    }

    /// Every gazetteer entry in `text`, on word boundaries, ambiguous names only in context.
    pub fn find(&self, text: &str) -> Vec<Place> {
        let mut out = Vec::new();
        self.find_into(text, &mut out);
        out
    }

    pub(crate) fn find_into(&self, text: &str, out: &mut Vec<Place>) {
        // Where the last place found ends: "to Lyon May 4-6, Porto May 9, and Cork May 11-12"
        // lists places, so a name there is one.
        let mut last_place: Option<usize> = None;
        for m in self.automaton.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !on_word_boundaries(text, s, e) {
                continue;
            }
            let entry = &self.entries[m.pattern().as_usize()];
            // "to Central America": the region, not the United States.
            if entry.kind == PlaceKind::Country
                && REGION_NAMES.iter().any(|r| {
                    r.len() > e - s && text[..e].ends_with(r) && on_word_boundaries(text, e - r.len(), e)
                })
            {
                continue;
            }
            if entry.kind == PlaceKind::City
                && !self.city_in_context(text, s, e, entry)
                && !(entry.ambiguous && last_place.is_some_and(|end| in_a_list_of_places(&text[end..s])))
            {
                continue;
            }
            if matches!(entry.kind, PlaceKind::City | PlaceKind::Country) {
                last_place = Some(e);
            }
            let name = self.names[entry.name as usize].clone();
            let mut country = entry.country.map(|c| self.names[c as usize].clone());
            // "Brest, France": the country the text writes after a city is the city's, when the
            // gazetteer's city of that name (its most populous) is another country's. A capital
            // keeps its country ("Paris, Germany and Italy" lists three places).
            if entry.kind == PlaceKind::City
                && let Some(stated) = self.country_after(text, e)
                && country.as_deref() != Some(stated)
                && country.as_ref().is_none_or(|c| self.capitals.get(c) != Some(&name))
            {
                country = Some(stated.to_string());
            }
            out.push(Place { span: Span::new(s, e), name, kind: entry.kind, country });
        }
    }

    fn city_in_context(&self, text: &str, s: usize, e: usize, entry: &Entry) -> bool {
        let prev = previous_word(text, s);
        // "George Washington", "Mr. Jackson": a capitalised word right before is a given name.
        if let Some(w) = prev
            && text[..s].ends_with(' ')
            && w.starts_with(char::is_uppercase)
            && (!w.ends_with('.') || matches!(w, "Mr." | "Ms." | "Mrs." | "Dr.") || w.chars().count() == 2)
            && !is_function_word(w)
            && self.exact(w).is_none()
        {
            return false;
        }
        let locative = prev.is_some_and(|w| LOCATIVES.contains(&w));
        // "George Washington", "Paris Agreement": a capitalised word right after makes a name.
        if !locative
            && let Some(next) = next_word(text, e)
            && next.starts_with(char::is_uppercase)
            && !is_function_word(next)
            && !is_calendar_word(next)
            && self.exact(next).is_none_or(|n| n.kind == PlaceKind::City)
        {
            return false;
        }
        if !entry.ambiguous || locative {
            return true;
        }
        // "Victoria, Seychelles"
        let after = &text[e..];
        if let Some(rest) = after.strip_prefix(", ")
            && let Some(first) = self.automaton.find(rest)
            && first.start() == 0
            && matches!(self.entries[first.pattern().as_usize()].kind, PlaceKind::Country)
        {
            return true;
        }
        false
    }

    /// The country named right after a place and its comma ("Brest, France"), by its name.
    fn country_after(&self, text: &str, e: usize) -> Option<&str> {
        let rest = text[e..].strip_prefix(", ")?;
        let m = self.automaton.find(rest)?;
        let entry = &self.entries[m.pattern().as_usize()];
        (m.start() == 0 && entry.kind == PlaceKind::Country && on_word_boundaries(rest, 0, m.end()))
            .then(|| self.names[entry.name as usize].as_str())
    }

    /// The entry that is exactly `s`, if any.
    fn exact(&self, s: &str) -> Option<&Entry> {
        self.exact_index.get(s).map(|&i| &self.entries[i])
    }

    /// The canonical country for a name, alias or adjective.
    pub fn country(&self, s: &str) -> Option<&str> {
        let e = self.exact(s)?;
        matches!(e.kind, PlaceKind::Country | PlaceKind::CountryAdjective)
            .then(|| self.names[e.name as usize].as_str())
    }

    /// The canonical organisation or group for a name or alias.
    pub fn organization(&self, s: &str) -> Option<&str> {
        let e = self.exact(s)?;
        matches!(e.kind, PlaceKind::Organization | PlaceKind::Group)
            .then(|| self.names[e.name as usize].as_str())
    }

    /// A city's country, by the city's name or alias (not applying context rules).
    pub fn city_country(&self, s: &str) -> Option<&str> {
        let e = self.exact(s)?;
        (e.kind == PlaceKind::City).then(|| e.country.map(|c| self.names[c as usize].as_str())).flatten()
    }

    /// The population that the data gives for a city (0 when unknown).
    pub fn city_population(&self, s: &str) -> Option<u64> {
        self.exact(s).filter(|e| e.kind == PlaceKind::City).map(|e| e.population)
    }

    /// ISO 3166 alpha-2 code of a canonical country name.
    pub fn iso2(&self, country: &str) -> Option<&str> {
        self.iso2.get(country).map(String::as_str)
    }

    /// The capital of a canonical country name.
    pub fn capital(&self, country: &str) -> Option<&str> {
        self.capitals.get(country).map(String::as_str).filter(|c| !c.is_empty())
    }

    /// Whether the exact string is any gazetteer entry (a name token that is a place is not a name).
    pub fn is_entry(&self, s: &str) -> bool {
        self.exact(s).is_some_and(|e| !e.minor)
    }

    /// Whether the exact string names a country, a demonym, an organisation or a group: a party,
    /// not a city (many cities are also given names: "Vladimir", "Florence").
    pub fn is_party(&self, s: &str) -> bool {
        self.exact(s).is_some_and(|e| e.kind != PlaceKind::City)
    }

    /// Number of patterns in the automaton.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Capitalised words that start sentences or clauses rather than names.
pub(crate) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "To"
            | "From"
            | "For"
            | "With"
            | "And"
            | "But"
            | "Or"
            | "Of"
            | "By"
            | "As"
            | "During"
            | "After"
            | "Before"
            | "While"
            | "When"
            | "Since"
            | "Until"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Both"
            | "Our"
            | "Their"
            | "His"
            | "Her"
            | "Its"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "It"
            | "Also"
            | "Visit"
            | "Visiting"
            | "Near"
            | "Outside"
            | "Via"
            | "Into"
            | "Leaving"
            | "Arriving"
            | "Welcome"
            | "Greater"
            | "Central"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "North"
            | "South"
            | "East"
            | "West"
            | "Downtown"
            | "Here"
            | "There"
            | "Then"
            | "Now"
            | "Later"
            | "Earlier"
            | "If"
            | "Unless"
            | "Although"
            | "Though"
            | "Because"
            | "Whether"
            | "Once"
            | "Where"
            | "Why"
            | "How"
            | "What"
            | "Who"
            | "Which"
            | "Whose"
            | "So"
            | "Yet"
            | "Like"
            | "Unlike"
            | "Despite"
            | "Without"
            | "Under"
            | "Over"
            | "Through"
            | "Between"
            | "Against"
            | "Among"
            | "Across"
            | "Not"
            | "No"
            | "Yes"
            | "Thank"
            | "Let"
            | "My"
            | "Your"
            | "You"
            | "Every"
            | "Each"
            | "All"
            | "Some"
            | "Many"
            | "Most"
            | "Any"
            | "Such"
            | "Only"
            | "Even"
            | "Just"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Indeed"
            | "Instead"
            | "Perhaps"
            | "Please"
            | "Tonight"
    )
}

/// Weekday and month names: capitalised, yet never part of a name or a place.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    matches!(
        w,
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
    )
}

/// The word right after `pos`, when one space separates them.
pub(crate) fn next_word(text: &str, pos: usize) -> Option<&str> {
    let rest = text[pos..].strip_prefix(' ')?;
    let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')).unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

/// The word right before `pos` (skipping one run of spaces), if any.
/// What stands between two places of a list: a comma or "and", after the first place's dates at
/// most ("Lyon May 4-6, Porto", "Berlin, Paris, and Rome").
fn in_a_list_of_places(gap: &str) -> bool {
    let Some(rest) = [", and ", ", ", " and "].iter().find_map(|j| gap.strip_suffix(j)) else { return false };
    rest.len() <= 24
        && rest.split_whitespace().all(|w| {
            let w = w.trim_end_matches(',');
            is_calendar_word(w) || w.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '–')
        })
}

pub(crate) fn previous_word(text: &str, pos: usize) -> Option<&str> {
    let before = text[..pos].trim_end_matches(' ');
    if before.len() == pos && pos > 0 {
        return None; // not separated by a space
    }
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\''))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let w = &before[start..];
    (!w.is_empty()).then_some(w)
}
