//! Sharing a room: the "Share" button and its dialog (edit link, view-only
//! link, QR code, embed snippet), the "View only" badge, and the gate that
//! disables every control of a section for a view-only link.
//!
//! What is shown is computed in `constellation_core::share` and `link`; this
//! module only draws it. [`QrCode`] is reusable (a presenter view shows the
//! room's QR code too).

mod code;
mod name;

pub use code::{code_problem_text, open_code, CodeProblem, JoinError, RoomCodePanel};
pub use name::NameGate;

use constellation_core::link::{Access, RoomLink, Section};
use constellation_core::share::{embed_snippet_titled, qr_svg, EmbedTarget, QrError};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, t_args};
use crate::room::{use_live_room, RoomContext};
use crate::tr;

/// A QR code of `text`, drawn as SVG; `label` is its accessible name.
#[component]
pub fn QrCode(#[prop(into)] text: Signal<String>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let qr = Memo::new(move |_| qr_svg(&text.get()));
    move || match qr.get() {
        Ok(qr) => {
            let side = qr.side.to_string();
            let view_box = format!("0 0 {side} {side}");
            view! {
                <svg class="qr" role="img" aria-label=label viewBox=view_box shape-rendering="crispEdges">
                    <rect width=side.clone() height=side fill="#fff"/>
                    <path d=qr.path fill="#000"/>
                </svg>
            }
            .into_any()
        }
        Err(QrError::TooLong { len }) => {
            view! { <p class="error">{move || t_args("share-qr-too-long", &[("length", len.into())])}</p> }.into_any()
        }
    }
}

/// "View only" in the room header, for a view-only link.
#[component]
pub fn AccessBadge() -> impl IntoView {
    let view_only = use_live_room().is_some_and(|l| !l.can_edit());
    view_only.then(|| view! { <span class="badge view-only" title=tr!("view-only-hint")>{tr!("view-only")}</span> })
}

/// The id of the "View only" notice, for `aria-describedby` on disabled controls.
pub const VIEW_ONLY_HINT_ID: &str = "view-only-hint";

/// For a view-only link, says so above the section and disables its edit
/// controls; the LiveRoom refuses edits too. The forms of goals, commitments
/// and the network sit in a disabled `<fieldset>` (every control of theirs
/// edits). The board disables only its edit controls itself
/// (`BoardState::locked`), so its views, zoom and exports keep working.
/// Editors get the children as they are.
#[component]
pub fn EditGate(children: Children) -> impl IntoView {
    let view_only = use_live_room().is_some_and(|l| !l.can_edit());
    if !view_only {
        return children().into_any();
    }
    let notice = view! { <p id=VIEW_ONLY_HINT_ID class="notice view-only-notice">{tr!("view-only-notice")}</p> };
    // The room's frame stays while its sections change, so this follows the address.
    let path = leptos_router::hooks::use_location().pathname;
    let on_board = move || path.with(|p| p.ends_with("/board"));
    view! {
        <fieldset class="edit-gate" disabled=move || !on_board() aria-describedby=VIEW_ONLY_HINT_ID>
            {notice}
            {children()}
        </fieldset>
    }
    .into_any()
}

/// The "Share" button of the room header and its dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
    let Some(context) = use_context::<RoomContext>() else { return ().into_any() };
    let link = context.link;
    let dialog = NodeRef::<html::Dialog>::new();
    let button = NodeRef::<html::Button>::new();
    let (open, set_open) = signal(false);
    let (status, set_status) = signal(String::new());
    let show = move |_| {
        set_status.set(String::new());
        set_open.set(true);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // Escape and the Close button both end in `close`: focus returns to the
    // button that opened the dialog.
    let on_close = move |_| {
        set_open.set(false);
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    };

    view! {
        <button type="button" class="share-button" aria-haspopup="dialog" node_ref=button on:click=show>
            <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                <circle cx="18" cy="5" r="3" fill="currentColor"/>
                <circle cx="6" cy="12" r="3" fill="currentColor"/>
                <circle cx="18" cy="19" r="3" fill="currentColor"/>
                <path d="M8.6 10.7l6.8-4M8.6 13.3l6.8 4" stroke="currentColor" stroke-width="2"/>
            </svg>
            {tr!("share")}
        </button>
        <dialog class="share-dialog" aria-labelledby="share-title" node_ref=dialog on:close=on_close>
            <div class="share-head">
                <h2 id="share-title">{tr!("share-title")}</h2>
                <button type="button" on:click=close>{tr!("share-close")}</button>
            </div>
            {move || match link.get() {
                Ok(l) if open.get() => view! { <ShareBody link=l set_status=set_status/> }.into_any(),
                _ => ().into_any(),
            }}
            <p class="share-status" role="status">{status}</p>
        </dialog>
    }
    .into_any()
}

/// What the dialog shows for one link.
#[component]
fn ShareBody(link: RoomLink, set_status: WriteSignal<String>) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let full = {
        let origin = origin.clone();
        move |l: &RoomLink| format!("{origin}{}", l.path(Section::Board))
    };
    let access = link.access();
    let edit_url = full(&link);
    let view_url = full(&link.view_only());
    let (qr_of_edit, set_qr_of_edit) = signal(false);
    let qr_text = {
        let (edit_url, view_url) = (edit_url.clone(), view_url.clone());
        Signal::derive(move || if qr_of_edit.get() { edit_url.clone() } else { view_url.clone() })
    };
    let qr_label = Signal::derive(move || {
        t(match (access, qr_of_edit.get()) {
            (Access::Open, _) => "share-qr-of-room",
            (_, true) => "share-qr-of-edit",
            (_, false) => "share-qr-of-view",
        })
    });

    let fields = match access {
        Access::Edit => view! {
            <LinkField id="share-edit-link" label="share-edit-link" copy_label="share-copy-edit-link" value=edit_url set_status=set_status/>
            <LinkField id="share-view-link" label="share-view-link" copy_label="share-copy-view-link" value=view_url set_status=set_status/>
        }
        .into_any(),
        Access::View => {
            view! { <LinkField id="share-view-link" label="share-view-link" copy_label="share-copy-view-link" value=view_url set_status=set_status/> }
                .into_any()
        }
        Access::Open => {
            view! { <LinkField id="share-room-link" label="share-room-link" copy_label="share-copy-room-link" value=edit_url set_status=set_status/> }
                .into_any()
        }
    };
    let explanation = match access {
        Access::Edit => "share-access-edit",
        Access::View => "share-access-view",
        Access::Open => "share-access-open",
    };

    view! {
        <p class="share-access">{crate::i18n::text(explanation)}</p>
        {fields}
        <section class="share-section" aria-labelledby="share-qr-heading">
            <h3 id="share-qr-heading">{tr!("share-qr-heading")}</h3>
            {(access == Access::Edit).then(|| view! {
                <div class="share-choice" role="radiogroup" aria-labelledby="share-qr-heading">
                    <label>
                        <input type="radio" name="share-qr" prop:checked=move || !qr_of_edit.get()
                            on:change=move |_| set_qr_of_edit.set(false)/>
                        {tr!("share-view-link")}
                    </label>
                    <label>
                        <input type="radio" name="share-qr" prop:checked=move || qr_of_edit.get()
                            on:change=move |_| set_qr_of_edit.set(true)/>
                        {tr!("share-edit-link")}
                    </label>
                </div>
            })}
            <QrCode text=qr_text label=qr_label/>
        </section>
        <EmbedSection link=link.clone() origin=origin set_status=set_status/>
        {(access != Access::View).then(|| view! { <RoomCodePanel link=link set_status=set_status/> })}
    }
}

/// A read-only link with its label and a Copy button (`label` and
/// `copy_label` are message ids).
#[component]
fn LinkField(
    id: &'static str,
    label: &'static str,
    copy_label: &'static str,
    value: String,
    set_status: WriteSignal<String>,
) -> impl IntoView {
    let copied = value.clone();
    view! {
        <div class="share-field">
            <label for=id>{crate::i18n::text(label)}</label>
            <div class="row">
                <input id=id type="text" readonly prop:value=value on:focus=move |_| select_field(id)/>
                <button type="button" aria-label=crate::i18n::text(copy_label) on:click=move |_| copy(id, copied.clone(), set_status)>
                    {tr!("share-copy")}
                </button>
            </div>
        </div>
    }
}

/// The `<iframe>` snippet for the network map, a goal or accountability.
#[component]
fn EmbedSection(link: RoomLink, origin: String, set_status: WriteSignal<String>) -> impl IntoView {
    let goals: Vec<(String, String)> = use_live_room()
        .map(|l| l.read(|room| room.goals()).into_iter().map(|g| (g.id.as_str().to_owned(), g.title)).collect())
        .unwrap_or_default();
    let (what, set_what) = signal("network".to_owned());
    let targets = goals.clone();
    let snippet = Signal::derive(move || {
        let target = match what.get().as_str() {
            "accountability" => EmbedTarget::Accountability,
            w => match w.strip_prefix("goal:").and_then(|id| targets.iter().find(|(g, _)| g == id)) {
                Some((id, title)) => EmbedTarget::Goal { id: id.clone(), title: title.clone() },
                None => EmbedTarget::Network,
            },
        };
        let title = match &target {
            EmbedTarget::Network => t("share-embed-network"),
            EmbedTarget::Goal { title, .. } => t_args("share-embed-goal", &[("title", title.clone().into())]),
            EmbedTarget::Accountability => t("share-embed-accountability"),
        };
        embed_snippet_titled(&origin, &link, &target, &title)
    });
    view! {
        <section class="share-section" aria-labelledby="share-embed-heading">
            <h3 id="share-embed-heading">{tr!("share-embed-heading")}</h3>
            <label for="share-embed-what">{tr!("share-embed-show")}</label>
            <select id="share-embed-what" on:change=move |ev| set_what.set(event_target_value(&ev))>
                <option value="network" selected>{tr!("share-embed-network")}</option>
                {goals
                    .into_iter()
                    .map(|(id, title)| view! { <option value=format!("goal:{id}")>{move || t_args("share-embed-goal", &[("title", title.clone().into())])}</option> })
                    .collect_view()}
                <option value="accountability">{tr!("share-embed-accountability")}</option>
            </select>
            <label for="share-embed-code">{tr!("share-embed-code")}</label>
            <textarea id="share-embed-code" readonly rows="4" prop:value=snippet on:focus=move |_| select_field("share-embed-code")></textarea>
            <button type="button" on:click=move |_| copy("share-embed-code", snippet.get_untracked(), set_status)>
                {tr!("share-copy-embed")}
            </button>
            <p class="hint">{tr!("share-embed-note")}</p>
        </section>
    }
}

/// Copies `text` with the clipboard API; where it is missing or refused
/// (an insecure origin, a denied permission), selects the field so the
/// person can copy it by hand.
pub(crate) fn copy(field: &'static str, text: String, set_status: WriteSignal<String>) {
    match clipboard_write(&text) {
        Some(promise) => leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => set_status.set(t("share-copied")),
                Err(_) => {
                    select_field(field);
                    set_status.set(t("share-copy-by-hand"));
                }
            }
        }),
        None => {
            select_field(field);
            set_status.set(t("share-copy-by-hand"));
        }
    }
}

fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into().ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into().ok()
}

/// Selects the whole text of an input or textarea.
fn select_field(id: &str) {
    let Some(el) = document().get_element_by_id(id) else { return };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}
