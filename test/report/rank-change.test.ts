/**
 * Acceptance: change one observation of the focus region, rebuild the scores with the build's own loader
 * (loaders/report.ts), and the overview (its rank and its summary sentence) follows. The fixture is hand-made so
 * the expected ranks are known by construction: one category with two indicators (start-up steps and cost),
 * Pingliang's seven counties; cost is at the frontier for everyone, so the total orders regions by their steps.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {readMethodology} from "../../loaders/methodology.js";
import {readRegions} from "../../loaders/regions.js";
import {buildReport} from "../../loaders/report.js";
import type {ReportInput} from "../../loaders/report.js";
import {overviewModel} from "../../src/components/report/overview.js";
import {startupMethodology} from "./fixture.js";
import type {Observation} from "../../src/engine/observations/observation.js";

const FOCUS = "620825";
/** Start-up steps per county in 2023 (best 1, worst 8): 庄浪县 has 6, fifth of seven. */
const STEPS_2023: Record<string, number> = {
  "620802": 2,
  "620821": 3,
  "620822": 4,
  "620823": 5,
  "620825": 6,
  "620826": 7,
  "620881": 8
};

function observations(focusSteps2023: number): Observation[] {
  return Object.entries(STEPS_2023).flatMap(([region, steps]) => [
    {region, period: "2022", measure: "startup_steps", value: region === FOCUS ? 8 : steps},
    {region, period: "2023", measure: "startup_steps", value: region === FOCUS ? focusSteps2023 : steps},
    {region, period: "2022", measure: "startup_cost_yuan", value: 0},
    {region, period: "2023", measure: "startup_cost_yuan", value: 0}
  ]);
}

describe("the overview follows one changed observation", () => {
  let base: Omit<ReportInput, "loaded">;
  beforeAll(async () => {
    const [methodology, catalogue, {regions, peerGroups}] = await Promise.all([
      readMethodology(),
      readCatalogue(),
      readRegions()
    ]);
    base = {
      methodology: startupMethodology(methodology),
      catalogue,
      regions,
      peerGroups: peerGroups.filter((g) => g.id === "pingliang"),
      illustrative: false
    };
  });

  const build = async (focusSteps: number) =>
    (await buildReport({...base, loaded: {observations: observations(focusSteps), results: [], lenient: false}}))
      .report;

  it("moves 庄浪县 from 5th to 1st when its start-up steps drop from 6 to 1", async () => {
    const catalogue = base.catalogue;
    const before = overviewModel(await build(6), catalogue, {focus: FOCUS, group: "pingliang"}, "zh");
    expect(before.rank).toBe(5);
    expect(before.ranked).toBe(7);
    expect(before.baselineRank).toBe(6);
    expect(before.summary).toContain("庄浪县在平凉市7个县（市、区）中排名第5");
    expect(before.summary).toContain("上升1位");
    expect(before.summary).toContain("企业开办环节数");

    const changed = await build(1);
    const after = overviewModel(changed, catalogue, {focus: FOCUS, group: "pingliang"}, "zh");
    expect(after.rank).toBe(1);
    expect(after.total).toBeCloseTo(100, 6);
    expect(after.summary).toContain("排名第1");
    expect(after.summary).toContain("上升5位");
    expect(after.summary).not.toContain("企业开办环节数");
    expect(after.gaps).toEqual([]);

    const english = overviewModel(changed, catalogue, {focus: FOCUS, group: "pingliang"}, "en");
    expect(english.summary).toContain("ranks 1 of 7 in Pingliang");
  }, 180_000);
});
