// Trunk post_build hook (see Trunk.toml); runs in Trunk's staging directory before it
// becomes dist/, for each of the two pages (index.html, county.html). Strict CSP: Trunk writes
// its wasm loader as an inline <script>; every inline script moves into a content-hashed file,
// so script-src can stay 'self' (no 'unsafe-inline'). The first one also registers the service
// worker, which scripts/finish-build.mjs writes once both pages are built.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const base = process.env.TRUNK_PUBLIC_URL || "/";
// County mode is built under <root>/county/; the service worker lives at the root.
const root = base.replace(/county\/$/, "");
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const registerSw =
  `\nif ("serviceWorker" in navigator) {\n` +
  `  navigator.serviceWorker.register("${root}sw.js", { scope: "${root}" })\n` +
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
console.log(`post-build: moved ${moved} inline script(s) into files (${base})`);
