//! Resolution: a [`Sem`] and its anchors (publication date, narrative reference date, direction)
//! to a TIMEX3 value and a [`DateRange`]. [`resolve`] hands each kind of meaning to the file of its
//! phenomenon: `calendar` (dates and named periods), `relative` (what counts from an anchor),
//! `durations` (durations, spans and sets), `parts` (parts of days and periods, clock times, day
//! ranges); `anchors` holds what they count from and the calendar arithmetic.

use dateline_model::DateRange;

use super::TimexKind;
use super::direction::Direction;
use super::grammar::{Sem, YearRef};
use super::lexicon::Unit;

mod anchors;
mod calendar;
mod durations;
mod parts;
mod relative;

pub(crate) use anchors::Ctx;

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
    match sem {
        Sem::Date(..)
        | Sem::Day { .. }
        | Sem::Month { .. }
        | Sem::Year(..)
        | Sem::Decade(..)
        | Sem::Century(..)
        | Sem::Season { .. }
        | Sem::Quarter { .. }
        | Sem::Holiday { .. }
        | Sem::YearEnd { .. }
        | Sem::FiscalYear(..)
        | Sem::ShortYear(..)
        | Sem::ReportPeriod { .. } => calendar::resolve_calendar(sem, ctx, dir),
        Sem::Weekday { .. }
        | Sem::WeekdayFrom { .. }
        | Sem::DayFrom { .. }
        | Sem::WeekOf(..)
        | Sem::RelDay(..)
        | Sem::SameDay
        | Sem::RelUnit { .. }
        | Sem::Shift { .. }
        | Sem::DayOfMonth(..)
        | Sem::SameLastYear(..)
        | Sem::Ref(..) => relative::resolve_relative(sem, ctx, dir),
        Sem::Duration { .. } | Sem::YearSpan(..) | Sem::Set(..) | Sem::Rate(..) => {
            durations::resolve_duration(sem, ctx, dir)
        }
        Sem::Clock { .. }
        | Sem::PartOfDay { .. }
        | Sem::BarePartOfDay(..)
        | Sem::Fuzzy { .. }
        | Sem::DayRange { .. }
        | Sem::NarrativeOnly(..)
        | Sem::Former => parts::resolve_part(sem, ctx, dir),
    }
}
