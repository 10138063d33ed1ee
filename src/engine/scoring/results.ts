/**
 * Result shaping: the output statement's columns (integer codes, NaN for missing) into the engine's results, either
 * as they are ({@link NodeColumns}, for callers that read many rows) or as sorted objects ({@link ScoreResult}).
 */
import type {ColumnResult} from "../db/database.js";
import {sortPositions} from "./codes.js";
import {MissingDataError, type NodeColumns, type ScoreDelta, type ScoreResult} from "./types.js";

/** What a code means: region, period and id names by code, and each region's and period's place in name order. */
export interface Decoder {
  regions: readonly string[];
  periods: readonly string[];
  ids: readonly string[];
  regionOrder: Int32Array;
  periodOrder: Int32Array;
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** Row indexes sorted by `keys` (ascending; integers). Packs key and index into one number when that is exact. */
function sortedBy(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let max = 0;
  for (const k of keys) max = Math.max(max, k);
  // Plain loops, not TypedArray.from with a map function, which first lists every value as a JS number (a national
  // result of 2.7 M rows cost 350 MB that way).
  const order = new Uint32Array(n);
  if ((max + 1) * n < 2 ** 53) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = keys[i] * n + i;
    packed.sort();
    for (let i = 0; i < n; i++) order[i] = packed[i] % n;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => keys[a] - keys[b]);
}

/** The indexes of the rows of one kind, sorted by region name, period name, then id (the order results promise). */
function rowsOf(result: ColumnResult, kind: number, d: Decoder): Uint32Array {
  const {r, p, k} = result.columns;
  const kinds = result.columns.kind;
  const rows: number[] = [];
  for (let i = 0; i < result.length; i++) if ((kinds ? kinds[i] : 1) === kind) rows.push(i);
  const P = d.periods.length;
  const K = d.ids.length;
  const keys = new Float64Array(rows.length);
  rows.forEach((i, j) => (keys[j] = (d.regionOrder[r[i]] * P + d.periodOrder[p[i]]) * K + k[i]));
  const order = sortedBy(keys);
  for (let j = 0; j < order.length; j++) order[j] = rows[order[j]];
  return order;
}

/** Throws {@link MissingDataError} for the first ten failed rows (kind 2) of an output statement, if any. */
export function throwIfFailed(result: ColumnResult, d: Decoder): void {
  if (!result.columns.kind?.includes(2)) return;
  const {r, p, k} = result.columns;
  const failed = [...rowsOf(result, 2, d)].slice(0, 10);
  throw new MissingDataError(
    failed.map((i) => ({region: d.regions[r[i]], period: d.periods[p[i]], node: d.ids[k[i]]}))
  );
}

/** The output statement's rows as a {@link ScoreResult}: measures and nodes sorted by region, period, then id. */
export function toScoreResult(
  result: ColumnResult,
  d: Decoder,
  levels: ReadonlyMap<string, string>,
  weights: Record<string, number>
): ScoreResult {
  throwIfFailed(result, d);
  const {r, p, k, raw, score, coverage, rank} = result.columns;
  const out: ScoreResult = {measures: [], nodes: [], effectiveWeights: weights};
  if (raw) {
    for (const i of rowsOf(result, 0, d)) {
      out.measures.push({
        region: d.regions[r[i]],
        period: d.periods[p[i]],
        measure: d.ids[k[i]],
        raw: orNull(raw[i]),
        score: orNull(score[i])
      });
    }
  }
  for (const i of rowsOf(result, 1, d)) {
    const node = d.ids[k[i]];
    out.nodes.push({
      region: d.regions[r[i]],
      period: d.periods[p[i]],
      node,
      level: levels.get(node)!,
      score: orNull(score[i]),
      rank: rank[i] === 0 ? null : rank[i],
      coverage: orNull(coverage[i])
    });
  }
  return out;
}

/**
 * The output statement's rows, node rows only, as {@link NodeColumns} (the typed arrays as they came; no copy, no
 * sort). A `kind` column only tells failed rows apart, which throw.
 */
export function toNodeColumns(result: ColumnResult, d: Decoder): NodeColumns {
  throwIfFailed(result, d);
  const c = result.columns;
  return {
    length: result.length,
    region: c.r as Int32Array,
    period: c.p as Int16Array,
    node: c.k as Int16Array,
    score: c.score as Float64Array,
    coverage: c.coverage as Float64Array,
    rank: c.rank as Int32Array,
    regions: [...d.regions],
    periods: [...d.periods],
    nodes: [...d.ids]
  };
}

/** The rows of {@link NodeColumns} in the order {@link ScoreResult} promises: region name, period name, then id. */
export function sortedNodeRows(c: NodeColumns): Uint32Array {
  const [regionOrder, periodOrder] = [sortPositions(c.regions), sortPositions(c.periods)];
  const [P, K] = [c.periods.length, c.nodes.length];
  const keys = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++)
    keys[i] = (regionOrder[c.region[i]] * P + periodOrder[c.period[i]]) * K + c.node[i];
  return sortedBy(keys);
}

/** Each scenario node's score and rank beside the baseline's. */
export function scoreDeltas(baseline: ScoreResult["nodes"], scenario: ScoreResult["nodes"]): ScoreDelta[] {
  const key = (n: {region: string; period: string; node: string}) => `${n.region}\u0000${n.period}\u0000${n.node}`;
  const before = new Map(baseline.map((n) => [key(n), n]));
  return scenario.map((n) => {
    const b = before.get(key(n));
    const base = b?.score ?? null;
    return {
      region: n.region,
      period: n.period,
      node: n.node,
      baseline: base,
      scenario: n.score,
      delta: base === null || n.score === null ? null : n.score - base,
      baselineRank: b?.rank ?? null,
      scenarioRank: n.rank
    };
  });
}
