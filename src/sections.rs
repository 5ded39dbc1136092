//! The sections of a room, as the router names them. The board lives in
//! [`crate::board`]; goals and commitments in [`crate::plan`]; the network in
//! `crate::network_view`.

pub use crate::network_view::Network;
pub use crate::plan::{Commitments, Goals};
