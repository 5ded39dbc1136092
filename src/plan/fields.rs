//! The one form field every plan form is made of: a visible label, the control,
//! an optional hint and the field's error, tied together with `for`,
//! `aria-describedby` and `aria-invalid`.
//!
//! Fields never validate anything themselves: a form builds its core draft
//! from the fields' text on every keystroke, asks core's `validate_*`, and
//! hands each field the message that names it. A field shows its message once
//! the person has typed in it (or tried to submit the form), and always keeps
//! exactly what was typed.

use leptos::prelude::*;

use crate::i18n::t;
use crate::tr;

/// The kind of control a field is.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Control {
    /// One line of text.
    #[default]
    Text,
    /// A calendar date (`YYYY-MM-DD`).
    Date,
    /// A number or a value typed like one (decimal keyboard on phones).
    Number,
    /// Several lines of text.
    Long,
    /// A web address.
    Link,
}

/// A labelled text, date or number field. `label` and `hint` are message ids
/// of the catalogs (`locales/*.ftl`), shown in the current language.
#[component]
pub fn Field(
    label: &'static str,
    value: RwSignal<String>,
    /// The message for this field from the form's last validation.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The person tried to submit: show every message, typed in or not.
    #[prop(into)]
    attempted: Signal<bool>,
    #[prop(optional)] control: Control,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = super::unique_id("field");
    let touched = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        if touched.get() || attempted.get() {
            error.get()
        } else {
            None
        }
    });
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let invalid = move || shown.get().is_some().to_string();
    let on_input = move |ev| {
        touched.set(true);
        value.set(event_target_value(&ev));
    };
    let input = match control {
        Control::Long => view! {
            <textarea
                id=id.clone()
                rows="3"
                dir="auto"
                aria-describedby=described
                aria-invalid=invalid
                aria-required=required.then_some("true")
                prop:value=move || value.get()
                on:input=on_input
            ></textarea>
        }
        .into_any(),
        _ => {
            let (kind, mode) = match control {
                Control::Date => ("date", None),
                Control::Number => ("text", Some("decimal")),
                Control::Link => ("url", None),
                _ => ("text", None),
            };
            view! {
                <input
                    id=id.clone()
                    type=kind
                    inputmode=mode
                    dir=(control != Control::Date).then_some("auto")
                    autocomplete="off"
                    aria-describedby=described
                    aria-invalid=invalid
                    aria-required=required.then_some("true")
                    prop:value=move || value.get()
                    on:input=on_input
                    on:change=on_input
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field">
            // The required mark sits outside the label so the field's name is
            // exactly its label; `aria-required` says it to assistive technology.
            <div class="label-row">
                <label for=id>{move || t(label)}</label>
                {required.then_some(view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || t(h)}</p> })}
            {input}
            <p class="error" id=error_id>{move || shown.get()}</p>
        </div>
    }
}

/// A labelled choice among fixed options (`value`, visible label).
#[component]
pub fn Choice(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let id = super::unique_id("choice");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let message = move || error.and_then(|e| e.get());
    view! {
        <div class="field">
            <label for=id.clone()>{move || t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || t(h)}</p> })}
            <select
                id=id
                aria-describedby=described
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <p class="error" id=error_id>{message}</p>
        </div>
    }
}

/// A labelled yes/no box.
#[component]
pub fn Tick(
    label: &'static str,
    value: RwSignal<bool>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = super::unique_id("tick");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field tick">
            <input
                id=id.clone()
                type="checkbox"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            <label for=id>{move || t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || t(h)}</p> })}
        </div>
    }
}

/// The buttons at the foot of a form: submit (named by the caller) and cancel.
#[component]
pub fn FormButtons(submit: &'static str, on_cancel: Callback<()>) -> impl IntoView {
    view! {
        <div class="form-buttons">
            <button type="submit" class="primary inline">{move || t(submit)}</button>
            <button type="button" on:click=move |_| on_cancel.run(())>{tr!("cancel")}</button>
        </div>
    }
}

/// A form's element, given the keyboard once it is drawn: a form opens where
/// its button was (which hides while it is open), so focus must move into it.
pub fn focus_on_open() -> NodeRef<leptos::html::Form> {
    let form = NodeRef::<leptos::html::Form>::new();
    form.on_load(|form| {
        request_animation_frame(move || {
            use wasm_bindgen::JsCast;
            let first = form
                .query_selector("input:not([type=hidden]), textarea, select")
                .ok()
                .flatten();
            if let Some(el) = first.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    });
    form
}

/// A button that opens a form in its place (hiding while the form is open),
/// and the form's way back: when the form is done, the keyboard returns to
/// the button, so nobody is left at the top of the page.
#[derive(Clone, Copy)]
pub struct Opener {
    pub open: RwSignal<bool>,
    pub button: NodeRef<leptos::html::Button>,
}

impl Opener {
    pub fn new() -> Opener {
        Opener {
            open: RwSignal::new(false),
            button: NodeRef::new(),
        }
    }

    /// Closes the form and gives the keyboard back to its button.
    pub fn done(self) -> Callback<()> {
        Callback::new(move |_| {
            self.open.set(false);
            request_animation_frame(move || {
                if let Some(button) = self.button.get_untracked() {
                    let _ = button.focus();
                }
            });
        })
    }
}
