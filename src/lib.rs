//! The Constellation web app: views and browser adapters only.
//!
//! Every rule about what a room contains and how it changes lives in
//! `constellation-core`; this crate draws it and forwards gestures. Browser-only
//! capabilities (storage, randomness, later the socket and WebCrypto) sit in
//! [`browser`] behind small interfaces so the logic that uses them stays testable.

pub mod board;
pub mod browser;
pub mod embed;
pub mod i18n;
pub mod live;
mod network_view;
mod plan;
pub mod presenter;
pub mod landing;
pub mod room;
pub mod sections;
pub mod share;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

pub use landing::Landing;
pub use room::RoomShell;

/// The whole app: the landing page at `/`, and each room at `/r/{room_id}/…`
/// with its key in the URL fragment.
#[component]
pub fn App() -> impl IntoView {
    i18n::apply_to_document(i18n::lang());
    browser::keyboard::keep_focused_field_visible();
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Landing/>
                <ParentRoute path=path!("/r/:room") view=RoomShell>
                    <Route path=path!("") view=|| view! { <Redirect path="board"/> }/>
                    <Route path=path!("board") view=board::Board/>
                    <Route path=path!("goals") view=sections::Goals/>
                    <Route path=path!("network") view=sections::Network/>
                    <Route path=path!("commitments") view=sections::Commitments/>
                    <Route path=path!("present") view=presenter::Presenter/>
                </ParentRoute>
                <ParentRoute path=path!("/embed/:room") view=embed::EmbedShell>
                    <Route path=path!("goal/:goal") view=embed::EmbedGoal/>
                    <Route path=path!("accountability") view=embed::EmbedAccountability/>
                    <Route path=path!("network") view=embed::EmbedNetwork/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <main class="page narrow">
            <h1>{tr!("not-found-title")}</h1>
            <p>{tr!("not-found-body")}" "<a href="/">{tr!("go-to-start")}</a></p>
        </main>
    }
}
