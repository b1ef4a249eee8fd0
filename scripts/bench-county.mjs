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
// --profile FILE also records a CPU profile of the page's thread from the pick to the table
// (FILE-N.cpuprofile for N files, opens in Chromium's DevTools) and prints the functions it spent most time in
// (named only in a build that keeps the wasm's names).
// --trace FILE records a Chromium trace from the pick to the table (FILE-N.json for N files,
// for chrome://tracing or DevTools) and prints where the page's thread spent its time, by event
// (layout, style, script, messages…).
// --drop drops the folder on the page (read through its entries) instead of picking the files
// (which makes the browser build one list of all of them first). --folder chooses it with
// 选择文件夹 where the browser hands over the folder's handle: the files are first copied into
// the site's private folder in the browser (not timed), whose handle showDirectoryPicker then
// returns, as the browser's own dialog would.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dropPaths, launch, serve } from "../tests/e2e/helpers.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const sizes = process.argv.slice(2).filter((a, i, all) => !["--profile", "--trace", "--wait", "--cores"].includes(all[i - 1])).map(Number).filter((n) => n > 0);
const dropping = process.argv.includes("--drop");
const choosing = process.argv.includes("--folder");
const profiling = process.argv.includes("--profile") ? process.argv[process.argv.indexOf("--profile") + 1] : null;
const tracing = process.argv.includes("--trace") ? process.argv[process.argv.indexOf("--trace") + 1] : null;
// --cores N: the page sees N cores (navigator.hardwareConcurrency) and starts as many workers.
const asCores = process.argv.includes("--cores") ? Number(process.argv[process.argv.indexOf("--cores") + 1]) : 0;
// --wait MS: how long after the page opens the files are chosen (default 1000).
const waitMs = Number(process.argv.includes("--wait") ? process.argv[process.argv.indexOf("--wait") + 1] : 1000) || 1000;
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

// Writes the profile and prints the 25 functions with the most time of their own.
function printProfile(profile, file) {
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}`;
    self.set(key, (self.get(key) || 0) + (profile.timeDeltas[i] || 0) / 1000);
  });
  const top = [...self].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`  profile in ${file}; most time of their own (ms):`);
  for (const [k, ms] of top) console.log(`    ${ms.toFixed(1).padStart(8)}  ${k.slice(0, 140)}`);
}

// Ends a trace started on `cdp` and returns it.
async function endTracing(cdp) {
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.end");
  const { stream } = await done;
  let text = "";
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send("IO.read", { handle: stream, size: 1 << 22 });
    text += base64Encoded ? Buffer.from(data, "base64").toString() : data;
    if (eof) break;
  }
  await cdp.send("IO.close", { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? { traceEvents: parsed } : parsed;
}

// Prints the time of the page's thread by event, counting each moment once (in the innermost
// event that covers it), for the 25 largest.
function printTrace(trace, file) {
  writeFileSync(file, JSON.stringify(trace));
  const events = trace.traceEvents;
  // The renderer's main thread that ran the most (the page's, not another tab's).
  const mains = events.filter((e) => e.name === "thread_name" && e.args.name === "CrRendererMain");
  const ran = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === "X").reduce((s, e) => s + (e.dur || 0), 0);
  const main = mains.sort((a, b) => ran(b) - ran(a))[0];
  const spans = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) stack.pop();
  };
  for (const e of spans) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) self.set(parent.key, (self.get(parent.key) || 0) - e.dur / 1000);
    const key = e.name === "FunctionCall" || e.name === "EvaluateScript" ? `${e.name} ${(e.args?.data?.functionName || e.args?.data?.url || "").slice(-40)}` : e.name;
    self.set(key, (self.get(key) || 0) + e.dur / 1000);
    stack.push({ key, end: e.ts + e.dur });
  }
  console.log(`  trace in ${file}; the page's thread by event, time of its own (ms):`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${ms.toFixed(1).padStart(8)}  ${k}`);
  // Background work the page's thread does not show: the engine compiling WebAssembly (in the
  // page's process, for the page and its workers), the browser process's file streams
  // (reading the files, keeping them in IndexedDB).
  const pool = (test) => events.filter((e) => e.name === "ThreadPool_RunTask" && e.dur && test(e.args?.src_file || "")).reduce((s, e) => s + e.dur / 1000, 0);
  const compiling = pool((f) => f.includes("wasm/module-compiler"));
  const streams = pool((f) => f.includes("file_stream_context"));
  console.log(`  compiling WebAssembly ${compiling.toFixed(0)} ms; file streams ${streams.toFixed(0)} ms`);
}

const server = await serve();
const browser = await launch();
try {
  for (const n of sizes.length ? sizes : [1000, 10000]) {
    const dir = folder(n);
    const page = await browser.context.newPage();
    if (asCores) await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => n }), asCores);
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
    // Let the workers start before the clock does (they start with the page), as the officer
    // chooses files in the browser's dialog.
    await page.waitForTimeout(waitMs);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const busy = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value * 1000;
    if (profiling) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    if (tracing) await cdp.send("Tracing.start", { transferMode: "ReturnAsStream", traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink", "toplevel", "__metadata", "v8.wasm", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.wasm.turbofan"] } });
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
    if (tracing) printTrace(await endTracing(cdp), `${tracing}-${n}.json`);
    if (profiling) printProfile((await cdp.send("Profiler.stop")).profile, `${profiling}-${n}.cpuprofile`);
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
