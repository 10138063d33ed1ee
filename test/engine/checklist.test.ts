/**
 * Issue 13: a qualitative indicator scored by a checklist of the plan's points. With yes/no items of one point each
 * and the "reweight" missing policy, the engine gives exactly points achieved ÷ points applicable: an item answered
 * 不适用 in the file is read as a missing value flagged not_applicable and leaves the denominator (B-READY). An expert
 * score overrides the checklist when the items weigh 0. Real DuckDB, observations read by the build's checker.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {parseMethodology} from "../../src/engine/methodology/methodology.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {checkContext, checkObservations} from "../../src/engine/observations/check.js";
import {createEngine} from "../../src/engine/scoring/engine.js";

const ITEMS = ["blank_forms", "sample_forms", "fees_listed", "pilot_reform"];
const item = (id: string) => ({
  id,
  unit: "yes_no",
  direction: "higher_is_better",
  normalise: {method: "frontier", best: 1, worst: 0}
});

/** One checklist indicator under the total; with `expertWeight` > 0 an expert score overrides it (items weigh 0). */
const methodology = (expertWeight = 0) =>
  parseMethodology({
    id: "checklist",
    measures: [
      ...ITEMS.map(item),
      {id: "expert", unit: "score", direction: "higher_is_better", normalise: {method: "expert", max: 100}}
    ],
    nodes: [
      {id: "total", children: [{id: "i071"}]},
      {
        id: "i071",
        missing: "reweight",
        minCoverage: 0.5,
        children: [...ITEMS.map((id) => ({id, weight: expertWeight > 0 ? 0 : 1})), {id: "expert", weight: expertWeight}]
      }
    ]
  });

// A: yes, no, yes, 不适用 → 2 of 3 applicable points = 66.67 (not 2 of 4 = 50).
// B: yes, yes, yes, yes → 100.  C: no, 不适用, n/a, N/A → 0 of 1 applicable, but coverage 1/4 < 0.5: no score.
const FILE = `地区代码,期间,指标,数值
A,2024,blank_forms,是
A,2024,sample_forms,否
A,2024,fees_listed,1
A,2024,pilot_reform,不适用
A,2024,expert,85
B,2024,blank_forms,是
B,2024,sample_forms,是
B,2024,fees_listed,是
B,2024,pilot_reform,是
B,2024,expert,40
C,2024,blank_forms,否
C,2024,sample_forms,不适用
C,2024,fees_listed,n/a
C,2024,pilot_reform,N/A
`;

let db: SqlDatabase;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function totals(expertWeight: number): Promise<Record<string, number | null>> {
  const m = methodology(expertWeight);
  const checked = checkObservations(FILE, "checklist.csv", checkContext(m, null, null));
  expect(checked.rejected).toEqual([]);
  const engine = await createEngine(db, m);
  await engine.loadObservations(observationsIpc(checked.accepted));
  const result = await engine.score({peerGroup: ["A", "B", "C"], level: "i071", measures: false});
  await engine.close();
  return Object.fromEntries(result.nodes.map((n) => [n.region, n.score]));
}

describe("a checklist indicator", () => {
  it("reads 不适用 and n/a as a missing value flagged not_applicable", () => {
    const checked = checkObservations(FILE, "checklist.csv", checkContext(methodology(), null, null));
    const na = checked.accepted.filter((o) => o.flag === "not_applicable");
    expect(na.map((o) => `${o.region} ${o.measure} ${o.value}`)).toEqual([
      "A pilot_reform null",
      "C sample_forms null",
      "C fees_listed null",
      "C pilot_reform null"
    ]);
    expect(checked.read).toBe(checked.acceptedRows + checked.rejectedRows);
  });

  it("scores points achieved ÷ points applicable: a not-applicable item leaves the denominator", async () => {
    const score = await totals(0);
    expect(score.A).toBeCloseTo((100 * 2) / 3, 9);
    expect(score.B).toBe(100);
    // Only one applicable item is under the indicator's minCoverage of 0.5: no score (docs/zhuanglang-methodology.md).
    expect(score.C).toBeNull();
  });

  it("lets an expert score override the checklist when the items weigh 0", async () => {
    const score = await totals(1);
    expect(score.A).toBe(85);
    expect(score.B).toBe(40);
    expect(score.C).toBeNull();
  });

  it("rejects 不适用 when the flag column says something else", () => {
    const text = "region,period,measure,value,flag\nA,2024,blank_forms,不适用,no_practice\n";
    const checked = checkObservations(text, "c.csv", checkContext(methodology(), null, null));
    expect(checked.rejected[0]).toMatchObject({line: 2, column: 4, code: "not_applicable_conflict"});
    expect(checked.rejected[0].reasonEn).toContain("no_practice");
  });
});
