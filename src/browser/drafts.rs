//! Offline drafts: each room's saved state in IndexedDB.
//!
//! One record per room (key: the room id) holds the encoded
//! [`constellation_core::sync::Draft`]: the whole room state, the last relay
//! sequence number, and the edits the relay has not acknowledged. Writing the
//! whole draft in one `put` makes every save atomic: a reload finds either the
//! previous draft or the new one, never half of each. IndexedDB rather than
//! localStorage because a busy board outgrows localStorage's ~5 MB, and because
//! IndexedDB writes do not block the page (the draft is put as a `Blob`, which
//! IndexedDB stores by reference; see [`DraftStore::save`]).

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::{JsCast, JsValue};

const DATABASE: &str = "constellation";
const DRAFTS: &str = "drafts";

/// Why a draft could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftStoreError {
    /// The browser refuses to store more (the device's storage is full).
    QuotaExceeded,
    /// IndexedDB is unavailable (blocked in this context, or private mode).
    Unavailable(String),
}

impl std::fmt::Display for DraftStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftStoreError::QuotaExceeded => f.write_str(
                "This device's storage is full: recent changes are not saved here. \
                 Free some space, or stay online so the relay keeps them.",
            ),
            DraftStoreError::Unavailable(why) => {
                write!(f, "Changes cannot be saved on this device ({why}); they are kept only while the page is open.")
            }
        }
    }
}

/// A JavaScript exception's message.
fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| format!("{e:?}"))
}

fn classify(e: impl std::fmt::Display) -> DraftStoreError {
    let text = e.to_string();
    if text.contains("Quota") {
        DraftStoreError::QuotaExceeded
    } else {
        DraftStoreError::Unavailable(text)
    }
}

/// The drafts of every room visited on this device.
#[derive(Clone)]
pub struct DraftStore {
    db: Database,
}

impl DraftStore {
    pub async fn open() -> Result<DraftStore, DraftStoreError> {
        let db = Database::open(DATABASE)
            .with_version(1u8)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(DRAFTS).build()?;
                }
                Ok(())
            })
            .await
            .map_err(classify)?;
        Ok(DraftStore { db })
    }

    /// The saved draft of `room`, if any.
    pub async fn load(&self, room: &str) -> Result<Option<Vec<u8>>, DraftStoreError> {
        let tx = self.db.transaction(DRAFTS).build().map_err(classify)?;
        let store = tx.object_store(DRAFTS).map_err(classify)?;
        let value: Option<JsValue> = store.get(room).primitive().map_err(classify)?.await.map_err(classify)?;
        let Some(value) = value else { return Ok(None) };
        // Drafts are saved as a Blob; those saved before are a Uint8Array.
        let bytes = match value.dyn_into::<web_sys::Blob>() {
            Ok(blob) => wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.map_err(|e| classify(describe(&e)))?,
            Err(value) => value,
        };
        Ok(Some(js_sys::Uint8Array::new(&bytes).to_vec()))
    }

    /// Replaces the saved draft of `room`, atomically.
    pub async fn save(&self, room: &str, draft: &[u8]) -> Result<(), DraftStoreError> {
        let tx = self.db.transaction(DRAFTS).with_mode(TransactionMode::Readwrite).build().map_err(classify)?;
        let store = tx.object_store(DRAFTS).map_err(classify)?;
        // A Blob, not a Uint8Array: IndexedDB copies a typed array on the
        // page's thread when it is put (measured in Chromium for 8.4 MB, the
        // draft after a 5,000-person import: 115–265 ms), a Blob by reference
        // (0.3 ms); making the Blob is one copy out of the wasm memory.
        let blob = {
            // SAFETY: the view is read by `Blob::new` right away, before any
            // allocation in the wasm memory could move it.
            let view = unsafe { js_sys::Uint8Array::view(draft) };
            web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&view)).map_err(|e| classify(describe(&e)))?
        };
        let value = JsValue::from(blob);
        store.put(value).with_key(room).primitive().map_err(classify)?;
        tx.commit().await.map_err(classify)?;
        Ok(())
    }
}

/// How full this origin's storage is, from 0 to 1, when the browser says.
pub async fn storage_pressure() -> Option<f64> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let estimate: web_sys::StorageEstimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.into();
    let usage = estimate.get_usage()?;
    let quota = estimate.get_quota()?;
    (quota > 0.0).then(|| usage / quota)
}
