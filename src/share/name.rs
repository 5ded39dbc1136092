//! The first-visit name prompt: someone entering a room with no remembered
//! display name is asked for one first (or skips), then goes straight in.

use constellation_core::presence::Presence;
use leptos::prelude::*;

use crate::browser::{LocalPreferences, Preferences};
use crate::room::use_live_room;
use crate::tr;

/// Shows `children` once this person has a name or has chosen to skip.
#[component]
pub fn NameGate(children: ChildrenFn) -> impl IntoView {
    let prefs = LocalPreferences;
    let live = use_live_room();
    let (entered, set_entered) = signal(prefs.display_name().is_some() || prefs.name_prompt_skipped());
    let (name, set_name) = signal(String::new());
    let (error, set_error) = signal(None::<&'static str>);
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().trim().to_owned();
        if typed.is_empty() {
            set_error.set(Some("name-prompt-needed"));
            return;
        }
        prefs.set_display_name(&typed);
        if let Some(live) = live {
            live.set_presence(Presence::named(&typed));
        }
        set_entered.set(true);
    };
    let skip = move |_| {
        prefs.skip_name_prompt();
        set_entered.set(true);
    };
    move || {
        if entered.get() {
            children().into_any()
        } else {
            view! {
                <form class="page narrow card name-prompt" on:submit=join novalidate aria-labelledby="name-prompt-heading">
                    <h1 id="name-prompt-heading">{tr!("name-prompt-heading")}</h1>
                    <p>{tr!("name-prompt-intro")}</p>
                    <label for="name-prompt-name">{tr!("landing-your-name")}</label>
                    <input
                        id="name-prompt-name"
                        name="name"
                        type="text"
                        dir="auto"
                        autocomplete="name"
                        maxlength="80"
                        autofocus
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby="name-prompt-hint name-prompt-error"
                        prop:value=name
                        on:input=move |ev| set_name.set(event_target_value(&ev))
                    />
                    <p id="name-prompt-hint" class="hint">{tr!("name-prompt-hint")}</p>
                    <p id="name-prompt-error" class="error" role="alert">{move || error.get().map(crate::i18n::t)}</p>
                    <div class="row">
                        <button type="submit" class="primary">{tr!("name-prompt-join")}</button>
                        <button type="button" on:click=skip>{tr!("name-prompt-skip")}</button>
                    </div>
                </form>
            }
            .into_any()
        }
    }
}
