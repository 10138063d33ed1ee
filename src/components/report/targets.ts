/**
 * The targets page's view model: every target of the plan for the focus region, with the value in every period, the
 * status in the latest period (met, not met, no data: computed at build time by the goal rule), the gap to the
 * target and the points reaching it would add; sorted by status (not met first), then points.
 */
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import type {Report, ReportMeasure, ReportTarget} from "../../engine/report/report-data.js";
import {formatTarget} from "../format.js";
import {pick} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {lookup, nameOf, unitNames} from "./lookup.js";
import type {Selection} from "./selection.js";

/** A target's status in a period. */
export type TargetStatus = "unmet" | "nodata" | "met";

/** The order of the statuses on the page: what is left to do first. */
export const STATUS_ORDER: readonly TargetStatus[] = ["unmet", "nodata", "met"];

/** One target of the plan for the focus region. */
export interface TargetRow {
  id: number;
  indicatorId: number;
  indicator: string;
  measure: string;
  measureName: string;
  unit: string;
  ownerIds: string[];
  owners: string[];
  /** The target in words ("≤ 0.5 个工作日"). */
  target: string;
  quote: string;
  /** The value in each period of the data, oldest first. */
  values: {period: string; value: number | null}[];
  status: TargetStatus;
  /** How far the latest value is from the target, in its unit; 0 when met, null without a value. */
  gap: number | null;
  /** Points the total gains if this measure alone reaches its target (latest period). */
  points: number | null;
}

/** How many targets are met, not met and without data. */
export interface TargetCounts {
  met: number;
  unmet: number;
  nodata: number;
  total: number;
}

/** The direction of a target's measure: the methodology's, else read from the comparator. */
function measureLike(t: ReportTarget, m: ReportMeasure | undefined): Pick<ReportMeasure, "target" | "higher" | "unit"> {
  const target = {value: t.value, comparator: t.comparator, quoteZh: t.quoteZh};
  return {target, higher: m ? m.higher : t.comparator !== "<=", unit: t.unit};
}

/** Every target for the focus region in the latest period, sorted by status, then points (largest first), then id. */
export function targetRows(report: Report, catalogue: Catalogue, selection: Selection, lang: Lang): TargetRow[] {
  const look = lookup(report);
  const {focus} = selection;
  const measures = new Map(report.measures.map((m) => [m.id, m]));
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const rows = report.targets.map((t): TargetRow => {
    const m = measures.get(t.measure);
    const indicator = indicators.get(t.indicatorId);
    const latest = look.of(t.values[report.latest], focus);
    const met = look.of(t.met[report.latest], focus);
    const status: TargetStatus = met === null ? "nodata" : met ? "met" : "unmet";
    return {
      id: t.id,
      indicatorId: t.indicatorId,
      indicator: indicator ? pick(lang, indicator.nameZh, indicator.nameEn) : String(t.indicatorId),
      measure: t.measure,
      measureName: m ? nameOf(lang, m) : (indicator?.nameZh ?? t.measure),
      unit: t.unit,
      ownerIds: t.owners,
      owners: unitNames(lang, catalogue, t.owners),
      target: formatTarget(lang, measureLike(t, m)),
      quote: t.quoteZh,
      values: report.periods.map((period) => ({period, value: look.of(t.values[period], focus)})),
      status,
      gap: latest === null ? null : status === "met" ? 0 : Math.abs(latest - t.value),
      points: status === "met" ? 0 : look.of(report.gains[t.measure]?.toTarget, focus)
    };
  });
  return rows.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (b.points ?? -1) - (a.points ?? -1) ||
      a.id - b.id
  );
}

/** Counts of each status. */
export function targetCounts(rows: readonly TargetRow[]): TargetCounts {
  const count = (s: TargetStatus) => rows.filter((r) => r.status === s).length;
  return {met: count("met"), unmet: count("unmet"), nodata: count("nodata"), total: rows.length};
}

/** The filter value that keeps targets no unit answers for. */
export const NO_OWNER = "__none__";

/** The rows of one lead unit (its id), of none (`NO_OWNER`), or all (null). */
export function filterTargets(rows: readonly TargetRow[], unit: string | null): TargetRow[] {
  if (unit === null) return [...rows];
  return rows.filter((r) => (unit === NO_OWNER ? r.ownerIds.length === 0 : r.ownerIds.includes(unit)));
}

/** The lead units that answer for at least one target, in catalogue order (the filter's options). */
export function targetUnits(report: Report, catalogue: Catalogue): string[] {
  const owning = new Set(report.targets.flatMap((t) => t.owners));
  return catalogue.units.filter((u) => owning.has(u.id)).map((u) => u.id);
}
