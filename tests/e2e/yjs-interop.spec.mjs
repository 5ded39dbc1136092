// The room document is Yjs-compatible: updates made by the app apply in the
// JavaScript `yjs` package (Node), and an update made with `yjs` shows in the app.
import * as Y from 'yjs';
import { test, expect } from './fixtures.mjs';
import { connect, frame, KIND, RoomCrypto } from './relay-client.mjs';

test('updates made by the app apply in yjs, and yjs updates show in the app', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByLabel('Your name').fill('Farah');
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('status')).toHaveText('Online');
  for (const text of ['Alpha é', 'Beta 🌱']) {
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
    await page.locator(':focus').pressSequentially(text);
    await page.keyboard.press('Escape');
  }
  await expect(page.getByRole('status')).toHaveText('Online');
  const link = page.url();
  const room = await RoomCrypto.fromLink(link);

  // Everything the relay holds, decrypted and applied to a Yjs document.
  const { ws, received } = await connect(server.url, room.roomId);
  const doc = new Y.Doc();
  for (const f of received.filter((f) => f.kind === KIND.RELAY_UPDATE)) {
    Y.applyUpdate(doc, await room.open(f.body.subarray(8)));
  }
  const notes = doc.getMap('notes');
  const texts = [...notes.values()].map((n) => n.get('text').toString()).sort();
  expect(texts).toEqual(['Alpha é', 'Beta 🌱']);
  const boardId = [...notes.values()][0].get('board');
  expect(doc.getMap('boards').get(boardId).get('name')).toBe('Ideas');

  // A note written with yjs, in the document's layout, sent through the relay.
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    const note = new Y.Map();
    notes.set('yjs-note-1', note);
    note.set('board', boardId);
    note.set('text', new Y.Text('Gamma from Yjs'));
    note.set('position', [400, 120]);
    note.set('color', 'green');
    note.set('author', 'Node');
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  const body = Buffer.concat([Buffer.from([7, 0, 0, 0]), await room.seal(update)]);
  const acked = new Promise((resolve) => {
    ws.addEventListener('message', () => { if (received.some((f) => f.kind === KIND.ACK)) resolve(); });
  });
  ws.send(frame(KIND.UPDATE, body));
  await acked;
  ws.close();

  await page.getByRole('button', { name: 'List', exact: true }).click();
  const fields = page.getByRole('list', { name: 'Notes' }).getByRole('textbox', { name: 'Note text' });
  await expect.poll(async () => (await fields.evaluateAll((els) => els.map((e) => e.value))).sort())
    .toEqual(['Alpha é', 'Beta 🌱', 'Gamma from Yjs']);
  await expect(page.getByRole('list', { name: 'Notes' })).toContainText('Node');
});
