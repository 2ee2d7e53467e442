//! Property tests: the tagger never panics and returns well-formed spans and ranges, whatever
//! the input.

use chrono::NaiveDate;
use dateline_extract::time::{tag, timex_records};
use proptest::prelude::*;

/// Text mixing temporal vocabulary, numbers, punctuation and arbitrary Unicode.
fn texty() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("May".to_string()),
        Just("the".to_string()),
        Just("next".to_string()),
        Just("last".to_string()),
        Just("a".to_string()),
        Just("few".to_string()),
        Just("days".to_string()),
        Just("ago".to_string()),
        Just("later".to_string()),
        Just("Monday".to_string()),
        Just("week".to_string()),
        Just("year".to_string()),
        Just("BC".to_string()),
        Just("of".to_string()),
        Just("that".to_string()),
        Just("early".to_string()),
        Just("mid".to_string()),
        Just("'".to_string()),
        Just("-".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just(":".to_string()),
        Just("/".to_string()),
        Just("p.m.".to_string()),
        Just("Q".to_string()),
        Just("winter".to_string()),
        Just("\u{a0}".to_string()),
        Just("é".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(word, 0..30).prop_map(|ws| ws.join(" "))
}

fn dct() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (-500i32..3000, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_safe(text in "\\PC{0,200}", dct in dct()) {
        check(&text, dct);
    }

    #[test]
    fn temporal_soup_is_safe(text in texty(), dct in dct()) {
        check(&text, dct);
    }
}

fn check(text: &str, dct: Option<NaiveDate>) {
    let all = tag(text, dct);
    let mut last_end = 0;
    for t in &all {
        assert!(t.span.start < t.span.end, "empty span {t:?}");
        assert!(t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(t.span.start >= last_end, "overlapping spans");
        last_end = t.span.end;
        assert!(!t.value.is_empty());
        if let Some(r) = t.range {
            assert!(r.start <= r.end, "bad range {r:?}");
        }
    }
    let chars = text.chars().count();
    for r in timex_records("d", dct, text) {
        assert!(r.start < r.end && r.end <= chars, "bad record {r:?}");
    }
}
