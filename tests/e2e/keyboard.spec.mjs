// The on-screen keyboard never hides the field being typed in (issue 7).
//
// A phone keyboard is simulated the way Chromium on Android shows one with
// `interactive-widget=resizes-content` (index.html): the page's viewport
// shrinks from 640 to 300 px while the focused field stays where it was. The
// field must come back into the visible band, below the sticky section bar.
// Without the app's help, desktop Chromium leaves it where it was, hidden.
import { test, expect, screenshot } from './fixtures.mjs';
import { createRoom, openSection } from './plan.mjs';

test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

const KEYBOARD_TOP = 300;

/** Puts `field` low on the screen, focuses it, opens the "keyboard", checks the field shows. */
async function typeLowOnTheScreen(page, field, shot) {
  await field.scrollIntoViewIfNeeded();
  await field.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - (window.innerHeight - 24)));
  await field.focus();
  const before = await field.boundingBox();
  // The precondition that makes this test able to fail: the keyboard would cover it.
  expect(before.y + before.height).toBeGreaterThan(KEYBOARD_TOP);

  await page.setViewportSize({ width: 360, height: KEYBOARD_TOP });
  const barBottom = await page.getByRole('navigation', { name: 'Room sections' })
    .evaluate((nav) => nav.getBoundingClientRect().bottom);
  await expect.poll(async () => {
    const box = await field.boundingBox();
    return box.y >= barBottom - 1 && box.y + box.height <= KEYBOARD_TOP + 1;
  }, { message: 'the focused field is visible above the keyboard', timeout: 10_000 }).toBe(true);
  await expect(field).toBeFocused();
  await screenshot(page, shot);
  await page.setViewportSize({ width: 360, height: 640 });
}

test('the on-screen keyboard never hides the field being typed in', async ({ page, server }) => {
  await createRoom(page, server.url, 'Amina');

  await openSection(page, 'Network');
  await expect(page.getByText('Showing 0 of 0 people and organizations')).toBeVisible();
  const iAm = page.getByLabel('I am', { exact: true });
  await typeLowOnTheScreen(page, iAm, 'keyboard-network-360x300');
  await iAm.fill('Ana');
  await expect(iAm).toHaveValue('Ana');

  await openSection(page, 'Goals');
  await page.getByRole('button', { name: 'Add goal' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New goal' }) });
  await typeLowOnTheScreen(page, form.getByLabel('Hashtag', { exact: true }), 'keyboard-goal-form-360x300');
});
