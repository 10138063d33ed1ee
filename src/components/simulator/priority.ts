/**
 * Reform priority: the points each measure adds to the focus region's total when it moves to its goal, sorted,
 * and the smallest set of reforms that reaches a chosen rank. The set is greedy by points per measure: take the
 * measures in order of their own gain and stop at the shortest prefix that reaches the rank. Adding a reform never
 * lowers the total, so the rank is monotone along the prefix and a binary search finds it with few engine calls.
 * It is a heuristic: interactions between measures are not searched.
 */

/** The gain of moving one measure of the focus region to its goal. */
export interface MeasureGain {
  measure: string;
  /** Raw value the measure moves to. */
  goal: number;
  /** Points added to the focus region's total. */
  points: number;
}

/** Gains with points > 0, largest first (ties by measure id so the order is stable). */
export function sortGains(gains: readonly MeasureGain[], epsilon = 1e-9): MeasureGain[] {
  return gains
    .filter((g) => g.points > epsilon)
    .sort((a, b) => b.points - a.points || a.measure.localeCompare(b.measure));
}

/** The outcome of the greedy search. */
export interface ReformSet {
  /** The reforms taken (a prefix of the sorted gains). */
  chosen: MeasureGain[];
  /** Rank with the chosen reforms (null when unranked). */
  rank: number | null;
  /** Whether the chosen rank was reached. */
  reached: boolean;
  /** Engine calls made. */
  calls: number;
}

/**
 * Finds the shortest prefix of `sorted` whose reforms together give rank ≤ `targetRank`. `rankWith(k)` scores
 * the first k reforms together and returns the focus region's rank.
 */
export async function smallestReformSet(
  sorted: readonly MeasureGain[],
  targetRank: number,
  rankWith: (count: number) => Promise<number | null>
): Promise<ReformSet> {
  let calls = 0;
  const rankAt = async (k: number) => {
    calls++;
    return rankWith(k);
  };
  const meets = (rank: number | null) => rank !== null && rank <= targetRank;
  const now = await rankAt(0);
  if (meets(now)) return {chosen: [], rank: now, reached: true, calls};
  const all = await rankAt(sorted.length);
  if (!meets(all)) return {chosen: [...sorted], rank: all, reached: false, calls};
  let lo = 0; // does not meet
  let hi = sorted.length; // meets
  let hiRank = all;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const rank = await rankAt(mid);
    if (meets(rank)) {
      hi = mid;
      hiRank = rank;
    } else lo = mid;
  }
  return {chosen: sorted.slice(0, hi), rank: hiRank, reached: true, calls};
}
