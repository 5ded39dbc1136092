//! The page's side of the analysis worker (crates/analysis-worker): started
//! when the Network section opens (so its wasm is never part of the first
//! load), sent each revision of the network as typed arrays, its answers
//! turned into [`Analyzed`]. The page never runs the analysis itself.
//!
//! At most one request is with the worker and at most one waits (the newest);
//! an answer is shown only if no newer revision's answer has been shown, and
//! one that arrives during a gesture on the map waits for the gesture's end.

use std::sync::Arc;

use constellation_analysis_worker::js as msg;
use constellation_analysis_worker::wire::{Column, Digest, Request, Response, PROTOCOL};
use constellation_core::network::{NodeRef, Role, RoleCounts};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{Metric, Net, NetState};

/// The analysis request for the view's network, from the node numbers the
/// view has already worked out (organizations first, then people, as
/// `Request::from_network` numbers them; the room's network is valid, so
/// every tie is a link): no id is looked up again.
pub fn request_of(rev: u32, net: &Net) -> Request {
    use constellation_analysis_worker::wire::{KINDS, LEVELS, NO_ORG};
    let orgs = net.nodes.iter().take_while(|n| n.is_org).count();
    let people = &net.stored.network.people;
    let mut names = Vec::new();
    let mut name_ends = Vec::with_capacity(net.nodes.len());
    for node in &net.nodes {
        names.extend_from_slice(node.name.as_bytes());
        name_ends.push(names.len() as u32);
    }
    Request {
        rev,
        org_sector: net.nodes[..orgs].iter().map(|n| n.sector.map_or(3, |s| s.index() as u8)).collect(),
        person_org: net.nodes[orgs..].iter().map(|n| n.org.map_or(NO_ORG, |o| o as u32)).collect(),
        person_level: people.iter().map(|p| p.level.map_or(0, |l| 1 + LEVELS.iter().position(|x| *x == l).unwrap_or(0) as u8)).collect(),
        tie_from: net.links.iter().map(|l| l.a as u32).collect(),
        tie_to: net.links.iter().map(|l| l.b as u32).collect(),
        tie_trust: net.links.iter().map(|l| l.trust).collect(),
        tie_kind: net.links.iter().map(|l| KINDS.iter().position(|k| *k == l.kind).unwrap_or(4) as u8).collect(),
        tie_directed: net.links.iter().map(|l| u8::from(l.directed)).collect(),
        names,
        name_ends,
    }
}
use crate::i18n::{t, t_args};

/// Where the worker's loader is when index.html does not say (debug builds:
/// trunk names worker files after the crate, without a hash).
const DEFAULT_URL: &str = "/constellation-analysis-worker_loader.js";
/// The meta element a release build adds (scripts/wasm-opt.sh): the hashed
/// loader, script and wasm, separated by spaces; the loader comes first.
const META: &str = "meta[name=\"constellation-analysis-worker\"]";

/// The message id for an analysis that could not start (with why).
const CANNOT_START: &str = "worker-cannot-start";

/// The last analysis shown, with the network it was computed on.
pub struct Analyzed {
    pub rev: u32,
    /// The network of that revision: node numbers in the answer are its indices.
    pub net: Arc<Net>,
    pub res: Response,
}

impl Analyzed {
    fn index(&self, node: &NodeRef) -> Option<usize> {
        self.net.index.get(node).copied()
    }
    /// A measure of a node; `None` when unknown or undefined.
    pub fn value(&self, node: &NodeRef, c: Column) -> Option<f64> {
        let v = self.res.get(self.index(node)?, c);
        (!v.is_nan()).then_some(v)
    }
    /// A person's brokerage roles, with sectors (`by_org` false) or organizations as groups.
    pub fn roles(&self, node: &NodeRef, by_org: bool) -> RoleCounts {
        let get = |r: Role| {
            let c = if by_org { Column::OrgRole(r) } else { Column::SectorRole(r) };
            self.value(node, c).unwrap_or(0.0) as u64
        };
        RoleCounts {
            coordinator: get(Role::Coordinator),
            itinerant: get(Role::Itinerant),
            representative: get(Role::Representative),
            gatekeeper: get(Role::Gatekeeper),
            liaison: get(Role::Liaison),
        }
    }
    /// The value of a size metric for a node (0 when unknown).
    pub fn metric(&self, node: &NodeRef, m: Metric) -> f64 {
        let c = match m {
            Metric::Degree => Column::Degree,
            Metric::Betweenness => Column::Betweenness,
            Metric::WeightedBetweenness => Column::WeightedBetweenness,
            Metric::Closeness => Column::Closeness,
            Metric::Eigenvector => Column::Eigenvector,
            Metric::Brokerage => return self.roles(node, false).across_groups() as f64,
        };
        self.value(node, c).unwrap_or(0.0)
    }
    pub fn digest(&self) -> &Digest {
        &self.res.digest
    }
    /// The node a number in the answer names.
    pub fn node(&self, i: u32) -> Option<&NodeRef> {
        self.net.nodes.get(i as usize).map(|n| &n.node)
    }
    /// How long the worker took (ms).
    pub fn took_ms(&self) -> f64 {
        self.res.took_ms
    }
}

struct Link {
    worker: web_sys::Worker,
    ready: bool,
    /// The revision the worker is analyzing, with its network.
    busy: Option<(u32, Arc<Net>)>,
    /// The newest revision not sent yet.
    pending: Option<(u32, Arc<Net>)>,
    /// An answer that came during a gesture.
    held: Option<Analyzed>,
    /// The newest revision the page has (sent or not).
    latest: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The running worker. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AnalysisWorker {
    link: StoredValue<Option<Link>, LocalStorage>,
    st: NetState,
}

/// The worker's loader (the map starts a second instance of it).
pub(super) fn worker_url() -> String {
    document()
        .query_selector(META)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .and_then(|c| c.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| DEFAULT_URL.to_string())
}

impl AnalysisWorker {
    /// Starts the worker (fetching its files) for the section's state.
    pub fn start(st: NetState) -> AnalysisWorker {
        let link = StoredValue::new_local(None::<Link>);
        let me = AnalysisWorker { link, st };
        let worker = match web_sys::Worker::new(&worker_url()) {
            Ok(w) => w,
            Err(e) => {
                let why = e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())));
                st.announcement.set(t_args(CANNOT_START, &[("why", why.unwrap_or_default().into())]));
                st.stale.set(false);
                return me;
            }
        };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| me.receive(ev.data()));
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let text = ev.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).filter(|m| !m.is_empty());
            st.announcement.set(t_args(CANNOT_START, &[("why", text.unwrap_or_else(|| t("worker-files-not-loaded")).into())]));
            st.stale.set(false);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        link.set_value(Some(Link {
            worker,
            ready: false,
            busy: None,
            pending: None,
            held: None,
            latest: 0,
            _on_message: on_message,
            _on_error: on_error,
        }));
        me
    }

    /// Asks for an analysis of revision `rev` (newer than any before).
    pub fn submit(self, rev: u32, net: Arc<Net>) {
        self.link.update_value(|l| {
            if let Some(l) = l {
                l.latest = rev;
                l.pending = Some((rev, net));
            }
        });
        self.pump();
    }

    /// Sends the waiting revision if the worker is free.
    fn pump(self) {
        let st = self.st;
        let failed = self.link.try_update_value(|l| {
            let l = l.as_mut()?;
            if !l.ready || l.busy.is_some() {
                return None;
            }
            let (rev, net) = l.pending.take()?;
            let req = request_of(rev, &net);
            let (m, transfer) = msg::encode_request(&req);
            match l.worker.post_message_with_transfer(&m, &transfer) {
                Ok(()) => {
                    l.busy = Some((rev, net));
                    None
                }
                Err(_) => Some(t("worker-not-sent")),
            }
        });
        if let Some(Some(e)) = failed {
            st.stale.set(false);
            st.announcement.set(t_args("worker-failed", &[("error", e.to_string().into())]));
        }
    }

    fn receive(self, data: JsValue) {
        let st = self.st;
        match msg::kind(&data).as_deref() {
            Some("ready") => {
                if msg::protocol(&data) != Some(PROTOCOL) {
                    st.announcement.set(t("worker-other-version"));
                    return;
                }
                self.link.update_value(|l| {
                    if let Some(l) = l {
                        l.ready = true;
                    }
                });
            }
            Some("result") => {
                let rev = msg::rev(&data);
                // The network of that revision, if it is the one the worker had.
                let net = self.link.try_update_value(|l| {
                    let l = l.as_mut()?;
                    match &l.busy {
                        Some((r, _)) if Some(*r) == rev => l.busy.take().map(|(_, n)| n),
                        _ => None,
                    }
                });
                match (net.flatten(), msg::decode_response(&data)) {
                    (Some(net), Ok(res)) => self.show(Analyzed { rev: res.rev, net, res }),
                    (Some(_), Err(e)) => st.announcement.set(t_args("worker-bad-answer", &[("error", e.to_string().into())])),
                    // An answer for a revision no longer waited for: dropped.
                    (None, _) => {}
                }
            }
            Some("error") => {
                let rev = msg::rev(&data);
                self.link.update_value(|l| {
                    if let Some(l) = l {
                        if l.busy.as_ref().map(|b| b.0) == rev {
                            l.busy = None;
                        }
                    }
                });
                st.stale.set(false);
                st.announcement.set(t_args("worker-failed", &[("error", msg::error_text(&data).into())]));
            }
            _ => {}
        }
        self.pump();
    }

    /// Shows an answer unless a newer one is shown, or holds it during a gesture.
    fn show(self, a: Analyzed) {
        let st = self.st;
        if st.analysis.with_untracked(|cur| cur.as_ref().is_some_and(|c| c.rev >= a.rev)) {
            return;
        }
        if st.busy.get_untracked() {
            self.link.update_value(|l| {
                if let Some(l) = l {
                    l.held = Some(a);
                }
            });
            return;
        }
        let latest = self.link.with_value(|l| l.as_ref().map_or(a.rev, |l| l.latest));
        st.stale.set(a.rev < latest);
        st.analysis.set(Some(Arc::new(a)));
    }

    /// Shows an answer held back during a gesture.
    pub fn release(self) {
        if let Some(Some(a)) = self.link.try_update_value(|l| l.as_mut().and_then(|l| l.held.take())) {
            self.show(a);
        }
    }

    pub fn stop(self) {
        if let Some(Some(l)) = self.link.try_update_value(|l| l.take()) {
            l.worker.set_onmessage(None);
            l.worker.terminate();
        }
    }
}
