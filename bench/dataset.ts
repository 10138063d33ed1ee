/**
 * The benchmark's input: the seeded illustrative observations of one peer group, generated in memory (never
 * committed) as plain columns, and the same columns as an Arrow IPC stream for DuckDB.
 */
import {tableFromArrays, tableFromIPC, tableToIPC} from "apache-arrow";
import {GENERATOR_DEFAULTS, observationRows} from "../loaders/generate-observations.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";

/** Observations as columns; a missing value is an absent row (as the generator makes them). */
export interface ObservationColumns {
  region: string[];
  period: string[];
  measure: string[];
  value: Float64Array;
}

/** One benchmark scale: a peer group scored against itself over every period. */
export interface Dataset {
  scale: string;
  regions: string[];
  periods: string[];
  columns: ObservationColumns;
}

/** Generates the illustrative observations of `regions` (seed 2023, 2 % missing) for the three bundled periods. */
export function generateDataset(scale: string, methodology: Methodology, regions: readonly string[]): Dataset {
  const region: string[] = [];
  const period: string[] = [];
  const measure: string[] = [];
  const values: number[] = [];
  for (const o of observationRows({
    regions,
    methodology,
    seed: GENERATOR_DEFAULTS.seed,
    missingRate: GENERATOR_DEFAULTS.missingRate
  })) {
    region.push(o.region);
    period.push(o.period);
    measure.push(o.measure);
    values.push(o.value!);
  }
  return {
    scale,
    regions: [...regions].sort(),
    periods: [...GENERATOR_DEFAULTS.periods],
    columns: {region, period, measure, value: Float64Array.from(values)}
  };
}

/** The columns as an Arrow IPC stream (region, period, measure as dictionary-free UTF-8; value as float64). */
export function columnsToIpc(c: ObservationColumns): Uint8Array {
  return tableToIPC(
    tableFromArrays({region: c.region, period: c.period, measure: c.measure, value: c.value}),
    "stream"
  );
}

/** Reads columns back from {@link columnsToIpc} output. */
export function columnsFromIpc(ipc: Uint8Array): ObservationColumns {
  const t = tableFromIPC(ipc);
  const strings = (name: string) => Array.from(t.getChild(name)!.toArray() as ArrayLike<string>, String);
  return {
    region: strings("region"),
    period: strings("period"),
    measure: strings("measure"),
    value: Float64Array.from(t.getChild("value")!.toArray() as Float64Array)
  };
}
