// County mode in the browser: many files verified and aggregated, the same figures as the CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gotoStart, RESULTS, ROOT, screenshot, withFailureShot, sharedSession } from "./helpers.mjs";
import { checkAccessibility } from "./principal.mjs";

const EXAMPLES = join(ROOT, "examples");
const CORPUS = join(ROOT, "tests/corpus/import");
const CLI = join(ROOT, "target/debug/ziping");

const session = sharedSession();

test("a county officer drops files, reads the figures, opens a school, takes the CSV", { timeout: 120000 }, async (t) => {
  const page = await session.browser.context.newPage();
  await withFailureShot(t, page, async () => {
    await gotoStart(page, session.server.url);
    await page.getByTestId("county-mode").click();
    await page.getByTestId("county-page").waitFor();
    const examples = readdirSync(EXAMPLES).sort().map((f) => join(EXAMPLES, f));
    const files = [...examples, join(CORPUS, "35-digest-one-char.json"), join(CORPUS, "55-huge-points.json")];
    await page.getByTestId("county-files").setInputFiles(files);
    const summary = page.getByTestId("county-summary");
    await summary.waitFor();
    // 55 is the first example's school again (same code, same time): a duplicate, left out.
    assert.equal(await summary.textContent(), "共 5 个文件：正常 3，结果不一致 0，重复 1，无效 1。");
    assert.equal(await page.getByTestId("county-row").count(), 5);
    // 小学 R1: the primary school and the 小学 part of the 九年一贯制 school.
    assert.match(await page.getByTestId("figure-R1-primary").getByTestId("cv").textContent(), /^0\.111$/);
    assert.match(await page.getByTestId("figure-R1-junior").getByTestId("cv").textContent(), /只有一所学校/);
    assert.equal(await page.getByTestId("values-chart").locator("circle").count(), 2 * 7 + 7, "2 小学 + 1 初中 per indicator");
    await screenshot(page, "county-zh");
    await checkAccessibility(page, "county");

    // The printable county summary, to A4.
    mkdirSync(RESULTS, { recursive: true });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(RESULTS, "county-summary.pdf"), pdf);
    await page.emulateMedia({ media: "screen" });
    assert.ok(pdf.length > 10000);

    // The same figures as the command line, byte for byte.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-figures").click()]);
    const dir = mkdtempSync(join(tmpdir(), "ziping-county-"));
    const browserCsv = join(dir, "browser.csv");
    await download.saveAs(browserCsv);
    if (existsSync(CLI)) {
      try {
        execFileSync(CLI, ["aggregate", ...files, "--csv", join(dir, "cli.csv")], { stdio: "pipe" });
      } catch (e) {
        assert.equal(e.status, 1, "the CLI reports the invalid file with exit code 1");
      }
      assert.equal(readFileSync(browserCsv, "utf8"), readFileSync(join(dir, "cli-county.csv"), "utf8"));
    }
    assert.ok(readFileSync(browserCsv, "utf8").startsWith("\ufeff评估清单,指标,学段"));

    // Filter, then open a school's report read-only, and come back.
    await page.getByTestId("county-filter").fill("桃花源");
    assert.equal(await page.getByTestId("county-row").count(), 1);
    await page.getByTestId("open-school").click();
    await page.getByTestId("county-report").waitFor();
    assert.equal(await page.getByTestId("report-school").textContent(), "桃花源中学");
    assert.equal(await page.locator('[data-testid="county-report"] input, [data-testid="county-report"] textarea').count(), 0, "read-only");
    await page.getByTestId("back-to-county").click();
    await page.getByTestId("county-table").waitFor();
  });
  await page.close();
});
