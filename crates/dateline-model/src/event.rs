use serde::{Deserialize, Serialize};

use crate::{DateRange, Span};

/// What kind of diplomatic event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Visit,
    Meeting,
    Call,
    Conference,
}

impl EventKind {
    pub const ALL: [EventKind; 4] =
        [EventKind::Visit, EventKind::Meeting, EventKind::Call, EventKind::Conference];

    pub const fn as_str(self) -> &'static str {
        match self {
            EventKind::Visit => "visit",
            EventKind::Meeting => "meeting",
            EventKind::Call => "call",
            EventKind::Conference => "conference",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The article's own assertion about the event, as of its publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Occurred,
    Planned,
    Cancelled,
    Postponed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Occurred, Status::Planned, Status::Cancelled, Status::Postponed];

    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Cancelled => "cancelled",
            Status::Postponed => "postponed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Country,
    Organization,
    Group,
}

impl ActorKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [ActorKind::Person, ActorKind::Country, ActorKind::Organization, ActorKind::Group]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Someone or something that takes part in events.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// The canonical name: a person's full name as the text gives it, a country's short name.
    pub name: String,
    pub kind: ActorKind,
    /// The country the actor belongs to, as the article states it.
    pub country: Option<String>,
    /// Roles as the article states them ("Foreign Minister", "Secretary of State").
    pub roles: Vec<String>,
}

impl Actor {
    pub fn new(name: impl Into<String>, kind: ActorKind) -> Self {
        Self { name: name.into(), kind, country: None, roles: Vec::new() }
    }
}

/// How an actor takes part in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The one who travels, calls, or is the sentence's subject.
    Initiator,
    /// The one visited, called, or met.
    Counterpart,
    Host,
    Attendee,
}

impl Role {
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Initiator => "initiator",
            Role::Counterpart => "counterpart",
            Role::Host => "host",
            Role::Attendee => "attendee",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Role::Initiator, Role::Counterpart, Role::Host, Role::Attendee].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Participant {
    pub actor: Actor,
    pub role: Role,
}

/// Where an event takes place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// A city or venue, or several cities joined by ", ".
    pub place: Option<String>,
    pub country: Option<String>,
}

/// One diplomatic event as extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    pub status: Status,
    /// `None` when the text gives no way to date it.
    pub date: Option<DateRange>,
    pub participants: Vec<Participant>,
    pub location: Option<Location>,
    /// The event's own name, for conferences ("U.S.-Bahrain Strategic Dialogue").
    pub name: Option<String>,
    /// The sentences (byte spans into the article text) that tell of this event.
    pub evidence: Vec<Span>,
    /// The trigger words ("met with", "spoke by phone").
    pub trigger: Span,
    /// 0..1: how sure the extractor is.
    pub confidence: f32,
}

impl Event {
    /// Participant names in order, without duplicates.
    pub fn participant_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in &self.participants {
            if !out.contains(&p.actor.name.as_str()) {
                out.push(&p.actor.name);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_string(&k).expect("ser"), format!("\"{}\"", k.as_str()));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for r in [Role::Initiator, Role::Counterpart, Role::Host, Role::Attendee] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(ActorKind::parse("group"), Some(ActorKind::Group));
        assert_eq!(EventKind::parse("party"), None);
    }
}
