// Embeds on another site: a page served by a tiny node server on another port
// and host name (http://localhost:… while the app is on http://127.0.0.1:…,
// so the iframe is cross-site, a third party) embeds the view-only network and
// accountability views. A change made in the room appears in the embed live,
// and the iframe's height follows the height the embed posts (with the
// parent-page snippet from README). Headless chromium here already refuses
// `localStorage` to that cross-site iframe (the first test checks the embed
// says so when it does); the dedicated blocked-storage and blocked-crypto
// tests SIMULATE the refusal, so they hold whatever the browser's default: an
// init script makes `localStorage`/`indexedDB` (or `crypto.getRandomValues`)
// throw a SecurityError, as browsers do; the embed must say so, not stay blank.
import http from 'node:http';
import { test, expect, screenshot } from './fixtures.mjs';
import { createRoom, openSection, addGoal, day } from './plan.mjs';

test.describe.configure({ timeout: 90_000 });

/** The parent-page snippet documented in README ("Embedding a live view"). */
const PARENT_SCRIPT = `
window.addEventListener('message', (event) => {
  if (event.origin !== CONSTELLATION_ORIGIN) return;
  const data = event.data;
  if (!data || data.type !== 'constellation-embed-height') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = data.height + 'px';
  }
});`;

function parentPage(appOrigin, frames) {
  const iframes = frames
    .map(({ src, title }) => `<iframe src="${src}" title="${title}" width="100%" height="100" style="border:0" referrerpolicy="no-referrer"></iframe>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>River coalition</title></head>
<body><h1>Our coalition</h1>${iframes}
<script>const CONSTELLATION_ORIGIN = ${JSON.stringify(appOrigin)};${PARENT_SCRIPT}</script></body></html>`;
}

/** A second origin serving one page; resolves with its URL. */
async function startSite(html) {
  const site = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html());
  });
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  return { url: `http://localhost:${site.address().port}/`, close: () => new Promise((r) => site.close(r)) };
}

/** The embed address of a view, from a room's edit link: view-only (no write key). */
function embedUrl(link, view) {
  const url = new URL(link);
  const room = url.pathname.split('/')[2];
  const key = new URLSearchParams(url.hash.slice(1)).get('k');
  return `${url.origin}/embed/${room}/${view}#k=${key}`;
}

test('an embed on another site updates live and sizes its iframe', async ({ browser, server }) => {
  const editor = await (await browser.newContext()).newPage();
  const link = await createRoom(editor, server.url, 'Amina');
  await openSection(editor, 'Goals');
  await addGoal(editor, { title: 'Clean river by 2030' });
  const frames = [
    { src: embedUrl(link, 'network'), title: 'Network map' },
    { src: embedUrl(link, 'accountability'), title: 'Accountability' },
  ];
  expect(frames[0].src).not.toContain('w=');
  const site = await startSite(() => parentPage(new URL(server.url).origin, frames));
  try {
    const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const problems = [];
    visitor.on('pageerror', (e) => problems.push(e.message));
    await visitor.goto(site.url);
    const network = visitor.frameLocator('iframe[title="Network map"]');
    const accountability = visitor.frameLocator('iframe[title="Accountability"]');
    await expect(network.getByRole('heading', { name: 'Network map' })).toBeVisible();
    await expect(network.getByText('0 people, 0 organizations')).toBeVisible();
    await expect(accountability.getByText('Partners appear here once they commit')).toBeVisible();
    // The two embedded views watch the room; they are not people in it.
    await editor.getByText('1 here').click();
    await expect(editor.getByText('Also watched through 2 views embedded in websites')).toBeVisible();
    await expect(editor.getByRole('list', { name: 'Participants' }).getByRole('listitem')).toHaveText(['Amina (you)']);
    await expect(editor.getByText('1 here')).toBeVisible();
    // Headless chromium blocks storage in this cross-site iframe for real (as
    // browsers that block third-party storage do): then the embed says so, and
    // stays live all the same.
    const storageBlocked = await visitor.frames().find((f) => f.url().includes('/embed/'))
      .evaluate(() => { try { return !window.localStorage; } catch { return true; } });
    if (storageBlocked) await expect(network.getByText(/blocks storage for embedded views/)).toBeVisible();
    // No app chrome: no section links, no Share button.
    await expect(network.getByRole('navigation')).toHaveCount(0);
    await expect(network.getByRole('button', { name: 'Share' })).toHaveCount(0);

    const frameHeight = (title) => visitor.locator(`iframe[title="${title}"]`).evaluate((f) => f.getBoundingClientRect().height);
    const contentHeight = (frame) => frame.locator('.embed').evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
    const before = await frameHeight('Accountability');

    // The room changes: the embeds follow, live.
    await openSection(editor, 'Network');
    await editor.getByLabel('I am', { exact: true }).fill('Ana');
    await editor.getByLabel('at', { exact: true }).fill('City Hall');
    await editor.getByLabel('I work with (person 1)').fill('Ben');
    await editor.getByLabel('at (organization of person 1)').fill('Food Bank');
    await editor.getByRole('button', { name: 'Add me to the map' }).click();
    await expect(network.getByText('2 people, 2 organizations')).toBeVisible();
    await expect(network.getByRole('list', { name: 'People and organizations' }).getByRole('listitem')).toHaveText(['City Hall', 'Food Bank', 'Ana', 'Ben']);

    await openSection(editor, 'Commitments');
    for (const org of ['River Trust', 'Water Utility', 'Food Bank']) {
      await editor.getByRole('button', { name: 'Add commitment' }).click();
      const form = editor.locator('form').filter({ has: editor.getByRole('heading', { name: 'New commitment' }) });
      await form.getByLabel('Organization').fill(org);
      await form.getByLabel('What is promised').fill('Monthly water sampling');
      await form.getByLabel('Toward goal or indicator').selectOption({ label: 'Goal: Clean river by 2030' });
      await form.getByLabel('Due date').fill(day(30));
      await form.getByRole('button', { name: 'Add commitment' }).click();
      await expect(form).toHaveCount(0);
    }
    await expect(accountability.getByRole('listitem')).toHaveCount(3);
    await expect(accountability.getByRole('listitem').first()).toContainText('0 of 1 commitments delivered');

    // The iframe's height follows what the embed posts: it grew with three partners.
    await expect.poll(() => frameHeight('Accountability')).toBeGreaterThan(before + 50);
    await expect.poll(async () => Math.abs((await frameHeight('Accountability')) - (await contentHeight(accountability)))).toBeLessThanOrEqual(1);
    await expect.poll(async () => Math.abs((await frameHeight('Network map')) - (await contentHeight(network)))).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
    await screenshot(visitor, 'embed-site-1280');

    const phone = await (await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(site.url);
    await expect(phone.frameLocator('iframe[title="Network map"]').getByText('2 people, 2 organizations')).toBeVisible();
    await expect(phone.frameLocator('iframe[title="Accountability"]').getByRole('listitem')).toHaveCount(3);
    await screenshot(phone, 'embed-site-360');
  } finally {
    await site.close();
  }
});

test('a goal embed shows the goal and its status', async ({ browser, server }) => {
  const editor = await (await browser.newContext()).newPage();
  const link = await createRoom(editor, server.url, 'Amina');
  await openSection(editor, 'Goals');
  await addGoal(editor, { title: 'Clean river by 2030', hashtag: '#CleanRiver2030' });
  // The goal's id, as the commitment form's "toward" choice carries it (`goal:{id}`).
  await openSection(editor, 'Commitments');
  await editor.getByRole('button', { name: 'Add commitment' }).click();
  const toward = editor.getByLabel('Toward goal or indicator');
  const value = await toward.locator('option', { hasText: 'Goal: Clean river by 2030' }).getAttribute('value');
  expect(value).toMatch(/^goal:/);
  const src = embedUrl(link, `goal/${value.slice('goal:'.length)}`);
  const site = await startSite(() => parentPage(new URL(server.url).origin, [{ src, title: 'Goal' }]));
  try {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(site.url);
    const goal = visitor.frameLocator('iframe[title="Goal"]');
    await expect(goal.getByRole('heading', { name: 'Clean river by 2030' })).toBeVisible();
    await expect(goal.getByText('#CleanRiver2030')).toBeVisible();
    await expect(goal.getByText(/^Status: /)).toBeVisible();
  } finally {
    await site.close();
  }
});

/** Makes storage (or crypto) throw in every frame, as a browser blocking it does. */
function blockInFrames(kind) {
  const refuse = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  if (kind === 'storage') {
    Object.defineProperty(window, 'localStorage', { get: refuse, configurable: true });
    Object.defineProperty(window, 'indexedDB', { get: refuse, configurable: true });
  } else {
    Crypto.prototype.getRandomValues = refuse;
  }
}

for (const kind of ['storage', 'crypto']) {
  test(`an embed whose browser blocks ${kind} says so (simulated)`, async ({ browser, server }) => {
    const editor = await (await browser.newContext()).newPage();
    const link = await createRoom(editor, server.url, 'Amina');
    await openSection(editor, 'Network');
    await editor.getByLabel('I am', { exact: true }).fill('Ana');
    await editor.getByLabel('at', { exact: true }).fill('City Hall');
    await editor.getByRole('button', { name: 'Add me to the map' }).click();
    const src = embedUrl(link, 'network');
    const site = await startSite(() => parentPage(new URL(server.url).origin, [{ src, title: 'Network map' }]));
    try {
      const context = await browser.newContext();
      await context.addInitScript(blockInFrames, kind);
      const visitor = await context.newPage();
      await visitor.goto(site.url);
      const frame = visitor.frameLocator('iframe[title="Network map"]');
      if (kind === 'storage') {
        await expect(frame.getByText(/blocks storage for embedded views/)).toBeVisible();
        // Still live: the room's content arrives.
        await expect(frame.getByText('1 person, 1 organization')).toBeVisible();
      } else {
        await expect(frame.getByRole('alert')).toContainText('cannot be shown here');
        await expect(frame.getByRole('link', { name: 'Open it in its own tab' })).toBeVisible();
      }
      await screenshot(visitor, `embed-blocked-${kind}`);
    } finally {
      await site.close();
    }
  });
}
