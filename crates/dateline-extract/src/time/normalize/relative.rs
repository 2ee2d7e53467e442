//! Expressions counted from an anchor: weekdays, "today", "last week", "three years ago",
//! "the next day", "the previous Friday", "the same month a year ago", and the references
//! (PRESENT_REF...).

use chrono::{Datelike, NaiveDate};
use dateline_model::{DateRange, Precision};

use super::super::TimexKind;
use super::super::direction::Direction;
use super::super::grammar::{Sem, YearRef};
use super::super::lexicon::Unit;
use super::anchors::{add_days, add_months, fmt_day, fmt_week, fmt_year, period_of, weekday_from};
use super::{Ctx, Resolved, r, resolve};

/// Resolves the relative meanings of [`Sem`]; `None` for the others.
pub(super) fn resolve_relative(sem: &Sem, ctx: &Ctx, dir: Direction) -> Option<Resolved> {
    use TimexKind as K;
    Some(match sem {
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
        Sem::Ref(v) => r(K::Date, (*v).into(), None),
        _ => return None,
    })
}
