//! The closed vocabulary of temporal expressions: month and weekday names, number words,
//! calendar units, seasons, parts of the day. Every function takes an ASCII-lowercased word.

use chrono::Weekday;

/// Every word the lexicon knows, for the scanner's quick rejection filter.
pub(crate) const ALL_WORDS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "min",
    "minutes",
    "mins",
    "hour",
    "hr",
    "hours",
    "hrs",
    "day",
    "days",
    "weekend",
    "weekends",
    "week",
    "weeks",
    "fortnight",
    "fortnights",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "yr",
    "years",
    "yrs",
    "decade",
    "decades",
    "century",
    "centuries",
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

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

/// A unit noun, singular or plural: `(unit, plural)`.
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A month name or its abbreviation (`"sept"`, `"jan"`); `"may"` included (callers check case).
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for the abbreviated month names, which need a following number to count.
pub(crate) fn month_is_abbrev(w: &str) -> bool {
    w.len() <= 4 && w != "june" && w != "july" && w != "may"
}

pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// Plural weekdays ("on Mondays") make a set.
pub(crate) fn weekday_plural(w: &str) -> Option<Weekday> {
    w.strip_suffix('s').filter(|s| s.len() > 5).and_then(weekday)
}

/// Cardinal number words: "three" → 3, "twenty" → 20.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// Ordinal words: "third" → 3.
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => return None,
    })
}

/// Ordinal suffixes after digits: "24th".
pub(crate) fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

/// Seasons: (TIMEX3 code, first month of the season).
pub(crate) fn season(w: &str) -> Option<(&'static str, u32)> {
    Some(match w {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "autumn" | "fall" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => return None,
    })
}

/// Parts of the day: TIMEX3 code.
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        "midday" => "MI",
        _ => return None,
    })
}

/// Time zone abbreviations that may follow a clock time.
pub(crate) fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "utc"
            | "gmt"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "cet"
            | "cest"
            | "bst"
            | "ist"
            | "jst"
            | "eet"
            | "eest"
            | "aest"
            | "et"
            | "pt"
            | "ct"
            | "z"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick filter's word list must cover every word the lexicon recognises.
    #[test]
    fn all_words_cover_the_lexicon() {
        let probe = [
            "jan",
            "sept",
            "thurs",
            "tues",
            "centuries",
            "fortnights",
            "hrs",
            "yrs",
            "mins",
            "twentieth",
            "hundred",
        ];
        for w in probe {
            assert!(ALL_WORDS.contains(&w), "{w}");
        }
        for w in ALL_WORDS {
            let known = unit(w).is_some()
                || month(w).is_some()
                || weekday(w).is_some()
                || number_word(w).is_some()
                || ordinal_word(w).is_some()
                || season(w).is_some();
            assert!(known, "{w}");
        }
    }
}
