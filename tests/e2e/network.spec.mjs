// The network section end to end: quick entry on a phone reaching a second
// participant live; filters, focus, table sort, keyboard, what-if and forms;
// imports that are all or nothing; exports (SVG and Kumu too); the analysis in
// its worker (stale answers dropped); 300- and 5,000-node maps at phone and laptop size.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect, screenshot } from './fixtures.mjs';
import { EDGES, NODES, importFiles } from './town.mjs';
import { createRoom, openSection } from './plan.mjs';
import { bigNetwork } from '../bench/network-page.mjs';

test.describe.configure({ timeout: 90_000 });

const PHONE = { width: 360, height: 640 };
const LAPTOP = { width: 1280, height: 800 };

async function joinRoom(page, link, name) {
  await page.goto(new URL(link).origin);
  await page.getByLabel('Your name').fill(name);
  await page.goto(link);
  await expect(page.getByRole('status').first()).toHaveText('Online');
}

function table(page) {
  return page.getByRole('table', { name: /People and organizations/ });
}

/** The names in the table, in its order. */
async function tableNames(page) {
  return table(page).locator('tbody').getByRole('rowheader').allInnerTexts();
}

function count(page) {
  // Counts are written the locale's way: "Showing 5,000 of 5,000 …".
  return page.getByText(/^Showing [\d,]+ of [\d,]+ people and organizations$/);
}


test('quick entry on a phone builds the map live in another participant’s browser', async ({ browser, server }) => {
  const phone = await (await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true })).newPage();
  const laptop = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  const link = await createRoom(phone, server.url, 'Amina');
  await openSection(phone, 'Network');
  await joinRoom(laptop, link.replace('/board', '/network'), 'Bruno');
  await expect(laptop.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
  await expect(count(laptop)).toHaveText('Showing 0 of 0 people and organizations');

  // A blank name is refused at the field that names it; nothing is added.
  await phone.bringToFront();
  await phone.getByRole('button', { name: 'Add me to the map' }).click();
  const iAm = phone.getByLabel('I am', { exact: true });
  await expect(iAm).toHaveAttribute('aria-invalid', 'true');
  await expect(iAm).toHaveAccessibleDescription(/name/);

  await iAm.fill('Ana');
  await phone.getByLabel('at', { exact: true }).fill('City Hall');
  await phone.getByLabel('I work with (person 1)').fill('Ben');
  await phone.getByLabel('at (organization of person 1)').fill('Food Bank');
  await phone.getByRole('button', { name: 'Add another person' }).click();
  await phone.getByLabel('I work with (person 2)').fill('Chloé');
  await phone.getByRole('button', { name: 'Add me to the map' }).click();
  await expect(phone.getByText(/^Added Ana: 3 new people, 2 new organizations, 2 new ties\.$/)).toBeVisible();
  await expect(iAm).toHaveAttribute('aria-invalid', 'false');
  // Buttons a thumb can hit.
  const box = await phone.getByRole('button', { name: 'Add me to the map' }).boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(44);

  // The other participant's map, table and summary follow.
  await expect(count(laptop)).toHaveText('Showing 5 of 5 people and organizations');
  await expect.poll(() => tableNames(laptop).then((n) => n.sort())).toEqual(['Ana', 'Ben', 'Chloé', 'City Hall', 'Food Bank']);
  await expect(laptop.getByRole('region', { name: 'Network health' }).getByRole('listitem').first()).toBeVisible();

  // Names already on the map are suggested as they are typed (with what
  // tells them apart), and reused whatever their case.
  await iAm.fill('be');
  const people = phone.locator(`#${await iAm.getAttribute('list')}`);
  await expect(people.locator('option')).toHaveCount(1);
  await expect(people.locator('option[value="Ben"]')).toHaveAttribute('label', 'Food Bank');
  const at = phone.getByLabel('at', { exact: true });
  await at.fill('foo');
  await expect(phone.locator(`#${await at.getAttribute('list')} option[value="Food Bank"]`)).toHaveAttribute('label', /other/i);
  await iAm.fill('ben');
  await at.fill('food bank');
  await phone.getByLabel('I work with (person 1)').fill('Dev');
  await phone.getByRole('button', { name: 'Add me to the map' }).click();
  await expect(count(laptop)).toHaveText('Showing 6 of 6 people and organizations');
  await expect.poll(() => tableNames(laptop).then((n) => n.sort())).toEqual(['Ana', 'Ben', 'Chloé', 'City Hall', 'Dev', 'Food Bank']);
  await screenshot(phone, 'network-quick-entry-360');
  for (const p of [phone, laptop]) await p.context().close();
});

test('filters, focus, table sort, keyboard, what-if, highlights and forms', async ({ page, server }) => {
  await page.setViewportSize(LAPTOP);
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Network');
  await importFiles(page, [['town-edges.csv', EDGES], ['town-nodes.csv', NODES]]);
  await expect(page.getByText(/^Imported: 5 new people/)).toBeVisible();
  await expect(count(page)).toHaveText('Showing 8 of 8 people and organizations');

  // Filters: a sector off hides its organization and its people.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Business' }).uncheck();
  await expect(count(page)).toHaveText('Showing 5 of 8 people and organizations');
  // The table follows the map a task later.
  await expect.poll(() => tableNames(page).then((n) => n.sort())).toEqual(['Ana', 'Ben', 'Chloé', 'City Hall', 'Food Bank']);
  await page.getByRole('checkbox', { name: 'Business' }).check();
  await expect(count(page)).toHaveText('Showing 8 of 8 people and organizations');

  // Sort by degree: most ties first, and the header says so.
  await table(page).getByRole('button', { name: 'Degree' }).click();
  await expect(table(page).getByRole('columnheader', { name: 'Degree' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await tableNames(page))[0]).toBe('Ana');
  await table(page).getByRole('button', { name: 'Name' }).click();
  await expect(table(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => tableNames(page)).toEqual(['Ana', 'Ben', 'Chloé', 'City Hall', 'Corner Shop', 'Dev', 'Eve', 'Food Bank']);

  // Select Ana from the table: her details; focus one step around her.
  await table(page).getByRole('button', { name: 'Ana' }).click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Ana' })).toBeVisible();
  await expect(details).toContainText('Person at City Hall (government) · planner · mid');
  await expect(details).toContainText('Ties (3)');
  await page.getByLabel('Focus').selectOption('1');
  await expect(count(page)).toHaveText('Showing 5 of 8 people and organizations');
  await expect.poll(() => tableNames(page).then((n) => n.sort())).toEqual(['Ana', 'Ben', 'Chloé', 'City Hall', 'Dev']);
  await page.getByLabel('Focus').selectOption('2');
  await expect(count(page)).toHaveText('Showing 8 of 8 people and organizations');
  await page.getByLabel('Focus').selectOption('0');

  // What if Ana leaves: Dev's shop loses its only link to the others.
  await details.getByRole('button', { name: 'What if this person leaves?' }).click();
  await expect(details).toContainText(/lose contact|separate groups/);

  // Keyboard: the map takes focus, arrows move along ties, Enter opens details.
  const map = page.getByRole('application', { name: /Network map/ });
  await map.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(details.getByRole('heading', { level: 2 })).not.toHaveText('Details');
  const before = await details.getByRole('heading', { level: 2 }).innerText();
  await page.keyboard.press('Escape');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Details');
  await map.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
  expect(before.length).toBeGreaterThan(0);

  // Highlights in words; search.
  await page.getByLabel('Highlight').selectOption('Cut points');
  await expect(page.getByText(/^Cut points: .*Ana/)).toBeVisible();
  await page.getByLabel('Search by name').fill('chlo');
  await page.getByLabel('Search by name').press('Enter');
  await expect(details.getByRole('heading', { name: 'Chloé' })).toBeVisible();

  // Forms: the error shows at the field core names; a valid entry is added.
  await page.getByRole('button', { name: 'Add organization' }).click();
  const orgForm = page.getByRole('form', { name: 'New organization' });
  await orgForm.getByRole('button', { name: 'Add organization' }).click();
  await expect(orgForm.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await orgForm.getByLabel('Name', { exact: true }).fill('Water Board');
  await orgForm.getByLabel('Sector', { exact: true }).selectOption('Government');
  await orgForm.getByLabel(/Tags/).fill('water, infrastructure');
  await orgForm.getByRole('button', { name: 'Add organization' }).click();
  await expect(count(page)).toHaveText('Showing 9 of 9 people and organizations');

  await page.getByRole('button', { name: 'Add person' }).click();
  const personForm = page.getByRole('form', { name: 'New person' });
  await personForm.getByLabel('Name', { exact: true }).fill('Femi');
  await personForm.getByLabel('Organization', { exact: true }).selectOption('Water Board');
  await personForm.getByLabel('Role', { exact: true }).fill('engineer');
  await personForm.getByLabel('Level', { exact: true }).selectOption('Junior');
  await personForm.getByRole('button', { name: 'Add person' }).click();
  await expect(details.getByRole('heading', { name: 'Femi' })).toBeVisible();

  await page.getByRole('button', { name: 'Add tie' }).click();
  const tieForm = page.getByRole('form', { name: 'New tie' });
  await tieForm.getByLabel('To', { exact: true }).selectOption('Ana (City Hall)');
  await tieForm.getByLabel('Trust (1–5)').fill('9');
  await tieForm.getByRole('button', { name: 'Add tie' }).click();
  await expect(tieForm.getByLabel('Trust (1–5)')).toHaveAttribute('aria-invalid', 'true');
  await expect(tieForm.getByLabel('Trust (1–5)')).toHaveAccessibleDescription(/trust/);
  await tieForm.getByLabel('Trust (1–5)').fill('4');
  await tieForm.getByLabel('Kind', { exact: true }).selectOption('knows');
  await tieForm.getByRole('button', { name: 'Add tie' }).click();
  await expect(tieForm).toHaveCount(0);
  await expect(details).toContainText('knows Ana (City Hall), trust 4');
  await details.getByRole('button', { name: 'Remove tie: knows Ana (City Hall), trust 4' }).click();
  await expect(details).toContainText('Ties (0)');

  // Merge two people who are the same.
  await page.getByRole('button', { name: 'Merge duplicates' }).click();
  const merge = page.getByRole('form', { name: 'Merge duplicates' });
  await merge.getByLabel('Merge', { exact: true }).selectOption('Two people');
  await merge.getByLabel('Keep', { exact: true }).selectOption('Chloé (Food Bank)');
  await merge.getByLabel('Merge into it', { exact: true }).selectOption('Eve (Corner Shop)');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(count(page)).toHaveText('Showing 9 of 9 people and organizations');
  await expect(details.getByRole('heading', { name: 'Femi' })).toBeVisible();
  await details.getByRole('button', { name: 'Delete person' }).click();
  await expect(count(page)).toHaveText('Showing 8 of 8 people and organizations');

  // Exports: one file per format (two for the CSV edge list), and the map as PNG.
  const [graphml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GraphML' }).click()]);
  expect(graphml.suggestedFilename()).toBe('network.graphml');
  expect(readFileSync(await graphml.path(), 'utf8')).toContain('Water Board');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('network.png');
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');

  // Presenter view: no forms, the map and the summary.
  await page.getByRole('button', { name: 'Presenter view' }).click();
  await expect(page.getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Add organization' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Network health' })).toBeVisible();
  await screenshot(page, 'network-presenter-1280');
});

test('an import with a bad row names its line and field and applies nothing; a good one applies', async ({ page, server }) => {
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Network');
  await importFiles(page, [['ties.csv', 'from,to,trust\nAna,Ben,4\nBen,Chloé,nine\n']]);
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(alert).toContainText('ties.csv, line 3, trust');
  await expect(count(page)).toHaveText('Showing 0 of 0 people and organizations');
  await importFiles(page, [['ties.csv', 'from,to,trust\nAna,Ben,4\nBen,Chloé,5\n']]);
  await expect(alert).toHaveCount(0);
  await expect(count(page)).toHaveText('Showing 3 of 3 people and organizations');
  await expect(page.getByText('Imported: 3 new people (0 already here), 0 new organizations (0 already here), 2 new ties.')).toBeVisible();
});

/** Every 7th pixel of the map (RGB), to tell whether the picture changed. The
 * map worker draws the canvas, so the page cannot read it back: the map's
 * screenshot is decoded in the page instead. */
async function pixels(page) {
  const map = page.getByRole('application', { name: /Network map/ });
  const png = (await map.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    const out = [];
    for (let i = 0; i < data.length; i += 28) out.push(data[i], data[i + 1], data[i + 2]);
    return out;
  }, png);
}

/** The share of sampled values that differ between two pictures. */
function changed(a, b) {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n / a.length;
}

/** A town of 24 organizations and 276 people, tied mostly inside their organizations. */
function town() {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sectors = ['government', 'business', 'civil_society', 'other'];
  const first = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eve', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jia', 'Kofi', 'Lea', 'Mo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rui', 'Sana', 'Tom', 'Uma', 'Vic', 'Wen', 'Xia', 'Yara', 'Zed'];
  const last = ['Diaz', 'Okafor', 'Smith', 'Nguyen', 'Kowalski', 'Haddad', 'Silva', 'Ito', 'Mensah', 'Rossi', 'Khan', 'Berg'];
  const kinds = ['Council', 'Works', 'Trust', 'Network', 'Bank', 'Co-op'];
  let nodes = 'id,type,name,organization,sector\n';
  let edges = 'from,to,trust,kind\n';
  for (let o = 0; o < 24; o++) nodes += `o${o},organization,${last[o % 12]} ${kinds[o % 6]},,${sectors[o % 4]}\n`;
  const orgOf = [];
  for (let p = 0; p < 276; p++) {
    const org = Math.floor(rand() * 24);
    orgOf.push(org);
    nodes += `p${p},person,${first[p % 26]} ${last[Math.floor(p / 26) % 12]},o${org},\n`;
  }
  const seen = new Set();
  for (let p = 0; p < 276; p++) {
    for (let k = 0; k < 2; k++) {
      let q;
      if (rand() < 0.8) {
        const same = orgOf.map((o, i) => (o === orgOf[p] && i !== p ? i : -1)).filter((i) => i >= 0);
        if (!same.length) continue;
        q = same[Math.floor(rand() * same.length)];
      } else q = Math.floor(rand() * 276);
      const key = [Math.min(p, q), Math.max(p, q)].join('-');
      if (q === p || seen.has(key)) continue;
      seen.add(key);
      edges += `p${p},p${q},${1 + Math.floor(rand() * 5)},${rand() < 0.7 ? 'collaborates' : 'knows'}\n`;
    }
  }
  return { nodes, edges };
}

test('a 300-node map is readable at laptop and phone size', async ({ page, server }) => {
  await page.setViewportSize(LAPTOP);
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Network');
  const { nodes, edges } = town();
  await importFiles(page, [['town-edges.csv', edges], ['town-nodes.csv', nodes]]);
  await expect(count(page)).toHaveText('Showing 300 of 300 people and organizations');
  await expect(page.getByRole('region', { name: 'Network health' }).getByRole('listitem').first()).toBeVisible();
  // The table shows 50 rows a page (added a few at a time).
  await expect(table(page).locator('tbody tr')).toHaveCount(50);
  await expect(page.getByText('Rows 1–50 of 300')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous rows' })).toBeDisabled();
  await page.getByRole('button', { name: 'Next rows' }).click();
  await expect(page.getByText('Rows 51–100 of 300')).toBeVisible();
  await expect(table(page).locator('tbody tr')).toHaveCount(50);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next rows' }).click();
  await expect(page.getByText('Rows 251–300 of 300')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next rows' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous rows' }).click();
  await expect(page.getByText('Rows 201–250 of 300')).toBeVisible();
  // Let the layout settle (it stops stepping once cool), then look.
  await page.waitForTimeout(4000);
  const map = page.getByRole('application', { name: /Network map/ });
  await map.scrollIntoViewIfNeeded();
  await map.screenshot({ path: 'tests/test-results/screenshots/network-300-map-1280.png' });
  await screenshot(page, 'network-300-1280');
  await page.setViewportSize(PHONE);
  await page.getByRole('button', { name: 'Fit map' }).click();
  await page.waitForTimeout(1000);
  await map.scrollIntoViewIfNeeded();
  await map.screenshot({ path: 'tests/test-results/screenshots/network-300-map-360.png' });
  await screenshot(page, 'network-300-360');
  // Zoomed in, more names fit: most of the picture changes.
  const fitted = await pixels(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForTimeout(300);
  await map.screenshot({ path: 'tests/test-results/screenshots/network-300-map-360-zoomed.png' });
  const zoomed = await pixels(page);
  expect(changed(fitted, zoomed)).toBeGreaterThan(0.05);
  // Dragging empty space (or a node) moves the picture again.
  const box = await map.boundingBox();
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 150, box.y + box.height / 2 - 40, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  expect(changed(zoomed, await pixels(page))).toBeGreaterThan(0.01);
});

/** Records every worker the page starts and every message each answers. */
function watchWorkers() {
  window.__workers = [];
  window.__answers = [];
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(url, options) {
      super(url, options);
      const index = window.__workers.length;
      window.__workers.push({ url: String(url), worker: this });
      this.addEventListener('message', (e) => window.__answers.push(Object.assign(e.data, { from: index })));
    }
    postMessage(data, transfer) {
      (window.__sent ??= []).push(data);
      return super.postMessage(data, transfer);
    }
  };
}

/** The table's row for a name: its cells' text. */
async function rowOf(page, name) {
  const row = table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  return row.getByRole('cell').allInnerTexts();
}

test('the analysis runs in a worker; a stale answer never replaces a newer one', async ({ page, server }) => {
  await page.addInitScript(watchWorkers);
  await page.setViewportSize(LAPTOP);
  await createRoom(page, server.url, 'Amina');
  // The worker is not started before the Network section opens.
  expect(await page.evaluate(() => window.__workers.length)).toBe(0);
  await openSection(page, 'Network');
  // Two instances of the same worker: the analysis, and the map's (layout and drawing).
  const loader = expect.stringMatching(/\/constellation-analysis-worker(-[0-9a-f]{16})?_loader\.js$/);
  await expect.poll(() => page.evaluate(() => window.__workers.map((w) => w.url))).toEqual([loader, loader]);
  await importFiles(page, [['town-edges.csv', EDGES], ['town-nodes.csv', NODES]]);
  await expect(count(page)).toHaveText('Showing 8 of 8 people and organizations');
  // Measures from the worker: Ana has 3 ties, Eve 1 (columns: type, sector, organization, degree, …).
  await expect.poll(() => rowOf(page, 'Ana').then((c) => c[3])).toBe('3');
  await expect.poll(() => rowOf(page, 'Eve').then((c) => c[3])).toBe('1');
  await expect(page.getByRole('region', { name: 'Network health' }).getByRole('listitem').first()).toBeVisible();
  const results = () => page.evaluate(() => window.__answers.filter((a) => a.type === 'result').map((a) => ({ rev: a.rev, metrics: a.metrics.constructor.name, digest: typeof a.digest })));
  const first = await results();
  expect(first.length).toBeGreaterThan(0);
  expect(first[0]).toEqual({ rev: expect.any(Number), metrics: 'Float64Array', digest: 'string' });

  // Two edits in quick succession: the table ends with both.
  await importFiles(page, [['more.csv', 'from,to,trust\nEve,Ana,4\n']]);
  await importFiles(page, [['more.csv', 'from,to,trust\nEve,Ben,4\n']]);
  await expect.poll(() => rowOf(page, 'Eve').then((c) => c[3])).toBe('3');
  await expect(page.getByText('Updating after the latest changes…')).toHaveCount(0);
  const after = await results();
  const newest = Math.max(...after.map((r) => r.rev));
  expect(newest).toBeGreaterThan(Math.max(...first.map((r) => r.rev)));

  // An old answer arriving late (replayed here) is dropped: Eve keeps 3 ties.
  await page.evaluate(() => {
    const old = window.__answers.find((a) => a.type === 'result');
    window.__workers[old.from].worker.dispatchEvent(new MessageEvent('message', { data: old }));
  });
  await page.waitForTimeout(500);
  expect((await rowOf(page, 'Eve'))[3]).toBe('3');
  expect((await rowOf(page, 'Ana'))[3]).toBe('4');
});

test('the map worker parses the import, lays out and draws the map; a tap on a node where it is drawn selects it; a drag pins it', async ({ page, server }) => {
  await page.addInitScript(watchWorkers);
  await page.setViewportSize(LAPTOP);
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Network');
  // Once the map worker draws, it also parses imported files.
  await expect.poll(() => page.evaluate(() => window.__answers.some((a) => a.type === 'map-frame'))).toBe(true);
  await importFiles(page, [['town-edges.csv', EDGES], ['town-nodes.csv', NODES]]);
  await expect(count(page)).toHaveText('Showing 8 of 8 people and organizations');
  // The files themselves went to the worker (the page never read their
  // text), and the network came back as JSON parts.
  expect(await page.evaluate(() => window.__sent.filter((m) => m.type === 'map-parse').map((m) => [m.main instanceof File, m.main.name, m.companion?.name, 'mainText' in m]))).toEqual([[true, 'town-edges.csv', 'town-nodes.csv', false]]);
  expect(await page.evaluate(() => window.__answers.filter((a) => a.type === 'map-parsed' && Array.isArray(a.people) && a.people.every((p) => typeof p === 'string')).length)).toBe(1);
  const map = page.getByRole('application', { name: /Network map/ });
  await map.scrollIntoViewIfNeeded();
  // The page handed its canvas to the worker: it cannot draw on it itself.
  expect(await map.evaluate((c) => { try { c.getContext('2d'); return 'page'; } catch { return 'worker'; } })).toBe('worker');
  // The worker's last frame once the layout rests: where each node is drawn.
  const lastFrame = () => page.evaluate(() => {
    const f = window.__answers.filter((a) => a.type === 'map-frame').at(-1);
    return f && { settled: f.settled, positions: Array.from(f.positions), x: f.x, y: f.y, zoom: f.zoom };
  });
  await expect.poll(async () => (await lastFrame())?.settled, { timeout: 30_000 }).toBe(true);
  const frame = await lastFrame();
  expect(frame.positions).toHaveLength(16);
  const box = await map.boundingBox();
  const at = (i) => ({ x: box.x + (frame.positions[2 * i] - frame.x) * frame.zoom, y: box.y + (frame.positions[2 * i + 1] - frame.y) * frame.zoom });
  // Node 3 is Ana (organizations first, then people, in the file's order).
  const ana = at(3);
  await page.mouse.click(ana.x, ana.y);
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Ana' })).toBeVisible();
  // A drag on a node pins it where it is dropped.
  const city = at(0);
  await page.mouse.move(city.x, city.y);
  await page.mouse.down();
  await page.mouse.move(city.x + 60, city.y + 40, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Release pins' })).toBeVisible();
  await expect.poll(async () => {
    const f = await lastFrame();
    const x = box.x + (f.positions[0] - f.x) * f.zoom;
    const y = box.y + (f.positions[1] - f.y) * f.zoom;
    return Math.hypot(x - (city.x + 60), y - (city.y + 40)) < 3;
  }).toBe(true);
  await page.getByRole('button', { name: 'Release pins' }).click();
  await expect(page.getByRole('button', { name: 'Release pins' })).toBeHidden();
  // Export PNG: the worker's picture.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('network.png');
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
  // What if Ana leaves: answered by the map worker, in the network's own names.
  await details.getByRole('button', { name: 'What if this person leaves?' }).click();
  await expect(details.getByText(/lose contact|separate groups/)).toContainText('Corner Shop');
  expect(await page.evaluate(() => window.__answers.filter((a) => a.type === 'map-whatif' && typeof a.whatIf === 'string').length)).toBe(1);
});

test('where a canvas cannot be handed to a worker, the page draws the map; the worker still parses imports and answers what-ifs', async ({ page, server }) => {
  await page.addInitScript(() => { delete HTMLCanvasElement.prototype.transferControlToOffscreen; });
  await page.addInitScript(watchWorkers);
  await page.setViewportSize(LAPTOP);
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Network');
  await importFiles(page, [['town-edges.csv', EDGES], ['town-nodes.csv', NODES]]);
  await expect(count(page)).toHaveText('Showing 8 of 8 people and organizations');
  expect(await page.evaluate(() => window.__answers.filter((a) => a.type === 'map-parsed').length)).toBe(1);
  // The page draws: its canvas has a picture, and no frames come from a worker.
  const map = page.getByRole('application', { name: /Network map/ });
  await map.scrollIntoViewIfNeeded();
  await expect.poll(() => map.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200) ink++;
    return ink;
  })).toBeGreaterThan(100);
  expect(await page.evaluate(() => window.__answers.some((a) => a.type === 'map-frame'))).toBe(false);
  await table(page).getByRole('button', { name: 'Ana' }).click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await details.getByRole('button', { name: 'What if this person leaves?' }).click();
  await expect(details.getByText(/lose contact|separate groups/)).toContainText('Corner Shop');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
});

test('Export SVG draws the map with escaped names and a legend; Export Kumu writes both sheets', async ({ page, server }) => {
  await page.setViewportSize(LAPTOP);
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Network');
  const nodes = `${NODES}tricky,organization,"Smith & <Sons> ""Ltd""",,business,,\nzoe,person,Zoë 'Z',tricky,,,\n`;
  // A directed tie (Zoë funds Dev) gets an arrowhead.
  const edges = EDGES.trim().split('\n').map((l, i) => `${l},${i ? 'false' : 'directed'}`).join('\n');
  await importFiles(page, [['town-edges.csv', `${edges}\nzoe,dev,4,funds,true\n`], ['town-nodes.csv', nodes]]);
  await expect(count(page)).toHaveText('Showing 10 of 10 people and organizations');
  await expect(page.getByRole('region', { name: 'Network health' }).getByRole('listitem').first()).toBeVisible();

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('network.svg');
  const path = await svg.path();
  // Well-formed XML (xmllint exits non-zero otherwise).
  execFileSync('xmllint', ['--noout', path]);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(text).toContain('>Smith &amp; &lt;Sons&gt; &quot;Ltd&quot;</text>');
  expect(text).toContain('>Zoë &apos;Z&apos;</text>');
  expect(text).not.toContain('<Sons>');
  for (const name of ['Ana', 'City Hall', 'Chloé', 'Corner Shop']) expect(text).toContain(`>${name}</text>`);
  // Every node is drawn (8 + 2, each in its own group with a title), sector colours and the legend.
  expect(text.match(/<g><title>/g)).toHaveLength(10);
  expect(text).toContain('fill="#0072b2"');
  expect(text).toContain('fill="#e69f00"');
  expect(text).toContain('>Legend</text>');
  expect(text).toContain('>Civil society</text>');
  expect(text).toContain('marker-end="url(#arrow)"');

  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Export Kumu' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['network-connections.csv', 'network-elements.csv']);
  const elements = readFileSync(await downloads.find((d) => d.suggestedFilename() === 'network-elements.csv').path(), 'utf8');
  expect(elements).toContain('"Smith & <Sons> ""Ltd"""');
});

test('a 5,000-node map stays usable at laptop and phone size', async ({ page, server }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(LAPTOP);
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Network');
  const net = bigNetwork(5000);
  await importFiles(page, [['big-edges.csv', net.edges], ['big-nodes.csv', net.nodes]]);
  await expect(count(page)).toHaveText('Showing 5,000 of 5,000 people and organizations', { timeout: 120_000 });
  await expect(page.getByRole('region', { name: 'Network health' }).getByRole('listitem').first()).toBeVisible({ timeout: 120_000 });
  await page.waitForTimeout(6000);
  const map = page.getByRole('application', { name: /Network map/ });
  await map.scrollIntoViewIfNeeded();
  await map.screenshot({ path: 'tests/test-results/screenshots/network-5000-map-1280.png' });
  await page.setViewportSize(PHONE);
  await page.getByRole('button', { name: 'Fit map' }).click();
  await page.waitForTimeout(1000);
  await map.scrollIntoViewIfNeeded();
  await map.screenshot({ path: 'tests/test-results/screenshots/network-5000-map-360.png' });
  await screenshot(page, 'network-5000-360');
});
