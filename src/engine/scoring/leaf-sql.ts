/**
 * The scoring of (region, period) pairs (part of the one SQL builder): CTEs that turn the pairs of a `grid` CTE
 * (r, p; defined by the caller) into leaf rows, docs/methodology.md sections 1–4. A pair's rows depend only on that
 * pair's observations, never on other regions, which is what lets the engine cache them. The statement's size depends
 * on the methodology's features and height, never on its number of measures or nodes: those are rows of plan tables.
 */
import {quoteIdent} from "../db/database.js";
import type {MeasureParams, ScoringPlan} from "../methodology/plan.js";
import {nodeLevelCtes, planFeatures, type Features} from "./node-sql.js";
import {METHOD_CODE, type PlanTables} from "./plan-sql.js";

/** Where the observations are (see tables-sql.ts). */
export interface ObservationTables {
  observations: string;
  pairs: string;
}

/**
 * Rows (r, p, k, raw, score) of the measures normalised from `source` (r, p, k, raw, fscore) with the parameters in
 * `params` (docs/methodology.md, "Normalisation"); only the methods the plan uses are tested for. `x` is the value
 * clamped to [0, ub]; CASEs instead of least/greatest, which cost ten times more per row in duckdb-wasm (measured), with
 * the same result.
 */
function normalisedSql(source: string, params: string, f: Features): string {
  const formula: Record<Exclude<MeasureParams["method"], "yes_no">, string> = {
    frontier: "(mp.worst - s.raw) / (mp.worst - mp.best)",
    target: "CASE WHEN mp.higher THEN s.raw / mp.target WHEN s.raw <= 0 THEN mp.cap ELSE mp.target / s.raw END",
    expert: "s.raw / mp.max"
  };
  const clamped = (Object.keys(formula) as (keyof typeof formula)[]).filter((m) => f.methods.has(m));
  const x =
    clamped.length === 1
      ? formula[clamped[0]]
      : `CASE mp.m ${clamped.map((m) => `WHEN ${METHOD_CODE[m]} THEN ${formula[m]}`).join("\n        ")} END`;
  const yesNo = "CASE WHEN (raw > 0) = higher THEN scale ELSE 0.0 END";
  // A frontier with a power raises the clamped distance to it (0 and 1 are fixed points, so only the inside).
  const clamp = `scale * CASE WHEN x <= 0.0 THEN 0.0 WHEN x >= ub THEN ub ${f.powers ? "WHEN pw IS NOT NULL THEN pow(x, pw) " : ""}ELSE x END`;
  const score = !clamped.length
    ? yesNo
    : f.methods.has("yes_no")
      ? `CASE WHEN m = ${METHOD_CODE.yes_no} THEN ${yesNo} ELSE ${clamp} END`
      : clamp;
  // A removed measure (a flag with `remove`) has no score, whatever its value, and says so in column rm.
  return `SELECT r, p, k, raw, CASE${f.removal ? " WHEN rm THEN NULL" : ""}${f.flags ? " WHEN fscore IS NOT NULL THEN fscore" : ""} WHEN raw IS NULL THEN NULL
      ELSE ${score} END AS score${f.removal ? ", rm" : ""}
    FROM (SELECT s.r, s.p, s.k, s.raw, ${f.flags ? "s.fscore" : "NULL::DOUBLE AS fscore"},${f.removal ? " coalesce(s.rm, false) AS rm," : ""} mp.m, mp.scale, mp.higher, mp.ub,${f.powers ? " mp.power AS pw," : ""}
        ${clamped.length ? x : "NULL::DOUBLE"} AS x
      FROM ${source} s JOIN ${quoteIdent(params)} mp ON mp.k = s.k WHERE mp.m IS NOT NULL)`;
}

/** The values of a group's rows in the order of their codes `k` (a deterministic order for floating-point sums). */
const INPUTS = (value: string) =>
  `list_transform(list_sort(list({k: ${value.split(".")[0]}.k, v: ${value}})), lambda x: x.v)`;

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
  /**
   * The grid holds a few pairs (a what-if's): fewer operators at a higher cost per row (grid × measures joined to the
   * observations; every node grouped). Same results either way; the fixed cost of each operator dominates small
   * statements in duckdb-wasm.
   */
  compact?: boolean;
  /** The grid's column holding the region whose observations a pair reads (default "r"; a scenario batch's virtual pairs). */
  source?: string;
  /** Stop at the measure rows: the last CTE holds (r, p, k, score) of every measure, no node is scored. */
  measuresOnly?: boolean;
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
  const {overrides = null, name = "leafrows", heights = null, everyPair = false, compact = false} = options;
  const {source = "r", measuresOnly = false} = options;
  const f = planFeatures(plan);
  const {flags, forcing, removal} = f;
  const ctes: string[] = [];
  const ov = (alias: string, k: string) =>
    overrides ? `\n    LEFT JOIN ${overrides} v ON v.r = ${alias}.r AND v.p = ${alias}.p AND v.k = ${k}` : "";
  const raw = (value: string) => (overrides ? `CASE WHEN v.k IS NOT NULL THEN v.value ELSE ${value} END` : value);
  const flagCols = !flags
    ? ""
    : overrides
      ? `, CASE WHEN v.k IS NULL THEN fl.fscore END AS fscore, CASE WHEN v.k IS NULL THEN o.flag END AS flag${removal ? ", CASE WHEN v.k IS NULL THEN fl.rm END AS rm" : ""}`
      : `, fl.fscore, o.flag${removal ? ", fl.rm" : ""}`;
  // Every pair's observed measures, a NULL value where a pair has no observation. Compact: grid × measures joined to the
  // observations; else the observations' own rows (they hold every observed pair's measures) and NULL rows for pairs
  // never observed.
  const fl = flags ? `\n    LEFT JOIN ${quoteIdent(t.fl)} fl ON fl.flag = o.flag` : "";
  const observed = `SELECT o.r, o.p, o.k, ${raw("o.value")} AS raw${flagCols}
    FROM ${quoteIdent(obs.observations)} o${everyPair ? "" : " JOIN grid g ON g.r = o.r AND g.p = o.p"}${fl}${ov("o", "o.k")}`;
  const base = compact
    ? `SELECT g.r, g.p, b.k, ${raw("o.value")} AS raw${flagCols}
    FROM grid g CROSS JOIN ${quoteIdent(t.bm)} b
    LEFT JOIN ${quoteIdent(obs.observations)} o ON o.r = g.${source} AND o.p = g.p AND o.k = b.k${fl}${ov("g", "b.k")}`
    : everyPair
      ? observed
      : `${observed}
    UNION ALL
    SELECT u.r, u.p, b.k, ${raw("NULL::DOUBLE")} AS raw${flags ? ", NULL::DOUBLE AS fscore, NULL::VARCHAR AS flag" : ""}${removal ? ", NULL::BOOLEAN AS rm" : ""}
    FROM (SELECT * FROM grid ANTI JOIN ${quoteIdent(obs.pairs)} q ON q.r = grid.r AND q.p = grid.p) u
    CROSS JOIN ${quoteIdent(t.bm)} b${ov("u", "b.k")}`;
  const reused = plan.rawDerived.length > 0 || forcing;
  ctes.push(`base AS ${reused ? "MATERIALIZED" : "NOT MATERIALIZED"} (\n    ${base})`);
  const measureScores = [normalisedSql("base", t.bm, f)];
  if (plan.rawDerived.length) {
    measureScores.push(
      normalisedSql(
        `(SELECT b.r, b.p, rd.k,
      CASE WHEN count(b.raw) = count(*) THEN CASE WHEN any_value(rd.op) = 'sum' THEN list_sum(${INPUTS("b.raw")}) ELSE list_avg(${INPUTS("b.raw")}) END END AS raw,
      ${flags ? "min(b.fscore)" : "NULL::DOUBLE"} AS fscore${removal ? ", bool_or(b.rm) AS rm" : ""}
    FROM base b JOIN ${quoteIdent(t.rd)} rd ON rd.input = b.k GROUP BY b.r, b.p, rd.k)`,
        t.mp,
        f
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
  SELECT r, p, k, raw, score${removal ? ", rm" : ""} FROM ms
  UNION ALL
  SELECT s.r, s.p, s.k, NULL::DOUBLE AS raw, ${forcing ? "coalesce(f.fscore, s.score)" : "s.score"} AS score${
    !removal ? "" : forcing ? ", s.rm AND f.fscore IS NULL AS rm" : ", s.rm"
  } FROM (
    SELECT ms.r, ms.p, sd.k, ${
      // The mean of the inputs that exist (list_avg skips the NULL scores of removed ones); removed when all are.
      removal
        ? `CASE WHEN count(ms.score) = count(*) FILTER (WHERE NOT ms.rm) THEN list_avg(${INPUTS("ms.score")}) END AS score, bool_and(ms.rm) AS rm`
        : `CASE WHEN count(ms.score) = count(*) THEN list_avg(${INPUTS("ms.score")}) END AS score`
    }
    FROM ms JOIN ${quoteIdent(t.sd)} sd ON sd.input = ms.k GROUP BY ms.r, ms.p, sd.k) s${
      forcing ? "\n  LEFT JOIN forced f ON f.r = s.r AND f.p = s.p AND f.k = s.k" : ""
    })`);
  } else {
    ctes.push(`scored AS (SELECT * FROM ms)`);
  }
  if (measuresOnly) {
    ctes.push(`${name} AS (SELECT r, p, k, score FROM scored)`);
    return ctes.join(",\n");
  }
  ctes.push(...nodeLevelCtes(t, f, heights ? Math.max(0, ...heights) : plan.maxHeight, !compact));
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
