/**
 * The observations folder owns reading and checking observation files (long or wide CSV) the same way at build time,
 * on the command line and in the browser: decoding (decode.ts), CSV records (csv-records.ts), the header (header.ts),
 * cell values (value.ts, text.ts, periods.ts), one row (row.ts), the reasons of a rejection (reasons.ts), row
 * accounting and the build's gate (report.ts), the check context (context.ts), and the Arrow IPC that takes checked
 * rows to DuckDB (arrow.ts). Nothing is dropped silently: every data row is either accepted or rejected with
 * file:line:column, the offending text and a bilingual reason. docs/data-format.md is the analyst's guide.
 */
import {detectDelimiter, readCsvRecords} from "./csv-records.js";
import {decodeObservationFile} from "./decode.js";
import {createFileChecker} from "./file-checker.js";
import type {CheckContext, CheckResult} from "./types.js";

export type {CheckContext, CheckResult, Rejection} from "./types.js";
export type {RejectionCode} from "./reasons.js";
export {REJECTION_CODES} from "./reasons.js";
export {assertNoRejections, formatRejection, isLenient, summariseLoad} from "./report.js";
export {checkContext} from "./context.js";
export type {ObservationSink} from "./file-checker.js";
export {checkObservationChunks} from "./stream.js";
export {comparePeriods, latestPeriod, normalisePeriod, previousPeriod, sortPeriods} from "./periods.js";

/** Checks one observation file (bytes in any supported encoding, or text) against a context. */
export function checkObservations(input: Uint8Array | string, file: string, ctx: CheckContext): CheckResult {
  const {text, encoding, undecodable} = decodeObservationFile(input);
  const checker = createFileChecker(file, ctx);
  if (text.trim() === "") return checker.finish(encoding);
  for (const record of readCsvRecords(text)) checker.record(record);
  if (undecodable) {
    const column = undecodable.lineText.slice(0, undecodable.position - 1).split(detectDelimiter(text)).length;
    checker.undecodable(undecodable, column);
  }
  return checker.finish(encoding);
}
