// Shared set-up for the end-to-end tests: serve dist/ on loopback, drive Debian's Chromium
// with playwright-core, save a screenshot of any failing test under test-results/.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const RESULTS = join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Reads a CSV as Excel would, with Python's csv module (UTF-8 with BOM): rows of cells. */
export function readCsv(file) {
  const script = "import csv,json,sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))";
  return JSON.parse(execFileSync("python3", ["-c", script, file]).toString());
}

/** Starts the static server on a free loopback port; resolves to { url, stop }. */
export function serve(dir = process.env.ZIPING_DIST || join(ROOT, "dist")) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts/static-server.mjs"), dir, "--port", "0"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((r) => child.once("exit", r));
    // Idempotent: a test may stop the server itself and again in its clean-up.
    const stop = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      return exited;
    };
    child.on("error", reject);
    child.stdout.on("data", (chunk) => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString());
      if (m) resolve({ url: m[1], stop });
    });
  });
}

/**
 * A persistent browser profile in a fresh temporary directory (service workers and storage
 * survive a restart of the browser on the same profile, as on a principal's computer).
 */
export async function launch(profileDir) {
  const dir = profileDir || mkdtempSync(join(tmpdir(), "ziping-profile-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 1200, height: 900 },
    locale: "zh-CN",
    serviceWorkers: "allow",
  });
  const cleanup = async () => {
    await context.close().catch(() => {});
    if (!profileDir) rmSync(dir, { recursive: true, force: true });
  };
  return { context, dir, cleanup };
}

/** Saves a screenshot named after the test; used on failure and for looking at pages. */
export async function screenshot(page, name) {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}

/** Runs `body(page)` and, if it throws, saves a screenshot before rethrowing. */
export async function withFailureShot(t, page, body) {
  try {
    await body();
  } catch (e) {
    const file = await screenshot(page, `FAILED-${t.name}`);
    console.error(`screenshot of the failure: ${file}`);
    throw e;
  }
}

/**
 * Drops `paths` (files or folders) on the page at (x, y) as a person dragging them from the file
 * manager does: real drag events, so a folder arrives as a folder entry.
 */
export async function dropPaths(page, paths, { x = 300, y = 200 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"]) await cdp.send("Input.dispatchDragEvent", { type, x, y, data });
  await cdp.detach();
}

/** Holds back every wasm download of `page` until the returned function is called (a line so
 * slow the app has not arrived). */
export async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/** Opens the app at `url` and waits until the service worker controls it (offline from then on). */
export async function visitOnline(page, url) {
  await page.goto(url);
  await appReady(page);
  await page.locator('[data-testid="offline-status"][data-ready="true"]').waitFor({ timeout: 20000 });
}

/** Opens the app and goes to the start page (the app reopens the last draft otherwise). */
export async function gotoStart(page, url) {
  await page.goto(url);
  await page.locator('[data-testid="start-page"], [data-testid="workspace"]').first().waitFor({ timeout: 20000 });
  if (await page.getByTestId("workspace").count()) await page.getByTestId("back-to-start").click();
  await appReady(page);
  await forgetCountyBatch(page);
}

/**
 * County mode keeps its batch in the browser until 清空; the tests of a file share a browser
 * profile, so each starts without the last one's batch.
 */
export async function forgetCountyBatch(page) {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open("ziping");
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains("county_files")) { db.close(); resolve(); return; }
      const tx = db.transaction(["county_files", "meta"], "readwrite");
      tx.objectStore("county_files").clear();
      tx.objectStore("meta").delete("county_batch");
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

/** Waits until the Yew app has rendered its start page. */
export async function appReady(page) {
  await page.getByTestId("start-page").waitFor({ state: "visible", timeout: 20000 });
}

/** Waits until an input shows `value` (for updates that arrive asynchronously). */
export async function waitForValue(locator, value, timeout = 5000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await locator.inputValue();
    if (last === value) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected the input to show ${JSON.stringify(value)}, it shows ${JSON.stringify(last)}`);
}

/** One server and one browser shared by the tests of a file: `session.server`, `session.browser`. */
export function sharedSession() {
  const session = {};
  before(async () => {
    session.server = await serve();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.cleanup();
    await session.server?.stop();
  });
  return session;
}

/**
 * For the typing benchmarks: from now on, times every keydown to the next animation frame (by
 * which the page is updated) and records the main thread's long tasks (> 50 ms).
 */
export async function timeKeystrokes(page) {
  await page.evaluate(() => {
    window.__keys = [];
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: "longtask" });
    document.addEventListener("keydown", () => {
      const t0 = performance.now();
      requestAnimationFrame(() => window.__keys.push(performance.now() - t0));
    }, true);
  });
}

/** What `timeKeystrokes` recorded: the times sorted, a percentile of them, the long tasks. */
export async function keystrokeTimes(page) {
  const result = await page.evaluate(() => ({ times: window.__keys, longTasks: window.__longTasks }));
  const times = result.times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((times.length - 1) * p))];
  return { times, pct, longTasks: result.longTasks };
}

/**
 * Opens a CSV the way a county officer's spreadsheet does: LibreOffice Calc (Debian's
 * libreoffice-calc-nogui, headless) imports it with its default detection (UTF-8, comma,
 * "detect special numbers" on, as the import dialog offers it), and the saved flat ODS is read
 * back cell by cell: rows of { type, text, formula } where type is what Calc made of the cell
 * (string, float, date, time, percentage, currency, boolean, or "" when empty).
 */
export function openInCalc(file, language = 2052) {
  const out = mkdtempSync(join(tmpdir(), "ziping-calc-"));
  // Tokens: comma, double quote, UTF-8 (76), from line 1, no column formats, the language
  // (2052 zh-CN reads "1-2" as a date, 1033 en-US reads "4/30" as one), quoted fields not
  // forced to text, detect special numbers (dates, times, scientific).
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${out}/profile`,
    `--infilter=CSV:44,34,76,1,,${language},false,true`, "--convert-to", "fods", "--outdir", out, file], { stdio: "pipe" });
  const fods = join(out, basename(file).replace(/\.csv$/, ".fods"));
  const script = `
import json, sys, xml.etree.ElementTree as ET
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
X = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
rows = []
for row in ET.parse(sys.argv[1]).iter("{%s}table-row" % T):
    cells = []
    for c in row:
        if c.tag not in ("{%s}table-cell" % T, "{%s}covered-table-cell" % T):
            continue
        text = "\\n".join("".join(p.itertext()) for p in c.iter("{%s}p" % X))
        cell = {"type": c.get("{%s}value-type" % O) or "", "text": text, "formula": c.get("{%s}formula" % T)}
        cells += [cell] * int(c.get("{%s}number-columns-repeated" % T) or 1)
    while cells and cells[-1]["type"] == "" and not cells[-1]["text"]:
        cells.pop()
    rows.append(cells)
while rows and not rows[-1]:
    rows.pop()
print(json.dumps(rows))`;
  return JSON.parse(execFileSync("python3", ["-c", script, fods], { maxBuffer: 64 << 20 }).toString());
}
