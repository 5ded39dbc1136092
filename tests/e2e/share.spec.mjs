// Sharing a room: the Share dialog (links, QR code, embed snippet), view-only
// links that the relay enforces (also against a hand-made client), and the
// first-visit name prompt.
import { test, expect, screenshot } from './fixtures.mjs';
import { connect, frame, KIND, RoomCrypto } from './relay-client.mjs';
import { generateKeyPairSync } from 'node:crypto';

test.describe.configure({ timeout: 60_000 });

async function createRoom(page, url, name) {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('status')).toHaveText('Online');
  return page.url();
}

async function openShare(page) {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this room' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Sends one message to the relay and resolves with how the relay answered: an ACK or a close. */
function answerTo(ws, message) {
  return new Promise((resolve) => {
    const onMessage = (data) => {
      const bytes = Buffer.from(data);
      if (bytes[1] === KIND.ACK) { ws.off('message', onMessage); resolve({ ack: true }); }
    };
    ws.on('message', onMessage);
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.send(message);
  });
}

async function updateFrame(room, ref, bytes, opts = {}) {
  const sealed = await room.seal(bytes);
  const body = Buffer.concat([Buffer.from([ref, 0, 0, 0]), opts.payload ? opts.payload(sealed) : sealed]);
  return frame(KIND.UPDATE, body);
}

test('the Share dialog gives the edit link, the view-only link, a QR code and an embed', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await createRoom(page, server.url, 'Amina');
  const share = page.getByRole('button', { name: 'Share' });
  const dialog = await openShare(page);

  const edit = dialog.getByRole('textbox', { name: 'Edit link' });
  const view = dialog.getByRole('textbox', { name: 'View-only link' });
  await expect(edit).toHaveValue(link);
  const viewLink = await view.inputValue();
  expect(viewLink).toBe(link.replace(/&w=[A-Za-z0-9_-]{43}$/, ''));
  expect(viewLink).not.toContain('w=');

  // Copy puts the link on the clipboard and says so.
  await dialog.getByRole('button', { name: 'Copy view-only link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(viewLink);

  // The QR code shows the view-only link unless the edit link is chosen.
  await expect(dialog.getByRole('img', { name: 'QR code of the view-only link' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Edit link' }).check();
  await expect(dialog.getByRole('img', { name: 'QR code of the edit link' })).toBeVisible();

  // The embed snippet uses the view-only link, for the map or accountability.
  const embed = dialog.getByRole('textbox', { name: 'Embed code' });
  await expect(embed).toHaveValue(/^<iframe src="http:\/\/[^"]+\/embed\/[A-Za-z0-9_-]{43}\/network#k=[A-Za-z0-9_-]{43}" title="Network map"/);
  await dialog.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Accountability' });
  await expect(embed).toHaveValue(/\/accountability#k=[A-Za-z0-9_-]{43}"/);
  expect(await embed.inputValue()).not.toContain('w=');

  // Escape closes it and gives the focus back to the Share button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();
  // The Close button too.
  await openShare(page);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(share).toBeFocused();
});

for (const size of [{ width: 360, height: 640 }, { width: 1280, height: 800 }]) {
  test(`the Share dialog fits a ${size.width}×${size.height} screen`, async ({ page, server }) => {
    await page.setViewportSize(size);
    await createRoom(page, server.url, 'Amina');
    const dialog = await openShare(page);
    const box = await dialog.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    for (const name of ['Copy edit link', 'Copy view-only link', 'Close']) {
      expect((await dialog.getByRole('button', { name }).boundingBox()).height).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, `share-${size.width}x${size.height}`);
  });
}

test('a view-only link reads the room live but cannot change it', async ({ browser, server }) => {
  const a = await (await browser.newContext()).newPage();
  const link = await createRoom(a, server.url, 'Amina');
  await a.getByRole('button', { name: 'Add note' }).click();
  await a.keyboard.type('Plant trees');
  const viewLink = await (await openShare(a)).getByRole('textbox', { name: 'View-only link' }).inputValue();
  await a.keyboard.press('Escape');

  const b = await (await browser.newContext()).newPage();
  const sent = [];
  b.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(f.payload)));
  await b.goto(server.url);
  await b.getByLabel('Your name').fill('Bruno');
  await b.goto(viewLink);
  await expect(b.getByRole('status')).toHaveText('Online');
  await expect(b.getByText('View only', { exact: true })).toBeVisible();
  // What the editor wrote arrives; the edit controls are disabled.
  await expect(b.getByRole('button', { name: 'Plant trees', exact: true })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Add note' })).toBeDisabled();
  await expect(b.getByRole('button', { name: 'Add board' })).toBeDisabled();
  await expect(b.getByRole('button', { name: 'Add note' })).toHaveAccessibleDescription(/View only/);
  // It says why: view only, not the facilitator's lock.
  await expect(b.getByText(/locked while votes are counted/)).toBeHidden();
  // Seeing stays possible: the board's views, zoom and exports work.
  await expect(b.getByRole('button', { name: 'Zoom in' })).toBeEnabled();
  await expect(b.getByRole('button', { name: 'Export SVG' })).toBeEnabled();
  await b.getByRole('button', { name: 'List', exact: true }).click();
  await expect(b.getByRole('button', { name: 'List', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(b.getByRole('textbox', { name: 'Note text' }).first()).not.toBeEditable();
  await b.getByRole('button', { name: 'Canvas', exact: true }).click();
  // The other sections' forms are all edits: disabled as a whole.
  const sections = b.getByRole('navigation', { name: 'Room sections' });
  await sections.getByRole('link', { name: 'Goals' }).click();
  await expect(b.getByRole('button', { name: 'Add goal' })).toBeDisabled();
  await sections.getByRole('link', { name: 'Board' }).click();
  // Live: a new note of the editor appears for the reader.
  await a.bringToFront();
  await a.getByRole('button', { name: 'Add note' }).click();
  await a.keyboard.type('Repair the bridge');
  await expect(b.getByRole('button', { name: 'Repair the bridge', exact: true })).toBeVisible();
  await b.setViewportSize({ width: 360, height: 640 });
  await screenshot(b, 'view-only-360x640');
  // The reader's page sent the relay no write: only HELLO (0x01) and PRESENCE (0x04) frames.
  for (const payload of sent) {
    const bytes = Buffer.from(payload);
    for (let at = 0; at < bytes.length; at += 6 + bytes.readUInt32LE(at + 2)) {
      expect([KIND.HELLO, 0x04]).toContain(bytes[at + 1]);
    }
  }
  // The Share dialog of a view-only link offers only that link.
  const dialog = await openShare(b);
  await expect(dialog.getByRole('textbox', { name: 'View-only link' })).toHaveValue(viewLink);
  await expect(dialog.getByRole('textbox', { name: 'Edit link' })).toHaveCount(0);
  expect(link).toContain('&w=');
});

test('the relay refuses writes not signed with the room\'s write key, sent straight from a script', async ({ page, server }) => {
  const link = await createRoom(page, server.url, 'Amina');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.keyboard.type('Signed by the app');
  await expect(page.getByRole('status')).toHaveText('Online');
  const viewLink = link.replace(/&w=.*$/, '');

  // A client made by hand from the view link: its UPDATE carries no signature.
  const reader = await RoomCrypto.fromLink(viewLink);
  expect(reader.writeKey).toBeUndefined();
  const unsigned = await connect(server.url, reader.roomId);
  const refused = await answerTo(unsigned.ws, await updateFrame(reader, 1, Buffer.from([0, 0])));
  expect(refused.code).toBe(4406);
  expect(refused.reason).toContain("not signed with the room's write key");

  // Signed, but with a key of its own.
  const { privateKey } = generateKeyPairSync('ed25519');
  const forger = await connect(server.url, reader.roomId);
  const forged = await answerTo(forger.ws, await updateFrame(reader, 1, Buffer.from([0, 0]), {
    payload: (sealed) => reader.sign(sealed, 1, 0n, privateKey),
  }));
  expect(forged.code).toBe(4406);

  // Nothing of either was stored: a late joiner gets only the app's own updates, all signed.
  const editor = await RoomCrypto.fromLink(link);
  const late = await connect(server.url, editor.roomId);
  const stored = late.received.filter((f) => f.kind === KIND.RELAY_UPDATE);
  expect(stored.length).toBeGreaterThan(0);
  for (const f of stored) await editor.open(f.body.subarray(8)); // throws on a bad signature
  late.ws.close();

  // With the edit link's write key the same kind of frame is stored.
  const writer = await connect(server.url, editor.roomId);
  const { Doc, encodeStateAsUpdate } = await import('yjs');
  const accepted = await answerTo(writer.ws, await updateFrame(editor, 1, encodeStateAsUpdate(new Doc())));
  expect(accepted).toEqual({ ack: true });
  writer.ws.close();
});

test.describe('first visit', () => {
  test.use({ namePrompt: true });

  test('a room asks for a name first, remembers it, and can be skipped', async ({ page, server, browser }) => {
    const a = await (await browser.newContext()).newPage();
    const link = await createRoom(a, server.url, 'Amina');

    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Before you join' })).toBeVisible();
    await page.setViewportSize({ width: 360, height: 640 });
    await screenshot(page, 'name-prompt-360x640');
    const name = page.getByRole('textbox', { name: 'Your name' });
    await expect(name).toBeFocused();
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await name.fill('Chen');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible();
    // The new name shows at once in one's own list, not only after a reload.
    await page.getByText('2 here').click();
    await expect(page.getByRole('list', { name: 'Participants' }).getByRole('listitem').first()).toHaveText('Chen (you)');
    await a.bringToFront();
    await a.getByText('2 here').click();
    await expect(a.getByRole('list', { name: 'Participants' })).toContainText('Chen');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Before you join' })).toHaveCount(0);

    const c = await (await browser.newContext()).newPage();
    await c.goto(link);
    await c.getByRole('button', { name: 'Skip' }).click();
    await expect(c.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible();
  });
});

test('a short room code made in the Share dialog opens the room when typed on the start page', async ({ browser, server }) => {
  const a = await (await browser.newContext()).newPage();
  const link = await createRoom(a, server.url, 'Amina');
  const dialog = await openShare(a);
  await dialog.getByRole('combobox', { name: 'The code opens' }).selectOption({ label: 'the edit link' });
  await dialog.getByRole('button', { name: 'Make a room code' }).click();
  const field = dialog.getByRole('textbox', { name: 'Room code' });
  await expect(field).toHaveValue(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, { timeout: 20_000 });
  const code = await field.inputValue();
  await expect(dialog.getByText(/^Valid until /)).toBeVisible();

  // The relay holds only a ticket under the first four characters; with the
  // documented KDF (PBKDF2-SHA256, 300,000 rounds) the code opens it.
  const { pbkdf2Sync, createDecipheriv } = await import('node:crypto');
  const plain = code.replace(/-/g, '');
  const res = await fetch(`${server.url}/api/room-codes/${plain.slice(0, 4)}`);
  expect(res.status).toBe(200);
  const ticket = Buffer.from(await res.arrayBuffer());
  expect(ticket.includes(Buffer.from(new URL(link).hash.slice(3, 20)))).toBe(false);
  const key = pbkdf2Sync(plain, `constellation/room-code/v1:${plain.slice(0, 4)}`, 300_000, 32, 'sha256');
  const decipher = createDecipheriv('aes-256-gcm', key, ticket.subarray(1, 13));
  decipher.setAAD(Buffer.from(`constellation/ticket/v1:${plain.slice(0, 4)}`));
  decipher.setAuthTag(ticket.subarray(ticket.length - 16));
  const path = Buffer.concat([decipher.update(ticket.subarray(13, ticket.length - 16)), decipher.final()]).toString();
  expect(new URL(path, server.url).href).toBe(link);

  // Typed on another device, in lower case with spaces, it opens the room.
  const b = await (await browser.newContext()).newPage();
  await b.goto(server.url);
  await b.getByLabel('Your name').fill('Bruno');
  await b.getByLabel('Room code or link').fill(code.toLowerCase().replace(/-/g, ' '));
  await b.getByRole('button', { name: 'Join' }).click();
  await expect(b).toHaveURL(link, { timeout: 20_000 });
  await expect(b.getByRole('status')).toHaveText('Online');

  // A mistyped code is explained and nothing opens.
  await b.goto(server.url);
  await b.getByLabel('Room code or link').fill('ZZZZ-ZZZZ-ZZZZ');
  await b.getByRole('button', { name: 'Join' }).click();
  await expect(b.getByRole('alert')).toContainText('No room has this code');

  // Withdrawn in the Share dialog that made it, the code opens nothing any
  // more; the relay refused to withdraw it for anyone without the key.
  const withdrawAsStranger = await fetch(`${server.url}/api/room-codes/${plain.slice(0, 4)}`, {
    method: 'DELETE', headers: { 'x-withdraw-key': '0'.repeat(64) },
  });
  expect(withdrawAsStranger.status).toBe(403);
  await a.bringToFront();
  // Closing the dialog does not lose the code (nor the key that withdraws it).
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await a.setViewportSize({ width: 360, height: 640 });
  await openShare(a);
  await expect(field).toHaveValue(code);
  await dialog.getByRole('button', { name: 'Withdraw code' }).scrollIntoViewIfNeeded();
  await screenshot(a, 'share-room-code-360x640');
  await dialog.getByRole('button', { name: 'Withdraw code' }).click();
  await expect(dialog.getByText(`The code ${code} no longer opens the room.`)).toBeVisible();
  await expect(field).toHaveCount(0);
  expect((await fetch(`${server.url}/api/room-codes/${plain.slice(0, 4)}`)).status).toBe(404);
  await b.goto(server.url);
  await b.getByLabel('Room code or link').fill(code);
  await b.getByRole('button', { name: 'Join' }).click();
  await expect(b.getByRole('alert')).toContainText('No room has this code');
});
