//! The anchors an expression resolves against (publication date, narrative reference, the
//! last reported quarter) and the calendar arithmetic of resolution: which year an
//! underspecified month or day is in, which weekday is meant, value formats.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dateline_model::{DateRange, Precision};

use super::super::direction::Direction;
use super::super::grammar::{Part, Sem, YearRef};
use super::super::lexicon::Unit;

/// What relative expressions resolve against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    pub dct: Option<NaiveDate>,
    /// The text narrates the past (a history): bare dates follow the last explicit date.
    pub narrative: bool,
    /// The last explicitly dated point of the text, with its precision.
    pub reference: Option<(NaiveDate, Precision)>,
    /// The last dated expression of the text, whatever its precision.
    pub last: Option<(NaiveDate, Precision)>,
    /// The quarter an earnings report is about: the last quarter named ("third-quarter net"),
    /// until a finer date intervenes. "a year earlier" and "the year-ago period" count from it.
    pub quarter: Option<(i32, u32)>,
}

impl Ctx {
    /// The date anaphoric expressions ("the next day", "that year") count from.
    pub(super) fn anchor(&self) -> Option<NaiveDate> {
        self.reference.map(|r| r.0).or(self.dct)
    }

    /// The anchor for an anaphoric expression counting in `unit`: in news, a reference coarser
    /// than the unit ("In 2008 ... the next day") gives way to the publication date.
    pub(super) fn anchor_for(&self, unit: Unit) -> Option<NaiveDate> {
        let need = match unit {
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second | Unit::Weekend => Precision::Day,
            Unit::Week | Unit::Fortnight => Precision::Week,
            Unit::Month => Precision::Month,
            Unit::Quarter => Precision::Quarter,
            Unit::Year => Precision::Year,
            Unit::Decade => Precision::Decade,
            Unit::Century => Precision::Century,
        };
        // "In March, A received an offer. ... The following month, A put itself up for sale":
        // a month counts from the month last named, dated or not.
        if !self.narrative
            && unit == Unit::Month
            && let Some((d, Precision::Month)) = self.last
        {
            return Some(d);
        }
        match self.reference {
            Some((d, p)) if p <= need || self.narrative => Some(d),
            _ => self.dct,
        }
    }

    /// The date deictic expressions ("this year", "next week") count from: the publication
    /// date, or in a narrative the narrative's present.
    pub(super) fn now(&self) -> Option<NaiveDate> {
        if self.narrative { self.anchor() } else { self.dct }
    }

    /// The date bare expressions ("June", "Friday") resolve around.
    pub(super) fn base(&self) -> Option<NaiveDate> {
        if self.narrative { self.anchor() } else { self.dct }
    }
}

pub(crate) fn fmt_year(y: i32) -> String {
    if y <= 0 { format!("BC{:04}", 1 - y) } else { format!("{y:04}") }
}

pub(super) fn fmt_day(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", fmt_year(d.year()), d.month(), d.day())
}

pub(super) fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", fmt_year(w.year()), w.week())
}

pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(u32::try_from(n).ok()?))
    } else {
        d.checked_sub_months(Months::new(u32::try_from(-n).ok()?))
    }
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_days(Days::new(n as u64)) } else { d.checked_sub_days(Days::new((-n) as u64)) }
}

/// How many days a tensed yearless day may stand on the wrong side of the base and keep its year.
pub(super) const LAG_DAYS: i64 = 7;

/// How near (in days) a date ahead must be to win over one a past clause points to.
pub(super) const NEAR_AHEAD_DAYS: i64 = 62;

/// The year of an underspecified month (and day) from the base date and the clause's tense.
pub(super) fn implicit_year(ctx: &Ctx, m: u32, d: Option<u32>, dir: Direction) -> Option<i32> {
    let base = ctx.base()?;
    if ctx.narrative {
        return Some(base.year());
    }
    let key = |y: i32| -> Option<NaiveDate> {
        match d {
            Some(d) => NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, m, 28)),
            None => NaiveDate::from_ymd_opt(y, m, 1),
        }
    };
    let this_month = NaiveDate::from_ymd_opt(base.year(), base.month(), 1)?;
    let pivot = if d.is_some() { base } else { this_month };
    // A day a few days on the wrong side of the base is the release's own lag ("will travel from
    // July 31" in a release of August 1, "met on June 3" dated June 1 by its time zone), not a
    // date a year away.
    let slack = if d.is_some() { chrono::Duration::days(LAG_DAYS) } else { chrono::Duration::zero() };
    let cands = [base.year() - 1, base.year(), base.year() + 1];
    let past = || cands.iter().copied().filter(|&y| key(y).is_some_and(|k| k <= pivot + slack)).max();
    let future = || cands.iter().copied().filter(|&y| key(y).is_some_and(|k| k >= pivot - slack)).min();
    // A date a few weeks ahead beats one most of a year back that a past clause points to: "the
    // offer was extended to Nov. 20", "declared a dividend payable Dec. 5" (read in early
    // November). News names the year of a date that far back. A future clause keeps its way
    // ("will arrive on July 20" read on August 1: next July).
    let near = |y: Option<i32>| {
        y.filter(|&y| key(y).is_some_and(|k| (k - pivot).num_days().abs() <= NEAR_AHEAD_DAYS))
    };
    let back = || near(future()).filter(|_| near(past()).is_none()).or_else(past);
    let pick = match dir {
        Direction::Past => back(),
        // A month without a day in a clause without tense, like a past clause's: this year's
        // month or one of the next two ("In January, the company brought in a new chief" read
        // in October is last January).
        Direction::Unknown if d.is_none() => back(),
        Direction::Future => future(),
        Direction::Unknown => cands.iter().copied().min_by_key(|&y| {
            key(y).map_or(i64::MAX, |k| {
                let diff = (k - pivot).num_days();
                // Ties and near ties go to the past: news reports what happened.
                if diff > 0 { diff * 2 } else { -diff }
            })
        }),
    };
    pick.or(Some(base.year()))
}

/// The year named by a [`YearRef`] for a period starting in month `m`.
pub(super) fn year_of(ctx: &Ctx, y: YearRef, m: u32, d: Option<u32>, dir: Direction) -> Option<i32> {
    match y {
        YearRef::Explicit(y) => Some(y),
        YearRef::Deictic(off) => Some(ctx.now()?.year() + off),
        // "last June", "next spring", "this June": the nearest occurrence that way.
        YearRef::Occurrence(off) => {
            let dct = ctx.now()?;
            let key = |y: i32| NaiveDate::from_ymd_opt(y, m, 1);
            let this_month = NaiveDate::from_ymd_opt(dct.year(), dct.month(), 1)?;
            match off {
                -1 => {
                    [dct.year(), dct.year() - 1].into_iter().find(|&y| key(y).is_some_and(|k| k < this_month))
                }
                1 => {
                    [dct.year(), dct.year() + 1].into_iter().find(|&y| key(y).is_some_and(|k| k > this_month))
                }
                _ => Some(dct.year()),
            }
        }
        YearRef::Anaphoric(off) => Some(ctx.anchor()?.year() + off),
        YearRef::Implicit => implicit_year(ctx, m, d, dir),
    }
}

pub(super) fn weekday_from(
    base: NaiveDate,
    wd: Weekday,
    shift: Option<i32>,
    dir: Direction,
) -> Option<NaiveDate> {
    let from = i64::from(base.weekday().num_days_from_monday());
    let to = i64::from(wd.num_days_from_monday());
    let forward = (to - from).rem_euclid(7);
    let backward = (from - to).rem_euclid(7);
    match shift {
        Some(0) => add_days(base, forward),
        Some(s) if s < 0 => add_days(base, -(if backward == 0 { 7 } else { backward })),
        Some(_) => add_days(base, if forward == 0 { 7 } else { forward }),
        None => match dir {
            Direction::Future => add_days(base, forward),
            Direction::Past | Direction::Unknown => add_days(base, -backward),
        },
    }
}

pub(super) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// The first, middle or last third of a period ("early", "mid-", "late"); `None` for a period
/// of under three days or another part. Events take the whole month or week, or the year's
/// quarters; a narrative's reference time moves to the third.
pub(crate) fn third_of(part: Part, rg: DateRange) -> Option<DateRange> {
    let days = rg.days();
    if days < 3 {
        return None;
    }
    let third = days / 3;
    let (s, e) = match part {
        Part::Start => (0, third - 1),
        Part::Mid => (third, days - third - 1),
        Part::End => (days - third, days - 1),
        _ => return None,
    };
    DateRange::new(add_days(rg.start, s)?, add_days(rg.start, e)?, rg.precision)
}

/// The last quarter that ended before `d`, as (year, quarter).
pub(crate) fn last_completed_quarter(d: NaiveDate) -> Option<(i32, u32)> {
    let q0 = i64::from(d.year()) * 4 + i64::from((d.month() - 1) / 3) - 1;
    Some((i32::try_from(q0.div_euclid(4)).ok()?, q0.rem_euclid(4) as u32 + 1))
}

/// The calendar period of precision `p` around `d`, as a meaning.
pub(super) fn period_of(d: NaiveDate, p: Precision) -> Option<Sem> {
    Some(match p {
        Precision::Day | Precision::Week => Sem::Date(d),
        Precision::Month | Precision::Quarter => Sem::Month { y: YearRef::Explicit(d.year()), m: d.month() },
        Precision::Year => Sem::Year(YearRef::Explicit(d.year())),
        Precision::Decade => Sem::Decade(d.year().div_euclid(10)),
        Precision::Century => Sem::Century(d.year().div_euclid(100)),
    })
}
