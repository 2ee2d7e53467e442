//! PDFs written object by object, for tests here and in other crates (feature `test-support`):
//! the readers' tests, the CLI's hostile-input suite.

/// A PDF of `objects` (object `i + 1` is `objects[i]`; 1 the catalog), with a correct xref table.
pub fn pdf_of_bytes(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
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

/// [`pdf_of_bytes`] of objects written as text.
pub fn pdf_of(objects: &[String]) -> Vec<u8> {
    pdf_of_bytes(&objects.iter().map(|o| o.as_bytes().to_vec()).collect::<Vec<_>>())
}

/// A one-page PDF with Helvetica as /F1 whose page content stream is `data`, its dictionary
/// holding `filter` (" /Filter /FlateDecode", or "").
pub fn one_page_pdf(filter: &str, data: &[u8]) -> Vec<u8> {
    pdf_of_bytes(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        [format!("<< /Length {}{filter} >>\nstream\n", data.len()).into_bytes(), data.to_vec(), b"\nendstream".to_vec()]
            .concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ])
}
