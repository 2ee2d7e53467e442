//! The evaluation record: one event as one JSON line, exactly as `shared/eval/EVENTS.md` defines it.
//! This is a public contract (`dateline extract --format jsonl`): keep it stable.

use serde::{Deserialize, Serialize};

use crate::{Event, Precision};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationRecord {
    pub place: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub doc: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Option<String>,
    pub participants: Vec<String>,
    pub location: Option<LocationRecord>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
    /// CAMEO code (036, 040–046), absent for cancelled events; see [`crate::code`].
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cameo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub plover_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub plover_mode: Option<String>,
    #[serde(default)]
    pub confidence: f32,
    /// Byte spans `[start, end)` of the sentences that tell of the event, in the article's text.
    #[serde(default)]
    pub evidence: Vec<[usize; 2]>,
}

impl EventRecord {
    pub fn from_event(doc: &str, e: &Event) -> Self {
        let (start, end, precision) = match &e.date {
            Some(r) => (
                Some(r.start.format("%Y-%m-%d").to_string()),
                Some(r.end.format("%Y-%m-%d").to_string()),
                Some(record_precision(r.precision).to_string()),
            ),
            None => (None, None, None),
        };
        let coding = crate::code(e);
        EventRecord {
            doc: doc.to_string(),
            kind: e.kind.as_str().to_string(),
            status: e.status.as_str().to_string(),
            start,
            end,
            precision,
            participants: e.participant_names().into_iter().map(str::to_string).collect(),
            location: e
                .location
                .as_ref()
                .map(|l| LocationRecord { place: l.place.clone(), country: l.country.clone() }),
            name: e.name.clone(),
            cameo: coding.cameo.map(str::to_string),
            plover_type: coding.plover_type.map(str::to_string),
            plover_mode: coding.plover_mode.map(str::to_string),
            confidence: (e.confidence * 100.0).round() / 100.0,
            evidence: e.evidence.iter().map(|s| [s.start, s.end]).collect(),
        }
    }
}

/// The record knows day..year; coarser precisions are reported as `year`.
fn record_precision(p: Precision) -> &'static str {
    match p {
        Precision::Decade | Precision::Century => "year",
        p => p.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Actor, ActorKind, DateRange, EventKind, Location, Participant, Role, Span, Status};

    #[test]
    fn record_matches_the_contract() {
        let d = chrono::NaiveDate::from_ymd_opt(2022, 3, 6).expect("valid");
        let e = Event {
            kind: EventKind::Visit,
            status: Status::Planned,
            date: DateRange::new(d, d + chrono::Days::new(2), Precision::Day),
            participants: vec![
                Participant { actor: Actor::new("Wendy Sherman", ActorKind::Person), role: Role::Initiator },
                Participant { actor: Actor::new("Spain", ActorKind::Country), role: Role::Host },
            ],
            location: Some(Location { place: Some("Madrid".into()), country: Some("Spain".into()) }),
            name: None,
            evidence: vec![Span::new(0, 10)],
            trigger: Span::new(0, 3),
            confidence: 0.9,
        };
        let json = serde_json::to_string(&EventRecord::from_event("doc-1", &e)).expect("ser");
        assert_eq!(
            json,
            r#"{"doc":"doc-1","type":"visit","status":"planned","start":"2022-03-06","end":"2022-03-08","precision":"day","participants":["Wendy Sherman","Spain"],"location":{"place":"Madrid","country":"Spain"},"cameo":"036","plover_type":"AGREE","confidence":0.9,"evidence":[[0,10]]}"#
        );
    }
}
