// Trunk post_build hook (see Trunk.toml); runs in Trunk's staging directory before it
// becomes dist/, for each of the two pages (index.html, county.html). It makes the page open on
// every engine README lists (Chromium 86 and newer, Firefox ESR, Safari 16 and newer) under a
// strict policy:
//  1. Strict CSP: Trunk writes its wasm loader as an inline <script>; every inline script moves
//     into a content-hashed file, so script-src can stay 'self' (no 'unsafe-inline'). The first
//     one also registers the service worker, which scripts/finish-build.mjs writes once both
//     pages are built.
//  2. No top-level await (a syntax error before Chromium 89): the loader's statements run in an
//     async function; the county worker's loader starts its wasm without awaiting it (the
//     worker says "ready" when it listens, src/county/pool.rs).
//  3. The policy each engine understands: the page says 'wasm-unsafe-eval', which Chromium
//     before 97 does not know, so it forbids compiling WebAssembly at all. compat.js (a classic
//     script, first in <head>) tries to compile an empty module; where that is forbidden it
//     moves to legacy.html, the same page whose policy says 'unsafe-eval' instead (what those
//     engines need for wasm). Engines that know 'wasm-unsafe-eval' never load legacy.html, so
//     they never allow eval. compat.js also puts a message on the page, instead of a blank
//     page, when the app cannot start.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const base = process.env.TRUNK_PUBLIC_URL || "/";
// County mode is built under <root>/county/; the service worker lives at the root.
const root = base.replace(/county\/$/, "");
const sha256 = (data) => createHash("sha256").update(data).digest("hex");
const hashed = (stem, code) => {
  const name = `${stem}-${sha256(code).slice(0, 16)}.js`;
  writeFileSync(join(staging, name), code);
  return name;
};

const STRICT = "script-src 'self' 'wasm-unsafe-eval'";
const LEGACY = "script-src 'self' 'unsafe-eval'";

/** Top-level statements after the imports run inside an async function (no top-level await). */
const withoutTopLevelAwait = (code, first = "") => {
  const lines = code.split("\n");
  const imports = lines.filter((l) => /^\s*import\s/.test(l));
  const rest = lines.filter((l) => !/^\s*import\s/.test(l)).join("\n").trim();
  return (
    `${imports.join("\n")}\n` +
    `(async () => {\n${first}${rest}\n})().catch((e) => {\n` +
    `  dispatchEvent(new CustomEvent("ziping-boot-failed", { detail: String(e && e.message || e) }));\n` +
    `  throw e;\n});\n`
  );
};

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
if (!html.includes(STRICT)) {
  console.error(`post-build: index.html's policy must contain "${STRICT}"`);
  process.exit(1);
}
const registerSw =
  `\nif ("serviceWorker" in navigator) {\n` +
  `  navigator.serviceWorker.register("${root}sw.js", { scope: "${root}" })\n` +
  `    .catch((e) => console.warn("ziping: service worker not registered", e));\n}\n`;
// Each page has its first view in the HTML (step 4): it paints before the wasm download
// starts, which would otherwise share a slow line with the stylesheet. So the wasm is not
// preloaded, and the loader waits for the first frame (or 250 ms, for a page opened in the
// background, where frames do not come).
const principal = html.includes("ziping-web");
const afterFirstPaint =
  "await new Promise((go) => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 250); });\n";
const withoutPreload = html.replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/, "");
if (withoutPreload === html) {
  console.error("post-build: the wasm's preload link was not found in index.html");
  process.exit(1);
}
html = withoutPreload;
// Which page this is, for compat.js (a path could hold "county" on either page).
if (!principal) html = html.replace(/<html\b/, '<html data-page="county"');
let moved = 0;
html = html.replace(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (_, attrs, body) => {
  const isModule = /type\s*=\s*["']?module/.test(attrs);
  const code = (isModule ? withoutTopLevelAwait(body, afterFirstPaint) : body) + (moved === 0 ? registerSw : "");
  const name = hashed("boot", code);
  moved += 1;
  return `<script${isModule ? ' type="module"' : ""} src="${base}${name}"></script>`;
});
if (moved === 0) {
  console.error("post-build: Trunk's inline loader was not found in index.html");
  process.exit(1);
}

// The county worker's loader (Trunk's data-loader-shim): `await init();` at the top level.
for (const file of readdirSync(staging).filter((f) => f.endsWith("_loader.js"))) {
  const path = join(staging, file);
  const code = readFileSync(path, "utf8");
  const fixed = code.replace(/await\s+init\(\s*\)\s*;/, "init();");
  if (fixed === code || /\bawait\b/.test(fixed.replace(/^import[^\n;]*;/gm, ""))) {
    console.error(`post-build: ${file} is not the loader this step knows (${JSON.stringify(code)})`);
    process.exit(1);
  }
  writeFileSync(path, fixed);
}

const compat = hashed("compat", readFileSync(new URL("./compat.js", import.meta.url), "utf8"));
// After the policy's <meta> (a policy governs only what follows it), before every other script.
html = html.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1\n  <script src="${base}${compat}"></script>`);
if (!html.includes(compat)) {
  console.error("post-build: index.html has no Content-Security-Policy <meta> to put compat.js after");
  process.exit(1);
}
// 4. Each page shows its first view before the wasm arrives: static/prerender.html (the
//    principal's start page) and static/prerender-county.html (county mode) are the apps' own
//    first render for a first visit (tests/e2e/prerender.test.mjs keeps them so), without test
//    ids or anything that depends on what is kept here. The app mounts in #app and removes
//    #prerender once it has drawn (county mode) or read the drafts (src/app/mod.rs).
// Its buttons and inputs are disabled until the app replaces them: a click would do nothing,
// and a file picked there would be lost.
const snapshot = principal ? "prerender.html" : "prerender-county.html";
const prerendered = readFileSync(new URL(`../static/${snapshot}`, import.meta.url), "utf8")
  .trim()
  .replace(/<(button|input|select|textarea)\b/g, "<$1 disabled");
// A line at the foot of the window that says the page is still loading (compat.js changes it
// when a file is dropped before the app can take it).
const loading = '<p class="prerender-loading" role="status" data-loading>正在载入，请稍候…</p>';
const withLoading = prerendered.replace("</header>", `</header>${loading}`);
if (withLoading === prerendered) {
  console.error(`post-build: static/${snapshot} has no </header> to put the loading line under`);
  process.exit(1);
}
const withFirstView = html.replace(
  /<body>/,
  `<body>\n<div id="prerender" aria-busy="true">${withLoading}</div>\n<div id="app"></div>`,
);
if (withFirstView === html) {
  console.error("post-build: the page has no <body> to put its first view in");
  process.exit(1);
}
html = withFirstView;
// 5. Only the page's own JS snippets: Trunk preloads every snippet of the crate, so the
//    principal's page fetched county mode's drop.js, and the service worker kept it. A snippet
//    no script of the page imports is neither preloaded nor kept.
const imported = new Set();
for (const f of readdirSync(staging).filter((f) => f.endsWith(".js"))) {
  for (const m of readFileSync(join(staging, f), "utf8").matchAll(/["'](?:\.?\/)?(snippets\/[^"']+\.js)["']/g)) imported.add(m[1]);
}
const unused = [];
html = html.replace(/<link rel="modulepreload" href="[^"]*?(snippets\/[^"]+\.js)"[^>]*>/g, (link, path) => {
  if (imported.has(path)) return link;
  unused.push(path);
  return "";
});
for (const path of unused) {
  rmSync(join(staging, path));
  // …and the folders it leaves empty.
  for (let dir = dirname(path); dir !== "snippets" && !readdirSync(join(staging, dir)).length; dir = dirname(dir)) {
    rmSync(join(staging, dir), { recursive: true });
  }
}
if (unused.length) console.log(`post-build: not imported by this page, left out: ${unused.join(", ")}`);
writeFileSync(indexPath, html);
writeFileSync(join(staging, "legacy.html"), html.replace(STRICT, LEGACY));
console.log(`post-build: moved ${moved} inline script(s) into files, wrote legacy.html (${base})`);
