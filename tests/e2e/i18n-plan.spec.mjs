// Refusals in the reader's language (issue 7): goals, commitments, the
// measurements CSV import and the board JSON import word core's structured
// refusals from the catalogs, with dates and numbers the language's way; an
// error already on the page re-words when the language switches.
import { test, expect, screenshot } from './fixtures.mjs';
import { addGoal, createRoom, day, openSection } from './plan.mjs';

test.describe.configure({ timeout: 120_000 });

/** The date `iso` (YYYY-MM-DD) as French readers see it, e.g. "31 janv. 2029". */
function frenchDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** `text` as a regular expression matching it literally, any kind of space matching any other. */
function loosely(text) {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'));
}

async function switchTo(page, code) {
  await page.getByRole('combobox', { name: code === 'fr' ? 'Language' : 'Langue' }).selectOption(code);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

test('a goal refused for its dates, a commitment without unit and an IATI export without settings say why in French, and re-word in English', async ({ page, server }) => {
  await createRoom(page, server.url, 'Amélie');
  await openSection(page, 'Goals');
  await addGoal(page, { title: 'Rivière propre' });
  await switchTo(page, 'fr');

  // The end before the start: not a field problem, a rule between two dates.
  await page.getByRole('button', { name: 'Ajouter un objectif' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Nouvel objectif' }) });
  await form.getByLabel('Titre', { exact: true }).fill('Baignade');
  await form.getByLabel('Date de début', { exact: true }).fill('2030-06-01');
  const end = form.getByLabel('Date de fin', { exact: true });
  await end.fill('2029-01-31');
  await form.getByRole('button', { name: 'Ajouter un objectif' }).click();
  await expect(end).toHaveAccessibleDescription(
    loosely(`La date de fin ${frenchDate('2029-01-31')} précède la date de début ${frenchDate('2030-06-01')} : reculez la fin ou avancez le début.`),
  );

  // The IATI export needs its settings: said in French.
  await page.getByRole('button', { name: 'Exporter en XML IATI' }).click();
  const iati = page.getByRole('alert').filter({ hasText: /IATI/ });
  await expect(iati).toHaveText(loosely("L'export IATI a besoin de l'identifiant (ref) de l'organisation déclarante : renseignez-le dans les réglages de l'export."));

  // Back to English: both messages already shown re-word, nothing re-done.
  await switchTo(page, 'en');
  await expect(iati).toHaveText("The IATI export needs the reporting organization's identifier (ref): fill it in the export settings.");
  const endInEnglish = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New goal' }) }).getByLabel('End date', { exact: true });
  await expect(endInEnglish).toHaveAccessibleDescription(/The end date Jan 31, 2029 is before the start date Jun 1, 2030/);

  // Commitments, in French: an amount needs its unit (a rule across two fields).
  await switchTo(page, 'fr');
  await page.getByRole('navigation', { name: 'Sections de la salle' }).getByRole('link', { name: 'Engagements' }).click();
  await page.getByRole('button', { name: 'Ajouter un engagement' }).click();
  const commitment = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Nouvel engagement' }) });
  await commitment.getByLabel('Quantité', { exact: true }).fill('40');
  const unit = commitment.getByLabel('Unité', { exact: true });
  await unit.fill('h');
  await unit.fill('');
  await expect(unit).toHaveAccessibleDescription(loosely("L'unité est obligatoire quand un montant est donné (heures, EUR, jeux de données…)."));
});

test('a broken measurements CSV names the line, the column and the problem in French, and re-words in English', async ({ page, server }) => {
  await createRoom(page, server.url, 'Chen');
  await openSection(page, 'Goals');
  const goal = await addGoal(page, { title: 'Air plus pur' });
  await goal.getByRole('button', { name: 'Add indicator' }).click();
  await goal.getByLabel('Name', { exact: true }).fill('Jours de pollution');
  await goal.getByLabel('Unit', { exact: true }).fill('jours');
  await goal.getByLabel('Baseline value', { exact: true }).fill('40');
  await goal.getByLabel('Baseline date', { exact: true }).fill(day(-400));
  const first = goal.getByRole('group', { name: 'Target 1' });
  await first.getByLabel('Target value', { exact: true }).fill('10');
  await first.getByLabel('Target date', { exact: true }).fill(day(400));
  await goal.getByRole('button', { name: 'Add indicator' }).click();
  const indicator = goal.getByRole('article', { name: 'Jours de pollution' });
  await expect(indicator).toBeVisible();
  await switchTo(page, 'fr');

  const bad = `date,value,units\n${day(-300)},35,jours\n${day(-200)},n/a,jours\n2025-13-01,30,km\n`;
  await indicator.getByLabel('Importer des mesures (CSV)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(indicator).toContainText(loosely("Rien n'a été importé depuis bad.csv"));
  const problems = indicator.getByRole('list', { name: 'Problèmes dans le fichier' });
  const items = problems.getByRole('listitem');
  await expect(items).toHaveText([
    loosely('Ligne 3, colonne 2 (value) : Le champ « valeur » doit être un nombre (comme 12 ou 12.5), trouvé « n/a ».'),
    loosely('Ligne 4, colonne 1 (date) : Le champ « date » doit être une date écrite AAAA-MM-JJ (par exemple 2030-12-31), trouvé « 2025-13-01 ».'),
    loosely("Ligne 4, colonne 3 (units) : Les unités « km » diffèrent de l'unité de l'indicateur, « jours »."),
  ]);
  await screenshot(page, 'i18n-plan-csv-refused-fr');

  // A good file applies; its value reads the French way in the data table.
  const good = `date,value\n${day(-100)},35.5\n`;
  await indicator.getByLabel('Importer des mesures (CSV)').setInputFiles({ name: 'bon.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(indicator).toContainText(loosely('1 mesure(s) importée(s) depuis bon.csv'));
  await expect(indicator).toContainText(loosely(`35,5 le ${frenchDate(day(-100))}`));
  await expect(problems).toHaveCount(0);

  // The refused file again, to see it re-worded in English.
  await indicator.getByLabel('Importer des mesures (CSV)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(items).toHaveCount(3);

  await switchTo(page, 'en');
  await expect(indicator).toContainText('Nothing was imported from bad.csv');
  const itemsInEnglish = indicator.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem');
  await expect(itemsInEnglish.first()).toHaveText("Line 3, column 2 (value): The value must be a number (like 12 or 12.5), found 'n/a'.");
  await expect(itemsInEnglish.nth(2)).toHaveText("Line 4, column 3 (units): The units “km” differ from the indicator's unit “jours”.");
});

test('a broken board file is refused in French with where and what, at phone and desktop sizes', async ({ page, server }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await createRoom(page, server.url, 'Zoé');
  await switchTo(page, 'fr');
  const input = page.getByLabel('Importer du JSON');
  const boards = page.getByRole('navigation', { name: 'Tableaux' }).getByRole('button');
  await expect(boards.first()).toBeVisible();
  const count = await boards.count();

  // Not JSON at all: where the reading stopped.
  await input.setInputFiles({ name: 'cassé.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "constellation-board", "version": 1, "notes": [{"text": 5}]') });
  const alert = page.getByRole('alert').filter({ hasText: 'cassé.json' });
  await expect(alert).toHaveText(/cassé\.json\s*: le fichier n'a pas pu être lu comme un tableau \(ligne 1, colonne \d+\)\./);

  // JSON of a board with bad notes: every problem, numbers the French way.
  const file = {
    format: 'constellation-board', version: 1, board: { name: 'Idées' },
    notes: [{ id: 'n1', text: 'a'.repeat(2104), x: 0, y: 0 }, { id: 'n2', text: 'ok', x: 0, y: 0, color: 'teal', cluster: 'c9' }],
  };
  await input.setInputFiles({ name: 'idées.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const refused = page.getByRole('alert').filter({ hasText: 'idées.json' });
  await expect(refused).toContainText(loosely("idées.json : le tableau n'a pas été importé ; 3 problèmes à corriger dans le fichier."));
  await expect(refused).toContainText(/Note\s1\s*: Le texte fait 2\s104 caractères, au plus 2\s000\./);
  await expect(refused).toContainText(loosely("Note 2 : La couleur « teal » n'est pas l'une de celles-ci : yellow, pink, blue, green, orange et purple."));
  await expect(refused).toContainText(loosely("Note 2 : Le groupe « c9 » n'est pas dans le fichier."));
  await expect(boards, 'nothing was imported').toHaveCount(count);
  await screenshot(page, 'i18n-plan-board-refused-fr-360');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'i18n-plan-board-refused-fr-1280');

  // In English, the same refusal in English.
  await switchTo(page, 'en');
  await expect(refused).toContainText("idées.json: the board was not imported; 3 problems to fix in the file.");
  await expect(refused).toContainText('Note 1: The text is 2,104 characters, at most 2,000.');
});
