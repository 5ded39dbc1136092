//! The network section: a live map of the coalition's people and organizations
//! (a canvas drawn in Rust), the forms that add to it (quick entry for phones,
//! organization, person, tie, merge), a details panel, a sortable table (the
//! map's accessible twin), the health summary in words, and file import/export.
//!
//! Every rule is `constellation_core::network`'s: edits go through
//! [`LiveRoom::edit`], the analysis is `network::analyze` (in a worker) and `what_if`, the
//! layout is `network::layout::Layout`. This module turns the room's network
//! into what the parts draw ([`Net`]), sends it to the analysis worker 300 ms
//! after the last change ([`worker`]: the analysis never runs on the page's
//! thread), and holds the view's choices.

mod files;
mod forms;
mod map;
mod panel;
mod svg;
mod undo;
mod worker;
mod words;

use rustc_hash::FxHashMap;
use std::sync::Arc;

use constellation_analysis_worker::wire::Column;
use constellation_core::network::{NodeRef, Sector, StoredNetwork, TieKind};
use gloo::timers::callback::Timeout;
use leptos::prelude::*;

use crate::i18n::t_args;
use crate::live::LiveRoom;
use crate::tr;
use crate::room::use_live_room;

pub use worker::Analyzed;

/// Wait after the last change before the analysis reruns (ms).
const ANALYSIS_DELAY_MS: u32 = 300;
/// An analysis slower than this is reported (ms).
const SLOW_ANALYSIS_MS: f64 = 100.0;

/// One node of the map: an organization or a person.
#[derive(Debug, Clone)]
pub struct Node {
    pub node: NodeRef,
    pub name: String,
    pub is_org: bool,
    /// An organization's sector; a person's organization's.
    pub sector: Option<Sector>,
    /// A person's organization, as a node index.
    pub org: Option<usize>,
}

/// One tie, by node index.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub kind: TieKind,
    pub trust: u8,
    pub directed: bool,
}

/// The room's network as the view reads it: organizations first, then people.
#[derive(Debug, Default)]
pub struct Net {
    pub stored: Arc<StoredNetwork>,
    pub nodes: Vec<Node>,
    pub index: FxHashMap<NodeRef, usize>,
    /// The ties, in the network's order.
    pub links: Vec<Link>,
    /// (person, organization) pairs.
    pub members: Vec<(usize, usize)>,
    /// Neighbours through ties and membership.
    pub adj: Vec<Vec<usize>>,
}

impl PartialEq for Net {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other) || Arc::ptr_eq(&self.stored, &other.stored) || self.stored == other.stored
    }
}

impl Net {
    pub fn new(stored: Arc<StoredNetwork>) -> Net {
        let n = &stored.network;
        let mut nodes = Vec::with_capacity(n.organizations.len() + n.people.len());
        let mut index = FxHashMap::with_capacity_and_hasher(n.organizations.len() + n.people.len(), Default::default());
        for o in &n.organizations {
            index.insert(NodeRef::Organization(o.id.clone()), nodes.len());
            nodes.push(Node { node: NodeRef::Organization(o.id.clone()), name: o.name.clone(), is_org: true, sector: Some(o.sector), org: None });
        }
        let mut members = Vec::new();
        for p in &n.people {
            let org = p.organization.as_ref().and_then(|o| index.get(&NodeRef::Organization(o.clone())).copied());
            let i = nodes.len();
            if let Some(o) = org {
                members.push((i, o));
            }
            index.insert(NodeRef::Person(p.id.clone()), i);
            nodes.push(Node { node: NodeRef::Person(p.id.clone()), name: p.name.clone(), is_org: false, sector: org.and_then(|o| nodes[o].sector), org });
        }
        let links: Vec<Link> = n
            .ties
            .iter()
            .filter_map(|t| {
                Some(Link { a: *index.get(&t.from)?, b: *index.get(&t.to)?, kind: t.kind, trust: t.trust.get(), directed: t.directed })
            })
            .collect();
        let mut adj = vec![Vec::new(); nodes.len()];
        for (a, b) in links.iter().map(|l| (l.a, l.b)).chain(members.iter().copied()) {
            if !adj[a].contains(&b) {
                adj[a].push(b);
                adj[b].push(a);
            }
        }
        Net { stored, nodes, index, links, members, adj }
    }

    /// "Ana (City Hall)", "City Hall (government)".
    pub fn describe(&self, i: usize) -> String {
        let node = &self.nodes[i];
        match (node.is_org, node.org) {
            (true, _) => t_args(
                "net-describe-org",
                &[("name", node.name.clone().into()), ("sector", words::sector_word(node.sector.unwrap_or(Sector::Other)).into())],
            ),
            (false, Some(o)) => format!("{} ({})", node.name, self.nodes[o].name),
            (false, None) => node.name.clone(),
        }
    }
}

/// What nodes are sized by, and the table's numeric columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Degree,
    Betweenness,
    WeightedBetweenness,
    Closeness,
    Eigenvector,
    Brokerage,
}

impl Metric {
    pub const ALL: [Metric; 6] =
        [Metric::Degree, Metric::Betweenness, Metric::WeightedBetweenness, Metric::Closeness, Metric::Eigenvector, Metric::Brokerage];
}

/// What the map highlights on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    None,
    Connectors,
    Heterarchies,
    Silos,
    CutPoints,
}

impl Highlight {
    pub const ALL: [Highlight; 5] = [Highlight::None, Highlight::Connectors, Highlight::Heterarchies, Highlight::Silos, Highlight::CutPoints];
}

/// Which nodes and ties are shown, and which stand out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shown {
    pub node: Vec<bool>,
    pub link: Vec<bool>,
    /// Nodes the current highlight names (empty: no highlight).
    pub marked: Vec<bool>,
    /// Nodes whose name matches the search.
    pub found: Vec<bool>,
    pub count: usize,
}

/// A copy of what `source` reads that follows it one task later, so that the
/// work done with it (the map's graph sent to its worker, the table drawn)
/// runs in a task of its own rather than in the one that changed the network.
pub fn later<T: Clone + Send + Sync + 'static>(source: impl Fn() -> T + 'static) -> ReadSignal<T> {
    let copy = RwSignal::new(untrack(&source));
    let timer = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |first: Option<()>| {
        let value = source();
        if first.is_some() {
            // A newer value replaces one not delivered yet (dropping a
            // timeout cancels it).
            timer.set_value(Some(Timeout::new(0, move || copy.set(value))));
        }
    });
    on_cleanup(move || timer.update_value(|t| drop(t.take())));
    copy.read_only()
}

/// Everything the network view's parts share. Cheap to copy.
#[derive(Clone, Copy)]
pub struct NetState {
    pub live: LiveRoom,
    /// Follows the room's network (see `follow`).
    pub net: RwSignal<Arc<Net>>,
    pub analysis: RwSignal<Option<Arc<Analyzed>>>,
    pub shown: Memo<Arc<Shown>>,
    pub selected: RwSignal<Option<NodeRef>>,
    pub size_by: RwSignal<Metric>,
    /// Sectors shown, in `Sector::ALL` order, then people without an organization.
    pub sectors: RwSignal<[bool; 5]>,
    /// Tie kinds shown, in `TieKind` order.
    pub kinds: RwSignal<[bool; 5]>,
    pub min_trust: RwSignal<u8>,
    /// Steps around the selected node shown (0: everything).
    pub focus: RwSignal<u8>,
    pub search: RwSignal<String>,
    pub highlight: RwSignal<Highlight>,
    pub presenter: RwSignal<bool>,
    /// A pointer gesture on the map is under way (the analysis waits).
    pub busy: RwSignal<bool>,
    /// Said to screen readers (and shown) after an action.
    pub announcement: RwSignal<String>,
    /// The network changed since the last analysis; a new one is coming.
    pub stale: RwSignal<bool>,
    /// The positions the map last drew (layout units, `net.nodes` order):
    /// the layout runs in the map worker (`map`); "Export SVG" reads these.
    pub positions: StoredValue<Vec<constellation_core::network::layout::Point>, LocalStorage>,
}

pub const KINDS: [TieKind; 5] = [TieKind::Collaborates, TieKind::Knows, TieKind::Funds, TieKind::Governs, TieKind::Other];

pub fn kind_label(k: TieKind) -> &'static str {
    match k {
        TieKind::Collaborates => "collaborates",
        TieKind::Knows => "knows",
        TieKind::Funds => "funds",
        TieKind::Governs => "governs",
        TieKind::Other => "other",
    }
}

impl NetState {
    /// Selects a node and says so.
    pub fn select(&self, i: Option<usize>) {
        let net = self.net.get_untracked();
        match i {
            Some(i) if i < net.nodes.len() => {
                self.selected.set(Some(net.nodes[i].node.clone()));
                let ties = net.adj[i].len();
                self.announcement.set(t_args("net-selected", &[("name", net.describe(i).into()), ("ties", ties.into())]));
            }
            _ => self.selected.set(None),
        }
    }
}

/// Which nodes and ties pass the filters, the focus and the highlight.
fn compute_shown(s: &NetState) -> Shown {
    let net = s.net.get();
    let sectors = s.sectors.get();
    let kinds = s.kinds.get();
    let min_trust = s.min_trust.get();
    let focus = s.focus.get();
    let selected = s.selected.get().and_then(|n| net.index.get(&n).copied());
    let highlight = s.highlight.get();
    let query = constellation_core::network::name_key(&s.search.get());
    let n = net.nodes.len();
    let mut node: Vec<bool> = net
        .nodes
        .iter()
        .map(|nd| match nd.sector {
            Some(sec) => sectors[sec.index()],
            None => sectors[4],
        })
        .collect();
    if let (Some(start), 1..) = (selected, focus) {
        let mut dist = vec![u8::MAX; n];
        dist[start] = 0;
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(u) = queue.pop_front() {
            if dist[u] >= focus {
                continue;
            }
            for &v in &net.adj[u] {
                if dist[v] == u8::MAX {
                    dist[v] = dist[u] + 1;
                    queue.push_back(v);
                }
            }
        }
        for (i, d) in dist.iter().enumerate() {
            node[i] &= *d != u8::MAX;
        }
    }
    let link = net
        .links
        .iter()
        .map(|l| node[l.a] && node[l.b] && l.trust >= min_trust && kinds[KINDS.iter().position(|k| *k == l.kind).unwrap_or(4)])
        .collect();
    let marked = s.analysis.with(|a| a.as_ref().map(|a| marked_by(&net, a, highlight)).unwrap_or_default());
    let found = if query.is_empty() {
        Vec::new()
    } else {
        net.nodes.iter().map(|nd| constellation_core::network::name_key(&nd.name).contains(&query)).collect()
    };
    let count = node.iter().filter(|v| **v).count();
    Shown { node, link, marked, found, count }
}

/// The nodes a highlight names (the analysis may be of an earlier revision:
/// its node numbers are mapped through its own network).
pub fn marked_by(net: &Net, a: &Analyzed, h: Highlight) -> Vec<bool> {
    let mut marked = vec![false; net.nodes.len()];
    let mut mark = |i: u32| {
        if let Some(&j) = a.node(i).and_then(|node| net.index.get(node)) {
            marked[j] = true;
        }
    };
    let d = a.digest();
    match h {
        Highlight::None => return Vec::new(),
        Highlight::Connectors => d.connectors.iter().for_each(|c| mark(c.node)),
        Highlight::Heterarchies => d.heterarchies.iter().flatten().for_each(|&o| mark(o)),
        Highlight::Silos => {
            // Organizations whose ties stay mostly inside (E-I index below −0.3), and their people.
            for (i, nd) in a.net.nodes.iter().enumerate() {
                if nd.is_org && a.value(&nd.node, Column::EiIndex).is_some_and(|x| x < -0.3) {
                    mark(i as u32);
                }
            }
            let orgs: Vec<bool> = marked.clone();
            for (i, nd) in net.nodes.iter().enumerate() {
                if nd.org.is_some_and(|o| orgs[o]) {
                    marked[i] = true;
                }
            }
        }
        Highlight::CutPoints => d.cut_points.iter().for_each(|&i| mark(i)),
    }
    marked
}

/// Entries of the network read in one task at first; later steps are sized
/// from the pace of the last one ([`STEP_MILLIS`]).
const READ_STEP: usize = 2_000;
/// How long one step of reading the network may take (ms): far below a
/// long task (50 ms), as the page draws and takes input between steps (and
/// may wait for a core while the workers compute).
const STEP_MILLIS: f64 = 8.0;

/// The room's network as the view reads it, following every change to it
/// without holding the page for long: the network is read from the room's
/// copy a few thousand entries per task ([`Room::read_network_in_steps`]),
/// then the view's graph is built in a task of its own. Every edit to the
/// room (a note dragged on the board by anyone) moves `revision`; the network
/// is read again only when `Room::network_version` moved. (The network embed
/// re-reads the same way, in one go: its networks are small.)
fn follow(live: LiveRoom) -> RwSignal<Arc<Net>> {
    use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
    // A small network is there at once, so the first drawing shows it.
    let first = untrack(|| live.read(|room| room.read_network_in_steps(READ_STEP)));
    let net = RwSignal::new(Arc::new(first.map(Net::new).unwrap_or_default()));
    let version = Memo::new(move |_| live.read(|room| room.network_version()));
    let running = Arc::new(AtomicBool::new(false));
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = Arc::clone(&alive);
        on_cleanup(move || alive.store(false, Relaxed));
    }
    let now = || js_sys::Date::now();
    let version_now = move || untrack(|| live.read(|room| room.network_version()));
    Effect::new(move |_| {
        let _ = version.get();
        if running.swap(true, Relaxed) {
            // The read under way starts over and takes the change in.
            return;
        }
        let (running, alive) = (Arc::clone(&running), Arc::clone(&alive));
        leptos::task::spawn_local(async move {
            let mut per_step = READ_STEP;
            while alive.load(Relaxed) {
                let seen = version_now();
                let began = now();
                let read = untrack(|| live.read(|room| room.read_network_in_steps(per_step)));
                let took = (now() - began).max(0.5);
                per_step = ((per_step as f64 * STEP_MILLIS / took) as usize).clamp(200, per_step.saturating_mul(2));
                let Some(stored) = read else {
                    crate::browser::next_task().await;
                    continue;
                };
                if !net.with_untracked(|n| Arc::ptr_eq(&n.stored, &stored)) {
                    // The view's graph in a task of its own.
                    crate::browser::next_task().await;
                    if !alive.load(Relaxed) || version_now() != seen {
                        continue;
                    }
                    net.set(Arc::new(Net::new(stored)));
                }
                if version_now() == seen {
                    break;
                }
            }
            running.store(false, Relaxed);
        });
    });
    net
}

#[component]
pub fn Network() -> impl IntoView {
    let Some(live) = use_live_room() else {
        return view! {
            <section class="section page"><h1>{tr!("section-network")}</h1><p class="lede">{tr!("net-no-key")}</p></section>
        }
        .into_any();
    };
    // The network as the view reads it, followed a few thousand entries per
    // task (see `follow`).
    let net = follow(live);
    let analysis = RwSignal::new(None::<Arc<Analyzed>>);
    let busy = RwSignal::new(false);
    let mut state = NetState {
        live,
        net,
        analysis,
        shown: Memo::new(|_| Arc::new(Shown::default())),
        selected: RwSignal::new(None),
        size_by: RwSignal::new(Metric::Betweenness),
        sectors: RwSignal::new([true; 5]),
        kinds: RwSignal::new([true; 5]),
        min_trust: RwSignal::new(1),
        focus: RwSignal::new(0),
        search: RwSignal::new(String::new()),
        highlight: RwSignal::new(Highlight::None),
        presenter: RwSignal::new(false),
        busy,
        announcement: RwSignal::new(String::new()),
        stale: RwSignal::new(true),
        positions: StoredValue::new_local(Vec::new()),
    };
    let s = state;
    state.shown = Memo::new(move |_| Arc::new(compute_shown(&s)));
    let state = state;

    // The analysis runs in a worker, 300 ms after the last change; an answer
    // that comes during a gesture on the map is shown when the gesture ends.
    let analysis_worker = worker::AnalysisWorker::start(state);
    let rev = StoredValue::new(0u32);
    let timer = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        let net = net.get();
        rev.update_value(|r| *r += 1);
        let r = rev.get_value();
        state.stale.set(true);
        timer.set_value(Some(Timeout::new(ANALYSIS_DELAY_MS, move || analysis_worker.submit(r, net))));
    });
    Effect::new(move |_| {
        if !busy.get() {
            analysis_worker.release();
        }
    });
    on_cleanup(move || {
        timer.update_value(|t| drop(t.take()));
        analysis_worker.stop();
    });

    let presenter = state.presenter;
    view! {
        <section class=move || if presenter.get() { "network-section presenter" } else { "network-section" } aria-labelledby="network-heading">
            <div class="net-head">
                <h1 id="network-heading">{tr!("section-network")}</h1>
                <button type="button" aria-pressed=move || presenter.get().to_string() on:click=move |_| presenter.update(|p| *p = !*p)>
                    {tr!("net-presenter")}
                </button>
                <Show when=move || !presenter.get()>
                    <undo::UndoRedo state/>
                </Show>
            </div>
            <p class="visually-hidden" aria-live="polite">{move || state.announcement.get()}</p>
            <Show when=move || !presenter.get()>
                <forms::QuickEntryForm state/>
            </Show>
            <div class="net-main">
                <map::Map state/>
                <panel::Details state/>
            </div>
            <panel::Summary state/>
            <Show when=move || !presenter.get()>
                <forms::EditForms state/>
                <panel::Table state/>
                <files::Files state/>
            </Show>
        </section>
    }
    .into_any()
}

/// Reports how long the last analysis took, when it was slow.
pub fn slow_note(a: &Analyzed) -> Option<String> {
    (a.took_ms() > SLOW_ANALYSIS_MS).then(|| t_args("net-slow", &[("ms", a.took_ms().round().into())]))
}
