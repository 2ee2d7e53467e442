//! E-mail (.eml) and mailboxes (.mbox): Subject is the title, Date the publication date (as
//! written, in the sender's zone), From the byline; the text body, or the HTML body as text.

use std::io::Cursor;

use dateline_model::{Article, Origin};
use mail_parser::{MessageParser, mailbox::mbox::MessageIterator};

use crate::article::Draft;
use crate::decode::looks_textual;
use crate::html::fragment_paragraphs;
use crate::{IngestError, Limits};

fn message(doc: String, bytes: &[u8], origin: Origin) -> Result<Article, IngestError> {
    let msg = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| IngestError::Mail("no e-mail headers or body found".into()))?;
    let mut d = Draft::new(doc);
    d.title = msg.subject().map(str::to_string);
    if let Some(dt) = msg.date()
        && let Some(date) = chrono::NaiveDate::from_ymd_opt(dt.year.into(), dt.month.into(), dt.day.into())
    {
        d.published = Some(date);
        d.published_raw = Some(dt.to_rfc822());
    }
    if let Some(from) = msg.from().and_then(|f| f.first()) {
        d.byline = from.name().or(from.address()).map(str::to_string);
    }
    let has_text = msg.text_body_count() > 0 && msg.body_text(0).is_some_and(|t| !t.trim().is_empty());
    let text = if has_text {
        msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default()
    } else if let Some(html) = msg.body_html(0) {
        fragment_paragraphs(&html).join("\n\n")
    } else {
        String::new()
    };
    crate::plain::text_article("", &text, d, origin).ok_or(IngestError::NoText { format: "e-mail" })
}

pub(crate) fn read_eml(doc: &str, bytes: &[u8], origin: Origin) -> Result<Vec<Article>, IngestError> {
    if !looks_textual(bytes) {
        return Err(IngestError::Binary { ext: "eml".into() });
    }
    message(doc.to_string(), bytes, origin).map(|a| vec![a])
}

pub(crate) fn read_mbox(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
) -> Result<Vec<Article>, IngestError> {
    if !looks_textual(bytes) {
        return Err(IngestError::Binary { ext: "mbox".into() });
    }
    let mut out = Vec::new();
    let mut first_error = None;
    for (i, m) in MessageIterator::new(Cursor::new(bytes)).enumerate() {
        if out.len() >= limits.max_records {
            break;
        }
        let Ok(m) = m else { continue };
        let o = Origin {
            path: origin.path.clone(),
            entry: Some(match &origin.entry {
                Some(e) => format!("{e}#message-{}", i + 1),
                None => format!("message-{}", i + 1),
            }),
        };
        match message(format!("{doc}-{}", i + 1), m.contents(), o) {
            Ok(a) => out.push(a),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if out.is_empty() {
        return Err(first_error
            .unwrap_or(IngestError::Mail("no messages found (an mbox starts with \"From \" lines)".into())));
    }
    Ok(out)
}
