//! Titles and roles ("Foreign Minister", "Secretary of State", "Sheikh") from
//! `data/titles.tsv`, as one case-sensitive leftmost-longest automaton.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dateline_model::Span;

use crate::text::{data_lines, on_word_boundaries};

/// The titles data file, as shipped.
pub const TITLES: &str = include_str!("../data/titles.tsv");

/// What a title says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleClass {
    /// Head of state or government.
    Head,
    /// Foreign affairs.
    Foreign,
    /// Other ministers.
    Minister,
    /// Diplomats and envoys.
    Envoy,
    /// Other officials.
    Official,
    /// A form of address, not a role: "Mr.", "Sheikh", "Dr.".
    Honorific,
}

impl RoleClass {
    fn parse(s: &str) -> RoleClass {
        match s {
            "head" => RoleClass::Head,
            "foreign" => RoleClass::Foreign,
            "minister" => RoleClass::Minister,
            "envoy" => RoleClass::Envoy,
            "honorific" => RoleClass::Honorific,
            _ => RoleClass::Official,
        }
    }
}

/// A title in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleMatch {
    pub span: Span,
    /// "Foreign Ministers A and B": the title in the plural, for the names that follow.
    pub plural: bool,
    pub class: RoleClass,
    /// The one country whose government has this title, when the data says so.
    pub home: Option<&'static str>,
}

#[derive(Debug)]
pub struct Titles {
    automaton: AhoCorasick,
    classes: Vec<RoleClass>,
    homes: Vec<Option<String>>,
    words: Vec<String>,
    exact: std::collections::HashMap<String, RoleClass>,
}

static TABLE: LazyLock<Titles> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut classes = Vec::new();
    let mut homes: Vec<Option<String>> = Vec::new();
    for cols in data_lines(TITLES) {
        words.push(cols[0].to_string());
        classes.push(RoleClass::parse(cols.get(1).copied().unwrap_or("")));
        homes.push(cols.get(3).filter(|c| !c.is_empty()).map(|c| c.to_string()));
    }
    // Running text writes titles in lower case too ("opposition leader Kem Sokha"): every title but
    // the honorifics and the one-word military rank also matches in lower case.
    let n = words.len();
    for i in 0..n {
        let lower = words[i].to_lowercase();
        if classes[i] != RoleClass::Honorific
            && lower != words[i]
            && lower != "general"
            && !words.contains(&lower)
        {
            words.push(lower);
            classes.push(classes[i]);
            homes.push(homes[i].clone());
        }
        // Transcripts label speakers in capitals: "FOREIGN MINISTER OMAMO:".
        let upper = words[i].to_uppercase();
        if classes[i] != RoleClass::Honorific && upper != words[i] && !words.contains(&upper) {
            words.push(upper);
            classes.push(classes[i]);
            homes.push(homes[i].clone());
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&words)
        .expect("titles build");
    let mut exact = std::collections::HashMap::new();
    for (w, c) in words.iter().zip(&classes) {
        exact.entry(w.clone()).or_insert(*c);
    }
    Titles { automaton, classes, homes, words, exact }
});

pub fn titles() -> &'static Titles {
    &TABLE
}

impl Titles {
    /// Every title in `text`, on word boundaries.
    pub fn find(&'static self, text: &str) -> Vec<TitleMatch> {
        self.matches(text, false)
    }

    /// Every title, and every capitalised title in the plural before a name ("Foreign Ministers
    /// A and B", "Presidents A and B").
    pub fn find_with_plurals(&'static self, text: &str) -> Vec<TitleMatch> {
        self.matches(text, true)
    }

    fn matches(&'static self, text: &str, plurals: bool) -> Vec<TitleMatch> {
        self.automaton
            .find_iter(text)
            .filter_map(|m| {
                let class = self.classes[m.pattern().as_usize()];
                let start_ok =
                    text[..m.start()].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                // "Mr." ends with a period: only the start needs a boundary then.
                let end_ok = text[..m.end()].ends_with('.') || on_word_boundaries(text, m.start(), m.end());
                let written = &text[m.start()..m.end()];
                let plural = plurals
                    && !end_ok
                    && class != RoleClass::Honorific
                    && written.starts_with(char::is_uppercase)
                    && !written.ends_with('s')
                    && text[m.end()..]
                        .strip_prefix("s ")
                        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
                (start_ok && (end_ok || plural)).then(|| TitleMatch {
                    span: Span::new(m.start(), m.end() + usize::from(plural)),
                    plural,
                    class,
                    home: self.homes[m.pattern().as_usize()].as_deref(),
                })
            })
            .collect()
    }

    /// The class of an exact title, if it is one.
    pub fn class_of(&self, s: &str) -> Option<RoleClass> {
        self.exact.get(s).copied()
    }

    /// Every title, as the data lists it.
    pub fn all(&self) -> &[String] {
        &self.words
    }
}
