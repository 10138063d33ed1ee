/**
 * Small tables of text and integer codes as Arrow IPC, for `SqlDatabase.loadArrow`: the way names that come from
 * files (regions, periods, measure and node ids, flags) reach DuckDB, so that no value of a file is ever written into
 * SQL text (a quote, a backslash or `'); DROP TABLE x; --` is just a name).
 */
import {Table, tableToIPC, Utf8, vectorFromArray} from "apache-arrow";

/** An Arrow IPC stream of text columns (VARCHAR) and integer columns (INTEGER), all the same length. */
export function codesIpc(
  text: Record<string, readonly string[]>,
  integers: Record<string, readonly number[]> = {}
): Uint8Array {
  const table = new Table({
    ...Object.fromEntries(Object.entries(text).map(([name, v]) => [name, vectorFromArray([...v], new Utf8())])),
    ...Object.fromEntries(Object.entries(integers).map(([name, v]) => [name, vectorFromArray(Int32Array.from(v))]))
  });
  return tableToIPC(table, "stream");
}
