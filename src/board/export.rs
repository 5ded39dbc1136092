//! A board's files: SVG and PNG pictures (drawn by `core::board_svg`, the PNG
//! rasterized from that SVG by the browser) and the JSON data, which imports
//! back as a new board — all or nothing, with every problem named.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{BoardState, Mode, Selection};
use crate::browser::download::{download_text, download_url, read_chosen_file};
use crate::i18n::{t_args, Said};
use super::refusals::import_error;
use crate::tr;

/// The largest PNG side, in pixels; bigger boards are scaled down to fit.
const PNG_MAX_SIDE: f64 = 8192.0;

#[component]
pub fn Files(state: BoardState) -> impl IntoView {
    let live = state.live;
    let file_stem = move || {
        let name = state.board.get_untracked().and_then(|b| live.read(|room| room.board(&b))).map(|b| b.name).unwrap_or_default();
        let stem: String = name.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
        let stem = stem.trim_matches('-').to_lowercase();
        if stem.is_empty() { "board".to_owned() } else { stem }
    };
    let report = move |result: Result<(), crate::browser::download::FileError>| {
        if let Err(e) = result {
            state.error.set(Some(Said::new(move || e.to_string())));
        }
    };
    let svg = move || state.board.get_untracked().and_then(|b| live.read(|room| room.export_board_svg(&b)));
    let export_svg = move |_| match svg() {
        Some(svg) => report(download_text(&format!("{}.svg", file_stem()), "image/svg+xml", &svg)),
        None => state.error.set(Some(Said::id("export-nothing"))),
    };
    let export_json = move |_| match state.board.get_untracked().and_then(|b| live.read(|room| room.export_board_json(&b))) {
        Some(json) => report(download_text(&format!("{}.json", file_stem()), "application/json", &json)),
        None => state.error.set(Some(Said::id("export-nothing"))),
    };
    let export_png = move |_| match svg() {
        Some(svg) => {
            if let Err(e) = png_from_svg(&svg, format!("{}.png", file_stem()), state) {
                state.error.set(Some(e));
            }
        }
        None => state.error.set(Some(Said::id("export-nothing"))),
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        leptos::task::spawn_local(async move {
            let chosen = read_chosen_file(&input).await;
            input.set_value("");
            match chosen {
                Ok(Some((name, text))) => match live.edit(|room| room.import_board_json(&text)) {
                    Ok(board) => {
                        state.error.set(None);
                        state.chosen.set(Some(board));
                        state.selection.set(Selection::Nothing);
                        state.mode.set(Mode::Canvas);
                        state.announcement.set(Some(t_args("imported", &[("name", name.into())])));
                    }
                    Err(e) => state.error.set(Some(Said::new(move || import_error(&name, &e)))),
                },
                Ok(None) => {}
                Err(e) => state.error.set(Some(Said::new(move || e.to_string()))),
            }
        });
    };
    view! {
        <div class="tool-group files" role="group" aria-label=tr!("files")>
            <button type="button" on:click=export_svg>{tr!("export-svg")}</button>
            <button type="button" on:click=export_png>{tr!("export-png")}</button>
            <button type="button" on:click=export_json>{tr!("export-json")}</button>
            <label class="file-button">
                {tr!("import-json")}
                <input type="file" accept=".json,application/json" class="visually-hidden" disabled=move || state.locked() on:change=import/>
            </label>
        </div>
    }
}

/// Draws the board's SVG on a canvas and offers it as a PNG.
fn png_from_svg(svg: &str, file_name: String, state: BoardState) -> Result<(), Said> {
    let size = |attr: &str| -> f64 {
        let key = format!(" {attr}=\"");
        svg.find(&key)
            .and_then(|at| svg[at + key.len()..].split('"').next().and_then(|v| v.parse().ok()))
            .unwrap_or(800.0)
    };
    let (width, height) = (size("width"), size("height"));
    let scale = (PNG_MAX_SIDE / width.max(height)).min(2.0);
    let image = web_sys::HtmlImageElement::new().map_err(|_| Said::id("png-cannot-draw"))?;
    let url = format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg));
    let loaded = image.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let done = (|| -> Option<()> {
            let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").ok()?.unchecked_into();
            canvas.set_width((width * scale).round() as u32);
            canvas.set_height((height * scale).round() as u32);
            let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
            ctx.scale(scale, scale).ok()?;
            ctx.draw_image_with_html_image_element(&loaded, 0.0, 0.0).ok()?;
            let data = canvas.to_data_url_with_type("image/png").ok()?;
            download_url(&file_name, &data).ok()
        })();
        if done.is_none() {
            state.error.set(Some(Said::id("png-failed")));
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
