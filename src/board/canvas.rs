//! The board as a free-form canvas: notes and clusters as page elements over a
//! `<canvas>` that draws the links (and, zoomed far out on a big board, the
//! notes as coloured shapes).
//!
//! Why this split: notes are page elements so that the browser lays out their
//! text (emoji, accents, right-to-left), Tab reaches them and screen readers
//! name them. A board of a few hundred notes has every note in the page; a
//! bigger one has only the notes on screen (plus a margin), and when more than
//! [`NOTES_IN_PAGE`] would be on screen the text is too small to read anyway,
//! so the canvas draws them as shapes. Panning and zooming change one CSS
//! transform and redraw the canvas once per frame.

use std::collections::HashMap;

use constellation_core::board::camera::{note_rect, Camera, Rect, ZOOM_STEP};
use constellation_core::board::{BoardContent, ClusterId, Note, NoteColor, NoteId, KEYBOARD_STEP, NOTE_HEIGHT, NOTE_WIDTH};
use constellation_core::presence::Cursor;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{short, toolbar, BoardState, Selection};
use crate::browser::element::{follow_size, listen_active};
use crate::i18n::{t, t_args};
use crate::tr;

/// Boards with at most this many notes keep every note in the page, so Tab
/// reaches each one wherever the view is.
const ALL_NOTES_IN_PAGE: usize = 300;
/// Bigger boards keep in the page only the notes on screen, up to this many.
const NOTES_IN_PAGE: usize = 250;
/// Pointer travel (px) before a press on a note becomes a drag.
const DRAG_SLOP: f64 = 4.0;
/// Two taps this close in time (ms) and space (px) are a double tap.
const DOUBLE_TAP_MS: f64 = 350.0;
const DOUBLE_TAP_PX: f64 = 30.0;
/// Least time between two cursor positions sent to the others.
const CURSOR_EVERY_MS: f64 = 100.0;

/// What a press on the canvas is doing.
#[derive(Debug, Clone, PartialEq)]
enum Gesture {
    Idle,
    Pan { last: (f64, f64), moved: bool, at: (f64, f64) },
    Pinch { distance: f64, middle: (f64, f64) },
    MoveNote { id: NoteId, start: (f64, f64), moved: bool },
    MoveCluster { id: ClusterId, start: (f64, f64), moved: bool },
    Resize { id: ClusterId, start: (f64, f64) },
}

/// How a drag in progress displaces what it moves, in board units.
#[derive(Debug, Clone, PartialEq)]
enum Preview {
    None,
    Note(NoteId, f64, f64),
    Cluster(ClusterId, f64, f64),
    Resize(ClusterId, f64, f64),
}

/// Which notes are page elements, in Tab order, and whether the canvas draws the rest.
#[derive(Debug, Clone, PartialEq, Default)]
struct Shown {
    notes: Vec<NoteId>,
    overview: bool,
}

#[component]
pub fn Canvas(state: BoardState) -> impl IntoView {
    let viewport = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let gesture = StoredValue::new(Gesture::Idle);
    let preview = RwSignal::new(Preview::None);
    let pointers = StoredValue::new(HashMap::<i32, (f64, f64)>::new());
    let last_tap = StoredValue::new((f64::NEG_INFINITY, (0.0, 0.0)));
    let last_cursor = StoredValue::new(f64::NEG_INFINITY);
    let fitted_board = StoredValue::new(None::<constellation_core::board::BoardId>);

    // Notes by id, for the note elements and the links.
    let index = Memo::new(move |_| {
        state.content.with(|c| {
            c.as_ref()
                .map(|c| c.notes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect::<HashMap<_, _>>())
                .unwrap_or_default()
        })
    });
    let shown = Memo::new(move |_| {
        let camera = state.camera.get();
        let (w, h) = state.size.get();
        let editing = state.editing.get();
        let selected = match state.selection.get() {
            Selection::Note(id) => Some(id),
            _ => None,
        };
        state.content.with(|content| {
            let Some(content) = content else { return Shown::default() };
            if content.notes.len() <= ALL_NOTES_IN_PAGE {
                return Shown { notes: content.reading_order().into_iter().map(|(_, n)| n.id.clone()).collect(), overview: false };
            }
            let area = camera.visible(w.max(1.0), h.max(1.0)).grown(0.25);
            let mut on_screen = content.notes_in(&area);
            let overview = on_screen.len() > NOTES_IN_PAGE;
            if overview {
                on_screen.clear();
            }
            on_screen.sort_by(|&a, &b| {
                let (a, b) = (&content.notes[a], &content.notes[b]);
                a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x))
            });
            let mut notes: Vec<NoteId> = on_screen.into_iter().map(|i| content.notes[i].id.clone()).collect();
            // The note being typed in or selected stays, wherever the view goes.
            for keep in [editing, selected].into_iter().flatten() {
                if !notes.contains(&keep) && content.notes.iter().any(|n| n.id == keep) {
                    notes.push(keep);
                }
            }
            Shown { notes, overview }
        })
    });

    // The canvas's size follows its element.
    Effect::new(move |_| {
        if let Some(el) = viewport.get() {
            follow_size(&el, state.size);
        }
    });

    let local = move |ev: &web_sys::MouseEvent| -> (f64, f64) {
        let Some(el) = viewport.get_untracked() else { return (0.0, 0.0) };
        let r = el.get_bounding_client_rect();
        (ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top())
    };
    let capture = move |ev: &web_sys::PointerEvent| {
        if let Some(el) = viewport.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };

    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let at = local(&ev);
        let unit = match ev.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
        if ev.ctrl_key() || ev.meta_key() {
            // Trackpad pinches arrive as wheel events with Ctrl held.
            state.camera.update(|c| *c = c.zoom_at(at.0, at.1, (-dy * 0.01).exp()));
        } else {
            state.camera.update(|c| *c = c.pan(-dx, -dy));
        }
    };

    // The wheel listener must be able to stop the page from scrolling, which a
    // delegated (passive) listener cannot: it is attached to the canvas itself.
    Effect::new(move |_| {
        if let Some(el) = viewport.get() {
            listen_active(&el, "wheel", move |ev| {
                if let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() {
                    on_wheel(ev.clone());
                }
            });
        }
    });

    // A board opens showing all of it (unless all of it is on screen already,
    // as when this person has just made it).
    Effect::new(move |_| {
        let board = state.board.get();
        let (w, _) = state.size.get();
        if w > 0.0 && board.is_some() && fitted_board.get_value() != board && state.content.with(|c| c.is_some()) {
            fitted_board.set_value(board);
            let seen = state.camera.get_untracked().visible(w, state.size.get_untracked().1);
            let all_seen = state.content.with_untracked(|c| {
                c.as_ref().and_then(|c| c.bounds()).is_none_or(|b| b.x >= seen.x && b.y >= seen.y && b.right() <= seen.right() && b.bottom() <= seen.bottom())
            });
            if !all_seen {
                toolbar::fit(state);
            }
        }
    });

    // The canvas redraws at most once per frame, after any change it shows.
    let draw_pending = StoredValue::new(false);
    let marked = StoredValue::new(false);
    Effect::new(move |_| {
        state.content.track();
        state.camera.track();
        state.size.track();
        preview.track();
        shown.track();
        if draw_pending.get_value() {
            return;
        }
        draw_pending.set_value(true);
        request_animation_frame(move || {
            // The canvas may have closed (another view chosen) since the frame was asked for.
            if draw_pending.try_update_value(|pending| *pending = false).is_none() {
                return;
            }
            let Some(canvas) = canvas.get_untracked() else { return };
            let overview = shown.with_untracked(|s| s.overview);
            // The first drawing of a board with something on it is when the board
            // becomes usable; the board benchmark (tests/bench/board.mjs) reads this mark.
            if !marked.get_value() && state.content.with_untracked(|c| c.as_ref().is_some_and(|c| !c.notes.is_empty())) {
                marked.set_value(true);
                if let Some(performance) = window().performance() {
                    let _ = performance.mark("board-drawn");
                }
            }
            state.content.with_untracked(|content| {
                if let Some(content) = content {
                    let preview = preview.get_untracked();
                    draw(&canvas, content, state.camera.get_untracked(), state.size.get_untracked(), overview, &preview, &index.read_untracked());
                }
            });
        });
    });

    // A press on a note, a cluster label or a resize handle starts its gesture.
    let press = Callback::new(move |(ev, what): (web_sys::PointerEvent, Gesture)| {
        if ev.button() != 0 {
            return;
        }
        ev.stop_propagation();
        let at = local(&ev);
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), at);
        });
        capture(&ev);
        gesture.set_value(what.with_start(at));
    });

    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 && ev.pointer_type() == "mouse" {
            return;
        }
        let at = local(&ev);
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), at);
        });
        capture(&ev);
        let two: Vec<(f64, f64)> = pointers.with_value(|p| p.values().copied().take(2).collect());
        if two.len() == 2 {
            preview.set(Preview::None);
            gesture.set_value(Gesture::Pinch { distance: distance(two[0], two[1]), middle: middle(two[0], two[1]) });
        } else {
            gesture.set_value(Gesture::Pan { last: at, moved: false, at });
        }
    };

    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let at = local(&ev);
        send_cursor(state, last_cursor, at);
        if !pointers.with_value(|p| p.contains_key(&ev.pointer_id())) {
            return;
        }
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), at);
        });
        let zoom = state.camera.get_untracked().zoom;
        let mut g = gesture.get_value();
        match &mut g {
            Gesture::Idle => {}
            Gesture::Pan { last, moved, at: start } => {
                let (dx, dy) = (at.0 - last.0, at.1 - last.1);
                *last = at;
                if distance(*start, at) > DRAG_SLOP {
                    *moved = true;
                }
                state.camera.update(|c| *c = c.pan(dx, dy));
            }
            Gesture::Pinch { distance: before, middle: mid_before } => {
                let two: Vec<(f64, f64)> = pointers.with_value(|p| p.values().copied().take(2).collect());
                if two.len() == 2 {
                    let (d, m) = (distance(two[0], two[1]), middle(two[0], two[1]));
                    let factor = if *before > 0.0 { d / *before } else { 1.0 };
                    state.camera.update(|c| *c = c.pan(m.0 - mid_before.0, m.1 - mid_before.1).zoom_at(m.0, m.1, factor));
                    *before = d;
                    *mid_before = m;
                }
            }
            Gesture::MoveNote { id, start, moved } => {
                if distance(*start, at) > DRAG_SLOP {
                    *moved = true;
                }
                if *moved {
                    preview.set(Preview::Note(id.clone(), (at.0 - start.0) / zoom, (at.1 - start.1) / zoom));
                }
            }
            Gesture::MoveCluster { id, start, moved } => {
                if distance(*start, at) > DRAG_SLOP {
                    *moved = true;
                }
                if *moved {
                    preview.set(Preview::Cluster(id.clone(), (at.0 - start.0) / zoom, (at.1 - start.1) / zoom));
                }
            }
            Gesture::Resize { id, start } => {
                preview.set(Preview::Resize(id.clone(), (at.0 - start.0) / zoom, (at.1 - start.1) / zoom));
            }
        }
        gesture.set_value(g);
    };

    let on_pointerup = move |ev: web_sys::PointerEvent| {
        let at = local(&ev);
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
        let g = gesture.get_value();
        gesture.set_value(Gesture::Idle);
        let delta = match preview.get_untracked() {
            Preview::None => (0.0, 0.0),
            Preview::Note(_, dx, dy) | Preview::Cluster(_, dx, dy) | Preview::Resize(_, dx, dy) => (dx, dy),
        };
        preview.set(Preview::None);
        if ev.type_() == "pointercancel" {
            return;
        }
        match g {
            Gesture::Pan { moved: false, .. } => {
                // A tap on empty space: a second one soon after adds a note there.
                let now = js_sys::Date::now();
                let (then, where_) = last_tap.get_value();
                if now - then < DOUBLE_TAP_MS && distance(where_, at) < DOUBLE_TAP_PX {
                    last_tap.set_value((f64::NEG_INFINITY, at));
                    let (x, y) = state.camera.get_untracked().to_board(at.0, at.1);
                    state.add_note_at((x - NOTE_WIDTH / 2.0).round(), (y - NOTE_HEIGHT / 2.0).round());
                } else {
                    last_tap.set_value((now, at));
                    state.selection.set(Selection::Nothing);
                }
            }
            Gesture::MoveNote { id, moved: true, .. } => {
                if let Some(note) = state.live.read(|room| room.note(&id)) {
                    state.live.end_undo_step();
                    state.edit(|room| room.move_note(&id, (note.x + delta.0).round(), (note.y + delta.1).round()));
                    state.live.end_undo_step();
                }
            }
            Gesture::MoveNote { id, moved: false, .. } => {
                let now = js_sys::Date::now();
                let (then, _) = last_tap.get_value();
                let again = state.selection.get_untracked() == Selection::Note(id.clone()) && now - then < DOUBLE_TAP_MS;
                last_tap.set_value((now, at));
                state.selection.set(Selection::Note(id.clone()));
                if again {
                    state.editing.set(Some(id));
                } else {
                    super::focus_later(format!("note-{id}"));
                }
            }
            Gesture::MoveCluster { id, moved, .. } => {
                if moved {
                    if let Some(c) = state.live.read(|room| room.cluster(&id)) {
                        state.live.end_undo_step();
                        state.edit(|room| room.move_cluster(&id, (c.x + delta.0).round(), (c.y + delta.1).round()));
                        state.live.end_undo_step();
                    }
                }
                state.selection.set(Selection::Cluster(id));
            }
            Gesture::Resize { id, .. } => {
                if let Some(c) = state.live.read(|room| room.cluster(&id)) {
                    state.live.end_undo_step();
                    state.edit(|room| room.resize_cluster(&id, (c.width + delta.0).round().max(40.0), (c.height + delta.1).round().max(40.0)));
                    state.live.end_undo_step();
                }
            }
            _ => {}
        }
    };

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if toolbar::in_text_field(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let (w, h) = state.size.get_untracked();
        let zoom_by = |factor: f64| state.camera.update(|c| *c = c.zoom_at(w / 2.0, h / 2.0, factor));
        match ev.key().as_str() {
            "+" | "=" => zoom_by(ZOOM_STEP),
            "-" | "_" => zoom_by(1.0 / ZOOM_STEP),
            "0" => {
                let z = state.camera.get_untracked().zoom;
                zoom_by(1.0 / z);
            }
            "!" => toolbar::fit(state),
            _ => return,
        }
        ev.prevent_default();
    };

    let transform = move || {
        let c = state.camera.get();
        format!("transform: translate({}px, {}px) scale({})", -c.x * c.zoom, -c.y * c.zoom, c.zoom)
    };
    let clusters = move || state.content.with(|c| c.as_ref().map(|c| c.clusters.iter().map(|c| c.id.clone()).collect::<Vec<_>>()).unwrap_or_default());
    let empty = move || state.content.with(|c| c.as_ref().is_none_or(|c| c.notes.is_empty() && c.clusters.is_empty()));

    view! {
        <div
            class="board-canvas"
            node_ref=viewport
            role="region"
            aria-label=tr!("canvas-label")
            aria-describedby="canvas-help"
            tabindex="-1"
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointerup
            on:pointerleave=move |_| state.live.set_cursor(None)
            on:keydown=on_keydown
        >
            <p id="canvas-help" class="visually-hidden">
                {tr!("canvas-help")}
            </p>
            <div class="world back" style=transform>
                <For each=clusters key=|id| id.clone() children=move |id| view! { <ClusterView state id preview press/> }/>
            </div>
            <canvas class="links-layer" node_ref=canvas aria-hidden="true"></canvas>
            <div class="world front" style=transform>
                <For
                    each=move || shown.get().notes
                    key=|id| id.clone()
                    children=move |id| view! { <NoteView state id index preview press/> }
                />
                <Cursors state/>
            </div>
            <Show when=empty>
                <p class="canvas-empty">{tr!("canvas-empty")}</p>
            </Show>
        </div>
    }
}

impl Gesture {
    /// The gesture with its start point set to where the press happened.
    fn with_start(self, at: (f64, f64)) -> Gesture {
        match self {
            Gesture::MoveNote { id, .. } => Gesture::MoveNote { id, start: at, moved: false },
            Gesture::MoveCluster { id, .. } => Gesture::MoveCluster { id, start: at, moved: false },
            Gesture::Resize { id, .. } => Gesture::Resize { id, start: at },
            other => other,
        }
    }
}

/// One note on the canvas: its text (a button named by it), author and votes;
/// a text field in its place while it is being edited.
#[component]
fn NoteView(
    state: BoardState,
    id: NoteId,
    index: Memo<HashMap<NoteId, usize>>,
    preview: RwSignal<Preview>,
    #[prop(into)] press: Callback<(web_sys::PointerEvent, Gesture)>,
) -> impl IntoView {
    let note_id = StoredValue::new(id.clone());
    let note = Memo::new(move |_| {
        let id = note_id.get_value();
        let at = index.with(|i| i.get(&id).copied())?;
        state.content.with(|c| c.as_ref().and_then(|c| c.notes.get(at).cloned()))
    });
    let votes = move || state.content.with(|c| c.as_ref().map_or(0, |c| c.tally.votes_for(&note_id.get_value())));
    let editing = move || state.editing.get().as_ref() == Some(&note_id.get_value());
    let selected = move || state.selection.get() == Selection::Note(note_id.get_value());
    let style = move || {
        let Some(n) = note.get() else { return String::new() };
        let (dx, dy) = match preview.get() {
            Preview::Note(ref p, dx, dy) if *p == n.id => (dx, dy),
            Preview::Cluster(ref c, dx, dy) if n.cluster.as_ref() == Some(c) => (dx, dy),
            _ => (0.0, 0.0),
        };
        format!("transform: translate({}px, {}px)", n.x + dx, n.y + dy)
    };
    let name = move || note.get().map(|n| n.accessible_name()).unwrap_or_default();
    let color = move || note.get().map(|n| n.color.name()).unwrap_or("yellow");
    let body_id = format!("note-{id}");
    let field_id = format!("note-field-{id}");

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let id = note_id.get_value();
        let step = if ev.shift_key() { KEYBOARD_STEP * 5.0 } else { KEYBOARD_STEP };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            "ArrowUp" => (0.0, -step),
            "ArrowDown" => (0.0, step),
            "Enter" | "F2" => {
                ev.prevent_default();
                state.editing.set(Some(id));
                return;
            }
            "Delete" => {
                ev.prevent_default();
                let name = name();
                if state.edit(|room| room.delete_note(&id)).is_some() {
                    state.selection.set(Selection::Nothing);
                    state.announcement.set(Some(t_args("note-deleted-ctrl-z", &[("name", short(&name).into())])));
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        state.edit_run_on(|room| room.move_note_by(&id, dx, dy));
        keep_in_view(state, &id);
    };

    view! {
        <div
            class=move || format!("bnote note-{}{}", color(), if selected() { " selected" } else { "" })
            style=style
            role="group"
            aria-label=move || t_args("note-named", &[("name", name().into())])
        >
            <Show
                when=editing
                fallback=move || view! {
                    <button
                        type="button"
                        class="bnote-body"
                        id=body_id.clone()
                        aria-describedby="canvas-help"
                        aria-pressed=move || selected().to_string()
                        on:pointerdown=move |ev| press.run((ev, Gesture::MoveNote { id: note_id.get_value(), start: (0.0, 0.0), moved: false }))
                        on:focus=move |_| state.selection.set(Selection::Note(note_id.get_value()))
                        on:keydown=on_key
                        on:click=move |ev| {
                            // Pointer presses are handled as gestures; this is Space on a keyboard.
                            if ev.detail() == 0 { state.selection.set(Selection::Note(note_id.get_value())); }
                        }
                    >
                        <span class="bnote-text" dir="auto">{move || note.get().map(|n| n.text).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| t("note-empty"))}</span>
                    </button>
                }
            >
                <label class="visually-hidden" for=field_id.clone()>{tr!("note-text")}</label>
                <textarea
                    id=field_id.clone()
                    class="bnote-field"
                    dir="auto"
                    maxlength="2000"
                    readonly=move || state.locked()
                    placeholder=tr!("note-placeholder")
                    prop:value=move || note.get_untracked().map(|n| n.text).unwrap_or_default()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        state.edit_run_on(|room| room.edit_note_text(&note_id.get_value(), &value));
                    }
                    on:blur=move |_| {
                        state.live.end_undo_step();
                        state.editing.set(None);
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            state.editing.set(None);
                            super::focus_later(format!("note-{}", note_id.get_value()));
                        }
                    }
                ></textarea>
                {
                    // An effect's first run comes right after the field is
                    // drawn, before the next key press is handled: the keys
                    // typed just after "Add note" all reach the field.
                    let field = field_id.clone();
                    Effect::new(move |_| super::focus_soon(&field));
                }
            </Show>
            <div class="bnote-meta">
                <span class="author" dir="auto">{move || note.get().map(|n| n.author).filter(|a| !a.is_empty()).unwrap_or_else(|| t("anonymous"))}</span>
                <span class="vote-count" hidden=move || votes() == 0>{move || format!("● {}", votes())}</span>
            </div>
        </div>
    }
}

/// One cluster: a labelled area whose label drags it and whose corner resizes it.
#[component]
fn ClusterView(
    state: BoardState,
    id: ClusterId,
    preview: RwSignal<Preview>,
    #[prop(into)] press: Callback<(web_sys::PointerEvent, Gesture)>,
) -> impl IntoView {
    let cluster_id = StoredValue::new(id);
    let cluster = Memo::new(move |_| {
        let id = cluster_id.get_value();
        state.content.with(|c| c.as_ref().and_then(|c| c.clusters.iter().find(|k| k.id == id).cloned()))
    });
    let label = move || cluster.get().map(|c| c.label).unwrap_or_default();
    let style = move || {
        let Some(c) = cluster.get() else { return String::new() };
        let (dx, dy, dw, dh) = match preview.get() {
            Preview::Cluster(ref p, dx, dy) if *p == c.id => (dx, dy, 0.0, 0.0),
            Preview::Resize(ref p, dw, dh) if *p == c.id => (0.0, 0.0, dw, dh),
            _ => (0.0, 0.0, 0.0, 0.0),
        };
        format!(
            "transform: translate({}px, {}px); width: {}px; height: {}px",
            c.x + dx,
            c.y + dy,
            (c.width + dw).max(40.0),
            (c.height + dh).max(40.0)
        )
    };
    let key = move |ev: web_sys::KeyboardEvent, resize: bool| {
        let Some(c) = cluster.get_untracked() else { return };
        let step = if ev.shift_key() { KEYBOARD_STEP * 5.0 } else { KEYBOARD_STEP };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            "ArrowUp" => (0.0, -step),
            "ArrowDown" => (0.0, step),
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        if resize {
            state.edit_run_on(|room| room.resize_cluster(&c.id, (c.width + dx).max(40.0), (c.height + dy).max(40.0)));
        } else {
            state.edit_run_on(|room| room.move_cluster(&c.id, c.x + dx, c.y + dy));
        }
    };
    let selected = move || state.selection.get() == Selection::Cluster(cluster_id.get_value());
    view! {
        <div class=move || if selected() { "bcluster selected" } else { "bcluster" } style=style role="group" aria-label=move || t_args("cluster-named", &[("name", label().into())])>
            <button
                type="button"
                class="bcluster-label"
                dir="auto"
                aria-pressed=move || selected().to_string()
                on:pointerdown=move |ev| press.run((ev, Gesture::MoveCluster { id: cluster_id.get_value(), start: (0.0, 0.0), moved: false }))
                on:focus=move |_| state.selection.set(Selection::Cluster(cluster_id.get_value()))
                on:keydown=move |ev| key(ev, false)
            >{move || { let l = label(); if l.trim().is_empty() { t("group-unnamed") } else { l } }}</button>
            <button
                type="button"
                class="bcluster-resize"
                aria-label=move || t_args("cluster-resize", &[("name", label().into())])
                on:pointerdown=move |ev| press.run((ev, Gesture::Resize { id: cluster_id.get_value(), start: (0.0, 0.0) }))
                on:keydown=move |ev| key(ev, true)
            ></button>
        </div>
    }
}

/// The other participants' pointers on this board.
#[component]
fn Cursors(state: BoardState) -> impl IntoView {
    let cursors = move || {
        let board = state.board.get();
        let scale = 1.0 / state.camera.get().zoom;
        state
            .live
            .peers
            .get()
            .into_iter()
            .filter_map(|(conn, p)| {
                let c = p.cursor?;
                (Some(c.board.as_str()) == board.as_ref().map(|b| b.as_str())).then(|| (conn, p.name, c.x, c.y, scale))
            })
            .collect::<Vec<_>>()
    };
    view! {
        <For
            each=cursors
            key=|c| (c.0, c.2.to_bits(), c.3.to_bits(), c.4.to_bits())
            children=|(conn, name, x, y, scale)| view! {
                <div class="cursor" aria-hidden="true" data-peer=conn
                    style=format!("transform: translate({x}px, {y}px) scale({scale})")>
                    <svg width="16" height="20" viewBox="0 0 16 20"><path d="M1 1 L1 17 L5 13 L8 19 L11 18 L8 12 L14 12 Z" /></svg>
                    <span dir="auto">{move || crate::room::guest_or(&name)}</span>
                </div>
            }
        />
    }
}

/// Sends this person's pointer (in board units) to the others, at most every
/// [`CURSOR_EVERY_MS`].
fn send_cursor(state: BoardState, last: StoredValue<f64>, at: (f64, f64)) {
    let now = js_sys::Date::now();
    if now - last.get_value() < CURSOR_EVERY_MS {
        return;
    }
    last.set_value(now);
    let Some(board) = state.board.get_untracked() else { return };
    let (x, y) = state.camera.get_untracked().to_board(at.0, at.1);
    state.live.set_cursor(Some(Cursor { board: board.as_str().to_owned(), x: x.round(), y: y.round() }));
}

/// Pans just enough to keep a note moved by keyboard on screen.
fn keep_in_view(state: BoardState, id: &NoteId) {
    let Some(note) = state.live.read(|room| room.note(id)) else { return };
    let (w, h) = state.size.get_untracked();
    let camera = state.camera.get_untracked();
    let seen = camera.visible(w, h);
    let r = note_rect(&note);
    let dx = if r.x < seen.x { r.x - seen.x - 20.0 } else if r.right() > seen.right() { r.right() - seen.right() + 20.0 } else { 0.0 };
    let dy = if r.y < seen.y { r.y - seen.y - 20.0 } else if r.bottom() > seen.bottom() { r.bottom() - seen.bottom() + 20.0 } else { 0.0 };
    if dx != 0.0 || dy != 0.0 {
        state.camera.set(Camera { x: camera.x + dx, y: camera.y + dy, zoom: camera.zoom });
    }
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn middle(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
}

/// Draws the links, and in overview the notes and clusters, in screen pixels.
fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    content: &BoardContent,
    camera: Camera,
    (w, h): (f64, f64),
    overview: bool,
    preview: &Preview,
    index: &HashMap<NoteId, usize>,
) {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (pw, ph) = ((w * ratio).round() as u32, (h * ratio).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let Ok(Some(ctx)) = canvas.get_context("2d") else { return };
    let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else { return };
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, w, h);
    let z = camera.zoom;
    let place = |note: &Note| -> Rect {
        let (dx, dy) = match preview {
            Preview::Note(p, dx, dy) if *p == note.id => (*dx, *dy),
            Preview::Cluster(c, dx, dy) if note.cluster.as_ref() == Some(c) => (*dx, *dy),
            _ => (0.0, 0.0),
        };
        let (x, y) = camera.to_screen(note.x + dx, note.y + dy);
        Rect { x, y, width: NOTE_WIDTH * z, height: NOTE_HEIGHT * z }
    };
    let screen = Rect { x: 0.0, y: 0.0, width: w, height: h };
    if overview {
        // One path and one fill per colour: setting a fill style parses a CSS
        // colour, which for every note of a big board costs more than drawing.
        for color in NoteColor::ALL {
            ctx.begin_path();
            let mut any = false;
            for note in content.notes.iter().filter(|n| n.color == color) {
                let r = place(note);
                if r.intersects(&screen) {
                    ctx.rect(r.x, r.y, r.width, r.height);
                    any = true;
                }
            }
            if any {
                ctx.set_fill_style_str(color.fill());
                ctx.fill();
            }
        }
    }
    ctx.set_stroke_style_str("#3d4a5c");
    ctx.set_fill_style_str("#3d4a5c");
    ctx.set_line_width((1.5 * z.sqrt()).clamp(1.0, 3.0));
    // Far out, links are a faint web under the notes rather than a thicket.
    ctx.set_global_alpha(if overview { 0.35 } else { 1.0 });
    ctx.set_font(&format!("{}px system-ui, sans-serif", (13.0 * z).clamp(9.0, 22.0).round()));
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    for link in &content.links {
        let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else { continue };
        let (from, to) = (place(&content.notes[a]), place(&content.notes[b]));
        let (ax, ay) = (from.x + from.width / 2.0, from.y + from.height / 2.0);
        let (bx, by) = (to.x + to.width / 2.0, to.y + to.height / 2.0);
        let span = Rect { x: ax.min(bx), y: ay.min(by), width: (ax - bx).abs() + 1.0, height: (ay - by).abs() + 1.0 };
        if !span.intersects(&screen) {
            continue;
        }
        let start = edge_point(&from, bx, by);
        let end = edge_point(&to, ax, ay);
        ctx.begin_path();
        ctx.move_to(start.0, start.1);
        ctx.line_to(end.0, end.1);
        ctx.stroke();
        if z < 0.2 {
            continue;
        }
        let angle = (end.1 - start.1).atan2(end.0 - start.0);
        let head = (10.0 * z.sqrt()).clamp(6.0, 16.0);
        ctx.begin_path();
        ctx.move_to(end.0, end.1);
        ctx.line_to(end.0 - head * (angle - 0.45).cos(), end.1 - head * (angle - 0.45).sin());
        ctx.line_to(end.0 - head * (angle + 0.45).cos(), end.1 - head * (angle + 0.45).sin());
        ctx.close_path();
        ctx.fill();
        if !link.label.is_empty() && z > 0.3 {
            let (mx, my) = ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0);
            let width = ctx.measure_text(&link.label).map(|m| m.width()).unwrap_or(0.0);
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(mx - width / 2.0 - 4.0, my - 10.0 * z.max(0.8), width + 8.0, 20.0 * z.max(0.8));
            ctx.set_fill_style_str("#14213d");
            let _ = ctx.fill_text(&link.label, mx, my);
            ctx.set_fill_style_str("#3d4a5c");
        }
    }
}

/// Where the line from a rectangle's centre toward (x, y) leaves the rectangle.
fn edge_point(r: &Rect, x: f64, y: f64) -> (f64, f64) {
    let (cx, cy) = (r.x + r.width / 2.0, r.y + r.height / 2.0);
    let (dx, dy) = (x - cx, y - cy);
    if dx == 0.0 && dy == 0.0 {
        return (cx, cy);
    }
    let sx = if dx != 0.0 { (r.width / 2.0) / dx.abs() } else { f64::INFINITY };
    let sy = if dy != 0.0 { (r.height / 2.0) / dy.abs() } else { f64::INFINITY };
    let s = sx.min(sy);
    (cx + dx * s, cy + dy * s)
}
