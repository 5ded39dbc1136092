//! Entry point of the web app: it only mounts the root component, so that browser
//! tests can mount any single component from the library instead.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(constellation_web::App);
}
