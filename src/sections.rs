//! The sections of a room not yet built (goals, network, commitments). Each is
//! filled in by its own work item; until then it says what it will hold, so a
//! person who opens it knows where they are. The board lives in [`crate::board`].

use leptos::prelude::*;

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
pub fn Goals() -> impl IntoView {
    view! {
        <SectionIntro
            title="Goals"
            purpose="Mission goals with indicators, baselines and targets, and the measurements every partner reports."
        />
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

#[component]
pub fn Commitments() -> impl IntoView {
    view! {
        <SectionIntro
            title="Commitments"
            purpose="What each partner promised, what it delivered, and who has gone quiet."
        />
    }
}
