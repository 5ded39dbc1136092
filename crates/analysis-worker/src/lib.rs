//! The network analysis off the page's thread.
//!
//! The page (src/network_view/worker.rs) starts the worker when the Network
//! section opens and posts it the network whenever it changed; the worker (the
//! binary of this crate, `src/main.rs`, built by trunk as a Web Worker with its
//! own cargo profile at `opt-level = 3`) runs `constellation_core::network::analyze`
//! and posts the measures back. This library is the message format both sides
//! share: [`wire`] in plain Rust, [`js`] as JavaScript messages.
//!
//! A second instance of the same worker draws the network map ([`map`]: the
//! force layout and the drawing, on an `OffscreenCanvas` the page hands over;
//! [`map_js`]: its messages), so the page's thread never lays out or paints
//! a big map.

pub mod js;
pub mod map;
pub mod map_js;
pub mod problems;
pub mod wire;
