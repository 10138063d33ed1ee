/**
 * Reads and checks an observation file (long or wide CSV) the same way at build time and in the browser.
 * Nothing is dropped silently: every data row is either accepted or rejected with file:line:column, the
 * offending text and a bilingual reason. docs/data-format.md is the analyst's guide to all of it.
 */
import type {Observation} from "./observation.js";
import type {UnitId} from "../methodology/units.js";
import {decodeObservationFile} from "./decode.js";
import type {FileEncoding} from "./decode.js";
import {readCsvRecords} from "./csv-records.js";
import type {CsvRecord} from "./csv-records.js";
import {readHeader} from "./header.js";
import type {ColumnRole, Layout} from "./header.js";
import {reasonFor} from "./reasons.js";
import type {ReasonDetail, RejectionCode} from "./reasons.js";
import {cleanCell, columnLetter, looksLikeFormula, toHalfWidth} from "./text.js";
import {readValue} from "./value.js";
import type {ValueFault, ValueResult} from "./value.js";

export type {RejectionCode} from "./reasons.js";
export {REJECTION_CODES} from "./reasons.js";
export {assertNoRejections, formatRejection, isLenient, summariseLoad} from "./report.js";

/** What a file is checked against. */
export interface CheckContext {
  /** Known region ids (null = accept any id, e.g. ISO3 codes). Values with a `name` enable name checks. */
  regions: ReadonlyMap<string, unknown> | null;
  /** Known measure ids and their unit (src/engine/methodology/units.ts). */
  measures: ReadonlyMap<string, {unit: UnitId}>;
  /** Known periods (null = any non-empty). */
  periods: readonly string[] | null;
  /** Period of a wide file that has no period column; without it such a file is rejected. */
  defaultPeriod?: string;
}

/** One rejected cell (or a whole-file problem at line 1, column 1). */
export interface Rejection {
  file: string;
  /** 1-based physical line (header = 1; a record with quoted newlines counts from its first line). */
  line: number;
  /** 1-based field position (Excel column D = 4). */
  column: number;
  /** Header name of the column (or the missing column's role). */
  columnName: string;
  /** The offending text as found in the file. */
  text: string;
  code: RejectionCode;
  reasonZh: string;
  reasonEn: string;
}

/** The outcome of checking one file. Row accounting: read = acceptedRows + rejectedRows. */
export interface CheckResult {
  file: string;
  encoding: FileEncoding;
  /** Data rows read (header and blank lines excluded). */
  read: number;
  accepted: Observation[];
  /** Cell-level rejections; a row with any rejected cell is rejected as a whole. */
  rejected: Rejection[];
  format: "long" | "wide" | null;
  acceptedRows: number;
  rejectedRows: number;
  /** Blank lines (or lines of empty cells) skipped; not data. */
  blankLines: number;
  /** Wide format: blank measure cells without a flag (no observation emitted, not a rejection). */
  missingCells: number;
  /** Header names of columns nothing reads. */
  ignoredColumns: string[];
}

const PERIOD_ALIASES: [RegExp, string][] = [
  [/^(\d{4})年?(上半年|h1)$/i, "$1H1"],
  [/^(\d{4})年?(下半年|h2)$/i, "$1H2"],
  [/^(\d{4})(年度?)?$/, "$1"]
];

/** Normalises a period cell: "2023年" → "2023", "2023上半年"/"2023h1" → "2023H1". */
export function normalisePeriod(cell: string): string {
  const text = cleanCell(toHalfWidth(cell));
  for (const [pattern, replacement] of PERIOD_ALIASES) {
    if (pattern.test(text)) return text.replace(pattern, replacement);
  }
  return text;
}

const nameOf = (entry: unknown): string | undefined =>
  typeof entry === "object" && entry !== null && typeof (entry as {name?: unknown}).name === "string"
    ? (entry as {name: string}).name
    : undefined;

interface Fault {
  column: number;
  code: RejectionCode;
  detail?: ReasonDetail;
  /** Text to quote instead of the cell's own. */
  text?: string;
}

interface Candidate {
  line: number;
  keyColumn: number;
  keyText: string;
  observations: Observation[];
  missingCells: number;
}

/** Checks one observation file (bytes in any supported encoding, or text) against a context. */
export function checkObservations(input: Uint8Array | string, file: string, ctx: CheckContext): CheckResult {
  const {text, encoding} = decodeObservationFile(input);
  const result: CheckResult = {
    file,
    encoding,
    read: 0,
    accepted: [],
    rejected: [],
    format: null,
    acceptedRows: 0,
    rejectedRows: 0,
    blankLines: 0,
    missingCells: 0,
    ignoredColumns: []
  };
  const reject = (
    line: number,
    column: number,
    columnName: string,
    text: string,
    code: RejectionCode,
    detail?: ReasonDetail
  ) => {
    const {zh, en} = reasonFor(code, detail);
    result.rejected.push({file, line, column, columnName, text, code, reasonZh: zh, reasonEn: en});
  };
  const isBlank = (r: CsvRecord) => r.fields.every((f) => cleanCell(f) === "");
  const records = text.trim() === "" ? [] : readCsvRecords(text);
  const headerAt = records.findIndex((r) => !isBlank(r));
  if (headerAt < 0) {
    reject(1, 1, "", "", "empty_file");
    return result;
  }
  const header = records[headerAt];
  result.blankLines = headerAt;
  const rows = records.slice(headerAt + 1).filter((r) => {
    if (isBlank(r)) result.blankLines++;
    return !isBlank(r);
  });
  result.read = rows.length;
  const names = header.fields.map((f) => cleanCell(f));
  const formulas = header.fields.flatMap((f, i) => (looksLikeFormula(f) ? [i] : []));
  if (formulas.length > 0) {
    for (const i of formulas) reject(header.line, i + 1, names[i], header.fields[i], "formula");
    result.rejectedRows = rows.length;
    return result;
  }
  const parsed = readHeader(header.fields, ctx.measures, ctx.defaultPeriod !== undefined);
  if ("faults" in parsed) {
    for (const f of parsed.faults) {
      reject(header.line, f.column, f.columnName, header.fields.join(","), f.code, {hint: f.hint});
    }
    result.rejectedRows = rows.length;
    return result;
  }
  const layout = parsed.layout;
  result.format = layout.format;
  result.ignoredColumns = layout.ignored.map((i) => names[i] || `(${columnLetter(i + 1)})`);
  if (rows.length === 0) {
    reject(header.line, 1, names[0], header.fields.join(","), "no_data_rows");
    return result;
  }
  const candidates: Candidate[] = [];
  const rowFaults = new Map<CsvRecord, Fault[]>();
  for (const row of rows) {
    const {faults, candidate} = checkRow(row, layout, header.fields.length, ctx);
    if (faults.length > 0) rowFaults.set(row, faults);
    else candidates.push(candidate);
  }
  const duplicated = findDuplicates(candidates);
  for (const row of rows) {
    const faults = rowFaults.get(row);
    if (!faults) continue;
    result.rejectedRows++;
    for (const f of faults) {
      reject(row.line, f.column, names[f.column - 1] ?? "", f.text ?? row.fields[f.column - 1] ?? "", f.code, f.detail);
    }
  }
  for (const c of candidates) {
    const lines = duplicated.get(c);
    if (lines) {
      result.rejectedRows++;
      reject(c.line, c.keyColumn, names[c.keyColumn - 1] ?? "", c.keyText, "duplicate", {lines});
    } else {
      result.acceptedRows++;
      result.missingCells += c.missingCells;
      result.accepted.push(...c.observations);
    }
  }
  result.rejected.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

/** A (region, period, measure) given on two rows: neither can be trusted, so each such row maps to all its lines. */
function findDuplicates(candidates: readonly Candidate[]): Map<Candidate, number[]> {
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    for (const o of c.observations) {
      const key = `${o.region}\u0000${o.period}\u0000${o.measure}`;
      const list = byKey.get(key) ?? [];
      if (!list.includes(c)) list.push(c);
      byKey.set(key, list);
    }
  }
  const duplicated = new Map<Candidate, number[]>();
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const c of list) {
      const lines = new Set([...(duplicated.get(c) ?? []), ...list.map((d) => d.line)]);
      duplicated.set(
        c,
        [...lines].sort((a, b) => a - b)
      );
    }
  }
  return duplicated;
}

/** Checks one data row; returns its cell faults, or the observations it yields. */
function checkRow(
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
    if (looksLikeFormula(f)) faults.push({column: i + 1, code: "formula"});
  });
  const formulaAt = new Set(faults.filter((f) => f.code === "formula").map((f) => f.column));
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
    else if (ctx.periods && !ctx.periods.includes(period)) {
      faults.push({column: col("period"), code: "period_unknown", detail: {hint: ctx.periods.join(", ")}});
    }
  }
  const text = (role: ColumnRole) => (usable(role) ? cleanCell(cell(role) ?? "") || null : null);
  const extras = {source: text("source"), note: text("note")};
  const observations: Observation[] = [];
  let missingCells = 0;
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
      if ("fault" in r) faults.push({column: col("value"), code: r.fault, detail: {unit: info.unit}});
      else observations.push({region, period, measure, value: r.value, flag, ...extras});
    }
  } else {
    const flagged = new Set<string>();
    for (const f of layout.flagColumns) {
      if (formulaAt.has(f.index + 1)) continue;
      const mark = cleanCell(toHalfWidth(row.fields[f.index] ?? ""));
      if (mark === "1") f.measures.forEach((m) => flagged.add(m));
      else if (mark !== "" && mark !== "0") faults.push({column: f.index + 1, code: "bad_flag"});
    }
    for (const {index, measure} of layout.measureColumns) {
      if (formulaAt.has(index + 1)) continue;
      const unit = ctx.measures.get(measure)!.unit;
      const flag = flagged.has(measure) ? "no_practice" : null;
      const r = flaggedValue(readValue(row.fields[index] ?? "", unit), flag);
      if ("fault" in r && r.fault === "value_empty") missingCells++;
      else if ("fault" in r) faults.push({column: index + 1, code: r.fault, detail: {unit}});
      else observations.push({region, period, measure, value: r.value, flag, ...extras});
    }
  }
  const keyText = row.fields[keyColumn - 1] ?? "";
  return {faults, candidate: {line: row.line, keyColumn, keyText, observations, missingCells}};
}

/** What a read cell stands for: its number, null when empty but flagged, or its fault. */
function flaggedValue(v: ValueResult, flag: string | null): {value: number | null} | {fault: ValueFault} {
  if (v.ok) return {value: v.value};
  return v.fault === "value_empty" && flag ? {value: null} : {fault: v.fault};
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
