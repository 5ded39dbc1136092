// Before/after of the analysis's parts in ONE Node process: two or more
// builds of crates/bench-wasm (each a wasm-bindgen --target nodejs directory)
// loaded side by side, their parts called in turn, round after round, so a
// change in the machine's speed falls on all builds alike. Prints the median
// and least CPU ms of each part per build, and the CPU ms of a fixed JavaScript
// loop timed every round: on a shared machine that loop's time swings by 1.3×
// and every wasm time swings with it, so compare builds only within one run.
//
//   node tests/bench/network-ab.mjs ROUNDS PARTS PKG_A PKG_B [PKG_C …]
//   PARTS: comma-separated indices into part_names() (e.g. 0,1,12)
//   SIZE=2000/6000 for another graph (default 1000/3000)
//
// A build of the current tree: OPT_LEVEL=3 scripts/bench-network.sh parts
// leaves one in $CARGO_TARGET_DIR/bench-opt-3/bench-network-pkg; copy it aside
// before building the other side.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';

const require = createRequire(import.meta.url);
const [rounds, partsArg, ...pkgs] = process.argv.slice(2);
if (!rounds || !partsArg || pkgs.length < 1) {
  console.error('usage: node tests/bench/network-ab.mjs ROUNDS PARTS PKG_A [PKG_B …]');
  process.exit(2);
}
const builds = pkgs.map((p) => require(`${p}/constellation_bench_wasm.js`));

/// SplitMix64 and the graph of tests/bench/network.mjs (and the Rust benches).
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

const [n, m] = (process.env.SIZE || '1000/3000').split('/').map(Number);
const g = randomGraph(n, m, 42);
const table = new Int32Array(1 << 16);
for (let i = 0; i < table.length; i++) table[i] = (i * 7919) & 0xffff;
/// A fixed JavaScript workload: the machine's speed at this moment.
function reference() {
  let x = 0, s = 0;
  for (let i = 0; i < 4e6; i++) { x = table[x] ^ (i & 0xff); s += x; }
  return s;
}
const cpu = (f) => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const parts = partsArg.split(',').map(Number);
const names = builds[0].part_names();
for (const p of parts) {
  if (!(p >= 0 && p < names.length)) {
    console.error(`part ${p} does not exist; there are ${names.length}`);
    process.exit(2);
  }
}
const times = builds.map(() => parts.map(() => []));
const results = builds.map(() => parts.map(() => null));
const ref = [];
for (let r = -1; r < Number(rounds); r++) {
  const x = cpu(reference);
  if (r >= 0) ref.push(x);
  builds.forEach((b, i) => parts.forEach((p, j) => {
    let out;
    const t = cpu(() => { out = b.run_part(p, g.n, g.from, g.to, g.trust); });
    if (r >= 0) times[i][j].push(t);
    results[i][j] ??= out;
  }));
}
console.log(`${n}/${m}, ${rounds} rounds after a warm-up, CPU ms: median (least); ` +
  `JavaScript reference loop ${median(ref).toFixed(1)} (${Math.min(...ref).toFixed(1)}); load average ${loadavg().map((x) => x.toFixed(1)).join(', ')}`);
console.log('');
console.log(`| part | ${pkgs.map((_, i) => String.fromCharCode(65 + i)).join(' | ')} |`);
console.log(`|---|${pkgs.map(() => '---:').join('|')}|`);
parts.forEach((p, j) => {
  const cells = builds.map((_, i) => `${median(times[i][j]).toFixed(1)} (${Math.min(...times[i][j]).toFixed(1)})`);
  console.log(`| ${names[p]} | ${cells.join(' | ')} |`);
});
console.log('');
pkgs.forEach((p, i) => console.log(`${String.fromCharCode(65 + i)}: ${p}`));
// Every build must compute the same thing.
parts.forEach((p, j) => {
  const r0 = results[0][j];
  builds.forEach((_, i) => {
    if (Math.abs(results[i][j] - r0) > 1e-9 * Math.max(1, Math.abs(r0))) {
      console.error(`part ${names[p]}: build ${i} gives ${results[i][j]}, build 0 gives ${r0}`);
      process.exitCode = 1;
    }
  });
});
