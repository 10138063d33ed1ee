/**
 * THE scoring SQL builder: every statement the engine runs is generated here from a {@link ScoringPlan}.
 * The methodology lives in small plan tables (created once per plan, ids integer-encoded); one SELECT scores a set of
 * (region, period) pairs: observed raw values (with scenario overrides merged in) → derived raw values → normalised
 * measure scores → score-derived measures → one CTE per hierarchy height. The engine keeps those "leaf rows" of the
 * baseline in a cache table; the output statement takes cached rows, rescoring only pairs a scenario touches, then
 * rolls sub-units up and ranks within the peer group. Every varying input is a row of a small input table, so the
 * engine PREPAREs each statement shape once and only EXECUTEs it afterwards (DuckDB's planning costs far more than
 * scoring). The value overrides of a what-if, which change on every call, are EXECUTE parameters instead (typed lists),
 * so that a what-if is one statement.
 * Pages and loaders never write scoring SQL of their own.
 */
import {quoteIdent, quoteString} from "../db/database.js";
import type {ScoringPlan} from "../methodology/plan.js";
import {leafRowsSql} from "./leaf-sql.js";
import type {PlanTables} from "./plan-sql.js";

export {createIdsSql, createPlanTablesSql, dropPlanTablesSql, planTableNames, type PlanTables} from "./plan-sql.js";
export {sqlLiteral} from "./plan-sql.js";

/** Table names one engine owns. */
export interface ScoringTables {
  /** region VARCHAR, period VARCHAR, measure VARCHAR, value DOUBLE, flag VARCHAR, k INTEGER (measure id code) */
  observations: string;
  /** region VARCHAR, parent VARCHAR, weight DOUBLE, depth INTEGER (roll-up depth of the parent) */
  subunits: string;
  /** id VARCHAR, k INTEGER: every measure and node id, coded in DuckDB's sort order of the ids */
  ids: string;
  /** Baseline leaf rows: kind, region, period, k, raw, score, coverage, failed (complete per cached pair). */
  cache: string;
  /** Input tables, rewritten before each statement: see {@link InputTables}. */
  inputs: InputTables;
}

/** The inputs of one statement, one small table each (names). */
export interface InputTables {
  /** region: regions scored from observations */
  leaves: string;
  /** period */
  periods: string;
  /** region: regions ranked and returned */
  peers: string;
  /** k: node id codes returned (when filtered) */
  nodes: string;
  /** region, period: the pairs to score (cache fill) */
  pairs: string;
}

/** Input table names under a prefix. */
export function inputTableNames(prefix: string): InputTables {
  const t = (name: string) => `${prefix}_in_${name}`;
  return {leaves: t("leaves"), periods: t("periods"), peers: t("peers"), nodes: t("nodes"), pairs: t("pairs")};
}

const INPUT_COLUMNS: Record<keyof InputTables, [string, string][]> = {
  leaves: [["region", "VARCHAR"]],
  periods: [["period", "VARCHAR"]],
  peers: [["region", "VARCHAR"]],
  nodes: [["k", "INTEGER"]],
  pairs: [
    ["region", "VARCHAR"],
    ["period", "VARCHAR"]
  ]
};

/** Creates the input tables. */
export function createInputTablesSql(t: InputTables): string {
  return (Object.keys(INPUT_COLUMNS) as (keyof InputTables)[])
    .map(
      (name) =>
        `CREATE OR REPLACE TABLE ${quoteIdent(t[name])} (${INPUT_COLUMNS[name].map(([c, type]) => `${c} ${type}`).join(", ")})`
    )
    .join(";\n");
}

/** Replaces the rows of one input table (DML only: prepared statements that read it stay valid). */
export function setInputSql(
  t: InputTables,
  name: keyof InputTables,
  columns: readonly (readonly (string | number | null)[])[]
): string {
  const table = quoteIdent(t[name]);
  if (!columns[0]?.length) return `DELETE FROM ${table}`;
  const cols = INPUT_COLUMNS[name].map(([, type], i) => `unnest([${columns[i].map(item).join(", ")}]::${type}[])`);
  return `DELETE FROM ${table}; INSERT INTO ${table} SELECT ${cols.join(", ")}`;
}

/** A row of the output statement: kind "m" (measure), "n" (node) or "f" (a node that failed its "fail" policy). */
export type ScoringRow = {
  kind: "m" | "n" | "f";
  region: string;
  period: string;
  /** Code of the measure or node id (see {@link ScoringTables.ids}). */
  k: number;
  raw: number | null;
  score: number | null;
  coverage: number | null;
  rank: number | null;
};

function item(x: string | number | null): string {
  return x === null ? "NULL" : typeof x === "number" ? numberLiteral(x) : quoteString(x);
}

/** The value overrides of an output statement (one per pair and measure) and the (region, period) pairs they touch. */
export interface Overrides {
  /** region, period, k, value */
  overrides: (string | number | null)[][];
  /** region, period */
  pairs: (string | number | null)[][];
}

const OVERRIDE_TYPES = ["VARCHAR", "VARCHAR", "INTEGER", "DOUBLE"];
const PAIR_TYPES = ["VARCHAR", "VARCHAR"];

/**
 * The EXECUTE parameters of an output statement with overrides, as typed list literals (exactly the types the statement
 * declares, so DuckDB never re-binds it): $1–$4 the overrides' region, period, k, value; on the cached path also $5–$6
 * the pairs' region and period.
 */
export function overrideParams(shape: OutputShape, o: Overrides): string[] {
  if (!shape.overrides) return [];
  const list = (col: readonly (string | number | null)[], type: string) => `[${col.map(item).join(", ")}]::${type}[]`;
  const ov = OVERRIDE_TYPES.map((type, i) => list(o.overrides[i], type));
  return shape.fresh ? ov : [...ov, ...PAIR_TYPES.map((type, i) => list(o.pairs[i], type))];
}

/** The shape of an output statement (what is fixed when it is prepared); the rest are its parameters. */
export interface OutputShape {
  /** Score every pair from scratch with the plan (weights/targets changed), or take the baseline cache. */
  fresh: boolean;
  /** Cached path: the cache holds other pairs too, so filter it by the leaves and periods. */
  subset: boolean;
  /** Whether value overrides are applied (pairs they touch are rescored). */
  overrides: boolean;
  /** Whether a node has the "fail" missing policy (failed rows are then looked for). */
  failable: boolean;
  /** Highest roll-up depth among the sub-units (0 = none). */
  rollupDepth: number;
  /** Return measure rows. */
  measures: boolean;
  /** Filter node rows by the id codes in the nodes input. */
  nodeFilter: boolean;
  /**
   * The heights of the nodes in the nodes input, when no measure rows are returned and no node can fail: pairs scored
   * in the statement then score no height above them and keep only their rows. Null: score every height.
   */
  heights: number[] | null;
}

/** Appends the baseline rows of the pairs in the pairs input (none cached yet) to the cache. */
export function fillCacheSql(plan: ScoringPlan, planTables: PlanTables, tables: ScoringTables): string {
  return `INSERT INTO ${quoteIdent(tables.cache)}
WITH grid AS (SELECT region, period FROM ${quoteIdent(tables.inputs.pairs)}),
${leafRowsSql(plan, planTables, tables.observations, null)}
SELECT kind, region, period, k, raw, score, coverage, failed FROM leafrows`;
}

/** Creates (or empties) the baseline cache table. */
export function createCacheSql(table: string): string {
  return `CREATE OR REPLACE TABLE ${quoteIdent(table)} (kind VARCHAR, region VARCHAR, period VARCHAR, k INTEGER, raw DOUBLE,
  score DOUBLE, coverage DOUBLE, failed BOOLEAN)`;
}

/**
 * The output statement; returns {@link ScoringRow}s sorted by kind, region, period, id. Reads the leaves, periods,
 * peers and nodes inputs, and with `overrides` the parameters of {@link overrideParams} (overrides already resolved
 * per pair: a period-specific override beats one for every period; leaves only).
 * Rows not returned are dropped as early as possible: a roll-up or a rank only ever combines rows of the same id.
 */
export function outputSql(
  plan: ScoringPlan,
  planTables: PlanTables,
  tables: ScoringTables,
  shape: OutputShape
): string {
  const ctes: string[] = [];
  const keep = (a: string) =>
    `(${shape.measures ? `${a}.kind = 'm' OR ` : ""}${shape.nodeFilter ? `(${a}.kind = 'n' AND ${a}.k IN (SELECT k FROM nodes))` : `${a}.kind = 'n'`})`;
  const input = tables.inputs;
  ctes.push(`periods AS (SELECT period FROM ${quoteIdent(input.periods)})`);
  if (shape.nodeFilter) ctes.push(`nodes AS (SELECT k FROM ${quoteIdent(input.nodes)})`);
  ctes.push(`leaves AS (SELECT region FROM ${quoteIdent(input.leaves)})`);
  if (shape.overrides) {
    const cols = ["region", "period", "k", "value"].map((c, i) => `unnest($${i + 1}::${OVERRIDE_TYPES[i]}[]) AS ${c}`);
    ctes.push(`ovp AS (SELECT ${cols.join(", ")})`);
  }
  const fails: string[] = [];
  if (shape.fresh) {
    ctes.push(`grid AS (SELECT l.region, p.period FROM leaves l CROSS JOIN periods p)`);
    ctes.push(
      leafRowsSql(plan, planTables, tables.observations, shape.overrides ? "ovp" : null, "allrows", shape.heights)
    );
    ctes.push(`leafrows AS (SELECT kind, region, period, k, raw, score, coverage FROM allrows a WHERE ${keep("a")})`);
    fails.push("SELECT region, period, k FROM allrows WHERE failed");
  } else {
    // Cached rows of the pairs not rescored (an explicit ANTI JOIN: NOT EXISTS plans a slower delim join).
    const cache = `${quoteIdent(tables.cache)} c${shape.overrides ? " ANTI JOIN grid g ON g.region = c.region AND g.period = c.period" : ""}`;
    const pairs = shape.subset
      ? ["c.region IN (SELECT region FROM leaves)", "c.period IN (SELECT period FROM periods)"]
      : [];
    const where = (cond: string) => [cond, ...pairs].join(" AND ");
    const parts = [
      `SELECT c.kind, c.region, c.period, c.k, c.raw, c.score, c.coverage FROM ${cache} WHERE ${where(keep("c"))}`
    ];
    fails.push(`SELECT c.region, c.period, c.k FROM ${cache} WHERE ${where("c.failed")}`);
    if (shape.overrides) {
      ctes.push(`grid AS (SELECT unnest($5::${PAIR_TYPES[0]}[]) AS region, unnest($6::${PAIR_TYPES[1]}[]) AS period)`);
      ctes.push(leafRowsSql(plan, planTables, tables.observations, "ovp", "changed", shape.heights));
      parts.push(
        `SELECT a.kind, a.region, a.period, a.k, a.raw, a.score, a.coverage FROM changed a WHERE ${keep("a")}`
      );
      fails.push("SELECT region, period, k FROM changed WHERE failed");
    }
    ctes.push(`leafrows AS (\n  ${parts.join("\n  UNION ALL ")})`);
  }
  let below = "leafrows";
  if (shape.rollupDepth > 0) {
    ctes.push(`sub AS (SELECT region, parent, weight, depth FROM ${quoteIdent(tables.subunits)})`);
    for (let d = 1; d <= shape.rollupDepth; d++) {
      ctes.push(rollupCte(d, below));
      ctes.push(`u${d} AS (SELECT * FROM ${below} UNION ALL SELECT * FROM r${d})`);
      below = `u${d}`;
    }
  }
  ctes.push(
    `outrows AS (SELECT a.* FROM ${below} a WHERE a.region IN (SELECT region FROM ${quoteIdent(input.peers)}))`
  );
  const failed = shape.failable
    ? `
UNION ALL
SELECT * FROM (SELECT 'f' AS kind, region, period, k, NULL::DOUBLE, NULL::DOUBLE, NULL::DOUBLE, NULL::BIGINT
  FROM (${fails.join(" UNION ALL ")}) ORDER BY region, period, k LIMIT 10)`
    : "";
  // Ranks compare scores rounded to 1e-9 so that floating-point noise never splits a tie. NULL scores sort last, so they
  // never rank ahead of a score (and get no rank themselves).
  return `WITH
${ctes.join(",\n")}
SELECT kind, region, period, k, raw, score, coverage,
  CASE WHEN kind = 'n' AND score IS NOT NULL
    THEN rank() OVER (PARTITION BY kind, period, k ORDER BY round(score, 9) DESC NULLS LAST) END AS rank
FROM outrows${failed}
ORDER BY kind, region, period, k`;
}

/** One roll-up step: parents at depth `d` from their sub-units' rows in `below` (sums in sub-unit order). */
function rollupCte(d: number, below: string): string {
  const sum = (term: string) => `list_sum(list_transform(l, lambda x: ${term}))`;
  const wmean = (col: string) =>
    `${sum(`x.w * x.${col}`)} / nullif(${sum(`CASE WHEN x.${col} IS NOT NULL THEN x.w END`)}, 0)`;
  return `r${d} AS (
  SELECT kind, region, period, k, ${wmean("raw")} AS raw, ${wmean("score")} AS score, ${sum("x.w * x.coverage")} / nullif(${sum("x.w")}, 0) AS coverage
  FROM (
    SELECT s.kind, su.parent AS region, s.period, s.k,
      list_sort(list({region: s.region, w: su.weight, raw: s.raw, score: s.score, coverage: s.coverage})) AS l
    FROM ${below} s JOIN sub su ON su.region = s.region AND su.depth = ${d}
    GROUP BY s.kind, su.parent, s.period, s.k))`;
}

/** `PREPARE name AS statement`. */
export function prepareSql(name: string, statement: string): string {
  return `PREPARE ${quoteIdent(name)} AS ${statement}`;
}

/** `EXECUTE name`, with parameters when given. */
export function executeSql(name: string, params: readonly string[] = []): string {
  return `EXECUTE ${quoteIdent(name)}${params.length ? `(${params.join(", ")})` : ""}`;
}

function numberLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return Number.isInteger(x) && Math.abs(x) < 2 ** 31 && !Object.is(x, -0) ? String(x) : x.toExponential();
}

/** Normalises a loaded staging table into the observations table (typed columns; `flag` NULL when absent; id code k). */
export function createObservationsSql(target: string, staging: string, hasFlag: boolean, ids: string): string {
  const flag = hasFlag ? "nullif(trim(CAST(flag AS VARCHAR)), '')" : "NULL::VARCHAR";
  return `CREATE OR REPLACE TABLE ${quoteIdent(target)} AS
SELECT o.*, d.k FROM (
  SELECT CAST(region AS VARCHAR) AS region, CAST(period AS VARCHAR) AS period, CAST(measure AS VARCHAR) AS measure,
    CAST(value AS DOUBLE) AS value, ${flag} AS flag
  FROM ${quoteIdent(staging)}) o
LEFT JOIN ${quoteIdent(ids)} d ON d.id = o.measure
ORDER BY o.region, o.period, d.k;
DROP TABLE IF EXISTS ${quoteIdent(staging)}`;
}

/** Lists up to 5 (region, period, measure) keys observed more than once. */
export function duplicateObservationsSql(table: string): string {
  return `SELECT region, period, measure, count(*) AS n FROM ${quoteIdent(table)}
GROUP BY region, period, measure HAVING count(*) > 1 ORDER BY region, period, measure LIMIT 5`;
}

/** The distinct regions and periods of the observations (kind "r" or "p"). */
export function observedKeysSql(table: string): string {
  return `SELECT DISTINCT 'r' AS kind, region AS key FROM ${quoteIdent(table)}
UNION ALL SELECT DISTINCT 'p', period FROM ${quoteIdent(table)}`;
}

/** Creates (or replaces) the sub-unit table from rows with their parent's roll-up depth. */
export function createSubunitsSql(
  table: string,
  rows: {region: string; parent: string; weight: number; depth: number}[]
): string {
  const col = (xs: (string | number)[], type: string) =>
    `unnest([${xs.map((x) => (typeof x === "number" ? numberLiteral(x) : quoteString(x))).join(", ")}]::${type}[])`;
  if (!rows.length)
    return `CREATE OR REPLACE TABLE ${quoteIdent(table)} (region VARCHAR, parent VARCHAR, weight DOUBLE, depth INTEGER)`;
  return `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${col(
    rows.map((r) => r.region),
    "VARCHAR"
  )} AS region,
  ${col(
    rows.map((r) => r.parent),
    "VARCHAR"
  )} AS parent, ${col(
    rows.map((r) => r.weight),
    "DOUBLE"
  )} AS weight,
  ${col(
    rows.map((r) => r.depth),
    "INTEGER"
  )} AS depth`;
}

/** Drops the engine's tables. */
export function dropTablesSql(tables: ScoringTables): string {
  return [tables.observations, tables.subunits, tables.ids, tables.cache, ...Object.values(tables.inputs)]
    .map((t) => `DROP TABLE IF EXISTS ${quoteIdent(t)}`)
    .join("; ");
}

/** `DEALLOCATE` a prepared statement. */
export function deallocateSql(name: string): string {
  return `DEALLOCATE PREPARE ${quoteIdent(name)}`;
}
