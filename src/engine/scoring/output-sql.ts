/**
 * The statements that score (part of the one SQL builder): the cache fill and the output statement. One output
 * statement answers one engine call: leaf rows from the baseline cache (rescoring only the pairs a scenario's values
 * touch) or scored afresh (a scenario that changes weights or targets; the columnar full scoring), then sub-units rolled
 * up into their parents, then ranks within the peer group. Every varying input is a row of a small input table, so the
 * engine PREPAREs each statement shape once and only EXECUTEs it afterwards (DuckDB's planning costs far more than
 * scoring). The value overrides of a what-if, which change on every call, are EXECUTE parameters instead (typed lists),
 * so that a what-if is one statement. Results are columns of numbers (integer codes, NaN for a missing value), never
 * text, so that they cross from DuckDB to JavaScript as typed arrays.
 */
import {quoteIdent} from "../db/database.js";
import type {ScoringPlan} from "../methodology/plan.js";
import {leafRowsSql} from "./leaf-sql.js";
import type {PlanTables} from "./plan-sql.js";
import {listSql, type ScoringTables} from "./tables-sql.js";

/** The value overrides of an output statement (one per pair and measure) and the (r, p) pairs they touch. */
export interface Overrides {
  /** r, p, k, value */
  overrides: [number[], number[], number[], (number | null)[]];
  /** r, p */
  pairs: [number[], number[]];
}

const OVERRIDE_TYPES = ["INTEGER", "SMALLINT", "SMALLINT", "DOUBLE"];
const PAIR_TYPES = ["INTEGER", "SMALLINT"];

/**
 * The EXECUTE parameters of an output statement with overrides, as typed list literals (exactly the types the statement
 * declares, so DuckDB never re-binds it): $1–$4 the overrides' r, p, k, value; on the cached path also $5–$6 the pairs'
 * r and p.
 */
export function overrideParams(shape: OutputShape, o: Overrides): string[] {
  if (!shape.overrides) return [];
  const ov = OVERRIDE_TYPES.map((type, i) => listSql(o.overrides[i], type));
  return shape.fresh ? ov : [...ov, ...PAIR_TYPES.map((type, i) => listSql(o.pairs[i], type))];
}

/** The shape of an output statement (what is fixed when it is prepared); the rest are its parameters. */
export interface OutputShape {
  /** Score every pair from scratch with the plan (weights/targets changed; full scoring), or take the baseline cache. */
  fresh: boolean;
  /** Cached path: the cache holds other pairs too, so filter it by the leaves and periods. */
  subset: boolean;
  /** Fresh path: the leaves × periods are exactly the observed pairs (so no join with them is needed). */
  everyPair: boolean;
  /** The peers are exactly the leaves and nothing is rolled up (so no join with the peers is needed). */
  peersAreLeaves: boolean;
  /** Whether value overrides are applied (pairs they touch are rescored). */
  overrides: boolean;
  /** Whether a node has the "fail" missing policy (failed rows are then looked for and returned, kind 2). */
  failable: boolean;
  /** Highest roll-up depth among the sub-units (0 = none). */
  rollupDepth: number;
  /** Return measure rows (kind 0, with their raw value). */
  measures: boolean;
  /** Filter node rows by the codes in the nodes input. */
  nodeFilter: boolean;
  /**
   * The heights of the nodes in the nodes input, when no measure rows are returned and no node can fail: pairs scored
   * in the statement then score no height above them and keep only their rows. Null: score every height.
   */
  heights: number[] | null;
}

/** The columns of an output statement's result, in order: see {@link outputSql}. */
export function outputColumns(shape: OutputShape): string[] {
  return [
    ...(shape.measures || shape.failable ? ["kind"] : []),
    "r",
    "p",
    "k",
    ...(shape.measures ? ["raw"] : []),
    "score",
    "coverage",
    "rank"
  ];
}

/** Appends the baseline rows of the pairs in the pairs input (none cached yet) to the cache, node rows by code. */
export function fillCacheSql(plan: ScoringPlan, planTables: PlanTables, tables: ScoringTables): string {
  return `INSERT INTO ${quoteIdent(tables.cache)}
WITH grid AS (SELECT r, p FROM ${quoteIdent(tables.inputs.pairs)}),
${leafRowsSql(plan, planTables, tables)}
SELECT kind, r, p, k, raw, score, coverage, failed FROM leafrows ORDER BY kind, k, r, p`;
}

/**
 * The output statement. Reads the leaves, periods, peers and nodes inputs, and with `overrides` the parameters of
 * {@link overrideParams} (overrides already resolved per pair: a period-specific override beats one for every period;
 * leaves only). Returns the columns of {@link outputColumns}: kind (0 measure, 1 node, 2 a node that failed its "fail"
 * policy), r, p, k, raw, score, coverage (NaN when missing) and rank (0 when none), in no particular order.
 * `codes` is the number of measure and node codes (ranks are partitioned by period × code as one integer).
 * Rows not returned are dropped as early as possible: a roll-up or a rank only ever combines rows of the same code.
 */
export function outputSql(
  plan: ScoringPlan,
  planTables: PlanTables,
  tables: ScoringTables,
  shape: OutputShape,
  codes: number
): string {
  const ctes: string[] = [];
  const keep = (a: string) =>
    `(${shape.measures ? `${a}.kind = 0 OR ` : ""}${shape.nodeFilter ? `(${a}.kind = 1 AND ${a}.k IN (SELECT k FROM nodes))` : `${a}.kind = 1`})`;
  const input = tables.inputs;
  ctes.push(`periods AS (SELECT p FROM ${quoteIdent(input.periods)})`);
  if (shape.nodeFilter) ctes.push(`nodes AS (SELECT k FROM ${quoteIdent(input.nodes)})`);
  ctes.push(`leaves AS (SELECT r FROM ${quoteIdent(input.leaves)})`);
  if (shape.overrides) {
    const cols = ["r", "p", "k", "value"].map((c, i) => `unnest($${i + 1}::${OVERRIDE_TYPES[i]}[]) AS ${c}`);
    ctes.push(`ovp AS (SELECT ${cols.join(", ")})`);
  }
  const fails: string[] = [];
  const columns = "kind, r, p, k, raw, score, coverage";
  if (shape.fresh) {
    ctes.push(`grid AS (SELECT l.r, p.p FROM leaves l CROSS JOIN periods p)`);
    ctes.push(
      leafRowsSql(plan, planTables, tables, {
        overrides: shape.overrides ? "ovp" : null,
        name: "allrows",
        heights: shape.heights,
        everyPair: shape.everyPair
      })
    );
    ctes.push(`leafrows AS (SELECT ${columns} FROM allrows a WHERE ${keep("a")})`);
    fails.push("SELECT r, p, k FROM allrows WHERE failed");
  } else {
    // Cached rows of the pairs not rescored (an explicit ANTI JOIN: NOT EXISTS plans a slower delim join).
    const cache = `${quoteIdent(tables.cache)} c${shape.overrides ? " ANTI JOIN grid g ON g.r = c.r AND g.p = c.p" : ""}`;
    const pairs = shape.subset ? ["c.r IN (SELECT r FROM leaves)", "c.p IN (SELECT p FROM periods)"] : [];
    const where = (cond: string) => [cond, ...pairs].join(" AND ");
    const parts = [`SELECT c.kind, c.r, c.p, c.k, c.raw, c.score, c.coverage FROM ${cache} WHERE ${where(keep("c"))}`];
    fails.push(`SELECT c.r, c.p, c.k FROM ${cache} WHERE ${where("c.failed")}`);
    if (shape.overrides) {
      ctes.push(`grid AS (SELECT unnest($5::${PAIR_TYPES[0]}[]) AS r, unnest($6::${PAIR_TYPES[1]}[]) AS p)`);
      ctes.push(
        leafRowsSql(plan, planTables, tables, {
          overrides: "ovp",
          name: "changed",
          heights: shape.heights,
          compact: true
        })
      );
      parts.push(`SELECT ${columns} FROM changed a WHERE ${keep("a")}`);
      fails.push("SELECT r, p, k FROM changed WHERE failed");
    }
    ctes.push(`leafrows AS (\n  ${parts.join("\n  UNION ALL ")})`);
  }
  let below = "leafrows";
  if (shape.rollupDepth > 0) {
    ctes.push(`sub AS (SELECT r, parent, weight, depth FROM ${quoteIdent(tables.subunits)})`);
    for (let d = 1; d <= shape.rollupDepth; d++) {
      ctes.push(rollupCte(d, below));
      ctes.push(`u${d} AS (SELECT * FROM ${below} UNION ALL SELECT * FROM r${d})`);
      below = `u${d}`;
    }
  }
  const peers = shape.peersAreLeaves ? "" : ` SEMI JOIN ${quoteIdent(input.peers)} q ON q.r = a.r`;
  ctes.push(`outrows AS ${shape.measures ? "MATERIALIZED " : ""}(SELECT a.* FROM ${below} a${peers})`);
  const nan = "'NaN'::DOUBLE";
  const kind = (k: number) => (shape.measures || shape.failable ? `${k}::TINYINT AS kind, ` : "");
  const raw = (x: string) => (shape.measures ? `${x} AS raw, ` : "");
  // Ranks by the one rank rule (rankSql); one integer partition key (period × code) partitions fastest.
  const selects = [
    `SELECT ${kind(1)}r, p, k, ${raw(nan)}coalesce(score, ${nan}) AS score, coalesce(coverage, ${nan}) AS coverage,
  ${rankSql("g")} AS rank
FROM (SELECT *, p::INTEGER * ${codes} + k AS g FROM outrows WHERE kind = 1)`
  ];
  if (shape.measures)
    selects.push(
      `SELECT ${kind(0)}r, p, k, ${raw(`coalesce(raw, ${nan})`)}coalesce(score, ${nan}), ${nan}, 0 FROM outrows WHERE kind = 0`
    );
  if (shape.failable)
    selects.push(`SELECT ${kind(2)}r, p, k, ${raw(nan)}${nan}, ${nan}, 0 FROM (${fails.join(" UNION ALL ")})`);
  return `WITH\n${ctes.join(",\n")}\n${selects.join("\nUNION ALL\n")}`;
}

/**
 * The rank of column `score` within `partition` (the one rank rule of every statement): scores rounded to 1e-9
 * (round(x · 1e9) orders and ties exactly like round(x, 9), without its power of ten per row) so that floating-point
 * noise never splits a tie, ties share the better rank, a missing score gets none (0) and never ranks
 * ahead of a score.
 */
export function rankSql(partition: string): string {
  return `(CASE WHEN score IS NOT NULL THEN rank() OVER (PARTITION BY ${partition} ORDER BY round(score * 1e9) DESC NULLS LAST) ELSE 0 END)::INTEGER`;
}

/** One roll-up step: parents at depth `d` from their sub-units' rows in `below` (sums in sub-unit order). */
function rollupCte(d: number, below: string): string {
  const sum = (term: string) => `list_sum(list_transform(l, lambda x: ${term}))`;
  const wmean = (col: string) =>
    `${sum(`x.w * x.${col}`)} / nullif(${sum(`CASE WHEN x.${col} IS NOT NULL THEN x.w END`)}, 0)`;
  return `r${d} AS (
  SELECT kind, r, p, k, ${wmean("raw")} AS raw, ${wmean("score")} AS score, ${sum("x.w * x.coverage")} / nullif(${sum("x.w")}, 0) AS coverage
  FROM (
    SELECT s.kind, su.parent AS r, s.p, s.k,
      list_sort(list({r: s.r, w: su.weight, raw: s.raw, score: s.score, coverage: s.coverage})) AS l
    FROM ${below} s JOIN sub su ON su.r = s.r AND su.depth = ${d}
    GROUP BY s.kind, su.parent, s.p, s.k))`;
}

/** `PREPARE name AS statement`. */
export function prepareSql(name: string, statement: string): string {
  return `PREPARE ${quoteIdent(name)} AS ${statement}`;
}

/** `EXECUTE name`, with parameters when given. */
export function executeSql(name: string, params: readonly string[] = []): string {
  return `EXECUTE ${quoteIdent(name)}${params.length ? `(${params.join(", ")})` : ""}`;
}

/** `DEALLOCATE` a prepared statement. */
export function deallocateSql(name: string): string {
  return `DEALLOCATE PREPARE ${quoteIdent(name)}`;
}
