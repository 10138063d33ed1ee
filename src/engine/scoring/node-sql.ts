/**
 * Aggregation up the hierarchy (part of the one SQL builder, used by leaf-sql.ts): one CTE per node height, from the
 * rows of the heights below, docs/methodology.md section 4. Only what the methodology uses is generated (a methodology
 * without geometric means or "zero" policies gets no branch for them): the statement grows with features and height,
 * never with the number of nodes.
 */
import {quoteIdent} from "../db/database.js";
import type {Aggregation, MissingPolicy} from "../methodology/methodology.js";
import type {MeasureParams, ScoringPlan} from "../methodology/plan.js";
import {exactSum, highPart, lowPart} from "./exact-sum.js";
import {AGGREGATION_CODE, POLICY_CODE, type PlanTables} from "./plan-sql.js";

/** What a plan uses; scenario plans of a methodology share it (they change weights and targets only). */
export interface Features {
  flags: boolean;
  forcing: boolean;
  /** Some flag removes its measures: rows carry `rm` and nodes count only the children that exist. */
  removal: boolean;
  /** Some frontier has a power (column `power` of the parameters is read). */
  powers: boolean;
  methods: Set<MeasureParams["method"]>;
  aggregations: Set<Aggregation>;
  policies: Set<MissingPolicy>;
  /** Per height: whether it has nodes with a single child, and nodes with several. */
  kinds: Map<number, {single: boolean; grouped: boolean}>;
  /** Per height: the heights of its nodes' children (0 = measures). */
  below: Map<number, Set<number>>;
}

/** The features of a plan. */
export function planFeatures(plan: ScoringPlan): Features {
  const height = new Map(plan.nodes.map((n) => [n.node, n.height]));
  const below = new Map<number, Set<number>>();
  const children = new Map<string, number>();
  for (const e of plan.edges) {
    const h = height.get(e.node)!;
    below.set(h, (below.get(h) ?? new Set()).add(height.get(e.child) ?? 0));
    children.set(e.node, (children.get(e.node) ?? 0) + 1);
  }
  const kinds = new Map<number, {single: boolean; grouped: boolean}>();
  for (const n of plan.nodes) {
    const k = kinds.get(n.height) ?? {single: false, grouped: false};
    if (children.get(n.node) === 1) k.single = true;
    else k.grouped = true;
    kinds.set(n.height, k);
  }
  return {
    flags: plan.flags.length > 0,
    forcing: plan.forcing.length > 0,
    removal: plan.flags.some((x) => x.remove),
    powers: plan.params.some((p) => p.power !== null),
    methods: new Set(plan.params.map((p) => p.method)),
    aggregations: new Set(plan.nodes.map((n) => n.aggregate)),
    policies: new Set(plan.nodes.map((n) => n.missing)),
    kinds,
    below
  };
}

/** The score of a node from its child statistics in `a` (docs/methodology.md, "Aggregation"). */
function aggregateSql(f: Features): string {
  const geometric = f.aggregations.has("geometric");
  // The weighted mean over weight `w`: arithmetic, or geometric (0 when a weighted child scores 0, or is missing and
  // counts as 0 under the "zero" policy).
  const mean = (sum: string, w: string, zero: string) => {
    if (!geometric) return `${sum} / ${w}`;
    const geo = `CASE WHEN ${zero} THEN 0.0 ELSE exp(a.wl / ${w}) END`;
    return f.aggregations.has("arithmetic")
      ? `CASE WHEN a.agg = ${AGGREGATION_CODE.arithmetic} THEN ${sum} / ${w} ELSE ${geo} END`
      : geo;
  };
  const missing = ["a.n_av = 0", "a.coverage < a.mincov"];
  if (f.policies.has("fail"))
    missing.push(f.policies.size > 1 ? `(a.policy = ${POLICY_CODE.fail} AND a.n_av < a.n_all)` : "a.n_av < a.n_all");
  const zero = `CASE WHEN a.w_all = 0 THEN NULL ELSE ${mean("coalesce(a.ws_av, 0.0)", "a.w_all", "a.zero_av OR a.missing_w")} END`;
  const reweight = `WHEN a.w_av = 0 THEN NULL ELSE ${mean("a.ws_av", "a.w_av", "a.zero_av")}`;
  const branches = !f.policies.has("zero")
    ? reweight
    : f.policies.size === 1
      ? `ELSE ${zero}`
      : `WHEN a.policy = ${POLICY_CODE.zero} THEN ${zero} ${reweight}`;
  return `CASE WHEN ${missing.join(" OR ")} THEN NULL ${branches} END`;
}

/**
 * Child statistics of the nodes of height `h` from the rows (r, p, k, score) of `children`: n_av, w_av, ws_av and,
 * with geometric nodes, zero_av, missing_w and wl, plus the node's agg, policy, mincov, n_all and w_all. Sums are exact
 * (exact-sum.ts) so that none depends on the order DuckDB adds in. With `split`, a node with one child is a projection
 * of that child's row (no grouping; bit for bit what grouping gives: the exact sum of one term is its high part plus
 * its low part) and only the others are grouped; without, every node is grouped (fewer operators, for few rows).
 */
function statsSql(h: number, children: string, t: PlanTables, f: Features, split: boolean): string {
  const geometric = f.aggregations.has("geometric");
  const kinds = split ? (f.kinds.get(h) ?? {single: false, grouped: true}) : {single: false, grouped: true};
  const edges = (only: string) =>
    `${children} c JOIN ${quoteIdent(t.ed)} e ON e.child = c.k AND e.height = ${h}${split ? ` AND ${only}e.single` : ""}`;
  const log = "CASE WHEN e.weight > 0 AND c.score > 0 THEN e.weight * ln(c.score) END";
  const exact = (x: string) => `(${highPart(x)} + ${lowPart(x, highPart(x))})`;
  // A removed child (column rm, docs/methodology.md section 3) is not one of the node's children: n_all and w_all count
  // only the others, and it is never "missing".
  const rm = f.removal;
  const single = `SELECT c.r, c.p, e.node AS k, e.agg, e.policy, e.mincov, ${
    rm
      ? "CASE WHEN c.rm THEN 0 ELSE 1 END AS n_all, CASE WHEN c.rm THEN 0.0 ELSE e.w_hi + e.w_lo END"
      : "1 AS n_all, e.w_hi + e.w_lo"
  } AS w_all,
      (c.score IS NOT NULL)::INTEGER AS n_av, CASE WHEN c.score IS NOT NULL THEN e.w_hi + e.w_lo ELSE 0.0 END AS w_av,
      ${exact("(e.weight * c.score)")} AS ws_av${
        geometric
          ? `, coalesce(e.weight > 0 AND c.score = 0, false) AS zero_av,
      coalesce(e.weight > 0 AND c.score IS NULL${rm ? " AND NOT c.rm" : ""}, false) AS missing_w, ${exact(`(${log})`)} AS wl`
          : ""
      }
    FROM ${edges("")}`;
  // Terms with their high and low parts (exact-sum.ts). Split: node attributes joined after grouping (fewer grouping
  // keys for many rows); compact: grouped with the node's attributes from the edge table (two operators fewer).
  const attrs = rm ? "agg, policy, mincov" : "agg, policy, mincov, n_all, w_all";
  const terms = `SELECT c.r, c.p, e.node AS k, c.score AS s, e.weight AS w,${split ? "" : ` e.${attrs.replaceAll(", ", ", e.")},`}
        CASE WHEN c.score IS NOT NULL THEN e.w_hi END AS w_hi, CASE WHEN c.score IS NOT NULL THEN e.w_lo END AS w_lo,${
          rm
            ? `
        c.rm, CASE WHEN NOT c.rm THEN e.w_hi END AS we_hi, CASE WHEN NOT c.rm THEN e.w_lo END AS we_lo,`
            : ""
        }
        e.weight * c.score AS ws, ${highPart("e.weight * c.score")} AS ws_hi${geometric ? `, ${log} AS wl, ${highPart(log)} AS wl_hi` : ""}
      FROM ${edges("NOT ")}`;
  const sums = `${rm ? `count(*) FILTER (WHERE NOT rm) AS n_all, coalesce(${exactSum("we_hi", "we_lo")}, 0.0) AS w_all, ` : ""}count(s) AS n_av, coalesce(${exactSum("w_hi", "w_lo")}, 0.0) AS w_av,
        ${exactSum("ws_hi", lowPart("ws", "ws_hi"))} AS ws_av${
          geometric
            ? `, coalesce(bool_or(w > 0 AND s = 0), false) AS zero_av,
        coalesce(bool_or(w > 0 AND s IS NULL${rm ? " AND NOT rm" : ""}), false) AS missing_w, ${exactSum("wl_hi", lowPart("wl", "wl_hi"))} AS wl`
            : ""
        }`;
  const grouped = split
    ? `SELECT g.r, g.p, g.k, n.agg, n.policy, n.mincov, ${rm ? "g" : "n"}.n_all, ${rm ? "g" : "n"}.w_all, g.n_av, g.w_av, g.ws_av${
        geometric ? ", g.zero_av, g.missing_w, g.wl" : ""
      }
    FROM (SELECT r, p, k, ${sums} FROM (${terms}) GROUP BY r, p, k) g
    JOIN ${quoteIdent(t.nd)} n ON n.k = g.k`
    : `SELECT r, p, k, ${attrs}, ${sums} FROM (${terms}) GROUP BY r, p, k, ${attrs}`;
  return [kinds.single ? single : null, kinds.grouped ? grouped : null].filter(Boolean).join("\n    UNION ALL\n    ");
}

/** The nodes of height `h`: statistics of their children's rows in `children`, then score, coverage and failure. */
function nodeLevelCte(h: number, children: string, t: PlanTables, f: Features, split: boolean): string {
  const score = aggregateSql(f);
  const failed = !f.policies.has("fail")
    ? "false"
    : `(${f.forcing ? "f.fscore IS NULL AND " : ""}a.policy = ${POLICY_CODE.fail} AND a.n_av < a.n_all)`;
  // A node whose every child is removed is removed itself (unless a flag forces it), with coverage 1: nothing is missing.
  const rm = !f.removal ? "" : `, ${f.forcing ? "f.fscore IS NULL AND " : ""}a.n_all = 0 AS rm`;
  return `n${h} AS MATERIALIZED (
  SELECT a.r, a.p, a.k, a.coverage, ${f.forcing ? `coalesce(f.fscore, ${score})` : score} AS score, ${failed} AS failed${rm}
  FROM (SELECT *, CASE ${f.removal ? "WHEN n_all = 0 THEN 1.0 " : ""}WHEN w_all > 0 THEN w_av / w_all ELSE n_av / n_all END AS coverage FROM (
    ${statsSql(h, children, t, f, split)})) a${f.forcing ? "\n  LEFT JOIN forced f ON f.r = a.r AND f.p = a.p AND f.k = a.k" : ""})`;
}

/**
 * CTEs n1 … n`top`, the nodes of each height, from CTE `measures` (r, p, k, score; default `scored`) and each other;
 * `split` as in {@link statsSql} (same results either way).
 */
export function nodeLevelCtes(t: PlanTables, f: Features, top: number, split: boolean, measures = "scored"): string[] {
  const ctes: string[] = [];
  for (let h = 1; h <= top; h++) {
    // Only the heights the children of this height's nodes have (0 = measures).
    const from = [...(f.below.get(h) ?? [0])].sort().map((c) => (c === 0 ? measures : `n${c}`));
    const children =
      from.length === 1
        ? from[0]
        : `(${from.map((c) => `SELECT r, p, k, score${f.removal ? ", rm" : ""} FROM ${c}`).join(" UNION ALL ")})`;
    ctes.push(nodeLevelCte(h, children, t, f, split));
  }
  return ctes;
}
