//! placeholder
pub mod link;
pub mod seal;
