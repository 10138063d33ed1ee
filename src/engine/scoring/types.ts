/** Inputs and outputs of scoring, shared by the SQL engine, the reference implementation and the command line. */
import type {MethodologyOverrides} from "../methodology/plan.js";

/** A region scored as the weighted mean of its sub-units (DB2020 two-city economies, a city from its counties). */
export interface SubUnit {
  region: string;
  parent: string;
  weight: number;
}

/** A what-if raw value; without `period` it applies to every period. `value: null` makes the value missing. */
export interface ValueOverride {
  region: string;
  period?: string | null;
  measure: string;
  value: number | null;
}

/** A what-if: raw-value overrides (applied to data) plus weight and target overrides (applied to the methodology). */
export interface Scenario extends MethodologyOverrides {
  values?: ValueOverride[];
}

/** What to score and what to return. */
export interface ScoreOptions {
  /** Regions ranked against each other and returned; default every region that is not a sub-unit of another. */
  peerGroup?: readonly string[];
  /** Periods to score; default every period in the observations. */
  periods?: readonly string[];
  scenario?: Scenario;
  /** Return only the nodes of this level: a level label ("topic", "total") or a node id (its level is used). */
  level?: string;
  /** Return measure scores too (default true). */
  measures?: boolean;
}

/** Raw value and score of one measure. For a rolled-up region both are weighted means over its sub-units. */
export interface MeasureScore {
  region: string;
  period: string;
  measure: string;
  raw: number | null;
  score: number | null;
}

/** Score of one node, its rank within the peer group (ties share the better rank; null when missing) and coverage. */
export interface NodeScore {
  region: string;
  period: string;
  node: string;
  level: string;
  score: number | null;
  rank: number | null;
  /** Share (0..1) of the children's weight that had a score. */
  coverage: number | null;
}

/**
 * Every node's score, coverage and rank as columns, one row per (region, period, node) in no particular order: for
 * callers that read many rows (a national scoring has 1.2 million), where an object per row would cost seconds.
 */
export interface NodeColumns {
  length: number;
  /** Row i is region `regions[region[i]]`, period `periods[period[i]]`, node `nodes[node[i]]`. */
  region: Int32Array;
  period: Int16Array;
  node: Int16Array;
  /** NaN when the node has no score. */
  score: Float64Array;
  /** NaN when none of the children's weight is defined (a roll-up over zero weights). */
  coverage: Float64Array;
  /** 0 when the node has no rank. */
  rank: Int32Array;
  regions: readonly string[];
  periods: readonly string[];
  nodes: readonly string[];
}

/** A node's score and rank before and after a scenario. */
export interface ScoreDelta {
  region: string;
  period: string;
  node: string;
  baseline: number | null;
  scenario: number | null;
  delta: number | null;
  baselineRank: number | null;
  scenarioRank: number | null;
}

/** Everything a scoring run returns; rows are sorted by region, period, then id. */
export interface ScoreResult {
  measures: MeasureScore[];
  nodes: NodeScore[];
  /** Node or measure id → its weight in the total (after scenario weights). */
  effectiveWeights: Record<string, number>;
  /** Only with a scenario. */
  deltas?: ScoreDelta[];
}

/** Thrown when a node whose missing policy is "fail" lacks a child score. */
export class MissingDataError extends Error {
  constructor(readonly cases: {region: string; period: string; node: string}[]) {
    const list = cases.map((c) => `${c.region} ${c.period} ${c.node}`).join("; ");
    super(`缺少数据，且节点的缺失策略为 fail / missing data where the node's missing policy is "fail": ${list}`);
    this.name = "MissingDataError";
  }
}

/** Checks sub-units (weights ≥ 0, one parent each, no cycles) and returns each parent's roll-up depth (1 = parent of leaves). */
export function subunitDepths(subunits: readonly SubUnit[]): Map<string, number> {
  const parentOf = new Map<string, string>();
  for (const [i, s] of subunits.entries()) {
    if (!Number.isFinite(s.weight) || s.weight < 0)
      throw new Error(`子区域第 ${i + 1} 行：权重必须 ≥ 0 / sub-unit ${i + 1} (${s.region}): weight must be ≥ 0`);
    if (parentOf.has(s.region)) throw new Error(`子区域 ${s.region} 有两个上级 / sub-unit ${s.region} has two parents`);
    parentOf.set(s.region, s.parent);
  }
  const children = new Map<string, string[]>();
  for (const s of subunits) children.set(s.parent, [...(children.get(s.parent) ?? []), s.region]);
  const depth = new Map<string, number>();
  const visit = (region: string, trail: string[]): number => {
    if (trail.includes(region))
      throw new Error(`子区域成环 / sub-units form a cycle: ${[...trail, region].join(" → ")}`);
    const kids = children.get(region);
    if (!kids) return 0;
    if (!depth.has(region)) depth.set(region, 1 + Math.max(...kids.map((k) => visit(k, [...trail, region]))));
    return depth.get(region)!;
  };
  for (const parent of children.keys()) visit(parent, []);
  return depth;
}

/** The regions scored from observations for a peer group: each member, or its sub-units down to the leaves. */
export function leafRegions(peerGroup: readonly string[], subunits: readonly SubUnit[]): string[] {
  const children = new Map<string, string[]>();
  for (const s of subunits) children.set(s.parent, [...(children.get(s.parent) ?? []), s.region]);
  const out = new Set<string>();
  const walk = (region: string) => {
    const kids = children.get(region);
    if (kids) kids.forEach(walk);
    else out.add(region);
  };
  peerGroup.forEach(walk);
  return [...out];
}
