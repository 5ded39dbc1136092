// How the app reaches phones: compressed as served (brotli for the wasm), cached
// by kind of file, installable (web app manifest with icons that resolve), and
// opening again from the service worker's copy when the server is gone.
import { test, expect, startServer } from './fixtures.mjs';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Width and height from a PNG's IHDR chunk; fails on anything that is not a PNG. */
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature), 'PNG signature').toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the browser gets brotli for the wasm, JS, CSS and HTML, and the app boots', async ({ page, server }) => {
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Constellation', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create room' })).toBeVisible();

  const find = async (pattern) => {
    const found = responses.filter((r) => pattern.test(new URL(r.url()).pathname));
    expect(found.length, `a response for ${pattern}`).toBeGreaterThan(0);
    return Promise.all(found.map(async (r) => ({ url: r.url(), status: r.status(), headers: await r.allHeaders() })));
  };
  const [wasm] = await find(/^\/constellation-web-[0-9a-f]{1,16}_bg\.wasm$/);
  expect(wasm.status).toBe(200);
  expect(wasm.headers['content-encoding']).toBe('br');
  expect(wasm.headers['content-type']).toBe('application/wasm');
  expect(wasm.headers['cache-control']).toBe(IMMUTABLE);
  expect(wasm.headers.vary).toBe('accept-encoding');

  const [js] = await find(/^\/constellation-web-[0-9a-f]{1,16}\.js$/);
  expect(js.headers['content-encoding']).toBe('br');
  expect(js.headers['cache-control']).toBe(IMMUTABLE);
  // Stylesheets that are not empty come compressed; all are cached for a year.
  for (const css of await find(/^\/[a-z]+-[0-9a-f]{1,16}\.css$/)) {
    expect(css.headers['cache-control'], css.url).toBe(IMMUTABLE);
    if (Number(css.headers['content-length'] ?? 1) > 0) expect(css.headers['content-encoding'], css.url).toBe('br');
  }
  const [html] = await find(/^\/$/);
  expect(html.headers['content-encoding']).toBe('br');
  expect(html.headers['cache-control']).toBe('no-cache');
});

test('the manifest is valid JSON, linked from the page, and every icon resolves at its size', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Constellation', level: 1 })).toBeVisible();
  const href = await page.locator('head link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, page.url());
  const res = await page.request.get(manifestUrl.href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/manifest+json');
  expect(res.headers()['cache-control']).toBe('no-cache');
  const manifest = JSON.parse(await res.text());

  expect(manifest).toMatchObject({ name: 'Constellation', short_name: 'Constellation', start_url: '/', display: 'standalone' });
  // The colours are the page's own: the theme colour of the HTML, the page background.
  const themeColor = await page.locator('head meta[name="theme-color"]').getAttribute('content');
  expect(manifest.theme_color).toBe(themeColor);
  const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const hex = manifest.background_color.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  expect(hex, 'background_color is #rrggbb').not.toBeNull();
  expect(paper).toBe(`rgb(${hex.slice(1).map((h) => parseInt(h, 16)).join(', ')})`);

  const sizes = [];
  for (const icon of manifest.icons) {
    const iconRes = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(iconRes.status(), icon.src).toBe(200);
    expect(iconRes.headers()['content-type'], icon.src).toBe(icon.type);
    if (icon.type === 'image/png') {
      expect(pngSize(await iconRes.body()), icon.src).toBe(icon.sizes);
      sizes.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
    } else {
      expect((await iconRes.text()).startsWith('<svg'), icon.src).toBe(true);
    }
  }
  // What browsers require to install, and a maskable icon for launchers that crop.
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));

  // Chromium's own reading: its manifest parser finds nothing wrong, and the
  // only reason it would not offer to install is the test's private profile.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.url).toBe(manifestUrl.href);
  expect(parsed.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

  const appleHref = await page.locator('head link[rel="apple-touch-icon"]').getAttribute('href');
  const apple = await page.request.get(new URL(appleHref, page.url()).href);
  expect(apple.status()).toBe(200);
  expect(pngSize(await apple.body())).toBe('180x180');
});

test('once visited, the app and its manifest open with the server gone', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Constellation', level: 1 })).toBeVisible();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  // The worker has kept the shell and everything it names, decoded from brotli.
  const kept = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const pattern of [/^\/$/, /_bg\.wasm$/, /^\/manifest\.webmanifest$/, /^\/icon-apple-180\.png$/]) {
    expect(kept.some((p) => pattern.test(p)), `${pattern} is kept: ${kept}`).toBe(true);
  }

  // A hashed file of an older build is dropped when a new shell is fetched;
  // an unhashed file stays (it is kept under its one name).
  await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    await cache.put('/constellation-web-0123456789abcdef_bg.wasm', new Response('old build'));
    await cache.put('/icon-extra.png', new Response('kept'));
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Constellation', level: 1 })).toBeVisible();
  await expect.poll(() => page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return [!!(await cache.match('/constellation-web-0123456789abcdef_bg.wasm')), !!(await cache.match('/icon-extra.png'))];
  })).toEqual([false, true]);

  await server.stop();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Constellation', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create room' })).toBeEnabled();
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  expect(manifest.name).toBe('Constellation');
  expect(problems).toEqual([]);
  await context.close();
  server.cleanup();
});
