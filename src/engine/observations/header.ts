/** Recognises the header of an observation file: long (one value per row) or wide (one column per measure). */
import {cleanCell, toHalfWidth} from "./text.js";

/** What a column holds. */
export type ColumnRole = "region" | "region_name" | "period" | "measure" | "value" | "flag" | "source" | "note";

/** Accepted header names per role (compared trimmed, full-width folded, case-insensitive). */
export const HEADER_NAMES: Record<ColumnRole, readonly string[]> = {
  // db_code: the World Bank's row code of an economy or a city (one per scored unit, unlike an ISO3 code).
  region: ["region", "region_code", "code", "db_code", "地区", "地区代码", "区划代码", "行政区划代码"],
  region_name: ["region_name", "name", "地区名称", "名称", "县区", "县（市、区）"],
  period: ["period", "year", "期间", "年度", "时期"],
  measure: ["measure", "measure_id", "计量项代码", "计量项", "指标", "指标代码", "度量"],
  value: ["value", "数值", "值"],
  flag: ["flag", "标记", "标志"],
  source: ["source", "来源", "数据来源"],
  note: ["note", "notes", "备注", "说明"]
};

/**
 * Columns of the fill-in form (`bizenv template`, src/engine/observations/template.ts) that describe a row for the
 * person filling it in — indicator, measure name, unit, the plan's target, last period's value, lead unit, how to
 * fill — and are not data: they are recognised (never listed as ignored) and not read. A column whose name starts
 * with 上期数值 is last period's value ("上期数值（2023年）").
 */
export const FORM_COLUMNS = ["指标编号", "指标名称", "计量项名称", "单位", "方案目标", "牵头单位", "填写说明"] as const;
export const FORM_PREVIOUS_VALUE = "上期数值";

const isFormColumn = (name: string) =>
  (FORM_COLUMNS as readonly string[]).includes(name) || name.startsWith(FORM_PREVIOUS_VALUE);

/** Suffix of wide-format flag columns: `cp_no_practice` = 1 flags the measures `cp_*` of that row. */
export const NO_PRACTICE_SUFFIX = "_no_practice";

/** A wide-format column holding one measure. */
export interface MeasureColumn {
  index: number;
  measure: string;
}

/** A wide-format flag column and the measures it flags. */
export interface FlagColumn {
  index: number;
  /** `no_practice` (a `<prefix>_no_practice` column), or a methodology flag the column is named after. */
  flag: string;
  measures: string[];
}

/** How to read the rows under a header. */
export interface Layout {
  format: "long" | "wide";
  roles: Partial<Record<ColumnRole, number>>;
  measureColumns: MeasureColumn[];
  flagColumns: FlagColumn[];
  /** Columns nothing reads (reported, never silently dropped). */
  ignored: number[];
  /** The form's descriptive columns (FORM_COLUMNS): known, not read, not reported as ignored. */
  descriptive: number[];
  /**
   * True for a long file with the form's descriptive columns: a filled-in template, in which a row whose value (and
   * flag) is still blank is "not yet filled" — counted, not rejected.
   */
  form: boolean;
}

/** A header problem that makes the whole file unreadable. */
export interface HeaderFault {
  code: "missing_column" | "duplicate_column";
  /** 1-based column; for a missing column, 1. */
  column: number;
  columnName: string;
  hint?: string;
}

function roleOf(key: string): ColumnRole | undefined {
  for (const [role, names] of Object.entries(HEADER_NAMES)) if (names.includes(key)) return role as ColumnRole;
  return undefined;
}

/**
 * Reads a header row. Long format: region, period, measure and value columns. Wide format: a region column, a
 * period column (optional when a default period is given) and columns named after measure ids; flag columns are
 * `<prefix>_no_practice` and the methodology flags in `flagMeasures` (flag id → the measures its column flags).
 */
export function readHeader(
  header: readonly string[],
  measures: ReadonlyMap<string, unknown>,
  hasDefaultPeriod: boolean,
  flagMeasures: ReadonlyMap<string, readonly string[]> = new Map()
): {layout: Layout} | {faults: HeaderFault[]} {
  const roles: Partial<Record<ColumnRole, number>> = {};
  const faults: HeaderFault[] = [];
  const measureColumns: MeasureColumn[] = [];
  const flagPrefixes: {index: number; prefix: string}[] = [];
  const namedFlags: FlagColumn[] = [];
  const other: number[] = [];
  const descriptive: number[] = [];
  const seenMeasures = new Set<string>();
  header.forEach((cell, index) => {
    const raw = cleanCell(toHalfWidth(cell));
    const role = roleOf(raw.toLowerCase());
    if (role) {
      if (roles[role] !== undefined) faults.push({code: "duplicate_column", column: index + 1, columnName: raw});
      else roles[role] = index;
    } else if (measures.has(raw)) {
      if (seenMeasures.has(raw)) faults.push({code: "duplicate_column", column: index + 1, columnName: raw});
      seenMeasures.add(raw);
      measureColumns.push({index, measure: raw});
    } else if (flagMeasures.has(raw)) {
      namedFlags.push({index, flag: raw, measures: [...flagMeasures.get(raw)!]});
    } else if (raw.endsWith(NO_PRACTICE_SUFFIX) && raw.length > NO_PRACTICE_SUFFIX.length) {
      flagPrefixes.push({index, prefix: raw.slice(0, -NO_PRACTICE_SUFFIX.length)});
    } else if (isFormColumn(raw)) descriptive.push(index);
    else other.push(index);
  });
  const missing = (role: ColumnRole): HeaderFault => ({
    code: "missing_column",
    column: 1,
    columnName: role,
    hint: HEADER_NAMES[role].join(", ")
  });
  const long = roles.measure !== undefined || roles.value !== undefined;
  if (roles.region === undefined) faults.push(missing("region"));
  if (long) {
    if (roles.period === undefined) faults.push(missing("period"));
    if (roles.measure === undefined) faults.push(missing("measure"));
    if (roles.value === undefined) faults.push(missing("value"));
  } else {
    if (roles.period === undefined && !hasDefaultPeriod) faults.push(missing("period"));
    if (measureColumns.length === 0) faults.push({...missing("value"), hint: `value/数值, ${missingMeasureHint}`});
  }
  if (faults.length > 0) return {faults};
  const flagColumns: FlagColumn[] = long
    ? []
    : [
        ...flagPrefixes.map(({index, prefix}) => ({
          index,
          flag: "no_practice",
          measures: measureColumns.map((m) => m.measure).filter((m) => m === prefix || m.startsWith(`${prefix}_`))
        })),
        ...namedFlags
      ].sort((a, b) => a.index - b.index);
  const flagIndices = [...flagPrefixes.map((f) => f.index), ...namedFlags.map((f) => f.index)];
  const ignored = long ? [...other, ...flagIndices, ...measureColumns.map((m) => m.index)] : other;
  const format = long ? "long" : "wide";
  ignored.sort((a, b) => a - b);
  const form = long && descriptive.length > 0;
  return {layout: {format, roles, measureColumns: long ? [] : measureColumns, flagColumns, ignored, descriptive, form}};
}

const missingMeasureHint = "or columns named after measure ids (wide format) / 或以指标代码为列名（宽表）";
