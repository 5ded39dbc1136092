// Languages: the header's language switch (English, French) changes every text
// at once without a reload and is remembered; numbers and dates follow the
// language (the browser's Intl); people's own text in any script is shown in
// its own direction (dir="auto"); `?dir=rtl` mirrors the layout for testing.
import { test, expect, screenshot } from './fixtures.mjs';
import { EDGES, NODES, importFiles } from './town.mjs';
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

  // The period's digest is written in French too, numbers and dates included.
  const digest = page.getByRole('region', { name: 'Bilan' });
  const markdown = digest.getByLabel('Bilan en Markdown');
  await expect(markdown).toHaveValue(/^# Bilan d'avancement/);
  await expect(markdown).toHaveValue(new RegExp(`## Nouveaux engagements \\(1\\)\n\n- \\*\\*Fondation Rivière\\*\\* \\(temps de travail\\) : Des prélèvements chaque mois — 1${NNBSP}234,5 heures, échéance le ${frenchDate(due)}\n`));
  await expect(markdown).toHaveValue(/\nAucun partenaire n'a fait de point d'étape pendant cette période\.\n/);
  await expect(page.frameLocator('iframe[title="Bilan imprimable"]').getByRole('heading', { name: "Points d'étape (0)" })).toBeVisible();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('region', { name: 'Digest' }).getByLabel('Digest as Markdown')).toHaveValue(/^# Progress digest/);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
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

const PHONE = { width: 360, height: 640 };
const LAPTOP = { width: 1280, height: 800 };

test('in French: the Share dialog and its room code, the name prompt, the presenter and an embed', async ({ browser, server }) => {
  const page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  const link = await createRoom(page, server.url, 'Amina');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // The Share dialog, by its French names.
  await page.getByRole('button', { name: 'Partager' }).click();
  const dialog = page.getByRole('dialog', { name: 'Partager cette salle' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Toute personne qui a le lien de modification peut changer la salle');
  await expect(dialog.getByRole('textbox', { name: 'Lien de modification' })).toHaveValue(/#k=/);
  await expect(dialog.getByRole('textbox', { name: 'Lien en lecture seule' })).toHaveValue(/#k=/);
  await expect(dialog.getByRole('button', { name: 'Copier le lien en lecture seule' })).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'Code QR du lien en lecture seule' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Lien de modification' }).check();
  await expect(dialog.getByRole('img', { name: 'Code QR du lien de modification' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Intégrer dans une page web' })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Afficher' }).getByRole('option', { name: 'Carte du réseau' })).toBeAttached();
  await expect(dialog.getByRole('button', { name: "Copier le code d'intégration" })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Le code ouvre' })).toHaveValue('view');
  await expect(dialog).toContainText('(« Code ou lien de la salle »)');
  await dialog.getByRole('button', { name: 'Créer un code de salle' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Code de salle' })).toHaveValue(/\S/, { timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Copier le code de salle' })).toBeVisible();
  await expect(dialog.getByText(/^Valable jusqu'au .+\.$/)).toBeVisible();
  for (const [name, size] of [['desktop', LAPTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    // Nothing of the longer French text runs out of the dialog sideways.
    const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
    expect(overflow, `the dialog scrolls sideways at ${name} size`).toBeLessThanOrEqual(1);
    await screenshot(page, `i18n-fr-share-${name}`);
  }
  await page.setViewportSize(LAPTOP);
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toBeHidden();

  // Someone new, whose browser speaks French, opens the link: the name prompt.
  const guestContext = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
  const guest = await guestContext.newPage();
  await guest.goto(link);
  const prompt = guest.getByRole('form', { name: "Avant d'entrer" });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('Dites aux autres participants de cette salle qui vous êtes.');
  await prompt.getByRole('button', { name: 'Entrer' }).click();
  await expect(prompt.getByRole('textbox', { name: 'Votre nom' })).toHaveAccessibleDescription(/Saisissez un nom, ou choisissez « Passer » pour entrer sans nom\./);
  await screenshot(guest, 'i18n-fr-name-prompt-phone');
  await prompt.getByRole('textbox', { name: 'Votre nom' }).fill('Bruno');
  await prompt.getByRole('button', { name: 'Entrer' }).click();
  await expect(guest.getByRole('button', { name: 'Ajouter une note' })).toBeVisible();

  // The presenter page, and its read-out to read aloud.
  await page.getByRole('link', { name: 'Présenter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Présentation' })).toBeVisible();
  await expect(page.getByText('2 participants présents')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Code QR pour rejoindre cette salle' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Créer un code de salle' })).toBeVisible();
  await page.getByRole('button', { name: 'Commencer la séance' }).click();
  await expect(page.getByText(/^Séance commencée à \d/)).toBeVisible();
  const readout = page.getByRole('paragraph').filter({ hasText: "Aucun vote n'a été compté." });
  await expect(readout).toHaveText("Aucun vote n'a été compté. Aucun nouvel engagement. Le réseau s'est enrichi de 0 organisation, 0 personne et 0 lien.");
  await expect(page.getByRole('timer', { name: 'Temps restant' })).toHaveText('5:00');
  for (const [name, size] of [['desktop', LAPTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    await screenshot(page, `i18n-fr-presenter-${name}`);
  }
  await page.setViewportSize(LAPTOP);
  // Switching language rewrites the read-out at once.
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('paragraph').filter({ hasText: 'No votes were counted.' }))
    .toHaveText('No votes were counted. No new commitments. The network grew by 0 organizations, 0 people and 0 ties.');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');

  // An embed, as a coalition's website shows it, in the remembered language.
  const url = new URL(link);
  const room = url.pathname.split('/')[2];
  const key = new URLSearchParams(url.hash.slice(1)).get('k');
  await page.goto(`${url.origin}/embed/${room}/network#k=${key}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Carte du réseau' })).toBeVisible();
  await expect(page.getByText('0 personne, 0 organisation')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ouvrir dans Constellation' })).toBeVisible();
  await guestContext.close();
});

test('in French: the network details panel, table and health summary; switching language updates them live', async ({ page, server }) => {
  await page.setViewportSize(LAPTOP);
  await createRoom(page, server.url, 'Amina');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.getByRole('navigation', { name: 'Sections de la salle' }).getByRole('link', { name: 'Réseau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Réseau' })).toBeVisible();
  const health = page.getByRole('region', { name: 'Santé du réseau' });
  await expect(health).toContainText("Personne n'est encore sur la carte.");
  await importFiles(page, [['town-edges.csv', EDGES], ['town-nodes.csv', NODES]], 'Importer un réseau');

  // The health summary, sentence by sentence, in French.
  const lines = health.getByRole('listitem');
  await expect(lines.first()).toHaveText('Le réseau compte 5 personnes, 3 organisations et 6 liens.', { timeout: 30_000 });
  await expect(lines.nth(1)).toHaveText(/^Densité : 0,50 ; 50\s%\sdes liens possibles entre personnes existent\.$/);
  await expect(health).toContainText('Pourquoi Ana : relie 3 secteurs (secteur public, secteur privé et société civile)');
  await expect(health).toContainText("L'équilibre entre secteurs atteint");

  // The table's headings and the details panel of one person.
  const table = page.getByRole('table', { name: /Personnes et organisations/ });
  await expect(table.getByRole('columnheader', { name: 'Intermédiarité' })).toBeVisible();
  const cityHall = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'City Hall', exact: true }) });
  await expect(cityHall.getByRole('cell').first()).toHaveText('organisation');
  await expect(cityHall.getByRole('cell').nth(1)).toHaveText('Secteur public');

  // The map's count, controls and legend.
  await expect(page.getByText('8 sur 8 personnes et organisations affichées')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajuster la carte' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Légende' })).toContainText('Travaille à (pointillés)');
  await expect(page.getByRole('combobox', { name: 'Centrer sur' }).getByRole('option', { name: '2 pas autour de la sélection' })).toHaveCount(1);
  await table.getByRole('button', { name: 'Ana' }).click();
  const details = page.getByRole('complementary', { name: 'Détails' });
  await expect(details.getByRole('heading', { name: 'Ana' })).toBeVisible();
  await expect(details).toContainText('Membre de City Hall (secteur public) · planner · intermédiaire');
  await expect(details.getByRole('heading', { name: 'Liens (3)' })).toBeVisible();
  await expect(details.getByRole('term').filter({ hasText: 'Intermédiarité pondérée par la confiance' })).toBeVisible();
  await expect(details.getByRole('button', { name: 'Retirer le lien : collabore avec Ben (Food Bank), confiance 4' })).toBeVisible();
  await details.getByRole('button', { name: 'Et si cette personne partait ?' }).click();
  await expect(details).toContainText(/perd(ent)? le contact|groupes séparés/);
  for (const [name, size] of [['desktop', LAPTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    await details.scrollIntoViewIfNeeded();
    await screenshot(page, `i18n-fr-network-${name}`);
  }
  await page.setViewportSize(LAPTOP);

  // Back to English: the same panel, table and summary rewrite themselves.
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  const english = page.getByRole('region', { name: 'Network health' }).getByRole('listitem');
  await expect(english.first()).toHaveText('The network has 5 people in 3 organizations, joined by 6 ties.');
  await expect(english.nth(1)).toHaveText('Density is 0.50: 50% of the possible ties between people exist.');
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel).toContainText('Person at City Hall (government) · planner · mid');
  await expect(panel.getByRole('heading', { name: 'Ties (3)' })).toBeVisible();
  await expect(page.getByRole('table', { name: /People and organizations/ }).getByRole('columnheader', { name: 'Betweenness', exact: true })).toBeVisible();
});
