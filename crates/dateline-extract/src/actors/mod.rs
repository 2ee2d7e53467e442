//! Stage 2b: actors and places. Finds countries, cities, organisations and people in the text, and
//! resolves every mention of a person ("Secretary Blinken", "Blinken", "the Secretary") to the full
//! name the article gives ([`Cast`]).
//!
//! Knowledge is data (`data/gazetteer/*`), compiled once into leftmost-longest automata:
//! - [`gazetteer`]: countries (names, aliases, demonyms), cities, organisations and groupings;
//! - [`titles`]: titles and roles (from `dateline-identity`);
//! - [`people`]: names found from context (title + name, name + appositive title);
//! - [`cast`]: coreference within an article;
//! - [`names`]: name keys and the cross-article identity rule [`same_person`] (from
//!   `dateline-identity`, which the store shares).

pub mod bodies;
pub mod cast;
mod gazetteer;
pub mod people;
// Who is who (name keys, the same-person rule, titles) is the identity crate's, shared with the
// store; the extractor reaches it through these paths as before.
// (`titles` names both the module and its function `titles()`.)
pub use dateline_identity::{names, titles};

pub use cast::{Cast, CastMember, CastMention, Reference};
pub use gazetteer::{Gazetteer, Place, PlaceKind, gazetteer};
pub(crate) use gazetteer::{is_calendar_word, on_word_boundaries};
pub use names::{ActorKey, actor_key, fold, same_person};
pub use people::{PersonMention, TitleMention, find_people, find_people_and_titles};
pub use titles::RoleClass;

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
    mentions_and_cast(text).0
}

/// The mentions of `text` and the cast they were resolved with.
pub fn mentions_and_cast(text: &str) -> (Vec<Mention>, Cast) {
    let cast = Cast::build(text);
    let mut out: Vec<Mention> = cast
        .mentions
        .iter()
        .map(|m| {
            let member = &cast.members[m.member];
            Mention {
                span: m.span,
                name: member.name.clone(),
                kind: MentionKind::Person,
                country: member.country.clone(),
                role: member.role.clone(),
            }
        })
        .collect();
    let people_spans: Vec<Span> = cast.mentions.iter().map(|m| m.span).collect();
    let mut places = Vec::new();
    gazetteer().find_into(text, &mut places);
    for place in places {
        // Sorted, non-overlapping cast mentions: a binary search finds any overlap.
        let i = people_spans.partition_point(|s| s.end <= place.span.start);
        if people_spans.get(i).is_some_and(|s| s.overlaps(place.span)) {
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
    (out, cast)
}

/// The country a publisher speaks for, from its name: "Official website of the President of
/// Ukraine", "President of Russia", "The White House" (a seat, in Washington), "U.S. Department
/// of State". `None` for an outlet that names no country (a news agency).
pub fn outlet_country(outlet: &str) -> Option<String> {
    let mentions = find_mentions(outlet);
    let first = |kind: MentionKind| mentions.iter().find(|m| m.kind == kind);
    match first(MentionKind::Country) {
        Some(m) => Some(m.name.clone()),
        // "the President of Ukraine", an office named by its country.
        None => first(MentionKind::Person)
            .or(first(MentionKind::City))
            .or(first(MentionKind::CountryAdjective))
            .and_then(|m| m.country.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publisher_speaks_for_its_country() {
        assert_eq!(
            outlet_country("Official website of the President of Ukraine").as_deref(),
            Some("Ukraine")
        );
        assert_eq!(outlet_country("President of Russia").as_deref(), Some("Russia"));
        assert_eq!(outlet_country("The White House").as_deref(), Some("United States"));
        assert_eq!(outlet_country("U.S. Department of State").as_deref(), Some("United States"));
        assert_eq!(outlet_country("Example Wire"), None);
    }

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
