//! Applying an imported network to the room: the whole file is checked first
//! (an invalid one changes nothing), then its entries are added in one edit
//! ([`Room::apply_network`]) or in parts ([`Room::start_network_import`] and
//! [`Room::continue_network_import`]), each part one transaction, so that a
//! page adding 20,000 entries can let the browser draw and take input between
//! parts. The parts of one import undo as one step.
//!
//! Organizations and people that already exist (same name, ignoring case and
//! accents; a person also at the same organization or with none) are reused,
//! and a tie the room already holds (same ends, kind, direction) is not added
//! again, so importing one file twice changes nothing. Entries of the file
//! itself are never merged with each other. What "already exists" means is
//! read once, when the import starts.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::entry::{check_tags, note, CheckedTie, NewOrganization, NewPerson, MAX_NAME_CHARS};
use super::model::{Network, NetworkError, NodeRef, OrgId, PersonId, TieKind};
use super::names::name_key;
use super::store::{
    entry_map, insert_organization, insert_person, insert_tie, tie_key, write_person_org, PEOPLE,
};
use crate::room::{Room, Update};

/// What applying an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedImport {
    pub created_organizations: usize,
    pub matched_organizations: usize,
    pub created_people: usize,
    pub matched_people: usize,
    pub added_ties: usize,
    /// Ties left out because the room already holds the same tie.
    pub skipped_ties: usize,
}

/// A tie's identity for "the room already holds this tie".
type TieKey = (NodeRef, NodeRef, TieKind, bool);

/// An import under way: the checked network, what the room held when it
/// started, and how far it got. Made by [`Room::start_network_import`].
#[derive(Debug)]
pub struct NetworkImport {
    imported: Network,
    /// Existing organizations by name key.
    org_by_key: HashMap<String, OrgId>,
    /// Existing people by name key: their ids and organizations.
    people_by_key: HashMap<String, Vec<(PersonId, Option<OrgId>)>>,
    /// The file's organization ids → the room's.
    org_ids: HashMap<String, OrgId>,
    /// The file's person ids → the room's.
    person_ids: HashMap<String, PersonId>,
    /// Ties the room holds or this import added.
    have: HashSet<TieKey>,
    /// Entries done, counting organizations, then people, then ties.
    done: usize,
    summary: AppliedImport,
}

impl NetworkImport {
    /// Entries in the file: organizations, people and ties.
    pub fn total(&self) -> usize {
        self.imported.organizations.len() + self.imported.people.len() + self.imported.ties.len()
    }

    /// Entries applied so far.
    pub fn done(&self) -> usize {
        self.done
    }

    pub fn finished(&self) -> bool {
        self.done >= self.total()
    }

    /// What the import did so far (all of it once [`NetworkImport::finished`]).
    pub fn summary(&self) -> &AppliedImport {
        &self.summary
    }
}

impl Room {
    /// Adds an imported network to the room in one edit (see the module's
    /// documentation for what is reused). The network is checked first; an
    /// invalid one changes nothing.
    pub fn apply_network(
        &mut self,
        imported: &Network,
    ) -> Result<(Update, AppliedImport), NetworkError> {
        let mut import = self.start_network_import(imported.clone())?;
        let update = self.continue_network_import(&mut import, usize::MAX);
        Ok((update, import.summary))
    }

    /// Checks `imported` whole and reads what the room holds, changing
    /// nothing; [`Room::continue_network_import`] then adds it in parts.
    /// Until the last part, the room's other network edits join the import's
    /// undo step and "Undo" in the network view waits (does nothing).
    pub fn start_network_import(&self, imported: Network) -> Result<NetworkImport, NetworkError> {
        imported.validate()?;
        let stored = self.stored_network();
        let existing = &stored.network;
        let mut org_by_key = HashMap::new();
        for o in &existing.organizations {
            org_by_key
                .entry(name_key(&o.name))
                .or_insert_with(|| o.id.clone());
        }
        let mut people_by_key: HashMap<String, Vec<(PersonId, Option<OrgId>)>> = HashMap::new();
        for p in &existing.people {
            let key = name_key(&p.name);
            if !key.is_empty() {
                people_by_key
                    .entry(key)
                    .or_default()
                    .push((p.id.clone(), p.organization.clone()));
            }
        }
        let have = existing.ties.iter().map(tie_key).collect();
        Ok(NetworkImport {
            imported,
            org_by_key,
            people_by_key,
            org_ids: HashMap::new(),
            person_ids: HashMap::new(),
            have,
            done: 0,
            summary: AppliedImport::default(),
        })
    }

    /// Adds the next `max_entries` entries of `import` (organizations, then
    /// people, then ties) in one transaction and returns its update (empty
    /// once the import is finished). The parts of one import are one undo step.
    pub fn continue_network_import(
        &mut self,
        import: &mut NetworkImport,
        max_entries: usize,
    ) -> Update {
        if import.finished() {
            return self.record_local(yrs::Update::EMPTY_V1.to_vec());
        }
        let first_part = import.done == 0;
        let client = self.client().get();
        self.network_import_open = !first_part;
        let ((), update) = self
            .edit(|txn, _| {
                add_entries(txn, client, import, max_entries.max(1));
                Ok::<_, std::convert::Infallible>(())
            })
            .unwrap_or_else(|never| match never {});
        self.network_import_open = !import.finished();
        update
    }
}

/// A name as the room stores it: one line of at most [`MAX_NAME_CHARS`]
/// characters; a blank name becomes `fallback` (the entry's id in the file).
fn clean_name(name: &str, fallback: &str) -> String {
    let one_line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let trimmed = one_line.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = if trimmed.is_empty() {
        fallback.trim()
    } else {
        &trimmed
    };
    name.chars().take(MAX_NAME_CHARS).collect()
}

fn add_entries(
    txn: &mut yrs::TransactionMut<'_>,
    client: u64,
    import: &mut NetworkImport,
    max_entries: usize,
) {
    let (n_orgs, n_people) = (
        import.imported.organizations.len(),
        import.imported.people.len(),
    );
    let end = import.done.saturating_add(max_entries).min(import.total());
    while import.done < end {
        let i = import.done;
        if i < n_orgs {
            add_organization(txn, client, import, i);
        } else if i < n_orgs + n_people {
            add_person(txn, client, import, i - n_orgs);
        } else {
            add_tie(txn, client, import, i - n_orgs - n_people);
        }
        import.done += 1;
    }
}

fn add_organization(
    txn: &mut yrs::TransactionMut<'_>,
    client: u64,
    import: &mut NetworkImport,
    i: usize,
) {
    let o = &import.imported.organizations[i];
    let existing = import
        .org_by_key
        .get(&name_key(&o.name))
        .filter(|_| !o.name.trim().is_empty());
    let id = match existing {
        Some(id) => {
            import.summary.matched_organizations += 1;
            id.clone()
        }
        None => {
            import.summary.created_organizations += 1;
            let fields = NewOrganization {
                name: clean_name(&o.name, &o.id),
                sector: o.sector,
                tags: check_tags(&o.tags),
            };
            insert_organization(txn, client, &fields)
        }
    };
    import.org_ids.insert(o.id.clone(), id);
}

fn add_person(
    txn: &mut yrs::TransactionMut<'_>,
    client: u64,
    import: &mut NetworkImport,
    i: usize,
) {
    let p = &import.imported.people[i];
    let org = p
        .organization
        .as_deref()
        .and_then(|o| import.org_ids.get(o))
        .cloned();
    let matched = import
        .people_by_key
        .get(&name_key(&p.name))
        .and_then(|same_name| {
            same_name
                .iter()
                .find(|(_, their_org)| *their_org == org || their_org.is_none() || org.is_none())
        });
    let id = match matched {
        Some((id, their_org)) => {
            import.summary.matched_people += 1;
            if their_org.is_none() {
                if let Some(org) = &org {
                    if let Some(map) = entry_map(txn, PEOPLE, id) {
                        write_person_org(txn, &map, org);
                    }
                }
            }
            id.clone()
        }
        None => {
            import.summary.created_people += 1;
            let fields = NewPerson {
                name: clean_name(&p.name, &p.id),
                organization: org,
                role: clean_name(&p.role, ""),
                level: p.level,
            };
            insert_person(txn, client, &fields)
        }
    };
    import.person_ids.insert(p.id.clone(), id);
}

fn add_tie(txn: &mut yrs::TransactionMut<'_>, client: u64, import: &mut NetworkImport, i: usize) {
    let t = &import.imported.ties[i];
    // Both ends are in the file (the network was checked), so mapped above.
    let map_end = |n: &NodeRef| match n {
        NodeRef::Person(id) => NodeRef::person(import.person_ids[id.as_str()].clone()),
        NodeRef::Organization(id) => NodeRef::organization(import.org_ids[id.as_str()].clone()),
    };
    let (from, to) = (map_end(&t.from), map_end(&t.to));
    let mut tie = t.clone();
    tie.from = from.clone();
    tie.to = to.clone();
    if from == to || !import.have.insert(tie_key(&tie)) {
        import.summary.skipped_ties += 1;
        return;
    }
    let note = note(&t.note).unwrap_or_else(|_| {
        t.note
            .chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .take(super::entry::MAX_NOTE_CHARS)
            .collect()
    });
    insert_tie(
        txn,
        client,
        &CheckedTie {
            from,
            to,
            kind: t.kind,
            trust: t.trust,
            directed: t.directed,
            note,
        },
    );
    import.summary.added_ties += 1;
}
