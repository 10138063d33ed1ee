/**
 * The columnar full scoring (`engine.scoreColumns`) and the property every path relies on: a node's score never depends
 * on which other regions a statement scores, nor on the order DuckDB adds in, so the columnar scoring, the cached
 * baseline and a one-region statement agree to the last bit.
 */
import {readFile} from "node:fs/promises";
import Papa from "papaparse";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import {readMethodology} from "../../loaders/methodology.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {parseMethodology} from "../../src/engine/methodology/methodology.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import {createEngine, type Engine} from "../../src/engine/scoring/engine.js";
import {MissingDataError, type NodeColumns} from "../../src/engine/scoring/types.js";

/** The columns as a map "region period node" → [score, coverage, rank]. */
function cells(c: NodeColumns): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < c.length; i++)
    out.set(`${c.regions[c.region[i]]} ${c.periods[c.period[i]]} ${c.nodes[c.node[i]]}`, [
      c.score[i],
      c.coverage[i],
      c.rank[i]
    ]);
  return out;
}

describe("columnar full scoring on the Gansu illustrative data", () => {
  let db: SqlDatabase;
  let engine: Engine;
  let regions: string[];
  let all: NodeColumns;
  beforeAll(async () => {
    db = await openNodeDatabase();
    engine = await createEngine(db, await readMethodology());
    const csv = await readFile("data/observations/illustrative-gansu.csv", "utf8");
    const rows = Papa.parse<Record<string, string>>(csv, {header: true, skipEmptyLines: true}).data.map(
      (r): Observation => ({
        region: r.region,
        period: r.period,
        measure: r.measure,
        value: r.value === "" ? null : Number(r.value)
      })
    );
    await engine.loadObservations(observationsIpc(rows));
    regions = [...new Set(rows.map((r) => r.region))].sort();
    all = await engine.scoreColumns({peerGroup: regions});
  });
  afterAll(async () => db.close());

  it("returns every region × period × node once, with the codes' names", () => {
    const nodes = engine.levels().size;
    expect(all.length).toBe(regions.length * 3 * nodes);
    expect(cells(all).size).toBe(all.length);
    expect(all.score).toBeInstanceOf(Float64Array);
    expect(all.rank).toBeInstanceOf(Int32Array);
  });

  it("agrees to the last bit with the cached object path (score, coverage, rank)", async () => {
    const objects = await engine.score({peerGroup: regions, measures: false});
    const columns = cells(all);
    expect(objects.nodes).toHaveLength(all.length);
    for (const n of objects.nodes)
      expect(columns.get(`${n.region} ${n.period} ${n.node}`)).toEqual([
        n.score ?? NaN,
        n.coverage ?? NaN,
        n.rank ?? 0
      ]);
  });

  it("scores a region alone exactly as among all 88 (no sum depends on the other rows of the statement)", async () => {
    const columns = cells(all);
    for (const region of [regions[0], "620825", regions.at(-1)!]) {
      const alone = cells(await engine.scoreColumns({peerGroup: [region]}));
      expect(alone.size).toBe(all.length / regions.length);
      for (const [key, [score, coverage]] of alone) expect([score, coverage]).toEqual(columns.get(key)!.slice(0, 2));
    }
  });

  it("rolls sub-units up and scores unobserved peers as the object path does", async () => {
    const peerGroup = ["620800", "620825", "999999"];
    await engine.setRegions(["620802", "620821", "620822"].map((region) => ({region, parent: "620800", weight: 1})));
    try {
      const objects = await engine.score({peerGroup, measures: false});
      const columns = cells(await engine.scoreColumns({peerGroup}));
      expect(columns.size).toBe(objects.nodes.length);
      expect(objects.nodes.some((n) => n.region === "999999" && n.score === null)).toBe(true);
      for (const n of objects.nodes)
        expect(columns.get(`${n.region} ${n.period} ${n.node}`)).toEqual([
          n.score ?? NaN,
          n.coverage ?? NaN,
          n.rank ?? 0
        ]);
    } finally {
      await engine.setRegions([]);
    }
  });

  it("filters by level and ranks within the peer group", async () => {
    const totals = await engine.scoreColumns({peerGroup: regions.slice(0, 5), periods: ["2023"], level: "total"});
    expect(totals.length).toBe(5);
    expect(new Set(Array.from(totals.node, (k) => totals.nodes[k]))).toEqual(new Set(["total"]));
    expect([...totals.rank].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("exact sums", () => {
  const methodology = (missing: "reweight" | "fail") =>
    parseMethodology({
      id: "sums",
      measures: ["a", "b", "c"].map((id) => ({
        id,
        unit: "index",
        direction: "higher_is_better",
        normalise: {method: "expert", max: 1, scale: 1}
      })),
      nodes: [
        {
          id: "total",
          missing,
          children: ["a", "b", "c"].map((id) => ({id, weight: 1}))
        }
      ]
    });

  it("adds a node's terms exactly: (0.1 + 0.2 + 0.3) / 3, not the left-to-right double sum", async () => {
    const db = await openNodeDatabase();
    try {
      const engine = await createEngine(db, methodology("reweight"));
      const values = {a: 0.1, b: 0.2, c: 0.3};
      await engine.loadObservations(
        observationsIpc(
          Object.entries(values).map(([measure, value]) => ({region: "X", period: "2023", measure, value}))
        )
      );
      const [total] = (await engine.score({level: "total"})).nodes;
      // The exact sum of the three doubles rounds to 0.6; adding left to right gives 0.6000000000000001.
      expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
      expect(total.score).toBe(0.6 / 3);
      expect(total.coverage).toBe(1);
      const [column] = [...cells(await engine.scoreColumns({level: "total"})).values()];
      expect(column).toEqual([0.6 / 3, 1, 1]);
    } finally {
      await db.close();
    }
  });

  it("throws MissingDataError from the columnar path too", async () => {
    const db = await openNodeDatabase();
    try {
      const engine = await createEngine(db, methodology("fail"));
      await engine.loadObservations(observationsIpc([{region: "X", period: "2023", measure: "a", value: 0.5}]));
      await expect(engine.scoreColumns()).rejects.toThrow(MissingDataError);
    } finally {
      await db.close();
    }
  });
});
