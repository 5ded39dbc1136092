//! The three load scenarios. Each returns `{ "report": text, "result": json }`.

pub mod catchup;
pub mod idle;
pub mod room;
