// Prints what the release build costs to load, raw and gzip-compressed, per file:
//  - the principal's first load: every file outside county/ (the service worker fetches all of
//    them on the first visit), against the 250 KB gzip budget;
//  - county mode, listed separately: loaded only when county mode is opened.
// A benchmark: it prints, it never fails the build.
//   node scripts/size.mjs [DIR]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] || "dist";
const BUDGET_KB = 250;
const rows = [];
const walk = (d) => {
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else {
      const raw = readFileSync(p);
      rows.push({ file: relative(dir, p).split(sep).join("/"), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
    }
  }
};
walk(dir);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const table = (title, list) => {
  console.log(`\n${title}`);
  console.log(`${"file".padEnd(52)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}`);
  for (const r of [...list].sort((a, b) => b.gzip - a.gzip)) console.log(`${r.file.padEnd(52)} ${kb(r.raw)} ${kb(r.gzip)}`);
  const raw = list.reduce((s, r) => s + r.raw, 0);
  const gz = list.reduce((s, r) => s + r.gzip, 0);
  console.log(`${("total (" + list.length + " files)").padEnd(52)} ${kb(raw)} ${kb(gz)}`);
  return gz;
};
const principal = table("The principal's first load", rows.filter((r) => !r.file.startsWith("county/")));
const county = table("County mode (loaded when it is opened)", rows.filter((r) => r.file.startsWith("county/")));
console.log(`\nfirst-load gzip total: ${(principal / 1024).toFixed(1)} KB of a ${BUDGET_KB} KB budget (${principal / 1024 <= BUDGET_KB ? "within" : "OVER"})`);
console.log(`county mode gzip total: ${(county / 1024).toFixed(1)} KB, on opening county mode`);
