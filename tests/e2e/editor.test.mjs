// 制作县级清单 as a county officer makes one: the 衡阳 variant of the built-in 办学质量
// checklist through the form alone (typed with the keyboard, mistakes included), checked
// against the published file; kept in the browser across a reload; out to a spreadsheet and
// back; then a principal fills a draft with the saved file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gotoStart, ROOT, screenshot, withFailureShot, sharedSession } from "./helpers.mjs";
import { checkAccessibility } from "./principal.mjs";

const session = sharedSession();
const HENGYANG = JSON.parse(readFileSync(join(ROOT, "checklists/zlpj-school-hengyang.json"), "utf8"));
// The content hash of the published file, as the schools' submissions record it.
const COUNTY = join(ROOT, "tests/corpus/county");
const HASH = JSON.parse(readFileSync(join(COUNTY, readdirSync(COUNTY).find((f) => f.includes("hengyang"))), "utf8")).checklist.sha256;

function item(doc, id) {
  for (const a of doc.areas) for (const i of a.indicators) for (const it of i.items) if (it.id === id) return it;
  throw new Error(`no item ${id}`);
}

/** Replaces a field's text the way a person does: click, select all, type. */
async function retype(page, testid, text, delay = 15) {
  const field = page.getByTestId(testid);
  await field.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text, { delay });
  assert.equal(await field.inputValue(), text, `${testid} shows what was typed`);
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, `${testid} keeps the focus`);
}

/** A checklist without the values a missing field defaults to. */
function withoutDefaults(v) {
  if (Array.isArray(v)) return v.map(withoutDefaults);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v)
      .filter(([, x]) => x !== false && x !== null && !(Array.isArray(x) && x.length === 0))
      .map(([k, x]) => [k, withoutDefaults(x)]));
  }
  return v;
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

test("a county officer makes the 衡阳 checklist in the app; a principal fills a draft with it", { timeout: 240000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await page.getByTestId("make-checklist").click();
    await page.getByTestId("editor-start").waitFor();
    await page.getByTestId("ed-drafts-empty").waitFor();
    const bases = await page.getByTestId("ed-base").locator("option").allTextContents();
    await page.getByTestId("ed-base").selectOption(String(bases.findIndex((o) => o.endsWith("· zlpj-school"))));
    await page.getByTestId("ed-start").click();
    await page.getByTestId("editor").waitFor();
    const count = page.getByTestId("ed-problem-count");
    assert.equal(await count.textContent(), "没有问题：可以保存为清单文件。");

    // Unchanged, it is the built-in checklist: saving it under the same id and version with
    // other content would give schools two checklists under one name.
    await page.getByTestId("ed-node-B5.1.1").click();
    assert.match(await page.getByTestId("ed-form-heading").textContent(), /项目 B5\.1\.1/);
    await retype(page, "ed-rule-value-primary", "75");
    await count.getByText("1 处需要更正").waitFor();
    assert.match(await page.getByTestId("ed-problems").textContent(), /zlpj-school 版本 2026\.6 已经载入，但内容不同/);
    assert.equal(await page.getByTestId("ed-save-file").isDisabled(), true);

    // The checklist's own fields.
    await page.getByTestId("ed-node-meta").click();
    await retype(page, "ed-id", HENGYANG.id);
    for (const l of ["zh", "en"]) {
      await retype(page, `ed-title-${l}`, HENGYANG.title[l], 5);
      await retype(page, `ed-issuer-${l}`, HENGYANG.issuer[l], 5);
      await retype(page, `ed-description-${l}`, HENGYANG.description[l], 2);
    }
    await count.getByText("没有问题").waitFor();

    // B5.1.1: 90 minutes for every school type, typed through mistakes.
    await page.getByTestId("ed-node-B5.1.1").click();
    const want = item(HENGYANG, "B5.1.1");
    for (const l of ["zh", "en"]) await retype(page, `ed-item-guidance-${l}`, want.guidance[l], 5);
    await page.getByTestId("ed-item-source").selectOption(want.source.source);
    await retype(page, "ed-item-clause", want.source.clause);
    // A letter: kept as typed, named under the field, saving refused; then corrected.
    await retype(page, "ed-rule-value-primary", "9o", 60);
    const primary = page.getByTestId("ed-rule-value-primary");
    assert.equal(await primary.getAttribute("aria-invalid"), "true");
    const message = page.locator(`#${await primary.getAttribute("aria-describedby")}`);
    assert.match(await message.textContent(), /“9o”不是数字/);
    assert.equal(await page.getByTestId("ed-save-file").isDisabled(), true);
    // A number too large is named as too large (it was called "not a number").
    await retype(page, "ed-rule-value-primary", "99999999999999999999", 10);
    await page.locator(`#${await primary.getAttribute("aria-describedby")}`).getByText("“99999999999999999999”太大，请核对。").waitFor();
    await retype(page, "ed-rule-value-primary", "9o", 60);
    await page.keyboard.press("Backspace");
    await page.keyboard.type("0", { delay: 60 });
    assert.equal(await primary.inputValue(), "90");
    assert.equal(await primary.getAttribute("aria-invalid"), null);
    assert.equal(await primary.evaluate((el) => el === document.activeElement), true);
    // A minus sign first, then the number: the field keeps every keystroke.
    await retype(page, "ed-rule-value-junior", "-", 60);
    await page.keyboard.press("Backspace");
    await page.keyboard.type("90", { delay: 60 });
    assert.equal(await page.getByTestId("ed-rule-value-junior").inputValue(), "90");
    // Full-width digits, as a Chinese input method types them.
    await retype(page, "ed-rule-value-nine_year", "９０", 60);
    await page.keyboard.press("Tab");
    assert.equal(await page.getByTestId("ed-rule-value-nine_year").inputValue(), "90");

    // Points typed wrong on another item: a problem in the list leads to the field.
    await page.getByTestId("ed-node-B5.1.2").click();
    const points = await page.getByTestId("ed-item-points").inputValue();
    await retype(page, "ed-item-points", "abc", 40);
    await page.getByTestId("ed-node-meta").click();
    await count.getByText("1 处需要更正").waitFor();
    await page.getByTestId("ed-problem").click();
    assert.equal(await page.getByTestId("ed-item-points").evaluate((el) => el === document.activeElement), true, "the problem leads to its field");
    await page.keyboard.press("Control+A");
    await page.keyboard.type(points, { delay: 40 });
    await count.getByText("没有问题").waitFor();

    // The published file's content, hash shown for the schools to check.
    assert.match(await page.getByTestId("ed-hash").textContent(), new RegExp(HASH));
    await screenshot(page, "editor-1280-zh");
    await checkAccessibility(page, "editor form");

    // The changes against the original, for the office's record.
    await page.getByTestId("ed-tab-diff").click();
    const diff = await page.getByTestId("ed-diff").textContent();
    for (const type of ["小学", "初中", "九年一贯制"]) assert.match(diff, new RegExp(`${type}达标线：≥ 60 → ≥ 90`));
    assert.match(diff, /编号：zlpj-school → zlpj-school-hengyang/);
    assert.match(diff, /条款：.* → 任务1\(3\)/);
    await screenshot(page, "editor-diff-1280-zh");
    await checkAccessibility(page, "editor changes");

    // The preview: the checklist as a school fills it in.
    await page.getByTestId("ed-tab-preview").click();
    await page.getByTestId("ed-preview").getByTestId("fill-page").waitFor();
    // The test school has answered everything; its result is there at once.
    await page.getByTestId("overall-progress").getByText(/已填 (\d+)\/\1$/).waitFor();
    // A school an officer recognises: 600 pupils, their budget in the millions, nothing to
    // look at twice (it had 600 of everything: 1 元 of budget per pupil).
    const preview = page.getByTestId("ed-preview");
    assert.equal(await preview.getByTestId("input-students").inputValue(), "600");
    assert.equal(await preview.getByTestId("input-public_funds_budget").inputValue(), "600000");
    assert.equal(await preview.getByText(/请核对/).count(), 0, "no 数据合理性提醒 on the test school");
    await screenshot(page, "editor-preview-1280-zh");
    await page.getByTestId("ed-preview-results").click();
    await page.getByTestId("results-page").getByTestId("total").waitFor();
    assert.equal(await page.getByTestId("provisional").count(), 0, "a complete test school's result is final");
    assert.match(await page.getByTestId("area-bars-legend").textContent(), /竖线是各部分的达标线（得分率 ≥ 85%）/);
    await screenshot(page, "editor-preview-results-1280-zh");

    // Saved as a file: the published checklist.
    const saved = await download(page, () => page.getByTestId("ed-save-file").click());
    assert.equal(saved.name, "zlpj-school-hengyang-2026_6.json");
    // The same content (the hash above is of it); the file also spells out the defaults
    // that the hand-written one leaves out (allow_na: false …).
    assert.deepEqual(withoutDefaults(JSON.parse(readFileSync(saved.path, "utf8"))), withoutDefaults(HENGYANG));

    // Kept in this browser: a reload finds the draft as it was.
    await page.reload();
    await page.getByTestId("editor-start").waitFor();
    await page.getByTestId("ed-draft-row").first().getByTestId("ed-draft-open").click();
    assert.match(await page.getByTestId("ed-hash").textContent(), new RegExp(HASH));

    // To a spreadsheet and back: unchanged; a broken table is refused by row and column.
    await page.getByTestId("ed-tab-edit").click();
    const csv = await download(page, () => page.getByTestId("ed-csv-export").click());
    assert.equal(csv.name, "zlpj-school-hengyang-2026_6.csv");
    await page.getByTestId("ed-csv-file").setInputFiles({ name: csv.name, mimeType: "text/csv", buffer: readFileSync(csv.path) });
    await page.getByTestId("ed-notice").getByText("已从表格导入").waitFor();
    assert.match(await page.getByTestId("ed-hash").textContent(), new RegExp(HASH));
    const table = readFileSync(csv.path, "utf8").split("\n");
    const row = table.findIndex((l) => l.includes(",B5.1.1,"));
    table[row] = table[row].replace(/≥ 90/, "至少90");
    await page.getByTestId("ed-csv-file").setInputFiles({ name: "改过.csv", mimeType: "text/csv", buffer: Buffer.from(table.join("\n")) });
    await page.getByTestId("ed-notice").getByText(`第 ${row + 1} 行“小学标准”列：“至少90”不是达标线`).waitFor();
    assert.match(await page.getByTestId("ed-hash").textContent(), new RegExp(HASH), "nothing changed");
    // Saved again by Excel as plain "CSV" on a Chinese Windows: GBK, no BOM. Read the same.
    const gbk = join(mkdtempSync(join(tmpdir(), "ziping-gbk-")), "衡阳清单.csv");
    execFileSync("python3", ["-c", "import sys; open(sys.argv[2], 'wb').write(open(sys.argv[1], encoding='utf-8-sig').read().encode('gb18030'))", csv.path, gbk]);
    await page.getByTestId("ed-csv-file").setInputFiles(gbk);
    await page.getByTestId("ed-notice").getByText("已从表格导入").waitFor();
    assert.match(await page.getByTestId("ed-hash").textContent(), new RegExp(HASH));

    // Used on this computer: new drafts here can start from it.
    await page.getByTestId("ed-use-here").click();
    await page.getByTestId("ed-notice").getByText("已在本机使用").waitFor();
    // The skip link is an anchor, not a way out of 制作县级清单.
    await page.locator(".skip-link").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("editor").waitFor();
    // Back in the county summary, a school's file made with it is read with it.
    await page.getByTestId("ed-back").click();
    await page.getByTestId("ed-to-county").click();
    await page.getByTestId("county-page").waitFor();
    await page.getByTestId("county-files").setInputFiles(join(COUNTY, readdirSync(COUNTY).find((f) => f.includes("hengyang"))));
    await page.getByTestId("county-summary").getByText("正常 1").waitFor();

    // A principal fills a draft with the saved file.
    await page.goto(session.server.url);
    await page.getByTestId("start-page").waitFor();
    await page.getByTestId("county-checklist-zlpj-school-hengyang").waitFor();
    await page.getByTestId("checklist-file").setInputFiles(saved.path);
    await page.getByTestId("profile-page").waitFor();
    await page.getByTestId("profile-school_name").fill("衡阳县第二中学");
    await page.getByTestId("type-junior").check();
    await page.getByTestId("tab-fill").click();
    const area = await page.locator('[data-testid^="section-"]').filter({ hasText: "学生发展" }).first();
    await area.click();
    const minutes = page.getByTestId("input-B5.1.1");
    await minutes.click();
    await page.keyboard.type("75", { delay: 60 });
    await page.getByTestId("item-B5.1.1").getByTestId("outcome").getByText("未达标").waitFor();
    assert.match(await page.getByTestId("item-B5.1.1").textContent(), /≥ 90/);
    await page.close();
  });
});

test("制作县级清单 at 390 px and in English", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${session.server.url}county/#checklist`);
    await page.getByTestId("editor-start").waitFor();
    // From a checklist file: a broken one is refused by name with its reason; a good one opens.
    await page.getByTestId("ed-from-file").setInputFiles({ name: "=坏清单.json", mimeType: "application/json", buffer: Buffer.from('{"format": "ziping.checklist/1",') });
    await page.getByTestId("ed-from-file-error").getByText(/=坏清单\.json.*不是有效的清单文件/).waitFor();
    await screenshot(page, "editor-start-390-zh");
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, "the start of 制作县级清单 does not scroll sideways");
    await page.getByTestId("ed-from-file").setInputFiles(join(ROOT, "checklists/zlpj-school-hengyang.json"));
    await page.getByTestId("ed-heading").getByText("衡阳市任务清单版").waitFor();
    await page.getByTestId("ed-back").click();
    await page.getByTestId("editor-start").waitFor();
    await page.getByTestId("ed-start").click();
    await page.getByTestId("editor").waitFor();
    // By keyboard: a part of the structure is chosen with Enter; its form's heading takes the
    // focus, the fields follow with Tab.
    await page.getByTestId("ed-node-R1").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("ed-form-heading").getByText("项目 R1").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "ed-form-heading");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "ed-item-id");
    // A 九年一贯制 school without a rule of its own is judged part by part: said so.
    const nine = page.getByTestId("ed-rule-op-nine_year");
    assert.equal(await nine.inputValue(), "");
    assert.match(await nine.locator("option:checked").textContent(), /分学部判断/);
    // Not for 初中, then for 初中 again: its threshold is still there.
    const junior = await page.getByTestId("ed-rule-value-junior").inputValue();
    await page.getByTestId("ed-applies-junior").click();
    await page.getByTestId("ed-rule-op-junior").waitFor({ state: "detached" });
    await page.getByTestId("ed-applies-junior").click();
    assert.equal(await page.getByTestId("ed-rule-value-junior").inputValue(), junior);
    await page.getByTestId("ed-problem-count").getByText("没有问题").waitFor();
    await screenshot(page, "editor-390-zh");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page does not scroll sideways (${width} px)`);
    await page.getByTestId("lang-toggle").click();
    await page.getByTestId("ed-problem-count").getByText("Nothing to correct").waitFor();
    await screenshot(page, "editor-390-en");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "editor-1280-en");
    // Typed, then deleted at once (after confirming): the draft does not come back.
    await page.getByTestId("ed-node-meta").click();
    // A grade 14 items cap the grade at cannot be removed (removed, it left a draft no one
    // could mend: 14 items naming a grade that was gone); the page says why.
    const mostly = page.locator("fieldset", { has: page.locator("legend", { hasText: /^mostly$/ }) });
    assert.ok(await mostly.locator("button.danger").isDisabled());
    assert.match(await mostly.locator("p.muted").textContent(), /G1/);
    await retype(page, "ed-version", "2026.3-草稿", 20);
    const rows = page.getByTestId("ed-draft-row");
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("ed-delete").click();
    await page.getByTestId("editor-start").waitFor();
    await page.reload();
    await page.locator('[data-testid="ed-draft-row"], [data-testid="ed-drafts-empty"]').first().waitFor();
    assert.equal(await rows.filter({ hasText: "2026.3-草稿" }).count(), 0, "the deleted draft stays deleted");
    await page.close();
  });
});

test("a levels item: its levels follow its points, each level's name and criteria are edited", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await page.goto(`${session.server.url}county/#checklist`);
    await page.getByTestId("editor-start").waitFor();
    // In Chinese (the language is kept from an earlier test's toggle).
    if ((await page.getByTestId("lang-toggle").textContent()).trim() === "中文") await page.getByTestId("lang-toggle").click();
    await page.getByTestId("editor-start").getByText("制作县级清单").first().waitFor();
    const bases = await page.getByTestId("ed-base").locator("option").allTextContents();
    await page.getByTestId("ed-base").selectOption(String(bases.findIndex((o) => o.endsWith("· zlpj-school"))));
    await page.getByTestId("ed-start").click();
    await page.getByTestId("ed-node-B1.1.1").click();
    const levels = JSON.parse(readFileSync(join(ROOT, "checklists/zlpj-school.json"), "utf8"));
    const b111 = item(levels, "B1.1.1");
    const points = b111.kind.levels.map((l) => l.points);
    // Twice the points: every level's points doubled.
    await retype(page, "ed-item-points", String(b111.points * 2), 60);
    for (const [k, p] of points.entries()) {
      assert.equal(await page.getByTestId(`ed-level-points-${k}`).inputValue(), String(p * 2));
    }
    await retype(page, `ed-level-label-1-zh`, "基本落实", 30);
    await retype(page, `ed-level-description-1-zh`, "有制度，记录不全。", 30);
    // The best level short of the item's points: named at the top of the item's form.
    await retype(page, "ed-level-points-0", "1", 60);
    await page.getByTestId("ed-form-problems").getByText("最高等级的得分须等于本项分值").waitFor();
    await retype(page, "ed-level-points-0", String(points[0] * 2), 60);
    await page.getByTestId("ed-form-problems").getByText("最高等级的得分须等于本项分值").waitFor({ state: "detached" });
    await screenshot(page, "editor-levels-1280-zh");
    // A group rule of the county's own: at least 2 of 3 PE items met.
    await page.getByTestId("ed-node-meta").click();
    await page.getByTestId("ed-add-group").click();
    await page.getByTestId("ed-node-meta").click();
    await retype(page, "ed-group-title-0-zh", "体育与健康至少2项达标", 20);
    // An item id that does not exist is said under the list it was typed in (it was only in
    // the list of problems, which led nowhere).
    await retype(page, "ed-group-items-0", "B5.1.1、B9.9、B5.1.5", 20);
    const items = page.getByTestId("ed-group-items-0");
    await page.waitForFunction(() => document.querySelector('[data-testid="ed-group-items-0"]').getAttribute("aria-invalid") === "true");
    const describedBy = await items.getAttribute("aria-describedby");
    assert.match(await page.locator(`[id="${describedBy}"]`).textContent(), /B9\.9/);
    // The list of problems says which rule (it said only “清单信息 · 包含的项目编号…”).
    assert.match(await page.getByTestId("ed-problems").textContent(), /清单信息 · 组合规则 GR1 · 包含的项目编号/);
    await retype(page, "ed-group-items-0", "B5.1.1、B5.1.4、B5.1.5", 20);
    await retype(page, "ed-group-min-0", "2", 40);
    await retype(page, "ed-group-clause-0", "县任务5", 20);
    await page.getByTestId("ed-problem-count").getByText("1 处需要更正").waitFor(); // only the clash: same id and version
    await retype(page, "ed-version", "2026.5-县", 20);
    await page.getByTestId("ed-problem-count").getByText("没有问题").waitFor();
    // A met / not met item made a number item with a threshold.
    await page.getByTestId("ed-node-B5.1.2").click();
    await page.getByTestId("ed-item-kind").selectOption("number");
    await retype(page, "ed-item-unit", "节/周", 30);
    for (const type of ["primary", "junior", "nine_year"]) await retype(page, `ed-rule-value-${type}`, "3", 40);
    await page.getByTestId("ed-problem-count").getByText("没有问题").waitFor();
    await page.getByTestId("ed-tab-diff").click();
    assert.match(await page.getByTestId("ed-diff").textContent(), /组合规则 GR1新增/);
    assert.match(await page.getByTestId("ed-diff").textContent(), /类型：达标\/未达标 → 数值/);
    await page.getByTestId("ed-tab-edit").click();
    await page.getByTestId("ed-tab-diff").click();
    const diff = await page.getByTestId("ed-diff").textContent();
    assert.match(diff, new RegExp(`项目 B1.1.1 · 等级 ${b111.kind.levels[1].id} 基本落实`));
    assert.match(diff, /等级名称（中文）|名称（中文）：/);
    await page.close();
  });
});

test("two tabs on one checklist draft: the newer work is never overwritten", { timeout: 120000 }, async (t) => {
  const a = await session.browser.context.newPage();
  const b = await session.browser.context.newPage();
  await withFailureShot(t, b, async () => {
    await a.goto(`${session.server.url}county/#checklist`);
    if ((await a.getByTestId("lang-toggle").textContent()).trim() === "中文") await a.getByTestId("lang-toggle").click();
    await a.getByTestId("ed-start").click();
    await a.getByTestId("ed-node-meta").click();
    await retype(a, "ed-version", "2026.3-甲", 30);
    await a.getByTestId("ed-save-status").getByText("已保存").waitFor();

    await b.goto(`${session.server.url}county/#checklist`);
    await b.getByTestId("ed-draft-row").filter({ hasText: "2026.3-甲" }).getByTestId("ed-draft-open").click();
    await b.getByTestId("ed-node-meta").click();
    assert.equal(await b.getByTestId("ed-version").inputValue(), "2026.3-甲");

    // A goes on; B, still at the older revision, types too: B stops saving and asks.
    await a.getByTestId("ed-version").click();
    await a.keyboard.press("End");
    await a.keyboard.type("乙", { delay: 30 });
    await a.getByTestId("ed-save-status").getByText("已保存").waitFor();
    await b.getByTestId("ed-version").click();
    await b.keyboard.press("End");
    await b.keyboard.type("丙", { delay: 30 });
    await b.getByTestId("ed-save-status").getByText("本页暂停保存").waitFor();
    await screenshot(b, "editor-conflict-1280-zh");

    // B takes A's version (after confirming): A's work is there, nothing of it lost.
    b.once("dialog", (d) => d.accept());
    await b.getByTestId("ed-load-theirs").click();
    await b.getByTestId("ed-node-meta").click();
    await b.getByTestId("ed-version").waitFor();
    assert.equal(await b.getByTestId("ed-version").inputValue(), "2026.3-甲乙");
    // And A goes on saving.
    await a.keyboard.type("丁", { delay: 30 });
    await a.getByTestId("ed-save-status").getByText("已保存").waitFor();
    await a.close();
    await b.close();
  });
});

test("a checklist draft deleted in another tab is not brought back unless kept", { timeout: 120000 }, async (t) => {
  const a = await session.browser.context.newPage();
  const b = await session.browser.context.newPage();
  b.on("dialog", (d) => d.accept());
  await withFailureShot(t, a, async () => {
    await a.goto(`${session.server.url}county/#checklist`);
    if ((await a.getByTestId("lang-toggle").textContent()).trim() === "中文") await a.getByTestId("lang-toggle").click();
    await a.getByTestId("ed-start").click();
    await a.getByTestId("ed-node-meta").click();
    await retype(a, "ed-version", "2026.4-删", 30);
    await a.getByTestId("ed-save-status").getByText("已保存").waitFor();

    await b.goto(`${session.server.url}county/#checklist`);
    const row = b.getByTestId("ed-draft-row").filter({ hasText: "2026.4-删" });
    await row.getByTestId("ed-draft-delete").click();
    await row.waitFor({ state: "detached" });

    // A types on: its next save finds the draft gone, stops and says so; the text stays.
    await a.getByTestId("ed-version").click();
    await a.keyboard.press("End");
    await a.keyboard.type("甲", { delay: 30 });
    await a.getByTestId("ed-save-status").getByText("已停止保存").waitFor();
    assert.equal(await a.getByTestId("ed-version").inputValue(), "2026.4-删甲");
    await b.reload();
    await b.getByTestId("ed-start").waitFor();
    await b.waitForTimeout(500);
    assert.equal(await b.getByTestId("ed-draft-row").filter({ hasText: "2026.4-删" }).count(), 0, "not brought back unasked");

    // Kept: stored again, as A has it.
    await a.getByTestId("ed-keep-deleted").click();
    await a.getByTestId("ed-save-status").getByText("已保存").waitFor();
    await b.reload();
    await b.getByTestId("ed-draft-row").filter({ hasText: "2026.4-删甲" }).waitFor();
    await a.close();
    await b.close();
  });
});
