/**
 * Observations repeated across files: the same (region, period, measure) in two files cannot both be right, so each
 * such row is rejected in its own file, naming the other file and line, like a duplicate within one file. The row
 * accounting of every file stays exact (read = accepted + rejected), and the build's gate (BIZENV_LENIENT) applies.
 */
import {reasonFor} from "./reasons.js";
import type {CheckResult} from "./types.js";

/** The accepted observations of file `f` as (key, line): by default from `result.accepted`. */
export type AcceptedKeys = (f: number) => Iterable<{key: string | number; line: number}>;

function* keysOfAccepted(r: CheckResult): Generator<{key: string; line: number}> {
  for (let i = 0; i < r.accepted.length; i++) {
    const o = r.accepted[i];
    yield {key: `${o.region}\u0000${o.period}\u0000${o.measure}`, line: r.acceptedLines[i]};
  }
}

/**
 * Rejects, in place, every accepted row whose (region, period, measure) another file also has; returns the lines
 * rejected per file index, so that a caller keeping observations elsewhere (`ObservationColumns`) can drop them.
 */
export function rejectAcrossFiles(
  results: CheckResult[],
  accepted: AcceptedKeys = (f) => keysOfAccepted(results[f])
): Map<number, Set<number>> {
  const firstSeen = new Map<string | number, {file: number; line: number}>();
  /** file index → line → the other place ("file:line") it repeats. */
  const repeated = new Map<number, Map<number, string>>();
  const mark = (file: number, line: number, other: {file: number; line: number}) => {
    if (!repeated.has(file)) repeated.set(file, new Map());
    const lines = repeated.get(file)!;
    if (!lines.has(line)) lines.set(line, `${results[other.file].file}:${other.line}`);
  };
  if (results.length < 2) return new Map();
  results.forEach((_, f) => {
    for (const {key, line} of accepted(f)) {
      const first = firstSeen.get(key);
      if (!first) firstSeen.set(key, {file: f, line});
      else if (first.file !== f) {
        mark(f, line, first);
        mark(first.file, first.line, {file: f, line});
      }
    }
  });
  for (const [f, lines] of repeated) {
    const r = results[f];
    const keep = r.accepted.map((_, i) => !lines.has(r.acceptedLines[i]));
    r.accepted = r.accepted.filter((_, i) => keep[i]);
    r.acceptedLines = r.acceptedLines.filter((_, i) => keep[i]);
    r.acceptedRows -= lines.size;
    r.rejectedRows += lines.size;
    for (const [line, other] of lines) {
      const {zh, en} = reasonFor("duplicate_across_files", {hint: other});
      const column = Math.max(1, r.regionColumn);
      const rejection = {
        file: r.file,
        line,
        column,
        columnName: "",
        text: other,
        code: "duplicate_across_files" as const
      };
      r.rejected.push({...rejection, reasonZh: zh, reasonEn: en});
    }
    r.rejected.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  return new Map([...repeated].map(([f, lines]) => [f, new Set(lines.keys())]));
}
