//! Presenter mode (`/r/{room}/present`): the room on a projector. Large type,
//! live like every other view (it reads the same [`LiveRoom`]): how many are
//! here, how to join, the activity timer, the whiteboard lock, and the
//! session's read-out.
//!
//! The lock and the session's start are in the room (`core::facilitation`),
//! so every participant's board obeys the lock; the timer is local to this
//! screen ([`timer`]). The read-out is `Room::session_readout`, written out
//! here as sentences a facilitator can read aloud.

mod timer;

use constellation_core::facilitation::SessionReadout;
use constellation_core::link::Section;
use leptos::prelude::*;

use crate::browser::download::copy_text;
use crate::i18n::{t, t_args};
use crate::live::LiveRoom;
use crate::room::{use_live_room, RoomContext};
use crate::tr;

/// How many places of each board's ranked list the read-out names.
const TOP_PLACES: u32 = 3;

#[component]
pub fn Presenter() -> impl IntoView {
    let Some(live) = use_live_room() else {
        return view! {
            <section class="presenter page"><h1>{tr!("presenter-heading")}</h1><p class="lede">{tr!("board-no-key")}</p></section>
        }
        .into_any();
    };
    let link = use_context::<RoomContext>().map(|c| c.link);
    let room_path = move |section: Section| link.and_then(|l| l.get().ok()).map(|l| l.path(section)).unwrap_or_default();
    let join_link = move || {
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}{}", room_path(Section::Board))
    };
    // Visitors of websites that embed the room are not participants.
    let (code_status, set_code_status) = signal(String::new());
    let count = move || {
        live.peers.with(|peers| peers.iter().filter(|(_, p)| !p.is_embedded()).count()) + 1
    };

    view! {
        <section class="presenter" aria-labelledby="presenter-heading">
            <header class="presenter-top">
                <h1 id="presenter-heading">{tr!("presenter-heading")}</h1>
                <a class="presenter-back" href=move || room_path(Section::Board)>{tr!("presenter-back")}</a>
            </header>
            <div class="presenter-grid">
                <section class="presenter-card presenter-join" aria-labelledby="join-heading">
                    <h2 id="join-heading">{tr!("presenter-join")}</h2>
                    <p class="presenter-count">{move || t_args("presenter-count", &[("count", count().into())])}</p>
                    <crate::share::QrCode text=Signal::derive(join_link) label=Signal::derive(move || t("presenter-qr"))/>
                    <p class="presenter-link"><a href=join_link dir="ltr">{join_link}</a></p>
                    {link.and_then(|l| l.get_untracked().ok()).map(|l| view! {
                        <crate::share::RoomCodePanel link=l set_status=set_code_status/>
                        <p class="hint" aria-live="polite">{code_status}</p>
                    })}
                </section>
                <timer::Timer/>
                <Facilitation live/>
            </div>
            <Readout live/>
        </section>
    }
    .into_any()
}

/// The lock toggle and the session's start.
#[component]
fn Facilitation(live: LiveRoom) -> impl IntoView {
    let locked = move || live.read(|room| room.board_locked());
    let started = move || live.read(|room| room.session_start().map(|s| s.started_at));
    let toggle = move |_| {
        let lock = !locked();
        let _ = live.edit(move |room| Ok::<_, std::convert::Infallible>(room.set_board_locked(lock)));
    };
    let start = move |_| {
        let now = js_sys::Date::now() as u64;
        let _ = live.edit(move |room| Ok::<_, std::convert::Infallible>(room.start_session(now)));
    };
    view! {
        <section class="presenter-card" aria-labelledby="facilitation-heading">
            <h2 id="facilitation-heading">{tr!("presenter-facilitation")}</h2>
            <p class="presenter-lock-state" class:locked=locked>
                {move || if locked() { t("board-locked") } else { t("presenter-unlocked") }}
            </p>
            <button type="button" class="primary" on:click=toggle>
                {move || if locked() { t("presenter-unlock") } else { t("presenter-lock") }}
            </button>
            <p>{move || match started() {
                Some(at) => t_args("presenter-session-since", &[("time", clock_time(at).into())]),
                None => t("presenter-no-session"),
            }}</p>
            <button type="button" on:click=start>
                {move || if started().is_some() { t("presenter-restart-session") } else { t("presenter-start-session") }}
            </button>
        </section>
    }
}

/// The read-out: lists to look at, and the same as text to read aloud or copy.
#[component]
fn Readout(live: LiveRoom) -> impl IntoView {
    let readout = Memo::new(move |_| live.read(|room| room.session_readout(TOP_PLACES)));
    let copied = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = readout_text(&readout.get_untracked());
        leptos::task::spawn_local(async move {
            copied.set(Some(match copy_text(&text).await {
                Ok(()) => t("presenter-copied"),
                Err(_) => t("presenter-copy-refused"),
            }));
        });
    };
    view! {
        <section class="presenter-card presenter-readout" aria-labelledby="readout-heading">
            <h2 id="readout-heading">{tr!("presenter-readout")}</h2>
            <div class="readout-columns">
                <section aria-labelledby="top-notes-heading">
                    <h3 id="top-notes-heading">{tr!("presenter-top-notes")}</h3>
                    {move || {
                        let notes = readout.get().top_notes;
                        if notes.is_empty() {
                            view! { <p class="hint">{tr!("presenter-no-votes")}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="readout-list" aria-labelledby="top-notes-heading">
                                    {notes.into_iter().map(|n| view! {
                                        <li>
                                            <span class="readout-votes">{t_args("vote-count", &[("count", n.votes.into())])}</span>
                                            " "<span dir="auto">{n.text}</span>
                                            <span class="hint">" · "{n.board}</span>
                                        </li>
                                    }).collect_view()}
                                </ol>
                            }.into_any()
                        }
                    }}
                </section>
                <section aria-labelledby="new-commitments-heading">
                    <h3 id="new-commitments-heading">{tr!("presenter-new-commitments")}</h3>
                    {move || {
                        let list = readout.get().new_commitments;
                        if list.is_empty() {
                            view! { <p class="hint">{tr!("presenter-none-yet")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="readout-list" aria-labelledby="new-commitments-heading">
                                    {list.into_iter().map(|c| view! {
                                        <li><strong dir="auto">{c.organization}</strong>": "<span dir="auto">{c.description}</span></li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }}
                </section>
                <section aria-labelledby="network-changes-heading">
                    <h3 id="network-changes-heading">{tr!("presenter-network-changes")}</h3>
                    {move || {
                        let r = readout.get();
                        let lines = network_lines(&r);
                        if lines.is_empty() {
                            view! { <p class="hint">{tr!("presenter-none-yet")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="readout-list" aria-labelledby="network-changes-heading">
                                    {lines.into_iter().map(|l| view! { <li dir="auto">{l}</li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }}
                </section>
            </div>
            <h3 id="readout-text-heading">{tr!("presenter-readout-text")}</h3>
            <p class="readout-text" aria-labelledby="readout-text-heading">{move || readout_text(&readout.get())}</p>
            <div class="row">
                <button type="button" on:click=copy>{tr!("presenter-copy")}</button>
                <span aria-live="polite">{move || copied.get()}</span>
            </div>
        </section>
    }
}

/// The network's new organizations, people and ties, one sentence each.
fn network_lines(r: &SessionReadout) -> Vec<String> {
    let mut lines = Vec::new();
    for (_, name) in &r.new_organizations {
        lines.push(t_args("presenter-new-organization", &[("name", name.clone().into())]));
    }
    for (_, name) in &r.new_people {
        lines.push(t_args("presenter-new-person", &[("name", name.clone().into())]));
    }
    for tie in &r.new_ties {
        lines.push(t_args("presenter-new-tie", &[("from", tie.from.clone().into()), ("to", tie.to.clone().into())]));
    }
    lines
}

/// The read-out as one paragraph a facilitator can read aloud.
fn readout_text(r: &SessionReadout) -> String {
    let mut parts = Vec::new();
    if r.top_notes.is_empty() {
        parts.push(t("presenter-text-no-votes"));
    } else {
        let notes: Vec<String> = r
            .top_notes
            .iter()
            .map(|n| t_args("presenter-text-note", &[("text", n.text.clone().into()), ("votes", n.votes.into())]))
            .collect();
        parts.push(t_args("presenter-text-top", &[("notes", notes.join(&t("list-semicolon")).into())]));
    }
    parts.push(t_args("presenter-text-commitments", &[("count", r.new_commitments.len().into())]));
    if !r.new_commitments.is_empty() {
        let list: Vec<String> = r
            .new_commitments
            .iter()
            .map(|c| t_args("presenter-text-commitment", &[("organization", c.organization.clone().into()), ("description", c.description.clone().into())]))
            .collect();
        parts.push(t_args("presenter-text-commitment-list", &[("list", list.join(&t("list-semicolon")).into())]));
    }
    parts.push(t_args(
        "presenter-text-network",
        &[
            ("organizations", r.new_organizations.len().into()),
            ("people", r.new_people.len().into()),
            ("ties", r.new_ties.len().into()),
        ],
    ));
    parts.join(" ")
}

/// A time of day (`14:05`) the current locale's way, from ms since 1970.
fn clock_time(millis: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    date.to_locale_time_string(crate::i18n::lang().code()).as_string().unwrap_or_default()
}

/// The presenter's path in the room of `link`, keeping its fragment (keys).
pub fn present_path(link: &constellation_core::link::RoomLink) -> String {
    let board = link.path(Section::Board);
    let fragment = board.find('#').map(|i| &board[i..]).unwrap_or("");
    format!("/r/{}/present{fragment}", link.room)
}
