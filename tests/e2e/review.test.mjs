// 复核 (issue 19), end to end: a principal attaches two evidence files and exports a 报送包;
// the county officer drops it among other files and hostile packages, opens an evidence file
// from the school's report, sees the flagged schools, draws an on-site sample, records a
// finding and prints the 核查单 (the PDF is turned into pictures and looked at).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gotoStart, readCsv, RESULTS, ROOT, screenshot, withFailureShot, sharedSession } from "./helpers.mjs";
import { checkAccessibility, fillEverything, newDraft, PRIMARY_INPUTS, PRIMARY_NOT_MET, PRIMARY_NUMBERS, waitSaved } from "./principal.mjs";

const EXAMPLES = join(ROOT, "examples");
const CORPUS = join(ROOT, "tests/corpus/import");
const CLI = join(ROOT, "target/debug/ziping");
const session = sharedSession();

/** A one-page PDF, as a scanner would make a small one. */
function pdf() {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const stream = "BT /F1 24 Tf 72 760 Td (Class register 2026) Tj ET";
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = "%PDF-1.4\n";
  const offsets = [];
  objects.forEach((o, n) => { offsets.push(out.length); out += `${n + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

test("a package from the principal reaches the county: evidence opened, flags, a sample drawn and its 核查单 printed", { timeout: 300000 }, async (t) => {
  const dir = join(RESULTS, "review");
  mkdirSync(dir, { recursive: true });
  const register = join(dir, "班级名册.pdf");
  writeFileSync(register, pdf());
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    // The principal: a complete 小学 self-assessment of 示例县, two evidence files attached.
    await gotoStart(page, session.server.url);
    await newDraft(page, "yzjh-school", {
      fields: { school_name: "报送包小学", school_code: "4307250099", county: "示例县", school_year: "2026-2027", filled_by: "王老师" },
      type: "primary",
    });
    await fillEverything(page, { inputs: PRIMARY_INPUTS, numbers: PRIMARY_NUMBERS, notMet: PRIMARY_NOT_MET });
    await page.getByTestId("section-1").click();
    // Picked as a person picks: the button, then the file chooser.
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator('label[for="attach-R1"]').click()]);
    await chooser.setFiles(register);
    await page.getByTestId("attachments-R1").getByText("班级名册.pdf").waitFor();
    await page.getByTestId("attach-R4").setInputFiles(join(ROOT, "static/icons/icon-192.png"));
    await page.getByTestId("attachments-R4").getByText("icon-192.png").waitFor();
    // A recording over the package's limit: said beside the file, and again, naming it, when
    // the package is asked for; nothing is downloaded; removing the file clears the message.
    const recording = join(dir, "课堂录像.mp4");
    writeFileSync(recording, Buffer.alloc(51 * 1024 * 1024, 7));
    await page.getByTestId("attach-R5").setInputFiles(recording);
    await page.getByTestId("attachments-R5").getByTestId("attachment-too-large").waitFor();
    let downloads = 0;
    const onDownload = () => downloads++;
    page.on("download", onDownload);
    await page.getByTestId("export-package").click();
    const refused = page.getByTestId("export-error");
    await refused.waitFor();
    assert.match(await refused.textContent(), /^报送包没有导出：报送包会有 51(\.\d)? MB，超过上限 50 MB；其中最大的是指标 R5 的“课堂录像\.mp4”（51 MB）：请减少或压缩佐证文件/);
    assert.doesNotMatch(await refused.textContent(), /。。/);
    await page.waitForTimeout(500);
    assert.equal(downloads, 0, "nothing downloaded");
    page.off("download", onDownload);
    await page.getByRole("button", { name: "移除 课堂录像.mp4" }).click();
    await refused.waitFor({ state: "detached" });
    await waitSaved(page);
    assert.match(await page.getByTestId("export-package").getAttribute("title"), /2 个佐证文件/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-package").click()]);
    assert.match(download.suggestedFilename(), /^示例县-报送包小学-yzjh-school-2026-2027-\d{4}-\d{2}-\d{2}\.zip$/);
    const packageFile = join(dir, download.suggestedFilename());
    await download.saveAs(packageFile);
    const zip = readFileSync(packageFile);
    assert.equal(zip.subarray(0, 4).toString("latin1"), "PK\x03\x04");
    if (existsSync(CLI)) {
      const out = execFileSync(CLI, ["verify", packageFile]).toString();
      assert.match(out, /^OK\t/, out);
    }
    await screenshot(page, "review-principal-package-zh");

    // The county: the package among the examples and three hostile packages.
    await gotoStart(page, session.server.url);
    await page.getByTestId("county-mode").click();
    const examples = readdirSync(EXAMPLES).sort().map((f) => join(EXAMPLES, f));
    const hostile = ["63-package-traversal.zip", "64-package-bomb.zip", "65-package-forged-scan.zip"].map((f) => join(CORPUS, f));
    await page.getByTestId("county-files").setInputFiles([packageFile, ...examples, ...hostile]);
    const summary = page.getByTestId("county-summary");
    await summary.getByText("共 7 个文件：正常 4、无效 3。").waitFor();
    const rows = page.getByTestId("county-row");
    const rowText = async (name) => rows.filter({ hasText: name }).first().textContent();
    assert.match(await rowText("63-package-traversal.zip"), /不安全的路径“\.\.\/\.\.\/startup\/evil\.bat”/);
    assert.match(await rowText("64-package-bomb.zip"), /解压后超过 50 MB（可能是“压缩炸弹”）/);
    assert.match(await rowText("65-package-forged-scan.zip"), /指标 G6 的佐证文件“班级名册\.pdf”与报送文件记录的校验值（SHA-256）不符/);

    // 数据核查: the principal's school answered every red line 达标 without a note or a file.
    const flags = page.getByTestId("county-flags");
    const flagged = flags.getByTestId("flag-row").filter({ hasText: "报送包小学" });
    assert.match(await flagged.first().textContent(), /底线要求无佐证.*4 条底线要求全部填“达标”，但没有任何佐证说明或佐证文件/);
    await page.getByTestId("flags-sort").selectOption("kind");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-flags").click()]);
    const csvFile = join(dir, csv.suggestedFilename());
    await csv.saveAs(csvFile);
    const table = readCsv(csvFile);
    assert.deepEqual(table[0], ["文件", "学校代码", "学校名称", "学年", "核查类型", "原因"]);
    assert.ok(table.some((r) => r[2] === "报送包小学" && r[4] === "底线要求无佐证"), JSON.stringify(table));
    await flags.scrollIntoViewIfNeeded();
    await screenshot(page, "review-flags-zh");

    // The school's report: its evidence listed, each opened from the package.
    await flagged.first().getByRole("button").click();
    await page.getByTestId("county-report").waitFor();
    const evidence = page.getByTestId("county-evidence");
    await evidence.waitFor();
    assert.equal(await evidence.getByTestId("evidence-file").count(), 2);
    const [popup] = await Promise.all([page.waitForEvent("popup"), evidence.getByTestId("evidence-open-1").click()]);
    await popup.waitForLoadState();
    assert.match(popup.url(), /^blob:/);
    assert.equal(await popup.evaluate(() => document.contentType), "image/png");
    const size = await popup.evaluate(() => { const img = document.querySelector("img"); return img ? [img.naturalWidth, img.naturalHeight] : null; });
    assert.deepEqual(size, [192, 192], "the image shows whole");
    await popup.close();
    const [pdfTab] = await Promise.all([page.waitForEvent("popup"), evidence.getByTestId("evidence-open-0").click()]);
    assert.match(pdfTab.url(), /^blob:/);
    await pdfTab.close();
    await screenshot(page, "review-evidence-zh");
    await evidence.screenshot({ path: join(dir, "evidence-zh-1280.png") });
    await page.getByTestId("back-to-county").click();

    // 实地核查抽样: two schools, a typed seed; the draw names its seed and is the same again.
    const visits = page.getByTestId("county-visits");
    const count = page.getByTestId("visit-count");
    await count.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("abc", { delay: 20 });
    await page.getByTestId("visit-draw").click();
    assert.equal(await page.getByTestId("visit-problem").textContent(), "抽取学校数请填写 1 到 4 之间的整数");
    await count.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("２", { delay: 20 });
    const seed = page.getByTestId("visit-seed");
    await seed.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("20261206", { delay: 20 });
    await page.keyboard.press("Enter");
    await visits.getByTestId("visit-summary").getByText(/^随机种子 20261206：从 4 所学校中抽取 2 所，其中 1 所按数据核查提示加权抽取，1 所随机抽取。/).waitFor();
    assert.ok(await page.getByTestId("visit-problem").isHidden());
    const drawn = await visits.getByTestId("visit-school").allTextContents();
    assert.equal(drawn.length, 2);
    await page.getByTestId("finding-0").click();
    await page.keyboard.type("功能室面积与填报一致；一票否决项有家长会记录", { delay: 10 });
    await visits.scrollIntoViewIfNeeded();
    await screenshot(page, "review-visits-zh");
    await visits.screenshot({ path: join(dir, "visits-zh-1280.png") });
    await checkAccessibility(page, "county review");

    // The 核查单, printed: one school to a page, the seed on each.
    await page.getByTestId("visit-print").click();
    const sheets = page.getByTestId("sheet");
    assert.equal(await sheets.count(), 2);
    assert.match(await sheets.first().textContent(), /随机种子 20261206[\s\S]*核查事项[\s\S]*核查发现功能室面积与填报一致/);
    // Each sheet names the school's county, as the summary's printout does.
    assert.match(await sheets.first().locator("dl").textContent(), /所属县（市、区）示例县/);
    await page.emulateMedia({ media: "print" });
    const printed = join(dir, "核查单.pdf");
    await page.pdf({ path: printed, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    execFileSync("pdftoppm", ["-png", "-r", "50", printed, join(dir, "核查单")]);
    const pages = readdirSync(dir).filter((f) => f.startsWith("核查单") && f.endsWith(".png"));
    assert.equal(pages.length, 2, `one page per school: ${pages}`);
    await page.getByTestId("back-from-sheets").click();

    // A reload finds the draw and the finding again (kept with the batch).
    await page.reload();
    await summary.getByText("共 7 个文件：正常 4、无效 3。").waitFor();
    await visits.getByTestId("visit-summary").getByText(/^随机种子 20261206/).waitFor();
    assert.deepEqual(await visits.getByTestId("visit-school").allTextContents(), drawn);
    assert.equal(await page.getByTestId("finding-0").inputValue(), "功能室面积与填报一致；一票否决项有家长会记录");
    assert.equal(await page.getByTestId("visit-changed").count(), 0, "the same batch: nothing changed since the draw");

    // English, on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("lang-toggle").click();
    await visits.getByTestId("visit-summary").getByText(/^Seed 20261206: 2 of 4 schools drawn/).waitFor();
    assert.match(await flags.getByTestId("flag-row").first().textContent(), /Red lines without evidence|Same data|Jump|Far outside|exactly/);
    await flags.scrollIntoViewIfNeeded();
    await screenshot(page, "review-flags-en-390");
    // The parts themselves, to look at (a whole page at 390 px is too tall to see).
    await flags.screenshot({ path: join(dir, "flags-en-390.png") });
    await visits.screenshot({ path: join(dir, "visits-en-390.png") });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px: ${overflow}`);
    await page.getByTestId("lang-toggle").click();
    await page.setViewportSize({ width: 1280, height: 900 });

    // The same school's file came first, its package later: the package takes its place.
    await page.getByTestId("county-files").setInputFiles(join(CORPUS, "62-package.zip"));
    await page.getByTestId("county-refused").getByText(/城关镇第一小学.*\.json：与报送包“62-package\.zip”中的报送文件相同：以带佐证的报送包为准/).waitFor();
    await summary.getByText("共 7 个文件：正常 4、无效 3。").waitFor();
    await rows.filter({ hasText: "62-package.zip" }).first().getByTestId("open-school").click();
    await page.getByTestId("county-evidence").getByTestId("evidence-open-0").waitFor();
    await page.getByTestId("back-to-county").click();
  });
  await page.close();
});
