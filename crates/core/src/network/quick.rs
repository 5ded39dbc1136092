//! Quick entry for a phone at a town hall: "I am Ana at City Hall; I work with
//! Ben (at the Food Bank) and Chloé" adds the person, the organizations and the
//! ties in one edit, reusing the entries that already exist, and suggestions
//! for the form while someone types.
//!
//! Matching (case, accents and spacing ignored, see [`name_key`]):
//! - an organization with the same name is the same organization;
//! - a person with the same name is the same person when they are at the same
//!   organization, or when one of the two has no organization (the entry then
//!   gains the organization given); the same name at another organization is
//!   another person.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use yrs::TransactionMut;

use super::entry::{
    check_trust, line, CheckedTie, NetworkEditError, NetworkField, NetworkProblem, NewOrganization,
    NewPerson, MAX_NAME_CHARS,
};
use super::model::{NodeRef, OrgId, PersonId, Sector, TieKind};
use super::names::{name_key, suggestions, Suggestion, SuggestionKind};
use super::store::{
    entry_map, insert_organization, insert_person, insert_tie, tied_pairs, write_person_org,
    Snapshot, PEOPLE,
};
use crate::room::{Room, Update};

/// "I am `name` at `organization`; I work with `works_with`".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickEntry {
    pub name: String,
    /// The organization's name; blank for none.
    #[serde(default)]
    pub organization: String,
    /// The sector given to organizations this entry creates.
    #[serde(default = "other_sector")]
    pub sector: Sector,
    #[serde(default)]
    pub works_with: Vec<Colleague>,
    /// The kind of the ties added (collaborates, for "I work with").
    #[serde(default = "collaborates")]
    pub kind: TieKind,
    /// The trust of the ties added, 1–5 (3 unless the person says otherwise).
    #[serde(default = "middle_trust")]
    pub trust: i64,
}

fn other_sector() -> Sector {
    Sector::Other
}
fn collaborates() -> TieKind {
    TieKind::Collaborates
}
fn middle_trust() -> i64 {
    3
}

impl QuickEntry {
    /// An entry with the defaults: sector other, ties "collaborates", trust 3.
    pub fn new(name: &str, organization: &str, works_with: Vec<Colleague>) -> QuickEntry {
        QuickEntry {
            name: name.to_string(),
            organization: organization.to_string(),
            sector: Sector::Other,
            works_with,
            kind: TieKind::Collaborates,
            trust: 3,
        }
    }
}

/// Someone the person works with, optionally at an organization (blank: none given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub name: String,
    #[serde(default)]
    pub organization: String,
}

impl Colleague {
    pub fn new(name: &str, organization: &str) -> Colleague {
        Colleague {
            name: name.to_string(),
            organization: organization.to_string(),
        }
    }
}

/// What a quick entry did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickEntryOutcome {
    pub person: PersonId,
    pub organization: Option<OrgId>,
    /// The colleagues, in the order given (blank rows left out).
    pub colleagues: Vec<PersonId>,
    pub created_people: usize,
    pub created_organizations: usize,
    pub added_ties: usize,
}

/// Existing and newly created entries, by name key, during one quick entry.
struct Directory {
    orgs: HashMap<String, OrgId>,
    /// name key → (person, organization) in creation order.
    people: HashMap<String, Vec<(PersonId, Option<OrgId>)>>,
    client: u64,
    created_people: usize,
    created_organizations: usize,
}

impl Directory {
    fn new(snap: &Snapshot, client: u64) -> Directory {
        let mut orgs = HashMap::new();
        for o in &snap.stored.network.organizations {
            orgs.entry(name_key(&o.name))
                .or_insert_with(|| o.id.clone());
        }
        let mut people: HashMap<String, Vec<(PersonId, Option<OrgId>)>> = HashMap::new();
        for p in &snap.stored.network.people {
            people
                .entry(name_key(&p.name))
                .or_default()
                .push((p.id.clone(), p.organization.clone()));
        }
        Directory {
            orgs,
            people,
            client,
            created_people: 0,
            created_organizations: 0,
        }
    }

    fn organization(
        &mut self,
        txn: &mut TransactionMut<'_>,
        name: &str,
        sector: Sector,
    ) -> Option<OrgId> {
        if name.is_empty() {
            return None;
        }
        let key = name_key(name);
        if let Some(id) = self.orgs.get(&key) {
            return Some(id.clone());
        }
        let org = NewOrganization {
            name: name.to_string(),
            sector,
            tags: Vec::new(),
        };
        let id = insert_organization(txn, self.client, &org);
        self.created_organizations += 1;
        self.orgs.insert(key, id.clone());
        Some(id)
    }

    fn person(
        &mut self,
        txn: &mut TransactionMut<'_>,
        name: &str,
        org: Option<&OrgId>,
    ) -> PersonId {
        let key = name_key(name);
        let candidates = self.people.entry(key).or_default();
        let same = candidates.iter().position(|(_, o)| o.as_ref() == org);
        let found = match org {
            Some(_) => same.or_else(|| candidates.iter().position(|(_, o)| o.is_none())),
            None => (!candidates.is_empty()).then_some(0),
        };
        if let Some(i) = found {
            let (id, current) = &mut candidates[i];
            if current.is_none() {
                if let Some(org) = org {
                    if let Some(map) = entry_map(txn, PEOPLE, id) {
                        write_person_org(txn, &map, org);
                    }
                    *current = Some(org.clone());
                }
            }
            return id.clone();
        }
        let person = NewPerson {
            name: name.to_string(),
            organization: org.cloned(),
            role: String::new(),
            level: None,
        };
        let id = insert_person(txn, self.client, &person);
        self.created_people += 1;
        candidates.push((id.clone(), org.cloned()));
        id
    }
}

impl Room {
    /// Adds a person, their organization, the people they work with and the
    /// ties between them in one edit, reusing existing entries by name.
    pub fn quick_entry(
        &mut self,
        entry: QuickEntry,
    ) -> Result<(Update, QuickEntryOutcome), NetworkEditError> {
        let name = line(NetworkField::Name, &entry.name, MAX_NAME_CHARS, true)?;
        let organization = line(
            NetworkField::Organization,
            &entry.organization,
            MAX_NAME_CHARS,
            false,
        )?;
        let trust = check_trust(entry.trust)?;
        let mut colleagues = Vec::new();
        for (i, c) in entry.works_with.iter().enumerate() {
            let n = i + 1;
            let cname = line(NetworkField::WorksWith(n), &c.name, MAX_NAME_CHARS, false)?;
            let corg = line(
                NetworkField::WorksWithOrganization(n),
                &c.organization,
                MAX_NAME_CHARS,
                false,
            )?;
            if cname.is_empty() {
                if corg.is_empty() {
                    continue;
                }
                return Err(NetworkEditError::invalid(
                    NetworkField::WorksWith(n),
                    NetworkProblem::ColleagueNeedsName,
                ));
            }
            if name_key(&cname) == name_key(&name)
                && (corg.is_empty() || name_key(&corg) == name_key(&organization))
            {
                return Err(NetworkEditError::invalid(
                    NetworkField::WorksWith(n),
                    NetworkProblem::ColleagueIsSelf,
                ));
            }
            colleagues.push((cname, corg));
        }
        let client = self.client().get();
        // Read before the edit: the room's copy is up to date until it starts.
        let snap = self.network_snapshot();
        let (outcome, update) = self.edit(|txn, _| {
            let mut tied = tied_pairs(&snap.stored.network);
            let mut dir = Directory::new(&snap, client);
            let org = dir.organization(txn, &organization, entry.sector);
            let me = dir.person(txn, &name, org.as_ref());
            let mut ids = Vec::new();
            let mut added_ties = 0;
            for (cname, corg) in &colleagues {
                let their_org = dir.organization(txn, corg, entry.sector);
                let them = dir.person(txn, cname, their_org.as_ref());
                if ids.contains(&them) {
                    continue;
                }
                ids.push(them.clone());
                if them == me {
                    continue;
                }
                let (a, b) = (NodeRef::person(me.clone()), NodeRef::person(them.clone()));
                let pair = if a <= b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                if tied.contains_key(&pair) {
                    continue;
                }
                tied.insert(pair, usize::MAX);
                let tie = CheckedTie {
                    from: a,
                    to: b,
                    kind: entry.kind,
                    trust,
                    directed: false,
                    note: String::new(),
                };
                insert_tie(txn, client, &tie);
                added_ties += 1;
            }
            Ok::<_, NetworkEditError>(QuickEntryOutcome {
                person: me,
                organization: org,
                colleagues: ids,
                created_people: dir.created_people,
                created_organizations: dir.created_organizations,
                added_ties,
            })
        })?;
        Ok((update, outcome))
    }

    /// People whose name starts with `prefix` (or has a word that does), for
    /// a form's autocomplete; at most `limit`.
    pub fn suggest_people(&self, prefix: &str, limit: usize) -> Vec<Suggestion> {
        suggestions(&self.network(), prefix, SuggestionKind::People, limit)
    }

    /// Organizations whose name starts with `prefix` (or has a word that does).
    pub fn suggest_organizations(&self, prefix: &str, limit: usize) -> Vec<Suggestion> {
        suggestions(
            &self.network(),
            prefix,
            SuggestionKind::Organizations,
            limit,
        )
    }
}
