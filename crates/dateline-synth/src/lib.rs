//! Generated workspaces for benchmarks and scale tests, shaped like a year-round wire feed:
//!
//! - **actors**: people (each with a country and a role) and countries, drawn by a power law, so
//!   that the most active actor is in about a quarter of the events, as a foreign minister is in
//!   a foreign ministry's feed;
//! - **world events** (visits, meetings, calls, conferences) spread over the years, with
//!   **bursts around summits**: a few dozen dates a year draw many meetings and conferences
//!   into the days around them;
//! - **multi-day** visits and conferences;
//! - each event **told by one to several articles**, each giving its own view: a subset of the
//!   participants, a surname alone, a plan before the event, and in **5 %** of reports only the
//!   month or the year;
//! - articles of about five events each, from a few dozen outlets, with a text that names each
//!   event's participants (for full-text search) and evidence spans into it.
//!
//! Deterministic: the same [`Shape`] gives the same articles, in the same order. Articles are
//! generated week by week ([`Synth::articles`] is an iterator), so millions of events never sit
//! in memory at once.

use chrono::{Datelike, Days, NaiveDate};
use dateline_model::{
    Actor, ActorKind, Article, DateRange, Event, EventKind, Location, Origin, Participant, Precision, Role,
    Span, Status,
};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// About how many events (as the articles tell them, before merging).
    pub events: usize,
    /// The first day of the feed; it runs for `years`.
    pub start: NaiveDate,
    pub years: u32,
    /// People to draw from; `None` scales with `events` (5,000 at 100k, 20,000 at 1M).
    pub people: Option<usize>,
    pub seed: u64,
}

impl Shape {
    /// About `events` events over 25 years from 2000.
    pub fn events(events: usize) -> Self {
        Shape {
            events,
            start: NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date"),
            years: 25,
            people: None,
            seed: 0x9E37_79B9_7F4A_7C15,
        }
    }

    fn people(&self) -> usize {
        self.people.unwrap_or_else(|| ((self.events as f64).sqrt() * 20.0).clamp(50.0, 60_000.0) as usize)
    }
}

/// A small, fast, deterministic generator (xorshift64*).
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Ranks drawn with probability ∝ 1 / rank^exponent.
#[derive(Debug, Clone)]
struct PowerLaw {
    cdf: Vec<f64>,
}

impl PowerLaw {
    fn new(n: usize, exponent: f64) -> Self {
        let mut total = 0.0;
        let cdf = (1..=n.max(1))
            .map(|r| {
                total += 1.0 / (r as f64).powf(exponent);
                total
            })
            .collect();
        PowerLaw { cdf }
    }

    /// A rank, 0-based.
    fn draw(&self, rng: &mut Rng) -> usize {
        let x = rng.unit() * self.cdf.last().copied().unwrap_or(1.0);
        self.cdf.partition_point(|&c| c < x).min(self.cdf.len() - 1)
    }
}

const COUNTRIES: &[(&str, &str)] = &[
    ("United States", "Washington"),
    ("China", "Beijing"),
    ("Russia", "Moscow"),
    ("United Kingdom", "London"),
    ("France", "Paris"),
    ("Germany", "Berlin"),
    ("Japan", "Tokyo"),
    ("India", "New Delhi"),
    ("Brazil", "Brasilia"),
    ("Turkey", "Ankara"),
    ("Italy", "Rome"),
    ("Canada", "Ottawa"),
    ("South Korea", "Seoul"),
    ("Australia", "Canberra"),
    ("Mexico", "Mexico City"),
    ("Indonesia", "Jakarta"),
    ("Saudi Arabia", "Riyadh"),
    ("South Africa", "Pretoria"),
    ("Egypt", "Cairo"),
    ("Nigeria", "Abuja"),
    ("Kenya", "Nairobi"),
    ("Ethiopia", "Addis Ababa"),
    ("Israel", "Jerusalem"),
    ("Iran", "Tehran"),
    ("Pakistan", "Islamabad"),
    ("Ukraine", "Kyiv"),
    ("Poland", "Warsaw"),
    ("Spain", "Madrid"),
    ("Netherlands", "The Hague"),
    ("Sweden", "Stockholm"),
    ("Norway", "Oslo"),
    ("Greece", "Athens"),
    ("Argentina", "Buenos Aires"),
    ("Chile", "Santiago"),
    ("Colombia", "Bogota"),
    ("Vietnam", "Hanoi"),
    ("Thailand", "Bangkok"),
    ("Philippines", "Manila"),
    ("Malaysia", "Kuala Lumpur"),
    ("Singapore", "Singapore"),
    ("Qatar", "Doha"),
    ("Jordan", "Amman"),
    ("Morocco", "Rabat"),
    ("Algeria", "Algiers"),
    ("Ghana", "Accra"),
    ("Senegal", "Dakar"),
    ("Kazakhstan", "Astana"),
    ("Mongolia", "Ulaanbaatar"),
    ("New Zealand", "Wellington"),
    ("Ireland", "Dublin"),
];

const ROLES: &[&str] =
    &["Foreign Minister", "President", "Prime Minister", "Defense Minister", "Secretary of State", "Envoy"];

const GIVEN: &[&str] = &[
    "Anna", "Boris", "Chen", "Dara", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Lina",
    "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sami", "Tomas", "Uma", "Viktor", "Wen", "Yara",
    "Zoran", "Amara", "Bilal", "Clara", "Diego", "Esther",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ven", "dri", "mar", "sel", "to", "ber", "nis", "qua", "rho", "zan", "pel", "gor", "thi",
    "wen", "ush", "ari", "bel", "cor", "dun", "fay", "hal", "jor", "kel", "mun", "nor", "pra", "sor", "vik",
];

const OUTLETS: usize = 40;

/// One person the feed writes about.
#[derive(Debug, Clone)]
struct Person {
    given: &'static str,
    family: String,
    country: usize,
    role: &'static str,
}

/// The cast of the feed and the summit calendar, fixed by the shape.
#[derive(Debug, Clone)]
pub struct Synth {
    shape: Shape,
    people: Vec<Person>,
    by_rank: PowerLaw,
    countries: PowerLaw,
    outlets: PowerLaw,
    weeks: u32,
    /// Summit days (days since `shape.start`), sorted.
    summits: Vec<u32>,
    /// The sum of every week's weight (see [`Synth::weight`]).
    total_weight: f64,
}

/// A world event, before any article tells it.
#[derive(Debug, Clone)]
struct WorldEvent {
    kind: EventKind,
    first: NaiveDate,
    days: u32,
    people: Vec<usize>,
    /// A country taking part as such (a government, not a person).
    country_actor: Option<usize>,
    host: usize,
    status: Status,
    name: Option<String>,
}

impl Synth {
    pub fn new(shape: Shape) -> Self {
        let mut rng = Rng::new(shape.seed);
        let n = shape.people();
        let mut seen = std::collections::HashSet::new();
        let mut people = Vec::with_capacity(n);
        while people.len() < n {
            let syllables = 2 + rng.below(2);
            let mut family: String =
                (0..syllables).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect::<String>();
            if let Some(first) = family.get(..1) {
                family = first.to_uppercase() + &family[1..];
            }
            let given = GIVEN[rng.below(GIVEN.len())];
            if !seen.insert((given, family.clone())) {
                continue;
            }
            people.push(Person {
                given,
                family,
                country: rng.below(COUNTRIES.len()),
                role: ROLES[rng.below(ROLES.len())],
            });
        }
        let days = shape.years * 365;
        let mut summits: Vec<u32> = (0..shape.years * 24).map(|_| rng.below(days as usize) as u32).collect();
        summits.sort_unstable();
        let weeks = days.div_ceil(7);
        let total_weight = (0..weeks).map(|w| Self::weight(&Self::summits_near(&summits, w))).sum();
        Synth {
            total_weight,
            by_rank: PowerLaw::new(n, 1.0),
            countries: PowerLaw::new(COUNTRIES.len(), 0.8),
            outlets: PowerLaw::new(OUTLETS, 1.1),
            weeks,
            shape,
            people,
            summits,
        }
    }

    /// The articles, week by week, each with its events.
    pub fn articles(&self) -> impl Iterator<Item = (Article, Vec<Event>)> + '_ {
        let mut serial = 0usize;
        (0..self.weeks).flat_map(move |w| {
            let week = self.week(w, serial);
            serial += week.len();
            week
        })
    }

    /// About how many reports a world event gets, on average.
    const REPORTS_PER_EVENT: f64 = 1.6;
    const EVENTS_PER_ARTICLE: usize = 5;

    fn week(&self, w: u32, serial: usize) -> Vec<(Article, Vec<Event>)> {
        let mut rng = Rng::new(self.shape.seed ^ (u64::from(w) + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        let first = w * 7;
        let summit_days = Self::summits_near(&self.summits, w);
        // Weeks around a summit carry several times the events of a quiet one.
        let mean = self.shape.events as f64 / Self::REPORTS_PER_EVENT * Self::weight(&summit_days)
            / self.total_weight;
        let count = (mean * (0.8 + 0.4 * rng.unit())).round() as usize;
        let world: Vec<WorldEvent> =
            (0..count).map(|_| self.world_event(&mut rng, first, &summit_days)).collect();

        // Reports: each world event told 1..n times, scattered over the week's articles.
        let mut reports: Vec<(usize, u32)> = Vec::new(); // (event, report number)
        for (e, _) in world.iter().enumerate() {
            let mut n = 1;
            while n < 6 && rng.chance(0.38) {
                n += 1;
            }
            for k in 0..n {
                reports.push((e, k));
            }
        }
        // Shuffle so that one article tells several events and an event's reports sit apart.
        for i in (1..reports.len()).rev() {
            reports.swap(i, rng.below(i + 1));
        }
        reports
            .chunks(Self::EVENTS_PER_ARTICLE)
            .enumerate()
            .map(|(a, chunk)| self.article(&mut rng, serial + a, chunk, &world))
            .collect()
    }

    /// The summits whose days around them (two before, two after) fall in week `w`.
    fn summits_near(summits: &[u32], w: u32) -> Vec<u32> {
        let first = w * 7;
        summits.iter().copied().filter(|&d| d + 2 >= first && d < first + 9).collect()
    }

    /// A week's share of the events: a week around a summit carries several times a quiet one.
    fn weight(summits: &[u32]) -> f64 {
        1.0 + 3.0 * summits.len() as f64
    }

    fn world_event(&self, rng: &mut Rng, first_day: u32, summits: &[u32]) -> WorldEvent {
        let near_summit = !summits.is_empty() && rng.chance(0.6);
        let day = if near_summit {
            let s = summits[rng.below(summits.len())];
            (s + rng.below(5) as u32).saturating_sub(2)
        } else {
            first_day + rng.below(7) as u32
        };
        let first = self.shape.start + Days::new(u64::from(day));
        let kind = match (near_summit, rng.below(20)) {
            (true, 0..=5) => EventKind::Conference,
            (true, _) | (false, 0..=6) => EventKind::Meeting,
            (false, 7..=12) => EventKind::Visit,
            (false, 13..=18) => EventKind::Call,
            (false, _) => EventKind::Conference,
        };
        let size = match kind {
            EventKind::Call => 2,
            EventKind::Visit | EventKind::Meeting => 2 + usize::from(rng.chance(0.25)),
            EventKind::Conference => 4 + rng.below(9),
        };
        let mut people: Vec<usize> = Vec::with_capacity(size);
        while people.len() < size {
            let p = self.by_rank.draw(rng);
            if !people.contains(&p) {
                people.push(p);
            }
        }
        let days = match kind {
            EventKind::Visit => 1 + rng.below(4) as u32,
            EventKind::Conference => 2 + rng.below(3) as u32,
            _ => 1,
        };
        let host = match kind {
            EventKind::Visit => self.people[people[1]].country,
            _ if rng.chance(0.5) => self.people[people[0]].country,
            _ => self.countries.draw(rng),
        };
        let status = match rng.below(100) {
            0..=84 => Status::Occurred,
            85..=92 => Status::Planned,
            93..=96 => Status::Cancelled,
            _ => Status::Postponed,
        };
        let name = (kind == EventKind::Conference && near_summit)
            .then(|| format!("{} Summit {}", COUNTRIES[host].1, first.year()));
        let country_actor = (kind != EventKind::Call && rng.chance(0.1)).then(|| self.countries.draw(rng));
        WorldEvent { kind, first, days, people, country_actor, host, status, name }
    }

    fn article(
        &self,
        rng: &mut Rng,
        n: usize,
        reports: &[(usize, u32)],
        world: &[WorldEvent],
    ) -> (Article, Vec<Event>) {
        let outlet = self.outlets.draw(rng);
        let mut text = String::new();
        let mut events = Vec::with_capacity(reports.len());
        let mut latest = self.shape.start;
        for &(e, k) in reports {
            let w = &world[e];
            let (event, sentence) = self.report(rng, w, k, text.len());
            text.push_str(&sentence);
            text.push(' ');
            latest = latest.max(w.first + Days::new(u64::from(w.days)));
            events.push(event);
        }
        text.push_str("Officials gave no further details. ");
        let published = latest + Days::new(rng.below(3) as u64);
        let article = Article {
            doc: format!("synth-{n:08}"),
            title: Some(format!("Diplomatic roundup {n}")),
            published: Some(published),
            published_raw: None,
            outlet: Some(format!("Outlet {:02}", outlet + 1)),
            byline: None,
            url: None,
            text,
            origin: Origin::file(format!("synth/{:04}/{n:08}.txt", n / 10_000)),
            content_hash: format!("{:016x}{n:048x}", self.shape.seed),
        };
        (article, events)
    }

    /// How one article tells world event `w` (its `k`-th report), as an event and the sentence
    /// that says it, placed at byte `offset` of the text.
    fn report(&self, rng: &mut Rng, w: &WorldEvent, k: u32, offset: usize) -> (Event, String) {
        // The first report names everyone; later ones may name fewer.
        let mut people = w.people.clone();
        if k > 0 && people.len() > 2 && rng.chance(0.3) {
            people.truncate(2);
        } else if k > 0 && rng.chance(0.1) {
            people.truncate(1);
        }
        let surname_only = rng.chance(0.05);
        let mut participants: Vec<Participant> = people
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let person = &self.people[p];
                let name = if surname_only && i == 0 {
                    person.family.clone()
                } else {
                    format!("{} {}", person.given, person.family)
                };
                let mut actor = Actor::new(name, ActorKind::Person);
                actor.country = Some(COUNTRIES[person.country].0.to_string());
                actor.roles = vec![person.role.to_string()];
                let role = match (w.kind, i) {
                    (_, 0) => Role::Initiator,
                    (EventKind::Visit, 1) => Role::Host,
                    (EventKind::Conference, _) => Role::Attendee,
                    _ => Role::Counterpart,
                };
                Participant { actor, role }
            })
            .collect();
        if let Some(c) = w.country_actor {
            participants.push(Participant {
                actor: Actor::new(COUNTRIES[c].0, ActorKind::Country),
                role: Role::Attendee,
            });
        }
        let last = w.first + Days::new(u64::from(w.days - 1));
        let exact = DateRange::new(w.first, last, Precision::Day).unwrap_or(DateRange::day(w.first));
        let date = match rng.below(100) {
            0..=2 => DateRange::month(w.first.year(), w.first.month()),
            3..=4 => DateRange::year(w.first.year()),
            _ => Some(exact),
        };
        // An early report of a held event announces it.
        let status = if k == 0 && w.status == Status::Occurred && rng.chance(0.1) {
            Status::Planned
        } else {
            w.status
        };
        let (city, country) = COUNTRIES[w.host];
        let location = Location {
            place: (w.kind != EventKind::Call && rng.chance(0.6)).then(|| city.to_string()),
            country: (w.kind != EventKind::Call).then(|| country.to_string()),
        };
        let who: Vec<String> = participants.iter().map(|p| p.actor.name.clone()).collect();
        let verb = match w.kind {
            EventKind::Visit => "visited",
            EventKind::Meeting => "met",
            EventKind::Call => "spoke by phone with",
            EventKind::Conference => "attended",
        };
        let sentence = match (&w.name, w.kind) {
            (Some(name), _) => format!("{} {verb} the {name} in {city} on {}.", who.join(", "), w.first),
            (None, EventKind::Visit) => {
                format!("{} {verb} {country} on {}, meeting {}.", who[0], w.first, who[1..].join(" and "))
            }
            (None, _) => format!("{} {verb} {} on {}.", who[0], who[1..].join(" and "), w.first),
        };
        let trigger_at = sentence.find(verb).unwrap_or(0);
        let event = Event {
            kind: w.kind,
            status,
            date,
            participants,
            location: (location.place.is_some() || location.country.is_some()).then_some(location),
            name: w.name.clone(),
            evidence: vec![Span::new(offset, offset + sentence.len())],
            trigger: Span::new(offset + trigger_at, offset + trigger_at + verb.len()),
            confidence: 0.6 + 0.4 * rng.unit() as f32,
        };
        (event, sentence)
    }
}

/// User + system CPU time of this process so far, for the figures of benchmarks that build
/// workspaces (Linux; 0 elsewhere).
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // The fields after the command name (which may hold spaces) are space-separated; utime and
    // stime are the 12th and 13th of them, in clock ticks (100 a second on Linux).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_is_what_it_says() {
        let synth = Synth::new(Shape::events(20_000));
        let articles: Vec<(Article, Vec<Event>)> = synth.articles().collect();
        let events: Vec<&Event> = articles.iter().flat_map(|(_, e)| e).collect();
        let n = events.len() as f64;
        assert!((15_000.0..25_000.0).contains(&n), "about the events asked for: {n}");

        // The most active person is in a large share of the events, most people in few.
        let mut per_actor: std::collections::HashMap<&str, usize> = Default::default();
        for e in &events {
            for p in &e.participants {
                *per_actor.entry(p.actor.name.as_str()).or_default() += 1;
            }
        }
        let top = per_actor.values().copied().max().unwrap_or(0) as f64 / n;
        assert!((0.10..0.45).contains(&top), "the busiest actor's share: {top}");

        let share = |f: &dyn Fn(&Event) -> bool| events.iter().filter(|e| f(e)).count() as f64 / n;
        let coarse = share(&|e| e.date.is_some_and(|d| d.precision >= Precision::Month));
        assert!((0.03..0.08).contains(&coarse), "month or year precision: {coarse}");
        let multi = share(&|e| e.date.is_some_and(|d| d.precision == Precision::Day && d.days() > 1));
        assert!(multi > 0.1, "multi-day events: {multi}");

        // Bursts: the busiest week holds several times the events of a median week.
        let mut per_week: std::collections::HashMap<i64, usize> = Default::default();
        for e in &events {
            if let Some(d) = e.date.filter(|d| d.precision == Precision::Day) {
                *per_week.entry((d.start - synth.shape.start).num_days() / 7).or_default() += 1;
            }
        }
        let mut weeks: Vec<usize> = per_week.into_values().collect();
        weeks.sort_unstable();
        let (median, max) = (weeks[weeks.len() / 2], weeks[weeks.len() - 1]);
        assert!(max >= 3 * median, "summit weeks: max {max}, median {median}");

        // Every evidence span and trigger lies inside its text, anchors are distinct.
        for (a, evs) in &articles {
            let mut triggers = std::collections::HashSet::new();
            for e in evs {
                assert!(e.evidence[0].end <= a.text.len() && e.evidence[0].contains(e.trigger));
                assert!(triggers.insert((e.kind, e.trigger)), "{}", a.doc);
            }
        }
        // Deterministic.
        let again: Vec<(Article, Vec<Event>)> =
            Synth::new(Shape::events(20_000)).articles().take(50).collect();
        assert_eq!(again[..], articles[..50]);
    }
}
