//! Matching names the way people type them at a town hall: "Ana María",
//! "ana maria" and "ANA  MARIA" are the same person, so quick entry and
//! imports find existing entries instead of creating duplicates; and the
//! suggestions a form offers while someone types.
//!
//! Accents are folded with a small table of the Latin letters (Latin-1,
//! Latin Extended-A and -B, Latin Extended Additional, which covers
//! Vietnamese) rather than full Unicode decomposition: the
//! `unicode-normalization` crate's tables added about 100 KB (45 KB gzipped)
//! to the WebAssembly bundle for this one use. Letters of other scripts are
//! compared by lower case only.

use super::model::{Network, NodeRef};

/// The base letter of U+00C0..U+024F, `.` where there is none (generated
/// from Unicode's canonical decompositions).
const LATIN: &[u8; 400] = b"aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.\
...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.\
................................oo.............uu...............\
.............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............\
................";

/// The base letter of U+1E00..U+1EFF (Latin Extended Additional).
const LATIN_ADDITIONAL: &[u8; 256] =
    b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

/// What a letter folds to, if it is a Latin letter with a mark or a ligature.
fn fold(c: char) -> Option<&'static str> {
    const LETTERS: [&str; 26] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    let cp = c as u32;
    let base = match cp {
        0xC0..=0x24F => LATIN[(cp - 0xC0) as usize],
        0x1E00..=0x1EFF => LATIN_ADDITIONAL[(cp - 0x1E00) as usize],
        _ => b'.',
    };
    if base != b'.' {
        return Some(LETTERS[(base - b'a') as usize]);
    }
    match c {
        'ß' | 'ẞ' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'ø' | 'Ø' => Some("o"),
        'đ' | 'Đ' => Some("d"),
        'ł' | 'Ł' => Some("l"),
        'ı' => Some("i"),
        _ => None,
    }
}

/// The form of a name that matching compares: Latin accents removed, lower
/// case, spaces collapsed.
pub fn name_key(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue; // a combining accent typed separately
        }
        match fold(c) {
            Some(base) => folded.push_str(base),
            None => folded.extend(c.to_lowercase()),
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which entries a suggestion list offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    People,
    Organizations,
}

/// One name a form may offer while someone types.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suggestion {
    pub node: NodeRef,
    pub name: String,
    /// What tells two equal names apart: a person's organization, an
    /// organization's sector.
    pub detail: String,
}

/// Entries whose name starts with `prefix`, or has a word that does (case and
/// accents ignored): whole-name matches first, then alphabetically; at most
/// `limit`. An empty prefix suggests nothing.
pub fn suggestions(
    network: &Network,
    prefix: &str,
    kind: SuggestionKind,
    limit: usize,
) -> Vec<Suggestion> {
    let prefix = name_key(prefix);
    if prefix.is_empty() {
        return Vec::new();
    }
    let rank = |name: &str| -> Option<u8> {
        let key = name_key(name);
        if key.starts_with(&prefix) {
            Some(0)
        } else if key
            .char_indices()
            .any(|(i, c)| c == ' ' && key[i + 1..].starts_with(&prefix))
        {
            Some(1)
        } else {
            None
        }
    };
    let org_names: std::collections::HashMap<&str, &str> = network
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    let mut found: Vec<(u8, String, Suggestion)> = match kind {
        SuggestionKind::People => network
            .people
            .iter()
            .filter_map(|p| {
                let r = rank(&p.name)?;
                let detail = p
                    .organization
                    .as_ref()
                    .and_then(|o| org_names.get(o.as_str()))
                    .map(|name| name.to_string())
                    .unwrap_or_default();
                Some((
                    r,
                    name_key(&p.name),
                    Suggestion {
                        node: NodeRef::person(p.id.clone()),
                        name: p.name.clone(),
                        detail,
                    },
                ))
            })
            .collect(),
        SuggestionKind::Organizations => network
            .organizations
            .iter()
            .filter_map(|o| {
                Some((
                    rank(&o.name)?,
                    name_key(&o.name),
                    Suggestion {
                        node: NodeRef::organization(o.id.clone()),
                        name: o.name.clone(),
                        detail: o.sector.label().to_string(),
                    },
                ))
            })
            .collect(),
    };
    found.sort_by(|a, b| (a.0, &a.1, &a.2.detail).cmp(&(b.0, &b.1, &b.2.detail)));
    found.into_iter().take(limit).map(|(_, _, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_accents_and_spacing() {
        assert_eq!(name_key("  Ana  MARÍA "), "ana maria");
        assert_eq!(name_key("Ana María"), name_key("ana maria"));
        assert_eq!(name_key("Zoë Ørsted"), "zoe orsted");
        assert_eq!(name_key("Nguyễn Thị Ánh"), "nguyen thi anh");
        assert_eq!(
            name_key("Ana Mari\u{301}a"),
            "ana maria",
            "a separately typed accent"
        );
        assert_eq!(name_key("Straße Łódź"), "strasse lodz");
        assert_eq!(name_key("Ολγα"), "ολγα");
        assert_ne!(name_key("Ana"), name_key("Anna"));
    }
}
