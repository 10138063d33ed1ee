/** The "why" table on the real methodology and the Node engine: the lines add up to the change of the total. */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {initialState, pageCallsOf, type SimState} from "../../src/components/simulator/state.js";
import {explainChange, measurePoints, type Baseline} from "../../src/components/simulator/why.js";
import {focusTotal, openNodeSimulator, type NodeSimulator} from "./node-engine.js";

let sim: NodeSimulator;
beforeAll(async () => {
  sim = await openNodeSimulator();
});
afterAll(async () => sim?.close());

const start = () => initialState("620825", "pingliang", "2023");

async function why(state: SimState) {
  const {root} = sim.model;
  const plain = await sim.engine.score({peerGroup: [state.focus], periods: [state.period], level: root});
  const baseline: Baseline = {...state, measures: measurePoints(plain.measures, state.focus)};
  const calls = pageCallsOf(state, sim.groups, root);
  const [ranking, focus] = [await sim.engine.score(calls.ranking), await sim.engine.score(calls.focus)];
  const total = focusTotal(ranking, state, root);
  // The focus region scored alone has the total it has among its peers.
  expect(focusTotal(focus, state, root).scenario).toBe(total.scenario);
  const order = [...sim.model.measures.keys()];
  return {table: explainChange(state, baseline, focus, total.delta!, order), total};
}

describe("what the page asks the engine for", () => {
  it("totals and ranks of the peer group, and measure rows of the focus region alone", () => {
    const calls = pageCallsOf({...start(), values: {startup_days: 0.5}}, sim.groups, sim.model.root);
    expect(calls.ranking).toMatchObject({level: sim.model.root, measures: false});
    expect(calls.ranking.peerGroup).toHaveLength(7);
    expect(calls.focus).toMatchObject({peerGroup: ["620825"], periods: ["2023"], measures: true});
    expect(calls.focus.scenario).toEqual(calls.ranking.scenario);
  });
});

describe("why the total changed", () => {
  it("start-up in 0.5 day: the measure's score times its effective weight is the whole change", async () => {
    const {table, total} = await why({...start(), values: {startup_days: 0.5}});
    expect(table.rows.map((r) => r.measure)).toEqual(["startup_days"]);
    const [row] = table.rows;
    expect(row.after).toEqual({raw: 0.5, score: 100});
    expect(row.before.score!).toBeLessThan(100);
    expect(row.weight).toBeGreaterThan(0);
    expect(row.weight).toBeLessThan(0.01);
    expect(row.points).toBeCloseTo(total.delta!, 9);
    expect(table.remainder).toBeCloseTo(0, 9);
  });

  it("frontier values and a weight: measure points plus the remainder are the change of the total", async () => {
    const current = await sim.current("620825", "2023");
    const values = Object.fromEntries([...current].filter(([, v]) => v !== null).slice(0, 12)) as Record<
      string,
      number
    >;
    for (const k of Object.keys(values)) values[k] = sim.model.measures.get(k)!.best ?? values[k];
    const {table, total} = await why({...start(), values, weights: {c10: 3}});
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.sum + table.remainder).toBeCloseTo(total.delta!, 12);
    expect(Math.abs(table.remainder)).toBeGreaterThan(1e-6);
  });
});
