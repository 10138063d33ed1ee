/**
 * The scoring engine: observations loaded once into DuckDB, scored with the SQL built in sql.ts.
 * Runtime-neutral (no DOM, no Node APIs): give it the Node or the browser {@link SqlDatabase}.
 *
 * Speed: the plan tables are created once; each statement shape is PREPAREd once and then only EXECUTEd; the leaf rows
 * (measure and node scores per region and period) of the baseline are cached in a table, so a scenario that only
 * changes raw values rescores just the (region, period) pairs it touches and re-ranks them with the cached others.
 */
import type {Row, SqlDatabase} from "../db/database.js";
import type {Methodology} from "../methodology/methodology.js";
import {buildPlan, effectiveWeights, ScenarioError, type ScoringPlan} from "../methodology/plan.js";
import {observationsIpc} from "../observations/arrow.js";
import {
  createCacheSql,
  createIdsSql,
  createInputTablesSql,
  createObservationsSql,
  createPlanTablesSql,
  createSubunitsSql,
  deallocateSql,
  dropPlanTablesSql,
  dropTablesSql,
  duplicateObservationsSql,
  executeSql,
  fillCacheSql,
  inputTableNames,
  observedKeysSql,
  outputSql,
  overrideParams,
  planTableNames,
  prepareSql,
  setInputSql,
  type InputTables,
  type OutputShape,
  type PlanTables,
  type ScoringRow,
  type ScoringTables
} from "./sql.js";
import {
  leafRegions,
  MissingDataError,
  subunitDepths,
  type ScoreDelta,
  type ScoreOptions,
  type ScoreResult,
  type SubUnit,
  type ValueOverride
} from "./types.js";

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
  /** The level label of every node. */
  levels(): Map<string, string>;
  /** Drops the engine's tables. */
  close(): Promise<void>;
}

let engines = 0;

/**
 * Prepared plans must not depend on the rows the input tables hold when they are planned (or re-planned): DuckDB's
 * statistics propagation would otherwise bake those rows' min/max (or emptiness) into the plan. Set on the connection
 * (re-planning can happen at any EXECUTE, e.g. after another table was created).
 */
const PLAN_SETTINGS = "SET disabled_optimizers = 'statistics_propagation'";

/** What one output statement needs besides its shape. */
interface Request {
  leaves: string[];
  periods: string[];
  peers: string[];
  nodes: number[] | null;
}

/** Binds a methodology (from `parseMethodology`) to a database. */
export async function createEngine(db: SqlDatabase, methodology: Methodology): Promise<Engine> {
  const prefix = `bizenv_engine${++engines}`;
  const tables: ScoringTables = {
    observations: `${prefix}_obs`,
    subunits: `${prefix}_sub`,
    ids: `${prefix}_ids`,
    cache: `${prefix}_cache`,
    inputs: inputTableNames(prefix)
  };
  const basePlan = buildPlan(methodology);
  const levels = new Map(basePlan.nodes.map((n) => [n.node, n.level]));
  const failable = basePlan.nodes.some((n) => n.missing === "fail");
  const baseTables = planTableNames(`${prefix}_pb`);
  // A scenario's weights and targets only change normalisation parameters and edge weights: it shares the rest.
  const scenarioTables: PlanTables = {
    ...baseTables,
    bm: `${prefix}_ps_bm`,
    mp: `${prefix}_ps_mp`,
    ed: `${prefix}_ps_ed`
  };
  let scenarioKey: string | null = null;

  await db.query(
    createIdsSql(tables.ids, [...methodology.measures.map((x) => x.id), ...basePlan.nodes.map((n) => n.node)])
  );
  const idOf: string[] = [];
  for (const {id, k} of await db.query<{id: string; k: number}>(`SELECT id, k FROM "${tables.ids}" ORDER BY k`))
    idOf[k] = id;
  const code = new Map(idOf.map((id, k) => [id, k]));
  const heightOf = new Map(basePlan.nodes.map((n) => [code.get(n.node)!, n.height]));
  await db.query(createPlanTablesSql(baseTables, basePlan, code));
  // The scenario tables exist from the start and are only ever refilled: creating a table once statements are prepared
  // would make DuckDB re-plan each of them on every later EXECUTE (a rebound statement is never stored again).
  await db.query(createPlanTablesSql(scenarioTables, basePlan, code, {only: ["bm", "mp", "ed"]}));
  await db.query(createInputTablesSql(tables.inputs));
  await db.query(PLAN_SETTINGS);

  let subunits: SubUnit[] = [];
  let rollupDepth = 0;
  let parents = new Set<string>();
  let subRegions = new Set<string>();
  let observedRegions: string[] = [];
  let observedPeriods: string[] = [];
  let cached = new Set<string>();
  let baselineCache = new Map<string, ScoringRow[]>();
  const prepared = new Map<string, string>();
  let statements = 0;

  const forgetStatements = async () => {
    for (const name of prepared.values()) await db.query(deallocateSql(name));
    prepared.clear();
  };
  /** Input table → its current rows (as JSON), so that unchanged inputs are not rewritten. */
  const inputs = new Map<keyof InputTables, string>();
  /** EXECUTEs the statement `sql()` under `key`, PREPAREing it on first use, after rewriting the inputs that changed. */
  const execute = async <T extends Row>(
    key: string,
    sql: () => string,
    args: Partial<Record<keyof InputTables, (string | number | null)[][]>>,
    params: string[] = []
  ) => {
    const writes: string[] = [];
    for (const [input, columns] of Object.entries(args) as [keyof InputTables, (string | number | null)[][]][]) {
      const json = JSON.stringify(columns);
      if (inputs.get(input) === json) continue;
      inputs.set(input, json);
      writes.push(setInputSql(tables.inputs, input, columns));
    }
    try {
      let name = prepared.get(key);
      if (!name) {
        name = `${prefix}_q${++statements}`;
        if (writes.length) await db.query(writes.splice(0).join(";\n"));
        await db.query(prepareSql(name, sql()));
        prepared.set(key, name);
      }
      return await db.query<T>([...writes, executeSql(name, params)].join(";\n"));
    } catch (error) {
      inputs.clear();
      throw error;
    }
  };

  const finishLoad = async (staging: string, hasFlag: boolean) => {
    await forgetStatements();
    await db.query(createObservationsSql(tables.observations, staging, hasFlag, tables.ids));
    const dups = await db.query<{region: string; period: string; measure: string}>(
      duplicateObservationsSql(tables.observations)
    );
    if (dups.length) {
      const text = dups.map((d) => `${d.region} ${d.period} ${d.measure}`).join("; ");
      throw new Error(`观测值重复 / duplicate observations (region period measure): ${text}`);
    }
    const keys = await db.query<{kind: string; key: string}>(observedKeysSql(tables.observations));
    observedRegions = keys.filter((r) => r.kind === "r").map((r) => r.key);
    observedPeriods = keys.filter((r) => r.kind === "p").map((r) => r.key);
    await db.query(createCacheSql(tables.cache));
    cached = new Set();
    baselineCache = new Map();
    const [{n}] = await db.query<{n: number}>(`SELECT count(*) AS n FROM "${tables.observations}"`);
    return n;
  };

  /** Scores the baseline of the pairs not cached yet into the cache. */
  const fillCache = async (leaves: string[], periods: string[]) => {
    const regions: string[] = [];
    const pairPeriods: string[] = [];
    for (const r of leaves) {
      for (const p of periods) {
        const key = `${r}\u0000${p}`;
        if (cached.has(key)) continue;
        regions.push(r);
        pairPeriods.push(p);
      }
    }
    if (!regions.length) return;
    await execute("fill", () => fillCacheSql(basePlan, baseTables, tables), {pairs: [regions, pairPeriods]});
    for (let i = 0; i < regions.length; i++) cached.add(`${regions[i]}\u0000${pairPeriods[i]}`);
  };

  const request = (options: ScoreOptions): Request => {
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
      nodes: nodeFilter(options.level)
    };
  };

  const run = async (plan: ScoringPlan, options: ScoreOptions, withScenario: boolean): Promise<ScoringRow[]> => {
    const req = request(options);
    const resolved = resolveOverrides(withScenario ? (options.scenario?.values ?? []) : [], req, code);
    const fresh = plan !== basePlan;
    if (fresh) await useScenarioPlan(plan, options);
    else await fillCache(req.leaves, req.periods);
    const shape: OutputShape = {
      fresh,
      subset: !fresh && cached.size !== req.leaves.length * req.periods.length,
      overrides: resolved.overrides[0].length > 0,
      failable,
      rollupDepth,
      measures: options.measures ?? true,
      nodeFilter: req.nodes !== null,
      heights: null
    };
    if (req.nodes && !shape.measures && !failable && (fresh || shape.overrides))
      shape.heights = [...new Set(req.nodes.map((k) => heightOf.get(k)!))].sort((a, b) => a - b);
    const args: Parameters<typeof execute>[2] = {leaves: [req.leaves], periods: [req.periods], peers: [req.peers]};
    if (req.nodes) args.nodes = [req.nodes];
    const statement = () => outputSql(plan, fresh ? scenarioTables : baseTables, tables, shape);
    const rows = await execute<ScoringRow>(JSON.stringify(shape), statement, args, overrideParams(shape, resolved));
    const failed = rows.filter((r) => r.kind === "f");
    if (failed.length)
      throw new MissingDataError(failed.map((r) => ({region: r.region, period: r.period, node: idOf[r.k]})));
    return rows;
  };
  /** Fills the scenario's own plan tables (rows replaced, tables kept, so prepared statements stay valid). */
  const useScenarioPlan = async (plan: ScoringPlan, options: ScoreOptions) => {
    const key = JSON.stringify([options.scenario?.weights ?? {}, options.scenario?.targets ?? {}]);
    if (key === scenarioKey) return;
    await db.query(createPlanTablesSql(scenarioTables, plan, code, {only: ["bm", "mp", "ed"], refill: true}));
    scenarioKey = key;
  };
  const nodeFilter = (level: string | undefined): number[] | null => {
    if (level === undefined) return null;
    const label = levels.get(level) ?? level;
    const ids = [...levels].filter(([, l]) => l === label).map(([id]) => id);
    if (!ids.length) {
      throw new Error(
        `未知层级或节点 ${level} / unknown level or node ${level} (levels: ${[...new Set(levels.values())].join(", ")})`
      );
    }
    return ids.map((id) => code.get(id)!);
  };

  const engine: Engine = {
    methodology,
    async loadObservations(ipc) {
      await db.loadArrow(`${prefix}_staging`, ipc);
      const cols = await db.query<{name: string}>(`SELECT name FROM pragma_table_info('${prefix}_staging')`);
      return finishLoad(
        `${prefix}_staging`,
        cols.some((c) => c.name === "flag")
      );
    },
    async setRegions(list = []) {
      const depths = subunitDepths(list);
      subunits = [...list];
      rollupDepth = Math.max(0, ...depths.values());
      parents = new Set(list.map((s) => s.parent));
      subRegions = new Set(list.map((s) => s.region));
      await forgetStatements();
      await db.query(
        createSubunitsSql(
          tables.subunits,
          list.map((s) => ({...s, depth: depths.get(s.parent)!}))
        )
      );
      baselineCache = new Map();
    },
    async score(options = {}) {
      const {scenario} = options;
      const changesPlan =
        Object.keys(scenario?.weights ?? {}).length > 0 || Object.keys(scenario?.targets ?? {}).length > 0;
      const plan = changesPlan ? buildPlan(methodology, scenario) : basePlan;
      if (scenario?.values) {
        const observed = new Set(plan.observed);
        for (const v of scenario.values) {
          if (!observed.has(v.measure))
            throw new ScenarioError(
              `情景取值：${v.measure} 不是观测指标 / scenario values: ${v.measure} is not an observed measure`
            );
        }
      }
      const current = await run(plan, options, true);
      const result = toResult(current, idOf, levels, effectiveWeights(plan));
      if (!scenario) return result;
      const key = JSON.stringify([options.peerGroup, options.periods, options.level, options.measures]);
      let baseline = baselineCache.get(key);
      if (!baseline) {
        baseline = await run(basePlan, {...options, scenario: undefined}, false);
        baselineCache.set(key, baseline);
      }
      result.deltas = deltas(toResult(baseline, idOf, levels, {}).nodes, result.nodes);
      return result;
    },
    levels: () => new Map(levels),
    async close() {
      await forgetStatements();
      await db.query(
        `${dropTablesSql(tables)}; ${dropPlanTablesSql(baseTables)}; ${dropPlanTablesSql(scenarioTables)}`
      );
    }
  };
  await engine.setRegions([]);
  await engine.loadObservations(observationsIpc([]));
  return engine;
}

/**
 * The value overrides that apply to a request, one per (region, period, measure): leaves and requested periods only;
 * a period-specific override beats one for every period (among equals the last one given wins). Also returns the
 * (region, period) pairs they touch. As columns, for {@link overrideParams}.
 */
function resolveOverrides(values: readonly ValueOverride[], req: Request, code: ReadonlyMap<string, number>) {
  const leaves = new Set(req.leaves);
  const periods = new Set(req.periods);
  const chosen = new Map<
    string,
    {region: string; period: string; k: number; value: number | null; specific: boolean}
  >();
  for (const v of values) {
    if (!leaves.has(v.region)) continue;
    const specific = v.period != null;
    for (const period of specific ? (periods.has(v.period!) ? [v.period!] : []) : req.periods) {
      const key = `${v.region}\u0000${period}\u0000${v.measure}`;
      const before = chosen.get(key);
      if (before && before.specific && !specific) continue;
      chosen.set(key, {region: v.region, period, k: code.get(v.measure)!, value: v.value, specific});
    }
  }
  const rows = [...chosen.values()];
  const pairs = new Map(rows.map((r) => [`${r.region}\u0000${r.period}`, r]));
  return {
    overrides: [rows.map((r) => r.region), rows.map((r) => r.period), rows.map((r) => r.k), rows.map((r) => r.value)],
    pairs: [[...pairs.values()].map((r) => r.region), [...pairs.values()].map((r) => r.period)]
  };
}

function toResult(
  rows: ScoringRow[],
  idOf: readonly string[],
  levels: Map<string, string>,
  weights: Record<string, number>
): ScoreResult {
  const result: ScoreResult = {measures: [], nodes: [], effectiveWeights: weights};
  for (const r of rows) {
    const id = idOf[r.k];
    if (r.kind === "m")
      result.measures.push({region: r.region, period: r.period, measure: id, raw: r.raw, score: r.score});
    else if (r.kind === "n") {
      result.nodes.push({
        region: r.region,
        period: r.period,
        node: id,
        level: levels.get(id)!,
        score: r.score,
        rank: r.rank,
        coverage: r.coverage
      });
    }
  }
  return result;
}

function deltas(baseline: ScoreResult["nodes"], scenario: ScoreResult["nodes"]): ScoreDelta[] {
  const key = (n: {region: string; period: string; node: string}) => `${n.region}\u0000${n.period}\u0000${n.node}`;
  const before = new Map(baseline.map((n) => [key(n), n]));
  return scenario.map((n) => {
    const b = before.get(key(n));
    const base = b?.score ?? null;
    return {
      region: n.region,
      period: n.period,
      node: n.node,
      baseline: base,
      scenario: n.score,
      delta: base === null || n.score === null ? null : n.score - base,
      baselineRank: b?.rank ?? null,
      scenarioRank: n.rank
    };
  });
}
