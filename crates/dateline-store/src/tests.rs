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
        trigger: Span::new(day as usize, day as usize + 3),
        confidence: 0.8,
    }
}

#[test]
fn save_and_read_back() {
    let mut store = Store::open_in_memory().expect("open");
    let a = article("/a.txt", "Blinken spoke with Ashkenazi.", "h1");
    let out = store.save_article(&a, &[call(20)]).expect("save");
    assert!(matches!(out, SaveOutcome::Inserted { events: 1, .. }));
    let events = store.events(&Selection::default()).expect("read");
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
    let window = Selection {
        from: NaiveDate::from_ymd_opt(2021, 5, 24),
        to: NaiveDate::from_ymd_opt(2021, 5, 31),
        ..Default::default()
    };
    let got = store.events(&window).expect("read");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].location.as_ref().and_then(|l| l.place.as_deref()), Some("Rome"));
    let calls = Selection { kinds: vec![EventKind::Call], ..Default::default() };
    assert_eq!(store.events(&calls).expect("read").len(), 1);
    let planned = Selection { statuses: vec![Status::Planned], ..Default::default() };
    assert_eq!(store.events(&planned).expect("read")[0].kind, EventKind::Visit);
    let actor = store.events(&Selection::default()).expect("read")[0].participants[1].actor_id;
    let by_actor = Selection { actors: vec![actor], ..Default::default() };
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

fn person(name: &str, country: Option<&str>, role: Option<&str>) -> Participant {
    let mut actor = Actor::new(name, ActorKind::Person);
    actor.country = country.map(str::to_string);
    actor.roles = role.iter().map(|r| r.to_string()).collect();
    Participant { actor, role: Role::Attendee }
}

fn with_people(mut e: Event, people: Vec<Participant>) -> Event {
    e.participants = people;
    e
}

#[test]
fn one_actor_per_identity_across_articles() {
    let mut store = Store::open_in_memory().expect("open");
    let us = Some("United States");
    let names = [
        person("Secretary Blinken", us, Some("Secretary of State")),
        person("Antony J. Blinken", us, Some("Secretary of State")),
        person("Blinken", us, None),
        person("Wang Yi", Some("China"), Some("Foreign Minister")),
        person("Wang Wenbin", Some("China"), Some("Spokesperson")),
        person("Wang", None, None),
    ];
    for (i, p) in names.iter().enumerate() {
        let e = with_people(call(1 + i as u32), vec![p.clone()]);
        store.save_article(&article(&format!("/{i}.txt"), "x", &format!("h{i}")), &[e]).expect("save");
    }
    let actors = store.actors().expect("actors");
    let got: Vec<(&str, Vec<&str>)> =
        actors.iter().map(|a| (a.name.as_str(), a.aliases.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            ("Antony J. Blinken", vec!["Blinken", "Secretary Blinken"]),
            ("Wang", vec![]),
            ("Wang Wenbin", vec![]),
            ("Wang Yi", vec![]),
        ],
        "one Blinken with his aliases; a bare Wang joins neither Wang"
    );
}

fn visit(day_from: u32, day_to: u32, status: Status) -> Event {
    let mut e = call(day_from);
    e.kind = EventKind::Visit;
    e.status = status;
    e.date = DateRange::new(
        NaiveDate::from_ymd_opt(2021, 5, day_from).expect("date"),
        NaiveDate::from_ymd_opt(2021, 5, day_to).expect("date"),
        dateline_model::Precision::Day,
    );
    e.location = Some(Location { place: None, country: Some("Israel".into()) });
    e
}

#[test]
fn the_same_event_across_articles_is_one_with_every_source() {
    let mut store = Store::open_in_memory().expect("open");
    let mut planned = article("/plan.txt", "plan", "hp");
    planned.outlet = Some("State".into());
    planned.published = NaiveDate::from_ymd_opt(2021, 5, 20);
    store.save_article(&planned, &[visit(24, 26, Status::Planned)]).expect("save");
    let mut held = article("/held.txt", "held", "hh");
    held.outlet = Some("Wire".into());
    held.published = NaiveDate::from_ymd_opt(2021, 5, 26);
    store.save_article(&held, &[visit(25, 25, Status::Occurred), call(27)]).expect("save");
    store.save_article(&article("/other.txt", "other", "ho"), &[call(28)]).expect("save");

    let events = store.events(&Selection::default()).expect("read");
    assert_eq!(events.len(), 3, "{events:#?}");
    let v = &events[0];
    assert_eq!((v.kind, v.status, v.sources), (EventKind::Visit, Status::Occurred, 2));
    assert_eq!(v.outlets, ["State", "Wire"]);
    assert_eq!(v.date.map(|d| d.start.to_string()), Some("2021-05-25".into()), "as reported held");
    assert_eq!(v.alternatives, ["2021-05-24 – 2021-05-26 (1 source)"]);
    assert_eq!(store.members(v.id).expect("members").len(), 2);
    assert_eq!(store.counts().expect("counts").mentions, 4);
}

#[test]
fn import_order_does_not_matter() {
    let items: Vec<(Article, Vec<Event>)> = (0..6)
        .map(|i| {
            let a = article(&format!("/{i}.txt"), &format!("t{i}"), &format!("h{i}"));
            let e = if i % 2 == 0 { visit(10 + i, 12 + i, Status::Planned) } else { call(10 + i % 3) };
            (a, vec![e])
        })
        .collect();
    let summary = |store: &Store| -> Vec<(String, u32, String)> {
        let mut v: Vec<(String, u32, String)> = store
            .events(&Selection::default())
            .expect("read")
            .iter()
            .map(|e| (format!("{:?}", e.date), e.sources, e.status.as_str().to_string()))
            .collect();
        v.sort();
        v
    };
    let mut a = Store::open_in_memory().expect("open");
    a.save_batch(&items).expect("save");
    a.refresh().expect("refresh");
    let mut b = Store::open_in_memory().expect("open");
    for item in items.iter().rev() {
        b.save_article(&item.0, &item.1).expect("save");
    }
    assert_eq!(summary(&a), summary(&b));
}

#[test]
fn corrections_survive_reimport_and_undo_redo() {
    let mut store = Store::open_in_memory().expect("open");
    let a = article("/a.txt", "x", "h1");
    store.save_article(&a, &[call(20), call(22)]).expect("save");
    let events = store.events(&Selection::default()).expect("read");
    let (first, second) = (events[0].id, events[1].id);
    let anchors = store.anchors(first).expect("anchors");
    let patch = EventEdit { status: Some(Status::Planned), place: Some("Rome".into()), ..Default::default() };
    store.correct(&Correction::EditEvent { anchors, patch }, "edit the call").expect("edit");
    let anchors = store.anchors(second).expect("anchors");
    store.correct(&Correction::DeleteEvent { anchors }, "delete the second call").expect("delete");

    let check = |store: &Store| {
        let live = store.events(&Selection::default()).expect("read");
        assert_eq!(live.len(), 1);
        assert_eq!(live[0].status, Status::Planned);
        assert!(live[0].edited);
        assert_eq!(live[0].location.as_ref().and_then(|l| l.place.as_deref()), Some("Rome"));
        let deleted = store.events(&Selection { deleted: true, ..Default::default() }).expect("read");
        assert_eq!(deleted.len(), 1);
    };
    check(&store);
    // Re-extraction: the same article's events written again (new rows, new ids).
    let changed = article("/a.txt", "x", "h1");
    store.conn.execute("UPDATE articles SET content_hash = 'old'", []).expect("force");
    store.save_article(&changed, &[call(20), call(22)]).expect("save");
    check(&store);

    assert_eq!(store.undo().expect("undo").as_deref(), Some("delete the second call"));
    assert_eq!(store.events(&Selection::default()).expect("read").len(), 2);
    assert_eq!(store.redo().expect("redo").as_deref(), Some("delete the second call"));
    assert_eq!(store.redo().expect("redo"), None);
    assert_eq!(store.undo().expect("undo").as_deref(), Some("delete the second call"));
    assert_eq!(store.undo().expect("undo").as_deref(), Some("edit the call"));
    assert_eq!(store.undo().expect("undo"), None);
    // A new correction drops the redo tail.
    let id = store.events(&Selection::default()).expect("read")[0].id;
    let anchors = store.anchors(id).expect("anchors");
    store.correct(&Correction::DeleteEvent { anchors }, "delete").expect("delete");
    assert_eq!(store.redo().expect("redo"), None);
    assert_eq!(store.corrections().expect("list").len(), 1);
}

#[test]
fn actor_merges_and_renames() {
    let mut store = Store::open_in_memory().expect("open");
    let e1 =
        with_people(call(1), vec![person("Gabi Ashkenazi", None, None), person("Tony Blinken", None, None)]);
    let e2 = with_people(
        call(1),
        vec![person("Gabi Ashkenazi", None, None), person("Antony Blinken", None, None)],
    );
    store.save_article(&article("/a.txt", "a", "ha"), &[e1]).expect("save");
    store.save_article(&article("/b.txt", "b", "hb"), &[e2]).expect("save");
    assert_eq!(store.events(&Selection::default()).expect("read").len(), 2, "Tony is not Antony yet");
    let actors = store.actors().expect("actors");
    let id = |name: &str| actors.iter().find(|a| a.name == name).map(|a| a.id).expect("actor");
    let into = store.actor_ref(id("Antony Blinken")).expect("ref").expect("some");
    let from = store.actor_ref(id("Tony Blinken")).expect("ref").expect("some");
    store.correct(&Correction::MergeActors { into: into.clone(), from: vec![from] }, "merge").expect("merge");
    let events = store.events(&Selection::default()).expect("read");
    assert_eq!(events.len(), 1, "the calls merge once their actors do");
    assert_eq!(events[0].sources, 2);
    store
        .correct(&Correction::RenameActor { actor: into, name: "Tony B.".into() }, "rename")
        .expect("rename");
    let actors = store.actors().expect("actors");
    let tony = actors.iter().find(|a| a.name == "Tony B.").expect("renamed");
    assert!(tony.aliases.contains(&"Tony Blinken".to_string()), "{:?}", tony.aliases);
    assert_eq!(actors.len(), 2);
}

#[test]
fn search_and_buckets() {
    let mut store = Store::open_in_memory().expect("open");
    let mut a = article("/a.txt", "The ministers discussed Gaza.", "h1");
    a.title = Some("Calls".into());
    store.save_article(&a, &[call(20), call(21)]).expect("save");
    assert_eq!(store.search("gaza").expect("search").len(), 2);
    assert_eq!(store.search("ashkenazi").expect("search").len(), 2);
    assert_eq!(store.search("ashk").expect("search").len(), 2, "prefix");
    for hostile in ["\"", "AND(", "NEAR(a b", "*", "a OR", "'; DROP TABLE articles; --", ""] {
        store.search(hostile).expect("no error on hostile input");
    }
    assert!(store.search("nothing-here").expect("search").is_empty());
    let text = Selection { text: Some("Gaza".into()), ..Default::default() };
    assert_eq!(store.events(&text).expect("read").len(), 2);
    let months = store.bucket_counts(&Selection::default(), Bucket::Month).expect("counts");
    assert_eq!(months, [(NaiveDate::from_ymd_opt(2021, 5, 1).expect("date"), 2)]);
    let weeks = store.bucket_counts(&Selection::default(), Bucket::Week).expect("counts");
    // 2021-05-20 is a Thursday (week of the 17th), 2021-05-21 a Friday.
    assert_eq!(weeks, [(NaiveDate::from_ymd_opt(2021, 5, 17).expect("date"), 2)]);
    let sources = Selection { sources: vec!["doc".into()], ..Default::default() };
    assert_eq!(store.events(&sources).expect("read").len(), 2);
}

/// A workspace of `articles` generated articles of three events each: 2–4 participants among
/// people, countries and an organization, two evidence spans, dates over two years (every seventh undated), some
/// told by two articles.
fn generated(articles: usize) -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let pool = [
        ("Ann Marlow", ActorKind::Person),
        ("Tomas Halvorsen", ActorKind::Person),
        ("Grace Wanjiru", ActorKind::Person),
        ("Li Qiang", ActorKind::Person),
        ("Omar Haddad", ActorKind::Person),
        ("Turkey", ActorKind::Country),
        ("Kenya", ActorKind::Country),
        ("NATO", ActorKind::Organization),
    ];
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date");
    let items: Vec<(Article, Vec<Event>)> = (0..articles)
        .map(|n| {
            let mut a =
                article(&format!("/gen/{n}.txt"), &"Generated text. ".repeat(8), &format!("{n:064x}"));
            a.doc = format!("gen-{n}");
            a.outlet = (n % 3 == 0).then(|| "Wire".to_string());
            let events = (0..3)
                .map(|k| {
                    let e = n * 3 + k;
                    // Every fifth event repeats the previous article's: the same event, two sources.
                    let e = if e % 5 == 0 && n > 0 { e - 3 } else { e };
                    // Drawn from the event's number, so a repeated event is drawn the same.
                    let mut rng = e as u64 + 1;
                    let mut pick = |m: u64| {
                        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        (rng >> 33) % m
                    };
                    let size = 2 + pick(3) as usize;
                    let mut participants: Vec<Participant> = Vec::new();
                    while participants.len() < size {
                        let (name, kind) = pool[pick(pool.len() as u64) as usize];
                        if participants.iter().all(|p| p.actor.name != name) {
                            let role =
                                if participants.is_empty() { Role::Initiator } else { Role::Counterpart };
                            participants.push(Participant { actor: Actor::new(name, kind), role });
                        }
                    }
                    let day = start + chrono::Days::new(pick(730));
                    let kinds = [EventKind::Meeting, EventKind::Call, EventKind::Visit];
                    Event {
                        kind: kinds[pick(3) as usize],
                        status: if pick(4) == 0 { Status::Planned } else { Status::Occurred },
                        date: (e % 7 != 0).then(|| DateRange::day(day)),
                        participants,
                        location: (pick(2) == 0)
                            .then(|| Location { place: None, country: Some("Kenya".into()) }),
                        name: None,
                        evidence: vec![Span::new(32, 48), Span::new(0, 16)],
                        trigger: Span::new(0, 9),
                        confidence: 0.9,
                    }
                })
                .collect();
            (a, events)
        })
        .collect();
    store.save_batch(&items).expect("save");
    store.refresh().expect("refresh");
    store
}

#[test]
fn reading_many_events_gives_what_reading_each_one_gives() {
    let mut store = generated(60);
    let all = store.events(&Selection::default()).expect("read");
    let victim = all[3].id;
    let anchors = store.anchors(victim).expect("anchors");
    store.correct(&Correction::DeleteEvent { anchors }, "delete one").expect("delete");

    let all = store.events(&Selection::default()).expect("read");
    assert!(all.len() > read::WHOLE_TABLE, "the whole-table path is taken: {}", all.len());
    assert!(all.iter().any(|e| e.sources > 1), "some events have two sources");
    assert!(all.iter().any(|e| e.date.is_none()), "some are undated");
    let actor = all[0].participants[1].actor_id;
    let filters = [
        Selection::default(),
        Selection {
            from: NaiveDate::from_ymd_opt(2020, 3, 1),
            to: NaiveDate::from_ymd_opt(2020, 8, 31),
            ..Default::default()
        },
        Selection { actors: vec![actor], ..Default::default() },
        Selection { kinds: vec![EventKind::Visit], statuses: vec![Status::Planned], ..Default::default() },
        Selection { countries: vec!["Turkey".into()], ..Default::default() },
        Selection { sources: vec!["Wire".into()], ..Default::default() },
        Selection { text: Some("Wanjiru".into()), ..Default::default() },
        Selection { deleted: true, ..Default::default() },
    ];
    for filter in &filters {
        let rows = store.events(filter).expect("read");
        assert!(!rows.is_empty(), "{filter:?}");
        for row in &rows {
            assert_eq!(Some(row), store.event(row.id).expect("read").as_ref(), "{filter:?}");
            assert!(!row.participants.is_empty() && row.evidence.len() == 2, "{row:?}");
            let actors: Vec<i64> = store
                .conn
                .prepare("SELECT actor_id FROM merged_actors WHERE merged_id = ?1 ORDER BY position")
                .expect("prepare")
                .query_map([row.id], |r| r.get(0))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("actors");
            assert_eq!(row.participants.iter().map(|p| p.actor_id).collect::<Vec<_>>(), actors);
        }
        let brief = store.events_without_evidence(filter).expect("read");
        let expected: Vec<EventRow> =
            rows.iter().map(|r| EventRow { evidence: Vec::new(), ..r.clone() }).collect();
        assert_eq!(brief, expected, "{filter:?}");
        // The order an SQL `ORDER BY` gives.
        let (clause, args) = selection::clause(filter, store.max_span_days().expect("meta"));
        let ids: Vec<i64> = store
            .conn
            .prepare(&format!(
                "SELECT m.id FROM merged_events m WHERE {clause} ORDER BY m.start IS NULL, m.start, m.end, m.id"
            ))
            .expect("prepare")
            .query_map(rusqlite::params_from_iter(args), |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("ids");
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), ids, "{filter:?}");
    }
    assert_eq!(store.events(&filters[7]).expect("read")[0].id, victim);
}

/// Makes the next write `when` names fail (see [`test_support::fail_at`]), until [`heal`].
fn inject(store: &Store, when: &str) {
    store.conn.execute_batch(&test_support::fail_at("inject", when, true)).expect("trigger");
}

fn heal(store: &Store) {
    store.conn.execute_batch("DROP TRIGGER temp.inject;").expect("drop trigger");
}

/// Every table's rows: what a failed edit must leave byte for byte as it was.
fn dump(store: &Store) -> String {
    test_support::dump(&store.conn).expect("dump")
}

/// The analyst's edit of an event naming its people (new ones created), as the facade makes it.
fn edit_naming(store: &mut Store, anchors: &[Anchor], patch: &EventEdit, names: &[&str]) -> Result<()> {
    store.edit::<StoreError>(|e| {
        let mut patch = patch.clone();
        patch.participants = Some(names.iter().map(|n| e.actor_by_name(n)).collect::<Result<_>>()?);
        Ok((Correction::EditEvent { anchors: anchors.to_vec(), patch }, "edit".into()))
    })
}

fn injected<T: std::fmt::Debug>(r: Result<T>) -> bool {
    matches!(&r, Err(e) if e.to_string().contains("injected"))
}

#[test]
fn an_edit_is_one_transaction_all_or_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    store.save_article(&article("/a.txt", "x", "h1"), &[call(20)]).expect("save");
    let id = store.events(&Selection::default()).expect("read")[0].id;
    let anchors = store.anchors(id).expect("anchors");
    let names = ["Antony J. Blinken", "Ines Newcomer"];
    let actors_before = store.actors().expect("actors").len();
    let patch = EventEdit { status: Some(Status::Planned), ..Default::default() };

    // A failure after the new person (and their alias) is written, when the correction is
    // recorded: neither the person nor the correction remains, and the event reads as before.
    let before = dump(&store);
    inject(&store, "AFTER INSERT ON corrections");
    assert!(injected(edit_naming(&mut store, &anchors, &patch, &names)));
    heal(&store);
    assert_eq!(dump(&store), before, "the failed edit left something behind");
    assert_eq!(store.actors().expect("actors").len(), actors_before, "no stray actor");
    assert!(store.corrections().expect("list").is_empty());
    let e = store.event(id).expect("read").expect("event");
    assert_eq!(e.status, Status::Occurred);
    assert!(!e.edited);

    // The same edit without the failure: the new person and the edit land together.
    edit_naming(&mut store, &anchors, &patch, &names).expect("edit");
    let actors = store.actors().expect("actors");
    assert_eq!(actors.len(), actors_before + 1);
    assert!(actors.iter().any(|a| a.name == "Ines Newcomer"));
    let e = &store.events(&Selection::default()).expect("read")[0];
    assert_eq!(e.status, Status::Planned);
    let people: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["Antony J. Blinken", "Ines Newcomer"]);
    assert_eq!(store.corrections().expect("list").len(), 1);
    // Undo takes the whole edit back in one step.
    assert_eq!(store.undo().expect("undo").as_deref(), Some("edit"));
    assert_eq!(store.events(&Selection::default()).expect("read")[0].status, Status::Occurred);
}

#[test]
fn a_failure_half_way_through_any_edit_leaves_the_workspace_as_it_was() {
    let mut store = Store::open_in_memory().expect("open");
    let e1 =
        with_people(call(1), vec![person("Gabi Ashkenazi", None, None), person("Tony Blinken", None, None)]);
    let e2 = with_people(
        call(3),
        vec![person("Gabi Ashkenazi", None, None), person("Antony Blinken", None, None)],
    );
    store.save_article(&article("/a.txt", "a", "ha"), &[e1]).expect("save");
    store.save_article(&article("/b.txt", "b", "hb"), &[e2]).expect("save");
    let events = store.events(&Selection::default()).expect("read");
    let anchors = store.anchors(events[0].id).expect("anchors");
    let actors = store.actors().expect("actors");
    let id = |name: &str| actors.iter().find(|a| a.name == name).map(|a| a.id).expect("actor");
    let antony = store.actor_ref(id("Antony Blinken")).expect("ref").expect("some");
    let tony = store.actor_ref(id("Tony Blinken")).expect("ref").expect("some");
    let gabi = store.actor_ref(id("Gabi Ashkenazi")).expect("ref").expect("some");
    // An applied correction (undo has something to take back) and an undone one (redo has
    // something to put back, and a new edit a redo tail to drop).
    store
        .correct(&Correction::MergeActors { into: antony.clone(), from: vec![tony.clone()] }, "merge")
        .expect("merge");
    store.correct(&Correction::DeleteEvent { anchors: anchors.clone() }, "delete").expect("delete");
    assert_eq!(store.undo().expect("undo").as_deref(), Some("delete"));

    type Edit = Box<dyn Fn(&mut Store) -> Result<Option<String>>>;
    let correct =
        |c: Correction| -> Edit { Box::new(move |s: &mut Store| s.correct(&c, "edit").map(|()| None)) };
    let edits: Vec<(&str, Edit)> = vec![
        (
            "edit an event",
            correct(Correction::EditEvent {
                anchors: anchors.clone(),
                patch: EventEdit { status: Some(Status::Cancelled), ..Default::default() },
            }),
        ),
        ("edit an event naming a new person", {
            let anchors = anchors.clone();
            Box::new(move |s: &mut Store| {
                let patch = EventEdit { status: Some(Status::Planned), ..Default::default() };
                edit_naming(s, &anchors, &patch, &["Ines Newcomer", "Gabi Ashkenazi"]).map(|()| None)
            })
        }),
        ("delete", correct(Correction::DeleteEvent { anchors: anchors.clone() })),
        ("restore", correct(Correction::RestoreEvent { anchors: anchors.clone() })),
        ("merge actors", correct(Correction::MergeActors { into: gabi, from: vec![antony.clone()] })),
        ("rename an actor", correct(Correction::RenameActor { actor: antony, name: "Tony B.".into() })),
        ("split an actor", correct(Correction::SplitActor { actor: tony })),
        ("undo", Box::new(|s: &mut Store| s.undo())),
        ("redo", Box::new(|s: &mut Store| s.redo())),
    ];
    for (what, edit) in &edits {
        let before = dump(&store);
        // Only an edit naming a new person writes an alias; undo and redo record no correction.
        let points = test_support::FAIL_POINTS.iter().filter(|p| {
            (what.contains("new person") || !p.contains("actor_aliases"))
                && (!matches!(*what, "undo" | "redo") || !p.contains("corrections"))
        });
        for point in points {
            inject(&store, point);
            let r = edit(&mut store);
            heal(&store);
            assert!(injected(r), "{what} at {point}: not the injected failure");
            assert_eq!(dump(&store), before, "{what} failing at {point} left something behind");
        }
        // Without the failure it goes through, and changes the workspace.
        edit(&mut store).unwrap_or_else(|e| panic!("{what} without the failure: {e}"));
        assert_ne!(dump(&store), before, "{what} changed nothing");
    }
}

/// Two processes updating one schema: the second reads the version before the first migrates,
/// then waits for its lock. Once it has the lock it must read the version again and run
/// nothing. Migrations that would not fail if run twice show it: the row is inserted once.
#[test]
fn a_migration_waiting_for_another_reads_the_version_again_under_the_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ws.dateline");
    let steps: &[&str] = &["CREATE TABLE IF NOT EXISTS t (x INTEGER);", "INSERT INTO t VALUES (1);"];
    let first = Connection::open(&path).expect("open");
    first.pragma_update(None, "journal_mode", "WAL").expect("wal");
    first.busy_timeout(std::time::Duration::from_secs(10)).expect("timeout");
    // The first process has the write lock, and has not migrated yet.
    first.execute_batch("BEGIN IMMEDIATE;").expect("lock");
    let second = std::thread::spawn({
        let path = path.clone();
        move || {
            let mut conn = Connection::open(&path).expect("open");
            conn.busy_timeout(std::time::Duration::from_secs(10)).expect("timeout");
            // Version 0 here: it will wait for the lock.
            crate::open::migrate_with(&mut conn, "ws.dateline", steps)
        }
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    for sql in steps {
        first.execute_batch(sql).expect("migrate");
    }
    first.pragma_update(None, "user_version", 2).expect("version");
    first.execute_batch("COMMIT;").expect("commit");
    second.join().expect("no panic").expect("the second finds the schema current");
    let rows: i64 = first.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).expect("count");
    assert_eq!(rows, 1, "the second process ran the migrations again");

    // A migration that fails names its number and SQLite's reason, not its SQL.
    let other = dir.path().join("bad.dateline");
    let mut conn = Connection::open(&other).expect("open");
    let err =
        crate::open::migrate_with(&mut conn, "bad.dateline", &["CREATE TABLE a (x);", "CREATE TABLE a (y);"])
            .expect_err("fails");
    let msg = err.to_string();
    assert!(msg.starts_with("cannot update the schema of bad.dateline to version 2: "), "{msg}");
    assert!(msg.contains("already exists") && !msg.contains("CREATE"), "{msg}");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
    assert_eq!(version, 0, "nothing of it was kept");
    // Nor does any other error in a statement quote it.
    let e = conn.execute_batch("SELECT * FROM no_such_table;").expect_err("fails");
    let msg = StoreError::Sql(e).to_string();
    assert!(msg.starts_with("workspace database error: no such table: no_such_table"), "{msg}");
    assert!(!msg.contains("SELECT"), "{msg}");
}

/// Each facet value's count is what choosing that value alone (in place of the facet's own
/// criterion) gives, for the whole workspace and for narrower selections; the total is the
/// selection's own count.
#[test]
fn a_facet_count_is_what_choosing_its_value_gives() {
    let store = generated(60);
    let bases = [
        Selection::default(),
        Selection {
            from: NaiveDate::from_ymd_opt(2020, 3, 1),
            to: NaiveDate::from_ymd_opt(2020, 8, 31),
            ..Default::default()
        },
        Selection { kinds: vec![EventKind::Visit], statuses: vec![Status::Occurred], ..Default::default() },
        Selection { countries: vec!["Kenya".into()], text: Some("Wanjiru".into()), ..Default::default() },
    ];
    for base in &bases {
        let facets = store.facets(base).expect("facets");
        assert_eq!(facets.total as usize, store.events(base).expect("read").len(), "{base:?}");
        assert!(!facets.actors.is_empty() && !facets.kinds.is_empty(), "{base:?}: {facets:?}");
        let check = |what: &str, count: u32, choose: &dyn Fn(&mut Selection)| {
            let mut s = base.clone();
            choose(&mut s);
            let events = store.events(&s).expect("read");
            assert_eq!(count as usize, events.len(), "{what} in {base:?}");
            assert_eq!(store.count(&s).expect("count"), count, "{what}");
        };
        for a in &facets.actors {
            check(&a.name, a.count, &|s| s.actors = vec![a.id]);
        }
        for f in &facets.countries {
            check(&f.value, f.count, &|s| s.countries = vec![f.value.clone()]);
        }
        for f in &facets.kinds {
            check(&f.value, f.count, &|s| s.kinds = vec![EventKind::parse(&f.value).expect("kind")]);
        }
        for f in &facets.statuses {
            check(&f.value, f.count, &|s| s.statuses = vec![Status::parse(&f.value).expect("status")]);
        }
        for f in &facets.sources {
            check(&f.value, f.count, &|s| s.sources = vec![f.value.clone()]);
        }
        // Every value with events is listed: the facet's counts add up to at least the events
        // without that criterion that have any value.
        let mut any_kind = base.clone();
        any_kind.kinds.clear();
        let kinds: u32 = facets.kinds.iter().map(|f| f.count).sum();
        assert_eq!(kinds as usize, store.events(&any_kind).expect("read").len(), "{base:?}");
    }
    // A participating country counts as the country rule finds it.
    let kenya = store.facets(&Selection::default()).expect("facets");
    assert!(kenya.countries.iter().any(|f| f.value == "Kenya"), "{:?}", kenya.countries);
}

/// The selection's criteria are found through indexes, not by scanning every event.
#[test]
fn a_selection_reads_through_its_indexes() {
    let store = generated(10);
    let plan = |s: &Selection| -> String {
        let (clause, args) = selection::clause(s, store.max_span_days().expect("meta"));
        let sql = format!("EXPLAIN QUERY PLAN SELECT m.id FROM {} WHERE {clause}", selection::table(s));
        let mut stmt = store.conn.prepare(&sql).expect("prepare");
        let rows: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
            .expect("plan")
            .collect::<Result<_, _>>()
            .expect("rows");
        rows.join("\n")
    };
    let window = Selection {
        from: NaiveDate::from_ymd_opt(2020, 3, 1),
        to: NaiveDate::from_ymd_opt(2020, 3, 31),
        ..Default::default()
    };
    assert!(plan(&window).contains("INDEX merged_by_start"), "{}", plan(&window));
    let actor = Selection { actors: vec![1, 2], ..window.clone() };
    assert!(plan(&actor).contains("merged_actors_by_actor"), "{}", plan(&actor));
    let deleted = Selection { deleted: true, ..Default::default() };
    assert!(plan(&deleted).contains("INDEX merged_by_"), "{}", plan(&deleted));
    let text = Selection { text: Some("Wanjiru".into()), ..window };
    assert!(plan(&text).contains("VIRTUAL TABLE INDEX"), "{}", plan(&text));
}

/// The facets counted in one pass per facet, values looked up in memory, equal the facets as
/// SQLite groups them (`count(DISTINCT id)` per value of joined names), on the small generated
/// store and on a `dateline-synth` workspace (power-law actors, several outlets), for the whole
/// workspace and narrower selections.
#[test]
fn facets_equal_a_plain_group_by() {
    let mut synth = Store::open_in_memory().expect("open");
    let generator = dateline_synth::Synth::new(dateline_synth::Shape::events(4_000));
    let items: Vec<(Article, Vec<Event>)> = generator.articles().collect();
    for chunk in items.chunks(500) {
        synth.save_batch(chunk).expect("save");
    }
    synth.refresh().expect("merge");
    for store in [&generated(60), &synth] {
        let whole = store.facets(&Selection::default()).expect("facets");
        assert!(whole.countries.len() > 1 && whole.sources.len() > 1 && whole.actors.len() > 3, "{whole:?}");
        let some_actor = whole.actors[whole.actors.len() / 2].id;
        let some_country = whole.countries[0].value.clone();
        let some_source = whole.sources[0].value.clone();
        let selections = [
            Selection::default(),
            Selection {
                from: NaiveDate::from_ymd_opt(2020, 3, 1),
                to: NaiveDate::from_ymd_opt(2021, 8, 31),
                ..Default::default()
            },
            Selection { kinds: vec![EventKind::Visit, EventKind::Call], ..Default::default() },
            Selection { actors: vec![some_actor], ..Default::default() },
            Selection {
                countries: vec![some_country],
                statuses: vec![Status::Occurred],
                ..Default::default()
            },
            Selection { sources: vec![some_source], ..Default::default() },
            Selection { deleted: true, ..Default::default() },
        ];
        for s in &selections {
            assert_eq!(store.facets(s).expect("facets"), store.facets_grouped(s).expect("grouped"), "{s:?}");
        }
    }
}
