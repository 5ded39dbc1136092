// Benchmark: a late joiner opening a room whose relay log holds N updates,
// in headless chromium, against the real server. Prints load-to-interactive
// (navigation → status "Online" with every note shown) for two rooms: one
// whose log holds N separate updates, and one where a client has uploaded a
// snapshot (what happens in practice: the app uploads one every 500 updates).
//
//   CONSTELLATION_BIN=… CONSTELLATION_DIST=dist node tests/bench/catchup.mjs [N]
//
// The updates are made with the `yjs` package in the room document's layout,
// sealed exactly like the app seals them, and sent through the relay protocol.
import * as Y from 'yjs';
import { chromium } from '@playwright/test';
import { webcrypto as crypto } from 'node:crypto';
import { startServer } from '../e2e/fixtures.mjs';
import { connect, frame, KIND, RoomCrypto, PURPOSE } from '../e2e/relay-client.mjs';

const N = Number(process.argv[2] || 50_000);
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

async function fillRoom(server, { withSnapshot }) {
  const roomId = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const key = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const link = `${server.url}/r/${roomId}/board#k=${key}`;
  const room = await RoomCrypto.fromLink(link);
  const { ws, received } = await connect(server.url, roomId);
  const doc = new Y.Doc();
  const boards = doc.getMap('boards');
  const notes = doc.getMap('notes');
  const updates = [];
  doc.on('update', (u) => updates.push(u));
  doc.transact(() => { const b = new Y.Map(); boards.set('b1', b); b.set('name', 'Ideas'); b.set('order', 0); });
  const ids = [];
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  while (updates.length < N) {
    const roll = rand(10);
    if (ids.length === 0 || roll === 0) {
      const id = `n${ids.length}`;
      doc.transact(() => {
        const n = new Y.Map(); notes.set(id, n);
        n.set('board', 'b1'); n.set('text', new Y.Text('')); n.set('position', [rand(2000), rand(1200)]);
        n.set('color', 'yellow'); n.set('author', 'bench');
      });
      ids.push(id);
    } else if (roll < 7) {
      const text = notes.get(ids[rand(ids.length)]).get('text');
      doc.transact(() => { if (text.length > 120) text.delete(0, text.length); text.insert(text.length, 'word '); });
    } else {
      doc.transact(() => notes.get(ids[rand(ids.length)]).set('position', [rand(2000), rand(1200)]));
    }
  }
  // Send in messages of up to ~200 KB, waiting for the acknowledgements.
  let batch = [];
  let size = 0;
  let ref = 0;
  const flush = async () => {
    if (!batch.length) return;
    const want = ref;
    ws.send(Buffer.concat(batch));
    batch = []; size = 0;
    while (!received.some((f) => f.kind === KIND.ACK && f.body.readUInt32LE(0) === want)) await new Promise((r) => setTimeout(r, 2));
  };
  for (const u of updates) {
    ref += 1;
    const body = Buffer.concat([Buffer.alloc(4), await room.seal(u)]);
    body.writeUInt32LE(ref, 0);
    batch.push(frame(KIND.UPDATE, body));
    size += body.length;
    if (size > 200_000) await flush();
  }
  await flush();
  if (withSnapshot) {
    const sealed = await room.seal(Y.encodeStateAsUpdate(doc), PURPOSE.snapshot);
    const parts = [];
    for (let i = 0; i < sealed.length; i += 200_000) parts.push(sealed.subarray(i, i + 200_000));
    parts.forEach((p, i) => {
      const head = Buffer.alloc(16);
      head.writeBigUInt64LE(BigInt(updates.length), 0); head.writeUInt32LE(1, 8);
      head.writeUInt16LE(i, 12); head.writeUInt16LE(parts.length, 14);
      ws.send(frame(0x03, Buffer.concat([head, p])));
    });
    await new Promise((r) => setTimeout(r, 1000));
  }
  ws.close();
  return { link, notes: ids.length };
}

async function open(browser, link, notes) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  // Measured inside the page (from navigation start), polling once per frame
  // with a plain DOM query: Playwright's accessible-name queries over thousands
  // of fields would measure Playwright.
  const ms = await page.evaluate((n) => new Promise((resolve) => {
    const check = () => {
      const online = document.querySelector('[role=status]')?.textContent.includes('Online');
      if (online && document.querySelectorAll('ol[aria-label=Notes] textarea').length >= n) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  }), notes);
  const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  await page.context().close();
  return { ms, memory };
}

const server = await startServer({
  env: { CONSTELLATION_MAX_FRAMES_PER_SECOND: '1000000', CONSTELLATION_FRAME_BURST: '1000000' },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
});
try {
  for (const withSnapshot of [false, true]) {
    const { link, notes } = await fillRoom(server, { withSnapshot });
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await open(browser, link, notes));
    const ms = runs.map((r) => Math.round(r.ms)).sort((a, b) => a - b);
    console.log(`${withSnapshot ? 'snapshot + 0 updates' : `${N} separate updates`}: ${notes} notes; `
      + `load to interactive ${ms.join(', ')} ms (median ${ms[1]} ms); JS heap ${(runs[1].memory / 1e6).toFixed(1)} MB`);
  }
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
}
