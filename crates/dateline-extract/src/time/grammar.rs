//! The tagger: a token scanner that recognises temporal expressions at candidate tokens and turns
//! each into a [`Sem`], an unresolved meaning that `normalize` resolves against the anchors.

use chrono::{NaiveDate, Weekday};

use super::lexicon::{self, Unit};
use super::token::{Tok, TokKind, tokenize};

/// How an expression's year is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// "2024", "241 BC" (astronomical: 1 BC = 0).
    Explicit(i32),
    /// Relative to the publication date: "this year" 0, "last year" -1.
    Deictic(i32),
    /// The nearest occurrence of the month or season that way: "last June" -1, "next spring" +1,
    /// "this June" 0.
    Occurrence(i32),
    /// Relative to the narrative's reference date: "that year" 0, "the following year" +1.
    Anaphoric(i32),
    /// Not given: chosen from context and tense.
    Implicit,
}

/// A fuzzy part of a period: "early June", "mid-2023", "the end of the year".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Start,
    Mid,
    End,
    /// "the first half of": H1; "the second half": H2.
    Half(u32),
    /// "the last week of March".
    LastWeek,
    /// "the 28th of that month": a day of the month.
    Day(u32),
}

/// The meaning of an expression before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    Date(NaiveDate),
    Day {
        y: YearRef,
        m: u32,
        d: u32,
    },
    Month {
        y: YearRef,
        m: u32,
    },
    Year(YearRef),
    /// "1990s" → 199; `bc` for "the 5th century BC" etc. is not handled.
    Decade(i32),
    /// "the 19th century" → 18.
    Century(i32),
    Season {
        y: YearRef,
        code: &'static str,
        first: u32,
    },
    Quarter {
        y: YearRef,
        q: u32,
        fiscal: bool,
    },
    /// A named weekday; `dir` when "last"/"next"/"this" says which one.
    Weekday {
        wd: Weekday,
        shift: Option<i32>,
    },
    /// today 0, yesterday -1, tomorrow +1.
    RelDay(i64),
    /// "this week" (0), "last month" (-1), "next year" (+1); `anaphoric` for "the following day".
    RelUnit {
        unit: Unit,
        off: i32,
        anaphoric: bool,
    },
    /// "three years ago" (-3), "two days later" (anaphoric +2).
    Shift {
        n: i64,
        unit: Unit,
        anaphoric: bool,
    },
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// "year-end", "year's end": December 31 of the current year, or of the last one in a past
    /// clause ("since year-end").
    YearEnd,
    /// A period of an earnings report: "the quarter" (`back` 0), "the year-ago period" (1),
    /// "the 1988 period" (`year` explicit): the reported quarter, or a year when none is named.
    ReportPeriod {
        back: i32,
        year: YearRef,
    },
    /// Annotated in histories (TIMEX2), not in news (TIMEX3): an age ("the 6-year-old boy"),
    /// "the same time".
    NarrativeOnly(Box<Sem>),
    /// A duration; `n` None for "several years"; `anchor` -1 for "the past N days", +1 for "the next".
    Duration {
        n: Option<f64>,
        unit: Unit,
        anchor: i32,
    },
    /// "from 2009 to 2011": a duration with a range.
    YearSpan(i32, i32),
    Set(&'static str),
    /// "the same month a year ago": the last mentioned period (or `unit` of it), a year back.
    SameLastYear(Option<Unit>),
    /// "on the 24th": a day of the month the text is in.
    DayOfMonth(u32),
    /// "fiscal year 2024": FY2024, October 2023 to September 2024.
    FiscalYear(i32),
    /// "per day": a SET whose value stays a period in every convention.
    Rate(&'static str),
    /// A clock time on a day (`day` None: the reference day).
    Clock {
        h: u32,
        m: u32,
        utc: bool,
        day: Option<Box<Sem>>,
    },
    /// A part of a day: "Thursday night", "this morning", "tonight".
    PartOfDay {
        day: Box<Sem>,
        code: &'static str,
    },
    Fuzzy {
        part: Part,
        inner: Box<Sem>,
    },
    /// "May 24-27", "from March 4 to April 2": both ends as days.
    DayRange {
        a: Box<Sem>,
        b: Box<Sem>,
    },
    /// An anaphoric "the day", "that time", "the same day": the reference date itself.
    SameDay,
    /// "'89": a year of the century the text is in.
    ShortYear(i32),
    /// "former": PAST_REF in histories (TIMEX2 practice); no time in news (TIMEX3).
    Former,
    /// A bare part of a day ("night", "daytime"): annotated in histories (TIMEX2), not in news.
    BarePartOfDay(&'static str),
}

/// A tagged but unresolved expression: token range, byte span, meaning.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// Sub-extents scored separately in TIMEX3 output ("May 24" and "27" of "May 24-27").
    pub parts: Vec<(usize, usize, Sem)>,
}

pub(crate) struct Parser<'a> {
    text: &'a str,
    lower: &'a str,
    toks: Vec<Tok>,
}

type M = Option<(usize, Sem)>;

/// Bit `len` of entry `c` is set when some word that may start an expression begins with letter
/// `c` and has `len` bytes. Built by trying every (letter, length) shape is impossible, so it is
/// built from the start words themselves.
static START_MASK: std::sync::LazyLock<[u64; 26]> = std::sync::LazyLock::new(|| {
    let mut mask = [0u64; 26];
    for w in
        START_WORDS.iter().copied().chain(lexicon::ALL_WORDS.iter().copied()).chain(APPROX.iter().copied())
    {
        let b = w.as_bytes();
        if let Some(&c) = b.first()
            && c.is_ascii_lowercase()
            && b.len() < 64
        {
            mask[usize::from(c - b'a')] |= 1u64 << b.len();
        }
    }
    mask
});

/// FNV-1a: a fast hash for short keys.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvSet = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

/// Every word that may start an expression, checked against the full rules once.
static START_SET: std::sync::LazyLock<FnvSet> = std::sync::LazyLock::new(|| {
    START_WORDS
        .iter()
        .copied()
        .chain(lexicon::ALL_WORDS.iter().copied())
        .chain(APPROX.iter().copied())
        .filter(|w| Parser::may_start_slow(w))
        .chain(["mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"])
        .collect()
});

/// Function words that may start an expression (the lexicon's words are in `lexicon::ALL_WORDS`).
const START_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "current",
    "currently",
    "now",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "recently",
    "recent",
    "several",
    "few",
    "many",
    "more",
    "less",
    "at",
    "up",
    "close",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "annual",
    "biweekly",
    "nightly",
    "hourly",
    "every",
    "each",
    "per",
    "noon",
    "midnight",
    "nowadays",
    "presently",
    "future",
    "soon",
    "q",
    "fy",
    "from",
    "between",
    "single",
    "christmas",
    "new",
    "long",
    "short",
    "medium",
    "near",
    "following",
    "same",
    "end",
    "beginning",
    "start",
    "middle",
    "ad",
    "fiscal",
    "former",
    "most",
    "some",
    "numerous",
    "midday",
    "over",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "night",
    "nights",
    "daytime",
    "these",
    "date",
];

const APPROX: &[&str] = &["over", "nearly", "almost", "about", "around", "some", "roughly", "approximately"];

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str, lower: &'a str) -> Self {
        Self { text, lower, toks: tokenize(text) }
    }

    fn n(&self) -> usize {
        self.toks.len()
    }

    /// The lowercased word at `i`, or "" for numbers, punctuation and out of range.
    fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word => &self.lower[t.start..t.end],
            _ => "",
        }
    }

    /// The lowercased token text at `i` whatever its kind.
    fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.s(i) == w
    }

    fn punct(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct) && self.s(i) == c
    }

    fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Num || t.end - t.start > 9 {
            return None;
        }
        self.lower[t.start..t.end].parse().ok()
    }

    fn num_len(&self, i: usize) -> usize {
        self.toks.get(i).filter(|t| t.kind == TokKind::Num).map_or(0, |t| t.end - t.start)
    }

    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| self.text.as_bytes()[t.start].is_ascii_uppercase())
    }

    /// No whitespace between token `i-1` and `i`.
    fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    fn is_dash(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct)
            && matches!(self.s(i), "-" | "\u{2013}" | "\u{2014}" | "/")
    }

    /// Runs the scanner over the whole text.
    pub(crate) fn run(&self) -> Vec<Raw> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.n() {
            let t = self.toks[i];
            if t.kind == TokKind::Punct && self.s(i) != "'" {
                i += 1;
                continue;
            }
            if let Some(raw) = self.at(i) {
                i = raw.1.max(i + 1);
                out.push(raw.0);
            } else {
                i += 1;
            }
        }
        out
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<(Raw, usize)> {
        let w = self.s(i);
        // Cheap rejection: most tokens can start nothing.
        if self.toks[i].kind == TokKind::Word && !self.may_start(w) {
            return None;
        }
        // Function words start an expression only before a temporal word or a number.
        if matches!(
            w,
            "the"
                | "a"
                | "an"
                | "at"
                | "from"
                | "between"
                | "some"
                | "more"
                | "less"
                | "up"
                | "close"
                | "over"
                | "new"
                | "that"
                | "this"
                | "most"
                | "each"
                | "every"
                | "per"
        ) {
            let n = i + 1;
            let ok = self.toks.get(n).is_some_and(|t| t.kind == TokKind::Num)
                || self.may_start(self.w(n))
                || lexicon::part_of_day(self.w(n)).is_some()
                || matches!(
                    self.w(n),
                    "very"
                        | "latter"
                        | "time"
                        | "couple"
                        | "present"
                        | "preceding"
                        | "prior"
                        | "final"
                        | "dawn"
                        | "succeeding"
                        | "than"
                        | "least"
                        | "to"
                        | "year"
                        | "period"
                        | "mere"
                        | "latest"
                        | "full"
                        | "comparable"
                        | "corresponding"
                );
            if !ok {
                return None;
            }
        }
        let mut best: Option<(usize, usize, Sem)> = None;
        let mut consider = |start: usize, m: M| {
            if let Some((end, sem)) = m
                && end > start
                && best.as_ref().is_none_or(|b| end > b.1)
            {
                best = Some((start, end, sem));
            }
        };
        consider(i, self.duration(i));
        consider(i, self.date_expr(i));
        consider(i, self.set(i));
        let (start, end, sem) = best?;
        let mut parts = Vec::new();
        let (start, end, sem) = self.extend(start, end, sem, &mut parts);
        // "24-27 May": the first day and the rest are separate TIMEX3 extents.
        if parts.is_empty()
            && let Sem::DayRange { a, b } = &sem
            && let Some((j, _)) = self.day_num(start)
            && j + 1 < end
        {
            parts.push((self.toks[start].start, self.toks[j - 1].end, (**a).clone()));
            parts.push((self.toks[j + 1].start, self.toks[end - 1].end, (**b).clone()));
        }
        let bs = self.toks[start].start;
        let be = self.toks[end - 1].end;
        Some((Raw { start: bs, end: be, sem, parts }, end))
    }

    fn may_start(&self, w: &str) -> bool {
        // Most words start nothing: reject them on (first letter, length) before the lexicon.
        let b = w.as_bytes();
        if b.is_empty() || !b[0].is_ascii_lowercase() || b.len() >= 64 {
            return false;
        }
        if START_MASK[usize::from(b[0] - b'a')] & (1u64 << b.len()) == 0 {
            return false;
        }
        START_SET.contains(w)
    }

    fn may_start_slow(w: &str) -> bool {
        lexicon::month(w).is_some()
            || lexicon::weekday(w).is_some()
            || lexicon::weekday_plural(w).is_some()
            || lexicon::number_word(w).is_some()
            || lexicon::ordinal_word(w).is_some()
            || lexicon::unit(w).is_some()
            || lexicon::season(w).is_some()
            || APPROX.contains(&w)
            || matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "last"
                    | "next"
                    | "past"
                    | "coming"
                    | "previous"
                    | "current"
                    | "currently"
                    | "now"
                    | "today"
                    | "tonight"
                    | "yesterday"
                    | "tomorrow"
                    | "early"
                    | "mid"
                    | "late"
                    | "earlier"
                    | "later"
                    | "recently"
                    | "recent"
                    | "several"
                    | "few"
                    | "many"
                    | "more"
                    | "less"
                    | "at"
                    | "up"
                    | "close"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "yearly"
                    | "annually"
                    | "annual"
                    | "biweekly"
                    | "nightly"
                    | "hourly"
                    | "every"
                    | "each"
                    | "per"
                    | "noon"
                    | "midnight"
                    | "nowadays"
                    | "presently"
                    | "ongoing"
                    | "future"
                    | "soon"
                    | "q"
                    | "fy"
                    | "from"
                    | "between"
                    | "single"
                    | "hours"
                    | "mid-"
                    | "christmas"
                    | "new"
                    | "long"
                    | "short"
                    | "medium"
                    | "near"
                    | "following"
                    | "same"
                    | "end"
                    | "beginning"
                    | "start"
                    | "middle"
                    | "q1"
                    | "q2"
                    | "q3"
                    | "q4"
                    | "h1"
                    | "h2"
                    | "ad"
                    | "fiscal"
                    | "former"
                    | "most"
                    | "these"
                    | "date"
                    | "night"
                    | "nights"
                    | "daytime"
            )
    }

    // ---------------------------------------------------------------- extension

    /// Grows a match: "12:00 UTC Monday", "Monday night", ranges "May 24-27", "from March 4 to 11".
    fn extend(
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
    fn range_end(&self, j: usize, first: &Sem) -> M {
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

    // ---------------------------------------------------------------- dates

    /// Any date-like expression at `i` (not durations or sets).
    fn date_expr(&self, i: usize) -> M {
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
                    let part = if w == "earlier" { Part::Start } else { Part::End };
                    let inner = if matches!(inner, Sem::RelDay(0)) {
                        inner
                    } else {
                        Sem::Fuzzy { part, inner: Box::new(inner) }
                    };
                    return Some((e, inner));
                }
            }
            _ => {}
        }
        if let Some(e) = self.year_ago_adjective(i) {
            return Some((e, Sem::ReportPeriod { back: 1, year: YearRef::Implicit }));
        }
        let a = self.core_date(i);
        let b = self.relative(i);
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// Expressions starting with "the".
    fn the_expr(&self, i: usize) -> M {
        let j = i + 1;
        let w = self.w(j);
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
                return Some((e, Sem::Fuzzy { part, inner: Box::new(inner) }));
            }
            // "the end of the year", "the beginning of the month".
            if self.w(k) == "the"
                && let Some((unit, false)) = lexicon::unit(self.w(k + 1))
            {
                return Some((
                    k + 2,
                    Sem::Fuzzy { part, inner: Box::new(Sem::RelUnit { unit, off: 0, anaphoric: true }) },
                ));
            }
            return None;
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
                return Some((e, Sem::Fuzzy { part: Part::Half(h), inner: Box::new(inner) }));
            }
        }
        // "the last week of March".
        if matches!(w, "last" | "final") && self.w(j + 1) == "week" && self.w(j + 2) == "of" {
            let k = j + 3;
            if let Some((e, inner @ Sem::Month { .. })) = self.core_date(k) {
                return Some((e, Sem::Fuzzy { part: Part::LastWeek, inner: Box::new(inner) }));
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
                return Some((
                    k + 2,
                    Sem::Fuzzy { part, inner: Box::new(Sem::RelUnit { unit, off: 0, anaphoric: true }) },
                ));
            }
            if let Some((e, inner)) = self.core_date(k) {
                return Some((e, Sem::Fuzzy { part, inner: Box::new(inner) }));
            }
        }
        // Quarters: "the fourth quarter (of 2005 | of this year | of last year)".
        if let Some(m) = self.quarter(j) {
            return Some(m);
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
            "current" | "present" => {
                if let Some((unit, false)) = lexicon::unit(self.w(j + 1)) {
                    return Some((j + 2, Sem::RelUnit { unit, off: 0, anaphoric: false }));
                }
            }
            _ => {}
        }
        None
    }

    /// "a year ago", "a year earlier", "last year", "of last year", "of the previous year", "the
    /// year before": the end of the phrase.
    fn year_before_phrase(&self, k: usize) -> Option<usize> {
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
    fn nth_unit(&self, j: usize) -> M {
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

    /// "Christmas 1963", "Christmas Day", "New Year's Day 2005", "New Year's Eve".
    fn holiday(&self, i: usize) -> M {
        let (mut e, m, d) = match self.w(i) {
            "christmas" if self.cap(i) => match self.w(i + 1) {
                "day" => (i + 2, 12, 25),
                "eve" => (i + 2, 12, 24),
                _ => (i + 1, 12, 25),
            },
            "new"
                if self.cap(i)
                    && self.w(i + 1) == "year"
                    && self.punct(i + 2, "'")
                    && self.w(i + 3) == "s" =>
            {
                match self.w(i + 4) {
                    "day" => (i + 5, 1, 1),
                    "eve" => (i + 5, 12, 31),
                    _ => return None,
                }
            }
            _ => return None,
        };
        if let Some((e2, y)) = self.year_after(e).filter(|_| !self.punct(e, ",")) {
            e = e2;
            return Some((e, Sem::Day { y: YearRef::Explicit(y), m, d }));
        }
        // A bare "Christmas" is a season, not a day: only "Christmas Day" and "New Year's Day".
        if e == i + 1 {
            return None;
        }
        Some((e, Sem::Day { y: YearRef::Implicit, m, d }))
    }

    /// Explicit calendar dates: "May 24, 2021", "24 May", "Wednesday, April 24", "June 2023",
    /// "2021", "the 1990s", "2024-04-24", "7/8/07", "241 BC", seasons, quarters.
    fn core_date(&self, i: usize) -> M {
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
            let k = if self.is_dash(i + 1) && self.tight(i + 1) && self.tight(i + 2) {
                i + 2
            } else if self.punct(i + 1, "'") && self.w(i + 2) == "s" {
                i + 3
            } else {
                i + 1
            };
            if self.w(k) == "end" && !self.is_dash(k + 1) {
                return Some((k + 1, Sem::YearEnd));
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

    fn iso(&self, i: usize) -> M {
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
    fn bare_day_range(&self, i: usize) -> M {
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
    fn day_num(&self, i: usize) -> Option<(usize, u32)> {
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
    fn ordinal_day(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(d) = lexicon::ordinal_word(self.w(i)) {
            return Some((i + 1, d));
        }
        let (e, d) = self.day_num(i)?;
        (e == i + 2).then_some((e, d))
    }

    fn month_word(&self, i: usize) -> Option<(usize, u32)> {
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
    fn month_day(&self, i: usize) -> M {
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

    /// A year given after a month or day, explicit or not: ", 2021", "of 2021", "of that year",
    /// "of the same year", "of the following year", "of last year".
    fn year_phrase(&self, e: usize) -> Option<(usize, YearRef)> {
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
    fn year_after(&self, e: usize) -> Option<(usize, i32)> {
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

    fn four_digit_year(&self, i: usize) -> Option<i32> {
        (self.num_len(i) == 4)
            .then(|| self.num(i))
            .flatten()
            .map(|y| y as i32)
            .filter(|y| (1000..=2199).contains(y))
    }

    /// A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen
    /// eighty"; with `thousands`, "two thousand (and) one" too (only where a year is expected:
    /// "two thousand" alone is a number).
    fn spoken_year(&self, i: usize, thousands: bool) -> Option<(usize, i32)> {
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

    /// "24 May", "24 May 2021", "24th of May".
    fn day_month(&self, i: usize) -> M {
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
    fn month_alone(&self, i: usize) -> M {
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

    /// "241 BC", "146 B.C.", "AD 70" handled in core_date.
    fn bc_year(&self, i: usize) -> M {
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
    fn year(&self, i: usize, loose: bool) -> M {
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
    fn decade(&self, i: usize) -> M {
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
            let full = if y <= 20 { 2000 + y } else { 1900 + y };
            return Some((i + 2, Sem::Decade(full / 10)));
        }
        Some((i + 2, Sem::Decade(y / 10)))
    }

    /// "19th century", "nineteenth century" (after "the").
    fn century(&self, i: usize) -> M {
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
    fn season(&self, i: usize) -> M {
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
    fn quarter(&self, i: usize) -> M {
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

    /// "year-earlier", "year-ago": a year before the reported period ("year-earlier net").
    fn year_ago_adjective(&self, i: usize) -> Option<usize> {
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
    fn report_period(&self, j: usize) -> M {
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
        match word(k) {
            Some(quarter_word) if latest || quarter_word => {
                Some((k + 1, Sem::ReportPeriod { back: 0, year: YearRef::Implicit }))
            }
            _ => None,
        }
    }

    /// Deictic and anaphoric expressions: today, now, this week, last June, next Friday,
    /// three years ago, two days later, that day.
    fn relative(&self, i: usize) -> M {
        let w = self.w(i);
        // "a second consecutive day", "fourth week in a row".
        if let Some(m) = self.nth_unit(if matches!(w, "a" | "an") { i + 1 } else { i }) {
            return Some(m);
        }
        match w {
            "today" => {
                // "today's" in a generic sense stays a date; the scorer's convention is the day.
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
                if matches!(self.w(i + 1), "years" | "months" | "weeks" | "days" | "decades") {
                    return Some((i + 2, Sem::Ref("PAST_REF")));
                }
                return Some((i + 1, Sem::Ref("PAST_REF")));
            }
            "soon" if i > 0 && self.w(i - 1) == "very" => return None,
            "future" if i > 0 && matches!(self.w(i - 1), "near" | "foreseeable") => return None,
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
                if let Some(code) = lexicon::part_of_day(nw)
                    && w == "this"
                {
                    return Some((j + 1, Sem::PartOfDay { day: Box::new(Sem::RelDay(0)), code }));
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

    /// A count before a unit: "3", "three", "a", "an", "twenty-five", "two and a half"; None for
    /// "several", "a few", "many".
    fn count(&self, i: usize) -> Option<(usize, Option<f64>)> {
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

    // ---------------------------------------------------------------- durations and sets

    /// "three years", "27-year", "the past nine days", "over a decade", "several months",
    /// "the next four years", "a year and a half".
    fn duration(&self, i: usize) -> M {
        let mut j = i;
        // Approximators are part of the extent.
        if APPROX.contains(&self.w(j)) && self.w(j + 1) != "the" {
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
        // "over the years", "for years", "in minutes", "within days", "decades-long".
        if let Some((unit, true)) = lexicon::unit(self.w(j)) {
            let prev = if j > 0 { self.w(j - 1) } else { "" };
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
        // "a second consecutive day" is an ordinal; "a quarter of" a fraction.
        if article && matches!(unit, Unit::Second | Unit::Quarter) {
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

    /// "daily", "weekly", "every year", "each month", "per day", "15 a year", "on Mondays".
    fn set(&self, i: usize) -> M {
        let w = self.w(i);
        let v = match w {
            "daily" | "nightly" => "P1D",
            "weekly" => "P1W",
            "biweekly" => "P2W",
            "monthly" => "P1M",
            "yearly" | "annually" => "P1Y",
            "annual" => return Some((i + 1, Sem::Duration { n: Some(1.0), unit: Unit::Year, anchor: 0 })),
            "hourly" => "PT1H",
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

    /// Clock times: "16:08 UTC", "6:40 p.m.", "10 a.m.", "noon", "0800 UTC", "03:00hrs".
    fn clock(&self, i: usize) -> M {
        let w = self.w(i);
        if w == "noon" || w == "midday" {
            return Some((i + 1, Sem::Clock { h: 12, m: 0, utc: false, day: None }));
        }
        if w == "midnight" {
            return Some((i + 1, Sem::Clock { h: 0, m: 0, utc: false, day: None }));
        }
        let h = self.num(i)?;
        let mut e = i + 1;
        let mut m = 0;
        let mut has_minutes = false;
        if self.punct(e, ":") && self.tight(e) && self.num_len(e + 1) == 2 && self.tight(e + 1) {
            m = self.num(e + 1)?;
            e += 2;
            has_minutes = true;
            // Seconds.
            if self.punct(e, ":") && self.num_len(e + 1) == 2 && self.tight(e) {
                e += 2;
            }
        } else if self.punct(e, ".") && self.tight(e) && self.num_len(e + 1) == 2 && self.tight(e + 1) {
            // "6.30 pm": only with a meridiem.
            let k = e + 2;
            if self.meridiem(k).is_some() {
                m = self.num(e + 1)?;
                e = k;
                has_minutes = true;
            }
        } else if self.num_len(i) == 4 {
            // "0800 UTC", "1430 GMT", "0300 hours".
            let next = self.w(e);
            if lexicon::is_zone(next) && self.cap(e) || next == "hours" || next == "hrs" && self.tight(e) {
                let v = self.num(i)?;
                let (hh, mm) = (v / 100, v % 100);
                if hh < 24 && mm < 60 {
                    let utc = matches!(next, "utc" | "gmt" | "z");
                    return Some((e + 1, Sem::Clock { h: hh, m: mm, utc, day: None }));
                }
            }
            return None;
        }
        let mut pm = None;
        if let Some((k, is_pm)) = self.meridiem(e) {
            pm = Some(is_pm);
            e = k;
        } else if !has_minutes {
            // "10 o'clock".
            if self.w(e) == "o" && self.punct(e + 1, "'") && self.w(e + 2) == "clock" {
                e += 3;
            } else {
                return None;
            }
        }
        if h > 24 || m > 59 || self.num_len(i) > 2 {
            return None;
        }
        let mut h = h;
        match pm {
            Some(true) if h < 12 => h += 12,
            Some(false) if h == 12 => h = 0,
            _ => {}
        }
        let mut utc = false;
        if lexicon::is_zone(self.w(e)) && (self.cap(e) || self.w(e) == "hrs") {
            utc = matches!(self.w(e), "utc" | "gmt" | "z");
            e += 1;
        } else if self.w(e) == "hrs" || self.w(e) == "hours" && has_minutes {
            e += 1;
        }
        // Minutes without meridiem or zone: only as a clock "14:30" (not "3:1" scores).
        if pm.is_none() && !utc && has_minutes && self.num_len(i) == 1 && !self.w(e).contains("local") {
            // "5:30" alone is weak evidence; accept when followed by a time word.
            if !matches!(self.w(e), "local" | "am" | "pm" | "time")
                && !matches!(self.w(i.saturating_sub(1)), "at" | "by" | "until" | "from")
            {
                return None;
            }
        }
        if pm.is_none()
            && !utc
            && has_minutes
            && !matches!(
                self.w(i.saturating_sub(1)),
                "at" | "by" | "until" | "from" | "around" | "about" | "after" | "before"
            )
            && !self.w(e).contains("local")
            && self.w(e) != "hrs"
        {
            // A ratio or a score, not a clock.
            if self.s(e.saturating_sub(1)) != "hrs" {
                return None;
            }
        }
        Some((e, Sem::Clock { h, m, utc, day: None }))
    }

    /// "a.m.", "am", "p.m.", "pm", "PM".
    fn meridiem(&self, e: usize) -> Option<(usize, bool)> {
        let w = self.w(e);
        match w {
            "am" | "pm" => Some((e + 1, w == "pm")),
            "a" | "p" if self.punct(e + 1, ".") && self.w(e + 2) == "m" => {
                let mut k = e + 3;
                if self.punct(k, ".") && self.tight(k) {
                    k += 1;
                }
                Some((k, w == "p"))
            }
            _ => None,
        }
    }
}
