//! The map's messages between the page and the map worker (a second instance
//! of the analysis worker; see [`crate::map`]).
//!
//! Page to worker: `{ type: "map-canvas", protocol, canvas: OffscreenCanvas }`
//! (transferred, once); `{ type: "map-graph", isOrg, sector, ids, names,
//! trust, directed: Uint8Array, idEnds, nameEnds, ends, members: Uint32Array }`
//! (the [`Graph`] as a [`GraphWire`], buffers transferred, when the network
//! changes); `{ type: "map-look", node, link,
//! marked, found: Uint8Array, values: Float64Array, selected: number (−1:
//! none), presenter: boolean }`; `{ type: "map-view", x, y, zoom, width,
//! height, ratio, autoFit }`; `{ type: "map-pin", index, x, y }`;
//! `{ type: "map-release" }`; `{ type: "map-png" }`; `{ type: "map-whatif",
//! ask, node, …the analysis request's arrays }` (what disconnects if node
//! `node`, numbered as in the request, leaves); `{ type: "map-parse", ask,
//! format, mainName, mainText, companionName?, companionText? }` (network files
//! for "Import network").
//!
//! Worker to page: `{ type: "map-frame", positions: Float32Array, radii:
//! Float32Array, pinned: Uint32Array, x, y, zoom, autoFit, fitZoom, settled,
//! tookMs }` after each frame drawn (buffers transferred);
//! `{ type: "map-png", blob }`; `{ type: "map-whatif", ask, whatIf: string
//! }` (the `WhatIf` as JSON, ids `o<i>`/`p<k>` as in `wire::Request::to_network`)
//! or `{ type: "map-whatif", ask, message }`; `{ type: "map-parsed", ask,
//! organizations, people, ties: string[] }` (JSON arrays of at most
//! `map::PARSED_PART` entries each, read by the page a part per task), or
//! `{ type: "map-parsed", ask, problems: string }` (JSON: `ImportProblem`s,
//! structured), or `{ type: "map-parsed", ask, unreadable: string }` (the
//! name of a file that could not be read);
//! `{ type: "map-error", message }`.

use js_sys::{Array, Float32Array, Float64Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::map::{FrameOut, Graph, GraphWire, Look, View};
use crate::wire::PROTOCOL;
use crate::problems::WordedProblem;
use constellation_core::network::files::ImportProblem;

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn number(obj: &JsValue, key: &str) -> Result<f64, String> {
    get(obj, key).as_f64().ok_or_else(|| format!("{key} is not a number"))
}

fn message(kind: &str) -> Object {
    let obj = Object::new();
    set(&obj, "type", &JsValue::from_str(kind));
    set(&obj, "protocol", &JsValue::from(PROTOCOL));
    obj
}

fn bools(v: &[bool]) -> Uint8Array {
    let bytes: Vec<u8> = v.iter().map(|b| u8::from(*b)).collect();
    Uint8Array::from(&bytes[..])
}

fn read_bools(obj: &JsValue, key: &str) -> Result<Vec<bool>, String> {
    get(obj, key).dyn_into::<Uint8Array>().map(|a| a.to_vec().into_iter().map(|b| b != 0).collect()).map_err(|_| format!("{key} is not a Uint8Array"))
}

/// The canvas to draw into, handed over.
pub fn canvas(canvas: &web_sys::OffscreenCanvas) -> (JsValue, Array) {
    let obj = message("map-canvas");
    set(&obj, "canvas", canvas);
    (obj.into(), Array::of1(canvas))
}

pub fn read_canvas(msg: &JsValue) -> Result<web_sys::OffscreenCanvas, String> {
    get(msg, "canvas").dyn_into::<web_sys::OffscreenCanvas>().map_err(|_| "canvas is not an OffscreenCanvas".to_string())
}

/// The graph as typed arrays ([`GraphWire`]), with the buffers to transfer.
pub fn graph(g: &Graph) -> (JsValue, Array) {
    let w = GraphWire::from_graph(g);
    let obj = message("map-graph");
    let transfer = Array::new();
    let put = |key: &str, a: JsValue, buffer: JsValue| {
        transfer.push(&buffer);
        set(&obj, key, &a);
    };
    for (key, v) in [("isOrg", &w.is_org), ("sector", &w.sector), ("ids", &w.ids), ("names", &w.names), ("trust", &w.trust), ("directed", &w.directed)] {
        let a = Uint8Array::from(&v[..]);
        put(key, a.clone().into(), a.buffer().into());
    }
    for (key, v) in [("idEnds", &w.id_ends), ("nameEnds", &w.name_ends), ("ends", &w.ends), ("members", &w.members)] {
        let a = Uint32Array::from(&v[..]);
        put(key, a.clone().into(), a.buffer().into());
    }
    (obj.into(), transfer)
}

pub fn read_graph(msg: &JsValue) -> Result<Graph, String> {
    let u8s = |key: &str| get(msg, key).dyn_into::<Uint8Array>().map(|a| a.to_vec()).map_err(|_| format!("graph: {key} is not a Uint8Array"));
    let u32s = |key: &str| get(msg, key).dyn_into::<Uint32Array>().map(|a| a.to_vec()).map_err(|_| format!("graph: {key} is not a Uint32Array"));
    GraphWire {
        is_org: u8s("isOrg")?,
        sector: u8s("sector")?,
        ids: u8s("ids")?,
        id_ends: u32s("idEnds")?,
        names: u8s("names")?,
        name_ends: u32s("nameEnds")?,
        ends: u32s("ends")?,
        trust: u8s("trust")?,
        directed: u8s("directed")?,
        members: u32s("members")?,
    }
    .to_graph()
}

/// A look, with the buffers to transfer.
pub fn look(l: &Look) -> (JsValue, Array) {
    let obj = message("map-look");
    let transfer = Array::new();
    for (key, v) in [("node", &l.node), ("link", &l.link), ("marked", &l.marked), ("found", &l.found)] {
        let a = bools(v);
        transfer.push(&a.buffer());
        set(&obj, key, &a);
    }
    let values = Float64Array::from(&l.values[..]);
    transfer.push(&values.buffer());
    set(&obj, "values", &values);
    set(&obj, "selected", &JsValue::from(l.selected.map_or(-1.0, f64::from)));
    set(&obj, "presenter", &JsValue::from(l.presenter));
    (obj.into(), transfer)
}

pub fn read_look(msg: &JsValue) -> Result<Look, String> {
    let selected = number(msg, "selected")?;
    Ok(Look {
        node: read_bools(msg, "node")?,
        link: read_bools(msg, "link")?,
        marked: read_bools(msg, "marked")?,
        found: read_bools(msg, "found")?,
        values: get(msg, "values").dyn_into::<Float64Array>().map(|a| a.to_vec()).map_err(|_| "values is not a Float64Array".to_string())?,
        selected: (selected >= 0.0).then_some(selected as u32),
        presenter: get(msg, "presenter").as_bool().unwrap_or(false),
    })
}

fn put_view(obj: &Object, v: &View) {
    for (key, x) in [("x", v.x), ("y", v.y), ("zoom", v.zoom), ("width", v.width), ("height", v.height), ("ratio", v.ratio)] {
        set(obj, key, &JsValue::from(x));
    }
    set(obj, "autoFit", &JsValue::from(v.auto_fit));
}

fn take_view(msg: &JsValue) -> Result<View, String> {
    Ok(View {
        x: number(msg, "x")?,
        y: number(msg, "y")?,
        zoom: number(msg, "zoom")?,
        width: number(msg, "width")?,
        height: number(msg, "height")?,
        ratio: number(msg, "ratio")?,
        auto_fit: get(msg, "autoFit").as_bool().unwrap_or(false),
    })
}

pub fn view(v: &View) -> JsValue {
    let obj = message("map-view");
    put_view(&obj, v);
    obj.into()
}

pub fn read_view(msg: &JsValue) -> Result<View, String> {
    take_view(msg)
}

pub fn pin(index: u32, x: f64, y: f64) -> JsValue {
    let obj = message("map-pin");
    set(&obj, "index", &JsValue::from(index));
    set(&obj, "x", &JsValue::from(x));
    set(&obj, "y", &JsValue::from(y));
    obj.into()
}

pub fn read_pin(msg: &JsValue) -> Result<(u32, f64, f64), String> {
    Ok((number(msg, "index")? as u32, number(msg, "x")?, number(msg, "y")?))
}

/// A message with nothing but its type ("map-release", "map-png" asked).
pub fn plain(kind: &str) -> JsValue {
    message(kind).into()
}

/// A drawn frame, with the buffers to transfer.
pub fn frame(f: &FrameOut) -> (JsValue, Array) {
    let obj = message("map-frame");
    let positions = Float32Array::from(&f.positions[..]);
    let radii = Float32Array::from(&f.radii[..]);
    let pinned = Uint32Array::from(&f.pinned[..]);
    set(&obj, "positions", &positions);
    set(&obj, "radii", &radii);
    set(&obj, "pinned", &pinned);
    put_view(&obj, &f.view);
    set(&obj, "fitZoom", &JsValue::from(f.fit_zoom));
    set(&obj, "settled", &JsValue::from(f.settled));
    set(&obj, "tookMs", &JsValue::from(f.took_ms));
    (obj.into(), Array::of3(&positions.buffer(), &radii.buffer(), &pinned.buffer()))
}

pub fn read_frame(msg: &JsValue) -> Result<FrameOut, String> {
    let f32s = |key: &str| get(msg, key).dyn_into::<Float32Array>().map(|a| a.to_vec()).map_err(|_| format!("{key} is not a Float32Array"));
    Ok(FrameOut {
        positions: f32s("positions")?,
        radii: f32s("radii")?,
        pinned: get(msg, "pinned").dyn_into::<Uint32Array>().map(|a| a.to_vec()).map_err(|_| "pinned is not a Uint32Array".to_string())?,
        view: take_view(msg)?,
        fit_zoom: number(msg, "fitZoom")?,
        settled: get(msg, "settled").as_bool().unwrap_or(false),
        took_ms: number(msg, "tookMs").unwrap_or(0.0),
    })
}

/// The map as a PNG.
pub fn png(blob: &web_sys::Blob) -> JsValue {
    let obj = message("map-png");
    set(&obj, "blob", blob);
    obj.into()
}

pub fn read_png(msg: &JsValue) -> Option<web_sys::Blob> {
    get(msg, "blob").dyn_into::<web_sys::Blob>().ok()
}

pub fn error(failure: MapFailure, detail: &str) -> JsValue {
    let obj = message("map-error");
    set(&obj, "id", &JsValue::from_str(failure.message_id()));
    set(&obj, "message", &JsValue::from_str(detail));
    obj.into()
}

/// What went wrong in the map worker, for the page to word from its catalogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapFailure {
    /// The canvas could not be drawn on here.
    CannotDraw,
    /// The graph could not be laid out.
    Layout,
    /// A message from the page could not be read.
    BadMessage,
    /// The picture could not be made.
    Png,
}

impl MapFailure {
    pub const ALL: [MapFailure; 4] = [MapFailure::CannotDraw, MapFailure::Layout, MapFailure::BadMessage, MapFailure::Png];

    /// The catalog message (its `$error` is the detail, when it has one).
    pub fn message_id(self) -> &'static str {
        match self {
            MapFailure::CannotDraw => "map-cannot-draw",
            MapFailure::Layout => "map-layout-failed",
            MapFailure::BadMessage => "map-bad-message",
            MapFailure::Png => "map-png-failed",
        }
    }
}

/// A "map-error" message's catalog id and detail.
pub fn read_error(msg: &JsValue) -> (String, String) {
    let id = get(msg, "id").as_string().unwrap_or_else(|| MapFailure::BadMessage.message_id().to_owned());
    (id, get(msg, "message").as_string().unwrap_or_default())
}

/// Asks what disconnects if node `node` (numbered as in the request) leaves.
pub fn what_if(ask: u32, req: &crate::wire::Request, node: u32) -> (JsValue, Array) {
    let (msg, transfer) = crate::js::encode_request(req);
    set(msg.unchecked_ref(), "type", &JsValue::from_str("map-whatif"));
    set(msg.unchecked_ref(), "ask", &JsValue::from(ask));
    set(msg.unchecked_ref(), "node", &JsValue::from(node));
    (msg, transfer)
}

/// Answers a what-if message: the `WhatIf` as JSON, or why not.
pub fn answer_what_if(msg: &JsValue) -> JsValue {
    let ask = get(msg, "ask");
    let result = crate::js::decode_request(msg)
        .and_then(|req| Ok((number(msg, "node")? as u32, req)))
        .and_then(|(node, req)| crate::map::what_if(&req, node));
    let obj = message("map-whatif");
    set(&obj, "ask", &ask);
    match result {
        Ok(json) => set(&obj, "whatIf", &JsValue::from_str(&json)),
        Err(e) => set(&obj, "message", &JsValue::from_str(&e)),
    }
    obj.into()
}

/// Reads a what-if answer: (ask, the what-if or why not).
pub fn read_what_if(msg: &JsValue) -> Option<(u32, Result<constellation_core::network::WhatIf, String>)> {
    let ask = get(msg, "ask").as_f64()? as u32;
    let answer = match get(msg, "whatIf").as_string() {
        Some(json) => serde_json::from_str(&json).map_err(|e| format!("the what-if answered in a form the page cannot read: {e}")),
        None => Err(get(msg, "message").as_string().unwrap_or_default()),
    };
    Some((ask, answer))
}

/// Asks the worker to read network files. The files themselves cross (a
/// `File` is cloned by reference, not copied), so the page never holds
/// their text.
pub fn parse(ask: u32, format: constellation_core::network::files::NetworkFormat, main: &web_sys::File, companion: Option<&web_sys::File>) -> JsValue {
    let obj = message("map-parse");
    set(&obj, "ask", &JsValue::from(ask));
    set(&obj, "format", &JsValue::from_str(&serde_json::to_string(&format).unwrap_or_default()));
    set(&obj, "main", main);
    if let Some(file) = companion {
        set(&obj, "companion", file);
    }
    obj.into()
}

/// Answers a "map-parse" message: the files are read here, synchronously
/// (`FileReaderSync`, workers only), parsed and checked.
pub fn answer_parse(msg: &JsValue) -> JsValue {
    let reply = message("map-parsed");
    set(&reply, "ask", &get(msg, "ask"));
    let file = |key: &str| get(msg, key).dyn_into::<web_sys::File>().ok();
    let Some(main) = file("main") else {
        set(&reply, "unreadable", &JsValue::from_str(""));
        return reply.into();
    };
    let companion = file("companion");
    let reader = web_sys::FileReaderSync::new().ok();
    let read = |f: &web_sys::File| reader.as_ref().and_then(|r| r.read_as_text(f).ok());
    let mut texts = Vec::new();
    for f in std::iter::once(&main).chain(companion.as_ref()) {
        match read(f) {
            Some(text) => texts.push((f.name(), text)),
            None => {
                set(&reply, "unreadable", &JsValue::from_str(&f.name()));
                return reply.into();
            }
        }
    }
    let result = match serde_json::from_str(&get(msg, "format").as_string().unwrap_or_default()) {
        Ok(format) => {
            let main = (texts[0].0.as_str(), texts[0].1.as_str());
            crate::map::parse_files(format, main, texts.get(1).map(|(n, t)| (n.as_str(), t.as_str())))
        }
        Err(e) => {
            let problem = wire_problem(&main.name(), e);
            set(&reply, "problems", &JsValue::from_str(&serde_json::to_string(&[problem]).unwrap_or_default()));
            return reply.into();
        }
    };
    match result {
        Ok(parts) => {
            let list = |parts: &[String]| parts.iter().map(|p| JsValue::from_str(p)).collect::<Array>();
            set(&reply, "organizations", &list(&parts.organizations));
            set(&reply, "people", &list(&parts.people));
            set(&reply, "ties", &list(&parts.ties));
        }
        Err(problems) => set(&reply, "problems", &JsValue::from_str(&problems_json(&problems))),
    }
    reply.into()
}

/// A "map-parsed" answer as the page reads it.
pub enum Parsed {
    /// The network, in parts still to be read ([`ParsedJs::read_into`]).
    Network(ParsedJs),
    Problems(Vec<WordedProblem>),
    /// This file could not be read (empty: none was sent).
    Unreadable(String),
}

/// The parts of a parsed network, as JSON strings still in JavaScript: each
/// is copied into the page's memory and read only when its turn comes.
pub struct ParsedJs {
    lists: [Array; 3],
}

impl ParsedJs {
    /// How many parts there are.
    pub fn parts(&self) -> usize {
        self.lists.iter().map(|l| l.length() as usize).sum()
    }

    /// Reads part `i` (organizations first, then people, then ties) into
    /// `network`.
    pub fn read_into(&self, mut i: usize, network: &mut constellation_core::network::Network) -> Result<(), WordedProblem> {
        for (list, parts) in self.lists.iter().enumerate() {
            let n = parts.length() as usize;
            if i < n {
                let json = parts.get(i as u32).as_string().unwrap_or_default();
                return crate::map::read_part(list, &json, network).map_err(|e| wire_problem("", e));
            }
            i -= n;
        }
        Ok(())
    }
}

/// Reads a "map-parsed" answer.
pub fn read_parsed(msg: &JsValue) -> Parsed {
    if let Some(name) = get(msg, "unreadable").as_string() {
        return Parsed::Unreadable(name);
    }
    if let Some(json) = get(msg, "problems").as_string() {
        return Parsed::Problems(serde_json::from_str(&json).unwrap_or_else(|e| vec![wire_problem("", e)]));
    }
    let list = |key: &str| get(msg, key).dyn_into::<Array>().unwrap_or_default();
    Parsed::Network(ParsedJs { lists: [list("organizations"), list("people"), list("ties")] })
}

/// An import's problems as they cross to the page: JSON of
/// [`WordedProblem`]s (file, line, field, and the catalog message with its
/// arguments), which the page words in its language.
pub fn problems_json(problems: &[ImportProblem]) -> String {
    let worded: Vec<WordedProblem> = problems.iter().map(WordedProblem::from).collect();
    serde_json::to_string(&worded).unwrap_or_else(|_| "[]".into())
}

/// A message between the page and the worker that could not be read, as an
/// import problem of the file.
fn wire_problem(file: &str, e: serde_json::Error) -> WordedProblem {
    let reason = constellation_core::network::files::ImportReason::BadJson { detail: e.to_string() };
    WordedProblem::from(&ImportProblem { file: file.to_string(), line: None, field: None, column: None, reason })
}

/// The number of a "map-parsed" answer.
pub fn read_parsed_ask(msg: &JsValue) -> Option<u32> {
    get(msg, "ask").as_f64().map(|a| a as u32)
}
