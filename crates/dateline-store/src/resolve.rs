//! Stage "resolve": the same event told by several articles becomes one merged event.
//!
//! Pure: mentions (one per article and event, with canonical actor ids) in, clusters out. The
//! result depends only on the facts, never on the order they were imported in: mentions are
//! visited in an order fixed by their content ([`Anchor`]) and how much they say.
//!
//! The rules, each a function with its own table of cases in the tests:
//! - [`dates_compatible`]: both dated with at most month precision, and the ranges overlap
//!   (a month or week contains its days; a planned "April 24–26" holds "met on Thursday, April 25");
//! - [`participants_compatible`]: the actors overlap; when both sides know two or more, two must
//!   agree (Blinken–Maas and Blinken–Lavrov on one day are two calls);
//!   For meetings and calls two sides naming two or more must name the same actors;
//! - [`names_compatible`]: named gatherings keep their names apart (a summit is not a ministerial);
//! - [`places_compatible`]: countries agree when both are known; cities share a name when both
//!   are known;
//! - a mention joins the cluster whose every member it is compatible with; when two clusters
//!   fit equally well it joins neither (a call "with his counterpart" on a busy day stays alone);
//! - [`resolve_status`]: the latest report that is not a plan wins (a plan later reported as held
//!   becomes `occurred`; a cancellation beats the plan);
//! - [`resolve_date`]: the most precise, best supported date; the others become alternatives.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use dateline_model::{DateRange, EventKind, Precision, Role, Status};
use serde::{Deserialize, Serialize};

/// A stable name for one extracted event: the article's content hash, the event's kind and its
/// trigger's byte offsets. Survives re-import and, as long as the trigger overlaps, re-extraction.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Anchor {
    pub hash: String,
    pub kind: EventKind,
    pub start: u32,
    pub end: u32,
}

impl Anchor {
    /// Whether `self` names the mention anchored at `other` (same article and kind, triggers overlap).
    pub fn matches(&self, other: &Anchor) -> bool {
        self.hash == other.hash
            && self.kind == other.kind
            && (self.start < other.end && other.start < self.end || self.start == other.start)
    }
}

/// One event as one article tells it (a telling; the resolver merges the tellings of one event),
/// with canonical actor ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Telling {
    pub id: i64,
    pub anchor: Anchor,
    pub article: i64,
    pub published: Option<NaiveDate>,
    pub kind: EventKind,
    pub status: Status,
    pub date: Option<DateRange>,
    pub actors: Vec<(i64, Role)>,
    pub place: Option<String>,
    pub country: Option<String>,
    pub name: Option<String>,
    pub confidence: f32,
}

/// One merged event: indices into the mentions it was built from, and the values resolved from them.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The smallest member mention id.
    pub id: i64,
    /// Indices into the input mentions; the first is the representative.
    pub members: Vec<usize>,
    pub kind: EventKind,
    pub status: Status,
    pub date: Option<DateRange>,
    /// Other dates the sources gave, with how many articles gave each.
    pub alternatives: Vec<(DateRange, u32)>,
    pub actors: Vec<(i64, Role)>,
    pub place: Option<String>,
    pub country: Option<String>,
    pub name: Option<String>,
    pub confidence: f32,
    pub sources: u32,
}

/// Dates merge when both are known, at most month-precise, and overlap.
pub fn dates_compatible(a: Option<DateRange>, b: Option<DateRange>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.precision <= Precision::Month && b.precision <= Precision::Month && a.overlaps(&b)
        }
        _ => false,
    }
}

/// Participants merge when they share an actor, and two when both sides name two or more. For
/// meetings and calls, two sides that both name two or more must name the same actors: a
/// bilateral and a trilateral meeting on the same day in the same city are two meetings.
pub fn participants_compatible(kind: EventKind, a: &[(i64, Role)], b: &[(i64, Role)]) -> bool {
    actors_compatible(kind, &distinct_actors(a), &distinct_actors(b))
}

/// [`participants_compatible`] over sorted, distinct actor ids.
fn actors_compatible(kind: EventKind, a: &[i64], b: &[i64]) -> bool {
    let shared = shared_count(a, b);
    if shared == 0 {
        return false;
    }
    if a.len().min(b.len()) == 1 {
        return shared == 1;
    }
    match kind {
        EventKind::Meeting | EventKind::Call => a == b,
        EventKind::Visit | EventKind::Conference => shared >= 2,
    }
}

/// How many values two sorted, distinct lists share.
fn shared_count(a: &[i64], b: &[i64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn distinct_actors(actors: &[(i64, Role)]) -> Vec<i64> {
    let mut ids: Vec<i64> = actors.iter().map(|p| p.0).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A gathering's name as the name rule compares it: its words, lower-cased.
fn fold_name(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn fold_place(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A place's cities ("Istanbul, Ankara") as the place rule compares them: folded, sorted, distinct.
fn fold_cities(s: &str) -> Vec<String> {
    let mut cities: Vec<String> = s.split(',').map(fold_place).filter(|c| !c.is_empty()).collect();
    cities.sort_unstable();
    cities.dedup();
    cities
}

/// Names merge when either side has none, or they are the same once folded ("NATO Summit",
/// "NATO summit"); a summit is not a ministerial.
pub fn names_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => fold_name(x) == fold_name(y),
        _ => true,
    }
}

/// Places merge unless both name a country and the countries differ, or both name cities and
/// share none.
pub fn places_compatible(
    a: (&Option<String>, &Option<String>),
    b: (&Option<String>, &Option<String>),
) -> bool {
    let key = |p: (&Option<String>, &Option<String>)| {
        (p.0.as_deref().map(fold_cities), p.1.as_deref().map(fold_place))
    };
    let (a, b) = (key(a), key(b));
    folded_places_compatible((&a.0, &a.1), (&b.0, &b.1))
}

fn folded_places_compatible(
    a: (&Option<Vec<String>>, &Option<String>),
    b: (&Option<Vec<String>>, &Option<String>),
) -> bool {
    if let (Some(x), Some(y)) = (a.1, b.1)
        && x != y
    {
        return false;
    }
    match (a.0, b.0) {
        (Some(x), Some(y)) => x.iter().any(|c| y.binary_search(c).is_ok()),
        _ => true,
    }
}

/// Whether two mentions may be the same event.
pub fn compatible(a: &Telling, b: &Telling) -> bool {
    Rules::of(a).compatible(&Rules::of(b))
}

/// What the rules compare of one mention, folded once: clustering compares each mention with
/// many others.
#[derive(Debug, Clone)]
pub(crate) struct Rules {
    kind: EventKind,
    article: i64,
    /// The date, when it is precise enough to merge on (month or finer).
    pub(crate) date: Option<(NaiveDate, NaiveDate)>,
    actors: Vec<i64>,
    cities: Option<Vec<String>>,
    country: Option<String>,
    name: Option<Vec<String>>,
}

impl Rules {
    pub(crate) fn of(m: &Telling) -> Self {
        Rules {
            kind: m.kind,
            article: m.article,
            date: m.date.filter(|d| d.precision <= Precision::Month).map(|d| (d.start, d.end)),
            actors: distinct_actors(&m.actors),
            cities: m.place.as_deref().map(fold_cities),
            country: m.country.as_deref().map(fold_place),
            name: m.name.as_deref().map(fold_name),
        }
    }

    pub(crate) fn compatible(&self, o: &Rules) -> bool {
        // Cheapest first: most candidates fail on the date.
        let dates = match (self.date, o.date) {
            (Some((s1, e1)), Some((s2, e2))) => s1 <= e2 && s2 <= e1,
            _ => false,
        };
        self.kind == o.kind
            && self.article != o.article
            && dates
            && actors_compatible(self.kind, &self.actors, &o.actors)
            && folded_places_compatible((&self.cities, &self.country), (&o.cities, &o.country))
            && match (&self.name, &o.name) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            }
    }
}

fn status_rank(s: Status) -> u8 {
    match s {
        Status::Occurred => 3,
        Status::Cancelled => 2,
        Status::Postponed => 1,
        Status::Planned => 0,
    }
}

/// The status of a merged event from its reports `(status, publication date)`: the latest report
/// that is not a plan wins (on the same day: occurred, then cancelled, then postponed); all plans
/// stay a plan.
pub fn resolve_status(reports: &[(Status, Option<NaiveDate>)]) -> Status {
    reports
        .iter()
        .filter(|(s, _)| *s != Status::Planned)
        .max_by_key(|(s, published)| (*published, status_rank(*s)))
        .map_or(Status::Planned, |(s, _)| *s)
}

/// The date of a merged event from its reports `(date, status, publication date)`: the most
/// precise, then the one most reports give, then one reported as held, then the latest report's,
/// then the earliest. Returns it and the other dates with their support.
pub fn resolve_date(
    reports: &[(Option<DateRange>, Status, Option<NaiveDate>)],
) -> (Option<DateRange>, Vec<(DateRange, u32)>) {
    let mut support: HashMap<DateRange, (u32, bool, Option<NaiveDate>)> = HashMap::new();
    for (date, status, published) in reports {
        if let Some(d) = date {
            let e = support.entry(*d).or_insert((0, false, None));
            e.0 += 1;
            e.1 |= *status == Status::Occurred;
            e.2 = e.2.max(*published);
        }
    }
    let mut all: Vec<_> = support.into_iter().collect();
    all.sort_by_key(|(d, (n, held, latest))| {
        (d.precision, Reverse(*n), Reverse(*held), Reverse(*latest), d.start, d.end)
    });
    let mut it = all.into_iter().map(|(d, (n, _, _))| (d, n));
    let best = it.next().map(|(d, _)| d);
    (best, it.collect())
}

/// Groups mentions into merged events. Deterministic: the same mentions in any order give the
/// same clusters (up to the order of the output, which follows the mentions' content).
///
/// Mentions are visited most participants first, then most precise date, then by anchor; each
/// joins the one cluster whose every member it is compatible with and which shares the most
/// actors with it (two such clusters sharing as many: it joins neither). The compatible earlier
/// mentions are found through an index by (kind, actor) and date, so the cost grows with the
/// mentions that overlap, not with all of them: about n log n.
pub fn cluster(mentions: &[Telling]) -> Vec<Cluster> {
    let rules: Vec<Rules> = mentions.iter().map(Rules::of).collect();
    let order = visit_order(mentions, &rules);
    let mut rank = vec![0u32; mentions.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r as u32;
    }
    let index = OverlapIndex::build(&rules);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = vec![usize::MAX; mentions.len()];
    let mut seen = vec![u32::MAX; mentions.len()];
    // The groups ruled out for the mention being placed (stamped with its rank): once one member
    // is incompatible, the group cannot take it, and its other members need no comparison. Where
    // many mentions share few actors and days (thousands of tellings of a dozen people), this is
    // what keeps the comparisons near the number of groups rather than of mentions.
    let mut ruled_out: Vec<u32> = Vec::new();
    let mut neighbours: Vec<usize> = Vec::new();
    for (r, &i) in order.iter().enumerate() {
        let m = &rules[i];
        neighbours.clear();
        index.overlapping(m, |j| {
            if rank[j] < r as u32 && seen[j] != r as u32 {
                seen[j] = r as u32;
                let g = group_of[j];
                if ruled_out[g] == r as u32 {
                    return;
                }
                if m.compatible(&rules[j]) {
                    neighbours.push(g);
                } else {
                    ruled_out[g] = r as u32;
                }
            }
        });
        // A cluster fits when every member is a compatible neighbour.
        neighbours.sort_unstable();
        let mut best: Option<(usize, usize)> = None; // (score, group)
        let mut tie = false;
        for run in neighbours.chunk_by(|a, b| a == b) {
            let g = run[0];
            if run.len() != groups[g].len() {
                continue;
            }
            let score = shared_actors(m, groups[g].iter().map(|&j| &rules[j]));
            match best {
                Some((s, _)) if score < s => {}
                Some((s, _)) if score == s => tie = true,
                _ => {
                    best = Some((score, g));
                    tie = false;
                }
            }
        }
        let g = match best {
            Some((_, g)) if !tie => g,
            _ => {
                groups.push(Vec::new());
                ruled_out.push(u32::MAX);
                groups.len() - 1
            }
        };
        groups[g].push(i);
        group_of[i] = g;
    }
    groups.into_iter().map(|members| build(mentions, members)).collect()
}

/// The order clustering visits mentions in, fixed by their content.
fn visit_order(mentions: &[Telling], rules: &[Rules]) -> Vec<usize> {
    let precision = |m: &Telling| m.date.map_or(Precision::Century as u8 + 1, |d| d.precision as u8);
    let keys: Vec<(Reverse<usize>, u8)> =
        mentions.iter().zip(rules).map(|(m, r)| (Reverse(r.actors.len()), precision(m))).collect();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| (keys[a], &mentions[a].anchor).cmp(&(keys[b], &mentions[b].anchor)));
    order
}

/// Mentions that can merge, by (kind, actor), then by the length class of their date, sorted
/// by start: the mentions whose dates overlap a given one are a few contiguous runs.
struct OverlapIndex {
    by_actor: HashMap<(EventKind, i64), Vec<LengthClass>>,
}

struct LengthClass {
    /// `ceil(log2(days))`: intervals of similar length share a class.
    class: u32,
    longest: i64,
    /// (start, mention), sorted.
    starts: Vec<(NaiveDate, usize)>,
}

impl OverlapIndex {
    fn build(rules: &[Rules]) -> Self {
        let mut by_actor: HashMap<(EventKind, i64), Vec<LengthClass>> = HashMap::new();
        for (i, r) in rules.iter().enumerate() {
            let Some((start, end)) = r.date else { continue };
            let days = (end - start).num_days() + 1;
            let class = (days.max(1) as u64).next_power_of_two().trailing_zeros();
            for &a in &r.actors {
                let classes = by_actor.entry((r.kind, a)).or_default();
                let at = match classes.iter().position(|c| c.class == class) {
                    Some(at) => at,
                    None => {
                        classes.push(LengthClass { class, longest: 0, starts: Vec::new() });
                        classes.len() - 1
                    }
                };
                let c = &mut classes[at];
                c.longest = c.longest.max(days);
                c.starts.push((start, i));
            }
        }
        for c in by_actor.values_mut().flatten() {
            c.starts.sort_unstable();
        }
        OverlapIndex { by_actor }
    }

    /// Calls `f` with every indexed mention sharing `m`'s kind and an actor whose date overlaps
    /// `m`'s (once per shared actor).
    fn overlapping(&self, m: &Rules, mut f: impl FnMut(usize)) {
        let Some((start, end)) = m.date else { return };
        for a in &m.actors {
            for c in self.by_actor.get(&(m.kind, *a)).into_iter().flatten() {
                let earliest = start
                    .checked_sub_days(chrono::Days::new((c.longest - 1).max(0) as u64))
                    .unwrap_or(NaiveDate::MIN);
                let from = c.starts.partition_point(|&(s, _)| s < earliest);
                for &(s, j) in &c.starts[from..] {
                    if s > end {
                        break;
                    }
                    f(j);
                }
            }
        }
    }
}

/// How many of `m`'s actors take part in any of `members`.
fn shared_actors<'a>(m: &Rules, members: impl Iterator<Item = &'a Rules>) -> usize {
    let mut theirs: Vec<i64> = members.flat_map(|x| x.actors.iter().copied()).collect();
    theirs.sort_unstable();
    theirs.dedup();
    shared_count(&m.actors, &theirs)
}

fn build(mentions: &[Telling], members: Vec<usize>) -> Cluster {
    let ms: Vec<&Telling> = members.iter().map(|&i| &mentions[i]).collect();
    let rep = ms[0];
    let status = resolve_status(&ms.iter().map(|m| (m.status, m.published)).collect::<Vec<_>>());
    let (date, alternatives) =
        resolve_date(&ms.iter().map(|m| (m.date, m.status, m.published)).collect::<Vec<_>>());
    let mut actors: Vec<(i64, Role)> = Vec::new();
    for m in &ms {
        for a in &m.actors {
            if !actors.iter().any(|x| x.0 == a.0) {
                actors.push(*a);
            }
        }
    }
    let first = |f: fn(&Telling) -> &Option<String>| ms.iter().find_map(|m| f(m).clone());
    let articles: BTreeSet<i64> = ms.iter().map(|m| m.article).collect();
    Cluster {
        id: ms.iter().map(|m| m.id).min().unwrap_or(rep.id),
        kind: rep.kind,
        status,
        date,
        alternatives,
        actors,
        place: first(|m| &m.place),
        country: first(|m| &m.country),
        name: first(|m| &m.name),
        confidence: ms.iter().map(|m| m.confidence).fold(0.0, f32::max),
        sources: articles.len() as u32,
        members,
    }
}

/// "2023-04-24 – 2023-04-26 (1 source)".
pub fn describe_alternative(date: &DateRange, sources: u32) -> String {
    let when = if date.start == date.end {
        date.start.to_string()
    } else {
        format!("{} – {}", date.start, date.end)
    };
    let plural = if sources == 1 { "source" } else { "sources" };
    match date.precision {
        Precision::Day => format!("{when} ({sources} {plural})"),
        p => format!("{when}, {} ({sources} {plural})", p.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, m, day).expect("valid date")
    }

    fn days(m: u32, a: u32, b: u32) -> Option<DateRange> {
        DateRange::new(d(m, a), d(m, b), Precision::Day)
    }

    #[test]
    fn anchors_survive_a_moved_trigger() {
        let a = |hash: &str, kind, start, end| Anchor { hash: hash.into(), kind, start, end };
        let saved = a("h", EventKind::Call, 10, 20);
        #[rustfmt::skip]
        let cases = [
            ("same trigger", a("h", EventKind::Call, 10, 20), true),
            ("re-extraction widened it", a("h", EventKind::Call, 4, 24), true),
            ("re-extraction moved it within", a("h", EventKind::Call, 15, 30), true),
            ("another trigger in the article", a("h", EventKind::Call, 20, 30), false),
            ("another kind", a("h", EventKind::Meeting, 10, 20), false),
            ("the article changed", a("h2", EventKind::Call, 10, 20), false),
        ];
        for (what, now, want) in cases {
            assert_eq!(saved.matches(&now), want, "{what}");
        }
    }

    #[test]
    fn date_rules() {
        let month = DateRange::month(2023, 4);
        let week = Some(DateRange::week_of(d(4, 25)));
        let year = DateRange::year(2023);
        #[rustfmt::skip]
        let cases: &[(&str, Option<DateRange>, Option<DateRange>, bool)] = &[
            ("same day", days(4, 25, 25), days(4, 25, 25), true),
            ("planned range holds the day it happened", days(4, 24, 26), days(4, 25, 25), true),
            ("overlapping ranges", days(4, 24, 26), days(4, 26, 28), true),
            ("different days", days(4, 24, 24), days(4, 25, 25), false),
            ("a month holds its days", month, days(4, 3, 3), true),
            ("a week holds its days", week, days(4, 27, 27), true),
            ("another month", month, days(5, 3, 3), false),
            ("a year is too vague", year, days(4, 3, 3), false),
            ("undated never merges", None, days(4, 3, 3), false),
            ("two undated", None, None, false),
        ];
        for (what, a, b, want) in cases {
            assert_eq!(dates_compatible(*a, *b), *want, "{what}");
            assert_eq!(dates_compatible(*b, *a), *want, "{what} (swapped)");
        }
    }

    #[test]
    fn participant_rules() {
        let p = |ids: &[i64]| ids.iter().map(|&i| (i, Role::Attendee)).collect::<Vec<_>>();
        use EventKind::*;
        type Case = (&'static str, EventKind, Vec<(i64, Role)>, Vec<(i64, Role)>, bool);
        #[rustfmt::skip]
        let cases: &[Case] = &[
            ("same pair", Call, p(&[1, 2]), p(&[2, 1]), true),
            ("one side knows only one of them", Call, p(&[1]), p(&[1, 2]), true),
            ("same caller, other counterpart", Call, p(&[1, 2]), p(&[1, 3]), false),
            ("nobody in common", Visit, p(&[1]), p(&[2]), false),
            ("bilateral and trilateral meetings", Meeting, p(&[1, 2]), p(&[1, 2, 3]), false),
            ("a visit: the traveller and one host of two", Visit, p(&[1, 2, 3]), p(&[1, 2]), true),
            ("a conference: two of three", Conference, p(&[1, 2, 3]), p(&[1, 2, 4]), true),
            ("nobody known", Call, p(&[]), p(&[1]), false),
        ];
        for (what, kind, a, b, want) in cases {
            assert_eq!(participants_compatible(*kind, a, b), *want, "{what}");
        }
        assert!(names_compatible(Some("NATO Summit"), Some("NATO summit")));
        assert!(!names_compatible(Some("NATO Summit"), Some("NATO Foreign Ministerial")));
        assert!(names_compatible(None, Some("NATO Summit")));
    }

    #[test]
    fn place_rules() {
        let s = |x: &str| Some(x.to_string());
        type Case = (&'static str, Option<String>, Option<String>, Option<String>, Option<String>, bool);
        let cases: &[Case] = &[
            ("same country", None, s("Turkey"), s("Ankara"), s("Turkey"), true),
            ("other country", None, s("Turkey"), None, s("Spain"), false),
            ("one side unknown", None, None, s("Rome"), s("Italy"), true),
            ("cities share one", s("Istanbul, Ankara"), s("Turkey"), s("Ankara"), s("Turkey"), true),
            ("other city", s("Istanbul"), s("Turkey"), s("Ankara"), s("Turkey"), false),
        ];
        for (what, pa, ca, pb, cb, want) in cases {
            assert_eq!(places_compatible((pa, ca), (pb, cb)), *want, "{what}");
        }
    }

    #[test]
    fn status_rules() {
        use Status::*;
        let p = |day| Some(d(4, day));
        type Case = (&'static str, Vec<(Status, Option<NaiveDate>)>, Status);
        let cases: &[Case] = &[
            ("a plan stays a plan", vec![(Planned, p(1)), (Planned, p(3))], Planned),
            ("a plan reported as held", vec![(Planned, p(1)), (Occurred, p(9))], Occurred),
            ("a cancellation beats the plan", vec![(Planned, p(1)), (Cancelled, p(5))], Cancelled),
            ("postponed after planned", vec![(Planned, p(1)), (Postponed, p(5))], Postponed),
            ("held after the cancellation", vec![(Cancelled, p(1)), (Occurred, p(9))], Occurred),
            (
                "cancelled after a report that it was held",
                vec![(Occurred, p(1)), (Cancelled, p(9))],
                Cancelled,
            ),
            ("same day: held wins", vec![(Cancelled, p(4)), (Occurred, p(4))], Occurred),
        ];
        for (what, reports, want) in cases {
            assert_eq!(resolve_status(reports), *want, "{what}");
        }
    }

    #[test]
    fn date_resolution_keeps_the_most_precise_best_supported() {
        use Status::*;
        let month = DateRange::month(2023, 4);
        let (date, alts) = resolve_date(&[(month, Planned, None), (days(4, 25, 25), Occurred, None)]);
        assert_eq!(date, days(4, 25, 25), "a day beats its month");
        assert_eq!(alts.len(), 1);
        let (date, alts) = resolve_date(&[
            (days(4, 24, 26), Planned, None),
            (days(4, 25, 26), Occurred, None),
            (days(4, 25, 26), Occurred, None),
        ]);
        assert_eq!(date, days(4, 25, 26), "two sources beat one");
        assert_eq!(alts, vec![(days(4, 24, 26).expect("range"), 1)]);
        assert_eq!(describe_alternative(&alts[0].0, alts[0].1), "2023-04-24 – 2023-04-26 (1 source)");
        assert_eq!(resolve_date(&[(None, Planned, None)]), (None, vec![]));
    }

    fn mention(id: i64, article: i64, kind: EventKind, date: Option<DateRange>, actors: &[i64]) -> Telling {
        Telling {
            id,
            anchor: Anchor { hash: format!("h{article}"), kind, start: id as u32, end: id as u32 + 5 },
            article,
            published: date.map(|d| d.end),
            kind,
            status: Status::Occurred,
            date,
            actors: actors.iter().map(|&a| (a, Role::Attendee)).collect(),
            place: None,
            country: None,
            name: None,
            confidence: 0.5,
        }
    }

    fn ids(clusters: &[Cluster], mentions: &[Telling]) -> Vec<Vec<i64>> {
        let mut out: Vec<Vec<i64>> = clusters
            .iter()
            .map(|c| {
                let mut v: Vec<i64> = c.members.iter().map(|&i| mentions[i].id).collect();
                v.sort_unstable();
                v
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn clusters() {
        use EventKind::*;
        let planned = {
            let mut m = mention(1, 1, Visit, days(4, 24, 26), &[10, 20]);
            m.status = Status::Planned;
            m.published = Some(d(4, 20));
            m
        };
        let mentions = vec![
            planned,
            mention(2, 2, Visit, days(4, 25, 25), &[10]),
            mention(3, 3, Call, days(5, 1, 1), &[10, 20]),
            mention(4, 4, Call, days(5, 8, 8), &[10, 20]),
            mention(5, 5, Call, days(5, 1, 1), &[10, 20]),
            mention(6, 6, Call, days(5, 1, 1), &[10, 30]),
            // A call "with his counterpart" on a day with two calls: ambiguous, stays alone.
            mention(7, 7, Call, days(5, 1, 1), &[10]),
        ];
        let got = cluster(&mentions);
        assert_eq!(ids(&got, &mentions), vec![vec![1, 2], vec![3, 5], vec![4], vec![6], vec![7]]);
        assert!(
            !compatible(&mentions[2], &mention(8, 3, Call, days(5, 1, 1), &[10, 20])),
            "one article, two events"
        );
        let visit = got.iter().find(|c| c.id == 1).expect("visit");
        assert_eq!(visit.status, Status::Occurred, "the plan was reported as held");
        assert_eq!(visit.date, days(4, 25, 25));
        assert_eq!(visit.sources, 2);

        let mut reversed = mentions.clone();
        reversed.reverse();
        assert_eq!(ids(&cluster(&reversed), &reversed), ids(&got, &mentions), "order does not matter");
    }

    /// The clustering rule stated plainly (every mention against every earlier cluster's every
    /// member), to check the indexed [`cluster`] against.
    fn cluster_plainly(mentions: &[Telling]) -> Vec<Vec<i64>> {
        let rules: Vec<Rules> = mentions.iter().map(Rules::of).collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in visit_order(mentions, &rules) {
            let fits: Vec<(usize, usize)> = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.iter().all(|&j| compatible(&mentions[i], &mentions[j])))
                .map(|(g, members)| {
                    let theirs: BTreeSet<i64> =
                        members.iter().flat_map(|&j| mentions[j].actors.iter().map(|a| a.0)).collect();
                    let mine: BTreeSet<i64> = mentions[i].actors.iter().map(|a| a.0).collect();
                    (mine.intersection(&theirs).count(), g)
                })
                .collect();
            let top = fits.iter().map(|f| f.0).max();
            let best: Vec<usize> = fits.iter().filter(|f| Some(f.0) == top).map(|f| f.1).collect();
            match best.as_slice() {
                [g] => groups[*g].push(i),
                _ => groups.push(vec![i]),
            }
        }
        let clusters: Vec<Cluster> = groups.into_iter().map(|g| build(mentions, g)).collect();
        ids(&clusters, mentions)
    }

    /// Many mentions crowded into few actors, days and articles, so that merges, refusals and
    /// ties all happen; some month- and year-precise, some undated, some with places and names.
    fn crowded(n: usize, seed: u64) -> Vec<Telling> {
        let mut x = seed;
        let mut pick = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        (0..n)
            .map(|i| {
                let kind = [EventKind::Visit, EventKind::Meeting, EventKind::Call, EventKind::Conference]
                    [pick(4) as usize];
                let day = 1 + pick(20) as u32;
                let date = match pick(20) {
                    0 => DateRange::month(2023, 4),
                    1 => DateRange::year(2023),
                    2 => None,
                    3 => Some(DateRange::week_of(d(4, day))),
                    4 | 5 => days(4, day, (day + pick(4) as u32).min(30)),
                    _ => days(4, day, day),
                };
                let actors: Vec<i64> = (0..1 + pick(3)).map(|_| 1 + pick(6) as i64).collect();
                let mut m = mention(i as i64 + 1, 1 + pick(n as u64 / 2 + 1) as i64, kind, date, &actors);
                m.place = [None, Some("Rome"), Some("Rome, Milan"), Some("Paris")][pick(4) as usize]
                    .map(str::to_string);
                m.country = [None, None, Some("Italy"), Some("France")][pick(4) as usize].map(str::to_string);
                m.name = [None, None, None, Some("G7 Summit"), Some("g7 summit")][pick(5) as usize]
                    .map(str::to_string);
                m
            })
            .collect()
    }

    #[test]
    fn the_index_finds_what_the_plain_rule_finds() {
        for seed in 1..40u64 {
            let mentions = crowded(60 + seed as usize * 7, seed * 0x9E37_79B9);
            let got = cluster(&mentions);
            assert_eq!(ids(&got, &mentions), cluster_plainly(&mentions), "seed {seed}");
            assert!(got.iter().any(|c| c.members.len() > 1), "seed {seed}: some merge");
        }
    }
}
