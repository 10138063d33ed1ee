/**
 * THE scoring SQL builder: every statement the engine runs is generated here from a {@link ScoringPlan}.
 * One SELECT scores everything: observed raw values (with scenario overrides merged in) → derived raw values →
 * normalised measure scores → score-derived measures → one CTE per hierarchy height → sub-unit roll-ups →
 * ranks within the peer group. Pages and loaders never write scoring SQL of their own.
 */
import {quoteIdent, quoteString} from "./db.js";
import type {ScoringPlan} from "./methodology-plan.js";
import type {ValueOverride} from "./score-types.js";

/** Table names one engine owns. */
export interface ScoringTables {
  /** region VARCHAR, period VARCHAR, measure VARCHAR, value DOUBLE, flag VARCHAR */
  observations: string;
  /** region VARCHAR, parent VARCHAR, weight DOUBLE, depth INTEGER (roll-up depth of the parent) */
  subunits: string;
}

/** Everything one scoring statement depends on besides the tables. */
export interface ScoringQuery {
  plan: ScoringPlan;
  tables: ScoringTables;
  /** Regions scored from observations; null = every observed region that is not a parent. */
  leaves: readonly string[] | null;
  /** Regions ranked and returned; null = every region that is not a sub-unit. */
  peerGroup: readonly string[] | null;
  /** null = every period in the observations. */
  periods: readonly string[] | null;
  overrides: readonly ValueOverride[];
  /** Highest roll-up depth among the sub-units (0 = none). */
  rollupDepth: number;
  /** Return measure rows. */
  measures: boolean;
  /** Node ids to return; null = all. */
  nodes: readonly string[] | null;
}

/** A row of the scoring statement: kind "m" (measure), "n" (node) or "f" (a node that failed its "fail" policy). */
export type ScoringRow = {
  kind: "m" | "n" | "f";
  region: string;
  period: string;
  id: string;
  raw: number | null;
  score: number | null;
  coverage: number | null;
  rank: number | null;
};

type Literal = string | number | boolean | null;

/** A SQL literal; numbers are written in exponent form, which DuckDB reads as the same DOUBLE (no DECIMAL detour). */
export function sqlLiteral(value: Literal): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return value.toExponential();
  }
  return quoteString(value);
}

/**
 * `name AS (…)`: a typed inline table built from one list per column (`unnest` of list literals binds far
 * faster in DuckDB than a VALUES clause); an empty one still has its columns.
 */
function valuesCte(name: string, columns: [string, string][], rows: Literal[][]): string {
  if (rows.length === 0) return `${name} AS (SELECT ${columns.map(([c, t]) => `NULL::${t} AS ${quoteIdent(c)}`).join(", ")} WHERE false)`;
  const cols = columns.map(([c, t], i) => `unnest([${rows.map((r) => sqlLiteral(r[i])).join(", ")}]::${t}[]) AS ${quoteIdent(c)}`);
  return `${name} AS (SELECT ${cols.join(",\n    ")})`;
}

const list = (items: readonly string[]) => items.map(quoteString).join(", ");

/** The normalised score of `r.raw` from the parameters in `mp` (docs/methodology.md, "Normalisation"). */
const NORMALISE = `CASE mp.method
      WHEN 'frontier' THEN mp.scale * greatest(0.0, least(1.0, (mp.worst - r.raw) / (mp.worst - mp.best)))
      WHEN 'target' THEN mp.scale * greatest(0.0, least(mp.cap,
        CASE WHEN mp.higher THEN r.raw / mp.target WHEN r.raw <= 0 THEN mp.cap ELSE mp.target / r.raw END))
      WHEN 'expert' THEN mp.scale * greatest(0.0, least(1.0, r.raw / mp.max))
      ELSE CASE WHEN (r.raw > 0) = mp.higher THEN mp.scale ELSE 0.0 END
    END`;

/** Child statistics of the nodes of one height, then their score (docs/methodology.md, "Aggregation"). */
function nodeLevelCtes(h: number, children: string): string {
  const stats = `a${h} AS (
  SELECT c.region, c.period, e.node AS id, count(*) AS n_all, count(c.score) AS n_av,
    sum(e.weight) AS w_all,
    coalesce(sum(e.weight) FILTER (WHERE c.score IS NOT NULL), 0.0) AS w_av,
    sum(e.weight * c.score) FILTER (WHERE c.score IS NOT NULL) AS ws_av,
    coalesce(bool_or(e.weight > 0 AND c.score = 0), false) AS zero_av,
    coalesce(bool_or(e.weight > 0 AND c.score IS NULL), false) AS missing_w,
    sum(e.weight * ln(CASE WHEN c.score > 0 THEN c.score END)) FILTER (WHERE e.weight > 0 AND c.score > 0) AS wl
  FROM ${children} c JOIN ed e ON e.child = c.id JOIN nd ON nd.node = e.node AND nd.height = ${h}
  GROUP BY c.region, c.period, e.node)`;
  const score = `n${h} AS (
  SELECT a.region, a.period, a.id, a.coverage,
    coalesce(f.fscore, CASE
      WHEN a.n_av = 0 OR a.coverage < nd.mincov THEN NULL
      WHEN nd.policy = 'fail' AND a.n_av < a.n_all THEN NULL
      WHEN nd.policy = 'zero' THEN CASE
        WHEN a.w_all = 0 THEN NULL
        WHEN nd.agg = 'arithmetic' THEN coalesce(a.ws_av, 0.0) / a.w_all
        WHEN a.zero_av OR a.missing_w THEN 0.0
        ELSE exp(a.wl / a.w_all) END
      ELSE CASE
        WHEN a.w_av = 0 THEN NULL
        WHEN nd.agg = 'arithmetic' THEN a.ws_av / a.w_av
        WHEN a.zero_av THEN 0.0
        ELSE exp(a.wl / a.w_av) END
    END) AS score,
    (f.fscore IS NULL AND nd.policy = 'fail' AND a.n_av < a.n_all) AS failed
  FROM (SELECT *, CASE WHEN w_all > 0 THEN w_av / w_all ELSE n_av / n_all END AS coverage FROM a${h}) a
  JOIN nd ON nd.node = a.id
  LEFT JOIN forced f ON f.region = a.region AND f.period = a.period AND f.id = a.id)`;
  return `${stats},\n${score}`;
}

/** One roll-up step: parents at depth `d` from their sub-units' rows in `below`. */
function rollupCte(d: number, below: string): string {
  const wmean = (col: string) =>
    `sum(su.weight * s.${col}) FILTER (WHERE s.${col} IS NOT NULL) / nullif(sum(su.weight) FILTER (WHERE s.${col} IS NOT NULL), 0)`;
  return `r${d} AS (
  SELECT s.kind, su.parent AS region, s.period, s.id, ${wmean("raw")} AS raw, ${wmean("score")} AS score,
    sum(su.weight * s.coverage) / nullif(sum(su.weight), 0) AS coverage, false AS failed
  FROM ${below} s JOIN sub su ON su.region = s.region AND su.depth = ${d}
  GROUP BY s.kind, su.parent, s.period, s.id)`;
}

/** The one scoring statement; returns {@link ScoringRow}s sorted by kind, region, period, id. */
export function scoringSql(q: ScoringQuery): string {
  const {plan} = q;
  const obs = quoteIdent(q.tables.observations);
  const ctes: string[] = [];
  ctes.push(`sub AS (SELECT region, parent, weight, depth FROM ${quoteIdent(q.tables.subunits)})`);
  ctes.push(q.periods ? valuesCte("periods", [["period", "VARCHAR"]], q.periods.map((p) => [p])) : `periods AS (SELECT DISTINCT period FROM ${obs})`);
  ctes.push(
    q.leaves
      ? valuesCte("leaves", [["region", "VARCHAR"]], q.leaves.map((r) => [r]))
      : `leaves AS (SELECT DISTINCT region FROM ${obs} WHERE region NOT IN (SELECT parent FROM sub))`
  );
  ctes.push(
    q.peerGroup
      ? valuesCte("peers", [["region", "VARCHAR"]], q.peerGroup.map((r) => [r]))
      : `peers AS (SELECT region FROM leaves UNION SELECT parent FROM sub EXCEPT SELECT region FROM sub)`
  );
  ctes.push(valuesCte("bm", [["measure", "VARCHAR"]], plan.observed.map((m) => [m])));
  ctes.push(
    valuesCte(
      "mp",
      [["measure", "VARCHAR"], ["method", "VARCHAR"], ["best", "DOUBLE"], ["worst", "DOUBLE"], ["target", "DOUBLE"], ["cap", "DOUBLE"], ["max", "DOUBLE"], ["scale", "DOUBLE"], ["higher", "BOOLEAN"]],
      plan.params.map((p) => [p.measure, p.method, p.best, p.worst, p.target, p.cap, p.max, p.scale, p.higher])
    )
  );
  ctes.push(valuesCte("rd", [["measure", "VARCHAR"], ["op", "VARCHAR"], ["input", "VARCHAR"]], plan.rawDerived.flatMap((d) => d.of.map((i) => [d.measure, d.op, i]))));
  ctes.push(valuesCte("sd", [["measure", "VARCHAR"], ["input", "VARCHAR"]], plan.scoreDerived.flatMap((d) => d.of.map((i) => [d.measure, i]))));
  ctes.push(valuesCte("fl", [["flag", "VARCHAR"], ["fscore", "DOUBLE"]], plan.flags.map((f) => [f.flag, f.score])));
  ctes.push(valuesCte("fm", [["measure", "VARCHAR"], ["flag", "VARCHAR"], ["target", "VARCHAR"]], plan.forcing.map((f) => [f.measure, f.flag, f.target])));
  ctes.push(valuesCte("ed", [["node", "VARCHAR"], ["child", "VARCHAR"], ["weight", "DOUBLE"]], plan.edges.map((e) => [e.node, e.child, e.weight])));
  ctes.push(
    valuesCte(
      "nd",
      [["node", "VARCHAR"], ["height", "INTEGER"], ["agg", "VARCHAR"], ["policy", "VARCHAR"], ["mincov", "DOUBLE"]],
      plan.nodes.map((n) => [n.node, n.height, n.aggregate, n.missing, n.minCoverage])
    )
  );
  ctes.push(
    valuesCte(
      "ov",
      [["region", "VARCHAR"], ["period", "VARCHAR"], ["measure", "VARCHAR"], ["value", "DOUBLE"]],
      q.overrides.map((o) => [o.region, o.period ?? null, o.measure, o.value])
    )
  );
  ctes.push(`grid AS (SELECT l.region, p.period FROM leaves l CROSS JOIN periods p)`);
  // A period-specific override beats one for every period.
  ctes.push(`ovp AS (
  SELECT ov.region, p.period, ov.measure, ov.value FROM ov JOIN periods p ON ov.period IS NULL OR ov.period = p.period
  QUALIFY row_number() OVER (PARTITION BY ov.region, p.period, ov.measure ORDER BY ov.period IS NULL) = 1)`);
  ctes.push(`base AS MATERIALIZED (
  SELECT g.region, g.period, bm.measure,
    CASE WHEN v.measure IS NOT NULL THEN v.value ELSE o.value END AS raw,
    CASE WHEN v.measure IS NULL THEN fl.fscore END AS fscore,
    CASE WHEN v.measure IS NULL THEN fl.flag END AS flag
  FROM grid g CROSS JOIN bm
  LEFT JOIN ${obs} o ON o.region = g.region AND o.period = g.period AND o.measure = bm.measure
  LEFT JOIN fl ON fl.flag = o.flag
  LEFT JOIN ovp v ON v.region = g.region AND v.period = g.period AND v.measure = bm.measure)`);
  ctes.push(`rawd AS (
  SELECT b.region, b.period, rd.measure,
    CASE WHEN count(b.raw) = count(*) THEN CASE WHEN any_value(rd.op) = 'sum' THEN sum(b.raw) ELSE avg(b.raw) END END AS raw,
    min(b.fscore) AS fscore
  FROM base b JOIN rd ON rd.input = b.measure GROUP BY b.region, b.period, rd.measure)`);
  ctes.push(`ms AS MATERIALIZED (
  SELECT r.region, r.period, r.measure, r.raw,
    CASE WHEN r.fscore IS NOT NULL THEN r.fscore WHEN r.raw IS NULL THEN NULL ELSE ${NORMALISE} END AS score
  FROM (SELECT region, period, measure, raw, fscore FROM base UNION ALL SELECT region, period, measure, raw, fscore FROM rawd) r
  JOIN mp ON mp.measure = r.measure)`);
  ctes.push(`forced AS MATERIALIZED (
  SELECT b.region, b.period, fm.target AS id, min(b.fscore) AS fscore
  FROM base b JOIN fm ON fm.measure = b.measure AND fm.flag = b.flag GROUP BY b.region, b.period, fm.target)`);
  ctes.push(`scored AS MATERIALIZED (
  SELECT region, period, measure AS id, raw, score FROM ms
  UNION ALL
  SELECT s.region, s.period, s.id, NULL::DOUBLE AS raw, coalesce(f.fscore, s.score) AS score FROM (
    SELECT ms.region, ms.period, sd.measure AS id, CASE WHEN count(ms.score) = count(*) THEN avg(ms.score) END AS score
    FROM ms JOIN sd ON sd.input = ms.measure GROUP BY ms.region, ms.period, sd.measure) s
  LEFT JOIN forced f ON f.region = s.region AND f.period = s.period AND f.id = s.id)`);
  let children = "scored";
  for (let h = 1; h <= plan.maxHeight; h++) {
    ctes.push(nodeLevelCtes(h, children));
    ctes.push(`s${h} AS MATERIALIZED (SELECT region, period, id, score FROM ${children} UNION ALL SELECT region, period, id, score FROM n${h})`);
    children = `s${h}`;
  }
  const nodeUnion = Array.from({length: plan.maxHeight}, (_, i) => `SELECT 'n' AS kind, region, period, id, NULL::DOUBLE AS raw, score, coverage, failed FROM n${i + 1}`);
  ctes.push(`leafrows AS MATERIALIZED (
  SELECT 'm' AS kind, region, period, id, raw, score, NULL::DOUBLE AS coverage, false AS failed FROM scored
  UNION ALL ${nodeUnion.join("\n  UNION ALL ")})`);
  let below = "leafrows";
  for (let d = 1; d <= q.rollupDepth; d++) {
    ctes.push(rollupCte(d, below));
    ctes.push(`u${d} AS MATERIALIZED (SELECT * FROM ${below} UNION ALL SELECT * FROM r${d})`);
    below = `u${d}`;
  }
  const keep: string[] = [];
  if (q.measures) keep.push("a.kind = 'm'");
  keep.push(q.nodes ? (q.nodes.length ? `(a.kind = 'n' AND a.id IN (${list(q.nodes)}))` : "false") : "a.kind = 'n'");
  ctes.push(`outrows AS (SELECT a.* FROM ${below} a JOIN peers p ON p.region = a.region WHERE ${keep.join(" OR ")})`);
  // Ranks compare scores rounded to 1e-9 so that floating-point noise never splits a tie.
  return `WITH
${ctes.join(",\n")}
SELECT kind, region, period, id, raw, score, coverage,
  CASE WHEN kind = 'n' AND score IS NOT NULL
    THEN rank() OVER (PARTITION BY kind, period, id, score IS NULL ORDER BY round(score, 9) DESC) END AS rank
FROM outrows
UNION ALL
SELECT * FROM (SELECT 'f' AS kind, region, period, id, NULL::DOUBLE, NULL::DOUBLE, NULL::DOUBLE, NULL::BIGINT
  FROM leafrows WHERE failed ORDER BY region, period, id LIMIT 10)
ORDER BY kind, region, period, id`;
}

/** Normalises a loaded staging table into the observations table (typed columns; `flag` NULL when absent). */
export function createObservationsSql(target: string, staging: string, hasFlag: boolean): string {
  const flag = hasFlag ? "nullif(trim(CAST(flag AS VARCHAR)), '')" : "NULL::VARCHAR";
  return `CREATE OR REPLACE TABLE ${quoteIdent(target)} AS
SELECT CAST(region AS VARCHAR) AS region, CAST(period AS VARCHAR) AS period, CAST(measure AS VARCHAR) AS measure,
  CAST(value AS DOUBLE) AS value, ${flag} AS flag
FROM ${quoteIdent(staging)};
DROP TABLE IF EXISTS ${quoteIdent(staging)}`;
}

/** Lists up to 5 (region, period, measure) keys observed more than once. */
export function duplicateObservationsSql(table: string): string {
  return `SELECT region, period, measure, count(*) AS n FROM ${quoteIdent(table)}
GROUP BY region, period, measure HAVING count(*) > 1 ORDER BY region, period, measure LIMIT 5`;
}

/** Creates (or replaces) the sub-unit table from rows with their parent's roll-up depth. */
export function createSubunitsSql(table: string, rows: {region: string; parent: string; weight: number; depth: number}[]): string {
  const cte = valuesCte(
    "s",
    [["region", "VARCHAR"], ["parent", "VARCHAR"], ["weight", "DOUBLE"], ["depth", "INTEGER"]],
    rows.map((r) => [r.region, r.parent, r.weight, r.depth])
  );
  return `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS WITH ${cte} SELECT * FROM s`;
}

/** Drops the engine's tables. */
export function dropTablesSql(tables: ScoringTables): string {
  return `DROP TABLE IF EXISTS ${quoteIdent(tables.observations)}; DROP TABLE IF EXISTS ${quoteIdent(tables.subunits)}`;
}
