//! HTML: main-content extraction (navigation, promos, share bars and footers dropped), title,
//! publication date, outlet, byline and canonical URL.
//!
//! Every walk over the tree is iterative (ego-tree's `traverse`, parent links), so deeply nested
//! input cannot overflow the stack.

use std::collections::HashMap;
use std::sync::LazyLock;

use dateline_model::{Article, Origin};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use regex::bytes::Regex as BytesRegex;
use scraper::{ElementRef, Html, Node, Selector};

use crate::article::Draft;
use crate::date::{date_line, parse_date};
use crate::decode::{NotText, clean_inline, decode};
use crate::{IngestError, Limits};

static CHARSET: LazyLock<BytesRegex> = LazyLock::new(|| {
    BytesRegex::new(r#"(?i)<meta[^>]*charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)"#).expect("regex")
});

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static LINK_CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel~=canonical]"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static P: LazyLock<Selector> = LazyLock::new(|| sel("p"));
static BYLINE_EL: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"[rel~=author], .byline, .author-name, [itemprop=author]"#));
static CANDIDATES: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    ["[itemprop=articleBody]", "article", "main", "[role=main]"].iter().map(|s| sel(s)).collect()
});

/// Elements whose whole subtree is never article text. (Not `figure`: its caption dates the
/// photo's own, often older, event.)
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "select",
    "textarea", "iframe", "svg", "canvas", "object", "embed", "menu", "dialog", "head", "title", "audio",
    "video", "picture", "map",
];

/// Class or id words that mark navigation, promotions, share bars and other non-article parts.
const SKIP_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "promo",
    "related",
    "recommended",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "sidebar",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "popup",
    "modal",
    "toolbar",
    "skip",
    "hidden",
    "sr-only",
    "outbrain",
    "taboola",
    "paywall",
    "signup",
    "tags",
];
const SKIP_PHRASES: &[&str] =
    &["read-next", "readnext", "read_next", "more-stories", "most-popular", "trending"];

/// Block elements: each starts and ends a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "td",
    "th",
    "tr",
    "div",
    "section",
    "article",
    "header",
    "ul",
    "ol",
    "table",
    "br",
    "hr",
    "address",
    "main",
    "body",
    "dl",
];

/// Whole paragraphs that are page furniture, not article text (compared lower-case, trimmed of
/// punctuation).
const BOILERPLATE: &[&str] = &[
    "office of the spokesperson",
    "read next",
    "read more",
    "advertisement",
    "share",
    "share this",
    "share this article",
    "share this story",
    "related",
    "related articles",
    "related stories",
    "related content",
    "subscribe",
    "skip to content",
    "skip to main content",
    "print",
    "email",
    "tweet",
    "copy link",
    "back to top",
    "more from",
];
const BOILERPLATE_PREFIXES: &[&str] =
    &["read next:", "read more:", "related:", "also read:", "sign up for", "click here to", "follow us on"];

fn is_boilerplate(p: &str) -> bool {
    let l = p.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    BOILERPLATE.contains(&l.as_str())
        || BOILERPLATE_PREFIXES.iter().any(|b| p.trim().to_lowercase().starts_with(b))
}

/// What the page says about itself and its article.
#[derive(Debug, Default)]
pub(crate) struct HtmlDoc {
    pub title: Option<String>,
    pub published_raw: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
}

pub(crate) fn decode_html(bytes: &[u8]) -> Result<String, NotText> {
    let head = &bytes[..bytes.len().min(4096)];
    let declared = CHARSET.captures(head).and_then(|c| std::str::from_utf8(&c[1]).ok().map(str::to_string));
    decode(bytes, declared.as_deref())
}

pub(crate) fn read(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
) -> Result<Vec<Article>, IngestError> {
    // A page's tree takes many times its bytes: a larger page is no article anyone saved.
    if bytes.len() as u64 > limits.max_markup_bytes {
        return Err(IngestError::TooLargeFor {
            what: "an HTML page",
            size: bytes.len() as u64,
            limit: limits.max_markup_bytes,
        });
    }
    let html = decode_html(bytes).map_err(|_| IngestError::Binary { ext: "html".into() })?;
    let page = extract(&html);
    let mut d = Draft::new(doc);
    d.title = page.title;
    if let Some(raw) = &page.published_raw {
        d.date_from(raw);
    }
    d.outlet = page.outlet;
    d.byline = page.byline;
    d.url = page.url;
    d.paragraphs = page.paragraphs;
    strip_header_paragraphs(&mut d);
    d.finish(origin).map(|a| vec![a]).ok_or(IngestError::NoText { format: "HTML page" })
}

/// Byline and date paragraphs at the top of the body are metadata: moved out of the text.
pub(crate) fn strip_header_paragraphs(d: &mut Draft) {
    let title = d.title.clone().unwrap_or_default();
    let mut i = 0;
    while i < d.paragraphs.len().min(6) {
        let p = d.paragraphs[i].clone();
        if p == title {
            i += 1;
            continue;
        }
        let lower = p.to_lowercase();
        if lower.starts_with("by ") && p.split_whitespace().count() <= 8 && !p.ends_with('.') {
            if d.byline.is_none() {
                d.byline = Some(p[3..].trim().to_string());
            }
            d.paragraphs.remove(i);
        } else if let Some(date) = date_line(&p) {
            if d.published.is_none() {
                d.published = Some(date);
                d.published_raw = Some(p.clone());
            }
            d.paragraphs.remove(i);
        } else {
            break;
        }
    }
}

fn attr<'a>(e: &'a ElementRef<'_>, name: &str) -> Option<&'a str> {
    e.value().attr(name).map(str::trim).filter(|v| !v.is_empty())
}

/// Text of an element, whitespace collapsed (iterative over descendants).
fn text_of(e: &ElementRef<'_>) -> String {
    clean_inline(&e.text().collect::<String>())
}

/// Deepest element nesting handed to the HTML parser. html5ever has no recursion, but some of
/// its tree-building steps scan the whole stack of open elements, so 10,000 nested `<div>`s
/// would cost quadratic time; real pages nest a few dozen deep.
const MAX_NESTING: usize = 400;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];
/// Elements whose end tag is usually left out: they do not count as nesting.
const SELF_ENDING: &[&str] =
    &["p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "colgroup"];

/// Drops the tags nested deeper than [`MAX_NESTING`] (keeping their text), with a single linear
/// scan. Returns the input untouched when it nests no deeper than that.
pub(crate) fn flatten_deep(html: &str) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already handled in `out`
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let start = i + off;
        i = start + 1;
        let rest = &html[start..];
        // Comments, doctypes, processing instructions: skip whole.
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(b.len(), |e| start + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(b.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let Some(end) = html[name_start..].find('>').map(|e| name_start + e + 1) else { break };
        i = end;
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: skip to its end tag.
            let close = format!("</{name}");
            let lower_rest = html[end..].to_ascii_lowercase();
            i = lower_rest.find(&close).map_or(b.len(), |e| end + e);
            continue;
        }
        if VOID.contains(&name.as_str()) || SELF_ENDING.contains(&name.as_str()) || b[end - 2] == b'/' {
            continue;
        }
        let drop_tag = if closing {
            let deep = depth > MAX_NESTING;
            depth = depth.saturating_sub(1);
            deep
        } else {
            depth += 1;
            depth > MAX_NESTING
        };
        if drop_tag {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..start]);
            o.push(' ');
            copied = end;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|c| *c == b'<')
}

/// Parses an HTML page and extracts its article.
pub(crate) fn extract(html: &str) -> HtmlDoc {
    let dom = Html::parse_document(&flatten_deep(html));
    let mut out = HtmlDoc::default();

    // <meta> tags, by lower-cased property / name / itemprop.
    let mut meta: HashMap<String, String> = HashMap::new();
    for m in dom.select(&META) {
        let key = attr(&m, "property").or_else(|| attr(&m, "name")).or_else(|| attr(&m, "itemprop"));
        if let (Some(k), Some(v)) = (key, attr(&m, "content")) {
            meta.entry(k.to_ascii_lowercase()).or_insert_with(|| v.to_string());
        }
    }
    let first = |keys: &[&str]| keys.iter().find_map(|k| meta.get(*k).cloned());

    let ld = json_ld(&dom);

    out.title = first(&["og:title", "twitter:title", "dc.title", "dcterms.title", "headline"])
        .or_else(|| ld.headline.clone())
        .or_else(|| dom.select(&H1).next().map(|h| text_of(&h)).filter(|t| !t.is_empty()))
        .or_else(|| dom.select(&TITLE).next().map(|t| text_of(&t)).filter(|t| !t.is_empty()));

    let date_keys = [
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datepublished",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dc.date.created",
        "dcterms.created",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "date",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
    ];
    out.published_raw = date_keys
        .iter()
        .filter_map(|k| meta.get(*k))
        .find(|v| parse_date(v).is_some())
        .cloned()
        .or_else(|| ld.date_published.clone().filter(|v| parse_date(v).is_some()))
        .or_else(|| {
            dom.select(&TIME).find_map(|t| {
                let raw = attr(&t, "datetime").map(str::to_string).unwrap_or_else(|| text_of(&t));
                parse_date(&raw).map(|_| raw)
            })
        });

    out.outlet =
        first(&["og:site_name", "application-name", "publisher", "dc.publisher", "dcterms.publisher"])
            .or_else(|| ld.publisher.clone());
    out.byline = first(&[
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "parsely-author",
        "sailthru.author",
    ])
    .filter(|a| !a.starts_with("http"))
    .or_else(|| ld.author.clone())
    .or_else(|| {
        dom.select(&BYLINE_EL).map(|e| text_of(&e)).find(|t| !t.is_empty() && t.chars().count() <= 100)
    })
    .map(|b| {
        let t = b.trim();
        t.strip_prefix("By ").or_else(|| t.strip_prefix("by ")).unwrap_or(t).trim().to_string()
    });
    out.url = dom
        .select(&LINK_CANONICAL)
        .find_map(|l| attr(&l, "href").map(str::to_string))
        .or_else(|| first(&["og:url", "twitter:url"]));

    let container = main_container(&dom);
    out.paragraphs = paragraphs(container).into_iter().filter(|p| !is_boilerplate(p)).collect();
    out
}

/// The paragraphs of an HTML fragment (a feed item's description, an e-mail's HTML body).
pub(crate) fn fragment_paragraphs(html: &str) -> Vec<String> {
    let dom = Html::parse_fragment(&flatten_deep(html));
    paragraphs(dom.root_element()).into_iter().filter(|p| !is_boilerplate(p)).collect()
}

/// Whether a string field holds HTML rather than plain text.
pub(crate) fn looks_like_html(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [
        "<p", "<br", "<div", "</", "<a ", "<span", "<li", "<h1", "<h2", "<img", "<em", "<strong", "&nbsp;",
        "&amp;", "&#",
    ]
    .iter()
    .any(|t| l.contains(t))
}

fn skipped(e: &ElementRef<'_>) -> bool {
    let el = e.value();
    let name = el.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if matches!(el.attr("role"), Some("navigation" | "banner" | "contentinfo" | "complementary" | "search")) {
        return true;
    }
    // Page-level and article-level containers carry every kind of class ("has-sidebar",
    // "category-ads"): their class names never skip them.
    if matches!(name, "html" | "body" | "article" | "main") {
        return false;
    }
    let mut names = String::new();
    for a in ["class", "id"] {
        if let Some(v) = el.attr(a) {
            names.push(' ');
            names.push_str(&v.to_ascii_lowercase());
        }
    }
    if names.is_empty() {
        return false;
    }
    if SKIP_PHRASES.iter().any(|p| names.contains(p)) {
        return true;
    }
    names.split(|c: char| c.is_whitespace() || c == '-' || c == '_').any(|w| SKIP_WORDS.contains(&w))
}

/// Whether any ancestor (or the element itself), up to `stop`, is skipped. Iterative.
fn inside_skipped(e: ElementRef<'_>, stop: Option<NodeId>) -> bool {
    let mut node = Some(*e);
    while let Some(n) = node {
        if Some(n.id()) == stop {
            return false;
        }
        if let Some(el) = ElementRef::wrap(n)
            && skipped(&el)
        {
            return true;
        }
        node = n.parent();
    }
    false
}

/// The element holding the article: a semantic container (`[itemprop=articleBody]`, `article`,
/// `main`) holding at least half the paragraph text, else the element whose `<p>` children hold
/// the most text (readability-style), else `<body>`.
fn main_container(dom: &Html) -> ElementRef<'_> {
    let ps: Vec<(ElementRef<'_>, usize)> = dom
        .select(&P)
        .filter(|p| !inside_skipped(*p, None))
        .map(|p| (p, p.text().map(|t| t.trim().len()).sum::<usize>()))
        .collect();
    let total: usize = ps.iter().map(|(_, n)| n).sum();
    if total > 0 {
        for s in CANDIDATES.iter() {
            for c in dom.select(s) {
                let inside: usize = ps.iter().filter(|(p, _)| is_ancestor(c.id(), *p)).map(|(_, n)| n).sum();
                if inside * 2 >= total {
                    return c;
                }
            }
        }
        let mut score: HashMap<NodeId, usize> = HashMap::new();
        for (p, n) in &ps {
            if let Some(parent) = p.parent() {
                *score.entry(parent.id()).or_default() += n * 2;
                if let Some(gp) = parent.parent() {
                    *score.entry(gp.id()).or_default() += n;
                }
            }
        }
        if let Some((id, _)) = score.into_iter().max_by_key(|(id, s)| (*s, std::cmp::Reverse(*id)))
            && let Some(e) = dom.tree.get(id).and_then(ElementRef::wrap)
        {
            return e;
        }
    }
    let body = sel("body");
    dom.select(&body).next().unwrap_or_else(|| dom.root_element())
}

fn is_ancestor(ancestor: NodeId, e: ElementRef<'_>) -> bool {
    let mut node = e.parent();
    while let Some(n) = node {
        if n.id() == ancestor {
            return true;
        }
        node = n.parent();
    }
    false
}

/// The text blocks under `root`, skipping non-article subtrees. Iterative.
fn paragraphs(root: ElementRef<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut skip: Option<NodeId> = None;
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let t = clean_inline(cur);
        if !t.is_empty() {
            out.push(t);
        }
        cur.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => cur.push_str(t),
                    Node::Element(el) => {
                        if n.id() != root.id()
                            && let Some(e) = ElementRef::wrap(n)
                            && skipped(&e)
                        {
                            skip = Some(n.id());
                            continue;
                        }
                        if BLOCK_TAGS.contains(&el.name()) {
                            flush(&mut cur, &mut out);
                        } else {
                            // Inline elements are separated from their neighbours by nothing;
                            // `<td>`-less layouts still read fine with a space here.
                            if matches!(el.name(), "img" | "input") {
                                cur.push(' ');
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if let Some(s) = skip {
                    if s == n.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = n.value()
                    && BLOCK_TAGS.contains(&el.name())
                {
                    flush(&mut cur, &mut out);
                }
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// What JSON-LD says about the article.
#[derive(Debug, Default)]
struct LdInfo {
    headline: Option<String>,
    date_published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

fn json_ld(dom: &Html) -> LdInfo {
    let mut info = LdInfo::default();
    for script in dom.select(&LD_JSON) {
        let raw: String = script.text().collect();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) else { continue };
        // Iterative walk over objects and arrays (serde_json already caps nesting at 128).
        let mut stack = vec![&v];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(a) => stack.extend(a.iter().rev()),
                serde_json::Value::Object(o) => {
                    if info.date_published.is_none()
                        && let Some(d) = o.get("datePublished").and_then(|d| d.as_str())
                    {
                        info.date_published = Some(d.to_string());
                        if let Some(h) = o.get("headline").and_then(|h| h.as_str()) {
                            info.headline = Some(h.to_string());
                        }
                        info.author = o.get("author").and_then(name_of);
                        info.publisher = o.get("publisher").and_then(name_of);
                    }
                    stack.extend(o.values());
                }
                _ => {}
            }
        }
    }
    info
}

/// A name from a JSON-LD person/organisation: a string, `{"name": ...}`, or the first of a list.
pub(crate) fn name_of(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_string),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_with_furniture() {
        let html = r#"<!doctype html><html><head>
<title>Talks | Example</title>
<meta property="og:site_name" content="Example Wire">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://example.invalid/talks">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Ministers meet in Oslo","datePublished":"2023-03-02T08:00:00+01:00"}]}</script>
</head><body>
<nav><a href="/">Home</a><p>World news menu item with quite a lot of words in it</p></nav>
<div class="share-bar"><p>Share on social networks</p></div>
<main><h1>Ministers meet in Oslo</h1>
<p>OSLO — The foreign ministers of Norway and Finland met on Thursday.</p>
<div class="read-next"><p>READ NEXT: Something else entirely that is a promo</p></div>
<p>They agreed to meet <em>again</em> in May.</p>
</main>
<footer><p>Copyright Example Wire, all rights reserved forever and ever.</p></footer>
</body></html>"#;
        let d = extract(html);
        assert_eq!(d.title.as_deref(), Some("Ministers meet in Oslo"));
        assert_eq!(d.published_raw.as_deref(), Some("2023-03-02T08:00:00+01:00"));
        assert_eq!(d.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.url.as_deref(), Some("https://example.invalid/talks"));
        assert_eq!(
            d.paragraphs,
            vec![
                "Ministers meet in Oslo",
                "OSLO — The foreign ministers of Norway and Finland met on Thursday.",
                "They agreed to meet again in May."
            ]
        );
    }

    #[test]
    fn flattening() {
        let shallow = "<div><p>a<p>b</div><!-- <x><x> --><script>if (a<b) {}</script>";
        assert!(matches!(flatten_deep(shallow), std::borrow::Cow::Borrowed(_)));
        let deep = format!("{}text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let flat = flatten_deep(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_NESTING);
        assert_eq!(flat.matches("</div>").count(), MAX_NESTING);
        assert!(flat.contains("text"));
    }

    #[test]
    fn time_element_and_no_container() {
        let html = "<html><body><div><time datetime=\"2020-01-02\">Jan 2</time><p>One paragraph of text.</p></div></body></html>";
        let d = extract(html);
        assert_eq!(d.published_raw.as_deref(), Some("2020-01-02"));
        assert_eq!(d.paragraphs, vec!["Jan 2", "One paragraph of text."]);
    }
}
