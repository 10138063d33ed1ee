/**
 * The checks of one observation file, fed one CSV record at a time, so that a whole file (check.ts) and a file read in
 * chunks (stream.ts) go through the same rules: header, rows, duplicates and the row accounting. Accepted observations
 * go to a sink as they are found (an array by default; the command line keeps them as columns); rows that a later
 * duplicate makes untrustworthy are taken back from the sink when the file ends.
 */
import type {CsvRecord} from "./csv-records.js";
import type {UndecodableBytes} from "./decode.js";
import type {FileEncoding} from "./decode.js";
import {readHeader} from "./header.js";
import type {Layout} from "./header.js";
import type {Observation} from "./observation.js";
import {reasonFor} from "./reasons.js";
import type {ReasonDetail, RejectionCode} from "./reasons.js";
import {checkRow} from "./row.js";
import {cleanCell, columnLetter, looksLikeFormula} from "./text.js";
import type {CheckContext, CheckResult} from "./types.js";

/** Where accepted observations go: `push` as they are read, `dropLines` for rows a duplicate later rejects. */
export interface ObservationSink {
  push(observation: Observation, line: number): void;
  dropLines(lines: ReadonlySet<number>): void;
}

/** A file being checked: records in file order, then `finish`. */
export interface FileChecker {
  /** Checks the next record (the header is the first non-blank one). */
  record(r: CsvRecord): void;
  /** Bytes no encoding reads: every row of the file is rejected, at the first bad byte. */
  undecodable(at: UndecodableBytes, column: number): void;
  /** The result, once every record has been given. */
  finish(encoding: FileEncoding): CheckResult;
}

/** The sink that keeps accepted observations in `result.accepted` and their lines in `result.acceptedLines`. */
function arraySink(result: CheckResult): ObservationSink {
  return {
    push(o, line) {
      result.accepted.push(o);
      result.acceptedLines.push(line);
    },
    dropLines(lines) {
      const keep = result.acceptedLines.map((line) => !lines.has(line));
      result.accepted = result.accepted.filter((_, i) => keep[i]);
      result.acceptedLines = result.acceptedLines.filter((_, i) => keep[i]);
    }
  };
}

/** Small integers for region, period and measure ids, so that a (region, period, measure) key is one number. */
class KeyCodes {
  private readonly codes = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private readonly regions: string[] = [];
  /** One number per (region, period, measure): up to 2^22 regions, 2^17 periods, 2^14 measures. */
  key(o: Observation): number {
    const [r, p, m] = [o.region, o.period, o.measure].map((id, i) => {
      const codes = this.codes[i];
      let code = codes.get(id);
      if (code === undefined) {
        codes.set(id, (code = codes.size));
        if (i === 0) this.regions.push(id);
      }
      return code;
    });
    if (r >= 2 ** 22 || p >= 2 ** 17 || m >= 2 ** 14)
      throw new Error("太多不同的地区/期间/指标 / too many distinct ids");
    return (r * 2 ** 17 + p) * 2 ** 14 + m;
  }
  /** The region id of a key. */
  region(key: number): string {
    return this.regions[Math.floor(key / 2 ** 31)] ?? "";
  }
}

/** Starts checking a file named `file` against `ctx`; accepted observations go to `sink` (default: the result). */
export function createFileChecker(file: string, ctx: CheckContext, sink?: ObservationSink): FileChecker {
  const result: CheckResult = {
    file,
    encoding: "utf-8",
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
  const out = sink ?? arraySink(result);
  const reject = (line: number, column: number, name: string, text: string, code: RejectionCode, d?: ReasonDetail) => {
    const {zh, en} = reasonFor(code, d);
    result.rejected.push({file, line, column, columnName: name, text, code, reasonZh: zh, reasonEn: en});
  };
  const isBlank = (r: CsvRecord) => r.fields.every((f) => cleanCell(f) === "");
  let header: CsvRecord | null = null;
  let names: string[] = [];
  let layout: Layout | null = null;
  /** Why every row is rejected (bad bytes, a formula or an unreadable header), once known. */
  let fileFault = false;
  let undecodable = false;
  // Accepted observations so far: their key and line, and each accepted row's missing cells and region text.
  const keyCodes = new KeyCodes();
  let keys = new Float64Array(1024);
  let lines = new Int32Array(1024);
  let count = 0;
  const missingAt = new Map<number, number>();
  const regionText = new Map<number, string>();

  const readHeaderRecord = (h: CsvRecord) => {
    header = h;
    names = h.fields.map((f) => cleanCell(f));
    const formulas = h.fields.flatMap((f, i) => (looksLikeFormula(f) ? [i] : []));
    if (formulas.length > 0) {
      for (const i of formulas) reject(h.line, i + 1, names[i], h.fields[i], "formula");
      fileFault = true;
      return;
    }
    const parsed = readHeader(h.fields, ctx.measures, ctx.defaultPeriod !== undefined, ctx.flagMeasures);
    if ("faults" in parsed) {
      for (const f of parsed.faults) reject(h.line, f.column, f.columnName, h.fields.join(","), f.code, {hint: f.hint});
      fileFault = true;
      return;
    }
    layout = parsed.layout;
    result.format = layout.format;
    result.regionColumn = (layout.roles.region ?? -1) + 1;
    result.form = layout.form;
    result.ignoredColumns = layout.ignored.map((i) => names[i] || `(${columnLetter(i + 1)})`);
  };

  const readRow = (row: CsvRecord, h: CsvRecord, l: Layout) => {
    const {faults, candidate: c} = checkRow(row, l, h.fields.length, ctx);
    if (faults.length > 0) {
      result.rejectedRows++;
      for (const f of faults) {
        reject(
          row.line,
          f.column,
          names[f.column - 1] ?? "",
          f.text ?? row.fields[f.column - 1] ?? "",
          f.code,
          f.detail
        );
      }
      return;
    }
    if (c.unfilled) {
      result.unfilledRows++;
      return;
    }
    result.acceptedRows++;
    result.missingCells += c.missingCells;
    if (c.missingCells > 0) missingAt.set(c.line, c.missingCells);
    for (const o of c.observations) {
      if (count === keys.length) {
        keys = grow(keys, new Float64Array(keys.length * 2));
        lines = grow(lines, new Int32Array(lines.length * 2));
      }
      keys[count] = keyCodes.key(o);
      lines[count++] = c.line;
      if (c.keyText !== o.region) regionText.set(c.line, c.keyText);
      out.push(o, c.line);
    }
  };

  return {
    record(r) {
      if (header === null) {
        if (isBlank(r)) result.blankLines++;
        else readHeaderRecord(r);
        return;
      }
      if (isBlank(r)) {
        result.blankLines++;
        return;
      }
      result.read++;
      if (fileFault || layout === null) result.rejectedRows++;
      else readRow(r, header, layout);
    },
    undecodable(at, column) {
      undecodable = true;
      fileFault = true;
      reject(at.line, column, "", at.lineText, "bad_encoding", {hint: at.byte});
    },
    finish(encoding) {
      result.encoding = encoding;
      if (header === null) {
        result.rejected = [];
        result.blankLines = 0;
        reject(1, 1, "", "", "empty_file");
        return result;
      }
      const h: CsvRecord = header;
      if (fileFault) {
        // Nothing in the file can be trusted: every row is rejected, and nothing read so far is kept.
        if (undecodable) {
          result.rejected = result.rejected.filter((r) => r.code === "bad_encoding");
          Object.assign(result, {format: null, regionColumn: 0, form: false, ignoredColumns: []});
        }
        result.rejectedRows = result.read;
        result.acceptedRows = result.unfilledRows = result.missingCells = 0;
        out.dropLines(new Set(lines.subarray(0, count)));
        return sorted(result);
      }
      if (result.read === 0) {
        reject(h.line, 1, names[0], h.fields.join(","), "no_data_rows");
        return result;
      }
      const duplicated = duplicatedLines(keys.subarray(0, count), lines.subarray(0, count));
      for (const [line, {key, lines: all}] of duplicated) {
        result.acceptedRows--;
        result.rejectedRows++;
        result.missingCells -= missingAt.get(line) ?? 0;
        const column = result.regionColumn;
        const text = regionText.get(line) ?? keyCodes.region(key);
        reject(line, column, names[column - 1] ?? "", text, "duplicate", {lines: all});
      }
      if (duplicated.size > 0) out.dropLines(new Set(duplicated.keys()));
      return sorted(result);
    }
  };
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function sorted(result: CheckResult): CheckResult {
  result.rejected.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

/**
 * A (region, period, measure) given on two rows: neither can be trusted, so each such row maps to all the lines that
 * share one of its keys. Keys are sorted (no per-key map), so a file of millions of rows costs 8 bytes a key.
 */
function duplicatedLines(keys: Float64Array, lines: Int32Array): Map<number, {key: number; lines: number[]}> {
  const order = keys.slice().sort();
  const repeated = new Set<number>();
  for (let i = 1; i < order.length; i++) if (order[i] === order[i - 1]) repeated.add(order[i]);
  const duplicated = new Map<number, {key: number; lines: number[]}>();
  if (repeated.size === 0) return duplicated;
  const linesOfKey = new Map<number, Set<number>>();
  keys.forEach((key, i) => {
    if (!repeated.has(key)) return;
    if (!linesOfKey.has(key)) linesOfKey.set(key, new Set());
    linesOfKey.get(key)!.add(lines[i]);
  });
  keys.forEach((key, i) => {
    const same = linesOfKey.get(key);
    if (!same || same.size < 2) return;
    const all = new Set([...(duplicated.get(lines[i])?.lines ?? []), ...same]);
    duplicated.set(lines[i], {key, lines: [...all].sort((a, b) => a - b)});
  });
  return duplicated;
}
