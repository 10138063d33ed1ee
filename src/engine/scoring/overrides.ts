/** Which raw-value overrides of a scenario apply to a request, resolved to one per (region, period, measure). */
import type {Overrides} from "./output-sql.js";
import type {ValueOverride} from "./types.js";

/** The names of a request the overrides are resolved against, and how to code them. */
export interface OverrideContext {
  leaves: readonly string[];
  periods: readonly string[];
  region: (name: string) => number;
  period: (name: string) => number;
  measure: (id: string) => number;
}

/**
 * The value overrides that apply to a request: leaves and requested periods only; a period-specific override beats one
 * for every period (among equals the last one given wins). Also returns the (region, period) pairs they touch. As
 * columns of codes, for `overrideParams`.
 */
export function resolveOverrides(values: readonly ValueOverride[], ctx: OverrideContext): Overrides {
  const leaves = new Set(ctx.leaves);
  const periods = new Set(ctx.periods);
  const chosen = new Map<string, {region: string; period: string; measure: string; value: number | null}>();
  const specific = new Set<string>();
  for (const v of values) {
    if (!leaves.has(v.region)) continue;
    const given = v.period != null;
    for (const period of given ? (periods.has(v.period!) ? [v.period!] : []) : ctx.periods) {
      const key = `${v.region}\u0000${period}\u0000${v.measure}`;
      if (specific.has(key) && !given) continue;
      if (given) specific.add(key);
      chosen.set(key, {region: v.region, period, measure: v.measure, value: v.value});
    }
  }
  const rows = [...chosen.values()];
  const pairs = [...new Map(rows.map((r) => [`${r.region}\u0000${r.period}`, r])).values()];
  return {
    overrides: [
      rows.map((r) => ctx.region(r.region)),
      rows.map((r) => ctx.period(r.period)),
      rows.map((r) => ctx.measure(r.measure)),
      rows.map((r) => r.value)
    ],
    pairs: [pairs.map((r) => ctx.region(r.region)), pairs.map((r) => ctx.period(r.period))]
  };
}
