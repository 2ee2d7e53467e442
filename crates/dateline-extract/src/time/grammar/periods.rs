//! Years, decades, centuries, seasons and quarters, and the year phrases after a month or day:
//! "2021", "the 1990s", "nineteen ninety-six", "the summer of 1915", "the fourth quarter".

use super::*;

impl Parser<'_> {
    /// "earlier in the year", "later in the month": some time in that period, told as the period
    /// (the year or month of the news is its own, of a history the story's).
    pub(super) fn earlier_in_the(&self, i: usize) -> M {
        if self.w(i + 1) != "in" || self.w(i + 2) != "the" {
            return None;
        }
        // "later in the day" is tagged "the day", as news and histories annotate it.
        let (unit @ (Unit::Year | Unit::Month), false) = lexicon::unit(self.w(i + 3))? else {
            return None;
        };
        Some((i + 4, Sem::RelUnit { unit, off: 0, anaphoric: false }))
    }

    /// A year given after a month or day, explicit or not: ", 2021", "of 2021", "of that year",
    /// "of the same year", "of the following year", "of last year".
    pub(super) fn year_phrase(&self, e: usize) -> Option<(usize, YearRef)> {
        if let Some((e2, y)) = self.year_after(e) {
            return Some((e2, YearRef::Explicit(y)));
        }
        // "June last year", "in February this year" (not "in June, next year's budget").
        if let (off @ ("this" | "last" | "next"), "year") = (self.w(e), self.w(e + 1))
            && !self.punct(e + 2, "'")
        {
            let off = match off {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return Some((e + 2, YearRef::Deictic(off)));
        }
        if self.w(e) != "of" {
            return None;
        }
        if let Some((e2, y)) = self.year_after(e + 1) {
            return Some((e2, YearRef::Explicit(y)));
        }
        let (a, b, c) = (self.w(e + 1), self.w(e + 2), self.w(e + 3));
        match (a, b, c) {
            ("that", "year", _) => Some((e + 3, YearRef::Anaphoric(0))),
            ("the", "same" | "that", "year") => Some((e + 4, YearRef::Anaphoric(0))),
            ("the", "following" | "next" | "succeeding", "year") => Some((e + 4, YearRef::Anaphoric(1))),
            ("the", "previous" | "preceding", "year") => Some((e + 4, YearRef::Anaphoric(-1))),
            ("this" | "last" | "next", "year", _) => {
                let off = match a {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                Some((e + 3, YearRef::Deictic(off)))
            }
            _ => None,
        }
    }

    /// ", 2021" or " 2021" or " 241 BC" after a day or month.
    pub(super) fn year_after(&self, e: usize) -> Option<(usize, i32)> {
        let k = if self.punct(e, ",") { e + 1 } else { e };
        if let Some((e2, Sem::Year(YearRef::Explicit(y)))) = self.bc_year(k) {
            return Some((e2, y));
        }
        let Some(y) = self.four_digit_year(k) else {
            // "January nineteen ninety-seven", "the winter of two thousand".
            return self.spoken_year(k, true);
        };
        // "24 May 2021-" is fine; a year followed by more digits ("2021,000") is not.
        if self.punct(k + 1, ",") && self.num_len(k + 2) == 3 && self.tight(k + 2) {
            return None;
        }
        Some((k + 1, y))
    }

    pub(super) fn four_digit_year(&self, i: usize) -> Option<i32> {
        (self.num_len(i) == 4)
            .then(|| self.num(i))
            .flatten()
            .map(|y| y as i32)
            .filter(|y| (1000..=2199).contains(y))
    }

    /// A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen
    /// eighty"; with `thousands`, "two thousand (and) one" too (only where a year is expected:
    /// "two thousand" alone is a number).
    pub(super) fn spoken_year(&self, i: usize, thousands: bool) -> Option<(usize, i32)> {
        let units = |k: usize| {
            let k = if self.is_dash(k) && self.tight(k) { k + 1 } else { k };
            lexicon::number_word(self.w(k)).filter(|u| *u < 10).map(|u| (k + 1, u))
        };
        let hi = lexicon::number_word(self.w(i))?;
        if thousands && hi == 2 && self.w(i + 1) == "thousand" {
            let k = if self.w(i + 2) == "and" { i + 3 } else { i + 2 };
            return Some(units(k).map_or((i + 2, 2000), |(e, u)| (e, 2000 + u as i32)));
        }
        if !(11..=19).contains(&hi) {
            return None;
        }
        let tens = lexicon::number_word(self.w(i + 1)).filter(|t| (20..100).contains(t) && t % 10 == 0)?;
        let (e, u) = units(i + 2).unwrap_or((i + 2, 0));
        Some((e, (hi * 100 + tens + u) as i32))
    }

    /// "241 BC", "146 B.C.", "AD 70" handled in core_date.
    pub(super) fn bc_year(&self, i: usize) -> M {
        let y = self.num(i).filter(|y| *y > 0 && *y < 10000 && self.num_len(i) <= 4)?;
        let j = i + 1;
        let w = self.w(j);
        let (e, bc) = match w {
            "bc" | "bce" => (j + 1, true),
            "ad" | "ce" if self.cap(j) => (j + 1, false),
            "b" if self.punct(j + 1, ".") && self.w(j + 2) == "c" => {
                let mut e = j + 3;
                if self.punct(e, ".") && self.tight(e) {
                    e += 1;
                }
                (e, true)
            }
            _ => return None,
        };
        if !self.cap(j) {
            return None;
        }
        let y = y as i32;
        Some((e, Sem::Year(YearRef::Explicit(if bc { 1 - y } else { y }))))
    }

    /// A year standing alone: "in 2021", "2021's", "the 1991 agreement", "1919-1920" (both parts).
    pub(super) fn year(&self, i: usize, loose: bool) -> M {
        if let Some(m) = self.bc_year(i) {
            return Some(m);
        }
        let y = self.four_digit_year(i)?;
        // Not part of a bigger number, an amount, a code or a model name.
        if i > 0 {
            let p = self.s(i - 1);
            if self.tight(i)
                && (self.toks[i - 1].kind == TokKind::Word
                    || self.toks[i - 1].kind == TokKind::Num
                    || matches!(p, "$" | "#" | "." | "," | "£" | "€" | "+" | ":" | "/"))
            {
                return None;
            }
            if matches!(
                p,
                "$" | "£" | "€" | "no" | "number" | "flight" | "route" | "resolution" | "boeing" | "airbus"
            ) {
                return None;
            }
        }
        let n = i + 1;
        if self.tight(n) {
            let s = self.s(n);
            if self.toks.get(n).is_some_and(|t| t.kind == TokKind::Word) && s != "s" {
                return None;
            }
            if matches!(s, "%" | ":" | "/") {
                return None;
            }
            if matches!(s, "," | ".") && self.num_len(n + 1) > 0 && self.tight(n + 1) {
                return None;
            }
        }
        if !loose {
            let next = self.w(n);
            if !next.is_empty() && !self.cap(n) && self.toks[n].space {
                let deny = matches!(
                    next,
                    "people"
                        | "men"
                        | "women"
                        | "children"
                        | "feet"
                        | "metres"
                        | "meters"
                        | "miles"
                        | "km"
                        | "kilometers"
                        | "kilometres"
                        | "points"
                        | "votes"
                        | "seats"
                        | "troops"
                        | "soldiers"
                        | "dead"
                        | "killed"
                        | "tons"
                        | "tonnes"
                        | "units"
                        | "jobs"
                        | "employees"
                        | "workers"
                        | "hours"
                        | "horses"
                        | "ships"
                        | "aircraft"
                        | "planes"
                        | "guns"
                        | "tanks"
                        | "prisoners"
                        | "casualties"
                        | "cars"
                        | "vehicles"
                        | "copies"
                        | "dollars"
                        | "euros"
                        | "yen"
                        | "pounds"
                        | "million"
                        | "billion"
                        | "percent"
                        | "per"
                        | "cc"
                        | "mm"
                ) || next.len() > 3
                    && next.ends_with('s')
                    && !next.ends_with("ss")
                    && !matches!(
                        next,
                        "this"
                            | "thus"
                            | "was"
                            | "has"
                            | "its"
                            | "his"
                            | "saw"
                            | "sees"
                            | "marks"
                            | "brings"
                            | "finds"
                            | "sees,"
                            | "witnessed"
                            | "proves"
                            | "looks"
                            | "seems"
                            | "remains"
                            | "begins"
                            | "ends"
                    );
                if deny {
                    return None;
                }
            }
        }
        // "1919-1920" / "1947-54": the first year alone here; the second is found on its own.
        Some((i + 1, Sem::Year(YearRef::Explicit(y))))
    }

    /// "the 1990s" (the caller excludes "the"), "1990s", "90s" after an apostrophe.
    pub(super) fn decade(&self, i: usize) -> M {
        let len = self.num_len(i);
        if !(len == 4 || len == 2) || self.w(i + 1) != "s" || !self.tight(i + 1) {
            // "1990's".
            if len == 4
                && self.punct(i + 1, "'")
                && self.tight(i + 1)
                && self.w(i + 2) == "s"
                && self.tight(i + 2)
            {
                let y = self.num(i)? as i32;
                if y % 10 == 0 {
                    return Some((i + 3, Sem::Decade(y / 10)));
                }
            }
            return None;
        }
        let y = self.num(i)? as i32;
        if y % 10 != 0 {
            return None;
        }
        if len == 2 {
            // "when Kopp was in his 30s", "in their early 20s": an age.
            if self.after_possessive(i) {
                return None;
            }
            let full = if y <= 20 { 2000 + y } else { 1900 + y };
            return Some((i + 2, Sem::Decade(full / 10)));
        }
        Some((i + 2, Sem::Decade(y / 10)))
    }

    /// Whether token `i` follows a possessive pronoun, an adjective of part between ("his 30s",
    /// "her early 40s", "their mid-20s").
    pub(super) fn after_possessive(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && (self.is_dash(k - 1) || self.punct(k - 1, "'")) {
            k -= 1;
        }
        if k > 0 && matches!(self.w(k - 1), "early" | "mid" | "late") {
            k -= 1;
            while k > 0 && self.is_dash(k - 1) {
                k -= 1;
            }
        }
        k > 0 && matches!(self.w(k - 1), "his" | "her" | "their" | "my" | "your" | "our" | "its")
    }

    /// "19th century", "nineteenth century" (after "the").
    pub(super) fn century(&self, i: usize) -> M {
        let (e, n) = if let Some(n) = lexicon::ordinal_word(self.w(i)) {
            (i + 1, n)
        } else {
            let n = self.num(i).filter(|n| *n <= 21 && self.num_len(i) <= 2)?;
            if !lexicon::is_ordinal_suffix(self.w(i + 1)) {
                return None;
            }
            (i + 2, n)
        };
        let mut e = e;
        if self.is_dash(e) {
            e += 1;
        }
        if self.w(e) != "century" {
            return None;
        }
        Some((e + 1, Sem::Century(n as i32 - 1)))
    }

    /// "spring", "summer 1962", "the summer of 1915", "this spring" (the modifier handled by `relative`).
    pub(super) fn season(&self, i: usize) -> M {
        let (code, first) = lexicon::season(self.w(i))?;
        // "fall" is a verb and noun too: take it only capitalised or after a determiner.
        if self.w(i) == "fall" && !self.cap(i) {
            let p = if i > 0 { self.w(i - 1) } else { "" };
            if !matches!(p, "the" | "this" | "last" | "next" | "in" | "early" | "late" | "that") {
                return None;
            }
        }
        // "the fall of Paris" is an event; "the fall of 1944" a season.
        if self.w(i) == "fall" && self.w(i + 1) == "of" && self.year_phrase(i + 1).is_none() {
            return None;
        }
        let mut e = i + 1;
        let mut y = YearRef::Implicit;
        if self.w(e) == "of" {
            if let Some((e2, yy)) = self.year_after(e + 1) {
                y = YearRef::Explicit(yy);
                e = e2;
            } else if matches!(self.w(e + 1), "that" | "the") && self.w(e + 2) == "year" {
                y = YearRef::Anaphoric(0);
                e += 3;
            }
        } else if let Some((e2, yy)) = self.year_after(e).filter(|_| !self.punct(e, ",")) {
            y = YearRef::Explicit(yy);
            e = e2;
        }
        Some((e, Sem::Season { y, code, first }))
    }

    /// "fourth quarter (of 2005)", "Q3 2024", "third-quarter", "fiscal 2024 first quarter".
    pub(super) fn quarter(&self, i: usize) -> M {
        let w = self.w(i);
        let mut fiscal = false;
        let mut i = i;
        if w == "fiscal" || w == "financial" {
            fiscal = true;
            i += 1;
            // "the fiscal-first quarter".
            if self.is_dash(i) && self.tight(i) {
                i += 1;
            }
        }
        let w = self.w(i);
        let (j, q) = if let Some(q) = match w {
            "first" => Some(1),
            "second" => Some(2),
            "third" => Some(3),
            "fourth" | "final" | "last" => Some(4),
            _ => None,
        } {
            let mut j = i + 1;
            if self.is_dash(j) {
                j += 1;
            }
            if !matches!(self.w(j), "quarter" | "quarters") {
                return None;
            }
            if w == "last" {
                return Some((j + 1, Sem::RelUnit { unit: Unit::Quarter, off: -1, anaphoric: false }));
            }
            (j + 1, q)
        } else if w == "q" && self.tight(i + 1) {
            let q = self.num(i + 1).filter(|q| (1..=4).contains(q))?;
            (i + 2, q)
        } else {
            return None;
        };
        let mut e = j;
        let mut y = YearRef::Implicit;
        if self.w(e) == "of" {
            if let Some((e2, yy)) = self.year_after(e + 1) {
                y = YearRef::Explicit(yy);
                e = e2;
            } else if matches!(self.w(e + 1), "this" | "last" | "next") && self.w(e + 2) == "year" {
                let off = match self.w(e + 1) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                y = YearRef::Deictic(off);
                e += 3;
            } else if matches!(self.w(e + 1), "the" | "that")
                && matches!(self.w(e + 2), "year" | "fiscal" | "financial")
            {
                let k = if self.w(e + 2) == "year" { e + 3 } else { e + 4 };
                y = YearRef::Anaphoric(0);
                e = k;
            }
        } else if let Some(yy) = self.four_digit_year(e) {
            y = YearRef::Explicit(yy);
            e += 1;
        }
        Some((e, Sem::Quarter { y, q, fiscal }))
    }

    /// At "year" after "this", "last", "next" (`off`): "this year's third quarter", "next year's
    /// first quarter"; in a report "last year's quarter" is the reported quarter a year back.
    pub(super) fn year_s_quarter(&self, j: usize, off: i32) -> M {
        if self.w(j) != "year" || !self.punct(j + 1, "'") || self.w(j + 2) != "s" {
            return None;
        }
        if let Some((e, Sem::Quarter { y: YearRef::Implicit, q, fiscal })) = self.quarter(j + 3) {
            return Some((e, Sem::Quarter { y: YearRef::Deictic(off), q, fiscal }));
        }
        (matches!(off, -1 | 0) && self.w(j + 3) == "quarter" && !self.is_dash(j + 4))
            .then(|| (j + 4, Sem::ReportPeriod { back: -off, year: YearRef::Implicit }))
    }

    /// "year-earlier", "year-ago": a year before the reported period ("year-earlier net").
    pub(super) fn year_ago_adjective(&self, i: usize) -> Option<usize> {
        (self.w(i) == "year"
            && self.is_dash(i + 1)
            && self.tight(i + 1)
            && self.tight(i + 2)
            && matches!(self.w(i + 2), "ago" | "earlier"))
        .then_some(i + 3)
    }

    /// The period an earnings report is about, after "the" (at `j`): "quarter", "latest quarter",
    /// "latest period", "(comparable) year-ago/year-earlier quarter|period|third quarter", "1988
    /// period", "1988 third quarter".
    pub(super) fn report_period(&self, j: usize) -> M {
        let word = |k: usize| match self.w(k) {
            "quarter" if !self.is_dash(k + 1) && !self.cap(k) && self.w(k + 1) != "of" => Some(true),
            "period" => Some(false),
            _ => None,
        };
        let mut k = j;
        if self.w(k) == "comparable" || self.w(k) == "corresponding" {
            k += 1;
        }
        if let Some(e) = self.year_ago_adjective(k) {
            if let Some((e2, Sem::Quarter { q, fiscal, .. })) = self.quarter(e) {
                return Some((e2, Sem::Quarter { y: YearRef::Deictic(-1), q, fiscal }));
            }
            word(e)?;
            return Some((e + 1, Sem::ReportPeriod { back: 1, year: YearRef::Implicit }));
        }
        if let Some(y) = self.four_digit_year(k) {
            if let Some((e2, Sem::Quarter { q, fiscal, .. })) = self.quarter(k + 1) {
                return Some((e2, Sem::Quarter { y: YearRef::Explicit(y), q, fiscal }));
            }
            word(k + 1)?;
            return Some((k + 2, Sem::ReportPeriod { back: 0, year: YearRef::Explicit(y) }));
        }
        let latest = self.w(k) == "latest";
        if latest {
            k += 1;
        }
        // "the quarter a year ago", "the period a year earlier": the report's period, a year back.
        if !latest
            && word(k).is_some()
            && let Some(e) = self.year_before_phrase(k + 1)
        {
            return Some((e, Sem::ReportPeriod { back: 1, year: YearRef::Implicit }));
        }
        match word(k) {
            Some(quarter_word) if latest || quarter_word => {
                Some((k + 1, Sem::ReportPeriod { back: 0, year: YearRef::Implicit }))
            }
            _ => None,
        }
    }
}
