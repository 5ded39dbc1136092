//! The map: a `<canvas>` the map worker draws into (the canvas is handed to a
//! second instance of the analysis worker with `transferControlToOffscreen`,
//! which runs the force layout and paints every frame: see
//! `constellation_analysis_worker::map`), or, where a browser cannot hand a
//! canvas over, the same engine on the page. The page keeps the camera and the
//! gestures: it sends what to draw (the network, the look, the view, pins) and
//! gets back, after each frame, the positions and radii drawn, which it uses
//! to hit-test taps, to follow ties with the keyboard and to export SVG. Pan,
//! zoom (wheel, pinch, buttons, keys), drag a node to pin it, tap to select,
//! arrow keys to move along ties.

use std::collections::HashMap;

use constellation_analysis_worker::map::{Graph, GraphLink, GraphNode, Look, MapEngine, View};
use constellation_analysis_worker::{js as worker_js, map_js};
use constellation_core::board::camera::{Camera, ZOOM_STEP};
use constellation_core::network::layout::Point;
use constellation_core::network::{NodeRef as Id, Sector, WhatIf};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use constellation_analysis_worker::map::Shape;

use super::words::{kind_name, sector_name};
use super::{Highlight, Metric, Net, NetState, Shown, KINDS};
use crate::i18n::{t, t_args};
use crate::tr;

/// Pointer travel (px) before a press becomes a drag.
const DRAG_SLOP: f64 = 5.0;
pub const CANVAS_ID: &str = "net-canvas";

/// Sector colours (Okabe–Ito, safe for colour-blind readers), shapes and names.
pub fn sector_style(s: Option<Sector>) -> (&'static str, Shape, String) {
    let (color, shape) = constellation_analysis_worker::map::sector_look(s);
    (color, shape, sector_name(s))
}

#[derive(Clone, Copy, PartialEq)]
enum Gesture {
    Idle,
    Pan { last: (f64, f64), start: (f64, f64), moved: bool },
    Drag { node: usize, start: (f64, f64), moved: bool },
    Pinch { distance: f64, middle: (f64, f64) },
}

/// Who draws the map.
enum Backend {
    /// Not started yet (the canvas is not in the page).
    None,
    /// The map worker, with the messages waiting for it to listen.
    Worker {
        worker: web_sys::Worker,
        ready: bool,
        queue: Vec<(JsValue, js_sys::Array)>,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    },
    /// The page itself (a browser that cannot hand a canvas to a worker).
    Local { engine: Box<MapEngine>, ctx: web_sys::CanvasRenderingContext2d, scheduled: bool },
}

/// One thing for the engine to take.
enum Order {
    Graph(Graph),
    Look(Look),
    View(View),
    Pin(u32, f64, f64),
    Release,
}

/// The map's moving parts. Cheap to copy.
#[derive(Clone, Copy)]
struct Ctx {
    st: NetState,
    camera: RwSignal<Camera>,
    size: RwSignal<(f64, f64)>,
    canvas: NodeRef<leptos::html::Canvas>,
    backend: StoredValue<Backend, LocalStorage>,
    /// The map worker kept for parsing imports and what-ifs while the page
    /// draws (a browser that cannot hand a canvas over).
    helper: StoredValue<Backend, LocalStorage>,
    /// The camera follows the whole map until the person pans or zooms.
    auto_fit: StoredValue<bool>,
    /// Each node's radius on screen at the last frame drawn, for hit tests.
    radii: StoredValue<Vec<f32>>,
    /// The zoom that shows the whole map.
    fit_zoom: StoredValue<f64>,
    /// The engine settled at its last frame.
    settled: RwSignal<bool>,
}

impl Ctx {
    /// Sends an order to whoever draws.
    fn send(self, order: Order) {
        let local = self.backend.try_update_value(|b| match b {
            Backend::None => false,
            Backend::Worker { worker, ready, queue, .. } => {
                let msg = match &order {
                    Order::Graph(g) => map_js::graph(g),
                    Order::Look(l) => map_js::look(l),
                    Order::View(v) => (map_js::view(v), js_sys::Array::new()),
                    Order::Pin(i, x, y) => (map_js::pin(*i, *x, *y), js_sys::Array::new()),
                    Order::Release => (map_js::plain("map-release"), js_sys::Array::new()),
                };
                if *ready {
                    let _ = worker.post_message_with_transfer(&msg.0, &msg.1);
                } else {
                    queue.push(msg);
                }
                false
            }
            Backend::Local { engine, .. } => {
                match order {
                    Order::Graph(g) => {
                        if let Err(e) = engine.set_graph(g) {
                            self.st.announcement.set(t_args("map-layout-failed", &[("error", e.to_string().into())]));
                        }
                    }
                    Order::Look(l) => engine.set_look(l),
                    Order::View(v) => engine.set_view(v),
                    Order::Pin(i, x, y) => engine.pin(i, x, y),
                    Order::Release => engine.release_pins(),
                }
                true
            }
        });
        if local == Some(true) {
            self.schedule_local();
        }
    }

    /// Everything the engine needs, from scratch (a new engine).
    fn send_all(self) {
        self.send(Order::Graph(graph_of(&self.st.net.get_untracked())));
        self.send(Order::Look(self.look()));
        self.send(Order::View(self.view()));
    }

    fn look(self) -> Look {
        let st = self.st;
        let net = st.net.get_untracked();
        let shown = st.shown.get_untracked();
        let metric = st.size_by.get_untracked();
        look_of(&net, &shown, st.analysis.get_untracked().as_deref(), metric, st.selected.get_untracked(), st.presenter.get_untracked())
    }

    fn view(self) -> View {
        let c = self.camera.get_untracked();
        let (width, height) = self.size.get_untracked();
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        View { x: c.x, y: c.y, zoom: c.zoom, width, height, ratio, auto_fit: self.auto_fit.get_value() }
    }

    /// Takes what a frame drew.
    fn took(self, out: constellation_analysis_worker::map::FrameOut) {
        let n = out.positions.len() / 2;
        let points: Vec<Point> = (0..n).map(|i| Point { x: f64::from(out.positions[2 * i]), y: f64::from(out.positions[2 * i + 1]) }).collect();
        self.st.positions.set_value(points);
        self.radii.set_value(out.radii);
        self.fit_zoom.set_value(out.fit_zoom);
        if out.settled != self.settled.get_untracked() {
            self.settled.set(out.settled);
        }
        if self.auto_fit.get_value() && out.view.auto_fit {
            let camera = out.view.camera();
            if self.camera.get_untracked() != camera {
                self.camera.set(camera);
            }
        }
    }

    /// A page-drawn frame is coming.
    fn schedule_local(self) {
        let go = self.backend.try_update_value(|b| match b {
            Backend::Local { scheduled, engine, .. } if !*scheduled && engine.needs_frame() => {
                *scheduled = true;
                true
            }
            _ => false,
        });
        if go == Some(true) {
            request_animation_frame(move || self.local_frame());
        }
    }

    fn local_frame(self) {
        let out = self.backend.try_update_value(|b| match b {
            Backend::Local { engine, ctx, scheduled } => {
                *scheduled = false;
                Some(engine.frame(ctx, js_sys::Date::now))
            }
            _ => None,
        });
        if let Some(Some(out)) = out {
            self.took(out);
            self.schedule_local();
        }
    }

    /// Starts the map worker; falls back to drawing on the page when it cannot start.
    fn start(self) {
        let me = self;
        let worker = match web_sys::Worker::new(&super::worker::worker_url()) {
            Ok(w) => w,
            Err(_) => return self.start_local(),
        };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| me.receive(ev.data()));
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_ev: web_sys::Event| {
            // Not listening yet: the page draws instead.
            let waiting = me.backend.try_with_value(|b| matches!(b, Backend::Worker { ready: false, .. })).unwrap_or(false);
            if waiting {
                me.stop();
                me.start_local();
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.backend.set_value(Backend::Worker { worker, ready: false, queue: Vec::new(), _on_message: on_message, _on_error: on_error });
        self.send_all();
    }

    fn start_local(self) {
        let Some(canvas) = self.canvas.get_untracked() else { return };
        let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(ctx) = ctx else {
            self.st.announcement.set(t("map-cannot-draw"));
            return;
        };
        self.backend.set_value(Backend::Local { engine: Box::new(MapEngine::new()), ctx, scheduled: false });
        self.send_all();
    }

    fn receive(self, data: JsValue) {
        match worker_js::kind(&data).as_deref() {
            Some("ready") => {
                let offscreen = self.canvas.get_untracked().map(|c| c.transfer_control_to_offscreen());
                match offscreen {
                    Some(Ok(offscreen)) => {
                        self.backend.update_value(|b| {
                            if let Backend::Worker { worker, ready, queue, .. } = b {
                                let (m, t) = map_js::canvas(&offscreen);
                                let _ = worker.post_message_with_transfer(&m, &t);
                                for (m, t) in queue.drain(..) {
                                    let _ = worker.post_message_with_transfer(&m, &t);
                                }
                                *ready = true;
                            }
                        });
                    }
                    // This browser cannot hand the canvas over: the page draws,
                    // and the worker stays for imports and what-ifs.
                    _ => {
                        let worker = self.backend.try_update_value(|b| {
                            if let Backend::Worker { worker, ready, queue, .. } = b {
                                for (m, t) in queue.drain(..) {
                                    let _ = worker.post_message_with_transfer(&m, &t);
                                }
                                *ready = true;
                            }
                            std::mem::replace(b, Backend::None)
                        });
                        if let Some(worker) = worker {
                            self.helper.set_value(worker);
                        }
                        self.start_local();
                    }
                }
            }
            Some("map-frame") => match map_js::read_frame(&data) {
                Ok(out) => self.took(out),
                Err(e) => self.st.announcement.set(t_args("map-bad-answer", &[("error", e.to_string().into())])),
            },
            Some("map-png") => match map_js::read_png(&data).and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok()) {
                Some(url) => {
                    if let Err(e) = crate::browser::download::download_url("network.png", &url) {
                        self.st.announcement.set(e.to_string());
                    }
                    let _ = web_sys::Url::revoke_object_url(&url);
                }
                None => self.st.announcement.set(t(PNG_FAILED)),
            },
            Some("map-parsed") => {
                let ask = map_js::read_parsed_ask(&data);
                if let Some(resolve) = ask.and_then(|a| PARSES.with(|p| p.borrow_mut().1.remove(&a))) {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            }
            Some("map-whatif") => {
                if let Some((ask, answer)) = map_js::read_what_if(&data) {
                    what_if_answered(ask, answer);
                }
            }
            Some("map-error") => {
                let (id, detail) = map_js::read_error(&data);
                self.st.announcement.set(t_args(&id, &[("error", detail.into())]));
            }
            _ => {}
        }
    }

    fn stop(self) {
        for kept in [self.backend, self.helper] {
            let old = kept.try_update_value(|b| std::mem::replace(b, Backend::None));
            if let Some(Backend::Worker { worker, .. }) = old {
                worker.set_onmessage(None);
                worker.set_onerror(None);
                worker.terminate();
            }
        }
    }

    /// Posts a message to the map worker (queued until it listens); false
    /// when there is none.
    fn ask_worker(self, msg: JsValue, transfer: js_sys::Array) -> bool {
        let post = |b: &mut Backend| match b {
            Backend::Worker { worker, ready: true, .. } => worker.post_message_with_transfer(&msg, &transfer).is_ok(),
            Backend::Worker { queue, .. } => {
                queue.push((msg.clone(), transfer.clone()));
                true
            }
            _ => false,
        };
        self.backend.try_update_value(post).unwrap_or(false) || self.helper.try_update_value(post).unwrap_or(false)
    }

    fn zoom_by(self, factor: f64) {
        let (w, h) = self.size.get_untracked();
        self.auto_fit.set_value(false);
        self.camera.update(|c| *c = c.zoom_at(w / 2.0, h / 2.0, factor));
    }

    fn fit(self) {
        self.auto_fit.set_value(true);
        self.send(Order::View(self.view()));
    }

    /// The shown node under a screen point, if any.
    fn hit(self, at: (f64, f64), touch: bool) -> Option<usize> {
        let camera = self.camera.get_untracked();
        let shown = self.st.shown.get_untracked();
        let slack = if touch { 14.0 } else { 6.0 };
        self.st.positions.with_value(|pos| {
            self.radii.with_value(|radii| {
                let mut best = None;
                let mut best_d = f64::INFINITY;
                for (i, p) in pos.iter().enumerate() {
                    if !shown.node.get(i).copied().unwrap_or(false) {
                        continue;
                    }
                    let (sx, sy) = camera.to_screen(p.x, p.y);
                    let d = ((sx - at.0).powi(2) + (sy - at.1).powi(2)).sqrt();
                    let r = radii.get(i).copied().map_or(6.0, f64::from) + slack;
                    if d <= r && d < best_d {
                        best = Some(i);
                        best_d = d;
                    }
                }
                best
            })
        })
    }
}

/// Message ids of the map's own problems.
const PNG_FAILED: &str = "map-png-failed";
const NO_WORKER: &str = "map-no-worker";

type WhatIfDone = Box<dyn FnOnce(Result<WhatIf, String>)>;
/// What-ifs waiting for the worker: the last number given, and by number the network asked about and who waits.
type WhatIfs = (u32, HashMap<u32, (std::sync::Arc<Net>, WhatIfDone)>);

thread_local! {
    /// The map on the page, for "Export PNG" and what-ifs.
    static CURRENT: std::cell::Cell<Option<Ctx>> = const { std::cell::Cell::new(None) };
    /// What-ifs asked of the map worker, by number: the network asked about and who waits.
    static WHAT_IFS: std::cell::RefCell<WhatIfs> = std::cell::RefCell::new((0, HashMap::new()));
    /// Imports being parsed in the map worker, by number: who waits (a promise's resolve).
    static PARSES: std::cell::RefCell<(u32, HashMap<u32, js_sys::Function>)> = std::cell::RefCell::new((0, HashMap::new()));
}

/// Reads network files in the map worker (a 5,000-node file takes a few
/// hundred ms to parse and check; the parsers stay out of the page's wasm,
/// and the files' text never comes to the page). `None` when there is no map
/// worker (it could not start in this browser); else the network in parts
/// still to be read, or every problem (file, line, field, and the message
/// for its reason).
pub async fn parse_in_worker(
    format: constellation_core::network::files::NetworkFormat,
    main: &web_sys::File,
    companion: Option<&web_sys::File>,
) -> Option<map_js::Parsed> {
    let ctx = CURRENT.with(|c| c.get())?;
    let ask = PARSES.with(|p| {
        let mut p = p.borrow_mut();
        p.0 += 1;
        p.0
    });
    let promise = js_sys::Promise::new(&mut |resolve, _| PARSES.with(|p| drop(p.borrow_mut().1.insert(ask, resolve))));
    if !ctx.ask_worker(map_js::parse(ask, format, main, companion), js_sys::Array::new()) {
        PARSES.with(|p| p.borrow_mut().1.remove(&ask));
        return None;
    }
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(map_js::read_parsed(&answer))
}

/// What disconnects if `node` leaves `net`: computed in the map worker (on a
/// big network it takes longer than a frame; the code stays out of the
/// page's wasm). `done` gets it, with the network's own ids.
pub fn what_if(net: std::sync::Arc<Net>, node: Id, done: impl FnOnce(Result<WhatIf, String>) + 'static) {
    let Some(&i) = net.index.get(&node) else { return done(Err(t("map-entry-gone"))) };
    let Some(ctx) = CURRENT.with(|c| c.get()) else { return done(Err(t(NO_WORKER))) };
    let req = super::worker::request_of(0, &net);
    let ask = WHAT_IFS.with(|w| {
        let mut w = w.borrow_mut();
        w.0 += 1;
        let ask = w.0;
        w.1.insert(ask, (net, Box::new(done)));
        ask
    });
    let (msg, transfer) = map_js::what_if(ask, &req, i as u32);
    if !ctx.ask_worker(msg, transfer) {
        if let Some((_, done)) = WHAT_IFS.with(|w| w.borrow_mut().1.remove(&ask)) {
            done(Err(t(NO_WORKER)));
        }
    }
}

/// A what-if from the worker, its ids (`o<i>`, `p<k>`, numbered as the
/// request numbered them) turned back into the network's.
fn what_if_answered(ask: u32, answer: Result<WhatIf, String>) {
    let Some((net, done)) = WHAT_IFS.with(|w| w.borrow_mut().1.remove(&ask)) else { return };
    let orgs = net.nodes.iter().take_while(|n| n.is_org).count();
    let real = |id: &str| -> String {
        let at = match (id.get(..1), id.get(1..).and_then(|k| k.parse::<usize>().ok())) {
            (Some("o"), Some(i)) => Some(i),
            (Some("p"), Some(k)) => Some(orgs + k),
            _ => None,
        };
        at.and_then(|i| net.nodes.get(i)).map_or_else(|| id.to_string(), |n| n.node.id().to_string())
    };
    let result = answer.map(|mut w| {
        w.removed = match &w.removed {
            Id::Organization(id) => Id::Organization(real(id)),
            Id::Person(id) => Id::Person(real(id)),
        };
        w.people_leaving.iter_mut().for_each(|p| *p = real(p));
        for piece in &mut w.split.pieces {
            piece.organizations.iter_mut().for_each(|o| *o = real(o));
            piece.unaffiliated.iter_mut().for_each(|p| *p = real(p));
        }
        w.split.lost_contact.iter_mut().for_each(|(a, b)| {
            *a = real(a);
            *b = real(b);
        });
        w
    });
    done(result);
}

/// Saves the map as network.png (drawn by the worker: asked for, downloaded
/// when it answers). `Err` with the reason when it cannot.
pub fn export_png() -> Result<(), String> {
    let Some(ctx) = CURRENT.with(|c| c.get()) else { return Err(t(PNG_FAILED)) };
    let local_url = ctx.backend.try_with_value(|b| match b {
        Backend::Worker { worker, ready: true, .. } => {
            let _ = worker.post_message(&map_js::plain("map-png"));
            Ok(None)
        }
        Backend::Local { ctx, .. } => ctx.canvas().and_then(|c| c.to_data_url().ok()).map(Some).ok_or_else(|| t(PNG_FAILED)),
        _ => Err(t(PNG_FAILED)),
    });
    match local_url {
        Some(Ok(Some(url))) => crate::browser::download::download_url("network.png", &url).map_err(|e| e.to_string()),
        Some(Ok(None)) => Ok(()),
        Some(Err(e)) => Err(e),
        None => Err(t(PNG_FAILED)),
    }
}

/// The network as the engine draws it.
fn graph_of(net: &Net) -> Graph {
    Graph {
        nodes: net
            .nodes
            .iter()
            .map(|nd| GraphNode { key: nd.node.clone(), name: nd.name.clone(), is_org: nd.is_org, sector: nd.sector.map_or(4, |s| s.index() as u8) })
            .collect(),
        links: net.links.iter().map(|l| GraphLink { a: l.a as u32, b: l.b as u32, trust: l.trust, directed: l.directed }).collect(),
        members: net.members.iter().map(|&(p, o)| (p as u32, o as u32)).collect(),
    }
}

/// What is shown and how.
fn look_of(net: &Net, shown: &Shown, analysis: Option<&super::Analyzed>, metric: Metric, selected: Option<Id>, presenter: bool) -> Look {
    Look {
        node: shown.node.clone(),
        link: shown.link.clone(),
        marked: shown.marked.clone(),
        found: shown.found.clone(),
        values: analysis.map(|a| net.nodes.iter().map(|nd| a.metric(&nd.node, metric)).collect()).unwrap_or_default(),
        selected: selected.and_then(|n| net.index.get(&n).map(|&i| i as u32)),
        presenter,
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
        camera: RwSignal::new(Camera::default()),
        size: RwSignal::new((0.0, 0.0)),
        canvas: NodeRef::new(),
        backend: StoredValue::new_local(Backend::None),
        helper: StoredValue::new_local(Backend::None),
        auto_fit: StoredValue::new(true),
        radii: StoredValue::new(Vec::new()),
        fit_zoom: StoredValue::new(1.0),
        settled: RwSignal::new(false),
    };
    let gesture = StoredValue::new(Gesture::Idle);
    // Some node has been dragged and is held where it was left.
    let pinned = RwSignal::new(false);
    let pointers = StoredValue::new(HashMap::<i32, (f64, f64)>::new());

    // The engine (in the map worker, or here) starts once the canvas is in the page.
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        if ctx.canvas.get().is_none() {
            return false;
        }
        CURRENT.with(|c| c.set(Some(ctx)));
        ctx.start();
        true
    });
    // The engine follows the network (the layout keeps known nodes where
    // they are), a task after the network changed: on a big network the
    // graph takes a while to write out for the worker.
    let drawn = super::later(move || (st.net.get(), st.shown.get()));
    let sent = StoredValue::new(None::<std::sync::Arc<Net>>);
    Effect::new(move |_| {
        let net = drawn.with(|(net, _)| std::sync::Arc::clone(net));
        // `drawn` also moves when only the filters do.
        if sent.with_value(|s| s.as_ref().is_some_and(|s| std::sync::Arc::ptr_eq(s, &net))) {
            return;
        }
        ctx.send(Order::Graph(graph_of(&net)));
        sent.set_value(Some(net));
    });
    // What is shown and how (of the same network as the graph sent).
    Effect::new(move |_| {
        let (net, shown) = drawn.get();
        let analysis = st.analysis.get();
        let look = look_of(&net, &shown, analysis.as_deref(), st.size_by.get(), st.selected.get(), st.presenter.get());
        ctx.send(Order::Look(look));
    });
    // The camera and the canvas size.
    Effect::new(move |_| {
        ctx.camera.track();
        ctx.size.track();
        ctx.send(Order::View(ctx.view()));
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
        CURRENT.with(|c| c.set(None));
        ctx.stop();
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
                    if id.is_some() {
                        ctx.auto_fit.set_value(false);
                        // Held here at once for hit tests; the engine follows.
                        st.positions.update_value(|p| {
                            if let Some(p) = p.get_mut(*node) {
                                *p = Point { x, y };
                            }
                        });
                        ctx.send(Order::View(ctx.view()));
                        ctx.send(Order::Pin(*node as u32, x, y));
                        if !pinned.get_untracked() {
                            pinned.set(true);
                        }
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
            "0" => ctx.fit(),
            _ => return,
        }
        ev.prevent_default();
    };

    let label = move || {
        let n = st.net.with(|n| n.nodes.len());
        t_args("map-label", &[("count", n.into())])
    };
    let count = move || {
        let total = st.net.with(|n| n.nodes.len());
        let shown = st.shown.with(|s| s.count);
        t_args("map-count", &[("shown", shown.into()), ("total", total.into())])
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
                    <button type="button" aria-label=tr!("zoom-in") on:click=move |_| ctx.zoom_by(ZOOM_STEP)>"+"</button>
                    <button type="button" aria-label=tr!("zoom-out") on:click=move |_| ctx.zoom_by(1.0 / ZOOM_STEP)>"−"</button>
                    <button type="button" on:click=move |_| ctx.fit()>{tr!("map-fit")}</button>
                    <button type="button" hidden=move || !pinned.get() on:click=move |_| {
                        ctx.send(Order::Release);
                        pinned.set(false);
                    }>{tr!("map-release")}</button>
                </div>
            </div>
            <p id="net-map-help" class="hint">
                {tr!("map-help")}
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
    let pos = st.positions.get_value();
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
        None => st.announcement.set(t("map-no-ties-here")),
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
        return t_args("map-caption-none", &[("highlight", h.name().into())]);
    }
    t_args("map-caption", &[("highlight", h.name().into()), ("names", names.join(", ").into())])
}

#[component]
fn Legend() -> impl IntoView {
    let sectors = [Some(Sector::Government), Some(Sector::Business), Some(Sector::CivilSociety), Some(Sector::Other), None];
    view! {
        <ul class="net-legend" aria-label=tr!("map-legend")>
            {sectors.into_iter().map(|s| view! { <li><ShapeIcon sector=s/>{move || sector_name(s)}</li> }).collect_view()}
            <li><span class="net-org-mark" aria-hidden="true"></span>{tr!("map-legend-org")}</li>
            <li><span class="net-member-mark" aria-hidden="true"></span>{tr!("map-legend-member")}</li>
            <li><span class="net-tie-mark" aria-hidden="true"></span>{tr!("map-legend-tie")}</li>
        </ul>
    }
}

#[component]
fn Controls(st: NetState, ctx: Ctx) -> impl IntoView {
    let _ = ctx;
    let sectors = [Some(Sector::Government), Some(Sector::Business), Some(Sector::CivilSociety), Some(Sector::Other), None];
    view! {
        <div class="net-controls">
            <label class="net-inline">
                {tr!("map-size-by")}
                <select on:change=move |ev| {
                    if let Some(m) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Metric::ALL.get(i)) {
                        st.size_by.set(*m);
                    }
                }>
                    {Metric::ALL.into_iter().enumerate().map(|(i, m)| view! { <option value=i.to_string() selected=move || st.size_by.get() == m>{move || m.name()}</option> }).collect_view()}
                </select>
            </label>
            <label class="net-inline">
                {tr!("map-highlight")}
                <select on:change=move |ev| {
                    if let Some(h) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Highlight::ALL.get(i)) {
                        st.highlight.set(*h);
                    }
                }>
                    {Highlight::ALL.into_iter().enumerate().map(|(i, h)| view! { <option value=i.to_string() selected=move || st.highlight.get() == h>{move || h.name()}</option> }).collect_view()}
                </select>
            </label>
            <label class="net-inline">
                {tr!("map-focus")}
                <select on:change=move |ev| st.focus.set(event_target_value(&ev).parse().unwrap_or(0))>
                    <option value="0">{tr!("map-focus-whole")}</option>
                    {(1..=3u32).map(|n| view! { <option value=n.to_string()>{move || t_args("map-focus-steps", &[("steps", n.into())])}</option> }).collect_view()}
                </select>
            </label>
            <label class="net-inline">
                {tr!("map-search")}
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
                <summary>{tr!("map-filters")}</summary>
                <fieldset>
                    <legend>{tr!("map-sectors")}</legend>
                    {sectors.into_iter().enumerate().map(|(i, sector)| view! {
                        <label class="net-check">
                            <input type="checkbox" prop:checked=move || st.sectors.get()[i]
                                on:change=move |ev| { let on = event_target_checked(&ev); st.sectors.update(|s| s[i] = on); }/>
                            {move || sector_name(sector)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>{tr!("map-kinds")}</legend>
                    {KINDS.into_iter().enumerate().map(|(i, k)| view! {
                        <label class="net-check">
                            <input type="checkbox" prop:checked=move || st.kinds.get()[i]
                                on:change=move |ev| { let on = event_target_checked(&ev); st.kinds.update(|s| s[i] = on); }/>
                            {move || kind_name(k)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="net-inline">
                    {tr!("map-min-trust")}
                    <select on:change=move |ev| st.min_trust.set(event_target_value(&ev).parse().unwrap_or(1))>
                        {(1..=5u8).map(|t| view! { <option value=t.to_string()>{t.to_string()}</option> }).collect_view()}
                    </select>
                </label>
            </details>
        </div>
    }
}
