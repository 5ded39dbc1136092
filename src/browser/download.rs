//! Files in and out of the page: saving text as a download (a `Blob` behind an
//! object URL and a temporary link), reading a chosen file as text, and copying
//! text to the clipboard. Views call these with plain strings; they never touch
//! `Blob`, `URL` or the clipboard themselves.

use wasm_bindgen::{JsCast, JsValue};

/// Why a file could not be saved, read or copied. `detail` is the
/// browser's own words, quoted as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The file to download could not be made (a `Blob` or its URL).
    CannotMake { detail: String },
    /// The link that starts the download could not be made.
    CannotMakeLink { detail: String },
    /// The page has no document or no body to hold the link.
    NoPage,
    /// The chosen file could not be read.
    CannotRead { detail: String },
    /// The browser does not allow copying here.
    CopyRefused,
}

/// The words for a file error in the current language (also its `Display`).
pub fn file_error_text(error: &FileError) -> String {
    use crate::i18n::{t, t_args};
    match error {
        FileError::CannotMake { detail } => t_args("file-error-make", &[("detail", detail.clone().into())]),
        FileError::CannotMakeLink { detail } => t_args("file-error-link", &[("detail", detail.clone().into())]),
        FileError::NoPage => t("file-error-no-page"),
        FileError::CannotRead { detail } => t_args("file-error-read", &[("detail", detail.clone().into())]),
        FileError::CopyRefused => t("file-error-copy"),
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&file_error_text(self))
    }
}

/// The browser's words for a failure.
fn detail(e: JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Offers `contents` to the person as a file called `file_name`, of media type
/// `mime` (for example `application/json`).
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), FileError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| FileError::CannotMake { detail: detail(e) })?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| FileError::CannotMake { detail: detail(e) })?;
    download_url(file_name, &url)?;
    // The browser has taken its own reference to the blob once the download
    // started; revoking later frees it without cutting the download short.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Offers what `url` (an object or `data:` URL) holds as a file called `file_name`.
pub fn download_url(file_name: &str, url: &str) -> Result<(), FileError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(FileError::NoPage)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| FileError::CannotMakeLink { detail: detail(e) })?
        .unchecked_into();
    link.set_href(url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body().ok_or(FileError::NoPage)?;
    let _ = body.append_child(&link);
    link.click();
    link.remove();
    Ok(())
}

/// The name and text of the first file chosen in a file input, if any.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<Option<(String, String)>, FileError> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| FileError::CannotRead { detail: detail(e) })?;
    Ok(Some((file.name(), text.as_string().unwrap_or_default())))
}

/// Copies text to the clipboard (the page must have the person's gesture).
/// `navigator.clipboard` is reached by name: its web-sys binding needs a
/// feature of its own for one call.
pub async fn copy_text(text: &str) -> Result<(), FileError> {
    let refused = || FileError::CopyRefused;
    let navigator = web_sys::window().ok_or_else(refused)?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(|_| refused())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .map_err(|_| refused())?
        .dyn_into()
        .map_err(|_| refused())?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| refused())?
        .dyn_into()
        .map_err(|_| refused())?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| refused())?;
    Ok(())
}
