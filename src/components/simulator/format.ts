/**
 * Number formatting of the simulator's panels and its browser test. Totals and ranks are written by the site's one
 * formatting module (src/components/format.ts), so the simulator shows them exactly as the report pages do.
 */
import {formatScore as siteScore} from "../format.js";

/** A total or score as every page shows it (src/components/format.ts): one decimal, "—" when missing. */
export const formatScore = siteScore;

/** A change with its sign: "+0.25", "−0.10", "0.00". */
export function formatDelta(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${x > 0 ? "+" : "−"}${text}`;
}

/** A raw value: up to four significant decimals, no trailing zeros. */
export function formatValue(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return String(Number(x.toFixed(4)));
}

/** A weight share as a percentage with two decimals. */
export function formatShare(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : `${(x * 100).toFixed(2)}%`;
}

/** The exact value written into `data-exact` (round-trips through Number()). */
export function exact(x: number | null | undefined): string {
  return x === null || x === undefined ? "" : String(x);
}
