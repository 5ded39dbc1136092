// Constellation's service worker: keeps the app shell (HTML, wasm, JS, CSS) so
// that a room already visited opens with no network. The room's content itself
// comes from the draft in IndexedDB, and edits made offline are sent by the
// app when the relay is reachable again. Relay traffic (/ws/…) never passes here.
const CACHE = 'constellation-shell-v1';

// Every asset the shell's HTML names (trunk gives them content-hashed names).
const assetsOf = (html) => [...new Set(html.match(/\/[A-Za-z0-9_.-]+\.(?:js|wasm|css|svg|webmanifest)/g) || [])];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch('/', { cache: 'no-cache' });
    if (response.ok) {
      const html = await response.clone().text();
      await cache.put('/', response);
      await cache.addAll(assetsOf(html));
    }
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
        if (response.ok) (await caches.open(CACHE)).put('/', response.clone());
        return response;
      } catch (offline) {
        return (await caches.match('/')) || Response.error();
      }
    })());
    return;
  }
  // Hashed assets never change: the cache first, then the network (and keep it).
  event.respondWith((async () => {
    const hit = await caches.match(request);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
    return response;
  })());
});
