// Languages in the network view and sharing: refusals, the connectors' reasons
// and import problems are structured in core and worded from the catalogs, so
// they read in French and re-word when the language switches; a room-code
// error already on screen re-words too.
import { test, expect, screenshot } from './fixtures.mjs';
import { EDGES, NODES, importFiles } from './town.mjs';
import { createRoom } from './plan.mjs';

test.describe.configure({ timeout: 120_000 });

const PHONE = { width: 360, height: 640 };
const LAPTOP = { width: 1280, height: 800 };

/** Creates a room, switches it to French and opens the network section. */
async function frenchNetwork(page, url) {
  await page.setViewportSize(LAPTOP);
  await createRoom(page, url, 'Amina');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.getByRole('navigation', { name: 'Sections de la salle' }).getByRole('link', { name: 'Réseau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Réseau' })).toBeVisible();
}

test('in French: refused network forms say why in French, and re-word in English', async ({ page, server }) => {
  await frenchNetwork(page, server.url);

  // Quick entry without a name: the field's description says so.
  const iAm = page.getByLabel('Je suis', { exact: true });
  await page.getByRole('button', { name: "M'ajouter à la carte" }).click();
  await expect(iAm).toHaveAttribute('aria-invalid', 'true');
  await expect(iAm).toHaveAccessibleDescription('Le champ « nom » est obligatoire.');
  // A colleague's organization without their name names the colleague's field.
  await iAm.fill('Amina');
  await page.getByLabel('chez', { exact: true }).first().fill('Mairie');
  await page.getByLabel('chez (organisation de la personne 1)').fill('Banque');
  await page.getByRole('button', { name: "M'ajouter à la carte" }).click();
  await expect(page.getByLabel('Je travaille avec (personne 1)'))
    .toHaveAccessibleDescription(/^travaille avec \(personne 1\) : il faut un nom avec l'organisation\.$/);
  // Switching language re-words the message already shown.
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByLabel('I work with (person 1)'))
    .toHaveAccessibleDescription('works with (person 1): a name is needed with the organization.');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');

  // A tie whose trust is out of 1–5: core's refusal, in French, on the trust field.
  await importFiles(page, [['town-edges.csv', EDGES], ['town-nodes.csv', NODES]], 'Importer un réseau');
  const table = page.getByRole('table', { name: /Personnes et organisations/ });
  await table.getByRole('button', { name: 'Ana' }).click({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Ajouter un lien' }).click();
  const tieForm = page.getByRole('form', { name: 'Nouveau lien' });
  await tieForm.getByLabel('Vers', { exact: true }).selectOption('Eve (Corner Shop)');
  await tieForm.getByLabel('Confiance (1–5)').fill('7');
  await tieForm.getByRole('button', { name: 'Ajouter un lien' }).click();
  const trust = tieForm.getByLabel('Confiance (1–5)');
  await expect(trust).toHaveAttribute('aria-invalid', 'true');
  await expect(trust).toHaveAccessibleDescription('La confiance doit être un nombre entier de 1 à 5 ; trouvé 7.');
  for (const [name, size] of [['desktop', LAPTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    await trust.scrollIntoViewIfNeeded();
    await screenshot(page, `i18n-fr-network-refused-tie-${name}`);
  }
  await page.setViewportSize(LAPTOP);
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('form', { name: 'New tie' }).getByLabel('Trust (1–5)'))
    .toHaveAccessibleDescription('The trust must be a whole number from 1 to 5; found 7.');
});

test('in French: the connectors list gives its reasons in French, numbers the French way', async ({ page, server }) => {
  await frenchNetwork(page, server.url);
  await importFiles(page, [['town-edges.csv', EDGES], ['town-nodes.csv', NODES]], 'Importer un réseau');
  const health = page.getByRole('region', { name: 'Santé du réseau' });
  const connectors = health.getByRole('list', { name: 'Passeurs' });
  const ana = connectors.getByRole('listitem').filter({ hasText: 'Ana' });
  await expect(ana).toContainText('relie 3 secteurs (secteur public, secteur privé et société civile)', { timeout: 30_000 });
  await expect(ana).toContainText('relie 3 organisations');
  // Betweenness with a decimal comma, and her level in French.
  await expect(ana).toContainText(/plus forte intermédiarité du réseau \(0,\d\d\)/);
  await expect(ana).toContainText('personnel intermédiaire');
  await expect(ana).not.toContainText(/links|betweenness|staff/);
  for (const [name, size] of [['desktop', LAPTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    await connectors.scrollIntoViewIfNeeded();
    await screenshot(page, `i18n-fr-network-connectors-${name}`);
  }
  await page.setViewportSize(LAPTOP);
  // In English, the same list re-worded, the decimal point English.
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  const english = page.getByRole('region', { name: 'Network health' }).getByRole('list', { name: 'Connectors' });
  const anaEn = english.getByRole('listitem').filter({ hasText: 'Ana' });
  await expect(anaEn).toContainText('links 3 sectors (government, business and civil society)');
  await expect(anaEn).toContainText(/highest betweenness in the network \(0\.\d\d\)/);
  await expect(anaEn).toContainText('mid-level staff');
});

test('in French: a broken network import names the file, line and field in French', async ({ page, server }) => {
  await frenchNetwork(page, server.url);
  const broken = 'from,to,trust,kind\nana,ben,4,knows\nana,chloe,9,knows\nben,chloe,3,likes\n';
  await importFiles(page, [['liens.csv', broken]], 'Importer un réseau');
  const alert = page.getByRole('alert').filter({ hasText: "Rien n'a été importé" });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  const problems = alert.getByRole('listitem');
  await expect(problems.nth(0)).toHaveText('liens.csv, ligne 3, colonne « trust » : doit être un nombre entier de 1 à 5, trouvé « 9 »');
  await expect(problems.nth(1)).toHaveText(
    'liens.csv, ligne 4, colonne « kind » : nature inconnue « likes » (collaborates, knows, funds, governs ou other)',
  );
  // The same problems re-worded in English, still by file, line and field.
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  const english = page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).getByRole('listitem');
  await expect(english.nth(0)).toHaveText('liens.csv, line 3, trust: must be a whole number from 1 to 5, found “9”');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  // A file whose name tells no format.
  await importFiles(page, [['reseau.txt', 'a,b\n']], 'Importer un réseau');
  await expect(alert.getByRole('listitem')).toHaveText('reseau.txt : le nom doit finir par .csv, .json, .graphml ou .gexf.');
});

test('a room-code error on the start page re-words when the language switches', async ({ browser, server }) => {
  // A page of its own: the unknown code's 404 is expected here.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  const code = page.getByLabel('Code ou lien de la salle');
  await code.fill('ZZZZ-ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: "Aucune salle n'a ce code" })).toBeVisible({ timeout: 30_000 });
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/^Aucune salle n'a ce code\./);
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  const english = page.getByLabel('Room code or link');
  await expect(english).toHaveAccessibleDescription(/^No room has this code\./);
  await expect(page.getByRole('alert').filter({ hasText: 'No room has this code' })).toBeVisible();
  // A pasted link that is not one: the link's refusal re-words too.
  await english.fill('hello');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(english).toHaveAccessibleDescription(/^a room code is 43 letters, digits, '-' or '_' .*; found "hello"$/);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(code).toHaveAccessibleDescription(/^un code de salle compte 43 lettres, chiffres, « - » ou « _ » .* ; trouvé « hello »$/);
  await context.close();
});
