/** Small statistics of the report view models. */

/** Scores are on a 0..100 scale (the methodology's `scale`); a node's points in the total are weight × score. */
export const SCALE = 100;

/** The median of the non-missing values, or null when there is none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}
