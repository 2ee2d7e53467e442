//! Durations, spans of years, sets and rates: "three years" P3Y, "the past nine days" with its
//! range, "from 2009 to 2011", "every month".

use chrono::NaiveDate;
use dateline_model::{DateRange, Precision};

use super::super::TimexKind;
use super::super::direction::Direction;
use super::super::grammar::Sem;
use super::super::lexicon::Unit;
use super::anchors::{add_days, add_months};
use super::{Ctx, Resolved, r, resolve};

/// Resolves the durations meanings of [`Sem`]; `None` for the others.
pub(super) fn resolve_duration(sem: &Sem, ctx: &Ctx, dir: Direction) -> Option<Resolved> {
    use TimexKind as K;
    Some(match sem {
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
        _ => return None,
    })
}
