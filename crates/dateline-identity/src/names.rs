//! Name keys for matching people across spellings and articles: diacritics and case folded,
//! initials, titles and honorifics dropped. `same_person` is the one rule the store uses to merge
//! actors: it never joins two people who share only a surname.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::titles::titles;

/// The family names that come first in their culture's name order, the data file as shipped.
pub const FAMILY_FIRST: &str = include_str!("../data/family_name_first.txt");

static FAMILY_FIRST_SET: LazyLock<HashSet<String>> = LazyLock::new(|| {
    FAMILY_FIRST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(fold).collect()
});

/// The first word of every title: a name that starts with none of them has no title to drop.
static TITLE_FIRST_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| titles().all().iter().filter_map(|t| t.split(' ').next()).map(str::to_string).collect());

/// Lower-case words that may sit inside a name ("bin", "van", "de").
pub const PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "del", "della", "da", "das", "dos", "do", "di", "van", "von",
    "der", "den", "la", "le", "du", "ter", "ten", "y", "abu", "ould",
];

/// Folds diacritics and case: "Çavuşoğlu" → "cavusoglu". Keeps letters, digits, spaces and hyphens.
pub fn fold(s: &str) -> String {
    let ascii = if s.is_ascii() {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(s))
    };
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c == '-' || c.is_whitespace()) && !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Whether a one-word family name is one that comes first in its culture's name order.
pub fn is_family_name_first(word: &str) -> bool {
    FAMILY_FIRST_SET.contains(&fold(word))
}

/// Whether a written name puts the family name first: its first word is a listed family-first
/// name ("Wang Yi"), or it is two words of which the second is a hyphenated given name in Korean
/// romanization ("Min Jae-won", "Yoon Suk-yeol"), whatever the family name.
pub fn family_name_first(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [first, ..] if words.len() <= 3 && is_family_name_first(first) => true,
        [_, given] => given.split_once('-').is_some_and(|(a, b)| {
            a.chars().next().is_some_and(char::is_uppercase)
                && a.chars().skip(1).all(char::is_lowercase)
                && !b.is_empty()
                && b.chars().all(char::is_lowercase)
        }),
        _ => false,
    }
}

/// A person's name normalised for matching, with what the article says about them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ActorKey {
    /// Folded name words without initials, titles and honorifics: ["antony", "blinken"].
    pub words: Vec<String>,
    /// Folded country, when known.
    pub country: Option<String>,
    /// Folded role, when known ("foreign minister").
    pub role: Option<String>,
    /// The written name puts the family name first ([`family_name_first`]).
    pub family_first: bool,
}

impl ActorKey {
    pub fn with_country(mut self, country: Option<&str>) -> Self {
        self.country = country.map(fold).filter(|c| !c.is_empty());
        self
    }

    pub fn with_role(mut self, role: Option<&str>) -> Self {
        self.role = role.map(fold).filter(|c| !c.is_empty());
        self
    }

    /// The family name: the last word (before a regnal number), or the first for a
    /// family-name-first name ("Wang Yi").
    pub fn surname(&self) -> Option<&str> {
        let first = self.words.first()?;
        if self.words.len() >= 2
            && self.words.len() <= 3
            && (self.family_first || FAMILY_FIRST_SET.contains(first))
        {
            return Some(first);
        }
        self.words.iter().rev().find(|w| !is_regnal(w)).or(self.words.last()).map(String::as_str)
    }

    /// Whether this key's words stand inside `other`'s, in order and contiguous, ending on a
    /// name word: "le drian" in "jean yves le drian", "bin zayed" in "abdullah bin zayed al nahyan".
    pub fn is_part_of(&self, other: &ActorKey) -> bool {
        let n = self.words.len();
        if n == 0
            || n > other.words.len()
            || self.words.last().is_some_and(|w| PARTICLES.contains(&w.as_str()))
        {
            return false;
        }
        other.words.windows(n).any(|w| w == self.words.as_slice())
    }

    /// The words other than the surname.
    pub fn given(&self) -> Vec<&str> {
        let s = self.surname();
        let mut skipped = false;
        self.words
            .iter()
            .filter(|w| {
                if !skipped && Some(w.as_str()) == s {
                    skipped = true;
                    false
                } else {
                    true
                }
            })
            .map(String::as_str)
            .collect()
    }

    /// The key as one string: "antony blinken".
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// The normalised key of a person's name: "Secretary Antony J. Blinken" → ["antony", "blinken"];
/// "Mevlüt Çavuşoğlu" → ["mevlut", "cavusoglu"]; particles are kept, regnal numbers too.
pub fn actor_key(name: &str) -> ActorKey {
    // Drop a leading title ("Foreign Minister", "Sheikh"), repeatedly.
    let mut rest = name.trim();
    // Names found in context carry no title; only run the title automaton when one may lead.
    let first_word = rest.split(' ').next().unwrap_or("");
    let may_have_title = TITLE_FIRST_WORDS.contains(first_word);
    if may_have_title {
        while let Some(t) = titles().find(rest).into_iter().find(|t| t.span.start == 0) {
            if t.span.end >= rest.len() {
                break;
            }
            rest = rest[t.span.end..].trim_start();
        }
    }
    let words: Vec<String> = rest
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        // Initials: "J.", "J", "H.E."
        .filter(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            !(letters == 1 && w.chars().next().is_some_and(char::is_uppercase))
        })
        .flat_map(|w| fold(w).split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr"))
        .collect();
    ActorKey { family_first: family_name_first(rest), words, country: None, role: None }
}

/// Whether two keys name the same person. The surnames must agree (in either name order), and
/// then either the given names agree (equal, or one an initial/prefix of the other), or one side has
/// no given name and the country or role agrees. Two different given names never merge.
pub fn same_person(a: &ActorKey, b: &ActorKey) -> bool {
    if a.words.is_empty() || b.words.is_empty() {
        return false;
    }
    if a.words == b.words {
        return agree(&a.country, &b.country);
    }
    // Same words in another order: "Hayashi Yoshimasa" = "Yoshimasa Hayashi".
    if a.words.len() == b.words.len()
        && a.words.len() >= 2
        && a.words.iter().all(|w| b.words.contains(w))
        && b.words.iter().all(|w| a.words.contains(w))
    {
        return agree(&a.country, &b.country);
    }
    // One name is the start of the other, with a given name and at least one more name word:
    // "Abdullah bin Zayed" / "Abdullah bin Zayed Al Nahyan".
    let (short, long) = if a.words.len() <= b.words.len() { (a, b) } else { (b, a) };
    let name_words = short.words.iter().filter(|w| !PARTICLES.contains(&w.as_str())).count();
    if name_words >= 2 && long.words.starts_with(&short.words) && !FAMILY_FIRST_SET.contains(&short.words[0])
    {
        return agree(&a.country, &b.country);
    }
    let (Some(fa), Some(fb)) = (a.surname(), b.surname()) else { return false };
    let surname_ok = fa == fb
        || a.words.contains(&fb.to_string()) && b.words.len() == 1
        || b.words.contains(&fa.to_string()) && a.words.len() == 1;
    if !surname_ok {
        return false;
    }
    if !agree(&a.country, &b.country) {
        return false;
    }
    let (ga, gb) = (a.given(), b.given());
    let ga: Vec<&str> = ga.into_iter().filter(|w| !PARTICLES.contains(w)).collect();
    let gb: Vec<&str> = gb.into_iter().filter(|w| !PARTICLES.contains(w)).collect();
    if ga.is_empty() || gb.is_empty() {
        // A bare surname merges only when something else agrees.
        let country = a.country.is_some() && a.country == b.country;
        let role = a.role.is_some() && a.role == b.role;
        return country || role;
    }
    // The first given names must agree (one may abbreviate the other: "Tim" / "Timothy").
    let (x, y) = (ga[0], gb[0]);
    x == y || (x.len() >= 3 && y.starts_with(x)) || (y.len() >= 3 && x.starts_with(y))
}

fn is_regnal(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

fn agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}
