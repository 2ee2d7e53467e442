//! PDF: the text layer through pdf-extract, which panics on some files: it runs under
//! `catch_unwind`, and a panic becomes a "damaged PDF" message. Its compressed streams are
//! measured first ([`crate::pdf_streams`]): a decompression bomb is refused before it unpacks.

use dateline_model::{Article, Origin};

use crate::archive::Budget;
use crate::article::Draft;
use crate::{IngestError, Limits};

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
    // pdf-extract follows /Parent and /Kids without remembering where it has been: a page tree
    // that loops would hang it. Check the tree first (a file lopdf cannot load at all gets
    // pdf-extract's own message below).
    if let Ok(doc) = pdf_extract::Document::load_mem(bytes)
        && let Some(why) = page_tree_fault(&doc)
    {
        return Err(IngestError::PdfBroken(format!("its page tree is damaged ({why})")));
    }
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    let text = match result {
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown failure");
            let why: String = why.chars().take(160).collect();
            return Err(IngestError::PdfBroken(format!("the PDF reader failed on it ({why})")));
        }
        Ok(Err(e)) => {
            let msg = e.to_string();
            if msg.to_ascii_lowercase().contains("encrypt") || msg.to_ascii_lowercase().contains("password") {
                return Err(IngestError::PdfEncrypted);
            }
            let msg: String = msg.chars().take(200).collect();
            return Err(IngestError::PdfBroken(format!("{msg} (truncated or corrupt?)")));
        }
        Ok(Ok(t)) => t,
    };
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
        return Err(IngestError::PdfNoText);
    }
    let mut text = text;
    let whole = text.len();
    crate::cut_early(&mut text, whole, &origin, limits, budget);
    crate::plain::text_article(doc, &text, Draft::new(doc), origin)
        .map(|a| vec![a])
        .ok_or(IngestError::PdfNoText)
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
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for off in offsets {
            out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
                .as_bytes(),
        );
        out
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
}
