//! Parts of periods and periods in words after "the": "the end of the month", "the beginning of
//! 1990", "the first half of 2008", "the last week of March", "the latter part of the year", "the
//! first two quarters of 1990", "the nineties", "the early eighties".

use super::*;

impl Parser<'_> {
    /// The part of a period after "the" (`j` is the word after it): `Some(m)` decides the
    /// expression (`Some(None)`: none here), `None` leaves it to the other phrases.
    pub(super) fn part_of_period(&self, j: usize) -> Option<M> {
        let w = self.w(j);
        // "the nineties", "the early eighties": a decade in words.
        if let Some(d) = lexicon::decade_word(w) {
            return Some(Some((j + 1, Sem::Decade(d))));
        }
        if matches!(w, "early" | "mid" | "late")
            && let Some(d) = lexicon::decade_word(self.w(j + 1))
        {
            let part = match w {
                "early" => Part::Start,
                "late" => Part::End,
                _ => Part::Mid,
            };
            return Some(Some((j + 2, Sem::Fuzzy { part, inner: Box::new(Sem::Decade(d)) })));
        }
        // "the first two quarters of 1990": its first half.
        if matches!(w, "first" | "last")
            && self.w(j + 1) == "two"
            && self.w(j + 2) == "quarters"
            && self.w(j + 3) == "of"
            && let Some((e, year @ Sem::Year(_))) = self.core_date(j + 4).or_else(|| self.relative(j + 4))
        {
            let h = if w == "first" { 1 } else { 2 };
            return Some(Some((e, Sem::Fuzzy { part: Part::Half(h), inner: Box::new(year) })));
        }
        // "the end/beginning/start/middle of X", "the first half of X", "the last week of March".
        let part = match w {
            "end" | "close" => Some(Part::End),
            "beginning" | "start" | "dawn" => Some(Part::Start),
            "middle" => Some(Part::Mid),
            _ => None,
        };
        let part_j =
            if w == "very" && matches!(self.w(j + 1), "end" | "beginning" | "start") { j + 1 } else { j };
        let part = part.or(match self.w(part_j) {
            "end" => Some(Part::End),
            "beginning" | "start" => Some(Part::Start),
            _ => None,
        });
        if let Some(part) = part
            && self.w(part_j + 1) == "of"
        {
            let k = part_j + 2;
            let inner = if self.w(k) == "the" {
                self.the_expr(k).or_else(|| self.core_date(k))
            } else {
                self.core_date(k).or_else(|| self.relative(k))
            };
            if let Some((e, inner)) = inner
                && !matches!(inner, Sem::Duration { .. } | Sem::Set(_) | Sem::Ref(_))
            {
                return Some(Some((e, Sem::Fuzzy { part, inner: Box::new(inner) })));
            }
            // "the end of the year", "the beginning of the month".
            if self.w(k) == "the"
                && let Some((unit, false)) = lexicon::unit(self.w(k + 1))
            {
                return Some(Some((
                    k + 2,
                    Sem::Fuzzy { part, inner: Box::new(Sem::RelUnit { unit, off: 0, anaphoric: true }) },
                )));
            }
            return Some(None);
        }
        // "the first/second half of 2008".
        if matches!(w, "first" | "second" | "latter" | "last")
            && self.w(j + 1) == "half"
            && self.w(j + 2) == "of"
        {
            let h = if w == "first" { 1 } else { 2 };
            let k = j + 3;
            let inner = if self.w(k) == "the" {
                lexicon::unit(self.w(k + 1))
                    .filter(|u| u.0 == Unit::Year)
                    .map(|_| (k + 2, Sem::RelUnit { unit: Unit::Year, off: 0, anaphoric: true }))
            } else {
                self.core_date(k).or_else(|| self.relative(k))
            };
            if let Some((e, inner)) = inner {
                return Some(Some((e, Sem::Fuzzy { part: Part::Half(h), inner: Box::new(inner) })));
            }
        }
        // "the last week of March".
        if matches!(w, "last" | "final") && self.w(j + 1) == "week" && self.w(j + 2) == "of" {
            let k = j + 3;
            if let Some((e, inner @ Sem::Month { .. })) = self.core_date(k) {
                return Some(Some((e, Sem::Fuzzy { part: Part::LastWeek, inner: Box::new(inner) })));
            }
        }
        // "the latter part of the year".
        if matches!(w, "latter" | "early" | "later") && self.w(j + 1) == "part" && self.w(j + 2) == "of" {
            let part = if w == "early" { Part::Start } else { Part::End };
            let k = j + 3;
            if self.w(k) == "the"
                && let Some((Unit::Year | Unit::Month, false)) = lexicon::unit(self.w(k + 1))
            {
                let unit = lexicon::unit(self.w(k + 1)).map_or(Unit::Year, |u| u.0);
                return Some(Some((
                    k + 2,
                    Sem::Fuzzy { part, inner: Box::new(Sem::RelUnit { unit, off: 0, anaphoric: true }) },
                )));
            }
            if let Some((e, inner)) = self.core_date(k) {
                return Some(Some((e, Sem::Fuzzy { part, inner: Box::new(inner) })));
            }
        }
        None
    }
}
