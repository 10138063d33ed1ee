/** targets.csv: the plan's quantitative targets, each tied to a measure and checked against the plan's own words. */
import {findUnit, UNITS, type UnitId} from "../methodology/units.js";
import {checker, readTable, SNAKE_ID} from "./table.js";
import {COMPARATORS} from "./types.js";
import type {CatalogueFile, Comparator, Indicator, Target} from "./types.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether `quote` writes `value` as a number directly followed by a spelling of `unit` (e.g. 0.5 → "0.5个工作日"). */
export function quoteStatesValue(quote: string, value: number, unit: UnitId): boolean {
  const spellings = [UNITS[unit].zh, ...UNITS[unit].aliases];
  const number = `(?<![\\d.])${escapeRegExp(String(value))}\\s*`;
  return spellings.some((s) => new RegExp(number + escapeRegExp(s)).test(quote));
}

export function parseTargets(file: CatalogueFile, indicators: Indicator[]): Target[] {
  const c = checker(file);
  const seen = new Map<number, number>();
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const required = ["id", "indicator_id", "measure", "comparator", "value", "unit", "quote_zh", "note"];
  return readTable(file, required).map((row): Target => {
    const id = c.integer(row, "id");
    c.unique(seen, id, row, "重复的目标编号", "duplicate target id");
    const indicatorId = c.integer(row, "indicator_id");
    if (!indicatorIds.has(indicatorId))
      c.fail(row, `未知的指标编号 ${indicatorId}`, `unknown indicator id ${indicatorId}`);
    const measure = c.text(row, "measure");
    if (!SNAKE_ID.test(measure))
      c.fail(row, `指标度量须为 snake_case: ${measure}`, `measure must be snake_case: ${measure}`);
    const comparator = c.text(row, "comparator");
    if (!(COMPARATORS as readonly string[]).includes(comparator)) {
      c.fail(row, `未知的比较符 ${comparator}`, `unknown comparator ${comparator} (expected ${COMPARATORS.join(" ")})`);
    }
    const valueText = c.text(row, "value");
    if (!/^-?\d+(\.\d+)?$/.test(valueText)) {
      c.fail(row, `数值无效 "${valueText}"`, `value is not a plain number: "${valueText}"`);
    }
    const value = Number(valueText);
    const unitText = c.text(row, "unit");
    const unit = findUnit(unitText);
    if (!unit) c.fail(row, `未知的计量单位 ${unitText}`, `unknown unit ${unitText}`);
    if (value < unit!.min || value > unit!.max) {
      c.fail(row, `数值 ${value} 超出 ${unit!.zh} 的范围`, `value ${value} is outside the range of ${unit!.en}`);
    }
    const flag = row.get("value_in_quote").trim() || "yes";
    if (flag !== "yes" && flag !== "no") {
      c.fail(row, `value_in_quote 须为 yes 或 no: ${flag}`, `value_in_quote must be yes or no: ${flag}`);
    }
    const quoteZh = c.text(row, "quote_zh");
    const note = row.get("note").trim();
    if (flag === "yes" && !quoteStatesValue(quoteZh, value, unit!.id)) {
      c.fail(
        row,
        `引文中没有 ${value}${unit!.zh}: "${quoteZh}"`,
        `the quote does not state ${value} ${unit!.en}; mark value_in_quote=no and explain in note if that is intended`
      );
    }
    if (flag === "no" && note === "") {
      c.fail(
        row,
        "value_in_quote=no 时须在 note 中说明",
        "value_in_quote=no needs a note saying how the value is read"
      );
    }
    const valueInQuote = flag === "yes";
    const unitId = unit!.id;
    return {
      id,
      indicatorId,
      measure,
      comparator: comparator as Comparator,
      value,
      unit: unitId,
      valueInQuote,
      quoteZh,
      note
    };
  });
}
