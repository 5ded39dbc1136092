//! Node centralities — degree, betweenness (unweighted and weighted, Brandes),
//! closeness and eigenvector — computed and normalized exactly as NetworkX does,
//! so the reference tests can hold them to 1e-9.
//!
//! The unweighted measures that need all shortest paths share one breadth-first
//! sweep ([`PathSweep`]): a single O(nm) pass yields betweenness, closeness and
//! each node's eccentricity (for the diameter and average path length). It
//! searches from 64 sources at once, one bit of a word each, so a node's
//! neighbours are read once for all the sources that reach it at the same
//! distance (see [`Batch`]). Weighted betweenness runs Dijkstra's search from
//! one source at a time, with a bucket queue when lengths are small integers
//! (trust distances are) and a binary heap otherwise; its buffers are
//! allocated once per sweep and reset only where a search touched them, and
//! a node's predecessors are picked from its own neighbour list without
//! branching (see [`weighted_betweenness`]).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::graph::Adjacency;

/// Why a centrality could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CentralityError {
    #[error("edge {u}–{v} has length {length}; path lengths must be positive and finite")]
    BadLength { u: usize, v: usize, length: f64 },
    #[error("eigenvector centrality did not converge in {iterations} iterations")]
    NotConverged { iterations: usize },
}

/// Degree centrality: the degree divided by `n - 1` (every node gets 1 when
/// `n <= 1`), as `networkx.degree_centrality`.
pub fn degree_centrality(g: &Adjacency) -> Vec<f64> {
    let n = g.node_count();
    if n <= 1 {
        return vec![1.0; n];
    }
    let s = 1.0 / (n as f64 - 1.0);
    (0..n).map(|u| g.degree(u) as f64 * s).collect()
}

/// What one breadth-first search from every node yields.
#[derive(Debug, Clone, PartialEq)]
pub struct PathSweep {
    /// Betweenness normalized as NetworkX does for an undirected graph: divided
    /// by (n−1)(n−2) over ordered pairs, which equals (n−1)(n−2)/2 over
    /// unordered ones. Unscaled when n ≤ 2 (it is zero there anyway).
    pub betweenness: Vec<f64>,
    /// Closeness with the Wasserman–Faust correction for disconnected graphs
    /// (NetworkX's `wf_improved=True`): (r−1)/Σd · (r−1)/(n−1), where r counts
    /// the nodes a node reaches, itself included.
    pub closeness: Vec<f64>,
    /// The largest distance from each node to a node it reaches.
    pub eccentricity: Vec<u32>,
    /// The sum of distances from each node to the nodes it reaches.
    pub distance_sum: Vec<u64>,
    /// How many nodes each node reaches, itself included.
    pub reached: Vec<u32>,
}

/// Sources searched together by [`path_sweep`]: one bit of a `u64` each.
const LANES: usize = 64;

/// The breadth-first searches from up to [`LANES`] sources at once (lane `b`
/// is source `first + b`), level by level, with the sources that reach a node
/// at a level kept as the bits of one word.
///
/// A level is a list of entries (node, lanes): the node and the sources for
/// which it lies at that distance. A node's neighbours are read once per
/// entry rather than once per source, and on sparse graphs most nodes lie at
/// the same few distances from many sources, so a batch reads far fewer
/// neighbour lists than its searches one by one would; the per-source work
/// left (adding path counts and dependencies) runs only over the bits of the
/// words that meet, that is over the edges of each source's shortest-path
/// DAG. Path counts are whole numbers, so they come out exactly as one search
/// at a time gives them; dependencies are pulled from each node's successors
/// in neighbour order, which can change their last bits only.
struct Batch {
    /// Per node: the lanes that have reached it.
    seen: Vec<u64>,
    /// Per node: the lanes reaching it at the level being built.
    next: Vec<u64>,
    /// Per node: its lanes at the level read by the backward pass.
    below: Vec<u64>,
    /// Per node and lane (`node * LANES + lane`): the path count, then (once
    /// its dependency is known) (1 + dependency) / path count.
    sigma: Vec<f64>,
    /// Per node and lane: the dependency.
    delta: Vec<f64>,
    /// Every level's entries, level after level; `levels[d]` is where level
    /// d starts.
    entries: Vec<(u32, u64)>,
    levels: Vec<usize>,
}

/// The lanes (bit positions) set in `m`, lowest first.
fn lanes(mut m: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (m != 0).then(|| {
            let b = m.trailing_zeros() as usize;
            m &= m - 1;
            b
        })
    })
}

impl Batch {
    fn new(n: usize) -> Self {
        Batch {
            seen: vec![0; n],
            next: vec![0; n],
            below: vec![0; n],
            sigma: vec![0.0; n * LANES],
            delta: vec![0.0; n * LANES],
            entries: Vec::with_capacity(n),
            levels: Vec::new(),
        }
    }

    /// Searches from sources `first..first + count`, adding their
    /// dependencies to `out.bc` and writing their reach to `out`'s other
    /// vectors (indexed by source).
    fn run(&mut self, g: &Adjacency, first: usize, count: usize, out: &mut SweepOut) {
        let Batch {
            seen,
            next,
            below,
            sigma,
            delta,
            entries,
            levels,
        } = self;
        entries.clear();
        levels.clear();
        levels.push(0);
        for b in 0..count {
            let s = first + b;
            entries.push((s as u32, 1 << b));
            seen[s] = 1 << b;
            sigma[s * LANES + b] = 1.0;
            out.reached[s] = 1;
        }
        // Forward: each level's entries hand their path counts to the
        // neighbours they reach first.
        let mut touched: Vec<u32> = Vec::new();
        let mut depth = 0u32;
        loop {
            let (start, end) = (levels[depth as usize], entries.len());
            if start == end {
                break;
            }
            levels.push(end);
            depth += 1;
            for &(v, mv) in &entries[start..end] {
                let v = v as usize;
                for &w in g.neighbors(v) {
                    let w = w as usize;
                    let new = mv & !seen[w];
                    if new != 0 {
                        if next[w] == 0 {
                            touched.push(w as u32);
                        }
                        next[w] |= new;
                        for b in lanes(new) {
                            sigma[w * LANES + b] += sigma[v * LANES + b];
                        }
                    }
                }
            }
            for &w in &touched {
                let w = w as usize;
                let m = next[w];
                next[w] = 0;
                seen[w] |= m;
                entries.push((w as u32, m));
                for b in lanes(m) {
                    let s = first + b;
                    out.ecc[s] = depth;
                    out.dsum[s] += u64::from(depth);
                    out.reached[s] += 1;
                }
            }
            touched.clear();
        }
        // Backward, deepest level first: a level's coefficients, then the
        // level above pulls its dependencies from them (the sources' own
        // dependencies are never needed).
        let deepest = levels.len() - 2;
        for d in (1..=deepest).rev() {
            for &(w, m) in &entries[levels[d]..levels[d + 1]] {
                let w = w as usize;
                below[w] = m;
                for b in lanes(m) {
                    let k = w * LANES + b;
                    sigma[k] = (1.0 + delta[k]) / sigma[k];
                }
            }
            if d >= 2 {
                for &(v, mv) in &entries[levels[d - 1]..levels[d]] {
                    let v = v as usize;
                    for &w in g.neighbors(v) {
                        let w = w as usize;
                        let m = mv & below[w];
                        for b in lanes(m) {
                            delta[v * LANES + b] += sigma[v * LANES + b] * sigma[w * LANES + b];
                        }
                    }
                }
            }
            for &(w, _) in &entries[levels[d]..levels[d + 1]] {
                below[w as usize] = 0;
            }
        }
        // Each node's dependencies added source by source, as one search at
        // a time adds them (a lane that did not reach the node adds zero).
        for (w, row) in delta.chunks_exact(LANES).enumerate() {
            for &x in &row[..count] {
                out.bc[w] += x;
            }
        }
        seen.fill(0);
        sigma.fill(0.0);
        delta.fill(0.0);
    }
}

/// What [`path_sweep`] gathers, indexed by node.
struct SweepOut {
    bc: Vec<f64>,
    ecc: Vec<u32>,
    dsum: Vec<u64>,
    reached: Vec<u32>,
}

/// Runs Brandes' algorithm with breadth-first search from every node, the
/// searches [`LANES`] at a time (see [`Batch`]): path counts summed over each
/// node's predecessors, dependencies flowing back along them as in NetworkX.
pub fn path_sweep(g: &Adjacency) -> PathSweep {
    let n = g.node_count();
    let mut out = SweepOut {
        bc: vec![0.0; n],
        ecc: vec![0; n],
        dsum: vec![0; n],
        reached: vec![0; n],
    };
    let mut batch = Batch::new(n);
    for first in (0..n).step_by(LANES) {
        batch.run(g, first, LANES.min(n - first), &mut out);
    }
    let SweepOut {
        mut bc,
        ecc,
        dsum,
        reached,
    } = out;
    rescale_betweenness(&mut bc);
    let closeness = (0..n)
        .map(|u| closeness_from(reached[u] as usize, dsum[u] as f64, n))
        .collect();
    PathSweep {
        betweenness: bc,
        closeness,
        eccentricity: ecc,
        distance_sum: dsum,
        reached,
    }
}

/// The buffers of one Dijkstra search from a source, allocated once per sweep
/// and reset after each search only where it reached.
///
/// Predecessors are kept on a stack in the order the search settles nodes:
/// each node's predecessors are written right after the previous node's, so
/// the search writes and the accumulation reads one contiguous stretch of
/// memory instead of slots scattered over an array as large as the graph's
/// neighbour lists.
struct Search<D> {
    dist: Vec<D>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    /// The settling order.
    order: Vec<u32>,
    /// The predecessors of `order[1]`, then those of `order[2]`, … (a node's
    /// predecessors are among its neighbours, so the stack never holds more
    /// than the neighbour lists do).
    stack: Vec<u32>,
    /// How many predecessors `order[i]` has, by position `i`.
    pred_count: Vec<u32>,
    /// `dist`, `sigma` and `order` have a power of two entries, at least
    /// n + 1, and `stack` a power of two at least as large as the neighbour
    /// lists; the inner loops index them with these masks (`i & mask`), which
    /// change no index that is in range and let the compiler drop the bounds
    /// checks there (a check per access, with a branch, is a large share of
    /// those loops' instructions).
    mask: usize,
    stack_mask: usize,
}

impl<D: Copy> Search<D> {
    fn new(g: &Adjacency, unseen: D) -> Self {
        let n = g.node_count();
        let room = (n + 1).next_power_of_two();
        let stack_room = g.targets_len().next_power_of_two();
        Search {
            dist: vec![unseen; room],
            sigma: vec![0.0; room],
            delta: vec![0.0; n],
            order: vec![0; room],
            stack: vec![0; stack_room],
            pred_count: vec![0; n + 1],
            mask: room - 1,
            stack_mask: stack_room - 1,
        }
    }

    /// Adds to `bc` the dependencies of the nodes on the source `order[0]`,
    /// accumulated from the farthest node back over the first `len` nodes of
    /// `order`, whose predecessors fill `stack[..top]`.
    fn accumulate(&mut self, len: usize, mut top: usize, bc: &mut [f64]) {
        let Search {
            sigma,
            delta,
            order,
            stack,
            pred_count,
            ..
        } = self;
        for (&w, &k) in order[1..len].iter().zip(&pred_count[1..len]).rev() {
            let w = w as usize;
            let coeff = (1.0 + delta[w]) / sigma[w];
            let start = top - k as usize;
            for &v in &stack[start..top] {
                let v = v as usize;
                delta[v] += sigma[v] * coeff;
            }
            top = start;
            bc[w] += delta[w];
        }
    }
}

/// NetworkX's closeness formula for one node.
fn closeness_from(reached: usize, total: f64, n: usize) -> f64 {
    if total > 0.0 && n > 1 {
        let r = reached as f64 - 1.0;
        (r / total) * (r / (n as f64 - 1.0))
    } else {
        0.0
    }
}

/// NetworkX's normalization of betweenness without endpoints.
fn rescale_betweenness(bc: &mut [f64]) {
    let n = bc.len();
    if n > 2 {
        let scale = 1.0 / ((n as f64 - 1.0) * (n as f64 - 2.0));
        for b in bc {
            *b *= scale;
        }
    }
}

/// Normalized unweighted betweenness (`networkx.betweenness_centrality(G)`).
pub fn betweenness(g: &Adjacency) -> Vec<f64> {
    path_sweep(g).betweenness
}

/// Closeness centrality (`networkx.closeness_centrality(G)`).
pub fn closeness(g: &Adjacency) -> Vec<f64> {
    path_sweep(g).closeness
}

/// A path length: exact integers when every edge length is a small integer
/// (as trust distances are), floats otherwise.
trait Length: Copy + PartialOrd + std::ops::Add<Output = Self> {
    const ZERO: Self;
    const INFINITY: Self;
    /// Whether a sum of lengths always exceeds each of its terms (no length
    /// is lost to rounding).
    const EXACT: bool;
    /// `self + l`, staying at infinity when `self` is infinite.
    fn saturating_plus(self, l: Self) -> Self;
}

impl Length for f64 {
    const ZERO: f64 = 0.0;
    const INFINITY: f64 = f64::INFINITY;
    const EXACT: bool = false;
    #[inline]
    fn saturating_plus(self, l: f64) -> f64 {
        self + l
    }
}

impl Length for u32 {
    const ZERO: u32 = 0;
    const INFINITY: u32 = u32::MAX;
    const EXACT: bool = true;
    #[inline]
    fn saturating_plus(self, l: u32) -> u32 {
        self.saturating_add(l)
    }
}

/// The frontier of a Dijkstra search: tentative (distance, node) entries,
/// popped nearest first. Stale entries are skipped by the caller.
trait Frontier<D> {
    /// Adds `(dist, v)` if `keep`. `dist` is the distance last popped plus
    /// the length of one edge.
    fn push_if(&mut self, keep: bool, dist: D, v: u32);
    fn pop(&mut self) -> Option<(D, u32)>;
}

/// A binary heap, for any positive lengths. Non-negative finite floats order
/// like their bit patterns, so it holds plain integers.
struct Heap(BinaryHeap<Reverse<(u64, u32)>>);

impl Frontier<f64> for Heap {
    fn push_if(&mut self, keep: bool, dist: f64, v: u32) {
        if keep {
            self.0.push(Reverse((dist.to_bits(), v)));
        }
    }
    fn pop(&mut self) -> Option<(f64, u32)> {
        self.0.pop().map(|Reverse((d, v))| (f64::from_bits(d), v))
    }
}

/// Dial's bucket queue for integer lengths: every tentative distance lies
/// within one longest edge of the last one popped, so longest + 1 circular
/// buckets hold them all, each bucket holding only entries at the distance it
/// is read at, and a pop costs O(1) instead of O(log n). `slot` is the bucket
/// of `cursor`, kept alongside it so no step divides.
///
/// The buckets are fixed stretches of one array, each with room for every
/// node: a bucket holds distinct nodes (a node is pushed again only at a
/// shorter distance), and never the source with them, so it never fills. A
/// push writes its entry whether it is kept or not and only advances the
/// bucket's length when it is, so relaxing an edge does not branch.
struct Buckets {
    slots: Vec<u32>,
    len: Vec<u32>,
    /// Room per bucket: the node count.
    room: usize,
    cursor: u32,
    slot: usize,
    live: usize,
}

/// The most entries Dial's buckets may take (`(longest + 1) · n`, 16 MiB);
/// larger searches use the binary heap.
const MAX_BUCKET_ENTRIES: usize = 1 << 22;

impl Buckets {
    fn new(longest: usize, n: usize) -> Self {
        Buckets {
            slots: vec![0; (longest + 1) * n],
            len: vec![0; longest + 1],
            room: n,
            cursor: 0,
            slot: 0,
            live: 0,
        }
    }
}

impl Frontier<u32> for Buckets {
    #[inline]
    fn push_if(&mut self, keep: bool, dist: u32, v: u32) {
        // cursor <= dist <= cursor + longest.
        let mut slot = self.slot + (dist - self.cursor) as usize;
        if slot >= self.len.len() {
            slot -= self.len.len();
        }
        let len = self.len[slot];
        self.slots[slot * self.room + len as usize] = v;
        self.len[slot] = len + u32::from(keep);
        self.live += usize::from(keep);
    }
    fn pop(&mut self) -> Option<(u32, u32)> {
        if self.live == 0 {
            self.cursor = 0;
            self.slot = 0;
            return None;
        }
        loop {
            let len = self.len[self.slot];
            if len > 0 {
                self.len[self.slot] = len - 1;
                self.live -= 1;
                let v = self.slots[self.slot * self.room + len as usize - 1];
                return Some((self.cursor, v));
            }
            self.cursor += 1;
            self.slot += 1;
            if self.slot == self.len.len() {
                self.slot = 0;
            }
        }
    }
}

/// The longest edge length that still makes Dial's buckets worthwhile.
const MAX_BUCKETS: f64 = 4096.0;

/// Normalized weighted betweenness, reading each edge weight as the edge's
/// *length*, as `networkx.betweenness_centrality(G, weight="weight")` does.
///
/// Paths of equal length share credit only when their lengths are equal in
/// floating point, exactly as in NetworkX (both add lengths along the path in the
/// same order). Lengths must be positive and finite. When they are all small
/// integers (as trust distances are) the search adds exact integers and uses a
/// bucket queue, which gives the same result faster.
pub fn weighted_betweenness(g: &Adjacency) -> Result<Vec<f64>, CentralityError> {
    weighted_betweenness_within(g, MAX_BUCKET_ENTRIES)
}

/// [`weighted_betweenness`], with Dial's buckets only when they take at most
/// `max_entries` entries.
fn weighted_betweenness_within(
    g: &Adjacency,
    max_entries: usize,
) -> Result<Vec<f64>, CentralityError> {
    let mut longest = 0.0f64;
    let mut integral = true;
    for (u, v, w) in g.edges() {
        if !(w > 0.0 && w.is_finite()) {
            return Err(CentralityError::BadLength { u, v, length: w });
        }
        longest = longest.max(w);
        integral &= w.fract() == 0.0;
    }
    let n = g.node_count();
    // A shortest path has fewer than n edges, so its length fits in a u32.
    let fits = longest * (n as f64) < f64::from(u32::MAX);
    let small = (longest + 1.0) * (n as f64) <= max_entries as f64;
    // Each node's neighbours side by side with the lengths of its edges.
    fn arcs<D>(g: &Adjacency, length: impl Fn(f64) -> D) -> Vec<(u32, D)> {
        (0..g.node_count())
            .flat_map(|u| g.neighbors(u).iter().zip(g.weights(u)))
            .map(|(&v, &w)| (v, length(w)))
            .collect()
    }
    Ok(if integral && longest <= MAX_BUCKETS && fits && small {
        let arcs = arcs(g, |w| w as u32);
        dijkstra_sweep(g, &arcs, Buckets::new(longest as usize, n))
    } else {
        let arcs = arcs(g, |w| w);
        dijkstra_sweep(g, &arcs, Heap(BinaryHeap::with_capacity(n)))
    })
}

/// Brandes' algorithm with Dijkstra's search from every node; `arcs` holds
/// each node's neighbours with the lengths of the edges to them, laid out like
/// the adjacency's neighbour array.
///
/// A node's predecessors are found when it is settled, from its own neighbour
/// list (each neighbour written to the top of the predecessor stack, and kept
/// by advancing the top only if it is one): the neighbours w already settled with
/// dist(w) + length = dist(v), added as NetworkX adds them, so equal paths
/// are recognized exactly as NetworkX recognizes them. (Every predecessor is
/// settled before v since lengths are positive; a neighbour not yet settled
/// has a path count of zero, which is how the test tells them apart in the
/// rare case of a float length too small to change a distance.)
fn dijkstra_sweep<D: Length>(
    g: &Adjacency,
    arcs: &[(u32, D)],
    mut frontier: impl Frontier<D>,
) -> Vec<f64> {
    let n = g.node_count();
    let mut bc = vec![0.0f64; n];
    let mut search = Search::new(g, D::INFINITY);
    for s in 0..n {
        search.dijkstra(g.offsets(), arcs, &mut frontier, s, &mut bc);
    }
    rescale_betweenness(&mut bc);
    bc
}

impl<D: Length> Search<D> {
    /// One Dijkstra search from `s`, adding its dependencies to `bc`. Path
    /// counts are zero except for nodes settled by the current search.
    fn dijkstra(
        &mut self,
        offsets: &[usize],
        arcs: &[(u32, D)],
        frontier: &mut impl Frontier<D>,
        s: usize,
        bc: &mut [f64],
    ) {
        let Search {
            dist,
            sigma,
            order,
            stack,
            pred_count,
            mask,
            stack_mask,
            ..
        } = self;
        let (nm, sm) = (*mask, *stack_mask);
        let (dist, sigma) = (&mut dist[..=nm], &mut sigma[..=nm]);
        let stack = &mut stack[..=sm];
        // The settled nodes, nearest first. Every node a search reaches is
        // settled before it ends, so this is also the list of nodes to reset.
        let mut len = 0;
        let mut top = 0;
        dist[s] = D::ZERO;
        frontier.push_if(true, D::ZERO, s as u32);
        while let Some((d, v)) = frontier.pop() {
            let v = v as usize;
            // A node is pushed again only when its distance drops, so every
            // entry but the one at its final distance is stale.
            if d != dist[v] {
                continue;
            }
            let (start, end) = (offsets[v], offsets[v + 1]);
            debug_assert!(top + (end - start) <= stack.len());
            let mut k = 0;
            for &(w, l) in &arcs[start..end] {
                // In range: w < n, top + k < top + degree.
                let wi = w as usize & nm;
                let dw = dist[wi];
                stack[(top + k) & sm] = w;
                k += usize::from(dw.saturating_plus(l) == d && (D::EXACT || sigma[wi] != 0.0));
                let alt = d + l;
                let better = alt < dw;
                frontier.push_if(better, alt, w);
                dist[wi] = if better { alt } else { dw };
            }
            // The source has no settled neighbour yet, so no predecessor.
            sigma[v] = if len == 0 {
                1.0
            } else {
                stack[top..top + k]
                    .iter()
                    .map(|&p| sigma[p as usize & nm])
                    .sum()
            };
            order[len] = v as u32;
            pred_count[len] = k as u32;
            top += k;
            len += 1;
        }
        self.accumulate(len, top, bc);
        for &v in &self.order[..len] {
            let v = v as usize;
            self.dist[v] = D::INFINITY;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
        }
    }
}

/// Eigenvector centrality by power iteration on A + I, exactly as
/// `networkx.eigenvector_centrality(G, max_iter, tol, weight)`: start from the
/// uniform vector, scale to Euclidean norm 1 after each step, and stop when the
/// L1 change is below `n · tol`. With `weighted`, edge weights scale the
/// contributions (weight as strength, not length).
///
/// NetworkX's default `tol` is 1e-6; a tight tolerance such as 1e-12 makes the
/// result agree with the exact eigenvector (and with NetworkX run at the same
/// tolerance) far below 1e-9.
pub fn eigenvector(
    g: &Adjacency,
    weighted: bool,
    tol: f64,
    max_iter: usize,
) -> Result<Vec<f64>, CentralityError> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut x = vec![1.0 / n as f64; n];
    let mut last = vec![0.0; n];
    for _ in 0..max_iter {
        std::mem::swap(&mut x, &mut last);
        x.copy_from_slice(&last);
        for (u, &xu) in last.iter().enumerate() {
            if weighted {
                for (&v, &w) in g.neighbors(u).iter().zip(g.weights(u)) {
                    x[v as usize] += xu * w;
                }
            } else {
                for &v in g.neighbors(u) {
                    x[v as usize] += xu;
                }
            }
        }
        let norm = hypot(&x);
        let norm = if norm == 0.0 { 1.0 } else { norm };
        for xi in x.iter_mut() {
            *xi /= norm;
        }
        let change: f64 = x.iter().zip(&last).map(|(a, b)| (a - b).abs()).sum();
        if change < n as f64 * tol {
            return Ok(x);
        }
    }
    Err(CentralityError::NotConverged {
        iterations: max_iter,
    })
}

/// The Euclidean norm, scaled by the largest entry so no square overflows.
fn hypot(x: &[f64]) -> f64 {
    let max = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if max == 0.0 || !max.is_finite() {
        return max;
    }
    let sum: f64 = x.iter().map(|v| (v / max) * (v / max)).sum();
    max * sum.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(n: usize) -> Adjacency {
        Adjacency::from_edges(n, (1..n).map(|i| (i - 1, i, 1.0)))
    }

    #[test]
    fn path_of_three() {
        let g = path(3);
        assert_eq!(betweenness(&g), vec![0.0, 1.0, 0.0]);
        assert_eq!(weighted_betweenness(&g).unwrap(), vec![0.0, 1.0, 0.0]);
        let c = closeness(&g);
        assert!((c[0] - 2.0 / 3.0).abs() < 1e-15 && (c[1] - 1.0).abs() < 1e-15);
    }

    /// Brandes' algorithm as NetworkX writes it (push along each arc, lists
    /// of predecessors, a binary heap), to hold the fast sweeps to.
    fn brandes_reference(g: &Adjacency, weighted: bool) -> Vec<f64> {
        let n = g.node_count();
        let mut bc = vec![0.0; n];
        for s in 0..n {
            let mut order = Vec::new();
            let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
            let mut sigma = vec![0.0f64; n];
            let mut dist = vec![f64::INFINITY; n];
            let mut done = vec![false; n];
            sigma[s] = 1.0;
            dist[s] = 0.0;
            let mut heap = BinaryHeap::new();
            heap.push(Reverse((0u64, s)));
            while let Some(Reverse((d, v))) = heap.pop() {
                let d = f64::from_bits(d);
                if done[v] || d > dist[v] {
                    continue;
                }
                done[v] = true;
                order.push(v);
                for (&w, &l) in g.neighbors(v).iter().zip(g.weights(v)) {
                    let w = w as usize;
                    let alt = d + if weighted { l } else { 1.0 };
                    if done[w] {
                        continue;
                    }
                    if alt < dist[w] {
                        dist[w] = alt;
                        sigma[w] = sigma[v];
                        preds[w] = vec![v];
                        heap.push(Reverse((alt.to_bits(), w)));
                    } else if alt == dist[w] {
                        sigma[w] += sigma[v];
                        preds[w].push(v);
                    }
                }
            }
            let mut delta = vec![0.0; n];
            for &w in order.iter().rev() {
                let coeff = (1.0 + delta[w]) / sigma[w];
                for &v in &preds[w] {
                    delta[v] += sigma[v] * coeff;
                }
                if w != s {
                    bc[w] += delta[w];
                }
            }
        }
        rescale_betweenness(&mut bc);
        bc
    }

    /// A seeded random graph with `m` edge draws and lengths from `length`.
    fn random_graph(n: usize, m: usize, seed: u64, length: impl Fn(u64) -> f64) -> Adjacency {
        let mut x = seed;
        let mut next = move || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let edges: Vec<_> = (0..m)
            .map(|_| {
                let (u, v, r) = (next() as usize % n, next() as usize % n, next());
                (u, v, length(r))
            })
            .collect();
        Adjacency::from_edges(n, edges)
    }

    fn assert_close(a: &[f64], b: &[f64], what: &str) {
        assert_eq!(a.len(), b.len());
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            assert!(
                (x - y).abs() <= 1e-12 * x.abs().max(1.0),
                "{what}: node {i}: {x} against {y}"
            );
        }
    }

    #[test]
    fn the_sweeps_agree_with_brandes_as_networkx_writes_it() {
        // Sparse and dense, connected or not, integer lengths (bucket queue,
        // many equal paths) and float lengths (binary heap).
        for (n, m, seed) in [
            (1, 0, 1),
            (2, 1, 2),
            (30, 20, 3),
            (60, 150, 4),
            (80, 600, 5),
            (200, 500, 6),
        ] {
            let g = random_graph(n, m, seed, |r| 60.0 / (1 + r % 5) as f64);
            let what = format!("{n} nodes, {m} draws");
            assert_close(
                &path_sweep(&g).betweenness,
                &brandes_reference(&g, false),
                &what,
            );
            assert_close(
                &weighted_betweenness(&g).unwrap(),
                &brandes_reference(&g, true),
                &what,
            );
            let f = random_graph(n, m, seed, |r| 0.1 + (r % 1000) as f64 / 7.0);
            assert_close(
                &weighted_betweenness(&f).unwrap(),
                &brandes_reference(&f, true),
                &what,
            );
            // Lengths whose sums meet exactly in floating point, so that
            // equal paths exist with non-integer lengths too.
            let h = random_graph(n, m, seed, |r| [0.5, 0.25, 1.5][r as usize % 3]);
            assert_close(
                &weighted_betweenness(&h).unwrap(),
                &brandes_reference(&h, true),
                &what,
            );
        }
    }

    #[test]
    fn searching_many_sources_at_once_gives_what_one_at_a_time_gives() {
        let grid = |k: usize| {
            let mut edges = Vec::new();
            for u in 0..k * k {
                if u % k + 1 < k {
                    edges.push((u, u + 1, 1.0));
                }
                if u + k < k * k {
                    edges.push((u, u + k, 1.0));
                }
            }
            Adjacency::from_edges(k * k, edges)
        };
        // Fewer nodes than lanes, a batch and a part, several batches,
        // disconnected pieces, a long path (many levels), many equal paths.
        let mut graphs: Vec<Adjacency> =
            [(1, 0), (5, 4), (63, 60), (64, 200), (130, 150), (300, 900)]
                .iter()
                .map(|&(n, m)| random_graph(n, m, n as u64, |_| 1.0))
                .collect();
        graphs.push(path(200));
        graphs.push(grid(13));
        for g in &graphs {
            let n = g.node_count();
            let sweep = path_sweep(g);
            let what = format!("{n} nodes");
            assert_close(&sweep.betweenness, &brandes_reference(g, false), &what);
            // Distances from each source by a plain breadth-first search.
            for s in 0..n {
                let mut dist = vec![u32::MAX; n];
                let mut queue = std::collections::VecDeque::from([s]);
                dist[s] = 0;
                while let Some(v) = queue.pop_front() {
                    for &w in g.neighbors(v) {
                        if dist[w as usize] == u32::MAX {
                            dist[w as usize] = dist[v] + 1;
                            queue.push_back(w as usize);
                        }
                    }
                }
                let reached: Vec<u32> = dist.into_iter().filter(|&d| d != u32::MAX).collect();
                let total: u64 = reached.iter().map(|&d| u64::from(d)).sum();
                assert_eq!(
                    sweep.reached[s] as usize,
                    reached.len(),
                    "{what}, source {s}"
                );
                assert_eq!(sweep.distance_sum[s], total, "{what}, source {s}");
                assert_eq!(
                    sweep.eccentricity[s],
                    *reached.iter().max().unwrap(),
                    "{what}"
                );
                assert_eq!(
                    sweep.closeness[s],
                    closeness_from(reached.len(), total as f64, n)
                );
            }
        }
    }

    #[test]
    fn a_grid_has_many_equal_paths() {
        // A 12 × 12 grid: path counts grow binomially, every length 1 or 2.
        let k = 12;
        let mut edges = Vec::new();
        for r in 0..k {
            for c in 0..k {
                let u = r * k + c;
                if c + 1 < k {
                    edges.push((u, u + 1, 1.0 + (u % 2) as f64));
                }
                if r + 1 < k {
                    edges.push((u, u + k, 1.0 + ((u + 1) % 2) as f64));
                }
            }
        }
        let g = Adjacency::from_edges(k * k, edges);
        assert_close(
            &path_sweep(&g).betweenness,
            &brandes_reference(&g, false),
            "grid",
        );
        assert_close(
            &weighted_betweenness(&g).unwrap(),
            &brandes_reference(&g, true),
            "grid",
        );
        let s = path_sweep(&g);
        assert_eq!(s.eccentricity[0], 2 * (k as u32 - 1));
        assert_eq!(s.reached[0], (k * k) as u32);
    }

    #[test]
    fn integer_lengths_give_the_same_with_buckets_or_the_heap() {
        // Too many buckets for the room allowed: the binary heap takes over.
        for (n, m, seed) in [(40, 90, 7), (120, 400, 8)] {
            let g = random_graph(n, m, seed, |r| {
                [60.0, 30.0, 20.0, 15.0, 12.0][r as usize % 5]
            });
            let buckets = weighted_betweenness(&g).unwrap();
            let heap = weighted_betweenness_within(&g, 0).unwrap();
            assert_eq!(buckets, heap, "{n} nodes");
            assert_close(&buckets, &brandes_reference(&g, true), "buckets");
        }
    }

    #[test]
    fn zero_length_is_refused() {
        let g = Adjacency::from_edges(2, [(0, 1, 0.0)]);
        assert!(matches!(
            weighted_betweenness(&g),
            Err(CentralityError::BadLength { .. })
        ));
    }
}
