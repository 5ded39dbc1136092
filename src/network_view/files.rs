//! Network files in and out: "Import network" (all or nothing, every problem
//! listed by file, line and field; a second file is an edge list's node list or
//! Kumu's elements sheet) and one export button per format (Kumu's two sheets
//! included), plus the map as PNG and as SVG.

use constellation_core::network::files::{export, NetworkFormat};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use constellation_analysis_worker::map_js::Parsed;

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

/// The files chosen, as (name, file). Their text is read in the map worker.
fn chosen(input: &web_sys::HtmlInputElement) -> Vec<(String, web_sys::File)> {
    let Some(files) = input.files() else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).map(|f| (f.name(), f)).collect()
}

/// Reads the parts of a network parsed in the worker, a few per task (each
/// part is a few milliseconds of JSON).
async fn read_parts(parsed: &constellation_analysis_worker::map_js::ParsedJs) -> Result<constellation_core::network::Network, Refusal> {
    let mut network = constellation_core::network::Network::default();
    let mut began = js_sys::Date::now();
    for i in 0..parsed.parts() {
        parsed.read_into(i, &mut network).map_err(Refusal::File)?;
        if js_sys::Date::now() - began > PART_MILLIS {
            crate::browser::next_task().await;
            began = js_sys::Date::now();
        }
    }
    Ok(network)
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

/// How long one part of an import may hold the page, in milliseconds: a
/// "long task" is over 50 ms, and on a busy machine with two cores (the
/// analysis and the map workers at work) a part can wait for a core for
/// several times its own length.
const PART_MILLIS: f64 = 10.0;

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
    let checking = mark("net-import-check");
    let mut import = st.live.read(|room| room.start_network_import(network))?;
    measure("net-import: check", checking);
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
            crate::browser::wait(rest.max(0.0) as i32).await;
        }
    }
    st.live.parts_done();
    measure("net-import: apply", started);
    let summary = import.summary().clone();
    // Freeing the imported network and its indexes is a task of its own.
    crate::browser::next_task().await;
    drop(import);
    Ok(summary)
}

/// Which file is the main one, its format, and its companion.
fn arrange<T>(files: &[(String, T)]) -> Result<(NetworkFormat, usize, Option<usize>), Refusal> {
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
            let files = chosen(&input);
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
            // Parsing and checking in the map worker (the parsers are not in
            // the page's wasm), then reading its answer and applying it in
            // parts, the page free between them (measured as "net-import:
            // parse" and "net-import: apply" in the browser's performance
            // timeline, tests/bench/network-page.mjs).
            let started = mark("net-import-parse");
            let parsed = super::map::parse_in_worker(format, &files[main].1, companion.map(|c| &files[c].1)).await;
            let network = match parsed {
                None => Err(vec![Refusal::NoWorker]),
                Some(Parsed::Unreadable(name)) => Err(vec![Refusal::Unreadable(name)]),
                Some(Parsed::Problems(list)) => Err(list.into_iter().map(Refusal::File).collect()),
                Some(Parsed::Network(parts)) => {
                    crate::browser::next_task().await;
                    read_parts(&parts).await.map_err(|e| vec![e])
                }
            };
            measure("net-import: parse", started);
            crate::browser::next_task().await;
            match network {
                Err(list) => problems.set(list),
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
