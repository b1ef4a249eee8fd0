// Benchmark, not a test: county mode in the browser with N distinct schools' files (generated
// by `cargo run --release -p ziping-cli --example generate`, cached under target/bench-files/).
// Prints, per size: the time from picking the files to the table on screen, the app's own
// measure of reading + verifying + re-scoring + aggregating (data-compute-ms), and the
// longest task on the page's main thread (targets: 1,000 files ≤ 1 s to the table, ≤ 0.4 s of
// computation; 10,000 files ≤ 10 s, no task over 100 ms). Needs a release build in dist/.
//   node scripts/bench-county.mjs [--drop | --folder] [SIZES…]   (default: 1000 10000)
// Also printed, being steadier than times on a shared machine: how long the page's thread was
// busy (Chromium's own count) and the CPU time of every Chromium process (the page, its
// workers, the browser reading the files), both from the pick to the table.
// --drop drops the folder on the page (read through its entries) instead of picking the files
// (which makes the browser build one list of all of them first). --folder chooses it with
// 选择文件夹 where the browser hands over the folder's handle: the files are first copied into
// the site's private folder in the browser (not timed), whose handle showDirectoryPicker then
// returns, as the browser's own dialog would.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dropPaths, launch, serve } from "../tests/e2e/helpers.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const dropping = process.argv.includes("--drop");
const choosing = process.argv.includes("--folder");
const how = dropping ? "dropped as a folder" : choosing ? "chosen as a folder (its handle)" : "picked";

function folder(n) {
  const dir = join(ROOT, "target/bench-files", `county-${n}`);
  execFileSync("cargo", ["run", "-q", "--release", "-p", "ziping-cli", "--example", "generate", "--", dir, String(n), "1"], { cwd: ROOT, stdio: "inherit" });
  return dir;
}

// CPU time (user + system, ms) of Chromium's processes, from /proc, by kind: the browser
// process (which reads the files and keeps them in IndexedDB), the renderers (the page and
// its workers), the rest.
function chromiumCpuMs() {
  const tick = 100; // USER_HZ: 100 on Linux
  const by = { browser: 0, renderer: 0, other: 0 };
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!/chrom/i.test(name)) continue;
      const type = (readFileSync(`/proc/${pid}/cmdline`, "utf8").match(/--type=([a-z-]+)/) || [, "browser"])[1];
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
      by[type in by ? type : "other"] += ms;
    } catch {
      // A process that ended meanwhile.
    }
  }
  return by;
}

const server = await serve();
const browser = await launch();
try {
  for (const n of sizes.length ? sizes : [1000, 10000]) {
    const dir = folder(n);
    const page = await browser.context.newPage();
    await page.goto(server.url + "county/");
    await page.getByTestId("county-page").waitFor();
    // Long tasks on the page's thread from here on.
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) {
          window.__tasks.push([e.startTime, e.duration]);
        }
      }).observe({ type: "longtask" });
    });
    if (choosing) {
      const names = readdirSync(dir).sort();
      for (let at = 0; at < names.length; at += 200) {
        const some = names.slice(at, at + 200).map((name) => [name, readFileSync(join(dir, name), "utf8")]);
        await page.evaluate(async ({ n, some }) => {
          const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(`county-${n}`, { create: true });
          for (const [name, text] of some) {
            const writing = await (await folder.getFileHandle(name, { create: true })).createWritable();
            await writing.write(text);
            await writing.close();
          }
          window.showDirectoryPicker = async () => folder;
        }, { n, some });
      }
    }
    // Let the workers start before the clock does (they start with the page).
    await page.waitForTimeout(1000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const busy = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value * 1000;
    const [busy0, cpu0] = [await busy(), chromiumCpuMs()];
    const t0 = Date.now();
    const p0 = await page.evaluate(() => performance.now());
    if (dropping) {
      await dropPaths(page, [dir]);
    } else if (choosing) {
      await page.locator("label[for=county-folder]").click();
    } else {
      await page.getByTestId("county-files").setInputFiles(readdirSync(dir).sort().map((f) => join(dir, f)));
    }
    await page.getByTestId("county-table").waitFor({ timeout: 600000 });
    const wall = Date.now() - t0;
    const [busy1, cpu1] = [await busy(), chromiumCpuMs()];
    const ms = Number(await page.getByTestId("county-summary").getAttribute("data-compute-ms"));
    // From the pick on (copying a folder into the site's private folder comes before it).
    const tasks = (await page.evaluate(() => window.__tasks)).filter(([at]) => at >= p0);
    const longest = Math.max(0, ...tasks.map(([, d]) => d));
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`${n} files ${how} (${cores} workers): ${wall} ms from picking to the table; ${ms.toFixed(0)} ms reading + verifying + re-scoring + aggregating; longest main-thread task ${longest.toFixed(0)} ms`);
    const cpu = (k) => cpu1[k] - cpu0[k];
    console.log(`  page's thread busy ${(busy1 - busy0).toFixed(0)} ms; Chromium's CPU time ${cpu("browser") + cpu("renderer") + cpu("other")} ms (browser process ${cpu("browser")}, page and workers ${cpu("renderer")}, other ${cpu("other")})`);
    const top = tasks.sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(`  longest tasks (ms after picking: ms): ${top.map(([at, d]) => `${(at - p0).toFixed(0)}: ${d.toFixed(0)}`).join(", ")}`);
    console.log(`  ${await page.getByTestId("county-summary").textContent()}`);
    if (choosing) await page.evaluate(async (n) => (await navigator.storage.getDirectory()).removeEntry(`county-${n}`, { recursive: true }), n);
    await page.close();
  }
} finally {
  await browser.cleanup();
  await server.stop();
}
