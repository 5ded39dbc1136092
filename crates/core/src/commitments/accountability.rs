//! Many-to-many accountability: per partner, what was promised and what was
//! delivered, what is overdue, and how long since the partner last reported,
//! so anyone can see who carries the work and who has gone quiet.
//!
//! Partners are the organizations named by commitments or by measurements
//! (as reporting organization), matched without regard to case or surrounding
//! spaces. Everything is computed from plain data and a `today` passed in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{CheckIn, Commitment, CommitmentKind, CommitmentStatus};
use crate::goals::{Date, Measurement};
use crate::room::Room;

/// When a partner counts as quiet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountabilityConfig {
    /// A partner with no check-in nor measurement for more days than this (or
    /// never) has gone quiet.
    pub quiet_after_days: i64,
}

impl Default for AccountabilityConfig {
    fn default() -> AccountabilityConfig {
        AccountabilityConfig {
            quiet_after_days: 30,
        }
    }
}

/// Promised and delivered amounts of one kind and unit ("staff time, hours").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmountBalance {
    pub kind: CommitmentKind,
    pub unit: String,
    pub promised: f64,
    /// The recorded delivered amounts; a commitment marked met without one
    /// counts as fully delivered.
    pub delivered: f64,
}

/// One partner's record, as of `today`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerAccount {
    pub organization: String,
    /// How many commitments it made.
    pub promised: usize,
    /// Planned or in progress.
    pub open: usize,
    pub met: usize,
    pub partially_met: usize,
    pub not_met: usize,
    /// Per kind and unit, for commitments with an amount.
    pub amounts: Vec<AmountBalance>,
    /// Open commitments past their due date, earliest due first.
    pub overdue: Vec<Commitment>,
    pub last_check_in: Option<Date>,
    pub last_measurement: Option<Date>,
    /// Days since the later of the two (freshness); `None` when it never reported.
    pub days_since_report: Option<i64>,
    pub quiet: bool,
}

/// Every partner's record, by name (without regard to case).
pub fn accountability(
    commitments: &[Commitment],
    check_ins: &[CheckIn],
    measurements: &[Measurement],
    today: Date,
    config: &AccountabilityConfig,
) -> Vec<PartnerAccount> {
    let mut partners: BTreeMap<String, PartnerAccount> = BTreeMap::new();
    let mut partner = |name: &str| -> Option<String> {
        let key = name.trim().to_lowercase();
        if key.is_empty() {
            return None;
        }
        partners
            .entry(key.clone())
            .or_insert_with(|| PartnerAccount {
                organization: name.trim().to_string(),
                promised: 0,
                open: 0,
                met: 0,
                partially_met: 0,
                not_met: 0,
                amounts: Vec::new(),
                overdue: Vec::new(),
                last_check_in: None,
                last_measurement: None,
                days_since_report: None,
                quiet: true,
            });
        Some(key)
    };
    let keys: Vec<Option<String>> = commitments
        .iter()
        .map(|c| partner(&c.organization))
        .collect();
    let measured: Vec<Option<String>> = measurements
        .iter()
        .map(|m| partner(&m.organization))
        .collect();

    for (commitment, key) in commitments.iter().zip(&keys) {
        let Some(account) = key.as_ref().and_then(|k| partners.get_mut(k)) else {
            continue;
        };
        account.promised += 1;
        match commitment.status {
            CommitmentStatus::Planned | CommitmentStatus::InProgress => account.open += 1,
            CommitmentStatus::Met => account.met += 1,
            CommitmentStatus::PartiallyMet => account.partially_met += 1,
            CommitmentStatus::NotMet => account.not_met += 1,
        }
        if commitment.is_overdue(today) {
            account.overdue.push(commitment.clone());
        }
        if let Some(amount) = commitment.amount {
            let delivered =
                commitment
                    .delivered
                    .unwrap_or(if commitment.status == CommitmentStatus::Met {
                        amount
                    } else {
                        0.0
                    });
            match account
                .amounts
                .iter_mut()
                .find(|a| a.kind == commitment.kind && a.unit == commitment.unit)
            {
                Some(balance) => {
                    balance.promised += amount;
                    balance.delivered += delivered;
                }
                None => account.amounts.push(AmountBalance {
                    kind: commitment.kind,
                    unit: commitment.unit.clone(),
                    promised: amount,
                    delivered,
                }),
            }
        }
        for check_in in check_ins
            .iter()
            .filter(|c| c.commitment == commitment.id && c.date <= today)
        {
            account.last_check_in = account.last_check_in.max(Some(check_in.date));
        }
    }
    for (measurement, key) in measurements.iter().zip(&measured) {
        if let Some(account) = key.as_ref().and_then(|k| partners.get_mut(k)) {
            if measurement.date <= today {
                account.last_measurement = account.last_measurement.max(Some(measurement.date));
            }
        }
    }
    partners
        .into_values()
        .map(|mut account| {
            account.overdue.sort_by_key(|c| c.due);
            account
                .amounts
                .sort_by(|a, b| (a.kind, &a.unit).cmp(&(b.kind, &b.unit)));
            let last = account.last_check_in.max(account.last_measurement);
            account.days_since_report = last.map(|date| today.days_since(date));
            account.quiet = account
                .days_since_report
                .is_none_or(|days| days > config.quiet_after_days);
            account
        })
        .collect()
}

impl Room {
    /// Every partner's record as of `today` (see [`accountability`]).
    pub fn accountability(
        &self,
        today: Date,
        config: &AccountabilityConfig,
    ) -> Vec<PartnerAccount> {
        accountability(
            &self.commitments(),
            &self.all_check_ins(),
            &self.all_measurements(),
            today,
            config,
        )
    }
}
