//! A small element tree read with quick-xml, for GraphML and GEXF: names
//! without namespace prefixes (the formats' versions differ only in their
//! namespace), attributes unescaped, and each element's line for messages.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{ImportProblem, ImportReason, SourceFile};

#[derive(Debug, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
    pub line: usize,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

fn local(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}

/// The line (from 1) of byte offset `pos` in `text`.
fn line_of(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses a whole document into its root element.
pub(crate) fn parse(file: SourceFile<'_>) -> Result<Element, ImportProblem> {
    let text = file.text;
    let problem = |pos: usize, reason: ImportReason| ImportProblem {
        file: file.name.to_string(),
        line: Some(line_of(text, pos)),
        field: None,
        column: None,
        reason,
    };
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            problem(
                reader.error_position() as usize,
                ImportReason::BadXml { detail: e.to_string() },
            )
        })?;
        match event {
            Event::Start(e) => {
                let el = element(&e, line_of(text, start)).map_err(|r| problem(start, r))?;
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = element(&e, line_of(text, start)).map_err(|r| problem(start, r))?;
                stack.last_mut().expect("the root holder").children.push(el);
            }
            Event::End(_) => {
                let done = stack.pop().expect("quick-xml checks end tags");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Err(problem(start, ImportReason::UnmatchedEndTag)),
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| problem(start, ImportReason::BadXml { detail: e.to_string() }))?;
                stack.last_mut().expect("the root holder").text.push_str(&s);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| problem(start, ImportReason::BadXml { detail: e.to_string() }))?;
                stack.last_mut().expect("the root holder").text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten()
                } else {
                    match r
                        .decode()
                        .map_err(|e| problem(start, ImportReason::BadXml { detail: e.to_string() }))?
                        .as_ref()
                    {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    }
                };
                match c {
                    Some(c) => stack.last_mut().expect("the root holder").text.push(c),
                    None => return Err(problem(start, ImportReason::UnknownEntity)),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(problem(
            text.len(),
            ImportReason::UnclosedElements,
        ));
    }
    let holder = stack.pop().expect("the root holder");
    holder
        .children
        .into_iter()
        .next()
        .ok_or_else(|| problem(0, ImportReason::NoXmlElement))
}

fn element(e: &quick_xml::events::BytesStart<'_>, line: usize) -> Result<Element, ImportReason> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| ImportReason::BadAttribute { detail: e.to_string() })?;
        let value = a
            .unescape_value()
            .map_err(|e| ImportReason::BadAttribute { detail: e.to_string() })?;
        attrs.push((local(a.key.local_name().as_ref()), value.into_owned()));
    }
    Ok(Element {
        name: local(e.local_name().as_ref()),
        attrs,
        children: Vec::new(),
        text: String::new(),
        line,
    })
}
