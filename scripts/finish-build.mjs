// Writes dist/sw.js once both pages are built (scripts/build):
//  - it precaches every file of the principal's app, so one visit makes the app work offline;
//  - county mode's files (dist/county/) are cached when county mode is first opened, so a
//    principal never downloads them;
//  - its version is a hash of every file, county mode's included, so any new build replaces the
//    caches;
// then writes FILE.br (brotli 11) and FILE.gz (gzip 9) beside every text and wasm file, for
// servers that send a precompressed file when the browser accepts it (scripts/static-server.mjs,
// deploy/nginx/ziping.conf). A compressed copy that saves nothing is not written.
//   node scripts/finish-build.mjs DIST BASE_URL
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dist = process.argv[2] || "dist";
const base = process.argv[3] || "/";
const sha256 = (data) => createHash("sha256").update(data).digest("hex");
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (!/\.(br|gz)$/.test(entry)) files.push(relative(dist, path).split(sep).join("/"));
  }
};
walk(dist);
const all = files.filter((f) => f !== "sw.js");
const county = all.filter((f) => f.startsWith("county/"));
// The PNG icons are for installing to a home screen (the manifest, apple-touch-icon): the
// browser fetches them then, online; nothing offline needs them, so no visit downloads them.
const precache = all.filter((f) => !f.startsWith("county/") && !/^icons\/.*\.png$/.test(f));
const version = sha256(all.map((f) => f + "\0" + sha256(readFileSync(join(dist, f)))).join("\n")).slice(0, 16);
const urls = [base, ...precache.map((f) => base + f)];
const template = readFileSync(new URL("./sw.template.js", import.meta.url), "utf8");
const sw = template
  .replace("__VERSION__", JSON.stringify(`ziping-${version}`))
  .replace("__PRECACHE__", JSON.stringify(urls, null, 2))
  .replace("__COUNTY__", JSON.stringify(county.map((f) => base + f), null, 2))
  .replace("__INDEX__", JSON.stringify(`${base}index.html`))
  .replace("__COUNTY_PREFIX__", JSON.stringify(`${base}county/`))
  .replace("__COUNTY_INDEX__", JSON.stringify(`${base}county/index.html`));
writeFileSync(join(dist, "sw.js"), sw);
console.log(`finish-build: sw.js precaches ${urls.length} URLs, county mode ${county.length} on first use, as ziping-${version}`);

const COMPRESS = /\.(html|js|mjs|css|wasm|json|webmanifest|svg|txt)$/;
let raw = 0, br = 0, gz = 0;
for (const f of [...all, "sw.js"].filter((f) => COMPRESS.test(f))) {
  const data = readFileSync(join(dist, f));
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: f.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = gzipSync(data, { level: 9 });
  if (gzip.length >= data.length) continue;
  writeFileSync(join(dist, f + ".gz"), gzip);
  if (brotli.length < gzip.length) writeFileSync(join(dist, f + ".br"), brotli);
  raw += data.length;
  br += Math.min(brotli.length, gzip.length);
  gz += gzip.length;
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`finish-build: precompressed ${kb(raw)} of text and wasm: ${kb(gz)} gzip, ${kb(br)} brotli`);
