//! The tagger: a token scanner that recognises temporal expressions at candidate tokens and turns
//! each into a [`Sem`], an unresolved meaning that `normalize` resolves against the anchors.
//!
//! This file holds the meanings, the start words and the scanner; the rules are one file per
//! phenomenon: `absolute` (calendar dates, holidays), `periods` (years, decades, centuries, seasons,
//! quarters), `relative` (relative days and weekdays, phrases after "the"), `parts` (parts of
//! periods, decades in words), `durations` (durations and sets), `clock` (times of day) and
//! `ranges` (ranges and extensions of a match).

use chrono::{NaiveDate, Weekday};

use super::holidays;
use super::lexicon::{self, Unit};
use super::token::{Tok, TokKind, tokenize};

mod absolute;
mod clock;
mod durations;
mod parts;
mod periods;
mod ranges;
mod relative;

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
    /// "the previous Friday" (-1), "the following Monday" (+1): the weekday before or after the
    /// day the text is on (its last dated day, else the publication date).
    WeekdayFrom {
        wd: Weekday,
        off: i32,
    },
    /// "the day before last Tuesday" (-1), "the day after Christmas" (+1): a day counted from a
    /// named one.
    DayFrom {
        days: i64,
        day: Box<Sem>,
    },
    /// "the week of March 6": the week holding a day.
    WeekOf(Box<Sem>),
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
    /// A holiday whose day moves: "Thanksgiving", "Good Friday".
    Holiday {
        rule: holidays::Rule,
        y: YearRef,
    },
    /// "year-end", "year's end": December 31 of the current year, or of the last one in a past
    /// clause ("since year-end").
    /// `day`: the compound "year-end" names the day; "year end", "year's end" are, like "the end
    /// of the year", the year (TIMEX3 gives the whole), its range narrowed to the day.
    YearEnd {
        day: bool,
    },
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
    for w in START_SET.iter() {
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

/// Every word that may start an expression: the function words of
/// `data/time/lexicon/start-words.tsv`, the words of `words.tsv` and the holidays' first words.
/// The one list of start words.
static START_SET: std::sync::LazyLock<FnvSet> = std::sync::LazyLock::new(|| {
    lexicon::function_start_words()
        .chain(lexicon::start_words())
        .chain(holidays::HOLIDAYS.iter().map(|h| h.words[0]))
        .collect()
});

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
        if lexicon::starts_before_time(w) {
            let n = i + 1;
            let ok = self.toks.get(n).is_some_and(|t| t.kind == TokKind::Num)
                || self.may_start(self.w(n))
                || lexicon::part_of_day(self.w(n)).is_some()
                || lexicon::decade_word(self.w(n)).is_some()
                || lexicon::is_opener(self.w(n));
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
}
