//! A cheap tokenizer: runs of ASCII digits, runs of letters (with inner apostrophes and periods
//! of abbreviations left as punctuation), and single punctuation characters. Offsets are bytes.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Num,
    Punct,
}

/// One token; `lower` is the same byte range in the ASCII-lowercased text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace precedes the token.
    pub space: bool,
}

/// Splits `text` into tokens. Never panics; every offset is on a char boundary.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    let mut i = 0;
    let mut space = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' {
            space = true;
            i += 1;
            continue;
        }
        if b == b'\n' {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            TokKind::Num
        } else if b.is_ascii_alphabetic() || b >= 0x80 && is_alpha_at(text, i) {
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 && is_alpha_at(text, i) {
                    i += utf8_len(c);
                } else {
                    break;
                }
            }
            TokKind::Word
        } else {
            i += if b >= 0x80 { utf8_len(b) } else { 1 };
            if b >= 0x80 {
                // Non-breaking and other Unicode spaces separate tokens.
                if let Some(c) = text[start..].chars().next()
                    && c.is_whitespace()
                {
                    space = true;
                    continue;
                }
            }
            TokKind::Punct
        };
        let end = i.min(bytes.len());
        out.push(Tok { start, end, kind, space });
        space = false;
    }
    out
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

fn is_alpha_at(text: &str, i: usize) -> bool {
    text.get(i..).and_then(|s| s.chars().next()).is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let text = "On May 24-27, 2024 at 5:30\u{a0}p.m. Zürich";
        let toks: Vec<&str> = tokenize(text).iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            toks,
            ["On", "May", "24", "-", "27", ",", "2024", "at", "5", ":", "30", "p", ".", "m", ".", "Zürich"]
        );
    }
}
