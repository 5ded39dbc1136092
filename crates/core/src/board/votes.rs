//! Dot-voting: the facilitator gives each participant a number of votes per
//! board (the allowance); participants place votes on notes and take them
//! back; the totals and the ranked list follow from the document alone.
//!
//! # Why no vote is lost or counted twice
//!
//! Every placed vote is its own entry in the root map `votes`, under a fresh id
//! (`{client}-{clock}`), holding who voted and for which note. Entries are
//! never changed, only added (placing) and removed (taking back), so concurrent
//! placements, even by one person on two devices, never overwrite each other,
//! and a duplicated or re-ordered delivery of an update adds nothing twice.
//! Taking a vote back removes one named entry; if two devices take back the
//! same entry at once, one vote is removed, as each device saw it happen. A
//! counter per (voter, note) would lose concurrent increments (last writer
//! wins) or need per-device slots that can go negative; entries cannot.
//!
//! # The allowance and overspending
//!
//! A participant's votes are checked against the board's allowance on the
//! device that places them ([`Room::place_vote`] refuses a vote beyond it).
//! Two devices of one participant, offline or just fast, can still each place
//! the last vote: the merged document then holds more votes than the
//! allowance. The tally stays coherent: it counts, per participant and board,
//! only the first `allowance` votes in [`natural_order`] of their ids
//! (the creating replica's client id, then its clock), so every replica
//! counts the same votes. The others stay in the document, are shown to their
//! owner as over the allowance ([`Ballot::over`]), and start counting again if
//! the owner removes a counted one or the facilitator raises the allowance.
//! Lowering the allowance likewise leaves votes in place and counts fewer.
//! Votes on deleted notes (deleted concurrently; a deletion removes the votes
//! it sees) neither count nor use up the allowance.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use yrs::{Any, Map, MapRef, Out, ReadTxn};

use super::{natural_order, notes, BoardError, BoardId, NoteId, ParticipantId, VoteId, ALLOWANCE};
use crate::room::{Room, Roots, Update};
use crate::values::{read_map, read_number, read_string};

/// The most votes a participant can be given on one board.
pub const MAX_VOTE_ALLOWANCE: u32 = 99;
/// The longest participant id, in characters.
pub const MAX_PARTICIPANT_CHARS: usize = 64;

/// One placed vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub id: VoteId,
    pub voter: ParticipantId,
    pub note: NoteId,
}

/// The live totals of one board.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tally {
    /// Votes per participant on this board.
    pub allowance: u32,
    /// Counted votes per note; notes without a counted vote are absent.
    pub totals: BTreeMap<NoteId, u32>,
    /// How many participants have at least one counted vote.
    pub voters: u32,
}

impl Tally {
    /// The counted votes on `note` (0 if none).
    pub fn votes_for(&self, note: &NoteId) -> u32 {
        self.totals.get(note).copied().unwrap_or(0)
    }
}

/// One participant's votes on one board, as their own screen shows them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ballot {
    pub allowance: u32,
    /// Votes this participant has on the board's notes (counted or not).
    pub placed: u32,
    /// Votes they may still place: `allowance − placed`, or 0.
    pub remaining: u32,
    /// Votes beyond the allowance, which the tally does not count (placed
    /// concurrently on two devices, or left over after the allowance was lowered).
    pub over: u32,
    /// Their placed votes per note.
    pub on: BTreeMap<NoteId, u32>,
}

const VOTER: &str = "voter";
const NOTE: &str = "note";

impl Room {
    /// Sets how many votes each participant has on a board (0 closes voting:
    /// no vote can be placed, and none counts).
    pub fn set_vote_allowance(
        &mut self,
        board: &BoardId,
        allowance: u32,
    ) -> Result<Update, BoardError> {
        if allowance > MAX_VOTE_ALLOWANCE {
            return Err(BoardError::AllowanceTooLarge {
                allowance,
                max: MAX_VOTE_ALLOWANCE,
            });
        }
        self.edit_board_allowance(board, allowance)
    }

    /// Places one of `voter`'s votes on a note. A participant may put several
    /// of their votes on one note.
    pub fn place_vote(
        &mut self,
        voter: &ParticipantId,
        note: &NoteId,
    ) -> Result<(Update, VoteId), BoardError> {
        check_participant(voter)?;
        let client = self.client().get();
        let (id, update) = self.edit_whiteboard(|txn, roots| {
            let board = live_board_of(txn, roots, note.as_str())
                .ok_or_else(|| BoardError::UnknownNote(note.clone()))?;
            let allowance = read_map(txn, &roots.boards, &board)
                .map(|map| read_allowance(txn, &map))
                .unwrap_or(0);
            if allowance == 0 {
                return Err(BoardError::VotingClosed(BoardId::new(board)));
            }
            let placed = votes_of(txn, roots, voter)
                .filter(|vote| {
                    live_board_of(txn, roots, vote.note.as_str()).as_deref() == Some(board.as_str())
                })
                .count();
            if placed >= allowance as usize {
                return Err(BoardError::NoVotesLeft { allowance });
            }
            let id = VoteId(super::new_id(txn, client));
            let value = HashMap::from([
                (VOTER.to_owned(), Any::from(voter.as_str())),
                (NOTE.to_owned(), Any::from(note.as_str())),
            ]);
            roots.votes.insert(txn, id.as_str(), Any::from(value));
            Ok(id)
        })?;
        Ok((update, id))
    }

    /// Takes back one of `voter`'s votes on a note: the last of them in the
    /// order the tally counts, so that a vote over the allowance goes first.
    pub fn remove_vote(
        &mut self,
        voter: &ParticipantId,
        note: &NoteId,
    ) -> Result<Update, BoardError> {
        check_participant(voter)?;
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            let last = votes_of(txn, roots, voter)
                .filter(|vote| &vote.note == note)
                .max_by(|a, b| natural_order(a.id.as_str(), b.id.as_str()))
                .ok_or_else(|| BoardError::NoVoteToRemove(note.clone()))?;
            roots.votes.remove(txn, last.id.as_str());
            Ok(())
        })?;
        Ok(update)
    }

    /// The live totals of a board (empty for an unknown board).
    pub fn tally(&self, board: &BoardId) -> Tally {
        self.read(|txn, roots| {
            let content = super::read::Whiteboard::read(txn, roots, Some(board));
            let allowance = content
                .boards
                .iter()
                .find(|b| &b.id == board)
                .map_or(0, |b| b.vote_allowance);
            tally(allowance, &content.votes)
        })
    }

    /// One participant's votes on a board.
    pub fn ballot(&self, board: &BoardId, voter: &ParticipantId) -> Ballot {
        self.read(|txn, roots| {
            let content = super::read::Whiteboard::read(txn, roots, Some(board));
            let allowance = content
                .boards
                .iter()
                .find(|b| &b.id == board)
                .map_or(0, |b| b.vote_allowance);
            let mut on: BTreeMap<NoteId, u32> = BTreeMap::new();
            let mut placed = 0;
            for vote in content.votes.iter().filter(|vote| &vote.voter == voter) {
                *on.entry(vote.note.clone()).or_default() += 1;
                placed += 1;
            }
            Ballot {
                allowance,
                placed,
                remaining: allowance.saturating_sub(placed),
                over: placed.saturating_sub(allowance),
                on,
            }
        })
    }

    /// Every vote on an existing note, by id.
    pub(crate) fn all_votes(&self) -> Vec<Vote> {
        self.read(|txn, roots| super::read::Whiteboard::read(txn, roots, None).votes)
    }

    fn edit_board_allowance(
        &mut self,
        board: &BoardId,
        allowance: u32,
    ) -> Result<Update, BoardError> {
        let ((), update) = self.edit_whiteboard(|txn, roots| {
            let map = read_map(txn, &roots.boards, board.as_str())
                .ok_or_else(|| BoardError::UnknownBoard(board.clone()))?;
            if read_allowance(txn, &map) != allowance {
                map.insert(txn, ALLOWANCE, f64::from(allowance));
            }
            Ok(())
        })?;
        Ok(update)
    }
}

/// Counts votes (all on the notes of one board) under an allowance: per
/// participant, their first `allowance` votes in [`natural_order`] of ids.
pub(crate) fn tally(allowance: u32, votes: &[Vote]) -> Tally {
    let mut by_voter: BTreeMap<&ParticipantId, Vec<&Vote>> = BTreeMap::new();
    for vote in votes {
        by_voter.entry(&vote.voter).or_default().push(vote);
    }
    let mut totals: BTreeMap<NoteId, u32> = BTreeMap::new();
    let mut voters = 0;
    for (_, mut theirs) in by_voter {
        theirs.sort_by(|a, b| natural_order(a.id.as_str(), b.id.as_str()));
        let counted = &theirs[..theirs.len().min(allowance as usize)];
        if !counted.is_empty() {
            voters += 1;
        }
        for vote in counted {
            *totals.entry(vote.note.clone()).or_default() += 1;
        }
    }
    Tally {
        allowance,
        totals,
        voters,
    }
}

/// The board of a note, if the note and its board exist.
fn live_board_of<T: ReadTxn>(txn: &T, roots: &Roots, note: &str) -> Option<String> {
    let board = read_string(txn, &read_map(txn, &roots.notes, note)?, notes::BOARD)?;
    read_map(txn, &roots.boards, &board)?;
    Some(board)
}

/// Every vote entry of one participant (on any note, live or not).
fn votes_of<'a, T: ReadTxn>(
    txn: &'a T,
    roots: &'a Roots,
    voter: &'a ParticipantId,
) -> impl Iterator<Item = Vote> + 'a {
    roots
        .votes
        .iter(txn)
        .filter_map(|(id, value)| read_vote(id, &value))
        .filter(move |vote| &vote.voter == voter)
}

/// Reads a vote entry; anything but a `{voter, note}` value is not a vote.
pub(crate) fn read_vote(id: &str, value: &Out) -> Option<Vote> {
    let Out::Any(Any::Map(fields)) = value else {
        return None;
    };
    let text = |key: &str| match fields.get(key) {
        Some(Any::String(s)) => Some(s.to_string()),
        _ => None,
    };
    Some(Vote {
        id: VoteId::new(id),
        voter: ParticipantId::new(text(VOTER)?),
        note: NoteId::new(text(NOTE)?),
    })
}

/// A board's allowance: a whole number from 0 to [`MAX_VOTE_ALLOWANCE`]; any
/// other stored value reads as the nearest one in range (0 when not a number).
pub(crate) fn read_allowance<T: ReadTxn>(txn: &T, board: &MapRef) -> u32 {
    read_number(txn, board, ALLOWANCE)
        .map(|n| n.floor().clamp(0.0, f64::from(MAX_VOTE_ALLOWANCE)) as u32)
        .unwrap_or(0)
}

pub(crate) fn check_participant(voter: &ParticipantId) -> Result<(), BoardError> {
    let id = voter.as_str();
    let length = id.chars().count();
    if (1..=MAX_PARTICIPANT_CHARS).contains(&length)
        && !id.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        Ok(())
    } else {
        Err(BoardError::InvalidParticipant {
            max: MAX_PARTICIPANT_CHARS,
        })
    }
}
