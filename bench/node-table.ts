/**
 * The one shape every implementation's result is turned into for comparison (outside the timed section):
 * score, coverage and rank of every node for every region and period, in dense arrays.
 */
import type {NodeColumns} from "../src/engine/scoring/types.js";

/** Dense node results; cell (region r, period p, node n) is at `(r * periods.length + p) * nodes.length + n`. */
export interface NodeTable {
  regions: string[];
  periods: string[];
  nodes: string[];
  /** NaN = no score. */
  score: Float64Array;
  /** NaN = no coverage. */
  coverage: Float64Array;
  /** 0 = no rank. */
  rank: Int32Array;
}

/** An empty table (every score, coverage and rank missing) for the given axes. */
export function emptyNodeTable(regions: string[], periods: string[], nodes: string[]): NodeTable {
  const size = regions.length * periods.length * nodes.length;
  return {
    regions,
    periods,
    nodes,
    score: new Float64Array(size).fill(NaN),
    coverage: new Float64Array(size).fill(NaN),
    rank: new Int32Array(size)
  };
}

/** Builds a table from result rows (`score`/`coverage`/`rank` null when missing); throws on a row outside the axes. */
export function nodeTableFromRows(
  regions: string[],
  periods: string[],
  nodes: string[],
  rows: Iterable<{
    region: string;
    period: string;
    node: string;
    score: number | null;
    coverage: number | null;
    rank: number | null;
  }>
): NodeTable {
  const t = emptyNodeTable(regions, periods, nodes);
  const ri = new Map(regions.map((r, i) => [r, i]));
  const pi = new Map(periods.map((p, i) => [p, i]));
  const ni = new Map(nodes.map((n, i) => [n, i]));
  const seen = new Uint8Array(t.score.length);
  for (const row of rows) {
    const r = ri.get(row.region);
    const p = pi.get(row.period);
    const n = ni.get(row.node);
    if (r === undefined || p === undefined || n === undefined)
      throw new Error(`result row outside the axes: ${row.region} ${row.period} ${row.node}`);
    const i = (r * periods.length + p) * nodes.length + n;
    if (seen[i]++) throw new Error(`result row twice: ${row.region} ${row.period} ${row.node}`);
    t.score[i] = row.score ?? NaN;
    t.coverage[i] = row.coverage ?? NaN;
    t.rank[i] = row.rank ?? 0;
  }
  return t;
}

/** Builds a table from an engine's node columns; throws on a row outside the axes or given twice. */
export function nodeTableFromColumns(regions: string[], periods: string[], nodes: string[], c: NodeColumns): NodeTable {
  const t = emptyNodeTable(regions, periods, nodes);
  const index = (axis: string[], names: readonly string[]) => {
    const at = new Map(axis.map((x, i) => [x, i]));
    return Int32Array.from(names, (name) => at.get(name) ?? -1);
  };
  const [ri, pi, ni] = [index(regions, c.regions), index(periods, c.periods), index(nodes, c.nodes)];
  const seen = new Uint8Array(t.score.length);
  for (let row = 0; row < c.length; row++) {
    const [r, p, n] = [ri[c.region[row]], pi[c.period[row]], ni[c.node[row]]];
    if (r < 0 || p < 0 || n < 0)
      throw new Error(
        `result row outside the axes: ${c.regions[c.region[row]]} ${c.periods[c.period[row]]} ${c.nodes[c.node[row]]}`
      );
    const i = (r * periods.length + p) * nodes.length + n;
    if (seen[i]++) throw new Error(`result row twice: ${regions[r]} ${periods[p]} ${nodes[n]}`);
    t.score[i] = c.score[row];
    t.coverage[i] = c.coverage[row];
    t.rank[i] = c.rank[row];
  }
  return t;
}

const same = (a: number, b: number, tolerance: number) =>
  Number.isNaN(a) ? Number.isNaN(b) : !Number.isNaN(b) && Math.abs(a - b) <= tolerance;

/** Lists (up to `limit`) the cells where two tables differ: score or coverage by more than `tolerance`, or rank. */
export function compareNodeTables(a: NodeTable, b: NodeTable, tolerance = 1e-9, limit = 10): string[] {
  const axes = (t: NodeTable) => JSON.stringify([t.regions, t.periods, t.nodes]);
  if (axes(a) !== axes(b)) return ["the tables have different regions, periods or nodes"];
  const out: string[] = [];
  const P = a.periods.length;
  const N = a.nodes.length;
  for (let i = 0; i < a.score.length && out.length < limit; i++) {
    if (
      same(a.score[i], b.score[i], tolerance) &&
      same(a.coverage[i], b.coverage[i], tolerance) &&
      a.rank[i] === b.rank[i]
    )
      continue;
    const n = i % N;
    const p = Math.floor(i / N) % P;
    const r = Math.floor(i / (N * P));
    out.push(
      `${a.regions[r]} ${a.periods[p]} ${a.nodes[n]}: score ${a.score[i]} vs ${b.score[i]}, coverage ${a.coverage[i]} vs ${b.coverage[i]}, rank ${a.rank[i]} vs ${b.rank[i]}`
    );
  }
  return out;
}

/** Number of cells holding a score (a check that a comparison was not vacuous). */
export function scoredCells(t: NodeTable): number {
  let n = 0;
  for (const s of t.score) if (!Number.isNaN(s)) n++;
  return n;
}
