//! Absolute dates: "May 24, 2021", "24 May", "2024-04-24", "Wednesday, April 24", holidays.

use super::*;

impl Parser<'_> {
    /// Holidays of `data/time/lexicon/holidays.tsv`: "Christmas Day", "New Year's Eve",
    /// "Thanksgiving", "Election Day", "Good Friday", "Christmas 1914".
    pub(super) fn holiday(&self, i: usize) -> M {
        if !self.cap(i) {
            return None;
        }
        let w = self.w(i);
        let h = holidays::HOLIDAYS
            .iter()
            .find(|h| h.words[0] == w && h.words.iter().enumerate().all(|(k, x)| self.s(i + k) == *x))?;
        let e = i + h.words.len();
        let day = |y| match h.rule {
            holidays::Rule::Fixed { m, d } => Sem::Day { y, m, d },
            rule => Sem::Holiday { rule, y },
        };
        if let Some((e2, y)) = self.year_after(e).filter(|_| !self.punct(e, ",")) {
            return Some((e2, day(YearRef::Explicit(y))));
        }
        // A bare "Christmas" is a season, not a day: only "Christmas Day" and "New Year's Day".
        h.alone.then_some((e, day(YearRef::Implicit)))
    }

    /// Explicit calendar dates: "May 24, 2021", "24 May", "Wednesday, April 24", "June 2023",
    /// "2021", "the 1990s", "2024-04-24", "7/8/07", "241 BC", seasons, quarters.
    pub(super) fn core_date(&self, i: usize) -> M {
        let w = self.w(i);
        let t = self.toks.get(i)?;
        if t.kind == TokKind::Num {
            if let Some(m) = self.iso(i) {
                return Some(m);
            }
            if let Some(m) = self.bare_day_range(i) {
                return Some(m);
            }
            if let Some(m) = self.day_month(i) {
                return Some(m);
            }
            if let Some(m) = self.decade(i) {
                return Some(m);
            }
            if let Some(m) = self.year(i, false) {
                return Some(m);
            }
            return None;
        }
        if self.punct(i, "'") {
            // "'82", "'90s".
            if self.num_len(i + 1) == 2 && self.tight(i + 1) {
                let n = self.num(i + 1)? as i32;
                let full = if n <= 30 { 2000 + n } else { 1900 + n };
                if self.w(i + 2) == "s" && self.tight(i + 2) {
                    if self.after_possessive(i) {
                        return None;
                    }
                    return Some((i + 3, Sem::Decade(full / 10)));
                }
                if self.w(i + 2).is_empty() || !self.tight(i + 2) {
                    return Some((i + 2, Sem::ShortYear(n)));
                }
            }
            return None;
        }
        if t.kind != TokKind::Word {
            return None;
        }
        if let Some(wd) = lexicon::weekday(w) {
            // "Wednesday, April 24(, 2024)".
            let mut j = i + 1;
            if self.punct(j, ",") || self.punct(j, ".") && w.len() <= 4 {
                j += 1;
            }
            if let Some(m) = self.month_day(j).or_else(|| self.day_month(j))
                && matches!(m.1, Sem::Day { .. })
            {
                return Some(m);
            }
            if w.len() <= 4 && !self.cap(i) {
                return None;
            }
            if w.len() <= 4 {
                return None;
            }
            return Some((i + 1, Sem::Weekday { wd, shift: None }));
        }
        if lexicon::month(w).is_some() {
            return self.month_day(i).or_else(|| self.month_alone(i));
        }
        if lexicon::season(w).is_some() {
            return self.season(i);
        }
        if let Some(m) = self.quarter(i) {
            return Some(m);
        }
        // "fiscal 1989": a company's year, written as the calendar year it is named by.
        if w == "fiscal"
            && let Some(y) = self.four_digit_year(i + 1)
        {
            return Some((i + 2, Sem::Year(YearRef::Explicit(y))));
        }
        // "fiscal year 2024", "FY 2024", "FY2024": the US federal fiscal year.
        if matches!(w, "fiscal" | "financial") && self.w(i + 1) == "year" || w == "fy" && self.cap(i) {
            let k = if w == "fy" { i + 1 } else { i + 2 };
            if let Some(y) = self.four_digit_year(k) {
                return Some((k + 1, Sem::FiscalYear(y)));
            }
        }
        if let Some(m) = self.holiday(i) {
            return Some(m);
        }
        // "by year-end", "by year end", "before year's end".
        if w == "year" {
            let hyphen = self.is_dash(i + 1) && self.tight(i + 1) && self.tight(i + 2);
            let k = if hyphen {
                i + 2
            } else if self.punct(i + 1, "'") && self.w(i + 2) == "s" {
                i + 3
            } else {
                i + 1
            };
            if self.w(k) == "end" && !self.is_dash(k + 1) {
                return Some((k + 1, Sem::YearEnd { day: hyphen }));
            }
        }
        if let Some((e, y)) = self.spoken_year(i, false) {
            return Some((e, Sem::Year(YearRef::Explicit(y))));
        }
        if matches!(w, "ad" | "a") && self.cap(i) {
            // "AD 9", "A.D. 1066".
            let j = if self.punct(i + 1, ".") && self.w(i + 2) == "d" { i + 4 } else { i + 1 };
            if w == "ad"
                && let Some(y) = self.num(j).filter(|y| *y > 0 && *y < 2100)
            {
                return Some((j + 1, Sem::Year(YearRef::Explicit(y as i32))));
            }
        }
        None
    }

    pub(super) fn iso(&self, i: usize) -> M {
        if self.num_len(i) == 4
            && self.is(i + 1, "-")
            && self.tight(i + 1)
            && self.num_len(i + 2) == 2
            && self.is(i + 3, "-")
            && self.tight(i + 3)
            && self.num_len(i + 4) == 2
            && self.tight(i + 4)
        {
            let d = NaiveDate::from_ymd_opt(self.num(i)? as i32, self.num(i + 2)?, self.num(i + 4)?)?;
            return Some((i + 5, Sem::Date(d)));
        }
        // Day, month and year with dots, as European governments write them: 12.03.2024.
        if (1..=2).contains(&self.num_len(i))
            && self.is(i + 1, ".")
            && self.tight(i + 1)
            && self.num_len(i + 2) == 2
            && self.is(i + 3, ".")
            && self.tight(i + 3)
            && self.num_len(i + 4) == 4
            && self.tight(i + 4)
            && !(self.is(i + 5, ".") && self.tight(i + 5) && self.num_len(i + 6) > 0)
        {
            let d = NaiveDate::from_ymd_opt(self.num(i + 4)? as i32, self.num(i + 2)?, self.num(i)?)?;
            return Some((i + 5, Sem::Date(d)));
        }
        // US slashes: 7/8/07, 04/24/2024.
        if (1..=2).contains(&self.num_len(i))
            && self.is(i + 1, "/")
            && self.tight(i + 1)
            && (1..=2).contains(&self.num_len(i + 2))
            && self.is(i + 3, "/")
            && self.tight(i + 3)
            && matches!(self.num_len(i + 4), 2 | 4)
            && self.tight(i + 4)
            && !self.is(i + 5, "/")
        {
            let mut y = self.num(i + 4)? as i32;
            if y < 100 {
                y += if y <= 40 { 2000 } else { 1900 };
            }
            let d = NaiveDate::from_ymd_opt(y, self.num(i)?, self.num(i + 2)?)?;
            return Some((i + 5, Sem::Date(d)));
        }
        None
    }

    /// "24-27 May 2022", "4 and 8 May" (after "between"), "4 to 8 May": a range of days.
    pub(super) fn bare_day_range(&self, i: usize) -> M {
        let (j, d1) = self.day_num(i)?;
        let dash = self.is_dash(j) && self.s(j) != "/";
        let word = matches!(self.w(j), "to" | "through" | "until")
            || self.w(j) == "and" && i > 0 && self.w(i - 1) == "between";
        if !dash && !word {
            return None;
        }
        let (e, b) = self.day_month(j + 1)?;
        let Sem::Day { y, m, .. } = b else { return None };
        let a = Sem::Day { y, m, d: d1 };
        Some((e, Sem::DayRange { a: Box::new(a), b: Box::new(b) }))
    }

    /// A day number (1-31) with optional ordinal suffix at `i`: returns (end, day).
    pub(super) fn day_num(&self, i: usize) -> Option<(usize, u32)> {
        if self.num_len(i) > 2 {
            return None;
        }
        let d = self.num(i).filter(|d| (1..=31).contains(d))?;
        let mut e = i + 1;
        if lexicon::is_ordinal_suffix(self.w(e)) && self.tight(e) {
            e += 1;
        }
        Some((e, d))
    }

    /// "19th", "nineteenth" as a day.
    pub(super) fn ordinal_day(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(d) = lexicon::ordinal_word(self.w(i)) {
            return Some((i + 1, d));
        }
        let (e, d) = self.day_num(i)?;
        (e == i + 2).then_some((e, d))
    }

    pub(super) fn month_word(&self, i: usize) -> Option<(usize, u32)> {
        let w = self.w(i);
        let m = lexicon::month(w)?;
        if !self.cap(i) {
            return None;
        }
        let mut e = i + 1;
        if lexicon::month_is_abbrev(w) && self.punct(e, ".") && self.tight(e) {
            e += 1;
        }
        Some((e, m))
    }

    /// "May 24", "May 24, 2021", "May 24th", "Sept. 3 2020".
    pub(super) fn month_day(&self, i: usize) -> M {
        let (j, m) = self.month_word(i)?;
        let (mut e, d) = self.day_num(j)?;
        // "May 2021" is month-year, handled by month_alone; "May 24 2021".
        if self.num_len(j) > 2 {
            return None;
        }
        // Numbers followed by a unit or a percent are not days: "June 3 percent" is unlikely but "May 5 troops".
        let mut y = YearRef::Implicit;
        if let Some((e2, yy)) = self.year_phrase(e) {
            y = yy;
            e = e2;
        }
        Some((e, Sem::Day { y, m, d }))
    }

    /// "24 May", "24 May 2021", "24th of May".
    pub(super) fn day_month(&self, i: usize) -> M {
        let (mut j, d) = self.day_num(i)?;
        if self.w(j) == "of" {
            j += 1;
        }
        let (mut e, m) = self.month_word(j)?;
        let mut y = YearRef::Implicit;
        if let Some((e2, yy)) = self.year_phrase(e) {
            y = yy;
            e = e2;
        }
        Some((e, Sem::Day { y, m, d }))
    }

    /// "June", "June 2023", "June of 2023", "June of that year", "May" only in a date context.
    pub(super) fn month_alone(&self, i: usize) -> M {
        let w = self.w(i);
        let (e, m) = self.month_word(i)?;
        if let Some((e2, y)) = self.year_phrase(e) {
            return Some((e2, Sem::Month { y, m }));
        }
        if self.w(e) == "of" {
            if let Some((e2, y)) = self.year_after(e + 1) {
                return Some((e2, Sem::Month { y: YearRef::Explicit(y), m }));
            }
            if matches!(self.w(e + 1), "that" | "the") && matches!(self.w(e + 2), "year") {
                return Some((e + 3, Sem::Month { y: YearRef::Anaphoric(0), m }));
            }
            if matches!(self.w(e + 1), "this" | "last" | "next") && self.w(e + 2) == "year" {
                let off = match self.w(e + 1) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                return Some((e + 3, Sem::Month { y: YearRef::Deictic(off), m }));
            }
        }
        if lexicon::month_is_abbrev(w) {
            return None;
        }
        if w == "may" || w == "march" {
            // The modal and the verb: require a date context.
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let ctx = matches!(
                prev,
                "in" | "of"
                    | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "during"
                    | "from"
                    | "to"
                    | "through"
                    | "and"
                    | "between"
                    | "before"
                    | "after"
                    | "or"
                    | "end"
                    | "throughout"
                    | "january"
                    | "february"
                    | "april"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
            ) || i > 0 && self.is_dash(i - 1)
                || self.punct(e, ",") && self.w(e + 1).is_empty()
                || self.is_dash(e);
            if !ctx {
                return None;
            }
            if prev.is_empty() && i > 0 && !self.is_dash(i - 1) {
                return None;
            }
        }
        Some((e, Sem::Month { y: YearRef::Implicit, m }))
    }
}
