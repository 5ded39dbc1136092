// Helpers shared by the goals and commitments browser tests.
import { expect } from './fixtures.mjs';

/** A date `days` from today (the browser's and this process's clock agree), YYYY-MM-DD. */
export function day(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function createRoom(page, url, name) {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Online');
  return page.url();
}

/** Joins the room of `link` as `name` (remembered on the start page first, so no name prompt). */
export async function joinRoom(page, link, name) {
  await page.goto(new URL(link).origin);
  await page.getByLabel('Your name').fill(name);
  await page.goto(link);
  await expect(page.getByRole('status').first()).toHaveText('Online');
}

export async function openSection(page, name) {
  await page.getByRole('navigation', { name: 'Room sections' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function addGoal(page, { title, hashtag = '', start = day(-365), end = day(365 * 4) }) {
  await page.getByRole('button', { name: 'Add goal' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New goal' }) });
  // The form takes the keyboard, and gives it back to its button when done.
  await expect(form.getByLabel('Title', { exact: true })).toBeFocused();
  await form.getByLabel('Title', { exact: true }).fill(title);
  if (hashtag) await form.getByLabel('Hashtag', { exact: true }).fill(hashtag);
  await form.getByLabel('Start date', { exact: true }).fill(start);
  await form.getByLabel('End date', { exact: true }).fill(end);
  await form.getByRole('button', { name: 'Add goal' }).click();
  const goal = page.getByRole('article', { name: title });
  await expect(goal).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add goal' })).toBeFocused();
  return goal;
}

/** Has the browser report 95 % of its storage quota used (a phone nearly out
 * of space), then makes a room and saves a note in it, so the room checks. */
export async function noteWithStorageNearlyFull(page, url) {
  await page.addInitScript(() => {
    const estimate = async () => ({ usage: 95_000_000, quota: 100_000_000 });
    Object.defineProperty(navigator.storage, 'estimate', { value: estimate });
  });
  await page.goto(url);
  await page.getByRole('button', { name: 'Create room' }).click();
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.locator(':focus').pressSequentially('Keep this');
}
