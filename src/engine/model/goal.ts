/**
 * The one goal rule. A plan target is met when the value is at or beyond it the way its comparator says: `<=` at or
 * below, `>=` at or above; an `=` target ("设置10个综合窗口", "零费用") is read in the measure's direction, so that
 * going beyond it (12 windows, still zero fees) still meets it, as the scores themselves reward. Meeting a goal never
 * makes a region worse: a value that already meets it is kept. The frontier goal is the value that scores full marks;
 * a target beyond the frontier gains no more than the frontier (scores are capped there).
 */
import type {MeasureInfo} from "./describe.js";

/** The goal a measure moves to: the plan's target, or the frontier (the value scoring full marks). */
export type Goal = "target" | "frontier";

/** Tolerance for "equal" on values read from files (a value 1e-12 short of its target meets it). */
const EPS = 1e-9;

type Targeted = Pick<MeasureInfo, "target" | "higher">;

/** How a target is met: at most (`<=`) or at least (`>=`) its value; `=` reads in the measure's direction. Null without one. */
export function goalComparator(m: Targeted): "<=" | ">=" | null {
  if (!m.target) return null;
  const {comparator} = m.target;
  return comparator === "<=" || (comparator === "=" && !m.higher) ? "<=" : ">=";
}

/** Whether `value` meets the measure's plan target; null when there is no target or no value. */
export function targetMet(m: Targeted, value: number | null): boolean | null {
  if (!m.target || value === null) return null;
  const goal = m.target.value;
  return goalComparator(m) === "<=" ? value <= goal + EPS : value >= goal - EPS;
}

/** The value a region reaches when it meets a goal; a value that already meets it is kept. Null without that goal. */
export function goalValue(m: Targeted & Pick<MeasureInfo, "best">, goal: Goal, current: number | null): number | null {
  if (goal === "target") {
    if (!m.target) return null;
    return targetMet(m, current) ? current : m.target.value;
  }
  if (m.best === null) return null;
  if (current === null) return m.best;
  return m.higher ? Math.max(current, m.best) : Math.min(current, m.best);
}
