// Submission files in the browser: export, open (pick or drop), hostile files refused with
// a Chinese message that names the file, nothing on screen or in storage changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gotoStart, ROOT, screenshot, withFailureShot, sharedSession } from "./helpers.mjs";
import { newDraft, waitSaved } from "./principal.mjs";

const CORPUS = join(ROOT, "tests/corpus/import");
const EXAMPLES = join(ROOT, "examples");
const CLI = join(ROOT, "target/debug/ziping");

const session = sharedSession();

async function draftCount(page) {
  return page.getByTestId("draft-row").count();
}

test("an exported file verifies with the command line and opens again as a draft", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await newDraft(page, "yzjh-school", {
      fields: { school_name: "导出测试小学", county: "桃源县", school_year: "2026-2027" },
      type: "primary",
    });
    await page.getByTestId("input-students").fill("900");
    await waitSaved(page);
    // Incomplete: the principal is asked first. Saying no exports nothing.
    let downloads = 0;
    page.on("download", () => downloads++);
    const asked = [];
    page.once("dialog", (d) => { asked.push(d.message()); d.dismiss(); });
    await page.getByTestId("export-submission").click();
    await page.waitForTimeout(300);
    assert.equal(downloads, 0, "dismissed: no file");
    assert.match(asked[0], /^这份自评还没有完成：0 处填写有误，\d+ 项未填写。/);
    page.once("dialog", (d) => d.accept());
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-submission").click()]);
    assert.match(download.suggestedFilename(), /^桃源县-导出测试小学-yzjh-school-2026-2027-\d{4}-\d{2}-\d{2}\.json$/);
    const dir = mkdtempSync(join(tmpdir(), "ziping-export-"));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    // The file says how complete it is.
    const completion = JSON.parse(readFileSync(file, "utf8")).result.completion;
    assert.equal(completion.errors, 0);
    assert.ok(completion.answered < completion.required, JSON.stringify(completion));
    if (existsSync(CLI)) {
      const out = execFileSync(CLI, ["verify", file]).toString();
      assert.match(out, /^OK\t/, out);
    }
    // Open it again: a new draft, on its results, with the answers.
    await page.getByTestId("back-to-start").click();
    const before = await draftCount(page);
    await page.getByTestId("submission-file").setInputFiles(file);
    await page.getByTestId("results-page").waitFor();
    assert.equal(await page.getByTestId("workspace-school").textContent(), "导出测试小学");
    await waitSaved(page);
    await page.getByTestId("back-to-start").click();
    assert.equal(await draftCount(page), before + 1);
  });
  await page.close();
});

test("the example files open, by picking or by dropping", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    for (const name of readdirSync(EXAMPLES).sort()) {
      await gotoStart(page, session.server.url);
      await page.getByTestId("submission-file").setInputFiles(join(EXAMPLES, name));
      await page.getByTestId("results-page").waitFor();
      const doc = JSON.parse(readFileSync(join(EXAMPLES, name), "utf8"));
      assert.equal(await page.getByTestId("workspace-school").textContent(), doc.profile.school_name);
      const fmt = (n) => String(Number(n.toFixed(4)));
      assert.equal(await page.getByTestId("total").textContent(), `${fmt(doc.result.total.earned)} / ${fmt(doc.result.total.max)}`);
    }
    // Dropping a file on the start page does the same.
    await gotoStart(page, session.server.url);
    const name = readdirSync(EXAMPLES).sort()[1];
    const text = readFileSync(join(EXAMPLES, name), "utf8");
    const transfer = await page.evaluateHandle(({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: "application/json" }));
      return dt;
    }, { name, text });
    await page.getByTestId("start-page").dispatchEvent("drop", { dataTransfer: transfer });
    await page.getByTestId("results-page").waitFor();
    assert.equal(await page.getByTestId("workspace-school").textContent(), "桃花源中学");
  });
  await page.close();
});

test("hostile and broken files are refused by name, and nothing changes", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    const before = await draftCount(page);
    const cases = [
      ["01-empty.json", /文件是空的（没有任何内容），不是报送文件/],
      ["05-latin1-byte.json", /不是 UTF-8/],
      ["08-null.json", /不是 ziping 报送文件/],
      ["14-format-v3.json", /较新版本的 ziping 导出（格式“ziping\.export\/3”）/],
      ["17-nested-arrays.json", /嵌套层数过多/],
      ["22-extra-top-field.json", /文件内容有误：多出了不认识的字段 evil/],
      ["24-school-type-senior.json", /profile 部分有误：取值“senior”不在允许的范围内/],
      ["32-created-yesterday.json", /字段 created 的时间“yesterday”/],
      ["35-digest-one-char.json", /校验值不符/],
      // A 报送包 opened where a submission file is asked for: what to do, not "not UTF-8".
      ["62-package.zip", /这是报送包（\.zip）。这里只能打开 \.json 报送文件：请用解压软件打开报送包，取出其中的 submission\.json 再打开。/],
      ["42-checklist-hash-changed.json", /与文件制作时的内容不同/],
    ];
    for (const [file, reason] of cases) {
      await page.getByTestId("submission-file").setInputFiles(join(CORPUS, file));
      const error = page.getByTestId("import-error");
      await error.filter({ hasText: file }).waitFor();
      assert.match(await error.textContent(), reason, file);
      assert.equal(await page.getByTestId("start-page").count(), 1, `${file}: still on the start page`);
      assert.equal(await draftCount(page), before, `${file}: no draft added`);
    }
    await screenshot(page, "import-refused");
    // The last reason, in English after the toggle and in Chinese again: worded when shown.
    const error = page.getByTestId("import-error");
    await page.getByTestId("lang-toggle").click();
    await error.getByText(/42-checklist-hash-changed\.json.*differs from the one the file was made with/).waitFor();
    assert.doesNotMatch(await error.textContent(), /\p{Script=Han}/u);
    await page.getByTestId("lang-toggle").click();
    await error.getByText(/与文件制作时的内容不同/).waitFor();
    // Script in a school name (a valid file) is shown as text, never run.
    await page.getByTestId("submission-file").setInputFiles(join(CORPUS, "39-script-name-sealed.json"));
    await page.getByTestId("results-page").waitFor();
    assert.equal(await page.getByTestId("workspace-school").textContent(), "<script>alert(1)</script><img src=x onerror=alert(2)>");
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
  });
  await page.close();
});

test("a file made with a county checklist asks for it when it is not here, and opens with the copy kept here", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    const variant = join(ROOT, "checklists/zlpj-school-hengyang.json");
    // A school's file made with the 衡阳 county checklist, which this browser does not have yet:
    // the file asks for it, and opens once it is given.
    const county = join(ROOT, "tests/corpus/county", readdirSync(join(ROOT, "tests/corpus/county"))[0]);
    assert.equal(await page.getByTestId("county-checklist-zlpj-school-hengyang").count(), 0, "not kept here yet");
    await page.getByTestId("submission-file").setInputFiles(county);
    await page.getByTestId("import-error").filter({ hasText: "zlpj-school-hengyang" }).waitFor();
    assert.match(await page.getByTestId("import-error").textContent(), /请先载入该清单文件/);
    await page.getByTestId("import-checklist-file").setInputFiles(variant);
    await page.getByTestId("results-page").waitFor();
    assert.equal(await page.getByTestId("workspace-school").textContent(), "衡阳县第一中学");

    // A draft on the same checklist loaded from the start page (kept in this browser), exported.
    await page.getByTestId("back-to-start").click();
    await page.getByTestId("checklist-file").setInputFiles(variant);
    await page.getByTestId("profile-page").waitFor();
    await page.getByTestId("profile-school_name").fill("县级清单中学");
    await page.getByTestId("type-junior").check();
    await waitSaved(page);
    page.once("dialog", (d) => d.accept());
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-submission").click()]);
    const file = join(mkdtempSync(join(tmpdir(), "ziping-variant-")), "variant.json");
    await download.saveAs(file);

    // The checklist is kept here: opening the file needs nothing more (as 从去年的文件开始 does).
    await page.getByTestId("back-to-start").click();
    await page.getByTestId("county-checklist-zlpj-school-hengyang").waitFor();
    await page.getByTestId("submission-file").setInputFiles(file);
    await page.getByTestId("results-page").waitFor();
    assert.equal(await page.getByTestId("workspace-school").textContent(), "县级清单中学");
  });
  await page.close();
});

test("export without a school type says what to do first, in a dialog and in the live region", { timeout: 60000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await page.getByTestId("new-yzjh-school").click();
    await page.getByTestId("profile-page").waitFor();
    let downloads = 0;
    page.on("download", () => downloads++);
    const said = [];
    page.once("dialog", (d) => { said.push(d.message()); d.accept(); });
    await page.getByTestId("export-submission").click();
    await page.getByTestId("announcer").getByText("请先在“基本信息”中选择学校类型，再导出。").waitFor();
    assert.deepEqual(said, ["请先在“基本信息”中选择学校类型，再导出。"]);
    assert.equal(downloads, 0);
  });
  await page.close();
});
