/**
 * The practical limit: the full scoring (normalise → aggregate → rank, every period) as one pass over dense typed
 * arrays, plus an incremental what-if that rescores one region-period and re-ranks only the nodes it changed.
 * Same semantics as the engine for the methodologies {@link compileMethodology} accepts.
 */
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {compileMethodology, METHOD_CODES} from "./compiled-methodology.js";
import type {Dataset} from "./dataset.js";
import {emptyNodeTable, type NodeTable} from "./node-table.js";

/** The methodology as typed arrays; slot `m` (< M) is a measure, slot `M + n` is node n (lowest height first). */
export interface TypedModel {
  measures: string[];
  nodes: string[];
  method: Uint8Array;
  /** frontier: best, worst; target: target, cap; expert: max. */
  a: Float64Array;
  b: Float64Array;
  scale: Float64Array;
  higher: Uint8Array;
  /** Children of node n: slots `childSlot[childStart[n] .. childStart[n + 1])` with weights `childWeight`. */
  childStart: Int32Array;
  childSlot: Int32Array;
  childWeight: Float64Array;
  weightAll: Float64Array;
  minCoverage: Float64Array;
  /** Nodes above measure m: `ancestors[m]`, ascending. */
  ancestors: Int32Array[];
}

/** Observed values in a dense array: cell (r, p, m) at `(r * periods.length + p) * measures.length + m`, NaN = missing. */
export interface DenseObservations {
  regions: string[];
  periods: string[];
  values: Float64Array;
}

/** One changed raw value. */
export interface RawChange {
  region: string;
  period: string;
  measure: string;
  value: number;
}

/** Compiles a methodology (throws if it needs features the benchmark does not implement). */
export function typedModel(m: Methodology): TypedModel {
  const c = compileMethodology(m);
  const M = c.measures.length;
  const slot = new Map<string, number>([
    ...c.measures.map((x, i) => [x.id, i] as const),
    ...c.nodes.map((n, i) => [n.id, M + i] as const)
  ]);
  const model: TypedModel = {
    measures: c.measures.map((x) => x.id),
    nodes: c.nodes.map((n) => n.id),
    method: Uint8Array.from(c.measures, (x) => METHOD_CODES[x.method]),
    a: Float64Array.from(c.measures, (x) => x.best ?? x.target ?? x.max ?? NaN),
    b: Float64Array.from(c.measures, (x) => x.worst ?? x.cap ?? NaN),
    scale: Float64Array.from(c.measures, (x) => x.scale),
    higher: Uint8Array.from(c.measures, (x) => (x.higher ? 1 : 0)),
    childStart: new Int32Array(c.nodes.length + 1),
    childSlot: Int32Array.from(c.nodes.flatMap((n) => n.children.map((e) => slot.get(e.id)!))),
    childWeight: Float64Array.from(c.nodes.flatMap((n) => n.children.map((e) => e.weight))),
    weightAll: Float64Array.from(c.nodes, (n) => n.children.reduce((s, e) => s + e.weight, 0)),
    minCoverage: Float64Array.from(c.nodes, (n) => n.minCoverage),
    ancestors: []
  };
  c.nodes.forEach((n, i) => (model.childStart[i + 1] = model.childStart[i] + n.children.length));
  const parents = new Map<number, number[]>();
  c.nodes.forEach((n, i) =>
    n.children.forEach((e) => parents.set(slot.get(e.id)!, [...(parents.get(slot.get(e.id)!) ?? []), i]))
  );
  const up = (s: number, out: Set<number>) =>
    (parents.get(s) ?? []).forEach((n) => out.has(n) || (out.add(n), up(M + n, out)));
  model.ancestors = c.measures.map((_, m) => {
    const out = new Set<number>();
    up(m, out);
    return Int32Array.from([...out].sort((x, y) => x - y));
  });
  return model;
}

/** Places a dataset's observations of the model's measures into a dense array (rows of other regions are ignored). */
export function denseObservations(model: TypedModel, data: Dataset): DenseObservations {
  const {regions, periods} = data;
  const M = model.measures.length;
  const ri = new Map(regions.map((r, i) => [r, i]));
  const pi = new Map(periods.map((p, i) => [p, i]));
  const mi = new Map(model.measures.map((x, i) => [x, i]));
  const values = new Float64Array(regions.length * periods.length * M).fill(NaN);
  const c = data.columns;
  for (let i = 0; i < c.value.length; i++) {
    const r = ri.get(c.region[i]);
    const p = pi.get(c.period[i]);
    const m = mi.get(c.measure[i]);
    if (r !== undefined && p !== undefined && m !== undefined) values[(r * periods.length + p) * M + m] = c.value[i];
  }
  return {regions, periods, values};
}

/** Score of raw value `y` of measure `m` (docs/methodology.md, "Normalisation"). */
function normalise(model: TypedModel, m: number, y: number): number {
  const scale = model.scale[m];
  switch (model.method[m]) {
    case METHOD_CODES.frontier: {
      const worst = model.b[m];
      return scale * Math.max(0, Math.min(1, (worst - y) / (worst - model.a[m])));
    }
    case METHOD_CODES.target: {
      const cap = model.b[m];
      const ratio = model.higher[m] ? y / model.a[m] : y <= 0 ? cap : model.a[m] / y;
      return scale * Math.max(0, Math.min(cap, ratio));
    }
    case METHOD_CODES.expert:
      return scale * Math.max(0, Math.min(1, y / model.a[m]));
    default:
      return y > 0 === (model.higher[m] === 1) ? scale : 0;
  }
}

/** Scores one region-period into `out` (`slots` is scratch of length M + N). */
function scoreCell(
  model: TypedModel,
  obs: DenseObservations,
  out: NodeTable,
  r: number,
  p: number,
  slots: Float64Array
): void {
  const M = model.measures.length;
  const N = model.nodes.length;
  const vBase = (r * obs.periods.length + p) * M;
  for (let m = 0; m < M; m++) {
    const y = obs.values[vBase + m];
    slots[m] = y === y ? normalise(model, m, y) : NaN;
  }
  const oBase = (r * obs.periods.length + p) * N;
  for (let n = 0; n < N; n++) {
    let wAv = 0;
    let ws = 0;
    let nAv = 0;
    for (let c = model.childStart[n]; c < model.childStart[n + 1]; c++) {
      const s = slots[model.childSlot[c]];
      if (s === s) {
        const w = model.childWeight[c];
        wAv += w;
        ws += w * s;
        nAv++;
      }
    }
    const wAll = model.weightAll[n];
    const coverage = wAll > 0 ? wAv / wAll : nAv / (model.childStart[n + 1] - model.childStart[n]);
    const score = nAv === 0 || coverage < model.minCoverage[n] || wAv === 0 ? NaN : ws / wAv;
    slots[M + n] = score;
    out.score[oBase + n] = score;
    out.coverage[oBase + n] = coverage;
  }
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** Ranks node n in period p among all regions: 1 + the number of scores greater after rounding to 1e-9. */
function rankColumn(out: NodeTable, p: number, n: number, sorted: Float64Array): void {
  const P = out.periods.length;
  const N = out.nodes.length;
  const R = out.regions.length;
  let k = 0;
  for (let r = 0; r < R; r++) {
    const s = out.score[(r * P + p) * N + n];
    if (s === s) sorted[k++] = round9(s);
  }
  const keys = sorted.subarray(0, k).sort();
  for (let r = 0; r < R; r++) {
    const i = (r * P + p) * N + n;
    const s = out.score[i];
    if (s !== s) {
      out.rank[i] = 0;
      continue;
    }
    const x = round9(s);
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    out.rank[i] = 1 + (k - lo);
  }
}

/** The full scoring of every region and period: normalise → aggregate → rank. */
export function typedArrayScore(model: TypedModel, obs: DenseObservations): NodeTable {
  const out = emptyNodeTable(obs.regions, obs.periods, model.nodes);
  const slots = new Float64Array(model.measures.length + model.nodes.length);
  for (let r = 0; r < obs.regions.length; r++)
    for (let p = 0; p < obs.periods.length; p++) scoreCell(model, obs, out, r, p, slots);
  const sorted = new Float64Array(obs.regions.length);
  for (let p = 0; p < obs.periods.length; p++)
    for (let n = 0; n < model.nodes.length; n++) rankColumn(out, p, n, sorted);
  return out;
}

/**
 * What-if, incrementally: sets one raw value in `obs`, rescores that region-period in `table` and re-ranks, in that
 * period, the nodes above the measure. Returns the root's scores and ranks of every region in that period.
 */
export function typedWhatIf(
  model: TypedModel,
  obs: DenseObservations,
  table: NodeTable,
  change: RawChange
): {totals: Float64Array; ranks: Int32Array} {
  const r = obs.regions.indexOf(change.region);
  const p = obs.periods.indexOf(change.period);
  const m = model.measures.indexOf(change.measure);
  if (r < 0 || p < 0 || m < 0)
    throw new Error(`what-if outside the data: ${change.region} ${change.period} ${change.measure}`);
  const M = model.measures.length;
  const N = model.nodes.length;
  obs.values[(r * obs.periods.length + p) * M + m] = change.value;
  scoreCell(model, obs, table, r, p, new Float64Array(M + N));
  const sorted = new Float64Array(obs.regions.length);
  for (const n of model.ancestors[m]) rankColumn(table, p, n, sorted);
  const root = N - 1;
  const P = obs.periods.length;
  const totals = Float64Array.from(obs.regions, (_, i) => table.score[(i * P + p) * N + root]);
  const ranks = Int32Array.from(obs.regions, (_, i) => table.rank[(i * P + p) * N + root]);
  return {totals, ranks};
}
