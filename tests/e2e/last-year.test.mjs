// Year over year, as a principal does it: this year's self-assessment started from last year's
// submission file, copied values checked, last year's answers reused where nothing changed,
// last year's 整改清单 reviewed, the comparison read, the file exported and the report printed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gotoStart, ROOT, screenshot, sharedSession, withFailureShot } from "./helpers.mjs";
import { waitSaved } from "./principal.mjs";

const session = sharedSession();
const LAST_YEAR = join(ROOT, "tests/corpus/last-year");

test("this year from last year's file: copied, checked, compared, reviewed, exported", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    const file = join(LAST_YEAR, readdirSync(LAST_YEAR)[0]);
    const last = JSON.parse(readFileSync(file, "utf8"));
    await page.getByTestId("last-year-file").setInputFiles(file);

    // The profile carries over, the school year moves on, and the banner says where from.
    await page.getByTestId("profile-page").waitFor();
    assert.equal(await page.getByTestId("profile-school_name").inputValue(), "桃花源中学");
    assert.equal(await page.getByTestId("profile-school_year").inputValue(), "2027-2028");
    await page.getByTestId("last-year-banner").getByText("2026-2027").waitFor();
    await screenshot(page, "last-year-profile-zh");

    // Raw data: copied and marked; one confirmed as it is, one changed by typing.
    await page.getByTestId("tab-fill").click();
    await page.getByTestId("section-0").click();
    const students = page.getByTestId("input-students");
    assert.equal(await students.inputValue(), last.answers.values.students.number);
    assert.ok(await page.getByTestId("inherited-students").isVisible());
    await page.getByTestId("confirm-students").click();
    assert.ok(await page.getByTestId("inherited-students").isHidden(), "confirmed: no longer marked");
    // 上学年近视率 is last year's 本学年近视率: nobody types a difference.
    assert.equal(await page.getByTestId("input-myopia_rate_last_year").inputValue(), last.answers.values.myopia_rate_this_year.number);
    const thisYear = page.getByTestId("input-myopia_rate_this_year");
    await thisYear.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("39.4", { delay: 40 });
    assert.equal(await thisYear.inputValue(), "39.4");
    assert.ok(await page.getByTestId("inherited-myopia_rate_this_year").isHidden(), "changed: no longer marked");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "input-myopia_rate_this_year", "focus stayed");
    // Last year's file predates the fitness rates as raw data: nothing to copy, so the school
    // types last year's rates once, and this year's.
    for (const [id, value] of [
      ["fitness_pass_rate_last_year", "95.5"],
      ["fitness_pass_rate_this_year", "96.2"],
      ["fitness_good_rate_last_year", "52"],
      ["fitness_good_rate_this_year", "54.5"],
    ]) {
      const input = page.getByTestId(`input-${id}`);
      assert.equal(await input.inputValue(), "", `${id}: not in last year's file`);
      await input.click();
      await page.keyboard.type(value, { delay: 20 });
      assert.equal(await input.inputValue(), value);
    }

    // Items: last year's answers reused where nothing changed, section by section.
    const sections = await page.locator(".area-nav button").count();
    for (let n = 1; n < sections; n++) {
      await page.getByTestId(`section-${n}`).click();
      const buttons = page.locator('[data-testid^="copy-last-year-"]:visible');
      while ((await buttons.count()) > 0) await buttons.first().click();
      // Items new this year (no answer of last year to reuse): answered 达标 (set-up).
      const groups = page.locator('.area-content [data-testid^="choices-"]');
      for (let k = 0; k < (await groups.count()); k++) {
        const group = groups.nth(k);
        if ((await group.locator("input:checked").count()) === 0) await group.locator('input[type="radio"]').first().check();
      }
    }
    await page.getByTestId("tab-profile").click();
    await page.getByTestId("confirm-all").click();
    await waitSaved(page);

    // The comparison: what changed since last year, with its chart.
    await page.getByTestId("tab-results").click();
    await page.getByTestId("comparison").waitFor();
    assert.match(await page.getByTestId("comparison-summary").textContent(), /已达标 \d+ 项（上年未达标），新增未达标 \d+ 项/);
    const scored = last.result.areas.filter((a) => (a.tally ?? a).max > 0).length;
    assert.equal(await page.getByTestId("comparison-chart").locator("rect.last-year").count(), scored, "one bar per area with points, for last year");
    // Items of this year's checklist version that last year's did not have are listed as new.
    assert.match(await page.getByTestId("change-B5.1.16").textContent(), /本年新增条目/);
    // Values carry their units, as on the item cards (they were bare numbers: "— → 0.6").
    assert.match(await page.getByTestId("change-B5.1.16").textContent(), /— → -?[\d.]+ 个百分点/);
    await screenshot(page, "last-year-results-zh");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "last-year-results-zh-390");
    await page.getByTestId("lang-toggle").click();
    await page.getByTestId("comparison").getByText("Compared with last year").waitFor();
    await screenshot(page, "last-year-results-en-390");
    await page.getByTestId("lang-toggle").click();
    await page.setViewportSize({ width: 1280, height: 900 });

    // Last year's 整改清单, reviewed: a status chosen by keyboard, what was done typed.
    await page.getByTestId("tab-plan").click();
    const firstId = last.plan[0].id;
    const status = page.getByTestId(`review-${firstId}-status`);
    await status.focus();
    await status.selectOption("in_progress");
    await page.getByTestId(`review-${firstId}-done`).click();
    await page.keyboard.type("每周两节课后服务已开设", { delay: 20 });
    await waitSaved(page);
    await screenshot(page, "last-year-review-zh");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "last-year-review-zh-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    // The export records last year's file and the review.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-submission").click().then(() => {})]);
    const dir = mkdtempSync(join(tmpdir(), "ziping-last-year-"));
    const out = join(dir, download.suggestedFilename());
    await download.saveAs(out);
    const exported = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(exported.format, "ziping.export/2");
    assert.equal(exported.previous.digest, last.digest);
    assert.equal(exported.previous.school_year, "2026-2027");
    assert.equal(exported.profile.school_year, "2027-2028");
    const reviewed = exported.review.find((r) => r.row.id === firstId);
    assert.equal(reviewed.status, "in_progress");
    assert.equal(reviewed.done, "每周两节课后服务已开设");

    // The report prints both.
    await page.getByTestId("tab-report").click();
    await page.getByTestId("report-page").waitFor();
    assert.ok(await page.getByTestId("report-page").getByTestId("comparison").isVisible());
    assert.match(await page.getByTestId("report-review").textContent(), /每周两节课后服务已开设/);
    // A row left unset prints as not given, not as the control's prompt “请选择”.
    assert.doesNotMatch(await page.getByTestId("report-review").textContent(), /请选择/);
    assert.match(await page.getByTestId("report-review").textContent(), /未填写/);

    // The county reads the chain: last year's file (an earlier checklist version) and this
    // year's, the school beside its last year, the review counted.
    await gotoStart(page, session.server.url);
    await page.getByTestId("county-mode").click();
    await page.getByTestId("county-files").setInputFiles([file, out]);
    await page.getByTestId("county-summary").getByText("共 2 个文件：正常 2。").waitFor();
    const row = page.getByTestId("county-row").filter({ hasText: "2027-2028" });
    assert.match(await row.getByTestId("row-score-change").textContent(), /^[\d.]+ → [\d.]+（[+-]?[\d.]+ 分）$/);
    assert.match(await row.getByTestId("row-follow-up").textContent(), new RegExp(`上年整改 ${last.plan.length} 条，已说明 1 条`));
  });
  await page.close();
});

test("last year's file whose stored score is not its answers': said where it is seen", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await page.getByTestId("last-year-file").setInputFiles(join(ROOT, "tests/corpus/import/55-huge-points.json"));
    await page.getByTestId("profile-page").waitFor();
    // Seen, not only in the screen reader's live region.
    const said = page.getByTestId("result-differs");
    await said.waitFor();
    assert.match(await said.textContent(), /^上年文件“55-huge-points\.json”中保存的得分与按它的原始数据重新计算的不同/);
    assert.ok(await said.isVisible());
    await screenshot(page, "last-year-result-differs");
  });
});
