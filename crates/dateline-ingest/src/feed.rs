//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is an article. Streaming quick-xml with an
//! explicit depth cap; a feed cut short keeps the items read before the break.

use dateline_model::{Article, Origin};
use quick_xml::events::{BytesStart, Event};
use sha2::{Digest, Sha256};

use crate::archive::Budget;
use crate::article::Draft;
use crate::decode::{decode, split_paragraphs};
use crate::docx::resolve_ref;
use crate::html::{fragment_paragraphs, looks_like_html};
use crate::{EntryProblem, IngestError, Limits, records_past_limit};

const MAX_DEPTH: usize = 256;

/// One item (RSS) or entry (Atom) of a feed, its fields as the feed wrote them (trimmed,
/// character references resolved; no entity is ever expanded).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    pub title: Option<String>,
    /// The item's page: `<link>`, or Atom's `rel="alternate"` link.
    pub link: Option<String>,
    /// Its publication date (`pubDate`, `published`, `dc:date`...).
    pub date: Option<String>,
    pub updated: Option<String>,
    pub content: Option<String>,
    pub summary: Option<String>,
    pub author: Option<String>,
    /// `guid` (RSS) or `id` (Atom).
    pub id: Option<String>,
}

/// A feed's items, as far as they could be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFeed {
    /// The channel's (or feed's) title.
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
    /// Items past the limit, not kept.
    pub past_limit: usize,
    /// Where the feed broke off, when it did: the items before it were kept.
    pub error: Option<String>,
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_ascii_lowercase()
}

fn atom_link(e: &BytesStart<'_>) -> Option<String> {
    let mut href = None;
    let mut rel = None;
    for a in e.attributes().flatten() {
        let v = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?.into_owned();
        match a.key.local_name().as_ref() as &str {
            "href" => href = Some(v),
            "rel" => rel = Some(v),
            _ => {}
        }
    }
    match rel.as_deref() {
        None | Some("alternate") => href,
        _ => None,
    }
}

/// Reads the items of an RSS 2.0, RSS 1.0 or Atom feed, at most `max_items` of them. A feed
/// that breaks off keeps the items before the break ([`ParsedFeed::error`] says where); one
/// with no feed element and no item is an error.
pub fn parse_feed(bytes: &[u8], max_items: usize) -> Result<ParsedFeed, IngestError> {
    let text = decode(bytes, None).map_err(|_| IngestError::Binary { ext: "xml".into() })?;
    let mut past_limit = 0usize;
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut stack: Vec<String> = Vec::new();
    let mut items: Vec<FeedItem> = Vec::new();
    let mut cur: Option<(usize, FeedItem)> = None; // (depth of the item element, item)
    let mut outlet: Option<String> = None;
    let mut buf = String::new();
    let mut saw_feed = false;
    let mut error = None;
    loop {
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                error = Some(format!("{e} (at byte {})", reader.buffer_position()));
                break;
            }
        };
        match ev {
            Event::Start(e) => {
                let name = local(&e);
                if matches!(name.as_str(), "rss" | "feed" | "rdf" | "channel") {
                    saw_feed = true;
                }
                stack.push(name.clone());
                if stack.len() > MAX_DEPTH {
                    error = Some(format!("elements nested more than {MAX_DEPTH} deep"));
                    break;
                }
                match &mut cur {
                    None if name == "item" || name == "entry" => {
                        cur = Some((stack.len(), FeedItem::default()))
                    }
                    Some((d, item)) if stack.len() == *d + 1 => {
                        buf.clear();
                        if name == "link"
                            && let Some(h) = atom_link(&e)
                        {
                            item.link.get_or_insert(h);
                        }
                    }
                    None if name == "title" => buf.clear(),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if let Some((d, item)) = &mut cur
                    && stack.len() == *d
                    && local(&e) == "link"
                    && let Some(h) = atom_link(&e)
                {
                    item.link.get_or_insert(h);
                }
            }
            Event::Text(t) => buf.push_str(&t.xml10_content()),
            Event::CData(t) => buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => match resolve_ref(&r) {
                Some(s) => buf.push_str(&s),
                None => {
                    buf.push('&');
                    buf.push_str(&r);
                    buf.push(';');
                }
            },
            Event::End(_) => {
                let depth = stack.len();
                let name = stack.pop().unwrap_or_default();
                match &mut cur {
                    Some((d, _)) if depth == *d => {
                        if let Some((_, item)) = cur.take() {
                            if items.len() < max_items {
                                items.push(item);
                            } else {
                                past_limit += 1;
                            }
                        }
                    }
                    Some((d, item)) if depth == *d + 1 || (depth == *d + 2 && name == "name") => {
                        let v = std::mem::take(&mut buf);
                        let v = v.trim();
                        if v.is_empty() {
                            continue;
                        }
                        let v = v.to_string();
                        match name.as_str() {
                            "title" => item.title = Some(v),
                            "link" => {
                                item.link.get_or_insert(v);
                            }
                            "pubdate" | "published" | "issued" | "date" | "created" => {
                                item.date.get_or_insert(v);
                            }
                            "updated" | "modified" => item.updated = Some(v),
                            "encoded" | "content" => item.content = Some(v),
                            "description" | "summary" | "abstract" => item.summary = Some(v),
                            "creator" | "author" | "name" => {
                                item.author.get_or_insert(v);
                            }
                            "guid" | "id" => item.id = Some(v),
                            _ => {}
                        }
                    }
                    None if name == "title" && outlet.is_none() && depth <= 3 => {
                        outlet = Some(buf.trim().to_string()).filter(|s| !s.is_empty());
                    }
                    _ => {}
                }
            }
            Event::Eof => {
                if let Some(open) = stack.last() {
                    error = Some(format!("it ends inside <{open}>: cut short"));
                }
                break;
            }
            _ => {}
        }
    }
    if !saw_feed && items.is_empty() {
        return Err(IngestError::Feed(
            error.unwrap_or_else(|| "no <rss>, <feed> or <rdf:RDF> element: not a news feed".into()),
        ));
    }
    Ok(ParsedFeed { title: outlet, items, past_limit, error })
}

pub(crate) fn read(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    let ParsedFeed { title: outlet, items, past_limit, error } = parse_feed(bytes, limits.max_records)?;
    if items.is_empty() {
        return Err(match error {
            Some(e) => IngestError::Feed(e),
            None => IngestError::NoText { format: "feed (it has no items)" },
        });
    }
    let entry = |i: usize| match &origin.entry {
        Some(e) => format!("{e}#item-{}", i + 1),
        None => format!("item-{}", i + 1),
    };
    let mut lost = Vec::new();
    if past_limit > 0 {
        lost.push(records_past_limit(entry(items.len()), past_limit, "item", limits));
    }
    if let Some(e) = &error {
        lost.push(EntryProblem {
            entry: entry(items.len()),
            message: format!("the feed breaks off here ({e}): the items after it were not read"),
            skipped: false,
        });
    }
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let key =
            item.id.clone().or_else(|| item.link.clone()).or_else(|| item.title.clone()).unwrap_or_default();
        let hash = Sha256::digest(format!("{key}\0{i}").as_bytes());
        let doc_id = format!("{doc}-{:02x}{:02x}{:02x}{:02x}", hash[0], hash[1], hash[2], hash[3]);
        let mut d = Draft::new(doc_id);
        d.title = item.title;
        if let Some(date) = item.date.as_deref().or(item.updated.as_deref()) {
            d.date_from(date);
        }
        d.url = item.link;
        d.byline = item.author;
        d.outlet = outlet.clone();
        let body = match (item.content, item.summary) {
            (Some(c), Some(s)) => {
                if c.len() >= s.len() {
                    c
                } else {
                    s
                }
            }
            (c, s) => c.or(s).unwrap_or_default(),
        };
        let o = Origin { path: origin.path.clone(), entry: Some(entry(i)) };
        let mut body = body;
        let whole = body.len();
        crate::cut_early(&mut body, whole, &o, limits, budget);
        d.paragraphs =
            if looks_like_html(&body) { fragment_paragraphs(&body) } else { split_paragraphs(&body) };
        match d.finish(o) {
            Some(a) => out.push(a),
            None => lost.push(EntryProblem {
                entry: entry(i),
                message: "no article text in this item".into(),
                skipped: false,
            }),
        }
    }
    if out.is_empty() {
        return Err(IngestError::NoText { format: "feed (its items have no text)" });
    }
    budget.problems.extend(lost);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>
<item><title>Talks &amp; more</title><link>https://e.invalid/1</link><pubDate>Thu, 20 May 2021 21:10:41 -0400</pubDate>
<description>&lt;p&gt;First.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description><dc:creator>Jane</dc:creator></item>
<item><title>B</title><description><![CDATA[Plain <b>bold</b> text]]></description></item></channel></rss>"#;
        let a = read(
            "f",
            rss.as_bytes(),
            Origin::file("f.rss"),
            &Limits::default(),
            &mut Budget::new(&Limits::default()),
        )
        .unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].title.as_deref(), Some("Talks & more"));
        assert_eq!(a[0].published, chrono::NaiveDate::from_ymd_opt(2021, 5, 20));
        assert_eq!(a[0].text, "Talks & more\n\nFirst.\n\nSecond.");
        assert_eq!(a[0].outlet.as_deref(), Some("Wire"));
        assert_eq!(a[0].byline.as_deref(), Some("Jane"));
        assert_eq!(a[1].text, "B\n\nPlain bold text");
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>AW</title><entry><title>E</title>
<link rel="alternate" href="https://e.invalid/e"/><published>2022-01-03T10:00:00Z</published><author><name>Ann</name></author>
<content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>"#;
        let a = read(
            "g",
            atom.as_bytes(),
            Origin::file("g.atom"),
            &Limits::default(),
            &mut Budget::new(&Limits::default()),
        )
        .unwrap();
        assert_eq!(a[0].url.as_deref(), Some("https://e.invalid/e"));
        assert_eq!(a[0].byline.as_deref(), Some("Ann"));
        assert_eq!(a[0].outlet.as_deref(), Some("AW"));
        assert_eq!(a[0].text, "E\n\nBody");
    }

    #[test]
    fn a_feed_cut_short_says_so_and_keeps_the_items_before() {
        let whole = "<rss><channel><item><title>One</title><link>https://e.invalid/1</link></item>";
        let f = parse_feed(whole.as_bytes(), 10).expect("feed");
        assert_eq!(f.items.len(), 1);
        assert_eq!(f.error.as_deref(), Some("it ends inside <channel>: cut short"));
        let f = parse_feed(b"<rss><channel><item><title>cut", 10).expect("feed");
        assert!(f.items.is_empty() && f.error.is_some(), "{f:?}");
    }
}
