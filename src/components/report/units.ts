/**
 * The lead units page's view model, the accountability view the plan asks for: per unit its indicators, its
 * current score, the points its indicators lose in the total, and the points attainable if its targets (or the
 * frontiers) were met; units sorted by the points their targets would add.
 */
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import {pick} from "../i18n.js";
import type {Lang} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {median, SCALE} from "./format.js";
import {lookup, nameOf} from "./lookup.js";
import type {Selection} from "./selection.js";

/** One indicator a unit leads. */
export interface UnitIndicator {
  id: number;
  node: string;
  name: string;
  category: string;
  score: number | null;
  median: number | null;
  /** Points of the total this indicator lacks: effective weight × (scale − score). */
  lost: number | null;
  effectiveWeight: number;
}

/** One lead unit. */
export interface UnitRow {
  id: string;
  name: string;
  indicators: UnitIndicator[];
  /** Weighted mean score of its scored indicators (effective weights). */
  score: number | null;
  /** Points of the total its indicators lack. */
  lost: number;
  /** Points the total gains if every target of its measures is met (null: the plan sets it no target). */
  toTarget: number | null;
  /** Points the total gains if every measure of its indicators reaches its frontier. */
  toFrontier: number | null;
}

/** Every lead unit with at least one indicator, sorted by points attainable with its targets, then at the frontier. */
export function unitRows(report: Report, catalogue: Catalogue, selection: Selection, lang: Lang): UnitRow[] {
  const look = lookup(report);
  const group = look.group(selection.group);
  const {latest} = report;
  const nodeOf = new Map(report.nodes.filter((n) => n.level === "indicator").map((n) => [n.catalogueId, n]));
  const rows: UnitRow[] = [];
  for (const unit of catalogue.units) {
    const indicators: UnitIndicator[] = catalogue.indicators
      .filter((i) => i.leadUnits.includes(unit.id) && nodeOf.has(i.id))
      .map((i) => {
        const node = nodeOf.get(i.id)!;
        const category = catalogue.categories.find((c) => c.id === i.categoryId);
        const score = look.score(latest, node.id, selection.focus);
        return {
          id: i.id,
          node: node.id,
          name: nameOf(lang, node),
          category: category ? pick(lang, category.nameZh, category.nameEn) : "",
          score,
          median: median(group.members.map((m) => look.score(latest, node.id, m))),
          lost: score === null ? null : node.effectiveWeight * (SCALE - score),
          effectiveWeight: node.effectiveWeight
        };
      });
    if (indicators.length === 0) continue;
    const scored = indicators.filter((i) => i.score !== null);
    const weight = scored.reduce((s, i) => s + i.effectiveWeight, 0);
    const gains = report.unitGains[unit.id];
    rows.push({
      id: unit.id,
      name: pick(lang, unit.nameZh, unit.nameEn),
      indicators,
      score: weight > 0 ? scored.reduce((s, i) => s + i.effectiveWeight * i.score!, 0) / weight : null,
      lost: indicators.reduce((s, i) => s + (i.lost ?? 0), 0),
      toTarget: look.of(gains?.toTarget, selection.focus),
      toFrontier: look.of(gains?.toFrontier, selection.focus)
    });
  }
  return rows.sort(
    (a, b) =>
      (b.toTarget ?? -1) - (a.toTarget ?? -1) || (b.toFrontier ?? -1) - (a.toFrontier ?? -1) || a.id.localeCompare(b.id)
  );
}
