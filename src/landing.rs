//! The start page: remember who you are, create a room, or join one.

use constellation_core::link::{RoomLink, Section};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::browser::{random_bytes, LocalPreferences, Preferences};
use crate::i18n::LanguageSwitch;
use crate::tr;

#[component]
pub fn Landing() -> impl IntoView {
    let prefs = LocalPreferences;
    let (name, set_name) = signal(prefs.display_name().unwrap_or_default());
    let (code, set_code) = signal(String::new());
    let (join_error, set_join_error) = signal(None::<crate::share::JoinError>);
    let navigate = use_navigate();

    let create_room = {
        let navigate = navigate.clone();
        move |_| {
            // A signed room: its id is the verifying key of the write key
            // that only the edit link carries.
            let link = RoomLink::new_room(random_bytes(), random_bytes());
            navigate(&link.path(Section::Board), NavigateOptions::default());
        }
    };

    let join_room = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A short room code (12 letters and digits): its ticket is fetched
        // from the relay and opened with a key derived from the code.
        if let Ok(room_code) = constellation_core::room_code::RoomCode::parse(&code.get_untracked()) {
            set_join_error.set(None);
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                match crate::share::open_code(room_code).await {
                    Ok(link) => navigate(&link.path(Section::Board), NavigateOptions::default()),
                    Err(e) => set_join_error.set(Some(crate::share::JoinError::Code(e))),
                }
            });
            return;
        }
        match RoomLink::parse(&code.get_untracked()) {
            Ok(link) => {
                set_join_error.set(None);
                navigate(&link.path(Section::Board), NavigateOptions::default());
            }
            Err(e) => set_join_error.set(Some(crate::share::JoinError::Link(e))),
        }
    };

    view! {
        <main class="page narrow landing">
            <header class="landing-head">
                <h1>"Constellation"</h1>
                <LanguageSwitch/>
                <p class="lede">{tr!("landing-lede")}</p>
            </header>

            <section class="card" aria-labelledby="you-heading">
                <h2 id="you-heading">{tr!("landing-you")}</h2>
                <label for="display-name">{tr!("landing-your-name")}</label>
                <input
                    id="display-name"
                    name="display-name"
                    dir="auto"
                    type="text"
                    autocomplete="name"
                    maxlength="80"
                    prop:value=name
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        prefs.set_display_name(&value);
                        set_name.set(value);
                    }
                />
                <p class="hint">{tr!("landing-name-hint")}</p>
            </section>

            <section class="card" aria-labelledby="start-heading">
                <h2 id="start-heading">{tr!("landing-start")}</h2>
                <button type="button" class="primary" on:click=create_room>{tr!("landing-create")}</button>
                <p class="hint">{tr!("landing-create-hint")}</p>
            </section>

            <section class="card" aria-labelledby="join-heading">
                <h2 id="join-heading">{tr!("landing-join-heading")}</h2>
                <form on:submit=join_room novalidate>
                    <label for="room-code">{tr!("landing-code")}</label>
                    <div class="row">
                        <input
                            id="room-code"
                            name="room-code"
                            type="text"
                            autocomplete="off"
                            autocapitalize="off"
                            spellcheck="false"
                            aria-invalid=move || join_error.get().is_some().to_string()
                            aria-describedby="room-code-error"
                            prop:value=code
                            on:input=move |ev| set_code.set(event_target_value(&ev))
                        />
                        <button type="submit">{tr!("landing-join")}</button>
                    </div>
                    <p id="room-code-error" class="error" role="alert">
                        {move || join_error.get().map(|e| e.text())}
                    </p>
                </form>
            </section>
        </main>
    }
}
