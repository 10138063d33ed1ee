/**
 * Issue 16: the two methodology forms DB2020's paying taxes needs, on hand-computed numbers. A frontier with a power
 * (threshold and power: 100 up to the threshold `best`, then the distance to it raised to the power, 0 from `worst`),
 * and a flag with `remove`: the flagged measure does not exist, so its parent averages the others, under every missing
 * policy, with coverage unchanged; a node whose children are all removed is removed from its own parent. Observations
 * are read from a wide file by the build's checker (flag columns named after the methodology's flags); the engine and
 * the oracle must both give these numbers.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {parseMethodology} from "../../src/engine/methodology/methodology.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {checkContext, checkObservations} from "../../src/engine/observations/check.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import {createEngine} from "../../src/engine/scoring/engine.js";
import type {ScoreResult} from "../../src/engine/scoring/types.js";
import {referenceScore} from "../oracle/reference.js";

const hours = (id: string, worst: number) => ({
  id,
  unit: "hour",
  direction: "lower_is_better",
  normalise: {method: "frontier", best: 0, worst}
});

/** post = mean of v1, v2, c1, c2 (fail, zero or reweight); total = mean of rate, post and other. */
const methodology = (missing: string) =>
  parseMethodology({
    id: "remove",
    measures: [
      {
        id: "rate",
        unit: "index",
        direction: "lower_is_better",
        normalise: {method: "frontier", best: 26.1, worst: 84, power: 0.8}
      },
      hours("v1", 10),
      hours("v2", 10),
      hours("c1", 10),
      hours("c2", 10),
      hours("other", 10)
    ],
    nodes: [
      {id: "total", missing, children: [{id: "rate"}, {id: "post"}, {id: "other"}]},
      {id: "post", missing, children: [{id: "v1"}, {id: "v2"}, {id: "c1"}, {id: "c2"}]}
    ],
    flags: [
      {id: "no_v", remove: true, measures: ["v1", "v2"]},
      {id: "no_c", remove: true, measures: ["c1", "c2"]},
      {id: "no_refund", score: 0, measures: ["v1", "v2"]}
    ]
  });

// A: rate at the threshold → 100; post: v removed (values ignored), c1 5 → 50, c2 0 → 100 → 75; other 10 → 0.
// B: rate 55.05 (half way) → 100·0.5^0.8; v scored 0 by no_refund, c1 0 → 100, c2 10 → 0: post 25; other 5 → 50.
// C: rate 90 → 0; v and c removed → post removed (coverage 1: nothing missing); total = (0 + other 0 → 100)/2 = 50.
const FILE = `region,period,rate,v1,v2,c1,c2,other,no_v,no_c,no_refund
A,2019,26.1,3,3,5,0,10,1,0,0
B,2019,55.05,,,0,10,5,0,0,1
C,2019,90,,,,,0,1,1,0
`;

let db: SqlDatabase;
let observations: Observation[];
const score = async (missing: string): Promise<{sql: ScoreResult; ref: ScoreResult}> => {
  const m = methodology(missing);
  const engine = await createEngine(db, m);
  try {
    await engine.loadObservations(observationsIpc(observations));
    return {sql: await engine.score(), ref: referenceScore(m, observations)};
  } finally {
    await engine.close();
  }
};
const node = (r: ScoreResult, region: string, id: string) => r.nodes.find((n) => n.region === region && n.node === id)!;

beforeAll(async () => {
  db = await openNodeDatabase();
  const checked = checkObservations(FILE, "remove.csv", checkContext(methodology("fail"), null, null));
  expect(checked.rejected).toEqual([]);
  observations = checked.accepted;
});
afterAll(async () => db?.close());

describe("a flag that removes a measure, and a frontier with a power", () => {
  it("reads the flag columns named after the methodology's flags onto the measures they list", () => {
    const flags = observations.filter((o) => o.flag).map((o) => `${o.region} ${o.measure} ${o.flag}`);
    expect(flags).toEqual([
      ...["A v1 no_v", "A v2 no_v", "B v1 no_refund", "B v2 no_refund"],
      ...["C v1 no_v", "C v2 no_v", "C c1 no_c", "C c2 no_c"]
    ]);
  });

  for (const missing of ["fail", "zero", "reweight"]) {
    it(`scores the same numbers under the "${missing}" policy, in the engine and the oracle`, async () => {
      const {sql, ref} = await score(missing);
      const rateB = 100 * 0.5 ** 0.8;
      for (const r of [sql, ref]) {
        expect(r.measures.find((x) => x.region === "A" && x.measure === "rate")!.score).toBe(100);
        expect(r.measures.find((x) => x.region === "B" && x.measure === "rate")!.score).toBeCloseTo(rateB, 12);
        expect(r.measures.find((x) => x.region === "A" && x.measure === "v1")!.score).toBeNull();
        expect(node(r, "A", "post")).toMatchObject({score: 75, coverage: 1});
        expect(node(r, "B", "post")).toMatchObject({score: 25, coverage: 1});
        expect(node(r, "C", "post")).toMatchObject({score: null, coverage: 1});
        expect(node(r, "A", "total").score).toBeCloseTo((100 + 75 + 0) / 3, 12);
        expect(node(r, "B", "total").score).toBeCloseTo((rateB + 25 + 50) / 3, 12);
        expect(node(r, "C", "total")).toMatchObject({score: 50, coverage: 1});
      }
    });
  }
});
