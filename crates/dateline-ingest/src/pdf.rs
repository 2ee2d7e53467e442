//! PDF: the text layer through pdf-extract, which panics on some files: it runs under
//! `catch_unwind`, and a panic becomes a "damaged PDF" message. Before it reads a page:
//!
//! - its compressed streams are measured ([`crate::pdf_streams`]): a decompression bomb is
//!   refused before it unpacks, and images, which the text never needs, are emptied;
//! - its page tree must be a tree, and its forms (XObjects a page draws with `Do`, which may
//!   draw others) must not draw themselves or nest deeper than [`MAX_FORM_DEPTH`];
//! - what each page asks the reader to go through is counted first: its content streams and
//!   every form it draws, each time it draws it. pdf-extract parses all of a page's drawing
//!   instructions at once, at about 30 to 280 bytes of memory a byte (16 MB of `q Q` took
//!   4.5 GB and 30 s), and draws each form anew at every `Do`: a form that drew itself
//!   overflowed the stack (the whole import aborted), ten forms each drawing the next ten
//!   times (3 KB, 10^10 drawings) had not ended after a minute, one 100 KB stream listed 5,000
//!   times as a page's contents (130 KB) took 15 GB. A page over [`MAX_PAGE_DRAWING`] bytes or [`MAX_FORM_DRAWS`] forms,
//!   and the pages past [`MAX_DOCUMENT_DRAWING`] in all, are not read, and said so; a file
//!   whose pages read have no text while others were not read is a PDF bomb;
//! - the text it writes stops at [`Limits::max_text_bytes`], and the cut is reported.

use std::collections::HashMap;

use dateline_model::{Article, Origin};
use pdf_extract::{Dictionary, Document, Object, ObjectId};

use crate::archive::Budget;
use crate::article::Draft;
use crate::{EntryProblem, IngestError, Limits};

/// Most forms one page may draw, nesting counted.
pub const MAX_FORM_DRAWS: u64 = 100_000;
/// Deepest nesting of forms drawn inside forms.
pub const MAX_FORM_DEPTH: usize = 32;
/// Most bytes of drawing instructions one page may ask for (its contents and the forms it
/// draws, each time drawn): parsed all at once, they take up to 280 times as much memory (3 MB
/// of `q Q` took 887 MB; 3 MiB of ordinary paths and text 181 MB).
pub const MAX_PAGE_DRAWING: u64 = 2 * crate::MIB;
/// Most bytes of drawing instructions read from one file, all pages together.
pub const MAX_DOCUMENT_DRAWING: u64 = 64 * crate::MIB;

/// The caps on what pages ask for (the constants above; smaller in tests).
#[derive(Debug, Clone, Copy)]
struct Caps {
    page: u64,
    draws: u64,
    document: u64,
}

const CAPS: Caps = Caps { page: MAX_PAGE_DRAWING, draws: MAX_FORM_DRAWS, document: MAX_DOCUMENT_DRAWING };

pub(crate) fn read(
    doc: &str,
    bytes: &[u8],
    origin: Origin,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Article>, IngestError> {
    if !bytes.starts_with(b"%PDF") && !bytes[..bytes.len().min(1024)].windows(4).any(|w| w == b"%PDF") {
        return Err(IngestError::PdfBroken("no PDF header: this is not a PDF file".into()));
    }
    // Before any PDF library unpacks a stream: none unpacks beyond the caps.
    crate::pdf_streams::check(bytes, limits, budget)?;
    let result = std::panic::catch_unwind(|| extract(bytes, limits, CAPS));
    let read = match result {
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown failure");
            let why: String = why.chars().take(160).collect();
            return Err(IngestError::PdfBroken(format!("the PDF reader failed on it ({why})")));
        }
        Ok(r) => r?,
    };
    let has_text = read.text.chars().filter(|c| c.is_alphanumeric()).count() >= 3;
    // No text on the pages read: whatever text there is, is on the pages that were not.
    if !has_text && !read.skipped.is_empty() {
        return Err(IngestError::PdfOverCap(skipped_pages(&read, CAPS)));
    }
    if !has_text {
        return Err(IngestError::PdfNoText);
    }
    if !read.skipped.is_empty() {
        let entry = origin.entry.clone().unwrap_or_default();
        budget.problems.push(EntryProblem { entry, message: skipped_pages(&read, CAPS), skipped: false });
    }
    let mut text = read.text;
    if read.complete {
        let whole = text.len();
        crate::cut_early(&mut text, whole, &origin, limits, budget);
    } else {
        crate::cut_text(&mut text, None, &origin, limits, budget);
    }
    crate::plain::text_article(doc, &text, Draft::new(doc), origin)
        .map(|a| vec![a])
        .ok_or(IngestError::PdfNoText)
}

/// What the reader made of a PDF.
struct Read {
    text: String,
    /// Whether the text is whole (else it stopped at the text cap).
    complete: bool,
    /// Pages in the file.
    pages: usize,
    /// Pages not read, by number, for what they asked.
    skipped: Vec<u32>,
}

/// "pages 2, 5 of 9 not read: each asks the reader for ...".
fn skipped_pages(read: &Read, caps: Caps) -> String {
    let shown: Vec<String> = read.skipped.iter().take(10).map(u32::to_string).collect();
    let more = if read.skipped.len() > 10 {
        format!(" and {} more", read.skipped.len() - 10)
    } else {
        String::new()
    };
    let which = if read.skipped.len() == 1 { "page" } else { "pages" };
    format!(
        "{which} {}{more} of {} not read: a page may ask for at most {} of drawing instructions and {} drawings of \
         forms (forms drawn over and over count each time), a file for {} in all",
        shown.join(", "),
        read.pages,
        crate::error::Size(caps.page),
        crate::thousands(caps.draws as usize),
        crate::error::Size(caps.document),
    )
}

/// The text of the PDF `bytes`, page by page.
fn extract(bytes: &[u8], limits: &Limits, caps: Caps) -> Result<Read, IngestError> {
    let broken = |e: &dyn std::fmt::Display| {
        let msg = e.to_string();
        if msg.to_ascii_lowercase().contains("encrypt") || msg.to_ascii_lowercase().contains("password") {
            return IngestError::PdfEncrypted;
        }
        let msg: String = msg.chars().take(200).collect();
        IngestError::PdfBroken(format!("{msg} (truncated or corrupt?)"))
    };
    let mut doc = Document::load_mem(bytes).map_err(|e| broken(&e))?;
    // As pdf-extract does: an empty user password opens most "encrypted" PDFs.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(IngestError::PdfEncrypted);
    }
    // pdf-extract follows /Parent and /Kids without remembering where it has been: a page tree
    // that loops would hang it.
    if let Some(why) = page_tree_fault(&doc) {
        return Err(IngestError::PdfBroken(format!("its page tree is damaged ({why})")));
    }
    crate::pdf_streams::check_loaded(&mut doc, limits)?;
    let pages = doc.get_pages();
    let mut read = Read { text: String::new(), complete: true, pages: pages.len(), skipped: Vec::new() };
    let mut skipped = Vec::new();
    {
        let mut drawing = Drawing::new(&doc, caps);
        let mut total = 0u64;
        let mut past_total = false;
        for (&number, &page) in &pages {
            // Past the file's total, no page is measured or read.
            if !past_total {
                let cost = drawing.page(page)?;
                if !caps.over(cost) {
                    past_total = total.saturating_add(cost.bytes) > caps.document;
                    if !past_total {
                        total += cost.bytes;
                        continue;
                    }
                }
            }
            read.skipped.push(number);
            skipped.push(page);
        }
    }
    // A page not read draws nothing: its contents are emptied, and pdf-extract reads the rest
    // in one pass (page by page, it would walk the page tree again for every page).
    for page in skipped {
        if let Ok(dict) = doc.get_dictionary_mut(page) {
            dict.set("Contents", Object::Array(Vec::new()));
        }
    }
    let mut text = TextCap { text: Vec::new(), cap: limits.max_text_bytes, full: false };
    let written = {
        let mut output = pdf_extract::PlainTextOutput::new(&mut text as &mut dyn std::io::Write);
        pdf_extract::output_doc(&doc, &mut output)
    };
    match written {
        Err(_) if text.full => read.complete = false,
        Err(e) => return Err(broken(&e)),
        Ok(()) => {}
    }
    read.text = String::from_utf8_lossy(&text.text).into_owned();
    Ok(read)
}

/// Where pdf-extract writes the text: it keeps at most `cap` bytes, and fails the write that
/// would pass it (which stops pdf-extract).
struct TextCap {
    text: Vec<u8>,
    cap: usize,
    full: bool,
}

impl std::io::Write for TextCap {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.text.len() + buf.len() > self.cap {
            self.full = true;
            return Err(std::io::Error::other("the text cap is reached"));
        }
        self.text.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What drawing a content stream costs, with every form it draws, as often as it draws them.
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    /// Bytes of drawing instructions read.
    bytes: u64,
    /// Forms drawn.
    draws: u64,
}

impl Caps {
    /// Whether one page asking `cost` is past the caps.
    fn over(self, cost: Cost) -> bool {
        cost.bytes > self.page || cost.draws > self.draws
    }
}

impl Cost {
    fn add(&mut self, other: Cost) {
        self.bytes = self.bytes.saturating_add(other.bytes);
        self.draws = self.draws.saturating_add(other.draws);
    }
}

/// A stream's unpacked length, and the names it draws.
type Parsed = (u64, Vec<Vec<u8>>);

/// The pages and forms of one document, drawn as pdf-extract would draw them, counting instead.
struct Drawing<'d> {
    doc: &'d Document,
    caps: Caps,
    /// A stream's cost, by the stream and the resources it was drawn with (a form without its
    /// own takes its caller's).
    known: HashMap<(ObjectId, usize), Cost>,
    /// Each stream's unpacked length and the names it draws: unpacked once, however many
    /// pages draw it with however many resources.
    parsed: HashMap<ObjectId, std::rc::Rc<Parsed>>,
    /// The forms being drawn, outermost first.
    drawing: Vec<ObjectId>,
}

impl<'d> Drawing<'d> {
    fn new(doc: &'d Document, caps: Caps) -> Self {
        Self { doc, caps, known: HashMap::new(), parsed: HashMap::new(), drawing: Vec::new() }
    }

    /// What reading `page` costs: its content streams (one listed twice is read twice) and the
    /// forms they draw.
    fn page(&mut self, page: ObjectId) -> Result<Cost, IngestError> {
        let empty = Dictionary::new();
        let resources = self.page_resources(page).unwrap_or(&empty);
        let mut cost = Cost::default();
        for id in self.doc.get_page_contents(page) {
            cost.add(self.stream(id, resources, false)?);
            if self.caps.over(cost) {
                break;
            }
        }
        // `empty` goes now: forget what was drawn with it.
        self.known.retain(|(_, r), _| *r != std::ptr::from_ref(&empty) as usize);
        Ok(cost)
    }

    /// The page's resources, inherited through its parents when it has none, as pdf-extract
    /// looks them up.
    fn page_resources(&self, page: ObjectId) -> Option<&'d Dictionary> {
        let mut node = self.doc.get_dictionary(page).ok()?;
        for _ in 0..MAX_TREE_DEPTH {
            if let Ok(r) = node.get(b"Resources") {
                return self.dict(r);
            }
            node = self.doc.get_dictionary(node.get(b"Parent").ok()?.as_reference().ok()?).ok()?;
        }
        None
    }

    fn dict<'a>(&self, obj: &'a Object) -> Option<&'a Dictionary>
    where
        'd: 'a,
    {
        match obj {
            Object::Reference(id) => self.doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        }
    }

    /// The cost of drawing a stream of `len` bytes that draws `names`, with `resources`.
    fn content(&mut self, len: u64, names: &[Vec<u8>], resources: &Dictionary) -> Result<Cost, IngestError> {
        let mut cost = Cost { bytes: len, draws: 0 };
        let xobjects = resources.get(b"XObject").ok().and_then(|x| self.dict(x));
        let Some(xobjects) = xobjects else { return Ok(cost) };
        for name in names {
            let Some(id) = xobjects.get(name).ok().and_then(|o| o.as_reference().ok()) else { continue };
            cost.add(self.stream(id, resources, true)?);
            cost.draws = cost.draws.saturating_add(1);
            // Far enough: the page is not read.
            if self.caps.over(cost) {
                break;
            }
        }
        Ok(cost)
    }

    /// The cost of drawing stream `id` once, from a page or a content stream drawn with
    /// `resources`; a form (`form`) has its own resources or takes those.
    fn stream(&mut self, id: ObjectId, resources: &Dictionary, form: bool) -> Result<Cost, IngestError> {
        let Ok(Object::Stream(stream)) = self.doc.get_object(id) else { return Ok(Cost::default()) };
        let key = (id, std::ptr::from_ref(resources) as usize);
        if let Some(cost) = self.known.get(&key) {
            return Ok(*cost);
        }
        if form && self.drawing.contains(&id) {
            return Err(IngestError::PdfBroken("a form draws itself (its drawing would never end)".into()));
        }
        if self.drawing.len() >= MAX_FORM_DEPTH {
            return Err(IngestError::PdfBroken(format!(
                "its forms are nested more than {MAX_FORM_DEPTH} deep"
            )));
        }
        let parsed = match self.parsed.get(&id) {
            Some(p) => p.clone(),
            None => {
                // As pdf-extract reads a stream: unpacked when it can be, else as it is.
                let content: std::borrow::Cow<'_, [u8]> = match stream.filters() {
                    Ok(_) => match stream.decompressed_content() {
                        Ok(unpacked) => unpacked.into(),
                        Err(_) => stream.content.as_slice().into(),
                    },
                    Err(_) => stream.content.as_slice().into(),
                };
                let p = std::rc::Rc::new((content.len() as u64, drawn_names(&content)));
                self.parsed.insert(id, p.clone());
                p
            }
        };
        let (len, names) = (parsed.0, &parsed.1);
        let own = if form { stream.dict.get(b"Resources").ok().and_then(|r| self.dict(r)) } else { None };
        if form {
            self.drawing.push(id);
        }
        let cost = match own {
            Some(own) => self.content(len, names, own),
            None => self.content(len, names, resources),
        };
        if form {
            self.drawing.pop();
        }
        let cost = cost?;
        self.known.insert(key, cost);
        Ok(cost)
    }
}

/// The names that `content` draws (`/Name Do`), read as PDF tokens: strings, comments and
/// dictionaries are skipped, `#xx` escapes in names decoded.
fn drawn_names(content: &[u8]) -> Vec<Vec<u8>> {
    let delimiter = |c: u8| c.is_ascii_whitespace() || b"()<>[]{}/%".contains(&c);
    let mut names = Vec::new();
    let mut last_name: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < content.len() {
        let c = content[i];
        match c {
            c if c.is_ascii_whitespace() => i += 1,
            b'%' => {
                while i < content.len() && content[i] != b'\n' && content[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                let mut depth = 0usize;
                while i < content.len() {
                    match content[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                last_name = None;
            }
            b'<' if content.get(i + 1) == Some(&b'<') => {
                i += 2;
                last_name = None;
            }
            b'<' => {
                while i < content.len() && content[i] != b'>' {
                    i += 1;
                }
                i += 1;
                last_name = None;
            }
            b'/' => {
                i += 1;
                let mut name = Vec::new();
                while i < content.len() && !delimiter(content[i]) {
                    let hex = content.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                    match (content[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
                        (b'#', Some(b)) => {
                            name.push(b);
                            i += 3;
                        }
                        (c, _) => {
                            name.push(c);
                            i += 1;
                        }
                    }
                }
                last_name = Some(name);
            }
            c if delimiter(c) => {
                i += 1;
                last_name = None;
            }
            _ => {
                let start = i;
                while i < content.len() && !delimiter(content[i]) {
                    i += 1;
                }
                if &content[start..i] == b"Do"
                    && let Some(name) = last_name.take()
                {
                    names.push(name);
                }
                last_name = None;
            }
        }
    }
    names
}

/// Deeper than any real page tree; a longer chain is treated as a loop.
const MAX_TREE_DEPTH: usize = 256;

/// Why the page tree of `doc` would send a reader round in circles, if it would: a /Parent chain
/// that comes back on itself (or never ends), or /Kids that reach a node twice.
fn page_tree_fault(doc: &pdf_extract::Document) -> Option<&'static str> {
    use std::collections::HashSet;
    // Every dictionary's /Parent chain must end.
    for obj in doc.objects.values() {
        let Ok(mut dict) = obj.as_dict() else { continue };
        let mut seen = HashSet::new();
        while let Some(parent) = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok()) {
            if !seen.insert(parent) || seen.len() > MAX_TREE_DEPTH {
                return Some("a page is its own ancestor");
            }
            let Ok(next) = doc.get_dictionary(parent) else { break };
            dict = next;
        }
    }
    // From the catalog, /Kids must form a tree.
    let root = doc.catalog().ok()?.get(b"Pages").ok()?.as_reference().ok()?;
    let mut seen = HashSet::new();
    let mut stack = vec![(root, 0usize)];
    while let Some((id, depth)) = stack.pop() {
        if !seen.insert(id) || depth > MAX_TREE_DEPTH {
            return Some("a page appears twice in the tree");
        }
        let Ok(node) = doc.get_dictionary(id) else { continue };
        if let Ok(kids) = node.get(b"Kids").and_then(|k| k.as_array()) {
            for kid in kids {
                if let Ok(k) = kid.as_reference() {
                    stack.push((k, depth + 1));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF whose page names itself as its parent (found by the fuzzer: it hung the
    /// reader). Built here, with the page's /Parent reference given by `parent`.
    fn pdf(parent: &str) -> Vec<u8> {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            format!("<< /Type /Page /Parent {parent} /MediaBox [0 0 612 792] /Contents 4 0 R >>"),
            "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Talks in Oslo) Tj ET\nendstream".to_string(),
        ];
        crate::test_support::pdf_of(&objects)
    }

    #[test]
    fn a_page_tree_that_loops_is_a_clear_failure_not_a_hang() {
        let doc = pdf_extract::Document::load_mem(&pdf("2 0 R")).expect("loads");
        assert_eq!(page_tree_fault(&doc), None);
        let doc = pdf_extract::Document::load_mem(&pdf("3 0 R")).expect("loads");
        assert_eq!(page_tree_fault(&doc), Some("a page is its own ancestor"));
        let limits = Limits::default();
        match read("x", &pdf("3 0 R"), Origin::file("x.pdf"), &limits, &mut Budget::new(&limits)) {
            Err(IngestError::PdfBroken(why)) => assert!(why.contains("page tree"), "{why}"),
            other => panic!("expected a damaged-PDF error, got {other:?}"),
        }
    }

    #[test]
    fn the_names_a_content_stream_draws() {
        let names = drawn_names(
            b"q /X1 Do Q (a /X2 Do in a string \\) (nested) ) Tj % /X3 Do in a comment\n\
              << /Type /X4 >> /X#35 Do [/X6] Do /Im1  Do /F1 12 Tf <2f58 Do>",
        );
        assert_eq!(names, [b"X1".to_vec(), b"X5".to_vec(), b"Im1".to_vec()]);
    }

    /// A PDF of `pages` pages, each showing a line and drawing `sizes[i]` bytes of `q Q`.
    fn pages(sizes: &[usize]) -> Vec<u8> {
        let n = sizes.len();
        let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
        let mut objects = vec![
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        ];
        for (i, size) in sizes.iter().enumerate() {
            objects.push(format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            ));
            let body =
                format!("BT /F1 12 Tf 72 720 Td (Page {} talks) Tj ET\n{}", i + 1, "q Q\n".repeat(size / 4));
            objects.push(format!("<< /Length {} >>\nstream\n{body}\nendstream", body.len()));
        }
        crate::test_support::pdf_of(&objects)
    }

    #[test]
    fn pages_past_a_cap_are_not_read_and_past_the_total_none_is() {
        let caps = Caps { page: 4000, draws: 10, document: 6000 };
        // Page 2 is over the page cap; pages 1, 3 fit; page 4 passes the total, so page 5 is
        // not read either, small as it is.
        let read = extract(&pages(&[2000, 5000, 2000, 3000, 100]), &Limits::default(), caps).expect("reads");
        assert_eq!(read.pages, 5);
        assert_eq!(read.skipped, [2, 4, 5]);
        assert!(read.complete);
        for (page, shown) in [(1, true), (2, false), (3, true), (4, false), (5, false)] {
            assert_eq!(
                read.text.contains(&format!("Page {page} talks")),
                shown,
                "page {page}: {}",
                read.text
            );
        }
        let message = skipped_pages(&read, caps);
        assert!(
            message.starts_with("pages 2, 4, 5 of 5 not read: a page may ask for at most 3.9 KiB"),
            "{message}"
        );
    }
}
