/**
 * The one place that decides how the report pages and the simulator write numbers, ranks, peer groups, targets and
 * units of measure, and which word names each concept, so that the same total reads the same on every page:
 *
 * - scores and totals (0–100): 1 decimal, `77.5`; a change of a total between periods: signed, 1 decimal, `+15.0`;
 * - points (what a goal or a what-if adds to the total, points lost): 2 decimals, `1.82`, signed `+0.02`;
 * - a rank: `64 / 87`, over the regions that have a total; the regions without one are named in `unrankedNote`;
 * - a peer group: its name and how many regions it holds, `甘肃省（88 个地区）`;
 * - a target or a raw value: in words and units of the page's language, `≤ 0.5 个工作日` / `≤ 0.5 working days`.
 */
import type {UnitId} from "../engine/methodology/units.js";
import type {MeasureInfo} from "../engine/model/describe.js";
import {goalComparator} from "../engine/model/goal.js";
import {periodLabel} from "../engine/observations/periods.js";
import type {Lang} from "./i18n.js";

/** Decimals of each kind of number. */
export const DIGITS = {score: 1, points: 2} as const;

/** What a missing number reads as. */
export const MISSING = "—";

/** One word per concept, Chinese first (report pages, the simulator, tests of both). */
export const TERMS = {
  indicator: {zh: "指标", en: "indicator"},
  measure: {zh: "计量项", en: "measure"},
  category: {zh: "类别", en: "category"},
  leadUnit: {zh: "牵头单位", en: "lead unit"},
  peerGroup: {zh: "对标组", en: "peer group"},
  target: {zh: "目标", en: "target"},
  frontier: {zh: "前沿值", en: "frontier"}
} as const;

/** Words that name one of those concepts a second way; the page strings must not use them. */
export const SYNONYMS_ZH = ["度量", "责任单位", "方案目标", "计量指标", "分类"] as const;

const isNumber = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** A score or a total: `77.5`; `—` when missing. */
export function formatScore(x: number | null | undefined): string {
  return isNumber(x) ? x.toFixed(DIGITS.score) : MISSING;
}

/** A score rounded to a whole number, where a cell has room for no more (the heat map): `78`. */
export function formatScoreWhole(x: number | null | undefined): string {
  return isNumber(x) ? String(Math.round(x)) : MISSING;
}

/** A change of a score or total between periods: `+15.0`, `−0.4`, `0.0`. */
export function formatScoreChange(x: number | null | undefined): string {
  return signed(x, DIGITS.score);
}

/** Points of the total: `1.82`. */
export function formatPoints(x: number | null | undefined): string {
  return isNumber(x) ? x.toFixed(DIGITS.points) : MISSING;
}

/** Points gained or lost: `+0.02`, `−1.20`, `0.00`. */
export function formatSignedPoints(x: number | null | undefined): string {
  return signed(x, DIGITS.points);
}

function signed(x: number | null | undefined, digits: number): string {
  if (!isNumber(x)) return MISSING;
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return text;
  return (x > 0 ? "+" : "−") + text;
}

/** A share of the total as a percentage: 0.0769 → `7.69%`. */
export function formatShare(x: number | null | undefined, digits = 2): string {
  return isNumber(x) ? `${(x * 100).toFixed(digits)}%` : MISSING;
}

/** A rank among the regions that have a total: `64 / 87`; `—` when the region has none. */
export function formatRank(rank: number | null | undefined, ranked: number): string {
  return isNumber(rank) ? `${rank} / ${ranked}` : MISSING;
}

/** Places moved: `↑3`, `↓1`, `=`; `—` when either rank is missing. */
export function formatPlaces(x: number | null | undefined): string {
  return !isNumber(x) ? MISSING : x > 0 ? `↑${x}` : x < 0 ? `↓${-x}` : "=";
}

/** What a group's members are called when counted: its regions file's `noun` (经济体 / economies), else 地区 / regions. */
export function memberNoun(lang: Lang, group: {noun?: {zh: string; en: string}}): string {
  return lang === "en" ? (group.noun?.en ?? "regions") : (group.noun?.zh ?? "地区");
}

/** A peer group with the number of regions it holds: `甘肃省（88 个地区）` / `Gansu (88 regions)`. */
export function peerGroupLabel(
  lang: Lang,
  group: {nameZh: string; nameEn: string; members: readonly string[]; noun?: {zh: string; en: string}}
): string {
  const n = group.members.length;
  const noun = memberNoun(lang, group);
  return lang === "en" ? `${group.nameEn || group.nameZh} (${n} ${noun})` : `${group.nameZh}（${n} 个${noun}）`;
}

/**
 * Why a rank's denominator is smaller than the group, or "" when every member is ranked: `甘肃省 88 个地区中 1 个无总分
 * （会宁县）：数据不满足方法的覆盖率要求，未参加排名。`
 */
export function unrankedNote(
  lang: Lang,
  group: {nameZh: string; nameEn: string; members: readonly string[]; noun?: {zh: string; en: string}},
  unranked: readonly string[]
): string {
  if (unranked.length === 0) return "";
  const n = group.members.length;
  const noun = memberNoun(lang, group);
  const names = joinNames(lang, unranked.slice(0, 5)) + (unranked.length > 5 ? (lang === "en" ? ", …" : "等") : "");
  return lang === "en"
    ? `${unranked.length} of the ${n} ${noun} of ${group.nameEn || group.nameZh} (${names}) have no total: ` +
        "their data do not meet the methodology's coverage rule, so they are not ranked."
    : `${group.nameZh} ${n} 个${noun}中 ${unranked.length} 个无总分（${names}）：数据不满足方法的覆盖率要求，未参加排名。`;
}

/** A period id in words (the periods module's rule): `2023H1` → `2023年上半年` / `2023 H1`, `2024Q3` → `2024年第三季度`. */
export function formatPeriod(lang: Lang, period: string): string {
  return periodLabel(period, lang);
}

/** Joins names as a list in the page language: `政府办、大数据中心` / `Gov Office, Big Data Center`. */
export function joinNames(lang: Lang, names: readonly string[]): string {
  return names.join(lang === "en" ? ", " : "、");
}

/** How a unit is written after a number ([zh, en singular, en plural]) and as an axis title ([zh, en]). */
const UNIT_WORDS: Record<UnitId, {after: [string, string, string]; axis: [string, string]}> = {
  working_day: {after: [" 个工作日", " working day", " working days"], axis: ["工作日", "working days"]},
  day: {after: [" 天", " day", " days"], axis: ["天", "days"]},
  hour: {after: [" 小时", " hour", " hours"], axis: ["小时", "hours"]},
  step: {after: [" 个环节", " step", " steps"], axis: ["环节数", "steps"]},
  yuan: {after: [" 元", " yuan", " yuan"], axis: ["元", "yuan"]},
  percent: {after: ["%", "%", "%"], axis: ["百分比（%）", "percent (%)"]},
  percent_change: {after: ["%", "%", "%"], axis: ["增减（%）", "change (%)"]},
  count: {after: [" 个", "", ""], axis: ["数量", "count"]},
  score: {after: [" 分", " points", " points"], axis: ["得分", "score"]},
  index: {after: ["", "", ""], axis: ["指数", "index"]},
  yes_no: {after: ["", "", ""], axis: ["是/否", "yes/no"]}
};

const unitWords = (unit: string) => UNIT_WORDS[unit as UnitId] ?? {after: ["", "", ""], axis: ["", ""]};

/** A plain number with at most `digits` decimals and no trailing zeros: 0.5, 85, 77.54. */
export function formatNumber(x: number | null | undefined, digits = 2): string {
  return isNumber(x) ? String(Number(x.toFixed(digits))) : MISSING;
}

/** A raw value with its unit in words: `0.5 个工作日`, `85%`, `3 hours`, `是`; `—` when missing. */
export function formatValue(lang: Lang, x: number | null | undefined, unit: string): string {
  if (!isNumber(x)) return MISSING;
  if (unit === "yes_no") return x >= 1 ? (lang === "en" ? "yes" : "是") : lang === "en" ? "no" : "否";
  const [zh, one, many] = unitWords(unit).after;
  return formatNumber(x) + (lang === "en" ? (x === 1 ? one : many) : zh);
}

/** A unit as an axis title in the page's language: `工作日`, `percent (%)`. */
export function unitTitle(lang: Lang, unit: string): string {
  const [zh, en] = unitWords(unit).axis;
  return lang === "en" ? en : zh;
}

/** A plan target the way the goal rule reads it: `≤ 0.5 个工作日`, `≥ 85%`, `≥ 10 个`; "" without one. */
export function formatTarget(lang: Lang, m: Pick<MeasureInfo, "target" | "higher" | "unit">): string {
  const comparator = goalComparator(m);
  if (!m.target || !comparator) return "";
  return `${comparator === "<=" ? "≤" : "≥"} ${formatValue(lang, m.target.value, m.unit)}`;
}

/** How far a value is from its target, in the target's unit (`2.5 个工作日`); `0` when met, `—` when missing. */
export function formatGap(lang: Lang, gap: number | null, unit: string): string {
  return gap === null ? MISSING : formatValue(lang, gap, unit);
}

/** Periods in time order as readers write them: "2022年 → 2023年上半年 → 2023年". */
export function formatPeriods(periods: readonly string[], lang: Lang): string {
  return periods.map((p) => periodLabel(p, lang)).join(" → ");
}
