//! The bars above a board: the room's boards (switch, add, rename, reorder,
//! delete with undo) and the tools (view, add, undo, zoom, voting, files).

use constellation_core::board::camera::{Camera, ZOOM_STEP};
use constellation_core::board::{NewCluster, MAX_VOTE_ALLOWANCE, NOTE_HEIGHT, NOTE_WIDTH};
use leptos::prelude::*;

use super::{export, BoardState, Mode, Selection};
use crate::i18n::{t, t_args, Said};
use crate::tr;

/// The room's boards as a row of buttons, and the actions on the current one.
#[component]
pub fn Boards(state: BoardState) -> impl IntoView {
    let live = state.live;
    let boards = Memo::new(move |_| live.read(|room| room.boards()));
    let BoardState { renaming, name_draft: draft, deleted, .. } = state;

    let add = move |_| {
        let name = t_args("board-default-name", &[("n", (boards.get_untracked().len() + 1).into())]);
        if let Some(id) = state.edit(|room| room.add_board(&name)) {
            state.chosen.set(Some(id));
            draft.set(name);
            renaming.set(true);
            super::focus_later("board-name".into());
        }
    };
    let save_name = move || {
        if let Some(id) = state.board.get_untracked() {
            let name = draft.get_untracked();
            if state.edit(|room| room.rename_board(&id, &name)).is_some() {
                renaming.set(false);
            }
        }
    };
    view! {
        <nav class="boards" aria-label=tr!("boards-nav")>
            <ul class="board-tabs">
                <For
                    each=move || boards.get()
                    key=|b| (b.id.clone(), b.name.clone())
                    children=move |b| {
                        let id = b.id.clone();
                        let current = {
                            let id = id.clone();
                            move || state.board.get().as_ref() == Some(&id)
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="board-tab"
                                    dir="auto"
                                    aria-current=move || if current() { Some("page") } else { None }
                                    on:click=move |_| {
                                        state.chosen.set(Some(id.clone()));
                                        state.selection.set(Selection::Nothing);
                                        renaming.set(false);
                                    }
                                >{b.name.clone()}</button>
                            </li>
                        }
                    }
                />
                <li><button type="button" class="board-tab add" disabled=move || state.locked() on:click=add>{tr!("board-add")}</button></li>
            </ul>
            <Show when=move || renaming.get()>
                <form class="board-rename row" on:submit=move |ev| { ev.prevent_default(); save_name(); }>
                    <label class="visually-hidden" for="board-name">{tr!("board-name")}</label>
                    <input id="board-name" type="text" dir="auto" maxlength="100" prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(false); } />
                    <button type="submit">{tr!("save-name")}</button>
                    <button type="button" class="quiet" on:click=move |_| renaming.set(false)>{tr!("cancel")}</button>
                </form>
            </Show>
            <Show when=move || deleted.get().is_some()>
                <p class="toast" aria-live="polite">
                    {move || t_args("board-deleted", &[("name", deleted.get().unwrap_or_default().into())])}
                    <button type="button" on:click=move |_| { state.undo(); deleted.set(None); }>{tr!("undo")}</button>
                    <button type="button" class="quiet" aria-label=tr!("dismiss") on:click=move |_| deleted.set(None)>"×"</button>
                </p>
            </Show>
        </nav>
    }
}

/// Rename, reorder and delete the current board (deleting can be undone).
#[component]
fn BoardActions(state: BoardState) -> impl IntoView {
    let live = state.live;
    let boards = Memo::new(move |_| live.read(|room| room.boards()));
    let current_name = move || {
        let id = state.board.get();
        boards.get().into_iter().find(|b| Some(&b.id) == id.as_ref()).map(|b| b.name).unwrap_or_default()
    };
    let index = move || {
        let id = state.board.get();
        boards.get().iter().position(|b| Some(&b.id) == id.as_ref())
    };
    let shift = move |by: isize| {
        let (Some(id), Some(at)) = (state.board.get_untracked(), index()) else { return };
        let to = at as isize + by;
        if to < 0 || to as usize >= boards.get_untracked().len() {
            return;
        }
        state.edit(|room| room.move_board(&id, to as usize));
    };
    let delete = move |_| {
        let Some(id) = state.board.get_untracked() else { return };
        let name = current_name();
        if state.edit(|room| room.delete_board(&id)).is_some() {
            state.selection.set(Selection::Nothing);
            state.deleted.set(Some(name));
        }
    };
    view! {
        <Show when=move || state.board.get().is_some()>
            <div class="tool-group" role="group" aria-label=tr!("board-this")>
                <button type="button" disabled=move || state.locked() on:click=move |_| {
                    state.name_draft.set(current_name());
                    state.renaming.set(true);
                    super::focus_later("board-name".into());
                }>{tr!("board-rename")}</button>
                <button type="button" aria-label=tr!("board-move-left") disabled=move || state.locked() || index() == Some(0) on:click=move |_| shift(-1)>"←"</button>
                <button type="button" aria-label=tr!("board-move-right") disabled=move || state.locked() || index().map(|i| i + 1 >= boards.get().len()).unwrap_or(true) on:click=move |_| shift(1)>"→"</button>
                <button type="button" class="danger" disabled=move || state.locked() on:click=delete>{tr!("board-delete")}</button>
            </div>
        </Show>
    }
}

/// The tools: view switch, add, undo and redo, zoom, voting, files.
#[component]
pub fn Toolbar(state: BoardState) -> impl IntoView {
    let live = state.live;
    let mode_button = move |mode: Mode, label: &'static str| {
        let label = move || t(label);
        view! {
            <button type="button" class="seg" aria-pressed=move || (state.mode.get() == mode).to_string()
                on:click=move |_| state.mode.set(mode)>{label}</button>
        }
    };
    let add_note = move |_| {
        let (w, h) = state.size.get_untracked();
        let camera = state.camera.get_untracked();
        let count = state.content.with_untracked(|c| c.as_ref().map_or(0, |c| c.notes.len()));
        let wanted = if state.mode.get_untracked() == Mode::Canvas && w > 0.0 {
            let (cx, cy) = camera.to_board(w / 2.0, h / 2.0);
            (cx - NOTE_WIDTH / 2.0, cy - NOTE_HEIGHT / 2.0)
        } else {
            constellation_core::board::grid_position(count)
        };
        // Never on top of another note.
        let (x, y) = state.content.with_untracked(|c| c.as_ref().map_or(wanted, |c| c.free_spot(wanted.0, wanted.1)));
        state.add_note_at(x.round(), y.round());
        if state.mode.get_untracked() != Mode::Canvas {
            if let Some(id) = state.editing.get_untracked() {
                super::focus_later(format!("list-note-{id}"));
            }
        }
    };
    let add_cluster = move |_| {
        let Some(board) = state.board_or_first() else { return };
        let (w, h) = state.size.get_untracked();
        let (cx, cy) = state.camera.get_untracked().to_board(w / 2.0, h / 2.0);
        let new = NewCluster { board, label: t("cluster-new"), x: (cx - 200.0).round(), y: (cy - 150.0).round(), width: 400.0, height: 300.0 };
        if let Some(id) = state.edit(|room| room.add_cluster(new)) {
            state.mode.set(Mode::Canvas);
            state.selection.set(Selection::Cluster(id));
            super::focus_later("cluster-label-field".into());
        }
    };
    let zoom = move |factor: f64| {
        let (w, h) = state.size.get_untracked();
        state.camera.update(|c| *c = c.zoom_at(w / 2.0, h / 2.0, factor));
    };
    let can_undo = move || live.read(|room| room.can_undo());
    let can_redo = move || live.read(|room| room.can_redo());
    let tally = move || state.content.with(|c| c.as_ref().map(|c| c.tally.clone()).unwrap_or_default());
    let ballot = move || state.my_ballot();
    let set_allowance = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let Some(board) = state.board.get_untracked() else { return };
        match value.trim().parse::<u32>() {
            Ok(n) => {
                state.edit(|room| room.set_vote_allowance(&board, n));
            }
            Err(_) => state.error.set(Some(Said::new(|| t_args("vote-allowance-error", &[("max", MAX_VOTE_ALLOWANCE.into())])))),
        }
    };

    let more = RwSignal::new(false);
    view! {
        <div class="board-tools" role="toolbar" aria-label=tr!("board-tools")>
            <div class="tool-group" role="group" aria-label=tr!("board-view")>
                {mode_button(Mode::Canvas, "mode-canvas")}
                {mode_button(Mode::List, "mode-list")}
                {mode_button(Mode::Ranked, "mode-ranked")}
            </div>
            <div class="tool-group">
                <button type="button" class="primary inline" disabled=move || state.locked() aria-describedby=move || state.locked_reason() on:click=add_note>{tr!("note-add")}</button>
                <button type="button" aria-keyshortcuts="Control+Z" disabled=move || !can_undo() on:click=move |_| state.undo()>{tr!("undo")}</button>
                <button type="button" aria-keyshortcuts="Control+Shift+Z" disabled=move || !can_redo() on:click=move |_| state.redo()>{tr!("redo")}</button>
                <button type="button" class="more-toggle" aria-expanded=move || more.get().to_string() aria-controls="more-tools"
                    on:click=move |_| more.update(|m| *m = !*m)>{tr!("more-tools")}</button>
            </div>
            <p class="ballot" aria-live="polite" hidden=move || ballot().allowance == 0>{move || {
                let b = ballot();
                t_args("votes-left", &[("remaining", b.remaining.into()), ("allowance", b.allowance.into())])
            }}</p>
            <div id="more-tools" class=move || if more.get() { "more-tools open" } else { "more-tools" }>
                <button type="button" disabled=move || state.locked() on:click=add_cluster>{tr!("cluster-add")}</button>
                <Show when=move || state.mode.get() == Mode::Canvas>
                    <div class="tool-group" role="group" aria-label=tr!("zoom")>
                        <button type="button" aria-label=tr!("zoom-out") aria-keyshortcuts="-" on:click=move |_| zoom(1.0 / ZOOM_STEP)>"−"</button>
                        <span class="zoom-level">{move || t_args("zoom-level", &[("percent", (state.camera.get().zoom * 100.0).round().into())])}</span>
                        <button type="button" aria-label=tr!("zoom-in") aria-keyshortcuts="+" on:click=move |_| zoom(ZOOM_STEP)>"+"</button>
                        <button type="button" aria-keyshortcuts="Shift+1" on:click=move |_| fit(state)>{tr!("zoom-fit")}</button>
                    </div>
                </Show>
                <div class="tool-group votes-tools">
                    <label for="vote-allowance">{tr!("votes-per-person")}</label>
                    <input id="vote-allowance" type="number" min="0" max=MAX_VOTE_ALLOWANCE inputmode="numeric"
                        prop:value=move || tally().allowance.to_string()
                        disabled=move || state.locked() || state.board.get().is_none()
                        on:change=set_allowance/>
                </div>
                <export::Files state/>
                <BoardActions state/>
            </div>
        </div>
    }
}

/// Shows the whole board.
pub fn fit(state: BoardState) {
    let (w, h) = state.size.get_untracked();
    if let Some(bounds) = state.content.with_untracked(|c| c.as_ref().and_then(|c| c.bounds())) {
        state.camera.set(Camera::fit(bounds, w.max(1.0), h.max(1.0), 24.0));
    } else {
        state.camera.set(Camera::default());
    }
}

/// Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes this person's own
/// board edits, anywhere on the page except in a text field (which keeps its
/// own typing undo).
pub fn undo_keys(state: BoardState) {
    // Not passive: it must stop the browser's own handling of the keys.
    crate::browser::element::listen_active(&document(), "keydown", move |ev| {
        use wasm_bindgen::JsCast;
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if !(ev.ctrl_key() || ev.meta_key()) || in_text_field(ev) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => state.redo(),
            "z" => state.undo(),
            "y" => state.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
}

/// Whether a key event comes from a field the person types in.
pub fn in_text_field(ev: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable"))
        .unwrap_or(false)
}
