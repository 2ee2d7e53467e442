//! Stage 2a: temporal expressions. Finds dates, times, durations and sets in text and resolves
//! each against the article's publication date (never a clock) to a TIMEX3 value and a
//! [`DateRange`].
//!
//! The pipeline: [`token`] splits the text into words, numbers and punctuation; [`grammar`]
//! recognises expressions at candidate tokens (closed vocabulary in [`lexicon`]) and builds an
//! unresolved meaning; [`normalize`] resolves it against the publication date, the text's last
//! explicit date (for "the next day", and for histories, where bare dates follow the narrative)
//! and the clause's tense ([`direction`]). An article's date line is read by ingest, not here.

mod direction;
mod grammar;
mod holidays;
pub(crate) mod lexicon;
pub(crate) use lexicon::number_word;
mod normalize;
mod token;

use chrono::{Datelike, NaiveDate};
use dateline_model::{DateRange, Precision, Span};
use serde::{Deserialize, Serialize};

pub use direction::Direction;

use grammar::{Parser, Raw, Sem, YearRef};
use normalize::{Ctx, Resolved};

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// One temporal expression in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte offsets into the text.
    pub span: Span,
    pub kind: TimexKind,
    /// The TIMEX3 value: `2024-04-24`, `2023-06`, `P3D`, `PRESENT_REF`...
    pub value: String,
    /// The calendar interval the expression denotes, when it denotes one.
    pub range: Option<DateRange>,
}

/// One TIMEX3 record for evaluation: code-point offsets, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimexRecord {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimexKind,
    pub value: String,
}

/// A tagged expression with the TIMEX3 sub-expressions it is scored as.
struct Tagged {
    expr: TimeExpr,
    /// Separately annotated parts (the two ends of "May 24-27"), each with its value.
    parts: Vec<(Span, TimexKind, String)>,
}

/// Tags every temporal expression in `text`. `dct` is the publication date; without it, relative
/// expressions are found but get no range.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<TimeExpr> {
    tag_full(text, dct).into_iter().map(|t| t.expr).collect()
}

/// One input line `{"doc","dct","text"}` → output records `{"doc","start","end","type","value"}`
/// with Unicode code-point offsets (end exclusive), as TIMEX3 scorers expect. A day range
/// ("May 24-27") is one [`TimeExpr`] but two TIMEX3 records.
pub fn timex_records(doc: &str, dct: Option<NaiveDate>, text: &str) -> Vec<TimexRecord> {
    let mut spans: Vec<(Span, TimexKind, String)> = Vec::new();
    for t in tag_full(text, dct) {
        if t.parts.is_empty() {
            spans.push((t.expr.span, t.expr.kind, t.expr.value));
        } else {
            spans.extend(t.parts);
        }
    }
    // Byte → code-point offsets in one pass over the sorted boundaries.
    let mut marks: Vec<usize> = spans.iter().flat_map(|(s, _, _)| [s.start, s.end]).collect();
    marks.sort_unstable();
    marks.dedup();
    let mut map = Vec::with_capacity(marks.len());
    let mut mi = 0;
    for (chars, (b, _)) in text.char_indices().chain(std::iter::once((text.len(), ' '))).enumerate() {
        while mi < marks.len() && marks[mi] <= b {
            map.push((marks[mi], chars));
            mi += 1;
        }
    }
    let cp = |b: usize| map.binary_search_by_key(&b, |m| m.0).map(|i| map[i].1).unwrap_or(0);
    spans
        .into_iter()
        .map(|(s, kind, value)| TimexRecord {
            doc: doc.to_string(),
            start: cp(s.start),
            end: cp(s.end),
            kind,
            value,
        })
        .collect()
}

fn explicit_year(sem: &Sem) -> Option<i32> {
    match sem {
        Sem::Date(d) => Some(d.year()),
        Sem::Day { y: YearRef::Explicit(y), .. }
        | Sem::Month { y: YearRef::Explicit(y), .. }
        | Sem::Year(YearRef::Explicit(y))
        | Sem::Season { y: YearRef::Explicit(y), .. }
        | Sem::Quarter { y: YearRef::Explicit(y), .. } => Some(*y),
        Sem::Fuzzy { inner, .. } => explicit_year(inner),
        Sem::DayRange { a, .. } => explicit_year(a),
        Sem::DayFrom { day, .. } | Sem::WeekOf(day) => explicit_year(day),
        _ => None,
    }
}

/// A news text speaks of its own days (today, Monday, last week) at least once in so many bytes.
const NEWS_CUE_BYTES: usize = 4000;

/// A text narrates the past when most of its explicit years lie well before its publication and
/// it hardly speaks of its own days: news tells of "today", "Monday", "last week" at least once
/// in 4,000 bytes even when its background is old (a treaty's history, a case from 1994).
fn is_narrative(raws: &[Raw], dct: Option<NaiveDate>, len: usize) -> bool {
    let Some(dct) = dct else { return true };
    let years: Vec<i32> = raws.iter().filter_map(|r| explicit_year(&r.sem)).collect();
    if years.len() < 3 {
        return false;
    }
    let old = years.iter().filter(|&&y| y < dct.year() - 1).count();
    // News speaks of today, yesterday, Monday, this week; histories hardly ever.
    let cues = raws.iter().filter(|r| speaks_of_its_days(&r.sem)).count();
    let n = years.len();
    (old * 2 >= n && cues * 5 < n || old * 10 >= n * 8 && cues * 2 < n) && cues * NEWS_CUE_BYTES < len
}

/// Whether `sem` is one of the text's own days or weeks: "today", "Monday", "the previous
/// Friday", "last week", "the day before last Tuesday".
fn speaks_of_its_days(sem: &Sem) -> bool {
    match sem {
        Sem::RelDay(_) | Sem::Weekday { .. } | Sem::WeekdayFrom { .. } => true,
        Sem::RelUnit { anaphoric, .. } => !anaphoric,
        Sem::DayFrom { day, .. } | Sem::WeekOf(day) => speaks_of_its_days(day),
        _ => false,
    }
}

/// Whether a resolved expression should become the narrative's reference point.
fn reference_of(sem: &Sem, res: &Resolved, narrative: bool) -> Option<(NaiveDate, Precision)> {
    let rg = res.range?;
    let explicit = match sem {
        Sem::Date(_) | Sem::Day { .. } | Sem::DayRange { .. } => true,
        Sem::Weekday { .. } | Sem::WeekdayFrom { .. } => true,
        Sem::DayFrom { day, .. } => {
            matches!(**day, Sem::Weekday { .. } | Sem::WeekdayFrom { .. }) || narrative
        }
        Sem::Shift { .. } => false,
        Sem::Month { .. } | Sem::Year(_) | Sem::Season { .. } | Sem::Quarter { .. } => narrative,
        Sem::Fuzzy { inner, .. } => {
            narrative
                && matches!(**inner, Sem::Month { .. } | Sem::Year(_) | Sem::Season { .. } | Sem::Day { .. })
        }
        _ => false,
    };
    // In news, only explicit calendar dates (not "Monday", not "a year ago") move the reference.
    let calendar = matches!(
        sem,
        Sem::Date(_)
            | Sem::Day { .. }
            | Sem::DayRange { .. }
            | Sem::Month { y: YearRef::Explicit(_), .. }
            | Sem::Year(YearRef::Explicit(_))
    );
    let explicit = explicit || calendar;
    if !explicit
        || !matches!(res.kind, TimexKind::Date)
        || !narrative && !calendar && rg.precision != Precision::Day
    {
        return None;
    }
    // "late June", "early 1944": the story moves to that part of the period, though the event
    // told so is dated by the whole month, or by the year's quarter.
    let rg = res.third.unwrap_or(rg);
    Some((rg.start, rg.precision))
}

fn tag_full(text: &str, dct: Option<NaiveDate>) -> Vec<Tagged> {
    let lower = text.to_ascii_lowercase();
    let parser = Parser::new(text, &lower);
    let raws = parser.run();
    let narrative = is_narrative(&raws, dct, text.len());
    let mut ctx = Ctx { dct, narrative, reference: None, last: None, quarter: None };
    let mut out: Vec<Tagged> = Vec::with_capacity(raws.len());
    for mut raw in raws {
        if !narrative {
            narrow_part_of_day(&lower, &mut raw);
        }
        // News (TIMEX3) leaves the times of titles out; histories (TIMEX2) tag them ("the
        // \"Chinese Winter Offensive\"").
        if !narrative && in_quoted_title(text, raw.start, raw.end) {
            continue;
        }
        let dir = if normalize::needs_direction(&raw.sem) {
            direction::direction_at(&lower, raw.start, raw.end)
        } else {
            Direction::Unknown
        };
        let Some(res) = normalize::resolve(&raw.sem, &ctx, dir) else { continue };
        let mut parts = Vec::new();
        // TIMEX2 histories annotate "from 1915 to 1916" as two years; so does TIMEX3 news when
        // the span is over ("declined between 1982 and 1992": when it happened), but a span still
        // to come is a period ("deliveries from 2009 to 2011"). Likewise "16:15 UTC, June 1st" is
        // two TIMEX3 extents but one TIMEX2 one.
        let split = match raw.sem {
            Sem::YearSpan(_, b) => narrative || dct.is_some_and(|d| b < d.year()),
            Sem::Clock { .. } => !narrative,
            _ => true,
        };
        for (s, e, sem) in raw.parts.iter().filter(|_| split) {
            if let Some(p) = normalize::resolve(sem, &ctx, dir) {
                parts.push((Span::new(*s, *e), p.kind, p.value));
            }
        }
        // "Three days later, ...", "A day earlier": news (TIMEX3, as TimeBank tags it) annotates
        // the period ("Three days", P3D), "later" being its signal; the day it points to stays
        // the expression's range. Histories (TIMEX2) tag the day.
        if !narrative
            && let Sem::Shift { n, unit, anaphoric: true } = raw.sem
            && !matches!(unit, lexicon::Unit::Year | lexicon::Unit::Quarter)
            && let Some(cut) = signal_cut(&lower, raw.start, raw.end)
        {
            let n = (n.unsigned_abs() != i64::MAX.unsigned_abs()).then(|| n.unsigned_abs() as f64);
            if let Some(p) = normalize::resolve(&Sem::Duration { n, unit, anchor: 0 }, &ctx, dir) {
                parts.push((Span::new(raw.start, cut), p.kind, p.value));
            }
        }
        // "since 1813" looks back from the story; it does not move it.
        let retrospective = lower[..raw.start].trim_end().ends_with("since");
        if !retrospective && let Some(reference) = reference_of(&raw.sem, &res, narrative) {
            // "The 2003 invasion" after "March 20, 2003" keeps the finer reference.
            let coarser_around = ctx
                .reference
                .zip(res.range)
                .is_some_and(|((d, p), rg)| p < reference.1 && rg.start <= d && d <= rg.end);
            // A bare year mid-sentence ("documents found in 2004 proved") is an aside; one that
            // opens its sentence ("In 1777, ...") sets the story's time.
            let aside = reference.1 >= Precision::Year
                && ctx.reference.is_some_and(|(_, p)| p < Precision::Year)
                && !opens_sentence(&lower[..raw.start]);
            if !coarser_around && !aside {
                ctx.reference = Some(reference);
            }
        }
        if res.kind == TimexKind::Date
            && let Some(rg) = res.range
        {
            ctx.last = Some((rg.start, rg.precision));
            // The reported quarter: the latest completed quarter named ("a fourth-quarter charge"
            // forecast in November is not what "a year earlier" compares with, nor is "after a
            // flat second quarter" or "a charge in the 1988 second quarter" in a report on the
            // third).
            let named = (rg.start.year(), (rg.start.month() - 1) / 3 + 1);
            if matches!(raw.sem, Sem::Quarter { .. } | Sem::RelUnit { unit: lexicon::Unit::Quarter, .. })
                && dct.is_none_or(|d| rg.end < d)
                && ctx.quarter.is_none_or(|q| q < named)
            {
                ctx.quarter = Some(named);
            }
        }
        out.push(Tagged {
            expr: TimeExpr {
                span: Span::new(raw.start, raw.end),
                kind: res.kind,
                value: res.value,
                range: res.range,
            },
            parts,
        });
    }
    stretch_visits(text, &mut out);
    out
}

/// Whether the expression at `start..end` is part of a quoted title mid-sentence: ABC's "This
/// Week," the film ``High Noon,'' the ``Spring of Life'' rallies, CBS's ''60 Minutes.'' The
/// quote opens after a word, and capitalised words (with "of", "the", "and") run from it to the
/// closing quote; a quoted sentence ("Today," he said) opens after punctuation or none.
fn in_quoted_title(text: &str, start: usize, end: usize) -> bool {
    // "''60 Minutes": the year's apostrophe closes the opening quote.
    let start =
        if text[start..].starts_with('\'') && text[..start].ends_with('\'') { start + 1 } else { start };
    if !text[start..].chars().next().is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let word_ok = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            || matches!(w, "of" | "the" | "and" | "a" | "for" | "in" | "on")
    };
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..start];
    let Some((at, len)) = ["``", "''", "\"", "\u{201c}"]
        .iter()
        .filter_map(|q| head.rfind(q).map(|p| (p, q.len())))
        .max_by_key(|&(p, _)| p)
    else {
        return false;
    };
    let between = &head[at + len..];
    if between.starts_with(' ') || !between.split(' ').filter(|w| !w.is_empty()).all(word_ok) {
        return false;
    }
    if !head[..at].trim_end().chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '\'') {
        return false;
    }
    let mut after = &text[end..];
    for _ in 0..6 {
        let rest = after.trim_start_matches([',', '.', '!', '?']);
        if ["''", "\"", "\u{201d}"].iter().any(|q| rest.starts_with(q)) {
            return true;
        }
        let Some(rest) = rest.strip_prefix(' ') else { return false };
        let w = rest.split([' ', ',', '.', '\'', '"']).next().unwrap_or("");
        if w.is_empty() || !word_ok(w) {
            return false;
        }
        after = &rest[w.len()..];
    }
    false
}

/// "the night of Oct. 23": news (TIMEX3, as TimeBank annotates it) tags the date alone;
/// histories (TIMEX2) tag the part of the day with it.
fn narrow_part_of_day(lower: &str, raw: &mut Raw) {
    let Sem::PartOfDay { day, .. } = &raw.sem else { return };
    let head = &lower[raw.start..raw.end];
    let Some(rest) = head.strip_prefix("the ") else { return };
    let Some((pod, _)) = rest.split_once(" of ") else { return };
    if lexicon::part_of_day(pod).is_none() {
        return;
    }
    let day = (**day).clone();
    raw.start += "the ".len() + pod.len() + " of ".len();
    raw.sem = day;
}

/// The end of the period in "three days later", "a day earlier" (not "later than planned").
fn signal_cut(lower: &str, start: usize, end: usize) -> Option<usize> {
    let head = &lower[start..end];
    let cut = [" later", " earlier"].iter().find_map(|s| head.strip_suffix(s))?;
    (!lower[end..].starts_with(" than")).then_some(start + cut.len())
}

/// Whether an expression starting after `before` opens its sentence (a few words at most).
fn opens_sentence(before: &str) -> bool {
    let from = before.len().saturating_sub(40);
    let from = (from..=before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
    let tail = &before[from..];
    let clause = tail.rsplit(['.', '\n', ';', ':', '(']).next().unwrap_or(tail);
    clause.len() < tail.len() && clause.split_whitespace().count() <= 2
}

/// "a three-day visit beginning Wednesday, April 24": the day gets the visit's length.
fn stretch_visits(text: &str, out: &mut [Tagged]) {
    for i in 0..out.len().saturating_sub(1) {
        let (a, b) = (&out[i].expr, &out[i + 1].expr);
        let days = match (a.kind, a.value.strip_prefix('P').and_then(|v| v.strip_suffix('D'))) {
            (TimexKind::Duration, Some(n)) => n.parse::<u64>().ok(),
            _ => None,
        };
        let Some(days) = days.filter(|d| (2..=60).contains(d)) else { continue };
        let Some(rg) = b.range.filter(|r| r.precision == Precision::Day && r.start == r.end) else {
            continue;
        };
        let between = text.get(a.span.end..b.span.start).unwrap_or("");
        if between.len() > 60 {
            continue;
        }
        let bl = between.to_ascii_lowercase();
        if ["beginning", "starting", "from", "that begins", "which begins", "to begin"]
            .iter()
            .any(|w| bl.trim_end().trim_end_matches(" on").ends_with(w))
            && let Some(end) = rg.start.checked_add_days(chrono::Days::new(days - 1))
        {
            out[i + 1].expr.range = DateRange::new(rg.start, end, Precision::Day);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, dct: &str) -> Vec<(String, String)> {
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").expect("valid dct");
        tag(text, Some(dct))
            .into_iter()
            .filter_map(|t| {
                let r = t.range?;
                Some((t.span.slice(text).to_string(), format!("{}..{}", r.start, r.end)))
            })
            .collect()
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            values("on May 24, 2021 in Rome", "2022-01-01"),
            [("May 24, 2021".into(), "2021-05-24..2021-05-24".into())]
        );
        assert_eq!(values("from March 4 to 11", "2022-03-01")[0].1, "2022-03-04..2022-03-11");
        assert_eq!(values("May 24-27", "2022-05-01")[0].1, "2022-05-24..2022-05-27");
    }

    #[test]
    fn relative_days() {
        assert_eq!(values("spoke today", "2021-05-27")[0].1, "2021-05-27..2021-05-27");
        assert_eq!(values("met yesterday", "2021-05-27")[0].1, "2021-05-26..2021-05-26");
        // 2024-04-22 is a Monday.
        assert_eq!(values("will visit on Wednesday", "2024-04-22")[0].1, "2024-04-24..2024-04-24");
        assert_eq!(values("met on Wednesday", "2024-04-22")[0].1, "2024-04-17..2024-04-17");
    }

    #[test]
    fn records_use_code_points() {
        let recs = timex_records("d", NaiveDate::from_ymd_opt(2024, 4, 22), "Zürich – on May 24-27 2024");
        assert_eq!(recs.len(), 2);
        assert_eq!((recs[0].start, recs[0].end, recs[0].value.as_str()), (12, 18, "2024-05-24"));
        assert_eq!((recs[1].start, recs[1].end, recs[1].value.as_str()), (19, 26, "2024-05-27"));
    }
}
