// Undo and redo in the network view: this person's own network edits (a
// quick entry, an import, a delete) are taken back one step at a time, the
// other participant sees the undo live, and the whiteboard's history is
// apart (undoing on the board never removes people from the map, and the
// reverse).
import { test, expect } from './fixtures.mjs';
import { createRoom, joinRoom, openSection } from './plan.mjs';

const count = (page) => page.getByText(/^Showing \d+ of \d+ people and organizations$/);

async function quickEntry(page, me, at, colleague) {
  await page.getByLabel('I am', { exact: true }).fill(me);
  await page.getByLabel('at', { exact: true }).fill(at);
  await page.getByLabel('I work with (person 1)').fill(colleague);
  await page.getByRole('button', { name: 'Add me to the map' }).click();
  await expect(page.getByText(new RegExp(`^Added ${me}:`))).toBeVisible();
}

test('undo and redo take back this person’s own network edits, live for the others, apart from the board', async ({ browser, server }) => {
  const amina = await (await browser.newContext()).newPage();
  const link = await createRoom(amina, server.url, 'Amina');
  const bruno = await (await browser.newContext()).newPage();
  await joinRoom(bruno, link.replace('/board', '/network'), 'Bruno');

  // A note on the board first: the network's undo must never take it back.
  await amina.getByRole('button', { name: 'Add note' }).click();
  const field = amina.getByRole('textbox', { name: 'Note text' });
  await expect(field).toBeFocused();
  await field.pressSequentially('Plant trees');
  await field.press('Escape');
  const note = amina.getByRole('button', { name: 'Plant trees', exact: true });
  await expect(note).toBeVisible();
  await openSection(amina, 'Network');
  const undo = amina.getByRole('button', { name: 'Undo' });
  const redo = amina.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();

  await quickEntry(amina, 'Ana', 'City Hall', 'Ben');
  await expect(count(amina)).toHaveText('Showing 3 of 3 people and organizations');
  await quickEntry(amina, 'Chloé', 'Food Bank', 'Dev');
  await expect(count(bruno)).toHaveText('Showing 6 of 6 people and organizations');
  // Bruno's own edit is his: Amina's undo leaves it.
  await quickEntry(bruno, 'Eve', 'River Trust', 'Femi');
  await expect(count(amina)).toHaveText('Showing 9 of 9 people and organizations');

  await undo.click();
  await expect(count(amina)).toHaveText('Showing 6 of 6 people and organizations');
  await expect(count(bruno)).toHaveText('Showing 6 of 6 people and organizations');
  await expect(bruno.getByRole('table').getByRole('rowheader', { name: 'Eve' })).toBeVisible();
  await expect(bruno.getByRole('table').getByRole('rowheader', { name: 'Chloé' })).toHaveCount(0);

  // The keyboard: Ctrl+Z undoes the next step back, Shift+Ctrl+Z redoes it.
  await amina.getByRole('heading', { level: 1, name: 'Network' }).click();
  await amina.keyboard.press('Control+z');
  await expect(count(amina)).toHaveText('Showing 3 of 3 people and organizations');
  await expect(undo).toBeDisabled();
  await amina.keyboard.press('Control+Shift+z');
  await expect(count(amina)).toHaveText('Showing 6 of 6 people and organizations');
  await redo.click();
  await expect(count(amina)).toHaveText('Showing 9 of 9 people and organizations');
  await expect(redo).toBeDisabled();
  await expect(count(bruno)).toHaveText('Showing 9 of 9 people and organizations');

  // The board's own history is apart: its undo takes back the note, not people.
  await openSection(amina, 'Board');
  await expect(note).toBeVisible();
  await amina.getByRole('button', { name: 'Undo' }).click();
  await expect(note).toHaveCount(0);
  await openSection(amina, 'Network');
  await expect(count(amina)).toHaveText('Showing 9 of 9 people and organizations');
  for (const p of [amina, bruno]) await p.context().close();
});
