/**
 * The scoring engine: observations loaded once into DuckDB, scored with the SQL built in scoring-sql.ts.
 * Runtime-neutral (no DOM, no Node APIs): give it the Node or the browser {@link SqlDatabase}.
 */
import type {SqlDatabase} from "./db.js";
import type {Methodology} from "./methodology.js";
import {buildPlan, effectiveWeights, ScenarioError, type ScoringPlan} from "./methodology-plan.js";
import type {Observation} from "./observation.js";
import {createObservationsSql, createSubunitsSql, dropTablesSql, duplicateObservationsSql, scoringSql, type ScoringRow, type ScoringTables} from "./scoring-sql.js";
import {leafRegions, MissingDataError, subunitDepths, type ScoreDelta, type ScoreOptions, type ScoreResult, type SubUnit} from "./score-types.js";

/** A methodology bound to a database, with observations and sub-units loaded. */
export interface Engine {
  readonly methodology: Methodology;
  /** Replaces the observations (a table in the database; scenarios never reload it). */
  loadObservations(rows: readonly Observation[]): Promise<number>;
  /** Replaces the observations from long CSV text: `region,period,measure,value[,flag]` (other columns ignored). */
  loadObservationsCsv(csv: string): Promise<number>;
  /** Replaces the observations from an Arrow IPC stream with columns region, period, measure, value[, flag]. */
  loadObservationsArrow(ipc: Uint8Array): Promise<number>;
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

/** Binds a methodology (from `parseMethodology`) to a database. */
export async function createEngine(db: SqlDatabase, methodology: Methodology): Promise<Engine> {
  const prefix = `bizenv_engine${++engines}`;
  const tables: ScoringTables = {observations: `${prefix}_obs`, subunits: `${prefix}_sub`};
  const basePlan = buildPlan(methodology);
  const levels = new Map(basePlan.nodes.map((n) => [n.node, n.level]));
  let subunits: SubUnit[] = [];
  let rollupDepth = 0;
  let baselineCache = new Map<string, ScoringRow[]>();

  const finishLoad = async (staging: string, hasFlag: boolean) => {
    await db.query(createObservationsSql(tables.observations, staging, hasFlag));
    const dups = await db.query<{region: string; period: string; measure: string}>(duplicateObservationsSql(tables.observations));
    if (dups.length) {
      const text = dups.map((d) => `${d.region} ${d.period} ${d.measure}`).join("; ");
      throw new Error(`观测值重复 / duplicate observations (region period measure): ${text}`);
    }
    baselineCache = new Map();
    const [{n}] = await db.query<{n: number}>(`SELECT count(*) AS n FROM "${tables.observations}"`);
    return n;
  };
  const loadCsv = async (csv: string) => {
    const header = (csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "").split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
    for (const need of ["region", "period", "measure", "value"]) {
      if (!header.includes(need)) throw new Error(`观测 CSV 缺少列 ${need} / observation CSV lacks column ${need}`);
    }
    const columns = Object.fromEntries(header.map((h) => [h, h === "value" ? "DOUBLE" : "VARCHAR"]));
    await db.loadCsv(`${prefix}_staging`, csv.replace(/^\uFEFF/, ""), {columns});
    return finishLoad(`${prefix}_staging`, header.includes("flag"));
  };

  const run = async (plan: ScoringPlan, options: ScoreOptions, withScenario: boolean): Promise<ScoringRow[]> => {
    const sql = scoringSql({
      plan,
      tables,
      leaves: options.peerGroup ? leafRegions(options.peerGroup, subunits) : null,
      peerGroup: options.peerGroup ?? null,
      periods: options.periods ?? null,
      overrides: withScenario ? (options.scenario?.values ?? []) : [],
      rollupDepth,
      measures: options.measures ?? true,
      nodes: nodeFilter(options.level)
    });
    const rows = await db.query<ScoringRow>(sql);
    const failed = rows.filter((r) => r.kind === "f");
    if (failed.length) throw new MissingDataError(failed.map((r) => ({region: r.region, period: r.period, node: r.id})));
    return rows;
  };
  const nodeFilter = (level: string | undefined): string[] | null => {
    if (level === undefined) return null;
    const label = levels.get(level) ?? level;
    const ids = [...levels].filter(([, l]) => l === label).map(([id]) => id);
    if (!ids.length) {
      throw new Error(`未知层级或节点 ${level} / unknown level or node ${level} (levels: ${[...new Set(levels.values())].join(", ")})`);
    }
    return ids;
  };

  const engine: Engine = {
    methodology,
    async loadObservations(rows) {
      return loadCsv(observationsCsv(rows));
    },
    loadObservationsCsv: loadCsv,
    async loadObservationsArrow(ipc) {
      await db.loadArrow(`${prefix}_staging`, ipc);
      const cols = await db.query<{name: string}>(`SELECT name FROM pragma_table_info('${prefix}_staging')`);
      return finishLoad(`${prefix}_staging`, cols.some((c) => c.name === "flag"));
    },
    async setRegions(list = []) {
      const depths = subunitDepths(list);
      subunits = [...list];
      rollupDepth = Math.max(0, ...depths.values());
      await db.query(createSubunitsSql(tables.subunits, list.map((s) => ({...s, depth: depths.get(s.parent)!}))));
      baselineCache = new Map();
    },
    async score(options = {}) {
      const {scenario} = options;
      const plan = scenario ? buildPlan(methodology, scenario) : basePlan;
      if (scenario?.values) {
        const observed = new Set(plan.observed);
        for (const v of scenario.values) {
          if (!observed.has(v.measure)) throw new ScenarioError(`情景取值：${v.measure} 不是观测指标 / scenario values: ${v.measure} is not an observed measure`);
        }
      }
      const current = await run(plan, options, true);
      const result = toResult(current, levels, effectiveWeights(plan));
      if (!scenario) return result;
      const key = JSON.stringify([options.peerGroup, options.periods, options.level, options.measures]);
      let baseline = baselineCache.get(key);
      if (!baseline) {
        baseline = await run(basePlan, {...options, scenario: undefined}, false);
        baselineCache.set(key, baseline);
      }
      result.deltas = deltas(toResult(baseline, levels, {}).nodes, result.nodes);
      return result;
    },
    levels: () => new Map(levels),
    async close() {
      await db.query(dropTablesSql(tables));
    }
  };
  await engine.setRegions([]);
  await loadCsv("region,period,measure,value,flag\n");
  return engine;
}

/** Long CSV text of observations (RFC 4180 quoting; missing values are empty cells). */
export function observationsCsv(rows: readonly Observation[]): string {
  const cell = (v: string | null | undefined) => (v == null ? "" : /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = ["region,period,measure,value,flag"];
  for (const r of rows) {
    if (r.value !== null && !Number.isFinite(r.value)) throw new Error(`观测值不是有限数值 / not a finite value: ${r.region} ${r.period} ${r.measure} ${r.value}`);
    lines.push([cell(r.region), cell(r.period), cell(r.measure), r.value === null ? "" : String(r.value), cell(r.flag)].join(","));
  }
  return `${lines.join("\n")}\n`;
}

function toResult(rows: ScoringRow[], levels: Map<string, string>, weights: Record<string, number>): ScoreResult {
  const result: ScoreResult = {measures: [], nodes: [], effectiveWeights: weights};
  for (const r of rows) {
    if (r.kind === "m") result.measures.push({region: r.region, period: r.period, measure: r.id, raw: r.raw, score: r.score});
    else if (r.kind === "n") {
      result.nodes.push({region: r.region, period: r.period, node: r.id, level: levels.get(r.id)!, score: r.score, rank: r.rank, coverage: r.coverage});
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
