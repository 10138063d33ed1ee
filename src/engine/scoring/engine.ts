/**
 * The scoring folder owns the scoring: it turns checked observations and a methodology into scores, coverages and
 * ranks, the same way in Node and in the browser, on any {@link SqlDatabase}. All of the project's scoring SQL is built
 * here (plan-sql.ts: the methodology as tables; tables-sql.ts: the engine's own tables; leaf-sql.ts: the scoring of
 * (region, period) pairs; exact-sum.ts: order-independent sums; output-sql.ts: the statements that answer a call;
 * batch-sql.ts: many scenarios in one statement), and this file binds it into an {@link Engine}: observations loaded
 * once (store.ts), names coded (codes.ts), statements prepared once and then only executed (statements.ts), overrides
 * resolved (overrides.ts), results shaped (results.ts). The baseline's leaf rows are cached in a table, so a scenario
 * that only changes raw values rescores just the pairs it touches and re-ranks them with the cached others. */
import {quoteIdent, type SqlDatabase} from "../db/database.js";
import type {Methodology} from "../methodology/methodology.js";
import {buildPlan, effectiveWeights, type ScoringPlan} from "../methodology/plan.js";
import {createCodeBook, loadIdCodes, nodeCodes, sortPositions} from "./codes.js";
import {fillCacheSql, outputSql, overrideParams, type OutputShape} from "./output-sql.js";
import {resolveOverrides} from "./overrides.js";
import {codesIpc} from "../db/arrow-ipc.js";
import {createPlanTablesSql, dropPlanTablesSql, planTableNames, type PlanTables} from "./plan-sql.js";
import {scoreDeltas, toNodeColumns, toScoreResult, type Decoder} from "./results.js";
import {canBatch, checkValueMeasures, scoreBatch, type BatchHost, type BatchOptions} from "./batch.js";
import {createStatementRunner, type Inputs} from "./statements.js";
import {storeObservations} from "./store.js";
import {createEngineTablesSql, dropTablesSql, scoringTableNames, setSubunitsSql} from "./tables-sql.js";
import {
  leafRegions,
  subunitDepths,
  type NodeColumns,
  type NodeScore,
  type Scenario,
  type ScoreOptions,
  type ScoreResult,
  type SubUnit
} from "./types.js";

export {sortedNodeRows} from "./results.js";

/** A methodology bound to a database, with observations and sub-units loaded. */
export interface Engine {
  readonly methodology: Methodology;
  /**
   * Replaces the observations (a table in the database; scenarios never reload it) from an Arrow IPC stream with
   * columns region, period, measure, value[, flag]: the one way in, in Node, in the browser and in the bench. The rows
   * come from the observation checker (`checkObservations` → `observationsIpc`); tests may encode rows directly.
   */
  loadObservations(ipc: Uint8Array): Promise<number>;
  /** Sets the sub-units rolled up into parent regions (none by default). */
  setRegions(subunits?: readonly SubUnit[]): Promise<void>;
  /** Scores; with a scenario also scores the baseline and returns `deltas`. */
  score(options?: ScoreOptions): Promise<ScoreResult>;
  /**
   * Scores many scenarios of one request together (a handful of statements, batch.ts) and returns each one's node
   * rows as {@link score} returns them (no measures, no deltas): for reform priority, the fewest reforms, sensitivity.
   */
  scoreScenarios(scenarios: readonly Scenario[], options?: BatchOptions): Promise<NodeScore[][]>;
  /**
   * Scores every node from the observations (normalise → aggregate → rank; no cache, no scenario) and returns the
   * nodes as typed arrays, for callers that read many rows: no object per row, no sort.
   */
  scoreColumns(options?: ColumnOptions): Promise<NodeColumns>;
  /** The level label of every node. */
  levels(): Map<string, string>;
  /** Drops the engine's tables. */
  close(): Promise<void>;
}

/** What {@link Engine.scoreColumns} scores: as in {@link ScoreOptions}. */
export type ColumnOptions = Pick<ScoreOptions, "peerGroup" | "periods" | "level">;

let engines = 0;

/** Whether two lists of codes hold the same codes. */
function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

/**
 * Prepared plans must not depend on the rows the input tables hold when they are planned (or re-planned): DuckDB's
 * statistics propagation would otherwise bake those rows' min/max (or emptiness) into the plan. Set on the connection
 * (re-planning can happen at any EXECUTE, e.g. after another table was created).
 */
const PLAN_SETTINGS = "SET disabled_optimizers = 'statistics_propagation'";

/** Binds a methodology (from `parseMethodology`) to a database. */
export async function createEngine(db: SqlDatabase, methodology: Methodology): Promise<Engine> {
  const prefix = `bizenv_engine${++engines}`;
  const tables = scoringTableNames(prefix);
  const basePlan = buildPlan(methodology);
  const levels = new Map(basePlan.nodes.map((n) => [n.node, n.level]));
  const failable = basePlan.nodes.some((n) => n.missing === "fail");
  const baseTables = planTableNames(`${prefix}_pb`);
  // A scenario's weights and targets only change normalisation parameters and edge weights: it shares the rest.
  const scenarioTables: PlanTables = {
    ...baseTables,
    ...Object.fromEntries((["bm", "mp", "ed", "nd"] as const).map((t) => [t, `${prefix}_ps_${t}`]))
  };
  let scenarioKey: string | null = null;

  const idOf = await loadIdCodes(db, tables.ids, [
    ...methodology.measures.map((x) => x.id),
    ...basePlan.nodes.map((n) => n.node)
  ]);
  const code = new Map(idOf.map((id, k) => [id, k]));
  const heightOf = new Map(basePlan.nodes.map((n) => [code.get(n.node)!, n.height]));
  // Every table exists from the start and is only ever refilled: creating a table once statements are prepared would
  // make DuckDB re-plan each of them on every later EXECUTE (a rebound statement is never stored again).
  const flagNames = [...new Set([...basePlan.flags.map((f) => f.flag), ...basePlan.forcing.map((f) => f.flag)])];
  const flags = {table: `${prefix}_flags`, index: new Map(flagNames.map((f, i) => [f, i]))};
  await db.loadArrow(flags.table, codesIpc({flag: flagNames}, {i: flagNames.map((_, i) => i)}));
  await db.query(createPlanTablesSql(baseTables, basePlan, code, {flags}));
  await db.query(createPlanTablesSql(scenarioTables, basePlan, code, {only: ["bm", "mp", "ed", "nd"]}));
  await db.query(createEngineTablesSql(tables));
  await db.query(PLAN_SETTINGS);

  const regions = createCodeBook("regions", 2 ** 31 - 1);
  const periods = createCodeBook("periods", 32767);
  const statements = createStatementRunner(db, prefix, tables.inputs);
  let subunits: SubUnit[] = [];
  let rollupDepth = 0;
  let parents = new Set<string>();
  let subRegions = new Set<string>();
  let observedRegions: string[] = [];
  let observedPeriods: string[] = [];
  /** Pairs (r · 2^16 + p) observed, and those whose baseline rows are in the cache. */
  let observedPairs = new Set<number>();
  let cached = new Set<number>();
  let baselineCache = new Map<string, ScoreResult>();
  let decoded: Decoder | null = null;

  /** Names and name order of every code (recomputed only when new names have been coded). */
  const decoder = (): Decoder => {
    if (decoded?.regions.length !== regions.names.length || decoded.periods.length !== periods.names.length) {
      const [r, p] = [[...regions.names], [...periods.names]];
      decoded = {regions: r, periods: p, ids: idOf, regionOrder: sortPositions(r), periodOrder: sortPositions(p)};
    }
    return decoded;
  };

  /** Scores the baseline of the pairs not cached yet into the cache. */
  const fillCache = async (leaves: number[], periodCodes: number[]) => {
    const pairs: [number[], number[]] = [[], []];
    for (const r of leaves)
      for (const p of periodCodes) {
        if (cached.has(r * 2 ** 16 + p)) continue;
        pairs[0].push(r);
        pairs[1].push(p);
      }
    if (!pairs[0].length) return;
    await statements.run("fill", () => fillCacheSql(basePlan, baseTables, tables), {pairs});
    pairs[0].forEach((r, i) => cached.add(r * 2 ** 16 + pairs[1][i]));
  };

  /** The regions scored from observations, the periods and the peers of a call, and its node codes (null: all). */
  const request = (options: ScoreOptions) => {
    const leaves = options.peerGroup
      ? leafRegions(options.peerGroup, subunits)
      : observedRegions.filter((r) => !parents.has(r));
    const peers = options.peerGroup
      ? [...options.peerGroup]
      : [...new Set([...leaves, ...parents])].filter((r) => !subRegions.has(r));
    return {
      leaves,
      periods: options.periods ? [...new Set(options.periods)] : observedPeriods,
      peers,
      nodes: nodeCodes(levels, code, options.level)
    };
  };

  /** Runs the output statement of a call: from the cache, or afresh (`fresh`, or a scenario's own plan). */
  const run = async (plan: ScoringPlan, options: ScoreOptions, withScenario: boolean, fresh = plan !== basePlan) => {
    const req = request(options);
    const [leaves, periodCodes, peers] = [
      regions.encode(req.leaves),
      periods.encode(req.periods),
      regions.encode(req.peers)
    ];
    const resolved = resolveOverrides(withScenario ? (options.scenario?.values ?? []) : [], {
      leaves: req.leaves,
      periods: req.periods,
      region: (name) => regions.get(name)!,
      period: (name) => periods.get(name)!,
      measure: (id) => code.get(id)!
    });
    if (plan !== basePlan) await useScenarioPlan(plan, options);
    if (!fresh) await fillCache(leaves, periodCodes);
    const pairs = leaves.length * periodCodes.length;
    const shape: OutputShape = {
      fresh,
      subset: !fresh && cached.size !== pairs,
      everyPair:
        fresh &&
        pairs === observedPairs.size &&
        leaves.every((r) => periodCodes.every((p) => observedPairs.has(r * 2 ** 16 + p))),
      peersAreLeaves: rollupDepth === 0 && sameSet(peers, leaves),
      overrides: resolved.overrides[0].length > 0,
      failable,
      rollupDepth,
      measures: options.measures ?? true,
      nodeFilter: req.nodes !== null,
      heights: null
    };
    if (req.nodes && !shape.measures && !failable && (fresh || shape.overrides))
      shape.heights = [...new Set(req.nodes.map((k) => heightOf.get(k)!))].sort((a, b) => a - b);
    const inputs: Inputs = {leaves: [leaves], periods: [periodCodes], peers: [peers]};
    if (req.nodes) inputs.nodes = [req.nodes];
    const own = plan !== basePlan;
    const statement = () => outputSql(plan, own ? scenarioTables : baseTables, tables, shape, idOf.length);
    return statements.execute(JSON.stringify([shape, own]), statement, inputs, overrideParams(shape, resolved));
  };
  /** Fills the scenario's own plan tables (rows replaced, tables kept, so prepared statements stay valid). */
  const useScenarioPlan = async (plan: ScoringPlan, options: ScoreOptions) => {
    const key = JSON.stringify([options.scenario?.weights ?? {}, options.scenario?.targets ?? {}]);
    if (key === scenarioKey) return;
    await db.query(createPlanTablesSql(scenarioTables, plan, code, {only: ["bm", "mp", "ed", "nd"], refill: true}));
    scenarioKey = key;
  };

  const host: BatchHost = {
    methodology,
    plan: basePlan,
    planTables: baseTables,
    tables,
    statements,
    code,
    heightOf,
    levels,
    regions,
    periods,
    batchable: () => rollupDepth === 0,
    request,
    fillCache,
    decoder,
    score: (o) => engine.score(o)
  };
  const engine: Engine = {
    methodology,
    async loadObservations(ipc) {
      await statements.forget();
      const loaded = await storeObservations(db, tables, baseTables.bm, {regions, periods}, ipc);
      [observedRegions, observedPeriods] = [loaded.regions, loaded.periods];
      observedPairs = new Set(loaded.pairs);
      cached = new Set();
      baselineCache = new Map();
      return loaded.rows;
    },
    async setRegions(list = []) {
      const depths = subunitDepths(list);
      subunits = [...list];
      rollupDepth = Math.max(0, ...depths.values());
      parents = new Set(list.map((s) => s.parent));
      subRegions = new Set(list.map((s) => s.region));
      const [r, parent] = [regions.encode(list.map((s) => s.region)), regions.encode(list.map((s) => s.parent))];
      const rows = list.map((s, i) => ({r: r[i], parent: parent[i], weight: s.weight, depth: depths.get(s.parent)!}));
      await db.query(setSubunitsSql(tables.subunits, rows));
      baselineCache = new Map();
    },
    async score(options = {}) {
      const {scenario} = options;
      const changesPlan =
        Object.keys(scenario?.weights ?? {}).length > 0 || Object.keys(scenario?.targets ?? {}).length > 0;
      const plan = changesPlan ? buildPlan(methodology, scenario) : basePlan;
      checkValueMeasures(plan, scenario?.values);
      // A what-if of weights (and values) is one scenario of the batch statement: no plan tables to refill, no
      // measure to normalise again.
      const result =
        changesPlan && options.measures === false && canBatch(host, [scenario!])
          ? {
              measures: [],
              nodes: (await scoreBatch(host, [scenario!], options))[0],
              effectiveWeights: effectiveWeights(plan)
            }
          : toScoreResult(await run(plan, options, true), decoder(), levels, effectiveWeights(plan));
      if (!scenario) return result;
      const key = JSON.stringify([options.peerGroup, options.periods, options.level, options.measures]);
      let baseline = baselineCache.get(key);
      if (!baseline) {
        baseline = toScoreResult(await run(basePlan, {...options, scenario: undefined}, false), decoder(), levels, {});
        baselineCache.set(key, baseline);
      }
      result.deltas = scoreDeltas(baseline.nodes, result.nodes);
      return result;
    },
    scoreScenarios: (scenarios, options) => scoreBatch(host, scenarios, options),
    async scoreColumns(options = {}) {
      const result = await run(basePlan, {...options, measures: false}, false, true);
      return toNodeColumns(result, decoder());
    },
    levels: () => new Map(levels),
    async close() {
      await statements.forget();
      await db.query(
        `${dropTablesSql(tables)}; ${dropPlanTablesSql(baseTables)}; ${dropPlanTablesSql(scenarioTables)}; ` +
          `DROP TABLE IF EXISTS ${quoteIdent(flags.table)}`
      );
    }
  };
  return engine;
}
