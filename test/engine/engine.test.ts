/** The engine on a small methodology whose every number is worked out by hand in the comments. */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {createEngine, type Engine} from "../../src/engine/scoring/engine.js";
import {parseMethodology} from "../../src/engine/methodology/methodology.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import {MissingDataError, type ScoreResult} from "../../src/engine/scoring/types.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";

const methodology = (changes: {serviceMissing?: string} = {}) =>
  parseMethodology({
    id: "hand",
    measures: [
      {
        id: "days",
        unit: "working_day",
        direction: "lower_is_better",
        normalise: {method: "frontier", best: 1, worst: 21}
      },
      {id: "wait", unit: "day", direction: "lower_is_better", normalise: {method: "target", target: 10, cap: 1.2}},
      {id: "rate", unit: "percent", direction: "higher_is_better", normalise: {method: "target", target: 90}},
      {id: "online", unit: "yes_no", direction: "higher_is_better", normalise: {method: "yes_no"}},
      {id: "quality", unit: "score", direction: "higher_is_better", normalise: {method: "expert", max: 5}}
    ],
    nodes: [
      {
        id: "total",
        children: [
          {id: "speed", weight: 1},
          {id: "service", weight: 1}
        ]
      },
      {
        id: "speed",
        aggregate: "geometric",
        children: [
          {id: "days", weight: 1},
          {id: "wait", weight: 1}
        ]
      },
      {
        id: "service",
        missing: changes.serviceMissing ?? "zero",
        minCoverage: 0.5,
        children: [
          {id: "rate", weight: 2},
          {id: "online", weight: 1},
          {id: "quality", weight: 1}
        ]
      }
    ],
    flags: [{id: "no_practice", score: 0, upTo: "level1"}]
  });

const rows = (region: string, values: Record<string, number | null>, period = "2023"): Observation[] =>
  Object.entries(values).map(([measure, value]) => ({region, period, measure, value}));

// A: days 6 → 100·(21−6)/(21−1) = 75; wait 5 → 10/5 = 2, capped at 1.2 → 120; rate 45 → 50; online → 100; quality 4/5 → 80.
//    speed = geometric √(75·120) = √9000; service = (2·50 + 100 + 80)/4 = 70; total = (√9000 + 70)/2.
// B: days 21 → 0; wait 20 → 50; rate 90 → 100; online 0 → 0; quality missing.
//    speed = 0 (a zero in a geometric mean); service ("zero" policy, coverage 3/4) = (200 + 0 + 0)/4 = 50; total = 25.
// C: days 11 → 50; only quality 5 → 100 besides. speed = 50 (re-weighted over days); service coverage 1/4 < 0.5 → missing;
//    total = 50 from speed alone, coverage 0.5.
// D: the same values as A, so it ties with A.
const A = {days: 6, wait: 5, rate: 45, online: 1, quality: 4};
const data: Observation[] = [
  ...rows("A", A),
  ...rows("B", {days: 21, wait: 20, rate: 90, online: 0, quality: null}),
  ...rows("C", {days: 11, quality: 5}),
  ...rows("D", A)
];
const SQRT9000 = Math.sqrt(9000);

const node = (r: ScoreResult, region: string, id: string) => r.nodes.find((n) => n.region === region && n.node === id)!;

describe("engine on a hand-worked example", () => {
  let db: SqlDatabase;
  let engine: Engine;
  beforeAll(async () => {
    db = await openNodeDatabase();
    engine = await createEngine(db, methodology());
    await engine.loadObservations(observationsIpc(data));
  });
  afterAll(async () => db.close());

  it("normalises each measure: frontier, capped target either way, yes/no, expert", async () => {
    const r = await engine.score();
    const score = (region: string, m: string) => r.measures.find((x) => x.region === region && x.measure === m)!.score;
    expect([
      score("A", "days"),
      score("A", "wait"),
      score("A", "rate"),
      score("A", "online"),
      score("A", "quality")
    ]).toEqual([75, 120, 50, 100, 80]);
    expect([score("B", "days"), score("B", "wait"), score("B", "online"), score("B", "quality")]).toEqual([
      0,
      50,
      0,
      null
    ]);
  });

  it("aggregates, handles missing values per node policy and threshold, and ranks with shared ties", async () => {
    const r = await engine.score();
    expect(node(r, "A", "speed").score).toBeCloseTo(SQRT9000, 12);
    expect(node(r, "A", "service").score).toBeCloseTo(70, 12);
    expect(node(r, "A", "total").score).toBeCloseTo((SQRT9000 + 70) / 2, 12);
    expect(node(r, "B", "speed").score).toBe(0);
    expect(node(r, "B", "service")).toMatchObject({score: 50, coverage: 0.75});
    expect(node(r, "B", "total").score).toBeCloseTo(25, 12);
    expect(node(r, "C", "service")).toMatchObject({score: null, rank: null, coverage: 0.25});
    expect(node(r, "C", "total")).toMatchObject({coverage: 0.5});
    expect(node(r, "C", "total").score).toBeCloseTo(50, 12);
    const ranks = Object.fromEntries(r.nodes.filter((n) => n.node === "total").map((n) => [n.region, n.rank]));
    expect(ranks).toEqual({A: 1, D: 1, C: 3, B: 4});
  });

  it("returns one level only with `level` (a level name or any node id of that level)", async () => {
    const totals = await engine.score({level: "total", measures: false});
    expect(totals.measures).toEqual([]);
    expect(new Set(totals.nodes.map((n) => n.node))).toEqual(new Set(["total"]));
    const tier = await engine.score({level: "speed"});
    expect(new Set(tier.nodes.map((n) => n.node))).toEqual(new Set(["speed", "service"]));
    await expect(engine.score({level: "nope"})).rejects.toThrow(/unknown level or node nope/);
  });

  it("ranks only within the peer group", async () => {
    const r = await engine.score({peerGroup: ["B", "C"], level: "total"});
    expect(r.nodes.map((n) => [n.region, n.rank])).toEqual([
      ["B", 2],
      ["C", 1]
    ]);
  });

  it("rolls sub-units up by weight into their parent, which is then ranked in their place", async () => {
    await engine.setRegions([
      {region: "A", parent: "AB", weight: 3},
      {region: "B", parent: "AB", weight: 1}
    ]);
    try {
      const r = await engine.score();
      expect(new Set(r.nodes.map((n) => n.region))).toEqual(new Set(["AB", "C", "D"]));
      expect(node(r, "AB", "service").score).toBeCloseTo((3 * 70 + 50) / 4, 12);
      expect(node(r, "AB", "total").score).toBeCloseTo(((3 * (SQRT9000 + 70)) / 2 + 25) / 4, 12);
      expect(r.measures.find((m) => m.region === "AB" && m.measure === "days")).toMatchObject({
        raw: (3 * 6 + 21) / 4,
        score: (3 * 75 + 0) / 4
      });
    } finally {
      await engine.setRegions([]);
    }
  });

  it("applies a scenario without touching the loaded data and reports deltas against the baseline", async () => {
    // B switches online service on: service = (200 + 100 + 0)/4 = 75, total = 37.5, still below C (50): rank stays 4.
    const r = await engine.score({level: "total", scenario: {values: [{region: "B", measure: "online", value: 1}]}});
    const b = r.deltas!.find((d) => d.region === "B")!;
    expect(b).toMatchObject({baseline: 25, scenario: 37.5, delta: 12.5, baselineRank: 4, scenarioRank: 4});
    expect(r.deltas!.find((d) => d.region === "A")!.delta).toBe(0);
    // Weights: speed weighted 0 leaves the total equal to service. Targets: days best 6 → A's 6 days score 100.
    const w = await engine.score({scenario: {weights: {speed: 0}, targets: {days: 6}}});
    expect(node(w, "A", "total").score).toBeCloseTo(70, 12);
    expect(w.measures.find((m) => m.region === "A" && m.measure === "days")!.score).toBe(100);
    expect(w.effectiveWeights).toMatchObject({speed: 0, service: 1, rate: 0.5});
    const again = await engine.score({level: "total"});
    expect(node(again, "B", "total").score).toBeCloseTo(25, 12);
    await expect(engine.score({scenario: {weights: {nothing: 1}}})).rejects.toThrow(/unknown measure or node nothing/);
  });

  it("scores a 'no practice' flag 0 for the measure and its parent node", async () => {
    const e = await createEngine(db, methodology());
    await e.loadObservations(
      observationsIpc([
        ...rows("A", A),
        {region: "E", period: "2023", measure: "rate", value: null, flag: "no_practice"},
        ...rows("E", {days: 6, wait: 5, online: 1, quality: 5})
      ])
    );
    const r = await e.score();
    expect(r.measures.find((m) => m.region === "E" && m.measure === "rate")!.score).toBe(0);
    expect(node(r, "E", "service").score).toBe(0);
    expect(node(r, "E", "total").score).toBeCloseTo(SQRT9000 / 2, 12);
    await e.close();
  });

  it("fails with the region, period and node when a 'fail' node lacks data", async () => {
    const e = await createEngine(db, methodology({serviceMissing: "fail"}));
    await e.loadObservations(observationsIpc(data));
    const error = await e.score().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(MissingDataError);
    expect((error as Error).message).toMatch(/B 2023 service; C 2023 service/);
    await e.close();
  });

  it("loads Arrow IPC with a flag column and rejects duplicate observations", async () => {
    const e = await createEngine(db, methodology());
    await e.loadObservations(
      observationsIpc([
        {region: "A", period: "2023", measure: "days", value: 6, note: "a, b"},
        {region: "A", period: "2023", measure: "rate", value: null, flag: "no_practice"}
      ])
    );
    const r = await e.score();
    expect(r.measures.find((m) => m.measure === "days")!.score).toBe(75);
    expect(r.measures.find((m) => m.measure === "rate")!.score).toBe(0);
    const twice = ["days", "days"].map((measure, i) => ({region: "A", period: "2023", measure, value: 6 + i}));
    await expect(e.loadObservations(observationsIpc(twice))).rejects.toThrow(/duplicate observations.*A 2023 days/);
    await e.close();
  });
});
