//! Holidays and their date rules, read from `data/time/lexicon/holidays.tsv`.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};

/// How a holiday's date follows from its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// The same day every year: Christmas Day.
    Fixed { m: u32, d: u32 },
    /// The `n`th weekday of a month, counted from the end when negative: Thanksgiving.
    Nth { n: i8, wd: Weekday, m: u32 },
    /// Days after Easter Sunday (Gregorian): Good Friday is -2.
    Easter(i64),
    /// The Tuesday after the first Monday of November.
    UsElection,
}

impl Rule {
    /// The holiday's date in year `y`.
    pub(crate) fn date(self, y: i32) -> Option<NaiveDate> {
        match self {
            Rule::Fixed { m, d } => NaiveDate::from_ymd_opt(y, m, d),
            Rule::Nth { n, wd, m } => {
                if n > 0 {
                    NaiveDate::from_weekday_of_month_opt(y, m, wd, n.unsigned_abs())
                } else {
                    let next = if m == 12 {
                        NaiveDate::from_ymd_opt(y + 1, 1, 1)
                    } else {
                        NaiveDate::from_ymd_opt(y, m + 1, 1)
                    }?;
                    let last = next.pred_opt()?;
                    let back = (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                    let d = last - chrono::Duration::days(i64::from(back));
                    d.checked_sub_signed(chrono::Duration::weeks(i64::from(-n - 1)))
                }
            }
            Rule::Easter(off) => easter(y)?.checked_add_signed(chrono::Duration::days(off)),
            Rule::UsElection => {
                let monday = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?;
                monday.succ_opt()
            }
        }
    }

    /// About when in the year the holiday falls (month, day), for choosing its year.
    pub(crate) fn approx(self) -> (u32, u32) {
        match self {
            Rule::Fixed { m, d } => (m, d),
            Rule::Nth { n, m, .. } => (m, if n > 0 { (7 * u32::from(n.unsigned_abs())).min(28) } else { 28 }),
            Rule::Easter(_) => (4, 1),
            Rule::UsElection => (11, 5),
        }
    }
}

/// Easter Sunday of year `y` (Gregorian computus, anonymous algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A holiday of the table.
#[derive(Debug)]
pub(crate) struct Holiday {
    /// Its words, lowercased tokens: `["new", "year", "'", "s", "day"]`.
    pub words: Vec<&'static str>,
    pub rule: Rule,
    /// Whether the words alone are a date (else only with a year after them).
    pub alone: bool,
}

/// The holidays, longest names first, so the first match is the longest.
pub(crate) static HOLIDAYS: LazyLock<Vec<Holiday>> = LazyLock::new(|| {
    let mut all: Vec<Holiday> = include_str!("../../data/time/lexicon/holidays.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| parse_row(l).unwrap_or_else(|| panic!("bad row of holidays.tsv: {l:?}")))
        .collect();
    all.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
    all
});

fn parse_row(row: &'static str) -> Option<Holiday> {
    let mut cols = row.split('\t');
    let words = cols.next()?.split(' ').collect();
    let rule = cols.next()?;
    let alone = match cols.next()? {
        "yes" => true,
        "year" => false,
        _ => return None,
    };
    let parts: Vec<&str> = rule.split(' ').collect();
    let rule = match parts[..] {
        ["us-election"] => Rule::UsElection,
        [e] if e.starts_with("easter") => Rule::Easter(e["easter".len()..].parse().ok()?),
        [md] => {
            let (m, d) = md.split_once('-')?;
            Rule::Fixed { m: m.parse().ok()?, d: d.parse().ok()? }
        }
        [n, wd, m] => Rule::Nth { n: n.parse().ok()?, wd: wd.parse().ok()?, m: m.parse().ok()? },
        _ => return None,
    };
    Some(Holiday { words, rule, alone })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_give_their_days() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert!(HOLIDAYS.len() > 5);
        assert_eq!(Rule::Nth { n: 4, wd: Weekday::Thu, m: 11 }.date(1999), d(1999, 11, 25));
        assert_eq!(Rule::Nth { n: -1, wd: Weekday::Mon, m: 5 }.date(2024), d(2024, 5, 27));
        assert_eq!(Rule::Easter(0).date(2000), d(2000, 4, 23));
        assert_eq!(Rule::Easter(-2).date(2024), d(2024, 3, 29));
        assert_eq!(Rule::UsElection.date(1998), d(1998, 11, 3));
        assert_eq!(Rule::UsElection.date(2022), d(2022, 11, 8));
    }
}
