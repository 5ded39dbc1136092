//! Languages: the message catalogs (`locales/*.ftl`, Project Fluent), the
//! chosen language as a reactive signal, and locale formats through the
//! browser's `Intl`.
//!
//! Views never write user-facing text inline: they ask for a message by id,
//! `t("landing-create")`, or with arguments, `t_args("here-count", &[("count",
//! 3.into())])`; the [`tr!`](crate::tr) macro wraps either in a closure for
//! `view!`. Reading a message tracks the language, so every text re-renders
//! when the person switches language, with no reload.
//!
//! The choice is remembered in [`Preferences`]; without one the browser's
//! language decides (`fr*` → French, anything else → English). `<html lang>`
//! and `<html dir>` follow. For tests only, `?dir=rtl` in the address forces a
//! right-to-left page (there is no right-to-left catalog yet).

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use unic_langid::LanguageIdentifier;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::{LocalPreferences, Preferences};
use constellation_core::link::LinkError;

/// A value passed into a message: a number (plural selection, formatted by
/// locale) or a string.
pub type Arg = FluentValue<'static>;

/// The languages the app is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 code, as in `<html lang>` and the stored preference.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name, shown in the switch whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// The language for a BCP 47 tag: `fr`, `fr-CA`, … are French; `en*` is
    /// English; anything else is none of ours.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The catalog's text, once: English is built into the app; every other
    /// language is fetched when it is chosen ([`load`]), so a first visit
    /// downloads one catalog, not all of them. (Tests build them all in.)
    fn take_source(self) -> Option<String> {
        match self {
            Lang::En => Some(include_str!("../locales/en.ftl").to_owned()),
            #[cfg(test)]
            Lang::Fr => Some(include_str!("../locales/fr.ftl").to_owned()),
            #[cfg(not(test))]
            Lang::Fr => FETCHED.with(|f| f.borrow_mut()[self.index()].take()),
        }
    }

    /// Where the page fetches this language's catalog (`index.html` copies
    /// `locales/fr.ftl` there).
    fn catalog_path(self) -> String {
        format!("/locales/{}.ftl", self.code())
    }

    fn index(self) -> usize {
        self as usize
    }
}

type Bundle = FluentBundle<FluentResource>;

thread_local! {
    /// The language being shown. An `ArcRwSignal`, so it belongs to no
    /// component and lives as long as the page.
    /// It starts in English; [`prepare`] switches to the remembered language
    /// before the app is drawn, once its catalog is here.
    static LANG: ArcRwSignal<Lang> = ArcRwSignal::new(Lang::En);
    /// Each language's catalog, parsed on first use.
    static BUNDLES: RefCell<[Option<Bundle>; 2]> = const { RefCell::new([None, None]) };
    /// Catalogs fetched and not parsed yet.
    static FETCHED: RefCell<[Option<String>; 2]> = const { RefCell::new([None, None]) };
    /// Why the language last chosen could not be shown, if it could not.
    static UNAVAILABLE: ArcRwSignal<Option<Lang>> = ArcRwSignal::new(None);
}

/// The remembered choice, else the browser's language, else English.
fn initial_lang() -> Lang {
    LocalPreferences
        .language()
        .and_then(|code| Lang::from_tag(&code))
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()).and_then(|l| Lang::from_tag(&l)))
        .unwrap_or(Lang::En)
}

/// The current language (reactive: reading it inside a view re-runs on a switch).
pub fn lang() -> Lang {
    LANG.with(|l| l.get())
}

/// Switches the whole app to `lang` and remembers the choice on this device;
/// a language whose catalog is not here yet is shown once it is fetched.
pub fn set_lang(lang: Lang) {
    LocalPreferences.set_language(lang.code());
    UNAVAILABLE.with(|u| u.set(None));
    if is_here(lang) {
        show(lang);
        return;
    }
    leptos::task::spawn_local(async move {
        let loaded = load(lang).await;
        // The latest choice wins if several were made meanwhile.
        if LocalPreferences.language().and_then(|c| Lang::from_tag(&c)) != Some(lang) {
            return;
        }
        match loaded {
            Ok(()) => show(lang),
            Err(why) => {
                leptos::logging::warn!("{why}");
                UNAVAILABLE.with(|u| u.set(Some(lang)));
            }
        }
    });
}

/// Before the app is drawn: the remembered (or the browser's) language, once
/// its catalog is fetched; English if it cannot be.
pub async fn prepare() {
    let wanted = initial_lang();
    if wanted != Lang::En {
        match load(wanted).await {
            Ok(()) => LANG.with(|l| l.set(wanted)),
            Err(why) => {
                leptos::logging::warn!("{why}");
                UNAVAILABLE.with(|u| u.set(Some(wanted)));
            }
        }
    }
}

fn show(lang: Lang) {
    LANG.with(|l| l.set(lang));
    apply_to_document(lang);
}

/// Whether `lang`'s catalog is on the page.
fn is_here(lang: Lang) -> bool {
    lang == Lang::En
        || cfg!(test)
        || BUNDLES.with(|b| b.borrow()[lang.index()].is_some())
        || FETCHED.with(|f| f.borrow()[lang.index()].is_some())
}

/// Fetches `lang`'s catalog (the service worker keeps a copy for offline use).
async fn load(lang: Lang) -> Result<(), String> {
    if is_here(lang) {
        return Ok(());
    }
    let path = lang.catalog_path();
    let failed = |e: JsValue| format!("{path} could not be fetched: {e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&path)).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?;
    let text = text.as_string().ok_or_else(|| format!("{path} is not text"))?;
    FETCHED.with(|f| f.borrow_mut()[lang.index()] = Some(text));
    Ok(())
}

/// Sets `<html lang>` (and `dir`) for the current language; called once at
/// start and on every switch.
pub fn apply_to_document(lang: Lang) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.set_attribute("lang", lang.code());
    let _ = root.set_attribute("dir", if forced_rtl() { "rtl" } else { "ltr" });
}

/// `?dir=rtl` in the address: a right-to-left page for layout tests. No
/// shipped language is right-to-left yet, so nothing else sets it.
fn forced_rtl() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.trim_start_matches('?').split('&').any(|kv| kv == "dir=rtl"))
}

fn build_bundle(lang: Lang, source: String) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().expect("language codes are valid BCP 47");
    let mut bundle = FluentBundle::new(vec![id]);
    // No Unicode isolation marks around arguments: accessible names must read
    // exactly as written; user text in messages is shown with dir="auto" apart.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_value));
    let resource = FluentResource::try_new(source).unwrap_or_else(|(res, errors)| {
        leptos::logging::error!("locales/{}.ftl has {} syntax error(s): {errors:?}", lang.code(), errors.len());
        res
    });
    if let Err(errors) = bundle.add_resource(resource) {
        leptos::logging::error!("locales/{}.ftl: {errors:?}", lang.code());
    }
    bundle
}

/// Numbers inside messages are written the locale's way (`1 234` in French).
fn format_value<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(n.value, n.options.maximum_fraction_digits.unwrap_or(2))),
        _ => None,
    }
}

/// Runs `f` with `lang`'s catalog, parsed on first use; with English's while
/// `lang`'s is not here (the page shows English until it is).
fn with_bundle<T>(lang: Lang, f: impl FnOnce(&Bundle) -> T) -> T {
    BUNDLES.with(|b| {
        let mut bundles = b.borrow_mut();
        if bundles[lang.index()].is_none() {
            if let Some(source) = lang.take_source() {
                bundles[lang.index()] = Some(build_bundle(lang, source));
            }
        }
        let lang = if bundles[lang.index()].is_some() { lang } else { Lang::En };
        let slot = &mut bundles[lang.index()];
        f(slot.get_or_insert_with(|| build_bundle(Lang::En, Lang::En.take_source().unwrap_or_default())))
    })
}

/// Formats message `id` of `lang` with `args`; `None` when the catalog lacks it.
pub fn message(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    with_bundle(lang, |bundle| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        if !errors.is_empty() {
            leptos::logging::warn!("message {id} ({}): {errors:?}", lang.code());
        }
        Some(text)
    })
}

/// Message `id` in the current language (reactive). A missing message shows
/// its id, so a gap is visible rather than blank.
pub fn t(id: &str) -> String {
    let lang = lang();
    message(lang, id, None).unwrap_or_else(|| missing(lang, id))
}

/// Message `id` with named arguments, in the current language (reactive).
pub fn t_args(id: &str, args: &[(&str, Arg)]) -> String {
    let lang = lang();
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    message(lang, id, Some(&fluent_args)).unwrap_or_else(|| missing(lang, id))
}

/// Message `id` if the catalog has it, else `fallback` (for names that come
/// from core, such as a status's English label). Reactive.
pub fn t_or(id: &str, fallback: &str) -> String {
    message(lang(), id, None).unwrap_or_else(|| fallback.to_owned())
}

/// The text with its first letter in capitals (any script).
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn missing(lang: Lang, id: &str) -> String {
    leptos::logging::warn!("no message {id} in locales/{}.ftl", lang.code());
    id.to_owned()
}

/// Why a room link or code does not work, in the current language.
pub fn link_error(error: &LinkError) -> String {
    #[allow(unreachable_patterns)]
    match error {
        LinkError::BadRoomId { found } => t_args("link-bad-room-id", &[("found", found.clone().into())]),
        LinkError::BadWriteKey => t("link-bad-write-key"),
        LinkError::WriteKeyMismatch => t("link-write-key-mismatch"),
        LinkError::BadRoomKey => t("link-bad-room-key"),
        LinkError::NoRoom { input } => t_args("link-no-room", &[("input", input.clone().into())]),
        // A kind added to core later: its English words until the catalogs have it.
        other => other.to_string(),
    }
}

/// A message kept as what to say rather than as words, so a message already
/// on the page re-words when the language changes: keep a `Said` in the
/// signal and call [`Said::text`] inside the view closure.
#[derive(Clone)]
pub struct Said(std::sync::Arc<dyn Fn() -> String + Send + Sync>);

impl Said {
    /// Words produced by `words` (which reads the catalogs) each time it is shown.
    pub fn new(words: impl Fn() -> String + Send + Sync + 'static) -> Said {
        Said(std::sync::Arc::new(words))
    }

    /// Catalog message `id`.
    pub fn id(id: &'static str) -> Said {
        Said::new(move || t(id))
    }

    /// The words in the current language (reactive).
    pub fn text(&self) -> String {
        (self.0)()
    }
}

/// Message `id` as a reactive text for `view!` (what `tr!("id")` gives).
///
/// Every message shares this one closure type, so Leptos renders them all with
/// one copy of its text and attribute code: a closure written at each call
/// site is a type of its own, and cost the first load about 40 KB brotli.
pub fn text(id: &'static str) -> impl Fn() -> String + Clone + Copy + Send + Sync + 'static {
    move || t(id)
}

/// A message as a closure for `view!`: `tr!("board-add")`, or with arguments
/// `tr!("here-count", count = n)`. Re-renders when the language changes.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        move || $crate::i18n::t_args($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

fn intl_locales() -> js_sys::Array {
    js_sys::Array::of1(&JsValue::from_str(lang().code()))
}

fn options(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn call_format(format: js_sys::Function, value: &JsValue) -> Option<String> {
    format.call1(&JsValue::NULL, value).ok()?.as_string()
}

/// How a number is written, for [`number_format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NumberStyle {
    /// At most this many decimals.
    UpTo(u32),
    /// Exactly this many decimals.
    Fixed(u32),
    /// A percentage without decimals.
    Percent,
}

/// The current language's `Intl.NumberFormat(...).format` for `style`. Making
/// a formatter costs far more than using one, and a page of the network table
/// writes over a thousand numbers, so each is made once per language. Reactive.
fn number_format(style: NumberStyle) -> js_sys::Function {
    thread_local!(static FORMATS: std::cell::RefCell<std::collections::HashMap<(&'static str, NumberStyle), js_sys::Function>> = Default::default());
    let code = lang().code();
    FORMATS.with(|formats| {
        formats
            .borrow_mut()
            .entry((code, style))
            .or_insert_with(|| {
                let opts = match style {
                    NumberStyle::UpTo(digits) => options(&[("maximumFractionDigits", JsValue::from(digits))]),
                    NumberStyle::Fixed(digits) => {
                        options(&[("minimumFractionDigits", JsValue::from(digits)), ("maximumFractionDigits", JsValue::from(digits))])
                    }
                    NumberStyle::Percent => options(&[("style", JsValue::from_str("percent")), ("maximumFractionDigits", JsValue::from(0))]),
                };
                js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&JsValue::from_str(code)), &opts).format()
            })
            .clone()
    })
}

/// A number the current locale's way (`1,234.5` / `1 234,5`), with at most
/// `max_fraction_digits` decimals. Reactive.
pub fn format_number(value: f64, max_fraction_digits: usize) -> String {
    call_format(number_format(NumberStyle::UpTo(max_fraction_digits.min(20) as u32)), &JsValue::from_f64(value))
        .unwrap_or_else(|| value.to_string())
}

/// A number with exactly `digits` decimals, the current locale's way
/// (`0.50` / `0,50`). Reactive.
pub fn format_fixed(value: f64, digits: usize) -> String {
    call_format(number_format(NumberStyle::Fixed(digits.min(20) as u32)), &JsValue::from_f64(value))
        .unwrap_or_else(|| value.to_string())
}

/// Items joined as the language lists them: "a", "a and b", "a, b and c"
/// (`list-and` in the catalogs). Reactive.
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => t_args("list-and", &[("head", head.join(", ").into()), ("last", last.clone().into())]),
    }
}

/// A whole count the current locale's way (`12 345` in French). Reactive.
pub fn format_count(value: usize) -> String {
    format_number(value as f64, 0)
}

/// A fraction (0.42) as a percentage the locale's way (`42%` / `42 %`). Reactive.
pub fn format_percent(fraction: f64) -> String {
    call_format(number_format(NumberStyle::Percent), &JsValue::from_f64(fraction)).unwrap_or_else(|| format!("{:.0}%", fraction * 100.0))
}

/// A calendar date (`YYYY-MM-DD`) the current locale's way (`Mar 5, 2027` /
/// `5 mars 2027`); anything that is not such a date is returned as it is.
/// Reactive.
pub fn format_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return iso.to_owned();
    }
    // Midnight UTC, formatted in UTC: the day never shifts with the time zone.
    let millis = js_sys::Date::utc(y as f64, (m - 1) as f64);
    let date = js_sys::Date::new(&JsValue::from_f64(millis + f64::from(d - 1) * 86_400_000.0));
    let opts = options(&[("dateStyle", JsValue::from_str("medium")), ("timeZone", JsValue::from_str("UTC"))]);
    let dtf = js_sys::Intl::DateTimeFormat::new(&intl_locales(), &opts);
    call_format(dtf.format(), date.unchecked_ref()).unwrap_or_else(|| iso.to_owned())
}

/// A moment (ms since 1970) as a date and time of day the current locale's
/// way (`Nov 24, 2026, 2:05 PM` / `24 nov. 2026, 14:05`), in the browser's
/// time zone. Reactive.
pub fn format_date_time(millis: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    let opts = options(&[("dateStyle", JsValue::from_str("medium")), ("timeStyle", JsValue::from_str("short"))]);
    let dtf = js_sys::Intl::DateTimeFormat::new(&intl_locales(), &opts);
    call_format(dtf.format(), date.unchecked_ref()).unwrap_or_default()
}

/// The language switch for page headers: a labelled select, each language
/// named in itself.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    view! {
        <label class="lang-switch">
            <span class="lang-switch-label">{tr!("language-label")}</span>
            <select
                name="language"
                on:change=move |ev| {
                    if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
                        set_lang(l);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! {
                        <option value=l.code() lang=l.code() prop:selected=move || {
                            // A language that could not be loaded: the switch shows the one shown.
                            UNAVAILABLE.with(|u| u.track());
                            lang() == l
                        }>{l.native_name()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
        {move || UNAVAILABLE.with(|u| u.get()).map(|l| view! {
            <span class="lang-switch-problem" role="alert">{t_args("language-unavailable", &[("language", l.native_name().into())])}</span>
        })}
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The message ids of a catalog: lines that start with a letter (Fluent
    /// puts every message at the start of a line; continuations are indented).
    fn ids(source: &str) -> Vec<String> {
        let mut ids: Vec<String> = source
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_owned()))
            .collect();
        ids.sort();
        ids
    }

    #[wasm_bindgen_test]
    fn both_catalogs_parse_and_have_the_same_messages() {
        let en = ids(&Lang::En.take_source().expect("built in"));
        let fr = ids(&Lang::Fr.take_source().expect("built into tests"));
        let only_en: Vec<_> = en.iter().filter(|id| !fr.contains(id)).collect();
        let only_fr: Vec<_> = fr.iter().filter(|id| !en.contains(id)).collect();
        assert!(only_en.is_empty() && only_fr.is_empty(), "missing in fr: {only_en:?}; missing in en: {only_fr:?}");
        assert!(en.len() > 20, "the catalogs hold the app's messages");
        for id in &en {
            assert!(message(Lang::En, id, None).is_some() || has_attributes_only(Lang::En, id), "en: {id} does not parse");
            assert!(message(Lang::Fr, id, None).is_some() || has_attributes_only(Lang::Fr, id), "fr: {id} does not parse");
        }
    }

    fn has_attributes_only(lang: Lang, id: &str) -> bool {
        with_bundle(lang, |b| b.get_message(id).is_some_and(|m| m.value().is_none()))
    }

    #[wasm_bindgen_test]
    fn plurals_and_numbers_follow_the_language() {
        let args = |n: i64| {
            let mut a = FluentArgs::new();
            a.set("count", n);
            a
        };
        assert_eq!(message(Lang::En, "here-count", Some(&args(1))).unwrap(), "1 here");
        assert_eq!(message(Lang::Fr, "here-count", Some(&args(1))).unwrap(), "1 présent");
        assert_eq!(message(Lang::Fr, "here-count", Some(&args(3))).unwrap(), "3 présents");
        assert!(message(Lang::En, "no-such-message", None).is_none());
    }

    #[wasm_bindgen_test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("ar"), None);
    }
}
