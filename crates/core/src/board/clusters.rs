//! Clusters: labelled areas of a board that notes belong to and move with.
//!
//! Membership is explicit — a note's `cluster` field — and decided by geometry
//! at the moment of a gesture, never recomputed on reading:
//! - adding or moving a note puts it in the topmost cluster (the one created
//!   last) of its board whose rectangle holds the note's centre, or in none;
//! - adding or resizing a cluster adopts the notes of its board whose centre it
//!   now holds and that belong to no cluster, and lets go of its members whose
//!   centre it no longer holds;
//! - moving a cluster moves its members by the same amount in the same
//!   transaction, so they stay inside it;
//! - deleting a cluster leaves its notes where they are, in no cluster.
//!
//! Why explicit rather than "whatever lies inside the rectangle when read":
//! under concurrency a rectangle and the notes around it move independently,
//! and a note dropped into a cluster should stay with that cluster wherever
//! someone else drags it at the same time. The price is a rare mismatch that
//! is visible but converges: if one person drags a member out while another
//! moves the cluster, one of the two positions wins for the note (the CRDT
//! picks the same one everywhere), and the note may end up inside the moved
//! cluster without belonging to it; its next move sets that right.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use yrs::{Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use super::notes::{self, check_position, set_cluster, NOTE_HEIGHT, NOTE_WIDTH};
use super::{keys_where, natural_order, new_id, BoardError, BoardId, ClusterId};
use crate::room::{Room, Roots, Update};
use crate::values::{read_map, read_pair, read_string};

/// The most characters of a cluster's label.
pub const MAX_CLUSTER_LABEL_CHARS: usize = 100;
/// The smallest width or height of a cluster, in board units.
pub const MIN_CLUSTER_SIZE: f64 = 40.0;
/// The largest width or height of a cluster, in board units.
pub const MAX_CLUSTER_SIZE: f64 = 100_000.0;

/// A labelled area of a board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: ClusterId,
    pub board: BoardId,
    pub label: String,
    /// The top-left corner.
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Cluster {
    /// Whether the point lies in the cluster (left and top edges included,
    /// right and bottom edges excluded, so neighbouring clusters never share one).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        contains((self.x, self.y, self.width, self.height), x, y)
    }
}

/// What a caller supplies to add a cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCluster {
    pub board: BoardId,
    pub label: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

pub(crate) const BOARD: &str = "board";
pub(crate) const LABEL: &str = "label";
pub(crate) const POSITION: &str = "position";
pub(crate) const SIZE: &str = "size";

impl Room {
    /// Adds a cluster; the notes of the board under it that belong to no
    /// cluster join it.
    pub fn add_cluster(&mut self, cluster: NewCluster) -> Result<(Update, ClusterId), BoardError> {
        let label = check_label(&cluster.label)?;
        check_position(cluster.x, cluster.y)?;
        check_size(cluster.width, cluster.height)?;
        let client = self.client().get();
        let (id, update) = self.edit_whiteboard(|txn, roots| {
            if read_map(txn, &roots.boards, cluster.board.as_str()).is_none() {
                return Err(BoardError::UnknownBoard(cluster.board.clone()));
            }
            let id = ClusterId(new_id(txn, client));
            let map = roots
                .clusters
                .insert(txn, id.as_str(), MapPrelim::default());
            write_cluster(txn, &map, &cluster, label);
            regroup(txn, roots, id.as_str());
            Ok(id)
        })?;
        Ok((update, id))
    }

    pub fn rename_cluster(
        &mut self,
        cluster: &ClusterId,
        label: &str,
    ) -> Result<Update, BoardError> {
        let label = check_label(label)?;
        self.edit_cluster(cluster, |txn, _, map| {
            map.insert(txn, LABEL, label);
            Ok(())
        })
    }

    /// Moves a cluster's top-left corner to (x, y), and its notes with it.
    pub fn move_cluster(
        &mut self,
        cluster: &ClusterId,
        x: f64,
        y: f64,
    ) -> Result<Update, BoardError> {
        check_position(x, y)?;
        self.edit_cluster(cluster, |txn, roots, map| {
            let (old_x, old_y) = read_pair(txn, map, POSITION).unwrap_or((0.0, 0.0));
            let (dx, dy) = (x - old_x, y - old_y);
            let board = read_string(txn, map, BOARD).unwrap_or_default();
            // Every new position is computed and checked before anything is written.
            let mut moves = Vec::new();
            for (id, value) in roots.notes.iter(txn) {
                let Out::YMap(note) = value else { continue };
                let member = read_string(txn, &note, notes::CLUSTER).as_deref()
                    == Some(cluster.as_str())
                    && read_string(txn, &note, notes::BOARD).as_deref() == Some(board.as_str());
                if member {
                    let (nx, ny) = read_pair(txn, &note, notes::POSITION).unwrap_or((0.0, 0.0));
                    check_position(nx + dx, ny + dy)?;
                    moves.push((id.to_owned(), nx + dx, ny + dy));
                }
            }
            map.insert(txn, POSITION, notes::position(x, y));
            for (id, nx, ny) in moves {
                if let Some(note) = read_map(txn, &roots.notes, &id) {
                    note.insert(txn, notes::POSITION, notes::position(nx, ny));
                }
            }
            Ok(())
        })
    }

    /// Gives a cluster a new size (its top-left corner stays): notes of the
    /// board now under it and in no cluster join it, members now outside leave.
    pub fn resize_cluster(
        &mut self,
        cluster: &ClusterId,
        width: f64,
        height: f64,
    ) -> Result<Update, BoardError> {
        check_size(width, height)?;
        self.edit_cluster(cluster, |txn, roots, map| {
            map.insert(txn, SIZE, notes::position(width, height));
            regroup(txn, roots, cluster.as_str());
            Ok(())
        })
    }

    /// Deletes a cluster; its notes stay where they are, in no cluster.
    pub fn delete_cluster(&mut self, cluster: &ClusterId) -> Result<Update, BoardError> {
        self.edit_cluster(cluster, |txn, roots, _| {
            roots.clusters.remove(txn, cluster.as_str());
            let members = keys_where(txn, &roots.notes, |note| {
                read_string(txn, note, notes::CLUSTER).as_deref() == Some(cluster.as_str())
            });
            for id in members {
                if let Some(note) = read_map(txn, &roots.notes, &id) {
                    set_cluster(txn, &note, None);
                }
            }
            Ok(())
        })
    }

    /// The clusters of one board, by id (the later drawn over the earlier).
    pub fn clusters(&self, board: &BoardId) -> Vec<Cluster> {
        self.read(|txn, roots| super::read::Whiteboard::read(txn, roots, Some(board)).clusters)
    }

    pub fn cluster(&self, id: &ClusterId) -> Option<Cluster> {
        self.read(|txn, roots| {
            let cluster = read_cluster(
                txn,
                id.as_str(),
                &read_map(txn, &roots.clusters, id.as_str())?,
            )?;
            read_map(txn, &roots.boards, cluster.board.as_str())?;
            Some(cluster)
        })
    }

    /// Every cluster of the room whose board exists, by id.
    pub(crate) fn all_clusters(&self) -> Vec<Cluster> {
        self.read(|txn, roots| super::read::Whiteboard::read(txn, roots, None).clusters)
    }

    fn edit_cluster(
        &mut self,
        cluster: &ClusterId,
        change: impl FnOnce(&mut TransactionMut<'_>, &Roots, &MapRef) -> Result<(), BoardError>,
    ) -> Result<Update, BoardError> {
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            let map = read_map(txn, &roots.clusters, cluster.as_str())
                .ok_or_else(|| BoardError::UnknownCluster(cluster.clone()))?;
            change(txn, roots, &map)
        })?;
        Ok(update)
    }
}

/// Writes every field of a new cluster into its (empty) map.
pub(crate) fn write_cluster(
    txn: &mut TransactionMut<'_>,
    map: &MapRef,
    cluster: &NewCluster,
    label: &str,
) {
    map.insert(txn, BOARD, cluster.board.as_str());
    map.insert(txn, LABEL, label);
    map.insert(txn, POSITION, notes::position(cluster.x, cluster.y));
    map.insert(txn, SIZE, notes::position(cluster.width, cluster.height));
}

/// The topmost cluster of `board` that holds the centre of a note placed at
/// (x, y): the one created last, in [`natural_order`] of ids.
pub(crate) fn cluster_at<T: ReadTxn>(
    txn: &T,
    roots: &Roots,
    board: &str,
    x: f64,
    y: f64,
) -> Option<String> {
    let (cx, cy) = (x + NOTE_WIDTH / 2.0, y + NOTE_HEIGHT / 2.0);
    roots
        .clusters
        .iter(txn)
        .filter_map(|(id, value)| match value {
            Out::YMap(map) => Some((id, map)),
            _ => None,
        })
        .filter(|(_, map)| read_string(txn, map, BOARD).as_deref() == Some(board))
        .filter(|(_, map)| rectangle(txn, map).is_some_and(|rect| contains(rect, cx, cy)))
        .map(|(id, _)| id)
        .max_by(|a, b| natural_order(a, b))
        .map(str::to_owned)
}

/// After a cluster was added or resized: notes of its board under it and in no
/// (existing) cluster join it; its members no longer under it leave it.
fn regroup(txn: &mut TransactionMut<'_>, roots: &Roots, cluster: &str) {
    let Some(map) = read_map(txn, &roots.clusters, cluster) else {
        return;
    };
    let (Some(board), Some(rect)) = (read_string(txn, &map, BOARD), rectangle(txn, &map)) else {
        return;
    };
    let existing: HashSet<String> = roots.clusters.keys(txn).map(str::to_owned).collect();
    let mut changes: Vec<(String, Option<&str>)> = Vec::new();
    for (id, value) in roots.notes.iter(txn) {
        let Out::YMap(note) = value else { continue };
        if read_string(txn, &note, notes::BOARD).as_deref() != Some(board.as_str()) {
            continue;
        }
        let (x, y) = read_pair(txn, &note, notes::POSITION).unwrap_or((0.0, 0.0));
        let inside = contains(rect, x + NOTE_WIDTH / 2.0, y + NOTE_HEIGHT / 2.0);
        let current = read_string(txn, &note, notes::CLUSTER).filter(|c| existing.contains(c));
        match (current.as_deref(), inside) {
            (None, true) => changes.push((id.to_owned(), Some(cluster))),
            (Some(c), false) if c == cluster => changes.push((id.to_owned(), None)),
            _ => {}
        }
    }
    for (id, cluster) in changes {
        if let Some(note) = read_map(txn, &roots.notes, &id) {
            set_cluster(txn, &note, cluster);
        }
    }
}

fn contains((x, y, width, height): (f64, f64, f64, f64), px: f64, py: f64) -> bool {
    x <= px && px < x + width && y <= py && py < y + height
}

fn rectangle<T: ReadTxn>(txn: &T, map: &MapRef) -> Option<(f64, f64, f64, f64)> {
    let (x, y) = read_pair(txn, map, POSITION)?;
    let (width, height) = read_pair(txn, map, SIZE)?;
    Some((x, y, width, height))
}

/// Reads a cluster; one without a board, position or size is not shown.
pub(crate) fn read_cluster<T: ReadTxn>(txn: &T, id: &str, map: &MapRef) -> Option<Cluster> {
    let (x, y, width, height) = rectangle(txn, map)?;
    Some(Cluster {
        id: ClusterId::new(id),
        board: BoardId::new(read_string(txn, map, BOARD)?),
        label: read_string(txn, map, LABEL).unwrap_or_default(),
        x,
        y,
        width,
        height,
    })
}

pub(crate) fn check_label(label: &str) -> Result<&str, BoardError> {
    let label = label.trim();
    let length = label.chars().count();
    if length > MAX_CLUSTER_LABEL_CHARS {
        return Err(BoardError::ClusterLabelTooLong {
            length,
            max: MAX_CLUSTER_LABEL_CHARS,
        });
    }
    Ok(label)
}

pub(crate) fn check_size(width: f64, height: f64) -> Result<(), BoardError> {
    let valid = |v: f64| (MIN_CLUSTER_SIZE..=MAX_CLUSTER_SIZE).contains(&v);
    if valid(width) && valid(height) {
        Ok(())
    } else {
        Err(BoardError::InvalidClusterSize {
            width,
            height,
            min: MIN_CLUSTER_SIZE,
            max: MAX_CLUSTER_SIZE,
        })
    }
}
