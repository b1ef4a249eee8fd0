// Each page's first view before the wasm arrives, put into its HTML by scripts/post-build.mjs:
//  - static/prerender.html, the principal's start page as the app renders it for a first visit
//    (header, start page without the drafts list and the offline line, no test ids);
//  - static/prerender-county.html, county mode as it draws itself for a first visit (nothing
//    picked, no county settings).
// These tests keep both true: when either page changes, they fail and say how to write the
// snapshots again:
//   ZIPING_WRITE_PRERENDER=1 node --test tests/e2e/prerender.test.mjs   (then scripts/build)
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { ROOT, appReady, holdWasm, launch, serve, screenshot, withFailureShot } from "./helpers.mjs";

const SNAPSHOT = join(ROOT, "static/prerender.html");
const COUNTY_SNAPSHOT = join(ROOT, "static/prerender-county.html");

/** `live` is what the snapshot at `path` holds, or (ZIPING_WRITE_PRERENDER) becomes it. */
function snapshot(t, path, live, what) {
  const name = relative(ROOT, path);
  if (process.env.ZIPING_WRITE_PRERENDER) {
    writeFileSync(path, live + "\n");
    t.diagnostic(`wrote ${name}: run scripts/build, then this test again`);
    return "written";
  }
  assert.equal(
    readFileSync(path, "utf8").trim(),
    live,
    `${name} is not ${what}: write it again with ZIPING_WRITE_PRERENDER=1 node --test ` +
      "tests/e2e/prerender.test.mjs, then scripts/build",
  );
  return "checked";
}

/** What the app shows a first visitor, as it goes into index.html. */
const capture = () => {
  const root = document.getElementById("app").cloneNode(true);
  // What depends on this computer (drafts kept here, the service worker) is left to the app.
  root.querySelector('section[aria-labelledby="drafts-heading"]')?.remove();
  root.querySelector('[data-testid="offline-status"]')?.remove();
  for (const el of root.querySelectorAll("[data-testid]")) el.removeAttribute("data-testid");
  return root.innerHTML;
};

test("the start page shows before the wasm arrives, and is the app's own", { timeout: 120000 }, async (t) => {
  const server = await serve();
  const browser = await launch();
  const page = await browser.context.newPage();
  try {
    await withFailureShot(t, page, async () => {
      // What the app renders for a first visit is what index.html shows before it runs.
      await page.goto(server.url);
      await appReady(page);
      assert.equal(await page.locator("#prerender").count(), 0, "the app took over");
      const live = await page.evaluate(capture);
      if (snapshot(t, SNAPSHOT, live, "the start page the app renders now") === "written") return;

      // A first visit (a new profile: no service worker yet) on a line so slow the wasm does
      // not come: the start page is there anyway.
      const fresh = await launch();
      t.after(() => fresh.cleanup());
      const slow = await fresh.context.newPage();
      const release = await holdWasm(slow);
      await slow.goto(server.url);
      const heading = slow.locator("#prerender h2");
      await heading.waitFor();
      assert.equal(await heading.textContent(), "开始自评");
      assert.equal(await slow.locator("#app").isVisible(), false, "the app's root waits hidden");
      // Nothing there can be used before the app runs: a click would do nothing, a file picked
      // would be lost.
      const controls = slow.locator("#prerender button, #prerender input");
      assert.ok((await controls.count()) >= 4);
      for (const control of await controls.all()) assert.equal(await control.isDisabled(), true);
      await screenshot(slow, "prerender-before-wasm");
      // Someone on the keyboard has moved on before the app runs: past the skip link to a
      // link of the page.
      await slow.keyboard.press("Tab");
      await slow.keyboard.press("Tab");
      const focused = () =>
        slow.evaluate(() => {
          const el = document.activeElement;
          return { inApp: !!el?.closest("#app"), tag: el?.tagName, href: el?.getAttribute("href"), text: el?.textContent };
        });
      const before = await focused();
      assert.equal(before.tag, "A", "a link of the first view has the focus");

      // The wasm arrives: the app takes over, one start page on the screen, and the focus is
      // where it was (not thrown back to the top of the page).
      release();
      await appReady(slow);
      assert.equal(await slow.locator("#prerender").count(), 0);
      assert.equal(await slow.locator("h2", { hasText: "开始自评" }).count(), 1);
      assert.deepEqual(await focused(), { ...before, inApp: true }, "the same link has the focus, in the app");
      await slow.close();

      // Someone who chose English (or has a draft to go back to) is not shown the Chinese
      // first-visit page while the app loads. A profile of its own: in `fresh`, the service
      // worker the first page installed may serve the wasm itself, past the hold (it did in a
      // full run on a busy machine, and the app had taken over before the first look).
      const other = await launch();
      t.after(() => other.cleanup());
      const english = await other.context.newPage();
      await english.addInitScript(() => localStorage.setItem("ziping.prefs.v1", JSON.stringify({ lang: "en" })));
      const releaseEnglish = await holdWasm(english);
      await english.goto(server.url);
      await english.locator("#prerender").waitFor({ state: "attached" });
      assert.equal(await english.locator("#prerender").isVisible(), false);
      releaseEnglish();
      await english.getByTestId("start-page").waitFor();
      assert.equal(await english.locator("h2").first().textContent(), "Start a self-assessment");
      await english.close();
    });
  } finally {
    await page.close();
    await browser.cleanup();
    await server.stop();
  }
});

test("county mode shows its page before the wasm arrives, and it is county mode's own", { timeout: 120000 }, async (t) => {
  const server = await serve();
  const browser = await launch();
  const page = await browser.context.newPage();
  try {
    await withFailureShot(t, page, async () => {
      await page.goto(server.url + "county/");
      await page.getByTestId("county-page").waitFor();
      assert.equal(await page.locator("#prerender").count(), 0, "county mode took over");
      const live = await page.evaluate(capture);
      if (snapshot(t, COUNTY_SNAPSHOT, live, "the page county mode draws now") === "written") return;

      // A first visit on a line so slow the wasm does not come: the page is there, in Chinese,
      // nothing on it usable until county mode runs.
      const fresh = await launch();
      t.after(() => fresh.cleanup());
      const slow = await fresh.context.newPage();
      const release = await holdWasm(slow);
      await slow.goto(server.url + "county/");
      const heading = slow.locator("#prerender h2");
      await heading.waitFor();
      assert.equal(await heading.textContent(), "县级汇总");
      assert.equal(await slow.locator("#app").isVisible(), false, "county mode's root waits hidden");
      const controls = slow.locator("#prerender button, #prerender input, #prerender select, #prerender textarea");
      assert.ok((await controls.count()) >= 4);
      for (const control of await controls.all()) assert.equal(await control.isDisabled(), true);
      // It says it is loading; a file dropped now is said not to be taken.
      const loading = slow.locator("#prerender [role=status]");
      assert.equal(await loading.textContent(), "正在载入，请稍候…");
      assert.equal(await slow.locator("#prerender").getAttribute("aria-busy"), "true");
      await slow.evaluate(() => {
        const data = new DataTransfer();
        data.items.add(new File(["{}"], "城关小学.json", { type: "application/json" }));
        document.querySelector("#prerender main").dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));
      });
      assert.match(await loading.textContent(), /还在载入，拖入的文件没有读取/);
      await screenshot(slow, "prerender-county-before-wasm");
      await slow.setViewportSize({ width: 390, height: 844 });
      await screenshot(slow, "prerender-county-before-wasm-390");
      // Someone on the keyboard takes the skip link before county mode runs: the page's main
      // part has the focus.
      await slow.keyboard.press("Tab");
      await slow.keyboard.press("Enter");
      const focused = () => slow.evaluate(() => ({ id: document.activeElement?.id, inApp: !!document.activeElement?.closest("#app") }));
      assert.deepEqual(await focused(), { id: "main", inApp: false });
      // …and reads on, down to the foot of the page (the wheel, not the keyboard).
      await slow.mouse.move(195, 400);
      await slow.mouse.wheel(0, 5000);
      await slow.waitForFunction(() => window.scrollY > 0);
      const scrolled = await slow.evaluate(() => window.scrollY);

      // The wasm arrives: county mode takes over, one page on the screen, its pickers working,
      // and the focus still on its main part.
      release();
      await slow.getByTestId("county-page").waitFor();
      assert.equal(await slow.locator("#prerender").count(), 0);
      assert.deepEqual(await focused(), { id: "main", inApp: true }, "the focus stays on the main part, in county mode");
      assert.equal(await slow.evaluate(() => window.scrollY), scrolled, "the page does not jump");
      assert.equal(await slow.locator("h2", { hasText: "县级汇总" }).count(), 1);
      assert.equal(await slow.getByTestId("county-files").isDisabled(), false);
      await slow.close();

      // An officer who closes 县级设置 in the first view finds it closed in county mode, and
      // it opens again on a click.
      const closingProfile = await launch();
      t.after(() => closingProfile.cleanup());
      const closing = await closingProfile.context.newPage();
      const releaseClosing = await holdWasm(closing);
      await closing.goto(server.url + "county/");
      await closing.locator("#prerender summary").click();
      assert.equal(await closing.locator("#prerender details").evaluate((d) => d.open), false);
      releaseClosing();
      await closing.locator("#prerender").waitFor({ state: "detached" });
      const settingsPanel = closing.getByTestId("county-settings");
      await closing.waitForTimeout(300);
      assert.equal(await settingsPanel.evaluate((d) => d.open), false, "县级设置 stays closed");
      await settingsPanel.locator("summary").click();
      await closing.waitForFunction(() => document.querySelector('[data-testid="county-settings"]').open);
      await closing.close();

      // 制作县级清单 is not shown the summary while it loads (a profile of its own: in this one
      // the service worker now serves the wasm, past the hold).
      const another = await launch();
      t.after(() => another.cleanup());
      const making = await another.context.newPage();
      const releaseMaking = await holdWasm(making);
      await making.goto(server.url + "county/#checklist");
      await making.locator("#prerender").waitFor({ state: "attached" });
      assert.equal(await making.locator("#prerender").isVisible(), false);
      releaseMaking();
      await making.locator("#prerender").waitFor({ state: "detached" });
      await making.close();

      // An officer with county settings kept here is not told 未设置 while county mode loads.
      const another2 = await launch();
      t.after(() => another2.cleanup());
      const officer = await another2.context.newPage();
      await officer.addInitScript(() => localStorage.setItem("ziping.county-settings.v1", "true"));
      const releaseOfficer = await holdWasm(officer);
      await officer.goto(server.url + "county/");
      await officer.locator("#prerender").waitFor({ state: "attached" });
      assert.equal(await officer.locator("#prerender").isVisible(), false);
      releaseOfficer();
      await officer.getByTestId("county-page").waitFor();
      await officer.close();
    });
  } finally {
    await page.close();
    await browser.cleanup();
    await server.stop();
  }
});
