/**
 * The build's report carries every plan target with its measure's value and status per period and region (by the goal
 * rule), the units answerable for it, and the build day. Built by the build's own loader on a hand-made fixture:
 * start-up steps (target ≤ 1) and cost (target ≤ 0) for Pingliang's seven counties.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {readMethodology} from "../../loaders/methodology.js";
import {readRegions} from "../../loaders/regions.js";
import {buildReport, type BuiltReport} from "../../loaders/report.js";
import {buildDay} from "../../src/data/report-inputs.js";
import type {Observation} from "../../src/engine/observations/observation.js";

const CODES = ["620802", "620821", "620822", "620823", "620825", "620826", "620881"];

let built: BuiltReport;
beforeAll(async () => {
  const [full, catalogue, {regions, peerGroups}] = await Promise.all([
    readMethodology(),
    readCatalogue(),
    readRegions()
  ]);
  const keep = new Set(["total", "c10", "i078", "i080", "startup_steps", "startup_cost_yuan"]);
  const methodology = {
    ...full,
    nodes: full.nodes
      .filter((n) => keep.has(n.id))
      .map((n) => ({...n, children: n.children.filter((c) => keep.has(c.id))})),
    measures: full.measures.filter((m) => keep.has(m.id))
  };
  // 2022: every county takes 3 steps; 2023: 620802 takes 1 (meets ≤ 1), the others 2; 620881 has no 2023 steps.
  const observations: Observation[] = CODES.flatMap((region) => [
    {region, period: "2022", measure: "startup_steps", value: 3},
    ...(region === "620881"
      ? []
      : [{region, period: "2023", measure: "startup_steps", value: region === "620802" ? 1 : 2}]),
    {region, period: "2022", measure: "startup_cost_yuan", value: 0},
    {region, period: "2023", measure: "startup_cost_yuan", value: region === "620825" ? 100 : 0}
  ]);
  built = await buildReport({
    methodology,
    catalogue,
    regions,
    peerGroups: peerGroups.filter((g) => g.id === "pingliang"),
    illustrative: false,
    generated: "2024-03-01",
    loaded: {observations, results: [], lenient: false}
  });
}, 180_000);

describe("report targets", () => {
  it("lists every target of the catalogue in the plan's order", () => {
    expect(built.report.targets.map((t) => t.id)).toEqual(Array.from({length: 33}, (_, i) => i + 1));
    expect(built.report.generated).toBe("2024-03-01");
  });

  it("gives each target's values and status per period, aligned with the regions", () => {
    const at = new Map(built.report.regions.map((r, i) => [r.code, i]));
    const steps = built.report.targets.find((t) => t.measure === "startup_steps")!;
    expect(steps).toMatchObject({comparator: "<=", value: 1, unit: "step", owners: ["market_regulation_bureau"]});
    expect(steps.met["2022"].every((s) => s === 0)).toBe(true);
    expect(steps.values["2023"][at.get("620802")!]).toBe(1);
    expect(steps.met["2023"][at.get("620802")!]).toBe(1);
    expect(steps.met["2023"][at.get("620825")!]).toBe(0);
    expect(steps.met["2023"][at.get("620881")!]).toBeNull();
    const cost = built.report.targets.find((t) => t.measure === "startup_cost_yuan")!;
    expect(cost.met["2023"][at.get("620825")!]).toBe(0);
    expect(cost.met["2023"][at.get("620821")!]).toBe(1);
  });

  it("says no data for a target whose measure the methodology does not observe", () => {
    const days = built.report.targets.find((t) => t.measure === "startup_days")!;
    expect(
      Object.values(days.met)
        .flat()
        .every((s) => s === null)
    ).toBe(true);
  });

  it("credits a unit with the points of the measures it answers for, and keeps the ownerless apart", () => {
    const at = built.report.regions.findIndex((r) => r.code === "620825");
    expect(built.report.unitGains.market_regulation_bureau.toTarget![at]).toBeGreaterThan(0);
    expect(built.report.ownerlessGains).toEqual({toTarget: null, toFrontier: null});
  });
});

describe("buildDay", () => {
  it("takes SOURCE_DATE_EPOCH when set, else today", () => {
    expect(buildDay({SOURCE_DATE_EPOCH: "1700000000"})).toBe("2023-11-14");
    expect(buildDay({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
