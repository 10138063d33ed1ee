/** The bilingual reason for each rejection code; docs/data-format.md explains every one of them. */
import {UNITS} from "../methodology/units.js";
import type {UnitId} from "../methodology/units.js";

/** Every reason a row (or a whole file) can be rejected for; docs/data-format.md § 8 explains each. */
export const REJECTION_CODES = [
  "empty_file",
  "bad_encoding",
  "control_character",
  "no_data_rows",
  "missing_column",
  "duplicate_column",
  "bad_quotes",
  "field_count",
  "formula",
  "region_empty",
  "region_unknown",
  "region_name_mismatch",
  "period_empty",
  "period_malformed",
  "period_unknown",
  "measure_empty",
  "measure_unknown",
  "value_empty",
  "excel_error",
  "non_numeric",
  "bad_grouping",
  "percent_not_allowed",
  "unit_in_value",
  "out_of_range",
  "bad_flag",
  "flag_conflict",
  "not_applicable_conflict",
  "duplicate",
  "duplicate_across_files"
] as const;

/** A rejection code. */
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** Details some reasons quote. */
export interface ReasonDetail {
  unit?: UnitId;
  /** Accepted spellings of a missing column, the periods allowed, the code a name stands for … */
  hint?: string;
  /** A region an unknown code probably meant (its name matched exactly one region). */
  suggestion?: {code: string; name: string};
  /** The lines of a duplicate; for field_count, [fields in the row, fields in the header]. */
  lines?: number[];
}

type Text = {zh: string; en: string};

const range = (unit: UnitId): Text => {
  const {min, max, zh, en} = UNITS[unit];
  if (min === 0 && max === Infinity) return {zh: `单位「${zh}」不能为负数`, en: `a value in ${en} cannot be negative`};
  if (max === Infinity) return {zh: `单位「${zh}」不能小于 ${min}`, en: `a value in ${en} cannot be below ${min}`};
  return {zh: `超出单位「${zh}」允许的范围 ${min}–${max}`, en: `out of range for ${en} (${min}–${max})`};
};

const unitName = (unit: UnitId | undefined): Text =>
  unit ? {zh: UNITS[unit].zh, en: UNITS[unit].en} : {zh: "?", en: "?"};

/** The bilingual reason for a rejection code: `reasonFor("out_of_range", {unit: "percent"}).en`. */
export function reasonFor(code: RejectionCode, d: ReasonDetail = {}): Text {
  const hint = d.hint ?? "";
  switch (code) {
    case "bad_encoding":
      return {
        zh: `文件含有无法按 UTF-8 或 GB18030 读取的字节 ${hint}，请在 Excel/WPS 中另存为"CSV UTF-8"后重试`,
        en: `byte ${hint} cannot be read as UTF-8 or GB18030; save the file from Excel/WPS as "CSV UTF-8" and retry`
      };
    case "control_character":
      return {
        zh: `单元格含有不可见的控制字符 ${hint}，请删除后重新保存`,
        en: `the cell holds an invisible control character ${hint}; delete it and save again`
      };
    case "empty_file":
      return {zh: "文件为空", en: "the file is empty"};
    case "no_data_rows":
      return {zh: "只有表头，没有数据行", en: "the file has a header but no data rows"};
    case "missing_column":
      return {zh: `缺少必需的列（可用列名：${hint}）`, en: `missing required column (accepted names: ${hint})`};
    case "duplicate_column":
      return {zh: "表头中此列名重复", en: "this column name appears twice in the header"};
    case "bad_quotes":
      return {
        zh: "引号不配对，本行（可能连同后面的行）无法拆分成字段",
        en: "unbalanced quotes: this row (and perhaps the lines after it) cannot be split into fields"
      };
    case "field_count": {
      const [got, want] = d.lines ?? [];
      return {
        zh: `本行有 ${got} 个字段，表头有 ${want} 个；数字里的逗号须加引号或删除，不能省略列`,
        en: `the row has ${got} fields but the header ${want}; quote or remove commas inside numbers, keep every column`
      };
    }
    case "formula":
      return {
        zh: "单元格以 = + - @ 开头，像公式（公式注入风险），请只填数值或文字",
        en: "the cell starts with = + - @ and looks like a formula (CSV injection); type the plain value"
      };
    case "region_empty":
      return {zh: "地区代码为空", en: "region code is empty"};
    case "region_unknown":
      return d.suggestion
        ? {
            zh: `未知的地区代码；「${d.suggestion.name}」的代码是 ${d.suggestion.code}`,
            en: `unknown region code; the code of ${d.suggestion.name} is ${d.suggestion.code}`
          }
        : {
            zh: "未知的地区代码（应为 GB/T 2260 六位代码）",
            en: "unknown region code (expected a six-digit GB/T 2260 code)"
          };
    case "region_name_mismatch":
      return {
        zh: `地区名称与代码不符：${d.suggestion?.code} 是「${d.suggestion?.name}」`,
        en: `region name does not match the code: ${d.suggestion?.code} is ${d.suggestion?.name}`
      };
    case "period_empty":
      return {zh: "期间为空", en: "period is empty"};
    case "period_malformed":
      return {
        zh: `期间格式不对，应为 ${hint}（如 2024、2024H1、2024Q3；也可写 2024年、2024上半年、2024年第三季度），日期不是期间`,
        en: `malformed period: expected ${hint} (e.g. 2024, 2024H1, 2024Q3); a date is not a period`
      };
    case "period_unknown":
      return {zh: `未知的期间，应为 ${hint} 之一`, en: `unknown period, expected one of ${hint}`};
    case "measure_empty":
      return {zh: "指标代码为空", en: "measure id is empty"};
    case "measure_unknown":
      return {zh: "未知的指标代码（方法文件中没有）", en: "unknown measure id (not in the methodology)"};
    case "value_empty":
      return {
        zh: "缺少数值（确实没有数据时请在 flag 列注明原因）",
        en: "value is empty (if there truly is no value, say why in the flag column)"
      };
    case "excel_error":
      return {zh: "单元格是 Excel 错误值，不是数字", en: "the cell holds an Excel error value, not a number"};
    case "non_numeric":
      return {zh: "不是数字", en: "not a number"};
    case "bad_grouping":
      return {
        zh: "千分位逗号位置不对（应如 1,234,567.8）",
        en: "misplaced thousands separator (expected e.g. 1,234,567.8)"
      };
    case "percent_not_allowed": {
      const u = unitName(d.unit);
      return {zh: `该指标单位是「${u.zh}」，不能带 %`, en: `the measure's unit is ${u.en}, so a % sign is not allowed`};
    }
    case "unit_in_value": {
      const u = unitName(d.unit);
      return {
        zh: `数值后带了单位文字，只填数字（单位：${u.zh}）`,
        en: `the value carries a unit word; type the number only (unit: ${u.en})`
      };
    }
    case "out_of_range":
      return d.unit ? range(d.unit) : {zh: "超出范围", en: "out of range"};
    case "bad_flag":
      return {zh: "标记列只能填 0、1 或留空", en: "a flag column takes 0, 1 or blank"};
    case "flag_conflict":
      return {
        zh: `本行另一标记列（${hint}）已标记同一计量项，一个数值只能有一个标记`,
        en: `another flag column (${hint}) already flags the same measure of this row; a value has one flag`
      };
    case "duplicate_across_files":
      return {
        zh: `重复：${hint} 已有相同的（地区, 期间, 计量项），两处都不采用`,
        en: `duplicate: ${hint} has the same (region, period, measure); neither is used`
      };
    case "not_applicable_conflict":
      return {
        zh: `数值写了「不适用」，标记列却是「${hint}」，二者矛盾`,
        en: `the value says not applicable but the flag column says ${hint}`
      };
    case "duplicate": {
      const lines = d.lines ?? [];
      return {
        zh: `重复：第 ${lines.join("、")} 行的（地区, 期间, 指标）相同，无法判断哪一行正确，全部拒收`,
        en: `duplicate (region, period, measure) on lines ${lines.join(", ")}; none is used: the right one is unknown`
      };
    }
  }
}
