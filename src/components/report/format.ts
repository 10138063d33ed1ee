/** Number formatting and small statistics shared by the report view models and renderers. */
import type {Lang} from "../i18n.js";
import {periodLabel} from "../../engine/observations/periods.js";

/** A score or points value with `digits` decimals, or "—" when missing. */
export function fmt(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(digits);
}

/** A signed difference: "+3.1", "−0.4", "0.0"; "—" when missing. */
export function fmtSigned(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return text;
  return (x > 0 ? "+" : "−") + text;
}

/** A weight as a percentage: 0.0769 → "7.69%". */
export function fmtPercent(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : `${(x * 100).toFixed(digits)}%`;
}

/** The median of the non-missing values, or null when there is none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Joins names as a list in the page language: "政府办、大数据中心" / "Gov Office, Big Data Center". */
export function joinNames(lang: Lang, names: readonly string[]): string {
  return names.join(lang === "en" ? ", " : "、");
}

/** Periods in time order as readers write them: "2022年 → 2023年上半年 → 2023年". */
export function fmtPeriods(periods: readonly string[], lang: Lang): string {
  return periods.map((p) => periodLabel(p, lang)).join(" → ");
}

/** Scores are on a 0..100 scale (the methodology's `scale`); a node's points in the total are weight × score. */
export const SCALE = 100;
