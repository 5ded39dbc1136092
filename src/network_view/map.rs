//! The map: a `<canvas>` drawn once per animation frame in plain Rust, with
//! the force layout (`core::network::layout`) stepping a few iterations per
//! frame until it settles, then resting until the network changes or the
//! person pins a node. Nodes are coloured and shaped by sector (colour is never
//! the only carrier), sized by the chosen metric; labels are placed biggest
//! first where they fit, so a big map stays readable. Pan, zoom (wheel, pinch,
//! buttons, keys), drag a node to pin it, tap to select, arrow keys to move
//! along ties.

use std::collections::HashMap;

use constellation_core::board::camera::{Camera, MAX_ZOOM, MIN_ZOOM, ZOOM_STEP};
use constellation_core::network::layout::{map_graph, Layout};
use constellation_core::network::{NodeRef as Id, Sector};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{kind_label, Highlight, Metric, NetState, KINDS};

/// Longest time spent stepping the layout in one frame (ms), and most steps:
/// maps under ~1,000 nodes take 3 steps a frame (a fresh map settles in about
/// 100 frames), bigger ones 1 (docs/benchmarks.md, "How the view should run them").
const FRAME_BUDGET_MS: f64 = 8.0;
const SMALL_MAP: usize = 1000;
/// Pointer travel (px) before a press becomes a drag.
const DRAG_SLOP: f64 = 5.0;
pub const CANVAS_ID: &str = "net-canvas";

/// Sector colours (Okabe–Ito, safe for colour-blind readers) and shapes.
pub fn sector_style(s: Option<Sector>) -> (&'static str, Shape, &'static str) {
    match s {
        Some(Sector::Government) => ("#0072b2", Shape::Square, "Government"),
        Some(Sector::Business) => ("#e69f00", Shape::Triangle, "Business"),
        Some(Sector::CivilSociety) => ("#009e73", Shape::Circle, "Civil society"),
        Some(Sector::Other) => ("#cc79a7", Shape::Diamond, "Other sector"),
        None => ("#6b7385", Shape::Ring, "No organization"),
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Ring,
}

#[derive(Clone, Copy, PartialEq)]
enum Gesture {
    Idle,
    Pan { last: (f64, f64), start: (f64, f64), moved: bool },
    Drag { node: usize, start: (f64, f64), moved: bool },
    Pinch { distance: f64, middle: (f64, f64) },
}

/// The map's moving parts. Cheap to copy.
#[derive(Clone, Copy)]
struct Ctx {
    st: NetState,
    layout: StoredValue<Layout<Id>, LocalStorage>,
    camera: RwSignal<Camera>,
    size: RwSignal<(f64, f64)>,
    canvas: NodeRef<leptos::html::Canvas>,
    running: StoredValue<bool>,
    /// The camera follows the whole map until the person pans or zooms.
    auto_fit: StoredValue<bool>,
    /// Each node's radius on screen at the last drawing, for hit tests.
    radii: StoredValue<Vec<f64>>,
    /// The zoom that last showed the whole map: zoomed in beyond it, more labels fit.
    fit_zoom: StoredValue<f64>,
}

impl Ctx {
    /// Makes sure a frame is coming.
    fn kick(self) {
        if self.running.get_value() {
            return;
        }
        self.running.set_value(true);
        request_animation_frame(move || self.frame());
    }

    fn frame(self) {
        if self.running.try_get_value().is_none() {
            return; // the map has closed
        }
        let start = js_sys::Date::now();
        let mut settled = true;
        self.layout.update_value(|l| {
            let most = if l.len() < SMALL_MAP { 3 } else { 1 };
            let mut steps = 0;
            while !l.settled() && steps < most && js_sys::Date::now() - start < FRAME_BUDGET_MS {
                l.step();
                steps += 1;
            }
            settled = l.settled();
        });
        if self.auto_fit.get_value() {
            self.fit();
        }
        self.draw();
        if settled {
            self.running.set_value(false);
        } else {
            request_animation_frame(move || self.frame());
        }
    }

    /// Shows the whole map.
    fn fit(self) {
        let (w, h) = self.size.get_untracked();
        let Some((lo, hi)) = self.layout.with_value(|l| l.bounds()) else { return };
        if w <= 0.0 {
            return;
        }
        let margin = 40.0;
        let zoom = ((w - 2.0 * margin).max(1.0) / (hi.x - lo.x).max(1.0))
            .min((h - 2.0 * margin).max(1.0) / (hi.y - lo.y).max(1.0))
            .clamp(MIN_ZOOM, MAX_ZOOM);
        let (cx, cy) = ((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
        let camera = Camera { x: cx - w / 2.0 / zoom, y: cy - h / 2.0 / zoom, zoom };
        self.fit_zoom.set_value(zoom);
        if self.camera.get_untracked() != camera {
            self.camera.set(camera);
        }
    }

    fn zoom_by(self, factor: f64) {
        let (w, h) = self.size.get_untracked();
        self.auto_fit.set_value(false);
        self.camera.update(|c| *c = c.zoom_at(w / 2.0, h / 2.0, factor));
    }

    /// The shown node under a screen point, if any.
    fn hit(self, at: (f64, f64), touch: bool) -> Option<usize> {
        let camera = self.camera.get_untracked();
        let shown = self.st.shown.get_untracked();
        let slack = if touch { 14.0 } else { 6.0 };
        self.layout.with_value(|l| {
            self.radii.with_value(|radii| {
                let mut best = None;
                let mut best_d = f64::INFINITY;
                for (i, p) in l.positions().iter().enumerate() {
                    if !shown.node.get(i).copied().unwrap_or(false) {
                        continue;
                    }
                    let (sx, sy) = camera.to_screen(p.x, p.y);
                    let d = ((sx - at.0).powi(2) + (sy - at.1).powi(2)).sqrt();
                    let r = radii.get(i).copied().unwrap_or(6.0) + slack;
                    if d <= r && d < best_d {
                        best = Some(i);
                        best_d = d;
                    }
                }
                best
            })
        })
    }

    fn draw(self) {
        let Some(canvas) = self.canvas.get_untracked() else { return };
        let st = self.st;
        let net = st.net.get_untracked();
        let shown = st.shown.get_untracked();
        let camera = self.camera.get_untracked();
        let (w, h) = self.size.get_untracked();
        let presenter = st.presenter.get_untracked();
        let selected = st.selected.get_untracked().and_then(|n| net.index.get(&n).copied());
        let metric = st.size_by.get_untracked();
        let analysis = st.analysis.get_untracked();
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let (pw, ph) = ((w * ratio).round() as u32, (h * ratio).round() as u32);
        if canvas.width() != pw || canvas.height() != ph {
            canvas.set_width(pw);
            canvas.set_height(ph);
        }
        let Ok(Some(ctx)) = canvas.get_context("2d") else { return };
        let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else { return };
        let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, w, h);
        let n = net.nodes.len();
        let positions: Vec<(f64, f64)> = self.layout.with_value(|l| {
            if l.len() != n {
                return Vec::new();
            }
            l.positions().iter().map(|p| camera.to_screen(p.x, p.y)).collect()
        });
        if positions.len() != n {
            return;
        }
        // Sizes: the metric, relative to the largest shown.
        let values: Vec<f64> = net.nodes.iter().map(|nd| analysis.as_ref().map_or(0.0, |a| a.metric(&nd.node, metric))).collect();
        let max = values.iter().zip(&shown.node).filter(|(_, s)| **s).map(|(v, _)| *v).fold(0.0, f64::max);
        let scale = camera.zoom.sqrt().clamp(0.6, 2.0) * if presenter { 1.3 } else { 1.0 };
        let radii: Vec<f64> = net
            .nodes
            .iter()
            .zip(&values)
            .map(|(nd, v)| {
                let rel = if max > 0.0 { (v / max).max(0.0).sqrt() } else { 0.0 };
                let base = if nd.is_org { 7.0 } else { 4.0 };
                (base + 10.0 * rel) * scale
            })
            .collect();
        let marking = !shown.marked.is_empty();
        let marked = |i: usize| !marking || shown.marked[i];

        // Every tie, node and mark of one look is one path, filled or stroked
        // once: a canvas call per tie or node costs ~0.1 ms each on a software
        // canvas, so a 5,000-node map drawn one by one took 300–600 ms a frame.
        // What lies wholly off screen is skipped.
        let off = |(ax, ay): (f64, f64), (bx, by): (f64, f64)| {
            (ax < 0.0 && bx < 0.0) || (ay < 0.0 && by < 0.0) || (ax > w && bx > w) || (ay > h && by > h)
        };
        // Membership: a light dashed line from each person to their organization.
        ctx.set_line_width(1.0);
        ctx.set_stroke_style_str("rgba(107,115,133,0.35)");
        let _ = ctx.set_line_dash(&js_sys::Array::of2(&3.0.into(), &3.0.into()));
        ctx.begin_path();
        for &(p, o) in &net.members {
            if shown.node[p] && shown.node[o] && !off(positions[p], positions[o]) {
                ctx.move_to(positions[p].0, positions[p].1);
                ctx.line_to(positions[o].0, positions[o].1);
            }
        }
        ctx.stroke();
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        // Ties: thicker for more trust; faint when a highlight leaves them out.
        // One batch per (highlighted, trust).
        let mut batches: [Vec<usize>; 10] = Default::default();
        for (li, l) in net.links.iter().enumerate() {
            if shown.link[li] && !off(positions[l.a], positions[l.b]) {
                let strong = marked(l.a) && marked(l.b);
                batches[usize::from(strong) * 5 + usize::from(l.trust.clamp(1, 5) - 1)].push(li);
            }
        }
        for (k, batch) in batches.iter().enumerate() {
            if batch.is_empty() {
                continue;
            }
            let strong = k >= 5;
            ctx.set_stroke_style_str(if strong { "rgba(61,74,92,0.6)" } else { "rgba(61,74,92,0.12)" });
            ctx.set_line_width(0.6 + 0.45 * (k % 5 + 1) as f64);
            ctx.begin_path();
            for &li in batch {
                let l = &net.links[li];
                ctx.move_to(positions[l.a].0, positions[l.a].1);
                ctx.line_to(positions[l.b].0, positions[l.b].1);
            }
            ctx.stroke();
        }
        // Arrowheads at the edge of the target node, one path per strength.
        for strong in [false, true] {
            let mut any = false;
            for &li in batches[if strong { 5 } else { 0 }..if strong { 10 } else { 5 }].iter().flatten() {
                let l = &net.links[li];
                if !l.directed {
                    continue;
                }
                if !any {
                    ctx.set_fill_style_str(if strong { "rgba(61,74,92,0.8)" } else { "rgba(61,74,92,0.2)" });
                    ctx.begin_path();
                    any = true;
                }
                let ((ax, ay), (bx, by)) = (positions[l.a], positions[l.b]);
                let len = ((bx - ax).powi(2) + (by - ay).powi(2)).sqrt().max(1e-9);
                let (ux, uy) = ((bx - ax) / len, (by - ay) / len);
                let (tx, ty) = (bx - ux * (radii[l.b] + 2.0), by - uy * (radii[l.b] + 2.0));
                ctx.move_to(tx, ty);
                ctx.line_to(tx - ux * 8.0 - uy * 4.0, ty - uy * 8.0 + ux * 4.0);
                ctx.line_to(tx - ux * 8.0 + uy * 4.0, ty - uy * 8.0 - ux * 4.0);
                ctx.close_path();
            }
            if any {
                ctx.fill();
            }
        }
        // Nodes on screen, people then organizations (which are bigger), faint
        // then highlighted, one path per sector look.
        let mut order: Vec<usize> = (0..n).filter(|&i| shown.node[i]).collect();
        order.sort_by(|&a, &b| radii[a].total_cmp(&radii[b]));
        let on_screen = |i: usize| {
            let ((x, y), r) = (positions[i], radii[i]);
            !(x < -r - 80.0 || y < -r - 20.0 || x > w + r + 80.0 || y > h + r + 20.0)
        };
        if let Some(i) = selected.filter(|&i| shown.node[i] && on_screen(i)) {
            let (x, y) = positions[i];
            ctx.set_fill_style_str("rgba(244,162,97,0.45)");
            ctx.begin_path();
            let _ = ctx.arc(x, y, radii[i] + 8.0, 0.0, std::f64::consts::TAU);
            ctx.fill();
        }
        let mut looks: [Vec<usize>; 20] = Default::default();
        for &i in order.iter().filter(|&&i| on_screen(i)) {
            let nd = &net.nodes[i];
            let sector = nd.sector.map_or(4, |s| s.index());
            looks[usize::from(nd.is_org) * 10 + usize::from(marked(i)) * 5 + sector].push(i);
        }
        for (k, group) in looks.iter().enumerate() {
            if group.is_empty() {
                continue;
            }
            let is_org = k >= 10;
            let (color, shape, _) = sector_style(Sector::ALL.get(k % 5).copied());
            ctx.set_global_alpha(if (k / 5) % 2 == 1 || !marking { 1.0 } else { 0.2 });
            ctx.begin_path();
            for &i in group {
                trace(&ctx, shape, positions[i].0, positions[i].1, radii[i]);
            }
            if shape == Shape::Ring {
                ctx.set_fill_style_str("#ffffff");
                ctx.fill();
                ctx.set_stroke_style_str(color);
                ctx.set_line_width(2.5);
            } else {
                ctx.set_fill_style_str(color);
                ctx.fill();
                ctx.set_stroke_style_str(if is_org { "#14213d" } else { "#ffffff" });
                ctx.set_line_width(if is_org { 2.5 } else { 1.0 });
            }
            ctx.stroke();
        }
        ctx.set_global_alpha(1.0);
        // Rings around highlighted and found nodes; a dot on pinned ones.
        let ringed: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| on_screen(i) && (marking && marked(i) || shown.found.get(i).copied().unwrap_or(false)))
            .collect();
        if !ringed.is_empty() {
            ctx.set_stroke_style_str("#b00020");
            ctx.set_line_width(2.5);
            ctx.begin_path();
            for &i in &ringed {
                let (x, y) = positions[i];
                ctx.move_to(x + radii[i] + 4.0, y);
                let _ = ctx.arc(x, y, radii[i] + 4.0, 0.0, std::f64::consts::TAU);
            }
            ctx.stroke();
        }
        let pinned: Vec<usize> =
            self.layout.with_value(|l| order.iter().copied().filter(|&i| on_screen(i) && l.is_pinned(&net.nodes[i].node)).collect());
        if !pinned.is_empty() {
            ctx.set_fill_style_str("#14213d");
            ctx.begin_path();
            for &i in &pinned {
                let ((x, y), r) = (positions[i], radii[i]);
                ctx.move_to(x + r * 0.8 + 2.5, y - r * 0.8);
                let _ = ctx.arc(x + r * 0.8, y - r * 0.8, 2.5, 0.0, std::f64::consts::TAU);
            }
            ctx.fill();
        }
        // Labels: the selected node, search matches, highlighted and then the
        // biggest nodes, each where it overlaps no label placed before it.
        let font = if presenter { 19.0 } else { 13.0 };
        ctx.set_font(&format!("600 {font}px system-ui, sans-serif"));
        ctx.set_line_join("round");
        let priority = |i: usize| -> (u8, f64) {
            let p = if selected == Some(i) {
                0
            } else if shown.found.get(i).copied().unwrap_or(false) {
                1
            } else if marking && shown.marked[i] {
                2
            } else {
                3
            };
            (p, -radii[i])
        };
        order.sort_by(|&a, &b| {
            let (pa, ra) = priority(a);
            let (pb, rb) = priority(b);
            pa.cmp(&pb).then(ra.total_cmp(&rb))
        });
        let closer = (camera.zoom / self.fit_zoom.get_value()).clamp(1.0, 4.0);
        let cap = ((w * h) / if presenter { 14000.0 } else { 9000.0 } * closer).max(8.0) as usize;
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        // Names measured for a place, at most a few times the labels wanted:
        // on a big map most candidates overlap, and each measure is a call.
        let mut tries = 0;
        for &i in &order {
            if (placed.len() >= cap || tries > cap * 6) && priority(i).0 == 3 {
                break;
            }
            let (x, y) = positions[i];
            if x < 0.0 || y < 0.0 || x > w || y > h {
                continue;
            }
            tries += 1;
            let name: String = net.nodes[i].name.chars().take(28).collect();
            let tw = ctx.measure_text(&name).map_or(font * 0.6 * name.len() as f64, |m| m.width());
            // Right of the node, or left of it where the right edge would cut it.
            let lx = if x + radii[i] + 4.0 + tw > w - 4.0 { x - radii[i] - 4.0 - tw } else { x + radii[i] + 4.0 };
            let ly = y + font * 0.35;
            let rect = (lx - 2.0, ly - font, lx + tw + 2.0, ly + 4.0);
            if priority(i).0 == 3 && placed.iter().any(|p| rect.0 < p.2 && p.0 < rect.2 && rect.1 < p.3 && p.1 < rect.3) {
                continue;
            }
            placed.push(rect);
            ctx.set_global_alpha(if marked(i) { 1.0 } else { 0.35 });
            ctx.set_stroke_style_str("rgba(255,255,255,0.9)");
            ctx.set_line_width(4.0);
            let _ = ctx.stroke_text(&name, lx, ly);
            ctx.set_fill_style_str("#14213d");
            let _ = ctx.fill_text(&name, lx, ly);
        }
        ctx.set_global_alpha(1.0);
        self.radii.set_value(radii);
    }
}

/// Adds a node's shape to the current path, as a subpath of its own.
fn trace(ctx: &web_sys::CanvasRenderingContext2d, shape: Shape, x: f64, y: f64, r: f64) {
    match shape {
        Shape::Circle | Shape::Ring => {
            ctx.move_to(x + r, y);
            let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        }
        Shape::Square => {
            let s = r * 0.9;
            ctx.rect(x - s, y - s, 2.0 * s, 2.0 * s);
        }
        Shape::Triangle => {
            let s = r * 1.25;
            ctx.move_to(x, y - s);
            ctx.line_to(x + s * 0.95, y + s * 0.7);
            ctx.line_to(x - s * 0.95, y + s * 0.7);
            ctx.close_path();
        }
        Shape::Diamond => {
            let s = r * 1.2;
            ctx.move_to(x, y - s);
            ctx.line_to(x + s, y);
            ctx.line_to(x, y + s);
            ctx.line_to(x - s, y);
            ctx.close_path();
        }
    }
}

/// A small drawing of a sector's shape for the legend.
#[component]
pub fn ShapeIcon(sector: Option<Sector>) -> impl IntoView {
    let (color, shape, _) = sector_style(sector);
    let path = match shape {
        Shape::Circle | Shape::Ring => "M8 2a6 6 0 1 0 0.01 0Z",
        Shape::Square => "M2.5 2.5h11v11h-11Z",
        Shape::Triangle => "M8 1.5L14.5 13.5H1.5Z",
        Shape::Diamond => "M8 1L15 8L8 15L1 8Z",
    };
    let (fill, stroke) = if shape == Shape::Ring { ("#fff", color) } else { (color, "#fff") };
    view! {
        <svg class="net-shape" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d=path fill=fill stroke=stroke stroke-width="2"/>
        </svg>
    }
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

#[component]
pub fn Map(state: NetState) -> impl IntoView {
    let st = state;
    let wrap = NodeRef::<leptos::html::Div>::new();
    let ctx = Ctx {
        st,
        layout: st.layout,
        camera: RwSignal::new(Camera::default()),
        size: RwSignal::new((0.0, 0.0)),
        canvas: NodeRef::new(),
        running: StoredValue::new(false),
        auto_fit: StoredValue::new(true),
        radii: StoredValue::new(Vec::new()),
        fit_zoom: StoredValue::new(1.0),
    };
    let gesture = StoredValue::new(Gesture::Idle);
    // Some node has been dragged and is held where it was left.
    let pinned = RwSignal::new(false);
    let pointers = StoredValue::new(HashMap::<i32, (f64, f64)>::new());

    // The layout follows the network: known nodes stay, new ones start by
    // their neighbours. `map_graph` lists organizations then people, in the
    // network's order, as `Net` does, so position i is node i.
    Effect::new(move |_| {
        let net = st.net.get();
        let result = map_graph(&net.stored.network)
            .map_err(|e| e.to_string())
            .and_then(|map| ctx.layout.try_update_value(|l| l.sync(&map.nodes, map.spring_refs()).map_err(|e| e.to_string())).unwrap_or(Ok(Default::default())));
        if let Err(e) = result {
            st.announcement.set(format!("The map could not be laid out: {e}"));
        }
        ctx.kick();
    });
    // Anything drawn changed: one more frame.
    Effect::new(move |_| {
        st.shown.track();
        st.analysis.track();
        st.size_by.track();
        st.selected.track();
        st.presenter.track();
        ctx.camera.track();
        ctx.size.track();
        ctx.kick();
    });
    // The canvas's size follows its box.
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            crate::browser::element::follow_size(&el, ctx.size);
        }
    });
    // The wheel zooms the map, not the page: a listener that may prevent the default.
    Effect::new(move |_| {
        let Some(el) = wrap.get() else { return };
        crate::browser::element::listen_active(&el, "wheel", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() else { return };
            ev.prevent_default();
            let r = wrap.get_untracked().map(|e| e.get_bounding_client_rect());
            let at = r.map_or((0.0, 0.0), |r| (ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top()));
            let unit = if ev.delta_mode() == 1 { 16.0 } else { 1.0 };
            ctx.auto_fit.set_value(false);
            ctx.camera.update(|c| *c = c.zoom_at(at.0, at.1, (-ev.delta_y() * unit * 0.002).exp()));
        });
    });
    on_cleanup(move || {
        let _ = ctx.running.try_set_value(false);
    });

    let local = move |ev: &web_sys::MouseEvent| -> (f64, f64) {
        let Some(el) = wrap.get_untracked() else { return (0.0, 0.0) };
        let r = el.get_bounding_client_rect();
        (ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top())
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 && ev.pointer_type() == "mouse" {
            return;
        }
        let at = local(&ev);
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), at);
        });
        if let Some(el) = wrap.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        st.busy.set(true);
        let two: Vec<(f64, f64)> = pointers.with_value(|p| p.values().copied().take(2).collect());
        let g = if two.len() == 2 {
            Gesture::Pinch { distance: distance(two[0], two[1]), middle: ((two[0].0 + two[1].0) / 2.0, (two[0].1 + two[1].1) / 2.0) }
        } else if let Some(node) = ctx.hit(at, ev.pointer_type() != "mouse") {
            Gesture::Drag { node, start: at, moved: false }
        } else {
            Gesture::Pan { last: at, start: at, moved: false }
        };
        gesture.set_value(g);
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if !pointers.with_value(|p| p.contains_key(&ev.pointer_id())) {
            return;
        }
        let at = local(&ev);
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), at);
        });
        let mut g = gesture.get_value();
        match &mut g {
            Gesture::Idle => {}
            Gesture::Pan { last, start, moved } => {
                if distance(*start, at) > DRAG_SLOP {
                    *moved = true;
                }
                if *moved {
                    let (dx, dy) = (at.0 - last.0, at.1 - last.1);
                    ctx.auto_fit.set_value(false);
                    ctx.camera.update(|c| *c = c.pan(dx, dy));
                }
                *last = at;
            }
            Gesture::Drag { node, start, moved } => {
                if distance(*start, at) > DRAG_SLOP {
                    *moved = true;
                }
                if *moved {
                    let (x, y) = ctx.camera.get_untracked().to_board(at.0, at.1);
                    let id = st.net.with_untracked(|n| n.nodes.get(*node).map(|n| n.node.clone()));
                    if let Some(id) = id {
                        ctx.auto_fit.set_value(false);
                        let _ = ctx.layout.try_update_value(|l| l.pin(&id, x, y));
                        if !pinned.get_untracked() {
                            pinned.set(true);
                        }
                        ctx.kick();
                    }
                }
            }
            Gesture::Pinch { distance: before, middle } => {
                let two: Vec<(f64, f64)> = pointers.with_value(|p| p.values().copied().take(2).collect());
                if two.len() == 2 {
                    let d = distance(two[0], two[1]);
                    let m = ((two[0].0 + two[1].0) / 2.0, (two[0].1 + two[1].1) / 2.0);
                    let factor = if *before > 0.0 { d / *before } else { 1.0 };
                    ctx.auto_fit.set_value(false);
                    ctx.camera.update(|c| *c = c.pan(m.0 - middle.0, m.1 - middle.1).zoom_at(m.0, m.1, factor));
                    *before = d;
                    *middle = m;
                }
            }
        }
        gesture.set_value(g);
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
        let g = gesture.get_value();
        gesture.set_value(Gesture::Idle);
        if pointers.with_value(|p| p.is_empty()) {
            st.busy.set(false);
        }
        if ev.type_() == "pointercancel" {
            return;
        }
        match g {
            Gesture::Drag { node, moved: false, .. } => st.select(Some(node)),
            Gesture::Drag { node, moved: true, .. } => {
                let name = st.net.with_untracked(|n| n.nodes.get(node).map(|n| n.name.clone())).unwrap_or_default();
                st.announcement.set(format!("{name} is pinned where you left it; “Release pins” lets it move again."));
            }
            Gesture::Pan { moved: false, .. } => st.select(None),
            _ => {}
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        match key.as_str() {
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" => {
                let dir = match key.as_str() {
                    "ArrowLeft" => (-1.0, 0.0),
                    "ArrowRight" => (1.0, 0.0),
                    "ArrowUp" => (0.0, -1.0),
                    _ => (0.0, 1.0),
                };
                step_selection(ctx, dir);
            }
            "Enter" => {
                if let Some(el) = document().get_element_by_id("net-details-heading") {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
            "Escape" => st.select(None),
            "+" | "=" => ctx.zoom_by(ZOOM_STEP),
            "-" | "_" => ctx.zoom_by(1.0 / ZOOM_STEP),
            "0" => {
                ctx.auto_fit.set_value(true);
                ctx.fit();
            }
            _ => return,
        }
        ev.prevent_default();
    };

    let label = move || {
        let n = st.net.with(|n| n.nodes.len());
        format!("Network map, {n} people and organizations. Arrow keys move the selection along ties, Enter opens its details.")
    };
    let count = move || {
        let total = st.net.with(|n| n.nodes.len());
        let shown = st.shown.with(|s| s.count);
        format!("Showing {shown} of {total} people and organizations")
    };
    let caption = move || highlight_caption(st);
    view! {
        <div class="net-map">
            <Controls st ctx/>
            <p class="net-count" role="status">{count}</p>
            <div class="net-stage">
                <div
                    class="net-canvas-wrap"
                    node_ref=wrap
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointercancel=on_up
                >
                    <canvas
                        id=CANVAS_ID
                        node_ref=ctx.canvas
                        tabindex="0"
                        role="application"
                        aria-roledescription="network map"
                        aria-label=label
                        aria-describedby="net-map-help"
                        on:keydown=on_key
                    ></canvas>
                </div>
                <div class="net-zoom">
                    <button type="button" aria-label="Zoom in" on:click=move |_| ctx.zoom_by(ZOOM_STEP)>"+"</button>
                    <button type="button" aria-label="Zoom out" on:click=move |_| ctx.zoom_by(1.0 / ZOOM_STEP)>"−"</button>
                    <button type="button" on:click=move |_| { ctx.auto_fit.set_value(true); ctx.fit(); }>"Fit map"</button>
                    <button type="button" hidden=move || !pinned.get() on:click=move |_| {
                        ctx.layout.update_value(|l| {
                            let ids = l.ids().to_vec();
                            ids.iter().for_each(|id| { l.unpin(id); });
                            l.set_alpha(l.alpha().max(l.config().reheat));
                        });
                        pinned.set(false);
                        ctx.kick();
                    }>"Release pins"</button>
                </div>
            </div>
            <p id="net-map-help" class="hint">
                "Drag to pan, pinch or wheel to zoom, tap a node to see its details, drag a node to pin it. With the keyboard: arrow keys follow ties, Enter opens details, + and − zoom."
            </p>
            <p class="net-caption">{caption}</p>
            <Legend/>
        </div>
    }
}

/// Moves the selection to the neighbour lying most in direction `dir`.
fn step_selection(ctx: Ctx, dir: (f64, f64)) {
    let st = ctx.st;
    let net = st.net.get_untracked();
    let shown = st.shown.get_untracked();
    let current = st.selected.get_untracked().and_then(|n| net.index.get(&n).copied());
    let pos = ctx.layout.with_value(|l| l.positions().to_vec());
    if pos.len() != net.nodes.len() {
        return;
    }
    let Some(from) = current else {
        // Nothing selected yet: start at the most connected shown node.
        let first = (0..net.nodes.len()).filter(|&i| shown.node[i]).max_by_key(|&i| net.adj[i].len());
        st.select(first);
        return;
    };
    let best = net.adj[from]
        .iter()
        .copied()
        .filter(|&j| shown.node[j])
        .map(|j| {
            let (dx, dy) = (pos[j].x - pos[from].x, pos[j].y - pos[from].y);
            let len = (dx * dx + dy * dy).sqrt().max(1e-9);
            (j, (dx * dir.0 + dy * dir.1) / len)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((j, _)) => st.select(Some(j)),
        None => st.announcement.set("No ties lead from here.".into()),
    }
}

/// The current highlight in words: who it names.
fn highlight_caption(st: NetState) -> String {
    let h = st.highlight.get();
    if h == Highlight::None {
        return String::new();
    }
    let net = st.net.get();
    let shown = st.shown.get();
    let names: Vec<String> = shown.marked.iter().enumerate().filter(|(_, m)| **m).map(|(i, _)| net.describe(i)).take(20).collect();
    if names.is_empty() {
        return format!("{}: none found.", h.label());
    }
    format!("{}: {}.", h.label(), names.join(", "))
}

#[component]
fn Legend() -> impl IntoView {
    let sectors = [Some(Sector::Government), Some(Sector::Business), Some(Sector::CivilSociety), Some(Sector::Other), None];
    view! {
        <ul class="net-legend" aria-label="Legend">
            {sectors.into_iter().map(|s| view! { <li><ShapeIcon sector=s/>{sector_style(s).2}</li> }).collect_view()}
            <li><span class="net-org-mark" aria-hidden="true"></span>"Organization (dark outline)"</li>
            <li><span class="net-member-mark" aria-hidden="true"></span>"Works at (dashed)"</li>
        </ul>
    }
}

#[component]
fn Controls(st: NetState, ctx: Ctx) -> impl IntoView {
    let _ = ctx;
    let sector_names = ["Government", "Business", "Civil society", "Other sector", "No organization"];
    view! {
        <div class="net-controls">
            <label class="net-inline">
                "Size by"
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(m) = Metric::ALL.into_iter().find(|m| m.label() == v) {
                        st.size_by.set(m);
                    }
                }>
                    {Metric::ALL.into_iter().map(|m| view! { <option selected=move || st.size_by.get() == m>{m.label()}</option> }).collect_view()}
                </select>
            </label>
            <label class="net-inline">
                "Highlight"
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(h) = Highlight::ALL.into_iter().find(|h| h.label() == v) {
                        st.highlight.set(h);
                    }
                }>
                    {Highlight::ALL.into_iter().map(|h| view! { <option selected=move || st.highlight.get() == h>{h.label()}</option> }).collect_view()}
                </select>
            </label>
            <label class="net-inline">
                "Focus"
                <select on:change=move |ev| st.focus.set(event_target_value(&ev).parse().unwrap_or(0))>
                    <option value="0">"Whole network"</option>
                    <option value="1">"1 step around the selection"</option>
                    <option value="2">"2 steps around the selection"</option>
                    <option value="3">"3 steps around the selection"</option>
                </select>
            </label>
            <label class="net-inline">
                "Search by name"
                <input
                    type="search"
                    prop:value=move || st.search.get()
                    on:input=move |ev| st.search.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            let first = st.shown.with_untracked(|s| s.found.iter().zip(&s.node).position(|(f, v)| *f && *v));
                            st.select(first);
                        }
                    }
                />
            </label>
            <details class="net-filters">
                <summary>"Filters"</summary>
                <fieldset>
                    <legend>"Sectors"</legend>
                    {sector_names.into_iter().enumerate().map(|(i, name)| view! {
                        <label class="net-check">
                            <input type="checkbox" prop:checked=move || st.sectors.get()[i]
                                on:change=move |ev| { let on = event_target_checked(&ev); st.sectors.update(|s| s[i] = on); }/>
                            {name}
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Kinds of tie"</legend>
                    {KINDS.into_iter().enumerate().map(|(i, k)| view! {
                        <label class="net-check">
                            <input type="checkbox" prop:checked=move || st.kinds.get()[i]
                                on:change=move |ev| { let on = event_target_checked(&ev); st.kinds.update(|s| s[i] = on); }/>
                            {kind_label(k)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="net-inline">
                    "Minimum trust"
                    <select on:change=move |ev| st.min_trust.set(event_target_value(&ev).parse().unwrap_or(1))>
                        {(1..=5u8).map(|t| view! { <option value=t.to_string()>{t.to_string()}</option> }).collect_view()}
                    </select>
                </label>
            </details>
        </div>
    }
}
