/**
 * The scoring of (region, period) pairs (part of the one SQL builder): CTEs that turn the pairs of a `grid` CTE
 * (r, p; defined by the caller) into leaf rows, docs/methodology.md sections 1–4. A pair's rows depend only on that
 * pair's observations, never on other regions, which is what lets the engine cache them. The statement's size depends
 * on the methodology's features and height, never on its number of measures or nodes: those are rows of plan tables.
 */
import {quoteIdent} from "../db/database.js";
import type {ScoringPlan} from "../methodology/plan.js";
import {exactSum, highPart, lowPart} from "./exact-sum.js";
import {AGGREGATION_CODE, METHOD_CODE, POLICY_CODE, type PlanTables} from "./plan-sql.js";

/** Where the observations are (see tables-sql.ts). */
export interface ObservationTables {
  observations: string;
  pairs: string;
}

/**
 * Rows (r, p, k, raw, score) of the measures normalised from `source` (r, p, k, raw, fscore) with the parameters in
 * `params` (docs/methodology.md, "Normalisation"). `x` is the value clamped to [0, ub]; CASEs instead of least/greatest,
 * which cost ten times more per row in duckdb-wasm (measured), with the same result.
 */
function normalisedSql(source: string, params: string, flags: boolean): string {
  const x = `CASE mp.m WHEN ${METHOD_CODE.frontier} THEN (mp.worst - s.raw) / (mp.worst - mp.best)
        WHEN ${METHOD_CODE.target} THEN CASE WHEN mp.higher THEN s.raw / mp.target WHEN s.raw <= 0 THEN mp.cap ELSE mp.target / s.raw END
        WHEN ${METHOD_CODE.expert} THEN s.raw / mp.max END`;
  return `SELECT r, p, k, raw, CASE${flags ? " WHEN fscore IS NOT NULL THEN fscore" : ""} WHEN raw IS NULL THEN NULL
      WHEN m = ${METHOD_CODE.yes_no} THEN CASE WHEN (raw > 0) = higher THEN scale ELSE 0.0 END
      ELSE scale * CASE WHEN x <= 0.0 THEN 0.0 WHEN x >= ub THEN ub ELSE x END END AS score
    FROM (SELECT s.r, s.p, s.k, s.raw, ${flags ? "s.fscore" : "NULL::DOUBLE AS fscore"}, mp.m, mp.scale, mp.higher, mp.ub,
        ${x} AS x
      FROM ${source} s JOIN ${quoteIdent(params)} mp ON mp.k = s.k WHERE mp.m IS NOT NULL)`;
}

/** The values of a group's rows in the order of their codes `k` (a deterministic order for floating-point sums). */
const INPUTS = (value: string) =>
  `list_transform(list_sort(list({k: ${value.split(".")[0]}.k, v: ${value}})), lambda x: x.v)`;

/** The score of a node from its child statistics in `a` (docs/methodology.md, "Aggregation"). */
function aggregateSql(geometric: boolean): string {
  // The weighted mean over weight `w`: arithmetic, or geometric (0 when a weighted child scores 0, or is missing and
  // counts as 0 under the "zero" policy).
  const mean = (sum: string, w: string, zero: string) =>
    geometric
      ? `WHEN a.agg = ${AGGREGATION_CODE.arithmetic} THEN ${sum} / ${w} WHEN ${zero} THEN 0.0 ELSE exp(a.wl / ${w})`
      : `ELSE ${sum} / ${w}`;
  return `CASE
      WHEN a.n_av = 0 OR a.coverage < a.mincov THEN NULL
      WHEN a.policy = ${POLICY_CODE.fail} AND a.n_av < a.n_all THEN NULL
      WHEN a.policy = ${POLICY_CODE.zero} THEN CASE
        WHEN a.w_all = 0 THEN NULL ${mean("coalesce(a.ws_av, 0.0)", "a.w_all", "a.zero_av OR a.missing_w")} END
      ELSE CASE
        WHEN a.w_av = 0 THEN NULL ${mean("a.ws_av", "a.w_av", "a.zero_av")} END
    END`;
}

/**
 * Child statistics of the nodes of height `h` from the rows (r, p, k, score) of `children`: n_av, w_av, ws_av and,
 * with geometric nodes, zero_av, missing_w and wl, plus the node's agg, policy, mincov, n_all and w_all. A node with
 * one child needs no grouping: its statistics are that child's row. The others are grouped once, with exact sums
 * (exact-sum.ts) so that no sum depends on the order DuckDB adds in.
 */
function statsSql(h: number, children: string, t: PlanTables, geometric: boolean, kinds: NodeKinds): string {
  const single = `SELECT c.r, c.p, e.node AS k, e.agg, e.policy, e.mincov, 1 AS n_all, e.weight AS w_all,
      (c.score IS NOT NULL)::INTEGER AS n_av, CASE WHEN c.score IS NOT NULL THEN e.weight ELSE 0.0 END AS w_av,
      e.weight * c.score AS ws_av${
        geometric
          ? `, coalesce(e.weight > 0 AND c.score = 0, false) AS zero_av,
      coalesce(e.weight > 0 AND c.score IS NULL, false) AS missing_w,
      CASE WHEN e.weight > 0 AND c.score > 0 THEN e.weight * ln(c.score) END AS wl`
          : ""
      }
    FROM ${children} c JOIN ${quoteIdent(t.ed)} e ON e.child = c.k AND e.height = ${h} AND e.single`;
  // Terms, then their high and low parts (exact-sum.ts), each computed once.
  const terms = `SELECT c.r, c.p, e.node AS k, c.score AS s, e.weight AS w,
        CASE WHEN c.score IS NOT NULL THEN e.w_hi END AS w_hi, CASE WHEN c.score IS NOT NULL THEN e.w_lo END AS w_lo,
        e.weight * c.score AS ws${geometric ? ", CASE WHEN e.weight > 0 AND c.score > 0 THEN e.weight * ln(c.score) END AS wl" : ""}
      FROM ${children} c JOIN ${quoteIdent(t.ed)} e ON e.child = c.k AND e.height = ${h} AND NOT e.single`;
  const parts = (x: string) => `${highPart(x)} AS ${x}_hi`;
  const split = `SELECT *, ${lowPart("ws", "ws_hi")} AS ws_lo${geometric ? `, ${lowPart("wl", "wl_hi")} AS wl_lo` : ""}
      FROM (SELECT *, ${parts("ws")}${geometric ? `, ${parts("wl")}` : ""} FROM (${terms}))`;
  const grouped = `SELECT g.r, g.p, g.k, n.agg, n.policy, n.mincov, n.n_all, n.w_all, g.n_av, g.w_av, g.ws_av${
    geometric ? ", g.zero_av, g.missing_w, g.wl" : ""
  }
    FROM (SELECT r, p, k, count(s) AS n_av, coalesce(${exactSum("w_hi", "w_lo")}, 0.0) AS w_av,
        ${exactSum("ws_hi", "ws_lo")} AS ws_av${
          geometric
            ? `, coalesce(bool_or(w > 0 AND s = 0), false) AS zero_av,
        coalesce(bool_or(w > 0 AND s IS NULL), false) AS missing_w, ${exactSum("wl_hi", "wl_lo")} AS wl`
            : ""
        }
      FROM (${split}) GROUP BY r, p, k) g
    JOIN ${quoteIdent(t.nd)} n ON n.k = g.k`;
  return [kinds.single ? single : null, kinds.grouped ? grouped : null].filter(Boolean).join("\n    UNION ALL\n    ");
}

/** Whether a height has nodes with a single child, and nodes with several. */
interface NodeKinds {
  single: boolean;
  grouped: boolean;
}

/** The nodes of height `h`: statistics of their children's rows in `children`, then score, coverage and failure. */
function nodeLevelCte(
  h: number,
  children: string,
  t: PlanTables,
  forcing: boolean,
  geometric: boolean,
  kinds: NodeKinds
): string {
  const score = aggregateSql(geometric);
  return `n${h} AS MATERIALIZED (
  SELECT a.r, a.p, a.k, a.coverage,
    ${forcing ? `coalesce(f.fscore, ${score})` : score} AS score,
    (${forcing ? "f.fscore IS NULL AND " : ""}a.policy = ${POLICY_CODE.fail} AND a.n_av < a.n_all) AS failed
  FROM (SELECT *, CASE WHEN w_all > 0 THEN w_av / w_all ELSE n_av / n_all END AS coverage FROM (
    ${statsSql(h, children, t, geometric, kinds)})) a${forcing ? "\n  LEFT JOIN forced f ON f.r = a.r AND f.p = a.p AND f.k = a.k" : ""})`;
}

/** The heights of the children of the nodes of each height (0 = measures), and which kinds of node each height has. */
function heightsOf(plan: ScoringPlan): {below: Map<number, Set<number>>; kinds: Map<number, NodeKinds>} {
  const height = new Map(plan.nodes.map((n) => [n.node, n.height]));
  const below = new Map<number, Set<number>>();
  const children = new Map<string, number>();
  for (const e of plan.edges) {
    const h = height.get(e.node)!;
    if (!below.has(h)) below.set(h, new Set());
    below.get(h)!.add(height.get(e.child) ?? 0);
    children.set(e.node, (children.get(e.node) ?? 0) + 1);
  }
  const kinds = new Map<number, NodeKinds>();
  for (const n of plan.nodes) {
    const k = kinds.get(n.height) ?? {single: false, grouped: false};
    if (children.get(n.node) === 1) k.single = true;
    else k.grouped = true;
    kinds.set(n.height, k);
  }
  return {below, kinds};
}

/** Options of {@link leafRowsSql}. */
export interface LeafOptions {
  /** The CTE of value overrides per pair (r, p, k, value); none by default. */
  overrides?: string | null;
  /** The name of the last CTE (default "leafrows"). */
  name?: string;
  /** Only the node rows of these heights, and no height above them scored (default: every row, every height). */
  heights?: readonly number[] | null;
  /** The grid is exactly the observed pairs: score the whole observations table, no join with the grid. */
  everyPair?: boolean;
}

/**
 * CTEs scoring the pairs of CTE `grid` (r, p) with a plan; the last one holds the leaf rows (kind 0 measure or 1 node,
 * r, p, k, raw, score, coverage, failed).
 */
export function leafRowsSql(
  plan: ScoringPlan,
  t: PlanTables,
  obs: ObservationTables,
  options: LeafOptions = {}
): string {
  const {overrides = null, name = "leafrows", heights = null, everyPair = false} = options;
  const flags = plan.flags.length > 0;
  const forcing = plan.forcing.length > 0;
  const geometric = plan.nodes.some((n) => n.aggregate === "geometric");
  const ctes: string[] = [];
  const ov = (alias: string, k: string) =>
    overrides ? `\n    LEFT JOIN ${overrides} v ON v.r = ${alias}.r AND v.p = ${alias}.p AND v.k = ${k}` : "";
  const raw = (value: string) => (overrides ? `CASE WHEN v.k IS NOT NULL THEN v.value ELSE ${value} END` : value);
  const flagCols = !flags
    ? ""
    : overrides
      ? ", CASE WHEN v.k IS NULL THEN fl.fscore END AS fscore, CASE WHEN v.k IS NULL THEN o.flag END AS flag"
      : ", fl.fscore, o.flag";
  // Observed pairs from the observations (a row per observed measure); pairs never observed get NULL rows.
  const observed = `SELECT o.r, o.p, o.k, ${raw("o.value")} AS raw${flagCols}
    FROM ${quoteIdent(obs.observations)} o${everyPair ? "" : " JOIN grid g ON g.r = o.r AND g.p = o.p"}${
      flags ? `\n    LEFT JOIN ${quoteIdent(t.fl)} fl ON fl.flag = o.flag` : ""
    }${ov("o", "o.k")}`;
  const base = everyPair
    ? observed
    : `${observed}
    UNION ALL
    SELECT u.r, u.p, b.k, ${raw("NULL::DOUBLE")} AS raw${flags ? ", NULL::DOUBLE AS fscore, NULL::VARCHAR AS flag" : ""}
    FROM (SELECT * FROM grid ANTI JOIN ${quoteIdent(obs.pairs)} q ON q.r = grid.r AND q.p = grid.p) u
    CROSS JOIN ${quoteIdent(t.bm)} b${ov("u", "b.k")}`;
  const reused = plan.rawDerived.length > 0 || forcing;
  ctes.push(`base AS ${reused ? "MATERIALIZED" : "NOT MATERIALIZED"} (\n    ${base})`);
  const measureScores = [normalisedSql("base", t.bm, flags)];
  if (plan.rawDerived.length) {
    measureScores.push(
      normalisedSql(
        `(SELECT b.r, b.p, rd.k,
      CASE WHEN count(b.raw) = count(*) THEN CASE WHEN any_value(rd.op) = 'sum' THEN list_sum(${INPUTS("b.raw")}) ELSE list_avg(${INPUTS("b.raw")}) END END AS raw,
      ${flags ? "min(b.fscore)" : "NULL::DOUBLE"} AS fscore
    FROM base b JOIN ${quoteIdent(t.rd)} rd ON rd.input = b.k GROUP BY b.r, b.p, rd.k)`,
        t.mp,
        flags
      )
    );
  }
  ctes.push(`ms AS MATERIALIZED (\n  ${measureScores.join("\n  UNION ALL\n  ")})`);
  if (forcing) {
    ctes.push(`forced AS MATERIALIZED (
  SELECT b.r, b.p, fm.target AS k, min(b.fscore) AS fscore
  FROM base b JOIN ${quoteIdent(t.fm)} fm ON fm.k = b.k AND fm.flag = b.flag GROUP BY b.r, b.p, fm.target)`);
  }
  if (plan.scoreDerived.length) {
    ctes.push(`scored AS MATERIALIZED (
  SELECT r, p, k, raw, score FROM ms
  UNION ALL
  SELECT s.r, s.p, s.k, NULL::DOUBLE AS raw, ${forcing ? "coalesce(f.fscore, s.score)" : "s.score"} AS score FROM (
    SELECT ms.r, ms.p, sd.k, CASE WHEN count(ms.score) = count(*) THEN list_avg(${INPUTS("ms.score")}) END AS score
    FROM ms JOIN ${quoteIdent(t.sd)} sd ON sd.input = ms.k GROUP BY ms.r, ms.p, sd.k) s${
      forcing ? "\n  LEFT JOIN forced f ON f.r = s.r AND f.p = s.p AND f.k = s.k" : ""
    })`);
  } else {
    ctes.push(`scored AS (SELECT * FROM ms)`);
  }
  const {below, kinds} = heightsOf(plan);
  const top = heights ? Math.max(0, ...heights) : plan.maxHeight;
  for (let h = 1; h <= top; h++) {
    // Only the heights the children of this height's nodes have (0 = measures).
    const from = [...(below.get(h) ?? [0])].sort().map((c) => (c === 0 ? "scored" : `n${c}`));
    const children =
      from.length === 1 ? from[0] : `(${from.map((c) => `SELECT r, p, k, score FROM ${c}`).join(" UNION ALL ")})`;
    ctes.push(nodeLevelCte(h, children, t, forcing, geometric, kinds.get(h) ?? {single: false, grouped: true}));
  }
  const nodeRows = (h: number) =>
    `SELECT 1::TINYINT AS kind, r, p, k, NULL::DOUBLE AS raw, score, coverage, failed FROM n${h}`;
  const rows = heights
    ? [...new Set(heights)].sort((a, b) => a - b).map(nodeRows)
    : [
        `SELECT 0::TINYINT AS kind, r, p, k, raw, score, NULL::DOUBLE AS coverage, false AS failed FROM scored`,
        ...Array.from({length: plan.maxHeight}, (_, i) => nodeRows(i + 1))
      ];
  ctes.push(`${name} AS (\n  ${rows.join("\n  UNION ALL\n  ")})`);
  return ctes.join(",\n");
}
