// An edit bigger than the relay's frame and message limits (an import of
// 2,500 people and 7,500 ties is one edit of about 2 MB; frames are at most
// 256 KiB, messages 1 MiB) reaches the other participant: the session cuts it
// into updates that fit. Before, the relay refused the edit, the room
// reconnected and sent it again every few seconds, and stayed "Offline".
// The page adds such an import in parts; they undo as one step.
import { test, expect } from './fixtures.mjs';
import { createRoom, joinRoom, openSection } from './plan.mjs';
import { bigNetwork } from '../bench/network-page.mjs';

test.describe.configure({ timeout: 180_000 });

test('an import bigger than a frame syncs to another participant, the room stays online, and it undoes as one step', async ({ browser, server }) => {
  const amina = await (await browser.newContext()).newPage();
  const link = await createRoom(amina, server.url, 'Amina');
  await openSection(amina, 'Network');
  const net = bigNetwork(2500);
  const total = net.orgs + net.people;
  await amina.getByLabel('Import network').setInputFiles([
    { name: 'edges.csv', mimeType: 'text/csv', buffer: Buffer.from(net.edges) },
    { name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(net.nodes) },
  ]);
  const shown = `Showing ${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} people and organizations`;
  await expect(amina.getByText(shown)).toBeVisible({ timeout: 120_000 });
  // Every part acknowledged: the room reads Online (not Syncing, not Offline).
  await expect(amina.getByRole('status').first()).toHaveText('Online', { timeout: 60_000 });

  const bruno = await (await browser.newContext()).newPage();
  await joinRoom(bruno, link.replace('/board', '/network'), 'Bruno');
  await expect(bruno.getByText(shown)).toBeVisible({ timeout: 120_000 });
  // And the relay kept Amina's connection: still online, nothing left to send.
  await expect(amina.getByRole('status').first()).toHaveText('Online');

  // The import was added in many parts (a part per browser task, so the page
  // never freezes); it still undoes as one step, for both, and redoes.
  const none = 'Showing 0 of 0 people and organizations';
  await amina.getByRole('button', { name: 'Undo' }).click();
  for (const p of [amina, bruno]) await expect(p.getByText(none)).toBeVisible({ timeout: 60_000 });
  await amina.getByRole('button', { name: 'Redo' }).click();
  for (const p of [amina, bruno]) await expect(p.getByText(shown)).toBeVisible({ timeout: 60_000 });
  for (const p of [amina, bruno]) await p.context().close();
});
