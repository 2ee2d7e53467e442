use std::time::Duration;

use super::*;
use crate::test_server::{Route, TestServer};

fn quick() -> FetchLimits {
    FetchLimits {
        timeout: Duration::from_secs(2),
        max_bytes: 64 * 1024,
        max_redirects: 3,
        per_host_interval: Duration::from_millis(0),
    }
}

#[test]
fn a_second_get_with_the_validators_is_not_modified() {
    let s = TestServer::start();
    s.route(
        "/feed",
        Route::Page {
            body: b"<rss/>".to_vec(),
            content_type: "application/rss+xml; charset=utf-8".into(),
            etag: Some("\"v1\"".into()),
            last_modified: Some("Tue, 03 Mar 2026 10:00:00 GMT".into()),
        },
    );
    let f = Fetcher::new(quick());
    let Fetched::Page(page) = f.get(&s.url("/feed"), &Validators::default()).expect("get") else {
        panic!("expected a page")
    };
    assert_eq!(page.bytes, b"<rss/>");
    assert_eq!(page.content_type.as_deref(), Some("application/rss+xml"));
    assert_eq!(page.validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(f.get(&s.url("/feed"), &page.validators).expect("get"), Fetched::NotModified);
    let second = &s.requests_for("/feed")[1];
    assert_eq!(second.headers.get("if-none-match").map(String::as_str), Some("\"v1\""));
    assert_eq!(
        second.headers.get("if-modified-since").map(String::as_str),
        Some("Tue, 03 Mar 2026 10:00:00 GMT")
    );
}

#[test]
fn redirects_are_followed_to_a_bound_and_a_loop_is_named() {
    let s = TestServer::start();
    s.route("/old", Route::Redirect("/new".into()));
    s.route("/new", Route::page("hello", "text/plain"));
    s.route("/loop-a", Route::Redirect(s.url("/loop-b")));
    s.route("/loop-b", Route::Redirect("/loop-a".into()));
    let f = Fetcher::new(quick());
    match f.get(&s.url("/old"), &Validators::default()).expect("get") {
        Fetched::Page(p) => {
            assert_eq!((p.url.as_str(), p.bytes.as_slice()), (s.url("/new").as_str(), &b"hello"[..]))
        }
        other => panic!("{other:?}"),
    }
    let e = f.get(&s.url("/loop-a"), &Validators::default()).unwrap_err();
    assert_eq!(e, FetchError::TooManyRedirects(3));
    assert_eq!(s.requests().iter().filter(|r| r.path.starts_with("/loop")).count(), 4);
}

#[test]
fn too_large_too_slow_and_failing_answers_are_errors() {
    let s = TestServer::start();
    s.route("/announced", Route::Huge { bytes: 1024 * 1024, announce: true });
    s.route("/unannounced", Route::Huge { bytes: 1024 * 1024, announce: false });
    s.route("/slow", Route::Trickle { body: vec![b'x'; 100], pause: Duration::from_millis(100) });
    s.route("/gone", Route::Status(410));
    let f = Fetcher::new(quick());
    let get = |p: &str| f.get(&s.url(p), &Validators::default()).unwrap_err();
    assert_eq!(get("/announced"), FetchError::TooLarge { limit: 64 * 1024 });
    assert_eq!(get("/unannounced"), FetchError::TooLarge { limit: 64 * 1024 });
    assert_eq!(get("/slow"), FetchError::Timeout { secs: 2 });
    assert_eq!(get("/gone").to_string(), "the server answered 410 Gone");
    assert!(matches!(f.get("file:///etc/passwd", &Validators::default()), Err(FetchError::BadUrl(_))));
}

#[test]
fn requests_to_one_host_are_spaced() {
    let s = TestServer::start();
    s.route("/a", Route::page("a", "text/plain"));
    let f = Fetcher::new(FetchLimits { per_host_interval: Duration::from_millis(300), ..quick() });
    let start = std::time::Instant::now();
    for _ in 0..3 {
        f.get(&s.url("/a"), &Validators::default()).expect("get");
    }
    assert!(start.elapsed() >= Duration::from_millis(600), "{:?}", start.elapsed());
}

#[test]
fn links_are_read_against_their_page() {
    let base = "https://mfa.example/press/rss.xml";
    let cases = [
        ("/press/2026/visit", Ok("https://mfa.example/press/2026/visit")),
        ("visit?id=4", Ok("https://mfa.example/press/visit?id=4")),
        ("https://other.example/a", Ok("https://other.example/a")),
    ];
    for (link, want) in cases {
        assert_eq!(resolve_link(base, link).map(|u| u.to_string()), want.map(String::from), "{link}");
    }
    assert!(matches!(resolve_link(base, "javascript:alert(1)"), Err(FetchError::BadUrl(_))));
    assert!(matches!(resolve_link(base, "file:///etc/passwd"), Err(FetchError::BadUrl(_))));
}
