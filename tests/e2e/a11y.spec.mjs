// Accessibility of every view: axe-core (npm registry) runs in the page on
// each view, with content in it, at phone and laptop size, and must report no
// WCAG 2.1 A/AA violation. The views are filled the way people fill them
// (forms, quick entry, an import) so that lists, tables, charts and panels are
// checked, not just empty states.
import { createRequire } from 'node:module';
import { test, expect, screenshot } from './fixtures.mjs';
import { addGoal, createRoom, day, openSection } from './plan.mjs';

test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 15_000 });

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SIZES = { phone: { width: 360, height: 640 }, laptop: { width: 1280, height: 800 } };

/** Runs axe on the page as it is; returns a readable list of what is wrong. */
async function checkAxe(page, where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
  return violations.map((v) => `${where}: ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

/**
 * On a phone every control a finger uses is at least 44 × 44 CSS px (WCAG 2.5.5
 * AAA size, which the issue asks for). Links inside running text are exempt, as
 * WCAG exempts them; anything else too small is listed.
 */
async function checkTouchTargets(page, where) {
  const small = await page.evaluate(() => {
    const controls = document.querySelectorAll(
      'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=tab], [role=checkbox], [role=radio], [tabindex]:not([tabindex="-1"])',
    );
    const out = [];
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      if (el.tagName === 'A' && el.closest('p, li > p, td')) continue; // a link in running text
      // Notes and clusters on the board canvas scale with its zoom (a person
      // zooms in for bigger targets; the List view has full-size controls).
      if (el.closest('[aria-label="Board canvas"]') && el !== el.closest('[aria-label="Board canvas"]')) continue;
      // A checkbox or radio inside its <label> is hit through the label.
      const hit = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label').getBoundingClientRect() : box;
      if (hit.width < 43.5 || hit.height < 43.5) {
        const name = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30) || el.getAttribute('name') || el.id || el.tagName;
        out.push(`${el.tagName.toLowerCase()} "${name}": ${Math.round(hit.width)}×${Math.round(hit.height)}`);
      }
    }
    return out;
  });
  return small.map((s) => `${where}: smaller than 44 × 44 px: ${s}`);
}

const NODES = `id,type,name,organization,sector,role,level
city,organization,City Hall,,government,,
bank,organization,Food Bank,,civil_society,,
shop,organization,Corner Shop,,business,,
ana,person,Ana,city,,planner,mid
ben,person,Ben,bank,,,
chloe,person,Chloé,bank,,,
dev,person,Dev,shop,,owner,senior
`;
const EDGES = `from,to,trust,kind
ana,ben,4,collaborates
ana,chloe,5,collaborates
ben,chloe,3,knows
chloe,dev,4,collaborates
dev,ana,2,knows
`;

/** One room with a board, a goal with measurements, a commitment and a network. */
async function fillRoom(page, url) {
  const link = await createRoom(page, url, 'Amina');

  // Board: two notes, a cluster, a vote.
  for (const text of ['Bike lanes', 'Bus stop shelter']) {
    await page.getByRole('button', { name: 'Add note' }).click();
    const field = page.getByRole('textbox', { name: 'Note text' });
    await expect(field).toBeFocused();
    await field.fill(text);
    await field.press('Escape');
  }
  // On a phone the less used tools fold under "More tools".
  const more = page.getByRole('button', { name: 'More tools' });
  if (await more.isVisible()) await more.click();
  await page.getByRole('button', { name: 'Add cluster' }).click();

  // Goals: a goal, an indicator, two measurements (status, chart, data table).
  await openSection(page, 'Goals');
  const goal = await addGoal(page, { title: 'Clean river by 2030', hashtag: '#CleanRiver2030' });
  await goal.getByRole('button', { name: 'Add indicator' }).click();
  await goal.getByLabel('Name', { exact: true }).fill('Households connected');
  await goal.getByLabel('Unit', { exact: true }).fill('households');
  await goal.getByLabel('Baseline value', { exact: true }).fill('100');
  await goal.getByLabel('Baseline date', { exact: true }).fill(day(-365));
  const target = goal.getByRole('group', { name: 'Target 1' });
  await target.getByLabel('Target value', { exact: true }).fill('500');
  await target.getByLabel('Target date', { exact: true }).fill(day(365));
  await goal.getByRole('button', { name: 'Add indicator' }).click();
  const indicator = goal.getByRole('article', { name: 'Households connected' });
  for (const [value, when] of [['320', day(-1)], ['180', day(0)]]) {
    await indicator.getByRole('button', { name: 'Add measurement' }).click();
    await indicator.getByLabel('Value', { exact: true }).fill(value);
    await indicator.getByLabel('Date', { exact: true }).fill(when);
    await indicator.getByRole('button', { name: 'Add measurement' }).click();
    await expect(indicator.getByRole('button', { name: 'Add measurement' })).toBeVisible();
  }

  // Commitments: one commitment toward the goal.
  await openSection(page, 'Commitments');
  await page.getByRole('button', { name: 'Add commitment' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New commitment' }) });
  await form.getByLabel('Organization').fill('River Trust');
  await form.getByLabel('Kind').selectOption({ label: 'Staff time' });
  await form.getByLabel('What is promised').fill('Two staff days a month for water sampling');
  await form.getByLabel('Amount').fill('40');
  await form.getByLabel('Unit', { exact: true }).fill('hours');
  await form.getByLabel('Toward goal or indicator').selectOption({ label: 'Goal: Clean river by 2030' });
  await form.getByLabel('Due date').fill(day(30));
  await form.getByRole('button', { name: 'Add commitment' }).click();
  await expect(form).toHaveCount(0);

  // Network: an import of people, organizations and ties.
  await openSection(page, 'Network');
  await page.getByLabel('Import network').setInputFiles([
    { name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(NODES) },
    { name: 'edges.csv', mimeType: 'text/csv', buffer: Buffer.from(EDGES) },
  ]);
  await expect(page.getByRole('table', { name: /People and organizations/ }).getByRole('rowheader')).toHaveCount(7);
  return link;
}

/** Every view of the room, each reached the way a person reaches it. */
const VIEWS = [
  ['board canvas', async (page) => {
    await openSection(page, 'Board');
    await page.getByRole('button', { name: 'Bike lanes', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Selection' })).toBeVisible();
  }],
  ['board list', async (page) => {
    await openSection(page, 'Board');
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await expect(page.getByRole('textbox').first()).toBeVisible();
  }],
  ['board ranked', async (page) => {
    await openSection(page, 'Board');
    await page.getByRole('button', { name: 'Ranked', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Ranked notes' })).toBeVisible();
    // Back to the canvas for the next visit.
    await page.getByRole('button', { name: 'Canvas', exact: true }).click();
  }],
  ['goals', async (page) => {
    await openSection(page, 'Goals');
    await expect(page.getByRole('article', { name: 'Households connected' })).toBeVisible();
  }],
  ['goals: new goal form', async (page) => {
    await openSection(page, 'Goals');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  }],
  ['commitments', async (page) => {
    await openSection(page, 'Commitments');
    await expect(page.getByRole('list', { name: 'Partners' })).toBeVisible();
  }],
  ['commitments: new commitment form', async (page) => {
    await openSection(page, 'Commitments');
    await page.getByRole('button', { name: 'Add commitment' }).click();
    await expect(page.getByRole('heading', { name: 'New commitment' })).toBeVisible();
  }],
  ['network with details', async (page) => {
    await openSection(page, 'Network');
    await page.getByRole('table', { name: /People and organizations/ }).getByRole('button', { name: 'Ana' }).click();
    await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Ana' })).toBeVisible();
  }],
  ['share dialog', async (page) => {
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('dialog', { name: 'Share this room' })).toBeVisible();
  }],
  ['presenter', async (page) => {
    await page.getByRole('link', { name: 'Present' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Presenter' })).toBeVisible();
  }],
  ['network: add person form', async (page) => {
    await openSection(page, 'Network');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByRole('heading', { name: 'New person' })).toBeVisible();
  }],
];

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`every view has no axe violations at ${size} size`, async ({ page, server }) => {
    await page.setViewportSize(viewport);
    await page.goto(server.url);
    // Every view is checked before the test fails, so one run lists everything.
    const problems = await checkAxe(page, `the landing page (${size})`);
    const link = await fillRoom(page, server.url);
    for (const [name, reach] of VIEWS) {
      // A fresh page load each time (the same address with only a different
      // hash would not reload, and an open dialog would stay open).
      await page.goto(new URL(link).origin);
      await page.goto(link);
      await expect(page.getByRole('status').first()).toHaveText('Online');
      await reach(page);
      problems.push(...await checkAxe(page, `${name} (${size})`));
      if (size === 'phone') problems.push(...await checkTouchTargets(page, name));
      await screenshot(page, `a11y-${name.replace(/[^a-z]+/g, '-')}-${size}`);
    }

    // The embeds, as a coalition's website shows them (view-only address).
    const url = new URL(link);
    const room = url.pathname.split('/')[2];
    const key = new URLSearchParams(url.hash.slice(1)).get('k');
    for (const view of ['network', 'accountability']) {
      await page.goto(`${url.origin}/embed/${room}/${view}#k=${key}`);
      await expect(page.getByRole('heading').first()).toBeVisible();
      problems.push(...await checkAxe(page, `embed ${view} (${size})`));
    }

    // In French: the start page and every section as it opens.
    await page.goto(link);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    for (const section of ['board', 'goals', 'commitments', 'network', 'present']) {
      await page.goto(link.replace('/board#', `/${section}#`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      problems.push(...await checkAxe(page, `${section} in French (${size})`));
      await screenshot(page, `a11y-fr-${section}-${size}`);
    }
    await page.goto(url.origin);
    problems.push(...await checkAxe(page, `the start page in French (${size})`));
    expect(problems, 'accessibility problems').toEqual([]);
  });
}
