//! Calendar dates and named periods: days, months, years, decades, centuries, seasons,
//! quarters, holidays, fiscal years and the periods of an earnings report.

use chrono::{Datelike, NaiveDate};
use dateline_model::{DateRange, Precision};

use super::super::TimexKind;
use super::super::direction::Direction;
use super::super::grammar::{Sem, YearRef};
use super::anchors::{add_days, add_months, fmt_day, fmt_year, last_completed_quarter, year_of};
use super::{Ctx, Resolved, r, resolve};

/// Resolves the calendar meanings of [`Sem`]; `None` for the others.
pub(super) fn resolve_calendar(sem: &Sem, ctx: &Ctx, dir: Direction) -> Option<Resolved> {
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
        Sem::FiscalYear(y) => r(
            K::Date,
            format!("FY{}", fmt_year(*y)),
            DateRange::new(
                NaiveDate::from_ymd_opt(y - 1, 10, 1)?,
                NaiveDate::from_ymd_opt(*y, 9, 30)?,
                Precision::Year,
            ),
        ),
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
        _ => return None,
    })
}
