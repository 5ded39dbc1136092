//! A board as an SVG picture: what the canvas shows, for slides and reports.
//!
//! The output is deterministic (the same board gives the same bytes on every
//! replica and platform): items are drawn in id order — clusters, then notes,
//! then links over them so arrowheads stay visible — and numbers are written
//! with at most two decimals. Every piece of text is escaped for XML, and
//! characters XML cannot hold at all are dropped. Note text is wrapped by a
//! character count that fits the note in a sans-serif font at the size used
//! here, and cut with "…" when it does not fit, as on the canvas.

use std::collections::HashMap;
use std::fmt::Write;

use super::notes::{Note, NOTE_HEIGHT, NOTE_WIDTH};
use super::read::BoardContent;
use super::BoardId;
use crate::room::Room;

/// Space around the drawing, in board units.
const MARGIN: f64 = 40.0;
/// Padding inside a note.
const NOTE_PADDING: f64 = 10.0;
const TEXT_SIZE: f64 = 13.0;
const LINE_HEIGHT: f64 = 16.0;
/// The room left at the bottom of a note for its author.
const AUTHOR_SPACE: f64 = 22.0;
/// Characters per line of note text: the inner width over an average glyph
/// width of a little more than half the font size.
const CHARS_PER_LINE: usize = ((NOTE_WIDTH - 2.0 * NOTE_PADDING) / (TEXT_SIZE * 0.55)) as usize;
/// Lines of note text that fit above the author.
const LINES_PER_NOTE: usize = ((NOTE_HEIGHT - NOTE_PADDING - AUTHOR_SPACE) / LINE_HEIGHT) as usize;
const INK: &str = "#1f2937";
const SOFT_INK: &str = "#3b4252";

impl Room {
    /// One board as an SVG document (`None` if there is no such board).
    pub fn export_board_svg(&self, board: &BoardId) -> Option<String> {
        self.board_content(board).map(|content| board_svg(&content))
    }
}

/// Draws a board's content as an SVG document.
pub fn board_svg(content: &BoardContent) -> String {
    let (min_x, min_y, max_x, max_y) = bounds(content);
    let (x, y) = (min_x - MARGIN, min_y - MARGIN);
    let (width, height) = (max_x - min_x + 2.0 * MARGIN, max_y - min_y + 2.0 * MARGIN);
    let mut svg = String::new();
    let _ = write!(
        svg,
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" width="{}" height="{}" "#,
            r#"role="img" aria-labelledby="board-title" font-family="system-ui, sans-serif">"#,
            "\n"
        ),
        num(x),
        num(y),
        num(width),
        num(height),
        num(width),
        num(height),
    );
    let _ = writeln!(
        svg,
        r#"<title id="board-title">{}</title>"#,
        escape(&content.board.name)
    );
    let _ = writeln!(
        svg,
        concat!(
            r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" "#,
            r#"markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{}"/></marker></defs>"#
        ),
        SOFT_INK
    );
    let _ = writeln!(
        svg,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
        num(x),
        num(y),
        num(width),
        num(height)
    );
    for cluster in &content.clusters {
        let _ = writeln!(
            svg,
            concat!(
                r##"<g class="cluster"><rect x="{}" y="{}" width="{}" height="{}" rx="12" fill="#f3f5fa" "##,
                r##"stroke="#8a94a6" stroke-width="1.5" stroke-dasharray="6 4"/>"##,
                r#"<text x="{}" y="{}" font-size="16" font-weight="600" fill="{}">{}</text></g>"#
            ),
            num(cluster.x),
            num(cluster.y),
            num(cluster.width),
            num(cluster.height),
            num(cluster.x + 12.0),
            num(cluster.y + 24.0),
            INK,
            escape(&cluster.label),
        );
    }
    for note in &content.notes {
        draw_note(&mut svg, note, content.tally.votes_for(&note.id));
    }
    let by_id: HashMap<&str, &Note> = content.notes.iter().map(|n| (n.id.as_str(), n)).collect();
    for link in &content.links {
        let (Some(from), Some(to)) = (by_id.get(link.from.as_str()), by_id.get(link.to.as_str()))
        else {
            continue;
        };
        let (a, b) = (from.centre(), to.centre());
        if a == b {
            continue;
        }
        let (start, end) = (edge(a, b), edge(b, a));
        let _ = write!(
            svg,
            r#"<g class="link"><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2" marker-end="url(#arrow)"/>"#,
            num(start.0),
            num(start.1),
            num(end.0),
            num(end.1),
            SOFT_INK,
        );
        if !link.label.is_empty() {
            let _ = write!(
                svg,
                concat!(
                    r#"<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{}" "#,
                    r##"stroke="#ffffff" stroke-width="4" paint-order="stroke">{}</text>"##
                ),
                num((start.0 + end.0) / 2.0),
                num((start.1 + end.1) / 2.0 - 4.0),
                INK,
                escape(&link.label),
            );
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    svg
}

fn draw_note(svg: &mut String, note: &Note, votes: u32) {
    let _ = write!(
        svg,
        r##"<g class="note"><rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" stroke="#000000" stroke-opacity="0.12"/>"##,
        num(note.x),
        num(note.y),
        num(NOTE_WIDTH),
        num(NOTE_HEIGHT),
        note.color.fill(),
    );
    let lines = wrap(&note.text, CHARS_PER_LINE, LINES_PER_NOTE);
    if !lines.is_empty() {
        let _ = write!(
            svg,
            r#"<text font-size="{}" fill="{}">"#,
            num(TEXT_SIZE),
            INK
        );
        for (index, line) in lines.iter().enumerate() {
            let _ = write!(
                svg,
                r#"<tspan x="{}" y="{}">{}</tspan>"#,
                num(note.x + NOTE_PADDING),
                num(note.y + NOTE_PADDING + TEXT_SIZE + index as f64 * LINE_HEIGHT),
                escape(line),
            );
        }
        svg.push_str("</text>");
    }
    if !note.author.is_empty() {
        let author = wrap(&note.author, CHARS_PER_LINE + 4, 1);
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" font-size="11" fill="{}">{}</text>"#,
            num(note.x + NOTE_PADDING),
            num(note.y + NOTE_HEIGHT - 8.0),
            SOFT_INK,
            escape(author.first().map_or("", String::as_str)),
        );
    }
    if votes > 0 {
        let (cx, cy) = (note.x + NOTE_WIDTH - 14.0, note.y + 14.0);
        let _ = write!(
            svg,
            concat!(
                r##"<circle cx="{}" cy="{}" r="11" fill="#1d4ed8"/>"##,
                r##"<text x="{}" y="{}" font-size="12" font-weight="700" text-anchor="middle" fill="#ffffff">{}</text>"##
            ),
            num(cx),
            num(cy),
            num(cx),
            num(cy + 4.0),
            votes,
        );
    }
    svg.push_str("</g>\n");
}

/// The smallest rectangle holding every note and cluster, as (min x, min y,
/// max x, max y); a note-sized area at the origin for an empty board.
fn bounds(content: &BoardContent) -> (f64, f64, f64, f64) {
    let rects = content
        .notes
        .iter()
        .map(|n| (n.x, n.y, n.x + NOTE_WIDTH, n.y + NOTE_HEIGHT))
        .chain(
            content
                .clusters
                .iter()
                .map(|c| (c.x, c.y, c.x + c.width, c.y + c.height)),
        );
    rects
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
        .unwrap_or((0.0, 0.0, NOTE_WIDTH, NOTE_HEIGHT))
}

/// Where the segment from note centre `from` towards `to` leaves the note.
fn edge(from: (f64, f64), to: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let scale_x = if dx == 0.0 {
        f64::INFINITY
    } else {
        (NOTE_WIDTH / 2.0) / dx.abs()
    };
    let scale_y = if dy == 0.0 {
        f64::INFINITY
    } else {
        (NOTE_HEIGHT / 2.0) / dy.abs()
    };
    let t = scale_x.min(scale_y).min(1.0);
    (from.0 + dx * t, from.1 + dy * t)
}

/// Splits text into at most `max_lines` lines of at most `width` characters,
/// breaking at spaces where it can and inside words where it must; the last
/// line ends with "…" when text was left out.
pub(crate) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line: Vec<char> = Vec::new();
        for word in paragraph.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                lines.push(std::mem::take(&mut line).into_iter().collect());
            }
            // A word longer than a line is broken where the line ends.
            while word.len() > width {
                let rest = word.split_off(width);
                lines.push(word.into_iter().collect());
                word = rest;
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.extend(word);
        }
        lines.push(line.into_iter().collect());
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width - 1).collect();
            *last = kept.trim_end().to_owned() + "…";
        }
    }
    lines
}

/// Text made safe for SVG content and attribute values (line breaks become
/// spaces: SVG text is laid out line by line here).
pub(crate) fn escape(text: &str) -> String {
    crate::markup::escape(text, crate::markup::Whitespace::Flatten)
}

/// A coordinate with at most two decimals and no "-0".
fn num(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 || !rounded.is_finite() {
        "0".to_owned()
    } else {
        format!("{rounded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_at_spaces_and_inside_long_words() {
        assert_eq!(wrap("plant more trees", 10, 4), ["plant more", "trees"]);
        assert_eq!(wrap("abcdefghijkl", 5, 4), ["abcde", "fghij", "kl"]);
        assert_eq!(wrap("one\n\ntwo", 10, 4), ["one", "", "two"]);
        assert_eq!(wrap("", 10, 4), Vec::<String>::new());
        assert_eq!(wrap("   ", 10, 4), Vec::<String>::new());
    }

    #[test]
    fn text_that_does_not_fit_ends_with_an_ellipsis() {
        assert_eq!(wrap("aa bb cc dd ee", 5, 2), ["aa bb", "cc d…"]);
        assert_eq!(wrap("a\nb\nc", 5, 2), ["a", "b…"]);
        assert_eq!(wrap(&"x".repeat(30), 5, 2), ["xxxxx", "xxxx…"]);
        for text in ["x ".repeat(500), "y".repeat(2_000), "z\n".repeat(50)] {
            let lines = wrap(&text, CHARS_PER_LINE, LINES_PER_NOTE);
            assert!(lines.len() <= LINES_PER_NOTE);
            assert!(lines.iter().all(|l| l.chars().count() <= CHARS_PER_LINE));
            assert!(lines.last().unwrap().ends_with('…'));
        }
    }

    #[test]
    fn everything_xml_treats_specially_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
        assert_eq!(escape("bell\u{7}\u{0}tab\tend\u{FFFF}"), "belltab end");
    }

    #[test]
    fn numbers_have_at_most_two_decimals() {
        assert_eq!(num(10.0), "10");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-12.5), "-12.5");
        assert_eq!(num(1e6), "1000000");
    }

    #[test]
    fn arrows_leave_notes_at_their_edge() {
        assert_eq!(edge((0.0, 0.0), (400.0, 0.0)), (NOTE_WIDTH / 2.0, 0.0));
        assert_eq!(edge((0.0, 0.0), (0.0, -300.0)), (0.0, -NOTE_HEIGHT / 2.0));
        assert_eq!(edge((0.0, 0.0), (10.0, 0.0)), (10.0, 0.0));
    }
}
