/**
 * The plan tables the scoring SQL joins (part of the one SQL builder): the methodology flattened by {@link buildPlan}
 * into small DuckDB tables, with every measure and node id replaced by an integer code and every method, aggregation
 * and missing policy by a small integer (integer comparisons instead of text in the per-row CASEs).
 */
import {quoteIdent} from "../db/database.js";
import type {Aggregation, MissingPolicy} from "../methodology/methodology.js";
import type {MeasureParams, ScoringPlan} from "../methodology/plan.js";
import {highPart, lowPart} from "./exact-sum.js";

/** Names of one plan's tables. */
export interface PlanTables {
  /** k, m, best, worst, target, cap, max, power, scale, higher, ub: observed measures (m NULL when not normalised) */
  bm: string;
  /** the same columns for every normalised measure */
  mp: string;
  /** k, op, input: raw-derived measures */
  rd: string;
  /** k, input: score-derived measures */
  sd: string;
  /** flag, fscore, rm: methodology flags (rm: the flag removes its measure; fscore NULL) */
  fl: string;
  /** k, flag, target: a flagged observed measure forces `target` */
  fm: string;
  /** node, child, weight, w_hi, w_lo (the weight split for exact sums), then the node's height, single (its only
   * child), agg, policy, mincov, n_all, w_all: hierarchy edges */
  ed: string;
  /** k, agg, policy, mincov, n_all (children), w_all (exact sum of their weights): nodes */
  nd: string;
}

/** Normalisation method codes (column `m`). */
export const METHOD_CODE: Record<MeasureParams["method"], number> = {frontier: 0, target: 1, expert: 2, yes_no: 3};
/** Aggregation codes (column `agg`). */
export const AGGREGATION_CODE: Record<Aggregation, number> = {arithmetic: 0, geometric: 1};
/** Missing-policy codes (column `policy`). */
export const POLICY_CODE: Record<MissingPolicy, number> = {reweight: 0, zero: 1, fail: 2};

/** The plan table names under a prefix. */
export function planTableNames(prefix: string): PlanTables {
  const t = (name: string) => `${prefix}_${name}`;
  return {bm: t("bm"), mp: t("mp"), rd: t("rd"), sd: t("sd"), fl: t("fl"), fm: t("fm"), ed: t("ed"), nd: t("nd")};
}

type Literal = string | number | boolean | null;

/** The derivation operators (methodology `derive.op`, checked by parseMethodology): the only text in plan SQL. */
const DERIVE_OPS: readonly string[] = ["sum", "mean"];

/** A table of flag names (column `flag`) and their index `i`, loaded as Arrow, that the flag tables join. */
export interface FlagNames {
  table: string;
  index: ReadonlyMap<string, number>;
}

/** A SQL literal; numbers are written in exponent form, which DuckDB reads as the same DOUBLE (no DECIMAL detour). */
export function sqlLiteral(value: Literal): string {
  if (value === null) return "NULL";
  // The one text a plan writes is the engine's own vocabulary; names from files reach DuckDB as Arrow (arrow-ipc.ts).
  if (typeof value === "string" && !DERIVE_OPS.includes(value))
    throw new Error(`not a SQL word of the engine: ${value}`);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return value.toExponential();
  }
  return `'${value}'`;
}

/** `SELECT unnest(list) AS column, …` over one typed list literal per column (binds fast). */
function rowsSql(columns: [string, string][], rows: Literal[][]): string {
  return `SELECT ${columns.map(([c, t], i) => `unnest([${rows.map((r) => sqlLiteral(r[i])).join(", ")}]::${t}[]) AS ${quoteIdent(c)}`).join(",\n  ")}`;
}

/** Creates a typed table, or with `refill` empties the existing one (no catalog change: prepared statements stay valid). */
function createSql(name: string, columns: [string, string][], refill: boolean): string {
  return refill
    ? `DELETE FROM ${quoteIdent(name)}`
    : `CREATE OR REPLACE TABLE ${quoteIdent(name)} (${columns.map(([c, t]) => `${quoteIdent(c)} ${t}`).join(", ")})`;
}

/** Creates (or empties) a table and fills it from one list per column. */
function tableSql(name: string, columns: [string, string][], rows: Literal[][], refill: boolean): string {
  const create = createSql(name, columns, refill);
  return rows.length ? `${create};\nINSERT INTO ${quoteIdent(name)} ${rowsSql(columns, rows)}` : create;
}

/** Columns of the normalisation parameter tables. */
const PARAMS: [string, string][] = [
  ["k", "SMALLINT"],
  ["m", "TINYINT"],
  ["best", "DOUBLE"],
  ["worst", "DOUBLE"],
  ["target", "DOUBLE"],
  ["cap", "DOUBLE"],
  ["max", "DOUBLE"],
  ["power", "DOUBLE"],
  ["scale", "DOUBLE"],
  ["higher", "BOOLEAN"],
  ["ub", "DOUBLE"]
];

const EDGES: [string, string][] = [
  ["node", "SMALLINT"],
  ["child", "SMALLINT"],
  ["weight", "DOUBLE"],
  ["height", "INTEGER"],
  ["single", "BOOLEAN"],
  ["agg", "TINYINT"],
  ["policy", "TINYINT"],
  ["mincov", "DOUBLE"]
];

const NODES: [string, string][] = [
  ["k", "SMALLINT"],
  ["agg", "TINYINT"],
  ["policy", "TINYINT"],
  ["mincov", "DOUBLE"],
  ["n_all", "INTEGER"]
];

/**
 * Creates the id table: every id with its code k (0-based, in DuckDB's sort order of the ids), from table `given`
 * (column id), which the engine loads as Arrow: ids never appear in SQL text. Drops `given`.
 */
export function createIdsSql(table: string, given: string): string {
  return `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
SELECT id, (row_number() OVER (ORDER BY id) - 1)::SMALLINT AS k FROM (SELECT DISTINCT CAST(id AS VARCHAR) AS id FROM ${quoteIdent(given)});
DROP TABLE ${quoteIdent(given)}`;
}

/**
 * Creates (or replaces) the tables of a plan; `code` maps each measure and node id to its k. `only` limits it to some
 * tables; `refill` replaces their rows instead of the tables. The node table is computed from the edge table, so it
 * comes after it.
 */
export function createPlanTablesSql(
  t: PlanTables,
  plan: ScoringPlan,
  code: ReadonlyMap<string, number>,
  options: {only?: (keyof PlanTables)[]; refill?: boolean; flags?: FlagNames} = {}
): string {
  const flagIndex = (flag: string) => {
    const i = options.flags?.index.get(flag);
    if (i === undefined) throw new Error(`no index for flag ${flag}`);
    return i;
  };
  /** Flag names come from the flag table by index: `rows` carry the index in column `fi`. */
  const withFlags = (name: string, columns: [string, string][], select: string, rows: Literal[][]) => {
    const create = createSql(name, columns, refill);
    if (!rows.length) return create;
    const given: [string, string][] = columns.map(([c, t]) => (c === "flag" ? ["fi", "INTEGER"] : [c, t]));
    return `${create};
INSERT INTO ${quoteIdent(name)} SELECT ${select} FROM (${rowsSql(given, rows)}) x
JOIN ${quoteIdent(options.flags!.table)} f ON f.i = x.fi`;
  };
  const k = (id: string) => {
    const c = code.get(id);
    if (c === undefined) throw new Error(`no code for id ${id}`);
    return c;
  };
  const refill = options.refill ?? false;
  const params = new Map(plan.params.map((p) => [p.measure, p]));
  const nodes = new Map(plan.nodes.map((n) => [n.node, n]));
  const children = new Map<string, number>();
  for (const e of plan.edges) children.set(e.node, (children.get(e.node) ?? 0) + 1);
  const paramRow = (measure: string): Literal[] => {
    const p = params.get(measure);
    return p
      ? [
          k(measure),
          METHOD_CODE[p.method],
          p.best,
          p.worst,
          p.target,
          p.cap,
          p.max,
          p.power,
          p.scale,
          p.higher,
          p.cap ?? 1
        ]
      : [k(measure), null, null, null, null, null, null, null, null, null, null];
  };
  const edgeRows = plan.edges.map((e) => {
    const n = nodes.get(e.node)!;
    const single = children.get(e.node) === 1;
    return [
      k(e.node),
      k(e.child),
      e.weight,
      n.height,
      single,
      AGGREGATION_CODE[n.aggregate],
      POLICY_CODE[n.missing],
      n.minCoverage
    ];
  });
  const nodeRows = plan.nodes.map((n) => [
    k(n.node),
    AGGREGATION_CODE[n.aggregate],
    POLICY_CODE[n.missing],
    n.minCoverage,
    children.get(n.node) ?? 0
  ]);
  const ed = quoteIdent(t.ed);
  const tables: Record<keyof PlanTables, () => string> = {
    bm: () => tableSql(t.bm, PARAMS, plan.observed.map(paramRow), refill),
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
          ["k", "SMALLINT"],
          ["op", "VARCHAR"],
          ["input", "SMALLINT"]
        ],
        plan.rawDerived.flatMap((d) => d.of.map((i) => [k(d.measure), d.op, k(i)])),
        refill
      ),
    sd: () =>
      tableSql(
        t.sd,
        [
          ["k", "SMALLINT"],
          ["input", "SMALLINT"]
        ],
        plan.scoreDerived.flatMap((d) => d.of.map((i) => [k(d.measure), k(i)])),
        refill
      ),
    fl: () =>
      withFlags(
        t.fl,
        [
          ["flag", "VARCHAR"],
          ["fscore", "DOUBLE"],
          ["rm", "BOOLEAN"]
        ],
        "f.flag, x.fscore, x.rm",
        plan.flags.map((f) => [flagIndex(f.flag), f.score, f.remove])
      ),
    fm: () =>
      withFlags(
        t.fm,
        [
          ["k", "SMALLINT"],
          ["flag", "VARCHAR"],
          ["target", "SMALLINT"]
        ],
        "x.k, f.flag, x.target",
        plan.forcing.map((f) => [k(f.measure), flagIndex(f.flag), k(f.target)])
      ),
    // The weights split for exact sums (exact-sum.ts) once here, so that a node's w_all and the sum of the weights of
    // its available children come out bit for bit equal when every child is available.
    ed: () => {
      const columns: [string, string][] = [
        ...EDGES.slice(0, 3),
        ["w_hi", "DOUBLE"],
        ["w_lo", "DOUBLE"],
        ...EDGES.slice(3),
        ["n_all", "INTEGER"],
        ["w_all", "DOUBLE"]
      ];
      const create = createSql(t.ed, columns, refill);
      if (!edgeRows.length) return create;
      const names = EDGES.map(([c]) => c);
      return `${create};
INSERT INTO ${ed} SELECT node, child, weight, w_hi, ${lowPart("weight", "w_hi")} AS w_lo, ${names.slice(3).join(", ")},
  NULL, NULL
FROM (SELECT *, ${highPart("weight")} AS w_hi FROM (${rowsSql(EDGES, edgeRows)}))`;
    },
    // The node table, and each node's n_all and w_all copied onto its edges (for statements that group with them).
    nd: () => {
      const create = createSql(t.nd, [...NODES, ["w_all", "DOUBLE"]], refill);
      if (!nodeRows.length) return create;
      return `${create};
INSERT INTO ${quoteIdent(t.nd)} SELECT n.*, e.w_all FROM (${rowsSql(NODES, nodeRows)}) n
LEFT JOIN (SELECT node, sum(w_hi) + sum(w_lo) AS w_all FROM ${ed} GROUP BY node) e ON e.node = n.k;
UPDATE ${ed} SET n_all = n.n_all, w_all = n.w_all FROM ${quoteIdent(t.nd)} n WHERE n.k = ${ed}.node`;
    }
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
