// Benchmark, not a test: how long from a keystroke to the updated page, on a checklist of 240
// items (4 areas × 60), scoring and autosave included. Needs a release build in dist/.
//   node scripts/bench-typing.mjs [KEYSTROKES]
// Types with Playwright's keyboard (select all, two digits, Tab) and prints p50 / p95 / max of
// keydown → next animation frame, the main thread's long tasks (> 50 ms) during the run (a slow
// save would show), and the time from a reload to the draft's fill page.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keystrokeTimes, launch, serve, timeKeystrokes } from "../tests/e2e/helpers.mjs";

const KEYSTROKES = Number(process.argv[2] || 300);
const AREAS = 4;
const PER_AREA = 60;

function checklist() {
  const text = (zh) => ({ zh, en: zh });
  const areas = [];
  for (let a = 0; a < AREAS; a++) {
    const items = [];
    for (let k = 0; k < PER_AREA; k++) {
      const id = `a${a}i${k}`;
      const kind = k % 3 === 0
        ? { type: "yes_no" }
        : k % 3 === 1
          ? { type: "number", unit: "人", rule: { primary: { op: "le", value: 45 } } }
          : { type: "computed", unit: "㎡", formula: { kind: "ratio", numerator: ["area"], denominator: ["students"], scale: 1 }, rule: { primary: { op: "ge", value: 4.5 } } };
      items.push({ id, text: text(`第${a + 1}部分第${k + 1}项`), points: 1, source: { source: "S", clause: `${k + 1}` }, kind });
    }
    areas.push({ id: `A${a}`, title: text(`第${a + 1}部分`), indicators: [{ id: `I${a}`, title: text("指标"), items }] });
  }
  return {
    format: "ziping.checklist/1", id: "bench-240", version: "1", title: text("基准清单 240 项"), issuer: text("基准"),
    school_types: ["primary"], sources: [{ id: "S", title: "基准", verified: true }],
    inputs: [
      { id: "students", label: text("在校学生数"), unit: "人", scope: "per_part" },
      { id: "area", label: text("面积"), unit: "㎡", scope: "shared" },
    ],
    grades: [{ id: "P", label: text("合格"), min_percent: 60 }, { id: "F", label: text("不合格"), min_percent: 0 }],
    veto_grade: text("否决"), areas,
  };
}

const dir = mkdtempSync(join(tmpdir(), "ziping-bench-"));
const file = join(dir, "bench-240.json");
writeFileSync(file, JSON.stringify(checklist()));
const server = await serve();
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByTestId("start-page").waitFor();
  await page.getByTestId("checklist-file").setInputFiles(file);
  await page.getByTestId("profile-page").waitFor();
  await page.getByTestId("type-primary").check();
  await page.getByTestId("input-students").fill("1000");
  await page.getByTestId("tab-fill").click();
  await page.getByTestId("section-1").click(); // area 1 (section 0 is the raw data)
  // Real keystrokes (Playwright's keyboard, as a person types): from each keydown to the
  // next animation frame, by which the engine has re-scored and the page is updated.
  await timeKeystrokes(page);
  const inputs = page.locator('.area-content input[data-testid^="input-"]');
  const count = await inputs.count();
  let typed = 0;
  for (let k = 0; typed < KEYSTROKES; k++) {
    const input = inputs.nth(k % count);
    await input.click();
    await page.keyboard.press("Control+A");
    const value = k % 2 ? "50" : "40"; // flips the outcome of the ≤ 45 items
    await page.keyboard.type(value, { delay: 40 });
    await page.keyboard.press("Tab");
    typed += value.length + 2;
  }
  await page.waitForTimeout(1200); // let the last save finish inside the window
  const { times: t, pct, longTasks } = await keystrokeTimes(page);
  console.log(`checklist: ${AREAS * PER_AREA} items; keystrokes: ${t.length}`);
  console.log(`keydown → next frame: p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${t[t.length - 1].toFixed(1)} ms (target p95 ≤ 16 ms)`);
  console.log(`long tasks (> 50 ms) during the run, saves included: ${longTasks.length}${longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(0)} ms` : ""}`);
  await page.getByTestId("save-status").locator(".save.ok").waitFor({ timeout: 5000 });
  console.log(`saved: ${await page.getByTestId("save-status").textContent()}`);
  // Reopening: the app returns to the draft's fill page after a reload.
  const t0 = Date.now();
  await page.reload();
  await page.locator('.area-content input[data-testid^="input-"]').first().waitFor();
  console.log(`reload → the draft's fill page with its inputs: ${Date.now() - t0} ms`);
} finally {
  await browser.cleanup();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
