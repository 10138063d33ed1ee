/**
 * Why the focus region's total changed: each changed measure's raw value and score before → after, its effective
 * weight and its points (Δscore × effective weight); the total's change is their sum plus, when the aggregation is
 * not a plain weighted sum (missing-data reweighting, geometric means, changed weights), the remainder as its own
 * line, so the lines always add up to the change shown.
 */
import type {MeasureScore, ScoreResult} from "../../engine/scoring/types.js";
import type {SimState} from "./state.js";

/** A measure's raw value and score, before or after. */
export interface MeasurePoint {
  raw: number | null;
  score: number | null;
}

/** The focus region's measure rows of the data as they are (no what-if), for one focus and period. */
export interface Baseline {
  focus: string;
  period: string;
  measures: Map<string, MeasurePoint>;
}

/** One line of the "why" table. */
export interface WhyRow {
  measure: string;
  before: MeasurePoint;
  after: MeasurePoint;
  /** The measure's share of the total after the what-if (0..1). */
  weight: number;
  /** Δscore × effective weight, in points of the total; null when a score is missing before or after. */
  points: number | null;
}

/** The table: rows (largest gain first), their sum, the remainder and the total's change they add up to. */
export interface WhyTable {
  rows: WhyRow[];
  sum: number;
  /** total change − sum: the part the weighted measure changes do not explain. */
  remainder: number;
  total: number;
}

/** The focus region's measure rows of a result, by measure. */
export function measurePoints(measures: readonly MeasureScore[], focus: string): Map<string, MeasurePoint> {
  return new Map(measures.filter((m) => m.region === focus).map((m) => [m.measure, {raw: m.raw, score: m.score}]));
}

/**
 * Explains `totalChange` (the focus region's total after − before) with the measures whose raw value or score moved (a
 * what-if equal to the current value, as "apply all targets" writes for targets already met, is no change); `after` is
 * the what-if result of the focus region alone with measure rows.
 */
export function explainChange(
  state: SimState,
  baseline: Baseline,
  after: ScoreResult,
  totalChange: number,
  order: readonly string[]
): WhyTable {
  const now = measurePoints(after.measures, state.focus);
  const moved = (a: MeasurePoint, b: MeasurePoint) => a.raw !== b.raw || a.score !== b.score;
  const none: MeasurePoint = {raw: null, score: null};
  const position = new Map(order.map((id, i) => [id, i]));
  const rows: WhyRow[] = [];
  for (const id of order) {
    const before = baseline.measures.get(id) ?? none;
    const later = now.get(id) ?? none;
    if (!moved(before, later)) continue;
    const weight = after.effectiveWeights[id] ?? 0;
    const points = before.score === null || later.score === null ? null : (later.score - before.score) * weight;
    rows.push({measure: id, before, after: later, weight, points});
  }
  rows.sort(
    (a, b) => Math.abs(b.points ?? 0) - Math.abs(a.points ?? 0) || position.get(a.measure)! - position.get(b.measure)!
  );
  const sum = rows.reduce((s, r) => s + (r.points ?? 0), 0);
  return {rows, sum, remainder: totalChange - sum, total: totalChange};
}
