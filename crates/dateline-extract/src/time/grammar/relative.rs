//! Relative days, weekdays and phrases after "the": "today", "last week", "three years ago",
//! "the next day", "the previous Friday", "the week of March 6" (parts of periods, "the end of the
//! month", are in `parts`).

use super::*;

impl Parser<'_> {
    /// Any date-like expression at `i` (not durations or sets).
    pub(super) fn date_expr(&self, i: usize) -> M {
        let w = self.w(i);
        match w {
            "the" => return self.the_expr(i),
            "early" | "late" | "mid" | "middle" => {
                let part = match w {
                    "early" => Part::Start,
                    "late" => Part::End,
                    _ => Part::Mid,
                };
                let mut j = i + 1;
                if self.is_dash(j) && self.tight(j) {
                    j += 1;
                }
                if w == "late" && self.w(j) == "in" && matches!(self.w(j + 1), "the") && self.is(j + 2, "day")
                {
                    return Some((j + 3, Sem::Fuzzy { part, inner: Box::new(Sem::SameDay) }));
                }
                // "by mid afternoon", "at mid-morning": that part of the day the text is on.
                if w == "mid"
                    && let Some(code) = lexicon::part_of_day(self.w(j)).filter(|c| matches!(*c, "MO" | "AF"))
                {
                    // "mid-afternoon yesterday": of the day named after it.
                    let (e, day) = match self.relative(j + 1) {
                        Some((e, day @ (Sem::RelDay(_) | Sem::Weekday { .. }))) => (e, day),
                        _ => (j + 1, Sem::SameDay),
                    };
                    return Some((e, Sem::PartOfDay { day: Box::new(day), code }));
                }
                if self.w(j) == "in" {
                    j += 1;
                }
                let inner = self.core_date(j).or_else(|| self.relative(j))?;
                if matches!(inner.1, Sem::Duration { .. } | Sem::Ref(_)) {
                    return None;
                }
                return Some((inner.0, Sem::Fuzzy { part, inner: Box::new(inner.1) }));
            }
            "earlier" | "later" => {
                // "earlier today", "later this year", "later this month".
                if let Some((e, inner)) = self.relative(i + 1)
                    && matches!(inner, Sem::RelDay(0) | Sem::RelUnit { off: 0, .. })
                {
                    // "later this year" is some time in what is left of it: the year, as told.
                    return Some((e, inner));
                }
                if let Some(m) = self.earlier_in_the(i) {
                    return Some(m);
                }
            }
            _ => {}
        }
        if let Some(e) = self.year_ago_adjective(i) {
            return Some((e, Sem::ReportPeriod { back: 1, year: YearRef::Implicit }));
        }
        // "a 20th century democrat", "the fabled 11th century temple": a century as an adjective.
        if let Some(m) = self.century(i) {
            return Some(m);
        }
        let a = self.core_date(i);
        let b = self.relative(i);
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// Expressions starting with "the".
    pub(super) fn the_expr(&self, i: usize) -> M {
        let j = i + 1;
        let w = self.w(j);
        // "the day before yesterday", "the day after tomorrow".
        if w == "day" {
            match (self.w(j + 1), self.w(j + 2)) {
                ("before", "yesterday") => return Some((j + 3, Sem::RelDay(-2))),
                ("after", "tomorrow") => return Some((j + 3, Sem::RelDay(2))),
                _ => {}
            }
            // "the day before last Tuesday's hearing", "the day after Christmas": a day from a day.
            if let ("before" | "after", Some((e, day))) =
                (self.w(j + 1), self.core_date(j + 2).or_else(|| self.relative(j + 2)))
                && is_day(&day)
            {
                let days = if self.w(j + 1) == "before" { -1 } else { 1 };
                return Some((e, Sem::DayFrom { days, day: Box::new(day) }));
            }
        }
        // "the week of March 6": the week holding that day.
        if w == "week"
            && self.w(j + 1) == "of"
            && let Some((e, day)) = self.core_date(j + 2)
            && is_day(&day)
        {
            return Some((e, Sem::WeekOf(Box::new(day))));
        }
        // "the previous Friday", "the following Monday": counted from the day the text is on.
        if matches!(w, "previous" | "preceding" | "prior" | "following")
            && let Some(wd) = lexicon::weekday(self.w(j + 1)).filter(|_| self.w(j + 1).len() > 4)
        {
            let off = if w == "following" { 1 } else { -1 };
            return Some((j + 2, Sem::WeekdayFrom { wd, off }));
        }
        // "the next morning", "the following evening": that part of the day after.
        if matches!(w, "next" | "following")
            && let Some(code) = lexicon::part_of_day(self.w(j + 1))
        {
            let day = Sem::RelUnit { unit: Unit::Day, off: 1, anaphoric: true };
            return Some((j + 2, Sem::PartOfDay { day: Box::new(day), code }));
        }
        // Parts of periods: "the end of the month", "the first half of 2008", "the nineties".
        if let Some(m) = self.part_of_period(j) {
            return m;
        }
        // Quarters: "the fourth quarter (of 2005 | of this year | of last year)"; the article is
        // not part of an adjective ("the third-quarter loss": "third-quarter").
        if let Some(m) = self.quarter(j) {
            let adjective = (j..m.0).any(|k| self.w(k) == "quarter" && k > 0 && self.is_dash(k - 1));
            return if adjective { None } else { Some(m) };
        }
        // Earnings reports: "the quarter", "the latest period", "the year-ago quarter".
        if let Some(m) = self.report_period(j) {
            return Some(m);
        }
        // Seasons: "the summer (of 1915)".
        if let Some((e, s @ Sem::Season { .. })) = self.season(j) {
            return Some((e, s));
        }
        // "the year 2000", "the year two thousand".
        if w == "year"
            && let Some((e, y)) =
                self.four_digit_year(j + 1).map(|y| (j + 2, y)).or_else(|| self.spoken_year(j + 1, true))
        {
            return Some((e, Sem::Year(YearRef::Explicit(y))));
        }
        // "the 19th of October 1950", "the 5th of May".
        if let Some(d) = self.ordinal_day(j)
            && self.w(d.0) == "of"
            && let Some(m) = lexicon::month(self.w(d.0 + 1)).filter(|_| self.cap(d.0 + 1))
        {
            let mut e = d.0 + 2;
            let mut y = YearRef::Implicit;
            if let Some((e2, yy)) = self.year_after(e) {
                y = YearRef::Explicit(yy);
                e = e2;
            }
            return Some((e, Sem::Day { y, m, d: d.1 }));
        }
        // "on the 24th.": a day of the current month, by tense.
        if i > 0
            && self.w(i - 1) == "on"
            && let Some((e, d)) = self.ordinal_day(j)
            && self.toks.get(j).is_some_and(|t| t.kind == TokKind::Num)
            && (self.toks.get(e).is_none_or(|t| t.kind == TokKind::Punct) && !self.is_dash(e))
        {
            return Some((e, Sem::DayOfMonth(d)));
        }
        // "the 28th of that month".
        if let Some(d) = self.ordinal_day(j)
            && self.w(d.0) == "of"
            && self.w(d.0 + 1) == "that"
            && self.w(d.0 + 2) == "month"
        {
            let inner = Box::new(Sem::RelUnit { unit: Unit::Month, off: 0, anaphoric: true });
            return Some((d.0 + 3, Sem::Fuzzy { part: Part::Day(d.1), inner }));
        }
        // "the 19th century", "the nineteenth century".
        if let Some((e, c)) = self.century(j) {
            return Some((e, c));
        }
        // "the 1990s", "the 14 September", "the late 1960s".
        if self.toks.get(j).is_some_and(|t| t.kind == TokKind::Num)
            && let Some(m @ (_, Sem::Decade(_) | Sem::Day { .. })) =
                self.decade(j).or_else(|| self.day_month(j))
        {
            return Some(m);
        }
        if matches!(w, "early" | "mid" | "late")
            && let Some(m @ (_, Sem::Fuzzy { .. })) = self.date_expr(j)
            && let Sem::Fuzzy { inner, .. } = &m.1
            && matches!(**inner, Sem::Decade(_) | Sem::Century(_) | Sem::Season { .. })
        {
            return Some(m);
        }
        // "the night of 10 August 1792", "the morning of April 19".
        if let Some(code) = lexicon::part_of_day(w)
            && self.w(j + 1) == "of"
            && let Some((e, day @ (Sem::Day { .. } | Sem::Date(_) | Sem::Weekday { .. }))) =
                self.core_date(j + 2)
        {
            return Some((e, Sem::PartOfDay { day: Box::new(day), code }));
        }
        // "the past decade": a duration; "the last year": last year.
        if matches!(w, "past" | "last") && self.w(j + 2) != "of" {
            match lexicon::unit(self.w(j + 1)) {
                Some((unit @ (Unit::Decade | Unit::Century), false)) => {
                    return Some((j + 2, Sem::Duration { n: Some(1.0), unit, anchor: -1 }));
                }
                Some((unit @ (Unit::Year | Unit::Month | Unit::Week), false)) if w == "past" => {
                    return Some((j + 2, Sem::Duration { n: Some(1.0), unit, anchor: -1 }));
                }
                Some((unit @ (Unit::Year | Unit::Month | Unit::Week | Unit::Quarter), false)) => {
                    return Some((j + 2, Sem::RelUnit { unit, off: -1, anaphoric: false }));
                }
                _ => {}
            }
        }
        // "a second consecutive day", "the third straight week", "fourth week in a row".
        if let Some(m) = self.nth_unit(j) {
            return Some(m);
        }
        // Company reports: "the year ended June 30", "the fiscal year ending Jan. 31" are a year's
        // span (the date its end); "the full year", "the fiscal year" alone the current one.
        let k = if matches!(w, "full" | "fiscal") { j + 1 } else { j };
        if self.w(k) == "year" && !self.is_dash(k + 1) && !self.punct(k + 1, "'") {
            if matches!(self.w(k + 1), "ended" | "ending") {
                return Some((k + 1, Sem::Duration { n: Some(1.0), unit: Unit::Year, anchor: 0 }));
            }
            if k > j && !matches!(self.w(k + 1), "of" | "before" | "after" | "earlier" | "ago") {
                return Some((k + 1, Sem::RelUnit { unit: Unit::Year, off: 0, anaphoric: false }));
            }
            // "For the year, volume was flat", "a high for the year": the year the text is in;
            // not "the year before", "the year in which", "the year two thousand".
            let next = self.w(k + 1);
            if k == j
                && j >= 2
                && matches!(self.w(j - 2), "for" | "in" | "of")
                && (next.is_empty() || matches!(next, "and" | "but" | "as" | "was" | "is"))
                && lexicon::number_word(next).is_none()
                && self.num(k + 1).is_none()
            {
                return Some((k + 1, Sem::RelUnit { unit: Unit::Year, off: 0, anaphoric: false }));
            }
        }
        // "the weekend", "the day", "the week", "the time being", "the future", "the past".
        match w {
            "weekend" => {
                return Some((j + 1, Sem::RelUnit { unit: Unit::Weekend, off: 0, anaphoric: false }));
            }
            "day" if !matches!(self.w(j + 1), "of" | "before" | "after") && !self.punct(j + 1, "-") => {
                return Some((j + 1, Sem::SameDay));
            }
            "time" if self.w(j + 1) == "being" => return Some((j + 2, Sem::Ref("PRESENT_REF"))),
            "future" => return Some((j + 1, Sem::Ref("FUTURE_REF"))),
            "near" | "foreseeable" if self.w(j + 1) == "future" => {
                return Some((j + 2, Sem::Ref("FUTURE_REF")));
            }
            "past"
                if lexicon::unit(self.w(j + 1)).is_none()
                    && lexicon::number_word(self.w(j + 1)).is_none()
                    && self.num(j + 1).is_none()
                    && !matches!(self.w(j + 1), "few" | "several" | "couple") =>
            {
                return Some((j + 1, Sem::Ref("PAST_REF")));
            }
            // "the near term" is a time; "the long run" a manner of speaking.
            "long" | "short" | "medium" | "near" if self.w(j + 1) == "term" => {
                return Some((j + 2, Sem::Ref("FUTURE_REF")));
            }
            // "the corresponding period last year", "the comparable quarter a year ago".
            "corresponding" | "comparable" => {
                let unit = match lexicon::unit(self.w(j + 1)) {
                    Some((unit, false)) => Some(unit),
                    _ if self.w(j + 1) == "period" => None,
                    _ => return None,
                };
                let e = self.year_before_phrase(j + 2)?;
                return Some((e, Sem::SameLastYear(unit)));
            }
            "same" => {
                let u = lexicon::unit(self.w(j + 1));
                // "the same month a year ago", "the same period last year".
                let period = match u {
                    Some((unit, false)) => Some(Some(unit)),
                    _ if matches!(self.w(j + 1), "period" | "time") => Some(None),
                    _ => None,
                };
                if let Some(unit) = period
                    && let Some(e) = self.year_before_phrase(j + 2)
                {
                    return Some((e, Sem::SameLastYear(unit)));
                }
                if let Some((unit, false)) = u {
                    return Some((j + 2, Sem::RelUnit { unit, off: 0, anaphoric: true }));
                }
                // "at the same time": in news a manner of speaking ("while"), in histories a date.
                if self.w(j + 1) == "time" {
                    return Some((j + 2, Sem::NarrativeOnly(Box::new(Sem::SameDay))));
                }
            }
            "next" | "following" | "previous" | "preceding" | "prior" | "succeeding" | "intervening" => {
                match lexicon::unit(self.w(j + 1)) {
                    Some((unit, false)) if !matches!(w, "succeeding" | "intervening") => {
                        let off = if matches!(w, "next" | "following") { 1 } else { -1 };
                        return Some((j + 2, Sem::RelUnit { unit, off, anaphoric: true }));
                    }
                    // "the following days", "the intervening years": an unknown span.
                    Some((unit, true)) => return Some((j + 2, Sem::Duration { n: None, unit, anchor: 0 })),
                    _ => {}
                }
            }
            // "the current year", "the current fiscal year", "the present quarter".
            "current" | "present" => {
                let k = if self.w(j + 1) == "fiscal" { j + 2 } else { j + 1 };
                if let Some((unit, false)) = lexicon::unit(self.w(k)) {
                    return Some((k + 1, Sem::RelUnit { unit, off: 0, anaphoric: false }));
                }
            }
            _ => {}
        }
        None
    }

    /// "a year ago", "a year earlier", "last year", "of last year", "of the previous year", "the
    /// year before": the end of the phrase.
    pub(super) fn year_before_phrase(&self, k: usize) -> Option<usize> {
        let k = if self.w(k) == "of" || self.w(k) == "in" { k + 1 } else { k };
        match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("a" | "one", "year", "ago" | "earlier" | "before") => Some(k + 3),
            ("last", "year", _) => Some(k + 2),
            ("the", "last" | "previous" | "prior" | "preceding", "year") => Some(k + 3),
            ("the", "year", "before") => Some(k + 3),
            _ => None,
        }
    }

    /// "second consecutive day", "fourth straight week", "fourth week in a row": the current one.
    pub(super) fn nth_unit(&self, j: usize) -> M {
        let n = lexicon::ordinal_word(self.w(j))?;
        if n < 2 {
            return None;
        }
        let mut k = j + 1;
        let adj = matches!(self.w(k), "consecutive" | "straight" | "successive");
        if adj {
            k += 1;
        }
        let (unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Quarter), false) =
            lexicon::unit(self.w(k))?
        else {
            return None;
        };
        let row = self.w(k + 1) == "in" && self.w(k + 2) == "a" && self.w(k + 3) == "row";
        if !adj && !row {
            return None;
        }
        Some((k + 1, Sem::RelUnit { unit, off: 0, anaphoric: true }))
    }

    /// Deictic and anaphoric expressions: today, now, this week, last June, next Friday,
    /// three years ago, two days later, that day.
    pub(super) fn relative(&self, i: usize) -> M {
        let w = self.w(i);
        // "a second consecutive day", "fourth week in a row".
        if let Some(m) = self.nth_unit(if matches!(w, "a" | "an") { i + 1 } else { i }) {
            return Some(m);
        }
        match w {
            "today" => {
                // "today's youth", "today's world" are the present age, which news leaves untagged;
                // "today's vote" is the day.
                if self.punct(i + 1, "'") && self.w(i + 2) == "s" && lexicon::is_era_noun(self.w(i + 3)) {
                    return None;
                }
                return Some((i + 1, Sem::RelDay(0)));
            }
            "yesterday" => return Some((i + 1, Sem::RelDay(-1))),
            "tomorrow" => return Some((i + 1, Sem::RelDay(1))),
            "tonight" => return Some((i + 1, Sem::PartOfDay { day: Box::new(Sem::RelDay(0)), code: "NI" })),
            "now" if self.is_dash(i + 1) && self.tight(i + 1) => return None,
            "now" | "currently" | "nowadays" | "presently" => {
                // "now" as a discourse marker before a comma at a sentence start stays a time.
                return Some((i + 1, Sem::Ref("PRESENT_REF")));
            }
            "current" => {
                if let Some((unit, false)) = lexicon::unit(self.w(i + 1)) {
                    return Some((i + 2, Sem::RelUnit { unit, off: 0, anaphoric: false }));
                }
                return Some((i + 1, Sem::Ref("PRESENT_REF")));
            }
            "recently" => return Some((i + 1, Sem::Ref("PAST_REF"))),
            "more" | "most" if self.w(i + 1) == "recently" => return Some((i + 2, Sem::Ref("PAST_REF"))),
            "these" if self.w(i + 1) == "days" => return Some((i + 2, Sem::Ref("PRESENT_REF"))),
            // "to date": so far.
            "date" if i > 0 && self.w(i - 1) == "to" && self.w(i + 1) != "of" => {
                return Some((i + 1, Sem::Ref("PRESENT_REF")));
            }
            "recent" => {
                // "in recent months", "recent weeks": an unknown count of the unit back to now;
                // "recent years" and "recent days" stay the past itself.
                if matches!(self.w(i + 1), "months" | "weeks") {
                    let unit = if self.w(i + 1) == "months" { Unit::Month } else { Unit::Week };
                    return Some((i + 2, Sem::Duration { n: None, unit, anchor: 0 }));
                }
                if matches!(self.w(i + 1), "years" | "days" | "decades") {
                    return Some((i + 2, Sem::Ref("PAST_REF")));
                }
                return Some((i + 1, Sem::Ref("PAST_REF")));
            }
            "soon" if i > 0 && self.w(i - 1) == "very" => return None,
            "future" if i > 0 && matches!(self.w(i - 1), "near" | "foreseeable") => return None,
            // "future earnings", "future payments": in news a kind of thing, not a time; the noun
            // ("in future", "a future in which") and histories' adjectives stay times.
            "future"
                if self.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Word)
                    && !matches!(
                        self.w(i + 1),
                        "of" | "in"
                            | "is"
                            | "was"
                            | "and"
                            | "or"
                            | "for"
                            | "that"
                            | "which"
                            | "will"
                            | "looks"
                    ) =>
            {
                return Some((i + 1, Sem::NarrativeOnly(Box::new(Sem::Ref("FUTURE_REF")))));
            }
            "future" => return Some((i + 1, Sem::Ref("FUTURE_REF"))),
            "former" => return Some((i + 1, Sem::Former)),
            "night" | "nights" | "daytime"
                if i == 0 || !matches!(self.w(i - 1), "the" | "last" | "this" | "that") =>
            {
                let code = if w == "daytime" { "DT" } else { "NI" };
                return Some((i + 1, Sem::BarePartOfDay(code)));
            }
            // "long-term debt", "short-term funding": a kind of thing, not a time.
            "short" | "long" | "medium" | "near" => return None,
            "this" | "last" | "next" | "past" | "coming" | "previous" | "that" => {
                let j = i + 1;
                let nw = self.w(j);
                let off = match w {
                    "this" | "that" => 0,
                    "last" | "past" | "previous" => -1,
                    _ => 1,
                };
                let anaphoric = w == "that";
                if matches!(w, "this" | "last" | "next")
                    && let Some(m) = self.year_s_quarter(j, off)
                {
                    return Some(m);
                }
                if let Some((unit, false)) = lexicon::unit(nw) {
                    // "this year's", "last week".
                    if w == "past" && !matches!(unit, Unit::Week | Unit::Month | Unit::Year | Unit::Weekend) {
                        return None;
                    }
                    return Some((j + 1, Sem::RelUnit { unit, off, anaphoric }));
                }
                if nw == "time" && w == "that" {
                    return Some((j + 1, Sem::SameDay));
                }
                if let Some(wd) = lexicon::weekday(nw).filter(|_| nw.len() > 4) {
                    if w == "that" {
                        return None;
                    }
                    let shift = match w {
                        "this" => 0,
                        "last" | "past" | "previous" => -1,
                        _ => 1,
                    };
                    return Some((j + 1, Sem::Weekday { wd, shift: Some(shift) }));
                }
                if let Some((e, m)) = self.month_word(j)
                    && !lexicon::month_is_abbrev(nw)
                    && w != "that"
                {
                    return Some((e, Sem::Month { y: YearRef::Occurrence(off), m }));
                }
                if let Some((code, first)) = lexicon::season(nw) {
                    if w == "that" {
                        return Some((j + 1, Sem::Season { y: YearRef::Anaphoric(0), code, first }));
                    }
                    return Some((j + 1, Sem::Season { y: YearRef::Occurrence(off), code, first }));
                }
                // "this morning" is today's; "that afternoon" the day the text is on.
                if let Some(code) = lexicon::part_of_day(nw)
                    && matches!(w, "this" | "that")
                {
                    let day = if w == "this" { Sem::RelDay(0) } else { Sem::SameDay };
                    return Some((j + 1, Sem::PartOfDay { day: Box::new(day), code }));
                }
                if w == "last" && nw == "night" {
                    return Some((j + 1, Sem::PartOfDay { day: Box::new(Sem::RelDay(-1)), code: "NI" }));
                }
                return None;
            }
            _ => {}
        }
        // "three years ago", "two days later", "a week earlier", "weeks later".
        if let Some((e, n)) = self.count(i) {
            // "five short months ago", "two long years later": one adjective of length between.
            let e = if matches!(self.w(e), "short" | "long" | "full" | "brief")
                && lexicon::unit(self.w(e + 1)).is_some()
            {
                e + 1
            } else {
                e
            };
            let (unit, _) = lexicon::unit(self.w(e))?;
            let k = e + 1;
            return match self.w(k) {
                "ago" => Some((
                    k + 1,
                    Sem::Shift { n: -(n.map_or(i64::MAX, |n| n as i64)), unit, anaphoric: false },
                )),
                "later" | "afterwards" | "after" if self.w(k) != "after" || self.punct(k + 1, ",") => {
                    Some((k + 1, Sem::Shift { n: n.map_or(i64::MAX, |n| n as i64), unit, anaphoric: true }))
                }
                "earlier" | "before"
                    if self.w(k) != "before" || self.punct(k + 1, ",") || self.punct(k + 1, ".") =>
                {
                    Some((
                        k + 1,
                        Sem::Shift { n: -(n.map_or(i64::MAX, |n| n as i64)), unit, anaphoric: true },
                    ))
                }
                _ => None,
            };
        }
        if let Some((_, true)) = lexicon::unit(w)
            && matches!(self.w(i + 1), "later" | "ago" | "earlier")
        {
            let r = match self.w(i + 1) {
                "ago" => "PAST_REF",
                "later" => "FUTURE_REF",
                _ => "PAST_REF",
            };
            return Some((i + 2, Sem::Ref(r)));
        }
        None
    }
}

/// Whether `sem` names one day ("Tuesday", "March 6", "yesterday", "Christmas").
fn is_day(sem: &Sem) -> bool {
    matches!(
        sem,
        Sem::Date(_)
            | Sem::Day { .. }
            | Sem::Weekday { .. }
            | Sem::RelDay(_)
            | Sem::Holiday { .. }
            | Sem::WeekdayFrom { .. }
    )
}
