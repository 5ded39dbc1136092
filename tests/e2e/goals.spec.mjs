// The goals section end to end: a goal with an indicator, measurements, the
// status, chart and data table; validation as you type; CSV import (all or
// nothing); the exports as downloaded files; screenshots at phone and laptop size.
import { readFileSync } from 'node:fs';
import { test, expect, screenshot } from './fixtures.mjs';
import { addGoal, createRoom, day, openSection } from './plan.mjs';

test.describe.configure({ timeout: 90_000 });

async function addIndicator(goal, { name, unit, baseline, baselineDate, target, targetDate }) {
  await goal.getByRole('button', { name: 'Add indicator' }).click();
  await goal.getByLabel('Name', { exact: true }).fill(name);
  await goal.getByLabel('Unit', { exact: true }).fill(unit);
  await goal.getByLabel('Baseline value', { exact: true }).fill(baseline);
  await goal.getByLabel('Baseline date', { exact: true }).fill(baselineDate);
  const first = goal.getByRole('group', { name: 'Target 1' });
  await first.getByLabel('Target value', { exact: true }).fill(target);
  await first.getByLabel('Target date', { exact: true }).fill(targetDate);
  await goal.getByRole('button', { name: 'Add indicator' }).click();
  const indicator = goal.getByRole('article', { name });
  await expect(indicator).toBeVisible();
  return indicator;
}

async function addMeasurement(indicator, { value, date, organization = '' }) {
  await indicator.getByRole('button', { name: 'Add measurement' }).click();
  await indicator.getByLabel('Value', { exact: true }).fill(value);
  await indicator.getByLabel('Date', { exact: true }).fill(date);
  if (organization) await indicator.getByLabel('Reporting organization', { exact: true }).fill(organization);
  await indicator.getByRole('button', { name: 'Add measurement' }).click();
  await expect(indicator.getByRole('button', { name: 'Add measurement' })).toBeVisible();
}

const HOUSEHOLDS = {
  name: 'Households connected', unit: 'households',
  baseline: '100', baselineDate: day(-365), target: '500', targetDate: day(365),
};

test('a goal with an indicator and measurements shows its status, chart and data table', async ({ page, server }) => {
  await createRoom(page, server.url, 'Amina');
  await openSection(page, 'Goals');
  const goal = await addGoal(page, { title: 'Clean river by 2030', hashtag: '#CleanRiver2030' });
  await expect(goal).toContainText('#CleanRiver2030');
  await expect(goal).toContainText('Mission');
  const indicator = await addIndicator(goal, HOUSEHOLDS);
  await expect(indicator).toContainText('Status: No status yet');

  // Halfway through the time, 320 against an expected ~300: on track.
  await addMeasurement(indicator, { value: '320', date: day(-1), organization: 'River Trust' });
  await expect(indicator).toContainText('Status: On track');
  await expect(goal.getByText('Goal status: On track')).toBeVisible();

  // Then 180 today, far behind the trajectory: off track, and worsening.
  await addMeasurement(indicator, { value: '180', date: day(0) });
  await expect(indicator).toContainText('Status: Off track');
  await expect(indicator).toContainText('worsening');
  await expect(indicator).toContainText('20% of the way toward 500 households');

  const chart = indicator.getByRole('img', { name: 'Households connected: baseline, targets and measurements over time' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/Baseline 100 households on .*target 500 households by .*2 measurements, the latest 180 households/);
  await expect(chart.locator('circle')).toHaveCount(2);

  await indicator.getByText('Data table: Households connected').click();
  const table = indicator.getByRole('table', { name: /Households connected/ });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(5); // header, baseline, two measurements, target
  await expect(rows.nth(1)).toContainText('Baseline');
  await expect(rows.nth(2)).toContainText('320');
  await expect(rows.nth(2)).toContainText('River Trust');
  await expect(rows.nth(4)).toContainText('Target');

  // A figure entered by mistake is deleted from the table; the status follows.
  await table.getByRole('button', { name: `Delete measurement 180 of ${day(0)}` }).click();
  await expect(rows).toHaveCount(4);
  await expect(indicator).toContainText('Status: On track');
  await addMeasurement(indicator, { value: '300', date: day(0) });
  await expect(indicator).toContainText('Status: On track');

  // An objective under the mission is drawn under it.
  await page.getByRole('button', { name: 'Add goal' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New goal' }) });
  await form.getByLabel('Title', { exact: true }).fill('Stop sewage overflows');
  await form.getByLabel('Start date', { exact: true }).fill(day(-30));
  await form.getByLabel('End date', { exact: true }).fill(day(700));
  await form.getByLabel('Parent goal').selectOption({ label: 'Clean river by 2030' });
  await form.getByRole('button', { name: 'Add goal' }).click();
  const under = page.getByRole('list', { name: 'Under Clean river by 2030' });
  await expect(under.getByRole('article', { name: 'Stop sewage overflows' })).toContainText('Objective');

  // A prototype experiment moves through the cycle.
  const objective = under.getByRole('article', { name: 'Stop sewage overflows' });
  await objective.getByRole('button', { name: 'Add experiment' }).click();
  await objective.getByLabel('Experiment title').fill('Rain gardens on two streets');
  await objective.getByLabel('Hypothesis').fill('If rain soaks in, overflows drop');
  await objective.getByLabel('Tasks').fill('Pick streets\nAsk residents');
  await objective.getByRole('button', { name: 'Start experiment' }).click();
  const experiment = objective.getByRole('article', { name: 'Rain gardens on two streets' });
  await expect(experiment).toContainText('Stage: Communicate');
  await experiment.getByRole('button', { name: 'Move to negotiate' }).click();
  await expect(experiment).toContainText('Stage: Negotiate');
  await experiment.getByRole('checkbox', { name: 'Pick streets' }).check();
  await expect(experiment.getByRole('checkbox', { name: 'Pick streets' })).toBeChecked();

  for (const [w, h] of [[360, 640], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `goals-${w}x${h}`);
  }
});

test('a form shows a problem as you type, on the field, and keeps what was typed', async ({ page, server }) => {
  await createRoom(page, server.url, 'Bruno');
  await openSection(page, 'Goals');
  const goal = await addGoal(page, { title: 'Safe school routes' });
  await goal.getByRole('button', { name: 'Add indicator' }).click();
  await goal.getByLabel('Baseline date', { exact: true }).fill('2025-06-01');
  const baseline = goal.getByLabel('Baseline value', { exact: true });
  await baseline.pressSequentially('12a');
  await expect(baseline).toHaveValue('12a');
  await expect(baseline).toHaveAttribute('aria-invalid', 'true');
  await expect(baseline).toHaveAccessibleDescription("The baseline value must be a number (like 12 or 12.5), found '12a'.");

  // A target dated before the baseline is marked on the target's date.
  const targetDate = goal.getByRole('group', { name: 'Target 1' }).getByLabel('Target date', { exact: true });
  await targetDate.fill('2025-01-01');
  await baseline.fill('12');
  await expect(baseline).toHaveAttribute('aria-invalid', 'false');
  await expect(targetDate).toHaveAccessibleDescription(/the target date Jan 1, 2025 is before the baseline date Jun 1, 2025/i);
  await expect(targetDate).toHaveValue('2025-01-01');

  // Submitting with problems adds nothing and marks the required fields.
  await goal.getByRole('button', { name: 'Add indicator' }).click();
  await expect(goal.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/indicator name is required/i);
  await expect(goal.getByRole('article')).toHaveCount(0);

  // Cancel leaves nothing; a goal is edited in place, then deleted after a confirmation.
  await goal.getByRole('button', { name: 'Cancel' }).click();
  await expect(goal.getByRole('button', { name: 'Add indicator' })).toBeFocused();
  await goal.getByRole('button', { name: 'Edit goal' }).click();
  await goal.getByLabel('Title', { exact: true }).fill('Safe routes to every school');
  await goal.getByRole('button', { name: 'Save goal' }).click();
  const renamed = page.getByRole('article', { name: 'Safe routes to every school' });
  await expect(renamed).toBeVisible();
  page.once('dialog', (dialog) => dialog.accept());
  await renamed.getByRole('button', { name: 'Delete goal' }).click();
  await expect(page.getByText('No goals yet. Add the mission first.')).toBeVisible();
});

test('a CSV import with a bad row reports line and column and applies nothing; a good file applies', async ({ page, server }) => {
  await createRoom(page, server.url, 'Chen');
  await openSection(page, 'Goals');
  const goal = await addGoal(page, { title: 'Cleaner air' });
  const indicator = await addIndicator(goal, {
    name: 'PM2.5 days over limit', unit: 'days', baseline: '40', baselineDate: day(-400), target: '10', targetDate: day(400),
  });
  const input = indicator.getByLabel('Import measurements CSV');
  const bad = `date,value,organization\n${day(-300)},35,City lab\n${day(-200)},n/a,City lab\n${day(-100)},30,City lab\n`;
  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(indicator).toContainText('Nothing was imported from bad.csv: 1 problem to fix in the file first.');
  const problems = indicator.getByRole('list', { name: 'Problems in the file' });
  await expect(problems).toContainText("Line 3, column 2 (value): The value must be a number (like 12 or 12.5), found 'n/a'.");
  const chart = indicator.getByRole('img', { name: /PM2.5 days over limit/ });
  await expect(chart).toHaveAccessibleDescription(/no measurements yet/);

  const good = `date,value,organization\n${day(-300)},35,City lab\n${day(-100)},30,City lab\n`;
  await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(indicator).toContainText('Imported 2 measurement(s) from good.csv.');
  await expect(problems).toHaveCount(0);
  await expect(chart).toHaveAccessibleDescription(/2 measurements, the latest 30 days/);
});

test('exports download JSON, IATI XML and an Open SDG CSV with the room\'s data', async ({ page, server }) => {
  await createRoom(page, server.url, 'Dana');
  await openSection(page, 'Goals');
  const goal = await addGoal(page, { title: 'Clean river by 2030' });
  const indicator = await addIndicator(goal, HOUSEHOLDS);
  await addMeasurement(indicator, { value: '320', date: day(-1), organization: 'River Trust' });

  const download = async (button) => {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const json = await download(page.getByRole('button', { name: 'Export JSON' }));
  expect(json.name).toMatch(/\.json$/);
  const data = JSON.parse(json.text);
  expect(data.format).toBe('constellation/coalition-data');
  expect(data.goals.map((g) => g.title)).toEqual(['Clean river by 2030']);
  expect(data.measurements.map((m) => m.value)).toEqual([320]);

  // IATI needs the publisher: without it, the export says what is missing.
  await page.getByRole('button', { name: 'Export IATI XML' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'IATI export needs' })).toBeVisible();
  await page.getByText('IATI settings').click();
  await page.getByLabel('Reporting organization', { exact: true }).fill('River Trust');
  await page.getByLabel('IATI organization identifier').fill('XI-IATI-RIVER');
  const xml = await download(page.getByRole('button', { name: 'Export IATI XML' }));
  expect(xml.name).toMatch(/\.xml$/);
  expect(xml.text.replace(/^<\?xml[^>]*\?>\s*/, '')).toMatch(/^<iati-activities /);
  expect(xml.text).toContain('Households connected');

  const csv = await download(indicator.getByRole('button', { name: 'Export CSV' }));
  expect(csv.name).toMatch(/^indicator_.*households-connected\.csv$/);
  expect(csv.text.trim().split('\n')).toEqual(['Year,Units,Value', `${day(-1).slice(0, 4)},households,320`]);
});

test('what one person types in a goal form is kept while another edits the same goal', async ({ browser, server }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const link = await createRoom(a, server.url, 'Amina');
  await b.goto(new URL(link).origin);
  await b.getByLabel('Your name').fill('Bruno');
  await b.goto(link);
  await expect(b.getByRole('status').first()).toHaveText('Online');
  await openSection(a, 'Goals');
  await openSection(b, 'Goals');
  const goalA = await addGoal(a, { title: 'Clean river by 2030' });
  const goalB = b.getByRole('article', { name: 'Clean river by 2030' });

  await goalA.getByRole('button', { name: 'Edit goal' }).click();
  await goalA.getByLabel('Statement').fill('Swimmable in every district (draft)');
  await b.bringToFront();
  await goalB.getByRole('button', { name: 'Edit goal' }).click();
  await goalB.getByLabel('Hashtag').fill('#SwimCity');
  await goalB.getByRole('button', { name: 'Save goal' }).click();
  await expect(goalA).toContainText('#SwimCity');
  // Amina's open form still holds what she typed.
  await expect(goalA.getByLabel('Statement')).toHaveValue('Swimmable in every district (draft)');
  for (const p of [a, b]) await p.context().close();
});
