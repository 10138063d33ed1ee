/**
 * Turns an engine result (with a scenario, so with deltas) into what the page shows: the focus region's total and
 * rank before → after, each category's contribution to the change (the waterfall), the peer ranking with rank
 * moves, and the lead units whose indicators produced the gain.
 */
import type {ScoreDelta, ScoreResult} from "../../engine/scoring/types.js";
import type {SimModel} from "./model.js";

/** One step of the waterfall: a category's change weighted by its share of the total. */
export interface CategoryStep {
  id: string;
  before: number | null;
  after: number | null;
  /** Change of the category's own score. */
  delta: number | null;
  /** Points of the total: delta × the category's effective weight. */
  points: number;
}

/** One region of the peer ranking. */
export interface RankingRow {
  region: string;
  before: number | null;
  after: number | null;
  rankBefore: number | null;
  rankAfter: number | null;
  /** Places gained (positive = moved up). */
  moved: number | null;
}

/** Points of the focus region's total change attributed to one lead unit ("" = indicators without one). */
export interface UnitShare {
  unit: string;
  points: number;
}

/** Everything the results panel shows. */
export interface SimSummary {
  total: ScoreDelta;
  categories: CategoryStep[];
  /** Part of the change the weighted category steps do not explain (coverage changes); ~0 normally. */
  residual: number;
  ranking: RankingRow[];
  units: UnitShare[];
  effectiveWeights: Record<string, number>;
}

/**
 * Summarises a scenario result for the focus region: the total and the ranking from `result` (the peer group), the
 * categories and lead units from `detail` (every node of the focus region; by default the same result). Throws when
 * the result has no total for the focus.
 */
export function summarise(result: ScoreResult, model: SimModel, focus: string, detail = result): SimSummary {
  const deltas = result.deltas ?? [];
  const total = deltas.find((d) => d.region === focus && d.node === model.root);
  if (!total) throw new Error(`结果中没有 ${focus} 的总分 / the result has no total for ${focus}`);
  const w = detail.effectiveWeights;
  const focusDeltas = new Map((detail.deltas ?? []).filter((d) => d.region === focus).map((d) => [d.node, d]));
  const categories = model.categories.map((c): CategoryStep => {
    const d = focusDeltas.get(c.id);
    return {
      id: c.id,
      before: d?.baseline ?? null,
      after: d?.scenario ?? null,
      delta: d?.delta ?? null,
      points: (d?.delta ?? 0) * (w[c.id] ?? 0)
    };
  });
  const explained = categories.reduce((s, c) => s + c.points, 0);
  const ranking = deltas
    .filter((d) => d.node === model.root)
    .map((d): RankingRow => ({
      region: d.region,
      before: d.baseline,
      after: d.scenario,
      rankBefore: d.baselineRank,
      rankAfter: d.scenarioRank,
      moved: d.baselineRank === null || d.scenarioRank === null ? null : d.baselineRank - d.scenarioRank
    }))
    .sort((a, b) => (a.rankAfter ?? Infinity) - (b.rankAfter ?? Infinity) || a.region.localeCompare(b.region));
  return {
    total,
    categories,
    residual: (total.delta ?? 0) - explained,
    ranking,
    units: unitShares(model, focusDeltas, w),
    effectiveWeights: w
  };
}

/**
 * Each indicator's points (its change × its effective weight) split equally among its lead units; units sorted by
 * points, largest first, zero shares left out.
 */
export function unitShares(
  model: SimModel,
  focusDeltas: ReadonlyMap<string, ScoreDelta>,
  weights: Record<string, number>
): UnitShare[] {
  const points = new Map<string, number>();
  for (const c of model.categories) {
    for (const i of c.indicators) {
      const p = (focusDeltas.get(i.id)?.delta ?? 0) * (weights[i.id] ?? 0);
      if (p === 0) continue;
      const units = i.leadUnits.length ? i.leadUnits : [""];
      for (const u of units) points.set(u, (points.get(u) ?? 0) + p / units.length);
    }
  }
  return [...points]
    .filter(([, p]) => Math.abs(p) > 1e-12)
    .map(([unit, p]) => ({unit, points: p}))
    .sort((a, b) => b.points - a.points || a.unit.localeCompare(b.unit));
}

/** The next rank up for the focus region: who holds it and how many points of the total separate them. */
export function nextRank(
  s: Pick<SimSummary, "ranking">,
  focus: string
): {region: string; rank: number; points: number} | null {
  const me = s.ranking.find((r) => r.region === focus);
  if (!me || me.after === null || me.rankAfter === null || me.rankAfter === 1) return null;
  // The region just above: the lowest total that still ranks better.
  const above = s.ranking
    .filter((r) => r.after !== null && r.rankAfter !== null && r.rankAfter < me.rankAfter!)
    .sort((a, b) => a.after! - b.after! || a.region.localeCompare(b.region))[0];
  return above ? {region: above.region, rank: above.rankAfter!, points: above.after! - me.after} : null;
}
