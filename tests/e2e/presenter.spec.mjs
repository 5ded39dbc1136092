// Presenter mode end to end, with a facilitator on a projector and a
// participant on their own browser: the participant's vote, commitment and
// network change appear live in the read-out; the timer counts down and says
// when time is up; locking the board stops the participant from adding notes
// and voting (the controls say why), and unlocking lets them again.
import { test, expect, screenshot } from './fixtures.mjs';
import { createRoom, joinRoom, openSection, addGoal, day } from './plan.mjs';

test.describe.configure({ timeout: 90_000 });

const PHONE = { width: 360, height: 640 };
const LAPTOP = { width: 1280, height: 800 };

async function addNote(page, text) {
  await page.getByRole('button', { name: 'Add note' }).click();
  const field = page.getByRole('textbox', { name: 'Note text' });
  await expect(field).toBeFocused();
  await field.pressSequentially(text);
  await field.press('Escape');
}

test('the presenter screen follows the room, times an activity and locks the board', async ({ browser, server }) => {
  const facilitator = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  const participant = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  const link = await createRoom(facilitator, server.url, 'Amina');
  await addNote(facilitator, 'Bike lanes');
  await facilitator.getByLabel('Votes per person').fill('2');
  await facilitator.getByLabel('Votes per person').press('Enter');
  await openSection(facilitator, 'Goals');
  await addGoal(facilitator, { title: 'Clean river by 2030' });
  await joinRoom(participant, link, 'Bruno');

  // Into presenter mode from the room's "Present" link, and the session starts.
  await facilitator.bringToFront();
  await facilitator.getByRole('link', { name: 'Present' }).click();
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Presenter' })).toBeVisible();
  await expect(facilitator).toHaveURL(/\/present#k=/);
  await expect(facilitator.getByText('2 participants here')).toBeVisible();
  await expect(facilitator.getByRole('link', { name: /\/r\/.+\/board#k=/ })).toBeVisible();
  await expect(facilitator.getByRole('img', { name: 'QR code to join this room' })).toBeVisible();
  // A short room code can be made here too (the Share dialog's panel).
  await expect(facilitator.getByRole('button', { name: 'Make a room code' })).toBeVisible();
  await facilitator.getByRole('button', { name: 'Start session' }).click();
  await expect(facilitator.getByText(/^Session started at /)).toBeVisible();
  const top = facilitator.getByRole('list', { name: 'Top-voted notes' });
  const commitments = facilitator.getByRole('region', { name: 'New commitments' });
  const network = facilitator.getByRole('region', { name: 'Network changes' });
  await expect(facilitator.getByRole('region', { name: 'Top-voted notes' })).toContainText('No votes yet.');
  await expect(commitments).toContainText('Nothing new yet.');

  // The participant votes: the presenter's ranked read-out follows.
  await participant.bringToFront();
  await participant.getByRole('button', { name: 'List', exact: true }).click();
  await participant.getByRole('button', { name: 'Vote for Bike lanes' }).click();
  await expect(top.getByRole('listitem')).toHaveText([/1 vote\s+Bike lanes/]);

  // A commitment…
  await openSection(participant, 'Commitments');
  await participant.getByRole('button', { name: 'Add commitment' }).click();
  const form = participant.locator('form').filter({ has: participant.getByRole('heading', { name: 'New commitment' }) });
  await form.getByLabel('Organization').fill('River Trust');
  await form.getByLabel('What is promised').fill('Water sampling twice a month');
  await form.getByLabel('Toward goal or indicator').selectOption({ label: 'Goal: Clean river by 2030' });
  await form.getByLabel('Due date').fill(day(30));
  await form.getByRole('button', { name: 'Add commitment' }).click();
  await expect(commitments.getByRole('listitem')).toHaveText(['River Trust: Water sampling twice a month']);

  // …and a network change.
  await openSection(participant, 'Network');
  await participant.getByLabel('I am', { exact: true }).fill('Bruno');
  await participant.getByLabel('at', { exact: true }).fill('Food Bank');
  await participant.getByLabel('I work with (person 1)').fill('Chloé');
  await participant.getByRole('button', { name: 'Add me to the map' }).click();
  await expect(network.getByRole('listitem')).toContainText(['New organization: Food Bank', 'New person: Bruno', 'New person: Chloé', 'Bruno now works with Chloé']);
  const readAloud = facilitator.getByText(/^Top-voted notes: “Bike lanes” \(1 vote\)\. 1 new commitment: River Trust \(Water sampling twice a month\)\. The network grew by 1 organization, 2 people and 1 tie\.$/);
  await expect(readAloud).toBeVisible();

  // The timer: 0.02 minutes (1.2 s) counts down and the end is announced politely.
  await facilitator.bringToFront();
  const minutes = facilitator.getByLabel('Minutes');
  await minutes.fill('0');
  await facilitator.getByRole('button', { name: 'Start timer' }).click();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await expect(minutes).toHaveAccessibleDescription(/Minutes must be a number above 0/);
  await minutes.fill('0.02');
  await facilitator.getByRole('button', { name: 'Start timer' }).click();
  const timer = facilitator.getByRole('timer', { name: 'Time left' });
  await expect(timer).toHaveText('0:02');
  await expect(facilitator.getByRole('button', { name: 'Pause timer' })).toBeEnabled();
  const end = facilitator.getByText('Time is up.');
  await expect(end).toBeVisible({ timeout: 5_000 });
  await expect(end).toHaveAttribute('aria-live', 'polite');
  await expect(timer).toHaveText('0:00');
  await expect(facilitator.getByRole('button', { name: 'Pause timer' })).toBeDisabled();

  await screenshot(facilitator, 'presenter-1280');

  // Lock the board: the participant can neither add a note nor vote, and is told why.
  await facilitator.getByRole('button', { name: 'Lock board' }).click();
  await expect(facilitator.getByText('The board is locked while votes are counted.')).toBeVisible();
  await participant.bringToFront();
  await participant.getByRole('navigation', { name: 'Room sections' }).getByRole('link', { name: 'Board' }).click();
  const addButton = participant.getByRole('button', { name: 'Add note' });
  await expect(addButton).toBeDisabled();
  await expect(addButton).toHaveAccessibleDescription('The board is locked while votes are counted.');
  const vote = participant.getByRole('button', { name: 'Vote for Bike lanes' });
  await expect(vote).toBeDisabled();
  await expect(vote).toHaveAccessibleDescription('The board is locked while votes are counted.');
  await expect(participant.getByRole('button', { name: 'Remove my vote from Bike lanes' })).toBeDisabled();
  await expect(participant.getByText('The board is locked while votes are counted.')).toBeVisible();
  await screenshot(participant, 'presenter-board-locked-1280');

  // Unlock: both work again.
  await facilitator.bringToFront();
  await facilitator.getByRole('button', { name: 'Unlock board' }).click();
  await participant.bringToFront();
  await expect(addButton).toBeEnabled();
  await expect(vote).toBeEnabled();
  await vote.click();
  await expect(top.getByRole('listitem')).toHaveText([/2 votes\s+Bike lanes/]);

  // Back to the room from presenter mode.
  await facilitator.bringToFront();
  await facilitator.getByRole('link', { name: 'Back to the room' }).click();
  await expect(facilitator).toHaveURL(/\/board#k=/);
});

test('presenter mode at phone size', async ({ browser, server }) => {
  const phone = await (await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true })).newPage();
  await createRoom(phone, server.url, 'Amina');
  await phone.getByRole('link', { name: 'Present' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Presenter' })).toBeVisible();
  await expect(phone.getByText('1 participant here')).toBeVisible();
  // Nothing wider than the screen.
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  for (const name of ['Start timer', 'Reset timer', 'Lock board', 'Start session', 'Copy read-out']) {
    const box = await phone.getByRole('button', { name, exact: true }).boundingBox();
    expect(box.height, name).toBeGreaterThanOrEqual(44);
  }
  await screenshot(phone, 'presenter-360');
});
