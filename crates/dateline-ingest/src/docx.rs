//! DOCX: paragraphs from `w:p` in `word/document.xml`, title and author from
//! `docProps/core.xml`. Parts are unpacked under the same caps as zip entries.

use std::io::Cursor;

use dateline_model::{Article, Origin};
use quick_xml::events::Event;

use crate::archive::{Budget, read_entry};
use crate::article::Draft;
use crate::decode::decode;
use crate::{IngestError, Limits};

fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Option<String>, IngestError> {
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(IngestError::Docx(format!("part {name} cannot be read: {e}"))),
    };
    let compressed = file.compressed_size();
    let bytes = read_entry(&mut file, name, compressed, limits, budget)?;
    decode(&bytes, None).map(Some).map_err(|_| IngestError::Docx(format!("part {name} is not XML text")))
}

pub(crate) fn resolve_ref(name: &str) -> Option<String> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code).filter(|c| *c != '\0').map(String::from);
        }
    };
    Some(c.to_string())
}

/// The paragraphs of a WordprocessingML document.
fn paragraphs(xml: &str) -> Result<Vec<String>, IngestError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut paras = Vec::new();
    let mut cur = String::new();
    let mut in_text = false;
    let mut depth = 0usize;
    loop {
        let ev = reader.read_event().map_err(|e| {
            IngestError::Docx(format!(
                "document part is malformed XML at byte {}: {e}",
                reader.buffer_position()
            ))
        })?;
        match ev {
            Event::Start(e) => {
                depth += 1;
                if depth > 512 {
                    return Err(IngestError::Docx("document part is nested too deeply".into()));
                }
                match e.local_name().as_ref() {
                    "t" => in_text = true,
                    "p" => cur.clear(),
                    _ => {}
                }
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" | "br" | "cr" => cur.push(' '),
                "p" => paras.push(String::new()),
                _ => {}
            },
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                match e.local_name().as_ref() {
                    "t" => in_text = false,
                    "p" => paras.push(std::mem::take(&mut cur)),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => cur.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => cur.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Some(s) = resolve_ref(&r) {
                    cur.push_str(&s);
                }
            }
            Event::Eof => {
                // A part cut short keeps the text read so far.
                if !cur.trim().is_empty() {
                    paras.push(cur);
                }
                break;
            }
            _ => {}
        }
    }
    Ok(paras)
}

/// `dc:title` and `dc:creator` from the core properties.
fn core_props(xml: &str) -> (Option<String>, Option<String>) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut title, mut creator) = (None, None);
    let mut field: Option<&'static str> = None;
    let mut buf = String::new();
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Start(e) => {
                buf.clear();
                field = match e.local_name().as_ref() {
                    "title" => Some("title"),
                    "creator" => Some("creator"),
                    _ => None,
                };
            }
            Event::Text(t) if field.is_some() => buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if field.is_some() => buf.push_str(&resolve_ref(&r).unwrap_or_default()),
            Event::End(_) => {
                let v = buf.trim().to_string();
                match field.take() {
                    Some("title") if !v.is_empty() => title = Some(v),
                    Some("creator") if !v.is_empty() => creator = Some(v),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (title, creator)
}

pub(crate) fn read(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| IngestError::Docx(format!("not a DOCX (zip) package: {e}")))?;
    let Some(document) = part(&mut zip, "word/document.xml", limits, budget)? else {
        return Err(IngestError::Docx("its document part (word/document.xml) is missing".into()));
    };
    let paras = paragraphs(&document)?;
    let (title, creator) = match part(&mut zip, "docProps/core.xml", limits, budget) {
        Ok(Some(core)) => core_props(&core),
        _ => (None, None),
    };
    let mut d = Draft::new(doc);
    d.title = title;
    d.byline = creator;
    // The paragraphs go through the plain-text reader: title line, byline, date line, dateline.
    let mut text = paras.iter().map(|p| p.trim()).collect::<Vec<_>>().join("\n\n");
    drop(paras);
    let whole = text.len();
    crate::cut_early(&mut text, whole, &origin, limits, budget);
    crate::plain::text_article(doc, &text, d, origin)
        .map(|a| vec![a])
        .ok_or(IngestError::NoText { format: "DOCX document" })
}
