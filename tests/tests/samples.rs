//! Golden snapshots of `dateline extract --format jsonl samples`: what the whole pipeline finds
//! in the sample articles, pinned. Review changes with `cargo insta review`.

use std::path::PathBuf;

use dateline_model::EventRecord;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../samples")
}

#[test]
fn samples_extract_to_the_pinned_events() {
    let (docs, reports) = dateline::extract_paths(&[samples()]);
    let failed: Vec<_> = reports.iter().filter(|r| r.status == dateline::FileStatus::Failed).collect();
    assert!(failed.is_empty(), "every sample reads: {failed:?}");
    let mut lines = Vec::new();
    for (article, events) in &docs {
        for e in events {
            lines.push(serde_json::to_string(&EventRecord::from_event(&article.doc, e)).expect("serializes"));
        }
    }
    assert!(lines.len() >= 8, "the samples hold at least 8 events");
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn every_record_follows_the_contract() {
    let (docs, _) = dateline::extract_paths(&[samples()]);
    for (article, events) in &docs {
        for e in events {
            let v = serde_json::to_value(EventRecord::from_event(&article.doc, e)).expect("serializes");
            let kind = v["type"].as_str().expect("type");
            assert!(["visit", "meeting", "call", "conference"].contains(&kind));
            let status = v["status"].as_str().expect("status");
            assert!(["occurred", "planned", "cancelled", "postponed"].contains(&status));
            match (v["start"].as_str(), v["end"].as_str()) {
                (Some(s), Some(e)) => assert!(s <= e, "{v}"),
                (None, None) => assert!(v["precision"].is_null()),
                _ => panic!("start and end are both set or both null: {v}"),
            }
            assert!(!v["participants"].as_array().expect("participants").is_empty(), "{v}");
            if kind == "call" {
                assert!(v["location"].is_null(), "calls have no location: {v}");
            }
        }
    }
}
