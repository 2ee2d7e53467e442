//! PDF: the text layer through pdf-extract, which panics on some files: it runs under
//! `catch_unwind`, and a panic becomes a "damaged PDF" message.

use dateline_model::{Article, Origin};

use crate::IngestError;
use crate::article::Draft;

pub(crate) fn read(doc: &str, bytes: &[u8], origin: Origin) -> Result<Vec<Article>, IngestError> {
    if !bytes.starts_with(b"%PDF") && !bytes[..bytes.len().min(1024)].windows(4).any(|w| w == b"%PDF") {
        return Err(IngestError::PdfBroken("no PDF header: this is not a PDF file".into()));
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
    crate::plain::text_article(doc, &text, Draft::new(doc), origin)
        .map(|a| vec![a])
        .ok_or(IngestError::PdfNoText)
}
