//! Durations and sets: "three years", "the past nine days", "a year and a half", "daily",
//! "every month".

use super::*;

impl Parser<'_> {
    /// A count before a unit: "3", "three", "a", "an", "twenty-five", "two and a half"; None for
    /// "several", "a few", "many".
    pub(super) fn count(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let w = self.w(i);
        if let Some(n) = self.num(i) {
            if self.num_len(i) > 6 {
                return None;
            }
            // "1.5 years", "2,000 years".
            if self.punct(i + 1, ".") && self.tight(i + 1) && self.num_len(i + 2) > 0 && self.tight(i + 2) {
                let frac: f64 = format!("0.{}", self.s(i + 2)).parse().ok()?;
                return Some((i + 3, Some(n as f64 + frac)));
            }
            if self.punct(i + 1, ",") && self.tight(i + 1) {
                // "1,460 years".
                if self.num_len(i + 2) == 3 && self.tight(i + 2) && self.num_len(i) <= 3 {
                    let v = n * 1000 + self.num(i + 2)?;
                    return Some((i + 3, Some(f64::from(v))));
                }
                return None;
            }
            let mut e = i + 1;
            let mut v = n as f64;
            if self.w(e) == "and" && matches!(self.w(e + 1), "a" | "one") && self.w(e + 2) == "half" {
                v += 0.5;
                e += 3;
            }
            // "2 1/2 years".
            if self.num(e) == Some(1)
                && self.punct(e + 1, "/")
                && self.tight(e + 1)
                && self.tight(e + 2)
                && self.num(e + 2) == Some(2)
            {
                v += 0.5;
                e += 3;
            }
            return Some((e, Some(v)));
        }
        if matches!(w, "a" | "an") {
            if self.w(i + 1) == "few" {
                return Some((i + 2, None));
            }
            if self.w(i + 1) == "couple" && self.w(i + 2) == "of" {
                return Some((i + 3, Some(2.0)));
            }
            return Some((i + 1, Some(1.0)));
        }
        // "the next couple of years".
        if w == "couple" && self.w(i + 1) == "of" {
            return Some((i + 2, Some(2.0)));
        }
        if matches!(w, "several" | "few" | "many" | "some" | "numerous") {
            return Some((i + 1, None));
        }
        let n = lexicon::number_word(w)?;
        let mut e = i + 1;
        let mut v = n as f64;
        // "twenty-five", "twenty five".
        if n >= 20 && n % 10 == 0 {
            let k = if self.is_dash(e) && self.tight(e) { e + 1 } else { e };
            if let Some(u) = lexicon::number_word(self.w(k)).filter(|u| *u < 10) {
                v += u as f64;
                e = k + 1;
            }
        }
        if self.w(e) == "and" && matches!(self.w(e + 1), "a" | "one") && self.w(e + 2) == "half" {
            v += 0.5;
            e += 3;
        }
        Some((e, Some(v)))
    }

    /// "three years", "27-year", "the past nine days", "over a decade", "several months",
    /// "the next four years", "a year and a half".
    pub(super) fn duration(&self, i: usize) -> M {
        let mut j = i;
        // Approximators are part of the extent.
        if lexicon::is_approximator(self.w(j)) && self.w(j + 1) != "the" {
            j += 1;
        } else if matches!(
            (self.w(j), self.w(j + 1)),
            ("more" | "less" | "fewer", "than") | ("at", "least" | "most") | ("up" | "close", "to")
        ) {
            j += 2;
        }
        let mut anchor = 0;
        if self.w(j) == "the" {
            match self.w(j + 1) {
                "past" | "last" | "previous" | "preceding" => {
                    anchor = -1;
                    j += 2;
                }
                "next" | "coming" | "following" | "first" | "final" => {
                    anchor = 1;
                    j += 2;
                }
                // "the nine months ended Sept. 30", "the latest six months", "the year-earlier
                // nine months": the article is part of a period's extent, though not of an
                // adjective's ("the 14-day strike", "the ten year war") nor of a name's ("the
                // Hundred Days").
                // "the weeks ahead": an unknown count of the unit from now on.
                w if self.w(j + 2) == "ahead" && lexicon::unit(w).is_some_and(|(_, plural)| plural) => {
                    let unit = lexicon::unit(w).map_or(Unit::Year, |u| u.0);
                    return Some((j + 3, Sem::Duration { n: None, unit, anchor: 0 }));
                }
                _ => {
                    let mut k = j + 1;
                    if self.w(k) == "latest" {
                        k += 1;
                    } else if let Some(e) = self.year_ago_adjective(k) {
                        k = e;
                    }
                    let (e, _) = self.count(k)?;
                    if matches!(self.w(k), "a" | "an")
                        || self.is_dash(e)
                        || self.cap(k)
                        || self.cap(e)
                        || lexicon::unit(self.w(e)).is_none_or(|(_, plural)| !plural)
                    {
                        return None;
                    }
                    j = k;
                }
            }
        } else if j == i
            && matches!(self.w(j), "past" | "last" | "next" | "coming")
            && self.count(j + 1).is_some()
        {
            anchor = if matches!(self.w(j), "next" | "coming") { 1 } else { -1 };
            j += 1;
        }
        // "in coming weeks": like "the coming weeks", an unknown count ahead.
        if j == i && self.w(j) == "coming" && lexicon::unit(self.w(j + 1)).is_some_and(|(_, plural)| plural) {
            j += 1;
        }
        // "over the years", "for years", "in minutes", "within days", "decades-long", "the
        // coming years".
        if let Some((unit, true)) = lexicon::unit(self.w(j)) {
            let prev = if j > 0 { self.w(j - 1) } else { "" };
            if prev == "coming" && !matches!(unit, Unit::Second | Unit::Minute) {
                return Some((j + 1, Sem::Duration { n: None, unit, anchor: 0 }));
            }
            let long = self.is_dash(j + 1) && self.w(j + 2) == "long";
            if long {
                return Some((j + 3, Sem::Duration { n: None, unit, anchor: 0 }));
            }
            if matches!(prev, "for" | "in" | "within") && !matches!(unit, Unit::Quarter | Unit::Second) {
                let next = self.w(j + 1);
                if next.is_empty() || matches!(next, "and" | "or" | "to" | "now" | "ago" | "before" | "after")
                {
                    return Some((j + 1, Sem::Duration { n: None, unit, anchor: 0 }));
                }
            }
            return None;
        }
        if self.w(j) == "over"
            && self.w(j + 1) == "the"
            && matches!(self.w(j + 2), "years" | "decades" | "months")
        {
            let unit = lexicon::unit(self.w(j + 2)).map_or(Unit::Year, |u| u.0);
            return Some((j + 3, Sem::Duration { n: None, unit, anchor: 0 }));
        }
        // "single-day".
        if self.w(j) == "single" && self.is_dash(j + 1) && self.tight(j + 1) {
            if let Some((unit, false)) = lexicon::unit(self.w(j + 2)) {
                return Some((j + 3, Sem::Duration { n: Some(1.0), unit, anchor: 0 }));
            }
            return None;
        }
        let (e, n) = self.count(j)?;
        let article = matches!(self.w(j), "a" | "an");
        let (mut e, n) = (e, n);
        // "six straight days", "the past five trading days".
        if matches!(
            self.w(e),
            "straight"
                | "consecutive"
                | "successive"
                | "full"
                | "whole"
                | "trading"
                | "more"
                | "additional"
                | "long"
        ) && lexicon::unit(self.w(e + 1)).is_some()
        {
            e += 1;
        }
        // Hyphenated adjectives: "27-year", "three-day", "12-hour".
        let hyphen = self.is_dash(e) && self.s(e) == "-" && self.tight(e) && self.tight(e + 1);
        if hyphen {
            e += 1;
        }
        let (unit, plural) = lexicon::unit(self.w(e))?;
        if unit == Unit::Weekend {
            return None;
        }
        // "a second consecutive day" is an ordinal; "a quarter of", "three-quarters of" fractions.
        if article && matches!(unit, Unit::Second | Unit::Quarter) {
            return None;
        }
        if unit == Unit::Quarter && hyphen && self.w(e + 1) == "of" {
            return None;
        }
        // "the first two quarters of 1990" is the year's first half, a date (`the_expr`).
        if unit == Unit::Quarter && anchor == 1 && n == Some(2.0) && self.w(e + 1) == "of" {
            return None;
        }
        // "3 year" without a hyphen is accepted too ("a 20 year low").
        let _ = plural;
        if matches!(self.w(e + 1), "ago" | "later" | "earlier") || self.year_ago_adjective(e).is_some() {
            return None;
        }
        if self.w(e + 1) == "before" && (self.punct(e + 2, ",") || self.punct(e + 2, ".")) {
            return None;
        }
        // "a year" after a number is a rate: "15 a year" → handled by set.
        if matches!(self.w(j), "a" | "an")
            && j > 0
            && (self.num(j - 1).is_some() || matches!(self.w(j - 1), "times" | "once" | "twice" | "thrice"))
        {
            return None;
        }
        // "the 6-year-old boy", "a 136-year-old institution", "Mr. Smith, 52 years old": an age,
        // not a period (TIMEX3).
        if hyphen && self.is_dash(e + 1) && self.tight(e + 1) && self.w(e + 2) == "old" {
            return Some((e + 1, Sem::NarrativeOnly(Box::new(Sem::Duration { n, unit, anchor }))));
        }
        if !hyphen && anchor == 0 && self.w(e + 1) == "old" {
            return Some((e + 1, Sem::NarrativeOnly(Box::new(Sem::Duration { n, unit, anchor }))));
        }
        let mut end = e + 1;
        // "a year and a half".
        let mut n = n;
        if self.w(end) == "and" && matches!(self.w(end + 1), "a" | "one") && self.w(end + 2) == "half" {
            n = n.map(|v| v + 0.5);
            end += 3;
        }
        // "24-year history": keep the noun when it is itself temporal.
        if hyphen && matches!(self.w(end), "history") {
            end += 1;
        }
        Some((end, Sem::Duration { n, unit, anchor }))
    }

    /// "daily", "weekly", "every year", "each month", "each Thursday", "every July", "per day",
    /// "15 a year", "on Mondays".
    pub(super) fn set(&self, i: usize) -> M {
        let w = self.w(i);
        // "a rise of 8% annually", "10,000 units annually", "average daily volume": a rate of an
        // amount per period, which TIMEX3 news leaves untagged; "twice annually", "named annually"
        // and "rallies almost daily" are sets.
        if matches!(w, "annually" | "daily") && self.rate_of_amount(i) {
            return None;
        }
        let v = match w {
            "daily" | "nightly" => "P1D",
            "weekly" => "P1W",
            "biweekly" => "P2W",
            "monthly" => "P1M",
            "yearly" | "annually" => "P1Y",
            "annual" => return Some((i + 1, Sem::Duration { n: Some(1.0), unit: Unit::Year, anchor: 0 })),
            "hourly" => "PT1H",
            // "each Thursday", "every July": the weekday or month of every week or year.
            "every" | "each" if lexicon::weekday(self.w(i + 1)).is_some() && self.cap(i + 1) => {
                let wd = lexicon::weekday(self.w(i + 1))?;
                return Some((i + 2, Sem::Set(WEEKDAY_SETS[wd.num_days_from_monday() as usize])));
            }
            "every" | "each" if lexicon::month(self.w(i + 1)).is_some() && self.cap(i + 1) => {
                let m = lexicon::month(self.w(i + 1))?;
                return Some((i + 2, Sem::Set(MONTH_SETS[m as usize - 1])));
            }
            "every" | "each" | "per" => {
                let unit = lexicon::unit(self.w(i + 1)).filter(|u| !u.1).map(|u| u.0);
                let v = match unit? {
                    Unit::Day => "P1D",
                    Unit::Week => "P1W",
                    Unit::Month => "P1M",
                    Unit::Year => "P1Y",
                    Unit::Hour => "PT1H",
                    Unit::Quarter => "P1Q",
                    Unit::Decade => "P10Y",
                    Unit::Weekend => "P1WE",
                    _ => return None,
                };
                // "per day" is a rate (P1D) in both conventions; "every day" a TIMEX2 pattern.
                if w == "per" {
                    return Some((i + 2, Sem::Rate(v)));
                }
                return Some((i + 2, Sem::Set(v)));
            }
            "a" | "an"
                if i > 0
                    && (self.num(i - 1).is_some()
                        || matches!(self.w(i - 1), "times" | "once" | "twice" | "thrice")) =>
            {
                let (unit, false) = lexicon::unit(self.w(i + 1))? else { return None };
                let v = match unit {
                    Unit::Day => "P1D",
                    Unit::Week => "P1W",
                    Unit::Month => "P1M",
                    Unit::Year => "P1Y",
                    Unit::Hour => "PT1H",
                    _ => return None,
                };
                return Some((i + 2, Sem::Set(v)));
            }
            _ => {
                if lexicon::weekday_plural(w).is_some() && self.cap(i) && i > 0 && self.w(i - 1) == "on" {
                    return Some((i + 1, Sem::Set("XXXX-WXX")));
                }
                return self.clock(i);
            }
        };
        Some((i + 1, Sem::Set(v)))
    }

    /// Whether the set word at `i` ("annually", "daily") gives the rate of an amount: an amount
    /// ("8.5%", "$17.9 million", "10,000 units") in the three tokens before "annually", or
    /// "average" just before "daily".
    fn rate_of_amount(&self, i: usize) -> bool {
        if self.w(i) == "daily" {
            return i > 0 && self.w(i - 1) == "average";
        }
        if i > 0 && matches!(self.w(i - 1), "times" | "once" | "twice" | "thrice") {
            return false;
        }
        (i.saturating_sub(3)..i).any(|k| self.num(k).is_some() || self.punct(k, "%"))
    }
}

/// The sets of a weekday of every week, Monday first.
const WEEKDAY_SETS: [&str; 7] =
    ["XXXX-WXX-1", "XXXX-WXX-2", "XXXX-WXX-3", "XXXX-WXX-4", "XXXX-WXX-5", "XXXX-WXX-6", "XXXX-WXX-7"];

/// The sets of a month of every year, January first.
const MONTH_SETS: [&str; 12] = [
    "XXXX-01", "XXXX-02", "XXXX-03", "XXXX-04", "XXXX-05", "XXXX-06", "XXXX-07", "XXXX-08", "XXXX-09",
    "XXXX-10", "XXXX-11", "XXXX-12",
];
