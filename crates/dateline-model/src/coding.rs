//! Event-data codes for an extracted event, so analysts can join Dateline's output with the event
//! data they already use: a CAMEO code (Gerner, Schrodt et al., CAMEO 1.1b3, codes 036 and 040–046)
//! and its PLOVER event type and mode (the Open Event Data Alliance's CAMEO→PLOVER table).
//!
//! | event                                             | CAMEO | PLOVER              |
//! |---------------------------------------------------|-------|---------------------|
//! | planned or postponed (any kind)                   | 036   | AGREE (diplomatic)  |
//! | cancelled                                         | none  | none                |
//! | call                                              | 041   | CONSULT / phone     |
//! | visit                                             | 042   | CONSULT / visit     |
//! | meeting or conference with a host                 | 043   | CONSULT / host      |
//! | meeting or conference away from every participant | 044   | CONSULT / third-party |
//! | named dialogue, talks, negotiations               | 046   | CONSULT (diplomatic)|
//! | any other meeting or conference                   | 040   | CONSULT             |
//!
//! CAMEO has no code for calling a meeting off (125 "reject proposal to meet" needs a refusal the
//! text rarely states), so a cancelled event carries no code rather than a wrong one. Mediation (045)
//! needs evidence of a third party brokering talks, which the extractor does not model.

use serde::Serialize;

use crate::{ActorKind, Event, EventKind, Role, Status};

/// The codes of one event. `cameo` is `None` only for cancelled events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coding {
    pub cameo: Option<&'static str>,
    pub plover_type: Option<&'static str>,
    pub plover_mode: Option<&'static str>,
}

impl Coding {
    const fn new(cameo: &'static str, plover_type: &'static str, mode: Option<&'static str>) -> Self {
        Coding { cameo: Some(cameo), plover_type: Some(plover_type), plover_mode: mode }
    }

    const NONE: Coding = Coding { cameo: None, plover_type: None, plover_mode: None };
}

/// Codes `event` from its kind, status, participants' roles and countries, place and name.
pub fn code(event: &Event) -> Coding {
    match event.status {
        Status::Cancelled => return Coding::NONE,
        Status::Planned | Status::Postponed => return Coding::new("036", "AGREE", None),
        Status::Occurred => {}
    }
    match event.kind {
        EventKind::Call => Coding::new("041", "CONSULT", Some("phone")),
        EventKind::Visit => Coding::new("042", "CONSULT", Some("visit")),
        EventKind::Meeting | EventKind::Conference => {
            if event.kind == EventKind::Conference && is_negotiation(event.name.as_deref()) {
                return Coding::new("046", "CONSULT", None);
            }
            match venue(event) {
                Venue::Hosted => Coding::new("043", "CONSULT", Some("host")),
                Venue::ThirdLocation => Coding::new("044", "CONSULT", Some("third-party")),
                Venue::Unknown => Coding::new("040", "CONSULT", None),
            }
        }
    }
}

enum Venue {
    Hosted,
    ThirdLocation,
    Unknown,
}

/// A meeting is hosted when a participant has the host role or the meeting's country is a
/// participant's own; it is at a third location when it has a country that is no participant's.
fn venue(event: &Event) -> Venue {
    if event.participants.iter().any(|p| p.role == Role::Host) {
        return Venue::Hosted;
    }
    let Some(country) = event.location.as_ref().and_then(|l| l.country.as_deref()) else {
        return Venue::Unknown;
    };
    let mut known = false;
    for p in &event.participants {
        let own = match p.actor.kind {
            ActorKind::Country => Some(p.actor.name.as_str()),
            _ => p.actor.country.as_deref(),
        };
        if let Some(own) = own {
            known = true;
            if own.eq_ignore_ascii_case(country) {
                return Venue::Hosted;
            }
        }
    }
    if known { Venue::ThirdLocation } else { Venue::Unknown }
}

fn is_negotiation(name: Option<&str>) -> bool {
    let Some(name) = name else { return false };
    let name = name.to_ascii_lowercase();
    ["dialogue", "talks", "negotiation", "consultations"].iter().any(|w| name.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Actor, Location, Participant, Span};

    fn person(name: &str, country: &str, role: Role) -> Participant {
        let mut actor = Actor::new(name, ActorKind::Person);
        actor.country = Some(country.into());
        Participant { actor, role }
    }

    fn event(kind: EventKind, status: Status, parts: Vec<Participant>, country: Option<&str>) -> Event {
        Event {
            kind,
            status,
            date: None,
            participants: parts,
            location: country.map(|c| Location { place: None, country: Some(c.into()) }),
            name: None,
            evidence: vec![],
            trigger: Span::new(0, 0),
            confidence: 1.0,
        }
    }

    #[test]
    fn codes_follow_the_table() {
        use EventKind::*;
        use Status::*;
        let a = || person("Antony Blinken", "United States", Role::Initiator);
        let b = || person("Wang Yi", "China", Role::Counterpart);
        let cases: Vec<(Event, Option<&str>, Option<&str>)> = vec![
            (event(Call, Occurred, vec![a(), b()], None), Some("041"), Some("phone")),
            (event(Visit, Occurred, vec![a()], Some("Japan")), Some("042"), Some("visit")),
            (event(Meeting, Occurred, vec![a(), b()], Some("China")), Some("043"), Some("host")),
            (event(Meeting, Occurred, vec![a(), b()], Some("Indonesia")), Some("044"), Some("third-party")),
            (event(Meeting, Occurred, vec![a(), b()], None), Some("040"), None),
            (
                event(
                    Meeting,
                    Occurred,
                    vec![a(), person("Rishi Sunak", "United Kingdom", Role::Host)],
                    None,
                ),
                Some("043"),
                Some("host"),
            ),
            (event(Visit, Planned, vec![a()], Some("Japan")), Some("036"), None),
            (event(Meeting, Postponed, vec![a(), b()], None), Some("036"), None),
            (event(Call, Cancelled, vec![a(), b()], None), None, None),
        ];
        for (e, cameo, mode) in cases {
            let c = code(&e);
            assert_eq!(
                (c.cameo, c.plover_mode),
                (cameo, mode),
                "{:?} {:?} in {:?}",
                e.kind,
                e.status,
                e.location
            );
        }
        let mut dialogue = event(Conference, Occurred, vec![a(), b()], Some("China"));
        dialogue.name = Some("U.S.-China Strategic Dialogue".into());
        assert_eq!(code(&dialogue).cameo, Some("046"));
        assert_eq!(code(&event(Visit, Planned, vec![a()], None)).plover_type, Some("AGREE"));
    }
}
