/** The peers page's view models: ranking table, category heat map and rank movement across periods. */
import type {Lang} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {lookup, nameOf} from "./lookup.js";

/** One row of the ranking table. */
export interface RankRow {
  rank: number | null;
  code: string;
  name: string;
  total: number | null;
  /** Total in this period minus total in the previous period of the same kind (report.previous). */
  change: number | null;
  /** Places gained since that period (positive = moved up). */
  placesGained: number | null;
  focus: boolean;
}

/** The peer group ranked in a period: by rank, regions without a score last (then by code). */
export function rankingRows(report: Report, groupId: string, period: string, focus: string): RankRow[] {
  const look = lookup(report);
  const group = look.group(groupId);
  const {root} = report;
  // A period is compared with the previous one of the same kind (year with year, half with half), if any.
  const previous = report.previous[period] ?? null;
  return group.members
    .map((code): RankRow => {
      const total = look.score(period, root, code);
      const before = previous === null ? null : look.score(previous, root, code);
      const rank = look.rank(group.id, period, root, code);
      const baseRank = previous === null ? null : look.rank(group.id, previous, root, code);
      return {
        rank,
        code,
        name: look.regionName(code),
        total,
        change: total !== null && before !== null ? total - before : null,
        placesGained: rank !== null && baseRank !== null ? baseRank - rank : null,
        focus: code === focus
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}

/** One cell of the heat map: a region's score in a category. */
export interface HeatCell {
  code: string;
  region: string;
  categoryId: string;
  /** The category's position among the root's children (1..13 for Zhuanglang), the heat map's column label. */
  category: number;
  categoryName: string;
  score: number | null;
  focus: boolean;
}

/** Regions × categories in a period, regions in ranking order. */
export function heatmapCells(report: Report, groupId: string, period: string, focus: string, lang: Lang): HeatCell[] {
  const look = lookup(report);
  return rankingRows(report, groupId, period, focus).flatMap((row) =>
    look.categories.map((c, i) => ({
      code: row.code,
      region: row.name,
      categoryId: c.id,
      category: i + 1,
      categoryName: nameOf(lang, c),
      score: look.score(period, c.id, row.code),
      focus: row.focus
    }))
  );
}

/** A region's total rank in one period. */
export interface RankPoint {
  code: string;
  name: string;
  period: string;
  rank: number | null;
  focus: boolean;
}

/** Every member's total rank in every period of the report, in time order (report.periods). */
export function rankMovement(report: Report, groupId: string, focus: string): RankPoint[] {
  const look = lookup(report);
  const group = look.group(groupId);
  return report.periods.flatMap((period) =>
    group.members.map((code) => ({
      code,
      name: look.regionName(code),
      period,
      rank: look.rank(group.id, period, report.root, code),
      focus: code === focus
    }))
  );
}
