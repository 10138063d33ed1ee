/** The method page's view models: effective weights per node and measure, and the periods of the data. */
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {periodLabel} from "../../engine/observations/periods.js";
import type {Report} from "../../engine/report/report-data.js";
import {formatPeriods} from "../format.js";
import {ancestorAt, lookup, nameOf} from "./lookup.js";

/** One row of the weights table. */
export interface WeightRow {
  level: string;
  id: string;
  name: string;
  category: string;
  /** Share of the total (product of the relative weights from the root). */
  effectiveWeight: number;
}

/**
 * Categories (the root's children), the tier below them ("indicator") and measures with their effective weights, in
 * hierarchy order, whatever the methodology calls its levels. A measure sits under its tier-2 ancestor, or right
 * after its category when it is a direct child of it.
 */
export function weightRows(report: Report, lang: Lang): WeightRow[] {
  const look = lookup(report);
  const rows: WeightRow[] = [];
  const measureRows = (under: (m: Report["measures"][number]) => boolean, category: string) => {
    for (const m of report.measures.filter(under)) {
      rows.push({level: "measure", id: m.id, name: nameOf(lang, m), category, effectiveWeight: m.effectiveWeight});
    }
  };
  for (const c of look.categories) {
    const category = nameOf(lang, c);
    rows.push({level: "category", id: c.id, name: category, category, effectiveWeight: c.effectiveWeight});
    measureRows((m) => m.indicator === c.id, category);
    for (const i of report.nodes.filter((n) => n.parent === c.id)) {
      rows.push({level: "indicator", id: i.id, name: nameOf(lang, i), category, effectiveWeight: i.effectiveWeight});
      measureRows((m) => m.indicator !== c.id && ancestorAt(look, m.indicator, 2)?.id === i.id, category);
    }
  }
  return rows;
}

/** Sum of the effective weights of one level (1 when the weights are consistent). */
export function weightSum(rows: readonly WeightRow[], level: string): number {
  return rows.filter((r) => r.level === level).reduce((s, r) => s + r.effectiveWeight, 0);
}

/** The periods of the data in time order, the latest, and the period the latest is compared with. */
export function periodsSentence(report: Pick<Report, "periods" | "latest" | "baseline">, lang: Lang): string {
  const label = (p: string) => periodLabel(p, lang);
  if (report.periods.length === 1) return translate(lang, "method.periodsOne", {latest: label(report.latest)});
  return translate(lang, "method.periods", {
    periods: formatPeriods(report.periods, lang),
    latest: label(report.latest),
    baseline: report.baseline === null ? translate(lang, "overview.noBaselinePeriod") : label(report.baseline)
  });
}
