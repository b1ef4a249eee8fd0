// ziping service worker, written by scripts/post-build.mjs from scripts/sw.template.js.
// Cache-first for this origin's files: after one visit the app opens with no network.
// It never fetches from another origin and never caches anything but the app itself.
const VERSION = __VERSION__;
const PRECACHE = __PRECACHE__;
const INDEX = __INDEX__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(VERSION)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(VERSION).then(async (cache) => {
      // Any navigation inside the app is the one page.
      const key = request.mode === "navigate" ? INDEX : request;
      const hit = await cache.match(key, { ignoreSearch: request.mode === "navigate" });
      return hit || fetch(request);
    }),
  );
});
