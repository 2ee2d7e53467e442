//! The one XML escaper: the SVG painter and the GraphML and GEXF writers all write through it.

/// Appends `s` to `out` escaped for XML content and attribute values: markup characters become
/// entities; line ends and tabs become character references (so attribute values keep them, and
/// SVG text collapses them to a space as it does any white space); characters XML 1.0 forbids
/// (other control characters, U+FFFE, U+FFFF) are dropped.
pub fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// [`escape_into`] a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_line_ends_and_forbidden_characters() {
        assert_eq!(escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(escape("one\ntwo\tthree\r"), "one&#10;two&#9;three&#13;");
        assert_eq!(escape("bell\u{7} nul\u{0} \u{FFFE}\u{FFFF}ok"), "bell nul ok");
        assert_eq!(escape("Zürich — 東京"), "Zürich — 東京");
    }
}
