// The whiteboard in real browsers against the real server: notes, drag and
// keyboard moves, clusters, links, voting and the ranked list, undo, files,
// two participants at once, and note text that looks like HTML.
import { readFileSync } from 'node:fs';
import { test, expect, screenshot } from './fixtures.mjs';

test.describe.configure({ timeout: 60_000 });

async function openRoom(page, url, name) {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('status')).toHaveText('Online');
  return page.url();
}

async function join(page, link, name) {
  await page.goto(new URL(link).origin);
  await page.getByLabel('Your name').fill(name);
  await page.goto(link);
  await expect(page.getByRole('status')).toHaveText('Online');
}

/** Adds a note with the button, types its text, and leaves the field. */
async function addNote(page, text) {
  await page.bringToFront();
  await page.getByRole('button', { name: 'Add note' }).click();
  const field = page.getByRole('textbox', { name: 'Note text' });
  await expect(field).toBeFocused();
  await field.pressSequentially(text);
  await field.press('Escape');
  return page.getByRole('button', { name: text, exact: true });
}

const centre = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

test('notes are added, edited, moved by drag and by keyboard, and undone', async ({ page, server }) => {
  await openRoom(page, server.url, 'Amina');
  const note = await addNote(page, 'Plant trees');
  await expect(note).toBeVisible();
  await expect(page.getByRole('group', { name: 'Note: Plant trees' })).toContainText('Amina');

  // Edit in place: Enter opens the text, typing changes it.
  await note.focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Note text' });
  await expect(field).toBeFocused();
  await field.press('End');
  await field.pressSequentially(' on Main St');
  await field.press('Escape');
  const edited = page.getByRole('button', { name: 'Plant trees on Main St', exact: true });
  await expect(edited).toBeFocused();

  // Keyboard: three steps right, one down.
  const before = await edited.boundingBox();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
  await expect.poll(async () => (await edited.boundingBox()).x - before.x).toBeGreaterThan(20);
  const afterKeys = await edited.boundingBox();
  expect(afterKeys.y).toBeGreaterThan(before.y);

  // Drag with the mouse.
  const start = centre(afterKeys);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 40, { steps: 6 });
  await page.mouse.move(start.x + 120, start.y + 80, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await edited.boundingBox()).x - afterKeys.x)).toBeGreaterThan(100);
  const dragged = await edited.boundingBox();

  // Undo takes back the drag (Ctrl+Z), redo puts it back (Ctrl+Shift+Z).
  await page.getByRole('region', { name: 'Board canvas' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await edited.boundingBox()).x)).toBe(Math.round(afterKeys.x));
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => Math.round((await edited.boundingBox()).x)).toBe(Math.round(dragged.x));

  // Deleting from the keyboard, then undo with the button.
  await edited.focus();
  await page.keyboard.press('Delete');
  await expect(edited).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edited).toBeVisible();
});

test('keys typed straight after "Add note" all reach the new note', async ({ page, server }) => {
  await openRoom(page, server.url, 'Amina');
  const add = page.getByRole('button', { name: 'Add note' });
  await add.focus();
  // Click and look at once, in one task: only microtasks run in between (the
  // app's reactive updates), no frame is drawn, so a field focused "on the
  // next frame" would still not have the keyboard, and a fast typist's first
  // letters would go to the button.
  const focused = await add.evaluate(async (button) => {
    button.click();
    for (let i = 0; i < 100 && document.activeElement === button; i++) await Promise.resolve();
    return document.activeElement?.id;
  });
  expect(focused, "the new note's text field has the keyboard").toMatch(/^note-field-/);
  await page.keyboard.type('Repair the bridge');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Repair the bridge', exact: true })).toBeVisible();
});

test('double-clicking empty space adds a note there, and zoom keys zoom', async ({ page, server }) => {
  await openRoom(page, server.url, 'Bea');
  const canvas = page.getByRole('region', { name: 'Board canvas' });
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + 200, box.y + 150);
  await page.mouse.click(box.x + 200, box.y + 150);
  const field = page.getByRole('textbox', { name: 'Note text' });
  await expect(field).toBeFocused();
  await field.pressSequentially('Here');
  await field.press('Escape');
  const note = await page.getByRole('button', { name: 'Here', exact: true }).boundingBox();
  // The note is centred where the double-click was.
  expect(Math.abs(note.x + note.width / 2 - (box.x + 200))).toBeLessThan(4);
  const zoom = page.getByText(/^\d+ %$/);
  await expect(zoom).toHaveText('100 %');
  await canvas.focus();
  await page.keyboard.press('+');
  await expect(zoom).toHaveText('125 %');
  await page.keyboard.press('0');
  await expect(zoom).toHaveText('100 %');
  await page.keyboard.press('-');
  await expect(zoom).toHaveText('80 %');
  // The wheel with Ctrl (a trackpad pinch) zooms too.
  await page.mouse.move(box.x + 300, box.y + 200);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(zoom).not.toHaveText('80 %');
});

test('clusters hold the notes dropped in them, links join notes, votes rank them', async ({ page, server }) => {
  await openRoom(page, server.url, 'Chen');
  // A cluster, renamed and dragged by its label to the lower part of the view.
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await page.getByLabel('Cluster label').fill('Transport');
  const cluster = page.getByRole('button', { name: 'Transport', exact: true });
  await expect(cluster).toBeVisible();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  const lb = await cluster.boundingBox();
  await page.mouse.move(lb.x + 10, lb.y + 10);
  await page.mouse.down();
  await page.mouse.move(lb.x + 10, lb.y + 200, { steps: 8 });
  await page.mouse.up();
  const a = await addNote(page, 'Bike lanes');
  const b = await addNote(page, 'Bus stop shelter');
  await addNote(page, 'Night buses');
  await cluster.click();
  await expect(page.getByRole('complementary', { name: 'Selection' })).toContainText('No notes in it yet');
  // A note dropped inside belongs to it.
  const moved = await page.getByRole('group', { name: 'Cluster: Transport' }).boundingBox();
  const from = centre(await a.boundingBox());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2, { steps: 10 });
  await page.mouse.up();
  await cluster.click();
  await expect(page.getByRole('complementary', { name: 'Selection' })).toContainText('1 note in it.');
  // The cluster carries its note when it moves.
  const noteBefore = await a.boundingBox();
  const lb2 = await cluster.boundingBox();
  await page.mouse.move(lb2.x + 10, lb2.y + 10);
  await page.mouse.down();
  await page.mouse.move(lb2.x + 60, lb2.y + 10, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await a.boundingBox()).x - noteBefore.x)).toBe(Math.round(50));

  // A link from one note to another, with a label, chosen without a pointer.
  await a.focus();
  const panel = page.getByRole('complementary', { name: 'Selection' });
  await panel.getByLabel('Link to').selectOption({ label: 'Bus stop shelter' });
  await panel.getByLabel('Link label (optional)').fill('feeds');
  await panel.getByRole('button', { name: 'Add link' }).click();
  await expect(panel.getByRole('listitem')).toContainText(['→ Bus stop shelter']);
  await expect(panel).toContainText('“feeds”');

  // Voting: closed until the facilitator opens it.
  await b.focus();
  await expect(panel.getByRole('button', { name: 'Vote for Bus stop shelter' })).toBeDisabled();
  await page.getByLabel('Votes per person').fill('2');
  await page.getByLabel('Votes per person').press('Enter');
  await expect(page.getByText('2 of 2 votes left')).toBeVisible();
  await panel.getByRole('button', { name: 'Vote for Bus stop shelter' }).click();
  await panel.getByRole('button', { name: 'Vote for Bus stop shelter' }).click();
  await expect(page.getByText('0 of 2 votes left')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Vote for Bus stop shelter' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Remove my vote from Bus stop shelter' }).click();
  await a.focus();
  await panel.getByRole('button', { name: 'Vote for Bike lanes' }).click();
  await expect(page.getByText('0 of 2 votes left')).toBeVisible();

  // Ranked: the two voted notes share first place, the other is last.
  await page.getByRole('button', { name: 'Ranked', exact: true }).click();
  const ranked = page.getByRole('list', { name: 'Ranked notes' }).getByRole('listitem');
  await expect(ranked).toHaveCount(3);
  await expect(ranked.nth(2)).toContainText('Night buses');
  await expect(ranked.nth(2)).toContainText('0 votes');
  await expect(ranked.nth(0)).toContainText('1 vote');
  await expect(page.getByText('1 person has voted.')).toBeVisible();

  // The list view shows the same board in reading order, the cluster first.
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const fields = page.getByRole('list', { name: 'Notes' }).getByRole('textbox', { name: 'Note text' });
  await expect(fields).toHaveCount(3);
  await expect(fields.first()).toHaveValue('Bike lanes');
});

test('boards are added, renamed, reordered, and a deleted board comes back with Undo', async ({ page, server }) => {
  await openRoom(page, server.url, 'Dara');
  await addNote(page, 'First idea');
  const boards = page.getByRole('navigation', { name: 'Boards' });
  await expect(boards.getByRole('button', { name: 'Ideas' })).toHaveAttribute('aria-current', 'page');
  await boards.getByRole('button', { name: 'Add board' }).click();
  const name = page.getByRole('textbox', { name: 'Board name' });
  await expect(name).toBeFocused();
  await name.fill('Actions');
  await name.press('Enter');
  await expect(boards.getByRole('button', { name: 'Actions' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: 'First idea', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Move board left' }).click();
  await expect(boards.getByRole('listitem').first()).toHaveText('Actions');
  await page.getByRole('button', { name: 'Delete board' }).click();
  await expect(boards.getByRole('button', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'First idea', exact: true })).toBeVisible();
  await expect(page.getByText('Board “Actions” deleted.')).toBeVisible();
  await boards.getByRole('button', { name: 'Undo' }).click();
  await expect(boards.getByRole('button', { name: 'Actions' })).toBeVisible();
});

test('a board exports as SVG, PNG and JSON, and the JSON imports back as a new board', async ({ page, server }) => {
  await openRoom(page, server.url, 'Eli');
  await addNote(page, 'Fish & <chips>');
  await addNote(page, 'Second');
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const svg = await save('Export SVG');
  expect(svg.name).toBe('ideas.svg');
  expect(svg.bytes.toString()).toContain('Fish &amp; &lt;chips&gt;');
  const png = await save('Export PNG');
  expect(png.name).toBe('ideas.png');
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.bytes.length).toBeGreaterThan(1000);
  const json = await save('Export JSON');
  const data = JSON.parse(json.bytes.toString());
  expect(data.notes.map((n) => n.text).sort()).toEqual(['Fish & <chips>', 'Second']);

  await page.getByLabel('Import JSON').setInputFiles({ name: 'ideas.json', mimeType: 'application/json', buffer: json.bytes });
  const boards = page.getByRole('navigation', { name: 'Boards' }).getByRole('button', { name: 'Ideas' });
  await expect(boards).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Fish & <chips>' })).toBeVisible();

  // A broken file is refused with its reason, and nothing changes.
  await page.getByLabel('Import JSON').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "constellation-board", "version": 1, "notes": [{"text": 5}]') });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toBeVisible();
  await expect(boards).toHaveCount(2);
});

test('two participants moving, editing and voting at once converge', async ({ browser, server }) => {
  const a = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const b = await (await browser.newContext({ viewport: { width: 360, height: 640 } })).newPage();
  const link = await openRoom(a, server.url, 'Amina');
  await addNote(a, 'Shared note');
  await a.getByLabel('Votes per person').fill('3');
  await a.getByLabel('Votes per person').press('Enter');
  await join(b, link, 'Bruno');
  const noteB = b.getByRole('button', { name: 'Shared note', exact: true });
  await expect(noteB).toBeVisible();

  // At the same time: A moves the note by keyboard and votes; B votes and adds a note.
  const noteA = a.getByRole('button', { name: 'Shared note', exact: true });
  await noteA.focus();
  await a.keyboard.press('ArrowRight');
  await a.getByRole('complementary', { name: 'Selection' }).getByRole('button', { name: 'Vote for Shared note' }).click();
  await noteB.focus();
  await b.getByRole('complementary', { name: 'Selection' }).getByRole('button', { name: 'Vote for Shared note' }).click();
  await addNote(b, 'From the phone');

  for (const page of [a, b]) {
    await page.getByRole('button', { name: 'Ranked', exact: true }).click();
    const items = page.getByRole('list', { name: 'Ranked notes' }).getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText('Shared note');
    await expect(items.first()).toContainText('2 votes');
    await expect(page.getByText('2 people have voted.')).toBeVisible();
  }
  // A's cursor shows on B's canvas when A points at the board.
  await b.getByRole('button', { name: 'Canvas', exact: true }).click();
  await a.getByRole('button', { name: 'Canvas', exact: true }).click();
  const box = await a.getByRole('region', { name: 'Board canvas' }).boundingBox();
  await a.mouse.move(box.x + 100, box.y + 100);
  await a.mouse.move(box.x + 140, box.y + 120, { steps: 4 });
  await expect(b.locator('[data-peer]')).toContainText('Amina');
  await screenshot(a, 'board-two-participants-1280x800');
  await screenshot(b, 'board-two-participants-360x640');
});

test('note text that looks like HTML or script is shown as text and never runs', async ({ page, server }) => {
  await openRoom(page, server.url, 'Mallory');
  const payloads = [
    '<img src=x onerror="window.__xss=1">',
    '<script>window.__xss=2</script>',
    '"><svg onload="window.__xss=3">',
  ];
  for (const p of payloads) await addNote(page, p);
  for (const p of payloads) await expect(page.getByRole('button', { name: p, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await page.getByRole('button', { name: 'Ranked', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Ranked notes' })).toContainText(payloads[1]);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator('img[src=x], script:not([src]):text("__xss"), svg[onload]').count()).toBe(0);
});
