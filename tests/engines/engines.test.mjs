// The release build in every engine principals and county offices have (drivers.mjs): the start
// page in Chinese, a new draft, a number typed key by key, a reload that keeps it, and county
// mode reading the example files through its workers, on its wide page. Chromium 86 and 92 do
// not know 'wasm-unsafe-eval': they must land on legacy.html (scripts/compat.js), every newer
// engine on the page with the strict policy. Screenshots go to test-results/engines/.
// Run by scripts/test under xvfb-run (WebKit has no headless mode):
//   xvfb-run -a node --test --test-concurrency=1 tests/engines/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, serve } from "../e2e/helpers.mjs";
import { ENGINES, available } from "./drivers.mjs";

const SHOTS = join(ROOT, "test-results/engines");
const EXAMPLES = join(ROOT, "examples");
// Engines that know 'wasm-unsafe-eval' (Chromium 97+, Firefox 102+, Safari 16+) never need the
// legacy page.
const NEEDS_LEGACY = new Set(["chromium-86", "chromium-92"]);
const ONLY = process.env.ZIPING_ENGINES ? new Set(process.env.ZIPING_ENGINES.split(",")) : null;

let server;
before(async () => {
  server = await serve();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => server.stop());

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, check, timeout = 30000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await check().catch((e) => e.message);
    if (last === true) return;
    await sleep(150);
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeout} ms`);
}

// WebKitWebDriver now and then loses its browser mid-run ("invalid session id", once in about
// ten full runs, while county mode read the files; the same build then passed alone and in the
// next runs): that run is tried once more, and said in the output, so the driver's loss is
// seen without failing a build the engine itself passed.
const DRIVER_LOST = /invalid session id|session (?:deleted|not created)|ECONNRESET|socket hang up/i;

for (const engine of ENGINES.filter((e) => !ONLY || ONLY.has(e.name))) {
  test(`${engine.name} (${engine.stands_for}): start, type, reload, county mode`, { timeout: 360000 }, async () => {
    assert.ok(available(engine), `${engine.name} is not installed (scripts/setup --browser), or no DISPLAY for WebKit`);
    try {
      await walk(engine);
    } catch (e) {
      if (engine.name !== "webkitgtk" || !DRIVER_LOST.test(String(e && e.message))) throw e;
      console.log(`# ${engine.name}: the driver lost its browser (${e.message}); the walk once more`);
      await walk(engine);
    }
  });
}

async function walk(engine) {
  const b = await engine.launch();
  const shot = (what) => b.screenshot(join(SHOTS, `${engine.name}-${what}.png`)).catch(() => {});
  try {
    console.log(`# ${engine.name}: ${b.version}`);
    // The start page, in Chinese, on the page with the policy this engine understands.
    await b.goto(server.url);
    await b.wait('[data-testid="start-page"]', 60000);
    const url = await b.url();
    assert.equal(url.endsWith("/legacy.html"), NEEDS_LEGACY.has(engine.name), `${engine.name} opened ${url}`);
    assert.equal(await b.eval("document.documentElement.lang"), "zh-CN");
    assert.match(await b.text('[data-testid="start-page"]'), /[\u4e00-\u9fff]{4}/);
    assert.equal(await b.eval("!!document.querySelector('[data-testid=\"boot-error\"]')"), false);
    await shot("start");

    // A new draft; a number typed key by key, then Tab.
    await b.click('[data-testid="new-yzjh-school"]');
    await b.wait('[data-testid="profile-page"]');
    await b.type('[data-testid="profile-school_name"]', "Engine School");
    await b.click('[data-testid="type-primary"]');
    await b.click('[data-testid="tab-fill"]');
    await b.wait('[data-testid="input-students"]');
    await b.type('[data-testid="input-students"]', "1234");
    await b.press("Tab");
    assert.equal(await b.value('[data-testid="input-students"]'), "1234");
    await shot("fill");

    // Saved within a second or so of the last keystroke; a reload brings it back.
    await until("the draft saved", async () =>
      (await b.eval("!!document.querySelector('[data-testid=\"save-status\"] .save.ok')")) || (await b.text('[data-testid="save-status"]')));
    await b.reload();
    await b.wait('[data-testid="input-students"]', 60000);
    assert.equal(await b.value('[data-testid="input-students"]'), "1234", "the number typed survives a reload");

    // The report printed: no page ends with a heading, or a table's head, whose content is
    // on the next page (Chromium 86 ignores break-after: avoid).
    if (engine.name.startsWith("chromium")) {
      await b.click('[data-testid="tab-report"]');
      await b.wait('[data-testid="report-page"]');
      const file = join(SHOTS, `${engine.name}-report.pdf`);
      await b.pdf(file);
      const heads = JSON.parse(await b.eval(`JSON.stringify([
        ...[...document.querySelectorAll(".report-section h3, .report-section h4")].map((h) => h.innerText),
        ...[...document.querySelectorAll(".report-section thead tr")].map((r) => [...r.cells].map((c) => c.innerText).join(" ")),
      ].map((t) => t.replace(/\\s+/g, " ").trim()))`));
      const pages = Number(execFileSync("pdfinfo", [file]).toString().match(/Pages:\s+(\d+)/)[1]);
      for (let n = 1; n < pages; n++) {
        const lines = execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", file, "-"]).toString()
          .split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l && !/^\d+ \/ \d+$/.test(l));
        const last = lines[lines.length - 1];
        assert.ok(!heads.includes(last), `page ${n} of ${pages} ends with “${last}”, its content on the next page`);
      }
    }

    // County mode: the three example submissions, read by its workers.
    await b.goto(new URL("county/", server.url).href);
    await b.wait('[data-testid="county-page"]', 60000);
    const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith(".json")).sort().map((f) => join(EXAMPLES, f));
    await b.setFiles('[data-testid="county-files"]', examples);
    await until("county mode read the files", async () => {
      const text = await b.text('[data-testid="county-summary"]');
      return text.includes(`共 ${examples.length} 个文件`) && text.includes(`正常 ${examples.length}`) || text;
    }, 60000);
    // County mode's wide page (its table) without `:has()`, which Chromium before 105 lacks.
    assert.equal(await b.eval("getComputedStyle(document.getElementById('main')).maxWidth"), "1280px");
    await shot("county");
  } catch (e) {
    await shot("FAILED");
    if (b.errors.length) console.log(`# ${engine.name} page errors:\n#   ${b.errors.slice(0, 10).join("\n#   ")}`);
    throw e;
  } finally {
    await b.close().catch(() => {});
  }
}
