// Helpers for driving the principal's pages as a person would.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ROOT } from "./helpers.mjs";
import { join } from "node:path";

/** Raw data of a plausible 小学 (1,000 students) for the 优质均衡 checklist. */
export const PRIMARY_INPUTS = {
  students: "1000",
  classes: "24",
  teachers_above_degree: "50",
  teachers_backbone: "12",
  teachers_pe_art: "10",
  teachers_full_time: "60",
  teachers_certified: "60",
  teachers_trained_360: "60",
  teachers_eligible_exchange: "40",
  teachers_exchanged: "5",
  teachers_exchanged_backbone: "1",
  area_teaching: "4000", // 4.0 ㎡ per student: below 4.5 but above 85% of it
  area_sports_outdoor: "7000",
  area_sports_indoor: "1000",
  equipment_value: "2,500,000",
  multimedia_rooms: "30",
  music_rooms: "2",
  art_rooms: "1", // 0.5 per 12 classes: not met
  public_funds_budget: "1000000",
  training_funds: "60000",
};

/** Number items of the 优质均衡 checklist for that school. */
export const PRIMARY_NUMBERS = { G3: "100", G4: "90", G6: "46", G11: "100", S1: "90" };

/** Yes/no items answered 未达标 (everything else 达标). */
export const PRIMARY_NOT_MET = ["Q5"];

/** Starts a new draft of `checklistId` from the start page and fills in the profile. */
export async function newDraft(page, checklistId, profile) {
  await page.getByTestId(`new-${checklistId}`).click();
  await page.getByTestId("profile-page").waitFor();
  for (const [field, value] of Object.entries(profile.fields)) {
    await page.getByTestId(`profile-${field}`).fill(value);
  }
  await page.getByTestId(`type-${profile.type}`).check();
}

/** Fills every section of the form: raw inputs from `inputs`, numbers from `numbers`,
 * choices 达标 (first option) unless listed in `notMet` (second option). */
export async function fillEverything(page, { inputs, numbers, notMet }) {
  await page.getByTestId("tab-fill").click();
  await page.getByTestId("fill-page").waitFor();
  const sections = await page.locator(".area-nav button").count();
  for (let n = 0; n < sections; n++) {
    await page.getByTestId(`section-${n}`).click();
    const fields = page.locator('.area-content input[data-testid^="input-"]');
    for (let k = 0; k < (await fields.count()); k++) {
      const field = fields.nth(k);
      const slot = (await field.getAttribute("data-testid")).slice("input-".length);
      const id = slot.split("@")[0];
      const value = inputs[id] ?? numbers[id];
      assert.ok(value !== undefined, `no test value for ${slot}`);
      await field.fill(value);
    }
    const groups = page.locator('.area-content [data-testid^="choices-"]');
    for (let k = 0; k < (await groups.count()); k++) {
      const group = groups.nth(k);
      const slot = (await group.getAttribute("data-testid")).slice("choices-".length);
      const pick = notMet.includes(slot.split("@")[0]) ? 1 : 0;
      await group.locator('input[type="radio"]').nth(pick).check();
    }
  }
}

/** Runs axe-core on the page; fails on serious or critical violations. */
export async function checkAccessibility(page, where) {
  const source = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, target: v.nodes[0]?.target }));
  });
  const serious = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious, [], `${where}: accessibility violations ${JSON.stringify(serious, null, 1)}`);
  return result;
}

/** Waits for the autosave to report "已保存" (or "Saved"). */
export async function waitSaved(page) {
  await page.locator('[data-testid="save-status"] .save.ok').waitFor({ timeout: 5000 });
}
