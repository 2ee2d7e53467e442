//! The time axis: dates to x, and ticks at several scales (years → months → days).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::text::text_width;

/// Maps inclusive day intervals onto `[x0, x0 + width]`: day `d` covers `[x(d), x(d + 1))`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimeScale {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub x0: f32,
    pub width: f32,
    /// `from` as a day number, and pixels per day.
    day0: i64,
    px_per_day: f64,
}

pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

pub fn from_day_number(n: i64) -> NaiveDate {
    i32::try_from(n).ok().and_then(NaiveDate::from_num_days_from_ce_opt).unwrap_or(NaiveDate::MAX)
}

impl TimeScale {
    pub fn new(from: NaiveDate, to: NaiveDate, x0: f32, width: f32) -> Self {
        let day0 = day_number(from);
        let days = (day_number(to) - day0 + 1).max(1);
        Self { from, to, x0, width, day0, px_per_day: f64::from(width) / days as f64 }
    }

    pub fn days(&self) -> i64 {
        day_number(self.to) - self.day0 + 1
    }

    pub fn px_per_day(&self) -> f64 {
        self.px_per_day
    }

    /// The x of the start of day number `n` (fractional days allowed).
    pub fn x_day(&self, n: f64) -> f32 {
        (f64::from(self.x0) + (n - self.day0 as f64) * self.px_per_day) as f32
    }

    /// The x of the start of `d`.
    pub fn x(&self, d: NaiveDate) -> f32 {
        self.x_day(day_number(d) as f64)
    }

    /// The x where the inclusive range `[start, end]` begins and ends, clipped to the window.
    pub fn extent(&self, start: NaiveDate, end: NaiveDate) -> (f32, f32) {
        let s = start.max(self.from);
        let e = end.min(self.to);
        (self.x(s), self.x_day(day_number(e) as f64 + 1.0))
    }

    pub fn right(&self) -> f32 {
        self.x0 + self.width
    }
}

/// Which row of the axis a tick belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Major,
    Minor,
}

/// Where a tick's label sits against its line: starting at it, or centred on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TickAnchor {
    Start,
    Middle,
}

/// A tick: a grid line at `x` and, when it fits, a label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub tier: Tier,
    pub date: NaiveDate,
    pub x: f32,
    /// `None` when the label did not fit.
    pub label: Option<String>,
    pub label_x: f32,
    pub anchor: TickAnchor,
}

/// A tick unit: every `step` days, months or years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day(u32),
    Week,
    Month(u32),
    Year(u32),
}

const CANDIDATES: [Unit; 16] = [
    Unit::Day(1),
    Unit::Day(2),
    Unit::Week,
    Unit::Month(1),
    Unit::Month(3),
    Unit::Month(6),
    Unit::Year(1),
    Unit::Year(2),
    Unit::Year(5),
    Unit::Year(10),
    Unit::Year(20),
    Unit::Year(50),
    Unit::Year(100),
    Unit::Year(200),
    Unit::Year(500),
    Unit::Year(1000),
];

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Unit {
    /// Average length in days.
    fn days(self) -> f64 {
        match self {
            Unit::Day(n) => f64::from(n),
            Unit::Week => 7.0,
            Unit::Month(n) => 30.44 * f64::from(n),
            Unit::Year(n) => 365.25 * f64::from(n),
        }
    }

    /// The least spacing in px at which this unit's labels stay readable.
    fn min_px(self) -> f64 {
        match self {
            Unit::Day(_) | Unit::Week => 24.0,
            Unit::Month(3) => 28.0,
            Unit::Month(_) => 32.0,
            Unit::Year(_) => 42.0,
        }
    }

    /// The coarser unit that labels above this one.
    fn major(self) -> Unit {
        match self {
            Unit::Day(_) | Unit::Week => Unit::Month(1),
            Unit::Month(_) => Unit::Year(1),
            Unit::Year(n) if n < 10 => Unit::Year(10),
            Unit::Year(n) if n < 100 => Unit::Year(100),
            Unit::Year(_) => Unit::Year(1000),
        }
    }

    /// The first tick at or before `d`.
    fn floor(self, d: NaiveDate) -> NaiveDate {
        match self {
            Unit::Day(n) => {
                let k = day_number(d);
                from_day_number(k - k.rem_euclid(i64::from(n)))
            }
            Unit::Week => {
                let back = i64::from(d.weekday().num_days_from_monday());
                from_day_number(day_number(d) - back)
            }
            Unit::Month(n) => {
                let m0 = d.month0() - d.month0() % n;
                NaiveDate::from_ymd_opt(d.year(), m0 + 1, 1).unwrap_or(d)
            }
            Unit::Year(n) => {
                let y = d.year() - d.year().rem_euclid(n as i32);
                NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(d)
            }
        }
    }

    fn next(self, d: NaiveDate) -> Option<NaiveDate> {
        match self {
            Unit::Day(n) => d.checked_add_days(chrono::Days::new(u64::from(n))),
            Unit::Week => d.checked_add_days(chrono::Days::new(7)),
            Unit::Month(n) => d.checked_add_months(chrono::Months::new(n)),
            Unit::Year(n) => d.checked_add_months(chrono::Months::new(12 * n)),
        }
    }

    /// Labels for a tick of this unit: longest first; the painter takes the first that fits.
    fn labels(self, d: NaiveDate, tier: Tier) -> Vec<String> {
        match (self, tier) {
            (Unit::Day(_) | Unit::Week, _) => vec![d.day().to_string()],
            (Unit::Month(1), Tier::Major) => vec![
                format!("{} {}", MONTHS_LONG[d.month0() as usize], d.year()),
                format!("{} {}", MONTHS[d.month0() as usize], d.year()),
            ],
            (Unit::Month(3), Tier::Minor) => vec![format!("Q{}", d.month0() / 3 + 1)],
            (Unit::Month(_), _) => vec![MONTHS[d.month0() as usize].to_string()],
            (Unit::Year(n), Tier::Major) if n >= 10 => vec![format!("{}s", d.year())],
            (Unit::Year(_), _) => vec![d.year().to_string()],
        }
    }

    /// Labels sit in the middle of single-unit intervals ("Jun" inside June) and after the
    /// tick for multiples.
    fn centred(self) -> bool {
        matches!(self, Unit::Day(1) | Unit::Month(1) | Unit::Month(3) | Unit::Year(1))
    }
}

/// Chooses the finest readable unit and lays out both tiers of ticks.
pub fn ticks(scale: &TimeScale, minor_size: f32, major_size: f32) -> Vec<Tick> {
    let ppd = scale.px_per_day();
    let minor = CANDIDATES.iter().copied().find(|u| u.days() * ppd >= u.min_px()).unwrap_or(Unit::Year(1000));
    let major = minor.major();
    let mut out = tier_ticks(scale, minor, Tier::Minor, minor_size);
    out.extend(tier_ticks(scale, major, Tier::Major, major_size));
    out
}

fn tier_ticks(scale: &TimeScale, unit: Unit, tier: Tier, size: f32) -> Vec<Tick> {
    let mut dates = Vec::new();
    let mut d = unit.floor(scale.from);
    let end = scale.to;
    loop {
        dates.push(d);
        match unit.next(d) {
            Some(n) if n <= end => d = n,
            _ => break,
        }
        if dates.len() > 10_000 {
            break;
        }
    }
    let mut out = Vec::with_capacity(dates.len());
    for (i, &d) in dates.iter().enumerate() {
        let x = scale.x(d).max(scale.x0);
        let next_x = dates.get(i + 1).map_or(scale.right(), |&n| scale.x(n)).min(scale.right());
        let room = next_x - x;
        let inside = d >= scale.from;
        let centred = unit.centred() && inside;
        let mut label = None;
        let mut label_x = x + 4.0;
        let mut anchor = TickAnchor::Start;
        for text in unit.labels(d, tier) {
            let w = text_width(&text, size, tier == Tier::Major);
            if centred && w + 6.0 <= room {
                label_x = x + room / 2.0;
                anchor = TickAnchor::Middle;
                label = Some(text);
                break;
            }
            if !centred && w + 10.0 <= room {
                label = Some(text);
                break;
            }
        }
        // A major interval cut by the window's left edge still gets its label at the edge.
        if !inside && tier == Tier::Minor && room < 8.0 {
            continue;
        }
        out.push(Tick { tier, date: d, x, label, label_x, anchor });
    }
    // The first tick before the window only serves to label the cut interval.
    if let Some(first) = out.first_mut()
        && first.date < scale.from
        && first.label.is_none()
    {
        out.remove(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    #[test]
    fn scale_maps_days() {
        let s = TimeScale::new(d(2024, 1, 1), d(2024, 1, 10), 100.0, 100.0);
        assert_eq!(s.days(), 10);
        assert!((s.x(d(2024, 1, 1)) - 100.0).abs() < 1e-3);
        assert!((s.x(d(2024, 1, 6)) - 150.0).abs() < 1e-3);
        let (a, b) = s.extent(d(2024, 1, 10), d(2024, 1, 10));
        assert!((a - 190.0).abs() < 1e-3 && (b - 200.0).abs() < 1e-3);
    }

    #[test]
    fn multi_scale_ticks() {
        // Two years over 1400 px: months minor, years major.
        let s = TimeScale::new(d(2023, 1, 1), d(2024, 12, 31), 0.0, 1400.0);
        let t = ticks(&s, 10.5, 12.0);
        let majors: Vec<_> = t.iter().filter(|t| t.tier == Tier::Major).collect();
        assert_eq!(majors.len(), 2);
        assert_eq!(majors[0].label.as_deref(), Some("2023"));
        assert!(t.iter().any(|t| t.label.as_deref() == Some("Jun")));
        // Three weeks: days minor, months major.
        let s = TimeScale::new(d(2024, 5, 20), d(2024, 6, 9), 0.0, 1400.0);
        let t = ticks(&s, 10.5, 12.0);
        assert!(t.iter().any(|t| t.tier == Tier::Major && t.label.as_deref() == Some("June 2024")));
        assert!(t.iter().any(|t| t.tier == Tier::Major && t.label.as_deref() == Some("May 2024")));
        assert!(t.iter().any(|t| t.tier == Tier::Minor && t.label.as_deref() == Some("25")));
        // Sixty years: decades above years.
        let s = TimeScale::new(d(1960, 1, 1), d(2019, 12, 31), 0.0, 1400.0);
        let t = ticks(&s, 10.5, 12.0);
        assert!(t.iter().any(|t| t.tier == Tier::Major && t.label.as_deref() == Some("1980s")));
    }
}
