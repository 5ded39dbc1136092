//! What the Share dialog shows, computed natively: QR codes of links (as an SVG
//! path the app draws), and the `<iframe>` snippets that embed a room's views
//! in another page. Embeds always use the view-only link: a page that shows a
//! room to its visitors must never hand them the write key.

use std::fmt::Write as _;

use qrcodegen::{QrCode, QrCodeEcc};

use crate::link::RoomLink;

/// Modules of white margin around a QR code (the standard asks for 4).
pub const QR_QUIET_ZONE: usize = 4;

/// A QR code ready to draw: the side in modules (margin included) and one SVG
/// path (`d`) of unit squares for the dark modules, in that coordinate space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    pub side: usize,
    pub path: String,
}

/// Why a QR code could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    #[error("this text ({len} characters) is too long for a QR code")]
    TooLong { len: usize },
}

/// The QR code of `text` at medium error correction (a link read off a
/// projector or a phone screen).
pub fn qr_svg(text: &str) -> Result<QrSvg, QrError> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| QrError::TooLong { len: text.len() })?;
    let size = code.size() as usize;
    let mut path = String::with_capacity(size * size * 3);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x as i32, y as i32) {
                x += 1;
                continue;
            }
            // One rectangle per horizontal run of dark modules keeps the path short.
            let start = x;
            while x < size && code.get_module(x as i32, y as i32) {
                x += 1;
            }
            let _ = write!(path, "M{} {}h{}v1h-{}z", start + QR_QUIET_ZONE, y + QR_QUIET_ZONE, x - start, x - start);
        }
    }
    Ok(QrSvg { side: size + 2 * QR_QUIET_ZONE, path })
}

/// What an embed shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedTarget {
    /// The network map.
    Network,
    /// One goal, by id, and its title (for the frame's accessible name).
    Goal { id: String, title: String },
    /// The accountability view (who committed to what, and what was done).
    Accountability,
}

impl EmbedTarget {
    fn path(&self) -> String {
        match self {
            EmbedTarget::Network => "network".to_owned(),
            EmbedTarget::Goal { id, .. } => format!("goal/{id}"),
            EmbedTarget::Accountability => "accountability".to_owned(),
        }
    }

    fn title(&self) -> String {
        match self {
            EmbedTarget::Network => "Network map".to_owned(),
            EmbedTarget::Goal { title, .. } => format!("Goal: {title}"),
            EmbedTarget::Accountability => "Accountability".to_owned(),
        }
    }
}

/// The embed address of `target` in `link`'s room, at `origin`
/// (`https://host`): `/embed/{room}/{what}#k=…`, always without the write key.
pub fn embed_url(origin: &str, link: &RoomLink, target: &EmbedTarget) -> String {
    let view = link.view_only();
    let mut url = format!("{}/embed/{}/{}", origin.trim_end_matches('/'), view.room, target.path());
    if let Some(key) = &view.key {
        url.push_str("#k=");
        url.push_str(&key.encode());
    }
    url
}

/// The `<iframe>` to paste into another page to show `target`, titled in
/// English (see [`embed_snippet_titled`] for the reader's language).
pub fn embed_snippet(origin: &str, link: &RoomLink, target: &EmbedTarget) -> String {
    embed_snippet_titled(origin, link, target, &target.title())
}

/// The `<iframe>` to paste into another page to show `target`, with `title`
/// (the frame's accessible name, in the language the app is shown in).
pub fn embed_snippet_titled(origin: &str, link: &RoomLink, target: &EmbedTarget, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" style=\"border:0\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>",
        escape_attribute(&embed_url(origin, link, target)),
        escape_attribute(title),
    )
}

fn escape_attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_draws_its_dark_modules_inside_the_quiet_zone() {
        let link = "https://constellation.example/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/board#k=BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
        let qr = qr_svg(link).unwrap();
        let code = QrCode::encode_text(link, QrCodeEcc::Medium).unwrap();
        assert_eq!(qr.side, code.size() as usize + 8);
        // The path's rectangles cover exactly the dark modules.
        let mut dark = 0;
        for rect in qr.path.split('M').filter(|r| !r.is_empty()) {
            let nums: Vec<usize> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            let (x, y, w) = (nums[0], nums[1], nums[2]);
            assert!(x >= QR_QUIET_ZONE && y >= QR_QUIET_ZONE && x + w <= qr.side - QR_QUIET_ZONE);
            for i in 0..w {
                assert!(code.get_module((x + i - 4) as i32, (y - 4) as i32));
            }
            dark += w;
        }
        let expected = (0..code.size()).flat_map(|y| (0..code.size()).map(move |x| (x, y))).filter(|&(x, y)| code.get_module(x, y)).count();
        assert_eq!(dark, expected);
    }

    #[test]
    fn text_too_long_for_a_qr_code_is_refused() {
        let long = "x".repeat(5000);
        assert_eq!(qr_svg(&long), Err(QrError::TooLong { len: 5000 }));
    }

    #[test]
    fn embeds_use_the_view_only_link_and_escape_titles() {
        let link = RoomLink::new_room([1; 32], [2; 32]);
        let key = link.key.as_ref().unwrap().encode();
        let url = embed_url("https://c.example/", &link, &EmbedTarget::Network);
        assert_eq!(url, format!("https://c.example/embed/{}/network#k={key}", link.room));
        let goal = EmbedTarget::Goal { id: "g1".into(), title: "Clean \"river\" <now>".into() };
        let snippet = embed_snippet("https://c.example", &link, &goal);
        assert!(snippet.contains(&format!("/embed/{}/goal/g1#k={key}", link.room)), "{snippet}");
        assert!(snippet.contains("title=\"Goal: Clean &quot;river&quot; &lt;now&gt;\""), "{snippet}");
        assert!(!snippet.contains("w="), "an embed never carries the write key: {snippet}");
        assert!(embed_snippet("https://c.example", &link, &EmbedTarget::Accountability).contains("/accountability#k="));
        // The app gives the title in its reader's language.
        let titled = embed_snippet_titled("https://c.example", &link, &goal, "Objectif : « rivière » & <co>");
        assert!(titled.contains("title=\"Objectif : « rivière » &amp; &lt;co&gt;\""), "{titled}");
        assert!(titled.contains(&format!("/embed/{}/goal/g1#k={key}", link.room)), "{titled}");
    }
}
