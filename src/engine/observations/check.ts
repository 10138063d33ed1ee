/**
 * The observations folder owns reading and checking observation files (long or wide CSV) the same way at build time,
 * on the command line and in the browser: decoding (decode.ts), CSV records (csv-records.ts), the header (header.ts),
 * cell values (value.ts, text.ts, periods.ts), one row (row.ts), the reasons of a rejection (reasons.ts), row
 * accounting and the build's gate (report.ts), the check context (context.ts), and the Arrow IPC that takes checked
 * rows to DuckDB (arrow.ts). Nothing is dropped silently: every data row is either accepted or rejected with
 * file:line:column, the offending text and a bilingual reason. docs/data-format.md is the analyst's guide.
 */
import {detectDelimiter, readCsvRecords} from "./csv-records.js";
import type {CsvRecord} from "./csv-records.js";
import {decodeObservationFile} from "./decode.js";
import {readHeader} from "./header.js";
import {reasonFor} from "./reasons.js";
import type {ReasonDetail, RejectionCode} from "./reasons.js";
import {checkRow, type Candidate, type Fault} from "./row.js";
import {cleanCell, columnLetter, looksLikeFormula} from "./text.js";
import type {CheckContext, CheckResult} from "./types.js";

export type {CheckContext, CheckResult, Rejection} from "./types.js";
export type {RejectionCode} from "./reasons.js";
export {REJECTION_CODES} from "./reasons.js";
export {assertNoRejections, formatRejection, isLenient, summariseLoad} from "./report.js";
export {checkContext} from "./context.js";
export {comparePeriods, latestPeriod, normalisePeriod, previousPeriod, sortPeriods} from "./periods.js";

/** Checks one observation file (bytes in any supported encoding, or text) against a context. */
export function checkObservations(input: Uint8Array | string, file: string, ctx: CheckContext): CheckResult {
  const {text, encoding, undecodable} = decodeObservationFile(input);
  const result: CheckResult = {
    file,
    encoding,
    read: 0,
    accepted: [],
    acceptedLines: [],
    rejected: [],
    format: null,
    regionColumn: 0,
    form: false,
    acceptedRows: 0,
    rejectedRows: 0,
    unfilledRows: 0,
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
  if (undecodable) {
    // Bytes no encoding reads: nothing in the file can be trusted, so every row is rejected, at the first bad byte.
    const column = undecodable.lineText.slice(0, undecodable.position - 1).split(detectDelimiter(text)).length;
    reject(undecodable.line, column, "", undecodable.lineText, "bad_encoding", {hint: undecodable.byte});
    result.rejectedRows = rows.length;
    return result;
  }
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
  result.regionColumn = (layout.roles.region ?? -1) + 1;
  result.form = layout.form;
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
    if (c.unfilled) result.unfilledRows++;
    else if (lines) {
      result.rejectedRows++;
      reject(c.line, c.keyColumn, names[c.keyColumn - 1] ?? "", c.keyText, "duplicate", {lines});
    } else {
      result.acceptedRows++;
      result.missingCells += c.missingCells;
      for (const o of c.observations) {
        result.accepted.push(o);
        result.acceptedLines.push(c.line);
      }
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
