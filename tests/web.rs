//! Component tests in a real browser (wasm-bindgen-test in headless chromium):
//! one component mounted on its own, driven through the DOM as a person would.
#![cfg(target_arch = "wasm32")]

use constellation_web::Landing;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount_landing() -> web_sys::Element {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), || {
        view! { <Router><Landing/></Router> }
    });
    handle.forget();
    container
}

/// Lets the browser run pending work (Leptos applies reactive updates in
/// microtasks and effects), as a person's next look at the page would.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn input(container: &web_sys::Element, id: &str) -> HtmlInputElement {
    container.query_selector(&format!("#{id}")).unwrap().expect(id).unchecked_into()
}

fn type_into(field: &HtmlInputElement, text: &str) {
    field.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    field.dispatch_event(&event).unwrap();
}

/// Finds a button by its accessible name (its text), as a person would.
fn button(container: &web_sys::Element, name: &str) -> HtmlElement {
    let buttons = container.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no button named {name:?}"))
}

#[wasm_bindgen_test]
async fn typed_name_is_remembered_in_browser_storage() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let container = mount_landing();
    settle().await;
    let field = input(&container, "display-name");
    // The field is labelled "Your name".
    let label = container.query_selector("label[for=display-name]").unwrap().unwrap();
    assert_eq!(label.text_content().as_deref(), Some("Your name"));

    type_into(&field, "Nadia Haddad");
    let stored = storage.get_item("constellation.display_name").unwrap();
    assert_eq!(stored.as_deref(), Some("\"Nadia Haddad\""));

    // A second landing page (a later visit) starts with the remembered name.
    let again = mount_landing();
    settle().await;
    assert_eq!(input(&again, "display-name").value(), "Nadia Haddad");
    assert!(button(&again, "Create room").is_connected());
}

#[wasm_bindgen_test]
async fn a_bad_room_code_is_explained_and_kept() {
    let container = mount_landing();
    settle().await;
    let field = input(&container, "room-code");
    type_into(&field, "hello");
    button(&container, "Join").click();
    settle().await;
    let error = container.query_selector("#room-code-error").unwrap().unwrap();
    let text = error.text_content().unwrap_or_default();
    assert!(text.contains("room code"), "error was {text:?}");
    assert_eq!(field.value(), "hello");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
}
