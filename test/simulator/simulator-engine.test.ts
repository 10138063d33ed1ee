/** The simulator's logic on the real methodology, catalogue and engine (Node DuckDB). */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {summarise} from "../../src/components/simulator/results.js";
import {goalValues, initialState, scoreOptionsOf, withPlanTargets} from "../../src/components/simulator/state.js";
import {FIRST_CATEGORIES, goalValue} from "../../src/components/simulator/model.js";
import {checkContext} from "../../src/engine/observations/context.js";
import {checkObservations} from "../../src/engine/observations/check.js";
import {readRegions} from "../../loaders/regions.js";
import {packRegions, unpackRegions, type PackedRegion} from "../../src/engine/regions/regions.js";
import {focusTotal, openNodeSimulator, type NodeSimulator} from "./node-engine.js";

let sim: NodeSimulator;
beforeAll(async () => {
  sim = await openNodeSimulator();
});
afterAll(async () => sim?.close());

const start = () => initialState("620825", "pingliang", "2023");

describe("simulator model", () => {
  it("lists every observed measure once, enterprise life cycle, financing and IP first", () => {
    const {model} = sim;
    expect(model.categories.slice(0, 3).map((c) => c.number)).toEqual(FIRST_CATEGORIES);
    const listed = model.categories.flatMap((c) => c.measures.map((m) => m.id));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(model.methodology.measures.filter((m) => !m.derive).length);
    const startup = model.measures.get("startup_days")!;
    expect(startup.target).toMatchObject({value: 0.5, comparator: "<="});
    expect(startup.leadUnits.length).toBeGreaterThan(0);
  });

  it("meets a target without making a better value worse", () => {
    const m = sim.model.measures.get("startup_days")!;
    expect(goalValue(m, "target", 3)).toBe(0.5);
    expect(goalValue(m, "target", 0.2)).toBe(0.2);
    expect(goalValue(m, "target", null)).toBe(0.5);
  });
});

describe("simulator scenarios on the Node engine", () => {
  it("start-up in 0.5 day raises 庄浪县's total and nobody else's", async () => {
    const state = {...start(), values: {startup_days: 0.5}};
    const result = await sim.score(state);
    const total = focusTotal(result, state, sim.model.root);
    expect(total.delta).toBeGreaterThan(0);
    const others = result.deltas!.filter((d) => d.node === sim.model.root && d.region !== "620825");
    expect(others.length).toBe(6);
    expect(others.every((d) => d.delta === 0)).toBe(true);
    const summary = summarise(result, sim.model, "620825");
    expect(summary.total.scenario).toBe(total.scenario);
    // Only enterprise life cycle moved, and it explains the whole change.
    expect(summary.categories.filter((c) => c.points !== 0).map((c) => c.id)).toEqual(["c10"]);
    expect(summary.residual).toBeCloseTo(0, 9);
    expect(summary.units.reduce((s, u) => s + u.points, 0)).toBeCloseTo(total.delta!, 9);
  });

  it("applying the plan's targets never lowers the total and sets every targeted measure", async () => {
    const current = await sim.current("620825", "2023");
    const values = goalValues(sim.model, current, "target");
    const targeted = [...sim.model.measures.values()].filter((m) => m.target).map((m) => m.id);
    expect(Object.keys(values).sort()).toEqual(targeted.sort());
    const state = withPlanTargets(start(), sim.model, current);
    const total = focusTotal(await sim.score(state), state, sim.model.root);
    expect(total.delta).toBeGreaterThanOrEqual(0);
  });

  it("scores the chosen peer group only, in the chosen period", () => {
    const options = scoreOptionsOf(start(), sim.groups);
    expect(options.peerGroup).toHaveLength(7);
    expect(options.periods).toEqual(["2023"]);
    expect(options.scenario?.values).toEqual([]);
  });

  it("weights change the ranking: a zero weight on every category but one ranks by that category", async () => {
    const weights = Object.fromEntries(sim.model.categories.map((c) => [c.id, c.id === "c10" ? 1 : 0]));
    const state = {...start(), weights};
    const result = await sim.score(state);
    const byTotal = result.nodes.filter((n) => n.node === sim.model.root).map((n) => [n.region, n.rank]);
    const byC10 = result.nodes.filter((n) => n.node === "c10").map((n) => [n.region, n.rank]);
    expect(byTotal).toEqual(byC10);
  });
});

describe("uploads in the browser context", () => {
  it("checks codes and names against the national table the page ships: Shaanxi counties in, made-up codes out", async () => {
    const {regions} = await readRegions();
    const shipped = unpackRegions(JSON.parse(JSON.stringify(packRegions(regions))) as PackedRegion[]);
    const ctx = checkContext(sim.model.methodology, shipped, ["2022", "2023H1", "2023"]);
    const csv = [
      "region,region_name,period,measure,value",
      "620825,庄浪县,2023,startup_days,1",
      "610102,新城区,2023,startup_days,2",
      "620899,,2023,startup_days,3", // county-shaped, but no such county in Pingliang
      "999999,,2023,startup_days,3",
      "庄浪县,,2023,startup_days,3", // a name where the code belongs: the message gives the code
      "610102,庄浪县,2023,startup_days,3" // the name of another region
    ].join("\n");
    const result = checkObservations(csv, "mine.csv", ctx);
    expect(result.read).toBe(result.acceptedRows + result.rejectedRows);
    expect(result.accepted.map((o) => o.region)).toEqual(["620825", "610102"]);
    expect(result.rejected.map((r) => [r.line, r.column, r.code])).toEqual([
      [4, 1, "region_unknown"],
      [5, 1, "region_unknown"],
      [6, 1, "region_unknown"],
      [7, 2, "region_name_mismatch"]
    ]);
    expect(result.rejected[2].reasonEn).toContain("620825");
  });
});
