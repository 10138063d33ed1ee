/** The checks of one data row of an observation file: its cells' faults, or the observations it yields. */
import type {ColumnRole, Layout} from "./header.js";
import type {CsvRecord} from "./csv-records.js";
import type {Observation} from "./observation.js";
import {isPeriod, normalisePeriod, PERIOD_FORMS} from "./periods.js";
import type {ReasonDetail, RejectionCode} from "./reasons.js";
import {cleanCell, looksLikeFormula, toHalfWidth} from "./text.js";
import type {CheckContext} from "./types.js";
import {NOT_APPLICABLE, readValue} from "./value.js";
import type {ValueFault, ValueResult} from "./value.js";

const nameOf = (entry: unknown): string | undefined =>
  typeof entry === "object" && entry !== null && typeof (entry as {name?: unknown}).name === "string"
    ? (entry as {name: string}).name
    : undefined;

/** C0 controls (but tab, LF, CR) and DEL: never typed in a sheet, and a NUL would cut text short downstream. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

export interface Fault {
  column: number;
  code: RejectionCode;
  detail?: ReasonDetail;
  /** Text to quote instead of the cell's own. */
  text?: string;
}

export interface Candidate {
  line: number;
  keyColumn: number;
  keyText: string;
  observations: Observation[];
  missingCells: number;
  /** A row of a fill-in form whose value is still blank (no flag either): not yet filled, neither data nor a fault. */
  unfilled: boolean;
}

/** Checks one data row; returns its cell faults, or the observations it yields. */
export function checkRow(
  row: CsvRecord,
  layout: Layout,
  headerWidth: number,
  ctx: CheckContext
): {faults: Fault[]; candidate: Candidate} {
  const faults: Fault[] = [];
  const cell = (role: ColumnRole) => {
    const index = layout.roles[role];
    return index === undefined ? undefined : (row.fields[index] ?? "");
  };
  const col = (role: ColumnRole) => layout.roles[role]! + 1;
  if (row.quoteError) {
    const at = row.fields.findIndex((f) => /["\r\n]/.test(f));
    faults.push({column: at < 0 ? 1 : at + 1, code: "bad_quotes"});
  } else if (row.fields.length !== headerWidth) {
    const column = Math.min(row.fields.length, headerWidth) + 1;
    const detail = {lines: [row.fields.length, headerWidth]};
    faults.push({column, code: "field_count", detail, text: row.fields.join(",")});
  }
  row.fields.forEach((f, i) => {
    const control = CONTROL.exec(f);
    if (control) faults.push({column: i + 1, code: "control_character", detail: {hint: codePoint(control[0])}});
    else if (looksLikeFormula(f)) faults.push({column: i + 1, code: "formula"});
  });
  // A cell that is a formula or holds a control character is not read any further.
  const formulaAt = new Set(
    faults.filter((f) => f.code === "formula" || f.code === "control_character").map((f) => f.column)
  );
  const usable = (role: ColumnRole) => layout.roles[role] !== undefined && !formulaAt.has(col(role));

  const region = cleanCell(toHalfWidth(cell("region") ?? ""));
  if (usable("region")) {
    if (region === "") faults.push({column: col("region"), code: "region_empty"});
    else if (ctx.regions && !ctx.regions.has(region)) {
      const suggestion = suggestRegion(region, ctx.regions);
      faults.push({column: col("region"), code: "region_unknown", detail: {suggestion}});
    } else if (ctx.regions && usable("region_name")) {
      const given = cleanCell(cell("region_name") ?? "");
      const known = nameOf(ctx.regions.get(region));
      const matches = known === given || (given.length >= 2 && known?.startsWith(given));
      if (given !== "" && known !== undefined && !matches) {
        const detail = {suggestion: {code: region, name: known}};
        faults.push({column: col("region_name"), code: "region_name_mismatch", detail});
      }
    }
  }
  const periodCell = cell("period");
  const period = periodCell === undefined ? (ctx.defaultPeriod ?? "") : normalisePeriod(periodCell);
  if (usable("period")) {
    if (period === "") faults.push({column: col("period"), code: "period_empty"});
    else if (!isPeriod(period))
      faults.push({column: col("period"), code: "period_malformed", detail: {hint: PERIOD_FORMS}});
    else if (ctx.periods && !ctx.periods.includes(period)) {
      faults.push({column: col("period"), code: "period_unknown", detail: {hint: ctx.periods.join(", ")}});
    }
  }
  const text = (role: ColumnRole) => (usable(role) ? cleanCell(cell(role) ?? "") || null : null);
  const extras = {source: text("source"), note: text("note")};
  const observations: Observation[] = [];
  let missingCells = 0;
  let unfilled = false;
  const keyColumn = col("region");
  if (layout.format === "long") {
    const measure = cleanCell(toHalfWidth(cell("measure") ?? ""));
    const flag = text("flag");
    const info = ctx.measures.get(measure);
    if (usable("measure")) {
      if (measure === "") faults.push({column: col("measure"), code: "measure_empty"});
      else if (!info) faults.push({column: col("measure"), code: "measure_unknown"});
    }
    if (info && usable("value")) {
      const r = flaggedValue(readValue(cell("value") ?? "", info.unit), flag);
      if ("fault" in r && r.fault === "value_empty" && layout.form) unfilled = true;
      else if ("fault" in r)
        faults.push({column: col("value"), code: r.fault, detail: {unit: info.unit, hint: flag ?? ""}});
      else observations.push({region, period, measure, value: r.value, flag: r.flag, ...extras});
    }
  } else {
    // Measure → its flag; an observation carries one flag, so two flag columns marking one measure contradict.
    const flagged = new Map<string, string>();
    for (const f of layout.flagColumns) {
      if (formulaAt.has(f.index + 1)) continue;
      const mark = cleanCell(toHalfWidth(row.fields[f.index] ?? ""));
      if (mark === "1") {
        for (const m of f.measures) {
          const other = flagged.get(m);
          if (other === undefined) flagged.set(m, f.flag);
          else if (other !== f.flag) faults.push({column: f.index + 1, code: "flag_conflict", detail: {hint: other}});
        }
      } else if (mark !== "" && mark !== "0") faults.push({column: f.index + 1, code: "bad_flag"});
    }
    for (const {index, measure} of layout.measureColumns) {
      if (formulaAt.has(index + 1)) continue;
      const unit = ctx.measures.get(measure)!.unit;
      const flag = flagged.get(measure) ?? null;
      const r = flaggedValue(readValue(row.fields[index] ?? "", unit), flag);
      if ("fault" in r && r.fault === "value_empty") missingCells++;
      else if ("fault" in r) faults.push({column: index + 1, code: r.fault, detail: {unit, hint: flag ?? ""}});
      else observations.push({region, period, measure, value: r.value, flag: r.flag, ...extras});
    }
  }
  const keyText = row.fields[keyColumn - 1] ?? "";
  return {faults, candidate: {line: row.line, keyColumn, keyText, observations, missingCells, unfilled}};
}

/**
 * What a read cell stands for: its number; null when empty but flagged; null with flag `not_applicable` when the cell
 * says "不适用" (a flag column saying something else contradicts it); or its fault.
 */
function flaggedValue(
  v: ValueResult,
  flag: string | null
): {value: number | null; flag: string | null} | {fault: ValueFault | "not_applicable_conflict"} {
  if (v.ok && v.value === null) {
    return flag === null || flag === NOT_APPLICABLE
      ? {value: null, flag: NOT_APPLICABLE}
      : {fault: "not_applicable_conflict"};
  }
  if (v.ok) return {value: v.value, flag};
  return v.fault === "value_empty" && flag ? {value: null, flag} : {fault: v.fault};
}

/** The one region whose name is exactly the given text (or the text plus 县/区/市/旗), if any. */
function suggestRegion(text: string, regions: ReadonlyMap<string, unknown>): {code: string; name: string} | undefined {
  if (!/\p{Script=Han}/u.test(text)) return undefined;
  const hits: {code: string; name: string}[] = [];
  for (const [code, entry] of regions) {
    const name = nameOf(entry);
    if (name === undefined) continue;
    const withSuffix = name.length === text.length + 1 && name.startsWith(text) && /[县区市旗]$/.test(name);
    if (name === text || withSuffix) hits.push({code, name});
  }
  return hits.length === 1 ? hits[0] : undefined;
}
