// Benchmark: the Network section with a big network in headless chromium,
// against the real server and app. For each size N (default 5,000 and 15,000
// nodes: N/20 organizations, the rest people, 3N ties between people), the
// network is imported as a CSV edge list with its node list through "Import
// network"; then, while the analysis worker works, a script pans (mouse drags)
// and zooms (wheel) the map without pause until the health summary shows the
// analysis, and 2 s longer. Reported:
//   - main-thread long tasks (PerformanceObserver 'longtask', over 50 ms by
//     definition) from the end of the import: count and longest;
//   - frame intervals (requestAnimationFrame) in the same window: p50, p95, max;
//   - import: wall time from choosing the files to "Showing N of N", the long
//     tasks during it (the import is applied on the page's thread), and the
//     app's own measures of its parts (parse and check; apply to the room);
//   - time from the end of the import until the analysis appears, and the
//     worker's own time for it (the summary's "The last analysis took … ms");
//   - from a Chromium trace of the same windows, each task over 50 ms with
//     its wall time and the page thread's own CPU time (TRACE=file.json keeps
//     the trace and prints what each such task did).
//
//   CONSTELLATION_BIN=… CONSTELLATION_DIST=… node tests/bench/network-page.mjs [N ...]
import { chromium } from '@playwright/test';
import { readFileSync, unlinkSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startServer } from '../e2e/fixtures.mjs';
import { createRoom, openSection } from '../e2e/plan.mjs';

/** A seeded network of `n` nodes and `3n` ties as a CSV node list and edge list. */
export function bigNetwork(n, { ties = 3 * n, seed = 7 } = {}) {
  // mulberry32: exact 32-bit integer arithmetic, so the same network every run.
  let s = seed >>> 0;
  const rand = (k) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
  const sectors = ['government', 'business', 'civil_society', 'other'];
  const first = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eve', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jia', 'Kofi', 'Lea', 'Mo', 'Nia', 'Omar', 'Pia'];
  const orgs = Math.max(3, Math.round(n / 20));
  const people = n - orgs;
  const nodes = ['id,type,name,organization,sector'];
  for (let o = 0; o < orgs; o++) nodes.push(`o${o},organization,Org ${o} ${['Council', 'Works', 'Trust', 'Co-op'][o % 4]},,${sectors[o % 4]}`);
  const orgOf = [];
  for (let p = 0; p < people; p++) {
    const o = rand(orgs);
    orgOf.push(o);
    nodes.push(`p${p},person,${first[p % first.length]} ${p},o${o},`);
  }
  // Most ties inside an organization or to a neighbouring one, some across the town.
  const byOrg = Array.from({ length: orgs }, () => []);
  orgOf.forEach((o, p) => byOrg[o].push(p));
  const edges = ['from,to,trust,kind'];
  const seen = new Set();
  let guard = 0;
  while (edges.length - 1 < ties && guard++ < ties * 20) {
    const a = rand(people);
    const r = rand(10);
    let b;
    if (r < 6) { const pool = byOrg[orgOf[a]]; b = pool[rand(pool.length)]; }
    else if (r < 9) { const pool = byOrg[(orgOf[a] + 1 + rand(3)) % orgs]; if (!pool.length) continue; b = pool[rand(pool.length)]; }
    else b = rand(people);
    if (a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push(`p${a},p${b},${1 + rand(5)},${rand(3) ? 'collaborates' : 'knows'}`);
  }
  return { nodes: nodes.join('\n') + '\n', edges: edges.join('\n') + '\n', orgs, people, ties: edges.length - 1 };
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN; };

/** Watches long tasks and frames from page start; `window.__mark()` starts a new window. */
const WATCH = () => {
  window.__tasks = [];
  window.__frames = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  let last = 0;
  const tick = (t) => { if (last) window.__frames.push({ at: t, gap: t - last }); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  window.__mark = () => performance.now();
};

async function measure(browser, url, n) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.addInitScript(WATCH);
  await createRoom(page, url, 'Bench');
  await openSection(page, 'Network');
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  const net = bigNetwork(n);
  const total = net.orgs + net.people;
  // PROFILE=file.cpuprofile: a CPU profile of the page from the import to the
  // end (open it in Chromium's DevTools; build with CONSTELLATION_WASM_NAMES=1
  // to keep wasm function names), and its heaviest functions printed.
  const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
  // A Chromium trace of the window, always: it tells each long task's CPU
  // time on the page's thread from its wall time (on 2 cores, with the
  // analysis and the map workers busy, the page's thread waits for a core
  // and a task of 10 ms of work can last 60). TRACE=file.json keeps it, with
  // CPU samples, and prints each task over 50 ms with its heaviest parts.
  const tracePath = process.env.TRACE ?? `/tmp/network-page-trace-${process.pid}.json`;
  const categories = ['devtools.timeline', 'blink.user_timing'];
  if (process.env.TRACE) categories.push('disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler');
  await browser.startTracing(page, { path: tracePath, categories });
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  // Playwright's own script, injected into the page the first time it
  // waits on something, is evaluated now rather than inside the window.
  await page.waitForFunction(() => true);
  await page.getByRole('application', { name: /Network map/ }).scrollIntoViewIfNeeded();
  const input = page.getByLabel('Import network');
  await input.waitFor({ state: 'attached' });
  const t0 = await page.evaluate(() => window.__mark());
  await input.setInputFiles([
    { name: 'big-edges.csv', mimeType: 'text/csv', buffer: Buffer.from(net.edges) },
    { name: 'big-nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(net.nodes) },
  ]);
  const handedOver = await page.evaluate(() => { performance.mark('bench-files'); return window.__mark(); });
  // The script's own checks run on the page's thread too: Playwright's text
  // queries walk the whole page (the table too) and made long tasks of
  // their own, counted as the app's. So the two things waited for are read
  // with one cheap query each (by class: a measuring tool, not a test).
  const showing = `Showing ${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} people and organizations`;
  await page.waitForFunction((want) => document.querySelector('.net-count')?.textContent === want, showing, { polling: 100, timeout: 600_000 });
  const t1 = await page.evaluate(() => { performance.mark('bench-imported'); return window.__mark(); });
  // The import's long tasks are counted from the end of Playwright's hand-over
  // of the files (1.1 MB passed into the page: a task of 70–110 ms of its
  // own, which a person choosing files does not cause).
  const tFiles = handedOver;
  const importDone = Date.now();
  const importTasks = await page.evaluate(([a, b]) => window.__tasks.filter((t) => t.start >= a && t.start < b), [tFiles, t1]);
  if (process.env.TRACE) console.log('longtasks during the import (ms after the files were handed over):', importTasks.map((t) => `${(t.start - tFiles).toFixed(0)}+${t.duration.toFixed(0)}`).join(', '));
  // The import's own parts, as the app measures them (src/network_view/files.rs).
  const importParts = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('net-import')).map((m) => `${m.name.replace('net-import: ', '')} ${m.duration.toFixed(0)} ms`));

  // Pan and zoom until the analysis is shown, then 2 s more. (The map was
  // found before the import: Playwright's role queries walk the page.)
  const box = await page.evaluate(() => {
    const r = document.querySelector('[role="application"]').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // The health summary of the imported network (an empty room has one too).
  const people = `${net.people.toLocaleString('en-US')} people`;
  const summary = { isVisible: () => page.evaluate((want) => [...document.querySelectorAll('.net-summary li')].some((li) => li.textContent.includes(want)), people) };
  let shownAt = null;
  let step = 0;
  const until = () => shownAt !== null && Date.now() > shownAt + 2000;
  const deadline = Date.now() + 600_000;
  while (!until() && Date.now() < deadline) {
    const dx = ((step % 8) - 4) * 12;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + 20, { steps: 4 });
    await page.mouse.up();
    await page.mouse.wheel(0, step % 4 < 2 ? -120 : 120);
    step++;
    if (shownAt === null && await summary.isVisible()) shownAt = Date.now();
  }
  const result = await page.evaluate(([a]) => {
    const ts = window.__tasks.filter((t) => t.start >= a);
    const fr = window.__frames.filter((f) => f.at >= a).map((f) => f.gap);
    return { ts, fr };
  }, [t1]);
  await browser.stopTracing();
  const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
  if (process.env.TRACE) printLongTasks(trace);
  else unlinkSync(tracePath);
  const cpu = taskTimes(trace);
  if (process.env.KEEP_TRACE) {
    // Where each long task the page observed after the import falls in the trace.
    const events = trace.traceEvents ?? trace;
    const main = pageThread(events);
    const imported = events.find((e) => e.name === 'bench-imported' && e.pid === main.pid).ts;
    for (const lt of result.ts) {
      const from = imported + (lt.start - t1) * 1000;
      const to = from + lt.duration * 1000;
      const over = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 2000 && e.ts < to && e.ts + e.dur > from);
      console.log(`  longtask +${(lt.start - t1).toFixed(0)} ms, ${lt.duration.toFixed(0)} ms:`, over.filter((e) => !over.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur)).map((e) => `${e.name} ${((e.ts - from) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(0)}/${((e.tdur ?? 0) / 1000).toFixed(0)}`).join(', '));
    }
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.PROFILE, JSON.stringify(profile));
    printHeaviest(profile);
  }
  const tookText = await page.getByText(/^The last analysis took/).textContent().catch(() => '');
  const analysisAfter = shownAt === null ? NaN : shownAt - importDone;
  await page.close();
  return { net, importMs: t1 - t0, importTasks, importParts, tasks: result.ts, frames: result.fr, analysisAfter, tookText, gestures: step, cpu };
}

/** The measured page's main thread in a trace: the renderer that holds the script's marks. */
function pageThread(events) {
  const mark = events.find((e) => e.name === 'bench-files');
  return events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!mark || e.pid === mark.pid));
}

/**
 * The page's main-thread tasks over 50 ms in a trace, during the import (from
 * the files handed over to "Showing N of N") and after it: wall time and the
 * thread's own CPU time of each.
 */
function taskTimes(trace) {
  const events = trace.traceEvents ?? trace;
  const main = pageThread(events);
  const at = (name) => events.find((e) => e.name === name && e.pid === main?.pid)?.ts;
  const [files, imported] = [at('bench-files'), at('bench-imported')];
  const tasks = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.name === 'RunTask' && e.dur > 50_000)
    .map((e) => ({ ts: e.ts, wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
  // How far the trace reaches (Chromium stops recording when its buffer is full).
  // (A loop, not Math.max(...): a big network's trace has more events than a call's arguments may.)
  const last = events.reduce((m, e) => (e.pid === main?.pid && e.tid === main?.tid && e.ts ? Math.max(m, e.ts + (e.dur ?? 0)) : m), -Infinity);
  return {
    during: tasks.filter((t) => files !== undefined && t.ts >= files && t.ts < imported),
    after: tasks.filter((t) => imported !== undefined && t.ts >= imported),
    coveredAfter: imported === undefined ? 0 : (last - imported) / 1000,
  };
}

/**
 * Prints each main-thread task over 50 ms in a trace with its heaviest
 * events (style, layout, paint, script…) and, from the trace's CPU samples,
 * its heaviest functions (by total time; wasm names need a build with
 * CONSTELLATION_WASM_NAMES=1).
 */
function printLongTasks(trace) {
  const events = trace.traceEvents ?? trace;
  const main = pageThread(events);
  if (!main) return;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
  const t0 = mine.reduce((m, e) => Math.min(m, e.ts), Infinity);
  // CPU samples: 'Profile' gives the start, 'ProfileChunk's the nodes and samples.
  const nodes = new Map();
  const parent = new Map();
  const samples = [];
  const profiles = new Set(events.filter((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid).map((e) => e.id));
  for (const e of events.filter((e) => e.pid === main.pid && (e.name === 'Profile' || e.name === 'ProfileChunk') && profiles.has(e.id))) {
    const d = e.args?.data ?? {};
    if (e.name === 'Profile') { samples.clock = d.startTime; continue; }
    for (const n of d.cpuProfile?.nodes ?? []) {
      nodes.set(n.id, n.callFrame);
      if (n.parent) parent.set(n.id, n.parent);
    }
    (d.cpuProfile?.samples ?? []).forEach((id, i) => {
      samples.clock = (samples.clock ?? e.ts) + (d.timeDeltas?.[i] ?? 0);
      samples.push([samples.clock, id]);
    });
  }
  const fname = (f) => (f?.functionName || '').replace(/::h[0-9a-f]{16}$/, '').slice(0, 90);
  for (const task of tasks) {
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const by = new Map();
    for (const e of inside) {
      const name = e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'EventDispatch'
        ? `${e.name} ${e.args?.data?.functionName || e.args?.data?.type || ''}`.trim()
        : e.name;
      by.set(name, (by.get(name) ?? 0) + e.dur / 1000);
    }
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ');
    // How much the style and layout passes had to do.
    const work = inside.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.dur > 10_000)
      .map((e) => e.name === 'Layout'
        ? `layout ${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects} objects`
        : `style ${e.args?.elementCount ?? '?'} elements`);
    console.log(`  task at ${((task.ts - t0) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(0)} ms: ${top}${work.length ? ` (${work.join(', ')})` : ''}`);
    const fns = new Map();
    const within = samples.filter(([t]) => t >= task.ts && t <= task.ts + task.dur);
    for (let i = 0; i < within.length; i++) {
      const ms = ((within[i + 1]?.[0] ?? within[i][0]) - within[i][0]) / 1000;
      const seen = new Set();
      for (let n = within[i][1]; n !== undefined; n = parent.get(n)) {
        const name = fname(nodes.get(n));
        if (!name || seen.has(name) || /^\(|^js-to-wasm|^wasm-to-js|^real$|closure\}\}$|^__wbg|externref shim|^handleError$/.test(name)) continue;
        seen.add(name);
        fns.set(name, (fns.get(name) ?? 0) + ms);
      }
    }
    const heavy = [...fns].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ');
    if (heavy) console.log(`      ${heavy}`);
  }
}

/** Prints the functions with the most self time and most total time in a CPU profile. */
function printHeaviest(profile, top = 30) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const ms = (dt[i + 1] ?? 0) / 1000;
    const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
    const leaf = byId.get(id);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const nm = name(byId.get(n));
      if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) ?? 0) + ms); }
    }
  });
  const show = (m, label) => {
    console.log(`  ${label}:`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k.slice(0, 140)}`);
  };
  show(self, 'self time');
  show(total, 'total time');
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    for (const n of sizes.length ? sizes : [5000, 15000]) {
      const r = await measure(browser, server.url, n);
      const longest = (ts) => (ts.length ? Math.max(...ts.map((t) => t.duration)) : 0);
      console.log(`${r.net.orgs + r.net.people} nodes (${r.net.orgs} organizations, ${r.net.people} people), ${r.net.ties} ties`);
      console.log(`  import: ${r.importMs.toFixed(0)} ms to "Showing N of N"; ${r.importTasks.length} long tasks, longest ${longest(r.importTasks).toFixed(0)} ms (${r.importTasks.map((t) => t.duration.toFixed(0)).join(', ')}); parts: ${r.importParts.join(', ') || 'not measured'}`);
      console.log(`  while the worker analyses and ${r.gestures} pan+zoom gestures run: ${r.tasks.length} main-thread tasks over 50 ms, longest ${longest(r.tasks).toFixed(0)} ms${r.tasks.length ? ` (${r.tasks.map((t) => t.duration.toFixed(0)).join(', ')})` : ''}`);
      // The same windows from the trace: wall time, and the page thread's own CPU time.
      for (const [when, list] of [['during the import', r.cpu.during], ['after it', r.cpu.after]]) {
        const busy = list.filter((t) => t.cpu > 50);
        if (when === 'after it') console.log(`  (the trace reaches ${(r.cpu.coveredAfter / 1000).toFixed(1)} s past the import)`);
        console.log(`  trace, ${when}: ${list.length} tasks over 50 ms wall${list.length ? ` (wall/CPU ms: ${list.map((t) => `${t.wall.toFixed(0)}/${t.cpu.toFixed(0)}`).join(', ')})` : ''}; over 50 ms of the page thread's own CPU: ${busy.length}`);
      }
      console.log(`  frames: ${r.frames.length}, p50 ${quantile(r.frames, 0.5).toFixed(1)} ms, p95 ${quantile(r.frames, 0.95).toFixed(1)} ms, max ${Math.max(...r.frames).toFixed(1)} ms`);
      console.log(`  analysis shown ${(r.analysisAfter / 1000).toFixed(1)} s after the import; ${r.tookText || 'worker time not shown (under 100 ms)'}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    server.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
