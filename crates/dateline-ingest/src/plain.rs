//! Plain text and Markdown: a title line, byline ("By ..."), date line, dateline
//! ("WASHINGTON, May 24 (Reuters) -"), and YAML front matter in Markdown.

use std::sync::LazyLock;

use dateline_model::{Article, Origin};
use regex::Regex;

use crate::archive::Budget;
use crate::article::Draft;
use crate::date::{date_line, parse_date};
use crate::decode::{NotText, clean_inline, decode, split_paragraphs};
use crate::{IngestError, Limits};

pub(crate) fn decode_text(bytes: &[u8], ext: &str) -> Result<String, IngestError> {
    decode(bytes, None).map_err(|NotText::Binary| IngestError::Binary {
        ext: if ext.is_empty() { "txt".into() } else { ext.into() },
    })
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|author|written by|reporting by)\s*:?\s+(\S.{0,118})$").expect("regex")
});
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(title|headline|date|published|source|outlet|publication|url|link|byline|author)\s*:\s*(\S.*)$")
        .expect("regex")
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ ]{1,30})?),?\s+([A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)?\s*(?:\(([A-Z][A-Za-z&. ]{1,30})\))?\s*[-–—]")
        .expect("regex")
});

/// Applies a labelled header line ("Date: ...", "Source: ...") to the draft; false if it is none.
fn labelled(line: &str, d: &mut Draft) -> bool {
    let Some(c) = LABEL.captures(line) else { return false };
    let value = c[2].trim().to_string();
    match c[1].to_ascii_lowercase().as_str() {
        "title" | "headline" => d.title = d.title.take().or(Some(value)),
        "date" | "published" => {
            d.date_from(&value);
            if d.published_raw.is_none() {
                d.published_raw = Some(value);
            }
        }
        "source" | "outlet" | "publication" => d.outlet = d.outlet.take().or(Some(value)),
        "url" | "link" => d.url = d.url.take().or(Some(value)),
        _ => d.byline = d.byline.take().or(Some(value)),
    }
    true
}

fn byline(line: &str) -> Option<String> {
    let c = BYLINE.captures(line.trim())?;
    let name = c[1].trim();
    // "By the end of the week, ..." is a sentence, not a byline.
    let words = name.split_whitespace().count();
    if words > 12 || name.ends_with('.') && words > 4 {
        return None;
    }
    let first = name.chars().next()?;
    first.is_uppercase().then(|| name.to_string())
}

fn looks_like_title(line: &str) -> bool {
    let l = line.trim();
    let n = l.chars().count();
    (3..=200).contains(&n) && !l.ends_with(['.', ',', ';', ':']) && !l.starts_with("http")
}

/// Reads the dateline of the first body paragraph: the outlet in parentheses, and the date
/// when it is written with a year.
fn dateline(first: &str, d: &mut Draft) {
    let Some(c) = DATELINE.captures(first) else { return };
    if c.get(2).is_none() && c.get(3).is_none() {
        return;
    }
    if let Some(outlet) = c.get(3)
        && d.outlet.is_none()
    {
        d.outlet = Some(outlet.as_str().trim().to_string());
    }
    if let Some(date) = c.get(2)
        && d.published.is_none()
        && let Some(p) = parse_date(date.as_str())
    {
        d.published = Some(p);
        d.published_raw = Some(date.as_str().to_string());
    }
}

/// Takes the header lines (title, byline, date, labelled fields) off the top of the lines.
/// Returns how many lines were header.
fn header(lines: &[&str], d: &mut Draft) -> usize {
    let mut i = 0;
    let mut taken = 0;
    while i < lines.len() && i < 12 {
        let line = clean_inline(lines[i]);
        if line.is_empty() {
            i += 1;
            continue;
        }
        if taken == 0 && d.title.as_deref().is_some_and(|t| crate::article::same_words(t, &line)) {
            // The title the container gave (DOCX properties, e-mail subject) repeated on top.
        } else if labelled(&line, d) {
        } else if let Some(b) = byline(&line) {
            d.byline.get_or_insert(b);
        } else if let Some(p) = date_line(&line) {
            if d.published.is_none() {
                d.published = Some(p);
                d.published_raw = Some(line.clone());
            }
        } else if d.title.is_none() && looks_like_title(&line) {
            // A title stands alone: followed by a blank line, a byline or a date line.
            let next = lines.get(i + 1).map(|l| clean_inline(l)).unwrap_or_default();
            let stands_alone = next.is_empty()
                || byline(&next).is_some()
                || date_line(&next).is_some()
                || LABEL.is_match(&next);
            if !stands_alone {
                break;
            }
            d.title = Some(line);
        } else {
            break;
        }
        i += 1;
        taken = i;
    }
    taken
}

pub(crate) fn read_text(
    doc: &str,
    bytes: &[u8],
    ext: &str,
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    let mut text = decode_text(crate::text_window(bytes, limits), ext)?;
    crate::cut_early(&mut text, bytes.len(), &origin, limits, budget);
    let article = text_article(doc, &text, Draft::new(doc), origin);
    article.map(|a| vec![a]).ok_or(IngestError::NoText { format: "text file" })
}

/// Builds an article from plain text with a header, on top of what `d` already knows.
pub(crate) fn text_article(_doc: &str, text: &str, mut d: Draft, origin: Origin) -> Option<Article> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    let taken = header(&lines, &mut d);
    let body = lines[taken..].join("\n");
    d.paragraphs = split_paragraphs(&body);
    if let Some(first) = d.paragraphs.first().cloned() {
        dateline(&first, &mut d);
    }
    d.finish(origin)
}

/// Splits YAML front matter (`---` ... `---`) off a Markdown text: simple `key: value` pairs.
fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let t = text.trim_start_matches('\u{feff}');
    let Some(rest) = t.strip_prefix("---").filter(|r| r.starts_with('\n') || r.starts_with("\r\n")) else {
        return (Vec::new(), t);
    };
    let mut pairs = Vec::new();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let l = line.trim_end();
        if offset > line.len() && (l == "---" || l == "...") {
            return (pairs, &rest[offset..]);
        }
        if let Some((k, v)) = l.split_once(':')
            && !k.starts_with([' ', '\t', '-', '#'])
        {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v);
            pairs.push((k.trim().to_ascii_lowercase(), v.to_string()));
        } else if let Some(item) = l.trim_start().strip_prefix("- ")
            && let Some((k, v)) = pairs.last_mut()
            && v.is_empty()
        {
            // A list under a key ("authors:\n  - Jane Doe"): take the first item.
            let _ = k;
            *v = item.trim().trim_matches(['"', '\'']).to_string();
        }
    }
    // No closing fence: not front matter after all.
    (Vec::new(), t)
}

pub(crate) fn read_markdown(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    let mut text = decode_text(crate::text_window(bytes, limits), "md")?;
    crate::cut_early(&mut text, bytes.len(), &origin, limits, budget);
    let (pairs, body) = front_matter(&text);
    let mut d = Draft::new(doc);
    for (k, v) in pairs {
        if v.is_empty() {
            continue;
        }
        match k.as_str() {
            "title" | "headline" => d.title = d.title.take().or(Some(v)),
            "date" | "published" | "pubdate" | "published_at" | "datepublished" => d.date_from(&v),
            "author" | "authors" | "byline" => d.byline = d.byline.take().or(Some(v)),
            "source" | "outlet" | "publisher" | "site" | "publication" => {
                d.outlet = d.outlet.take().or(Some(v))
            }
            "url" | "link" | "canonical" | "canonical_url" => d.url = d.url.take().or(Some(v)),
            _ => {}
        }
    }
    let blocks = markdown_blocks(body);
    // A first-level heading at the top is the title when the front matter gave none.
    let mut start = 0;
    if let Some((1, h)) = blocks.first().map(|(l, t)| (*l, t.replace('\n', " ")))
        && d.title.as_ref().is_none_or(|t| *t == h)
    {
        d.title = Some(h);
        start = 1;
    }
    let mut paras: Vec<String> = blocks[start..].iter().map(|(_, t)| t.clone()).collect();
    // Byline and date lines at the top of the body are metadata, as paragraphs of their own or
    // as the first lines of one ("By Jane Doe\nApr 22, 2024").
    while let Some(first) = paras.first_mut() {
        let line = first.split('\n').next().unwrap_or_default().to_string();
        if d.byline.is_none()
            && let Some(b) = byline(&line)
        {
            d.byline = Some(b);
        } else if d.published.is_none()
            && let Some(p) = date_line(&line)
        {
            d.published = Some(p);
            d.published_raw = Some(line.clone());
        } else {
            break;
        }
        match first.split_once('\n') {
            Some((_, rest)) => *first = rest.to_string(),
            None => {
                paras.remove(0);
            }
        }
    }
    for p in &mut paras {
        *p = p.replace('\n', " ");
    }
    if let Some(first) = paras.first().cloned() {
        dateline(&first, &mut d);
    }
    d.paragraphs = paras;
    d.finish(origin).map(|a| vec![a]).ok_or(IngestError::NoText { format: "Markdown file" })
}

/// Markdown rendered to plain blocks: (heading level or 0, text).
fn markdown_blocks(md: &str) -> Vec<(u8, String)> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut blocks = Vec::new();
    let mut cur = String::new();
    let mut level = 0u8;
    let flush = |cur: &mut String, level: u8, blocks: &mut Vec<(u8, String)>| {
        // Lines of a paragraph stay apart ('\n') until the header lines are taken off.
        let t = cur.split('\n').map(clean_inline).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
        if !t.is_empty() {
            blocks.push((level, t));
        }
        cur.clear();
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Heading { level: l, .. }) => {
                flush(&mut cur, level, &mut blocks);
                level = l as u8;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut cur, level, &mut blocks);
                level = 0;
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::CodeBlock(_) | Tag::BlockQuote(_))
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => {
                flush(&mut cur, level, &mut blocks)
            }
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => {
                // Keep the words of inline HTML, drop the tags.
                let stripped = strip_tags(&h);
                cur.push_str(&stripped);
            }
            Event::Rule => flush(&mut cur, level, &mut blocks),
            _ => {}
        }
    }
    flush(&mut cur, level, &mut blocks);
    blocks
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_header() {
        let t = "Blinken meets Wang in Beijing\nBy Jane Doe\nApr 22, 2024 05:26 AM EDT\n\nBEIJING, April 22 (Reuters) - U.S. Secretary of State\nAntony Blinken met Wang Yi.\n\nThey talked.\n";
        let a = text_article("x", t, Draft::new("x"), Origin::file("x.txt")).unwrap();
        assert_eq!(a.title.as_deref(), Some("Blinken meets Wang in Beijing"));
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2024, 4, 22));
        assert_eq!(a.outlet.as_deref(), Some("Reuters"));
        assert_eq!(
            a.text,
            "Blinken meets Wang in Beijing\n\nBEIJING, April 22 (Reuters) - U.S. Secretary of State Antony Blinken met Wang Yi.\n\nThey talked."
        );
    }

    #[test]
    fn dateline_without_year_leaves_date() {
        let t = "WASHINGTON, May 24 (Reuters) - The talks ended.\n\nMore.";
        let a = text_article("x", t, Draft::new("x"), Origin::file("x.txt")).unwrap();
        assert_eq!(a.published, None);
        assert_eq!(a.outlet.as_deref(), Some("Reuters"));
        assert!(a.title.is_none());
    }

    #[test]
    fn markdown_front_matter() {
        let md = "---\ntitle: \"Talks in Oslo\"\ndate: 2023-03-02\nauthor: Jane Doe\nsource: Example Wire\nurl: https://example.invalid/a\n---\n\n# Talks in Oslo\n\nThe *foreign* ministers met in [Oslo](https://x).\n\n- a point\n";
        let a = &read_markdown(
            "m",
            md.as_bytes(),
            Origin::file("m.md"),
            &Limits::default(),
            &mut Budget::new(&Limits::default()),
        )
        .unwrap()[0];
        assert_eq!(a.title.as_deref(), Some("Talks in Oslo"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2023, 3, 2));
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(a.text, "Talks in Oslo\n\nThe foreign ministers met in Oslo.\n\na point");
    }

    #[test]
    fn markdown_byline_and_date_in_one_paragraph() {
        let md = "# Talks in Oslo\n\nBy Jane Doe\nApr 22, 2024 05:26 AM EDT\n\nOSLO, April 22 (Reuters) - The ministers\nmet on Monday.\n";
        let a = &read_markdown(
            "m",
            md.as_bytes(),
            Origin::file("m.md"),
            &Limits::default(),
            &mut Budget::new(&Limits::default()),
        )
        .unwrap()[0];
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2024, 4, 22));
        assert_eq!(a.text, "Talks in Oslo\n\nOSLO, April 22 (Reuters) - The ministers met on Monday.");
        // A byline line followed by body text in the same paragraph keeps the body.
        let md = "By Jane Doe\nThe ministers met in Oslo on Monday.\n";
        let a = &read_markdown(
            "m",
            md.as_bytes(),
            Origin::file("m.md"),
            &Limits::default(),
            &mut Budget::new(&Limits::default()),
        )
        .unwrap()[0];
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.text, "The ministers met in Oslo on Monday.");
    }
}
