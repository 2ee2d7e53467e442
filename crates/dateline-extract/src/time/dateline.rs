//! Date lines and bylines at the top of an article: "WASHINGTON, May 24, 2021 (Reuters) -",
//! "Apr 22, 2024 05:26 AM EDT", "Published: 24 April 2024". Lets ingest date an article whose
//! metadata has no publication date.

use chrono::{Datelike, NaiveDate};

use super::grammar::{Parser, Sem, YearRef};

/// How far into the text a date line may sit.
const HEAD: usize = 600;

/// The date of the article's date line or byline, when its first lines carry a full date.
pub fn dateline_date(text: &str) -> Option<NaiveDate> {
    dateline_date_near(text, None)
}

/// Like [`dateline_date`], and when `around` is given (a crawl or file date), also a date line
/// without a year ("WASHINGTON, May 24 (Reuters) -"): the latest such day not after `around`.
pub fn dateline_date_near(text: &str, around: Option<NaiveDate>) -> Option<NaiveDate> {
    let mut end = HEAD.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let lower = head.to_ascii_lowercase();
    let parser = Parser::new(head, &lower);
    for raw in parser.run() {
        let date = match raw.sem {
            Sem::Date(d) => Some(d),
            Sem::Day { y: YearRef::Explicit(y), m, d } => NaiveDate::from_ymd_opt(y, m, d),
            Sem::Day { y: YearRef::Implicit, m, d } => around.and_then(|a| {
                [a.year(), a.year() - 1]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                    .find(|x| *x <= a)
            }),
            Sem::Clock { day: Some(ref day), .. } => match **day {
                Sem::Date(d) => Some(d),
                Sem::Day { y: YearRef::Explicit(y), m, d } => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            },
            _ => None,
        };
        let Some(date) = date else { continue };
        // A date line: within the first lines, or followed by a clock time, an agency or a dash.
        let line_no = head[..raw.start].matches('\n').filter(|_| true).count();
        let line_start = head[..raw.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = head[raw.end..].find('\n').map_or(head.len(), |i| raw.end + i);
        let line = &head[line_start..line_end];
        let after = head[raw.end..].trim_start();
        let marker = after.starts_with('(')
            || after.starts_with('-')
            || after.starts_with('\u{2013}')
            || after.starts_with('\u{2014}')
            || after.starts_with('|')
            || after.as_bytes().first().is_some_and(u8::is_ascii_digit);
        let nonempty_lines_before = head[..line_start].lines().filter(|l| !l.trim().is_empty()).count();
        if marker || line.trim().len() <= 80 || nonempty_lines_before <= 2 && line_no <= 6 {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn finds_date_lines() {
        assert_eq!(dateline_date("WASHINGTON, May 24, 2021 (Reuters) - The minister met..."), d(2021, 5, 24));
        assert_eq!(dateline_date("Apr 22, 2024 05:26 AM EDT\nBy Jane Doe\nThe talks..."), d(2024, 4, 22));
        assert_eq!(dateline_date("Published: 24 April 2024\n\nText."), d(2024, 4, 24));
        assert_eq!(dateline_date("2023-11-02T10:00:00Z\nHeadline"), d(2023, 11, 2));
        assert_eq!(dateline_date("No date here at all."), None);
        assert_eq!(dateline_date("WASHINGTON, May 24 (Reuters) - Talks..."), None);
        assert_eq!(
            dateline_date_near("WASHINGTON, May 24 (Reuters) - Talks...", d(2021, 6, 1)),
            d(2021, 5, 24)
        );
        assert_eq!(dateline_date_near("PARIS, Dec. 30 (AFP) - Talks...", d(2022, 1, 2)), d(2021, 12, 30));
    }
}
