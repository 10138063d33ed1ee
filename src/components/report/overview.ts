/**
 * The overview's view model: the three questions of its first screen — where the focus region stands in its peer
 * group (total, rank, change since the baseline), which of the plan's targets it meets, and which lead units have
 * the most points to gain — then its category scores against the peer median and the best peer, the largest gaps in
 * points attainable, and the one-paragraph summary written from those numbers.
 */
import {hasPlan} from "../plan.js";
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import type {Report} from "../../engine/report/report-data.js";
import {
  formatPeriod,
  formatPoints,
  formatScore,
  formatScoreChange,
  formatTarget,
  joinNames,
  memberNoun
} from "../format.js";
import {categoryOf, lookup, nameOf, unitNames} from "./lookup.js";
import {categoryWords} from "./tiers.js";
import type {Selection} from "./selection.js";
import {standing, type Standing} from "./standing.js";
import {missingLines, type MissingLine} from "./missing.js";
import {median} from "./stats.js";
import {targetCounts, targetRows, type TargetCounts} from "./targets.js";
import {unitRanking, type UnitRank} from "./units.js";

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
  /** Names of the units answerable for it. */
  units: string[];
  /** The plan's target in words, "" when the plan sets none. */
  target: string;
  /** Points attainable: the larger of the frontier gain and the target gain. */
  points: number;
  toFrontier: number | null;
  toTarget: number | null;
  /** Which goal gives `points` (the target when it gives as much as the frontier). */
  goal: "target" | "frontier";
}

/** Everything the overview page shows. */
export interface OverviewModel {
  /** False when the site has no plan catalogue (the World Bank preset): no targets, no lead units to show. */
  plan: boolean;
  focus: {code: string; name: string};
  /** The peer group; `noun` is what its members are called when counted (地区, or 经济体 from a regions file). */
  group: {id: string; name: string; size: number; noun: string};
  latest: string;
  /** The previous period of the same kind as the latest (report.baseline); null when the data have none. */
  baseline: string | null;
  standing: Standing;
  total: number | null;
  rank: number | null;
  /** Peers with a total score in the latest period (the rank's denominator). */
  ranked: number;
  baselineTotal: number | null;
  baselineRank: number | null;
  baselineRanked: number | null;
  /** Total now minus total at the baseline. */
  change: number | null;
  /** Places gained since the baseline (positive = moved up). */
  placesGained: number | null;
  /** The plan's targets met, not met and without data in the latest period. */
  targets: TargetCounts;
  /** The lead units with the most points to gain, in the units page's order. */
  topUnits: UnitRank[];
  categories: CategoryRow[];
  /** What the methodology calls the categories (e.g. 专题/Topic), for titles and column heads. */
  tier: {tier: string; tierLower: string};
  /** Why the focus region has no total, or no score in a category, in the latest period (one line each; [] if none). */
  whyTotal: MissingLine[];
  whyCategories: MissingLine[];
  gaps: GapRow[];
  summary: string;
}

/** How many gaps the overview lists. */
export const TOP_GAPS = 10;

/** How many lead units the overview's first screen names. */
export const TOP_UNITS = 3;

/** Builds the overview model for a selection in the report's latest period. */
export function overviewModel(report: Report, catalogue: Catalogue, selection: Selection, lang: Lang): OverviewModel {
  const look = lookup(report);
  const group = look.group(selection.group);
  const {focus} = selection;
  const {latest, baseline} = report;
  const now = standing(report, group.id, latest, focus, lang);
  const before = baseline === null ? null : standing(report, group.id, baseline, focus, lang);
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
    group: {
      id: group.id,
      name: nameOf(lang, group),
      size: group.members.length,
      noun: memberNoun(lang, group)
    },
    latest,
    baseline,
    standing: now,
    total: now.total,
    rank: now.rank,
    ranked: now.ranked,
    baselineTotal: before?.total ?? null,
    baselineRank: before?.rank ?? null,
    baselineRanked: before?.ranked ?? null,
    change: now.total !== null && before?.total != null ? now.total - before.total : null,
    placesGained: now.rank !== null && before?.rank != null ? before.rank - now.rank : null,
    plan: hasPlan(catalogue),
    targets: targetCounts(targetRows(report, catalogue, selection, lang)),
    topUnits: unitRanking(report, catalogue, selection, lang)
      .filter((u) => (u.toTarget ?? 0) > 0 || (u.toFrontier ?? 0) > 0)
      .slice(0, TOP_UNITS),
    categories,
    tier: categoryWords(report, lang),
    whyTotal: missingLines(report, {period: latest, regions: [focus], scope: "total"}, lang),
    whyCategories: missingLines(report, {period: latest, regions: [focus], scope: "category"}, lang),
    gaps: largestGaps(report, catalogue, focus, lang, TOP_GAPS),
    summary: ""
  };
  model.summary = summarySentence(model, lang);
  return model;
}

/** The `count` measures whose goal would add most to the region's total, largest first (ties by measure id). */
export function largestGaps(
  report: Report,
  catalogue: Pick<Catalogue, "units">,
  region: string,
  lang: Lang,
  count: number
): GapRow[] {
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
      units: unitNames(lang, catalogue, m.owners),
      target: formatTarget(lang, m),
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
  const period = formatPeriod(lang, model.standing.period);
  const baseline = model.baseline === null ? t("overview.noBaselinePeriod") : formatPeriod(lang, model.baseline);
  if (model.total === null || model.rank === null) {
    return t("overview.summary.noTotal", {region, period, group: model.group.name});
  }
  const moved =
    model.baseline === null
      ? t("overview.summary.onePeriod")
      : model.placesGained === null
        ? t("overview.summary.noBaseline", {baseline})
        : t("overview.summary.baseline", {
            baseline,
            rank: model.baselineRank ?? "—",
            change: formatScoreChange(model.change),
            move:
              model.placesGained > 0
                ? t("overview.move.up", {n: model.placesGained})
                : model.placesGained < 0
                  ? t("overview.move.down", {n: -model.placesGained})
                  : t("overview.move.same")
          });
  const standingText = t(model.plan ? "overview.summary.rank" : "overview.summary.rankRegions", {
    region,
    group: model.group.name,
    noun: model.group.noun,
    rank: model.rank,
    count: model.ranked,
    period,
    total: formatScore(model.total),
    moved
  });
  const gap = model.gaps[0];
  if (!gap) return standingText + t("overview.summary.noGap");
  const key = !model.plan
    ? "overview.summary.gapNoPlan"
    : gap.units.length
      ? "overview.summary.gap"
      : "overview.summary.gapNoUnit";
  return (
    standingText +
    t(key, {
      measure: gap.name,
      indicator: gap.indicator,
      goal: t(gap.goal === "target" ? "overview.goal.target" : "overview.goal.frontier"),
      points: formatPoints(gap.points),
      units: joinNames(lang, gap.units)
    })
  );
}
