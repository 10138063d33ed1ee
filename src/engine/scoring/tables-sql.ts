/**
 * The engine's own tables (part of the one SQL builder): observations, sub-units, the baseline cache and the small
 * input tables each statement reads, and the statements that fill them. Regions and periods are integer codes inside
 * DuckDB (`r` INTEGER, `p` SMALLINT, given out by the engine's {@link CodeBook}s), measures and nodes too (`k`
 * SMALLINT, from the id table): every join, partition and sort key is an integer.
 */
import {quoteIdent} from "../db/database.js";

/** Table names one engine owns. */
export interface ScoringTables {
  /**
   * r, p, k, value, flag: one row per observed (region, period) pair and observed measure of the methodology, sorted
   * by r, p, k (a missing value is a NULL row, so scoring needs no outer join and a pair's rows are contiguous)
   */
  observations: string;
  /** r, p: the observed pairs */
  pairs: string;
  /** r, parent, weight, depth (roll-up depth of the parent): sub-units */
  subunits: string;
  /** id VARCHAR, k SMALLINT: every measure and node id, coded in DuckDB's sort order of the ids */
  ids: string;
  /** kind (0 measure, 1 node), r, p, k, raw, score, coverage, failed: baseline leaf rows, complete per cached pair */
  cache: string;
  /** Where loaded Arrow IPC lands before it is checked and coded. */
  staging: string;
  /** Input tables, rewritten before each statement: see {@link InputTables}. */
  inputs: InputTables;
}

/** The inputs of one statement, one small table each (names). */
export interface InputTables {
  /** r: regions scored from observations */
  leaves: string;
  /** p */
  periods: string;
  /** r: regions ranked and returned */
  peers: string;
  /** k: node codes returned (when filtered) */
  nodes: string;
  /** r, p: the pairs to score (cache fill) */
  pairs: string;
}

/** The tables of an engine under a prefix. */
export function scoringTableNames(prefix: string): ScoringTables {
  const t = (name: string) => `${prefix}_in_${name}`;
  return {
    observations: `${prefix}_obs`,
    pairs: `${prefix}_pairs`,
    subunits: `${prefix}_sub`,
    ids: `${prefix}_ids`,
    cache: `${prefix}_cache`,
    staging: `${prefix}_staging`,
    inputs: {leaves: t("leaves"), periods: t("periods"), peers: t("peers"), nodes: t("nodes"), pairs: t("pairs")}
  };
}

const INPUT_COLUMNS: Record<keyof InputTables, [string, string][]> = {
  leaves: [["r", "INTEGER"]],
  periods: [["p", "SMALLINT"]],
  peers: [["r", "INTEGER"]],
  nodes: [["k", "SMALLINT"]],
  pairs: [
    ["r", "INTEGER"],
    ["p", "SMALLINT"]
  ]
};

/**
 * Creates the tables that exist for the engine's whole life (all of them before any statement is prepared: creating a
 * table afterwards would make DuckDB re-plan every prepared statement on each EXECUTE). The observations and pairs
 * start empty and are replaced by each load.
 */
export function createEngineTablesSql(t: ScoringTables): string {
  const table = (name: string, columns: string) => `CREATE OR REPLACE TABLE ${quoteIdent(name)} (${columns})`;
  return [
    table(t.observations, "r INTEGER, p SMALLINT, k SMALLINT, value DOUBLE, flag VARCHAR"),
    table(t.pairs, "r INTEGER, p SMALLINT"),
    table(t.subunits, "r INTEGER, parent INTEGER, weight DOUBLE, depth INTEGER"),
    table(
      t.cache,
      "kind TINYINT, r INTEGER, p SMALLINT, k SMALLINT, raw DOUBLE, score DOUBLE, coverage DOUBLE, failed BOOLEAN"
    ),
    ...(Object.keys(INPUT_COLUMNS) as (keyof InputTables)[]).map((name) =>
      table(t.inputs[name], INPUT_COLUMNS[name].map(([c, type]) => `${c} ${type}`).join(", "))
    )
  ].join(";\n");
}

/** `unnest` of a list literal of integers (codes) or doubles (exponent form: DOUBLE, not DECIMAL). */
export function listSql(values: readonly (number | null)[], type: string): string {
  const item = (x: number | null) => {
    if (x === null) return "NULL";
    if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
    return Number.isInteger(x) && Math.abs(x) < 2 ** 31 && !Object.is(x, -0) ? String(x) : x.toExponential();
  };
  return `[${values.map(item).join(", ")}]::${type}[]`;
}

/** Replaces the rows of one input table (DML only: prepared statements that read it stay valid). */
export function setInputSql(t: InputTables, name: keyof InputTables, columns: readonly (readonly number[])[]): string {
  const table = quoteIdent(t[name]);
  if (!columns[0]?.length) return `DELETE FROM ${table}`;
  const cols = INPUT_COLUMNS[name].map(([, type], i) => `unnest(${listSql(columns[i], type)})`);
  return `DELETE FROM ${table}; INSERT INTO ${table} SELECT ${cols.join(", ")}`;
}

/** The distinct regions (kind 0) and periods (kind 1) of the staged observations. */
export function stagedKeysSql(t: ScoringTables): string {
  const staging = quoteIdent(t.staging);
  return `SELECT 0 AS kind, CAST(region AS VARCHAR) AS key FROM ${staging} GROUP BY 1, 2
UNION ALL SELECT 1, CAST(period AS VARCHAR) FROM ${staging} GROUP BY 1, 2`;
}

/**
 * Codes the staged observations into table `coded` (r, p, measure, k, value, flag; k NULL for a measure the
 * methodology does not have), joining table `codes` (kind 0 region, 1 period; name; code), which the engine loads as
 * Arrow: names never appear in SQL text.
 */
export function codeStagedSql(t: ScoringTables, coded: string, codes: string, hasFlag: boolean): string {
  const flag = hasFlag ? "nullif(trim(CAST(s.flag AS VARCHAR)), '')" : "NULL::VARCHAR";
  const c = quoteIdent(codes);
  return `CREATE OR REPLACE TABLE ${quoteIdent(coded)} AS
SELECT CAST(rc.code AS INTEGER) AS r, CAST(pc.code AS SMALLINT) AS p, CAST(s.measure AS VARCHAR) AS measure, d.k,
  CAST(s.value AS DOUBLE) AS value, ${flag} AS flag
FROM ${quoteIdent(t.staging)} s
JOIN (SELECT name, code FROM ${c} WHERE kind = 0) rc ON rc.name = CAST(s.region AS VARCHAR)
JOIN (SELECT name, code FROM ${c} WHERE kind = 1) pc ON pc.name = CAST(s.period AS VARCHAR)
LEFT JOIN ${quoteIdent(t.ids)} d ON d.id = CAST(s.measure AS VARCHAR);
DROP TABLE IF EXISTS ${quoteIdent(t.staging)}; DROP TABLE IF EXISTS ${c}`;
}

/** The (r, p, measure) keys of `coded` given more than once. */
export function duplicateObservationsSql(coded: string): string {
  return `SELECT r, p, measure FROM ${quoteIdent(coded)} GROUP BY r, p, measure HAVING count(*) > 1`;
}

/**
 * Replaces the observations and pairs from `coded`: every observed pair × every observed measure of the plan (table
 * `bm`), sorted, so that a what-if's join on a few regions skips most of the table (DuckDB's zone maps); drops `coded`
 * and the staging table. Returns the number of rows loaded.
 */
export function storeObservationsSql(t: ScoringTables, coded: string, bm: string): string {
  const c = quoteIdent(coded);
  return `CREATE OR REPLACE TABLE ${quoteIdent(t.pairs)} AS SELECT DISTINCT r, p FROM ${c} ORDER BY r, p;
CREATE OR REPLACE TABLE ${quoteIdent(t.observations)} AS
SELECT g.r, g.p, b.k, o.value, o.flag FROM ${quoteIdent(t.pairs)} g CROSS JOIN ${quoteIdent(bm)} b
LEFT JOIN ${c} o ON o.r = g.r AND o.p = g.p AND o.k = b.k
ORDER BY g.r, g.p, b.k;
DELETE FROM ${quoteIdent(t.cache)}`;
}

/** Drops the staging table, `coded` and `codes`. */
export function dropStagingSql(t: ScoringTables, coded: string, codes: string): string {
  return [coded, t.staging, codes].map((name) => `DROP TABLE IF EXISTS ${quoteIdent(name)}`).join("; ");
}

/** Replaces the sub-units (DML: prepared statements stay valid). */
export function setSubunitsSql(
  table: string,
  rows: {r: number; parent: number; weight: number; depth: number}[]
): string {
  const del = `DELETE FROM ${quoteIdent(table)}`;
  if (!rows.length) return del;
  return `${del}; INSERT INTO ${quoteIdent(table)} SELECT unnest(${listSql(
    rows.map((x) => x.r),
    "INTEGER"
  )}), unnest(${listSql(
    rows.map((x) => x.parent),
    "INTEGER"
  )}), unnest(${listSql(
    rows.map((x) => x.weight),
    "DOUBLE"
  )}), unnest(${listSql(
    rows.map((x) => x.depth),
    "INTEGER"
  )})`;
}

/** Drops the engine's tables. */
export function dropTablesSql(t: ScoringTables): string {
  return [t.observations, t.pairs, t.subunits, t.ids, t.cache, t.staging, ...Object.values(t.inputs)]
    .map((name) => `DROP TABLE IF EXISTS ${quoteIdent(name)}`)
    .join("; ");
}
