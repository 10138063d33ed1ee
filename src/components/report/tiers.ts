/**
 * What the pages call the tiers of the methodology's hierarchy: the methodology's level names (its `levels`), else the
 * generic words. Kept apart from method.ts so that the lighter pages (indicators) need not load the method page's models.
 */
import {pick, translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {lookup} from "./lookup.js";

/** What the method page calls each tier: the categories, the tier below them, and the measures. */
export type TierLabels = Record<"category" | "indicator" | "measure", string>;

/**
 * The tiers' names: the methodology's name of the level (its `levels`) when every node of the tier shares that level,
 * else the generic words (类别, 指标).
 */
export function tierLabels(report: Report, lang: Lang): TierLabels {
  const look = lookup(report);
  const label = (depth: number, generic: "method.level.category" | "method.level.indicator") => {
    const levels = [...new Set(report.nodes.filter((n) => look.depth(n.id) === depth).map((n) => n.level))];
    const named = levels.length === 1 ? report.levels[levels[0]] : undefined;
    return named ? pick(lang, named.nameZh, named.nameEn) : translate(lang, generic);
  };
  return {
    category: label(1, "method.level.category"),
    indicator: label(2, "method.level.indicator"),
    measure: translate(lang, "method.level.measure")
  };
}

/**
 * What the pages call the root's children: the methodology's name of their level (类别/Category by default, 专题/Topic
 * on DB2020), with a lower-case English form for the middle of a sentence.
 */
export function categoryWords(report: Report, lang: Lang): {tier: string; tierLower: string} {
  const tier = tierLabels(report, lang).category;
  return {tier, tierLower: lang === "en" ? tier.charAt(0).toLowerCase() + tier.slice(1) : tier};
}
