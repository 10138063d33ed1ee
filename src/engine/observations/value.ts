/** Reads one value cell the way analysts type it in Excel/WPS, without guessing what they meant. */
import {UNITS} from "../methodology/units.js";
import type {UnitId} from "../methodology/units.js";
import {cleanCell, toHalfWidth} from "./text.js";

/** Why a value cell could not be read (codes shared with the rejection reasons). */
export type ValueFault =
  | "value_empty"
  | "excel_error"
  | "non_numeric"
  | "bad_grouping"
  | "percent_not_allowed"
  | "unit_in_value"
  | "out_of_range";

/** The outcome of reading a value cell: a number, "not applicable" (no value, flag `not_applicable`), or a fault. */
export type ValueResult =
  {ok: true; value: number} | {ok: true; value: null; notApplicable: true} | {ok: false; fault: ValueFault};

/**
 * The flag of a value marked not applicable ("不适用", "n/a"): the item does not apply to this region (e.g. a pilot
 * reform it was not chosen for), so it leaves the denominator of its indicator instead of scoring 0.
 */
export const NOT_APPLICABLE = "not_applicable";

const NOT_APPLICABLE_WORDS = new Set(["不适用", "不涉及", "n/a", "na", "not applicable"]);

const EXCEL_ERROR =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const YES = new Set(["是", "有", "yes", "y", "true"]);
const NO = new Set(["否", "无", "no", "n", "false"]);
const UNIT_WORDS = [...new Set(Object.values(UNITS).flatMap((u) => [...u.aliases, u.zh]))]
  .filter((w) => w !== "%" && w !== "％")
  .sort((a, b) => b.length - a.length);

/**
 * Reads a value in a measure's unit: trims spaces (also U+3000), folds full-width digits and signs, accepts
 * valid thousands grouping ("1,234.5") and, for percent measures only, a trailing "%" ("85%" → 85; "0.85" stays
 * 0.85). yes_no measures also take 是/否, yes/no, true/false. "不适用"/"n/a" reads as not applicable (no value).
 * Then checks the unit's range.
 * `readValue("１,２３４", "yuan")` → `{ok: true, value: 1234}`; `readValue("-2", "working_day")` → out_of_range.
 */
export function readValue(raw: string, unit: UnitId): ValueResult {
  let text = cleanCell(toHalfWidth(raw));
  if (text === "") return {ok: false, fault: "value_empty"};
  if (EXCEL_ERROR.test(text)) return {ok: false, fault: "excel_error"};
  if (NOT_APPLICABLE_WORDS.has(text.toLowerCase())) return {ok: true, value: null, notApplicable: true};
  if (unit === "yes_no") {
    const word = text.toLowerCase();
    if (YES.has(word)) return {ok: true, value: 1};
    if (NO.has(word)) return {ok: true, value: 0};
  }
  if (text.endsWith("%")) {
    if (unit !== "percent" && unit !== "percent_change") return {ok: false, fault: "percent_not_allowed"};
    text = cleanCell(text.slice(0, -1));
  }
  if (text.includes(",")) {
    if (!GROUPED.test(text)) {
      return {ok: false, fault: PLAIN.test(text.replaceAll(",", "")) ? "bad_grouping" : "non_numeric"};
    }
    text = text.replaceAll(",", "");
  }
  if (!PLAIN.test(text)) {
    const bare = UNIT_WORDS.find((w) => text.endsWith(w));
    if (bare && PLAIN.test(cleanCell(text.slice(0, -bare.length)))) return {ok: false, fault: "unit_in_value"};
    return {ok: false, fault: "non_numeric"};
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return {ok: false, fault: "non_numeric"};
  const {min, max} = UNITS[unit];
  if (value < min || value > max) return {ok: false, fault: "out_of_range"};
  return {ok: true, value: value === 0 ? 0 : value};
}
