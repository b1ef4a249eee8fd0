// Offline and privacy: after one visit the app opens with the server gone, and no request
// ever leaves the page's origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appReady, launch, screenshot, serve, visitOnline, withFailureShot } from "./helpers.mjs";

test("after one visit the app opens and works with the server gone", async (t) => {
  const server = await serve();
  const browser = await launch();
  const page = await browser.context.newPage();
  try {
    await withFailureShot(t, page, async () => {
      // The app says so once the service worker controls the page.
      await visitOnline(page, server.url);

      await server.stop(); // no network at all, not merely a flag
      await browser.context.setOffline(true);
      await page.reload();
      await appReady(page);
      assert.equal(await page.getByTestId("app-name").textContent(), "自评");
      await page.getByTestId("lang-toggle").click();
      await page.getByText("Start a self-assessment", { exact: true }).waitFor();
      await screenshot(page, "offline-reload");

      // A fresh tab on the same browser opens offline too.
      const second = await browser.context.newPage();
      await second.goto(server.url);
      await appReady(second);
      await second.close();
    });
  } finally {
    await browser.cleanup();
    await server.stop().catch(() => {});
  }
});

test("no request leaves the page's origin", async (t) => {
  const server = await serve();
  const browser = await launch();
  const origin = new URL(server.url).origin;
  const seen = [];
  // Context-level events include the service worker's own fetches.
  browser.context.on("request", (r) => seen.push(r.url()));
  const page = await browser.context.newPage();
  try {
    await withFailureShot(t, page, async () => {
      await visitOnline(page, server.url);
      await page.getByTestId("lang-toggle").click();
      await page.reload();
      await appReady(page);
      await page.waitForTimeout(500);
      assert.ok(seen.length > 3, `requests were recorded (${seen.length})`);
      const foreign = seen.filter((u) => !u.startsWith(origin + "/") && !/^(data|blob):/.test(u));
      assert.deepEqual(foreign, [], "requests to other origins");
      // Nor does a principal's visit fetch anything of county mode's (its own files, or the
      // JS it alone imports), not even into the service worker's cache.
      const countyOnly = seen.filter((u) => new URL(u).pathname.includes("county"));
      assert.deepEqual(countyOnly, [], "county mode's files fetched on a principal's visit");
    });
  } finally {
    await browser.cleanup();
    await server.stop();
  }
});

test("county mode opens offline after one visit, also at /county without its slash", async (t) => {
  const server = await serve();
  const browser = await launch();
  const page = await browser.context.newPage();
  try {
    await withFailureShot(t, page, async () => {
      await visitOnline(page, server.url);
      // County mode opened once online: the service worker keeps its files.
      await page.goto(new URL("county/", server.url).href);
      await page.getByTestId("county-page").waitFor();
      await page.waitForTimeout(1500);

      await server.stop();
      await browser.context.setOffline(true);
      // Typed without the slash: the service worker moves to county/ (its page's relative
      // addresses, the workers', need it), not to the principal's page.
      await page.goto(new URL("county", server.url).href);
      await page.getByTestId("county-page").waitFor();
      assert.ok(page.url().endsWith("/county/"), page.url());
    });
  } finally {
    await browser.cleanup();
    await server.stop().catch(() => {});
  }
});
