//! Undo and redo of this person's own network edits (the network's history
//! in core, apart from the whiteboard's): two buttons in the section's head,
//! and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z or Ctrl+Y while the Network section is
//! open and no text field has the keyboard.

use std::convert::Infallible;

use leptos::prelude::*;

use super::NetState;
use crate::i18n::t;
use crate::tr;

fn step(state: NetState, undo: bool) {
    state.live.end_undo_step();
    let update = state.live.edit(|room| Ok::<_, Infallible>(if undo { room.undo_network() } else { room.redo_network() }));
    if update.is_ok() {
        state.announcement.set(t(if undo { "undone" } else { "redone" }));
    }
}

#[component]
pub fn UndoRedo(state: NetState) -> impl IntoView {
    let live = state.live;
    let can_undo = move || live.read(|room| room.can_undo_network());
    let can_redo = move || live.read(|room| room.can_redo_network());
    crate::browser::element::listen_active(&document(), "keydown", move |ev| {
        use wasm_bindgen::JsCast;
        let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if !(key.ctrl_key() || key.meta_key()) || crate::board::in_text_field(ev) {
            return;
        }
        match key.key().to_lowercase().as_str() {
            "z" if key.shift_key() => step(state, false),
            "z" => step(state, true),
            "y" => step(state, false),
            _ => return,
        }
        ev.prevent_default();
    });
    view! {
        <span class="net-undo">
            <button type="button" aria-keyshortcuts="Control+Z" disabled=move || !can_undo() on:click=move |_| step(state, true)>{tr!("undo")}</button>
            <button type="button" aria-keyshortcuts="Control+Shift+Z" disabled=move || !can_redo() on:click=move |_| step(state, false)>{tr!("redo")}</button>
        </span>
    }
}
