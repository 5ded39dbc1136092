//! Matching names the way people type them at a town hall: "Ana María",
//! "ana maria" and "ANA  MARIA" are the same person, so quick entry and
//! imports find existing entries instead of creating duplicates; and the
//! suggestions a form offers while someone types.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::model::{Network, NodeRef};

/// The form of a name that matching compares: accents removed (compatibility
/// decomposition without combining marks), lower case, spaces collapsed.
pub fn name_key(name: &str) -> String {
    let folded: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
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
    let mut found: Vec<(u8, String, Suggestion)> = match kind {
        SuggestionKind::People => network
            .people
            .iter()
            .filter_map(|p| {
                let r = rank(&p.name)?;
                let detail = p
                    .organization
                    .as_ref()
                    .and_then(|o| network.organizations.iter().find(|x| &x.id == o))
                    .map(|o| o.name.clone())
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
        assert_eq!(name_key("Zoë Ørsted"), "zoe ørsted");
        assert_ne!(name_key("Ana"), name_key("Anna"));
    }
}
