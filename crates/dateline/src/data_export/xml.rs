//! What the GraphML and GEXF writers share: XML escaping (the render crate's, one for every
//! writer), and (for tests) a flat reading of a document with quick-xml.

/// The one XML escaper, shared with the SVG painter.
pub use dateline_render::xml::escape;

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
