//! A force-directed layout for a live network map, computed here so the view
//! only draws.
//!
//! Forces, in the manner of d3-force: every pair of nodes repels (many-body
//! charge, approximated with a Barnes–Hut quadtree, θ = 0.9), every tie is a
//! spring pulling its ends toward a rest length (stronger for trusted ties),
//! and a weak gravity pulls everything toward the origin so separate
//! components stay in view. Velocities decay each step, and a "temperature"
//! `alpha` scales all forces: it cools geometrically toward zero so the map
//! comes to rest (about 300 steps from hot), and warms a little again whenever
//! the network changes or a node is pinned, so arrivals settle gently.
//!
//! Made for a map that changes while people look at it:
//! - [`Layout::sync`] takes the current nodes and ties: known nodes keep their
//!   positions and velocities, new ones start next to the nodes they are tied
//!   to (or just outside the map when they have none), so nothing jumps.
//! - [`Layout::step`] runs one iteration and returns how far nodes moved on
//!   average; [`Layout::settled`] says when to stop stepping.
//! - [`Layout::pin`] holds a node where the person dragged it.
//! - [`map_graph`] gives the nodes and springs of a network's map (people,
//!   organizations, ties, and each person's membership of their organization).
//!
//! Deterministic: the same seed and the same calls give the same positions,
//! natively and in WebAssembly (the randomness is a seeded SplitMix64).
//!
//! ```
//! use constellation_core::network::layout::Layout;
//! let mut layout: Layout<&str> = Layout::new(7);
//! layout.sync(&["a", "b", "c"], [(&"a", &"b", 5.0), (&"b", &"c", 2.0)]).unwrap();
//! while !layout.settled() {
//!     layout.step();
//! }
//! let p = layout.position(&"a").unwrap();
//! assert!(p.x.is_finite() && p.y.is_finite());
//! ```

mod map;
mod quadtree;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt::Debug;

use serde::{Deserialize, Serialize};

pub use map::{map_graph, MapGraph, MEMBERSHIP_WEIGHT};
use quadtree::{Interact, QuadTree};

/// A node's position in layout units (about 30 per tie at rest).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// The layout's forces and cooling. The defaults are d3-force's where d3 has
/// one, and fit maps of a few to several thousand nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LayoutConfig {
    /// Barnes–Hut accuracy: a cell counts as one mass when its width is under
    /// `theta` times its distance (0 = exact, slow).
    pub theta: f64,
    /// Repulsion strength (positive; d3's charge is −30).
    pub repulsion: f64,
    /// Repulsion does not grow beyond what it is at this distance.
    pub min_distance: f64,
    /// A tie's rest length.
    pub link_distance: f64,
    /// A tie's weight that gives its spring full strength; weaker ties pull
    /// proportionally less. The default, 5, is the top of the trust scale.
    pub weight_scale: f64,
    /// Pull toward the origin, per unit of distance.
    pub gravity: f64,
    /// Fraction of velocity lost each step.
    pub velocity_decay: f64,
    /// How fast `alpha` cools each step.
    pub alpha_decay: f64,
    /// The layout is settled when `alpha` is below this.
    pub alpha_min: f64,
    /// The `alpha` a change (new nodes or ties, a pin) warms the layout to.
    pub reheat: f64,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        let alpha_min: f64 = 0.001;
        LayoutConfig {
            theta: 0.9,
            repulsion: 30.0,
            min_distance: 1.0,
            link_distance: 30.0,
            weight_scale: 5.0,
            gravity: 0.02,
            velocity_decay: 0.4,
            // d3's: from 1 to `alpha_min` in 300 steps.
            alpha_decay: 1.0 - alpha_min.powf(1.0 / 300.0),
            alpha_min,
            reheat: 0.3,
        }
    }
}

/// Why [`Layout::sync`], [`Layout::pin`] or [`Layout::with_config`] refused
/// its input. Nothing was changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LayoutError {
    #[error("node {id} appears twice in the node list (positions {first} and {second})")]
    DuplicateNode {
        id: String,
        first: usize,
        second: usize,
    },
    #[error("tie {index} names node {id}, which is not in the node list")]
    UnknownNode { index: usize, id: String },
    #[error("tie {index} has weight {weight}; weights must be positive and finite")]
    BadWeight { index: usize, weight: f64 },
    #[error("cannot pin unknown node {id}")]
    UnknownPin { id: String },
    #[error("cannot pin node {id} at ({x}, {y}): coordinates must be finite")]
    BadPin { id: String, x: f64, y: f64 },
    #[error("layout setting {name} is {value}; {expected}")]
    BadConfig {
        name: &'static str,
        value: f64,
        expected: &'static str,
    },
}

/// What a [`Layout::sync`] changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncReport {
    pub added: usize,
    pub removed: usize,
    /// Whether the set of ties (or their weights) changed.
    pub ties_changed: bool,
}

impl SyncReport {
    pub fn changed(&self) -> bool {
        self.added > 0 || self.removed > 0 || self.ties_changed
    }
}

/// One spring, between node indices, with its strength and how its pull is
/// shared between the ends (d3's bias: the end with more ties moves less).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spring {
    s: u32,
    t: u32,
    weight: f64,
    strength: f64,
    bias: f64,
}

/// SplitMix64, seeded: the layout's only source of randomness.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A point on the circle of radius `r`.
    fn on_circle(&mut self, r: f64) -> (f64, f64) {
        let a = self.unit() * std::f64::consts::TAU;
        (r * a.cos(), r * a.sin())
    }
}

/// Many-body repulsion, accumulated over one walk of the quadtree.
struct Repulsion<'a> {
    fx: f64,
    fy: f64,
    /// Strength × alpha.
    k: f64,
    min2: f64,
    rng: &'a mut Rng,
}

impl Interact for Repulsion<'_> {
    #[inline(always)]
    fn interact(&mut self, mut dx: f64, mut dy: f64, m: f64) {
        let mut d2 = dx * dx + dy * dy;
        if d2 == 0.0 {
            // Coincident: push apart in a random direction.
            let (jx, jy) = self.rng.on_circle(1e-6);
            dx = jx;
            dy = jy;
            d2 = dx * dx + dy * dy;
        }
        if d2 < self.min2 {
            d2 = (self.min2 * d2).sqrt();
        }
        let f = self.k * m / d2;
        self.fx -= dx * f;
        self.fy -= dy * f;
    }
}

/// A live force-directed layout of nodes identified by `K`.
#[derive(Debug, Clone)]
pub struct Layout<K> {
    config: LayoutConfig,
    rng: Rng,
    ids: Vec<K>,
    index: BTreeMap<K, usize>,
    xs: Vec<f64>,
    ys: Vec<f64>,
    vx: Vec<f64>,
    vy: Vec<f64>,
    pins: Vec<Option<Point>>,
    mass: Vec<f64>,
    springs: Vec<Spring>,
    /// The ties as last given, by node index, sorted: to tell whether they changed.
    tie_keys: Vec<(u32, u32, u64)>,
    alpha: f64,
    tree: QuadTree,
    /// The positions as a Vec of points, refreshed by `step` and `sync`.
    points: Vec<Point>,
}

impl<K: Ord + Clone + Debug> Layout<K> {
    /// An empty layout with the default forces.
    pub fn new(seed: u64) -> Self {
        Self::with_config(seed, LayoutConfig::default()).expect("the default config is valid")
    }

    /// An empty layout with the given forces.
    pub fn with_config(seed: u64, config: LayoutConfig) -> Result<Self, LayoutError> {
        check_config(&config)?;
        Ok(Layout {
            config,
            rng: Rng(seed),
            ids: Vec::new(),
            index: BTreeMap::new(),
            xs: Vec::new(),
            ys: Vec::new(),
            vx: Vec::new(),
            vy: Vec::new(),
            pins: Vec::new(),
            mass: Vec::new(),
            springs: Vec::new(),
            tie_keys: Vec::new(),
            alpha: 1.0,
            tree: QuadTree::default(),
            points: Vec::new(),
        })
    }

    pub fn config(&self) -> &LayoutConfig {
        &self.config
    }

    /// Replaces the network laid out. `nodes` is the full node list (its order
    /// becomes the order of [`Layout::positions`]); `ties` are (from, to,
    /// weight) with weight > 0, e.g. trust 1–5. Self-ties are ignored; several
    /// ties between one pair each pull. Known nodes keep position, velocity and
    /// pin; new nodes start near their already placed neighbours; nodes not in
    /// `nodes` are dropped. A change warms the layout to `config.reheat` (the
    /// first nodes start it hot, at 1). On error nothing changes.
    pub fn sync<'a, I>(&mut self, nodes: &[K], ties: I) -> Result<SyncReport, LayoutError>
    where
        K: 'a,
        I: IntoIterator<Item = (&'a K, &'a K, f64)>,
    {
        let mut index: BTreeMap<K, usize> = BTreeMap::new();
        for (i, id) in nodes.iter().enumerate() {
            if let Some(&first) = index.get(id) {
                return Err(LayoutError::DuplicateNode {
                    id: format!("{id:?}"),
                    first,
                    second: i,
                });
            }
            index.insert(id.clone(), i);
        }
        let mut pairs: Vec<(u32, u32, f64)> = Vec::new();
        for (k, (a, b, w)) in ties.into_iter().enumerate() {
            let find = |id: &K| {
                index
                    .get(id)
                    .copied()
                    .ok_or_else(|| LayoutError::UnknownNode {
                        index: k,
                        id: format!("{id:?}"),
                    })
            };
            let (s, t) = (find(a)?, find(b)?);
            if !(w.is_finite() && w > 0.0) {
                return Err(LayoutError::BadWeight {
                    index: k,
                    weight: w,
                });
            }
            if s != t {
                pairs.push((s as u32, t as u32, w));
            }
        }

        // Everything is valid: build the new state.
        let n = nodes.len();
        let old_index = std::mem::take(&mut self.index);
        let old = |id: &K| old_index.get(id).copied();
        let was_empty = self.ids.is_empty();
        let mut xs = vec![f64::NAN; n];
        let mut ys = vec![f64::NAN; n];
        let mut vx = vec![0.0; n];
        let mut vy = vec![0.0; n];
        let mut pins = vec![None; n];
        let mut kept = 0;
        for (i, id) in nodes.iter().enumerate() {
            if let Some(j) = old(id) {
                xs[i] = self.xs[j];
                ys[i] = self.ys[j];
                vx[i] = self.vx[j];
                vy[i] = self.vy[j];
                pins[i] = self.pins[j];
                kept += 1;
            }
        }
        let removed = self.ids.len() - kept;
        let added = n - kept;

        // Ties, in the old numbering where both ends are old, to compare.
        let mut degree = vec![0u32; n];
        for &(s, t, _) in &pairs {
            degree[s as usize] += 1;
            degree[t as usize] += 1;
        }
        let mut tie_keys: Vec<(u32, u32, u64)> = pairs
            .iter()
            .map(|&(s, t, w)| (s.min(t), s.max(t), w.to_bits()))
            .collect();
        tie_keys.sort_unstable();
        let ties_changed = if added == 0 && removed == 0 {
            // Same node set: renumber the new ties into the old order.
            let mut renumbered: Vec<(u32, u32, u64)> = tie_keys
                .iter()
                .map(|&(s, t, w)| {
                    let s = old(&nodes[s as usize]).expect("a kept node") as u32;
                    let t = old(&nodes[t as usize]).expect("a kept node") as u32;
                    (s.min(t), s.max(t), w)
                })
                .collect();
            renumbered.sort_unstable();
            renumbered != self.tie_keys
        } else {
            true
        };

        let springs = pairs
            .iter()
            .map(|&(s, t, w)| {
                let (ds, dt) = (f64::from(degree[s as usize]), f64::from(degree[t as usize]));
                Spring {
                    s,
                    t,
                    weight: w,
                    strength: (w / self.config.weight_scale).min(1.0) / ds.min(dt),
                    bias: ds / (ds + dt),
                }
            })
            .collect();

        self.ids = nodes.to_vec();
        self.index = index;
        self.xs = xs;
        self.ys = ys;
        self.vx = vx;
        self.vy = vy;
        self.pins = pins;
        self.mass = vec![1.0; n];
        self.springs = springs;
        self.tie_keys = tie_keys;
        if was_empty {
            self.place_spiral();
        } else {
            self.place_new(&pairs);
        }
        let report = SyncReport {
            added,
            removed,
            ties_changed,
        };
        if was_empty && n > 0 {
            self.alpha = 1.0;
        } else if report.changed() {
            self.alpha = self.alpha.max(self.config.reheat);
        }
        self.refresh_points();
        Ok(report)
    }

    /// Places every node on a sunflower spiral around the origin (d3's
    /// phyllotaxis start): evenly spread, no two nodes at one point.
    fn place_spiral(&mut self) {
        let r0 = self.config.link_distance / 3.0;
        let angle = std::f64::consts::PI * (3.0 - 5f64.sqrt());
        for i in 0..self.ids.len() {
            if let Some(p) = self.pins[i] {
                self.xs[i] = p.x;
                self.ys[i] = p.y;
                continue;
            }
            let r = r0 * (0.5 + i as f64).sqrt();
            let a = i as f64 * angle;
            self.xs[i] = r * a.cos();
            self.ys[i] = r * a.sin();
        }
    }

    /// Places the nodes that have no position yet: breadth-first from the
    /// placed ones, each at the mean of its placed neighbours plus a small
    /// random offset; a node with no placed neighbour starts just outside the
    /// map, so gravity brings it in.
    fn place_new(&mut self, pairs: &[(u32, u32, f64)]) {
        let n = self.ids.len();
        let unplaced = |xs: &[f64], i: usize| xs[i].is_nan();
        if !(0..n).any(|i| unplaced(&self.xs, i)) {
            return;
        }
        // Neighbour lists (CSR).
        let mut start = vec![0usize; n + 1];
        for &(s, t, _) in pairs {
            start[s as usize + 1] += 1;
            start[t as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut nbr = vec![0u32; start[n]];
        for &(s, t, _) in pairs {
            nbr[fill[s as usize]] = t;
            fill[s as usize] += 1;
            nbr[fill[t as usize]] = s;
            fill[t as usize] += 1;
        }
        // The map's extent, for nodes that have no placed neighbour.
        let placed: Vec<usize> = (0..n).filter(|&i| !unplaced(&self.xs, i)).collect();
        let (mut cx, mut cy) = (0.0, 0.0);
        for &i in &placed {
            cx += self.xs[i];
            cy += self.ys[i];
        }
        let count = placed.len().max(1) as f64;
        cx /= count;
        cy /= count;
        let mut radius = 0.0f64;
        for &i in &placed {
            radius = radius.max((self.xs[i] - cx).hypot(self.ys[i] - cy));
        }
        let jitter = self.config.link_distance * 0.5;

        // Breadth-first from every placed node; a queue, not recursion.
        let mut queue: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
        let mut queued = vec![false; n];
        for &i in &placed {
            for &j in &nbr[start[i]..start[i + 1]] {
                let j = j as usize;
                if unplaced(&self.xs, j) && !queued[j] {
                    queued[j] = true;
                    queue.push_back(j);
                }
            }
        }
        let mut next_lonely = 0;
        loop {
            let i = match queue.pop_front() {
                Some(i) => i,
                None => {
                    // A node with no placed neighbour: outside the map.
                    match (next_lonely..n).find(|&i| unplaced(&self.xs, i)) {
                        Some(i) => {
                            next_lonely = i + 1;
                            let (dx, dy) = self.rng.on_circle(radius + self.config.link_distance);
                            self.put(i, cx + dx, cy + dy);
                            self.enqueue_neighbours(i, &start, &nbr, &mut queued, &mut queue);
                            continue;
                        }
                        None => break,
                    }
                }
            };
            let (mut sx, mut sy, mut k) = (0.0, 0.0, 0.0);
            for &j in &nbr[start[i]..start[i + 1]] {
                let j = j as usize;
                if !unplaced(&self.xs, j) {
                    sx += self.xs[j];
                    sy += self.ys[j];
                    k += 1.0;
                }
            }
            let (dx, dy) = self.rng.on_circle(jitter);
            self.put(i, sx / k + dx, sy / k + dy);
            self.enqueue_neighbours(i, &start, &nbr, &mut queued, &mut queue);
        }
    }

    fn put(&mut self, i: usize, x: f64, y: f64) {
        match self.pins[i] {
            Some(p) => {
                self.xs[i] = p.x;
                self.ys[i] = p.y;
            }
            None => {
                self.xs[i] = x;
                self.ys[i] = y;
            }
        }
    }

    fn enqueue_neighbours(
        &self,
        i: usize,
        start: &[usize],
        nbr: &[u32],
        queued: &mut [bool],
        queue: &mut std::collections::VecDeque<usize>,
    ) {
        for &j in &nbr[start[i]..start[i + 1]] {
            let j = j as usize;
            if self.xs[j].is_nan() && !queued[j] {
                queued[j] = true;
                queue.push_back(j);
            }
        }
    }

    /// Runs one iteration and returns the mean distance nodes moved in it
    /// (layout units). Cools `alpha` by one step.
    pub fn step(&mut self) -> f64 {
        let n = self.ids.len();
        if n == 0 {
            return 0.0;
        }
        let c = &self.config;
        self.alpha += (0.0 - self.alpha) * c.alpha_decay;
        let alpha = self.alpha;

        // Springs, on positions predicted with the current velocities (d3's link force).
        for sp in &self.springs {
            let (s, t) = (sp.s as usize, sp.t as usize);
            let mut dx = self.xs[t] + self.vx[t] - self.xs[s] - self.vx[s];
            let mut dy = self.ys[t] + self.vy[t] - self.ys[s] - self.vy[s];
            if dx == 0.0 && dy == 0.0 {
                let (jx, jy) = self.rng.on_circle(1e-6);
                dx = jx;
                dy = jy;
            }
            let l = (dx * dx + dy * dy).sqrt();
            let f = (l - c.link_distance) / l * alpha * sp.strength;
            dx *= f;
            dy *= f;
            self.vx[t] -= dx * sp.bias;
            self.vy[t] -= dy * sp.bias;
            self.vx[s] += dx * (1.0 - sp.bias);
            self.vy[s] += dy * (1.0 - sp.bias);
        }

        // Repulsion, Barnes–Hut.
        self.tree.build(&self.xs, &self.ys, &self.mass);
        let theta2 = c.theta * c.theta;
        let min2 = c.min_distance * c.min_distance;
        let k = c.repulsion * alpha;
        let mut push = Repulsion {
            fx: 0.0,
            fy: 0.0,
            k,
            min2,
            rng: &mut self.rng,
        };
        for i in 0..n {
            push.fx = 0.0;
            push.fy = 0.0;
            self.tree
                .visit(i, &self.xs, &self.ys, &self.mass, theta2, &mut push);
            self.vx[i] += push.fx;
            self.vy[i] += push.fy;
        }

        // Gravity toward the origin, and integration.
        let g = c.gravity * alpha;
        let keep = 1.0 - c.velocity_decay;
        let mut moved = 0.0;
        for i in 0..n {
            if let Some(p) = self.pins[i] {
                self.xs[i] = p.x;
                self.ys[i] = p.y;
                self.vx[i] = 0.0;
                self.vy[i] = 0.0;
                continue;
            }
            self.vx[i] = (self.vx[i] - self.xs[i] * g) * keep;
            self.vy[i] = (self.vy[i] - self.ys[i] * g) * keep;
            self.xs[i] += self.vx[i];
            self.ys[i] += self.vy[i];
            moved += self.vx[i].hypot(self.vy[i]);
        }
        self.refresh_points();
        moved / n as f64
    }

    fn refresh_points(&mut self) {
        self.points.clear();
        self.points
            .extend(self.xs.iter().zip(&self.ys).map(|(&x, &y)| Point { x, y }));
    }

    /// Whether the layout has cooled down: the view can stop stepping until
    /// the next change.
    pub fn settled(&self) -> bool {
        self.alpha < self.config.alpha_min
    }

    /// The current temperature, 1 (hot) to 0.
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// Sets the temperature (e.g. 1 to lay the map out afresh), clamped to [0, 1].
    pub fn set_alpha(&mut self, alpha: f64) {
        if alpha.is_finite() {
            self.alpha = alpha.clamp(0.0, 1.0);
        }
    }

    /// Holds node `id` at (x, y) until [`Layout::unpin`]; warms the layout so
    /// its neighbours follow (call it on every move of a drag).
    pub fn pin(&mut self, id: &K, x: f64, y: f64) -> Result<(), LayoutError> {
        let Some(&i) = self.index.get(id) else {
            return Err(LayoutError::UnknownPin {
                id: format!("{id:?}"),
            });
        };
        if !(x.is_finite() && y.is_finite()) {
            return Err(LayoutError::BadPin {
                id: format!("{id:?}"),
                x,
                y,
            });
        }
        self.pins[i] = Some(Point { x, y });
        self.xs[i] = x;
        self.ys[i] = y;
        self.vx[i] = 0.0;
        self.vy[i] = 0.0;
        self.points[i] = Point { x, y };
        self.alpha = self.alpha.max(self.config.reheat);
        Ok(())
    }

    /// Lets node `id` move again; returns whether it was pinned.
    pub fn unpin(&mut self, id: &K) -> bool {
        match self.index.get(id) {
            Some(&i) => self.pins[i].take().is_some(),
            None => false,
        }
    }

    pub fn is_pinned(&self, id: &K) -> bool {
        self.index.get(id).is_some_and(|&i| self.pins[i].is_some())
    }

    /// The node ids, in the order of the last [`Layout::sync`].
    pub fn ids(&self) -> &[K] {
        &self.ids
    }

    /// Positions, in the order of [`Layout::ids`].
    pub fn positions(&self) -> &[Point] {
        &self.points
    }

    pub fn position(&self, id: &K) -> Option<Point> {
        self.index.get(id).map(|&i| self.points[i])
    }

    /// The smallest box holding every node, as (min, max); `None` when empty.
    pub fn bounds(&self) -> Option<(Point, Point)> {
        let first = *self.points.first()?;
        Some(self.points.iter().fold((first, first), |(lo, hi), p| {
            (
                Point {
                    x: lo.x.min(p.x),
                    y: lo.y.min(p.y),
                },
                Point {
                    x: hi.x.max(p.x),
                    y: hi.y.max(p.y),
                },
            )
        }))
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ties as springs: (from index, to index, weight), in input order.
    pub fn ties(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.springs
            .iter()
            .map(|s| (s.s as usize, s.t as usize, s.weight))
    }
}

fn check_config(c: &LayoutConfig) -> Result<(), LayoutError> {
    let checks: [(&'static str, f64, bool, &'static str); 10] = [
        ("theta", c.theta, c.theta >= 0.0, "it must be 0 or more"),
        (
            "repulsion",
            c.repulsion,
            c.repulsion >= 0.0,
            "it must be 0 or more",
        ),
        (
            "min_distance",
            c.min_distance,
            c.min_distance > 0.0,
            "it must be positive",
        ),
        (
            "link_distance",
            c.link_distance,
            c.link_distance >= 0.0,
            "it must be 0 or more",
        ),
        (
            "weight_scale",
            c.weight_scale,
            c.weight_scale > 0.0,
            "it must be positive",
        ),
        (
            "gravity",
            c.gravity,
            c.gravity >= 0.0,
            "it must be 0 or more",
        ),
        (
            "velocity_decay",
            c.velocity_decay,
            (0.0..=1.0).contains(&c.velocity_decay),
            "it must be between 0 and 1",
        ),
        (
            "alpha_decay",
            c.alpha_decay,
            (0.0..1.0).contains(&c.alpha_decay),
            "it must be at least 0 and below 1",
        ),
        (
            "alpha_min",
            c.alpha_min,
            (0.0..=1.0).contains(&c.alpha_min),
            "it must be between 0 and 1",
        ),
        (
            "reheat",
            c.reheat,
            (0.0..=1.0).contains(&c.reheat),
            "it must be between 0 and 1",
        ),
    ];
    for (name, value, ok, expected) in checks {
        if !(ok && value.is_finite()) {
            return Err(LayoutError::BadConfig {
                name,
                value,
                expected,
            });
        }
    }
    Ok(())
}
