//! Commitments and check-ins in the room document.
//!
//! A commitment is a nested map, so a partner updating its status while another
//! person corrects the description keeps both. Its status and the day it
//! changed are one plain value ({`value`, `date`}), so a status never carries
//! the date of another change. A check-in is a nested map naming its commitment,
//! with its responses in a nested map (response id → {kind, by, date, text}):
//! any number of people can acknowledge or question it at once.
//!
//! A commitment whose goal or indicator is deleted stays (the promise was made)
//! and says so through `toward_exists`. Check-ins of a deleted commitment are
//! not shown.

use std::collections::HashSet;

use yrs::{Any, Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use super::error::CommitmentError;
use super::model::{
    CheckIn, CheckInId, Commitment, CommitmentId, CommitmentKind, CommitmentStatus,
    CommitmentsView, Response, ResponseId, ResponseKind, Toward,
};
use super::validate::{
    check_amount, check_check_in, check_commitment, check_response, NewCheckIn, NewCommitment,
    NewResponse, StatusChange,
};
use super::{CHECK_INS, COMMITMENTS};
use crate::goals::{
    self, creation_order, date_any, entries, entry, goals_in, indicators_in, new_id, read_date,
    read_record, root_mut, set, text_any, unset, Date, GoalId, IndicatorId, Record,
};
use crate::room::{Room, Update};
use crate::values::{read_number, read_string};

const ORGANIZATION: &str = "organization";
const KIND: &str = "kind";
const DESCRIPTION: &str = "description";
const AMOUNT: &str = "amount";
const UNIT: &str = "unit";
const TOWARD: &str = "toward";
const ID: &str = "id";
const DUE: &str = "due";
const MADE_ON: &str = "made_on";
const STATUS: &str = "status";
const VALUE: &str = "value";
const DATE: &str = "date";
const DELIVERED: &str = "delivered";
const COMMITMENT: &str = "commitment";
const BY: &str = "by";
const TEXT: &str = "text";
const EVIDENCE: &str = "evidence";
const RESPONSES: &str = "responses";

impl Room {
    /// Records a partner's commitment, `planned` as of the day it is made.
    pub fn add_commitment(
        &mut self,
        commitment: NewCommitment,
    ) -> Result<(Update, CommitmentId), CommitmentError> {
        let commitment = check_commitment(&commitment)?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            check_toward(txn, &commitment.toward)?;
            let id = CommitmentId::new(new_id(txn, client));
            let map = root_mut(txn, COMMITMENTS).insert(txn, id.as_str(), MapPrelim::default());
            write_commitment(txn, &map, &commitment);
            let status = status_record(CommitmentStatus::Planned, commitment.made_on);
            set(txn, &map, STATUS, status);
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// Rewrites what a commitment promises (only the fields that changed). Its
    /// status is changed with [`Room::set_commitment_status`].
    pub fn edit_commitment(
        &mut self,
        id: &CommitmentId,
        commitment: NewCommitment,
    ) -> Result<Update, CommitmentError> {
        let commitment = check_commitment(&commitment)?;
        let ((), update) = self.edit(|txn, _| {
            let map = commitment_map(txn, id)?;
            check_toward(txn, &commitment.toward)?;
            write_commitment(txn, &map, &commitment);
            Ok(())
        })?;
        Ok(update)
    }

    /// Moves a commitment to a status on a day, with the amount delivered so
    /// far where an amount applies (`None` leaves the recorded amount as is).
    pub fn set_commitment_status(
        &mut self,
        id: &CommitmentId,
        change: StatusChange,
    ) -> Result<Update, CommitmentError> {
        if let Some(delivered) = change.delivered {
            check_amount(delivered, super::CommitmentField::Delivered)?;
        }
        let ((), update) = self.edit(|txn, _| {
            let map = commitment_map(txn, id)?;
            if let Some(made_on) = read_date(txn, &map, MADE_ON).filter(|made| change.date < *made)
            {
                return Err(CommitmentError::BeforeCommitment {
                    date: change.date,
                    made_on,
                });
            }
            set(txn, &map, STATUS, status_record(change.status, change.date));
            if let Some(delivered) = change.delivered {
                set(txn, &map, DELIVERED, Any::from(delivered));
            }
            Ok(())
        })?;
        Ok(update)
    }

    /// Deletes a commitment and its check-ins.
    pub fn delete_commitment(&mut self, id: &CommitmentId) -> Result<Update, CommitmentError> {
        let ((), update) = self.edit(|txn, _| {
            commitment_map(txn, id)?;
            let check_ins: Vec<String> = entries(txn, CHECK_INS)
                .into_iter()
                .filter(|(_, map)| {
                    read_string(txn, map, COMMITMENT).as_deref() == Some(id.as_str())
                })
                .map(|(check_in, _)| check_in)
                .collect();
            let root = root_mut(txn, CHECK_INS);
            for check_in in check_ins {
                root.remove(txn, &check_in);
            }
            root_mut(txn, COMMITMENTS).remove(txn, id.as_str());
            Ok(())
        })?;
        Ok(update)
    }

    /// Every commitment, in the order they were made.
    pub fn commitments(&self) -> Vec<Commitment> {
        self.read(|txn, _| commitments_in(txn))
    }

    pub fn commitment(&self, id: &CommitmentId) -> Option<Commitment> {
        self.commitments().into_iter().find(|c| &c.id == id)
    }

    /// A partner reports progress on one of its commitments.
    pub fn add_check_in(
        &mut self,
        commitment: &CommitmentId,
        check_in: NewCheckIn,
    ) -> Result<(Update, CheckInId), CommitmentError> {
        let check_in = check_check_in(&check_in).map_err(|mut problems| problems.remove(0))?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            let map = commitment_map(txn, commitment)?;
            if let Some(made_on) =
                read_date(txn, &map, MADE_ON).filter(|made| check_in.date < *made)
            {
                return Err(CommitmentError::BeforeCommitment {
                    date: check_in.date,
                    made_on,
                });
            }
            let id = CheckInId::new(new_id(txn, client));
            let entry = root_mut(txn, CHECK_INS).insert(txn, id.as_str(), MapPrelim::default());
            set(txn, &entry, COMMITMENT, text_any(commitment.as_str()));
            set(txn, &entry, DATE, date_any(check_in.date));
            set(txn, &entry, BY, text_any(&check_in.by));
            set(txn, &entry, TEXT, text_any(&check_in.text));
            set(txn, &entry, EVIDENCE, text_any(&check_in.evidence));
            entry.insert(txn, RESPONSES, MapPrelim::default());
            Ok(id)
        })?;
        Ok((update, id))
    }

    pub fn delete_check_in(&mut self, id: &CheckInId) -> Result<Update, CommitmentError> {
        let ((), update) = self.edit(|txn, _| {
            check_in_map(txn, id)?;
            root_mut(txn, CHECK_INS).remove(txn, id.as_str());
            Ok(())
        })?;
        Ok(update)
    }

    /// Anyone acknowledges, questions or answers a check-in: accountability runs
    /// between all partners, not only up to a backbone.
    pub fn respond_to_check_in(
        &mut self,
        check_in: &CheckInId,
        response: NewResponse,
    ) -> Result<(Update, ResponseId), CommitmentError> {
        let response = check_response(&response)?;
        let client = self.client().get();
        let (id, update) = self.edit(|txn, _| {
            let map = check_in_map(txn, check_in)?;
            let responses = match map.get(txn, RESPONSES) {
                Some(Out::YMap(responses)) => responses,
                _ => map.insert(txn, RESPONSES, MapPrelim::default()),
            };
            let id = ResponseId::new(new_id(txn, client));
            let record = Record::new()
                .with(KIND, text_any(response.kind.name()))
                .with(BY, text_any(&response.by))
                .with(DATE, date_any(response.date))
                .with(TEXT, text_any(&response.text));
            responses.insert(txn, id.as_str(), record.into_any());
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// The check-ins of one commitment, by date then creation.
    pub fn check_ins(&self, commitment: &CommitmentId) -> Vec<CheckIn> {
        let mut list = self.all_check_ins();
        list.retain(|c| &c.commitment == commitment);
        list
    }

    /// Every check-in of an existing commitment, by date then creation.
    pub fn all_check_ins(&self) -> Vec<CheckIn> {
        self.read(|txn, _| check_ins_in(txn))
    }

    /// Everything the commitments part of the room holds, in canonical order.
    pub fn commitments_view(&self) -> CommitmentsView {
        CommitmentsView {
            commitments: self.commitments(),
            check_ins: self.all_check_ins(),
            roles: self.roles(),
        }
    }
}

fn check_toward<T: ReadTxn>(txn: &T, toward: &Toward) -> Result<(), CommitmentError> {
    match toward {
        Toward::Goal(goal) if !goals_in(txn).iter().any(|g| &g.id == goal) => {
            Err(CommitmentError::UnknownGoal(goal.clone()))
        }
        Toward::Indicator(indicator) if !indicators_in(txn).iter().any(|i| &i.id == indicator) => {
            Err(CommitmentError::UnknownIndicator(indicator.clone()))
        }
        _ => Ok(()),
    }
}

fn commitment_map<T: ReadTxn>(txn: &T, id: &CommitmentId) -> Result<MapRef, CommitmentError> {
    entry(txn, COMMITMENTS, id.as_str())
        .ok_or_else(|| CommitmentError::UnknownCommitment(id.clone()))
}

/// A shown check-in's map: one whose commitment still exists.
fn check_in_map<T: ReadTxn>(txn: &T, id: &CheckInId) -> Result<MapRef, CommitmentError> {
    let unknown = || CommitmentError::UnknownCheckIn(id.clone());
    let map = entry(txn, CHECK_INS, id.as_str()).ok_or_else(unknown)?;
    let commitment = read_string(txn, &map, COMMITMENT).ok_or_else(unknown)?;
    entry(txn, COMMITMENTS, &commitment).ok_or_else(unknown)?;
    Ok(map)
}

fn write_commitment(txn: &mut TransactionMut<'_>, map: &MapRef, commitment: &NewCommitment) {
    set(txn, map, ORGANIZATION, text_any(&commitment.organization));
    set(txn, map, KIND, text_any(commitment.kind.name()));
    set(txn, map, DESCRIPTION, text_any(&commitment.description));
    match commitment.amount {
        Some(amount) => set(txn, map, AMOUNT, Any::from(amount)),
        None => unset(txn, map, AMOUNT),
    }
    set(txn, map, UNIT, text_any(&commitment.unit));
    let (kind, id) = match &commitment.toward {
        Toward::Goal(goal) => ("goal", goal.as_str()),
        Toward::Indicator(indicator) => ("indicator", indicator.as_str()),
    };
    set(
        txn,
        map,
        TOWARD,
        Record::new()
            .with(KIND, text_any(kind))
            .with(ID, text_any(id))
            .into_any(),
    );
    set(txn, map, DUE, date_any(commitment.due));
    set(txn, map, MADE_ON, date_any(commitment.made_on));
}

fn status_record(status: CommitmentStatus, date: Date) -> Any {
    Record::new()
        .with(VALUE, text_any(status.name()))
        .with(DATE, date_any(date))
        .into_any()
}

pub(crate) fn commitments_in<T: ReadTxn>(txn: &T) -> Vec<Commitment> {
    let goals: HashSet<GoalId> = goals_in(txn).into_iter().map(|g| g.id).collect();
    let indicators: HashSet<IndicatorId> = indicators_in(txn).into_iter().map(|i| i.id).collect();
    let mut list: Vec<Commitment> = entries(txn, COMMITMENTS)
        .into_iter()
        .filter_map(|(id, map)| {
            let toward = read_record(txn, &map, TOWARD).and_then(|r| {
                match (r.string(KIND)?.as_str(), r.string(ID)?) {
                    ("goal", id) => Some(Toward::Goal(GoalId::new(id))),
                    ("indicator", id) => Some(Toward::Indicator(IndicatorId::new(id))),
                    _ => None,
                }
            });
            let toward_exists = match &toward {
                Some(Toward::Goal(goal)) => goals.contains(goal),
                Some(Toward::Indicator(indicator)) => indicators.contains(indicator),
                None => false,
            };
            let status = read_record(txn, &map, STATUS);
            Some(Commitment {
                id: CommitmentId::new(id),
                organization: read_string(txn, &map, ORGANIZATION)?,
                kind: read_string(txn, &map, KIND)
                    .and_then(|k| CommitmentKind::from_name(&k))
                    .unwrap_or_default(),
                description: read_string(txn, &map, DESCRIPTION).unwrap_or_default(),
                amount: read_number(txn, &map, AMOUNT),
                unit: read_string(txn, &map, UNIT).unwrap_or_default(),
                toward,
                toward_exists,
                due: read_date(txn, &map, DUE),
                made_on: read_date(txn, &map, MADE_ON),
                status: status
                    .as_ref()
                    .and_then(|r| CommitmentStatus::from_name(&r.string(VALUE)?))
                    .unwrap_or_default(),
                status_date: status.as_ref().and_then(|r| r.date(DATE)),
                delivered: read_number(txn, &map, DELIVERED),
            })
        })
        .collect();
    list.sort_by_cached_key(|c| creation_order(c.id.as_str()));
    list
}

pub(crate) fn check_ins_in<T: ReadTxn>(txn: &T) -> Vec<CheckIn> {
    let commitments: HashSet<String> = entries(txn, COMMITMENTS)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut list: Vec<CheckIn> = entries(txn, CHECK_INS)
        .into_iter()
        .filter_map(|(id, map)| {
            let commitment =
                read_string(txn, &map, COMMITMENT).filter(|c| commitments.contains(c))?;
            let mut responses: Vec<Response> = match map.get(txn, RESPONSES) {
                Some(Out::YMap(responses)) => goals::plain_values(txn, &responses)
                    .into_iter()
                    .filter_map(|(id, any)| {
                        let record = Record::from_any(&any)?;
                        Some(Response {
                            id: ResponseId::new(id),
                            kind: ResponseKind::from_name(&record.string(KIND)?)?,
                            by: record.string(BY).unwrap_or_default(),
                            date: record.date(DATE)?,
                            text: record.string(TEXT).unwrap_or_default(),
                        })
                    })
                    .collect(),
                _ => Vec::new(),
            };
            responses.sort_by_cached_key(|r| (r.date, creation_order(r.id.as_str())));
            Some(CheckIn {
                id: CheckInId::new(id),
                commitment: CommitmentId::new(commitment),
                date: read_date(txn, &map, DATE)?,
                by: read_string(txn, &map, BY).unwrap_or_default(),
                text: read_string(txn, &map, TEXT).unwrap_or_default(),
                evidence: read_string(txn, &map, EVIDENCE).unwrap_or_default(),
                responses,
            })
        })
        .collect();
    list.sort_by_cached_key(|c| (c.date, creation_order(c.id.as_str())));
    list
}
