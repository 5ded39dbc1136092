//! The wire types as JavaScript messages. The bulk travels as typed arrays
//! whose buffers are transferred (moved, not copied) with `postMessage`; the
//! digest, a few kilobytes, as a JSON string.
//!
//! Request: `{ type: "analyze", protocol, rev, orgSector: Uint8Array,
//! personOrg: Uint32Array, personLevel: Uint8Array, tieFrom: Uint32Array,
//! tieTo: Uint32Array, tieTrust: Uint8Array, tieKind: Uint8Array,
//! tieDirected: Uint8Array, names: Uint8Array, nameEnds: Uint32Array }`.
//! Answers: `{ type: "ready", protocol }` once the worker listens;
//! `{ type: "result", protocol, rev, tookMs, nodes, metrics: Float64Array, digest: string }`;
//! `{ type: "error", protocol, rev, message }`.

use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::wire::{Digest, Request, Response, PROTOCOL};

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn u8s(obj: &JsValue, key: &str) -> Result<Vec<u8>, String> {
    get(obj, key).dyn_into::<Uint8Array>().map(|a| a.to_vec()).map_err(|_| format!("{key} is not a Uint8Array"))
}

fn u32s(obj: &JsValue, key: &str) -> Result<Vec<u32>, String> {
    get(obj, key).dyn_into::<Uint32Array>().map(|a| a.to_vec()).map_err(|_| format!("{key} is not a Uint32Array"))
}

fn number(obj: &JsValue, key: &str) -> Result<f64, String> {
    get(obj, key).as_f64().ok_or_else(|| format!("{key} is not a number"))
}

/// The message's type ("analyze", "ready", "result", "error"), if any.
pub fn kind(msg: &JsValue) -> Option<String> {
    get(msg, "type").as_string()
}

/// The protocol the other side speaks.
pub fn protocol(msg: &JsValue) -> Option<u32> {
    get(msg, "protocol").as_f64().map(|p| p as u32)
}

/// The revision a message is about.
pub fn rev(msg: &JsValue) -> Option<u32> {
    get(msg, "rev").as_f64().map(|r| r as u32)
}

fn message(kind: &str) -> Object {
    let obj = Object::new();
    set(&obj, "type", &JsValue::from_str(kind));
    set(&obj, "protocol", &JsValue::from(PROTOCOL));
    obj
}

/// "I am listening."
pub fn ready() -> JsValue {
    message("ready").into()
}

/// A request as a message, with the buffers to transfer.
pub fn encode_request(r: &Request) -> (JsValue, Array) {
    let obj = message("analyze");
    let transfer = Array::new();
    set(&obj, "rev", &JsValue::from(r.rev));
    let put8 = |key: &str, v: &[u8]| {
        let a = Uint8Array::from(v);
        transfer.push(&a.buffer());
        set(&obj, key, &a);
    };
    put8("orgSector", &r.org_sector);
    put8("personLevel", &r.person_level);
    put8("tieTrust", &r.tie_trust);
    put8("tieKind", &r.tie_kind);
    put8("tieDirected", &r.tie_directed);
    put8("names", &r.names);
    let put32 = |key: &str, v: &[u32]| {
        let a = Uint32Array::from(v);
        transfer.push(&a.buffer());
        set(&obj, key, &a);
    };
    put32("personOrg", &r.person_org);
    put32("tieFrom", &r.tie_from);
    put32("tieTo", &r.tie_to);
    put32("nameEnds", &r.name_ends);
    (obj.into(), transfer)
}

/// Reads a request message.
pub fn decode_request(msg: &JsValue) -> Result<Request, String> {
    if protocol(msg) != Some(PROTOCOL) {
        return Err(format!("the page speaks protocol {:?}, this worker {PROTOCOL}", protocol(msg)));
    }
    Ok(Request {
        rev: number(msg, "rev")? as u32,
        org_sector: u8s(msg, "orgSector")?,
        person_org: u32s(msg, "personOrg")?,
        person_level: u8s(msg, "personLevel")?,
        tie_from: u32s(msg, "tieFrom")?,
        tie_to: u32s(msg, "tieTo")?,
        tie_trust: u8s(msg, "tieTrust")?,
        tie_kind: u8s(msg, "tieKind")?,
        tie_directed: u8s(msg, "tieDirected")?,
        names: u8s(msg, "names")?,
        name_ends: u32s(msg, "nameEnds")?,
    })
}

/// An answer as a message, with the buffer to transfer.
pub fn encode_response(r: &Response) -> (JsValue, Array) {
    let obj = message("result");
    set(&obj, "rev", &JsValue::from(r.rev));
    set(&obj, "tookMs", &JsValue::from(r.took_ms));
    set(&obj, "nodes", &JsValue::from(r.nodes as u32));
    let metrics = Float64Array::from(&r.metrics[..]);
    set(&obj, "metrics", &metrics);
    set(&obj, "digest", &JsValue::from_str(&serde_json::to_string(&r.digest).unwrap_or_default()));
    let transfer = Array::of1(&metrics.buffer());
    (obj.into(), transfer)
}

/// Why a revision was not analyzed, as a message.
pub fn encode_error(rev: Option<u32>, text: &str) -> JsValue {
    let obj = message("error");
    if let Some(rev) = rev {
        set(&obj, "rev", &JsValue::from(rev));
    }
    set(&obj, "message", &JsValue::from_str(text));
    obj.into()
}

/// Reads an answer message.
pub fn decode_response(msg: &JsValue) -> Result<Response, String> {
    let nodes = number(msg, "nodes")? as usize;
    let metrics = get(msg, "metrics")
        .dyn_into::<Float64Array>()
        .map(|a| a.to_vec())
        .map_err(|_| "metrics is not a Float64Array".to_string())?;
    if metrics.len() != nodes * crate::wire::Column::COUNT {
        return Err(format!("metrics has {} values for {nodes} nodes", metrics.len()));
    }
    let digest: Digest = serde_json::from_str(&get(msg, "digest").as_string().unwrap_or_default())
        .map_err(|e| format!("digest: {e}"))?;
    Ok(Response { rev: number(msg, "rev")? as u32, took_ms: number(msg, "tookMs")?, nodes, metrics, digest })
}

/// The text of an error message.
pub fn error_text(msg: &JsValue) -> String {
    get(msg, "message").as_string().unwrap_or_else(|| "the analysis failed".into())
}
