// County mode in the browser, as a county officer uses it: a county checklist, files in two
// batches, a conflict resolved, the figures, both CSVs opened as a spreadsheet would, the same
// figures as the command line, a school's report read-only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropPaths, gotoStart, openInCalc, readCsv, RESULTS, ROOT, screenshot, withFailureShot, sharedSession } from "./helpers.mjs";
import { checkAccessibility } from "./principal.mjs";

const EXAMPLES = join(ROOT, "examples");
const CORPUS = join(ROOT, "tests/corpus/import");
const COUNTY = join(ROOT, "tests/corpus/county");
const CLI = join(ROOT, "target/debug/ziping");

const session = sharedSession();

/** A folder `name` in a new temporary directory, holding `files` (path under it → contents),
 * subfolders made as the paths need; returns the folder's path. */
function folderOf(prefix, name, files) {
  const folder = join(mkdtempSync(join(tmpdir(), prefix)), name);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(folder, path, ".."), { recursive: true });
    writeFileSync(join(folder, path), contents);
  }
  return folder;
}

/** The example submissions, sorted by name. */
const exampleFiles = () => readdirSync(EXAMPLES).sort().map((f) => join(EXAMPLES, f));

/** Opens county mode at its address (a bookmark), after the start page has been seen once. */
async function openCountyPage(page) {
  await gotoStart(page, session.server.url);
  await page.goto(new URL("county/", session.server.url).href);
  await page.getByTestId("county-page").waitFor();
}

/** `count` files 学校0000.json … in a new temporary folder, file n holding `contents(n)`. */
function manyFiles(prefix, count, contents) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const names = Array.from({ length: count }, (_, n) => join(dir, `学校${String(n).padStart(4, "0")}.json`));
  names.forEach((name, n) => writeFileSync(name, contents(n)));
  return names;
}

/** How many of county mode's files this browser keeps (IndexedDB's "county_files"). */
const keptFiles = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open("ziping");
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const count = req.result.transaction("county_files").objectStore("county_files").count();
    count.onsuccess = () => { req.result.close(); resolve(count.result); };
  };
}));

/** Opens county mode the way an officer does: from the start page, without a kept batch. */
/** Waits until the page no longer says it is keeping the batch in this browser (files are
 * kept once they are all read, "正在把这批文件保存到本浏览器…" meanwhile). */
const keptHere = (page) => page.getByTestId("county-keeping").waitFor({ state: "detached", timeout: 60000 });

/** 清空, the confirmation accepted: the batch leaves the page and this browser. */
async function clearBatch(page) {
  page.on("dialog", (d) => d.accept());
  await page.getByTestId("county-clear").click();
  await page.waitForFunction(() => !document.querySelector("[data-testid=county-summary]"));
}

async function openCountyMode(page) {
  await gotoStart(page, session.server.url);
  await page.getByTestId("county-mode").click();
  await page.getByTestId("county-page").waitFor();
}

test("a county officer's whole path: a county checklist, two batches, a conflict resolved, both CSVs", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    const examples = exampleFiles();
    const summary = page.getByTestId("county-summary");

    // First batch: the three examples and a damaged file.
    await page.getByTestId("county-files").setInputFiles([...examples, join(CORPUS, "35-digest-one-char.json")]);
    await summary.getByText("共 4 个文件：正常 3、无效 1。").waitFor();
    // A filter typed before more files are added is still there once they are read.
    await page.getByTestId("county-filter").click();
    await page.keyboard.type("城关", { delay: 40 });

    // Second batch, added to the first: the 衡阳 checklist dropped among the files, a school
    // that used it, a file of the first example's school with the same time and other
    // content, a text file, and the first example again.
    const hengyangFile = join(COUNTY, readdirSync(COUNTY)[0]);
    const second = [
      join(ROOT, "checklists/zlpj-school-hengyang.json"),
      hengyangFile,
      join(CORPUS, "55-huge-points.json"),
      join(ROOT, "README.md"),
      examples[0],
    ];
    await page.getByTestId("county-files").setInputFiles(second);
    // The checklist dropped among the files waits for the officer (a school could send one of
    // its own): until accepted, the school that used it waits for it (not 无效, which an
    // officer would phone the school about).
    await summary.getByText("共 6 个文件：正常 2、冲突 2、无效 1、清单待确认 1。").waitFor();
    assert.equal(await page.getByTestId("county-filter").inputValue(), "城关", "the filter outlives the reading");
    await page.getByTestId("county-filter").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    const awaiting = page.getByTestId("county-awaiting");
    assert.match(await awaiting.textContent(), /衡阳[\s\S]*zlpj-school-hengyang/);
    await awaiting.getByTestId("awaiting-accept").click();
    await summary.getByText("共 6 个文件：正常 3、冲突 2、无效 1。").waitFor();
    assert.ok(await awaiting.isHidden());
    assert.match(await page.getByTestId("county-checklists").textContent(), /衡阳/);
    assert.match(await page.getByTestId("county-refused").textContent(), /README\.md：不是 \.json 报送文件或 \.zip 报送包，未读取/);
    const hengyang = page.getByTestId("county-row").filter({ hasText: "衡阳县第一中学" });
    assert.equal((await hengyang.getByTestId("row-status").textContent()).trim(), "正常", "its county checklist was used");

    // The 冲突: both listed, neither counted, until the officer picks one.
    const first = readdirSync(EXAMPLES).sort()[0];
    assert.match(await page.getByTestId("county-row").filter({ has: page.locator("td:first-child", { hasText: "55-huge-points" }) }).getByTestId("row-status").textContent(), /冲突：与 .* 导出时间相同但内容不同/);
    await page.getByTestId(`pick-${first}`).focus();
    await page.keyboard.press("Enter");
    await summary.getByText("共 6 个文件：正常 4、重复 1、无效 1。").waitFor();
    // From the keyboard: the chosen file's row keeps the focus (it fell to the page's body).
    await page.waitForFunction((f) => document.activeElement?.id === `status-${f}`, first);

    // The figures: 小学 R1 from the primary school and the 小学 part of the 九年一贯制 school.
    assert.match(await page.getByTestId("figure-R1-primary").getByTestId("cv").textContent(), /^0\.111$/);
    assert.match(await page.getByTestId("figure-R1-junior").getByTestId("cv").textContent(), /只有一所学校/);
    // The limits as the policy writes them: 0.50 and 0.45, not 0.5.
    assert.match(await page.getByTestId("cv-caption").textContent(), /（小学 ≤ 0\.50[、）]/);
    assert.equal(await page.getByTestId("figure-R1-primary").getByTestId("cv-limit").textContent(), "限值 0.50");
    assert.equal(await page.getByTestId("values-chart").locator("circle").count(), 2 * 7 + 7, "2 小学 + 1 初中 per indicator");
    // The county's own rates (交流轮岗 …) from the schools' raw counts.
    assert.match(await page.getByTestId("county-rate-G8").textContent(), /全部学段/);
    await screenshot(page, "county-zh");
    await checkAccessibility(page, "county");

    // The printable summary names the county and the date; sortable headers print as text.
    mkdirSync(RESULTS, { recursive: true });
    await page.emulateMedia({ media: "print" });
    assert.match(await page.getByTestId("county-print-head").innerText(), /示例县 · 汇总日期：\d{4}-\d{2}-\d{2}/);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(RESULTS, "county-summary.pdf"), pdf);
    await page.emulateMedia({ media: "screen" });

    // Both CSVs, opened as a spreadsheet would.
    const dir = mkdtempSync(join(tmpdir(), "ziping-county-"));
    const save = async (testid) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
      assert.match(download.suggestedFilename(), /^示例县-(学校表|差异系数表|县域比例表)-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    };
    const schoolsFile = await save("csv-schools");
    const figuresFile = await save("csv-figures");
    const schools = readCsv(schoolsFile);
    // A row per file, and last the file not read (README.md, said on the page too).
    assert.equal(schools.length, 1 + 6 + 1, "a header and a row per file");
    const header = schools[0];
    assert.deepEqual(schools[7].slice(0, 3), ["README.md", "未读取", "不是 .json 报送文件或 .zip 报送包，未读取"]);
    const r1 = header.indexOf("R1 每百名学生拥有高于规定学历教师数（小学，人，保留2位小数）");
    assert.ok(r1 > 0, header.join(" | "));
    const version = header.indexOf("版本");
    for (const row of schools.slice(1)) {
      assert.equal(row.length, header.length);
      if (row[r1]) assert.ok(Number.isFinite(Number(row[r1])), `R1 is a number: ${row[r1]}`);
    }
    assert.ok(schools.slice(1).some((row) => row[version] === "2026.4"));
    const figures = readCsv(figuresFile);
    assert.deepEqual(figures[0].slice(0, 5), ["评估清单", "版本", "学年", "指标编号", "指标"]);
    // 县域比例 too (G8 交流轮岗 … S1 社会认可度, 一票否决), in a file of their own: they went
    // up to the city in no CSV.
    const ratesFile = await save("csv-rates");
    const rates = readCsv(ratesFile);
    assert.deepEqual(rates[0].slice(0, 5), ["评估清单", "版本", "学年", "指标编号", "指标"]);
    const g8 = rates.find((row) => row[3] === "G8");
    assert.ok(g8, rates.map((r) => r[3]).join(" "));
    assert.equal(g8[6], "全部学段");
    assert.ok(Number.isFinite(Number(g8[rates[0].indexOf("县域比例")])), g8.join(" | "));

    // The command line gives the same figures for the same files and choice.
    if (existsSync(CLI)) {
      const files = [...examples, join(CORPUS, "35-digest-one-char.json"), hengyangFile, join(CORPUS, "55-huge-points.json")];
      try {
        execFileSync(CLI, ["--checklist", join(ROOT, "checklists/zlpj-school-hengyang.json"), "aggregate", ...files, "--pick", examples[0], "--csv", join(dir, "cli.csv")], { stdio: "pipe" });
      } catch (e) {
        assert.equal(e.status, 1, `the CLI reports the invalid file with exit code 1: ${e.stderr}`);
      }
      assert.equal(readFileSync(figuresFile, "utf8"), readFileSync(join(dir, "cli-county.csv"), "utf8"));
      assert.equal(readFileSync(ratesFile, "utf8"), readFileSync(join(dir, "cli-rates.csv"), "utf8"));
    }

    // Filter by typing, then open a school's report read-only, dated as exported.
    await page.getByTestId("county-filter").click();
    await page.keyboard.type("桃花源", { delay: 40 });
    assert.equal(await page.getByTestId("county-filter").inputValue(), "桃花源");
    assert.equal(await page.getByTestId("county-row").count(), 1);
    // Sorted by name, descending (two clicks), then the school opened from the keyboard.
    const byName = page.getByTestId("county-table").locator("th").filter({ hasText: "学校名称" }).getByRole("button");
    await byName.click();
    await byName.click();
    const sorted = async () => page.getByTestId("county-table").locator("th[aria-sort]").evaluate((th) => `${th.textContent.trim()} ${th.getAttribute("aria-sort")}`);
    const order = await sorted();
    assert.match(order, /^学校名称.* descending$/);
    await page.getByTestId("open-school").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("county-report").waitFor();
    // The report's way back has the focus, first on its page (it fell to the page's body).
    await page.waitForFunction(() => document.activeElement?.id === "back-to-county");
    assert.equal(await page.getByTestId("report-school").textContent(), "桃花源中学");
    assert.equal(await page.getByTestId("report-date").textContent(), "2026-11-20", "the export date");
    // Read-only: nothing of the school's can be changed (the officer's own 核查发现 is the one field).
    assert.equal(await page.locator('[data-testid="county-report"] :is(input, textarea):not([data-testid="report-finding"])').count(), 0, "read-only");
    assert.equal(await page.getByTestId("report-finding").count(), 1);
    await page.getByTestId("back-to-county").click();
    await page.getByTestId("county-table").waitFor();
    // Back where the officer was: the filter typed, the order chosen, and the focus on the
    // school's name (the keyboard goes on from there).
    assert.equal(await page.getByTestId("county-filter").inputValue(), "桃花源");
    assert.equal(await page.getByTestId("county-row").count(), 1);
    assert.equal(await sorted(), order);
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.dataset.testid), "open-school");
    // The browser's Back from a school's report is back to the summary as it was, not out of
    // county mode (it left for the page before it).
    await page.keyboard.press("Enter");
    await page.getByTestId("county-report").waitFor();
    // A school's report printed from here carries no county summary head on its pages.
    const head = () => page.evaluate(() => document.documentElement.style.getPropertyValue("--county-head"));
    assert.equal(await head(), "");
    await page.evaluate(() => history.back());
    await page.getByTestId("county-table").waitFor();
    assert.match(page.url(), /\/county\/$/);
    assert.equal(await page.getByTestId("county-filter").inputValue(), "桃花源");
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "open-school");
    assert.match(await head(), /^"县（市、区）：示例县 · 汇总日期：\d{4}-\d{2}-\d{2}"$/, "the summary's head again");
    // Forward after Back opens that school's report again (it stayed on the summary).
    await page.evaluate(() => history.forward());
    await page.getByTestId("county-report").waitFor();
    assert.equal(await page.getByTestId("report-school").textContent(), "桃花源中学");
    await page.evaluate(() => history.back());
    await page.getByTestId("county-table").waitFor();

    // 清空 asks first (the batch is kept in this browser): no keeps it, yes empties it.
    const answers = [false, true];
    const asked = [];
    page.on("dialog", (d) => { asked.push(d.message()); return answers.shift() ? d.accept() : d.dismiss(); });
    await page.getByTestId("county-clear").click();
    assert.ok((await page.getByTestId("county-row").count()) > 0, "kept when the officer says no");
    await page.getByTestId("county-clear").click();
    assert.equal(await page.getByTestId("county-row").count(), 0);
    assert.match(asked[0], /^清空这批文件？/);
  });
  await page.close();
});

test("both CSVs open in a spreadsheet as typed: numbers as numbers, codes and names as text, no date, no formula", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // The examples, and a school that typed its code in full-width digits and a name that a
    // spreadsheet would run as a formula.
    const examples = exampleFiles();
    await page.getByTestId("county-files").setInputFiles([...examples, join(CORPUS, "60-fullwidth-code-formula-name.json")]);
    await page.getByTestId("county-summary").getByText("共 4 个文件：正常 4。").waitFor();
    const dir = mkdtempSync(join(tmpdir(), "ziping-calc-csv-"));
    const save = async (testid) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
      const file = join(dir, `${testid}.csv`);
      await download.saveAs(file);
      return file;
    };
    const schoolsFile = await save("csv-schools");
    const figuresFile = await save("csv-figures");
    const numeric = (name) => /^(在校生数|得分|满分|已答项数|应答项数|填写有误|未计入学校数|达标学校数|限值|学校数)/.test(name)
      || /（(?:加权|差异)|保留\d位小数|取整）/.test(name) && !name.endsWith("结果");
    for (const language of [2052, 1033]) {
      for (const file of [schoolsFile, figuresFile]) {
        const rows = openInCalc(file, language);
        const csv = readCsv(file);
        const header = rows[0].map((c) => c.text);
        assert.deepEqual(header, csv[0], "the header as written");
        rows.slice(1).forEach((row, r) => {
          row.forEach((c, i) => {
            const where = `${file} (${language}) row ${r + 2} “${header[i]}”: ${JSON.stringify(c)}`;
            assert.equal(c.formula, null, `no formula: ${where}`);
            assert.ok(["", "string", "float"].includes(c.type), `neither a date nor a time: ${where}`);
            if (numeric(header[i])) {
              assert.ok(c.type === "float" || c.text === "", `a number: ${where}`);
            } else {
              // As written; a name that would run as a formula shows its guarding apostrophe.
              assert.equal(c.text, csv[r + 1][i], `text kept as written: ${where}`);
            }
          });
        });
        if (file === schoolsFile) {
          const col = (name) => header.indexOf(name);
          assert.ok(col("已答项数") > 0 && col("应答项数") > 0, header.join(" | "));
          const row = rows.find((cells) => cells.some((c) => c.text.includes("城南小学")));
          assert.equal(row[col("学校代码")].text, "4307250019", "the code in ASCII digits");
          assert.equal(row[col("学校名称")].text, `'=HYPERLINK("http://x","城南小学")`);
          assert.equal(row[col("版本")].text, "2026.4");
          const outcome = header.findIndex((h) => /^R1 .*结果$/.test(h));
          assert.ok(rows.slice(1).every((cells) => /^(达标|未达标（不低于标准的85%）|低于下限（不足标准的85%）|)$/.test(cells[outcome]?.text ?? "")), "met / below / below the floor");
        }
      }
    }
  });
});

test("files of two counties: which county is asked first; the printout is that county's, landscape, every cell whole", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    const examples = exampleFiles();
    await page.getByTestId("county-files").setInputFiles([...examples, join(CORPUS, "61-other-county.json"),
      join(CORPUS, "55-huge-points.json"), join(CORPUS, "60-fullwidth-code-formula-name.json")]);
    const ask = page.getByTestId("county-ask");
    await ask.waitFor();
    assert.match(await ask.innerText(), /这些文件来自 2 个县：请先选择汇总哪个县/);
    // It is below the settings: the page takes the officer there.
    await page.waitForFunction(() => document.activeElement?.id === "county-ask-heading");
    // Nothing mixed is shown or saved before the choice.
    assert.equal(await page.getByTestId("county-figures").count(), 0);
    assert.equal(await page.getByTestId("csv-schools").count(), 0);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "county-ask-390");
    await page.setViewportSize({ width: 1280, height: 900 });
    // Chosen from the keyboard.
    await ask.getByTestId("county-option").filter({ hasText: "示例县（5 个文件）" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("county-figures").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "county-choose", null, { timeout: 5000 });
    assert.match(await page.getByTestId("county-mixed").innerText(), /正在汇总示例县；这批文件来自 示例县、衡山县/);
    const other = page.getByTestId("county-row").filter({ hasText: "衡山县城关小学" });
    assert.match(await other.getByTestId("row-status").innerText(), /其他县/);
    // Pass and fail in words and marks as well as colour.
    assert.match((await page.getByTestId("figure-R1-primary").getByTestId("cv-verdict").innerText()).trim(), /^(✓ 达到|✗ 未达到)$/);

    // The printout: A4 landscape, the county's schools only, versions and coefficients whole.
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, "county-summary-landscape.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file]).toString();
    const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
    assert.ok(Number(w) > Number(h) && Math.abs(Number(w) - 842) < 2, `A4 landscape: ${info}`);
    // Five schools' rows print on one or two pages, not a page each (file names squeezed to
    // two characters a line made every row a page tall).
    const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
    assert.ok(pages <= 4, `${pages} pages`);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    assert.ok(!text.includes("衡山县城关小学"), "no other county's school in the printout");
    assert.match(text, /示例县 · 汇总日期/);
    // Every page says whose and when, not only the first (pages are split by form feeds).
    const pageTexts = text.split("\f").filter((t) => t.trim());
    assert.equal(pageTexts.length, pages);
    pageTexts.forEach((t, n) => assert.match(t, /示例县 · 汇总日期：\d{4}-\d{2}-\d{2}/, `page ${n + 1} names the county and date`));
    assert.equal(text.match(/示例县 · 汇总日期/g).length, pages, "once a page, page 1's not twice");
    // The coefficients' chart says what its lines are.
    assert.match(text, /竖线为该学段的标准（小学 ≤ 0\.50(、初中 ≤ 0\.45)?）/);
    assert.match(text, /R1 [^\n]*2026\.4\s+2026-2027\s+小学\s+\d+\s+[\d.]+\s+\d\.\d{3}\s+限值 0\.50\s+[✓✗] 未?达到/, "a figure row on one line");
    assert.match(text, /2026-2027\s+\d+/, "the school year beside the enrolment, not over it");

    // In English the question and the verdicts are English.
    await page.getByTestId("lang-toggle").click();
    assert.match((await page.getByTestId("figure-R1-primary").getByTestId("cv-verdict").innerText()).trim(), /^(✓ within|✗ beyond the limit)$/);
    await screenshot(page, "county-chosen-en");
    await page.getByTestId("lang-toggle").click();
  });
});

test("the batch is kept in this browser: a reload finds the files read again and the officer's choices; 清空 forgets them", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // Two counties' files, the county chosen; a conflict, one file picked.
    const examples = exampleFiles();
    await page.getByTestId("county-files").setInputFiles([...examples, join(CORPUS, "61-other-county.json"), join(CORPUS, "55-huge-points.json")]);
    await page.getByTestId("county-ask").getByTestId("county-option").filter({ hasText: "示例县" }).click();
    const summary = page.getByTestId("county-summary");
    await summary.getByText("共 5 个文件：正常 2、冲突 2、其他县 1。").waitFor();
    const first = readdirSync(EXAMPLES).sort()[0];
    await page.getByTestId(`pick-${first}`).click();
    await summary.getByText("共 5 个文件：正常 3、重复 1、其他县 1。").waitFor();
    const before = await page.getByTestId("county-figures").innerText();

    // The tab closed by mistake, or the computer restarted (once the page no longer says it is
    // keeping the files).
    await keptHere(page);
    await page.reload();
    await page.getByTestId("county-page").waitFor();
    await summary.getByText("共 5 个文件：正常 3、重复 1、其他县 1。").waitFor();
    assert.match(await page.getByTestId("county-restored").innerText(), /这批 5 个文件是上次在本浏览器中汇总的/);
    assert.equal(await page.getByTestId("county-figures").innerText(), before, "the same figures");
    assert.equal(await page.getByTestId("county-choose").inputValue(), "示例县");
    // Another file joins the kept ones.
    await page.getByTestId("county-files").setInputFiles([join(CORPUS, "60-fullwidth-code-formula-name.json")]);
    await summary.getByText("共 6 个文件：正常 4、重复 1、其他县 1。").waitFor();
    // The line about last time's files says they are part of the batch now (it said "这批 5
    // 个文件" beside 共 6 个文件).
    assert.match(await page.getByTestId("county-restored").innerText(), /^这批 6 个文件中，5 个是上次在本浏览器中汇总的，已重新校验和计分/);
    await keptHere(page);
    await page.reload();
    await summary.getByText("共 6 个文件：正常 4、重复 1、其他县 1。").waitFor();
    // The same files picked again are counted once, and kept once: this browser does not
    // keep a second copy of each (it once said "这批 12 个文件" beside 共 6 个文件).
    await page.getByTestId("county-files").setInputFiles([...examples, join(CORPUS, "61-other-county.json"),
      join(CORPUS, "55-huge-points.json"), join(CORPUS, "60-fullwidth-code-formula-name.json")]);
    await summary.getByText("共 6 个文件：正常 4、重复 1、其他县 1。").waitFor();
    const kept = () => keptFiles(page);
    for (let tries = 0; (await kept()) !== 6 && tries < 50; tries++) await page.waitForTimeout(100);
    assert.equal(await kept(), 6, "each file kept once");
    await page.reload();
    await summary.getByText("共 6 个文件：正常 4、重复 1、其他县 1。").waitFor();
    assert.match(await page.getByTestId("county-restored").innerText(), /这批 6 个文件是上次在本浏览器中汇总的/);
    // A county checklist file among them, picked twice: kept once, and not counted among the
    // schools' files after a reload (it said "这批 192 个文件" beside 共 189 个文件).
    // (A version of its own: the shared browser may know the 衡阳 checklist from another test.)
    const variant = join(mkdtempSync(join(tmpdir(), "ziping-variant-")), "县级清单.json");
    const doc = JSON.parse(readFileSync(join(ROOT, "checklists/zlpj-school-hengyang.json"), "utf8"));
    writeFileSync(variant, JSON.stringify({ ...doc, version: "2026.6-kept" }));
    for (let pick = 0; pick < 2; pick++) {
      await page.getByTestId("county-files").setInputFiles([variant]);
      await page.getByTestId("awaiting-checklist").waitFor();
      await keptHere(page);
    }
    for (let tries = 0; (await kept()) !== 7 && tries < 50; tries++) await page.waitForTimeout(100);
    assert.equal(await kept(), 7, "the checklist file kept once");
    await page.reload();
    await summary.getByText("共 6 个文件：正常 4、重复 1、其他县 1。").waitFor();
    await page.getByTestId("awaiting-checklist").waitFor();
    assert.match(await page.getByTestId("county-restored").innerText(), /这批 6 个文件是上次在本浏览器中汇总的/);

    // 清空, from the keyboard: nothing comes back.
    page.on("dialog", (d) => d.accept());
    await page.getByTestId("county-clear").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.querySelector("[data-testid=county-summary]"));
    await page.reload();
    await page.getByTestId("county-page").waitFor();
    await page.waitForTimeout(1000);
    assert.equal(await summary.count(), 0, "the batch is gone");
  });
});

test("a school's files refused are listed again after a reload: this browser keeps only the files it counts", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // A school's file, the same file renamed, a Word file and the Mac's "._" file beside it.
    const dir = mkdtempSync(join(tmpdir(), "ziping-refused-"));
    const first = exampleFiles()[0];
    copyFileSync(first, join(dir, "城关一小-副本.json"));
    writeFileSync(join(dir, "说明.docx"), "PK");
    writeFileSync(join(dir, "._城关一小.json"), "\u0000\u0005");
    await page.getByTestId("county-files").setInputFiles([first, ...["城关一小-副本.json", "说明.docx", "._城关一小.json"].map((n) => join(dir, n))]);
    const refused = page.getByTestId("county-refused");
    await refused.locator("li").nth(2).waitFor();
    const before = await refused.innerText();
    assert.match(before, /说明\.docx/);
    assert.match(before, /城关一小-副本\.json/);
    await keptHere(page);
    await page.reload();
    await page.getByTestId("county-summary").getByText(/^共 1 个文件/).waitFor();
    // The same list, once each, but for the Mac's own file (not a school's).
    const schools = before.split("\n").filter((line) => line && !line.startsWith("._")).join("\n");
    // Read back after the batch (a moment after the summary, in a busy hour).
    await refused.locator("li").nth(1).waitFor();
    assert.equal((await refused.innerText()).trim(), schools.trim());
    await clearBatch(page);
    await page.reload();
    await page.getByTestId("county-page").waitFor();
    await page.waitForTimeout(1000);
    assert.ok(await refused.isHidden(), `清空 forgets the list too: ${await refused.textContent()}`);
  });
  await page.close();
});

test("files picked while last time's batch is still being read back are kept, not taken for last time's", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  const other = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    const summary = page.getByTestId("county-summary");
    await page.getByTestId("county-files").setInputFiles(exampleFiles());
    await summary.getByText("共 3 个文件：正常 3。").waitFor();
    // Kept first: keeping starts just after the report, and the other tab's hold below would
    // otherwise cut it off, leaving nothing to read back (this test timed out that way now
    // and then on a busy machine).
    await keptHere(page);
    for (let tries = 0; (await keptFiles(page)) !== 3 && tries < 50; tries++) await page.waitForTimeout(100);
    assert.equal(await keptFiles(page), 3);
    // Another tab of the site holds the store the batch's record is in, so reading last
    // time's batch back waits, as it does on a slow disk; meanwhile the officer picks two
    // more files.
    await other.goto(session.server.url + "icons/icon.svg");
    await other.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open("ziping");
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const meta = req.result.transaction("meta", "readwrite").objectStore("meta");
        const hold = () => { if (!window.release) meta.get("held").onsuccess = hold; };
        hold();
        resolve();
      };
    }));
    await page.reload();
    await page.getByTestId("county-page").waitFor();
    await page.waitForTimeout(500);
    await page.getByTestId("county-files").setInputFiles([join(CORPUS, "61-other-county.json"), join(CORPUS, "60-fullwidth-code-formula-name.json")]);
    await page.waitForTimeout(500);
    await other.evaluate(() => { window.release = true; });
    await page.getByTestId("county-ask").waitFor();
    // (Once all five are read: the ask can come with the first of them.)
    await page.getByTestId("county-restored").filter({ hasText: /^这批 5 个文件中，3 个是上次在本浏览器中汇总的/ }).waitFor();
    await page.getByTestId("county-ask").getByTestId("county-option").filter({ hasText: "示例县" }).click();
    await summary.getByText("共 5 个文件：正常 4、其他县 1。").waitFor();
    // Each kept once, none lost: after a reload, all five.
    await page.waitForTimeout(1000);
    await page.reload();
    await summary.getByText("共 5 个文件：正常 4、其他县 1。").waitFor();
    assert.match(await page.getByTestId("county-restored").innerText(), /这批 5 个文件是上次在本浏览器中汇总的/);
  });
  await other.close();
  await page.close();
});

test("a pick whose keeping was cut off (the tab closed half way) is not restored as if whole", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    const examples = exampleFiles();
    await page.getByTestId("county-files").setInputFiles(examples);
    const summary = page.getByTestId("county-summary");
    const whole = `共 ${examples.length} 个文件：正常 ${examples.length}。`;
    await summary.getByText(whole).waitFor();
    // Kept: the pick's own record says so once its last part is in.
    const state = () => page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open("ziping");
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(["county_files", "meta"]);
        const count = tx.objectStore("county_files").count();
        const keeping = tx.objectStore("meta").get("county_keeping");
        tx.oncomplete = () => { req.result.close(); resolve({ files: count.result, keeping: keeping.result ?? null }); };
        tx.onerror = () => reject(tx.error);
      };
    }));
    const until = Date.now() + 5000;
    while ((await state()).files !== examples.length && Date.now() < until) await page.waitForTimeout(100);
    assert.deepEqual(await state(), { files: examples.length, keeping: null });

    // A second pick was being kept when its tab went: two of its files made it, not the rest.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open("ziping");
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(["county_files", "meta"], "readwrite");
        const files = tx.objectStore("county_files");
        const first = files.add(new File(["{}"], "半途一.json", { type: "application/json" }));
        files.add(new File(["{}"], "半途二.json", { type: "application/json" }));
        first.onsuccess = () => tx.objectStore("meta").put({ from: first.result, page: "a-page-that-went" }, "county_keeping");
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await page.reload();
    await page.getByTestId("county-page").waitFor();
    await summary.getByText(whole).waitFor();
    assert.match(await page.getByTestId("county-restored").innerText(), new RegExp(`这批 ${examples.length} 个文件`));
    assert.deepEqual(await state(), { files: examples.length, keeping: null }, "what the cut-off pick left is gone");
    await clearBatch(page);
  });
  await page.close();
});

test("a pick its tab was closed on before the files were kept is said on the next visit, once", { timeout: 180000 }, async (t) => {
  const closing = await session.browser.context.newPage();
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(closing);
    // 3,000 files take a few seconds to read, and are kept only once all are read: the tab
    // is closed meanwhile (the officer said “leave” to the browser's question).
    const names = manyFiles("ziping-lost-", 3000, () => "{}");
    await closing.getByTestId("county-files").setInputFiles(names);
    const picked = (on = closing) => on.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open("ziping");
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const get = req.result.transaction("meta").objectStore("meta").getAll(IDBKeyRange.bound("county_picked\u001f", "county_picked\u001f\uffff"));
        get.onsuccess = () => { req.result.close(); resolve(get.result[0] ?? null); };
        get.onerror = () => reject(get.error);
      };
    }));
    for (let tries = 0; !(await picked()) && tries < 50; tries++) await closing.waitForTimeout(100);
    assert.equal((await picked())?.files, 3000);
    await closing.close({ runBeforeUnload: false });
    // Nothing said that they were not kept: now the next visit does, and says it once.
    await page.goto(session.server.url + "county/");
    await page.getByTestId("county-page").waitFor();
    assert.equal(
      await page.getByTestId("county-pick-lost").textContent(),
      "上次在本浏览器中选择的 3000 个文件还没有读完并保存，页面就关闭或刷新了：这些文件没有保留，请重新选择。",
    );
    assert.equal(await keptFiles(page), 0);
    await screenshot(page, "county-pick-lost-zh-1280");
    // Said once: the next visit does not say it again.
    await page.reload();
    await page.getByTestId("county-page").waitFor();
    await page.waitForTimeout(2000);
    assert.equal(await page.getByTestId("county-pick-lost").count(), 0, "said once");
    // Picked and kept, the files leave no record behind; picking puts the line away.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open("ziping");
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction("meta", "readwrite");
        tx.objectStore("meta").put({ files: 7 }, "county_picked\u001fa-page-that-went");
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await page.reload();
    await page.getByTestId("county-pick-lost").getByText("上次在本浏览器中选择的 7 个文件").waitFor();
    await page.getByTestId("county-files").setInputFiles(exampleFiles());
    await page.getByTestId("county-summary").waitFor();
    assert.equal(await page.getByTestId("county-pick-lost").count(), 0);
    await keptHere(page);
    assert.equal(await picked(page), null, "kept: no record left");
    await clearBatch(page);
  });
  await page.close();
});

test("清空 right after picking 3,000 files: nothing of them is kept, even what was still being kept", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // Files are kept in this browser a hundred sizes per task: 3,000 take a while, and the
    // officer who picked the wrong folder clears at once.
    const names = manyFiles("ziping-many-", 3000, () => "{}");
    page.on("dialog", (d) => d.accept());
    await page.getByTestId("county-files").setInputFiles(names);
    await page.getByTestId("county-clear").click();
    await page.waitForFunction(() => !document.querySelector("[data-testid=county-summary]"));
    // Whatever was still under way has long finished.
    await page.waitForTimeout(3000);
    await page.reload();
    await page.getByTestId("county-page").waitFor();
    await page.waitForTimeout(1500);
    assert.equal(await page.getByTestId("county-restored").count(), 0, "nothing comes back from this browser");
    assert.equal(await page.getByTestId("county-summary").count(), 0, "the cleared batch stays cleared");
  });
  await page.close();
});

test("files are kept in this browser once read: the page says so meanwhile and asks before it is left", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // 2,000 files take the browser a while to keep; they are picked with the page's own button.
    const names = manyFiles("ziping-keeping-", 2000, () => "{}");
    const choosing = page.waitForEvent("filechooser");
    await page.locator("label[for=county-files]").click();
    await (await choosing).setFiles(names);
    const summary = page.getByTestId("county-summary");
    await summary.getByText(/^共 2000 个文件/).waitFor();
    const keeping = page.getByTestId("county-keeping");
    await keeping.waitFor();
    assert.match(await keeping.innerText(), /正在把这批文件保存到本浏览器.*保存完之前请不要关闭或刷新本页/);
    // Reloading now would lose the pick: the browser asks first, and staying keeps it all.
    const asked = new Promise((resolve) => page.once("dialog", async (d) => { resolve(d.type()); await d.dismiss(); }));
    await page.evaluate(() => setTimeout(() => location.reload(), 0));
    assert.equal(await asked, "beforeunload");
    await keptHere(page);
    assert.equal(await keptFiles(page), 2000, "every file kept");
    // Kept: nothing is asked, and the batch comes back.
    await page.reload();
    await summary.getByText(/^共 2000 个文件/).waitFor();
    assert.match(await page.getByTestId("county-restored").innerText(), /这批 2000 个文件是上次在本浏览器中汇总的/);
    await clearBatch(page);
  });
  await page.close();
});

test("取消 while a second pick is read: what this browser kept is never deleted, and the files read are kept too", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    const summary = page.getByTestId("county-summary");
    // 600 files kept (more than the browser keeps in one go, so a rewrite would show).
    const first = manyFiles("ziping-first-", 600, (n) => `{"n":${n}}`);
    await page.getByTestId("county-files").setInputFiles(first);
    await summary.getByText(/^共 600 个文件/).waitFor();
    await keptHere(page);
    assert.equal(await keptFiles(page), first.length);
    // A wrong folder of 2,000 files, cancelled while it is read: the 600 kept before stay
    // kept throughout (取消 once deleted and rewrote them all, and a reload in that second
    // lost every one).
    await page.getByTestId("county-files").setInputFiles(manyFiles("ziping-cancel-", 2000, () => "{}"));
    await page.getByTestId("county-cancel").click();
    let fewest = Infinity;
    for (const until = Date.now() + 1500; Date.now() < until; ) fewest = Math.min(fewest, await keptFiles(page));
    assert.ok(fewest >= first.length, `kept files dropped to ${fewest} after 取消`);
    await keptHere(page);
    const total = Number((await summary.innerText()).match(/共 (\d+) 个文件/)[1]);
    assert.ok(total >= first.length && total < first.length + 2000, `the files read stay: ${total}`);
    assert.equal(await keptFiles(page), total, "the files on the page are the files kept");
    // The files not read are said (they left without a word), until files are chosen again.
    const cancelled = page.getByTestId("county-cancelled");
    assert.equal(
      await cancelled.textContent(),
      `已取消：刚选的文件中有 ${first.length + 2000 - total} 个还没读取，不在这批中，也没有保存在本浏览器；需要时请重新选择。`,
    );
    // The button went with the reading: the focus is on the line that says what 取消 did.
    await page.waitForFunction(() => document.activeElement?.id === "county-cancelled");
    await page.getByTestId("county-files").setInputFiles(manyFiles("ziping-after-", 1, () => '{"after":1}'));
    await cancelled.waitFor({ state: "detached" });
    await summary.getByText(new RegExp(`^共 ${total + 1} 个文件`)).waitFor();
    await keptHere(page);
    await page.reload();
    await summary.getByText(new RegExp(`^共 ${total + 1} 个文件`)).waitFor();
    await clearBatch(page);
  });
  await page.close();
});

test("取消 while last time's batch is checked again stops the check; the batch stays kept", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    const names = manyFiles("ziping-kept-", 2000, (n) => `{"n":${n}}`);
    await page.getByTestId("county-files").setInputFiles(names);
    const summary = page.getByTestId("county-summary");
    await summary.getByText(/^共 2000 个文件/).waitFor({ timeout: 120000 });
    const kept = () => keptFiles(page);
    for (let tries = 0; (await kept()) !== 2000 && tries < 100; tries++) await page.waitForTimeout(100);
    // The next morning: the batch is checked again, and the officer presses 取消 at once.
    // Pressed from inside the page the moment the check shows: 2,000 small files are checked
    // again in well under a second on a quiet machine, between two looks from here (this
    // test failed one time in three that way).
    await page.addInitScript(() => {
      if (sessionStorage.getItem("cancel-at-once") !== "1") return;
      sessionStorage.removeItem("cancel-at-once");
      new MutationObserver((_, observer) => {
        const reading = document.querySelector('[data-testid="county-reading"]');
        const progress = document.getElementById("county-progress");
        if (reading && !reading.hidden && progress) {
          observer.disconnect();
          window.cancelledAt = [progress.value, progress.max];
          document.querySelector('[data-testid="county-cancel"]').click();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.evaluate(() => sessionStorage.setItem("cancel-at-once", "1"));
    await page.reload();
    await page.waitForFunction(() => Array.isArray(window.cancelledAt));
    const [done, total] = await page.evaluate(() => window.cancelledAt);
    assert.ok(done < total, `取消 during the check: ${done} of ${total}`);
    await page.waitForTimeout(1500);
    assert.equal(await kept(), 2000, "取消 forgets nothing kept last time");
    // What 取消 left unchecked is said, with where it is; the line about last time's files
    // counts only those in the batch now (it said 2,000 beside an empty or smaller batch).
    const unchecked = page.getByTestId("county-unchecked");
    const inBatch = (await summary.isVisible()) ? Number((await summary.textContent()).match(/^共 (\d+) 个文件/)[1]) : 0;
    assert.ok(inBatch < 2000, `files checked before 取消: ${inBatch}`);
    assert.equal(
      await unchecked.textContent(),
      `上次保存在本浏览器的文件中，有 ${2000 - inBatch} 个因点了“取消”没有重新校验，不在这批中；这些文件仍保存在本浏览器，下次打开县级汇总时会再校验。点“清空”即从本浏览器删除。`,
    );
    // The line names 清空 as the way to remove them: it can be pressed, even with none in the batch.
    assert.ok(await page.getByTestId("county-clear").isEnabled(), "清空 can be pressed");
    if (inBatch > 0) {
      assert.match(await page.getByTestId("county-restored").textContent(), new RegExp(`^这批 ${inBatch} 个文件是上次`));
    } else {
      assert.equal(await page.getByTestId("county-restored").count(), 0);
    }
    await page.reload();
    await summary.getByText(/^共 2000 个文件/).waitFor({ timeout: 120000 });
    assert.equal(await unchecked.count(), 0, "all checked again after a reload");
  });
  await page.close();
});

test("files too large are refused by their size, never read", { timeout: 60000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await page.getByTestId("county-mode").click();
    // 5 MB files, all of them too large: the page used to wait forever ("正在读取…").
    const big = Buffer.alloc(5 * 1024 * 1024, 0x20);
    const files = Array.from({ length: 3 }, (_, n) => ({ name: `big-${n}.json`, mimeType: "application/json", buffer: big }));
    await page.getByTestId("county-files").setInputFiles(files);
    await page.getByTestId("county-refused").getByText("big-2.json：文件太大（5 MB，上限 4 MB），未读取").waitFor();
    assert.ok(await page.getByTestId("county-reading").isHidden(), "nothing is left reading");
  });
  await page.close();
});

test("two school years: each school beside its last year, the coefficients by year, last year's 整改 asked for", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    // This year's files were exported in November 2027: the officer aggregates after that.
    await page.clock.setFixedTime(new Date("2027-12-01T10:00:00+08:00"));
    await openCountyMode(page);
    const summary = page.getByTestId("county-summary");
    // Last year's files picked, this year's dropped on the page.
    await page.getByTestId("county-files").setInputFiles(readdirSync(EXAMPLES).sort().map((f) => join(EXAMPLES, f)));
    await summary.getByText("共 3 个文件：正常 3。").waitFor();
    const NEXT = join(ROOT, "tests/corpus/next-year");
    const files = readdirSync(NEXT).sort().map((name) => ({ name, text: readFileSync(join(NEXT, name), "utf8") }));
    const transfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const { name, text } of files) dt.items.add(new File([text], name, { type: "application/json" }));
      return dt;
    }, files);
    await page.getByTestId("county-page").dispatchEvent("drop", { dataTransfer: transfer });
    await summary.getByText("共 6 个文件：正常 6。").waitFor();

    // The coefficients side by side, one column per year.
    const years = page.getByTestId("county-years");
    await years.waitFor();
    const head = await page.getByTestId("county-years-table").locator("thead th").allTextContents();
    assert.deepEqual(head.slice(2, 4), ["2026-2027", "2027-2028"]);
    const r1 = page.getByTestId("year-figure-R1-primary").locator("td");
    assert.equal(await r1.count(), 5);
    for (const n of [2, 3]) assert.match(await r1.nth(n).textContent(), /^0\.\d{3}$/, "a coefficient each year");
    assert.equal(await page.getByTestId("figure-R1-primary").count(), 2, "the figures table has a row per year");

    // Schools not reporting on last year's 整改: 漳江 (started afresh) and 桃花源 (one row unsaid).
    const asked = await page.getByTestId("follow-up-row").allTextContents();
    assert.equal(asked.length, 2, asked.join("\n"));
    assert.ok(asked.some((r) => r.includes("漳江九年一贯制学校") && r.includes("上年有 1 条整改，本年文件未报告落实情况")), asked.join("\n"));
    assert.ok(asked.some((r) => r.includes("桃花源中学") && r.includes("上年整改 2 条，已说明 1 条")), asked.join("\n"));

    // Each school's row says what changed since its file of last year.
    await page.getByTestId("county-filter").click();
    await page.keyboard.type("2027-2028", { delay: 30 });
    assert.equal(await page.getByTestId("county-row").count(), 3);
    const chengguan = page.getByTestId("county-row").filter({ hasText: "城关镇第一小学" });
    assert.match(await chengguan.getByTestId("row-score-change").textContent(), /→ .*（\+[\d.]+ 分）/);
    assert.match(await chengguan.getByTestId("row-change").textContent(), /R1：进步/);
    const zhangjiang = page.getByTestId("county-row").filter({ hasText: "漳江九年一贯制学校" });
    assert.match(await zhangjiang.getByTestId("row-change").textContent(), /R1（小学部）：新增未达标/);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await screenshot(page, "county-two-years-zh-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await years.scrollIntoViewIfNeeded();
    await screenshot(page, "county-two-years-zh-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    // The school CSV carries last year beside this year.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-schools").click()]);
    const dir = mkdtempSync(join(tmpdir(), "ziping-two-years-"));
    const out = join(dir, "schools.csv");
    await download.saveAs(out);
    const rows = readCsv(out);
    const header = rows[0];
    const col = (name) => { const n = header.indexOf(name); assert.ok(n >= 0, `${name}: ${header.join(" | ")}`); return n; };
    const row = rows.find((r) => r[col("学校名称")] === "城关镇第一小学" && r[col("学年")] === "2027-2028");
    assert.ok(row[col("上年文件")].includes("2026-2027"));
    assert.equal(row[col("上年整改落实情况")], "上年整改 1 条，已说明 1 条（已完成 1 条）");
    assert.equal(row[col("R1 每百名学生拥有高于规定学历教师数（小学，人，保留2位小数）（变化）")], "进步");

    // In English too.
    await page.getByTestId("lang-toggle").click();
    await years.getByText("Year against year").waitFor();
    assert.match(await page.getByTestId("county-follow-ups").textContent(), /not reported on/);
    await screenshot(page, "county-two-years-en-1280");
    await page.getByTestId("lang-toggle").click();
  });
  await page.close();
});

test("a file too large to be a submission is refused with its size, beside a good one", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyPage(page);
    // A 6 MB file named .json (a video renamed, say): over the 4 MB a submission may be.
    const dir = mkdtempSync(join(tmpdir(), "ziping-large-"));
    const large = join(dir, "城关镇中学-录像.json");
    writeFileSync(large, Buffer.alloc(6 * 1024 * 1024, 0x20));
    const example = join(EXAMPLES, readdirSync(EXAMPLES).sort()[0]);
    await page.getByTestId("county-files").setInputFiles([large, example]);
    await page.getByTestId("county-summary").getByText("共 1 个文件：正常 1。").waitFor();
    assert.equal(
      await page.getByTestId("county-refused").textContent(),
      "城关镇中学-录像.json：文件太大（6 MB，上限 4 MB），未读取",
    );
    // The 学校表 CSV, which goes upward without the page, names it too (it had no row: the
    // county's spreadsheet said nothing of a file the school sent).
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-schools").click()]);
    const out = join(dir, "schools.csv");
    await download.saveAs(out);
    const rows = readCsv(out);
    const col = (name) => rows[0].indexOf(name);
    const video = rows.find((r) => r[col("文件")] === "城关镇中学-录像.json");
    assert.ok(video, rows.map((r) => r.slice(0, 3).join(" | ")).join("\n"));
    assert.equal(video[col("状态")], "未读取");
    assert.equal(video[col("说明")], "文件太大（6 MB，上限 4 MB），未读取");
    assert.equal(rows.filter((r) => r[col("状态")] === "未读取").length, 1);
    // Only the good file is kept in this browser: a reload reads it again, and not the video,
    // which is still listed as refused.
    await keptHere(page);
    assert.equal(await keptFiles(page), 1, "the large file is not kept");
    await page.reload();
    await page.getByTestId("county-summary").getByText("共 1 个文件：正常 1。").waitFor();
    assert.equal(await page.getByTestId("county-refused").textContent(), "城关镇中学-录像.json：文件太大（6 MB，上限 4 MB），未读取");
  });
  await page.close();
});

// Chromium hands a dropped folder over as a handle too, which county mode walks (a `File` made
// from an entry held the page 0.6 ms a file); Firefox and Safari only as entries.
for (const via of ["handles", "entries"]) test(`a folder dropped is read through its ${via}, subfolders too; files dropped still come as a list`, { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await page.addInitScript((via) => {
      const proto = DataTransferItem.prototype;
      if (via === "entries") {
        delete proto.getAsFileSystemHandle;
        return;
      }
      const asked = proto.getAsFileSystemHandle;
      window.__handlesAsked = 0;
      proto.getAsFileSystemHandle = function () {
        window.__handlesAsked += 1;
        return asked.call(this);
      };
    }, via);
    await openCountyPage(page);
    // 各校/ with two schools' files, and 各校/二组/ with the third and a note.
    const examples = readdirSync(EXAMPLES).sort();
    const folder = folderOf("ziping-drop-", "各校", {
      [examples[0]]: readFileSync(join(EXAMPLES, examples[0])),
      [examples[1]]: readFileSync(join(EXAMPLES, examples[1])),
      [`二组/${examples[2]}`]: readFileSync(join(EXAMPLES, examples[2])),
      "二组/说明.txt": "各校报送文件",
    });
    // A folder copied from a Mac: an AppleDouble "._" file beside a school's file (binary
    // metadata, named .json), refused by its name, never read nor counted as an invalid file.
    writeFileSync(join(folder, `._${examples[0]}`), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]));
    // A real drop (what a person dragging the folder from the file manager makes).
    const drop = (paths) => dropPaths(page, paths);
    await drop([folder]);
    await page.getByTestId("county-summary").getByText("共 3 个文件：正常 3。").waitFor();
    if (via === "handles") assert.equal(await page.evaluate(() => window.__handlesAsked), 1, "the folder's handle asked for");
    const refused = await page.getByTestId("county-refused").textContent();
    assert.match(refused, /说明\.txt：不是 \.json 报送文件或 \.zip 报送包，未读取/);
    assert.match(refused, /\._示例县.*：系统自动生成的附属文件/);

    // Files dropped (no folder): a school's file again (counted once) and a damaged one; and
    // a renamed copy of another, listed with the file that counts (every file dropped is
    // accounted for: it once vanished without a word).
    const copy = join(folderOf("ziping-copy-", "副本", { [`=副本-${examples[1]}`]: readFileSync(join(EXAMPLES, examples[1])) }), `=副本-${examples[1]}`);
    await drop([join(EXAMPLES, examples[0]), join(CORPUS, "35-digest-one-char.json"), copy]);
    await page.getByTestId("county-summary").getByText("共 4 个文件：正常 3、无效 1。").waitFor();
    await page.getByTestId("county-refused").getByText(`=副本-${examples[1]}：与文件“${examples[1]}”内容完全相同，只计一次`).waitFor();
    await screenshot(page, `county-folder-dropped-${via}`);
  });
  await page.close();
});

test("选择文件夹: the folder the browser hands over is walked, subfolders too; a cancelled choice does nothing; without it the page's own picker opens", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyPage(page);
    // 各校/ with two schools' files, and 各校/二组/ with the third and a note: a real folder
    // handle (this site's private folder in the browser), handed over by showDirectoryPicker
    // as the browser's own dialog would (Playwright cannot click in that dialog).
    const examples = readdirSync(EXAMPLES).sort().slice(0, 3);
    const texts = examples.map((f) => readFileSync(join(EXAMPLES, f), "utf8"));
    await page.evaluate(
      async ({ names, texts }) => {
        const put = async (dir, name, text) => {
          const writing = await (await dir.getFileHandle(name, { create: true })).createWritable();
          await writing.write(text);
          await writing.close();
        };
        const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("各校", { create: true });
        const group = await folder.getDirectoryHandle("二组", { create: true });
        await put(folder, names[0], texts[0]);
        await put(folder, names[1], texts[1]);
        await put(group, names[2], texts[2]);
        await put(group, "说明.txt", "各校报送文件");
        window.picks = 0;
        window.showDirectoryPicker = async () => {
          window.picks += 1;
          if (window.cancelPick) throw new DOMException("The user aborted a request.", "AbortError");
          return folder;
        };
      },
      { names: examples, texts },
    );
    let chooserOpened = false;
    page.on("filechooser", () => (chooserOpened = true));
    const pickFolder = page.locator("label", { hasText: "选择文件夹" });

    // The officer closes the dialog without choosing: nothing happens, no other picker opens.
    await page.evaluate(() => (window.cancelPick = true));
    await pickFolder.click();
    await page.waitForFunction(() => window.picks === 1);
    await page.waitForTimeout(300);
    assert.equal(chooserOpened, false, "the page's own picker did not open after a cancelled choice");
    assert.equal(await page.getByTestId("county-summary").count(), 0, "nothing was added");

    // Chosen, with the mouse: every file under it, the note refused by its name.
    await page.evaluate(() => (window.cancelPick = false));
    await pickFolder.click();
    await page.getByTestId("county-summary").getByText("共 3 个文件：正常 3。").waitFor();
    assert.match(await page.getByTestId("county-refused").textContent(), /说明\.txt：不是 \.json 报送文件或 \.zip 报送包，未读取/);
    assert.equal(chooserOpened, false);

    // Chosen again from the keyboard (Tab to the picker, Enter): the same files, counted once.
    await page.locator("#county-files").focus();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "county-folder");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.picks === 3);
    await page.getByTestId("county-summary").getByText("共 3 个文件：正常 3。").waitFor();
    assert.equal(chooserOpened, false);

    // A browser that refuses at once (a policy, a frame of another site): the page's own
    // picker opens on that same click, and what it gives joins the batch.
    await page.evaluate(() => {
      window.showDirectoryPicker = async () => {
        throw new DOMException("Not allowed here.", "SecurityError");
      };
    });
    const folder = folderOf("ziping-refused-picker-", "二校", {
      "城关二小.json": readFileSync(join(CORPUS, "35-digest-one-char.json")),
    });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }), pickFolder.click()]);
    await chooser.setFiles(folder);
    await page.getByTestId("county-summary").getByText("共 4 个文件：正常 3、无效 1。").waitFor();
  });
  await page.close();

  // A browser without showDirectoryPicker (Firefox, Safari): the page's own folder picker.
  const plain = await session.browser.context.newPage();
  await withFailureShot(t, plain, async () => {
    await plain.addInitScript(() => {
      delete window.showDirectoryPicker;
    });
    await gotoStart(plain, session.server.url);
    await plain.goto(new URL("county/", session.server.url).href);
    await plain.getByTestId("county-page").waitFor();
    const examples = readdirSync(EXAMPLES).sort();
    const folder = folderOf("ziping-pick-folder-", "各校", {
      [examples[0]]: readFileSync(join(EXAMPLES, examples[0])),
      [`二组/${examples[1]}`]: readFileSync(join(EXAMPLES, examples[1])),
    });
    const [chooser] = await Promise.all([
      plain.waitForEvent("filechooser"),
      plain.locator("label", { hasText: "选择文件夹" }).click(),
    ]);
    await chooser.setFiles(folder);
    await plain.getByTestId("county-summary").getByText("共 2 个文件：正常 2。").waitFor();
  });
  await plain.close();
});

test("a folder being walked: no report of part of it, and 清空 stops it", { timeout: 180000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyPage(page);
    // 40 groups of 50 files, each its own (not submissions: read quickly, each counted).
    const root = mkdtempSync(join(tmpdir(), "ziping-walk-"));
    const folder = join(root, "全县");
    for (let g = 0; g < 40; g++) {
      mkdirSync(join(folder, `第${g}组`), { recursive: true });
      for (let f = 0; f < 50; f++) writeFileSync(join(folder, `第${g}组`, `学校${f}.json`), JSON.stringify({ group: g, school: f }));
    }
    const drop = () => dropPaths(page, [folder]);

    // 清空 while the folder is being walked: nothing of it comes back afterwards.
    page.on("dialog", (d) => d.accept());
    await drop();
    await page.getByTestId("county-reading").waitFor();
    await page.getByTestId("county-clear").click();
    await page.waitForTimeout(3000);
    assert.equal(await page.getByTestId("county-summary").count(), 0, "no batch after 清空");
    assert.equal(await page.getByTestId("county-reading").isVisible(), false);

    // Dropped again and left alone: the only report is the whole folder's. While the folder
    // is walked its size is not known: the bar says so (no value) rather than moving back
    // as files are found.
    await drop();
    const seen = new Set();
    const shares = [];
    const end = Date.now() + 120000;
    for (;;) {
      const share = await page.locator("#county-progress").evaluate((p) => (p.hasAttribute("value") ? p.value / p.max : null)).catch(() => null);
      if (share !== null) shares.push(share);
      const summary = page.getByTestId("county-summary");
      if (await summary.count()) {
        const text = await summary.textContent();
        seen.add(text);
        if (text.startsWith("共 2000 个文件")) break;
      }
      assert.ok(Date.now() < end, `still reading; reports seen: ${[...seen]}`);
      await page.waitForTimeout(30);
    }
    assert.deepEqual([...seen], ["共 2000 个文件：无效 2000。"]);
    assert.ok(shares.every((x, i) => i === 0 || x >= shares[i - 1]), `the bar never moves back: ${shares.map((x) => x.toFixed(2))}`);
  });
  await page.close();
});

test("a checklist refused for its problems says why in the language shown, and again after a toggle", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // A county checklist with one area twice: refused, with the problem named.
    const doc = JSON.parse(readFileSync(join(ROOT, "checklists/zlpj-school-hengyang.json"), "utf8"));
    doc.areas.push(doc.areas[0]);
    const dir = mkdtempSync(join(tmpdir(), "ziping-bad-checklist-"));
    const file = join(dir, "broken-checklist.json");
    writeFileSync(file, JSON.stringify(doc));
    await page.getByTestId("county-files").setInputFiles([file, exampleFiles()[0]]);
    const refused = page.getByTestId("county-refused");
    await refused.getByText(/broken-checklist\.json：评估清单文件有误：.*重复/).waitFor();

    // English: the same reason in English, no Chinese left in it.
    await page.getByTestId("lang-toggle").click();
    await refused.getByText(/broken-checklist\.json: a checklist file with problems: .*used twice/).waitFor();
    const line = await refused.locator("li").filter({ hasText: "broken-checklist.json" }).textContent();
    assert.doesNotMatch(line, /\p{Script=Han}/u, line);
    await page.getByTestId("lang-toggle").click();
    await refused.getByText(/broken-checklist\.json：评估清单文件有误/).waitFor();
  });
  await page.close();
});

test("a 冲突 file whose stored result differs says so before the officer picks it", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    const summary = page.getByTestId("county-summary");
    // The first example and a copy of it exported at the same moment whose stored result was
    // edited (and the file sealed again): the two conflict, and only the copy's result differs.
    const first = readdirSync(EXAMPLES).sort()[0];
    await page.getByTestId("county-files").setInputFiles([join(EXAMPLES, first), join(CORPUS, "49-earned-as-text.json")]);
    await summary.getByText("共 2 个文件：冲突 2。").waitFor();
    const status = (name) =>
      page.getByTestId("county-row").filter({ has: page.locator("td:first-child", { hasText: name }) }).getByTestId("row-status");
    const edited = await status("49-earned-as-text").textContent();
    assert.match(edited, /^冲突：与 .* 导出时间相同但内容不同/);
    assert.match(edited, /此文件保存的结果与按原始数据重新计算的不同/, "the hint the officer needs before picking");
    assert.doesNotMatch(await status(first).textContent(), /保存的结果/);
    // Picked anyway, it counts as 结果不一致 (said once), and the example is its duplicate.
    await page.getByTestId("pick-49-earned-as-text.json").click();
    await summary.getByText("共 2 个文件：结果不一致 1、重复 1。").waitFor();
    const counted = await status("49-earned-as-text").textContent();
    assert.match(counted, /^结果不一致：/);
    assert.doesNotMatch(counted, /此文件保存的结果/);
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("county-clear").click();
    await page.getByTestId("county-row").first().waitFor({ state: "detached" });
  });
  await page.close();
});

test("a school that holds most of a side's students is named beside the figures, in both languages", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // Three 小学, one of which made up 9,999,999 students and sealed its file again: it waits,
    // 人数存疑, and the figures are the two others' (it bent every coefficient and rate).
    await dropPaths(page, [join(ROOT, "tests/corpus/heavy")]);
    const summary = page.getByTestId("county-summary");
    await summary.getByText("共 3 个文件：正常 2、人数存疑 1。").waitFor();
    const held = "000006-示例0县-示例0县第6学校-yzjh-school-2026-2027-2026-11-20.json";
    const heldRow = page.getByTestId("county-row").filter({ hasText: held });
    assert.match(
      (await heldRow.getByTestId("row-status").textContent()).trim(),
      /^人数存疑：按填报的在校生数 9999999 人、班数 21 个，每班 476190\.4 人，不像实际人数.*暂不计入；核实无误后可选定计入/,
    );
    assert.equal(await page.getByTestId("county-heavy").count(), 0);
    // The officer checked it and counts it all the same: then the 小学 coefficients are that
    // school's, and the page says so beside them (it was said only among the 数据核查 lines).
    await page.getByTestId(`pick-${held}`).focus();
    await page.keyboard.press("Enter");
    await summary.getByText("共 3 个文件：正常 3。").waitFor();
    const heavy = page.getByTestId("county-heavy");
    assert.equal(
      (await heavy.textContent()).trim(),
      "“巨大学校”一校占全县小学在校生的 99.9%（2026-2027学年，7 项指标）：这些差异系数主要由它决定，请核对它的在校生数。",
    );
    // Beside 县域比例 too: the rates weighted by students are that school's as well.
    const heavyRates = (await page.getByTestId("county-heavy-rate").textContent()).trim();
    assert.match(heavyRates, /“巨大学校”一校占县域比例 S1（小学，2026-2027学年）所依据人数的 99\.9%：这一比例主要由它决定，请核对它的数据。/);
    await page.getByTestId("lang-toggle").click();
    await heavy.getByText(/^“巨大学校” alone has 99\.9% of the county's students \(Primary, 2026-2027, 7 indicators\)/).waitFor();
    await page.getByTestId("county-heavy-rate").getByText(/“巨大学校” alone has 99\.9% of what the county rate S1 \(Primary, 2026-2027\) rests on/).waitFor();
    await page.getByTestId("lang-toggle").click();
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("county-clear").click();
    await page.getByTestId("county-row").first().waitFor({ state: "detached" });
  });
  await page.close();
});

test("one school name under two codes is a conflict the officer settles, not two schools", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // 示例0县第3学校's file, and one it sent earlier with the letter O in its code: without a
    // roster both counted, one school weighed twice in every coefficient.
    await dropPaths(page, [join(ROOT, "tests/corpus/code-typo")]);
    const summary = page.getByTestId("county-summary");
    await summary.getByText("共 2 个文件：冲突 2。").waitFor();
    const right = "000003-示例0县-示例0县第3学校-yzjh-school-2026-2027-2026-11-20.json";
    const typo = `代码有误-${right}`;
    const status = (name) => page.getByTestId("county-row").filter({ hasText: new RegExp(`^${name.replace(/[.]/g, "\\.")}`) }).getByTestId("row-status");
    assert.match(
      (await status(typo).textContent()).trim(),
      /^冲突：同一校名下的学校代码不同（(430000000003、4300000000O3|4300000000O3、430000000003)；涉及文件：000003-.*）：可能是代码填错，同一所学校会被计入两次/,
    );
    await page.getByTestId(`pick-${right}`).focus();
    await page.keyboard.press("Enter");
    await summary.getByText("共 2 个文件：正常 1、重复 1。").waitFor();
    // The choice is said (page, CSV, print), and can be taken back; the other file can be
    // chosen too, for two schools of one name.
    assert.match((await status(right).textContent()).trim(), /^正常：已由县里选定计入/);
    assert.match((await status(typo).textContent()).trim(), /^重复：同名学校另有文件“000003-.*”（学校代码不同）已选定计入，本文件不计入；如确是两所同名学校，也可选定本文件/);
    await page.getByTestId("lang-toggle").click();
    await summary.getByText("2 files: OK 1, duplicate 1.").waitFor();
    await page.getByTestId("lang-toggle").click();
    await page.getByTestId(`pick-${typo}`).focus();
    await page.keyboard.press("Enter");
    await summary.getByText("共 2 个文件：正常 2。").waitFor();
    await page.getByTestId(`unpick-${typo}`).focus();
    await page.keyboard.press("Enter");
    await summary.getByText("共 2 个文件：正常 1、重复 1。").waitFor();
    // The focus stays on the row whose choice was taken back.
    await page.waitForFunction((f) => document.activeElement?.id === `status-${f}`, typo);
    await page.getByTestId(`unpick-${right}`).click();
    await summary.getByText("共 2 个文件：冲突 2。").waitFor();
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("county-clear").click();
    await page.getByTestId("county-row").first().waitFor({ state: "detached" });
  });
  await page.close();
});

test("files whose checklist has no 资源配置 rule: the page says no 差异系数 is computed, not an empty table", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    const quality = exampleFiles().filter((f) => f.includes("zlpj-school"));
    assert.equal(quality.length, 1);
    await page.getByTestId("county-files").setInputFiles(quality);
    await page.getByTestId("county-summary").getByText("共 1 个文件：正常 1。").waitFor();
    await page.getByTestId("county-no-figures").getByText("不计算差异系数").waitFor();
    assert.equal(await page.getByTestId("county-figures").count(), 0, "no empty table");
  });
});

test("a checklist sent among the files shows how it differs from the built-in of its id before the officer adopts it", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await openCountyMode(page);
    // A school's own yzjh-school, 2026.5, with R1's 小学 threshold cut from 4.2 to 1.
    const doc = JSON.parse(readFileSync(join(ROOT, "checklists/yzjh-school.json"), "utf8"));
    doc.version = "2026.5";
    const r1 = doc.areas.flatMap((a) => a.indicators).flatMap((i) => i.items).find((i) => i.id === "R1");
    r1.kind.rule.primary.value = 1;
    const dir = mkdtempSync(join(tmpdir(), "ziping-variant-"));
    const file = join(dir, "yzjh-school-2026.5.json");
    writeFileSync(file, JSON.stringify(doc));
    await page.getByTestId("county-files").setInputFiles([file, ...exampleFiles()]);
    const awaiting = page.getByTestId("awaiting-checklist");
    await awaiting.waitFor();
    const diff = awaiting.getByTestId("awaiting-diff");
    assert.match(await diff.locator("summary").textContent(), /与内置清单“县域义务教育优质均衡发展 — 学校自评”版本 2026\.4 相比：1 处不同/);
    // No school's file here was made with it: the card says so (it did not say either way).
    assert.equal(await awaiting.getByTestId("awaiting-files").textContent(), "本批中还没有文件用这份清单填报。");
    await diff.locator("summary").click();
    assert.match(await diff.locator("li").first().textContent(), /R1[\s\S]*4\.2[\s\S]*1/);
    // The cut is said as one that eases the checklist, and adopting asks first, naming it.
    assert.match(
      await awaiting.getByTestId("awaiting-eased").textContent(),
      /^其中 1 处放宽了要求：项目 R1 [^；]*小学达标线：≥ 4\.2 → ≥ 1。学校随文件发来的清单可能被改过，采用前请与发布清单的部门核对。$/,
    );
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      d.dismiss();
    });
    await awaiting.getByTestId("awaiting-accept").click();
    assert.match(asked, /^“县域义务教育优质均衡发展 — 学校自评”版本 2026\.5 放宽了 1 处要求：项目 R1 .*≥ 4\.2 → ≥ 1。采用后，用它填报的学校按放宽的要求计分，并计入全县数字。确定采用吗？$/s);
    assert.ok(await awaiting.isVisible(), "declined: it still waits");
    page.once("dialog", (d) => d.accept());
    await awaiting.getByTestId("awaiting-accept").focus();
    await page.keyboard.press("Enter");
    await awaiting.waitFor({ state: "detached" });
    assert.match(await page.getByTestId("county-checklists").textContent(), /2026\.5/);
    // Its card and buttons went: the focus is on the county checklists, where it now is.
    await page.waitForFunction(() => document.activeElement?.id === "county-checklists-heading");
  });
  await page.close();
});
