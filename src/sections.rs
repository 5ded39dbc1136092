//! The sections of a room not yet built (network). Each is filled in by its
//! own work item; until then it says what it will hold, so a person who opens
//! it knows where they are. The board lives in [`crate::board`]; goals and
//! commitments in [`crate::plan`].

use leptos::prelude::*;

pub use crate::plan::{Commitments, Goals};

#[component]
fn SectionIntro(title: &'static str, purpose: &'static str) -> impl IntoView {
    view! {
        <section class="section page">
            <h1>{title}</h1>
            <p class="lede">{purpose}</p>
        </section>
    }
}

#[component]
pub fn Network() -> impl IntoView {
    view! {
        <SectionIntro
            title="Network"
            purpose="The live map of people and organizations: who connects whom, across which sectors."
        />
    }
}
