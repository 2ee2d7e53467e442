//! Publication dates as sources write them. Only explicit dates (with a year) are parsed; the
//! date is the one written, in the publication's own zone (the offset is not applied).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, m) in MONTHS.iter().enumerate() {
        if w == *m || (full[i].starts_with(w) && w.len() >= 3) || (w == "sept" && i == 8) {
            return Some(i as u32 + 1);
        }
    }
    None
}

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)").expect("regex"));
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:T|$)").expect("regex"));
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").expect("regex")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b")
        .expect("regex")
});

/// Parses a publication date written in any common way: ISO 8601 / RFC 3339
/// ("2021-05-20T21:10:41-04:00" → 2021-05-20), RFC 2822 ("Thu, 20 May 2021 21:10:41 -0400"),
/// "May 20, 2021", "Apr 22, 2024 05:26 AM EDT", "20 May 2021", "2021/05/20", "20210520".
/// Returns `None` when no full date (with a year) is written.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Some(c) = COMPACT.captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    let mdy = MDY.captures(s).and_then(|c| {
        let m = month(&c[1])?;
        NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[2].parse().ok()?)
            .map(|d| (c.get(0).map_or(0, |m| m.start()), d))
    });
    let dmy = DMY.captures(s).and_then(|c| {
        let m = month(&c[2])?;
        NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[1].parse().ok()?)
            .map(|d| (c.get(0).map_or(0, |m| m.start()), d))
    });
    match (mdy, dmy) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    if !(1800..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

/// Whether a whole line is a date line ("Apr 22, 2024 05:26 AM EDT", "Published: May 20, 2021"):
/// a full date and little else.
pub(crate) fn date_line(line: &str) -> Option<NaiveDate> {
    let l = line.trim();
    if l.is_empty() || l.chars().count() > 80 {
        return None;
    }
    let d = parse_date(l)?;
    // Few words besides the date itself: labels, weekdays, times, zones.
    let words = l.split_whitespace().filter(|w| w.chars().any(|c| c.is_alphabetic())).count();
    (words <= 6).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn formats() {
        assert_eq!(parse_date("2021-05-20T21:10:41-04:00"), d(2021, 5, 20));
        assert_eq!(parse_date("2021-05-20"), d(2021, 5, 20));
        assert_eq!(parse_date("Thu, 20 May 2021 21:10:41 -0400"), d(2021, 5, 20));
        assert_eq!(parse_date("Apr 22, 2024 05:26 AM EDT"), d(2024, 4, 22));
        assert_eq!(parse_date("September 3rd, 2023"), d(2023, 9, 3));
        assert_eq!(parse_date("Sept. 3, 2023"), d(2023, 9, 3));
        assert_eq!(parse_date("3 March 2022"), d(2022, 3, 3));
        assert_eq!(parse_date("20210520T101010Z"), d(2021, 5, 20));
        assert_eq!(parse_date("May 24"), None);
        assert_eq!(parse_date("2021-02-30"), None);
        assert_eq!(parse_date("nothing"), None);
    }

    #[test]
    fn date_lines() {
        assert_eq!(date_line("Apr 22, 2024 05:26 AM EDT"), d(2024, 4, 22));
        assert_eq!(date_line("Published: Monday, May 20, 2021"), d(2021, 5, 20));
        assert_eq!(
            date_line(
                "The minister said on May 20, 2021 that talks in Geneva would resume after a long pause."
            ),
            None
        );
    }
}
