// The shell: start page in Chinese, English toggle, installable PWA, strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appReady, launch, ROOT, screenshot, withFailureShot, sharedSession } from "./helpers.mjs";

const session = sharedSession();

test("the start page is in Chinese and the toggle switches to English and back", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await page.goto(session.server.url);
    await appReady(page);
    assert.equal(await page.getByTestId("app-name").textContent(), "自评");
    assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
    assert.match(await page.getByTestId("start-page").textContent(), /开始自评/);
    // The built-in checklists are embedded and listed with their item counts.
    const counts = {};
    for (const id of ["yzjh-school", "zlpj-school"]) {
      const card = page.getByTestId(`checklist-${id}`);
      counts[id] = Number(await card.getByTestId("item-count").textContent());
    }
    assert.ok(counts["yzjh-school"] > 20 && counts["zlpj-school"] > 50, JSON.stringify(counts));
    assert.match(await page.getByTestId("checklist-yzjh-school").textContent(), /县域义务教育优质均衡发展/);
    await screenshot(page, "start-zh");

    await page.getByTestId("lang-toggle").click();
    await page.getByText("Start a self-assessment", { exact: true }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await screenshot(page, "start-en");

    // The choice is remembered across a reload.
    await page.reload();
    await appReady(page);
    assert.match(await page.getByTestId("start-page").textContent(), /Start a self-assessment/);
    await page.getByTestId("lang-toggle").click();
    await page.getByText("开始自评", { exact: true }).waitFor();
  });
  await page.close();
});

test("the language toggle is reachable and usable from the keyboard", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await page.goto(session.server.url);
    await appReady(page);
    // Tab order: skip link first, then the toggle.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "lang-toggle");
    await page.keyboard.press("Enter");
    await page.getByText("Start a self-assessment", { exact: true }).waitFor();
    await page.keyboard.press("Enter");
    await page.getByText("开始自评", { exact: true }).waitFor();
  });
  await page.close();
});

test("the web manifest is Chinese-first and its icons are served", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await page.goto(session.server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const res = await page.request.get(new URL(href, session.server.url).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-type"], /manifest\+json/);
    const manifest = await res.json();
    assert.equal(manifest.lang, "zh-CN");
    assert.match(manifest.name, /自评/);
    assert.equal(manifest.display, "standalone");
    const sizes = manifest.icons.map((i) => i.sizes);
    assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), "192 and 512 icons");
    for (const icon of manifest.icons) {
      const r = await page.request.get(new URL(icon.src, session.server.url).href);
      assert.equal(r.status(), 200, icon.src);
      assert.equal(r.headers()["content-type"], icon.type, icon.src);
    }
  });
  await page.close();
});

test("the built page has a strict CSP and no inline script", async (t) => {
  const html = readFileSync(join(ROOT, "dist/index.html"), "utf8");
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, "a CSP meta tag");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|https?:|\*/);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
  assert.equal(inline.length, 0, `inline scripts: ${inline.map((m) => m[0]).join(", ")}`);

  // And the page really runs under it: no violation is reported while it starts.
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    const violations = [];
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.goto(session.server.url);
    await appReady(page);
    assert.deepEqual(violations, []);
  });
  await page.close();
});

test("when the app cannot start, the page says why in Chinese instead of staying blank", async (t) => {
  // Fresh profiles (no service worker yet).
  const browser = await launch();
  try {
    // The wasm's download cut off: check the network and reload.
    const cut = await browser.context.newPage();
    await withFailureShot(t, cut, async () => {
      await cut.route("**/*.wasm", (route) => route.abort());
      await cut.goto(session.server.url);
      const message = cut.getByTestId("boot-error");
      await message.waitFor();
      assert.match(await message.textContent(), /没有下载完整.*请检查网络后刷新页面/);
      assert.equal(await message.getAttribute("role"), "alert");
      await screenshot(cut, "boot-error-network");
    });
    await cut.close();
    // A browser without WebAssembly: which browser to use instead.
    const old = await browser.context.newPage();
    await withFailureShot(t, old, async () => {
      await old.addInitScript(() => delete window.WebAssembly);
      await old.goto(session.server.url);
      const message = old.getByTestId("boot-error");
      await message.waitFor();
      assert.match(await message.textContent(), /无法在这个浏览器中启动.*极速模式/);
      await screenshot(old, "boot-error-browser");
    });
    await old.close();
    // The app starts, then fails before it has drawn (its first view from the HTML is still
    // there, every control disabled): the page says so, not a page that looks ready.
    const broken = await browser.context.newPage();
    await withFailureShot(t, broken, async () => {
      // (The start page, drawn once the drafts are read, is made of sections; the message is not.)
      await broken.addInitScript(() =>
        addEventListener("TrunkApplicationStarted", () => {
          const create = Document.prototype.createElement;
          Document.prototype.createElement = function (tag, options) {
            if (tag === "section") throw new Error("no sections in this browser");
            return create.call(this, tag, options);
          };
        }),
      );
      await broken.goto(session.server.url);
      const message = broken.getByTestId("boot-error");
      await message.waitFor({ timeout: 20000 });
      assert.match(await message.textContent(), /无法在这个浏览器中启动/);
      assert.equal(await broken.locator("#prerender").count(), 1);
      await screenshot(broken, "boot-error-after-start");
    });
    await broken.close();
  } finally {
    await browser.cleanup();
  }
});
