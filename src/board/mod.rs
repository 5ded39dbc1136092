//! The board section: a room's whiteboards, drawn as a free-form canvas, as an
//! ordered list (for screen readers and small phones) or as the ranked list a
//! voting round ends with.
//!
//! Every change is a call into `core` (`Room::add_note`, `move_note`,
//! `place_vote`, `undo`, …) through [`LiveRoom::edit`]; these modules only draw
//! and turn gestures into those calls. The camera rules (zoom around a point,
//! fit, what is on screen) are `core::board::camera`.

mod canvas;
mod export;
mod list;
mod panel;
mod refusals;
mod toolbar;
pub use toolbar::in_text_field;

use constellation_core::board::camera::Camera;
use constellation_core::board::{BoardContent, BoardId, ClusterId, NewNote, NoteColor, NoteId, ParticipantId};
use leptos::prelude::*;

use crate::browser::{LocalPreferences, Preferences};
use crate::i18n::{t, Said};
use refusals::Refusal;
use crate::live::LiveRoom;
use crate::tr;
use crate::room::use_live_room;

/// How the board is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Canvas,
    List,
    Ranked,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Canvas => "canvas",
            Mode::List => "list",
            Mode::Ranked => "ranked",
        }
    }

    /// The mode of a remembered name; the canvas for anything else.
    pub fn from_name(name: &str) -> Mode {
        match name {
            "list" => Mode::List,
            "ranked" => Mode::Ranked,
            _ => Mode::Canvas,
        }
    }
}

/// What the person has selected on the canvas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Nothing,
    Note(NoteId),
    Cluster(ClusterId),
}

/// Everything the board's parts share. Cheap to copy.
#[derive(Clone, Copy)]
pub struct BoardState {
    pub live: LiveRoom,
    /// The board being shown (`None` while the room has no board).
    pub board: Memo<Option<BoardId>>,
    /// The board being shown, read once per document change.
    pub content: Memo<Option<BoardContent>>,
    pub chosen: RwSignal<Option<BoardId>>,
    pub mode: RwSignal<Mode>,
    pub camera: RwSignal<Camera>,
    /// The canvas's size in CSS pixels.
    pub size: RwSignal<(f64, f64)>,
    pub selection: RwSignal<Selection>,
    /// The note whose text is being typed in.
    pub editing: RwSignal<Option<NoteId>>,
    /// The last thing that went wrong, shown under the toolbar.
    pub error: RwSignal<Option<Said>>,
    /// Said to screen readers (and shown) after an action with no visible trace.
    pub announcement: RwSignal<Option<String>>,
    /// This browser's voter id.
    pub me: StoredValue<ParticipantId>,
    /// The current board's name is being typed in.
    pub renaming: RwSignal<bool>,
    pub name_draft: RwSignal<String>,
    /// The name of the board deleted last, offered back with "Undo".
    pub deleted: RwSignal<Option<String>>,
}

impl BoardState {
    /// Runs one action (a button, a drop) as its own undo step, showing its
    /// error if it has one.
    pub fn edit<O: crate::live::EditOutcome, E: Refusal>(
        &self,
        f: impl FnOnce(&mut constellation_core::room::Room) -> Result<O, E>,
    ) -> Option<O::Value> {
        self.live.end_undo_step();
        let value = self.edit_run_on(f);
        self.live.end_undo_step();
        value
    }

    /// Runs an edit that undoes together with the ones just before it
    /// (typing, a run of arrow-key moves), showing its error if it has one.
    pub fn edit_run_on<O: crate::live::EditOutcome, E: Refusal>(
        &self,
        f: impl FnOnce(&mut constellation_core::room::Room) -> Result<O, E>,
    ) -> Option<O::Value> {
        match self.live.edit(f) {
            Ok(value) => {
                self.error.set(None);
                Some(value)
            }
            Err(e) => {
                self.error.set(Some(e.said()));
                None
            }
        }
    }

    /// Whether this person cannot change the board now (reactive): a
    /// view-only link, or the facilitator has locked the board while votes
    /// are counted. `LiveRoom` and `core` refuse the edits anyway; the edit
    /// controls are disabled so nobody tries. View controls (views, zoom,
    /// exports) stay usable.
    pub fn locked(&self) -> bool {
        !self.live.can_edit() || self.live.read(|room| room.board_locked())
    }

    /// The id of the notice saying why the edit controls are disabled:
    /// controls point at it with `aria-describedby`.
    pub fn locked_reason(&self) -> Option<&'static str> {
        if !self.live.can_edit() {
            Some(crate::share::VIEW_ONLY_HINT_ID)
        } else {
            self.locked().then_some(LOCKED_NOTICE_ID)
        }
    }

    /// This person's votes on the board shown (reactive).
    pub fn my_ballot(&self) -> constellation_core::board::Ballot {
        let me = self.me.get_value();
        self.board.get().map(|b| self.live.read(|room| room.ballot(&b, &me))).unwrap_or_default()
    }

    /// The board to add to, made if the room has none yet.
    pub fn board_or_first(&self) -> Option<BoardId> {
        match self.board.get_untracked() {
            Some(board) => Some(board),
            None => {
                // Named in the language of whoever adds the room's first note.
                let name = t("board-first-name");
                let board = self.edit(|room| room.add_board(&name))?;
                self.chosen.set(Some(board.clone()));
                Some(board)
            }
        }
    }

    /// Adds an empty note with its top-left corner at (x, y) and opens it for typing.
    pub fn add_note_at(&self, x: f64, y: f64) {
        let Some(board) = self.board_or_first() else { return };
        let new = NewNote {
            board,
            text: String::new(),
            x,
            y,
            color: NoteColor::Yellow,
            author: LocalPreferences.display_name().unwrap_or_default(),
        };
        if let Some(id) = self.edit(|room| room.add_note(new)) {
            self.selection.set(Selection::Note(id.clone()));
            self.editing.set(Some(id));
        }
    }

    pub fn undo(&self) {
        self.live.end_undo_step();
        if self.edit(|room| Ok::<_, std::convert::Infallible>(room.undo())).is_some() {
            self.announcement.set(Some(t("undone")));
        }
    }

    pub fn redo(&self) {
        self.live.end_undo_step();
        if self.edit(|room| Ok::<_, std::convert::Infallible>(room.redo())).is_some() {
            self.announcement.set(Some(t("redone")));
        }
    }
}

#[component]
pub fn Board() -> impl IntoView {
    let Some(live) = use_live_room() else {
        return view! {
            <section class="section page"><h1>{tr!("section-board")}</h1><p class="lede">{tr!("board-no-key")}</p></section>
        }
        .into_any();
    };
    let chosen = RwSignal::new(None::<BoardId>);
    let board = Memo::new(move |_| {
        let boards = live.read(|room| room.boards());
        chosen
            .get()
            .filter(|id| boards.iter().any(|b| &b.id == id))
            .or_else(|| boards.first().map(|b| b.id.clone()))
    });
    let content = Memo::new(move |_| board.get().and_then(|b| live.read(|room| room.board_content(&b))));
    let state = BoardState {
        live,
        board,
        content,
        chosen,
        mode: RwSignal::new(Mode::from_name(&LocalPreferences.board_view().unwrap_or_default())),
        camera: RwSignal::new(Camera::default()),
        size: RwSignal::new((0.0, 0.0)),
        selection: RwSignal::new(Selection::Nothing),
        editing: RwSignal::new(None),
        error: RwSignal::new(None),
        announcement: RwSignal::new(None),
        me: StoredValue::new(ParticipantId::new(LocalPreferences.participant_id())),
        renaming: RwSignal::new(false),
        name_draft: RwSignal::new(String::new()),
        deleted: RwSignal::new(None),
    };
    toolbar::undo_keys(state);
    // Another board shown: nothing of the last one stays selected.
    Effect::new(move |previous: Option<Option<BoardId>>| {
        let now = board.get();
        // (Not when the room's first board has just been made for a new note.)
        if previous.is_some_and(|p| p.is_some() && p != now) {
            state.selection.set(Selection::Nothing);
            state.editing.set(None);
        }
        now
    });
    // The chosen view is remembered on this device.
    Effect::new(move |_| LocalPreferences.set_board_view(state.mode.get().name()));

    view! {
        <section class="board-section" aria-labelledby="board-heading">
            <h1 id="board-heading" class="visually-hidden">{tr!("section-board")}</h1>
            <toolbar::Boards state/>
            <toolbar::Toolbar state/>
            <p id=LOCKED_NOTICE_ID class="board-locked" hidden=move || !state.live.read(|room| room.board_locked())>{tr!("board-locked")}</p>
            <p class="error board-error" role="alert">{move || state.error.get().map(|e| e.text())}</p>
            <p class="visually-hidden" aria-live="polite">{move || state.announcement.get()}</p>
            <Show when=move || live.ready.get() fallback=|| view! { <p class="hint page">{tr!("board-opening")}</p> }>
                {move || match state.mode.get() {
                    Mode::Canvas => view! {
                        <div class="board-main">
                            <canvas::Canvas state/>
                            <panel::Panel state/>
                        </div>
                    }.into_any(),
                    Mode::List => view! { <list::ListView state/> }.into_any(),
                    Mode::Ranked => view! { <list::RankedView state/> }.into_any(),
                }}
            </Show>
        </section>
    }
    .into_any()
}

/// The element that says the board is locked.
const LOCKED_NOTICE_ID: &str = "board-locked";

/// The start of a text, to name the controls of what it belongs to.
pub fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    let first: String = joined.chars().take(40).collect();
    if first.is_empty() {
        t("note-empty-short")
    } else if joined.chars().count() > 40 {
        format!("{first}…")
    } else {
        first
    }
}

/// Moves the keyboard to the element with this id once it is drawn.
pub fn focus_later(element_id: String) {
    request_animation_frame(move || {
        focus_id(&element_id);
    });
}

/// Moves the keyboard to the element with this id at once if it is in the
/// page (so keys typed right after the click that drew it reach it), else
/// once it is drawn.
pub fn focus_soon(element_id: &str) {
    if !focus_id(element_id) {
        focus_later(element_id.to_string());
    }
}

/// Focuses the element with this id; whether it now has the keyboard.
fn focus_id(element_id: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = document().get_element_by_id(element_id) else { return false };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else { return false };
    let _ = el.focus();
    document().active_element().is_some_and(|active| active == *el)
}
