// Benchmark: a busy board in headless chromium against the real server.
// A board of N notes (default 5,000), N/10 links and N/100 clusters is made
// with `yjs` in the room document's layout and sent sealed through the relay;
// the app opens it once (catch-up, saved to the device), then is reloaded, and
// the benchmark measures:
//   - load-to-interactive from the local copy: navigation start → the first
//     drawing of the board (the app's `board-drawn` performance mark);
//   - frame times while a script pans and zooms with wheel events for 240
//     frames (p50, p95, max of requestAnimationFrame intervals): zooming from
//     the whole board (shapes on the canvas) into readable notes (page
//     elements), panning across them, and zooming out again;
//   - memory: JS heap, wasm linear memory, page elements.
//
//   CONSTELLATION_BIN=… CONSTELLATION_DIST=dist node tests/bench/board.mjs [N ...]
import * as Y from 'yjs';
import { chromium } from '@playwright/test';
import { webcrypto as crypto } from 'node:crypto';
import { startServer } from '../e2e/fixtures.mjs';
import { connect, frame, KIND, RoomCrypto } from '../e2e/relay-client.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'];
const WORDS = 'safer crossings bus shelter library hours flood maps youth café bike lanes trees budget school garden market'.split(' ');

/** Makes the board in a Yjs document, as updates of up to 500 notes each. */
function makeBoard(n) {
  const doc = new Y.Doc();
  const updates = [];
  doc.on('update', (u) => updates.push(u));
  let seed = 11;
  const rand = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const side = Math.ceil(Math.sqrt(n));
  doc.transact(() => { const b = new Y.Map(); doc.getMap('boards').set('b1', b); b.set('name', 'Town hall'); b.set('order', 0); });
  const clusters = Math.max(1, Math.round(n / 100));
  const perRow = Math.ceil(Math.sqrt(clusters));
  doc.transact(() => {
    for (let c = 0; c < clusters; c += 1) {
      const m = new Y.Map(); doc.getMap('clusters').set(`c${c}`, m);
      m.set('board', 'b1'); m.set('label', `Theme ${c + 1}`);
      m.set('position', [(c % perRow) * (side / perRow) * 176, Math.floor(c / perRow) * (side / perRow) * 136]);
      m.set('size', [(side / perRow) * 176 - 40, (side / perRow) * 136 - 40]);
    }
  });
  for (let start = 0; start < n; start += 500) {
    doc.transact(() => {
      for (let i = start; i < Math.min(n, start + 500); i += 1) {
        const m = new Y.Map(); doc.getMap('notes').set(`n${i}`, m);
        const text = Array.from({ length: 3 + rand(8) }, () => WORDS[rand(WORDS.length)]).join(' ');
        m.set('board', 'b1'); m.set('text', new Y.Text(text));
        m.set('position', [(i % side) * 176 + rand(12), Math.floor(i / side) * 136 + rand(12)]);
        m.set('color', COLORS[rand(COLORS.length)]); m.set('author', `Person ${rand(200)}`);
      }
    });
  }
  doc.transact(() => {
    for (let l = 0; l < Math.round(n / 10); l += 1) {
      const a = rand(n); const b = (a + 1 + rand(side * 2)) % n;
      const m = new Y.Map(); doc.getMap('links').set(`l${l}`, m);
      m.set('from', `n${a}`); m.set('to', `n${b}`); m.set('label', l % 5 === 0 ? 'leads to' : '');
    }
  });
  return updates;
}

async function fillRoom(server, n) {
  const roomId = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const key = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const link = `${server.url}/r/${roomId}/board#k=${key}`;
  const room = await RoomCrypto.fromLink(link);
  const { ws, received } = await connect(server.url, roomId);
  let ref = 0;
  for (const u of makeBoard(n)) {
    ref += 1;
    const body = Buffer.concat([Buffer.alloc(4), await room.seal(u)]);
    body.writeUInt32LE(ref, 0);
    ws.send(frame(KIND.UPDATE, body));
    const want = ref;
    while (!received.some((f) => f.kind === KIND.ACK && f.body.readUInt32LE(0) === want)) await new Promise((r) => setTimeout(r, 2));
  }
  ws.close();
  return link;
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

async function measure(browser, link) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    // Keeps the app's wasm memory in reach, to report its size.
    const keep = (result) => { const exports = (result.instance || result).exports; if (exports?.memory) window.__wasmMemory = exports.memory; return result; };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...a) => plain(...a).then(keep);
  });
  const page = await context.newPage();
  const drawn = () => page.waitForFunction(() => performance.getEntriesByName('board-drawn').length > 0, null, { timeout: 120_000 });
  await page.goto(link);
  await drawn();
  await page.getByRole('status').filter({ hasText: 'Online' }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1500); // the draft is saved on this device
  const loads = [];
  for (let i = 0; i < 3; i += 1) {
    await page.reload();
    await drawn();
    loads.push(await page.evaluate(() => performance.getEntriesByName('board-drawn')[0].startTime));
  }
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => new Promise((resolve) => {
    const canvas = document.querySelector('[aria-label="Board canvas"]');
    const r = canvas.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true };
    const times = [];
    let n = 0;
    const step = (t) => {
      times.push(t);
      // Zoom from the whole board into readable notes, pan across them, zoom out again.
      if (n < 70) canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -4, ctrlKey: true }));
      else if (n < 170) canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaX: 14, deltaY: 9 }));
      else if (n < 240) canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: 4, ctrlKey: true }));
      else { resolve({ intervals: times.slice(1).map((x, i) => x - times[i]), zoom: document.body.innerText.match(/(\d+) %/)?.[1] }); return; }
      n += 1;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }));
  const memory = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? 0,
    wasm: window.__wasmMemory?.buffer.byteLength ?? 0,
    elements: document.getElementsByTagName('*').length,
  }));
  const shots = process.env.SCREENSHOTS;
  if (shots) {
    // For people to look at: the busy board zoomed in, whole, and on a phone.
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/busy-board-zoomed-1280x800.png` });
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/busy-board-whole-1280x800.png` });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/busy-board-360x640.png` });
  }
  await context.close();
  return { loads, frames, memory };
}

const server = await startServer({ env: { CONSTELLATION_MAX_FRAMES_PER_SECOND: '1000000', CONSTELLATION_FRAME_BURST: '1000000' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
});
try {
  for (const n of sizes.length ? sizes : [5000, 10000]) {
    const link = await fillRoom(server, n);
    const { loads, frames, memory } = await measure(browser, link);
    const iv = frames.intervals;
    const mb = (b) => (b / 1048576).toFixed(1);
    console.log(`board of ${n} notes, ${Math.round(n / 10)} links, ${Math.max(1, Math.round(n / 100))} clusters`);
    console.log(`  load-to-interactive from the local copy: ${loads.map((x) => Math.round(x)).join(', ')} ms (median ${Math.round(quantile(loads, 0.5))} ms)`);
    console.log(`  pan and zoom, ${iv.length} frames (ended at ${frames.zoom} %): p50 ${quantile(iv, 0.5).toFixed(1)} ms, p95 ${quantile(iv, 0.95).toFixed(1)} ms, max ${Math.max(...iv).toFixed(1)} ms; ${iv.filter((x) => x > 17.5).length} frames over 16.7 ms`);
    console.log(`  memory: JS heap ${mb(memory.heap)} MB, wasm memory ${mb(memory.wasm)} MB, ${memory.elements} page elements`);
  }
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
}
