//! Silos and balance: Krackhardt's E-I index per group, and Blau's index of
//! sector balance.
//!
//! **E-I index** of a group: (E − I) / (E + I), where E counts ties from its
//! members to outsiders and I ties among its members. −1 is a closed silo, +1 a
//! group that only looks outward. Every tied pair counts once, whatever the
//! number of ties between them. A node without a group (a person with no
//! organization) is an outsider to every group. The network's own index counts
//! each tie once, external when its ends are in different groups.
//!
//! **Blau index** over the three main sectors: 1 − Σ p², where p is each
//! sector's share; 0 when one sector holds everyone, 2/3 at a perfect
//! three-way balance. `normalized` divides by 2/3 so perfect balance reads 1.

use serde::{Deserialize, Serialize};

use super::model::Sector;

/// The E-I index of one group.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct EiIndex {
    /// Ties leaving the group.
    pub external: u64,
    /// Ties inside the group.
    pub internal: u64,
    /// (E − I) / (E + I); `None` when the group has no ties.
    pub index: Option<f64>,
}

impl EiIndex {
    fn finish(mut self) -> Self {
        let total = self.external + self.internal;
        self.index =
            (total > 0).then(|| (self.external as f64 - self.internal as f64) / total as f64);
        self
    }
}

/// E-I indices of `groups` groups from tied pairs, each pair given as the
/// groups of its two ends. Returns one index per group and the network's.
pub fn ei_indices(
    groups: usize,
    pairs: impl IntoIterator<Item = (Option<usize>, Option<usize>)>,
) -> (Vec<EiIndex>, EiIndex) {
    let mut per = vec![EiIndex::default(); groups];
    let mut whole = EiIndex::default();
    for (a, b) in pairs {
        if let Some(g) = a.filter(|_| a == b) {
            per[g].internal += 1;
            whole.internal += 1;
        } else {
            for g in [a, b].into_iter().flatten() {
                per[g].external += 1;
            }
            whole.external += 1;
        }
    }
    (
        per.into_iter().map(EiIndex::finish).collect(),
        whole.finish(),
    )
}

/// How evenly a set of nodes spreads over the three main sectors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorBalance {
    /// How many nodes belong to government, business and civil society.
    pub counts: [usize; 3],
    /// Nodes from other sectors or without a sector, left out of the index.
    pub unassigned: usize,
    /// 1 − Σ p² over the three sectors; `None` when none of them is present.
    pub blau: Option<f64>,
    /// `blau` divided by its maximum, 2/3.
    pub normalized: Option<f64>,
}

/// The sector balance of nodes whose sectors are `sectors` (`None`: no sector).
pub fn sector_balance(sectors: impl IntoIterator<Item = Option<Sector>>) -> SectorBalance {
    let mut counts = [0usize; 3];
    let mut unassigned = 0;
    for s in sectors {
        match s {
            Some(s) if s != Sector::Other => counts[s.index()] += 1,
            _ => unassigned += 1,
        }
    }
    let total: usize = counts.iter().sum();
    let blau = (total > 0).then(|| {
        1.0 - counts
            .iter()
            .map(|&c| (c as f64 / total as f64).powi(2))
            .sum::<f64>()
    });
    SectorBalance {
        counts,
        unassigned,
        blau,
        normalized: blau.map(|b| b * 1.5),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ei_of_two_groups() {
        // Group 0 has two inside ties and one tie out; group 1 only the tie in.
        let (per, whole) = ei_indices(
            2,
            [(Some(0), Some(0)), (Some(0), Some(0)), (Some(0), Some(1))],
        );
        assert_eq!(per[0].index, Some(-1.0 / 3.0));
        assert_eq!(per[1].index, Some(1.0));
        assert_eq!(whole.index, Some(-1.0 / 3.0));
    }

    #[test]
    fn balance_of_three_equal_sectors() {
        let b =
            sector_balance([Sector::Government, Sector::Business, Sector::CivilSociety].map(Some));
        assert!((b.blau.unwrap() - 2.0 / 3.0).abs() < 1e-15);
        assert!((b.normalized.unwrap() - 1.0).abs() < 1e-15);
    }
}
