//! Growing a match into a range or a fuller expression: "May 24-27", "from March 4 to 11",
//! "12:00 UTC Monday", "Monday night".

use super::*;

impl Parser<'_> {
    /// Grows a match: "12:00 UTC Monday", "Monday night", ranges "May 24-27", "from March 4 to 11".
    pub(super) fn extend(
        &self,
        start: usize,
        end: usize,
        sem: Sem,
        parts: &mut Vec<(usize, usize, Sem)>,
    ) -> (usize, usize, Sem) {
        // Day ranges: DAY (-|to|through|until|and) DAY.
        if matches!(sem, Sem::Day { .. } | Sem::Date(_)) {
            let j = end;
            let conn = self.is_dash(j) && self.s(j) != "/"
                || matches!(self.w(j), "to" | "through" | "thru" | "until" | "till" | "and");
            if conn {
                let in_range_frame =
                    start > 0 && matches!(self.w(start - 1), "from" | "between") || self.is_dash(j);
                // Without "from", "February 17 to 20, 2022" is a range when the second day ends
                // the phrase (a comma, a stop, a year), unlike "May 5 to 10 percent".
                let closes = |e2: usize| {
                    self.toks.get(e2).is_none_or(|t| t.kind == TokKind::Punct)
                        || matches!(self.w(j), "through" | "thru")
                };
                let bare_to = matches!(self.w(j), "to" | "through" | "thru");
                if let Some((e2, b)) = self.range_end(j + 1, &sem).filter(|(e2, b)| {
                    let with_year = matches!(b, Sem::Day { y: YearRef::Explicit(_), .. });
                    // "on August 21 and 22": two consecutive days that close the phrase are one
                    // stretch (unlike "on May 4 and 18", two separate days).
                    let consecutive = self.w(j) == "and"
                        && matches!((&sem, b), (Sem::Day { m, d, .. }, Sem::Day { m: m2, d: d2, .. })
                            if m == m2 && *d2 == d + 1);
                    in_range_frame || bare_to && (closes(*e2) || with_year) || consecutive && closes(*e2)
                }) {
                    let bs = self.toks[start].start;
                    let be = self.toks[end - 1].end;
                    let cs = self.toks[j + 1].start;
                    let ce = self.toks[e2 - 1].end;
                    // If the second part carried the year ("24-27 May 2024"), the first takes it.
                    let a = match (&sem, &b) {
                        (
                            Sem::Day { y: YearRef::Implicit, m, d },
                            Sem::Day { y: y2 @ YearRef::Explicit(_), .. },
                        ) => Sem::Day { y: *y2, m: *m, d: *d },
                        _ => sem.clone(),
                    };
                    parts.push((bs, be, a.clone()));
                    parts.push((cs, ce, b.clone()));
                    return (start, e2, Sem::DayRange { a: Box::new(a), b: Box::new(b) });
                }
            }
        }
        // "from 2009 to 2011", "between 2014 and 2016".
        if let Sem::Year(YearRef::Explicit(a)) = sem
            && start > 0
            && matches!(self.w(start - 1), "from" | "between")
            && matches!(self.w(end), "to" | "and" | "through")
            && let Some((e2, Sem::Year(YearRef::Explicit(b)))) = self.year(end + 1, true)
            && b > a
        {
            let sa = Sem::Year(YearRef::Explicit(a));
            let sb = Sem::Year(YearRef::Explicit(b));
            parts.push((self.toks[start].start, self.toks[end - 1].end, sa));
            parts.push((self.toks[end + 1].start, self.toks[e2 - 1].end, sb));
            return (start - 1, e2, Sem::YearSpan(a, b));
        }
        // "Tuesday through Thursday": a range of days.
        if let Sem::Weekday { shift: None, .. } = sem
            && (matches!(self.w(end), "through" | "to" | "until" | "thru")
                || self.is_dash(end) && self.s(end) != "/")
            && let Some(wd2) = lexicon::weekday(self.w(end + 1)).filter(|_| self.w(end + 1).len() > 4)
        {
            let b = Sem::Weekday { wd: wd2, shift: None };
            parts.push((self.toks[start].start, self.toks[end - 1].end, sem.clone()));
            parts.push((self.toks[end + 1].start, self.toks[end + 1].end, b.clone()));
            return (start, end + 2, Sem::DayRange { a: Box::new(sem), b: Box::new(b) });
        }
        // Weekday or relative day + part of day: "Thursday night", "yesterday morning".
        if matches!(sem, Sem::Weekday { .. } | Sem::RelDay(_) | Sem::Day { .. } | Sem::Date(_))
            && let Some(code) = lexicon::part_of_day(self.w(end))
        {
            return (start, end + 1, Sem::PartOfDay { day: Box::new(sem), code });
        }
        // Clock time + day: "12:00 UTC Monday", "16:00 UTC today", "10 a.m. on June 3".
        if let Sem::Clock { h, m, utc, day: None } = sem {
            // "5:34 AM Baghdad time on March 20", "16:15 UTC, June 1st".
            let mut j = end;
            if self.w(j) == "local" || self.cap(j) && self.w(j + 1) == "time" {
                j += if self.w(j) == "local" { 1 } else { 2 };
                if self.w(j) == "time" {
                    j += 1;
                }
            }
            let comma = self.punct(j, ",");
            if comma {
                j += 1;
            }
            if self.w(j) == "on" {
                j += 1;
            }
            if let Some((e2, d)) = self.date_expr(j)
                && matches!(d, Sem::Weekday { .. } | Sem::RelDay(_) | Sem::Day { .. } | Sem::Date(_))
            {
                let clock = Sem::Clock { h, m, utc, day: Some(Box::new(d.clone())) };
                if comma {
                    // "16:15 UTC, June 1st": two extents, the time dated by the day.
                    parts.push((self.toks[start].start, self.toks[end - 1].end, clock.clone()));
                    parts.push((self.toks[j].start, self.toks[e2 - 1].end, d));
                }
                return (start, e2, clock);
            }
        }
        (start, end, sem)
    }

    /// The second end of a day range: "27", "April 2", "11 May 2024", "27 May".
    pub(super) fn range_end(&self, j: usize, first: &Sem) -> M {
        let (fm, fy) = match first {
            Sem::Day { m, y, .. } => (*m, *y),
            _ => return None,
        };
        if let Some((e, s @ Sem::Day { .. })) = self.month_day(j) {
            return Some((e, s));
        }
        if let Some((e, s @ Sem::Day { .. })) = self.day_month(j) {
            return Some((e, s));
        }
        let d = self.num(j).filter(|d| (1..=31).contains(d) && self.num_len(j) <= 2)?;
        let mut e = j + 1;
        if lexicon::is_ordinal_suffix(self.w(e)) && self.tight(e) {
            e += 1;
        }
        // "4-11 May": a bare day followed by a month name belongs to day_month.
        if lexicon::month(self.w(e)).is_some() {
            return None;
        }
        let mut y = fy;
        if let Some((e2, yy)) = self.year_after(e) {
            y = YearRef::Explicit(yy);
            e = e2;
        }
        Some((e, Sem::Day { y, m: fm, d }))
    }
}
