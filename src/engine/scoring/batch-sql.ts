/**
 * Scenarios as a dimension (part of the one SQL builder): one statement scores many scenarios of one request, for
 * reform priority (a scenario per measure), the fewest reforms (a scenario per set) and sensitivity (a scenario per
 * draw of weights).
 *
 * Every (region, period) pair a scenario changes becomes a virtual pair with a code of its own, `v`, which takes the
 * place of the region code in the leaf CTEs (leaf-sql.ts, node-sql.ts); column `src` keeps the region whose
 * observations it reads. A pair whose raw values the scenario overrides is rescored from its observations; a pair that
 * only sees other weights takes its measure rows from the baseline cache (weights never change a measure's score).
 * A scenario's weights are a weight set `w`: the measure and node codes of a virtual pair are offset by w × codes, and
 * the edges of every weight set (the plan's edge table joined with the weights given, split for exact sums exactly as
 * plan-sql.ts splits them) are one table, so the same grouped operators aggregate every scenario at once. The pairs a
 * scenario leaves alone are the cache's rows, and ranks are taken per scenario, period and node.
 */
import {quoteIdent} from "../db/database.js";
import type {ScoringPlan} from "../methodology/plan.js";
import {highPart, lowPart} from "./exact-sum.js";
import {leafRowsSql} from "./leaf-sql.js";
import {nodeLevelCtes, planFeatures} from "./node-sql.js";
import {rankSql} from "./output-sql.js";
import type {PlanTables} from "./plan-sql.js";
import type {ScoringTables} from "./tables-sql.js";

/** The varying inputs of a batch statement, one list per column (EXECUTE parameters). */
export interface BatchInputs {
  /** v, p, k, value: resolved value overrides of the virtual pairs */
  overrides: [number[], number[], number[], (number | null)[]];
  /** v, s, r, p, w, rescore (1 when the pair has overrides): the virtual pairs */
  pairs: [number[], number[], number[], number[], number[], number[]];
  /** w, node, child, weight: every edge of every weight set */
  weights: [number[], number[], number[], number[]];
  /** s: the scenarios */
  scenarios: number[];
}

const TYPES = {
  overrides: ["INTEGER", "SMALLINT", "SMALLINT", "DOUBLE"],
  pairs: ["INTEGER", "INTEGER", "INTEGER", "SMALLINT", "INTEGER", "TINYINT"],
  weights: ["INTEGER", "SMALLINT", "SMALLINT", "DOUBLE"],
  scenarios: ["INTEGER"]
};

/**
 * One column as a text parameter: numbers separated by commas ("N" for a missing value; exponent form, which reads back
 * as the same double). A batch carries tens of thousands of numbers, and DuckDB binds a list literal at about 17 µs an
 * element (measured: sensitivity spent 12 ms a draw on its weights) but splits and casts a string in well under 1 µs.
 */
function textList(values: readonly (number | null)[]): string {
  const item = (x: number | null) => {
    if (x === null) return "N";
    if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
    return Number.isInteger(x) && Math.abs(x) < 2 ** 31 && !Object.is(x, -0) ? String(x) : x.toExponential();
  };
  return `'${values.map(item).join(",")}'`;
}

/** The EXECUTE parameters of a batch statement ($1–$15): one text list per column. */
export function batchParams(inputs: BatchInputs): string[] {
  return [...inputs.overrides, ...inputs.pairs, ...inputs.weights, inputs.scenarios].map(textList);
}

/** The shape of a batch statement (fixed when prepared). */
export interface BatchShape {
  /** The node heights returned (the nodes input filters them further when `nodeFilter`). */
  heights: number[];
  nodeFilter: boolean;
  /** Many virtual pairs: group single-child nodes apart (node-sql.ts; same results either way). */
  split: boolean;
}

/** `SELECT unnest(…$i as a T[]) AS c, …` for consecutive text-list parameters from `first` (see textList). */
function unnestSql(first: number, columns: string[], types: string[]): string {
  const list = (i: number) =>
    `list_transform(list_filter(string_split($${first + i}::VARCHAR, ','), lambda x: x <> ''), lambda x: CASE WHEN x = 'N' THEN NULL ELSE CAST(x AS ${types[i]}) END)`;
  return `SELECT ${columns.map((c, i) => `unnest(${list(i)}) AS ${c}`).join(", ")}`;
}

/**
 * The batch statement: columns s, r, p, k, score and coverage (NaN when missing), rank (0 when none) of the nodes of the requested
 * heights for every leaf region, period and scenario. The plan is the base plan (a batch changes values and weights,
 * never targets); `codes` is the number of measure and node codes.
 */
export function batchSql(
  plan: ScoringPlan,
  t: PlanTables,
  tables: ScoringTables,
  shape: BatchShape,
  codes: number
): string {
  const input = tables.inputs;
  const cache = quoteIdent(tables.cache);
  const nodes = shape.nodeFilter ? " AND c.k IN (SELECT k FROM nodes)" : "";
  const ctes = [
    `periods AS (SELECT p FROM ${quoteIdent(input.periods)})`,
    `leaves AS (SELECT r FROM ${quoteIdent(input.leaves)})`,
    ...(shape.nodeFilter ? [`nodes AS (SELECT k FROM ${quoteIdent(input.nodes)})`] : []),
    `ovp AS (${unnestSql(1, ["r", "p", "k", "value"], TYPES.overrides)})`,
    `vg AS MATERIALIZED (${unnestSql(5, ["v", "s", "r", "p", "w", "rescore"], TYPES.pairs)})`,
    `grid AS (SELECT v AS r, p, r AS src FROM vg WHERE rescore = 1)`,
    leafRowsSql(plan, t, tables, {overrides: "ovp", name: "changed", compact: true, source: "src", measuresOnly: true}),
    `bmeasures AS (
  SELECT vg.v AS r, vg.p, vg.w * ${codes} + c.k AS k, c.score FROM vg JOIN ${cache} c ON c.r = vg.r AND c.p = vg.p
  WHERE vg.rescore = 0 AND c.kind = 0
  UNION ALL
  SELECT c.r, c.p, vg.w * ${codes} + c.k AS k, c.score FROM changed c JOIN vg ON vg.v = c.r)`,
    `bw AS (SELECT *, ${lowPart("weight", "w_hi")} AS w_lo FROM (SELECT *, ${highPart("weight")} AS w_hi FROM (
  ${unnestSql(11, ["w", "node", "child", "weight"], TYPES.weights)})))`,
    `bwall AS MATERIALIZED (SELECT w, node, sum(w_hi) + sum(w_lo) AS w_all FROM bw GROUP BY w, node)`,
    `bed AS MATERIALIZED (
  SELECT bw.w * ${codes} + e.node AS node, bw.w * ${codes} + e.child AS child, bw.weight, bw.w_hi, bw.w_lo, e.height,
    e.single, e.agg, e.policy, e.mincov, e.n_all, a.w_all
  FROM ${quoteIdent(t.ed)} e JOIN bw ON bw.node = e.node AND bw.child = e.child
  JOIN bwall a ON a.w = bw.w AND a.node = e.node)`,
    `bnd AS MATERIALIZED (
  SELECT a.w * ${codes} + n.k AS k, n.agg, n.policy, n.mincov, n.n_all, a.w_all
  FROM ${quoteIdent(t.nd)} n JOIN bwall a ON a.node = n.k)`,
    ...nodeLevelCtes(
      {...t, ed: "bed", nd: "bnd"},
      {...planFeatures(plan), forcing: false},
      Math.max(...shape.heights),
      shape.split,
      "bmeasures"
    ),
    `vnodes AS (
  SELECT vg.s, vg.r, n.p, n.k - vg.w * ${codes} AS k, n.score, n.coverage
  FROM (${shape.heights.map((h) => `SELECT r, p, k, score, coverage FROM n${h}`).join(" UNION ALL ")}) n JOIN vg ON vg.v = n.r)`,
    `allrows AS (
  SELECT s, r, p, k, score, coverage FROM vnodes c WHERE true${nodes}
  UNION ALL
  SELECT x.s, x.r, x.p, x.k, x.score, x.coverage FROM (
    SELECT sc.s, c.r, c.p, c.k, c.score, c.coverage FROM (${unnestSql(15, ["s"], TYPES.scenarios)}) sc CROSS JOIN ${cache} c
    WHERE c.kind = 1${nodes} AND c.r IN (SELECT r FROM leaves) AND c.p IN (SELECT p FROM periods)
  ) x ANTI JOIN vg ON vg.s = x.s AND vg.r = x.r AND vg.p = x.p)`
  ];
  // Ranks per scenario, period and node by the one rank rule (rankSql in output-sql.ts).
  return `WITH\n${ctes.join(",\n")}
SELECT s, r, p, k, coalesce(score, 'NaN'::DOUBLE) AS score, coalesce(coverage, 'NaN'::DOUBLE) AS coverage,
  ${rankSql("s, p, k")} AS rank
FROM allrows`;
}
