//! Feeds end to end against a feed server on 127.0.0.1: fixture feeds and article pages
//! written for these tests (`tests/fixtures/feeds/`).

use std::time::Duration;

use chrono::Utc;
use dateline::model::Status;
use dateline::{
    ChangeKind, FeedResult, FeedSelection, FeedUpdateReport, FetchLimits, Fetcher, FileStatus, Workspace,
};
use dateline_fetch::test_server::{Route, TestServer};

const PLANNED: &str = include_str!("fixtures/feeds/varga-lima-planned.html");
const OCCURRED: &str = include_str!("fixtures/feeds/varga-lima-occurred.html");
const CALL: &str = include_str!("fixtures/feeds/kovacs-call.html");
const ENVOY: &str = include_str!("fixtures/feeds/envoy-meeting.html");

/// An RSS 2.0 feed of (guid, title, link, pubDate) items.
fn rss(items: &[(&str, &str, String, &str)]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Ministry of Foreign Affairs: press releases</title>\n",
    );
    for (guid, title, link, date) in items {
        x.push_str(&format!(
            "<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate><description>{title}.</description></item>\n"
        ));
    }
    x + "</channel></rss>\n"
}

/// An Atom feed whose entry links to its page relative to the feed.
fn atom() -> String {
    String::from(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Office of the Special Envoy</title><id>urn:envoy</id>
<entry><id>urn:envoy:2026-03-05</id><title>Special Envoy meets Kenyan Foreign Minister</title>
<link rel="alternate" href="/envoy/2026/nairobi"/><published>2026-03-05T12:00:00Z</published><summary>Talks in Nairobi.</summary></entry>
</feed>"#,
    )
}

fn html(body: &str) -> Route {
    Route::page(body, "text/html")
}

/// The ministry's feed with its first two items (or three), and an ETag for each version.
fn ministry_feed(s: &TestServer, with_visit_report: bool) -> Route {
    let mut items = vec![
        (
            "mfa-0302",
            "Foreign Minister Varga to visit Peru",
            s.url("/mfa/press/varga-to-visit-peru"),
            "Mon, 02 Mar 2026 09:00:00 +0100",
        ),
        (
            "mfa-0303",
            "Prime Minister Kovacs speaks with Chancellor Brandt",
            s.url("/mfa/press/kovacs-brandt-call"),
            "Tue, 03 Mar 2026 16:00:00 +0100",
        ),
    ];
    if with_visit_report {
        items.insert(
            0,
            (
                "mfa-0311",
                "Foreign Minister Varga visits Peru",
                s.url("/mfa/press/varga-visits-peru"),
                "Wed, 11 Mar 2026 18:30:00 +0100",
            ),
        );
    }
    Route::Page {
        body: rss(&items).into_bytes(),
        content_type: "application/rss+xml".into(),
        etag: Some(if with_visit_report { "\"mfa-3\"".into() } else { "\"mfa-2\"".into() }),
        last_modified: Some(if with_visit_report {
            "Wed, 11 Mar 2026 17:31:00 GMT".into()
        } else {
            "Tue, 03 Mar 2026 15:01:00 GMT".into()
        }),
    }
}

fn server() -> TestServer {
    let s = TestServer::start();
    s.route("/mfa/rss", ministry_feed(&s, false));
    s.route("/mfa/press/varga-to-visit-peru", html(PLANNED));
    s.route("/mfa/press/kovacs-brandt-call", html(CALL));
    s.route("/mfa/press/varga-visits-peru", html(OCCURRED));
    s.route("/envoy/atom", Route::page(atom(), "application/atom+xml"));
    s.route("/envoy/2026/nairobi", html(ENVOY));
    s
}

fn fetcher() -> Fetcher {
    Fetcher::new(FetchLimits {
        timeout: Duration::from_secs(2),
        max_bytes: 256 * 1024,
        max_redirects: 3,
        per_host_interval: Duration::ZERO,
    })
}

fn update(ws: &mut Workspace, f: &Fetcher) -> FeedUpdateReport {
    ws.update_feeds(f, FeedSelection::All, &mut |_| {}).expect("update")
}

fn results(r: &FeedUpdateReport) -> Vec<(String, FeedResult, u32)> {
    r.feeds
        .iter()
        .map(|o| (o.url.rsplit('/').next().unwrap_or_default().to_string(), o.result, o.new_items))
        .collect()
}

#[test]
fn first_fetch_imports_every_item_and_the_second_asks_whether_anything_changed() {
    let s = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
    ws.add_feed(&s.url("/mfa/rss"), 30).expect("add");
    ws.add_feed(&s.url("/envoy/atom"), 60).expect("add");
    assert!(s.requests().is_empty(), "subscribing fetches nothing");

    let first = update(&mut ws, &fetcher());
    assert_eq!(
        results(&first),
        [("rss".into(), FeedResult::Read, 2), ("atom".into(), FeedResult::Read, 1)],
        "{first:?}"
    );
    let lines: Vec<(String, FileStatus)> =
        first.import.files.iter().map(|f| (f.path.clone(), f.status)).collect();
    assert_eq!(
        lines,
        [
            (s.url("/mfa/press/varga-to-visit-peru"), FileStatus::Imported),
            (s.url("/mfa/press/kovacs-brandt-call"), FileStatus::Imported),
            (s.url("/envoy/2026/nairobi"), FileStatus::Imported),
        ]
    );
    assert_eq!(ws.info().expect("info").articles, 3);
    assert!(first.changes.iter().all(|c| c.change == ChangeKind::New) && !first.changes.is_empty());

    // Provenance: the item's link is the article's URL; the call's page has no date, so the
    // item's date anchors its "today".
    let events = ws.events().expect("events");
    let call = events.iter().find(|e| e.participants.iter().any(|p| p.contains("Kovacs"))).expect("the call");
    assert_eq!(call.start.as_deref(), Some("2026-03-03"), "{call:?}");
    let detail = ws.event_detail(call.id).expect("detail");
    let article = ws.article(detail.evidence[0].article_id).expect("article");
    assert_eq!(article.url.as_deref(), Some(s.url("/mfa/press/kovacs-brandt-call").as_str()));

    let feeds = ws.feeds().expect("feeds");
    assert_eq!(feeds[0].title.as_deref(), Some("Ministry of Foreign Affairs: press releases"));
    assert_eq!((feeds[0].items, feeds[0].failures, feeds[0].last_error.as_deref()), (2, 0, None));
    assert!(feeds[0].last_success.is_some());

    let info = ws.info().expect("info");
    let second = update(&mut ws, &fetcher());
    assert_eq!(
        results(&second),
        [("rss".into(), FeedResult::NotModified, 0), ("atom".into(), FeedResult::Read, 0)]
    );
    assert!(second.import.files.is_empty() && second.changes.is_empty(), "{second:?}");
    assert_eq!(ws.info().expect("info"), info);
    let asked = s.requests_for("/mfa/rss");
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[1].headers.get("if-none-match").map(String::as_str), Some("\"mfa-2\""));
    assert_eq!(
        asked[1].headers.get("if-modified-since").map(String::as_str),
        Some("Tue, 03 Mar 2026 15:01:00 GMT")
    );
    // The Atom feed gives no validators: fetched again, and its item is not.
    for page in ["/mfa/press/varga-to-visit-peru", "/mfa/press/kovacs-brandt-call", "/envoy/2026/nairobi"] {
        assert_eq!(s.requests_for(page).len(), 1, "{page} fetched once");
    }
}

#[test]
fn a_new_item_is_imported_with_its_url_and_the_visit_it_reports_is_marked_changed() {
    let s = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
    ws.add_feed(&s.url("/mfa/rss"), 30).expect("add");
    update(&mut ws, &fetcher());
    let visit = |ws: &Workspace| {
        ws.events()
            .expect("events")
            .into_iter()
            .find(|e| e.kind == dateline::model::EventKind::Visit && e.place.as_deref() == Some("Lima"))
            .expect("the Lima visit")
    };
    let planned = visit(&ws);
    assert_eq!(planned.status, Status::Planned);
    ws.mark_seen().expect("seen");
    assert!(ws.changes_since_seen().expect("changes").is_empty());

    s.route("/mfa/rss", ministry_feed(&s, true));
    let r = update(&mut ws, &fetcher());
    assert_eq!(results(&r), [("rss".into(), FeedResult::Read, 1)]);
    let new_url = s.url("/mfa/press/varga-visits-peru");
    assert_eq!(
        r.import.files.iter().map(|f| (f.path.as_str(), f.status)).collect::<Vec<_>>(),
        [(new_url.as_str(), FileStatus::Imported)]
    );
    assert_eq!(
        s.requests_for("/mfa/press/varga-to-visit-peru").len(),
        1,
        "an item taken is never fetched again"
    );

    let now = visit(&ws);
    assert_eq!((now.id, now.status, now.sources), (planned.id, Status::Occurred, 2));
    let marked: Vec<(i64, ChangeKind, Option<&str>, Option<&str>)> =
        r.changes.iter().map(|c| (c.event_id, c.change, c.before.as_deref(), c.after.as_deref())).collect();
    assert!(
        marked.contains(&(planned.id, ChangeKind::Status, Some("planned"), Some("occurred"))),
        "{marked:?}"
    );
    let since = ws.changes_since_seen().expect("changes");
    assert!(since.iter().any(|c| c.event_id == planned.id && c.change == ChangeKind::Status), "{since:?}");
    assert!(since.iter().all(|c| !c.label.is_empty()));
    ws.mark_seen().expect("seen");
    assert!(ws.changes_since_seen().expect("changes").is_empty());

    let article = ws
        .article(
            ws.event_detail(now.id).expect("detail").evidence.iter().map(|e| e.article_id).max().expect("id"),
        )
        .expect("article");
    assert_eq!(article.url.as_deref(), Some(new_url.as_str()));
}

#[test]
fn slow_huge_looping_and_malformed_feeds_fail_alone_with_a_reason_and_back_off() {
    let s = server();
    s.route("/slow/rss", Route::Trickle { body: rss(&[]).into_bytes(), pause: Duration::from_millis(50) });
    s.route("/huge/rss", Route::Huge { bytes: 1024 * 1024, announce: false });
    s.route("/loop/rss", Route::Redirect("/loop/rss2".into()));
    s.route("/loop/rss2", Route::Redirect("/loop/rss".into()));
    s.route(
        "/broken/rss",
        Route::page(
            "<rss version=\"2.0\"><channel><title>Broken</title><item><title>Cut</titl",
            "application/rss+xml",
        ),
    );
    s.route("/page/rss", html("<html><body><p>This is a web page, not a feed.</p></body></html>"));
    s.route("/gone/rss", Route::Status(404));
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
    for p in ["/slow/rss", "/huge/rss", "/mfa/rss", "/loop/rss", "/broken/rss", "/page/rss", "/gone/rss"] {
        ws.add_feed(&s.url(p), 30).expect("add");
    }
    let start = Utc::now();
    let r = update(&mut ws, &fetcher());
    let by_path = |p: &str| r.feeds.iter().find(|o| o.url == s.url(p)).expect("outcome");
    assert_eq!((by_path("/mfa/rss").result, by_path("/mfa/rss").new_items), (FeedResult::Read, 2));
    assert_eq!(r.import.articles_added, 2, "the good feed goes on: {r:?}");
    for (p, words) in [
        ("/slow/rss", "too slow"),
        ("/huge/rss", "larger than the 262144 bytes allowed"),
        ("/loop/rss", "redirect loop"),
        ("/broken/rss", "not a readable feed"),
        ("/page/rss", "not a news feed"),
        ("/gone/rss", "404"),
    ] {
        let o = by_path(p);
        assert_eq!(o.result, FeedResult::Failed, "{p}: {o:?}");
        let message = o.message.as_deref().unwrap_or_default();
        assert!(message.contains(words), "{p}: {message}");
    }
    assert_eq!(r.failed_feeds(), 6);
    for f in ws.feeds().expect("feeds").iter().filter(|f| !f.url.ends_with("/mfa/rss")) {
        assert_eq!(f.failures, 1, "{f:?}");
        assert!(f.last_error.is_some() && f.last_success.is_none(), "{f:?}");
        assert!(f.next_due.as_str() > start.to_rfc3339().as_str(), "{f:?}");
    }

    // On the schedule: nothing is due yet (the failed ones back off), so nothing is asked.
    let asked = s.requests().len();
    let due = ws.update_feeds(&fetcher(), FeedSelection::Due, &mut |_| {}).expect("update");
    assert!(due.feeds.iter().all(|o| o.result == FeedResult::NotDue), "{due:?}");
    assert!(by(&due, &s.url("/loop/rss")).contains("after 1 failures in a row"));
    assert_eq!(s.requests().len(), asked);
    // Six minutes on, the first retry is due (the good feed is not, every 30 minutes), and a
    // second failure doubles the wait.
    let later = Utc::now() + chrono::Duration::minutes(6);
    let retry = ws.update_feeds_at(&fetcher(), FeedSelection::Due, later, &mut |_| {}).expect("update");
    assert_eq!(retry.failed_feeds(), 6);
    assert_eq!(
        retry.feeds.iter().find(|o| o.url == s.url("/mfa/rss")).map(|o| o.result),
        Some(FeedResult::NotDue)
    );
    let gone = ws.feeds().expect("feeds").into_iter().find(|f| f.url == s.url("/gone/rss")).expect("feed");
    assert_eq!(gone.failures, 2);
}

fn by(r: &FeedUpdateReport, url: &str) -> String {
    r.feeds.iter().find(|o| o.url == url).and_then(|o| o.message.clone()).unwrap_or_default()
}

#[test]
fn nothing_is_requested_without_a_subscription_and_bad_addresses_are_refused() {
    let s = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
    let r = update(&mut ws, &fetcher());
    assert!(r.feeds.is_empty());
    ws.add_feed(&s.url("/mfa/rss"), 30).expect("add");
    let removed = ws.remove_feed(&s.url("/mfa/rss")).expect("remove");
    assert_eq!(removed.url, s.url("/mfa/rss"));
    update(&mut ws, &fetcher());
    assert!(s.requests().is_empty(), "{:?}", s.requests());
    for bad in ["file:///etc/passwd", "ftp://example.invalid/feed", "not a url"] {
        let e = ws.add_feed(bad, 30).unwrap_err();
        assert_eq!(e.code(), "invalid", "{bad}");
    }
    assert!(ws.add_feed(&s.url("/mfa/rss"), 0).is_err());
}

#[test]
fn an_update_beside_a_long_lived_workspace_is_seen_by_it() {
    let s = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ws.dateline");
    let mut app = Workspace::open(&path).expect("open");
    app.add_feed(&s.url("/envoy/atom"), 60).expect("add");
    let r =
        dateline::update_feeds_beside(&path, &fetcher(), FeedSelection::All, &mut |_| {}).expect("update");
    assert_eq!(r.import.articles_added, 1);
    assert_eq!(app.info().expect("info").articles, 1);
    assert_eq!(app.feeds().expect("feeds")[0].items, 1);
    assert_eq!(app.changes_since_seen().expect("changes").len(), r.changes.len());
    assert!(
        !dateline::import_lock_path(&path).exists()
            || dateline::ImportLock::acquire(&path, &mut || panic!("the lock is free")).held()
    );
}

#[test]
fn an_item_page_that_could_not_be_fetched_is_tried_again_at_the_next_update() {
    let s = server();
    s.route("/mfa/press/kovacs-brandt-call", Route::Status(503));
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
    ws.add_feed(&s.url("/mfa/rss"), 30).expect("add");
    let first = update(&mut ws, &fetcher());
    assert_eq!(first.import.articles_added, 1);
    let message = first.feeds[0].message.clone().unwrap_or_default();
    assert!(message.contains("kovacs-brandt-call: the server answered 503"), "{message}");
    assert!(ws.feeds().expect("feeds")[0].last_error.as_deref().is_some_and(|e| e.contains("503")));

    // The feed did not change, but it is read whole again (no validators kept), and the page
    // that failed is fetched again; the one imported is not.
    s.route("/mfa/press/kovacs-brandt-call", html(CALL));
    let second = update(&mut ws, &fetcher());
    assert_eq!(results(&second), [("rss".into(), FeedResult::Read, 1)]);
    assert_eq!(second.import.articles_added, 1);
    assert!(!s.requests_for("/mfa/rss")[1].headers.contains_key("if-none-match"));
    assert_eq!(s.requests_for("/mfa/press/varga-to-visit-peru").len(), 1);
    assert_eq!(ws.feeds().expect("feeds")[0].last_error, None);
    // Now everything was taken: the third update is conditional again.
    update(&mut ws, &fetcher());
    assert_eq!(
        s.requests_for("/mfa/rss")[2].headers.get("if-none-match").map(String::as_str),
        Some("\"mfa-2\"")
    );
}

#[test]
fn a_page_two_feeds_link_to_is_fetched_once() {
    let s = server();
    // The envoy's office republishes the ministry's item under its own guid.
    s.route(
        "/envoy/rss",
        Route::page(
            rss(&[(
                "envoy-7",
                "Varga to visit Peru",
                s.url("/mfa/press/varga-to-visit-peru"),
                "Mon, 02 Mar 2026 10:00:00 +0100",
            )]),
            "application/rss+xml",
        ),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws.dateline")).expect("open");
    ws.add_feed(&s.url("/mfa/rss"), 30).expect("add");
    ws.add_feed(&s.url("/envoy/rss"), 30).expect("add");
    let r = update(&mut ws, &fetcher());
    assert_eq!(results(&r), [("rss".into(), FeedResult::Read, 2), ("rss".into(), FeedResult::Read, 0)]);
    assert_eq!(s.requests_for("/mfa/press/varga-to-visit-peru").len(), 1);
    assert_eq!(ws.info().expect("info").articles, 2);
}
