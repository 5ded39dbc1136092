//! The frame around a room: its name, the section links, and the connection
//! status. The sections themselves live in [`crate::sections`].

use constellation_core::link::{LinkError, RoomId, RoomLink, Section};
use constellation_core::presence::Presence;
use constellation_core::sync::Status;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_location, use_params_map};

use crate::browser::{LocalPreferences, Preferences};
use crate::i18n::{t, t_args, LanguageSwitch};
use crate::live::LiveRoom;
use crate::tr;

/// What every section of a room can read: which room, with which key, and
/// the live room itself (absent when the link has no key).
#[derive(Clone)]
pub struct RoomContext {
    pub link: Signal<Result<RoomLink, LinkError>>,
    pub live: Option<LiveRoom>,
}

/// The live room of the section being shown; sections call this.
pub fn use_live_room() -> Option<LiveRoom> {
    use_context::<RoomContext>().and_then(|c| c.live)
}

#[component]
pub fn RoomShell() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let link = Signal::derive(move || {
        let room = RoomId::parse(&params.read().get("room").unwrap_or_default())?;
        RoomLink::from_parts(room, &location.hash.get())
    });
    let display_name = LocalPreferences.display_name();
    // The room is opened once per visit: the link's room and key are read
    // when the shell mounts (changing rooms remounts the shell).
    let live = match link.get_untracked() {
        Ok(RoomLink { room, key: Some(key), write }) => {
            Some(LiveRoom::open(room, key, write, Presence::named(display_name.as_deref().unwrap_or(""))))
        }
        _ => None,
    };
    provide_context(RoomContext { link, live });
    let status = move || live.map_or(Status::Offline, |l| l.status.get());

    view! {
        <div class="room">
            <header class="room-head">
                <a class="brand" href="/">"Constellation"</a>
                <p class="room-name" dir="auto">
                    {move || match link.get() {
                        Ok(l) => {
                            let title = live.map(|live| live.read(|room| room.title())).unwrap_or_default();
                            if title.is_empty() { t_args("room-fallback-name", &[("id", l.room.as_str()[..6].to_owned().into())]) } else { title }
                        }
                        Err(_) => t("room-unknown"),
                    }}
                </p>
                <crate::share::AccessBadge/>
                <crate::share::ShareButton/>
                <p role="status" class="status" data-state=move || status_state(status())>
                    <span class="status-dot" aria-hidden="true"></span>
                    {move || status_label(status())}
                </p>
                <LanguageSwitch/>
                {live.map(|l| view! { <Participants live=l/> })}
            </header>
            {live.map(|l| view! {
                <p class="notice" role="alert" hidden=move || l.notice.get().is_none()>
                    {move || l.notice.get().map(|said| said.text())}
                </p>
            })}
            <nav class="sections" aria-label=tr!("room-sections")>
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        let href = move || match link.get() {
                            Ok(l) => l.path(section),
                            Err(_) => section.slug().to_owned(),
                        };
                        view! { <A href=href>{move || section_name(section)}</A> }
                    })
                    .collect_view()}
                <a class="present-link" href=move || link.get().map(|l| crate::presenter::present_path(&l)).unwrap_or_default()>{tr!("present")}</a>
            </nav>
            <main class="room-body" id="main">
                {move || match link.get() {
                    Err(e) => view! {
                        <div class="page narrow">
                            <h1>{tr!("room-link-broken")}</h1>
                            <p role="alert">{move || crate::i18n::link_error(&e)}</p>
                            <p><a href="/">{tr!("go-to-start")}</a></p>
                        </div>
                    }
                    .into_any(),
                    Ok(l) if l.key.is_none() => view! {
                        <div class="notice" role="alert">
                            {tr!("room-no-key")}
                        </div>
                        <Outlet/>
                    }
                    .into_any(),
                    Ok(_) => view! {
                        <crate::share::NameGate>
                            <crate::share::EditGate><Outlet/></crate::share::EditGate>
                        </crate::share::NameGate>
                    }
                    .into_any(),
                }}
            </main>
        </div>
    }
}

fn status_label(status: Status) -> String {
    t(match status {
        Status::Offline => "status-offline",
        Status::Syncing => "status-syncing",
        Status::Online => "status-online",
    })
}

/// The status as a stable word for CSS (`data-state`), whatever the language.
fn status_state(status: Status) -> &'static str {
    match status {
        Status::Offline => "offline",
        Status::Syncing => "syncing",
        Status::Online => "online",
    }
}

/// Who is in the room: a count that opens the list of names. Views embedded
/// in websites watch the room without taking part: they are counted apart.
#[component]
fn Participants(live: LiveRoom) -> impl IntoView {
    let people = move || {
        live.peers.with(|peers| peers.iter().filter(|(_, p)| !p.is_embedded()).map(|(c, p)| (*c, p.name.clone())).collect::<Vec<_>>())
    };
    let embeds = move || live.peers.with(|peers| peers.iter().filter(|(_, p)| p.is_embedded()).count());
    let count = move || live.peers.with(|peers| peers.iter().filter(|(_, p)| !p.is_embedded()).count()) + 1;
    view! {
        <details class="participants">
            <summary>
                <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                    <circle cx="9" cy="8" r="3.2" fill="currentColor"/>
                    <path d="M2.5 19c.6-3.6 3.2-5.6 6.5-5.6s5.9 2 6.5 5.6z" fill="currentColor"/>
                    <circle cx="17" cy="9" r="2.6" fill="currentColor" opacity=".75"/>
                    <path d="M15.6 13.7c2.9.1 5 1.9 5.6 5.3h-4.3c-.2-2-.6-3.7-1.3-5.3z" fill="currentColor" opacity=".75"/>
                </svg>
                {move || t_args("here-count", &[("count", count().into())])}
            </summary>
            <ul aria-label=tr!("participants")>
                <li dir="auto">{move || {
                    let me = live.own_name.get();
                    if me.is_empty() { t("participant-you") } else { t_args("participant-me", &[("name", me.into())]) }
                }}</li>
                <For
                    each=people
                    key=|p| p.clone()
                    children=|(_, name)| view! { <li dir="auto">{move || guest_or(&name)}</li> }
                />
            </ul>
            <p class="participants-embeds" hidden=move || embeds() == 0>
                {move || t_args("embed-watchers", &[("count", embeds().into())])}
            </p>
        </details>
    }
}

/// A participant's name, or "Guest" in the reader's language for the nameless.
pub fn guest_or(name: &str) -> String {
    if name.is_empty() {
        t("participant-guest")
    } else {
        name.to_owned()
    }
}

/// The visible name of a section, also its link's accessible name.
pub fn section_name(section: Section) -> String {
    t(match section {
        Section::Board => "section-board",
        Section::Goals => "section-goals",
        Section::Network => "section-network",
        Section::Commitments => "section-commitments",
    })
}
