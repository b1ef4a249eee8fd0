// A county's own resource rule (at least 5 of 7, the rest ≥ 80 %) made in 制作县级清单 is the
// rule every page states: the editor notes the words that still quote 6 and 85 %, and once a
// school is filled with the county's checklist, its badges, chart, group line, shortfalls, plan
// and report carry 5 and 80 %, in Chinese and in English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gotoStart, screenshot, withFailureShot, sharedSession } from "./helpers.mjs";
import { fillEverything, PRIMARY_INPUTS, PRIMARY_NUMBERS, PRIMARY_NOT_MET } from "./principal.mjs";

const session = sharedSession();

async function retype(page, testid, text, delay = 15) {
  await page.getByTestId(testid).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text, { delay });
  assert.equal(await page.getByTestId(testid).inputValue(), text, testid);
}

/** The text of a page without its grade lines (基本达标 ≥ 85 % is a grade line, not the rule). */
async function ruleText(page, testid) {
  return page.getByTestId(testid).evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('[data-testid="grade-lines"]').forEach((n) => n.remove());
    return copy.textContent;
  });
}

test("a 5-of-7 / 80 % county rule is the one the results, plan and report state", { timeout: 240000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await page.getByTestId("make-checklist").click();
    await page.getByTestId("editor-start").waitFor();
    const bases = await page.getByTestId("ed-base").locator("option").allTextContents();
    await page.getByTestId("ed-base").selectOption(String(bases.findIndex((o) => o.endsWith("· yzjh-school"))));
    await page.getByTestId("ed-start").click();
    await page.getByTestId("editor").waitFor();
    await page.getByTestId("ed-node-meta").click();
    await retype(page, "ed-id", "yzjh-school-x");
    await retype(page, "ed-version", "2026.4-x");
    await retype(page, "ed-group-min-0", "5", 40);
    await retype(page, "ed-group-floor-0", "80", 40);
    // The words still quote the old rule: noted, with the way to each field.
    const notes = page.getByTestId("ed-notes");
    await notes.getByText("“6项”").first().waitFor();
    assert.match(await notes.textContent(), /“85%”[\s\S]*“80%”/);
    await screenshot(page, "editor-stale-numbers");
    await retype(page, "ed-group-title-0-zh", "资源配置7项指标至少5项达标，其余不低于标准的80%");
    await retype(page, "ed-group-title-0-en", "At least 5 of the 7 resource indicators met, the rest at least 80%");
    await retype(page, "ed-description-zh", "本县版本：资源配置七项中至少5项达标、其余不低于标准的80%。");
    await retype(page, "ed-description-en", "This county's version: at least 5 of the 7 resource indicators met, the rest at least 80%.");
    await page.waitForFunction(() => document.querySelector('[data-testid="ed-notes"]')?.hidden);
    // An item's threshold changed while its words still quote the old one (最大班额 小学 ≤ 45
    // made ≤ 40): noted; put back, the note goes.
    await page.getByTestId("ed-node-G6").click();
    await retype(page, "ed-rule-value-primary", "40", 40);
    await notes.getByText("“45”").first().waitFor();
    assert.match(await notes.textContent(), /“45”[\s\S]*“40 \/ 50”/);
    await retype(page, "ed-rule-value-primary", "45", 40);
    await page.waitForFunction(() => document.querySelector('[data-testid="ed-notes"]')?.hidden);
    assert.equal(await page.getByTestId("ed-problem-count").textContent(), "没有问题：可以保存为清单文件。");
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ed-save-file").click()]);
    const saved = await file.path();

    // A principal fills a 小学 with it (set-up: the typing itself is tested elsewhere). R4 is
    // 4 ㎡ of 4.5: 89 %, near under both rules.
    await page.goto(session.server.url);
    await page.getByTestId("start-page").waitFor();
    await page.getByTestId("checklist-file").setInputFiles(saved);
    await page.getByTestId("profile-page").waitFor();
    await page.getByTestId("profile-school_name").fill("城关镇第二小学");
    await page.getByTestId("type-primary").check();
    await fillEverything(page, { inputs: PRIMARY_INPUTS, numbers: PRIMARY_NUMBERS, notMet: PRIMARY_NOT_MET });
    await page.getByTestId("section-1").click();
    assert.equal(await page.getByTestId("item-R4").getByTestId("outcome").textContent(), "未达标（不低于标准的80%）");

    for (const lang of ["zh", "en"]) {
      await page.getByTestId("tab-results").click();
      await page.getByTestId("results-page").waitFor();
      const results = await ruleText(page, "results-page");
      // A rule stated with another number: "至少6项", "at least 6", "85%" (the school's own count
      // of met items, "7项中6项达标", is not a rule).
      assert.doesNotMatch(results, /85\s?%|至少\s?6|at least 6/, `${lang} results`);
      assert.match(await page.getByTestId("indicator-chart").textContent(), /80%/);
      assert.match(await page.getByTestId("group-RES").textContent(), lang === "zh" ? /至少5项/ : /5 of the 7/);
      await screenshot(page, `rule-numbers-results-${lang}`);
      await page.getByTestId("tab-plan").click();
      await page.getByTestId("plan-page").waitFor();
      if (lang === "zh") await page.getByTestId("plan-generate").click();
      const plan = await ruleText(page, "plan-page");
      assert.doesNotMatch(plan, /85\s?%|至少\s?6|at least 6/, `${lang} plan`);
      if (lang === "zh") assert.match(plan, /不低于标准的80%/);
      await page.getByTestId("tab-report").click();
      await page.getByTestId("report-page").waitFor();
      // The report prints every item's own text (S1 says 社会认可度 85 %, a county figure's
      // threshold): the rule's places are its outcome cells, chart, group line and plan.
      const cells = await page.getByTestId("report-page").locator("td.near").allTextContents();
      assert.ok(cells.length > 0 && cells.every((c) => c.includes("80")), cells.join(" | "));
      assert.match(await page.getByTestId("report-page").getByTestId("indicator-chart").textContent(), /80%/);
      assert.doesNotMatch(await page.getByTestId("report-page").getByTestId("indicator-chart").textContent(), /85/);
      assert.doesNotMatch(await ruleText(page, "report-page"), /至少\s?6|at least 6/, `${lang} report`);
      await screenshot(page, `rule-numbers-report-${lang}`);
      if (lang === "zh") await page.getByTestId("lang-toggle").click();
    }
    await page.getByTestId("lang-toggle").click();
    // R4 brought up to its standard after the plan was made: the printed plan row says 已达标,
    // as the 整改清单 page does (it printed the old shortfall with no mark).
    await page.getByTestId("tab-fill").click();
    await page.getByTestId("section-0").click();
    await retype(page, "input-area_teaching", "4600", 40);
    await page.getByTestId("tab-report").click();
    await page.getByTestId("report-page").waitFor();
    const resolved = page.getByTestId("report-page").locator('[data-testid^="report-plan-"][data-testid$="-resolved"]');
    assert.equal(await resolved.count(), 1);
    assert.equal(await resolved.textContent(), "已达标");
  });
  await page.close();
});
