//! JSON: `{"events": [...], "actors": [...]}`, dates as ISO strings, absent values `null`.

use serde::Serialize;

use super::{ExportActor, ExportEvent};
use crate::{Error, Result};

#[derive(Serialize)]
struct Document<'a> {
    events: &'a [ExportEvent],
    actors: &'a [ExportActor],
}

pub fn json(events: &[ExportEvent], actors: &[ExportActor]) -> Result<String> {
    let mut text = serde_json::to_string_pretty(&Document { events, actors })
        .map_err(|e| Error::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn parses_back_to_the_same_rows() {
        #[derive(serde::Deserialize)]
        struct Back {
            events: Vec<ExportEvent>,
            actors: Vec<ExportActor>,
        }
        let (events, actors) = (fixtures::events(), fixtures::actors());
        let text = json(&events, &actors).expect("json");
        let back: Back = serde_json::from_str(&text).expect("parses");
        assert_eq!((back.events, back.actors), (events, actors));
        let v: serde_json::Value = serde_json::from_str(&text).expect("value");
        assert_eq!(v["events"][0]["start"], "2021-05-21");
        assert_eq!(v["events"][0]["kind"], "call");
        assert!(v["events"][2]["start"].is_null());
    }
}
