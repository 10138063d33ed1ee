/**
 * Checked observations as an Arrow IPC stream: the one way observations reach DuckDB (`engine.loadObservations`), in
 * the build (src/data/), the command line, the simulator (bundled file and uploads) and the bench.
 */
import {Dictionary, Float64, Int32, tableFromIPC, tableToIPC, Table, Utf8, vectorFromArray} from "apache-arrow";
import type {DataType} from "apache-arrow";
import type {Observation} from "./observation.js";
import {sortPeriods} from "./periods.js";

/**
 * Arrow IPC stream with columns region, period, measure, flag (text) and value (float64, null when missing). Text is
 * dictionary-encoded; an empty set uses plain text, since duckdb-wasm refuses a stream that declares dictionaries and
 * sends none.
 */
export function observationsIpc(rows: readonly Observation[]): Uint8Array {
  for (const r of rows) {
    if (r.value !== null && !Number.isFinite(r.value))
      throw new Error(`观测值不是有限数值 / not a finite value: ${r.region} ${r.period} ${r.measure} ${r.value}`);
  }
  const text = (): DataType => (rows.length ? new Dictionary(new Utf8(), new Int32()) : new Utf8());
  const column = (pick: (r: Observation) => string | null) => vectorFromArray(rows.map(pick), text());
  const table = new Table({
    region: column((r) => r.region),
    period: column((r) => r.period),
    measure: column((r) => r.measure),
    value: vectorFromArray(
      rows.map((r) => r.value),
      new Float64()
    ),
    flag: column((r) => r.flag ?? null)
  });
  return tableToIPC(table, "stream");
}

/** The periods that occur in an observations IPC stream, in time order (src/engine/observations/periods.ts). */
export function periodsInIpc(ipc: Uint8Array): string[] {
  const present = new Set<string>();
  for (const p of tableFromIPC(ipc).getChild("period") ?? []) if (p != null) present.add(String(p));
  return sortPeriods(present);
}
