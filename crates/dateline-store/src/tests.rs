use chrono::NaiveDate;
use dateline_model::{
    Actor, ActorKind, Article, DateRange, Event, EventKind, Location, Origin, Participant, Role, Span, Status,
};

use super::*;

fn article(path: &str, text: &str, hash: &str) -> Article {
    Article {
        doc: "doc".into(),
        title: Some("Title".into()),
        published: NaiveDate::from_ymd_opt(2021, 5, 21),
        published_raw: None,
        outlet: None,
        byline: None,
        url: None,
        text: text.into(),
        origin: Origin::file(path),
        content_hash: hash.into(),
    }
}

fn call(day: u32) -> Event {
    let d = NaiveDate::from_ymd_opt(2021, 5, day).expect("valid");
    let person = |name: &str, role| Participant { actor: Actor::new(name, ActorKind::Person), role };
    Event {
        kind: EventKind::Call,
        status: Status::Occurred,
        date: Some(DateRange::day(d)),
        participants: vec![
            person("Antony J. Blinken", Role::Initiator),
            person("Gabi Ashkenazi", Role::Counterpart),
        ],
        location: None,
        name: None,
        evidence: vec![Span::new(0, 12)],
        trigger: Span::new(3, 8),
        confidence: 0.8,
    }
}

#[test]
fn save_and_read_back() {
    let mut store = Store::open_in_memory().expect("open");
    let a = article("/a.txt", "Blinken spoke with Ashkenazi.", "h1");
    let out = store.save_article(&a, &[call(20)]).expect("save");
    assert!(matches!(out, SaveOutcome::Inserted { events: 1, .. }));
    let events = store.events(&EventFilter::default()).expect("read");
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.kind, EventKind::Call);
    assert_eq!(
        e.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Antony J. Blinken", "Gabi Ashkenazi"]
    );
    assert_eq!(e.evidence, [Span::new(0, 12)]);
    assert_eq!(store.event(e.id).expect("read"), Some(e.clone()));
    assert_eq!(store.article(e.article_id).expect("read").map(|a| a.text), Some(a.text));
}

#[test]
fn reimport_is_a_no_op_and_changes_replace() {
    let mut store = Store::open_in_memory().expect("open");
    let a = article("/a.txt", "x", "h1");
    store.save_article(&a, &[call(20)]).expect("save");
    let before = store.counts().expect("counts");
    assert!(matches!(store.save_article(&a, &[call(20)]).expect("save"), SaveOutcome::Unchanged { .. }));
    assert_eq!(store.counts().expect("counts"), before);

    let changed = article("/a.txt", "y", "h2");
    let out = store.save_article(&changed, &[call(21), call(22)]).expect("save");
    assert!(matches!(out, SaveOutcome::Updated { events: 2, .. }));
    let c = store.counts().expect("counts");
    assert_eq!((c.articles, c.events, c.actors), (1, 2, 2));

    let twin = article("/copy/a.txt", "y", "h2");
    assert!(matches!(store.save_article(&twin, &[]).expect("save"), SaveOutcome::Duplicate { .. }));
    assert_eq!(store.counts().expect("counts").articles, 1);
}

#[test]
fn one_actor_per_identity() {
    let mut store = Store::open_in_memory().expect("open");
    let mut e = call(20);
    e.participants[0].actor.name = "Antony Blinken".into();
    store.save_article(&article("/a.txt", "x", "h1"), &[call(20)]).expect("save");
    store.save_article(&article("/b.txt", "y", "h2"), &[e]).expect("save");
    assert_eq!(store.counts().expect("counts").actors, 2, "Blinken with and without initial is one actor");
}

#[test]
fn filters() {
    let mut store = Store::open_in_memory().expect("open");
    let mut visit = call(25);
    visit.kind = EventKind::Visit;
    visit.status = Status::Planned;
    visit.location = Some(Location { place: Some("Rome".into()), country: Some("Italy".into()) });
    store.save_article(&article("/a.txt", "x", "h1"), &[call(20), visit]).expect("save");
    let window = EventFilter {
        from: NaiveDate::from_ymd_opt(2021, 5, 24),
        to: NaiveDate::from_ymd_opt(2021, 5, 31),
        ..Default::default()
    };
    let got = store.events(&window).expect("read");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].location.as_ref().and_then(|l| l.place.as_deref()), Some("Rome"));
    let calls = EventFilter { kinds: vec![EventKind::Call], ..Default::default() };
    assert_eq!(store.events(&calls).expect("read").len(), 1);
    let planned = EventFilter { statuses: vec![Status::Planned], ..Default::default() };
    assert_eq!(store.events(&planned).expect("read")[0].kind, EventKind::Visit);
    let actor = store.events(&EventFilter::default()).expect("read")[0].participants[1].actor_id;
    let by_actor = EventFilter { actor_id: Some(actor), ..Default::default() };
    assert_eq!(store.events(&by_actor).expect("read").len(), 2);
}

#[test]
fn a_file_on_disk_survives_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ws.dateline");
    {
        let mut store = Store::open(&path).expect("open");
        store.save_article(&article("/a.txt", "x", "h1"), &[call(20)]).expect("save");
    }
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.counts().expect("counts").events, 1);
}

#[test]
fn keys_fold_case_and_initials() {
    assert_eq!(actor_key("Antony J. Blinken"), "antony blinken");
    assert_eq!(actor_key("  ANTONY   Blinken "), "antony blinken");
}
