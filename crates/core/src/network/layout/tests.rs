use super::quadtree::{Interact, QuadTree};

/// Sums what a tree walk reports.
#[derive(Default)]
struct Sum {
    mass: f64,
    dx: f64,
    dy: f64,
}

impl Interact for Sum {
    fn interact(&mut self, dx: f64, dy: f64, m: f64) {
        self.mass += m;
        self.dx += dx * m;
        self.dy += dy * m;
    }
}
use super::*;

/// `m` distinct random ties on nodes `0..n`, trust 1–5 (seeded).
fn random_ties(n: u32, m: usize, seed: u64) -> Vec<(u32, u32, f64)> {
    let mut rng = Rng(seed);
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(m);
    while out.len() < m {
        let u = (rng.next_u64() % u64::from(n)) as u32;
        let v = (rng.next_u64() % u64::from(n)) as u32;
        if u != v && seen.insert((u.min(v), u.max(v))) {
            out.push((u, v, 1.0 + (rng.next_u64() % 5) as f64));
        }
    }
    out
}

fn nodes(n: u32) -> Vec<u32> {
    (0..n).collect()
}

fn refs(ties: &[(u32, u32, f64)]) -> impl Iterator<Item = (&u32, &u32, f64)> {
    ties.iter().map(|(a, b, w)| (a, b, *w))
}

fn layout(n: u32, ties: &[(u32, u32, f64)], seed: u64) -> Layout<u32> {
    let mut l = Layout::new(seed);
    l.sync(&nodes(n), refs(ties)).unwrap();
    l
}

fn dist(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

fn all_finite(l: &Layout<u32>) -> bool {
    l.positions()
        .iter()
        .all(|p| p.x.is_finite() && p.y.is_finite())
}

fn run_until_settled(l: &mut Layout<u32>) -> usize {
    let mut steps = 0;
    while !l.settled() {
        l.step();
        steps += 1;
        assert!(steps < 10_000, "the layout never settles");
    }
    steps
}

#[test]
fn energy_decreases_and_the_layout_settles() {
    let ties = random_ties(300, 900, 1);
    let mut l = layout(300, &ties, 3);
    let moves: Vec<f64> = (0..300).map(|_| l.step()).collect();
    assert!(moves.iter().all(|m| m.is_finite()));
    let early: f64 = moves[5..15].iter().sum();
    let middle: f64 = moves[100..110].iter().sum();
    let late: f64 = moves[280..290].iter().sum();
    assert!(
        middle < early,
        "movement {middle} at step 100 is not below {early} at step 5"
    );
    assert!(
        late < middle * 0.5,
        "movement {late} at step 280 vs {middle} at step 100"
    );
    assert!(l.settled(), "alpha {} after 300 steps", l.alpha());
    // From hot to settled takes d3's 300 steps.
    let mut fresh = layout(300, &ties, 3);
    assert_eq!(run_until_settled(&mut fresh), 300);
}

#[test]
fn tied_nodes_end_closer_than_untied_ones() {
    let n = 400;
    let ties = random_ties(n, 800, 7);
    let mut l = layout(n, &ties, 11);
    run_until_settled(&mut l);
    let p = l.positions();
    let tied: f64 = ties
        .iter()
        .map(|&(a, b, _)| dist(p[a as usize], p[b as usize]))
        .sum::<f64>()
        / ties.len() as f64;
    let set: std::collections::BTreeSet<(u32, u32)> =
        ties.iter().map(|&(a, b, _)| (a.min(b), a.max(b))).collect();
    let (mut untied, mut count) = (0.0, 0.0);
    for a in 0..n {
        for b in a + 1..n {
            if !set.contains(&(a, b)) {
                untied += dist(p[a as usize], p[b as usize]);
                count += 1.0;
            }
        }
    }
    untied /= count;
    assert!(
        tied * 2.0 < untied,
        "tied pairs are {tied:.1} apart on average, untied {untied:.1}"
    );
}

#[test]
fn trusted_ties_pull_harder() {
    // A star whose spokes differ only in trust: the trusted spokes end shorter.
    let mut ties = Vec::new();
    for leaf in 1..=20u32 {
        ties.push((0, leaf, if leaf <= 10 { 5.0 } else { 1.0 }));
    }
    let mut l = layout(21, &ties, 5);
    run_until_settled(&mut l);
    let p = l.positions();
    let mean = |r: std::ops::RangeInclusive<usize>| {
        let k = r.clone().count() as f64;
        r.map(|i| dist(p[0], p[i])).sum::<f64>() / k
    };
    let (strong, weak) = (mean(1..=10), mean(11..=20));
    assert!(
        strong < weak,
        "trust-5 spokes {strong:.2} long, trust-1 spokes {weak:.2}"
    );
}

#[test]
fn pinned_nodes_stay_where_they_were_put() {
    let ties = random_ties(100, 250, 2);
    let mut l = layout(100, &ties, 9);
    for _ in 0..20 {
        l.step();
    }
    l.pin(&4, 123.5, -77.25).unwrap();
    assert!(l.is_pinned(&4));
    assert!(l.alpha() >= l.config().reheat);
    for _ in 0..200 {
        l.step();
        assert_eq!(
            l.position(&4),
            Some(Point {
                x: 123.5,
                y: -77.25
            })
        );
    }
    // A pin survives a sync, and its neighbours were drawn toward it.
    l.sync(&nodes(100), refs(&ties)).unwrap();
    assert_eq!(
        l.position(&4),
        Some(Point {
            x: 123.5,
            y: -77.25
        })
    );
    assert!(l.unpin(&4));
    assert!(!l.unpin(&4), "unpinning twice reports nothing was pinned");
    l.step();
    assert_ne!(
        l.position(&4),
        Some(Point {
            x: 123.5,
            y: -77.25
        })
    );
}

#[test]
fn a_new_node_starts_next_to_its_neighbour_and_nothing_jumps() {
    let n = 150;
    let mut ties = random_ties(n, 400, 4);
    let mut l = layout(n, &ties, 8);
    run_until_settled(&mut l);
    let before = l.positions().to_vec();
    let spread = {
        let (lo, hi) = l.bounds().unwrap();
        (hi.x - lo.x).max(hi.y - lo.y)
    };

    ties.push((n, 17, 5.0));
    let report = l.sync(&nodes(n + 1), refs(&ties)).unwrap();
    assert_eq!(
        report,
        SyncReport {
            added: 1,
            removed: 0,
            ties_changed: true
        }
    );
    assert!(
        (l.alpha() - l.config().reheat).abs() < 1e-12,
        "a change reheats a little"
    );
    let anchor = l.position(&17).unwrap();
    let fresh = l.position(&n).unwrap();
    assert!(
        dist(anchor, fresh) <= l.config().link_distance,
        "new node placed {:.1} from its neighbour",
        dist(anchor, fresh)
    );
    // Known nodes keep their positions across the sync...
    assert_eq!(&l.positions()[..n as usize], &before[..]);
    // ...and move only a little per step while the newcomer settles in.
    for _ in 0..50 {
        let prev = l.positions().to_vec();
        l.step();
        let worst = (0..n as usize)
            .map(|i| dist(prev[i], l.positions()[i]))
            .fold(0.0, f64::max);
        assert!(
            worst < spread * 0.02,
            "a known node jumped {worst:.2} (map is {spread:.0} wide)"
        );
    }
    run_until_settled(&mut l);
    let d = dist(l.position(&17).unwrap(), l.position(&n).unwrap());
    assert!(
        d < 3.0 * l.config().link_distance,
        "newcomer ended {d:.1} from its neighbour"
    );
}

#[test]
fn new_nodes_tied_only_to_each_other_arrive_together_outside_the_map() {
    let ties = random_ties(50, 100, 6);
    let mut l = layout(50, &ties, 1);
    run_until_settled(&mut l);
    let (lo, hi) = l.bounds().unwrap();
    let mut more = ties.clone();
    more.extend([(50, 51, 3.0), (51, 52, 3.0)]);
    l.sync(&nodes(53), refs(&more)).unwrap();
    let p: Vec<Point> = (50..53).map(|i| l.position(&i).unwrap()).collect();
    assert!(dist(p[0], p[1]) <= l.config().link_distance);
    assert!(dist(p[1], p[2]) <= l.config().link_distance);
    let outside = p[0].x < lo.x || p[0].x > hi.x || p[0].y < lo.y || p[0].y > hi.y;
    assert!(
        outside,
        "a newcomer with no placed neighbour starts outside the map, got {:?}",
        p[0]
    );
}

#[test]
fn an_unchanged_sync_keeps_everything_and_does_not_reheat() {
    let ties = random_ties(60, 120, 3);
    let mut l = layout(60, &ties, 2);
    run_until_settled(&mut l);
    let alpha = l.alpha();
    // Same nodes in another order, same ties listed the other way round.
    let mut order = nodes(60);
    order.reverse();
    let flipped: Vec<(u32, u32, f64)> = ties.iter().rev().map(|&(a, b, w)| (b, a, w)).collect();
    let before: Vec<Point> = (0..60).map(|i| l.position(&i).unwrap()).collect();
    let report = l.sync(&order, refs(&flipped)).unwrap();
    assert!(!report.changed(), "{report:?}");
    assert_eq!(l.alpha(), alpha);
    assert!(l.settled());
    assert_eq!(l.ids(), &order[..]);
    for i in 0..60u32 {
        assert_eq!(l.position(&i), Some(before[i as usize]));
        assert_eq!(l.positions()[59 - i as usize], before[i as usize]);
    }
    // A changed weight is a change; removing a node is a change.
    let mut reweighed = ties.clone();
    reweighed[0].2 = if reweighed[0].2 == 5.0 { 1.0 } else { 5.0 };
    assert!(l.sync(&nodes(60), refs(&reweighed)).unwrap().ties_changed);
    let kept: Vec<(u32, u32, f64)> = ties
        .iter()
        .copied()
        .filter(|&(a, b, _)| a != 59 && b != 59)
        .collect();
    let r = l.sync(&nodes(59), refs(&kept)).unwrap();
    assert_eq!((r.added, r.removed), (0, 1));
    assert_eq!(l.position(&59), None);
    assert_eq!(l.len(), 59);
}

#[test]
fn no_nan_with_coincident_points_one_node_or_none() {
    let mut empty: Layout<u32> = Layout::new(1);
    assert_eq!(empty.step(), 0.0);
    assert!(empty.positions().is_empty() && empty.is_empty());
    assert_eq!(empty.bounds(), None);
    empty.sync(&[], std::iter::empty()).unwrap();
    assert_eq!(empty.step(), 0.0);

    let mut one = layout(1, &[], 1);
    for _ in 0..400 {
        assert!(one.step().is_finite());
    }
    assert!(all_finite(&one));

    // Twenty nodes (a clique and some loners) all dropped on one point.
    let mut ties = Vec::new();
    for a in 0..10u32 {
        for b in a + 1..10 {
            ties.push((a, b, 3.0));
        }
    }
    let mut l = layout(20, &ties, 4);
    for i in 0..20 {
        l.pin(&i, 5.0, 5.0).unwrap();
    }
    l.step();
    for i in 0..20 {
        l.unpin(&i);
    }
    for _ in 0..300 {
        assert!(l.step().is_finite());
        assert!(all_finite(&l));
    }
    let p = l.positions();
    let closest = (0..20)
        .flat_map(|a| (a + 1..20).map(move |b| (a, b)))
        .map(|(a, b)| dist(p[a], p[b]))
        .fold(f64::MAX, f64::min);
    assert!(
        closest > 1.0,
        "coincident nodes were not pushed apart (closest pair {closest})"
    );
}

#[test]
fn five_thousand_nodes_lay_out_without_trouble() {
    let n = 5000;
    let ties = random_ties(n, 15_000, 12);
    let mut l = layout(n, &ties, 12);
    for _ in 0..5 {
        assert!(l.step().is_finite());
    }
    assert!(all_finite(&l));
    // A long chain of newcomers is placed breadth-first, not recursively.
    let mut chain = ties.clone();
    chain.extend((n..2 * n - 1).map(|i| (i, i + 1, 2.0)));
    chain.push((0, n, 2.0));
    l.sync(&nodes(2 * n), refs(&chain)).unwrap();
    assert!(all_finite(&l));
    // Five thousand nodes at (almost) one point: the quadtree stops splitting.
    let mut piled = layout(n, &ties, 13);
    for i in 0..n {
        piled.pin(&i, 1.0 + f64::from(i) * 1e-13, 1.0).unwrap();
    }
    piled.step();
    for i in 0..n {
        piled.unpin(&i);
    }
    for _ in 0..3 {
        assert!(piled.step().is_finite());
    }
    assert!(all_finite(&piled));
}

#[test]
fn the_same_seed_gives_the_same_layout() {
    let ties = random_ties(200, 500, 9);
    let run = |seed| {
        let mut l = layout(200, &ties, seed);
        for _ in 0..50 {
            l.step();
        }
        let mut more = ties.clone();
        more.push((200, 3, 4.0));
        l.sync(&nodes(201), refs(&more)).unwrap();
        for _ in 0..50 {
            l.step();
        }
        l.positions().to_vec()
    };
    assert_eq!(run(42), run(42));
    assert_ne!(run(42), run(43), "the seed places newcomers");
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let ties = random_ties(10, 15, 1);
    let mut l = layout(10, &ties, 1);
    l.step();
    let before = l.positions().to_vec();
    let alpha = l.alpha();

    let err = l.sync(&[1, 2, 3, 2], std::iter::empty()).unwrap_err();
    assert_eq!(
        err,
        LayoutError::DuplicateNode {
            id: "2".into(),
            first: 1,
            second: 3
        }
    );
    assert_eq!(
        err.to_string(),
        "node 2 appears twice in the node list (positions 1 and 3)"
    );

    let bad = [(1u32, 99u32, 1.0)];
    let err = l
        .sync(&nodes(10), refs(&ties).chain(refs(&bad)))
        .unwrap_err();
    assert_eq!(
        err,
        LayoutError::UnknownNode {
            index: 15,
            id: "99".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "tie 15 names node 99, which is not in the node list"
    );

    for w in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let bad = [(1u32, 2u32, w)];
        let err = l.sync(&nodes(10), refs(&bad)).unwrap_err();
        assert!(
            matches!(err, LayoutError::BadWeight { index: 0, .. }),
            "{err:?}"
        );
    }
    assert_eq!(
        l.pin(&77, 0.0, 0.0).unwrap_err().to_string(),
        "cannot pin unknown node 77"
    );
    assert!(matches!(
        l.pin(&3, f64::NAN, 0.0),
        Err(LayoutError::BadPin { .. })
    ));
    assert!(!l.is_pinned(&3));

    assert_eq!(l.positions(), &before[..]);
    assert_eq!(l.alpha(), alpha);
    assert_eq!(l.len(), 10);
    assert_eq!(l.ties().count(), 15);

    let bad = LayoutConfig {
        velocity_decay: 1.5,
        ..LayoutConfig::default()
    };
    assert_eq!(
        Layout::<u32>::with_config(1, bad).unwrap_err().to_string(),
        "layout setting velocity_decay is 1.5; it must be between 0 and 1"
    );
    let bad = LayoutConfig {
        theta: f64::NAN,
        ..LayoutConfig::default()
    };
    assert!(Layout::<u32>::with_config(1, bad).is_err());
}

#[test]
fn quadtree_accounts_for_every_other_body_exactly_once() {
    let mut rng = Rng(5);
    let n = 500;
    let mut xs: Vec<f64> = (0..n).map(|_| rng.unit() * 100.0).collect();
    let mut ys: Vec<f64> = (0..n).map(|_| rng.unit() * 100.0).collect();
    // Some coincident and nearly coincident bodies.
    for i in 0..20 {
        xs[i] = 50.0;
        ys[i] = 50.0;
        xs[20 + i] = 50.0 + i as f64 * 1e-14;
        ys[20 + i] = 50.0;
    }
    let mass = vec![1.0; n];
    let mut tree = QuadTree::default();
    tree.build(&xs, &ys, &mass);
    assert!(
        tree.cell_count() < 40 * n,
        "{} cells for {n} bodies",
        tree.cell_count()
    );
    for theta in [0.0, 0.9] {
        for i in 0..n {
            let mut sum = Sum::default();
            tree.visit(i, &xs, &ys, &mass, theta * theta, &mut sum);
            assert_eq!(sum.mass, (n - 1) as f64, "body {i}, theta {theta}");
        }
    }
    // With theta 0 the tree reports every other body at its exact offset.
    let mut walk = Sum::default();
    tree.visit(100, &xs, &ys, &mass, 0.0, &mut walk);
    let sum = (walk.dx, walk.dy);
    let exact = (0..n).filter(|&j| j != 100).fold((0.0, 0.0), |s, j| {
        (s.0 + xs[j] - xs[100], s.1 + ys[j] - ys[100])
    });
    assert!((sum.0 - exact.0).abs() < 1e-6 && (sum.1 - exact.1).abs() < 1e-6);
}

#[test]
fn barnes_hut_forces_are_close_to_exact_ones() {
    // One step from the same start with theta 0.9 and theta 0 (exact).
    let ties = random_ties(800, 2000, 21);
    let step_with = |theta| {
        let config = LayoutConfig {
            theta,
            ..LayoutConfig::default()
        };
        let mut l = Layout::with_config(3, config).unwrap();
        l.sync(&nodes(800), refs(&ties)).unwrap();
        l.step();
        l.positions().to_vec()
    };
    let (approx, exact) = (step_with(0.9), step_with(0.0));
    let start = layout(800, &ties, 3).positions().to_vec();
    let mut err = 0.0;
    let mut motion = 0.0;
    for i in 0..800 {
        err += dist(approx[i], exact[i]);
        motion += dist(start[i], exact[i]);
    }
    assert!(
        err < 0.1 * motion,
        "Barnes–Hut error {err:.3} vs motion {motion:.3}"
    );
}
