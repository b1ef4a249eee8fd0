// Benchmark, not a test: 1,000 school files dropped into county mode in the browser.
// Prints the time to verify, re-score and aggregate them once they are read (target ≤ 1 s),
// as the app measures it. Needs a release build in dist/.
//   node scripts/bench-county.mjs [FILES]
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve } from "../tests/e2e/helpers.mjs";

const N = Number(process.argv[2] || 1000);
const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));
const examples = readdirSync(EXAMPLES).sort();
const dir = mkdtempSync(join(tmpdir(), "ziping-county-bench-"));
const files = [];
for (let n = 0; n < N; n++) {
  const src = join(EXAMPLES, examples[n % examples.length]);
  const dst = join(dir, `${String(n).padStart(4, "0")}.json`);
  copyFileSync(src, dst);
  files.push(dst);
}
const server = await serve();
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByTestId("county-mode").click();
  const t0 = Date.now();
  await page.getByTestId("county-files").setInputFiles(files);
  const summary = page.getByTestId("county-summary");
  await summary.waitFor({ timeout: 120000 });
  const wall = Date.now() - t0;
  const ms = Number(await summary.getAttribute("data-compute-ms"));
  console.log(`${N} files: verify + re-score + aggregate in the browser ${ms.toFixed(0)} ms after reading (target ≤ 1000 ms); ${wall} ms from picking to the table`);
  console.log(await summary.textContent());
} finally {
  await browser.cleanup();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
