//! Network files in and out: "Import network" (all or nothing, every problem
//! listed by file, line and field; a second file is an edge list's node list or
//! Kumu's elements sheet) and one export button per format (Kumu's two sheets
//! included), plus the map as PNG and as SVG.

use constellation_core::network::files::{export, NetworkFormat};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::NetState;
use super::words::{import_problem_text, network_error_text};
use crate::browser::download::{download_text, file_error_text, FileError};
use crate::i18n::{t, t_args};
use crate::tr;

/// Why an import was refused, kept structured and worded when shown (so a
/// list on screen re-words when the language changes).
#[derive(Clone, Debug, PartialEq)]
enum Refusal {
    /// A problem of a file, by file, line and field.
    File(constellation_analysis_worker::problems::WordedProblem),
    /// The room refused the network as a whole.
    Network(constellation_core::network::NetworkError),
    /// The browser could not read this file.
    Unreadable(String),
    /// A single file whose name tells no format.
    UnknownExtension(String),
    TwoFiles,
    HowMany,
    NoWorker,
}

impl Refusal {
    fn text(&self) -> String {
        match self {
            Refusal::File(p) => import_problem_text(p),
            Refusal::Network(e) => network_error_text(e),
            Refusal::Unreadable(file) => t_args("net-import-unreadable", &[("file", file.clone().into())]),
            Refusal::UnknownExtension(file) => t_args("net-import-extension", &[("file", file.clone().into())]),
            Refusal::TwoFiles => t("net-import-two-files"),
            Refusal::HowMany => t("net-import-how-many"),
            Refusal::NoWorker => t("net-import-no-worker"),
        }
    }
}

/// The files chosen, as (name, text).
async fn read_all(input: &web_sys::HtmlInputElement) -> Result<Vec<(String, String)>, Refusal> {
    let mut out = Vec::new();
    let Some(files) = input.files() else { return Ok(out) };
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| Refusal::Unreadable(file.name()))?;
        out.push((file.name(), text.as_string().unwrap_or_default()));
    }
    Ok(out)
}

/// Sets a mark in the performance timeline; its name, for [`measure`].
fn mark(name: &'static str) -> &'static str {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
    name
}

/// Records the time since a mark in the performance timeline.
fn measure(name: &str, since: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, since);
    }
}

/// How long one part of an import may hold the page, in milliseconds (a
/// "long task" is over 50 ms).
const PART_MILLIS: f64 = 20.0;

/// At most this many parts a second, below the relay's 50 frames a second.
const MIN_PART_GAP_MILLIS: f64 = 25.0;

/// Applies an imported network to the room, checked whole first and then added
/// in parts of about [`PART_MILLIS`] each, with the browser free to draw and
/// take input between them; the views are redrawn once, at the end. The
/// whole takes "net-import: apply" in the browser's performance timeline.
async fn apply(
    st: NetState,
    network: constellation_core::network::Network,
    progress: RwSignal<String>,
) -> Result<constellation_core::network::AppliedImport, constellation_core::network::NetworkError> {
    let started = mark("net-import-apply");
    let mut import = st.live.read(|room| room.start_network_import(network))?;
    let now = || js_sys::Date::now();
    let mut per_part = 200usize;
    while !import.finished() {
        let began = now();
        let done = import.done();
        let _ = st.live.edit_part(|room| Ok::<_, std::convert::Infallible>(room.continue_network_import(&mut import, per_part)));
        let took = (now() - began).max(0.5);
        // Size the next part from this one's pace, growing at most twofold
        // (organizations go faster than ties, which come last).
        let per_entry = took / (import.done() - done).max(1) as f64;
        per_part = ((PART_MILLIS / per_entry) as usize).clamp(50, (per_part * 2).min(20_000));
        if !import.finished() {
            progress.set(t_args("net-import-adding", &[("done", import.done().into()), ("total", import.total().into())]));
            let rest = MIN_PART_GAP_MILLIS - (now() - began);
            wait(rest.max(0.0) as i32).await;
        }
    }
    st.live.parts_done();
    measure("net-import: apply", started);
    Ok(import.summary().clone())
}

/// Lets the browser run other tasks (input, frames) before going on.
async fn next_task() {
    wait(0).await;
}

/// Waits `millis` milliseconds (at least until the next task), the browser
/// free meanwhile.
async fn wait(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Which file is the main one, its format, and its companion.
fn arrange(files: &[(String, String)]) -> Result<(NetworkFormat, usize, Option<usize>), Refusal> {
    let has = |i: usize, word: &str| files[i].0.to_lowercase().contains(word);
    match files.len() {
        1 => NetworkFormat::from_file_name(&files[0].0)
            .map(|f| (f, 0, None))
            .ok_or_else(|| Refusal::UnknownExtension(files[0].0.clone())),
        2 => {
            if (0..2).any(|i| has(i, "connection")) && (0..2).any(|i| has(i, "element")) {
                let main = if has(0, "connection") { 0 } else { 1 };
                return Ok((NetworkFormat::Kumu, main, Some(1 - main)));
            }
            let nodes = if has(1, "node") { 1 } else if has(0, "node") { 0 } else { 1 };
            let main = 1 - nodes;
            match NetworkFormat::from_file_name(&files[main].0) {
                Some(NetworkFormat::EdgeList) => Ok((NetworkFormat::EdgeList, main, Some(nodes))),
                _ => Err(Refusal::TwoFiles),
            }
        }
        _ => Err(Refusal::HowMany),
    }
}

#[component]
pub fn Files(state: NetState) -> impl IntoView {
    let st = state;
    let problems = RwSignal::new(Vec::<Refusal>::new());
    let result = RwSignal::new(String::new());
    let failed = RwSignal::new(None::<FileError>);
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        leptos::task::spawn_local(async move {
            let files = match read_all(&input).await {
                Ok(f) => f,
                Err(e) => {
                    problems.set(vec![e]);
                    return;
                }
            };
            input.set_value("");
            if files.is_empty() {
                return;
            }
            result.set(String::new());
            failed.set(None);
            let (format, main, companion) = match arrange(&files) {
                Ok(a) => a,
                Err(e) => {
                    problems.set(vec![e]);
                    return;
                }
            };
            let file = (files[main].0.as_str(), files[main].1.as_str());
            let companion = companion.map(|c| (files[c].0.as_str(), files[c].1.as_str()));
            // Parsing and checking in the map worker (the parsers are not in
            // the page's wasm), then applying in a task of its own (measured as
            // "net-import: parse" and "net-import: apply" in the browser's
            // performance timeline, tests/bench/network-page.mjs).
            let started = mark("net-import-parse");
            let parsed = match super::map::parse_in_worker(format, file, companion).await {
                Some(parsed) => parsed,
                None => Err(Vec::new()),
            };
            measure("net-import: parse", started);
            next_task().await;
            match parsed {
                Err(list) if list.is_empty() => problems.set(vec![Refusal::NoWorker]),
                Err(list) => problems.set(list.into_iter().map(Refusal::File).collect()),
                Ok(network) => match apply(st, network, result).await {
                    Ok(a) => {
                        problems.set(Vec::new());
                        result.set(t_args("net-imported", &[
                            ("people", a.created_people.into()),
                            ("matched_people", a.matched_people.into()),
                            ("organizations", a.created_organizations.into()),
                            ("matched_organizations", a.matched_organizations.into()),
                            ("ties", a.added_ties.into()),
                        ]));
                    }
                    Err(e) => problems.set(vec![Refusal::Network(e)]),
                },
            }
        });
    };
    let export_as = move |format: NetworkFormat| {
        let net = st.net.get_untracked();
        failed.set(None);
        for f in export(format, &net.stored.network, "network") {
            if let Err(e) = download_text(&f.name, &f.media_type, &f.text) {
                failed.set(Some(e));
            }
        }
    };
    let export_svg = move |_| {
        let net = st.net.get_untracked();
        let shown = st.shown.get_untracked();
        let metric = st.size_by.get_untracked();
        let analysis = st.analysis.get_untracked();
        let values: Vec<f64> = net.nodes.iter().map(|nd| analysis.as_ref().map_or(0.0, |a| a.metric(&nd.node, metric))).collect();
        let positions = st.positions.with_value(|p| if p.len() == net.nodes.len() { p.clone() } else { Vec::new() });
        let text = super::svg::map_svg(&net, &shown, &positions, &values, metric);
        if let Err(e) = download_text("network.svg", "image/svg+xml", &text) {
            failed.set(Some(e));
        }
    };
    // The map worker draws the map: it is asked for the picture, which downloads when it answers.
    let export_png = move |_| {
        if super::map::export_png().is_err() {
            result.set(t("net-png-failed"));
        }
    };
    view! {
        <section class="net-files card" aria-labelledby="net-files-heading">
            <h2 id="net-files-heading">{tr!("files")}</h2>
            <label for="net-import">{tr!("net-import")}</label>
            <input id="net-import" type="file" multiple accept=".csv,.json,.graphml,.gexf" aria-describedby="net-import-hint" on:change=on_change/>
            <p id="net-import-hint" class="hint">
                {tr!("net-import-hint")}
            </p>
            <Show when=move || !problems.with(|p| p.is_empty())>
                <div role="alert" class="net-problems">
                    <p class="error">{tr!("net-import-refused")}</p>
                    <ul>{move || problems.get().iter().map(|p| view! { <li>{p.text()}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <p role="status">{move || failed.get().map(|e| file_error_text(&e)).unwrap_or_else(|| result.get())}</p>
            <div class="net-actions">
                <button type="button" on:click=move |_| export_as(NetworkFormat::EdgeList)>{tr!("export-csv")}</button>
                <button type="button" on:click=move |_| export_as(NetworkFormat::GraphMl)>{tr!("net-export-graphml")}</button>
                <button type="button" on:click=move |_| export_as(NetworkFormat::Gexf)>{tr!("net-export-gexf")}</button>
                <button type="button" on:click=move |_| export_as(NetworkFormat::Json)>{tr!("export-json")}</button>
                <button type="button" on:click=move |_| export_as(NetworkFormat::Kumu)>{tr!("net-export-kumu")}</button>
                <button type="button" on:click=export_png>{tr!("export-png")}</button>
                <button type="button" on:click=export_svg>{tr!("export-svg")}</button>
            </div>
        </section>
    }
}
