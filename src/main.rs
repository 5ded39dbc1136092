//! Entry point of the web app: it only loads the language and mounts the root
//! component, so that browser tests can mount any single component from the
//! library instead.

fn main() {
    console_error_panic_hook::set_once();
    // The remembered language's catalog first (fetched unless it is English),
    // so the app is drawn in it from the start.
    wasm_bindgen_futures::spawn_local(async {
        constellation_web::i18n::prepare().await;
        leptos::mount::mount_to_body(constellation_web::App);
    });
}
