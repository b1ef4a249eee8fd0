// ziping service worker, written by scripts/finish-build.mjs from scripts/sw.template.js.
// Cache-first for this origin's files: after one visit the app opens with no network. County
// mode's files are not precached (principals never need them): the first time county mode is
// opened online, all of them are cached, and it opens offline from then on.
// It never fetches from another origin and never caches anything but the app itself.
const VERSION = __VERSION__;
const PRECACHE = __PRECACHE__;
const COUNTY = __COUNTY__;
const INDEX = __INDEX__;
const COUNTY_PREFIX = __COUNTY_PREFIX__;
const COUNTY_INDEX = __COUNTY_INDEX__;

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

/** County mode was opened online: keep all of its files (page, bundle, worker) for offline. */
async function cacheCounty(cache) {
  if (await cache.match(COUNTY_INDEX)) return;
  await cache.addAll(COUNTY).catch(() => {});
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // County mode's folder without its slash: its page's relative addresses (the workers) need
  // the slash, as a server would add it.
  if (request.mode === "navigate" && url.pathname === COUNTY_PREFIX.slice(0, -1)) {
    event.respondWith(Response.redirect(url.origin + COUNTY_PREFIX + url.search, 301));
    return;
  }
  const county = url.pathname.startsWith(COUNTY_PREFIX);
  event.respondWith(
    caches.open(VERSION).then(async (cache) => {
      // A navigation inside the app is one of its two pages, or the same page for engines
      // that need the legacy policy (scripts/compat.js sends them to legacy.html).
      const page = county ? COUNTY_INDEX : INDEX;
      const legacy = url.pathname.endsWith("/legacy.html");
      const key = request.mode !== "navigate" ? request : legacy ? page.replace(/index\.html$/, "legacy.html") : page;
      const hit = await cache.match(key, { ignoreSearch: request.mode === "navigate" });
      if (hit) return hit;
      const response = await fetch(request);
      if (county && response.ok) event.waitUntil(cacheCounty(cache));
      return response;
    }),
  );
});
