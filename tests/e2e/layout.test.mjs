// Every page on a phone (390 px) and a desktop (1280 px), in Chinese and English: no page
// scrolls sideways, no field is narrower than 120 px, no short button label wraps, and a screenshot of each to look at
// (test-results/layout-*.png).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { gotoStart, ROOT, screenshot, sharedSession, withFailureShot } from "./helpers.mjs";
import { fillEverything, newDraft, PRIMARY_INPUTS, PRIMARY_NOT_MET, PRIMARY_NUMBERS, waitSaved } from "./principal.mjs";

const session = sharedSession();
const EXAMPLES = join(ROOT, "examples");

/** What is wrong with the page's layout at this width, if anything. */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      // Name the widest offenders, to know what to fix.
      const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.getClientRects().length)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
      problems.push(`scrolls sideways: ${doc.scrollWidth} > ${window.innerWidth} (${wide.join(", ")})`);
    }
    // A short button label broken over lines ("中/文" at 390 px) is unreadable.
    // (Buttons of one short text, outside tables, whose columns may be narrow on purpose.)
    for (const el of document.querySelectorAll("button, .button")) {
      const text = el.textContent.trim();
      if (!text || text.length > 6 || el.children.length || el.closest("table") || !el.getClientRects().length) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`the button “${text}” wraps over ${tops.size} lines`);
    }
    // On a desktop, a short column header of county mode's wide tables on one line (the
    // figures table gave 学段 30 % of its width and 学校数 36 px, one character a line).
    if (window.innerWidth >= 1000) {
      for (const th of document.querySelectorAll(".wide-table th")) {
        const text = th.textContent.trim();
        if (!text || text.length > 4 || !th.getClientRects().length) continue;
        const range = document.createRange();
        range.selectNodeContents(th);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`the column header “${text}” wraps over ${tops.size} lines`);
      }
    }
    // County mode's school table: no word, version, year or score is wider than its cell (it
    // was broken mid-word: "Versio|n", "2026.|4"; file names may break anywhere).
    const canvas = document.createElement("canvas").getContext("2d");
    for (const cell of document.querySelectorAll(".county-table th, .county-table td:not(.file-name)")) {
      if (!cell.getClientRects().length) continue;
      const style = getComputedStyle(cell);
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const box = parent.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue; // hidden for screen readers only
        const font = getComputedStyle(parent);
        canvas.font = `${font.fontWeight} ${font.fontSize} ${font.fontFamily}`;
        // Runs of Chinese break between characters by design; measure the other words.
        for (const word of node.textContent.split(/[\s\u3400-\u9fff]+/).filter(Boolean)) {
          const width = canvas.measureText(word).width;
          if (width > room + 1) problems.push(`“${word}” is ${Math.round(width)} px in a cell with ${Math.round(room)} px`);
        }
      }
    }
    // A table drawn as cards on a phone names each field on its card (the report's 整改清单
    // printed its 措施, 责任人 and 时限 as lines without a name).
    for (const td of document.querySelectorAll("td")) {
      const ownText = td.textContent.replace([...td.querySelectorAll("button")].map((b) => b.textContent).join(""), "").trim();
      if (getComputedStyle(td).display !== "block" || td.classList.contains("num") || !ownText) continue;
      if (getComputedStyle(td, "::before").content === "none") problems.push(`the card field “${td.textContent.trim().slice(0, 20)}” has no label`);
    }
    // (A unit chosen beside an amount, 元 / 万元, needs only the width of its words.)
    for (const el of document.querySelectorAll("input:not([type=radio]):not([type=checkbox]):not([type=file]), textarea, select:not(.money-unit)")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.width < 120 && !el.closest(".no-print[hidden]")) {
        problems.push(`${el.dataset.testid || el.id} is ${Math.round(r.width)} px wide`);
      }
    }
    return problems;
  });
}

async function look(page, name, problems) {
  await screenshot(page, `layout-${name}`);
  for (const p of await layoutProblems(page)) problems.push(`${name}: ${p}`);
}

for (const lang of ["zh", "en"]) {
  test(`every page at 390 and 1280 px (${lang})`, { timeout: 180000 }, async (t) => {
    const page = await session.browser.context.newPage();
    const problems = [];
    await withFailureShot(t, page, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await gotoStart(page, session.server.url);
      if (lang === "en") await page.getByTestId("lang-toggle").click();
      // In English a name typed without a space, 50 characters long: it widened the page at
      // 390 px (767 px wide) until it could wrap anywhere.
      const name = lang === "zh" ? "版面测试小学" : "LayoutTestPrimarySchoolOfTaoyuanCountyNumberOne2026";
      await newDraft(page, "yzjh-school", { fields: { school_name: name, county: "桃源县" }, type: "nine_year" });
      // A 九年一贯制 school: both parts' raw data, and the 初中-only 巩固率.
      await fillEverything(page, { inputs: PRIMARY_INPUTS, numbers: { ...PRIMARY_NUMBERS, Q1: "96" }, notMet: PRIMARY_NOT_MET });
      await page.getByTestId("tab-plan").click();
      await page.getByTestId("plan-generate").click();
      await waitSaved(page);

      const pages = [
        ["profile", async () => page.getByTestId("tab-profile").click()],
        ["fill-data", async () => { await page.getByTestId("tab-fill").click(); await page.getByTestId("section-0").click(); }],
        ["fill-items", async () => { await page.getByTestId("tab-fill").click(); await page.getByTestId("section-1").click(); }],
        ["results", async () => page.getByTestId("tab-results").click()],
        ["plan", async () => page.getByTestId("tab-plan").click()],
        ["report", async () => page.getByTestId("tab-report").click()],
      ];
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        for (const [pageName, go] of pages) {
          await go();
          await page.waitForTimeout(100);
          await look(page, `${lang}-${width}-${pageName}`, problems);
        }
        await page.getByTestId("back-to-start").click();
        await look(page, `${lang}-${width}-start`, problems);
        // County mode with the example files.
        await page.getByTestId("county-mode").click();
        const files = readdirSync(EXAMPLES).map((f) => join(EXAMPLES, f));
        await page.getByTestId("county-files").setInputFiles(files);
        await page.getByTestId("county-summary").waitFor();
        await look(page, `${lang}-${width}-county`, problems);
        await page.getByTestId("county-back").click();
        await page.getByTestId("draft-row").filter({ hasText: name }).getByTestId("draft-open").click();
        await page.getByTestId("workspace").waitFor();
      }
      // On a phone, ✕ on a row far down the 整改清单: 撤销 takes the focus, and what it undoes
      // is in sight with it (the card's words were above the screen, its button at the edge).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId("tab-plan").click();
      const rows = await page.getByTestId("plan-row").count();
      await page.getByTestId(`plan-remove-${rows - 1}`).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "plan-undo-button");
      const card = await page.getByTestId("plan-undo").evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight };
      });
      assert.ok(card.top > -1 && card.bottom < card.height + 1, `the 撤销 card at ${JSON.stringify(card)}`);
      await screenshot(page, `layout-${lang}-390-plan-undo`);
      await page.keyboard.press("Enter");
      await page.getByTestId("plan-undo").waitFor({ state: "detached" });
      assert.equal(await page.getByTestId("plan-row").count(), rows);
      if (lang === "en") {
        await page.getByTestId("back-to-start").click();
        await page.getByTestId("lang-toggle").click();
      }
      assert.deepEqual(problems, []);
    });
    await page.close();
  });
}
