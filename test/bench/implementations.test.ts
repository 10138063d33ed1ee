/**
 * The benchmark's three implementations of the full scoring (engine SQL on duckdb-wasm, arquero, typed arrays)
 * agree at Pingliang scale, and the typed-array what-if matches the engine's scenario; a wrong normalisation or
 * rank in any of them shows up here before it could skew a benchmark figure.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import {readMethodology} from "../../loaders/methodology.js";
import {readRegions} from "../../loaders/regions.js";
import {arqueroInputs, arqueroNodeTable, arqueroScore} from "../../bench/arquero-scoring.js";
import {assertSupported} from "../../bench/compiled-methodology.js";
import {checkedDataset, type Dataset} from "../../bench/dataset.js";
import {engineNodeTable, engineScore} from "../../bench/engine-scoring.js";
import {compareNodeTables, scoredCells, type NodeTable} from "../../bench/node-table.js";
import {
  denseObservations,
  typedArrayScore,
  typedModel,
  typedWhatIf,
  type TypedModel
} from "../../bench/typed-array-scoring.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {createEngine, type Engine} from "../../src/engine/scoring/engine.js";
import type {Methodology} from "../../src/engine/methodology/methodology.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";

let db: SqlDatabase;
let methodology: Methodology;
let data: Dataset;
let engine: Engine;
let model: TypedModel;
let fromEngine: NodeTable;

beforeAll(async () => {
  methodology = await readMethodology();
  const {peerGroups} = await readRegions();
  data = await checkedDataset("pingliang", methodology, peerGroups.find((g) => g.id === "pingliang")!.members);
  db = await openNodeDatabase();
  engine = await createEngine(db, methodology);
  await engine.loadObservations(observationsIpc(data.rows));
  model = typedModel(methodology);
  fromEngine = engineNodeTable(data, model.nodes, await engineScore(engine, data));
});
afterAll(async () => db?.close());

describe("benchmark implementations at Pingliang scale", () => {
  it("the engine scores most node cells, so the comparison is not vacuous", () => {
    expect(fromEngine.regions).toHaveLength(7);
    expect(scoredCells(fromEngine)).toBeGreaterThan(0.9 * fromEngine.score.length);
  });

  it("the typed-array loop matches the engine on every score, coverage and rank", () => {
    expect(compareNodeTables(typedArrayScore(model, denseObservations(model, data)), fromEngine)).toEqual([]);
  });

  it("arquero matches the engine on every score, coverage and rank", () => {
    const inputs = arqueroInputs(methodology, data);
    expect(compareNodeTables(arqueroNodeTable(inputs, arqueroScore(inputs)), fromEngine)).toEqual([]);
  });

  it("a changed value is noticed by the comparison (it can fail)", () => {
    const dense = denseObservations(model, data);
    dense.values.fill(0, 0, model.measures.length);
    expect(compareNodeTables(typedArrayScore(model, dense), fromEngine).length).toBeGreaterThan(0);
  });

  it("the typed-array what-if gives the engine's scenario totals and ranks", async () => {
    const dense = denseObservations(model, data);
    const table = typedArrayScore(model, dense);
    const measure = methodology.measures.find((x) => x.normalise?.method === "frontier")!;
    const n = measure.normalise as {best: number};
    const change = {region: "620825", period: "2023", measure: measure.id, value: n.best};
    const typed = typedWhatIf(model, dense, table, change);
    const result = await engine.score({
      peerGroup: data.regions,
      periods: ["2023"],
      level: "total",
      measures: false,
      scenario: {values: [change]}
    });
    const totals = new Map(result.nodes.map((x) => [x.region, x]));
    data.regions.forEach((region, r) => {
      expect(typed.totals[r]).toBeCloseTo(totals.get(region)!.score!, 9);
      expect(typed.ranks[r]).toBe(totals.get(region)!.rank);
    });
    expect(result.deltas!.find((d) => d.region === "620825")!.delta).toBeGreaterThanOrEqual(0);
  });

  it("refuses a methodology with features the benchmark does not implement", () => {
    const geometric = {
      ...methodology,
      nodes: methodology.nodes.map((n, i) => (i === 0 ? {...n, aggregate: "geometric" as const} : n))
    };
    expect(() => assertSupported(geometric)).toThrow(/aggregate geometric/);
  });
});
