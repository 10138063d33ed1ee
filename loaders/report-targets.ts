/**
 * The plan's targets as the report pages read them: each target of the catalogue with its measure's raw value in every
 * period for every region, and whether the region meets it by the one goal rule (`targetMet`, src/engine/model).
 */
import {accountableUnits, type Catalogue} from "../src/engine/catalogue/catalogue.js";
import {targetMet} from "../src/engine/model/model.js";
import type {ReportMeasure, ReportTarget, ReportValues, Status} from "../src/engine/report/report-data.js";

/** Every target of `catalogue`, in its order; values and status are aligned with the report's regions. */
export function reportTargets(
  catalogue: Catalogue,
  measures: readonly ReportMeasure[],
  values: ReportValues,
  periods: readonly string[],
  regionCount: number
): ReportTarget[] {
  const byId = new Map(measures.map((m) => [m.id, m]));
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
  return catalogue.targets.map((t) => {
    const measure = byId.get(t.measure);
    const indicator = indicators.get(t.indicatorId);
    const raw: ReportTarget["values"] = {};
    const met: ReportTarget["met"] = {};
    for (const period of periods) {
      const row = measure ? values[period]?.[t.measure]?.raw : undefined;
      raw[period] = row ?? new Array<number | null>(regionCount).fill(null);
      met[period] = raw[period].map((v): Status[number] => {
        const ok = measure ? targetMet({target: measure.target ?? t, higher: measure.higher}, v) : null;
        return ok === null ? null : ok ? 1 : 0;
      });
    }
    return {
      id: t.id,
      indicatorId: t.indicatorId,
      measure: t.measure,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      quoteZh: t.quoteZh,
      owners: indicator ? accountableUnits(indicator) : [],
      values: raw,
      met
    };
  });
}
