/**
 * The bundled observations as an Arrow IPC stream (src/data/observations.arrow): the simulator hands the bytes to
 * DuckDB as they are (`engine.loadObservationsArrow`), with no CSV to sniff and parse in the browser.
 */
import {Dictionary, Float64, Int32, tableFromIPC, tableToIPC, Table, Utf8, vectorFromArray} from "apache-arrow";
import type {Observation} from "./observation.js";

const text = () => new Dictionary(new Utf8(), new Int32());

/** Arrow IPC stream with columns region, period, measure, flag (dictionary-encoded text) and value (float64, null when missing). */
export function observationsIpc(rows: readonly Observation[]): Uint8Array {
  for (const r of rows) {
    if (r.value !== null && !Number.isFinite(r.value))
      throw new Error(`观测值不是有限数值 / not a finite value: ${r.region} ${r.period} ${r.measure} ${r.value}`);
  }
  const table = new Table({
    region: vectorFromArray(
      rows.map((r) => r.region),
      text()
    ),
    period: vectorFromArray(
      rows.map((r) => r.period),
      text()
    ),
    measure: vectorFromArray(
      rows.map((r) => r.measure),
      text()
    ),
    value: vectorFromArray(
      rows.map((r) => r.value),
      new Float64()
    ),
    flag: vectorFromArray(
      rows.map((r) => r.flag ?? null),
      text()
    )
  });
  return tableToIPC(table, "stream");
}

/** The known periods that occur in an observations IPC stream, in the order of `known`. */
export function periodsInIpc(ipc: Uint8Array, known: readonly string[]): string[] {
  const present = new Set<string>();
  for (const p of tableFromIPC(ipc).getChild("period") ?? []) if (p != null) present.add(String(p));
  return known.filter((p) => present.has(p));
}
