//! The on-screen keyboard never hides the field being typed in.
//!
//! A phone's keyboard takes half the screen. With `interactive-widget=
//! resizes-content` in the viewport meta (index.html), Chromium on Android
//! shrinks the page's viewport when the keyboard opens; Safari on iOS shrinks
//! only the *visual* viewport. Either way the page gets a `resize` (of the
//! window or of `window.visualViewport`), and the field that has the focus may
//! now sit under the keyboard, or under the sticky section bar. On each such
//! resize, a focused text field outside the visible area is scrolled back into
//! the middle of it; scrolling stops at the first container that can show it
//! (a dialog's body, a panel), as `scrollIntoView` does.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

/// Starts watching for the rest of the page's life (call once, at start).
pub fn keep_focused_field_visible() {
    let Some(window) = web_sys::window() else { return };
    EventListener::new(&window, "resize", |_| on_resize()).forget();
    if let Ok(viewport) = js_sys::Reflect::get(&window, &JsValue::from_str("visualViewport")) {
        if let Some(target) = viewport.dyn_ref::<web_sys::EventTarget>() {
            EventListener::new(target, "resize", |_| on_resize()).forget();
        }
    }
}

/// Reveals the field now, and once more when the page has settled: a view
/// that lays itself out again after the resize (a map or chart measuring its
/// new size) can move the field after the first look.
fn on_resize() {
    reveal_focused_field();
    gloo::timers::callback::Timeout::new(SETTLE_MS, reveal_focused_field).forget();
}

/// How long after a resize the field is looked at again.
const SETTLE_MS: u32 = 300;

/// Fields that open the on-screen keyboard.
fn is_text_field(el: &web_sys::Element) -> bool {
    match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => {
            let kind = el.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
            !matches!(
                kind.as_str(),
                "button" | "checkbox" | "radio" | "submit" | "reset" | "range" | "color" | "file" | "image" | "hidden"
            )
        }
        _ => el.dyn_ref::<web_sys::HtmlElement>().is_some_and(|h| h.is_content_editable()),
    }
}

/// The visible band of the page, in viewport coordinates: (top, bottom).
fn visible_band(window: &web_sys::Window) -> (f64, f64) {
    let number = |target: &JsValue, name: &str| {
        js_sys::Reflect::get(target, &JsValue::from_str(name)).ok().and_then(|v| v.as_f64())
    };
    let viewport = js_sys::Reflect::get(window, &JsValue::from_str("visualViewport")).unwrap_or(JsValue::UNDEFINED);
    match (number(&viewport, "offsetTop"), number(&viewport, "height")) {
        (Some(top), Some(height)) => (top, top + height),
        _ => (0.0, window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0)),
    }
}

/// Scrolls the focused text field into view if any of it is hidden.
fn reveal_focused_field() {
    let Some(window) = web_sys::window() else { return };
    let Some(field) = window.document().and_then(|d| d.active_element()) else { return };
    if !is_text_field(&field) {
        return;
    }
    let (top, bottom) = visible_band(&window);
    // The sticky section bar covers the top of the page: a field under it is hidden too.
    let covered = window
        .document()
        .and_then(|d| d.query_selector(".sections").ok().flatten())
        .map(|bar| bar.get_bounding_client_rect().bottom().max(top))
        .unwrap_or(top);
    let rect = field.get_bounding_client_rect();
    if rect.top() >= covered && rect.bottom() <= bottom {
        return;
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("block"), &JsValue::from_str("center"));
    if let Ok(scroll) = js_sys::Reflect::get(&field, &JsValue::from_str("scrollIntoView")) {
        if let Some(scroll) = scroll.dyn_ref::<js_sys::Function>() {
            let _ = scroll.call1(&field, &options);
        }
    }
}
