/**
 * Periods are data: a year `2024`, a half `2024H1`/`2024H2` or a quarter `2024Q1`…`2024Q4`. Cells as people type them
 * ("2024年", "2024上半年", "2024年第三季度") are normalised to these forms; anything else is malformed. Periods sort
 * by time (by their end, a shorter period first when two end together, so a year-end figure is the latest of its
 * year), and a period is compared with the previous one of the same kind: year with year, half with half.
 */
import {cleanCell, toHalfWidth} from "./text.js";

/** What a period covers. */
export type PeriodKind = "year" | "half" | "quarter";

/** A well-formed period, read. */
export interface Period {
  /** The normal form: "2024", "2024H1", "2024Q3". */
  text: string;
  year: number;
  kind: PeriodKind;
  /** 0 for a year, 1–2 for a half, 1–4 for a quarter. */
  part: number;
}

/** Years a period may name: a four-digit year outside this range is a typo ("2204"), not data. */
export const PERIOD_YEARS = {from: 2000, to: 2099} as const;

/** The accepted forms, for messages and docs. */
export const PERIOD_FORMS = "YYYY, YYYYH1/YYYYH2, YYYYQ1–YYYYQ4";

const MONTHS: Record<PeriodKind, number> = {year: 12, half: 6, quarter: 3};
const FORM = /^(\d{4})(?:(H)([12])|(Q)([1-4]))?$/;
const CHINESE_DIGIT: Record<string, string> = {一: "1", 二: "2", 三: "3", 四: "4"};

const PERIOD_ALIASES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\d{4})年?(上半年|h1)$/i, (m) => `${m[1]}H1`],
  [/^(\d{4})年?(下半年|h2)$/i, (m) => `${m[1]}H2`],
  [/^(\d{4})年?(?:第?([1-4一二三四])季度?|q([1-4]))$/i, (m) => `${m[1]}Q${CHINESE_DIGIT[m[2]] ?? m[2] ?? m[3]}`],
  [/^(\d{4})(年度?)?$/, (m) => m[1]]
];

/** Normalises a period cell: "2023年" → "2023", "2023上半年"/"2023h1" → "2023H1", "2024年第三季度" → "2024Q3". */
export function normalisePeriod(cell: string): string {
  const text = cleanCell(toHalfWidth(cell));
  for (const [pattern, form] of PERIOD_ALIASES) {
    const m = pattern.exec(text);
    if (m) return form(m);
  }
  return text;
}

/** Reads a period in normal form; null when malformed: `parsePeriod("2024H1")` → {year: 2024, kind: "half", part: 1}. */
export function parsePeriod(text: string): Period | null {
  const m = FORM.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < PERIOD_YEARS.from || year > PERIOD_YEARS.to) return null;
  if (m[2]) return {text, year, kind: "half", part: Number(m[3])};
  if (m[4]) return {text, year, kind: "quarter", part: Number(m[5])};
  return {text, year, kind: "year", part: 0};
}

/** True for a period in normal form. */
export const isPeriod = (text: string): boolean => parsePeriod(text) !== null;

/** Months from year 0 to the end of a period. */
const endMonth = (p: Period) => p.year * 12 + (p.kind === "year" ? 12 : p.part * MONTHS[p.kind]);

/** Years from the end of one period to the end of another: `yearsBetween("2022", "2023H1")` → 0.5. */
export function yearsBetween(from: string, to: string): number {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (!a || !b) throw new Error(`期间格式不对 / malformed period: ${a ? to : from}`);
  return (endMonth(b) - endMonth(a)) / 12;
}

/** Time order: by the period's end, then the shorter first (2023Q4, 2023H2, 2023); malformed ones last, by text. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a.localeCompare(b);
  return endMonth(pa) - endMonth(pb) || MONTHS[pa.kind] - MONTHS[pb.kind];
}

/** The distinct periods in time order: `sortPeriods(["2023", "2022", "2023H1"])` → ["2022", "2023H1", "2023"]. */
export function sortPeriods(periods: Iterable<string>): string[] {
  return [...new Set(periods)].sort(comparePeriods);
}

/** The latest of some periods (undefined when there is none). */
export function latestPeriod(periods: Iterable<string>): string | undefined {
  return sortPeriods(periods).at(-1);
}

/**
 * The period a period is compared with: the latest earlier one of the same kind among `available` (year with year,
 * half with half, quarter with quarter), or null. `previousPeriod("2024", ["2023H1", "2023", "2024"])` → "2023".
 */
export function previousPeriod(period: string, available: Iterable<string>): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  const earlier = sortPeriods(available).filter(
    (q) => parsePeriod(q)?.kind === p.kind && comparePeriods(q, period) < 0
  );
  return earlier.at(-1) ?? null;
}

/** The period after a period, of the same kind: 2023 → 2024, 2023H2 → 2024H1, 2024Q4 → 2025Q1. */
export function nextPeriod(period: string): string {
  const p = parsePeriod(period);
  if (!p) throw new Error(`期间格式不对 / malformed period: ${period}`);
  if (p.kind === "year") return String(p.year + 1);
  const parts = 12 / MONTHS[p.kind];
  const letter = p.kind === "half" ? "H" : "Q";
  return p.part < parts ? `${p.year}${letter}${p.part + 1}` : `${p.year + 1}${letter}1`;
}

const HALF_ZH = ["", "上半年", "下半年"];
const QUARTER_ZH = ["", "第一季度", "第二季度", "第三季度", "第四季度"];

/** A period as a reader sees it: "2024年", "2024年上半年", "2024年第三季度"; in English "2024", "2024 H1", "2024 Q3". */
export function periodLabel(period: string, lang: "zh" | "en"): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (lang === "en") return p.kind === "year" ? period : `${p.year} ${period.slice(4)}`;
  if (p.kind === "year") return `${p.year}年`;
  return `${p.year}年${p.kind === "half" ? HALF_ZH[p.part] : QUARTER_ZH[p.part]}`;
}
