/**
 * The plan tables the scoring SQL joins (part of the one SQL builder, re-exported by sql.ts): the methodology
 * flattened by {@link buildPlan} into small DuckDB tables, with every measure and node id replaced by an integer code.
 */
import {quoteIdent, quoteString} from "../db/database.js";
import type {ScoringPlan} from "../methodology/plan.js";

/** Names of one plan's tables. */
export interface PlanTables {
  /** k, method, best, worst, target, cap, max, scale, higher: observed measures (method NULL when not normalised) */
  bm: string;
  /** k, method, best, worst, target, cap, max, scale, higher: normalisation parameters of every measure */
  mp: string;
  /** k, op, input: raw-derived measures */
  rd: string;
  /** k, input: score-derived measures */
  sd: string;
  /** flag, fscore: methodology flags */
  fl: string;
  /** k, flag, target: a flagged observed measure forces `target` */
  fm: string;
  /** node, child, weight, then the node's height, agg, policy, mincov: hierarchy edges */
  ed: string;
}

/** The plan table names under a prefix. */
export function planTableNames(prefix: string): PlanTables {
  const t = (name: string) => `${prefix}_${name}`;
  return {bm: t("bm"), mp: t("mp"), rd: t("rd"), sd: t("sd"), fl: t("fl"), fm: t("fm"), ed: t("ed")};
}

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
 * Creates a typed table (or, with `refill`, empties the existing one: no catalog change, so prepared statements that
 * read it stay valid) and fills it from one list per column (`unnest` of list literals binds fast).
 */
function tableSql(name: string, columns: [string, string][], rows: Literal[][], refill: boolean): string {
  const create = refill
    ? `DELETE FROM ${quoteIdent(name)}`
    : `CREATE OR REPLACE TABLE ${quoteIdent(name)} (${columns.map(([c, t]) => `${quoteIdent(c)} ${t}`).join(", ")})`;
  if (!rows.length) return create;
  const cols = columns.map(([, t], i) => `unnest([${rows.map((r) => sqlLiteral(r[i])).join(", ")}]::${t}[])`);
  return `${create};\nINSERT INTO ${quoteIdent(name)} SELECT ${cols.join(",\n  ")}`;
}

/** Columns of the normalisation parameter tables. */
const PARAMS: [string, string][] = [
  ["k", "INTEGER"],
  ["method", "VARCHAR"],
  ["best", "DOUBLE"],
  ["worst", "DOUBLE"],
  ["target", "DOUBLE"],
  ["cap", "DOUBLE"],
  ["max", "DOUBLE"],
  ["scale", "DOUBLE"],
  ["higher", "BOOLEAN"]
];

/** Creates the id table: every id with its code k (0-based, in DuckDB's sort order of the ids). */
export function createIdsSql(table: string, ids: readonly string[]): string {
  const list = ids.map(quoteString).join(", ");
  return `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
SELECT id, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS k FROM (SELECT DISTINCT unnest([${list}]::VARCHAR[]) AS id)`;
}

/**
 * Creates (or replaces) the tables of a plan; `code` maps each measure and node id to its k. `only` limits it to some
 * tables; `refill` replaces their rows instead of the tables.
 */
export function createPlanTablesSql(
  t: PlanTables,
  plan: ScoringPlan,
  code: ReadonlyMap<string, number>,
  options: {only?: (keyof PlanTables)[]; refill?: boolean} = {}
): string {
  const k = (id: string) => {
    const c = code.get(id);
    if (c === undefined) throw new Error(`no code for id ${id}`);
    return c;
  };
  const refill = options.refill ?? false;
  const params = new Map(plan.params.map((p) => [p.measure, p]));
  const nodes = new Map(plan.nodes.map((n) => [n.node, n]));
  const paramRow = (measure: string): Literal[] => {
    const p = params.get(measure);
    return p
      ? [k(measure), p.method, p.best, p.worst, p.target, p.cap, p.max, p.scale, p.higher]
      : [k(measure), null, null, null, null, null, null, null, null];
  };
  const tables: Record<keyof PlanTables, () => string> = {
    bm: () =>
      tableSql(
        t.bm,
        PARAMS,
        plan.observed.map((m) => paramRow(m)),
        refill
      ),
    mp: () =>
      tableSql(
        t.mp,
        PARAMS,
        plan.params.map((p) => paramRow(p.measure)),
        refill
      ),
    rd: () =>
      tableSql(
        t.rd,
        [
          ["k", "INTEGER"],
          ["op", "VARCHAR"],
          ["input", "INTEGER"]
        ],
        plan.rawDerived.flatMap((d) => d.of.map((i) => [k(d.measure), d.op, k(i)])),
        refill
      ),
    sd: () =>
      tableSql(
        t.sd,
        [
          ["k", "INTEGER"],
          ["input", "INTEGER"]
        ],
        plan.scoreDerived.flatMap((d) => d.of.map((i) => [k(d.measure), k(i)])),
        refill
      ),
    fl: () =>
      tableSql(
        t.fl,
        [
          ["flag", "VARCHAR"],
          ["fscore", "DOUBLE"]
        ],
        plan.flags.map((f) => [f.flag, f.score]),
        refill
      ),
    fm: () =>
      tableSql(
        t.fm,
        [
          ["k", "INTEGER"],
          ["flag", "VARCHAR"],
          ["target", "INTEGER"]
        ],
        plan.forcing.map((f) => [k(f.measure), f.flag, k(f.target)]),
        refill
      ),
    ed: () =>
      tableSql(
        t.ed,
        [
          ["node", "INTEGER"],
          ["child", "INTEGER"],
          ["weight", "DOUBLE"],
          ["height", "INTEGER"],
          ["agg", "VARCHAR"],
          ["policy", "VARCHAR"],
          ["mincov", "DOUBLE"]
        ],
        plan.edges.map((e) => {
          const n = nodes.get(e.node)!;
          return [k(e.node), k(e.child), e.weight, n.height, n.aggregate, n.missing, n.minCoverage];
        }),
        refill
      )
  };
  const only = options.only ?? (Object.keys(tables) as (keyof PlanTables)[]);
  return only.map((name) => tables[name]()).join(";\n");
}

/** Drops a plan's tables. */
export function dropPlanTablesSql(t: PlanTables): string {
  return Object.values(t)
    .map((name) => `DROP TABLE IF EXISTS ${quoteIdent(name)}`)
    .join("; ");
}
