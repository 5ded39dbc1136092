// Live sync end to end: real browsers, the real server binary, its real store.
import { readFileSync, readdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { test, expect, startServer } from './fixtures.mjs';
import { noteWithStorageNearlyFull } from './plan.mjs';

// These tests wait for reconnects (capped backoff), so they get more time.
test.describe.configure({ timeout: 60_000 });

// A new room is a signed room: its id is a verifying key, its edit link carries the write key.
const ROOM_URL = /\/r\/[A-Za-z0-9_-]{43}\/board#k=[A-Za-z0-9_-]{43}&w=[A-Za-z0-9_-]{43}$/;

async function createRoom(page, url, name) {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(ROOM_URL);
  await expect(page.getByRole('status')).toHaveText('Online');
  // These tests read every note's text at once: the board's list view shows them all.
  await page.getByRole('button', { name: 'List', exact: true }).click();
  return page.url();
}

async function joinRoom(page, link, name) {
  await page.goto(new URL(link).origin);
  await page.getByLabel('Your name').fill(name);
  await page.goto(link);
  await expect(page.getByRole('status')).toHaveText('Online');
  await page.getByRole('button', { name: 'List', exact: true }).click();
}

async function addNote(page, text) {
  // Several pages share one headless window; the one a person types in is in front.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Add note' }).click();
  // The new, empty note's field has the keyboard focus.
  const focused = page.locator(':focus');
  await expect(focused).toHaveAccessibleName('Note text');
  await expect(focused).toHaveValue('');
  await page.keyboard.type(text);
}

function noteTexts(page) {
  return page.getByRole('list', { name: 'Notes' }).getByRole('textbox', { name: 'Note text' });
}

async function expectNotes(page, texts) {
  await expect.poll(async () => (await noteTexts(page).evaluateAll((els) => els.map((e) => e.value))).sort())
    .toEqual([...texts].sort());
}

test('two participants editing at once converge, and a late joiner sees everything', async ({ browser, server }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const link = await createRoom(a, server.url, 'Amina');
  await joinRoom(b, link, 'Bruno');
  // Each sees the other in the participant list.
  await expect(a.getByText('2 here')).toBeVisible();
  await b.getByText('2 here').click();
  await expect(b.getByRole('list', { name: 'Participants' })).toContainText('Amina');

  // Both type before either sees the other's notes: concurrent edits.
  await addNote(a, 'Plant trees on Main St');
  await addNote(b, 'Repair the footbridge');
  await addNote(a, 'Ask the water board');
  await addNote(b, 'Youth survey');
  const all = ['Plant trees on Main St', 'Repair the footbridge', 'Ask the water board', 'Youth survey'];
  await expectNotes(a, all);
  await expectNotes(b, all);

  const c = await (await browser.newContext()).newPage();
  await joinRoom(c, link, 'Chen');
  await expectNotes(c, all);
  for (const p of [a, b, c]) await p.context().close();
});

test('edits made while the relay is down are kept, survive a reload, and merge when it returns', async ({ browser }) => {
  const server = await startServer();
  const port = new URL(server.url).port;
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const link = await createRoom(a, server.url, 'Amina');
  await joinRoom(b, link, 'Bruno');
  await addNote(a, 'Before the outage');
  await expectNotes(b, ['Before the outage']);
  // The service worker has kept the app shell for offline use.
  await a.evaluate(async () => { await navigator.serviceWorker.ready; });
  await expect.poll(() => a.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await server.stop();
  await expect(a.getByRole('status')).toHaveText('Offline');
  await expect(b.getByRole('status')).toHaveText('Offline');
  await addNote(a, 'Offline idea from A');
  await addNote(b, 'Offline idea from B');
  // The draft is saved within half a second; a reload restores it exactly.
  await a.waitForTimeout(600);
  await a.reload();
  await expectNotes(a, ['Before the outage', 'Offline idea from A']);

  const again = await startServer({ dataDir: server.dataDir, port });
  await expect(a.getByRole('status')).toHaveText('Online', { timeout: 45_000 });
  await expect(b.getByRole('status')).toHaveText('Online', { timeout: 45_000 });
  const all = ['Before the outage', 'Offline idea from A', 'Offline idea from B'];
  await expectNotes(a, all);
  await expectNotes(b, all);
  for (const p of [a, b]) await p.context().close();
  await again.stop();
  again.cleanup();
  server.cleanup();
});

test('the relay stores only ciphertext, and the room key never reaches the server', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('websocket', (ws) => requested.push(ws.url()));
  const link = await createRoom(page, server.url, 'Dana');
  const secret = 'Secret plan: meet the mayor at 7';
  await addNote(page, secret);
  await expect(page.getByRole('status')).toHaveText('Online');
  await page.waitForTimeout(300);
  const fragment = new URLSearchParams(new URL(link).hash.slice(1));
  const secrets = [fragment.get('k'), fragment.get('w')];
  expect(secrets.every((s) => s?.length === 43)).toBe(true);
  expect(requested.length).toBeGreaterThan(0);
  for (const url of requested) for (const secret of secrets) expect(url).not.toContain(secret);
  await context.close();
  await server.stop();
  const stored = readdirSync(server.dataDir).map((f) => readFileSync(joinPath(server.dataDir, f)));
  const bytes = Buffer.concat(stored);
  expect(bytes.length).toBeGreaterThan(0);
  for (const needle of ['Secret plan', 'mayor', 'Dana']) {
    expect(bytes.includes(Buffer.from(needle)), `"${needle}" is in the relay's files`).toBe(false);
  }
  server.cleanup();
});

test('when browser storage is nearly full, the person is told', async ({ page, server }) => {
  await noteWithStorageNearlyFull(page, server.url);
  await expect(page.getByRole('alert').filter({ hasText: 'storage' })).toContainText('95 % full');
  // The edit itself is kept and sent.
  await expect(page.getByRole('status')).toHaveText('Online');
});
