// Prints the first-load transfer of the release build: every file in dist/ (the service
// worker fetches all of them on the first visit), raw and gzip-compressed, and the total
// against the 250 KB gzip budget. A benchmark: it prints, it never fails the build.
//   node scripts/size.mjs [DIR]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
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
      rows.push({ file: relative(dir, p), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
    }
  }
};
walk(dir);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"file".padEnd(44)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}`);
for (const r of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`${r.file.padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)}`);
const raw = rows.reduce((s, r) => s + r.raw, 0);
const gz = rows.reduce((s, r) => s + r.gzip, 0);
console.log(`${"total (" + rows.length + " files)".padEnd(44)} ${kb(raw)} ${kb(gz)}`);
console.log(`first-load gzip total: ${(gz / 1024).toFixed(1)} KB of a ${BUDGET_KB} KB budget (${gz / 1024 <= BUDGET_KB ? "within" : "OVER"})`);
