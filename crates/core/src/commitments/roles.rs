//! The roles participants hold in the coalition (initiator, facilitator,
//! program manager, media director, media liaison, subject-matter expert,
//! enabler/broker).
//!
//! Root map `roles` holds one key per role held, `"{role}:{participant}"` →
//! true, so two people giving one participant different roles at the same time
//! both keep theirs (a nested map per participant would lose one of two maps
//! created at once).

use yrs::{Any, Map};

use super::error::CommitmentError;
use super::model::{ParticipantRoles, Role};
use super::validate::{required, MAX_PARTICIPANT_CHARS};
use super::{CommitmentField, ROLES};
use crate::goals::{plain_values, root, root_mut};
use crate::room::{Room, Update};

impl Room {
    /// Gives a participant a role. Giving a role they hold changes nothing.
    pub fn assign_role(
        &mut self,
        participant: &str,
        role: Role,
    ) -> Result<Update, CommitmentError> {
        let participant = required(
            participant,
            CommitmentField::Participant,
            MAX_PARTICIPANT_CHARS,
        )?;
        let ((), update) = self.edit(|txn, _| {
            let key = role_key(role, &participant);
            let roles = root_mut(txn, ROLES);
            if roles.get(txn, &key).is_none() {
                roles.insert(txn, key, Any::Bool(true));
            }
            Ok(())
        })?;
        Ok(update)
    }

    /// Takes a role from a participant.
    pub fn unassign_role(
        &mut self,
        participant: &str,
        role: Role,
    ) -> Result<Update, CommitmentError> {
        let participant = participant.trim().to_string();
        let ((), update) = self.edit(|txn, _| {
            let key = role_key(role, &participant);
            let held = root(txn, ROLES).is_some_and(|roles| roles.get(txn, &key).is_some());
            if !held {
                return Err(CommitmentError::RoleNotHeld {
                    participant: participant.clone(),
                    role,
                });
            }
            root_mut(txn, ROLES).remove(txn, &key);
            Ok(())
        })?;
        Ok(update)
    }

    /// Every participant holding a role, by name, with their roles.
    pub fn roles(&self) -> Vec<ParticipantRoles> {
        let mut pairs: Vec<(String, Role)> = self.read(|txn, _| match root(txn, ROLES) {
            Some(roles) => plain_values(txn, &roles)
                .into_iter()
                .filter(|(_, value)| matches!(value, Any::Bool(true)))
                .filter_map(|(key, _)| {
                    let (role, participant) = key.split_once(':')?;
                    Some((participant.to_string(), Role::from_name(role)?))
                })
                .collect(),
            None => Vec::new(),
        });
        pairs.sort();
        let mut list: Vec<ParticipantRoles> = Vec::new();
        for (participant, role) in pairs {
            match list.last_mut() {
                Some(last) if last.participant == participant => last.roles.push(role),
                _ => list.push(ParticipantRoles {
                    participant,
                    roles: vec![role],
                }),
            }
        }
        list
    }

    /// The participants holding one role, by name.
    pub fn role_holders(&self, role: Role) -> Vec<String> {
        self.roles()
            .into_iter()
            .filter(|p| p.roles.contains(&role))
            .map(|p| p.participant)
            .collect()
    }
}

fn role_key(role: Role, participant: &str) -> String {
    format!("{}:{participant}", role.name())
}
