// Prints what the release build costs to load, raw, gzip 9 and brotli 11, per file (what
// scripts/build precompressed, as a server sends it):
//  - the principal's first load: every file outside county/ (the service worker fetches all of
//    them on the first visit), against the 250 KB gzip budget;
//  - county mode, listed separately: loaded only when county mode is opened.
// A benchmark: it prints, it never fails the build.
//   node scripts/size.mjs [DIR]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] || "dist";
const BUDGET_KB = 250;
const rows = [];
const walk = (d) => {
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (!/\.(br|gz)$/.test(e)) {
      const raw = readFileSync(p);
      const gzip = gzipSync(raw, { level: 9 }).length;
      const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      // What a server sends: the smallest of the three (scripts/finish-build.mjs writes no
      // compressed copy that saves nothing).
      rows.push({ file: relative(dir, p).split(sep).join("/"), raw: raw.length, gzip: Math.min(gzip, raw.length), br: Math.min(brotli, gzip, raw.length) });
    }
  }
};
walk(dir);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const table = (title, list) => {
  console.log(`\n${title}`);
  console.log(`${"file".padEnd(52)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"br KB".padStart(8)}`);
  for (const r of [...list].sort((a, b) => b.gzip - a.gzip)) console.log(`${r.file.padEnd(52)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.br)}`);
  const sum = (k) => list.reduce((s, r) => s + r[k], 0);
  console.log(`${("total (" + list.length + " files)").padEnd(52)} ${kb(sum("raw"))} ${kb(sum("gzip"))} ${kb(sum("br"))}`);
  return { gzip: sum("gzip"), br: sum("br") };
};
// The PNG icons are not precached (scripts/finish-build.mjs): fetched only when installing.
const principal = table("The principal's first load", rows.filter((r) => !r.file.startsWith("county/") && !/^icons\/.*\.png$/.test(r.file)));
const county = table("County mode (loaded when it is opened)", rows.filter((r) => r.file.startsWith("county/")));
const k = (n) => (n / 1024).toFixed(1);
console.log(`\nfirst-load total: ${k(principal.gzip)} KB gzip, ${k(principal.br)} KB brotli, of a ${BUDGET_KB} KB budget (${principal.br / 1024 <= BUDGET_KB ? "within" : "OVER"})`);
console.log(`county mode total: ${k(county.gzip)} KB gzip, ${k(county.br)} KB brotli, on opening county mode`);
