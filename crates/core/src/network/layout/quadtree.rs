//! The Barnes–Hut quadtree: cells in one arena, built by iterative insertion
//! and walked with an explicit stack, so neither building nor walking recurses
//! (a deep tree cannot overflow the stack). Bodies at exactly one point share a
//! leaf in a linked list, and a depth cap ends splitting for points that are
//! merely very close, so coincident points cannot make the tree unbounded.

/// No cell / no body.
const NONE: u32 = u32::MAX;
/// Cells stop splitting here: a cell then is 2^-40 of the root's width.
const MAX_DEPTH: u32 = 40;

#[derive(Debug, Clone, Copy)]
struct Cell {
    /// Centre and half-width of the square.
    cx: f64,
    cy: f64,
    half: f64,
    /// Total mass and centre of mass.
    mass: f64,
    sx: f64,
    sy: f64,
    /// Child cells by quadrant (bit 0: east, bit 1: south); `NONE` when absent.
    children: [u32; 4],
    /// Head of the leaf's body list; `NONE` for internal or empty cells.
    body: u32,
    leaf: bool,
}

impl Cell {
    fn new(cx: f64, cy: f64, half: f64) -> Self {
        Cell {
            cx,
            cy,
            half,
            mass: 0.0,
            sx: 0.0,
            sy: 0.0,
            children: [NONE; 4],
            body: NONE,
            leaf: true,
        }
    }
}

/// What a walk of the tree reports each interaction to.
pub(crate) trait Interact {
    /// `(dx, dy)` points from the body being pushed to a mass `m`.
    fn interact(&mut self, dx: f64, dy: f64, m: f64);
}

/// A quadtree over bodies `0..n`, rebuilt each layout step. Its buffers are
/// kept between builds so steps do not allocate once warmed up.
#[derive(Debug, Clone, Default)]
pub(crate) struct QuadTree {
    cells: Vec<Cell>,
    /// Next body in the same leaf.
    next: Vec<u32>,
    stack: Vec<u32>,
}

impl QuadTree {
    /// Rebuilds the tree over the bodies at `xs[i], ys[i]` with masses `mass[i]`.
    pub(crate) fn build(&mut self, xs: &[f64], ys: &[f64], mass: &[f64]) {
        let n = xs.len();
        self.cells.clear();
        self.next.clear();
        self.next.resize(n, NONE);
        if n == 0 {
            return;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in 0..n {
            x0 = x0.min(xs[i]);
            x1 = x1.max(xs[i]);
            y0 = y0.min(ys[i]);
            y1 = y1.max(ys[i]);
        }
        // A square a little larger than the bounds, so every body is inside.
        let half = ((x1 - x0).max(y1 - y0) * 0.5).max(1e-9) * (1.0 + 1e-9) + 1e-9;
        self.cells
            .push(Cell::new((x0 + x1) * 0.5, (y0 + y1) * 0.5, half));
        for i in 0..n {
            self.insert(i as u32, xs, ys);
        }
        // Children are created after their parents, so a reverse sweep sees
        // every child before its parent.
        for c in (0..self.cells.len()).rev() {
            let cell = self.cells[c];
            let (mut m, mut sx, mut sy) = (0.0, 0.0, 0.0);
            if cell.leaf {
                let mut b = cell.body;
                while b != NONE {
                    let bi = b as usize;
                    m += mass[bi];
                    sx += mass[bi] * xs[bi];
                    sy += mass[bi] * ys[bi];
                    b = self.next[bi];
                }
            } else {
                for &ch in &cell.children {
                    if ch != NONE {
                        let k = &self.cells[ch as usize];
                        m += k.mass;
                        sx += k.sx * k.mass;
                        sy += k.sy * k.mass;
                    }
                }
            }
            let cell = &mut self.cells[c];
            cell.mass = m;
            // Children read their centre of mass back as sums.
            cell.sx = if m > 0.0 { sx / m } else { cell.cx };
            cell.sy = if m > 0.0 { sy / m } else { cell.cy };
        }
    }

    fn quadrant(cell: &Cell, x: f64, y: f64) -> usize {
        usize::from(x >= cell.cx) | (usize::from(y >= cell.cy) << 1)
    }

    fn child(&mut self, c: usize, q: usize) -> usize {
        let ch = self.cells[c].children[q];
        if ch != NONE {
            return ch as usize;
        }
        let p = self.cells[c];
        let h = p.half * 0.5;
        let cx = if q & 1 == 1 { p.cx + h } else { p.cx - h };
        let cy = if q & 2 == 2 { p.cy + h } else { p.cy - h };
        let id = self.cells.len();
        self.cells.push(Cell::new(cx, cy, h));
        self.cells[c].children[q] = id as u32;
        id
    }

    fn insert(&mut self, i: u32, xs: &[f64], ys: &[f64]) {
        let (x, y) = (xs[i as usize], ys[i as usize]);
        let mut c = 0usize;
        let mut depth = 0u32;
        loop {
            let cell = self.cells[c];
            if !cell.leaf {
                let q = Self::quadrant(&cell, x, y);
                c = self.child(c, q);
                depth += 1;
                continue;
            }
            if cell.body == NONE {
                self.cells[c].body = i;
                self.next[i as usize] = NONE;
                return;
            }
            let head = cell.body as usize;
            if depth >= MAX_DEPTH || (xs[head] == x && ys[head] == y) {
                // Coincident (or as close as the tree resolves): share the leaf.
                self.next[i as usize] = cell.body;
                self.cells[c].body = i;
                return;
            }
            // Split: the leaf's bodies (all at one point) move to a child.
            self.cells[c].body = NONE;
            self.cells[c].leaf = false;
            let q = Self::quadrant(&cell, xs[head], ys[head]);
            let ch = self.child(c, q);
            self.cells[ch].body = cell.body;
        }
    }

    /// Reports to `with` every body or cell that body `i` (at `xs[i], ys[i]`)
    /// interacts with, as (dx, dy) from body `i` to the other mass, and that
    /// mass. A cell whose width is under `theta` times its distance counts as
    /// one mass at its centre of mass, unless it holds body `i`. Body `i`
    /// itself is skipped; another body at its exact position is reported with
    /// dx = dy = 0.
    #[inline(always)]
    pub(crate) fn visit<T: Interact>(
        &mut self,
        i: usize,
        xs: &[f64],
        ys: &[f64],
        mass: &[f64],
        theta2: f64,
        with: &mut T,
    ) {
        if self.cells.is_empty() {
            return;
        }
        let (x, y) = (xs[i], ys[i]);
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push(0);
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.leaf {
                let mut b = cell.body;
                while b != NONE {
                    let bi = b as usize;
                    if bi != i {
                        with.interact(xs[bi] - x, ys[bi] - y, mass[bi]);
                    }
                    b = self.next[bi];
                }
                continue;
            }
            if cell.mass == 0.0 {
                continue;
            }
            let dx = cell.sx - x;
            let dy = cell.sy - y;
            let w = 2.0 * cell.half;
            // A cell holding body `i` is always opened, so `i` never pushes itself.
            let inside = (x - cell.cx).abs() <= cell.half && (y - cell.cy).abs() <= cell.half;
            if !inside && w * w < theta2 * (dx * dx + dy * dy) {
                with.interact(dx, dy, cell.mass);
            } else {
                for &ch in &cell.children {
                    if ch != NONE {
                        stack.push(ch);
                    }
                }
            }
        }
        self.stack = stack;
    }

    /// How many cells the last build made (for tests).
    #[cfg(test)]
    pub(crate) fn cell_count(&self) -> usize {
        self.cells.len()
    }
}
