/**
 * The overview's view model: where the focus region stands in its peer group (total, rank, change since the
 * baseline), its category scores against the peer median and the best peer, the largest gaps in points
 * attainable, and the one-paragraph summary written from those numbers.
 */
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {periodLabel} from "../../engine/observations/periods.js";
import type {Report} from "../../engine/report/report-data.js";
import {fmt, fmtSigned, joinNames, median} from "./format.js";
import {categoryOf, lookup, nameOf, unitNames} from "./lookup.js";
import type {UnitNames} from "./lookup.js";
import type {Selection} from "./selection.js";

/** One category of the focus region against its peers. */
export interface CategoryRow {
  id: string;
  name: string;
  score: number | null;
  median: number | null;
  best: number | null;
  /** Name of the best-scoring peer (the first by rank on a tie). */
  bestRegion: string | null;
}

/** One measure's gap: the points of the total its frontier or the plan's target would add. */
export interface GapRow {
  measure: string;
  name: string;
  indicator: string;
  category: string;
  units: string[];
  /** Points attainable: the larger of the frontier gain and the target gain. */
  points: number;
  toFrontier: number | null;
  toTarget: number | null;
  /** Which goal gives `points` (the target when it gives as much as the frontier). */
  goal: "target" | "frontier";
}

/** Everything the overview page shows. */
export interface OverviewModel {
  focus: {code: string; name: string};
  group: {id: string; name: string; size: number};
  latest: string;
  /** The previous period of the same kind as the latest (report.baseline); null when the data have none. */
  baseline: string | null;
  /** The two periods as a reader writes them ("2024年", "2024 H1"); the baseline's says when there is none. */
  latestLabel: string;
  baselineLabel: string;
  total: number | null;
  rank: number | null;
  /** Peers with a total score in the latest period (the rank's denominator). */
  ranked: number;
  baselineTotal: number | null;
  baselineRank: number | null;
  /** Total now minus total at the baseline. */
  change: number | null;
  /** Places gained since the baseline (positive = moved up). */
  placesGained: number | null;
  categories: CategoryRow[];
  gaps: GapRow[];
  summary: string;
}

/** How many gaps the overview lists. */
export const TOP_GAPS = 10;

/** Builds the overview model for a selection in the report's latest period. */
export function overviewModel(report: Report, catalogue: UnitNames, selection: Selection, lang: Lang): OverviewModel {
  const look = lookup(report);
  const group = look.group(selection.group);
  const {focus} = selection;
  const {latest, baseline, root} = report;
  const totals = group.members.map((m) => look.score(latest, root, m));
  const total = look.score(latest, root, focus);
  const rank = look.rank(group.id, latest, root, focus);
  const baselineTotal = baseline === null ? null : look.score(baseline, root, focus);
  const baselineRank = baseline === null ? null : look.rank(group.id, baseline, root, focus);
  const categories = look.categories.map((c): CategoryRow => {
    const peers = group.members.map((m) => ({code: m, score: look.score(latest, c.id, m)}));
    const top = peers.reduce<{code: string; score: number} | null>(
      (best, p) =>
        p.score !== null && (best === null || p.score > best.score) ? {code: p.code, score: p.score} : best,
      null
    );
    return {
      id: c.id,
      name: nameOf(lang, c),
      score: look.score(latest, c.id, focus),
      median: median(peers.map((p) => p.score)),
      best: top?.score ?? null,
      bestRegion: top ? look.regionName(top.code) : null
    };
  });
  const model: OverviewModel = {
    focus: {code: focus, name: look.regionName(focus)},
    group: {id: group.id, name: nameOf(lang, group), size: group.members.length},
    latest,
    baseline,
    latestLabel: periodLabel(latest, lang),
    baselineLabel: baseline === null ? translate(lang, "overview.noBaselinePeriod") : periodLabel(baseline, lang),
    total,
    rank,
    ranked: totals.filter((t) => t !== null).length,
    baselineTotal,
    baselineRank,
    change: total !== null && baselineTotal !== null ? total - baselineTotal : null,
    placesGained: rank !== null && baselineRank !== null ? baselineRank - rank : null,
    categories,
    gaps: largestGaps(report, catalogue, focus, lang, TOP_GAPS),
    summary: ""
  };
  model.summary = summarySentence(model, lang);
  return model;
}

/** The `count` measures whose goal would add most to the region's total, largest first (ties by measure id). */
export function largestGaps(report: Report, catalogue: UnitNames, region: string, lang: Lang, count: number): GapRow[] {
  const look = lookup(report);
  const rows: GapRow[] = [];
  for (const m of report.measures) {
    const gain = report.gains[m.id];
    const toFrontier = look.of(gain?.toFrontier, region);
    const toTarget = look.of(gain?.toTarget, region);
    const points = Math.max(toFrontier ?? 0, toTarget ?? 0);
    if (!(points > 0)) continue;
    const indicator = look.node.get(m.indicator);
    const category = categoryOf(look, m.indicator);
    rows.push({
      measure: m.id,
      name: nameOf(lang, m),
      indicator: indicator ? nameOf(lang, indicator) : m.indicator,
      category: category ? nameOf(lang, category) : "",
      units: unitNames(lang, catalogue, m.leadUnits),
      points,
      toFrontier,
      toTarget,
      goal: toTarget !== null && toTarget >= points ? "target" : "frontier"
    });
  }
  return rows.sort((a, b) => b.points - a.points || a.measure.localeCompare(b.measure)).slice(0, count);
}

/** The summary paragraph: rank and change, then the largest gap and who leads it. */
export function summarySentence(model: OverviewModel, lang: Lang): string {
  const t = (key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) =>
    translate(lang, key, params);
  const region = model.focus.name;
  if (model.total === null || model.rank === null) {
    return t("overview.summary.noTotal", {region, period: model.latestLabel, group: model.group.name});
  }
  const moved =
    model.placesGained === null
      ? t("overview.summary.noBaseline", {baseline: model.baselineLabel})
      : t("overview.summary.baseline", {
          baseline: model.baselineLabel,
          rank: model.baselineRank ?? "—",
          change: fmtSigned(model.change),
          move:
            model.placesGained > 0
              ? t("overview.move.up", {n: model.placesGained})
              : model.placesGained < 0
                ? t("overview.move.down", {n: -model.placesGained})
                : t("overview.move.same")
        });
  const standing = t("overview.summary.rank", {
    region,
    group: model.group.name,
    rank: model.rank,
    count: model.ranked,
    period: model.latestLabel,
    total: fmt(model.total),
    moved
  });
  const gap = model.gaps[0];
  if (!gap) return standing + t("overview.summary.noGap");
  return (
    standing +
    t(gap.units.length ? "overview.summary.gap" : "overview.summary.gapNoUnit", {
      measure: gap.name,
      indicator: gap.indicator,
      goal: t(gap.goal === "target" ? "overview.goal.target" : "overview.goal.frontier"),
      points: fmt(gap.points, 2),
      units: joinNames(lang, gap.units)
    })
  );
}
