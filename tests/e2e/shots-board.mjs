// Takes screenshots of a busy board at phone and laptop sizes, for people to
// look at (not a test): node tests/e2e/shots-board.mjs OUTDIR
import { chromium } from '@playwright/test';
import { startServer } from './fixtures.mjs';

const out = process.argv[2] || 'tests/test-results/screenshots';
const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(server.url);
  await page.getByLabel('Your name').fill('Amina');
  await page.getByRole('button', { name: 'Create room' }).click();
  await page.getByRole('status').filter({ hasText: 'Online' }).waitFor();
  const texts = ['Plant trees on Main St 🌳', 'Repair the footbridge', 'مرحبا بالعالم — a bus stop', '<script>alert(1)</script>', 'Ask the water board about flood maps and the 2027 budget', 'Café for youth workers', 'Bike lanes to the school', 'Open the library on Sundays'];
  for (const t of texts) {
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.keyboard.type(t);
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await page.getByLabel('Cluster label').fill('Green streets');
  await page.getByLabel('Votes per person').fill('3');
  await page.getByLabel('Votes per person').press('Enter');
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/board-1280.png` });
  await page.setViewportSize({ width: 360, height: 640 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/board-360.png`, fullPage: true });
  await page.getByRole('button', { name: 'List' }).click();
  await page.screenshot({ path: `${out}/board-list-360.png`, fullPage: true });
  await page.getByRole('button', { name: 'Ranked' }).click();
  await page.screenshot({ path: `${out}/board-ranked-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${out}/board-ranked-1280.png` });
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
}
