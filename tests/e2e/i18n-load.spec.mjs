// Only the language shown is downloaded: English is built into the app, and
// French (locales/fr.ftl) is fetched when it is chosen or remembered — before
// the app is drawn, so a French reader never sees English first. The service
// worker keeps it, so a room opens in French offline too; a language that
// cannot be fetched is said so, and the page stays in the language it shows.
import { test, expect, startServer } from './fixtures.mjs';
import { createRoom, noteWithStorageNearlyFull } from './plan.mjs';

const CATALOG = /\/locales\/fr\.ftl$/;

test('an English first visit does not download French; choosing it does, once, and a reload opens in French', async ({ page, server }) => {
  const fetched = [];
  page.on('request', (r) => { if (CATALOG.test(new URL(r.url()).pathname)) fetched.push(r.url()); });
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Create room' })).toBeVisible();
  expect(fetched).toEqual([]);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('button', { name: 'Créer une salle' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect(fetched.length).toBe(1);

  // Remembered: the app waits for the catalog and is drawn in French at once.
  const englishSeen = [];
  await page.exposeFunction('__sawEnglish', (text) => englishSeen.push(text));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const b = [...document.querySelectorAll('button')].find((e) => e.textContent === 'Create room');
      if (b) window.__sawEnglish(b.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Créer une salle' })).toBeVisible();
  expect(englishSeen).toEqual([]);
});

test('French comes from the service worker offline, and a catalog that cannot be fetched is said so', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('button', { name: 'Créer une salle' })).toBeVisible();

  await server.stop();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Créer une salle' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.close();
  server.cleanup();

  // A visitor whose French cannot be fetched (here: refused) stays in English, told why.
  // (No service worker here: its own fetches would pass the refusal by.)
  const other = await browser.newContext({ serviceWorkers: 'block' });
  const page2 = await other.newPage();
  const server2 = await startServer();
  await page2.route(CATALOG, (route) => route.abort());
  await page2.goto(server2.url);
  const language = page2.getByRole('combobox', { name: 'Language' });
  await language.selectOption('fr');
  await expect(page2.getByRole('alert').filter({ hasText: 'Français' })).toHaveText('Français could not be loaded: connect to the internet once to get it.');
  await expect(page2.getByRole('button', { name: 'Create room' })).toBeVisible();
  await expect(page2.locator('html')).toHaveAttribute('lang', 'en');
  await expect(language).toHaveValue('en');
  await other.close();
  await server2.stop();
  server2.cleanup();
});

test("the room's notices follow the language, also once shown", async ({ page, server }) => {
  // The browser reports 95 % of the quota used: the room says so after a save.
  await noteWithStorageNearlyFull(page, server.url);
  const notice = page.getByRole('alert').filter({ hasText: /storage|stockage/ });
  await expect(notice).toContainText("This device's storage for Constellation is 95 % full.");
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(notice).toContainText('Le stockage de Constellation sur cet appareil est plein à 95 %.');
});

test('the relay closing the connection for a reason it documents is worded in the reader’s language', async ({ browser }) => {
  // A relay that lets one participant per room in: the second is refused (4503).
  const server = await startServer({ env: { CONSTELLATION_MAX_CONNECTIONS_PER_ROOM: '1' } });
  try {
    const a = await (await browser.newContext()).newPage();
    const link = await createRoom(a, server.url, 'Amina');
    const b = await (await browser.newContext()).newPage();
    await b.addInitScript(() => localStorage.setItem('constellation.language', JSON.stringify('fr')));
    await b.goto(server.url);
    await b.getByLabel('Votre nom').fill('Bruno');
    await b.goto(link);
    await expect(b.getByRole('alert').filter({ hasText: 'relais' })).toContainText(
      "Le relais a fermé la connexion : la salle n'a plus de place pour une autre connexion pour l'instant",
    );
    await a.context().close();
    await b.context().close();
  } finally {
    await server.stop();
    server.cleanup();
  }
});
