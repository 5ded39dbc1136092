// Side-by-side benchmark of network analysis and layout in Node, on the same
// seeded random graphs: Constellation's core compiled to WebAssembly
// (crates/bench-wasm) against graphology (graphology-metrics betweenness,
// graphology-layout-forceatlas2 with Barnes–Hut) and d3-force. Prints a table
// of milliseconds and ratios, then checks that 5,000 / 15,000 keeps the main
// thread free while the analysis runs in a worker.
//
//   scripts/bench-network.sh            # builds the wasm, then runs this
//   node tests/bench/network.mjs PKG [all|layout|analysis|parts]
//                                       # PKG: the wasm-bindgen --target nodejs output dir
//                                       # parts: only where the analysis's time goes
//
// Times are the median of several runs after one warm-up run; a layout
// iteration is the time of 50 iterations divided by 50 (so each library's
// per-call setup is spread out), measured from the same random start.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { forceSimulation, forceManyBody, forceLink, forceCenter } from 'd3-force';

const require = createRequire(import.meta.url);

/// SplitMix64, the same generator and graph as crates/core/benches/*.rs.
function rng(seed) {
  let s = BigInt(seed);
  const M = (1n << 64n) - 1n;
  const next = () => {
    s = (s + 0x9e3779b97f4a7c15n) & M;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
    return z ^ (z >> 31n);
  };
  return { below: (n) => Number(next() % BigInt(n)) };
}

/// `m` distinct random ties on `n` nodes with trust 1–5 (identical to the
/// Rust benches' `random_edges(n, m, seed)`).
function randomGraph(n, m, seed) {
  const r = rng(seed);
  const seen = new Set();
  const from = new Uint32Array(m), to = new Uint32Array(m), trust = new Float64Array(m);
  let k = 0;
  while (k < m) {
    const u = r.below(n), v = r.below(n);
    const key = Math.min(u, v) * n + Math.max(u, v);
    if (u !== v && !seen.has(key)) {
      seen.add(key);
      from[k] = u; to[k] = v; trust[k] = 1 + r.below(5);
      k++;
    }
  }
  return { n, m, from, to, trust };
}

function loadWasm(pkg) {
  return require(`${pkg}/constellation_bench_wasm.js`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/// Median milliseconds of `runs` calls of `f` after one warm-up call, as
/// [wall time, CPU time of the process]. Nothing else runs in the process
/// meanwhile, so CPU time is the thread's: what a busy shared machine
/// inflates least.
function time(f, runs) {
  f();
  const wall = [], cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return [median(wall), median(cpu)];
}

/// The CPU ms of a fixed JavaScript loop (median of 5): how fast the machine
/// runs at this moment. On a shared machine it swings by 1.3× from minute to
/// minute and every other time here swings with it, so the tables print it.
function machineReference() {
  const table = new Int32Array(1 << 16);
  for (let i = 0; i < table.length; i++) table[i] = (i * 7919) & 0xffff;
  return time(() => {
    let x = 0, s = 0;
    for (let i = 0; i < 4e6; i++) { x = table[x] ^ (i & 0xff); s += x; }
    return s;
  }, 5)[1];
}

function graphologyGraph(g) {
  const graph = new Graph({ type: 'undirected' });
  const r = rng(99);
  for (let i = 0; i < g.n; i++) graph.addNode(String(i), { x: r.below(1000), y: r.below(1000) });
  for (let k = 0; k < g.m; k++) graph.addEdge(String(g.from[k]), String(g.to[k]), { weight: g.trust[k] });
  return graph;
}

function d3Simulation(g) {
  const r = rng(99);
  const nodes = Array.from({ length: g.n }, (_, i) => ({ index: i, x: r.below(1000), y: r.below(1000) }));
  const links = Array.from({ length: g.m }, (_, k) => ({ source: g.from[k], target: g.to[k] }));
  return forceSimulation(nodes)
    .force('charge', forceManyBody())
    .force('link', forceLink(links))
    .force('center', forceCenter(0, 0))
    .stop();
}

function maxDiff(a, b) {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/// The longest main-thread task while the whole analysis of `g` runs in a
/// worker and the layout steps on the main thread, one step per turn of the
/// event loop (as one step per animation frame would).
async function mainThreadWhileAnalyzing(wasm, pkg, g) {
  const layout = new wasm.BenchLayout(7, g.n, g.from, g.to, g.trust);
  const tasks = { step: 0, parse: 0, steps: 0, stepTimes: [] };
  const started = performance.now();
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { pkg, g } });
  let done = null;
  worker.on('message', (msg) => {
    const t0 = performance.now();
    const analysis = JSON.parse(msg.json);
    tasks.parse = performance.now() - t0;
    done = { analysis, workerMs: msg.ms, wallMs: performance.now() - started, bytes: msg.json.length };
  });
  worker.on('error', (e) => { throw e; });
  while (!done) {
    const t0 = performance.now();
    layout.run(1);
    const dt = performance.now() - t0;
    tasks.stepTimes.push(dt);
    tasks.step = Math.max(tasks.step, dt);
    tasks.steps++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await worker.terminate();
  layout.free();
  return { ...tasks, ...done };
}

if (!isMainThread) {
  // The worker: the whole analysis, posted as JSON as the app's worker would.
  const wasm = loadWasm(workerData.pkg);
  const { n, from, to, trust } = workerData.g;
  const t0 = performance.now();
  const json = wasm.analyze_json(n, from, to, trust);
  parentPort.postMessage({ json, ms: performance.now() - t0 });
} else {
  const pkg = process.argv[2];
  if (!pkg) {
    console.error('usage: node tests/bench/network.mjs PKG_DIR (built by scripts/bench-network.sh)');
    process.exit(2);
  }
  const only = process.argv[3] || 'all';
  if (!['all', 'layout', 'analysis', 'parts'].includes(only)) {
    console.error(`unknown part ${only}: expected all, layout, analysis or parts`);
    process.exit(2);
  }
  const doAnalysis = only === 'all' || only === 'analysis', doLayout = only === 'all' || only === 'layout';
  const wasm = loadWasm(pkg);
  const refBefore = machineReference();
  const sizes = only === 'parts' ? [] : [[1000, 3000], [2000, 6000], [5000, 15000]];
  const rows = [], cpuRows = [];
  const ratio = (peer, ours) => (Number.isNaN(peer / ours) ? '–' : `${(peer / ours).toFixed(1)}×`);
  const fmt = (x) => (Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  for (const [n, m] of sizes) {
    const g = randomGraph(n, m, 42);
    const runs = n >= 5000 ? 3 : 5;
    const slowRuns = n >= 5000 ? 1 : n >= 2000 ? 2 : 3;
    const graph = graphologyGraph(g);

    const cpu = { bcOurs: NaN, bcGraphology: NaN, all: NaN, whole: NaN, layoutOurs: NaN, fa2: NaN, d3: NaN };
    let bcOurs = NaN, bcGraphology = NaN, all = NaN, whole = NaN, diff = 0;
    if (doAnalysis) {
      // Betweenness: same numbers first, then time.
      const ours = wasm.betweenness(n, g.from, g.to);
      const theirs = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
      diff = maxDiff(ours, Array.from({ length: n }, (_, i) => theirs[String(i)]));
      if (!(diff < 1e-9)) throw new Error(`betweenness differs from graphology by ${diff} on ${n}/${m}`);
      [bcOurs, cpu.bcOurs] = time(() => wasm.betweenness(n, g.from, g.to), runs);
      [bcGraphology, cpu.bcGraphology] = time(() => betweennessCentrality(graph, { normalized: true, getEdgeWeight: null }), slowRuns);
      [all, cpu.all] = time(() => wasm.all_node_metrics(n, g.from, g.to, g.trust), runs);
      [whole, cpu.whole] = time(() => wasm.analyze_json(n, g.from, g.to, g.trust), slowRuns);
    }

    let layoutOurs = NaN, fa2 = NaN, d3 = NaN;
    if (doLayout) {
      // Layout: one iteration, from a random start (graphology, d3) or the spiral (ours).
      const ITER = 50;
      let layout = new wasm.BenchLayout(7, n, g.from, g.to, g.trust);
      [layoutOurs, cpu.layoutOurs] = time(() => layout.run(ITER), runs).map((x) => x / ITER);
      layout.free();
      [fa2, cpu.fa2] = time(() => forceAtlas2(graph, { iterations: ITER, settings: { barnesHutOptimize: true } }), runs).map((x) => x / ITER);
      const sim = d3Simulation(g);
      [d3, cpu.d3] = time(() => sim.tick(ITER), runs).map((x) => x / ITER);
    }

    rows.push({ size: `${n}/${m}`, bcOurs, bcGraphology, all, whole, layoutOurs, fa2, d3, diff });
    cpuRows.push({ size: `${n}/${m}`, ...cpu, diff });
  }

  const table = (title, rows) => {
    console.log(title);
    console.log('');
    console.log('| nodes/edges | betweenness: ours (wasm) | graphology | ratio | all node metrics (wasm) | whole analyze + JSON (wasm) | layout iteration: ours (wasm) | FA2 Barnes–Hut (graphology) | ratio | d3-force tick | ratio |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.size} | ${fmt(r.bcOurs)} | ${fmt(r.bcGraphology)} | ${ratio(r.bcGraphology, r.bcOurs)} | ${fmt(r.all)} | ${fmt(r.whole)} | ${fmt(r.layoutOurs)} | ${fmt(r.fa2)} | ${ratio(r.fa2, r.layoutOurs)} | ${fmt(r.d3)} | ${ratio(r.d3, r.layoutOurs)} |`);
    }
    console.log('');
  };
  const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(', ');
  if (rows.length) {
    console.log(`machine reference (a fixed JavaScript loop, CPU ms): ${fmt(refBefore)} before the tables, ${fmt(machineReference())} after (17 on this machine at its quietest)`);
    console.log('');
    table(`Network analysis and layout, Node ${process.version}, wall ms (median), ratio = peer / ours; load average ${load}`, rows);
    table('The same runs in CPU ms of the process (median): less sensitive to other work on the machine', cpuRows);
  }
  if (doAnalysis) console.log('betweenness agrees with graphology\'s to ' + Math.max(...rows.map((r) => r.diff)).toExponential(1) + ' (max abs difference)');

  if (doAnalysis || only === 'parts') {
    // Where the time of "all node metrics" goes at 1000/3000: each part alone
    // (including building its own adjacency from the arrays). The parts take
    // turns, one call each per round, so a change in the machine's load falls
    // on all of them alike; CPU ms, median of the rounds after a warm-up.
    const g = randomGraph(1000, 3000, 42);
    const names = wasm.part_names();
    const rounds = Number(process.env.PART_ROUNDS || 9);
    const cpuTimes = names.map(() => []);
    names.forEach((_, i) => wasm.run_part(i, g.n, g.from, g.to, g.trust));
    for (let r = 0; r < rounds; r++) {
      names.forEach((_, i) => {
        const c0 = process.cpuUsage();
        wasm.run_part(i, g.n, g.from, g.to, g.trust);
        const c = process.cpuUsage(c0);
        cpuTimes[i].push((c.user + c.system) / 1000);
      });
    }
    const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(', ');
    console.log(`machine reference (CPU ms): ${fmt(machineReference())}`);
    console.log(`Parts of all node metrics at 1000/3000, each alone (CPU ms, median of ${rounds} interleaved rounds; each includes building the graph from the arrays; load average ${load}):`);
    console.log('');
    console.log('| part | CPU ms |');
    console.log('|---|---:|');
    names.forEach((name, i) => console.log(`| ${name} | ${fmt(median(cpuTimes[i]))} |`));
    console.log('');
  }
  if (only === 'parts') process.exit(0);

  const t1 = rows.find((r) => r.size === '1000/3000');
  const t2 = rows.find((r) => r.size === '2000/6000');
  const c1 = cpuRows.find((r) => r.size === '1000/3000');
  const c2 = cpuRows.find((r) => r.size === '2000/6000');
  if (doAnalysis) console.log(`target: all node metrics 1000/3000 < 100 ms: ${fmt(t1.all)} ms wall, ${fmt(c1.all)} ms CPU ${c1.all < 100 ? 'MET' : 'MISSED'}`);
  if (doLayout) console.log(`target: one layout iteration 2000/6000 < 8 ms: ${fmt(t2.layoutOurs)} ms wall, ${fmt(c2.layoutOurs)} ms CPU ${c2.layoutOurs < 8 ? 'MET' : 'MISSED'}`);

  if (only === 'all') {
    const big = randomGraph(5000, 15000, 42);
    const w = await mainThreadWhileAnalyzing(wasm, pkg, big);
    const steps = [...w.stepTimes].sort((a, b) => a - b);
    const q = (p) => steps[Math.min(steps.length - 1, Math.floor(p * steps.length))];
    const longest = Math.max(w.step, w.parse);
    console.log(
      `5000/15000 with the analysis in a worker: analysis ${fmt(w.workerMs)} ms in the worker ` +
        `(result ${(w.bytes / 1024).toFixed(0)} KiB of JSON, ready after ${fmt(w.wallMs)} ms); main thread ran ${w.steps} layout steps ` +
        `(median ${fmt(q(0.5))} ms, 99th percentile ${fmt(q(0.99))} ms, longest ${fmt(w.step)} ms, ${steps.filter((t) => t > 50).length} over 50 ms), ` +
        `parsing the result ${fmt(w.parse)} ms`,
    );
    console.log(`target: no main-thread task over 50 ms at 5000/15000: longest ${fmt(longest)} ms ${longest <= 50 ? 'MET' : 'MISSED'}`);
  }
}
