// Constellation's service worker: keeps the app shell (HTML, wasm, JS, CSS,
// manifest and icons) so that a room already visited opens with no network,
// and the network analysis worker's files (named in the shell's HTML by a
// <meta name="constellation-analysis-worker"> on release builds, kept at install
// and with each new shell; the Network section works offline too). The
// room's content itself comes from the draft in IndexedDB, and edits made
// offline are sent by the app when the relay is reachable again. Relay traffic
// (/ws/…) never passes here.
//
// The server sends most files brotli- or gzip-compressed; fetch() hands this
// worker the decoded body, so the cache holds plain files and serves them as is.
const CACHE = 'constellation-shell-v3';

// Every asset the shell's HTML names (trunk gives the build's files content-hashed names),
// the analysis worker's three files included (its meta element's content).
// The service worker's own script is left out: the browser fetches it past the worker.
const assetsOf = (html) => [...new Set(html.match(/\/[A-Za-z0-9_.-]+\.(?:js|wasm|css|svg|png|webmanifest)/g) || [])]
  .filter((path) => path !== '/sw.js');

// Trunk's content hash in a name: `-` and up to 16 hex digits, leading zeros
// dropped (app-8e0313d5251d4e78.css, constellation-web-12f0b890e2894995_bg.wasm).
// Such a file never changes. The server uses the same rule (static_files.rs).
const HASHED = /-[0-9a-f]{12,16}(?:[._/]|$)/;

// The network analysis worker's files (scripts/wasm-opt.sh names them).
const ANALYSIS_WORKER = /^\/constellation-analysis-worker-/;

/** Keeps `response` as the shell and drops the hashed files older builds named. */
async function keepShell(cache, response) {
  const html = await response.clone().text();
  await cache.put('/', response);
  const current = new Set(assetsOf(html));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (HASHED.test(path) && !current.has(path)) await cache.delete(request);
  }
  // The page fetches (and so keeps) its own files; the analysis worker's are
  // fetched only when the Network section opens, so a new build's are kept now.
  for (const path of current) {
    if (ANALYSIS_WORKER.test(path) && !(await cache.match(path))) await cache.add(path).catch(() => {});
  }
  return assetsOf(html);
}

/** Puts a copy in the cache without holding the page's response back. */
const keep = async (request, response) => (await caches.open(CACHE)).put(request, response);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch('/', { cache: 'no-cache' });
    // keepShell has kept the analysis worker's files already.
    if (response.ok) await cache.addAll((await keepShell(cache, response)).filter((p) => !ANALYSIS_WORKER.test(p)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/ws/')) return;
  if (request.mode === 'navigate') {
    // Network first, so a new version is picked up; the cached shell when offline.
    event.respondWith((async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          // Copied now: once returned, the page starts reading the body.
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => keepShell(cache, copy)));
        }
        return response;
      } catch (offline) {
        return (await caches.match('/')) || Response.error();
      }
    })());
    return;
  }
  if (HASHED.test(url.pathname)) {
    // Hashed files never change: the cache first, then the network (and keep it).
    event.respondWith((async () => {
      const hit = await caches.match(request);
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) event.waitUntil(keep(request, response.clone()));
      return response;
    })());
    return;
  }
  // Files that keep their name across versions (manifest, icons, favicon): the
  // network first so an update shows, the kept copy when offline.
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok) event.waitUntil(keep(request, response.clone()));
      return response;
    } catch (offline) {
      return (await caches.match(request)) || Response.error();
    }
  })());
});
