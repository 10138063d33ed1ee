/**
 * Scenarios as a dimension: `engine.scoreScenarios` scores many scenarios in one statement, and each scenario's rows
 * must be what `engine.score` gives for that scenario alone (same scores to the last bit, same ranks) and what the
 * oracle gives (within 1e-9). Random cases (random-case.ts) with value overrides, weight sets, both, and no change,
 * on random peer groups, periods and levels; the batch path needs no roll-up, no flag forcing or removal and no "fail"
 * policy, so most cases use a variant of the world's methodology without them (the others check the one-by-one
 * fallback).
 *
 * Seed fixed (BIZENV_SEED replaces it; case i uses seed + i, rerun alone with BIZENV_SEED=<its seed> BIZENV_CASES=1).
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import type {Methodology} from "../../src/engine/methodology/methodology.js";
import {createEngine} from "../../src/engine/scoring/engine.js";
import type {NodeScore, Scenario, ScoreOptions, ScoreResult} from "../../src/engine/scoring/types.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {referenceScore} from "../oracle/reference.js";
import {close} from "./compare-results.js";
import {prng, randomOverrides, randomWorld, SEED, type Random, type World} from "./random-case.js";

const CASES = Number(process.env.BIZENV_CASES ?? 40);
const CHUNK = 10;
const reached = {batched: 0, oneByOne: 0, scenarios: 0, weighted: 0, rankChanged: 0};

/** The world's methodology without what the batch statement leaves to the one-by-one path. */
function batchable(m: Methodology): Methodology {
  return {
    ...m,
    flags: m.flags.map((f) => ({...f, upTo: undefined, ...(f.remove ? {remove: undefined, score: 0} : {})})),
    nodes: m.nodes.map((n) => ({...n, missing: n.missing === "fail" ? "zero" : n.missing}))
  };
}

/** Weights for some measures and nodes, never zero (a node whose weights sum to 0 is refused). */
function randomWeights(r: Random, w: World): Record<string, number> {
  const ids = [...w.all, ...w.methodology.nodes.map((n) => n.id).filter((id) => id !== "total")];
  return Object.fromEntries(Array.from({length: r.int(1, 3)}, () => [r.pick(ids), r.pick([0.5, 2, 5])]));
}

function randomScenarios(r: Random, w: World): Scenario[] {
  return Array.from({length: r.int(2, 7)}, () => {
    const kind = r.pick(["values", "values", "weights", "both", "none"]);
    const s: Scenario = {};
    if (kind === "values" || kind === "both") s.values = randomOverrides(r, w);
    if (kind === "weights" || kind === "both") s.weights = randomWeights(r, w);
    return s;
  });
}

function randomRequest(r: Random, w: World): Omit<ScoreOptions, "scenario"> {
  const options: ScoreOptions = {};
  if (r.chance(0.5)) options.peerGroup = r.subset(w.regions);
  if (r.chance(0.4)) options.periods = r.subset(["p1", "p2", "p3"]);
  if (r.chance(0.6)) options.level = r.pick(w.levels);
  return options;
}

const key = (n: NodeScore) => `${n.region}|${n.period}|${n.node}`;

async function checkCase(db: SqlDatabase, seed: number) {
  const r = prng(seed ^ 0xba7c);
  const world = randomWorld(r, seed);
  const useBatch = r.chance(0.8);
  const methodology = useBatch ? batchable(world.methodology) : world.methodology;
  const subunits = useBatch ? [] : world.subunits;
  const engine = await createEngine(db, methodology);
  try {
    await engine.loadObservations(observationsIpc(world.observations));
    await engine.setRegions(subunits);
    const options = randomRequest(r, world);
    const scenarios = randomScenarios(r, world);
    const label = `seed ${seed} (rerun: BIZENV_SEED=${seed} BIZENV_CASES=1) ${JSON.stringify({options, scenarios})}`;
    const singles: (ScoreResult | Error)[] = [];
    // With measure rows, a single scenario takes the engine's other path (its own plan tables, every pair scored
    // afresh), so the comparison is between two different statements.
    for (const scenario of scenarios)
      singles.push(await engine.score({...options, scenario, measures: true}).catch((e: Error) => e));
    const batch = await engine.scoreScenarios(scenarios, options).catch((e: Error) => e);
    if (singles.some((s) => s instanceof Error)) {
      // The batch refuses what a single scenario refuses.
      expect(batch instanceof Error, `${label}: batch should fail like a single scenario`).toBe(true);
      return;
    }
    if (batch instanceof Error) throw new Error(`${label}: batch failed: ${batch.message}`);
    expect(batch.length, label).toBe(scenarios.length);
    scenarios.forEach((scenario, i) => {
      const single = singles[i] as ScoreResult;
      const ref = referenceScore(methodology, world.observations, subunits, {...options, scenario, measures: false});
      const where = `${label}, scenario ${i + 1}`;
      expect(batch[i].map(key), `${where}: rows`).toEqual(single.nodes.map(key));
      expect(batch[i].map(key), `${where}: rows vs oracle`).toEqual(ref.nodes.map(key));
      batch[i].forEach((n, j) => {
        const [s, e] = [single.nodes[j], ref.nodes[j]];
        expect(n.score, `${where}: ${key(n)} score vs single`).toBe(s.score);
        expect(n.rank, `${where}: ${key(n)} rank vs single`).toBe(s.rank);
        expect(close(n.coverage, s.coverage), `${where}: ${key(n)} coverage vs single`).toBe(true);
        expect(close(n.score, e.score), `${where}: ${key(n)} score ${n.score} vs oracle ${e.score}`).toBe(true);
        expect(n.rank, `${where}: ${key(n)} rank vs oracle`).toBe(e.rank);
        if (s.rank !== null && ref.deltas?.[j]?.baselineRank !== s.rank) reached.rankChanged++;
      });
      reached.scenarios++;
      if (Object.keys(scenario.weights ?? {}).length) reached.weighted++;
    });
    if (useBatch) reached.batched++;
    else reached.oneByOne++;
  } finally {
    await engine.close();
  }
}

describe(`scoreScenarios vs one scenario at a time and the oracle: ${CASES} random cases from seed ${SEED}`, () => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openNodeDatabase();
  });
  afterAll(async () => db.close());

  for (let from = 0; from < CASES; from += CHUNK) {
    const to = Math.min(CASES, from + CHUNK);
    it(`cases ${from + 1}–${to} (seeds ${SEED + from}..${SEED + to - 1}) agree`, async () => {
      for (let i = from; i < to; i++) await checkCase(db, SEED + i);
    });
  }

  it("the cases reached batches with weights, rank changes and the one-by-one fallback", () => {
    console.log(`scenario batches reached: ${JSON.stringify(reached)}`);
    if (CASES >= 20) {
      expect(reached.batched).toBeGreaterThan(CASES / 2);
      expect(reached.oneByOne).toBeGreaterThan(0);
      expect(reached.weighted).toBeGreaterThan(10);
      expect(reached.rankChanged).toBeGreaterThan(0);
    }
  });
});
