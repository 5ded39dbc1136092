//! Watching page elements from a view: their size, and events whose default
//! the view must be able to prevent. Both stop when the calling view goes away.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps `size` equal to the element's size in CSS pixels (now, and after
/// every resize) for as long as the calling view lives.
pub fn follow_size(el: &web_sys::Element, size: RwSignal<(f64, f64)>) {
    let measure = {
        let el = el.clone();
        move || {
            let r = el.get_bounding_client_rect();
            size.set((r.width(), r.height()));
        }
    };
    measure();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(measure);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(el);
        let observer = StoredValue::new_local(observer);
        on_cleanup(move || observer.with_value(|o| o.disconnect()));
    }
    callback.forget();
}

/// Listens to `event` on `target` with a listener that may prevent the
/// browser's default (wheel, keys), which Leptos's delegated, passive
/// listeners cannot, for as long as the calling view lives.
pub fn listen_active(target: &web_sys::EventTarget, event: &'static str, handler: impl FnMut(&web_sys::Event) + 'static) {
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    let listener = gloo::events::EventListener::new_with_options(target, event, options, handler);
    let listener = StoredValue::new_local(Some(listener));
    on_cleanup(move || listener.update_value(|l| drop(l.take())));
}
