/**
 * The lead units page's view models, the plan as task lists: the ranking of units by the points their measures would
 * add at the plan's targets and at the frontier; per unit its indicators with the plan's improvement measures
 * (提升措施), its targets with their status, and its points; and the indicators the plan gives no unit at all.
 */
import type {Catalogue, Indicator} from "../../engine/catalogue/catalogue.js";
import {accountableUnits} from "../../engine/catalogue/owners.js";
import {pick} from "../i18n.js";
import type {Lang} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {lookup} from "./lookup.js";
import type {Selection} from "./selection.js";
import {median, SCALE} from "./stats.js";
import {targetRows, type TargetRow} from "./targets.js";

/** One indicator a unit answers for. */
export interface UnitIndicator {
  id: number;
  node: string | null;
  name: string;
  category: string;
  /** 提升措施, the plan's words ("" when it gives none). */
  improvements: string;
  /** Where the unit is named: the indicator's 责任单位 line (section 二) or section 三's quote. */
  source: "lead" | "section 三";
  /** The plan's words naming the unit when `source` is section 三. */
  quote: string;
  score: number | null;
  median: number | null;
  /** Points of the total this indicator lacks: effective weight × (scale − score). */
  lost: number | null;
  effectiveWeight: number;
}

/** A lead unit in the ranking. */
export interface UnitRank {
  id: string;
  name: string;
  /** Points the total gains if every target of its measures is met (null: the plan sets it no target). */
  toTarget: number | null;
  /** Points the total gains if every measure it answers for reaches its frontier. */
  toFrontier: number | null;
}

/** One lead unit's card. */
export interface UnitRow extends UnitRank {
  indicators: UnitIndicator[];
  targets: TargetRow[];
  /** Weighted mean score of its scored indicators (effective weights). */
  score: number | null;
  /** Points of the total its indicators lack. */
  lost: number;
}

/** Units by points attainable at their targets, then at the frontier (largest first; no target after any target). */
const byPoints = (a: UnitRank, b: UnitRank) =>
  (b.toTarget ?? -1) - (a.toTarget ?? -1) || (b.toFrontier ?? -1) - (a.toFrontier ?? -1) || a.id.localeCompare(b.id);

/** Every unit that answers for an indicator, in the ranking's order. */
export function unitRanking(report: Report, catalogue: Catalogue, selection: Selection, lang: Lang): UnitRank[] {
  const look = lookup(report);
  const answering = new Set(catalogue.indicators.flatMap((i) => accountableUnits(i)));
  return catalogue.units
    .filter((u) => answering.has(u.id))
    .map((u) => ({
      id: u.id,
      name: pick(lang, u.nameZh, u.nameEn),
      toTarget: look.of(report.unitGains[u.id]?.toTarget, selection.focus),
      toFrontier: look.of(report.unitGains[u.id]?.toFrontier, selection.focus)
    }))
    .sort(byPoints);
}

/** One indicator for the focus region in the latest period. */
function indicatorOf(report: Report, catalogue: Catalogue, i: Indicator, selection: Selection, lang: Lang) {
  const look = lookup(report);
  const group = look.group(selection.group);
  const node = report.nodes.find((n) => look.depth(n.id) === 2 && n.catalogueId === i.id) ?? null;
  const category = catalogue.categories.find((c) => c.id === i.categoryId);
  const score = node ? look.score(report.latest, node.id, selection.focus) : null;
  return {
    id: i.id,
    node: node?.id ?? null,
    name: pick(lang, i.nameZh, i.nameEn),
    category: category ? pick(lang, category.nameZh, category.nameEn) : "",
    improvements: i.measuresZh,
    source: i.leadUnits.length ? ("lead" as const) : ("section 三" as const),
    quote: i.leadUnits.length ? "" : (i.owner?.quoteZh ?? ""),
    score,
    median: node ? median(group.members.map((m) => look.score(report.latest, node.id, m))) : null,
    lost: node && score !== null ? node.effectiveWeight * (SCALE - score) : null,
    effectiveWeight: node?.effectiveWeight ?? 0
  };
}

/** Every unit's card, in the ranking's order. */
export function unitRows(report: Report, catalogue: Catalogue, selection: Selection, lang: Lang): UnitRow[] {
  const targets = targetRows(report, catalogue, selection, lang);
  return unitRanking(report, catalogue, selection, lang).map((rank) => {
    const indicators = catalogue.indicators
      .filter((i) => accountableUnits(i).includes(rank.id))
      .map((i) => indicatorOf(report, catalogue, i, selection, lang));
    const scored = indicators.filter((i) => i.score !== null && i.effectiveWeight > 0);
    const weight = scored.reduce((s, i) => s + i.effectiveWeight, 0);
    return {
      ...rank,
      indicators,
      targets: targets.filter((t) => t.ownerIds.includes(rank.id)),
      score: weight > 0 ? scored.reduce((s, i) => s + i.effectiveWeight * i.score!, 0) / weight : null,
      lost: indicators.reduce((s, i) => s + (i.lost ?? 0), 0)
    };
  });
}

/** The indicators no unit answers for (neither section 二 nor section 三 names one), in plan order. */
export function ownerlessIndicators(
  report: Report,
  catalogue: Catalogue,
  selection: Selection,
  lang: Lang
): UnitIndicator[] {
  return catalogue.indicators
    .filter((i) => accountableUnits(i).length === 0)
    .map((i) => ({...indicatorOf(report, catalogue, i, selection, lang), source: "lead" as const, quote: ""}));
}

/** Runs of a unit's indicators that share the same improvement measures (a range heading's rows repeat its text). */
export function improvementGroups(indicators: readonly UnitIndicator[]): {ids: number[]; text: string}[] {
  const groups: {ids: number[]; text: string}[] = [];
  for (const i of indicators) {
    const last = groups[groups.length - 1];
    if (last && last.text === i.improvements) last.ids.push(i.id);
    else groups.push({ids: [i.id], text: i.improvements});
  }
  return groups;
}
