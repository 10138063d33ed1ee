/**
 * Sensitivity of the ranking to the weights: Monte Carlo draws where every weight is multiplied by U(1−k, 1+k),
 * scored by the engine a chunk of draws per statement (scenarios as a dimension), summarised per region as the median
 * rank and the 5–95 % band. The runner yields to the browser between chunks so the page stays responsive, reports
 * progress and can be cancelled.
 */

/** A small seeded generator (mulberry32) so a run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One draw: every weight × U(1−k, 1+k). `k` must be in [0, 1). */
export function drawWeights(
  base: Readonly<Record<string, number>>,
  k: number,
  random: () => number
): Record<string, number> {
  if (!(k >= 0 && k < 1)) throw new RangeError(`k 必须在 [0, 1) 内 / k must be in [0, 1), got ${k}`);
  const out: Record<string, number> = {};
  for (const id of Object.keys(base).sort()) out[id] = base[id] * (1 - k + 2 * k * random());
  return out;
}

/** The p-quantile (0..1) of sorted numbers, linear between order statistics (R type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A region's rank distribution over the draws. */
export interface RankBand {
  region: string;
  median: number;
  p5: number;
  p95: number;
  draws: number;
  /** Every draw's rank, sorted. */
  ranks: number[];
}

/** Share of the draws (0–1) in which a band's region holds `rank`. */
export function shareAt(band: RankBand, rank: number): number {
  return band.draws === 0 ? 0 : band.ranks.filter((r) => r === rank).length / band.draws;
}

/** Median and 5–95 % band of each region's ranks, best median first. */
export function summariseRanks(ranks: ReadonlyMap<string, readonly number[]>): RankBand[] {
  const out: RankBand[] = [];
  for (const [region, list] of ranks) {
    const sorted = [...list].sort((a, b) => a - b);
    out.push({
      region,
      median: quantile(sorted, 0.5),
      p5: quantile(sorted, 0.05),
      p95: quantile(sorted, 0.95),
      draws: sorted.length,
      ranks: sorted
    });
  }
  return out.sort((a, b) => a.median - b.median || a.region.localeCompare(b.region));
}

/** How a run is set up. */
export interface SensitivityRun {
  draws: number;
  k: number;
  seed: number;
  /** The weights perturbed (id → current weight). */
  base: Readonly<Record<string, number>>;
  /** Scores sets of weights (one engine statement for all of them); returns region → rank for each. */
  rankWith: (weights: Record<string, number>[]) => Promise<ReadonlyMap<string, number | null>[]>;
  /** Draws scored per call (default 1); the draws themselves do not depend on it. */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between draws; when it says so the run stops and returns what it has. */
  cancelled?: () => boolean;
  /** Lets the page breathe between draws (default: a macrotask). */
  pause?: () => Promise<void>;
}

/** Runs the draws a chunk at a time, yielding between chunks; returns the bands and how many draws were done. */
export async function runSensitivity(
  run: SensitivityRun
): Promise<{bands: RankBand[]; done: number; cancelled: boolean}> {
  const random = seededRandom(run.seed);
  const pause = run.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const chunk = Math.max(1, Math.floor(run.chunk ?? 1));
  const ranks = new Map<string, number[]>();
  let done = 0;
  while (done < run.draws) {
    if (run.cancelled?.()) break;
    const draws = Array.from({length: Math.min(chunk, run.draws - done)}, () => drawWeights(run.base, run.k, random));
    for (const result of await run.rankWith(draws)) {
      for (const [region, rank] of result) {
        if (rank === null) continue;
        const list = ranks.get(region) ?? [];
        list.push(rank);
        ranks.set(region, list);
      }
    }
    done += draws.length;
    run.onProgress?.(done, run.draws);
    await pause();
  }
  return {bands: summariseRanks(ranks), done, cancelled: done < run.draws};
}
