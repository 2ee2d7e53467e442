//! Parts of days and periods, clock times and day ranges: "Thursday night", "6:40 p.m.",
//! "early June", "the first half of 2008", "May 24-27"; and what histories alone annotate.

use chrono::{Datelike, NaiveDate};
use dateline_model::{DateRange, Precision};

use super::super::TimexKind;
use super::super::direction::Direction;
use super::super::grammar::{Part, Sem};
use super::super::lexicon::Unit;
use super::anchors::{add_days, fmt_day, fmt_week, fmt_year, last_day_of_month, third_of};
use super::{Ctx, Resolved, r, resolve};

/// Resolves the parts meanings of [`Sem`]; `None` for the others.
pub(super) fn resolve_part(sem: &Sem, ctx: &Ctx, dir: Direction) -> Option<Resolved> {
    use TimexKind as K;
    Some(match sem {
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
        Sem::BarePartOfDay(code) => {
            if !ctx.narrative {
                return None;
            }
            r(K::Time, format!("XXXX-XX-XXT{code}"), None)
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
        _ => return None,
    })
}
