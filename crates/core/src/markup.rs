//! Escaping user text for the markup core writes (SVG and IATI XML exports,
//! the printable HTML digest). One function, so every export refuses the same
//! characters the same way.

/// What to do with tabs and line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whitespace {
    /// Keep them (element content where line breaks matter).
    Keep,
    /// Turn them into spaces (SVG text and attribute values).
    Flatten,
}

/// Text made safe for XML and HTML content and attribute values: the five
/// special characters escaped, and characters XML 1.0 cannot hold even when
/// escaped (other control characters, U+FFFE, U+FFFF) dropped.
pub fn escape(text: &str, whitespace: Whitespace) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' if whitespace == Whitespace::Keep => out.push(c),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped_and_forbidden_characters_dropped() {
        let text = "<a href=\"x\">Tom & Jerry's</a>\u{7}\u{FFFF}\nnext";
        assert_eq!(
            escape(text, Whitespace::Keep),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;\nnext"
        );
        assert!(escape(text, Whitespace::Flatten).ends_with("&lt;/a&gt; next"));
    }
}
