// Lighthouse (mobile: simulated slow 4G, 4x CPU slowdown) on what `scripts/serve` sends: the
// release build in dist/, through scripts/static-server.mjs (precompressed files). Prints the
// performance score, first and largest contentful paint, total blocking time and the bytes
// transferred, for the principal's page and county mode, each the median of RUNS runs.
// A benchmark: it prints, it never fails on a number.
//   node scripts/bench-lighthouse.mjs [RUNS]      (after scripts/build; installs Lighthouse
//                                                  12.2.3 into scripts/bench/ on first use)
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;
const BENCH = join(ROOT, "scripts/bench");
const RUNS = Number(process.argv[2] || 3);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

if (!existsSync(join(BENCH, "node_modules/lighthouse"))) {
  console.error("bench-lighthouse: installing Lighthouse from scripts/bench/package-lock.json");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: BENCH, stdio: "inherit" });
}

const server = spawn(process.execPath, [join(ROOT, "scripts/static-server.mjs"), join(ROOT, "dist"), "--port", "0"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const base = await new Promise((resolve) =>
  server.stdout.on("data", (chunk) => {
    const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString());
    if (m) resolve(m[1]);
  }),
);

function lighthouse(url) {
  const dir = mkdtempSync(join(tmpdir(), "ziping-lh-"));
  const out = join(dir, "report.json");
  try {
    execFileSync(
      process.execPath,
      [
        join(BENCH, "node_modules/lighthouse/cli/index.js"),
        url,
        "--only-categories=performance",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir=${join(dir, "profile")}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "ignore", "inherit"] },
    );
    const report = JSON.parse(readFileSync(out, "utf8"));
    const audit = (id) => report.audits[id]?.numericValue;
    return {
      score: Math.round(report.categories.performance.score * 100),
      fcp: audit("first-contentful-paint"),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      bytes: audit("total-byte-weight"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Lighthouse 12.2.3, mobile (simulated slow 4G, 4x CPU), median of ${RUNS} runs, ${CHROMIUM}`);
console.log(`${"page".padEnd(22)} ${"score".padStart(6)} ${"FCP s".padStart(7)} ${"LCP s".padStart(7)} ${"TBT ms".padStart(7)} ${"KB sent".padStart(8)}`);
try {
  for (const [name, path] of [["principal (/)", ""], ["county mode (/county/)", "county/"]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(lighthouse(base + path));
    const m = (k) => median(runs.map((r) => r[k]));
    console.log(
      `${name.padEnd(22)} ${String(m("score")).padStart(6)} ${(m("fcp") / 1000).toFixed(1).padStart(7)} ` +
        `${(m("lcp") / 1000).toFixed(1).padStart(7)} ${m("tbt").toFixed(0).padStart(7)} ${(m("bytes") / 1024).toFixed(0).padStart(8)}`,
    );
  }
} finally {
  server.kill();
}
