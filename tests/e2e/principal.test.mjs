// The principal's whole job: new draft, profile, every item, 检查, dashboard, 整改清单,
// report to PDF, reload: all still there. Plus invalid input and accessibility.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gotoStart, RESULTS, ROOT, screenshot, withFailureShot, sharedSession } from "./helpers.mjs";
import {
  checkAccessibility, fillEverything, newDraft, PRIMARY_INPUTS, PRIMARY_NOT_MET, PRIMARY_NUMBERS, waitSaved,
} from "./principal.mjs";

const session = sharedSession();

test("a principal walks the whole path and finds everything again after a reload", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await checkAccessibility(page, "start page");
    await newDraft(page, "yzjh-school", {
      fields: { school_name: "城关镇第一小学", school_code: "4307250001", county: "桃源县", school_year: "2026-2027", filled_by: "李老师" },
      type: "primary",
    });
    await page.getByTestId("input-students").fill("1000");
    await waitSaved(page);
    await checkAccessibility(page, "profile");

    // 检查 on an empty form: a panel says how much is left, where, each place a link; the page
    // does not move until the principal follows one (and it is still announced).
    await page.getByTestId("tab-fill").click();
    const sectionBefore = await page.getByTestId("section-title").textContent();
    await page.getByTestId("check").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("announcer").getByText(/检查：0 处填写有误，\d+ 项未填写，0 处提醒；第一处：/).waitFor();
    const panel = page.getByTestId("check-panel");
    assert.match(await panel.getByTestId("check-summary").innerText(), /^0 处填写有误，\d+ 项未填写，0 处提醒。/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), "check-panel");
    assert.equal(await page.getByTestId("section-title").textContent(), sectionBefore, "the page stays where it was");
    const places = await panel.getByTestId("check-place").count();
    assert.ok(places > 5, `places listed: ${places}`);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "check-place");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /^slot-/.test(document.activeElement?.id || ""));
    await screenshot(page, "check-panel-zh");
    // Typing in the place 检查 named leaves the announcement as 检查 made it: the live region
    // speaks when asked, not at each keystroke.
    const announced = await page.getByTestId("announcer").textContent();
    await page.keyboard.type("abc", { delay: 30 });
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId("announcer").textContent(), announced, "the announcement holds still");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");

    await fillEverything(page, { inputs: PRIMARY_INPUTS, numbers: PRIMARY_NUMBERS, notMet: PRIMARY_NOT_MET });
    await page.getByTestId("check").click();
    await page.getByTestId("announcer").getByText("检查完毕：全部已填写，没有需要更正的内容。").waitFor();
    assert.equal(await panel.getByTestId("check-summary").innerText(), "✓ 全部填写完毕。");
    assert.equal(await panel.getByTestId("check-place").count(), 0);
    const progress = await page.getByTestId("overall-progress").textContent();
    const [done, total] = progress.match(/(\d+)\/(\d+)/).slice(1).map(Number);
    assert.equal(done, total, progress);

    // Live values on the resource indicators.
    await page.getByTestId("section-1").click();
    assert.equal(await page.getByTestId("item-R4").getAttribute("data-outcome"), "near");
    assert.match(await page.getByTestId("item-R4").textContent(), /4 ㎡/);
    assert.equal(await page.getByTestId("item-R1").getAttribute("data-outcome"), "met");
    await page.getByTestId("note-R4").fill("新教学楼 2027 年投入使用");
    // An evidence file: named and hashed, its bytes stay on this computer.
    await page.getByTestId("attach-R4").setInputFiles(join(ROOT, "static/icons/icon.svg"));
    await page.getByTestId("attachments-R4").getByText("icon.svg").waitFor();
    await screenshot(page, "principal-fill-zh");
    await checkAccessibility(page, "fill");

    // Results: 75 points possible for a 小学 (the county figures G7–G9, G11, S1 score no
    // school; Q1 is for 初中), 66 earned: R4 is near and the resource rule holds, so it earns its
    // points; G2 and G6 are short, which holds the grade at 基本达标.
    await page.getByTestId("tab-results").click();
    assert.equal(await page.getByTestId("total").textContent(), "66 / 75");
    assert.equal(await page.getByTestId("grade").textContent(), "基本达标");
    assert.match(await page.getByTestId("grade-lines").textContent(), /等级线：达标 ≥ 95%、基本达标 ≥ 85%/);
    assert.match(await page.getByTestId("grade-next").textContent(), /未满足，等级最高为“基本达标”/);
    assert.equal(await page.getByTestId("veto").textContent(), "无一票否决事项");
    assert.equal(await page.getByTestId("provisional").count(), 0);
    assert.match(await page.getByTestId("group-RES").textContent(), /符合/);
    for (const chart of ["area-bars", "radar", "indicator-chart"]) {
      assert.equal(await page.getByTestId(chart).count(), 1, chart);
    }
    const shortfalls = await page.getByTestId("shortfalls").locator("li").allTextContents();
    assert.equal(shortfalls.length, 4, shortfalls.join("\n"));
    assert.ok(shortfalls.some((s) => /生均教学及辅助用房面积：要求≥ 4.5㎡，现为4㎡，差0.5㎡（不低于标准的85%）/.test(s)), shortfalls.join("\n"));
    await screenshot(page, "principal-results-zh");
    await checkAccessibility(page, "results");

    // 整改清单: generated from the shortfalls, then edited; generating again keeps edits.
    await page.getByTestId("tab-plan").click();
    await page.getByTestId("plan-generate").click();
    assert.equal(await page.getByTestId("plan-row").count(), 4);
    await page.getByTestId("plan-1-measure").fill("新建综合楼，增加教学用房 600 平方米");
    await page.getByTestId("plan-1-owner").fill("总务处");
    await page.getByTestId("plan-1-deadline").fill("2027-08-31");
    await page.getByTestId("plan-add").click();
    await page.getByTestId("plan-5-problem").fill("校园绿化不足");
    await page.getByTestId("plan-remove-5").click();
    await page.getByTestId("plan-generate").click();
    assert.equal(await page.getByTestId("plan-row").count(), 4);
    assert.equal(await page.getByTestId("plan-1-owner").inputValue(), "总务处");

    // × on a filled row, from the keyboard: 撤销 (focused at once) brings it back as it was.
    await page.getByTestId("plan-remove-1").focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.getByTestId("plan-row").count(), 3);
    assert.match(await page.getByTestId("plan-undo").innerText(), /已删除第 1 行：/);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "plan-undo-button");
    await page.keyboard.press("Enter");
    assert.equal(await page.getByTestId("plan-row").count(), 4);
    assert.equal(await page.getByTestId("plan-1-owner").inputValue(), "总务处");
    assert.equal(await page.getByTestId("plan-row").first().getByTestId("plan-1-measure").count(), 1, "back in its place");
    // Deleted and not undone: 生成 does not bring it back (the principal meant it), but the
    // shortfall is still unmet, so the page says so and offers the row back.
    const secondProblem = await page.getByTestId("plan-2-problem").inputValue();
    await page.getByTestId("plan-remove-2").click();
    await page.getByTestId("plan-generate").click();
    assert.equal(await page.getByTestId("plan-row").count(), 3);
    // While 撤销 is offered for it, it is the one offer; once the page was left, the other.
    assert.equal(await page.getByTestId("plan-dismissed").count(), 0);
    await page.getByTestId("tab-report").click();
    await page.getByTestId("tab-plan").click();
    assert.equal(await page.getByTestId("plan-undo").count(), 0);
    await page.getByTestId("plan-dismissed").getByText(/有 1 项仍未达标的事项，其整改行已被删除/).waitFor();
    await screenshot(page, "principal-plan-dismissed-zh");
    await page.getByTestId("plan-bring-back").focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.getByTestId("plan-row").count(), 4);
    // Back in the checklist's order, second as before (it came back last).
    assert.equal(await page.getByTestId("plan-row").nth(1).locator('textarea[data-testid$="-problem"]').inputValue(), secondProblem);
    await page.waitForFunction(() => document.activeElement?.id === "plan-heading");
    assert.equal(await page.getByTestId("plan-dismissed").count(), 0);
    assert.equal(await page.getByTestId("plan-undo").count(), 0, "nothing left to undo: the row is back");

    // 完成时限 typed key by key: a year no plan can mean is named, the value kept as given.
    const deadline = page.locator('input[data-testid$="-deadline"]').nth(1);
    const deadlineId = await deadline.getAttribute("data-testid");
    // (Chromium's date field starts at its month part: "2027-02-28" typed there gives the
    // year 70228, as a principal found.)
    await deadline.click({ position: { x: 5, y: 5 } });
    await page.keyboard.type("2027-02-28", { delay: 40 });
    await page.keyboard.press("Tab");
    const absurd = await deadline.inputValue();
    assert.match(await page.getByTestId(`messages-${deadlineId}`).innerText(), /完成时限的年份 \d+ 不合理：请填 2026 至 2036 年之间的日期/, `value ${absurd}`);
    assert.equal(await deadline.getAttribute("aria-invalid"), "true");
    // 检查 names it too (the form itself is complete), and its link leads to the plan.
    await page.getByTestId("tab-fill").click();
    await page.getByTestId("check").click();
    const planPlace = page.getByTestId("check-panel").getByTestId("check-plan-place");
    assert.match(await planPlace.innerText(), /^整改清单第 2 行：完成时限的年份 \d+ 不合理/);
    assert.doesNotMatch(await page.getByTestId("check-summary").innerText(), /全部填写完毕/);
    await planPlace.click();
    await page.getByTestId("plan-page").waitFor();
    // Exporting now asks first, as for a wrong number (it went without a word).
    let asked = null;
    const answer = (d) => { asked = d.message(); d.dismiss(); };
    page.once("dialog", answer);
    await page.getByTestId("export-submission").click();
    for (let n = 0; n < 50 && asked === null; n++) await page.waitForTimeout(100);
    page.off("dialog", answer);
    assert.equal(asked, "整改清单有 1 行的完成时限有误（见“检查”），县里会看到这些日期。\n仍要导出吗？");
    await deadline.fill("2027-06-30");
    assert.equal((await page.getByTestId(`messages-${deadlineId}`).innerText()).trim(), "");
    await screenshot(page, "principal-plan-zh");
    await checkAccessibility(page, "plan");

    // The report, printed to an A4 PDF.
    await page.getByTestId("tab-report").click();
    assert.equal(await page.getByTestId("report-school").textContent(), "城关镇第一小学");
    await checkAccessibility(page, "report");
    await waitSaved(page);
    // A focus ring is seen on screen, never on paper (printed with Ctrl+P, the focused
    // heading's ring was on the cover).
    await page.waitForFunction(() => document.activeElement?.id === "report-heading");
    await page.keyboard.press("Tab");
    const ring = () => page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(await ring(), "solid");
    await page.emulateMedia({ media: "print" });
    assert.equal(await ring(), "none");
    mkdirSync(RESULTS, { recursive: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(RESULTS, "report-zh.pdf"), pdf);
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 3, `the report has a cover and content pages (${pages})`);
    // The signatures are never alone on the last page: the 整改清单's last row goes with them.
    const pdfFile = join(RESULTS, "report-zh.pdf");
    const last = execFileSync("pdftotext", ["-f", String(pages), "-l", String(pages), "-layout", pdfFile, "-"]).toString();
    assert.match(last, /校长（签字）/);
    const besides = last.split("\n").filter((l) => l.trim() && !/签字|盖章|年\s+月\s+日|^\s*\d+ \/ \d+\s*$/.test(l));
    assert.ok(besides.length >= 2, `the last page has more than the signatures:\n${last}`);
    await page.emulateMedia({ media: "screen" });

    // Reload: the same draft and the same place, with everything in it.
    await page.reload();
    await page.getByTestId("report-page").waitFor();
    await page.getByTestId("tab-fill").click();
    await page.getByTestId("section-0").click();
    assert.equal(await page.getByTestId("input-equipment_value").inputValue(), "2,500,000");
    await page.getByTestId("section-1").click();
    assert.equal(await page.getByTestId("note-R4").inputValue(), "新教学楼 2027 年投入使用");
    assert.match(await page.getByTestId("attachments-R4").textContent(), /icon\.svg \(1 KB\)/);
    // Its ✕ from the keyboard: the file is taken off, said, and the focus goes to adding a
    // file (it fell to the page); a tap target of at least 36 px.
    const remove = page.getByTestId("attachments-R4").getByTestId("attachment-remove");
    const box = await remove.boundingBox();
    assert.ok(box.width >= 36 && box.height >= 36, JSON.stringify(box));
    await remove.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("attachments-R4").waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.id === "attach-R4");
    assert.equal(await page.getByTestId("announcer").textContent(), "已移除佐证文件“icon.svg”。");
    await page.getByTestId("tab-plan").click();
    assert.equal(await page.getByTestId("plan-1-deadline").inputValue(), "2027-08-31");

    // And the list of drafts knows it.
    await page.getByTestId("back-to-start").click();
    const row = page.getByTestId("draft-row").filter({ hasText: "城关镇第一小学" });
    assert.equal(await row.getByTestId("draft-complete").textContent(), "100%");
  });
  await page.close();
});

test("a typo in a number is named in Chinese, kept as typed, and fixed in place", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await newDraft(page, "yzjh-school", { fields: { school_name: "错字测试小学" }, type: "primary" });
    // A school year the county could not read is said at once, and fixed in place.
    const year = page.getByTestId("profile-school_year");
    await year.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("2026", { delay: 40 });
    await page.getByTestId("messages-profile-school_year").getByText("学年“2026”无法识别").waitFor();
    assert.equal(await year.getAttribute("aria-invalid"), "true");
    await page.keyboard.type("-27", { delay: 40 });
    assert.equal(await year.inputValue(), "2026-27");
    // Kept as typed; how the county reads it is said (it went without a word).
    assert.equal((await page.getByTestId("messages-profile-school_year").textContent()).trim(), "县里按“2026-2027”学年读取。");
    assert.equal(await year.getAttribute("aria-invalid"), null);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "profile-school_year", "focus stayed");
    await page.getByTestId("tab-fill").click();
    const field = page.getByTestId("input-teachers_backbone");
    await field.click();
    await page.keyboard.type("12人", { delay: 40 });
    const message = page.getByTestId("messages-slot-teachers_backbone");
    assert.equal(
      (await message.textContent()).trim(),
      "县级及以上骨干教师数：“12人”不是数字：只填写数字，不要写单位或文字。",
    );
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    // Described by its hint and its message.
    assert.equal(await field.getAttribute("aria-describedby"), "slot-teachers_backbone-hint slot-teachers_backbone-msgs");
    await waitSaved(page);
    await page.reload();
    await page.getByTestId("fill-page").waitFor();
    assert.equal(await page.getByTestId("input-teachers_backbone").inputValue(), "12人", "what was typed is kept");
    await page.getByTestId("check").click();
    await page.getByTestId("announcer").getByText(/检查：1 处填写有误，\d+ 项未填写，0 处提醒；第一处：在校学生数/).waitFor();
    // The panel lists the first gap first and names the wrong value; its link goes there.
    const places = page.getByTestId("check-panel").getByTestId("check-place");
    assert.match(await places.first().innerText(), /基础数据 · 在校学生数/);
    assert.ok((await places.allInnerTexts()).some((p) => /“12人”不是数字/.test(p)));
    await places.first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "slot-students", "the first gap comes first");
    await page.getByTestId("input-teachers_backbone").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("１２", { delay: 40 });
    assert.equal(await page.getByTestId("input-teachers_backbone").getAttribute("aria-invalid"), "false", "full-width digits are fine");
    assert.equal((await message.textContent()).trim(), "");
  });
  await page.close();
});

test("drafts can be duplicated and deleted (after confirming), from the keyboard, the focus kept and each said", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await newDraft(page, "zlpj-school", { fields: { school_name: "复制测试中学" }, type: "junior" });
    await waitSaved(page);
    await page.getByTestId("back-to-start").click();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return el === document.body ? "body" : `${el.id}|${el.closest("[data-testid=draft-row]")?.querySelector("[data-testid=draft-school]")?.textContent ?? ""}`;
    });
    const announced = () => page.getByTestId("announcer").textContent();
    // 复制 with Enter: the list is sorted again, and the focus goes to the copy's 打开 (it
    // was left on another draft's button), the copy said.
    await page.getByTestId("draft-row").filter({ hasText: "复制测试中学" }).getByTestId("draft-duplicate").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("draft-row").filter({ hasText: "复制测试中学（副本）" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith("draft-open-"));
    assert.match(await focused(), /^draft-open-.*\|复制测试中学（副本）$/);
    assert.equal(await announced(), "已复制，副本为“复制测试中学（副本）”。");
    page.once("dialog", (d) => d.dismiss());
    await page.getByTestId("draft-row").filter({ hasText: "复制测试中学（副本）" }).getByTestId("draft-delete").click();
    assert.equal(await page.getByTestId("draft-row").filter({ hasText: "复制测试中学（副本）" }).count(), 1, "dismissed: kept");
    // 删除 with Enter, confirmed: the row is gone, the focus on the list's heading (it fell to
    // the page before), the deletion said.
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("draft-row").filter({ hasText: "复制测试中学（副本）" }).getByTestId("draft-delete").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("draft-row").filter({ hasText: "复制测试中学（副本）" }).waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.id === "drafts-heading");
    assert.equal(await announced(), "已删除“复制测试中学（副本）”的草稿。");
    assert.equal(await page.getByTestId("draft-row").filter({ hasText: "复制测试中学" }).count(), 1);
  });
  await page.close();
});

test("every page in English, for a look", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await page.getByTestId("lang-toggle").click();
    await page.getByText("Start a self-assessment", { exact: true }).waitFor();
    await newDraft(page, "zlpj-school", { fields: { school_name: "No. 1 Primary" }, type: "nine_year" });
    await screenshot(page, "principal-profile-en");
    await page.getByTestId("tab-fill").click();
    await page.getByTestId("section-2").click();
    await screenshot(page, "principal-fill-en");
    await page.getByTestId("tab-results").click();
    // Nothing answered yet: whether a veto item fails is not known (an empty form once said
    // "No veto item failed", in green, on screen and in the printed report).
    assert.equal(await page.getByTestId("veto").textContent(), "Not known yet");
    assert.match(await page.getByTestId("veto-open").textContent(), /^\d+ veto items not answered yet$/);
    await screenshot(page, "principal-results-en");
    // The 85 % line on each area's bar is the area's pass line, not a grade line: said so.
    assert.match(await page.getByTestId("area-bars-legend").textContent(), /each area's pass line \(at least 85% of its points\)/);
    await checkAccessibility(page, "results (en)");

    // The printed plan in English: every header and cell within its column.
    await page.getByTestId("tab-plan").click();
    await page.getByTestId("plan-add").click();
    await page.getByTestId("plan-1-owner").click();
    await page.keyboard.type("General Affairs Office", { delay: 20 });
    await page.getByTestId("plan-1-deadline").fill("2027-08-31");
    await page.getByTestId("tab-report").click();
    await page.getByTestId("report-page").waitFor();
    // The page as printed: A4 less its margins (182 mm ≈ 688 px) wide.
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.emulateMedia({ media: "print" });
    const overflowing = await page.evaluate(() => [...document.querySelectorAll(".plan-table th, .plan-table td")]
      .filter((c) => c.getClientRects().length && c.scrollWidth > c.clientWidth + 1)
      .map((c) => `${c.textContent.trim()} (${c.scrollWidth} > ${c.clientWidth})`));
    assert.deepEqual(overflowing, [], "nothing in the printed plan runs into the next column");
    const dateLines = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents([...document.querySelectorAll(".plan-table td:nth-child(5)")].find((s) => s.textContent.trim()));
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    assert.equal(dateLines, 1, "the deadline prints on one line");
    writeFileSync(join(RESULTS, "report-en.pdf"), await page.pdf({ format: "A4", printBackground: true }));
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId("lang-toggle").click();
  });
  await page.close();
});
