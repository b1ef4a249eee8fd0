// Benchmark, not a test: how long from a keystroke to the updated page in 制作县级清单, on the
// built-in 办学质量 checklist (78 items): every keystroke re-checks the whole checklist (the same
// checks as loading a file, its content hash included) and is written to IndexedDB. Needs a
// release build in dist/.
//   node scripts/bench-editor.mjs [KEYSTROKES]
// Prints p50 / p95 / max of keydown → next animation frame and the long tasks (> 50 ms).
import { keystrokeTimes, launch, serve, timeKeystrokes } from "../tests/e2e/helpers.mjs";

const KEYSTROKES = Number(process.argv[2] || 200);
const server = await serve();
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}county/#checklist`);
  await page.getByTestId("editor-start").waitFor();
  const bases = await page.getByTestId("ed-base").locator("option").allTextContents();
  await page.getByTestId("ed-base").selectOption(String(bases.findIndex((o) => o.endsWith("· zlpj-school"))));
  await page.getByTestId("ed-start").click();
  await page.getByTestId("ed-node-B5.1.1").click();
  await timeKeystrokes(page);
  let typed = 0;
  for (let k = 0; typed < KEYSTROKES; k++) {
    // A guidance text, then a threshold: texts and numbers, valid and not.
    const [field, text] = k % 2 ? ["ed-rule-value-primary", k % 4 === 1 ? "9o" : "90"] : ["ed-item-guidance-zh", "每天在校体育锻炼不少于90分钟"];
    await page.getByTestId(field).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type(text, { delay: 40 });
    typed += text.length + 1;
  }
  await page.waitForTimeout(1000);
  const { times: t, pct, longTasks } = await keystrokeTimes(page);
  console.log(`制作县级清单, zlpj-school (78 items); keystrokes with a keydown (characters typed as text send none): ${t.length}`);
  console.log(`keydown → next frame: p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${t[t.length - 1].toFixed(1)} ms`);
  console.log(`long tasks (> 50 ms): ${longTasks.length}${longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(0)} ms` : ""}`);
} finally {
  await browser.cleanup();
  await server.stop();
}
