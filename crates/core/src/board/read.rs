//! Reading the whiteboard in one pass: everything a board shows, with the
//! filters every replica applies (nothing on a deleted board, no link or vote
//! on a deleted note), built with indexes so that a read stays O(n log n) in
//! the size of the room — a board of 5,000 notes loads without per-note scans.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use yrs::{Map, Out, ReadTxn};

use super::clusters::{read_cluster, Cluster};
use super::links::{read_link, Link};
use super::notes::{self, read_note, sort_notes, Note};
use super::votes::{read_vote, tally, Tally, Vote};
use super::{boards_in, natural_order, Board, BoardId, NoteId};
use crate::room::{Room, Roots};
use crate::values::read_string;

/// Everything one board shows, read at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardContent {
    pub board: Board,
    /// By id.
    pub notes: Vec<Note>,
    /// By id: later clusters are drawn over earlier ones.
    pub clusters: Vec<Cluster>,
    /// By id.
    pub links: Vec<Link>,
    pub tally: Tally,
}

/// A note's place in the ranked list that a voting round ends with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedNote {
    /// 1 for the most votes; notes with equal votes share a rank, and the next
    /// rank skips as many places ("1, 2, 2, 4").
    pub rank: u32,
    pub votes: u32,
    pub note: Note,
}

impl BoardContent {
    /// The board's notes by counted votes, most first; notes with equal votes
    /// keep a stable order: by id in [`natural_order`] (for one author, the
    /// order they were added in). Notes without votes come last.
    pub fn ranked(&self) -> Vec<RankedNote> {
        let mut ranked: Vec<RankedNote> = self
            .notes
            .iter()
            .map(|note| RankedNote {
                rank: 0,
                votes: self.tally.votes_for(&note.id),
                note: note.clone(),
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.votes
                .cmp(&a.votes)
                .then_with(|| natural_order(a.note.id.as_str(), b.note.id.as_str()))
        });
        let mut previous = None;
        for (index, entry) in ranked.iter_mut().enumerate() {
            entry.rank = match previous {
                Some((votes, rank)) if votes == entry.votes => rank,
                _ => index as u32 + 1,
            };
            previous = Some((entry.votes, entry.rank));
        }
        ranked
    }

    /// The notes in reading order, for the list view and for keyboard focus:
    /// clusters first, top to bottom then left to right, each with its notes
    /// in the same order; then the notes in no cluster, also in that order.
    /// Each entry carries the cluster it is listed under.
    pub fn reading_order(&self) -> Vec<(Option<&Cluster>, &Note)> {
        let by_place = |a: (f64, f64, &str), b: (f64, f64, &str)| {
            a.1.total_cmp(&b.1)
                .then(a.0.total_cmp(&b.0))
                .then_with(|| natural_order(a.2, b.2))
        };
        let mut clusters: Vec<&Cluster> = self.clusters.iter().collect();
        clusters.sort_by(|a, b| by_place((a.x, a.y, a.id.as_str()), (b.x, b.y, b.id.as_str())));
        let mut members: HashMap<&str, Vec<&Note>> = HashMap::new();
        let mut loose: Vec<&Note> = Vec::new();
        for note in &self.notes {
            match &note.cluster {
                Some(cluster) => members.entry(cluster.as_str()).or_default().push(note),
                None => loose.push(note),
            }
        }
        let sort = |notes: &mut Vec<&Note>| {
            notes.sort_by(|a, b| by_place((a.x, a.y, a.id.as_str()), (b.x, b.y, b.id.as_str())));
        };
        let mut order = Vec::with_capacity(self.notes.len());
        for cluster in clusters {
            if let Some(mut notes) = members.remove(cluster.id.as_str()) {
                sort(&mut notes);
                order.extend(notes.into_iter().map(|note| (Some(cluster), note)));
            }
        }
        sort(&mut loose);
        order.extend(loose.into_iter().map(|note| (None, note)));
        order
    }
}

impl Room {
    /// Everything one board shows, in one read (`None` if there is no such board).
    pub fn board_content(&self, board: &BoardId) -> Option<BoardContent> {
        self.read(|txn, roots| {
            let whiteboard = Whiteboard::read(txn, roots, Some(board));
            let board = whiteboard.boards.into_iter().find(|b| &b.id == board)?;
            let tally = tally(board.vote_allowance, &whiteboard.votes);
            Some(BoardContent {
                board,
                notes: whiteboard.notes,
                clusters: whiteboard.clusters,
                links: whiteboard.links,
                tally,
            })
        })
    }

    /// The notes of a board by votes (see [`BoardContent::ranked`]); empty for
    /// an unknown board.
    pub fn ranked(&self, board: &BoardId) -> Vec<RankedNote> {
        self.board_content(board)
            .map(|content| content.ranked())
            .unwrap_or_default()
    }
}

/// The whiteboard's items that can be shown, each list by id.
pub(crate) struct Whiteboard {
    /// Every board of the room (by order), even when reading one board.
    pub boards: Vec<Board>,
    pub notes: Vec<Note>,
    pub clusters: Vec<Cluster>,
    pub links: Vec<Link>,
    /// Votes on the notes read.
    pub votes: Vec<Vote>,
}

impl Whiteboard {
    /// Reads the whole whiteboard, or only what is on board `only`.
    pub fn read<T: ReadTxn>(txn: &T, roots: &Roots, only: Option<&BoardId>) -> Whiteboard {
        let boards = boards_in(txn, &roots.boards);
        let known: HashSet<&str> = boards.iter().map(|b| b.id.as_str()).collect();
        let wanted =
            |board: &str| known.contains(board) && only.is_none_or(|o| o.as_str() == board);

        let mut clusters: Vec<Cluster> = roots
            .clusters
            .iter(txn)
            .filter_map(|(id, value)| match value {
                Out::YMap(map) => read_cluster(txn, id, &map),
                _ => None,
            })
            .filter(|cluster| wanted(cluster.board.as_str()))
            .collect();
        clusters.sort_by(|a, b| natural_order(a.id.as_str(), b.id.as_str()));
        let cluster_board: HashMap<&str, &str> = clusters
            .iter()
            .map(|c| (c.id.as_str(), c.board.as_str()))
            .collect();

        let mut notes: Vec<Note> = roots
            .notes
            .iter(txn)
            .filter_map(|(id, value)| {
                let Out::YMap(map) = value else { return None };
                // The board is read first so that other boards' texts are skipped.
                let board = read_string(txn, &map, notes::BOARD)?;
                if !wanted(&board) {
                    return None;
                }
                read_note(txn, id, &map, |cluster| {
                    cluster_board.get(cluster) == Some(&board.as_str())
                })
            })
            .collect();
        sort_notes(&mut notes);
        let note_board: HashMap<&NoteId, &BoardId> =
            notes.iter().map(|n| (&n.id, &n.board)).collect();

        let mut links: Vec<Link> = roots
            .links
            .iter(txn)
            .filter_map(|(id, value)| {
                let Out::YMap(map) = value else { return None };
                let (id, from, to, label) = read_link(txn, id, &map)?;
                let board = *note_board.get(&from)?;
                (note_board.get(&to) == Some(&board) && from != to).then(|| Link {
                    id,
                    board: board.clone(),
                    from,
                    to,
                    label,
                })
            })
            .collect();
        links.sort_by(|a, b| natural_order(a.id.as_str(), b.id.as_str()));

        let mut votes: Vec<Vote> = roots
            .votes
            .iter(txn)
            .filter_map(|(id, value)| read_vote(id, &value))
            .filter(|vote| note_board.contains_key(&vote.note))
            .collect();
        votes.sort_by(|a, b| natural_order(a.id.as_str(), b.id.as_str()));

        Whiteboard {
            boards,
            notes,
            clusters,
            links,
            votes,
        }
    }
}
