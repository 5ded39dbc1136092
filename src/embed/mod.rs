//! Embeds for coalition websites: `/embed/{room}/goal/{goal}`,
//! `/embed/{room}/accountability` and `/embed/{room}/network`, opened in an
//! `<iframe>` with a view-only link (`#k=…`, never the write key).
//!
//! Compact and without the app's chrome, live like every view (a [`LiveRoom`]
//! opened read-only: a write key in the address is ignored). Two things an
//! embed does that the app does not:
//!
//! - it tells the page around it how tall it is, so the page can size the
//!   iframe: after every change of height it posts
//!   `{ type: "constellation-embed-height", height: <CSS pixels, whole>, view: "goal" | "accountability" | "network" }`
//!   to `window.parent` (target origin `*`: the height is no secret, and the
//!   embed cannot know the page's origin). README shows the page's side.
//! - it checks what browsers refuse to third-party iframes before opening the
//!   room. Without `crypto.getRandomValues` the room cannot be opened at all,
//!   and the embed says so with a link to open the view in its own tab; with
//!   storage blocked (`localStorage` or `indexedDB` throwing, as browsers do
//!   when third-party storage is blocked) it still shows the room live and
//!   says it keeps no copy on this device.

mod views;

pub use views::{EmbedAccountability, EmbedGoal, EmbedNetwork};

use constellation_core::link::{RoomId, RoomKey, RoomLink};
use constellation_core::presence::Presence;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_params_map};
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::element::follow_size;
use crate::i18n::t;
use crate::live::LiveRoom;
use crate::room::RoomContext;
use crate::tr;

/// The type of the height message posted to the parent page.
pub const HEIGHT_MESSAGE: &str = "constellation-embed-height";

/// What the browser refuses this embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    /// No `crypto.getRandomValues`: nothing can be opened.
    Crypto,
    /// `localStorage` or `indexedDB` refused: live, but no copy kept.
    Storage,
}

/// Checks crypto first (it decides whether anything can be shown), then storage.
pub fn blocked() -> Option<Blocked> {
    let Some(window) = web_sys::window() else { return Some(Blocked::Crypto) };
    let crypto_ok = window.crypto().ok().is_some_and(|c| {
        let mut probe = [0u8; 4];
        c.get_random_values_with_u8_array(&mut probe).is_ok()
    });
    if !crypto_ok {
        return Some(Blocked::Crypto);
    }
    let local_ok = matches!(window.local_storage(), Ok(Some(_)));
    let indexed_ok = js_sys::Reflect::get(&window, &JsValue::from_str("indexedDB")).is_ok_and(|v| !v.is_undefined() && !v.is_null());
    if !(local_ok && indexed_ok) {
        return Some(Blocked::Storage);
    }
    None
}

/// The frame of every embed: opens the room read-only, reports its height.
#[component]
pub fn EmbedShell() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let link = Signal::derive(move || {
        let room = RoomId::parse(&params.read().get("room").unwrap_or_default())?;
        let key = RoomKey::from_fragment(&location.hash.get())?;
        Ok(RoomLink { room, key, write: None })
    });
    let blocked = blocked();
    let live = match (blocked, link.get_untracked()) {
        (Some(Blocked::Crypto), _) => None,
        (_, Ok(RoomLink { room, key: Some(key), .. })) => Some(LiveRoom::open(room, key, None, Presence::embedded())),
        _ => None,
    };
    provide_context(RoomContext { link, live });

    let root = NodeRef::<leptos::html::Div>::new();
    let size = RwSignal::new((0.0, 0.0));
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            follow_size(&el, size);
        }
    });
    let view_name = move || {
        let path = location.pathname.get();
        ["goal", "accountability", "network"].into_iter().find(|v| path.contains(&format!("/{v}"))).unwrap_or("").to_owned()
    };
    Effect::new(move |last: Option<i64>| {
        let height = size.get().1.ceil() as i64;
        if last != Some(height) && height > 0 {
            post_height(height, &view_name());
        }
        height
    });
    let own_tab = move || window().location().href().unwrap_or_default();

    view! {
        <div class="embed" node_ref=root>
            {match blocked {
                Some(Blocked::Crypto) => Some(view! {
                    <p class="embed-blocked" role="alert">
                        {tr!("embed-blocked-crypto")}" "
                        <a href=own_tab target="_blank" rel="noopener">{tr!("embed-open-tab")}</a>
                    </p>
                }.into_any()),
                Some(Blocked::Storage) => Some(view! {
                    <p class="embed-note" role="note">{tr!("embed-blocked-storage")}</p>
                }.into_any()),
                None => None,
            }}
            {move || match link.get() {
                Err(e) => view! { <p class="embed-blocked" role="alert">{t("room-link-broken")}": "{crate::i18n::link_error(&e)}</p> }.into_any(),
                Ok(l) if l.key.is_none() => view! { <p class="embed-blocked" role="alert">{tr!("room-no-key")}</p> }.into_any(),
                Ok(_) if live.is_none() => ().into_any(),
                Ok(_) => view! {
                    <Outlet/>
                    <p class="embed-foot"><a href=own_tab target="_blank" rel="noopener">{tr!("embed-powered")}</a></p>
                }.into_any(),
            }}
        </div>
    }
}

/// Tells the page around this iframe how tall the embed is.
fn post_height(height: i64, view: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from_f64(height as f64));
    let _ = js_sys::Reflect::set(&message, &"view".into(), &view.into());
    let _ = parent.post_message(message.unchecked_ref(), "*");
}
