//! Stage 2a: temporal expressions. Finds dates in text and resolves each against the article's
//! publication date (never a clock) to a TIMEX3 value and a [`DateRange`].
//!
//! First cut: explicit dates ("May 24, 2021", "May 24", "24 May 2021", "2021-05-24"), day ranges
//! ("May 24-27", "from March 4 to 11"), "today"/"yesterday"/"tomorrow" and weekdays.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use dateline_model::{DateRange, Precision, Span};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// One temporal expression in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte offsets into the text.
    pub span: Span,
    pub kind: TimexKind,
    /// The TIMEX3 value: `2024-04-24`, `2023-06`, `P3D`, `PRESENT_REF`...
    pub value: String,
    /// The calendar interval the expression denotes, when it denotes one.
    pub range: Option<DateRange>,
}

/// Which way a bare weekday or month points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    Unknown,
}

const MONTHS: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const WEEKDAYS: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?x)
        (?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)
      | (?:(?P<wd1>{WEEKDAYS}),?\s+)?(?P<m1>{MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?
          (?:\s*(?:-|–|to|through|and)\s*(?:(?P<m1b>{MONTHS})\s+)?(?P<d1b>\d{{1,2}})(?:st|nd|rd|th)?)?
          (?:,?\s+(?P<y1>\d{{4}}))?\b
      | \b(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTHS})(?:,?\s+(?P<y2>\d{{4}}))?\b
      | \b(?P<rel>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening))\b
      | \b(?:(?P<mod>last|next|this)\s+)?(?P<wd>{WEEKDAYS})\b
    "
    );
    Regex::new(&p).expect("the date pattern compiles")
});

/// Tags every temporal expression in `text`. `dct` is the publication date; without it, relative
/// expressions are found but get no range.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    for caps in PATTERN.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let span = Span::new(whole.start(), whole.end());
        let direction = direction_before(&text[..whole.start()], &text[whole.end()..]);
        let range = if let Some(iso) = caps.name("iso") {
            NaiveDate::parse_from_str(iso.as_str(), "%Y-%m-%d").ok().map(DateRange::day)
        } else if let (Some(m), Some(d)) = (caps.name("m1"), caps.name("d1")) {
            let month = month_number(m.as_str());
            let year = caps.name("y1").and_then(|y| y.as_str().parse().ok());
            let end_month = caps.name("m1b").map_or(month, |m| month_number(m.as_str()));
            let end_day = caps.name("d1b").and_then(|d| d.as_str().parse().ok());
            month.and_then(|mo| {
                let day: u32 = d.as_str().parse().ok()?;
                let start = resolve_month_day(year, mo, day, dct, direction)?;
                let end = match (end_month, end_day) {
                    (Some(em), Some(ed)) => {
                        let y = if em < mo { start.year() + 1 } else { start.year() };
                        NaiveDate::from_ymd_opt(y, em, ed)?
                    }
                    _ => start,
                };
                DateRange::new(start, end, Precision::Day)
            })
        } else if let (Some(d), Some(m)) = (caps.name("d2"), caps.name("m2")) {
            let year = caps.name("y2").and_then(|y| y.as_str().parse().ok());
            month_number(m.as_str()).and_then(|mo| {
                let day: u32 = d.as_str().parse().ok()?;
                resolve_month_day(year, mo, day, dct, direction).map(DateRange::day)
            })
        } else if let Some(rel) = caps.name("rel") {
            let word = rel.as_str().to_ascii_lowercase();
            dct.and_then(|d| {
                let day = match word.as_str() {
                    "yesterday" => d.pred_opt()?,
                    "tomorrow" => d.succ_opt()?,
                    _ => d,
                };
                Some(DateRange::day(day))
            })
        } else if let Some(wd) = caps.name("wd") {
            let modifier = caps.name("mod").map(|m| m.as_str().to_ascii_lowercase());
            let dir = match modifier.as_deref() {
                Some("last") => Direction::Past,
                Some("next") => Direction::Future,
                _ => direction,
            };
            dct.zip(weekday(wd.as_str())).map(|(d, w)| DateRange::day(resolve_weekday(d, w, dir)))
        } else {
            None
        };
        let Some(range) = range else { continue };
        let value = if range.start == range.end {
            range.start.format("%Y-%m-%d").to_string()
        } else {
            format!("P{}D", range.days())
        };
        out.push(TimeExpr { span, kind: TimexKind::Date, value, range: Some(range) });
    }
    out
}

/// Tense of the clause around an expression: "will", "plans to", "next" point forward.
fn direction_before(before: &str, after: &str) -> Direction {
    let window_start = before.len().saturating_sub(120);
    let window_start = (window_start..=before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(0);
    let clause =
        format!(" {}", before[window_start..].rsplit(['.', ';']).next().unwrap_or("").to_ascii_lowercase());
    let after_clause = after.split(['.', ';']).next().unwrap_or("").to_ascii_lowercase();
    let future_words = [
        " will ",
        " to travel",
        " plans ",
        " planned ",
        " scheduled ",
        " expected ",
        " upcoming ",
        " next ",
        "'ll ",
    ];
    let past_words =
        [" met ", " held ", " spoke ", " visited ", " traveled ", " travelled ", " was ", " were ", " had "];
    let find_last = |words: &[&str]| words.iter().filter_map(|w| clause.rfind(w)).max();
    match (find_last(&future_words), find_last(&past_words)) {
        (Some(f), Some(p)) if f > p => Direction::Future,
        (Some(_), None) => Direction::Future,
        (_, Some(_)) => Direction::Past,
        (None, None) => {
            if future_words.iter().any(|w| after_clause.contains(w.trim_start())) {
                Direction::Future
            } else {
                Direction::Unknown
            }
        }
    }
}

fn resolve_month_day(
    year: Option<i32>,
    month: u32,
    day: u32,
    dct: Option<NaiveDate>,
    direction: Direction,
) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    let dct = dct?;
    let same_year = NaiveDate::from_ymd_opt(dct.year(), month, day);
    let candidates =
        [dct.year() - 1, dct.year(), dct.year() + 1].map(|y| NaiveDate::from_ymd_opt(y, month, day));
    match direction {
        Direction::Past => candidates.into_iter().flatten().filter(|d| *d <= dct).max(),
        Direction::Future => candidates.into_iter().flatten().filter(|d| *d >= dct).min(),
        // The nearest occurrence: news speaks of dates within a few months of itself.
        Direction::Unknown => {
            candidates.into_iter().flatten().min_by_key(|d| (*d - dct).num_days().abs()).or(same_year)
        }
    }
}

fn resolve_weekday(dct: NaiveDate, w: Weekday, direction: Direction) -> NaiveDate {
    let from = i64::from(dct.weekday().num_days_from_monday());
    let to = i64::from(w.num_days_from_monday());
    let forward = (to - from).rem_euclid(7);
    let backward = (from - to).rem_euclid(7);
    match direction {
        Direction::Future => dct + Days::new(forward as u64),
        // News reports past weekdays most often: "met on Tuesday" in Thursday's paper.
        Direction::Past | Direction::Unknown => dct - Days::new(backward as u64),
    }
}

fn month_number(s: &str) -> Option<u32> {
    let lower = s.to_ascii_lowercase();
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    names.iter().position(|n| lower.starts_with(n)).map(|i| i as u32 + 1)
}

fn weekday(s: &str) -> Option<Weekday> {
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, dct: &str) -> Vec<(String, String)> {
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").expect("valid dct");
        tag(text, Some(dct))
            .into_iter()
            .map(|t| {
                let r = t.range.expect("resolved");
                (t.span.slice(text).to_string(), format!("{}..{}", r.start, r.end))
            })
            .collect()
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            values("on May 24, 2021 in Rome", "2022-01-01"),
            [("May 24, 2021".into(), "2021-05-24..2021-05-24".into())]
        );
        assert_eq!(values("from March 4 to 11", "2022-03-01")[0].1, "2022-03-04..2022-03-11");
        assert_eq!(values("May 24-27", "2022-05-01")[0].1, "2022-05-24..2022-05-27");
    }

    #[test]
    fn relative_days() {
        assert_eq!(values("spoke today", "2021-05-27")[0].1, "2021-05-27..2021-05-27");
        assert_eq!(values("met yesterday", "2021-05-27")[0].1, "2021-05-26..2021-05-26");
        // 2024-04-22 is a Monday.
        assert_eq!(values("will visit on Wednesday", "2024-04-22")[0].1, "2024-04-24..2024-04-24");
        assert_eq!(values("met on Wednesday", "2024-04-22")[0].1, "2024-04-17..2024-04-17");
    }
}
