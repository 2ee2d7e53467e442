//! E-mail (.eml) and mailboxes (.mbox): Subject is the title, Date the publication date (as
//! written, in the sender's zone), From the byline; the text body, or the HTML body as text.

use std::io::Cursor;

use dateline_model::{Article, Origin};
use mail_parser::{MessageParser, mailbox::mbox::MessageIterator};

use crate::archive::Budget;
use crate::article::Draft;
use crate::decode::looks_textual;
use crate::html::fragment_paragraphs;
use crate::{EntryProblem, IngestError, Limits, records_past_limit};

fn message(
    doc: String,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Article, IngestError> {
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
    let mut text = text;
    let whole = text.len();
    crate::cut_early(&mut text, whole, &origin, limits, budget);
    crate::plain::text_article("", &text, d, origin).ok_or(IngestError::NoText { format: "e-mail" })
}

pub(crate) fn read_eml(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    if !looks_textual(bytes) {
        return Err(IngestError::Binary { ext: "eml".into() });
    }
    message(doc.to_string(), bytes, origin, limits, budget).map(|a| vec![a])
}

pub(crate) fn read_mbox(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    if !looks_textual(bytes) {
        return Err(IngestError::Binary { ext: "mbox".into() });
    }
    let mut out = Vec::new();
    let mut failed: Vec<(String, IngestError)> = Vec::new();
    let mut past_limit: Option<(String, usize)> = None;
    for (i, m) in MessageIterator::new(Cursor::new(bytes)).enumerate() {
        let label = format!("message-{}", i + 1);
        if out.len() >= limits.max_records {
            past_limit.get_or_insert((label, 0)).1 += 1;
            continue;
        }
        let m = match m {
            Ok(m) => m,
            Err(_) => {
                failed
                    .push((label, IngestError::Mail("the message cannot be split from the mailbox".into())));
                continue;
            }
        };
        let o = Origin {
            path: origin.path.clone(),
            entry: Some(match &origin.entry {
                Some(e) => format!("{e}#{label}"),
                None => label.clone(),
            }),
        };
        match message(format!("{doc}-{}", i + 1), m.contents(), o, limits, budget) {
            Ok(a) => out.push(a),
            Err(e) => failed.push((label, e)),
        }
    }
    let entry = |label: &str| match &origin.entry {
        Some(e) => format!("{e}#{label}"),
        None => label.to_string(),
    };
    let mut failed = failed.into_iter();
    let error =
        if out.is_empty() {
            Some(failed.next().map(|(_, e)| e).unwrap_or(IngestError::Mail(
                "no messages found (an mbox starts with \"From \" lines)".into(),
            )))
        } else {
            None
        };
    for (label, e) in failed {
        budget.problems.push(EntryProblem { entry: entry(&label), message: e.to_string(), skipped: false });
    }
    if let Some((first, left)) = past_limit {
        budget.problems.push(records_past_limit(entry(&first), left, "message", limits));
    }
    if let Some(e) = error {
        return Err(e);
    }
    Ok(out)
}
