//! The network map's engine: the force layout (`core::network::layout`) and
//! the drawing of one frame on a 2D canvas. It runs in a second instance of
//! the analysis worker, drawing into the page's canvas through an
//! `OffscreenCanvas` (so neither the layout nor the browser's rasterizing of
//! thousands of ties ever holds the page's thread), or, where a browser cannot
//! hand a canvas to a worker, on the page itself: the same code either way.
//!
//! The page sends what to draw ([`Graph`] when the network changes, [`Look`]
//! when filters, highlight, sizes or selection change, [`View`] when the
//! camera or the canvas size change, pins); after each frame the engine gives
//! back the positions and radii it drew ([`FrameOut`]), which the page uses to
//! hit-test taps, to follow ties with the keyboard, and to export SVG.
//!
//! Nodes are coloured and shaped by sector (colour is never the only carrier),
//! sized by the chosen metric; labels are placed biggest first where they fit.
//! On a big map seen whole, ties are drawn one device pixel wide (trust shown
//! by their darkness instead of their width): a software canvas strokes a
//! one-pixel line several times faster than a wider one.

use constellation_core::board::camera::{Camera, MAX_ZOOM, MIN_ZOOM};
use constellation_core::network::layout::{Layout, MEMBERSHIP_WEIGHT};
use constellation_core::network::{NodeRef, Sector};
use serde::{Deserialize, Serialize};

/// Longest time spent stepping the layout in one frame (ms), and most steps:
/// maps under ~1,000 nodes take 3 steps a frame, bigger ones 1.
const FRAME_BUDGET_MS: f64 = 8.0;
const SMALL_MAP: usize = 1000;
/// More ties than this on screen: they are drawn one device pixel wide.
pub const THIN_TIES_ABOVE: usize = 2500;

/// How a node of a sector is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Ring,
}

/// Sector colours (Okabe–Ito, safe for colour-blind readers) and shapes.
pub fn sector_look(s: Option<Sector>) -> (&'static str, Shape) {
    match s {
        Some(Sector::Government) => ("#0072b2", Shape::Square),
        Some(Sector::Business) => ("#e69f00", Shape::Triangle),
        Some(Sector::CivilSociety) => ("#009e73", Shape::Circle),
        Some(Sector::Other) => ("#cc79a7", Shape::Diamond),
        None => ("#6b7385", Shape::Ring),
    }
}

/// One node of the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphNode {
    pub key: NodeRef,
    pub name: String,
    pub is_org: bool,
    /// `Sector::index()`, or 4 for a person without an organization.
    pub sector: u8,
}

/// One tie, by node index.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GraphLink {
    pub a: u32,
    pub b: u32,
    pub trust: u8,
    pub directed: bool,
}

/// The network as the map draws it: organizations first, then people.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub links: Vec<GraphLink>,
    /// (person, organization) pairs.
    pub members: Vec<(u32, u32)>,
}

/// A [`Graph`] as it crosses to the map worker: flat arrays that become typed
/// arrays (and one UTF-8 buffer each for ids and names), which the page
/// writes out in a few milliseconds where JSON of 20,000 entries took 50.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphWire {
    /// Per node: 1 for an organization.
    pub is_org: Vec<u8>,
    pub sector: Vec<u8>,
    /// Every node's id, then every name, as UTF-8, with where each ends.
    pub ids: Vec<u8>,
    pub id_ends: Vec<u32>,
    pub names: Vec<u8>,
    pub name_ends: Vec<u32>,
    /// Per tie: its two ends, one after the other.
    pub ends: Vec<u32>,
    pub trust: Vec<u8>,
    pub directed: Vec<u8>,
    /// (person, organization) pairs, one after the other.
    pub members: Vec<u32>,
}

impl GraphWire {
    pub fn from_graph(g: &Graph) -> GraphWire {
        let mut w = GraphWire::default();
        for n in &g.nodes {
            w.is_org.push(u8::from(n.is_org));
            w.sector.push(n.sector);
            w.ids.extend_from_slice(n.key.id().as_bytes());
            w.id_ends.push(w.ids.len() as u32);
            w.names.extend_from_slice(n.name.as_bytes());
            w.name_ends.push(w.names.len() as u32);
        }
        for l in &g.links {
            w.ends.extend([l.a, l.b]);
            w.trust.push(l.trust);
            w.directed.push(u8::from(l.directed));
        }
        w.members = g.members.iter().flat_map(|&(p, o)| [p, o]).collect();
        w
    }

    /// The graph back; what does not fit together is an error naming it.
    pub fn to_graph(&self) -> Result<Graph, String> {
        let n = self.is_org.len();
        if [self.sector.len(), self.id_ends.len(), self.name_ends.len()].iter().any(|&l| l != n) {
            return Err(format!("graph: {n} nodes but {} sectors, {} ids, {} names", self.sector.len(), self.id_ends.len(), self.name_ends.len()));
        }
        let m = self.trust.len();
        if self.ends.len() != 2 * m || self.directed.len() != m || self.members.len() % 2 != 0 {
            return Err(format!("graph: {m} ties but {} ends and {} directions, {} member numbers", self.ends.len(), self.directed.len(), self.members.len()));
        }
        fn texts(bytes: &[u8], ends: &[u32], what: &str) -> Result<Vec<String>, String> {
            let mut start = 0usize;
            ends.iter()
                .enumerate()
                .map(|(i, &end)| {
                    let end = end as usize;
                    let text = bytes.get(start..end).ok_or_else(|| format!("graph: {what} of node {i} ends outside the buffer"))?;
                    start = end;
                    String::from_utf8(text.to_vec()).map_err(|_| format!("graph: {what} of node {i} is not UTF-8"))
                })
                .collect()
        }
        let ids = texts(&self.ids, &self.id_ends, "the id")?;
        let names = texts(&self.names, &self.name_ends, "the name")?;
        let node = |i: u32, what: &str| if (i as usize) < n { Ok(i) } else { Err(format!("graph: {what} names node {i} of {n}")) };
        let nodes = ids
            .into_iter()
            .zip(names)
            .enumerate()
            .map(|(i, (id, name))| {
                let is_org = self.is_org[i] != 0;
                let key = if is_org { NodeRef::organization(id) } else { NodeRef::person(id) };
                GraphNode { key, name, is_org, sector: self.sector[i] }
            })
            .collect();
        let links = (0..m)
            .map(|k| {
                Ok(GraphLink { a: node(self.ends[2 * k], "a tie")?, b: node(self.ends[2 * k + 1], "a tie")?, trust: self.trust[k], directed: self.directed[k] != 0 })
            })
            .collect::<Result<_, String>>()?;
        let members = self
            .members
            .chunks(2)
            .map(|p| Ok((node(p[0], "a membership")?, node(p[1], "a membership")?)))
            .collect::<Result<_, String>>()?;
        Ok(Graph { nodes, links, members })
    }
}

/// What is shown and how (sent when filters, highlight, sizes or selection change).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Look {
    pub node: Vec<bool>,
    pub link: Vec<bool>,
    /// Nodes the highlight names (empty: no highlight).
    pub marked: Vec<bool>,
    /// Nodes whose name matches the search (may be empty).
    pub found: Vec<bool>,
    /// The size metric of each node (empty: all the same size).
    pub values: Vec<f64>,
    pub selected: Option<u32>,
    pub presenter: bool,
}

/// The camera and the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
    /// CSS pixels.
    pub width: f64,
    pub height: f64,
    pub ratio: f64,
    /// The camera follows the whole map (until the person pans or zooms).
    pub auto_fit: bool,
}

impl Default for View {
    fn default() -> Self {
        View { x: 0.0, y: 0.0, zoom: 1.0, width: 0.0, height: 0.0, ratio: 1.0, auto_fit: true }
    }
}

impl View {
    pub fn camera(&self) -> Camera {
        Camera { x: self.x, y: self.y, zoom: self.zoom }
    }
}

/// What a frame drew.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrameOut {
    /// Layout positions, x then y for each node, in the graph's order.
    pub positions: Vec<f32>,
    /// Each node's radius on screen (CSS pixels).
    pub radii: Vec<f32>,
    /// The camera drawn with (the fitted one while the view follows the map).
    pub view: View,
    /// The zoom that shows the whole map.
    pub fit_zoom: f64,
    pub settled: bool,
    /// Nodes held where the person left them.
    pub pinned: Vec<u32>,
    /// Milliseconds the frame took (layout and drawing).
    pub took_ms: f64,
}

/// The 2D canvas calls the map makes, on a page canvas or an offscreen one.
pub trait Canvas2d {
    fn resize(&self, width: u32, height: u32);
    fn set_transform(&self, a: f64, b: f64, c: f64, d: f64, e: f64, f: f64);
    fn set_fill_style_str(&self, s: &str);
    fn set_stroke_style_str(&self, s: &str);
    fn fill_rect(&self, x: f64, y: f64, w: f64, h: f64);
    fn set_line_width(&self, w: f64);
    fn set_line_dash(&self, dash: &[f64]);
    fn set_line_join(&self, j: &str);
    fn set_global_alpha(&self, a: f64);
    fn set_font(&self, f: &str);
    fn begin_path(&self);
    fn move_to(&self, x: f64, y: f64);
    fn line_to(&self, x: f64, y: f64);
    fn close_path(&self);
    fn arc(&self, x: f64, y: f64, r: f64, a0: f64, a1: f64);
    fn rect(&self, x: f64, y: f64, w: f64, h: f64);
    fn fill(&self);
    fn stroke(&self);
    fn measure_text(&self, s: &str) -> Option<f64>;
    fn fill_text(&self, s: &str, x: f64, y: f64);
    fn stroke_text(&self, s: &str, x: f64, y: f64);
}

macro_rules! canvas2d {
    ($t:ty, $resize:expr) => {
        impl Canvas2d for $t {
            fn resize(&self, width: u32, height: u32) {
                $resize(self, width, height)
            }
            fn set_transform(&self, a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) {
                let _ = <$t>::set_transform(self, a, b, c, d, e, f);
            }
            fn set_fill_style_str(&self, s: &str) {
                <$t>::set_fill_style_str(self, s)
            }
            fn set_stroke_style_str(&self, s: &str) {
                <$t>::set_stroke_style_str(self, s)
            }
            fn fill_rect(&self, x: f64, y: f64, w: f64, h: f64) {
                <$t>::fill_rect(self, x, y, w, h)
            }
            fn set_line_width(&self, w: f64) {
                <$t>::set_line_width(self, w)
            }
            fn set_line_dash(&self, dash: &[f64]) {
                let a = js_sys::Array::new();
                for d in dash {
                    a.push(&(*d).into());
                }
                let _ = <$t>::set_line_dash(self, &a);
            }
            fn set_line_join(&self, j: &str) {
                <$t>::set_line_join(self, j)
            }
            fn set_global_alpha(&self, a: f64) {
                <$t>::set_global_alpha(self, a)
            }
            fn set_font(&self, f: &str) {
                <$t>::set_font(self, f)
            }
            fn begin_path(&self) {
                <$t>::begin_path(self)
            }
            fn move_to(&self, x: f64, y: f64) {
                <$t>::move_to(self, x, y)
            }
            fn line_to(&self, x: f64, y: f64) {
                <$t>::line_to(self, x, y)
            }
            fn close_path(&self) {
                <$t>::close_path(self)
            }
            fn arc(&self, x: f64, y: f64, r: f64, a0: f64, a1: f64) {
                let _ = <$t>::arc(self, x, y, r, a0, a1);
            }
            fn rect(&self, x: f64, y: f64, w: f64, h: f64) {
                <$t>::rect(self, x, y, w, h)
            }
            fn fill(&self) {
                <$t>::fill(self)
            }
            fn stroke(&self) {
                <$t>::stroke(self)
            }
            fn measure_text(&self, s: &str) -> Option<f64> {
                <$t>::measure_text(self, s).ok().map(|m| m.width())
            }
            fn fill_text(&self, s: &str, x: f64, y: f64) {
                let _ = <$t>::fill_text(self, s, x, y);
            }
            fn stroke_text(&self, s: &str, x: f64, y: f64) {
                let _ = <$t>::stroke_text(self, s, x, y);
            }
        }
    };
}

canvas2d!(web_sys::CanvasRenderingContext2d, |c: &web_sys::CanvasRenderingContext2d, w: u32, h: u32| {
    if let Some(canvas) = c.canvas() {
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
    }
});
canvas2d!(web_sys::OffscreenCanvasRenderingContext2d, |c: &web_sys::OffscreenCanvasRenderingContext2d, w: u32, h: u32| {
    let canvas = c.canvas();
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
});

/// The map's state: its layout and what to draw.
pub struct MapEngine {
    layout: Layout<NodeRef>,
    graph: Graph,
    look: Look,
    view: View,
    fit_zoom: f64,
    /// Something changed since the last frame.
    dirty: bool,
}

impl Default for MapEngine {
    fn default() -> Self {
        MapEngine::new()
    }
}

impl MapEngine {
    pub fn new() -> MapEngine {
        MapEngine { layout: Layout::new(7), graph: Graph::default(), look: Look::default(), view: View::default(), fit_zoom: 1.0, dirty: true }
    }

    /// Takes the network's new shape: known nodes keep their places, new
    /// ones start by their neighbours. On error nothing changes.
    pub fn set_graph(&mut self, graph: Graph) -> Result<(), String> {
        let n = graph.nodes.len() as u32;
        if let Some(l) = graph.links.iter().find(|l| l.a >= n || l.b >= n) {
            return Err(format!("a tie names node {} of {n}", l.a.max(l.b)));
        }
        if let Some(m) = graph.members.iter().find(|m| m.0 >= n || m.1 >= n) {
            return Err(format!("a membership names node {} of {n}", m.0.max(m.1)));
        }
        let keys: Vec<NodeRef> = graph.nodes.iter().map(|nd| nd.key.clone()).collect();
        let springs = graph
            .links
            .iter()
            .map(|l| (&keys[l.a as usize], &keys[l.b as usize], f64::from(l.trust.clamp(1, 5))))
            .chain(graph.members.iter().map(|&(p, o)| (&keys[p as usize], &keys[o as usize], MEMBERSHIP_WEIGHT)));
        self.layout.sync(&keys, springs).map_err(|e| e.to_string())?;
        self.graph = graph;
        self.dirty = true;
        Ok(())
    }

    pub fn set_look(&mut self, look: Look) {
        self.look = look;
        self.dirty = true;
    }

    pub fn set_view(&mut self, view: View) {
        if view != self.view {
            self.view = view;
            self.dirty = true;
        }
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// Holds node `i` at a layout point.
    pub fn pin(&mut self, i: u32, x: f64, y: f64) {
        if let Some(id) = self.layout.ids().get(i as usize).cloned() {
            let _ = self.layout.pin(&id, x, y);
            self.dirty = true;
        }
    }

    /// Lets every pinned node move again, and warms the layout.
    pub fn release_pins(&mut self) {
        let ids = self.layout.ids().to_vec();
        ids.iter().for_each(|id| {
            self.layout.unpin(id);
        });
        self.layout.set_alpha(self.layout.alpha().max(self.layout.config().reheat));
        self.dirty = true;
    }

    /// Whether another frame should be drawn.
    pub fn needs_frame(&self) -> bool {
        self.dirty || !self.layout.settled()
    }

    /// The layout's positions in graph order.
    pub fn positions(&self) -> &[constellation_core::network::layout::Point] {
        self.layout.positions()
    }

    /// Steps the layout (within a small budget), fits the camera when it
    /// follows the map, and draws.
    pub fn frame(&mut self, ctx: &impl Canvas2d, now: impl Fn() -> f64) -> FrameOut {
        let start = now();
        let most = if self.layout.len() < SMALL_MAP { 3 } else { 1 };
        let mut steps = 0;
        while !self.layout.settled() && steps < most && now() - start < FRAME_BUDGET_MS {
            self.layout.step();
            steps += 1;
        }
        self.fit();
        let radii = self.draw(ctx);
        self.dirty = false;
        let mut positions = Vec::with_capacity(self.layout.len() * 2);
        for p in self.layout.positions() {
            positions.push(p.x as f32);
            positions.push(p.y as f32);
        }
        let pinned = self.layout.ids().iter().enumerate().filter(|(_, id)| self.layout.is_pinned(id)).map(|(i, _)| i as u32).collect();
        FrameOut {
            positions,
            radii: radii.iter().map(|r| *r as f32).collect(),
            view: self.view,
            fit_zoom: self.fit_zoom,
            settled: self.layout.settled(),
            pinned,
            took_ms: now() - start,
        }
    }

    /// The camera that shows the whole map; taken when the view follows it.
    fn fit(&mut self) {
        let (w, h) = (self.view.width, self.view.height);
        let Some((lo, hi)) = self.layout.bounds() else { return };
        if w <= 0.0 {
            return;
        }
        let margin = 40.0;
        let zoom = ((w - 2.0 * margin).max(1.0) / (hi.x - lo.x).max(1.0))
            .min((h - 2.0 * margin).max(1.0) / (hi.y - lo.y).max(1.0))
            .clamp(MIN_ZOOM, MAX_ZOOM);
        self.fit_zoom = zoom;
        if self.view.auto_fit {
            let (cx, cy) = ((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
            self.view.x = cx - w / 2.0 / zoom;
            self.view.y = cy - h / 2.0 / zoom;
            self.view.zoom = zoom;
        }
    }

    /// Each node's radius on screen for the current look and zoom.
    pub fn radii(&self) -> Vec<f64> {
        radii(&self.graph, &self.look, self.view.zoom)
    }

    fn draw(&self, ctx: &impl Canvas2d) -> Vec<f64> {
        let (graph, look, view) = (&self.graph, &self.look, &self.view);
        let camera = view.camera();
        let (w, h) = (view.width, view.height);
        let ratio = if view.ratio > 0.0 { view.ratio } else { 1.0 };
        ctx.resize((w * ratio).round().max(1.0) as u32, (h * ratio).round().max(1.0) as u32);
        ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, w, h);
        let n = graph.nodes.len();
        let radii = self.radii();
        if self.layout.len() != n || look.node.len() != n || look.link.len() != graph.links.len() {
            return radii;
        }
        let positions: Vec<(f64, f64)> = self.layout.positions().iter().map(|p| camera.to_screen(p.x, p.y)).collect();
        let shown = &look.node;
        let marking = !look.marked.is_empty();
        let marked = |i: usize| !marking || look.marked.get(i).copied().unwrap_or(false);
        let found = |i: usize| look.found.get(i).copied().unwrap_or(false);
        let selected = look.selected.map(|s| s as usize).filter(|&s| s < n);

        // Every tie, node and mark of one look is one path, filled or stroked
        // once (a canvas call per tie or node costs ~0.1 ms on a software
        // canvas). What lies wholly off screen is skipped.
        let off = |(ax, ay): (f64, f64), (bx, by): (f64, f64)| {
            (ax < 0.0 && bx < 0.0) || (ay < 0.0 && by < 0.0) || (ax > w && bx > w) || (ay > h && by > h)
        };
        // Ties: thicker (or, when thin, darker) for more trust; faint when a
        // highlight leaves them out. One batch per (highlighted, trust).
        let mut batches: [Vec<usize>; 10] = Default::default();
        for (li, l) in graph.links.iter().enumerate() {
            let (a, b) = (l.a as usize, l.b as usize);
            if look.link[li] && !off(positions[a], positions[b]) {
                let strong = marked(a) && marked(b);
                batches[usize::from(strong) * 5 + usize::from(l.trust.clamp(1, 5) - 1)].push(li);
            }
        }
        let on_screen_ties: usize = batches.iter().map(Vec::len).sum();
        let thin = on_screen_ties > THIN_TIES_ABOVE;
        // Membership: a light dashed line from each person to their organization
        // (solid when thin: dashing a hairline costs as much as a wide line).
        ctx.set_line_width(if thin { 1.0 / ratio } else { 1.0 });
        ctx.set_stroke_style_str("rgba(107,115,133,0.35)");
        if !thin {
            ctx.set_line_dash(&[3.0, 3.0]);
        }
        ctx.begin_path();
        for &(p, o) in &graph.members {
            let (p, o) = (p as usize, o as usize);
            if shown[p] && shown[o] && !off(positions[p], positions[o]) {
                ctx.move_to(positions[p].0, positions[p].1);
                ctx.line_to(positions[o].0, positions[o].1);
            }
        }
        ctx.stroke();
        ctx.set_line_dash(&[]);
        for (k, batch) in batches.iter().enumerate() {
            if batch.is_empty() {
                continue;
            }
            let strong = k >= 5;
            let trust = (k % 5 + 1) as f64;
            if thin {
                let alpha = if strong { 0.25 + 0.1 * trust } else { 0.06 + 0.02 * trust };
                ctx.set_stroke_style_str(&format!("rgba(61,74,92,{alpha:.2})"));
                ctx.set_line_width(1.0 / ratio);
            } else {
                ctx.set_stroke_style_str(if strong { "rgba(61,74,92,0.6)" } else { "rgba(61,74,92,0.12)" });
                ctx.set_line_width(0.6 + 0.45 * trust);
            }
            ctx.begin_path();
            for &li in batch {
                let l = &graph.links[li];
                ctx.move_to(positions[l.a as usize].0, positions[l.a as usize].1);
                ctx.line_to(positions[l.b as usize].0, positions[l.b as usize].1);
            }
            ctx.stroke();
        }
        // Arrowheads at the edge of the target node, one path per strength.
        for strong in [false, true] {
            let mut any = false;
            for &li in batches[if strong { 5 } else { 0 }..if strong { 10 } else { 5 }].iter().flatten() {
                let l = &graph.links[li];
                if !l.directed {
                    continue;
                }
                if !any {
                    ctx.set_fill_style_str(if strong { "rgba(61,74,92,0.8)" } else { "rgba(61,74,92,0.2)" });
                    ctx.begin_path();
                    any = true;
                }
                let ((ax, ay), (bx, by)) = (positions[l.a as usize], positions[l.b as usize]);
                let len = ((bx - ax).powi(2) + (by - ay).powi(2)).sqrt().max(1e-9);
                let (ux, uy) = ((bx - ax) / len, (by - ay) / len);
                let rb = radii[l.b as usize];
                let (tx, ty) = (bx - ux * (rb + 2.0), by - uy * (rb + 2.0));
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
        let mut order: Vec<usize> = (0..n).filter(|&i| shown[i]).collect();
        order.sort_by(|&a, &b| radii[a].total_cmp(&radii[b]));
        let on_screen = |i: usize| {
            let ((x, y), r) = (positions[i], radii[i]);
            !(x < -r - 80.0 || y < -r - 20.0 || x > w + r + 80.0 || y > h + r + 20.0)
        };
        if let Some(i) = selected.filter(|&i| shown[i] && on_screen(i)) {
            let (x, y) = positions[i];
            ctx.set_fill_style_str("rgba(244,162,97,0.45)");
            ctx.begin_path();
            ctx.arc(x, y, radii[i] + 8.0, 0.0, std::f64::consts::TAU);
            ctx.fill();
        }
        let mut looks: [Vec<usize>; 20] = Default::default();
        for &i in order.iter().filter(|&&i| on_screen(i)) {
            let nd = &graph.nodes[i];
            looks[usize::from(nd.is_org) * 10 + usize::from(marked(i)) * 5 + usize::from(nd.sector.min(4))].push(i);
        }
        for (k, group) in looks.iter().enumerate() {
            if group.is_empty() {
                continue;
            }
            let is_org = k >= 10;
            let (color, shape) = sector_look(Sector::ALL.get(k % 5).copied());
            ctx.set_global_alpha(if (k / 5) % 2 == 1 || !marking { 1.0 } else { 0.2 });
            ctx.begin_path();
            for &i in group {
                trace(ctx, shape, positions[i].0, positions[i].1, radii[i]);
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
                ctx.set_line_width(if is_org { 2.5 } else if thin { 1.0 / ratio } else { 1.0 });
            }
            ctx.stroke();
        }
        ctx.set_global_alpha(1.0);
        // Rings around highlighted and found nodes; a dot on pinned ones.
        let ringed: Vec<usize> = order.iter().copied().filter(|&i| on_screen(i) && (marking && marked(i) || found(i))).collect();
        if !ringed.is_empty() {
            ctx.set_stroke_style_str("#b00020");
            ctx.set_line_width(2.5);
            ctx.begin_path();
            for &i in &ringed {
                let (x, y) = positions[i];
                ctx.move_to(x + radii[i] + 4.0, y);
                ctx.arc(x, y, radii[i] + 4.0, 0.0, std::f64::consts::TAU);
            }
            ctx.stroke();
        }
        let ids = self.layout.ids();
        let pinned: Vec<usize> = order.iter().copied().filter(|&i| on_screen(i) && self.layout.is_pinned(&ids[i])).collect();
        if !pinned.is_empty() {
            ctx.set_fill_style_str("#14213d");
            ctx.begin_path();
            for &i in &pinned {
                let ((x, y), r) = (positions[i], radii[i]);
                ctx.move_to(x + r * 0.8 + 2.5, y - r * 0.8);
                ctx.arc(x + r * 0.8, y - r * 0.8, 2.5, 0.0, std::f64::consts::TAU);
            }
            ctx.fill();
        }
        // Labels: the selected node, search matches, highlighted and then the
        // biggest nodes, each where it overlaps no label placed before it.
        let font = if look.presenter { 19.0 } else { 13.0 };
        ctx.set_font(&format!("600 {font}px system-ui, sans-serif"));
        ctx.set_line_join("round");
        let priority = |i: usize| -> u8 {
            if selected == Some(i) {
                0
            } else if found(i) {
                1
            } else if marking && marked(i) {
                2
            } else {
                3
            }
        };
        order.sort_by(|&a, &b| priority(a).cmp(&priority(b)).then(radii[b].total_cmp(&radii[a])));
        let closer = (camera.zoom / self.fit_zoom).clamp(1.0, 4.0);
        let cap = ((w * h) / if look.presenter { 14000.0 } else { 9000.0 } * closer).max(8.0) as usize;
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        // Names measured for a place, at most a few times the labels wanted:
        // on a big map most candidates overlap, and each measure is a call.
        let mut tries = 0;
        for &i in &order {
            if (placed.len() >= cap || tries > cap * 6) && priority(i) == 3 {
                break;
            }
            let (x, y) = positions[i];
            if x < 0.0 || y < 0.0 || x > w || y > h {
                continue;
            }
            tries += 1;
            let name: String = graph.nodes[i].name.chars().take(28).collect();
            let tw = ctx.measure_text(&name).unwrap_or(font * 0.6 * name.chars().count() as f64);
            // Right of the node, or left of it where the right edge would cut it.
            let lx = if x + radii[i] + 4.0 + tw > w - 4.0 { x - radii[i] - 4.0 - tw } else { x + radii[i] + 4.0 };
            let ly = y + font * 0.35;
            let rect = (lx - 2.0, ly - font, lx + tw + 2.0, ly + 4.0);
            if priority(i) == 3 && placed.iter().any(|p| rect.0 < p.2 && p.0 < rect.2 && rect.1 < p.3 && p.1 < rect.3) {
                continue;
            }
            placed.push(rect);
            ctx.set_global_alpha(if marked(i) { 1.0 } else { 0.35 });
            ctx.set_stroke_style_str("rgba(255,255,255,0.9)");
            ctx.set_line_width(4.0);
            ctx.stroke_text(&name, lx, ly);
            ctx.set_fill_style_str("#14213d");
            ctx.fill_text(&name, lx, ly);
        }
        ctx.set_global_alpha(1.0);
        radii
    }
}

/// What disconnects if node `node` of a request (organizations, then people)
/// leaves: `core::network::what_if` as JSON, its ids `o<i>` and `p<k>` as
/// [`crate::wire::Request::to_network`] names them.
pub fn what_if(req: &crate::wire::Request, node: u32) -> Result<String, String> {
    let network = req.to_network().map_err(|e| format!("the request could not be read: {e}"))?;
    let orgs = req.organizations();
    let n = req.nodes();
    let node = match node as usize {
        i if i < orgs => NodeRef::organization(format!("o{i}")),
        i if i < n => NodeRef::person(format!("p{}", i - orgs)),
        i => return Err(format!("node {i} is not in the network (it has {n})")),
    };
    let w = constellation_core::network::what_if(&network, &node).map_err(|e| e.to_string())?;
    serde_json::to_string(&w).map_err(|e| e.to_string())
}

/// Entries in one part of a parsed network as it crosses to the page (see
/// [`ParsedParts`]): reading one part is a few milliseconds on the page.
pub const PARSED_PART: usize = 2_000;

/// A parsed network as it crosses to the page: JSON arrays of its
/// organizations, its people and its ties, each cut into parts of at most
/// [`PARSED_PART`] entries, so that the page reads them a part per task
/// instead of holding itself for one big read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedParts {
    pub organizations: Vec<String>,
    pub people: Vec<String>,
    pub ties: Vec<String>,
}

impl ParsedParts {
    pub fn from_network(network: &constellation_core::network::Network) -> Result<ParsedParts, serde_json::Error> {
        fn cut<T: serde::Serialize>(items: &[T]) -> Result<Vec<String>, serde_json::Error> {
            items.chunks(PARSED_PART).map(serde_json::to_string).collect()
        }
        Ok(ParsedParts { organizations: cut(&network.organizations)?, people: cut(&network.people)?, ties: cut(&network.ties)? })
    }

    /// Every part read back at once (the page reads them one by one:
    /// [`read_part`]).
    pub fn network(&self) -> Result<constellation_core::network::Network, serde_json::Error> {
        let mut network = constellation_core::network::Network::default();
        for (list, part) in [(0, &self.organizations), (1, &self.people), (2, &self.ties)] {
            for json in part {
                read_part(list, json, &mut network)?;
            }
        }
        Ok(network)
    }
}

/// Adds one part to `network`: `list` 0 is organizations, 1 people, 2 ties.
pub fn read_part(list: usize, json: &str, network: &mut constellation_core::network::Network) -> Result<(), serde_json::Error> {
    match list {
        0 => network.organizations.extend(serde_json::from_str::<Vec<constellation_core::network::Organization>>(json)?),
        1 => network.people.extend(serde_json::from_str::<Vec<constellation_core::network::Person>>(json)?),
        _ => network.ties.extend(serde_json::from_str::<Vec<constellation_core::network::Tie>>(json)?),
    }
    Ok(())
}

/// Reads network files as "Import network" does (`core::network::files::import`),
/// in the worker so a big file is not parsed on the page: the network in
/// parts for the page, or every problem (file, line, field).
pub fn parse_files(
    format: constellation_core::network::files::NetworkFormat,
    main: (&str, &str),
    companion: Option<(&str, &str)>,
) -> Result<ParsedParts, Vec<constellation_core::network::files::ImportProblem>> {
    use constellation_core::network::files::{import, ImportProblem, ImportReason, SourceFile};
    let network = import(format, SourceFile::new(main.0, main.1), companion.map(|(n, t)| SourceFile::new(n, t)))?;
    ParsedParts::from_network(&network).map_err(|e| {
        let reason = ImportReason::BadJson { detail: e.to_string() };
        vec![ImportProblem { file: main.0.to_string(), line: None, field: None, column: None, reason }]
    })
}

/// Each node's radius on screen: the metric relative to the largest shown.
pub fn radii(graph: &Graph, look: &Look, zoom: f64) -> Vec<f64> {
    let value = |i: usize| look.values.get(i).copied().filter(|v| v.is_finite()).unwrap_or(0.0);
    let shown = |i: usize| look.node.get(i).copied().unwrap_or(true);
    let max = (0..graph.nodes.len()).filter(|&i| shown(i)).map(value).fold(0.0, f64::max);
    let scale = zoom.sqrt().clamp(0.6, 2.0) * if look.presenter { 1.3 } else { 1.0 };
    graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, nd)| {
            let rel = if max > 0.0 { (value(i) / max).max(0.0).sqrt() } else { 0.0 };
            let base = if nd.is_org { 7.0 } else { 4.0 };
            (base + 10.0 * rel) * scale
        })
        .collect()
}

/// Adds a node's shape to the current path, as a subpath of its own.
fn trace(ctx: &impl Canvas2d, shape: Shape, x: f64, y: f64, r: f64) {
    match shape {
        Shape::Circle | Shape::Ring => {
            ctx.move_to(x + r, y);
            ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// A canvas that counts strokes and remembers line widths.
    #[derive(Default)]
    struct Recorder {
        calls: RefCell<Vec<String>>,
        size: RefCell<(u32, u32)>,
    }

    impl Canvas2d for Recorder {
        fn resize(&self, width: u32, height: u32) {
            *self.size.borrow_mut() = (width, height);
        }
        fn set_transform(&self, _: f64, _: f64, _: f64, _: f64, _: f64, _: f64) {}
        fn set_fill_style_str(&self, _: &str) {}
        fn set_stroke_style_str(&self, _: &str) {}
        fn fill_rect(&self, _: f64, _: f64, _: f64, _: f64) {}
        fn set_line_width(&self, w: f64) {
            self.calls.borrow_mut().push(format!("width {w}"));
        }
        fn set_line_dash(&self, _: &[f64]) {}
        fn set_line_join(&self, _: &str) {}
        fn set_global_alpha(&self, _: f64) {}
        fn set_font(&self, _: &str) {}
        fn begin_path(&self) {}
        fn move_to(&self, _: f64, _: f64) {}
        fn line_to(&self, _: f64, _: f64) {
            self.calls.borrow_mut().push("line".into());
        }
        fn close_path(&self) {}
        fn arc(&self, _: f64, _: f64, _: f64, _: f64, _: f64) {}
        fn rect(&self, _: f64, _: f64, _: f64, _: f64) {}
        fn fill(&self) {}
        fn stroke(&self) {
            self.calls.borrow_mut().push("stroke".into());
        }
        fn measure_text(&self, s: &str) -> Option<f64> {
            Some(7.0 * s.len() as f64)
        }
        fn fill_text(&self, s: &str, _: f64, _: f64) {
            self.calls.borrow_mut().push(format!("text {s}"));
        }
        fn stroke_text(&self, _: &str, _: f64, _: f64) {}
    }

    fn chain(n: u32) -> Graph {
        Graph {
            nodes: (0..n)
                .map(|i| GraphNode { key: NodeRef::person(format!("p{i}")), name: format!("P{i}"), is_org: false, sector: 4 })
                .collect(),
            links: (1..n).map(|i| GraphLink { a: i - 1, b: i, trust: 3, directed: false }).collect(),
            members: Vec::new(),
        }
    }

    fn show_all(g: &Graph) -> Look {
        Look { node: vec![true; g.nodes.len()], link: vec![true; g.links.len()], ..Look::default() }
    }

    /// An engine showing all of `g` in a view of `view`.
    fn engine(g: &Graph, view: View) -> MapEngine {
        let mut e = MapEngine::new();
        e.set_graph(g.clone()).unwrap();
        e.set_look(show_all(g));
        e.set_view(view);
        e
    }

    #[test]
    fn a_frame_draws_every_tie_and_gives_positions_and_radii() {
        let g = chain(5);
        let mut e = engine(&g, View { width: 400.0, height: 300.0, ..View::default() });
        let c = Recorder::default();
        let out = e.frame(&c, || 0.0);
        assert_eq!(out.positions.len(), 10);
        assert_eq!(out.radii.len(), 5);
        assert!(out.positions.iter().all(|p| p.is_finite()));
        // Fitted: every node on the 400×300 canvas.
        let cam = out.view.camera();
        for i in 0..5 {
            let (x, y) = cam.to_screen(out.positions[2 * i] as f64, out.positions[2 * i + 1] as f64);
            assert!((0.0..=400.0).contains(&x) && (0.0..=300.0).contains(&y), "node {i} at {x},{y}");
        }
        assert_eq!(c.calls.borrow().iter().filter(|s| *s == "line").count(), 4);
        assert!(c.calls.borrow().iter().any(|s| s.starts_with("text P")));
        assert_eq!(*c.size.borrow(), (400, 300));
    }

    #[test]
    fn many_ties_on_screen_are_drawn_one_device_pixel_wide() {
        let g = chain(THIN_TIES_ABOVE as u32 + 10);
        let mut e = engine(&g, View { width: 800.0, height: 600.0, ratio: 2.0, ..View::default() });
        let c = Recorder::default();
        e.frame(&c, || 0.0);
        let calls = c.calls.borrow();
        assert!(calls.iter().any(|s| s == "width 0.5"));
        assert!(!calls.iter().any(|s| s == "width 1.95"), "no wide tie strokes");
        // A small map keeps its widths.
        let g = chain(20);
        let mut e = engine(&g, View { width: 800.0, height: 600.0, ratio: 2.0, ..View::default() });
        let c = Recorder::default();
        e.frame(&c, || 0.0);
        assert!(c.calls.borrow().iter().any(|s| s == "width 1.9500000000000002" || s == "width 1.95"));
    }

    #[test]
    fn a_graph_naming_missing_nodes_is_refused_and_changes_nothing() {
        let mut e = MapEngine::new();
        e.set_graph(chain(3)).unwrap();
        let mut bad = chain(3);
        bad.links.push(GraphLink { a: 0, b: 9, trust: 1, directed: false });
        let err = e.set_graph(bad).unwrap_err();
        assert!(err.contains("node 9 of 3"), "{err}");
        assert_eq!(e.positions().len(), 3);
        assert_eq!(e.graph, chain(3));
    }

    #[test]
    fn what_if_names_nodes_as_the_request_numbers_them() {
        use constellation_core::network::{Network, Organization, Person, Sector, Tie, TieKind, Trust, WhatIf};
        let org = |id: &str| Organization { id: id.into(), name: id.to_uppercase(), sector: Sector::Government, tags: vec![] };
        let person = |id: &str, o: &str| Person { id: id.into(), name: id.into(), organization: Some(o.into()), role: String::new(), level: None };
        let tie = |a: &str, b: &str| Tie {
            from: NodeRef::person(a),
            to: NodeRef::person(b),
            kind: TieKind::Knows,
            trust: Trust::new(3).unwrap(),
            directed: false,
            note: String::new(),
        };
        // city – ana – bob – bank: Ana leaving cuts City from Bank.
        let network = Network {
            organizations: vec![org("city"), org("bank")],
            people: vec![person("ana", "city"), person("bob", "bank")],
            ties: vec![tie("ana", "bob")],
        };
        let req = crate::wire::Request::from_network(1, &network).unwrap();
        let w: WhatIf = serde_json::from_str(&what_if(&req, 2).unwrap()).unwrap();
        assert_eq!(w.removed, NodeRef::person("p0"));
        assert_eq!(w.split.lost_contact, vec![("o0".to_string(), "o1".to_string())]);
        let err = what_if(&req, 9).unwrap_err();
        assert!(err.contains("node 9") && err.contains("has 4"), "{err}");
    }

    #[test]
    fn files_parsed_in_the_worker_give_the_same_network_or_the_same_problems() {
        use constellation_core::network::files::{import, NetworkFormat, SourceFile};
        use constellation_core::network::Network;
        let edges = "from,to,trust\nAna,Ben,4\nBen,Chloé,5\n";
        let parts = parse_files(NetworkFormat::EdgeList, ("ties.csv", edges), None).unwrap();
        let direct = import(NetworkFormat::EdgeList, SourceFile::new("ties.csv", edges), None).unwrap();
        assert_eq!(parts.network().unwrap(), direct);
        let bad = "from,to,trust\nAna,Ben,9\n";
        let problems = parse_files(NetworkFormat::EdgeList, ("ties.csv", bad), None).unwrap_err();
        let expected = import(NetworkFormat::EdgeList, SourceFile::new("ties.csv", bad), None).unwrap_err();
        assert_eq!(problems, expected);
        assert_eq!((problems[0].file.as_str(), problems[0].line, problems[0].field.as_deref()), ("ties.csv", Some(2), Some("trust")));
        // They cross to the page as JSON: file, line, field and the message for the reason.
        let back: Vec<crate::problems::WordedProblem> = serde_json::from_str(&crate::map_js::problems_json(&problems)).unwrap();
        assert_eq!(back, expected.iter().map(crate::problems::WordedProblem::from).collect::<Vec<_>>());
        assert_eq!((back[0].line, back[0].field.as_deref(), back[0].id.as_str()), (Some(2), Some("trust"), "net-imp-trust"));
    }

    #[test]
    fn a_big_network_crosses_to_the_page_in_parts_that_read_back_the_same() {
        use constellation_core::network::{Network, NodeRef, Person, Tie, TieKind, Trust};
        let people: Vec<Person> = (0..4_500)
            .map(|i| Person { id: format!("p{i}"), name: format!("Person {i}"), organization: None, role: String::new(), level: None })
            .collect();
        let ties: Vec<Tie> = (1..4_500)
            .map(|i| Tie {
                from: NodeRef::person(format!("p{}", i - 1)),
                to: NodeRef::person(format!("p{i}")),
                kind: TieKind::Knows,
                trust: Trust::new(1 + (i % 5) as i64).unwrap(),
                directed: i % 7 == 0,
                note: if i % 3 == 0 { format!("note {i}") } else { String::new() },
            })
            .collect();
        let network = Network { organizations: vec![], people, ties };
        let parts = ParsedParts::from_network(&network).unwrap();
        assert_eq!((parts.organizations.len(), parts.people.len(), parts.ties.len()), (0, 3, 3), "4,500 entries: parts of 2,000, 2,000 and 500");
        assert_eq!(parts.network().unwrap(), network);
        let mut broken = Network::default();
        assert!(read_part(1, "[{\"id\":", &mut broken).is_err(), "a cut part is an error, not a smaller network");
    }

    #[test]
    fn a_graph_crosses_to_the_worker_as_flat_arrays_and_comes_back_the_same() {
        let mut g = chain(4);
        g.nodes[0].is_org = true;
        g.nodes[0].key = NodeRef::organization("o-1");
        g.nodes[1].name = "Zoë Ørsted".into();
        g.members = vec![(1, 0), (2, 0)];
        g.links[0].directed = true;
        let wire = GraphWire::from_graph(&g);
        assert_eq!(wire.to_graph().unwrap(), g);
        // Arrays that do not fit together are refused with what and where.
        let mut bad = wire.clone();
        bad.ends[1] = 9;
        assert_eq!(bad.to_graph().unwrap_err(), "graph: a tie names node 9 of 4");
        let mut bad = wire.clone();
        bad.name_ends[2] = 999;
        assert!(bad.to_graph().unwrap_err().contains("the name of node 2"));
        let mut bad = wire;
        bad.sector.pop();
        assert!(bad.to_graph().unwrap_err().starts_with("graph: 4 nodes but 3 sectors"));
    }

    #[test]
    fn pins_hold_and_release() {
        let g = chain(3);
        let mut e = engine(&g, View { width: 400.0, height: 300.0, ..View::default() });
        e.pin(1, 500.0, -200.0);
        let c = Recorder::default();
        let out = e.frame(&c, || 0.0);
        assert_eq!(out.pinned, vec![1]);
        assert_eq!((out.positions[2], out.positions[3]), (500.0, -200.0));
        e.release_pins();
        assert!(e.needs_frame());
        assert!(e.frame(&c, || 0.0).pinned.is_empty());
    }

    #[test]
    fn a_known_node_keeps_its_place_when_the_network_grows() {
        let mut e = MapEngine::new();
        e.set_graph(chain(4)).unwrap();
        let c = Recorder::default();
        e.set_view(View { width: 400.0, height: 300.0, ..View::default() });
        let before = e.frame(&c, || 0.0).positions;
        e.set_graph(chain(5)).unwrap();
        assert_eq!(&e.positions().iter().flat_map(|p| [p.x as f32, p.y as f32]).collect::<Vec<_>>()[..8], &before[..]);
    }
}
