use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// How exactly the text pins an interval: "June 2023" is a month, not June 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Precision {
    pub const fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "day" => Precision::Day,
            "week" => Precision::Week,
            "month" => Precision::Month,
            "quarter" => Precision::Quarter,
            "year" => Precision::Year,
            "decade" => Precision::Decade,
            "century" => Precision::Century,
            _ => return None,
        })
    }
}

/// An inclusive interval of days with the precision the text gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

impl DateRange {
    /// A range; `None` when `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate, precision: Precision) -> Option<Self> {
        (start <= end).then_some(Self { start, end, precision })
    }

    pub fn day(d: NaiveDate) -> Self {
        Self { start: d, end: d, precision: Precision::Day }
    }

    /// The whole calendar month of `year`-`month`.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let end = last_day_of_month(year, month)?;
        Some(Self { start, end, precision: Precision::Month })
    }

    /// The whole calendar year.
    pub fn year(year: i32) -> Option<Self> {
        Some(Self {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            precision: Precision::Year,
        })
    }

    /// The ISO week (Monday to Sunday) containing `d`.
    pub fn week_of(d: NaiveDate) -> Self {
        let monday = d - Days::new(u64::from(d.weekday().num_days_from_monday()));
        Self { start: monday, end: monday + Days::new(6), precision: Precision::Week }
    }

    /// Quarter `q` (1–4) of `year`.
    pub fn quarter(year: i32, q: u32) -> Option<Self> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let first = (q - 1) * 3 + 1;
        Some(Self {
            start: NaiveDate::from_ymd_opt(year, first, 1)?,
            end: last_day_of_month(year, first + 2)?,
            precision: Precision::Quarter,
        })
    }

    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    pub fn contains(&self, other: &DateRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The last day of a month, `None` for an invalid month.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn months_and_quarters() {
        let feb = DateRange::month(2024, 2).expect("valid");
        assert_eq!((feb.start, feb.end), (d(2024, 2, 1), d(2024, 2, 29)));
        let dec = DateRange::month(2023, 12).expect("valid");
        assert_eq!(dec.end, d(2023, 12, 31));
        let q3 = DateRange::quarter(2022, 3).expect("valid");
        assert_eq!((q3.start, q3.end), (d(2022, 7, 1), d(2022, 9, 30)));
        assert!(DateRange::quarter(2022, 5).is_none());
        assert!(DateRange::month(2022, 13).is_none());
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        // 2024-04-22 is a Monday; 2024-04-28 a Sunday.
        let w = DateRange::week_of(d(2024, 4, 24));
        assert_eq!((w.start, w.end), (d(2024, 4, 22), d(2024, 4, 28)));
        assert_eq!(DateRange::week_of(d(2024, 4, 28)), w);
        assert_eq!(w.days(), 7);
    }

    #[test]
    fn ranges_are_ordered() {
        assert!(DateRange::new(d(2024, 1, 2), d(2024, 1, 1), Precision::Day).is_none());
        let a = DateRange::new(d(2024, 1, 1), d(2024, 1, 5), Precision::Day).expect("valid");
        let b = DateRange::day(d(2024, 1, 5));
        assert!(a.overlaps(&b) && a.contains(&b) && !b.contains(&a));
    }

    #[test]
    fn precision_round_trips() {
        for p in [
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Quarter,
            Precision::Year,
            Precision::Decade,
            Precision::Century,
        ] {
            assert_eq!(Precision::parse(p.as_str()), Some(p));
        }
    }
}
