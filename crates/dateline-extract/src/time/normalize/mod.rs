//! Resolution: a [`Sem`] and its anchors (publication date, narrative reference date, direction)
//! to a TIMEX3 value and a [`DateRange`].

use chrono::{Datelike, NaiveDate};
use dateline_model::{DateRange, Precision};

use super::TimexKind;
use super::direction::Direction;
use super::grammar::{Part, Sem, YearRef};
use super::lexicon::Unit;

mod anchors;

pub(crate) use anchors::Ctx;
pub(crate) use anchors::fmt_year;
use anchors::{add_days, add_months, fmt_day, fmt_week, last_day_of_month, period_of, weekday_from, year_of};
pub(crate) use anchors::{last_completed_quarter, third_of};

/// A resolved expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub kind: TimexKind,
    pub value: String,
    pub range: Option<DateRange>,
    /// "early June", "late 2021": the third of the period the words narrow to, where `range`
    /// is wider (the month, the year's quarter).
    pub third: Option<DateRange>,
}

fn r(kind: TimexKind, value: String, range: Option<DateRange>) -> Resolved {
    Resolved { kind, value, range, third: None }
}

/// Whether resolving `sem` needs the clause's direction (a costly look at the context).
pub(crate) fn needs_direction(sem: &Sem) -> bool {
    match sem {
        Sem::Day { y: YearRef::Implicit, .. }
        | Sem::Month { y: YearRef::Implicit, .. }
        | Sem::Season { y: YearRef::Implicit, .. }
        | Sem::Quarter { y: YearRef::Implicit, .. }
        | Sem::Weekday { shift: None, .. }
        | Sem::DayOfMonth(_)
        | Sem::RelUnit { unit: Unit::Weekend, .. }
        | Sem::Holiday { y: YearRef::Implicit, .. }
        | Sem::YearEnd { .. } => true,
        Sem::Fuzzy { inner, .. } => needs_direction(inner),
        Sem::PartOfDay { day, .. } => needs_direction(day),
        Sem::DayRange { a, .. } => needs_direction(a),
        Sem::Clock { day: Some(d), .. } => needs_direction(d),
        Sem::DayFrom { day, .. } | Sem::WeekOf(day) => needs_direction(day),
        _ => false,
    }
}

/// Resolves `sem`; `dir` is the clause's direction (Unknown when not computed).
pub(crate) fn resolve(sem: &Sem, ctx: &Ctx, dir: Direction) -> Option<Resolved> {
    use TimexKind as K;
    Some(match sem {
        Sem::Date(d) => r(K::Date, fmt_day(*d), Some(DateRange::day(*d))),
        Sem::Day { y, m, d } => match year_of(ctx, *y, *m, Some(*d), dir) {
            Some(y) => {
                let date = NaiveDate::from_ymd_opt(y, *m, *d)?;
                r(K::Date, fmt_day(date), Some(DateRange::day(date)))
            }
            None => r(K::Date, format!("XXXX-{m:02}-{d:02}"), None),
        },
        Sem::Month { y, m } => match year_of(ctx, *y, *m, None, dir) {
            Some(y) => r(K::Date, format!("{}-{m:02}", fmt_year(y)), DateRange::month(y, *m)),
            None => r(K::Date, format!("XXXX-{m:02}"), None),
        },
        Sem::Year(y) => match year_of(ctx, *y, 1, None, dir) {
            Some(y) => r(K::Date, fmt_year(y), DateRange::year(y)),
            None => r(K::Date, "XXXX".into(), None),
        },
        Sem::Decade(d) => {
            let range = DateRange::new(
                NaiveDate::from_ymd_opt(d * 10, 1, 1)?,
                NaiveDate::from_ymd_opt(d * 10 + 9, 12, 31)?,
                Precision::Decade,
            );
            r(K::Date, format!("{d:03}"), range)
        }
        Sem::Century(c) => {
            let range = DateRange::new(
                NaiveDate::from_ymd_opt(c * 100, 1, 1)?,
                NaiveDate::from_ymd_opt(c * 100 + 99, 12, 31)?,
                Precision::Century,
            );
            r(K::Date, format!("{c:02}"), range)
        }
        Sem::Season { y, code, first } => {
            // A winter is named by the year of its January: 2024-WI runs December 2023 to
            // February 2024.
            let winter = *code == "WI";
            // "last spring" said in May is the spring before this one: the last season over by
            // now, judged by its last month.
            let key = match (*y, winter) {
                (YearRef::Occurrence(-1), true) => 2,
                (YearRef::Occurrence(-1), false) => *first + 2,
                (_, true) => 1,
                (_, false) => *first,
            };
            let mut year = year_of(ctx, *y, key, None, dir);
            if winter
                && ctx.narrative
                && *y == YearRef::Implicit
                && let (Some(yy), Some(a)) = (year, ctx.anchor())
                && a.month() >= 6
            {
                year = Some(yy + 1);
            }
            match year {
                Some(y) => {
                    let start = if winter {
                        NaiveDate::from_ymd_opt(y - 1, 12, 1)?
                    } else {
                        NaiveDate::from_ymd_opt(y, *first, 1)?
                    };
                    let end = add_days(add_months(start, 3)?, -1)?;
                    r(
                        K::Date,
                        format!("{}-{code}", fmt_year(y)),
                        DateRange::new(start, end, Precision::Quarter),
                    )
                }
                None => r(K::Date, format!("XXXX-{code}"), None),
            }
        }
        Sem::Quarter { y, q, fiscal } => {
            let first = (q - 1) * 3 + 1;
            let y = match y {
                YearRef::Implicit => {
                    // "the fourth quarter" in a past-tense clause: the last one that has begun.
                    let base = ctx.base()?;
                    let cur = (base.month() - 1) / 3 + 1;
                    match (dir, ctx.narrative) {
                        (_, true) => base.year(),
                        // "plans to restructure after a third-quarter loss" read in October: the
                        // quarter just reported, not next year's.
                        (Direction::Future, _) => {
                            if *q + 1 >= cur {
                                base.year()
                            } else {
                                base.year() + 1
                            }
                        }
                        _ => {
                            if *q <= cur {
                                base.year()
                            } else {
                                base.year() - 1
                            }
                        }
                    }
                }
                other => year_of(ctx, *other, first, None, dir)?,
            };
            // TIMEX3 news writes a fiscal quarter as the quarter of its year ("the fiscal first
            // quarter": 1989-Q1); the flag is kept for the range's sake only.
            let _ = fiscal;
            r(K::Date, format!("{}-Q{q}", fmt_year(y)), DateRange::quarter(y, *q))
        }
        Sem::Weekday { wd, shift } => {
            let base = if shift.is_some() { ctx.now() } else { ctx.base() };
            match base {
                Some(base) => {
                    let dir =
                        if ctx.narrative && dir == Direction::Unknown { Direction::Future } else { dir };
                    let d = weekday_from(base, *wd, *shift, dir)?;
                    r(K::Date, fmt_day(d), Some(DateRange::day(d)))
                }
                None => {
                    r(K::Date, "XXXX-WXX-".to_string() + &(wd.num_days_from_monday() + 1).to_string(), None)
                }
            }
        }
        Sem::WeekdayFrom { wd, off } => match ctx.anchor_for(Unit::Day) {
            Some(base) => {
                let d = weekday_from(base, *wd, Some(*off), dir)?;
                r(K::Date, fmt_day(d), Some(DateRange::day(d)))
            }
            None => r(K::Date, "XXXX-WXX-".to_string() + &(wd.num_days_from_monday() + 1).to_string(), None),
        },
        Sem::DayFrom { days, day } => match resolve(day, ctx, dir)?.range {
            Some(rg) => {
                let d = add_days(rg.start, *days)?;
                r(K::Date, fmt_day(d), Some(DateRange::day(d)))
            }
            None => r(K::Date, "XXXX-XX-XX".into(), None),
        },
        Sem::WeekOf(day) => match resolve(day, ctx, dir)?.range {
            Some(rg) => r(K::Date, fmt_week(rg.start), Some(DateRange::week_of(rg.start))),
            None => r(K::Date, "XXXX-WXX".into(), None),
        },
        Sem::RelDay(off) => {
            if ctx.narrative && *off == 0 {
                return Some(r(K::Date, "PRESENT_REF".into(), ctx.dct.map(DateRange::day)));
            }
            match ctx.now() {
                Some(d) => {
                    let d = add_days(d, *off)?;
                    r(K::Date, fmt_day(d), Some(DateRange::day(d)))
                }
                None => r(K::Date, if *off == 0 { "PRESENT_REF".into() } else { "XXXX-XX-XX".into() }, None),
            }
        }
        Sem::SameDay => match ctx.anchor() {
            Some(d) => match ctx.reference {
                Some((_, p)) if p != Precision::Day && !ctx.narrative => match ctx.dct {
                    Some(d) => r(K::Date, fmt_day(d), Some(DateRange::day(d))),
                    None => r(K::Date, "XXXX-XX-XX".into(), None),
                },
                Some((rd, p)) if p != Precision::Day => {
                    // "that time" after a month or year: the same period.
                    return resolve(&period_of(rd, p)?, ctx, dir);
                }
                _ => r(K::Date, fmt_day(d), Some(DateRange::day(d))),
            },
            None => r(K::Date, "XXXX-XX-XX".into(), None),
        },
        Sem::RelUnit { unit, off, anaphoric } => {
            let base = if *anaphoric { ctx.anchor_for(*unit) } else { ctx.now() };
            let Some(base) = base else {
                return Some(r(K::Date, "XXXX-XX-XX".into(), None));
            };
            let off = i64::from(*off);
            match unit {
                Unit::Day => {
                    let d = add_days(base, off)?;
                    r(K::Date, fmt_day(d), Some(DateRange::day(d)))
                }
                Unit::Week | Unit::Fortnight => {
                    let d = add_days(base, 7 * off)?;
                    r(K::Date, fmt_week(d), Some(DateRange::week_of(d)))
                }
                Unit::Weekend => {
                    let mut d = add_days(base, 7 * off)?;
                    // "the weekend" read in the first half of a week, in the past tense, is the last one.
                    if off == 0
                        && !*anaphoric
                        && d.weekday().num_days_from_monday() <= 2
                        && dir != Direction::Future
                    {
                        d = add_days(d, -7)?;
                    }
                    let w = DateRange::week_of(d);
                    let sat = add_days(w.start, 5)?;
                    r(K::Date, format!("{}-WE", fmt_week(d)), DateRange::new(sat, w.end, Precision::Day))
                }
                Unit::Month => {
                    let first = NaiveDate::from_ymd_opt(base.year(), base.month(), 1)?;
                    let d = add_months(first, off)?;
                    r(
                        K::Date,
                        format!("{}-{:02}", fmt_year(d.year()), d.month()),
                        DateRange::month(d.year(), d.month()),
                    )
                }
                Unit::Quarter => {
                    let q0 = i64::from(base.year()) * 4 + i64::from((base.month() - 1) / 3) + off;
                    let (y, q) = (q0.div_euclid(4) as i32, q0.rem_euclid(4) as u32 + 1);
                    r(K::Date, format!("{}-Q{q}", fmt_year(y)), DateRange::quarter(y, q))
                }
                Unit::Year => {
                    let y = base.year() + off as i32;
                    r(K::Date, fmt_year(y), DateRange::year(y))
                }
                Unit::Decade => {
                    let d = base.year().div_euclid(10) + off as i32;
                    return resolve(&Sem::Decade(d), ctx, dir);
                }
                Unit::Century => {
                    let c = base.year().div_euclid(100) + off as i32;
                    return resolve(&Sem::Century(c), ctx, dir);
                }
                Unit::Hour | Unit::Minute | Unit::Second => r(K::Time, "PRESENT_REF".into(), None),
            }
        }
        Sem::Shift { n, unit, anaphoric } => {
            if *n == i64::MIN || *n == i64::MAX || *n == -i64::MAX {
                let v = if *n > 0 { "FUTURE_REF" } else { "PAST_REF" };
                return Some(r(K::Date, v.into(), None));
            }
            // "net rose to $5 million from $4 million a year earlier" in a report on a quarter.
            if *n == -1
                && *unit == Unit::Year
                && !ctx.narrative
                && let Some((y, q)) = ctx.quarter
            {
                return resolve(&Sem::Quarter { y: YearRef::Explicit(y - 1), q, fiscal: false }, ctx, dir);
            }
            let base = if *anaphoric { ctx.anchor_for(*unit) } else { ctx.now() };
            let Some(base) = base else {
                return Some(r(K::Date, if *n < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(), None));
            };
            match unit {
                Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
                    let d = if *unit == Unit::Day { add_days(base, *n)? } else { base };
                    r(K::Date, fmt_day(d), Some(DateRange::day(d)))
                }
                Unit::Week | Unit::Fortnight | Unit::Weekend => {
                    let k = if *unit == Unit::Fortnight { 14 } else { 7 };
                    let d = add_days(base, k * n)?;
                    r(K::Date, fmt_week(d), Some(DateRange::week_of(d)))
                }
                Unit::Month | Unit::Quarter => {
                    let k = if *unit == Unit::Quarter { 3 } else { 1 };
                    let d = add_months(NaiveDate::from_ymd_opt(base.year(), base.month(), 1)?, k * n)?;
                    r(
                        K::Date,
                        format!("{}-{:02}", fmt_year(d.year()), d.month()),
                        DateRange::month(d.year(), d.month()),
                    )
                }
                Unit::Year | Unit::Decade | Unit::Century => {
                    let k = match unit {
                        Unit::Decade => 10,
                        Unit::Century => 100,
                        _ => 1,
                    };
                    let y = base.year() + (k * n) as i32;
                    r(K::Date, fmt_year(y), DateRange::year(y))
                }
            }
        }
        Sem::Ref(v) => r(K::Date, (*v).into(), None),
        Sem::Holiday { rule, y } => {
            let (m, d) = rule.approx();
            match year_of(ctx, *y, m, Some(d), dir) {
                Some(y) => {
                    let date = rule.date(y)?;
                    r(K::Date, fmt_day(date), Some(DateRange::day(date)))
                }
                None => r(K::Date, "XXXX-XX-XX".into(), None),
            }
        }
        Sem::YearEnd { day } => match ctx.now() {
            Some(now) => {
                let y = if dir == Direction::Past { now.year() - 1 } else { now.year() };
                let d = NaiveDate::from_ymd_opt(y, 12, 31)?;
                let value = if *day { fmt_day(d) } else { y.to_string() };
                r(K::Date, value, Some(DateRange::day(d)))
            }
            None => r(K::Date, "XXXX-12-31".into(), None),
        },
        Sem::ReportPeriod { back, year } => {
            // "the quarter", "the latest period", "the year-ago quarter", "the 1988 period".
            let reported = ctx.quarter.or_else(|| {
                // No quarter named yet: "the (latest) quarter" of a report is the last one completed.
                (*back == 0 && *year == YearRef::Implicit).then(|| last_completed_quarter(ctx.dct?)).flatten()
            });
            let y = match year {
                YearRef::Explicit(y) => Some(*y),
                _ => reported.map(|(y, _)| y).or_else(|| ctx.dct.map(|d| d.year())).map(|y| y - back),
            };
            let Some(y) = y else { return Some(r(K::Date, "XXXX".into(), None)) };
            return match reported {
                Some((_, q)) => {
                    resolve(&Sem::Quarter { y: YearRef::Explicit(y), q, fiscal: false }, ctx, dir)
                }
                None => resolve(&Sem::Year(YearRef::Explicit(y)), ctx, dir),
            };
        }
        // "the past year" in news (TIMEX3) is the calendar year before; histories (TIMEX2) keep
        // the span.
        Sem::Duration { n: Some(n), unit: Unit::Year, anchor: -1 } if *n == 1.0 && !ctx.narrative => {
            return resolve(&Sem::RelUnit { unit: Unit::Year, off: -1, anaphoric: false }, ctx, dir);
        }
        Sem::Duration { n, unit, anchor } => {
            let (letter, mult, time) = unit.duration_parts();
            let t = if time { "T" } else { "" };
            let value = match n {
                Some(v) => {
                    let v = v * mult;
                    // "a minute and a half", "5 1/2 hours": a clock unit's half is told in the
                    // next smaller one (PT1M30S, PT5H30M); calendar units keep a decimal (P2.5Y).
                    let smaller = match letter {
                        "H" if time => Some("M"),
                        "M" if time => Some("S"),
                        _ => None,
                    };
                    if v.fract() == 0.0 {
                        format!("P{t}{}{letter}", v as i64)
                    } else if let Some(small) = smaller.filter(|_| (v.fract() * 60.0).fract() == 0.0) {
                        let (whole, part) = (v.trunc() as i64, (v.fract() * 60.0) as i64);
                        if whole == 0 {
                            format!("PT{part}{small}")
                        } else {
                            format!("PT{whole}{letter}{part}{small}")
                        }
                    } else {
                        format!("P{t}{v}{letter}")
                    }
                }
                None => format!("P{t}X{letter}"),
            };
            let range = match (n, ctx.dct, anchor) {
                (Some(v), Some(dct), a) if *a != 0 && v.fract() == 0.0 && !time => {
                    let k = (v * mult) as i64;
                    let span_end = |from: NaiveDate, sign: i64| -> Option<NaiveDate> {
                        match unit {
                            Unit::Day => add_days(from, sign * k),
                            Unit::Week | Unit::Fortnight => add_days(from, sign * 7 * k),
                            Unit::Month => add_months(from, sign * k),
                            Unit::Quarter => add_months(from, sign * 3 * k),
                            _ => add_months(from, sign * 12 * k),
                        }
                    };
                    if *a < 0 {
                        let s = add_days(span_end(dct, -1)?, 1)?;
                        DateRange::new(s, dct, Precision::Day)
                    } else {
                        let e = add_days(span_end(dct, 1)?, -1)?;
                        DateRange::new(dct, e, Precision::Day)
                    }
                }
                _ => None,
            };
            r(K::Duration, value, range)
        }
        Sem::YearSpan(a, b) => r(
            K::Duration,
            format!("P{}Y", b - a),
            DateRange::new(
                NaiveDate::from_ymd_opt(*a, 1, 1)?,
                NaiveDate::from_ymd_opt(*b, 12, 31)?,
                Precision::Year,
            ),
        ),
        Sem::Set(v) => {
            // Histories follow TIMEX2, where a set's value is its period's pattern.
            let v = if ctx.narrative {
                match *v {
                    "P1D" => "XXXX-XX-XX",
                    "P1W" => "XXXX-WXX",
                    "P1M" => "XXXX-XX",
                    "P1Y" => "XXXX",
                    v => v,
                }
            } else {
                v
            };
            r(K::Set, v.into(), None)
        }
        Sem::Rate(v) => r(K::Set, (*v).into(), None),
        Sem::DayOfMonth(d) => {
            let Some(base) = ctx.base() else {
                return Some(r(K::Date, format!("XXXX-XX-{d:02}"), None));
            };
            let this = NaiveDate::from_ymd_opt(base.year(), base.month(), *d);
            let first = NaiveDate::from_ymd_opt(base.year(), base.month(), 1)?;
            let prev = add_months(first, -1).and_then(|p| p.with_day(*d));
            let next = add_months(first, 1).and_then(|p| p.with_day(*d));
            let day = match dir {
                Direction::Future => this.filter(|x| *x >= base).or(next),
                _ if ctx.narrative => this,
                _ => this.filter(|x| *x <= base).or(prev),
            }?;
            r(K::Date, fmt_day(day), Some(DateRange::day(day)))
        }
        Sem::FiscalYear(y) => r(
            K::Date,
            format!("FY{}", fmt_year(*y)),
            DateRange::new(
                NaiveDate::from_ymd_opt(y - 1, 10, 1)?,
                NaiveDate::from_ymd_opt(*y, 9, 30)?,
                Precision::Year,
            ),
        ),
        Sem::SameLastYear(unit) => {
            // "the corresponding period last year" in a company report is the reported quarter's.
            if unit.is_none()
                && let Some((y, q)) = ctx.quarter
            {
                return resolve(&Sem::Quarter { y: YearRef::Explicit(y - 1), q, fiscal: false }, ctx, dir);
            }
            let (d, p) = ctx.last.or(ctx.dct.map(|d| (d, Precision::Month)))?;
            let p = match unit {
                Some(Unit::Day) => Precision::Day,
                Some(Unit::Week) => Precision::Week,
                Some(Unit::Month) => Precision::Month,
                Some(Unit::Quarter) => Precision::Quarter,
                Some(Unit::Year) => Precision::Year,
                _ => p,
            };
            let d = d.with_year(d.year() - 1).or_else(|| d.pred_opt()?.with_year(d.year() - 1))?;
            let sem = match p {
                Precision::Quarter => {
                    Sem::Quarter { y: YearRef::Explicit(d.year()), q: (d.month() - 1) / 3 + 1, fiscal: false }
                }
                Precision::Week => Sem::RelUnit { unit: Unit::Week, off: 0, anaphoric: false },
                p => period_of(d, p)?,
            };
            if p == Precision::Week {
                return Some(r(K::Date, fmt_week(d), Some(DateRange::week_of(d))));
            }
            return resolve(&sem, ctx, dir);
        }
        Sem::ShortYear(n) => {
            let y = match ctx.anchor().filter(|_| ctx.narrative) {
                // A two-digit year in a history looks back: '99 in a 1915 story is 1899.
                Some(a) => {
                    let y = a.year().div_euclid(100) * 100 + n;
                    if y > a.year() { y - 100 } else { y }
                }
                None => {
                    if *n <= 30 {
                        2000 + n
                    } else {
                        1900 + n
                    }
                }
            };
            r(K::Date, fmt_year(y), DateRange::year(y))
        }
        Sem::BarePartOfDay(code) => {
            if !ctx.narrative {
                return None;
            }
            r(K::Time, format!("XXXX-XX-XXT{code}"), None)
        }
        Sem::NarrativeOnly(inner) => {
            if !ctx.narrative {
                return None;
            }
            return resolve(inner, ctx, dir);
        }
        Sem::Former => {
            if !ctx.narrative {
                return None;
            }
            r(K::Date, "PAST_REF".into(), None)
        }
        Sem::Clock { h, m, utc, day } => {
            let day_res = match day {
                Some(d) => resolve(d, ctx, dir),
                None => ctx.anchor_for(Unit::Day).map(|d| r(K::Date, fmt_day(d), Some(DateRange::day(d)))),
            };
            let z = if *utc && !ctx.narrative { "Z" } else { "" };
            match day_res.and_then(|x| x.range.filter(|rg| rg.start == rg.end).map(|rg| (x, rg))) {
                Some((_, rg)) => r(K::Time, format!("{}T{h:02}:{m:02}{z}", fmt_day(rg.start)), Some(rg)),
                None => r(K::Time, format!("XXXX-XX-XXT{h:02}:{m:02}{z}"), None),
            }
        }
        Sem::PartOfDay { day, code } => {
            // "that afternoon", "the next morning" in a history whose last date is no day's:
            // no day to tell.
            let anaphoric = matches!(**day, Sem::SameDay | Sem::RelUnit { anaphoric: true, .. });
            if anaphoric && ctx.narrative && ctx.reference.is_none_or(|(_, p)| p != Precision::Day) {
                return None;
            }
            let inner = resolve(day, ctx, dir)?;
            match inner.range.filter(|rg| rg.start == rg.end) {
                Some(rg) => r(K::Time, format!("{}T{code}", fmt_day(rg.start)), Some(rg)),
                None => r(K::Time, format!("XXXX-XX-XXT{code}"), None),
            }
        }
        Sem::Fuzzy { part, inner } => {
            let inner_r = resolve(inner, ctx, dir)?;
            let Some(rg) = inner_r.range else { return Some(inner_r) };
            match part {
                // "the second half of April": the month, its half as the narrower reading.
                Part::Half(h) if matches!(rg.precision, Precision::Month | Precision::Week) => {
                    let days = rg.days();
                    let (s, e) = if *h == 1 { (0, days / 2 - 1) } else { (days / 2, days - 1) };
                    let half = DateRange::new(add_days(rg.start, s)?, add_days(rg.start, e)?, rg.precision);
                    Resolved { third: half, ..inner_r }
                }
                Part::Half(h) => {
                    let y = rg.start.year();
                    let (s, e) = if *h == 1 { (1, 6) } else { (7, 12) };
                    let range = DateRange::new(
                        NaiveDate::from_ymd_opt(y, s, 1)?,
                        last_day_of_month(y, e)?,
                        Precision::Quarter,
                    );
                    r(K::Date, format!("{}-H{h}", fmt_year(y)), range)
                }
                Part::Day(d) => {
                    let day = NaiveDate::from_ymd_opt(rg.start.year(), rg.start.month(), *d)?;
                    r(K::Date, fmt_day(day), Some(DateRange::day(day)))
                }
                Part::LastWeek => {
                    // The week holding most of the period's last seven days.
                    let day = add_days(rg.end, -3)?;
                    r(K::Date, fmt_week(day), Some(DateRange::week_of(day)))
                }
                // "early June", "mid-January", "the end of the month": the month (a reader dates an
                // event told so by its month, not by a third of it); so for a week.
                _ if matches!(rg.precision, Precision::Month | Precision::Week) => {
                    Resolved { third: third_of(*part, rg), ..inner_r }
                }
                // "late 2021", "early next year", "the end of the year": the year's first or last
                // quarter; "mid-2023" its middle two.
                _ if rg.precision == Precision::Year => {
                    let y = rg.start.year();
                    let (s, e) = match part {
                        Part::Start => (1, 3),
                        Part::Mid => (4, 9),
                        _ => (10, 12),
                    };
                    let range = DateRange::new(
                        NaiveDate::from_ymd_opt(y, s, 1)?,
                        last_day_of_month(y, e)?,
                        Precision::Quarter,
                    );
                    Resolved { range, third: third_of(*part, rg), ..inner_r }
                }
                _ => match third_of(*part, rg) {
                    Some(range) => r(inner_r.kind, inner_r.value, Some(range)),
                    None => inner_r,
                },
            }
        }
        Sem::DayRange { a, b } => {
            let ra = resolve(a, ctx, dir)?;
            let rb = resolve(b, ctx, dir)?;
            match (ra.range, rb.range) {
                (Some(x), Some(y)) => {
                    let mut end = y.end;
                    if end < x.start {
                        end = end.with_year(end.year() + 1)?;
                    }
                    r(K::Date, ra.value, DateRange::new(x.start, end, Precision::Day))
                }
                _ => ra,
            }
        }
    })
}
