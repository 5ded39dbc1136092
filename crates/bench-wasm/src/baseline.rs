//! The network analysis's two betweenness sweeps as they were before the
//! pull rewrite of 2026-11-22 (constellation-core at commit ff57f5d, push
//! along each arc with predecessor lists), kept so the benchmark can time the
//! old and the new in the same run on the same machine load.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use constellation_core::network::centrality::{CentralityError, PathSweep};
use constellation_core::network::graph::Adjacency;

/// Runs Brandes' algorithm with breadth-first search from every node.
pub fn path_sweep(g: &Adjacency) -> PathSweep {
    let n = g.node_count();
    let mut bc = vec![0.0f64; n];
    let mut ecc = vec![0u32; n];
    let mut dsum = vec![0u64; n];
    let mut reached = vec![0u32; n];
    let mut dist = vec![u32::MAX; n];
    let mut sigma = vec![0.0f64; n];
    let mut delta = vec![0.0f64; n];
    // The visit order doubles as the BFS queue: nodes are appended when
    // discovered and read from `head`.
    let mut order: Vec<u32> = Vec::with_capacity(n);
    // `preds` keeps, in the slots of each node's own neighbour list, the
    // neighbours that precede it on shortest paths from the current source, so
    // the accumulation reads only those instead of rescanning every neighbour.
    let mut preds = vec![0u32; g.targets_len()];
    let mut pred_count = vec![0u32; n];
    for s in 0..n {
        order.clear();
        order.push(s as u32);
        dist[s] = 0;
        sigma[s] = 1.0;
        let mut head = 0;
        let mut total = 0u64;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let dv = dist[v];
            total += u64::from(dv);
            let sv = sigma[v];
            for &w in g.neighbors(v) {
                let wi = w as usize;
                let dw = dist[wi];
                if dw == u32::MAX {
                    dist[wi] = dv + 1;
                    sigma[wi] = sv;
                    order.push(w);
                } else if dw == dv + 1 {
                    sigma[wi] += sv;
                } else {
                    continue;
                }
                preds[g.offset(wi) + pred_count[wi] as usize] = v as u32;
                pred_count[wi] += 1;
            }
        }
        ecc[s] = dist[*order.last().unwrap() as usize];
        dsum[s] = total;
        reached[s] = order.len() as u32;
        // Accumulate dependencies from the farthest node back.
        for &w in order[1..].iter().rev() {
            let w = w as usize;
            let coeff = (1.0 + delta[w]) / sigma[w];
            let start = g.offset(w);
            for &v in &preds[start..start + pred_count[w] as usize] {
                let v = v as usize;
                delta[v] += sigma[v] * coeff;
            }
            bc[w] += delta[w];
        }
        for &w in &order {
            let w = w as usize;
            dist[w] = u32::MAX;
            sigma[w] = 0.0;
            delta[w] = 0.0;
            pred_count[w] = 0;
        }
    }
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

/// A path length: exact integers when every edge length is a small integer
/// (as trust distances are), floats otherwise.
trait Length: Copy + PartialOrd + std::ops::Add<Output = Self> {
    const ZERO: Self;
    const INFINITY: Self;
}

impl Length for f64 {
    const ZERO: f64 = 0.0;
    const INFINITY: f64 = f64::INFINITY;
}

impl Length for u32 {
    const ZERO: u32 = 0;
    const INFINITY: u32 = u32::MAX;
}

/// The frontier of a Dijkstra search: tentative (distance, node) entries,
/// popped nearest first. Stale entries are skipped by the caller.
trait Frontier<D> {
    fn push(&mut self, dist: D, v: u32);
    fn pop(&mut self) -> Option<(D, u32)>;
}

/// A binary heap, for any positive lengths. Non-negative finite floats order
/// like their bit patterns, so it holds plain integers.
struct Heap(BinaryHeap<Reverse<(u64, u32)>>);

impl Frontier<f64> for Heap {
    fn push(&mut self, dist: f64, v: u32) {
        self.0.push(Reverse((dist.to_bits(), v)));
    }
    fn pop(&mut self) -> Option<(f64, u32)> {
        self.0.pop().map(|Reverse((d, v))| (f64::from_bits(d), v))
    }
}

/// Dial's bucket queue for integer lengths: every tentative distance lies
/// within one longest edge of the last one popped, so longest + 1 circular
/// buckets hold them all, each bucket holding only entries at the distance it
/// is read at, and a pop costs O(1) instead of O(log n).
struct Buckets {
    buckets: Vec<Vec<u32>>,
    cursor: u32,
    live: usize,
}

impl Frontier<u32> for Buckets {
    fn push(&mut self, dist: u32, v: u32) {
        let width = self.buckets.len() as u32;
        self.buckets[(dist % width) as usize].push(v);
        self.live += 1;
    }
    fn pop(&mut self) -> Option<(u32, u32)> {
        if self.live == 0 {
            self.cursor = 0;
            return None;
        }
        let width = self.buckets.len() as u32;
        loop {
            if let Some(v) = self.buckets[(self.cursor % width) as usize].pop() {
                self.live -= 1;
                return Some((self.cursor, v));
            }
            self.cursor += 1;
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
    Ok(if integral && longest <= MAX_BUCKETS && fits {
        let lengths: Vec<u32> = (0..n)
            .flat_map(|u| g.weights(u).iter().map(|&w| w as u32))
            .collect();
        let width = longest as usize + 1;
        dijkstra_sweep(
            g,
            &lengths,
            Buckets {
                buckets: vec![Vec::new(); width],
                cursor: 0,
                live: 0,
            },
        )
    } else {
        let lengths: Vec<f64> = (0..n).flat_map(|u| g.weights(u).iter().copied()).collect();
        dijkstra_sweep(g, &lengths, Heap(BinaryHeap::with_capacity(n)))
    })
}

/// Brandes' algorithm with Dijkstra's search from every node; `lengths` is
/// laid out like the adjacency's neighbour array.
fn dijkstra_sweep<D: Length>(
    g: &Adjacency,
    lengths: &[D],
    mut frontier: impl Frontier<D>,
) -> Vec<f64> {
    let n = g.node_count();
    let mut bc = vec![0.0f64; n];
    let mut dist = vec![D::INFINITY; n];
    let mut done = vec![false; n];
    let mut sigma = vec![0.0f64; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut touched: Vec<u32> = Vec::with_capacity(n);
    // Predecessors on shortest paths, kept in the slots of each node's own
    // neighbour list; a shorter path found later empties them (as NetworkX's
    // `P[w] = [v]` does).
    let mut preds = vec![0u32; g.targets_len()];
    let mut pred_count = vec![0u32; n];
    for s in 0..n {
        order.clear();
        touched.clear();
        dist[s] = D::ZERO;
        sigma[s] = 1.0;
        touched.push(s as u32);
        frontier.push(D::ZERO, s as u32);
        while let Some((d, v)) = frontier.pop() {
            let v = v as usize;
            if done[v] || d > dist[v] {
                continue;
            }
            done[v] = true;
            order.push(v as u32);
            let dv = dist[v];
            let sv = sigma[v];
            let start = g.offset(v);
            for (i, &w) in g.neighbors(v).iter().enumerate() {
                let w = w as usize;
                if done[w] {
                    continue;
                }
                let alt = dv + lengths[start + i];
                if alt < dist[w] {
                    if dist[w] == D::INFINITY {
                        touched.push(w as u32);
                    }
                    dist[w] = alt;
                    sigma[w] = sv;
                    pred_count[w] = 0;
                    frontier.push(alt, w as u32);
                } else if alt == dist[w] {
                    sigma[w] += sv;
                } else {
                    continue;
                }
                preds[g.offset(w) + pred_count[w] as usize] = v as u32;
                pred_count[w] += 1;
            }
        }
        for &w in order[1..].iter().rev() {
            let w = w as usize;
            let coeff = (1.0 + delta[w]) / sigma[w];
            let start = g.offset(w);
            for &v in &preds[start..start + pred_count[w] as usize] {
                let v = v as usize;
                delta[v] += sigma[v] * coeff;
            }
            bc[w] += delta[w];
        }
        for &w in &touched {
            let w = w as usize;
            dist[w] = D::INFINITY;
            done[w] = false;
            sigma[w] = 0.0;
            delta[w] = 0.0;
            pred_count[w] = 0;
        }
    }
    rescale_betweenness(&mut bc);
    bc
}

/// The breadth-first sweep as of commit abe8718 (2026-11-23): one source at a
/// time, predecessors on a stack in visit order, indices masked to a power of
/// two; before the sweep searched 64 sources at once.
pub fn path_sweep_one_at_a_time(g: &Adjacency) -> PathSweep {
    const UNSEEN: u32 = u32::MAX;
    let n = g.node_count();
    let mut bc = vec![0.0f64; n];
    let mut ecc = vec![0u32; n];
    let mut dsum = vec![0u64; n];
    let mut reached = vec![0u32; n];
    let room = (n + 1).next_power_of_two();
    let stack_room = g.targets_len().next_power_of_two();
    let (nm, sm) = (room - 1, stack_room - 1);
    let mut dist = vec![UNSEEN; room];
    let mut sigma = vec![0.0f64; room];
    let mut delta = vec![0.0f64; n];
    let mut order = vec![0u32; room];
    let mut stack = vec![0u32; stack_room];
    let mut pred_count = vec![0u32; n + 1];
    let offsets = g.offsets();
    let targets = g.targets();
    for s in 0..n {
        dist[s] = 0;
        sigma[s] = 1.0;
        order[0] = s as u32;
        let mut len = 1;
        for &w in &targets[offsets[s]..offsets[s + 1]] {
            order[len] = w;
            len += 1;
            dist[w as usize] = 1;
        }
        let mut head = 1;
        let mut top = 0;
        let mut total = 0u64;
        while head < len {
            let v = order[head] as usize;
            let dv = dist[v];
            total += u64::from(dv);
            let up = dv - 1;
            let (start, end) = (offsets[v], offsets[v + 1]);
            let mut k = 0;
            for &w in &targets[start..end] {
                let wi = w as usize & nm;
                let dw = dist[wi];
                stack[(top + k) & sm] = w;
                k += usize::from(dw == up);
                let new = dw == UNSEEN;
                order[len & nm] = w;
                len += usize::from(new);
                dist[wi] = if new { dv + 1 } else { dw };
            }
            pred_count[head] = k as u32;
            sigma[v] = stack[top..top + k]
                .iter()
                .map(|&p| sigma[p as usize & nm])
                .sum();
            top += k;
            head += 1;
        }
        ecc[s] = dist[order[len - 1] as usize];
        dsum[s] = total;
        reached[s] = len as u32;
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
        for &v in &order[..len] {
            let v = v as usize;
            dist[v] = UNSEEN;
            delta[v] = 0.0;
        }
    }
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
