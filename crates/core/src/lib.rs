//! The room: Constellation's document model and every domain rule.
//!
//! Everything a person can do to a room is a function here, tested natively.
//! The web app calls these functions; it never re-implements them. This crate
//! compiles for the host and for wasm32, and does no I/O: it reads no clock, no
//! random source, no file and no network (callers pass client ids, random bytes
//! and times). `scripts/check-architecture.sh` enforces that.
//!
//! - [`room`]: the CRDT document (yrs), updates, state vectors, snapshots;
//! - [`meta`], [`board`]: the room's title; boards, notes, clusters, links, votes, undo, export;
//! - [`goals`], [`commitments`]: shared measurement and many-to-many accountability;
//! - [`link`]: room ids, room keys, and the links that carry them;
//! - [`seal`]: end-to-end encryption of everything sent to the relay;
//! - [`sync`], [`presence`]: the client side of live sync, as a state machine;
//! - [`network`]: the coalition's network and its analysis;
//! - [`facilitation`]: the whiteboard lock and the session read-out.

pub mod board;
pub mod commitments;
pub mod facilitation;
pub mod goals;
pub mod link;
pub mod markup;
pub mod meta;
pub mod network;
pub mod presence;
pub mod room;
pub mod room_code;
pub mod seal;
pub mod share;
pub mod sign;
pub mod sync;
mod values;

pub use board::{Board, BoardError, BoardId, NewNote, Note, NoteColor, NoteId};
pub use meta::MetaError;
pub use room::{ClientId, ClientIdError, Room, RoomError, RoomView, StateVector, Update};
