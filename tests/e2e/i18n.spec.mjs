// Languages: the header's language switch (English, French) changes every text
// at once without a reload and is remembered; numbers and dates follow the
// language (the browser's Intl); people's own text in any script is shown in
// its own direction (dir="auto"); `?dir=rtl` mirrors the layout for testing.
import { test, expect, screenshot } from './fixtures.mjs';
import { addGoal, createRoom, day, openSection } from './plan.mjs';

test.describe.configure({ timeout: 90_000 });

const NNBSP = '\u202f';
const ARABIC = 'مرحبا بالعالم';

/** The date `iso` (YYYY-MM-DD) as French readers see it, e.g. "5 mars 2027". */
function frenchDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

test('switch to French on the start page, remembered across a reload, and back', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const language = page.getByRole('combobox', { name: 'Language' });
  await expect(language).toHaveValue('en');

  await language.selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Rejoindre une salle' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Créer une salle' })).toBeVisible();
  await expect(page.getByLabel('Votre nom')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Créer une salle' })).toBeVisible();

  // Inside a room: the frame, the board and its tools are French too.
  await page.getByRole('button', { name: 'Créer une salle' }).click();
  const nav = page.getByRole('navigation', { name: 'Sections de la salle' });
  for (const name of ['Tableau', 'Objectifs', 'Réseau', 'Engagements']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Ajouter une note' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText(/Hors ligne|Synchronisation|En ligne/);

  // Back to English, at once.
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Room sections' }).getByRole('link', { name: 'Board' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add note' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Add note' })).toBeVisible();
});

test('the browser language decides the first time', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'fr-CA' });
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Créer une salle' })).toBeVisible();
  await context.close();
});

test('numbers and dates are written the French way', async ({ page, server }) => {
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Goals');
  await addGoal(page, { title: 'Rivière propre' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.getByRole('navigation', { name: 'Sections de la salle' }).getByRole('link', { name: 'Engagements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Engagements' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter un engagement' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Nouvel engagement' }) });
  await form.getByLabel('Organisation', { exact: true }).fill('Fondation Rivière');
  await form.getByLabel('Nature').selectOption({ label: 'Temps de travail' });
  await form.getByLabel('Ce qui est promis').fill('Des prélèvements chaque mois');
  await form.getByLabel('Quantité').fill('1234.5');
  await form.getByLabel('Unité', { exact: true }).fill('heures');
  // A field problem is said in French.
  await form.getByLabel('Échéance').fill('');
  await form.getByRole('button', { name: 'Ajouter un engagement' }).click();
  await expect(form.getByLabel('Échéance')).toHaveAccessibleDescription('Le champ « échéance » est obligatoire.');
  await form.getByLabel("Pour l'objectif ou l'indicateur").selectOption({ label: 'Objectif : Rivière propre' });
  const due = day(30);
  await form.getByLabel('Échéance').fill(due);
  await form.getByRole('button', { name: 'Ajouter un engagement' }).click();
  await expect(form).toHaveCount(0);

  const partner = page.getByRole('list', { name: 'Partenaires' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Fondation Rivière' }) });
  await expect(partner).toContainText(`temps de travail : 0 sur 1${NNBSP}234,5 heures livrés`);
  await expect(partner).toContainText('0 sur 1 engagements tenus');
  const card = page.getByRole('article', { name: 'Fondation Rivière' });
  await expect(card).toContainText(`Échéance : ${frenchDate(due)}`);
  expect(frenchDate('2027-03-05')).toBe('5 mars 2027');
  await screenshot(page, 'i18n-commitments-fr-desktop');
});

test('Arabic text in a note and a name reads right to left; ?dir=rtl mirrors the layout', async ({ page, server }) => {
  await createRoom(page, server.url, ARABIC);
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByRole('textbox', { name: 'Note text' }).first();
  await note.fill(ARABIC);
  await expect(note).toHaveAttribute('dir', 'auto');
  expect(await note.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // The author shown under the note is the Arabic name, right to left too.
  const author = page.getByRole('list', { name: 'Notes' }).getByText(ARABIC, { exact: true });
  await expect(author).toHaveText(ARABIC);
  expect(await author.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // English text beside it stays left to right.
  const english = page.getByRole('button', { name: 'Add note' });
  expect(await english.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

  // A name typed in the network's quick entry is right to left as it is typed.
  await page.getByRole('navigation', { name: 'Room sections' }).getByRole('link', { name: 'Network' }).click();
  const iAm = page.getByLabel('I am');
  await iAm.fill(ARABIC);
  await expect(iAm).toHaveAttribute('dir', 'auto');
  expect(await iAm.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await page.getByRole('navigation', { name: 'Room sections' }).getByRole('link', { name: 'Board' }).click();

  // The whole page mirrored (a test-only switch: no shipped language is rtl yet).
  const url = new URL(page.url());
  url.search = '?dir=rtl';
  for (const size of [{ name: 'phone', width: 360, height: 640 }, { name: 'desktop', width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    await page.goto(url.toString());
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('textbox', { name: 'Note text' }).first()).toHaveValue(ARABIC);
    // Mirrored: the brand sits at the right edge, the sections start from the right.
    const brand = await page.getByRole('link', { name: 'Constellation' }).boundingBox();
    expect(brand.x + brand.width).toBeGreaterThan(size.width / 2);
    await screenshot(page, `i18n-rtl-board-${size.name}`);
  }
});
