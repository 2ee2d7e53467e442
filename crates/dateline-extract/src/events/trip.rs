//! A trip: one traveller, the countries of its stops (with their cities and own dates), and the
//! status of the whole. Travel announcements name the trip first ("will travel to Istanbul and
//! Ankara, Turkey; Madrid, Spain ... from March 4 to 11") and give each stop's dates later ("in
//! Madrid, Spain from March 6 to 8 to ..."); the meetings of a stop happen in its country, on its
//! dates.

use dateline_model::{Actor, ActorKind, DateRange, Participant, Role, Span, Status};

#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    pub country: String,
    pub cities: Vec<String>,
    /// The stop's own dates, when the text gives them.
    pub date: Option<DateRange>,
    /// Where the text announced the stop, for evidence.
    pub evidence: Vec<Span>,
    /// The day the traveller moves on to this stop, inside the trip's dates ("will travel on
    /// July 28 to Kuwait City" of a trip "July 26-29"): the stop runs from it to the next
    /// stop's, and the stop before ends on it.
    pub transfer: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trip {
    /// The traveller's display name, and their country when the article states it.
    pub traveller: String,
    pub traveller_country: Option<String>,
    pub status: Status,
    pub date: Option<DateRange>,
    pub stops: Vec<Stop>,
    pub trigger: Span,
    /// Told as travel done ("traveled to", "returned from travel to"): it took days before the
    /// release, so an undated one is not the publication day's.
    pub travelled: bool,
    /// Who receives the traveller, when the text says ("welcoming X to Y", "A invited B").
    pub hosts: Vec<Participant>,
}

impl Trip {
    /// The traveller as the initiator of an event: of the trip's visits, or of a meeting told
    /// with no subject of its own ("he will meet with", "They will also visit").
    pub fn traveller_participant(&self) -> Participant {
        let actor = Actor {
            name: self.traveller.clone(),
            kind: ActorKind::Person,
            country: self.traveller_country.clone(),
            roles: Vec::new(),
        };
        Participant { actor, role: Role::Initiator }
    }

    /// The stop for a country, created when new.
    pub fn stop_mut(&mut self, country: &str) -> &mut Stop {
        let i = match self.stops.iter().position(|s| s.country == country) {
            Some(i) => i,
            None => {
                self.stops.push(Stop {
                    country: country.to_string(),
                    cities: Vec::new(),
                    date: None,
                    evidence: Vec::new(),
                    transfer: None,
                });
                self.stops.len() - 1
            }
        };
        &mut self.stops[i]
    }

    pub fn stop(&self, country: &str) -> Option<&Stop> {
        self.stops.iter().find(|s| s.country == country)
    }

    /// "will travel to A and B July 26-29 ... will travel on July 28 to B": the stops split the
    /// trip's days at each transfer, the day of the move counting for both; a stop before a
    /// transfer that the text dated only by one day's meeting there ("In A on July 28, ...
    /// will meet") runs from the trip's start (or the transfer to it) to the transfer after it.
    pub fn split_at_transfers(&mut self) {
        let Some(whole) = self.date else { return };
        // The stops abroad, in order ("will return to Washington on July 29" is no stop).
        let home = self.traveller_country.clone();
        let abroad: Vec<usize> = (0..self.stops.len())
            .filter(|&i| home.as_deref() != Some(self.stops[i].country.as_str()))
            .collect();
        if abroad.len() < 2 || abroad.iter().all(|&i| self.stops[i].transfer.is_none()) {
            return;
        }
        for (k, &i) in abroad.iter().enumerate() {
            let start = if k == 0 { Some(whole.start) } else { self.stops[i].transfer };
            let end = match abroad.get(k + 1) {
                Some(&next) => self.stops[next].transfer,
                None => Some(whole.end),
            };
            let (Some(start), Some(end)) = (start, end) else { continue };
            if start > end {
                continue;
            }
            let span = DateRange { start, end, precision: whole.precision };
            let stop = &mut self.stops[i];
            // Only a stop with no days of its own, or one day inside the span, takes the span.
            if stop.date.is_none_or(|d| d.start == d.end && span.contains(&d)) {
                stop.date = Some(span);
            }
        }
    }

    /// The dates of a stop: its own, else the whole trip's.
    pub fn date_of(&self, country: &str) -> Option<DateRange> {
        self.stop(country).and_then(|s| s.date).or(self.date)
    }
}

/// The article's trips, in the order they were told, with each traveller's trips: finding a
/// traveller's trip by a look through all of them was quadratic in the length of a long text.
/// Trips are only added by [`Trips::push`], and a trip's traveller does not change.
#[derive(Debug, Clone, Default)]
pub struct Trips {
    list: Vec<Trip>,
    by_traveller: std::collections::HashMap<String, Vec<usize>>,
}

impl Trips {
    pub fn push(&mut self, trip: Trip) -> usize {
        let i = self.list.len();
        self.by_traveller.entry(trip.traveller.clone()).or_default().push(i);
        self.list.push(trip);
        i
    }

    /// The trips of `traveller`, in order.
    pub fn of(&self, traveller: &str) -> &[usize] {
        self.by_traveller.get(traveller).map_or(&[], Vec::as_slice)
    }

    /// The latest trip of any of `people`.
    pub fn last_of(&self, people: &[Participant]) -> Option<usize> {
        people.iter().filter_map(|p| self.of(&p.actor.name).last().copied()).max()
    }
}

impl std::ops::Deref for Trips {
    type Target = [Trip];
    fn deref(&self) -> &[Trip] {
        &self.list
    }
}

impl std::ops::DerefMut for Trips {
    fn deref_mut(&mut self) -> &mut [Trip] {
        &mut self.list
    }
}
