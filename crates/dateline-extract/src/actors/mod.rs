//! Stage 2b: actors and places. Finds countries, cities, organisations and titled people in the
//! text, and resolves short mentions ("Secretary Blinken") to the full name the article gave.
//!
//! Knowledge is data (`data/*.tsv`), compiled once into one leftmost-longest automaton.

mod gazetteer;
mod people;

pub(crate) use gazetteer::on_word_boundaries;
pub use gazetteer::{Gazetteer, Place, PlaceKind, gazetteer};
pub use people::{PersonMention, find_people};

use dateline_model::{ActorKind, Span};

/// A mention of an actor or place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub name: String,
    pub kind: MentionKind,
    /// The country the mention belongs to: a city's country, a person's as the article states it.
    pub country: Option<String>,
    /// A person's title as written ("Foreign Minister").
    pub role: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Person,
    Country,
    /// A country named by its adjective or demonym ("Turkish"): a modifier, not a party.
    CountryAdjective,
    City,
    Organization,
    Group,
}

impl MentionKind {
    pub fn actor_kind(self) -> Option<ActorKind> {
        match self {
            MentionKind::Person => Some(ActorKind::Person),
            MentionKind::Country => Some(ActorKind::Country),
            MentionKind::Organization => Some(ActorKind::Organization),
            MentionKind::Group => Some(ActorKind::Group),
            MentionKind::City | MentionKind::CountryAdjective => None,
        }
    }
}

/// Every actor and place mention in `text`, sorted by position, without overlaps
/// (a person's span wins over the gazetteer entries inside it).
pub fn find_mentions(text: &str) -> Vec<Mention> {
    let people = find_people(text);
    let mut out: Vec<Mention> = people
        .iter()
        .map(|p| Mention {
            span: p.span,
            name: p.name.clone(),
            kind: MentionKind::Person,
            country: p.country.clone(),
            role: p.role.clone(),
        })
        .collect();
    for place in gazetteer().find(text) {
        if people.iter().any(|p| p.span.overlaps(place.span)) {
            continue;
        }
        let kind = match place.kind {
            PlaceKind::Country => MentionKind::Country,
            PlaceKind::CountryAdjective => MentionKind::CountryAdjective,
            PlaceKind::City => MentionKind::City,
            PlaceKind::Organization => MentionKind::Organization,
            PlaceKind::Group => MentionKind::Group,
        };
        out.push(Mention { span: place.span, name: place.name, kind, country: place.country, role: None });
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_countries_and_cities() {
        let text =
            "Secretary of State Antony J. Blinken met Turkish Foreign Minister Mevlüt Çavuşoğlu in Rome.";
        let m = find_mentions(text);
        let names: Vec<(&str, MentionKind)> = m.iter().map(|m| (m.name.as_str(), m.kind)).collect();
        assert_eq!(
            names,
            [
                ("Antony Blinken", MentionKind::Person),
                ("Mevlüt Çavuşoğlu", MentionKind::Person),
                ("Rome", MentionKind::City),
            ]
        );
        assert_eq!(m[1].country.as_deref(), Some("Turkey"));
        assert_eq!(m[2].country.as_deref(), Some("Italy"));
    }
}
