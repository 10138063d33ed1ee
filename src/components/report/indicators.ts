/**
 * The indicators page's view models: one entry per catalogue indicator (assessment points, improvement
 * measures, lead units, targets with the plan's quote, measures) — or, when the methodology's hierarchy is not the
 * catalogue's, one per node of the tier below the categories, named by the methodology — the search and filters, and
 * the peer values of one measure for its chart.
 */
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import {accountableUnits} from "../../engine/catalogue/owners.js";
import {pick, translate} from "../i18n.js";
import {periodLabel} from "../../engine/observations/periods.js";
import {hasPlan} from "../plan.js";
import {categoryWords} from "./tiers.js";
import type {Lang} from "../i18n.js";
import type {Report, ReportMeasure, ReportValues} from "../../engine/report/report-data.js";
import {ancestorAt, lookup, nameOf, unitNames, type ReportLookup} from "./lookup.js";
import {isYesNo} from "../../engine/model/yes-no.js";

/** One catalogue indicator as the indicators page shows it. */
export interface IndicatorEntry {
  /** Catalogue indicator id; for a methodology's own tier, its position (1, 2, …) in hierarchy order. */
  id: number;
  /** Methodology node id (i001…), null when the methodology does not score it. */
  node: string | null;
  categoryId: number;
  category: string;
  name: string;
  assessment: string;
  improvements: string;
  /** The units answerable for it (section 二's lead units, else section 三's owners). */
  unitIds: string[];
  units: string[];
  /** The plan's words naming the units when they come from section 三; "" otherwise. */
  ownerQuote: string;
  /** The plan's targets on its measures, as the plan words them (status per region: `targetRows`). */
  targetQuotes: string[];
  /** True for a catalogue indicator (with the plan's assessment points and improvement measures). */
  plan: boolean;
  /** Catalogue ids of those targets (the card shows their status). */
  targetIds: number[];
  measures: ReportMeasure[];
  effectiveWeight: number | null;
  /** Lower-case Chinese and English text the search looks in. */
  haystack: string;
}

/**
 * Every indicator of the catalogue, in plan order; when no catalogue indicator is a node of the methodology (another
 * grouping of the measures, e.g. the NDRC regrouping), every node of the tier below the categories instead.
 */
export function indicatorEntries(report: Report, catalogue: Catalogue, lang: Lang): IndicatorEntry[] {
  // A catalogue indicator is the tier below the categories (describeNodes matches it by the number in its id).
  const look = lookup(report);
  const nodeOf = new Map(report.nodes.filter((n) => look.depth(n.id) === 2).map((n) => [n.catalogueId, n]));
  if (!catalogue.indicators.some((i) => nodeOf.has(i.id))) return tierEntries(look, catalogue, lang);
  return catalogue.indicators.map((ind) => {
    const node = nodeOf.get(ind.id) ?? null;
    const category = catalogue.categories.find((c) => c.id === ind.categoryId);
    const measures = node ? report.measures.filter((m) => m.indicator === node.id) : [];
    const targets = catalogue.targets.filter((t) => t.indicatorId === ind.id);
    const targetQuotes = targets.map((t) => t.quoteZh);
    const unitIds = accountableUnits(ind);
    const zhUnits = unitNames("zh", catalogue, unitIds);
    const enUnits = unitNames("en", catalogue, unitIds);
    const haystack = [
      String(ind.id),
      ind.nameZh,
      ind.nameEn,
      ind.headingZh,
      ind.assessmentZh,
      ind.measuresZh,
      category?.nameZh ?? "",
      category?.nameEn ?? "",
      ...zhUnits,
      ...enUnits,
      ...measures.flatMap((m) => [m.id, m.nameZh, m.nameEn]),
      ...targetQuotes
    ]
      .join("\n")
      .toLowerCase();
    return {
      id: ind.id,
      node: node?.id ?? null,
      categoryId: ind.categoryId,
      category: category ? pick(lang, category.nameZh, category.nameEn) : "",
      name: pick(lang, ind.nameZh, ind.nameEn),
      assessment: ind.assessmentZh,
      improvements: ind.measuresZh,
      unitIds,
      units: lang === "en" ? enUnits : zhUnits,
      ownerQuote: ind.leadUnits.length ? "" : (ind.owner?.quoteZh ?? ""),
      targetQuotes,
      plan: true,
      targetIds: targets.map((t) => t.id),
      measures,
      effectiveWeight: node?.effectiveWeight ?? null,
      haystack
    };
  });
}

/**
 * The methodology's own second tier: per category (numbered by its place under the root), one entry for the measures
 * right under it (if any) and one per child node with the measures below it; lead units and targets per measure.
 */
function tierEntries(look: ReportLookup, catalogue: Catalogue, lang: Lang): IndicatorEntry[] {
  const {report} = look;
  const entries: IndicatorEntry[] = [];
  look.categories.forEach((category, i) => {
    const tier = [
      {node: category, measures: report.measures.filter((m) => m.indicator === category.id)},
      ...report.nodes
        .filter((n) => n.parent === category.id)
        .map((node) => ({
          node,
          measures: report.measures.filter(
            (m) => m.indicator !== category.id && ancestorAt(look, m.indicator, 2) === node
          )
        }))
    ];
    for (const {node, measures} of tier.filter((x) => x.measures.length > 0)) {
      const ids = new Set(measures.map((m) => m.id));
      const targets = catalogue.targets.filter((t) => ids.has(t.measure));
      const unitIds = [...new Set(measures.flatMap((m) => m.owners))];
      const names = [node, category, ...measures].flatMap((x) => [x.nameZh, x.nameEn]);
      entries.push({
        id: entries.length + 1,
        node: node.id,
        categoryId: i + 1,
        category: nameOf(lang, category),
        name: nameOf(lang, node),
        assessment: "",
        improvements: "",
        unitIds,
        units: unitNames(lang, catalogue, unitIds),
        ownerQuote: "",
        targetQuotes: targets.map((t) => t.quoteZh),
        plan: false,
        targetIds: targets.map((t) => t.id),
        measures,
        effectiveWeight: node.effectiveWeight,
        haystack: [
          String(entries.length + 1),
          ...names,
          ...unitNames("zh", catalogue, unitIds),
          ...unitNames("en", catalogue, unitIds),
          ...measures.map((m) => m.id),
          ...targets.map((t) => t.quoteZh)
        ]
          .join("\n")
          .toLowerCase()
      });
    }
  });
  return entries;
}

/** The page's filters: free text (every word must match, Chinese or English), a category and a lead unit. */
export interface IndicatorFilter {
  query?: string;
  /** Catalogue category id; null or undefined for all. */
  category?: number | null;
  /** Lead unit id; null or undefined for all. */
  unit?: string | null;
}

/** The entries matching every filter, in plan order. */
export function filterIndicators(entries: readonly IndicatorEntry[], filter: IndicatorFilter): IndicatorEntry[] {
  const words = (filter.query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter(
    (e) =>
      (filter.category === null || filter.category === undefined || e.categoryId === filter.category) &&
      (filter.unit === null || filter.unit === undefined || e.unitIds.includes(filter.unit)) &&
      words.every((w) => e.haystack.includes(w))
  );
}

/** One peer's raw value of a measure. */
export interface PeerValue {
  code: string;
  name: string;
  value: number;
  focus: boolean;
}

/** A measure's raw values across the peer group in a period, with its frontier and target. */
export interface MeasurePeers {
  measure: ReportMeasure;
  name: string;
  values: PeerValue[];
  focusValue: number | null;
  /** Peers without a value. */
  missing: number;
  best: number | null;
  target: number | null;
}

/** The peer values chart's data for one measure (values sorted best first). */
export function measurePeers(
  report: Report,
  values: ReportValues,
  measure: ReportMeasure,
  groupId: string,
  period: string,
  focus: string,
  lang: Lang
): MeasurePeers {
  const look = lookup(report);
  const group = look.group(groupId);
  const raw = values[period]?.[measure.id]?.raw;
  const sign = measure.direction === "lower_is_better" ? 1 : -1;
  const present = group.members
    .map((code) => ({code, name: look.regionName(code), value: look.of(raw, code), focus: code === focus}))
    .filter((v): v is PeerValue => v.value !== null)
    .sort((a, b) => sign * (a.value - b.value) || a.code.localeCompare(b.code));
  return {
    measure,
    name: nameOf(lang, measure),
    values: present,
    focusValue: look.of(raw, focus),
    missing: group.members.length - present.length,
    best: isYesNo(measure) ? null : measure.best,
    target: measure.target?.value ?? null
  };
}

/** One yes/no item of an indicator's checklist with its score: above 0 present, 0 missing, null no data. */
export interface ChecklistItem {
  measure: string;
  name: string;
  score: number | null;
}

/** An indicator scored by yes/no items: each item's value for the focus region, and the names of the missing ones. */
export interface Checklist {
  items: ChecklistItem[];
  present: number;
  /** Items scoring 0 (the region lacks them). */
  missing: string[];
  /** Items without a value. */
  unknown: string[];
}

/** The yes/no items (measures whose unit is yes/no) of an indicator for a region in a period; null if it has none. */
export function checklist(
  report: Report,
  values: ReportValues,
  measures: readonly ReportMeasure[],
  period: string,
  focus: string,
  lang: Lang
): Checklist | null {
  const look = lookup(report);
  const items = measures
    .filter((m) => isYesNo(m))
    .map((m) => ({measure: m.id, name: nameOf(lang, m), score: look.of(values[period]?.[m.id]?.score, focus)}));
  if (items.length === 0) return null;
  return {
    items,
    present: items.filter((i) => i.score !== null && i.score > 0).length,
    missing: items.filter((i) => i.score === 0).map((i) => i.name),
    unknown: items.filter((i) => i.score === null).map((i) => i.name)
  };
}

/**
 * The page's lead: the plan's 123 indicators; or, on a regrouping with a catalogue (NDRC), the tier below its
 * categories with the plan's units and targets; or, without a plan (the World Bank preset), the methodology's own tiers.
 */
export function indicatorsLead(
  report: Report,
  catalogue: Catalogue,
  entries: readonly IndicatorEntry[],
  lang: Lang
): string {
  const key = !hasPlan(catalogue)
    ? "indicators.leadTierNoPlan"
    : entries[0]?.plan === false
      ? "indicators.leadTier"
      : "indicators.lead";
  return translate(lang, key, {
    period: periodLabel(report.latest, lang),
    n: entries.length,
    method: pick(lang, report.methodology.nameZh, report.methodology.nameEn),
    ...categoryWords(report, lang)
  });
}
