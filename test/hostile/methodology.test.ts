// Hostile methodologies and scenarios (issue 15): ids named like built-in properties are just ids, any depth gets an
// answer (a documented limit, never a stack overflow or an out-of-memory), weights that sum to 0 and targets outside
// their unit are refused with the path or the id named.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {MAX_DEPTH, MethodologyError, parseMethodology} from "../../src/engine/methodology/methodology.js";
import {buildPlan, effectiveWeights, ScenarioError} from "../../src/engine/methodology/plan.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {createEngine} from "../../src/engine/scoring/engine.js";

const BUILT_INS = ["__proto__", "constructor", "toString", "hasOwnProperty"];

/** Measures named like built-ins, each under a node named like one, under the total. */
function builtInMethodology() {
  return JSON.parse(
    JSON.stringify({
      id: "hostile",
      measures: BUILT_INS.map((id) => ({
        id,
        unit: "count",
        direction: "higher_is_better",
        normalise: {method: "frontier", best: 10, worst: 0}
      })),
      nodes: [
        {id: "total", children: BUILT_INS.map((id) => ({id: `n.${id}`}))},
        ...BUILT_INS.map((id) => ({id: `n.${id}`, children: [{id}]}))
      ]
    })
  );
}

/** A chain total → c1 → … → c(depth-1) → one measure. */
function chain(depth: number) {
  const nodes = Array.from({length: depth}, (_, i) => ({
    id: i === 0 ? "total" : `c${i}`,
    children: [{id: `c${i + 1}`}]
  }));
  nodes[depth - 1].children = [{id: "m"}];
  return {
    id: "deep",
    measures: [
      {id: "m", unit: "count", direction: "higher_is_better", normalise: {method: "frontier", best: 1, worst: 0}}
    ],
    nodes
  };
}

let db: SqlDatabase;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(async () => db?.close());

describe("ids named like built-in properties", () => {
  it("parse, plan and take scenario weights and targets as plain ids", () => {
    const m = parseMethodology(builtInMethodology());
    expect(m.measures.map((x) => x.id)).toEqual(BUILT_INS);
    const plan = buildPlan(m, {weights: JSON.parse('{"n.toString": 3, "__proto__": 2}')});
    expect(plan.edges.find((e) => e.child === "__proto__")!.weight).toBe(2);
    const weights = effectiveWeights(plan);
    expect(weights.toString).toBeCloseTo(3 / 6, 12);
    expect(weights.__proto__).toBeCloseTo(1 / 6, 12);
    expect(weights.constructor).toBeCloseTo(1 / 6, 12);
    expect(weights.hasOwnProperty).toBeCloseTo(1 / 6, 12);
    const targeted = buildPlan(m, {targets: JSON.parse('{"hasOwnProperty": 20}')});
    expect(targeted.params.find((p) => p.measure === "hasOwnProperty")!.best).toBe(20);
  });

  it("score in the engine with a weight scenario", async () => {
    const m = parseMethodology(builtInMethodology());
    const engine = await createEngine(db, m);
    const rows = BUILT_INS.map((measure, i) => ({region: "A", period: "2023", measure, value: 2 * (i + 1)}));
    await engine.loadObservations(observationsIpc(rows));
    const r = await engine.score({
      level: "total",
      scenario: {weights: JSON.parse('{"n.toString": 0, "n.constructor": 2}')}
    });
    // Scores 20, 40, 60, 80; weights 1, 2, 0, 1 → (20 + 80 + 80) / 4.
    expect(r.nodes[0].score).toBeCloseTo(45, 9);
    await engine.close();
  });

  it("are refused in a scenario when the methodology does not have them", () => {
    const m = parseMethodology(builtInMethodology());
    for (const id of ["valueOf", "isPrototypeOf"]) {
      expect(() => buildPlan(m, {weights: {[id]: 1}})).toThrow(new RegExp(`unknown measure or node ${id}`));
    }
  });
});

describe("depth", () => {
  it(`scores a hierarchy ${MAX_DEPTH} levels deep`, async () => {
    const engine = await createEngine(db, parseMethodology(chain(MAX_DEPTH)));
    await engine.loadObservations(observationsIpc([{region: "A", period: "2023", measure: "m", value: 0.5}]));
    const r = await engine.score({level: "total"});
    expect(r.nodes[0].score).toBeCloseTo(50, 9);
    await engine.close();
  });

  it.each([MAX_DEPTH + 1, 1_000, 20_000])("refuses %i levels with the depth, the limit and the path", (depth) => {
    const error = (() => {
      try {
        parseMethodology(chain(depth));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MethodologyError);
    expect((error as Error).message).toContain(`nodes[0]: 层级过深：${depth} 层，最多 ${MAX_DEPTH} 层`);
    expect((error as Error).message).toContain(
      `the hierarchy is ${depth} levels deep; at most ${MAX_DEPTH} are allowed`
    );
  });
});

describe("nothing accepted without a word", () => {
  it("refuses a node whose weights sum to 0, naming its path", () => {
    const json = builtInMethodology();
    json.nodes[1].children[0].weight = 0;
    expect(() => parseMethodology(json)).toThrow(/nodes\[1\]\.children: 子项权重之和为 0.*sum to 0/);
  });

  it("refuses scenario weights that empty a node, and targets outside their unit, naming the id", () => {
    const m = parseMethodology(builtInMethodology());
    expect(() => buildPlan(m, {weights: {toString: 0}})).toThrow(ScenarioError);
    expect(() => buildPlan(m, {weights: {toString: 0}})).toThrow(/children of node n\.toString sum to 0/);
    expect(() => buildPlan(m, {targets: {constructor: -100}})).toThrow(/constructor = -100 is out of range for count/);
  });
});
