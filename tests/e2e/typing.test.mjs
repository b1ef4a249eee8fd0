// Typing as a principal types: one key at a time, through values that are wrong on the way
// (a minus sign first, more teachers than students, a letter), with Backspace, select-all and
// Tab. Every keystroke must land and focus must stay in the field, on every kind of field.
// (The earlier tests used fill(), which sets the value at once: they passed while typing "-900"
// left "-9" and focus on the page body.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { gotoStart, screenshot, sharedSession, withFailureShot } from "./helpers.mjs";
import { newDraft, waitSaved } from "./principal.mjs";

const session = sharedSession();
const DELAY = 40;

/** The id (or data-testid) of the focused element. */
const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.id || document.activeElement?.tagName);

/** Clicks into a field, selects what is there, and types `text` key by key. */
async function retype(page, testid, text) {
  await page.getByTestId(testid).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text, { delay: DELAY });
}

/** Asserts the field shows `value`, still has focus, and whether it is marked invalid. */
async function expectField(page, testid, value, { invalid, message } = {}) {
  const field = page.getByTestId(testid);
  assert.equal(await field.inputValue(), value, `${testid} shows what was typed`);
  assert.equal(await focused(page), testid, `focus stayed in ${testid}`);
  if (invalid !== undefined) {
    assert.equal(await field.getAttribute("aria-invalid"), String(invalid), `${testid} aria-invalid`);
  }
  if (message) {
    const described = await field.getAttribute("aria-describedby");
    assert.ok(described, `${testid} names its message`);
    // Its messages, after its hint or requirement and where it stands.
    const messages = described.split(" ").find((id) => id.endsWith("-msgs"));
    assert.ok(messages, `${testid} is described by its messages: ${described}`);
    const text = await page.locator(`[id="${messages}"]`).textContent();
    assert.match(text, message, `${testid} message`);
  }
}

test("every keystroke lands and focus stays, through wrong values on the way", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await newDraft(page, "yzjh-school", { fields: {}, type: "primary" });

    // 基本信息: text fields and the enrolment, typed.
    await page.getByTestId("profile-school_name").click();
    await page.keyboard.type("城关镇第二小学", { delay: DELAY });
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), "profile-school_code", "Tab moves to the next field");
    await page.keyboard.type("=4307", { delay: DELAY });
    assert.equal(await page.getByTestId("profile-school_code").inputValue(), "=4307");
    // Enrolment: a minus sign first, then a fraction, then a real count.
    await retype(page, "input-students", "-5");
    await expectField(page, "input-students", "-5", { invalid: true, message: /在校学生数.*“-5”是负数/ });
    await retype(page, "input-students", "600.5");
    await expectField(page, "input-students", "600.5", { invalid: true, message: /不是整数/ });
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await expectField(page, "input-students", "600", { invalid: false });
    await retype(page, "input-students", "1000");
    await expectField(page, "input-students", "1000", { invalid: false });

    // 基础数据: the cases people hit.
    await page.getByTestId("tab-fill").click();
    await page.getByTestId("fill-page").waitFor();
    await retype(page, "input-area_sports_indoor", "-900");
    await expectField(page, "input-area_sports_indoor", "-900", { invalid: true, message: /“-900”是负数/ });
    await retype(page, "input-area_sports_indoor", "900");
    await expectField(page, "input-area_sports_indoor", "900", { invalid: false });

    // More teachers than students, then corrected by selecting and typing.
    await retype(page, "input-teachers_full_time", "5000");
    await expectField(page, "input-teachers_full_time", "5000", { invalid: true, message: /“5000”人大于“在校学生数”（1000 人）/ });
    await retype(page, "input-teachers_full_time", "50");
    await expectField(page, "input-teachers_full_time", "50", { invalid: false });

    // A letter, then Backspace; clearing a field with a message keeps focus too.
    await retype(page, "input-classes", "24a");
    await expectField(page, "input-classes", "24a", { invalid: true, message: /“24a”不是数字/ });
    await page.keyboard.press("Backspace");
    await expectField(page, "input-classes", "24", { invalid: false });
    await retype(page, "input-classes", "0");
    await expectField(page, "input-classes", "0", { invalid: true, message: /小于 1/ });
    await page.keyboard.press("Backspace");
    await expectField(page, "input-classes", "");
    await page.keyboard.type("24", { delay: DELAY });
    await expectField(page, "input-classes", "24", { invalid: false });

    // Unlikely beside the others, but possible: a note to look again, never an error.
    await retype(page, "input-classes", "1200");
    await expectField(page, "input-classes", "1200", { invalid: false, message: /请核对：按在校学生数算，平均每班 0\.83 人（不影响计分；县里汇总时会先核实人数，核实前不计入）/ });
    await retype(page, "input-classes", "24");
    await expectField(page, "input-classes", "24", { invalid: false });
    assert.equal((await page.getByTestId("messages-slot-classes").textContent()).trim(), "", "the note goes with the slip");
    // 250 meant as 万元 in a field of 元.
    await retype(page, "input-equipment_value", "250");
    await expectField(page, "input-equipment_value", "250", { invalid: false, message: /生均只有 0\.25 元。按万元填写的，请把右边的单位选为“万元”/ });
    // 检查 lists it as a note (提醒), beside what is missing.
    await page.getByTestId("check").click();
    const notePlace = page.getByTestId("check-panel").getByTestId("check-place").filter({ hasText: "教学仪器设备值：请核对" });
    assert.equal(await notePlace.count(), 1);
    // The amount is in 万元 on the school's papers: the unit chosen from the keyboard, the
    // number kept as typed, the note gone, the indicator computed in 元.
    await page.getByTestId("unit-equipment_value").focus();
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.getByTestId("unit-equipment_value").inputValue(), "wan");
    assert.equal(await page.getByTestId("input-equipment_value").inputValue(), "250");
    await page.waitForFunction(() => document.querySelector('[data-testid="messages-slot-equipment_value"]').textContent.trim() === "");
    assert.equal(await notePlace.count(), 0, "the panel follows the typing");
    // Training funds over the budget, each in its own unit: 900000 元 against 85 万元 is said
    // with both units (not "900000 > 85"), and 500000 元 within 85 万元 is fine.
    await page.getByTestId("unit-public_funds_budget").selectOption("wan");
    await retype(page, "input-public_funds_budget", "85");
    await retype(page, "input-training_funds", "900000");
    await expectField(page, "input-training_funds", "900000", { invalid: true, message: /“900000”元大于“年度公用经费预算总额”（85 万元）/ });
    await retype(page, "input-training_funds", "500000");
    await expectField(page, "input-training_funds", "500000", { invalid: false });
    await waitSaved(page);
    await page.reload();
    await page.getByTestId("fill-page").waitFor();
    assert.equal(await page.getByTestId("unit-equipment_value").inputValue(), "wan", "kept");
    assert.equal(await page.getByTestId("input-equipment_value").inputValue(), "250");
    await page.getByTestId("section-1").click();
    assert.match(await page.getByTestId("item-R6").textContent(), /2500 元/, "250 万元 for 1000 pupils: 2500 元 each");
    // The report prints it as typed, with its unit.
    await page.getByTestId("tab-report").click();
    assert.equal(await page.getByTestId("report-input-equipment_value").textContent(), "250 万元");
    await page.getByTestId("tab-fill").click();
    await page.getByTestId("section-0").click();

    // A decimal comma is refused (it used to read 95,5 as 955); full-width digits are fine.
    await retype(page, "input-area_teaching", "4500,5");
    await expectField(page, "input-area_teaching", "4500,5", { invalid: true, message: /逗号不是千位分隔/ });
    await retype(page, "input-area_teaching", "４，５００");
    await expectField(page, "input-area_teaching", "４，５００", { invalid: false });

    // Tab walks on to the next field with nothing lost.
    await page.keyboard.press("Tab");
    assert.equal(await page.getByTestId("input-area_teaching").inputValue(), "４，５００");

    // An item's number field and its evidence note, on the next section.
    await page.getByTestId("section-2").click();
    await retype(page, "input-G6", "-46");
    await expectField(page, "input-G6", "-46", { invalid: true, message: /负数/ });
    await retype(page, "input-G6", "46");
    await expectField(page, "input-G6", "46", { invalid: false });
    await page.getByTestId("note-G6").click();
    await page.keyboard.type("三年级两个班 46 人", { delay: DELAY });
    assert.equal(await page.getByTestId("note-G6").inputValue(), "三年级两个班 46 人");
    assert.equal(await focused(page), "note-G6");
    await screenshot(page, "typing-fill-zh");

    // 整改清单 rows, typed.
    await page.getByTestId("tab-plan").click();
    await page.getByTestId("plan-generate").click();
    const problem = page.locator('[data-testid$="-measure"]').first();
    const id = await problem.getAttribute("data-testid");
    await problem.click();
    await page.keyboard.type("分班，增聘教师 2 名", { delay: DELAY });
    assert.equal(await problem.inputValue(), "分班，增聘教师 2 名");
    assert.equal(await focused(page), id);
  });
  await page.close();
});
