// The app shell: the start page, creating a room and landing in it, joining by
// code or link, and the room frame at phone and projector sizes.
import { test, expect, screenshot } from './fixtures.mjs';

// A new room is a signed room: its id is a verifying key, its edit link carries the write key.
const ROOM_URL = /\/r\/[A-Za-z0-9_-]{43}\/board#k=[A-Za-z0-9_-]{43}&w=[A-Za-z0-9_-]{43}$/;
const SIZES = [
  { name: 'phone', width: 360, height: 640 },
  { name: 'desktop', width: 1280, height: 800 },
];

test('create a room and land in it, with the name remembered', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Constellation', level: 1 })).toBeVisible();
  await page.getByLabel('Your name').fill('Amina Diallo');
  await page.getByRole('button', { name: 'Create room' }).click();

  await expect(page).toHaveURL(ROOM_URL);
  await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/Offline|Syncing|Online/);
  const nav = page.getByRole('navigation', { name: 'Room sections' });
  for (const name of ['Board', 'Goals', 'Network', 'Commitments']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Board' })).toHaveAttribute('aria-current', 'page');

  // Each section keeps the room and its key in the address.
  const roomUrl = new URL(page.url());
  await nav.getByRole('link', { name: 'Goals' }).click();
  await expect(page.getByRole('heading', { name: 'Goals', level: 1 })).toBeVisible();
  const goalsUrl = new URL(page.url());
  expect(goalsUrl.pathname).toBe(roomUrl.pathname.replace(/board$/, 'goals'));
  expect(goalsUrl.hash).toBe(roomUrl.hash);

  // The name is remembered across visits to the start page.
  await page.goto(server.url);
  await expect(page.getByLabel('Your name')).toHaveValue('Amina Diallo');
});

test('two rooms created in a row are different rooms', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(ROOM_URL);
  const first = page.url();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(ROOM_URL);
  const [a, b] = [new URL(first), new URL(page.url())];
  expect(a.pathname).not.toBe(b.pathname);
  expect(a.hash).not.toBe(b.hash);
});

test('join by pasting a link or a code; a bad code is explained and kept', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(ROOM_URL);
  const link = new URL(page.url());

  await page.goto(server.url);
  const field = page.getByLabel('Room code or link');
  await field.fill('not a room');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toContainText('room code');
  await expect(field).toHaveValue('not a room');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill(link.href);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(link.href);

  const code = link.pathname.split('/')[2] + link.hash;
  await page.goto(server.url);
  await page.getByLabel('Room code or link').fill(code);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(link.href);
});

test('a damaged room link says so instead of showing a blank page', async ({ page, server }) => {
  await page.goto(`${server.url}/r/nonsense/board`);
  await expect(page.getByRole('heading', { name: 'This room link does not work' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('43 letters');
});

for (const size of SIZES) {
  test(`landing and room fit a ${size.name} screen (${size.width}×${size.height})`, async ({ page, server }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(server.url);
    await page.getByLabel('Your name').fill('Jean-Luc Tremblay');
    await expect(page.getByRole('button', { name: 'Create room' })).toBeVisible();
    await screenshot(page, `landing-${size.width}x${size.height}`);
    await page.getByRole('button', { name: 'Create room' }).click();
    await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible();
    // Nothing overflows sideways: no horizontal scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Touch targets are at least 44 px tall.
    for (const name of ['Board', 'Goals', 'Network', 'Commitments']) {
      const box = await page.getByRole('link', { name, exact: true }).boundingBox();
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, `room-${size.width}x${size.height}`);
    const texts = ['Safer crossings near the school', 'مرحبا — community garden 🌱', '<b>not bold</b>'];
    for (const text of texts) {
      await page.getByRole('button', { name: 'Add note' }).click();
      // The new note's field takes the keyboard once it is drawn.
      await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
      await page.locator(':focus').pressSequentially(text);
      await page.keyboard.press('Escape');
    }
    // On the canvas each note is a button named by its text.
    for (const text of texts) await expect(page.getByRole('button', { name: text, exact: true })).toBeVisible();
    await expect(page.getByText('1 here')).toBeVisible();
    const overflowWithNotes = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflowWithNotes).toBeLessThanOrEqual(0);
    await screenshot(page, `board-${size.width}x${size.height}`);
  });
}
