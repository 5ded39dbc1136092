//! The analysis worker: listens for "analyze" messages, answers each with the
//! measures (see the library's `js` module for the messages). Requests are
//! handled one at a time in the order they arrive; the page keeps at most one
//! waiting, so the worker never analyzes a revision the page no longer wants
//! for long.
//!
//! The same worker, started a second time by the map, draws the network map
//! ("map-…" messages, the library's `map_js`): it lays the network out and
//! draws it into the `OffscreenCanvas` the page handed over, one frame per
//! animation frame while anything changes or the layout moves, and posts the
//! positions it drew back to the page.

use std::cell::RefCell;

use constellation_analysis_worker::map::MapEngine;
use constellation_analysis_worker::{js, map_js, wire};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, OffscreenCanvasRenderingContext2d};

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or_else(js_sys::Date::now, |p| p.now())
}

/// The map this worker draws, once the page sent a canvas.
struct MapState {
    engine: MapEngine,
    ctx: Option<OffscreenCanvasRenderingContext2d>,
    scheduled: bool,
}

thread_local! {
    static MAP: RefCell<MapState> = RefCell::new(MapState { engine: MapEngine::new(), ctx: None, scheduled: false });
    static TICK: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Makes sure a frame is coming (the next animation frame, or in 16 ms where
/// a worker has no animation frames).
fn schedule() {
    let go = MAP.with(|m| {
        let mut m = m.borrow_mut();
        let go = !m.scheduled && m.ctx.is_some() && m.engine.needs_frame();
        m.scheduled |= go;
        go
    });
    if !go {
        return;
    }
    TICK.with(|t| {
        let mut t = t.borrow_mut();
        let tick = t.get_or_insert_with(|| Closure::<dyn FnMut()>::new(frame));
        let f: &js_sys::Function = tick.as_ref().unchecked_ref();
        let s = scope();
        let has_raf = js_sys::Reflect::has(&s, &JsValue::from_str("requestAnimationFrame")).unwrap_or(false);
        if !has_raf || s.request_animation_frame(f).is_err() {
            let _ = s.set_timeout_with_callback_and_timeout_and_arguments_0(f, 16);
        }
    });
}

fn frame() {
    let s = scope();
    let out = MAP.with(|m| {
        let mut m = m.borrow_mut();
        m.scheduled = false;
        let MapState { engine, ctx, .. } = &mut *m;
        let ctx = ctx.as_ref()?;
        Some(engine.frame(ctx, || now(&s)))
    });
    if let Some(out) = out {
        let (msg, transfer) = map_js::frame(&out);
        let _ = s.post_message_with_transfer(&msg, &transfer);
    }
    schedule();
}

fn map_error(failure: map_js::MapFailure, detail: String) {
    let _ = scope().post_message(&map_js::error(failure, &detail));
}

/// Handles one "map-…" message.
fn map_message(kind: &str, msg: &JsValue) {
    match kind {
        "map-canvas" => match map_js::read_canvas(msg).and_then(|c| {
            c.get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<OffscreenCanvasRenderingContext2d>().ok())
                .ok_or_else(|| "this browser cannot draw in a worker".to_string())
        }) {
            Ok(ctx) => MAP.with(|m| m.borrow_mut().ctx = Some(ctx)),
            Err(e) => map_error(map_js::MapFailure::CannotDraw, e),
        },
        "map-graph" => {
            if let Err(e) = map_js::read_graph(msg).and_then(|g| MAP.with(|m| m.borrow_mut().engine.set_graph(g))) {
                map_error(map_js::MapFailure::Layout, e);
            }
        }
        "map-look" => match map_js::read_look(msg) {
            Ok(l) => MAP.with(|m| m.borrow_mut().engine.set_look(l)),
            Err(e) => map_error(map_js::MapFailure::BadMessage, e),
        },
        "map-view" => match map_js::read_view(msg) {
            Ok(v) => MAP.with(|m| m.borrow_mut().engine.set_view(v)),
            Err(e) => map_error(map_js::MapFailure::BadMessage, e),
        },
        "map-pin" => match map_js::read_pin(msg) {
            Ok((i, x, y)) => MAP.with(|m| m.borrow_mut().engine.pin(i, x, y)),
            Err(e) => map_error(map_js::MapFailure::BadMessage, e),
        },
        "map-release" => MAP.with(|m| m.borrow_mut().engine.release_pins()),
        "map-whatif" => {
            let _ = scope().post_message(&map_js::answer_what_if(msg));
            return;
        }
        "map-parse" => {
            let _ = scope().post_message(&map_js::answer_parse(msg));
            return;
        }
        "map-png" => {
            let canvas = MAP.with(|m| m.borrow().ctx.as_ref().map(|c| c.canvas()));
            let Some(promise) = canvas.and_then(|c| c.convert_to_blob().ok()) else {
                map_error(map_js::MapFailure::Png, String::new());
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|b| b.dyn_into::<web_sys::Blob>().ok()) {
                    Some(blob) => {
                        let _ = scope().post_message(&map_js::png(&blob));
                    }
                    None => map_error(map_js::MapFailure::Png, String::new()),
                }
            });
            return;
        }
        _ => return,
    }
    schedule();
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let msg = ev.data();
        let kind = js::kind(&msg).unwrap_or_default();
        if kind.starts_with("map-") {
            map_message(&kind, &msg);
            return;
        }
        if kind != "analyze" {
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
