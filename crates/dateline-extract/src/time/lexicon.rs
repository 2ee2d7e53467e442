//! The closed vocabulary of temporal expressions: month and weekday names, number words,
//! calendar units, seasons, parts of the day, time zones, read once from
//! `data/time/lexicon/words.tsv` (one word a row, with its kind and value; the examples of each
//! kind are in `data/time/vocabulary.tsv`). Every function takes an ASCII-lowercased word.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::Weekday;

/// A calendar unit as it appears in durations and relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter and multiplier: a decade is `10Y`, a fortnight `2W`.
    pub(crate) fn duration_parts(self) -> (&'static str, f64, bool) {
        // (letter, multiplier, is a time unit needing `T`)
        match self {
            Unit::Second => ("S", 1.0, true),
            Unit::Minute => ("M", 1.0, true),
            Unit::Hour => ("H", 1.0, true),
            Unit::Day => ("D", 1.0, false),
            Unit::Weekend => ("WE", 1.0, false),
            Unit::Week => ("W", 1.0, false),
            Unit::Fortnight => ("W", 2.0, false),
            Unit::Month => ("M", 1.0, false),
            Unit::Quarter => ("Q", 1.0, false),
            Unit::Year => ("Y", 1.0, false),
            Unit::Decade => ("Y", 10.0, false),
            Unit::Century => ("Y", 100.0, false),
        }
    }
}

/// The words of `words.tsv`, by kind.
#[derive(Default)]
struct Words {
    units: HashMap<&'static str, (Unit, bool)>,
    months: HashMap<&'static str, (u32, bool)>,
    weekdays: HashMap<&'static str, Weekday>,
    numbers: HashMap<&'static str, u32>,
    ordinals: HashMap<&'static str, u32>,
    seasons: HashMap<&'static str, (&'static str, u32)>,
    parts_of_day: HashMap<&'static str, &'static str>,
    zones: Vec<&'static str>,
    eras: Vec<&'static str>,
    decades: HashMap<&'static str, i32>,
    /// The words that may start an expression, in file order.
    starts: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words::default();
    for row in include_str!("../../data/time/lexicon/words.tsv").lines() {
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        words.add(row).unwrap_or_else(|| panic!("bad row of words.tsv: {row:?}"));
    }
    words
});

fn unit_named(name: &str) -> Option<Unit> {
    Some(match name {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "weekend" => Unit::Weekend,
        "week" => Unit::Week,
        "fortnight" => Unit::Fortnight,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        _ => return None,
    })
}

impl Words {
    /// One row: `word <TAB> kind <TAB> value`.
    fn add(&mut self, row: &'static str) -> Option<()> {
        let mut cols = row.split('\t');
        let (word, kind, value) = (cols.next()?, cols.next()?, cols.next()?);
        let mut v = value.split(' ');
        let first = v.next()?;
        let flag = v.next();
        match kind {
            "unit" => {
                self.units.insert(word, (unit_named(first)?, flag == Some("plural")));
            }
            "month" => {
                let n: u32 = first.parse().ok().filter(|n| (1..=12).contains(n))?;
                self.months.insert(word, (n, flag == Some("abbrev")));
            }
            "weekday" => {
                self.weekdays.insert(word, first.parse().ok()?);
            }
            "number" => {
                self.numbers.insert(word, first.parse().ok()?);
            }
            "ordinal" => {
                self.ordinals.insert(word, first.parse().ok()?);
            }
            "season" => {
                self.seasons.insert(word, (first, flag?.parse().ok()?));
            }
            "part-of-day" => {
                self.parts_of_day.insert(word, first);
            }
            "zone" => self.zones.push(word),
            "era" => self.eras.push(word),
            "decade" => {
                self.decades.insert(word, first.parse().ok()?);
            }
            _ => return None,
        }
        if !matches!(kind, "part-of-day" | "zone" | "era" | "decade") && !self.starts.contains(&word) {
            self.starts.push(word);
        }
        Some(())
    }
}

/// The function words of `start-words.tsv`, by role.
#[derive(Default)]
struct FunctionWords {
    /// Every word that may start an expression, in file order.
    starts: Vec<&'static str>,
    before_time: Vec<&'static str>,
    approximators: Vec<&'static str>,
    openers: Vec<&'static str>,
}

static FUNCTION_WORDS: LazyLock<FunctionWords> = LazyLock::new(|| {
    let mut words = FunctionWords::default();
    for row in include_str!("../../data/time/lexicon/start-words.tsv").lines() {
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let (word, roles) =
            row.split_once('\t').unwrap_or_else(|| panic!("bad row of start-words.tsv: {row:?}"));
        for role in roles.split(' ') {
            match role {
                "start" => {}
                "before-time" => words.before_time.push(word),
                "approximator" => words.approximators.push(word),
                "opener" => words.openers.push(word),
                _ => panic!("bad role in start-words.tsv: {row:?}"),
            }
        }
        if roles != "opener" {
            words.starts.push(word);
        }
    }
    words
});

/// The function words that may start an expression (`start-words.tsv`).
pub(crate) fn function_start_words() -> impl Iterator<Item = &'static str> {
    FUNCTION_WORDS.starts.iter().copied()
}

/// Whether function word `w` starts an expression only before a temporal word or a number ("the",
/// "a", "this", "every").
pub(crate) fn starts_before_time(w: &str) -> bool {
    FUNCTION_WORDS.before_time.contains(&w)
}

/// Whether `w` is an approximator, part of a duration's extent ("nearly", "about").
pub(crate) fn is_approximator(w: &str) -> bool {
    FUNCTION_WORDS.approximators.contains(&w)
}

/// Whether `w` after a before-time word lets it start an expression ("the very end", "a couple").
pub(crate) fn is_opener(w: &str) -> bool {
    FUNCTION_WORDS.openers.contains(&w)
}

/// Every word that may start an expression: units, months, weekdays, number and ordinal words,
/// seasons.
pub(crate) fn start_words() -> impl Iterator<Item = &'static str> {
    WORDS.starts.iter().copied()
}

/// A unit noun, singular or plural: `(unit, plural)`.
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    WORDS.units.get(w).copied()
}

/// A month name or its abbreviation (`"sept"`, `"jan"`); `"may"` included (callers check case).
pub(crate) fn month(w: &str) -> Option<u32> {
    WORDS.months.get(w).map(|m| m.0)
}

/// True for the abbreviated month names, which need a following number to count.
pub(crate) fn month_is_abbrev(w: &str) -> bool {
    WORDS.months.get(w).is_some_and(|m| m.1)
}

pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    WORDS.weekdays.get(w).copied()
}

/// Plural weekdays ("on Mondays") make a set.
pub(crate) fn weekday_plural(w: &str) -> Option<Weekday> {
    w.strip_suffix('s').filter(|s| s.len() > 5).and_then(weekday)
}

/// Cardinal number words: "three" → 3, "twenty" → 20.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    WORDS.numbers.get(w).copied()
}

/// Ordinal words: "third" → 3.
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    WORDS.ordinals.get(w).copied()
}

/// Ordinal suffixes after digits: "24th".
pub(crate) fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

/// Seasons: (TIMEX3 code, first month of the season).
pub(crate) fn season(w: &str) -> Option<(&'static str, u32)> {
    WORDS.seasons.get(w).copied()
}

/// Parts of the day: TIMEX3 code.
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    WORDS.parts_of_day.get(w).copied()
}

/// Whether `w` after "today's" makes it the present age, not the day ("today's youth").
pub(crate) fn is_era_noun(w: &str) -> bool {
    WORDS.eras.contains(&w)
}

/// A decade in words, after "the": "nineties" → 199.
pub(crate) fn decade_word(w: &str) -> Option<i32> {
    WORDS.decades.get(w).copied()
}

/// Time zone abbreviations that may follow a clock time.
pub(crate) fn is_zone(w: &str) -> bool {
    WORDS.zones.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of words.tsv reads, and every kind has its words.
    #[test]
    fn the_word_list_reads() {
        assert_eq!(unit("hrs"), Some((Unit::Hour, true)));
        assert_eq!(unit("century"), Some((Unit::Century, false)));
        assert_eq!(month("sept"), Some(9));
        assert!(month_is_abbrev("sept") && !month_is_abbrev("may") && !month_is_abbrev("june"));
        assert_eq!(weekday("thurs"), Some(Weekday::Thu));
        assert_eq!(weekday_plural("mondays"), Some(Weekday::Mon));
        assert_eq!(number_word("hundred"), Some(100));
        assert_eq!(ordinal_word("twenty-first"), Some(21));
        assert_eq!(ordinal_word("second"), Some(2));
        assert_eq!(season("fall"), Some(("FA", 9)));
        assert_eq!(part_of_day("overnight"), Some("NI"));
        assert!(is_zone("gmt") && !is_zone("morning"));
        assert_eq!(decade_word("nineties"), Some(199));
        assert!(starts_before_time("the") && !starts_before_time("today") && is_approximator("nearly"));
        assert!(is_opener("couple") && function_start_words().all(|w| w != "couple"));
        let starts: Vec<_> = start_words().collect();
        assert!(starts.contains(&"jan") && starts.contains(&"winter") && !starts.contains(&"utc"));
    }
}
