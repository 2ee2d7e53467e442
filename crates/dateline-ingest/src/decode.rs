//! Bytes to text: BOMs, UTF-16 without BOM, UTF-8, and legacy 8-bit encodings detected by
//! chardetng; and the cleaning every reader's text goes through.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Guesses UTF-16 without a BOM: most code units of Latin text have a zero high byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_zero * 10 >= pairs * 6 && even_zero * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 6 && odd_zero * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether bytes look like text in some encoding (for content without a telling extension).
pub(crate) fn looks_textual(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return true;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return false;
    }
    let control =
        sample.iter().filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    control * 100 <= sample.len()
}

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NotText {
    Binary,
}

/// Decodes bytes of unknown encoding. `declared` is an encoding label the container gave (an
/// HTML `<meta charset>`, an XML declaration, a MIME charset), used when there is no BOM.
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, NotText> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(NotText::Binary);
    }
    let control =
        bytes.iter().filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    if control * 50 > bytes.len().max(1) {
        return Err(NotText::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        && enc != UTF_8
        && enc != UTF_16LE
        && enc != UTF_16BE
    {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    // Mostly UTF-8 with a few broken bytes: keep UTF-8 (replacement characters for the broken
    // bytes) rather than turning every accented letter into mojibake.
    let (valid_multibyte, errors) = utf8_stats(bytes);
    if valid_multibyte > 0 && errors <= valid_multibyte {
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, _) = enc.decode(bytes);
    Ok(text.into_owned())
}

/// Counts valid multi-byte UTF-8 sequences and invalid bytes.
fn utf8_stats(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut errors) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, errors);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // Safe: `good` is valid UTF-8 by construction.
                valid += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                errors += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                bytes = &rest[skip.min(rest.len())..];
                if bytes.is_empty() {
                    return (valid, errors);
                }
            }
        }
    }
}

/// Cleans one paragraph: control and zero-width characters removed, every run of whitespace
/// (no-break spaces included) collapsed to one space, trimmed.
pub(crate) fn clean_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => ' ',
            '\u{00ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => continue,
            c if c.is_whitespace() => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Splits plain text into paragraphs: blank-line separated blocks, lines inside a block joined.
/// Text without any blank line but with many lines takes each line as a paragraph.
pub(crate) fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank = text.lines().any(|l| l.trim().is_empty());
    let mut paras = Vec::new();
    if !has_blank {
        // One paragraph per line, or hard-wrapped lines: a line ending a sentence ends a
        // paragraph, other lines run on.
        let mut cur = String::new();
        for l in text.lines() {
            let c = clean_inline(l);
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(&c);
            if c.ends_with(['.', '!', '?', '"', '\u{201d}', ':']) {
                paras.push(std::mem::take(&mut cur));
            }
        }
        if !cur.trim().is_empty() {
            paras.push(cur);
        }
        return paras;
    }
    let mut cur = String::new();
    for l in text.lines() {
        if l.trim().is_empty() {
            if !cur.is_empty() {
                paras.push(clean_inline(&cur));
                cur.clear();
            }
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(l);
        }
    }
    if !cur.is_empty() {
        paras.push(clean_inline(&cur));
    }
    paras.retain(|p| !p.is_empty());
    paras
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode("café".as_bytes(), None).unwrap(), "café");
        assert_eq!(decode(b"\xef\xbb\xbfcaf\xc3\xa9", None).unwrap(), "café");
        let utf16le: Vec<u8> = "Talks in Geneva".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&utf16le, None).unwrap(), "Talks in Geneva");
        let utf16be: Vec<u8> =
            [0xfeffu16].into_iter().chain("Talks".encode_utf16()).flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&utf16be, None).unwrap(), "Talks");
        // Windows-1252: curly quotes and an e acute.
        let cp = b"The minister\x92s visit to the caf\xe9 \x93went well\x94 in Paris and Nice.";
        assert_eq!(
            decode(cp, None).unwrap(),
            "The minister\u{2019}s visit to the café \u{201c}went well\u{201d} in Paris and Nice."
        );
        assert_eq!(decode(b"a\0b\0c\0d\0e", None), Err(NotText::Binary));
        // Mostly UTF-8 with one broken byte stays UTF-8.
        assert_eq!(decode(b"caf\xc3\xa9 \xff na\xc3\xafve", None).unwrap(), "café \u{fffd} naïve");
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean_inline("  a\u{a0}\u{a0}b\t\nc\u{200b}d "), "a b cd");
        assert_eq!(split_paragraphs("A\nb\n\n\nC\r\n"), vec!["A b", "C"]);
        assert_eq!(split_paragraphs("A.\nB\n"), vec!["A.", "B"]);
        assert_eq!(split_paragraphs("One wrapped\nsentence.\nTwo.\n"), vec!["One wrapped sentence.", "Two."]);
    }
}
