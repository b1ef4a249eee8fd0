// The start page before the wasm arrives: static/prerender.html is the app's own first render
// for a first visit (header, start page without the drafts list and the offline line, no test
// ids), put into index.html by scripts/post-build.mjs. This test keeps it true: when the start
// page changes, it fails and says how to write the snapshot again:
//   ZIPING_WRITE_PRERENDER=1 node --test tests/e2e/prerender.test.mjs   (then scripts/build)
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, appReady, holdWasm, launch, serve, screenshot, withFailureShot } from "./helpers.mjs";

const SNAPSHOT = join(ROOT, "static/prerender.html");

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
      if (process.env.ZIPING_WRITE_PRERENDER) {
        writeFileSync(SNAPSHOT, live + "\n");
        t.diagnostic("wrote static/prerender.html: run scripts/build, then this test again");
        return;
      }
      assert.equal(
        readFileSync(SNAPSHOT, "utf8").trim(),
        live,
        "static/prerender.html is not the start page the app renders now: write it again with " +
          "ZIPING_WRITE_PRERENDER=1 node --test tests/e2e/prerender.test.mjs, then scripts/build",
      );

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

      // The wasm arrives: the app takes over, one start page on the screen.
      release();
      await appReady(slow);
      assert.equal(await slow.locator("#prerender").count(), 0);
      assert.equal(await slow.locator("h2", { hasText: "开始自评" }).count(), 1);
      await slow.close();

      // Someone who chose English (or has a draft to go back to) is not shown the Chinese
      // first-visit page while the app loads.
      const english = await fresh.context.newPage();
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
