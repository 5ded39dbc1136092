//! Browser capabilities the views need, behind small interfaces.
//!
//! Views ask for a [`Preferences`] store and for random bytes; they never touch
//! `localStorage` or `crypto` directly, so tests can swap the store and the rest
//! of the app does not care which browser API sits underneath.

pub mod download;
pub mod drafts;
pub mod element;
pub mod keyboard;
pub mod socket;

use gloo::storage::Storage as _;

/// Lets the browser run other tasks (input, frames) before going on: work
/// that would hold the page for long is cut into tasks with this between.
pub async fn next_task() {
    wait(0).await;
}

/// Waits `millis` milliseconds (at least until the next task), the browser
/// free meanwhile.
pub async fn wait(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `localStorage` that fails instead of panicking where the page may not use
/// it: gloo's `LocalStorage` panics when reading `window.localStorage` throws,
/// as it does in a third-party iframe with storage blocked (an embed).
struct LocalStorage;

impl LocalStorage {
    fn available() -> bool {
        matches!(web_sys::window().map(|w| w.local_storage()), Some(Ok(Some(_))))
    }

    fn get<T: serde::de::DeserializeOwned>(key: &str) -> Result<T, ()> {
        if !Self::available() {
            return Err(());
        }
        gloo::storage::LocalStorage::get(key).map_err(|_| ())
    }

    fn set<T: serde::Serialize>(key: &str, value: T) -> Result<(), ()> {
        if !Self::available() {
            return Err(());
        }
        gloo::storage::LocalStorage::set(key, value).map_err(|_| ())
    }
}

/// Small per-device preferences (the display name), remembered across visits.
pub trait Preferences {
    fn display_name(&self) -> Option<String>;
    fn set_display_name(&self, name: &str);
    /// This browser's stable participant id (made on first use), which counts
    /// a person's votes against one allowance across reloads.
    fn participant_id(&self) -> String;
    /// How this person last chose to see boards ("canvas", "list", "ranked").
    fn board_view(&self) -> Option<String>;
    fn set_board_view(&self, view: &str);
    /// This person chose to enter rooms without a name (the first-visit
    /// prompt's "Skip"); the prompt is not shown again on this device.
    fn name_prompt_skipped(&self) -> bool;
    fn skip_name_prompt(&self);
    /// The language this person chose (a BCP 47 code such as "fr"), if any.
    fn language(&self) -> Option<String>;
    fn set_language(&self, code: &str);
}

/// Preferences kept in `localStorage`. When storage is blocked (private mode,
/// a third-party iframe), reads give nothing and writes are dropped: the name
/// is a convenience, and the page must keep working without it.
#[derive(Clone, Copy, Default)]
pub struct LocalPreferences;

const NAME_KEY: &str = "constellation.display_name";
const PARTICIPANT_KEY: &str = "constellation.participant";
const BOARD_VIEW_KEY: &str = "constellation.board_view";
const NAME_PROMPT_KEY: &str = "constellation.name_prompt";
const LANGUAGE_KEY: &str = "constellation.language";

thread_local! {
    /// The id used when storage is blocked: stable for this page's life only.
    static PAGE_PARTICIPANT: String = new_participant_id();
}

fn new_participant_id() -> String {
    random_bytes::<12>().iter().map(|b| format!("{b:02x}")).collect()
}

impl Preferences for LocalPreferences {
    fn display_name(&self) -> Option<String> {
        LocalStorage::get::<String>(NAME_KEY).ok().filter(|n| !n.trim().is_empty())
    }

    fn set_display_name(&self, name: &str) {
        let _ = LocalStorage::set(NAME_KEY, name);
    }

    fn participant_id(&self) -> String {
        if let Ok(id) = LocalStorage::get::<String>(PARTICIPANT_KEY) {
            if !id.is_empty() {
                return id;
            }
        }
        let id = PAGE_PARTICIPANT.with(Clone::clone);
        let _ = LocalStorage::set(PARTICIPANT_KEY, &id);
        id
    }

    fn board_view(&self) -> Option<String> {
        LocalStorage::get::<String>(BOARD_VIEW_KEY).ok()
    }

    fn set_board_view(&self, view: &str) {
        let _ = LocalStorage::set(BOARD_VIEW_KEY, view);
    }

    fn name_prompt_skipped(&self) -> bool {
        LocalStorage::get::<String>(NAME_PROMPT_KEY).is_ok_and(|v| v == "skip")
    }

    fn skip_name_prompt(&self) {
        let _ = LocalStorage::set(NAME_PROMPT_KEY, "skip");
    }

    fn language(&self) -> Option<String> {
        LocalStorage::get::<String>(LANGUAGE_KEY).ok().filter(|c| !c.is_empty())
    }

    fn set_language(&self, code: &str) {
        let _ = LocalStorage::set(LANGUAGE_KEY, code);
    }
}

/// Fills `N` bytes from the browser's cryptographic random source.
///
/// # Panics
/// When the page has no `crypto` object, which every browser this app supports
/// provides; room ids and keys must never come from a weaker source.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .expect("this browser offers no crypto.getRandomValues")
        .get_random_values_with_u8_array(&mut bytes)
        .expect("crypto.getRandomValues failed");
    bytes
}
