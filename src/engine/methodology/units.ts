/**
 * The closed list of units a measure or a target may use. The catalogue, the methodology files and the
 * observation checks all read it from here, so a unit means the same thing everywhere.
 */
export interface UnitInfo {
  id: UnitId;
  zh: string;
  en: string;
  /** Smallest valid raw value. */
  min: number;
  /** Largest valid raw value (Infinity when open). */
  max: number;
  /** Spellings accepted in files (Chinese and English) besides the id. */
  aliases: string[];
}

export const UNITS = {
  working_day: {zh: "工作日", en: "working days", min: 0, max: Infinity, aliases: ["工作日", "个工作日"]},
  day: {zh: "天", en: "days", min: 0, max: Infinity, aliases: ["天", "日", "days"]},
  hour: {zh: "小时", en: "hours", min: 0, max: Infinity, aliases: ["小时", "hours"]},
  step: {zh: "环节", en: "steps", min: 0, max: Infinity, aliases: ["环节", "个环节", "steps"]},
  yuan: {zh: "元", en: "yuan", min: 0, max: Infinity, aliases: ["元", "CNY"]},
  percent: {zh: "%", en: "percent", min: 0, max: 100, aliases: ["%", "％", "百分比"]},
  percent_change: {
    zh: "%（同比增幅）",
    en: "% change on the year before",
    min: -100,
    max: Infinity,
    aliases: ["同比%"]
  },
  count: {zh: "个", en: "count", min: 0, max: Infinity, aliases: ["个", "件", "项", "家"]},
  score: {zh: "分", en: "points", min: 0, max: 100, aliases: ["分", "points"]},
  index: {zh: "指数", en: "index", min: -Infinity, max: Infinity, aliases: ["指数"]},
  yes_no: {zh: "是/否", en: "yes/no", min: 0, max: 1, aliases: ["是否", "yes/no"]}
} as const satisfies Record<string, Omit<UnitInfo, "id">>;

export type UnitId = keyof typeof UNITS;

/** Looks a unit up by id or alias; undefined when unknown. */
export function findUnit(text: string): UnitInfo | undefined {
  const key = text.trim();
  for (const [id, info] of Object.entries(UNITS)) {
    if (id === key || (info.aliases as readonly string[]).includes(key))
      return {id: id as UnitId, ...info, aliases: [...info.aliases]};
  }
  return undefined;
}

export function isUnitId(text: string): text is UnitId {
  return Object.hasOwn(UNITS, text);
}
