//! Network files in and out: "Import network" (all or nothing, every problem
//! listed by file, line and field; a second file is an edge list's node list or
//! Kumu's elements sheet) and one export button per format (Kumu's two sheets
//! included), plus the map as PNG and as SVG.

use constellation_core::network::files::{export, import, NetworkFormat, SourceFile};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::map::CANVAS_ID;
use super::NetState;
use crate::browser::download::{download_text, download_url};

/// The files chosen, as (name, text).
async fn read_all(input: &web_sys::HtmlInputElement) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let Some(files) = input.files() else { return Ok(out) };
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| format!("{} could not be read", file.name()))?;
        out.push((file.name(), text.as_string().unwrap_or_default()));
    }
    Ok(out)
}

/// Which file is the main one, its format, and its companion.
fn arrange(files: &[(String, String)]) -> Result<(NetworkFormat, usize, Option<usize>), String> {
    let has = |i: usize, word: &str| files[i].0.to_lowercase().contains(word);
    match files.len() {
        1 => NetworkFormat::from_file_name(&files[0].0)
            .map(|f| (f, 0, None))
            .ok_or_else(|| format!("{}: the name should end in .csv, .json, .graphml or .gexf", files[0].0)),
        2 => {
            if (0..2).any(|i| has(i, "connection")) && (0..2).any(|i| has(i, "element")) {
                let main = if has(0, "connection") { 0 } else { 1 };
                return Ok((NetworkFormat::Kumu, main, Some(1 - main)));
            }
            let nodes = if has(1, "node") { 1 } else if has(0, "node") { 0 } else { 1 };
            let main = 1 - nodes;
            match NetworkFormat::from_file_name(&files[main].0) {
                Some(NetworkFormat::EdgeList) => Ok((NetworkFormat::EdgeList, main, Some(nodes))),
                _ => Err("two files are a CSV edge list with its node list (a name with “nodes”), or Kumu's elements and connections sheets".into()),
            }
        }
        _ => Err("choose one network file, or two (an edge list and its node list, or Kumu's elements and connections)".into()),
    }
}

#[component]
pub fn Files(state: NetState) -> impl IntoView {
    let st = state;
    let problems = RwSignal::new(Vec::<String>::new());
    let result = RwSignal::new(String::new());
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
            let (format, main, companion) = match arrange(&files) {
                Ok(a) => a,
                Err(e) => {
                    problems.set(vec![e]);
                    return;
                }
            };
            let file = SourceFile::new(&files[main].0, &files[main].1);
            let companion = companion.map(|c| SourceFile::new(&files[c].0, &files[c].1));
            match import(format, file, companion) {
                Err(list) => {
                    problems.set(list.iter().map(|p| p.to_string()).collect());
                }
                Ok(network) => match st.live.edit(|room| room.apply_network(&network)) {
                    Ok(a) => {
                        problems.set(Vec::new());
                        result.set(format!(
                            "Imported: {} new people ({} already here), {} new organizations ({} already here), {} new ties.",
                            a.created_people, a.matched_people, a.created_organizations, a.matched_organizations, a.added_ties
                        ));
                    }
                    Err(e) => problems.set(vec![e.to_string()]),
                },
            }
        });
    };
    let export_as = move |format: NetworkFormat| {
        let net = st.net.get_untracked();
        for f in export(format, &net.stored.network, "network") {
            if let Err(e) = download_text(&f.name, &f.media_type, &f.text) {
                result.set(e.to_string());
            }
        }
    };
    let export_svg = move |_| {
        let net = st.net.get_untracked();
        let shown = st.shown.get_untracked();
        let metric = st.size_by.get_untracked();
        let analysis = st.analysis.get_untracked();
        let values: Vec<f64> = net.nodes.iter().map(|nd| analysis.as_ref().map_or(0.0, |a| a.metric(&nd.node, metric))).collect();
        let positions = st.layout.with_value(|l| if l.len() == net.nodes.len() { l.positions().to_vec() } else { Vec::new() });
        let text = super::svg::map_svg(&net, &shown, &positions, &values, metric);
        if let Err(e) = download_text("network.svg", "image/svg+xml", &text) {
            result.set(e.to_string());
        }
    };
    let export_png = move |_| {
        let canvas = document().get_element_by_id(CANVAS_ID).and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        match canvas.map(|c| c.to_data_url()) {
            Some(Ok(url)) => {
                if let Err(e) = download_url("network.png", &url) {
                    result.set(e.to_string());
                }
            }
            _ => result.set("The map could not be saved as a picture.".into()),
        }
    };
    view! {
        <section class="net-files card" aria-labelledby="net-files-heading">
            <h2 id="net-files-heading">"Files"</h2>
            <label for="net-import">"Import network"</label>
            <input id="net-import" type="file" multiple accept=".csv,.json,.graphml,.gexf" aria-describedby="net-import-hint" on:change=on_change/>
            <p id="net-import-hint" class="hint">
                "A CSV edge list (from,to,trust,kind), JSON, GraphML or GEXF. Choose two files for an edge list with its node list, or Kumu's elements and connections sheets. Nothing is added unless the whole import is valid."
            </p>
            <Show when=move || !problems.with(|p| p.is_empty())>
                <div role="alert" class="net-problems">
                    <p class="error">"Nothing was imported. Fix these and try again:"</p>
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <p role="status">{move || result.get()}</p>
            <div class="net-actions">
                <button type="button" on:click=move |_| export_as(NetworkFormat::EdgeList)>"Export CSV"</button>
                <button type="button" on:click=move |_| export_as(NetworkFormat::GraphMl)>"Export GraphML"</button>
                <button type="button" on:click=move |_| export_as(NetworkFormat::Gexf)>"Export GEXF"</button>
                <button type="button" on:click=move |_| export_as(NetworkFormat::Json)>"Export JSON"</button>
                <button type="button" on:click=move |_| export_as(NetworkFormat::Kumu)>"Export Kumu"</button>
                <button type="button" on:click=export_png>"Export PNG"</button>
                <button type="button" on:click=export_svg>"Export SVG"</button>
            </div>
        </section>
    }
}
