//! The analysis worker: listens for "analyze" messages, answers each with the
//! measures (see the library's `js` module for the messages). Requests are
//! handled one at a time in the order they arrive; the page keeps at most one
//! waiting, so the worker never analyzes a revision the page no longer wants
//! for long.

use constellation_analysis_worker::{js, wire};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or_else(js_sys::Date::now, |p| p.now())
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let msg = ev.data();
        if js::kind(&msg).as_deref() != Some("analyze") {
            return;
        }
        let rev = js::rev(&msg);
        let result = js::decode_request(&msg).and_then(|req| wire::answer(&req, || now(&answer_scope)));
        let sent = match result {
            Ok(res) => {
                let (out, transfer) = js::encode_response(&res);
                answer_scope.post_message_with_transfer(&out, &transfer)
            }
            Err(e) => answer_scope.post_message(&js::encode_error(rev, &e)),
        };
        if sent.is_err() {
            let _ = answer_scope.post_message(&js::encode_error(rev, "the answer could not be sent"));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&js::ready());
}
