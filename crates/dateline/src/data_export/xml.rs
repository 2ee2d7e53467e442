//! What the GraphML and GEXF writers share: XML escaping, and (for tests) a flat reading of a
//! document with quick-xml.

/// Escapes text for XML content and attribute values; line ends become character references
/// so attribute values keep them; characters XML 1.0 forbids are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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
    out
}

#[cfg(test)]
pub mod read {
    use std::collections::BTreeMap;

    use quick_xml::events::Event;

    /// One element: its name, attributes, text content and the names of its ancestors.
    #[derive(Debug, Clone, Default)]
    pub struct Element {
        pub name: String,
        pub attrs: BTreeMap<String, String>,
        pub text: String,
        pub path: Vec<String>,
    }

    impl Element {
        pub fn attr(&self, key: &str) -> Option<&str> {
            self.attrs.get(key).map(String::as_str)
        }

        pub fn parent(&self) -> &str {
            self.path.last().map_or("", String::as_str)
        }
    }

    /// Every element of a well-formed document in document order; panics on malformed XML.
    pub fn elements(xml: &str) -> Vec<Element> {
        let mut reader = quick_xml::Reader::from_str(xml);
        reader.config_mut().check_end_names = true;
        let mut out: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let start = |e: &quick_xml::events::BytesStart<'_>, open: &[usize], out: &[Element]| Element {
            name: e.name().as_ref().to_string(),
            attrs: e
                .attributes()
                .map(|a| {
                    let a = a.expect("attribute");
                    (
                        a.key.as_ref().to_string(),
                        a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                            .expect("attribute value")
                            .into_owned(),
                    )
                })
                .collect(),
            text: String::new(),
            path: open.iter().map(|&i| out[i].name.clone()).collect(),
        };
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => {
                    let el = start(&e, &open, &out);
                    out.push(el);
                    open.push(out.len() - 1);
                }
                Event::Empty(e) => {
                    let el = start(&e, &open, &out);
                    out.push(el);
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::Text(t) => {
                    if let Some(&i) = open.last() {
                        out[i].text.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) => {
                    let resolved = if r.is_char_ref() {
                        r.resolve_char_ref().expect("char ref").map(String::from)
                    } else {
                        quick_xml::escape::resolve_predefined_entity(&r.xml10_content()).map(String::from)
                    };
                    if let Some(&i) = open.last() {
                        out[i].text.push_str(&resolved.expect("known entity"));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(open.is_empty(), "every element closed");
        out
    }
}
