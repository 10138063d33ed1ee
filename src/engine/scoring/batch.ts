/**
 * Many scenarios of one request scored together (batch-sql.ts): the engine's answer to reform priority, the fewest
 * reforms and sensitivity, which would otherwise make hundreds of calls. A batch changes raw values and weights; a
 * scenario with targets, a roll-up of sub-units, a "fail" missing policy, flag forcing or a flag that removes measures
 * is scored one scenario at a time through {@link Engine.score} instead (same answers, more statements).
 */
import type {Methodology} from "../methodology/methodology.js";
import {scenarioEdges, ScenarioError, type ScoringPlan} from "../methodology/plan.js";
import {batchParams, batchSql, type BatchInputs, type BatchShape} from "./batch-sql.js";
import type {CodeBook} from "./codes.js";
import {resolveOverrides} from "./overrides.js";
import type {PlanTables} from "./plan-sql.js";
import type {Decoder} from "./results.js";
import type {StatementRunner} from "./statements.js";
import type {ScoringTables} from "./tables-sql.js";
import type {NodeScore, Scenario, ScoreOptions, ScoreResult} from "./types.js";

/** What a batch scores: as in {@link ScoreOptions}, for every scenario. */
export type BatchOptions = Pick<ScoreOptions, "peerGroup" | "periods" | "level">;

/** The engine's parts a batch uses. */
export interface BatchHost {
  methodology: Methodology;
  plan: ScoringPlan;
  planTables: PlanTables;
  tables: ScoringTables;
  statements: StatementRunner;
  code: ReadonlyMap<string, number>;
  heightOf: ReadonlyMap<number, number>;
  levels: ReadonlyMap<string, string>;
  regions: CodeBook;
  periods: CodeBook;
  /** False when the engine has sub-units to roll up. */
  batchable(): boolean;
  request(options: ScoreOptions): {leaves: string[]; periods: string[]; nodes: number[] | null};
  fillCache(leaves: number[], periods: number[]): Promise<void>;
  decoder(): Decoder;
  score(options: ScoreOptions): Promise<ScoreResult>;
}

/** At most this many virtual pairs per statement (bounds the statement's memory; larger batches are split). */
const MAX_PAIRS = 40_000;

/** Whether the batch statement answers these scenarios (else {@link scoreBatch} scores them one at a time). */
export function canBatch(host: BatchHost, scenarios: readonly Scenario[]): boolean {
  return (
    host.batchable() &&
    host.plan.forcing.length === 0 &&
    !host.plan.flags.some((f) => f.remove) &&
    !host.plan.nodes.some((n) => n.missing === "fail") &&
    !scenarios.some((s) => Object.keys(s.targets ?? {}).length > 0)
  );
}

/** Throws {@link ScenarioError} when a value override names a measure that is not observed. */
export function checkValueMeasures(plan: ScoringPlan, values: Scenario["values"] = []): void {
  const observed = new Set(plan.observed);
  for (const v of values)
    if (!observed.has(v.measure))
      throw new ScenarioError(
        `情景取值：${v.measure} 不是观测指标 / scenario values: ${v.measure} is not an observed measure`
      );
}

/** Scores every scenario; returns, per scenario, its node rows as {@link Engine.score} would (no deltas). */
export async function scoreBatch(
  host: BatchHost,
  scenarios: readonly Scenario[],
  options: BatchOptions = {}
): Promise<NodeScore[][]> {
  const {plan} = host;
  if (!canBatch(host, scenarios)) {
    const out: NodeScore[][] = [];
    for (const scenario of scenarios) out.push((await host.score({...options, scenario, measures: false})).nodes);
    return out;
  }
  for (const s of scenarios) checkValueMeasures(plan, s.values);
  const req = host.request(options);
  const [leaves, periods] = [host.regions.encode(req.leaves), host.periods.encode(req.periods)];
  await host.fillCache(leaves, periods);
  const heights = req.nodes
    ? [...new Set(req.nodes.map((k) => host.heightOf.get(k)!))].sort((a, b) => a - b)
    : Array.from({length: plan.maxHeight}, (_, i) => i + 1);
  const out: NodeScore[][] = [];
  for (let from = 0; from < scenarios.length;) {
    const chunk: Scenario[] = [];
    let pairs = 0;
    for (; from < scenarios.length && (chunk.length === 0 || pairs < MAX_PAIRS); from++) {
      chunk.push(scenarios[from]);
      pairs += Object.keys(scenarios[from].weights ?? {}).length ? leaves.length * periods.length : 1;
    }
    const inputs = batchInputs(host, chunk, req, leaves, periods);
    const shape: BatchShape = {heights, nodeFilter: req.nodes !== null, split: inputs.pairs[0].length > 500};
    const result = await host.statements.execute(
      JSON.stringify(["batch", shape]),
      () => batchSql(plan, host.planTables, host.tables, shape, host.code.size),
      {leaves: [leaves], periods: [periods], ...(req.nodes ? {nodes: [req.nodes]} : {})},
      batchParams(inputs)
    );
    out.push(...toScenarioRows(result.columns, chunk.length, host.decoder(), host.levels));
  }
  return out;
}

/** The inputs of one batch statement: virtual pairs, their overrides, and the edges of every weight set. */
function batchInputs(
  host: BatchHost,
  scenarios: readonly Scenario[],
  req: {leaves: string[]; periods: string[]},
  leaves: number[],
  periods: number[]
): BatchInputs {
  const inputs: BatchInputs = {
    overrides: [[], [], [], []],
    pairs: [[], [], [], [], [], []],
    weights: [[], [], [], []],
    scenarios: []
  };
  const sets = new Map<string, number>();
  const setOf = (weights: Record<string, number> = {}) => {
    const key = JSON.stringify(Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let w = sets.get(key);
    if (w === undefined) {
      w = sets.size;
      sets.set(key, w);
      for (const e of scenarioEdges(host.methodology, weights)) {
        inputs.weights[0].push(w);
        inputs.weights[1].push(host.code.get(e.node)!);
        inputs.weights[2].push(host.code.get(e.child)!);
        inputs.weights[3].push(e.weight);
      }
    }
    return w;
  };
  setOf();
  scenarios.forEach((scenario, s) => {
    inputs.scenarios.push(s);
    const w = setOf(scenario.weights);
    const virtual = new Map<number, number>();
    const pair = (r: number, p: number) => {
      const key = r * 2 ** 16 + p;
      let v = virtual.get(key);
      if (v === undefined) {
        v = inputs.pairs[0].length;
        virtual.set(key, v);
        [v, s, r, p, w, 0].forEach((x, i) => inputs.pairs[i].push(x));
      }
      return v;
    };
    if (Object.keys(scenario.weights ?? {}).length) for (const r of leaves) for (const p of periods) pair(r, p);
    const resolved = resolveOverrides(scenario.values ?? [], {
      leaves: req.leaves,
      periods: req.periods,
      region: (name) => host.regions.get(name)!,
      period: (name) => host.periods.get(name)!,
      measure: (id) => host.code.get(id)!
    });
    const [r, p, k, value] = resolved.overrides;
    r.forEach((region, i) => {
      const v = pair(region, p[i]);
      inputs.pairs[5][v] = 1;
      [v, p[i], k[i], value[i]].forEach((x, j) => (inputs.overrides[j] as (number | null)[]).push(x));
    });
  });
  return inputs;
}

/** The statement's columns (s, r, p, k, score, coverage, rank) as node rows per scenario, sorted as {@link Engine.score} sorts. */
function toScenarioRows(
  c: Record<string, ArrayLike<number>>,
  count: number,
  d: Decoder,
  levels: ReadonlyMap<string, string>
): NodeScore[][] {
  const [P, K] = [d.periods.length, d.ids.length];
  const rows: number[][] = Array.from({length: count}, () => []);
  for (let i = 0; i < c.s.length; i++) rows[c.s[i]].push(i);
  const key = (i: number) => (d.regionOrder[c.r[i]] * P + d.periodOrder[c.p[i]]) * K + c.k[i];
  return rows.map((list) =>
    list
      .sort((a, b) => key(a) - key(b))
      .map((i) => {
        const node = d.ids[c.k[i]];
        return {
          region: d.regions[c.r[i]],
          period: d.periods[c.p[i]],
          node,
          level: levels.get(node)!,
          score: Number.isNaN(c.score[i]) ? null : c.score[i],
          rank: c.rank[i] === 0 ? null : c.rank[i],
          coverage: Number.isNaN(c.coverage[i]) ? null : c.coverage[i]
        };
      })
  );
}
