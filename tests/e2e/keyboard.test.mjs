// The principal's whole path with the keyboard only: no clicks, no fill(). Tab moves, keys
// type, Space picks a choice, Enter presses a button. At 1280 px in Chinese, and on a 390 px
// phone in Chinese and English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gotoStart, screenshot, sharedSession, withFailureShot } from "./helpers.mjs";
import { PRIMARY_INPUTS, PRIMARY_NOT_MET, PRIMARY_NUMBERS } from "./principal.mjs";

const session = sharedSession();
const DELAY = 15;

/** What has focus: its data-testid, id, type and whether it is a radio in a group. */
const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      testid: el?.dataset?.testid || "",
      id: el?.id || "",
      tag: el?.tagName.toLowerCase() || "",
      type: el?.getAttribute("type") || "",
      group: el?.closest("[data-testid^=choices-]")?.dataset.testid || "",
    };
  });

/** Presses Tab (or Shift+Tab) until `testid` has focus. */
async function tabTo(page, testid, { back = false, limit = 400 } = {}) {
  for (let n = 0; n < limit; n++) {
    if ((await active(page)).testid === testid) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${testid}`);
}

/** Walks one section by Tab: types raw data and numbers, picks choices, until `stop` is focused. */
async function walkSection(page, values, notMet, stops) {
  for (let n = 0; n < 600; n++) {
    await page.keyboard.press("Tab");
    const a = await active(page);
    if (stops.includes(a.testid)) return a.testid;
    if (a.testid.startsWith("input-")) {
      if (await page.evaluate(() => document.activeElement.value)) continue; // filled on the profile
      const id = a.testid.slice("input-".length).split("@")[0];
      const value = values[id];
      assert.ok(value !== undefined, `no test value for ${a.testid}`);
      await page.keyboard.type(value, { delay: DELAY });
    } else if (a.type === "radio" && a.group) {
      const id = a.group.slice("choices-".length).split("@")[0];
      // Tab lands on the group's first option: Space picks it, ↓ picks the next (未达标).
      if (notMet.includes(id)) await page.keyboard.press("ArrowDown");
      else await page.keyboard.press("Space");
    }
  }
  throw new Error("the section never ended");
}

for (const [lang, width] of [["zh", 1280], ["zh", 390], ["en", 390]]) {
  test(`the whole path by keyboard only (${lang}, ${width} px)`, { timeout: 240000 }, async (t) => {
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await withFailureShot(t, page, async () => {
      await gotoStart(page, session.server.url);
      if (lang === "en") {
        await tabTo(page, "lang-toggle");
        await page.keyboard.press("Enter");
      }
      await tabTo(page, "new-yzjh-school");
      await page.keyboard.press("Enter");
      await page.getByTestId("profile-page").waitFor();
      assert.equal((await active(page)).testid, "profile-school_name", "a new draft starts in its first field");
      const school = `键盘小学${lang}${width}`;
      await page.keyboard.type(school, { delay: DELAY });
      await page.keyboard.press("Tab");
      await page.keyboard.type("4307000001", { delay: DELAY });
      await page.keyboard.press("Tab");
      await page.keyboard.type("桃源县", { delay: DELAY });
      await tabTo(page, "type-primary");
      await page.keyboard.press("Space");
      await tabTo(page, "input-students");
      await page.keyboard.type("1000", { delay: DELAY });
      await tabTo(page, "to-fill");
      await page.keyboard.press("Enter");
      await page.getByTestId("fill-page").waitFor();

      // Every section, by Tab; each starts at its heading.
      const values = { ...PRIMARY_INPUTS, ...PRIMARY_NUMBERS };
      for (let section = 0; ; section++) {
        assert.equal((await active(page)).id, "section-heading", `section ${section} starts at its heading`);
        const stop = await walkSection(page, values, PRIMARY_NOT_MET, ["next-section", "to-results"]);
        await page.keyboard.press("Enter");
        if (stop === "to-results") break;
        await page.waitForFunction((n) => document.querySelector(`[data-testid=section-${n}]`)?.getAttribute("aria-current") === "step", section + 1);
      }
      await page.getByTestId("results-page").waitFor();
      assert.equal(await page.getByTestId("total").textContent(), "66 / 75");
      await screenshot(page, `keyboard-results-${lang}-${width}`);
      // English counts agree with their nouns ("1 room", never "1 rooms").
      assert.doesNotMatch(await page.getByTestId("results-page").innerText(), /(^|[^\d.])1 (rooms|people|times|points|errors)\b/);

      // 检查 from the keyboard: nothing left.
      await tabTo(page, "tab-fill", { back: true });
      await page.keyboard.press("Enter");
      await tabTo(page, "check");
      await page.keyboard.press("Enter");
      await page.getByTestId("announcer").getByText(lang === "zh" ? "检查完毕：全部已填写，没有需要更正的内容。" : "Check complete: everything is filled in and readable.").waitFor();
      assert.equal(await page.getByTestId("check-summary").innerText(), lang === "zh" ? "✓ 全部填写完毕。" : "✓ Everything is filled in.");
      await screenshot(page, `keyboard-check-${lang}-${width}`);

      // 整改清单: generate, then type a measure.
      await tabTo(page, "tab-plan", { back: true });
      await page.keyboard.press("Enter");
      await tabTo(page, "plan-generate");
      await page.keyboard.press("Enter");
      await tabTo(page, "plan-1-measure");
      await page.keyboard.type("新建综合楼", { delay: DELAY });
      assert.equal(await page.getByTestId("plan-1-measure").inputValue(), "新建综合楼");

      // The report shows the raw data as numbers with units, and exports with one key.
      await tabTo(page, "tab-report", { back: true });
      await page.keyboard.press("Enter");
      await page.getByTestId("report-basic-data").waitFor();
      assert.equal(await page.getByTestId("report-input-equipment_value").textContent(), lang === "zh" ? "2500000 元" : "2500000 yuan");
      await tabTo(page, "export-submission", { back: true });
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      const text = readFileSync(await download.path(), "utf8");
      const completion = JSON.parse(text).result.completion;
      assert.equal(completion.answered, completion.required, "complete: no question asked, all answered");
      await screenshot(page, `keyboard-report-${lang}-${width}`);
      if (lang === "en") {
        await tabTo(page, "lang-toggle", { back: true });
        await page.keyboard.press("Enter");
      }
    });
    await page.close();
  });
}

test("the evidence-file picker shows where the keyboard is", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await page.getByTestId("new-yzjh-school").click();
    await page.getByTestId("type-primary").check();
    await page.getByTestId("tab-fill").click();
    await page.getByTestId("section-1").click();
    await tabTo(page, "attach-R1");
    const outline = await page.evaluate(() => {
      const label = document.querySelector('label[for="attach-R1"]');
      const s = getComputedStyle(label);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    assert.match(outline, /^solid [1-9]/, `the label shows the input's focus: ${outline}`);
  });
  await page.close();
});
