// What a screen reader hears, read from Chromium's accessibility tree (names and
// descriptions as it computes them), and where the focus goes, driven by the keyboard: the
// defects a keyboard-and-screen-reader walk-through found (2026-12-07).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { gotoStart, ROOT, sharedSession, withFailureShot } from "./helpers.mjs";

const session = sharedSession();
const DELAY = 15;
/** Every standing an indicator can have, in words (the catalogue's Outcome* texts). */
const OUTCOMES = "达标|未达标|未达标（不低于标准的\\d+%）|未达标（不低于下限）|部分达标|不适用|已填写|未填写|填写有误|无法计算";

/** The accessible name and description of the element `selector` finds, as Chromium gives
 * them to a screen reader. */
async function ax(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `no ${selector}`);
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    const node = nodes.find((n) => !n.ignored) || nodes[0];
    return { name: node.name?.value || "", description: node.description?.value || "" };
  } finally {
    await cdp.detach();
  }
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

/** A new 优质均衡 draft of a 九年一贯制 school, on 逐项填写's 政府保障程度. */
async function nineYearDraft(page) {
  await gotoStart(page, session.server.url);
  await page.getByTestId("new-yzjh-school").click();
  await page.getByTestId("profile-school_name").fill("读屏测试学校");
  await page.getByTestId("type-nine_year").check();
  assert.equal(await page.getByTestId("messages-profile-school_year").getAttribute("aria-live"), "polite");
  await page.getByTestId("tab-fill").click();
  await page.getByTestId("section-2").click();
  await page.getByTestId("input-G6@primary").waitFor();
}

test("a number says its item, its part and its unit, and describes its requirement and where it stands", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await nineYearDraft(page);
    const primary = await ax(page, '[data-testid="input-G6@primary"]');
    assert.match(primary.name, /^G6 最大班额.*小学部 人$/, primary.name);
    const junior = await ax(page, '[data-testid="input-G6@junior"]');
    assert.match(junior.name, /初中部 人$/, "the two parts' fields are told apart");
    assert.match(primary.description, /要求：≤ ?45/, primary.description);
    assert.match(primary.description, /未填/, primary.description);

    // Typed key by key: the description follows; nothing is spoken while typing.
    await page.getByTestId("input-G6@primary").focus();
    await page.keyboard.type("50", { delay: DELAY });
    await page.getByTestId("item-G6").getByTestId("outcome").waitFor();
    assert.match((await ax(page, '[data-testid="input-G6@primary"]')).description, /未达标/);
    // Neither a number's messages nor the save status is a live region; fields without a
    // word on leaving (学年 on 基本信息) keep theirs.
    assert.equal(await page.locator(".field-messages[aria-live]").count(), 0);
    assert.equal(await page.getByTestId("save-status").getAttribute("aria-live"), null);

    // A problem is said once, when the field is left: not "“-”不是数字" at the first key.
    await page.getByTestId("input-G6@junior").focus();
    await page.keyboard.type("-9", { delay: DELAY });
    await page.waitForFunction(() => document.querySelector('[data-testid="input-G6@junior"]').getAttribute("aria-invalid") === "true");
    assert.equal((await page.getByTestId("announcer").textContent()).trim(), "", "nothing said while typing");
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => /G6/.test(document.querySelector('[data-testid="announcer"]').textContent));
    const said = await page.getByTestId("announcer").textContent();
    assert.match(said, /G6.*初中部/, said);
    assert.match(said, /-9/, said);

    // The three amounts in 元 are each named with their field, not all "金额单位".
    await page.getByTestId("section-0").click();
    const units = await page.locator("select.money-unit").evaluateAll((all) => all.map((s) => s.dataset.testid));
    assert.ok(units.length >= 1, "a money field");
    const names = [];
    for (const testid of units) names.push((await ax(page, `[data-testid="${testid}"]`)).name);
    assert.equal(new Set(names).size, names.length, names.join(" | "));
    names.forEach((n) => assert.match(n, /金额单位$/, n));
  });
  await page.close();
});

test("each step opens at its heading; leaving a draft returns to it in the list, named with its school", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await nineYearDraft(page);
    for (const [tab, heading] of [["tab-results", "results-heading"], ["tab-plan", "plan-heading"], ["tab-report", "report-heading"]]) {
      await page.getByTestId(tab).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction((id) => document.activeElement?.id === id, heading);
      if (tab === "tab-results") {
        // Each bar of the chart says in words what its colour shows.
        const words = await page.getByTestId("hbar-words").allTextContents();
        assert.ok(words.length >= 7, `${words.length} bars`);
        words.forEach((w) => assert.match(w, new RegExp(`^ (${OUTCOMES})$`), w));
        assert.ok(words.some((w) => w === " 未填写"), words.join("|"));
      }
    }
    await page.getByTestId("back-to-start").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("start-page").waitFor();
    await page.waitForFunction(() => /^draft-open-/.test(document.activeElement?.id || ""));
    const id = await activeId(page);
    assert.equal((await ax(page, `#${id}`)).name, "打开 读屏测试学校");
  });
  await page.close();
});

test("a notice is said once: the language toggle does not say it again", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await nineYearDraft(page);
    await page.getByTestId("input-G6@junior").focus();
    await page.keyboard.type("-9", { delay: DELAY });
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => /G6/.test(document.querySelector('[data-testid="announcer"]').textContent));
    await page.getByTestId("lang-toggle").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal((await page.getByTestId("announcer").textContent()).trim(), "");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    assert.equal((await page.getByTestId("announcer").textContent()).trim(), "", "nor toggling back");
  });
  await page.close();
});

test("on a phone, Tab to 添加佐证文件 brings its label and focus ring into sight", async (t) => {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await withFailureShot(t, page, async () => {
    await nineYearDraft(page);
    await page.getByTestId("section-1").click();
    // The field before it at the foot of the screen, as Tab after Tab leaves it: the next
    // Tab scrolls only as far as the browser thinks the picker needs.
    await page.getByTestId("note-R4").focus();
    await page.evaluate(() => {
      const r = document.querySelector('[data-testid="note-R4"]').getBoundingClientRect();
      window.scrollBy(0, r.bottom - window.innerHeight + 2);
    });
    await page.keyboard.press("Tab");
    assert.equal(await activeId(page), "attach-R4");
    const box = await page.locator('label[for="attach-R4"]').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `the label in sight: ${JSON.stringify(box)}`);
  });
  await page.close();
});

test("county mode: each indicator's standing is in words, not only its colour", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await page.goto(new URL("county/", session.server.url).href);
    await page.getByTestId("county-page").waitFor();
    const dir = join(ROOT, "examples");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => join(dir, f));
    await page.getByTestId("county-files").setInputFiles(files);
    await page.getByTestId("county-summary").getByText(`正常 ${files.length}`).waitFor();
    const words = await page.getByTestId("cell-words").allTextContents();
    assert.ok(words.length >= 7, `${words.length} cells`);
    words.forEach((w) => assert.match(w, new RegExp(`^ (${OUTCOMES}) (\\d+(\\.\\d+)?)?$`), w));
    assert.ok(words.some((w) => /^ 达标 \d/.test(w)), "a met indicator with its value");
    // What the filter leaves is said (a status the filter field names).
    assert.equal((await page.getByTestId("county-filter-count").textContent()).trim(), "");
    await page.getByTestId("county-filter").focus();
    await page.keyboard.type("桃花", { delay: DELAY });
    await page.getByTestId("county-filter-count").getByText(`筛选后显示 1 个文件（共 ${files.length} 个）`).waitFor();
    assert.match((await ax(page, '[data-testid="county-filter"]')).description, /筛选后显示 1 个文件/);
  });
  await page.close();
});

test("controls repeated on every card and checklist are told apart by name", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    const starts = [];
    for (const id of ["yzjh-school", "zlpj-school"]) starts.push((await ax(page, `[data-testid="new-${id}"]`)).name);
    assert.match(starts[0], /^用此清单新建自评 .*优质均衡/, starts[0]);
    assert.notEqual(starts[0], starts[1]);
    await nineYearDraft(page);
    await page.getByTestId("section-1").click();
    assert.equal((await ax(page, "#attach-R4")).name, "添加佐证文件 R4");
    assert.equal((await ax(page, "#note-R4")).name, "佐证说明 R4");
  });
  await page.close();
});

test("增加一行 puts the focus in the new row; an evidence file added is said, as one removed is", async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await nineYearDraft(page);
    await page.getByTestId("section-1").click();
    await page.getByTestId("attach-R4").setInputFiles(join(ROOT, "static/icons/icon.svg"));
    await page.waitForFunction(() => document.querySelector('[data-testid="announcer"]').textContent.includes("已添加佐证文件“icon.svg”"));
    // A section's progress is said in words, not as "0/7".
    assert.match((await ax(page, '[data-testid="section-1"]')).name, /，已填 \d+ 项，共 \d+ 项$/);
    await page.getByTestId("tab-plan").click();
    await page.getByTestId("plan-add").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /^plan-\d+-problem$/.test(document.activeElement?.id || ""));
    await page.keyboard.type("自己写的问题", { delay: DELAY });
    const rows = page.getByTestId("plan-row");
    assert.equal(await rows.last().locator("textarea").first().inputValue(), "自己写的问题");
    // Removed, the focus on 撤销, which says what it undoes.
    await page.getByTestId(/^plan-remove-/).last().focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "plan-undo-button");
    const undo = await ax(page, "#plan-undo-button");
    assert.equal(undo.name, "撤销");
    assert.match(undo.description, /^已删除第 \d+ 行：自己写的问题/);
  });
  await page.close();
});
