//! The frame around a room: its name, the section links, and the connection
//! status. The sections themselves live in [`crate::sections`].

use constellation_core::link::{LinkError, RoomId, RoomKey, RoomLink, Section};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_location, use_params_map};

use crate::browser::{LocalPreferences, Preferences};

/// How this device is connected to the room's relay, as shown to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    /// Not connected: edits stay on this device until the network returns.
    Offline,
    /// Connected and exchanging what each side is missing.
    Syncing,
    /// Connected and up to date.
    Online,
}

impl Connection {
    pub fn label(self) -> &'static str {
        match self {
            Connection::Offline => "Offline",
            Connection::Syncing => "Syncing",
            Connection::Online => "Online",
        }
    }
}

/// What every section of a room can read: which room, with which key, and how
/// it is connected.
#[derive(Clone)]
pub struct RoomContext {
    pub link: Signal<Result<RoomLink, LinkError>>,
    pub connection: RwSignal<Connection>,
}

#[component]
pub fn RoomShell() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let link = Signal::derive(move || {
        let room = RoomId::parse(&params.read().get("room").unwrap_or_default())?;
        let key = RoomKey::from_fragment(&location.hash.get())?;
        Ok(RoomLink { room, key })
    });
    // Until the live relay is wired in, the room is honestly offline.
    let connection = RwSignal::new(Connection::Offline);
    provide_context(RoomContext { link, connection });

    let display_name = LocalPreferences.display_name();

    view! {
        <div class="room">
            <header class="room-head">
                <a class="brand" href="/">"Constellation"</a>
                <p class="room-name">
                    <span class="visually-hidden">"Room "</span>
                    {move || match link.get() {
                        Ok(l) => format!("Room {}", &l.room.as_str()[..6]),
                        Err(_) => "Unknown room".to_owned(),
                    }}
                </p>
                <p role="status" class="status" data-state=move || connection.get().label().to_lowercase()>
                    <span class="status-dot" aria-hidden="true"></span>
                    {move || connection.get().label()}
                </p>
                {display_name.map(|n| view! { <p class="me">{n}</p> })}
            </header>
            <nav class="sections" aria-label="Room sections">
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        let href = move || match link.get() {
                            Ok(l) => l.path(section),
                            Err(_) => section.slug().to_owned(),
                        };
                        view! { <A href=href>{section_name(section)}</A> }
                    })
                    .collect_view()}
            </nav>
            <main class="room-body" id="main">
                {move || match link.get() {
                    Err(e) => view! {
                        <div class="page narrow">
                            <h1>"This room link does not work"</h1>
                            <p role="alert">{e.to_string()}</p>
                            <p><a href="/">"Go to the start page"</a></p>
                        </div>
                    }
                    .into_any(),
                    Ok(l) if l.key.is_none() => view! {
                        <div class="notice" role="alert">
                            "This link has no room key, so the room's content cannot be read here. "
                            "Ask for the full link (it ends with #k=…)."
                        </div>
                        <Outlet/>
                    }
                    .into_any(),
                    Ok(_) => view! { <Outlet/> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// The visible name of a section, also its link's accessible name.
pub fn section_name(section: Section) -> &'static str {
    match section {
        Section::Board => "Board",
        Section::Goals => "Goals",
        Section::Network => "Network",
        Section::Commitments => "Commitments",
    }
}
