//! Short room codes in the browser: making one in the Share dialog, and
//! opening one typed on the start page. The code's key is derived with
//! WebCrypto's PBKDF2 (native speed, even in a phone); the ticket format and
//! the code itself are `constellation_core::room_code`.

use constellation_core::link::{LinkError, RoomLink};
use constellation_core::room_code::{
    open_ticket, CodeError, seal_ticket, RoomCode, WithdrawKey, KDF_ITERATIONS, TICKET_LIFETIME_SECONDS, WITHDRAW_DIGEST_HEADER,
    WITHDRAW_KEY_HEADER,
};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::random_bytes;
use crate::i18n::{format_date_time, link_error, t, t_args};
use crate::tr;

/// Why a room code could not be made, withdrawn or opened. Kept as a value
/// and worded when shown, so a message on screen re-words when the language
/// changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    /// The relay could not be reached.
    NoRelay,
    /// No room has this code (unknown or expired).
    NoSuch,
    /// The relay is limiting this network's attempts.
    TooMany,
    /// This browser has no WebCrypto (the page is not served over HTTPS).
    NoCrypto,
    /// The relay refused, in its own words.
    Relay(String),
    /// The code or its ticket does not open a room.
    Code(CodeError),
}

/// A room code problem in the current language (reactive).
pub fn code_problem_text(problem: &CodeProblem) -> String {
    match problem {
        CodeProblem::NoRelay => t("code-no-relay"),
        CodeProblem::NoSuch => t("code-no-such"),
        CodeProblem::TooMany => t("code-too-many"),
        CodeProblem::NoCrypto => t("code-no-crypto"),
        CodeProblem::Relay(said) => t_args("code-relay-refused", &[("said", said.clone().into())]),
        CodeProblem::Code(CodeError::BadCode { found }) => t_args("code-bad", &[("found", found.clone().into())]),
        CodeProblem::Code(CodeError::WrongCode) => t("code-wrong"),
        CodeProblem::Code(CodeError::BadTicket(e)) => t_args("code-bad-ticket", &[("error", link_error(e).into())]),
    }
}

/// Why the start page could not join: a pasted link or a typed code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoinError {
    Link(LinkError),
    Code(CodeProblem),
}

impl JoinError {
    /// The words in the current language (reactive).
    pub fn text(&self) -> String {
        match self {
            JoinError::Link(e) => link_error(e),
            JoinError::Code(p) => code_problem_text(p),
        }
    }
}

/// A code made in this page, with when it expires and its withdraw key.
type Made = (RoomCode, f64, WithdrawKey);

thread_local! {
    /// The last code made in this page for each room (by room id).
    static MADE: std::cell::RefCell<std::collections::HashMap<String, Made>> = Default::default();
}

/// Makes a room code for `link` (or its view-only link) in the Share dialog.
#[component]
pub fn RoomCodePanel(link: RoomLink, set_status: WriteSignal<String>) -> impl IntoView {
    let can_choose = link.write.is_some();
    let (for_edit, set_for_edit) = signal(false);
    let (busy, set_busy) = signal(false);
    // The code made here: its text, when it expires, and the key that
    // withdraws it. Kept for the page's life, so that closing and reopening
    // the dialog still shows it and can withdraw it.
    let room = link.room.as_str().to_owned();
    let (made, set_made) = signal(MADE.with(|m| m.borrow().get(&room).cloned()));
    Effect::new(move |_| {
        let current = made.get();
        MADE.with(|m| match current {
            Some(code) => m.borrow_mut().insert(room.clone(), code),
            None => m.borrow_mut().remove(&room),
        });
    });
    let (withdrawing, set_withdrawing) = signal(false);
    let (error, set_error) = signal(None::<CodeProblem>);
    let make = move |_| {
        let target = if for_edit.get_untracked() { link.clone() } else { link.view_only() };
        set_busy.set(true);
        set_error.set(None);
        leptos::task::spawn_local(async move {
            match make_code(&target).await {
                Ok((code, key)) => {
                    let until = js_sys::Date::now() + TICKET_LIFETIME_SECONDS as f64 * 1000.0;
                    set_made.set(Some((code, until, key)));
                }
                Err(e) => set_error.set(Some(e)),
            }
            set_busy.set(false);
        });
    };
    view! {
        <section class="share-section" aria-labelledby="share-code-heading">
            <h3 id="share-code-heading">{tr!("code-heading")}</h3>
            <p class="hint">{tr!("code-intro")}</p>
            {can_choose.then(|| view! {
                <label for="share-code-for">{tr!("code-opens")}</label>
                <select id="share-code-for" on:change=move |ev| set_for_edit.set(event_target_value(&ev) == "edit")>
                    <option value="view" selected>{tr!("code-opens-view")}</option>
                    <option value="edit">{tr!("code-opens-edit")}</option>
                </select>
            })}
            <button type="button" on:click=make disabled=busy>
                {move || if busy.get() { t("code-making") } else { t("code-make") }}
            </button>
            <p class="error" role="alert">{move || error.get().map(|e| code_problem_text(&e))}</p>
            {move || made.get().map(|(room_code, until, key)| {
                let code = room_code.display();
                let copied = code.clone();
                let withdraw = move |_| {
                    let (room_code, key) = (room_code.clone(), key.clone());
                    set_withdrawing.set(true);
                    set_error.set(None);
                    leptos::task::spawn_local(async move {
                        match withdraw_code(&room_code, &key).await {
                            Ok(()) => {
                                set_made.set(None);
                                set_status.set(t_args("code-withdrawn", &[("code", room_code.display().into())]));
                            }
                            Err(e) => set_error.set(Some(e)),
                        }
                        set_withdrawing.set(false);
                    });
                };
                view! {
                    <div class="share-field">
                        <label for="share-room-code">{tr!("code-label")}</label>
                        <div class="row">
                            <input id="share-room-code" class="room-code" type="text" readonly prop:value=code/>
                            <button type="button" aria-label=tr!("code-copy")
                                on:click=move |_| super::copy("share-room-code", copied.clone(), set_status)>
                                {tr!("share-copy")}
                            </button>
                        </div>
                        <p class="hint">{move || t_args("code-valid-until", &[("time", format_date_time(until).into())])}</p>
                        <button type="button" on:click=withdraw disabled=withdrawing>
                            {move || if withdrawing.get() { t("code-withdrawing") } else { t("code-withdraw") }}
                        </button>
                    </div>
                }
            })}
        </section>
    }
}

/// Stores a ticket for `link` under a fresh code; returns the code and the
/// key that withdraws it (the relay gets only the key's digest).
async fn make_code(link: &RoomLink) -> Result<(RoomCode, WithdrawKey), CodeProblem> {
    // A lookup name already in use is answered 409: draw another code.
    for _ in 0..5 {
        let code = RoomCode::from_random(random_bytes());
        let key = derive_key(&code).await?;
        let ticket = seal_ticket(&code, &key, link, random_bytes());
        let withdraw = WithdrawKey::from_random(random_bytes());
        let headers = [(WITHDRAW_DIGEST_HEADER, withdraw.digest_hex())];
        match fetch("PUT", &format!("/api/room-codes/{}", code.lookup()), &headers, Some(&ticket)).await {
            Ok((201, _)) => return Ok((code, withdraw)),
            Ok((409, _)) => continue,
            Ok((429, _)) => return Err(CodeProblem::TooMany),
            Ok((_, body)) => return Err(relay_said(&body)),
            Err(_) => return Err(CodeProblem::NoRelay),
        }
    }
    Err(CodeProblem::NoRelay)
}

/// Withdraws a code made here: it opens nothing any more. A code already
/// gone (expired, or withdrawn from another tab) counts as withdrawn.
async fn withdraw_code(code: &RoomCode, key: &WithdrawKey) -> Result<(), CodeProblem> {
    let headers = [(WITHDRAW_KEY_HEADER, key.to_hex())];
    match fetch("DELETE", &format!("/api/room-codes/{}", code.lookup()), &headers, None).await {
        Ok((204 | 404, _)) => Ok(()),
        Ok((429, _)) => Err(CodeProblem::TooMany),
        Ok((_, body)) => Err(relay_said(&body)),
        Err(_) => Err(CodeProblem::NoRelay),
    }
}

/// The relay's own words for a refusal.
fn relay_said(body: &[u8]) -> CodeProblem {
    CodeProblem::Relay(String::from_utf8_lossy(body).trim().to_owned())
}

/// Fetches and opens the ticket of a typed code: the room link it stands for.
pub async fn open_code(code: RoomCode) -> Result<RoomLink, CodeProblem> {
    let ticket = match fetch("GET", &format!("/api/room-codes/{}", code.lookup()), &[], None).await {
        Ok((200, ticket)) => ticket,
        Ok((404, _)) => return Err(CodeProblem::NoSuch),
        Ok((429, _)) => return Err(CodeProblem::TooMany),
        Ok((_, body)) => return Err(relay_said(&body)),
        Err(_) => return Err(CodeProblem::NoRelay),
    };
    let key = derive_key(&code).await?;
    open_ticket(&code, &key, &ticket).map_err(CodeProblem::Code)
}

/// PBKDF2-HMAC-SHA256 of the code with WebCrypto.
async fn derive_key(code: &RoomCode) -> Result<[u8; 32], CodeProblem> {
    let no_crypto = |_| CodeProblem::NoCrypto;
    let window: JsValue = window().into();
    let subtle = Reflect::get(&Reflect::get(&window, &"crypto".into()).map_err(no_crypto)?, &"subtle".into()).map_err(no_crypto)?;
    if subtle.is_undefined() {
        return Err(CodeProblem::NoCrypto);
    }
    let call = |name: &str, args: &Array| -> Result<JsFuture, CodeProblem> {
        let f: Function = Reflect::get(&subtle, &name.into()).map_err(no_crypto)?.dyn_into().map_err(|_| CodeProblem::NoCrypto)?;
        let promise: Promise = Reflect::apply(&f, &subtle, args).map_err(no_crypto)?.dyn_into().map_err(|_| CodeProblem::NoCrypto)?;
        Ok(JsFuture::from(promise))
    };
    let password = Uint8Array::from(code.kdf_password().as_bytes());
    let usages = Array::of1(&"deriveBits".into());
    let import_args = Array::of5(&"raw".into(), &password, &"PBKDF2".into(), &false.into(), &usages);
    let base = call("importKey", &import_args)?.await.map_err(no_crypto)?;
    let params = Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&params, &k.into(), v).map(|_| ()).map_err(no_crypto);
    set("name", &"PBKDF2".into())?;
    set("hash", &"SHA-256".into())?;
    set("salt", &Uint8Array::from(code.kdf_salt().as_slice()))?;
    set("iterations", &JsValue::from_f64(f64::from(KDF_ITERATIONS)))?;
    let bits = call("deriveBits", &Array::of3(&params, &base, &JsValue::from_f64(256.0)))?.await.map_err(no_crypto)?;
    Uint8Array::new(&bits).to_vec().try_into().map_err(|_| CodeProblem::NoCrypto)
}

/// A same-origin request with extra `headers`: (status, body).
async fn fetch(method: &str, url: &str, headers: &[(&str, String)], body: Option<&[u8]>) -> Result<(u16, Vec<u8>), JsValue> {
    let window: JsValue = window().into();
    let init = Object::new();
    Reflect::set(&init, &"method".into(), &method.into())?;
    if !headers.is_empty() {
        let object = Object::new();
        for (name, value) in headers {
            Reflect::set(&object, &(*name).into(), &value.as_str().into())?;
        }
        Reflect::set(&init, &"headers".into(), &object)?;
    }
    if let Some(body) = body {
        Reflect::set(&init, &"body".into(), &Uint8Array::from(body))?;
    }
    let fetch: Function = Reflect::get(&window, &"fetch".into())?.dyn_into()?;
    let response = JsFuture::from(fetch.call2(&window, &url.into(), &init)?.dyn_into::<Promise>()?).await?;
    let status = Reflect::get(&response, &"status".into())?.as_f64().unwrap_or(0.0) as u16;
    let read: Function = Reflect::get(&response, &"arrayBuffer".into())?.dyn_into()?;
    let buffer = JsFuture::from(read.call0(&response)?.dyn_into::<Promise>()?).await?;
    Ok((status, Uint8Array::new(&buffer).to_vec()))
}
