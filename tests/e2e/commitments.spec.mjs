// The commitments section end to end, with two participants in one room: a
// commitment, a check-in and a status change made by one are seen in the
// other's accountability view; responses go the other way; roles show next to
// names; the digest covers it; screenshots at phone and laptop size.
import { test, expect, screenshot } from './fixtures.mjs';
import { addGoal, createRoom, day, joinRoom, openSection } from './plan.mjs';

test.describe.configure({ timeout: 90_000 });

function partner(page, name) {
  return page.getByRole('list', { name: 'Partners' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
}

test('a commitment and its check-in reach a second participant\'s accountability view', async ({ browser, server }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const link = await createRoom(a, server.url, 'Amina');
  await joinRoom(b, link, 'Bruno');
  await openSection(a, 'Goals');
  await addGoal(a, { title: 'Clean river by 2030' });
  await openSection(a, 'Commitments');
  await openSection(b, 'Commitments');
  await expect(b.getByText('Partners appear here once they commit')).toBeVisible();

  // Amina records River Trust's commitment.
  await a.bringToFront();
  await a.getByRole('button', { name: 'Add commitment' }).click();
  const form = a.locator('form').filter({ has: a.getByRole('heading', { name: 'New commitment' }) });
  await form.getByLabel('Organization').fill('River Trust');
  await form.getByLabel('Kind').selectOption({ label: 'Staff time' });
  await form.getByLabel('What is promised').fill('Two staff days a month for water sampling');
  await form.getByLabel('Amount').fill('40');
  // The unit is required with an amount; the form says so as you type.
  const unit = form.getByLabel('Unit', { exact: true });
  await unit.fill('h');
  await unit.fill('');
  await expect(unit).toHaveAccessibleDescription(/the unit is required when an amount is given/i);
  await unit.fill('hours');
  await form.getByLabel('Toward goal or indicator').selectOption({ label: 'Goal: Clean river by 2030' });
  await form.getByLabel('Due date').fill(day(30));
  await form.getByRole('button', { name: 'Add commitment' }).click();
  await expect(form).toHaveCount(0);

  // Bruno sees it: promised, nothing delivered, never reported.
  const trustForB = partner(b, 'River Trust');
  await expect(trustForB).toContainText('0 of 1 commitments delivered');
  await expect(trustForB).toContainText('staff time: 0 of 40 hours delivered');
  await expect(trustForB).toContainText('Never reported');
  await expect(trustForB).toContainText('Gone quiet');
  await expect(trustForB).toContainText('Nothing overdue');

  // Amina is the facilitator; she checks in for River Trust.
  await a.bringToFront();
  await a.getByRole('region', { name: 'Roles' }).getByLabel('Role', { exact: true }).selectOption({ label: 'Facilitator' });
  await a.getByRole('button', { name: 'Give role' }).click();
  await expect(a.getByRole('list', { name: 'Role holders' })).toContainText('Amina');
  const commitmentA = a.getByRole('article', { name: 'River Trust' });
  await commitmentA.getByRole('button', { name: 'Check in' }).click();
  await commitmentA.getByLabel('Text', { exact: true }).fill('First sampling round done at three sites');
  const evidence = commitmentA.getByLabel('Evidence link');
  await evidence.fill('not a link');
  await expect(evidence).toHaveAttribute('aria-invalid', 'true');
  await evidence.fill('https://example.org/sampling-report');
  await commitmentA.getByRole('button', { name: 'Check in' }).click();
  await expect(commitmentA.getByRole('region', { name: 'Check-ins' })).toContainText('Amina (facilitator)');

  // Bruno's view changes: reported today, no longer quiet.
  await expect(trustForB).toContainText('Last report today');
  await expect(trustForB).not.toContainText('Gone quiet');
  const commitmentB = b.getByRole('article', { name: 'River Trust' });
  await expect(commitmentB).toContainText('First sampling round done at three sites');

  // Bruno acknowledges and asks; Amina sees both.
  await b.bringToFront();
  await commitmentB.getByRole('button', { name: 'Acknowledge' }).click();
  await commitmentB.getByRole('button', { name: 'Ask a question' }).click();
  await commitmentB.getByLabel('Question').fill('Which three sites?');
  await commitmentB.getByRole('button', { name: 'Send question' }).click();
  const responses = commitmentA.getByRole('list', { name: 'Responses' });
  await expect(responses).toContainText('Bruno acknowledged');
  await expect(responses).toContainText('Bruno asked on');
  await expect(responses).toContainText('Which three sites?');

  // Amina marks it met with what was delivered; Bruno sees it delivered.
  await a.bringToFront();
  await commitmentA.getByLabel('Status', { exact: true }).selectOption({ label: 'Met' });
  await commitmentA.getByLabel('Delivered so far').fill('40');
  await commitmentA.getByRole('button', { name: 'Save status' }).click();
  await expect(trustForB).toContainText('1 of 1 commitments delivered (1 met');
  await expect(trustForB).toContainText('staff time: 40 of 40 hours delivered');
  await expect(commitmentB).toContainText('Status: met');

  // The digest of the last month lists it.
  const digest = b.getByRole('region', { name: 'Digest' });
  const markdown = digest.getByLabel('Digest as Markdown');
  await expect(markdown).toHaveValue(/# Progress digest/);
  await expect(markdown).toHaveValue(/River Trust/);
  await digest.getByLabel('From').fill(day(5));
  await digest.getByLabel('To').fill(day(1));
  await expect(digest.getByRole('alert')).toContainText('before it starts');
  await expect(digest.locator('iframe')).toHaveCount(0);
  await digest.getByLabel('From').fill(day(-30));
  await digest.getByLabel('To').fill(day(0));
  await expect(b.frameLocator('iframe[title="Printable digest"]').getByText('River Trust').first()).toBeVisible();
  const [file] = await Promise.all([b.waitForEvent('download'), digest.getByRole('button', { name: 'Download Markdown' }).click()]);
  expect(file.suggestedFilename()).toMatch(/^digest-.*\.md$/);

  for (const [page, who] of [[a, 'a'], [b, 'b']]) {
    for (const [w, h] of [[360, 640], [1280, 800]]) {
      await page.setViewportSize({ width: w, height: h });
      await screenshot(page, `commitments-${who}-${w}x${h}`);
    }
  }
  for (const p of [a, b]) await p.context().close();
});
