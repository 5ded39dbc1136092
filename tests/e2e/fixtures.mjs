// Test fixtures: a real `constellation serve` per worker, on loopback, with its
// own empty data directory, and pages that fail the test on any page error.
import { test as base, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts the server binary and resolves with its URL once it says it is running. */
export async function startServer({ dataDir, port = 0, env = {} } = {}) {
  const bin = process.env.CONSTELLATION_BIN;
  const dist = process.env.CONSTELLATION_DIST;
  if (!bin || !dist) throw new Error('set CONSTELLATION_BIN and CONSTELLATION_DIST (scripts/test.sh does)');
  const data = dataDir ?? mkdtempSync(join(tmpdir(), 'constellation-e2e-'));
  const child = spawn(bin, ['serve', '--port', String(port), '--data', data, '--dist', dist], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s: ${stderr}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/\S+?)\/?\s/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${stderr}`)); });
  });
  return {
    url,
    dataDir: data,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    cleanup() { if (!dataDir) rmSync(data, { recursive: true, force: true }); },
  };
}

export const test = base.extend({
  server: [async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
    server.cleanup();
  }, { scope: 'worker' }],

  // Rooms ask a first-time visitor for a name (src/share/name.rs). Tests
  // that do not test that prompt enter rooms as if "Skip" had been chosen;
  // `test.use({ namePrompt: true })` shows it.
  namePrompt: [false, { option: true }],

  // Every page fails its test on an uncaught error or a console error, so a
  // broken wasm build cannot pass by showing a blank page.
  page: async ({ page, namePrompt }, use) => {
    if (!namePrompt) {
      await page.addInitScript(() => localStorage.setItem('constellation.name_prompt', JSON.stringify('skip')));
    }
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    await use(page);
    expect(problems, 'the page reported errors').toEqual([]);
  },
});

export { expect };

/** Saves a screenshot under tests/test-results/screenshots for people to look at. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(import.meta.dirname, '..', 'test-results', 'screenshots', `${name}.png`), fullPage: true });
}
