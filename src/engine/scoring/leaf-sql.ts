/**
 * The scoring of (region, period) pairs (part of the one SQL builder, used by sql.ts): CTEs that turn the
 * pairs of a `grid` CTE (defined by the caller) into leaf rows, docs/methodology.md sections 1–4. A pair's rows depend
 * only on that pair's observations, never on other regions, which is what lets the engine cache them.
 */
import {quoteIdent} from "../db/database.js";
import type {ScoringPlan} from "../methodology/plan.js";
import type {PlanTables} from "./plan-sql.js";

/** The normalised score of `r.raw` from the parameters in `mp` (docs/methodology.md, "Normalisation"). */
const NORMALISE = `CASE mp.method
      WHEN 'frontier' THEN mp.scale * greatest(0.0, least(1.0, (mp.worst - r.raw) / (mp.worst - mp.best)))
      WHEN 'target' THEN mp.scale * greatest(0.0, least(mp.cap,
        CASE WHEN mp.higher THEN r.raw / mp.target WHEN r.raw <= 0 THEN mp.cap ELSE mp.target / r.raw END))
      WHEN 'expert' THEN mp.scale * greatest(0.0, least(1.0, r.raw / mp.max))
      ELSE CASE WHEN (r.raw > 0) = mp.higher THEN mp.scale ELSE 0.0 END
    END`;

/** The values of a group's rows in the order of their ids `k` (a deterministic order for floating-point sums). */
const INPUTS = (value: string) =>
  `list_transform(list_sort(list({k: ${value.split(".")[0]}.k, v: ${value}})), lambda x: x.v)`;

/** The score of a node from its child statistics in `a` (docs/methodology.md, "Aggregation"). */
const AGGREGATE = `CASE
      WHEN a.n_av = 0 OR a.coverage < a.mincov THEN NULL
      WHEN a.policy = 'fail' AND a.n_av < a.n_all THEN NULL
      WHEN a.policy = 'zero' THEN CASE
        WHEN a.w_all = 0 THEN NULL
        WHEN a.agg = 'arithmetic' THEN coalesce(a.ws_av, 0.0) / a.w_all
        WHEN a.zero_av OR a.missing_w THEN 0.0
        ELSE exp(a.wl / a.w_all) END
      ELSE CASE
        WHEN a.w_av = 0 THEN NULL
        WHEN a.agg = 'arithmetic' THEN a.ws_av / a.w_av
        WHEN a.zero_av THEN 0.0
        ELSE exp(a.wl / a.w_av) END
    END`;

/**
 * The nodes of height `h`: child statistics from the rows of `children` (one join with the edges), then the score.
 * Every floating-point sum adds in the order of the child ids (sorted lists; an ORDER BY inside the aggregates measured
 * several times slower), so a score never depends on which other regions were scored in the same statement: the
 * cached baseline and a rescored region agree to the last bit.
 */
function nodeLevelCte(h: number, children: string, t: PlanTables, forcing: boolean): string {
  const stats = `SELECT c.region, c.period, e.node AS k, any_value(e.agg) AS agg, any_value(e.policy) AS policy,
      any_value(e.mincov) AS mincov, count(*) AS n_all, count(c.score) AS n_av,
      list_sort(list({k: c.k, w: e.weight, s: c.score})) AS l,
      coalesce(bool_or(e.weight > 0 AND c.score = 0), false) AS zero_av,
      coalesce(bool_or(e.weight > 0 AND c.score IS NULL), false) AS missing_w
    FROM ${children} c JOIN ${quoteIdent(t.ed)} e ON e.child = c.k AND e.height = ${h}
    GROUP BY c.region, c.period, e.node`;
  // list_sum skips NULLs and is NULL when nothing is left, like sum(…) FILTER (WHERE …).
  const sums = `list_sum(list_transform(l, lambda x: x.w)) AS w_all,
      coalesce(list_sum(list_transform(l, lambda x: CASE WHEN x.s IS NOT NULL THEN x.w END)), 0.0) AS w_av,
      list_sum(list_transform(l, lambda x: x.w * x.s)) AS ws_av,
      list_sum(list_transform(l, lambda x: CASE WHEN x.w > 0 AND x.s > 0 THEN x.w * ln(x.s) END)) AS wl`;
  return `n${h} AS MATERIALIZED (
  SELECT a.region, a.period, a.k, a.coverage,
    ${forcing ? `coalesce(f.fscore, ${AGGREGATE})` : AGGREGATE} AS score,
    (${forcing ? "f.fscore IS NULL AND " : ""}a.policy = 'fail' AND a.n_av < a.n_all) AS failed
  FROM (SELECT *, CASE WHEN w_all > 0 THEN w_av / w_all ELSE n_av / n_all END AS coverage FROM (
    SELECT *, ${sums} FROM (
    ${stats}))) a${forcing ? "\n  LEFT JOIN forced f ON f.region = a.region AND f.period = a.period AND f.k = a.k" : ""})`;
}

/** The heights of the children of the nodes of each height (0 = measures). */
function childHeights(plan: ScoringPlan): Map<number, Set<number>> {
  const height = new Map(plan.nodes.map((n) => [n.node, n.height]));
  const out = new Map<number, Set<number>>();
  for (const e of plan.edges) {
    const h = height.get(e.node)!;
    if (!out.has(h)) out.set(h, new Set());
    out.get(h)!.add(height.get(e.child) ?? 0);
  }
  return out;
}

/**
 * CTEs scoring the pairs of CTE `grid` (region, period) with a plan; the last one, `name`, holds the leaf rows
 * (kind 'm' measure or 'n' node, region, period, k, raw, score, coverage, failed). `overrides` names a CTE of value
 * overrides per pair (region, period, k, value), or null. With `heights`, `name` holds only the node rows of those
 * heights, and no height above the highest of them is scored.
 */
export function leafRowsSql(
  plan: ScoringPlan,
  t: PlanTables,
  observations: string,
  overrides: string | null,
  name = "leafrows",
  heights: readonly number[] | null = null
): string {
  const flags = plan.flags.length > 0;
  const forcing = plan.forcing.length > 0;
  const ctes: string[] = [];
  const flagCols = flags
    ? overrides
      ? `CASE WHEN v.k IS NULL THEN fl.fscore END AS fscore, CASE WHEN v.k IS NULL THEN fl.flag END AS flag`
      : `fl.fscore, fl.flag`
    : `NULL::DOUBLE AS fscore, NULL::VARCHAR AS flag`;
  // Observed measures with their normalisation parameters (NULL method: an input of a raw-derived measure only).
  ctes.push(`base AS MATERIALIZED (
  SELECT g.region, g.period, mp.*, ${overrides ? "CASE WHEN v.k IS NOT NULL THEN v.value ELSE o.value END" : "o.value"} AS raw,
    ${flagCols}
  FROM grid g CROSS JOIN ${quoteIdent(t.bm)} mp
  LEFT JOIN ${quoteIdent(observations)} o ON o.region = g.region AND o.period = g.period AND o.k = mp.k${
    flags ? `\n  LEFT JOIN ${quoteIdent(t.fl)} fl ON fl.flag = o.flag` : ""
  }${overrides ? `\n  LEFT JOIN ${overrides} v ON v.region = g.region AND v.period = g.period AND v.k = mp.k` : ""})`);
  const score = `CASE WHEN r.fscore IS NOT NULL THEN r.fscore WHEN r.raw IS NULL THEN NULL ELSE ${NORMALISE} END AS score`;
  const measureScores = [
    `SELECT r.region, r.period, r.k, r.raw, ${score.replaceAll("mp.", "r.")} FROM base r WHERE r.method IS NOT NULL`
  ];
  if (plan.rawDerived.length) {
    measureScores.push(`SELECT r.region, r.period, r.k, r.raw, ${score} FROM (
    SELECT b.region, b.period, rd.k,
      CASE WHEN count(b.raw) = count(*) THEN CASE WHEN any_value(rd.op) = 'sum' THEN list_sum(${INPUTS("b.raw")}) ELSE list_avg(${INPUTS("b.raw")}) END END AS raw,
      min(b.fscore) AS fscore
    FROM base b JOIN ${quoteIdent(t.rd)} rd ON rd.input = b.k GROUP BY b.region, b.period, rd.k) r
  JOIN ${quoteIdent(t.mp)} mp ON mp.k = r.k`);
  }
  ctes.push(`ms AS MATERIALIZED (
  ${measureScores.join("\n  UNION ALL ")})`);
  if (forcing) {
    ctes.push(`forced AS MATERIALIZED (
  SELECT b.region, b.period, fm.target AS k, min(b.fscore) AS fscore
  FROM base b JOIN ${quoteIdent(t.fm)} fm ON fm.k = b.k AND fm.flag = b.flag GROUP BY b.region, b.period, fm.target)`);
  }
  if (plan.scoreDerived.length) {
    ctes.push(`scored AS MATERIALIZED (
  SELECT region, period, k, raw, score FROM ms
  UNION ALL
  SELECT s.region, s.period, s.k, NULL::DOUBLE AS raw, ${forcing ? "coalesce(f.fscore, s.score)" : "s.score"} AS score FROM (
    SELECT ms.region, ms.period, sd.k, CASE WHEN count(ms.score) = count(*) THEN list_avg(${INPUTS("ms.score")}) END AS score
    FROM ms JOIN ${quoteIdent(t.sd)} sd ON sd.input = ms.k GROUP BY ms.region, ms.period, sd.k) s${
      forcing ? "\n  LEFT JOIN forced f ON f.region = s.region AND f.period = s.period AND f.k = s.k" : ""
    })`);
  } else {
    ctes.push(`scored AS (SELECT * FROM ms)`);
  }
  const below = childHeights(plan);
  const top = heights ? Math.max(0, ...heights) : plan.maxHeight;
  for (let h = 1; h <= top; h++) {
    // Only the heights the children of this height's nodes have (0 = measures).
    const from = [...(below.get(h) ?? [0])].sort().map((c) => (c === 0 ? "scored" : `n${c}`));
    const children =
      from.length === 1
        ? from[0]
        : `(${from.map((c) => `SELECT region, period, k, score FROM ${c}`).join(" UNION ALL ")})`;
    ctes.push(nodeLevelCte(h, children, t, forcing));
  }
  const nodeRows = (h: number) =>
    `SELECT 'n' AS kind, region, period, k, NULL::DOUBLE AS raw, score, coverage, failed FROM n${h}`;
  const rows = heights
    ? [...new Set(heights)].sort((a, b) => a - b).map(nodeRows)
    : [
        `SELECT 'm' AS kind, region, period, k, raw, score, NULL::DOUBLE AS coverage, false AS failed FROM scored`,
        ...Array.from({length: plan.maxHeight}, (_, i) => nodeRows(i + 1))
      ];
  ctes.push(`${name} AS (
  ${rows.join("\n  UNION ALL ")})`);
  return ctes.join(",\n");
}
