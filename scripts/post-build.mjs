// Trunk post_build hook (see Trunk.toml); runs in Trunk's staging directory before it
// becomes dist/. Two jobs, both needed by the shell's promises:
//  1. Strict CSP: Trunk writes its wasm loader as an inline <script>. Move every inline
//     script into a content-hashed file, so script-src can stay 'self' (no 'unsafe-inline').
//  2. Offline: write sw.js with the exact list of built files and a version derived from
//     their contents, so one visit caches the whole app and a new build replaces the cache.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const base = process.env.TRUNK_PUBLIC_URL || "/";
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

// 1. Inline scripts -> files.
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const registerSw =
  `\nif ("serviceWorker" in navigator) {\n` +
  `  navigator.serviceWorker.register("${base}sw.js", { scope: "${base}" })\n` +
  `    .catch((e) => console.warn("ziping: service worker not registered", e));\n}\n`;
let moved = 0;
html = html.replace(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (_, attrs, body) => {
  const isModule = /type\s*=\s*["']?module/.test(attrs);
  const code = body + (moved === 0 ? registerSw : "");
  const name = `boot-${sha256(code).slice(0, 16)}.js`;
  writeFileSync(join(staging, name), code);
  moved += 1;
  return `<script${isModule ? ' type="module"' : ""} src="${base}${name}"></script>`;
});
if (moved === 0) {
  console.error("post-build: Trunk's inline loader was not found in index.html");
  process.exit(1);
}
writeFileSync(indexPath, html);

// 2. The service worker.
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(staging, path).split(sep).join("/"));
  }
};
walk(staging);
const precache = files.filter((f) => f !== "sw.js");
const version = sha256(precache.map((f) => f + "\0" + sha256(readFileSync(join(staging, f)))).join("\n")).slice(0, 16);
const urls = [base, ...precache.map((f) => base + f)];
const template = readFileSync(new URL("./sw.template.js", import.meta.url), "utf8");
const sw = template
  .replace("__VERSION__", JSON.stringify(`ziping-${version}`))
  .replace("__PRECACHE__", JSON.stringify(urls, null, 2))
  .replace("__INDEX__", JSON.stringify(`${base}index.html`));
writeFileSync(join(staging, "sw.js"), sw);
console.log(`post-build: moved ${moved} inline script(s); sw.js caches ${urls.length} URLs as ziping-${version}`);
