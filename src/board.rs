//! The board section: the room's sticky notes, as a list a phone can use.
//!
//! Every change is a call into `core` (`Room::add_note`, `set_note_text`, …)
//! through [`LiveRoom::edit`]; this module only draws and forwards gestures.
//! The free-form canvas, clusters, links and voting come with the board work.

use constellation_core::board::{grid_position, NewNote, Note, NoteColor, NoteId};
use leptos::prelude::*;

use crate::browser::{LocalPreferences, Preferences};
use crate::live::LiveRoom;
use crate::room::use_live_room;

/// Name of the board made for a room's first note.
const FIRST_BOARD: &str = "Ideas";

#[component]
pub fn Board() -> impl IntoView {
    let Some(live) = use_live_room() else {
        return view! {
            <section class="section page"><h1>"Board"</h1></section>
        }
        .into_any();
    };
    let board_id = move || live.read(|room| room.boards().first().map(|b| b.id.clone()));
    let notes = move || board_id().map(|b| live.read(|room| room.notes(&b))).unwrap_or_default();
    let (error, set_error) = signal(None::<String>);

    let add_note = move |_| {
        let board = match board_id() {
            Some(b) => b,
            None => match live.edit(|room| room.add_board(FIRST_BOARD)) {
                Ok(b) => b,
                Err(e) => return set_error.set(Some(e.to_string())),
            },
        };
        let (x, y) = grid_position(live.read(|room| room.notes(&board).len()));
        let new = NewNote {
            board,
            text: String::new(),
            x,
            y,
            color: NoteColor::Yellow,
            author: LocalPreferences.display_name().unwrap_or_default(),
        };
        match live.edit(|room| room.add_note(new)) {
            Ok(id) => {
                set_error.set(None);
                focus_note_later(id.as_str());
            }
            Err(e) => set_error.set(Some(e.to_string())),
        }
    };

    view! {
        <section class="section page board" aria-labelledby="board-heading">
            <div class="section-head">
                <h1 id="board-heading">"Board"</h1>
                <button type="button" class="primary inline" on:click=add_note>"Add note"</button>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            <Show when=move || live.ready.get() fallback=|| view! { <p class="hint">"Opening the room…"</p> }>
                <Show
                    when=move || !notes().is_empty()
                    fallback=|| view! { <p class="hint">"No notes yet. Add the first one."</p> }
                >
                    <ol class="notes" aria-label="Notes">
                        <For
                            each=notes
                            key=|note| note.id.clone()
                            children=move |note| view! { <NoteCard live note_id=note.id.clone() initial=note/> }
                        />
                    </ol>
                </Show>
            </Show>
        </section>
    }
    .into_any()
}

/// One note: its text, editable in place, its author and a delete button.
#[component]
fn NoteCard(live: LiveRoom, note_id: NoteId, initial: Note) -> impl IntoView {
    let id = StoredValue::new(note_id);
    let note = Memo::new(move |_| live.read(|room| room.note(&id.get_value())));
    let text = move || note.get().map(|n| n.text).unwrap_or_default();
    let (error, set_error) = signal(None::<String>);
    let field_id = format!("note-{}", initial.id);
    let error_id = format!("note-error-{}", initial.id);
    let color = initial.color.name();
    view! {
        <li class=format!("note note-{color}")>
            <label class="visually-hidden" for=field_id.clone()>"Note text"</label>
            <textarea
                id=field_id
                rows="3"
                maxlength="2000"
                placeholder="Write your idea"
                aria-describedby=error_id.clone()
                prop:value=text
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    match live.edit(|room| room.edit_note_text(&id.get_value(), &value)) {
                        Ok(()) => set_error.set(None),
                        Err(e) => set_error.set(Some(e.to_string())),
                    }
                }
            ></textarea>
            <p class="error" id=error_id>{move || error.get()}</p>
            <div class="note-foot">
                <span class="author">{move || note.get().map(|n| n.author).filter(|a| !a.is_empty()).unwrap_or_else(|| "Anonymous".into())}</span>
                <button
                    type="button"
                    class="quiet"
                    aria-label=move || format!("Delete note {}", short(&text()))
                    on:click=move |_| {
                        let _ = live.edit(|room| room.delete_note(&id.get_value()));
                    }
                >"Delete"</button>
            </div>
        </li>
    }
}

/// The start of a note's text, to name its controls.
fn short(text: &str) -> String {
    let first: String = text.chars().take(30).collect();
    if first.is_empty() { "(empty)".into() } else { first }
}

/// Puts the keyboard in a new note once it is drawn.
fn focus_note_later(id: &str) {
    let selector = format!("note-{id}");
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&selector) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
