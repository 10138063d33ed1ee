/**
 * The benchmark's input, made the way the product gets it: the seeded illustrative observations of one peer group
 * written as CSV (`observationsCsvText`, what `bizenv generate` writes), read back by the observation checker
 * (`checkObservations`, what the build and the simulator's upload run), and kept as the checked rows. The engine loads
 * them as `observationsIpc` encodes them; arquero and the typed-array loop read the same rows as plain columns.
 */
import {tableFromIPC} from "apache-arrow";
import {GENERATOR_DEFAULTS, observationRows, observationsCsvText} from "../loaders/generate-observations.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {readRegions} from "../loaders/regions.js";
import {assertNoRejections, checkContext, checkObservations} from "../src/engine/observations/check.js";
import type {Observation} from "../src/engine/observations/observation.js";

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
  /** The observations the checker accepted (the engine's input: `observationsIpc(rows)`). */
  rows: Observation[];
  /** The same observations as columns (arquero's and the typed-array loop's input). */
  columns: ObservationColumns;
}

/**
 * Generates the illustrative observations of `regions` (seed 2023, 2 % missing) for the bundled periods as CSV text
 * and checks it the way the build does (every GB/T 2260 region, the methodology's measures and units, the bundled
 * periods); throws if the checker rejects anything.
 */
export async function checkedDataset(
  scale: string,
  methodology: Methodology,
  regions: readonly string[]
): Promise<Dataset> {
  const ctx = checkContext(methodology, (await readRegions()).regions, GENERATOR_DEFAULTS.periods);
  const csv = observationsCsvText(
    observationRows({
      regions,
      methodology,
      seed: GENERATOR_DEFAULTS.seed,
      missingRate: GENERATOR_DEFAULTS.missingRate
    })
  );
  const checked = checkObservations(new TextEncoder().encode(csv), `illustrative-${scale}.csv`, ctx);
  assertNoRejections([checked], {lenient: false});
  return {
    scale,
    regions: [...regions].sort(),
    periods: [...GENERATOR_DEFAULTS.periods],
    rows: checked.accepted,
    columns: toColumns(checked.accepted)
  };
}

/** The rows as columns (missing values are absent rows in generated data; a null value would be kept as NaN). */
export function toColumns(rows: readonly Observation[]): ObservationColumns {
  return {
    region: rows.map((o) => o.region),
    period: rows.map((o) => o.period),
    measure: rows.map((o) => o.measure),
    value: Float64Array.from(rows, (o) => o.value ?? NaN)
  };
}

/** Columns read back from an `observationsIpc` stream (the peak-memory child processes get the engine's bytes). */
export function columnsFromIpc(ipc: Uint8Array): ObservationColumns {
  const t = tableFromIPC(ipc);
  const strings = (name: string) => Array.from(t.getChild(name)!, (x) => String(x));
  return {
    region: strings("region"),
    period: strings("period"),
    measure: strings("measure"),
    value: Float64Array.from(t.getChild("value")!, (x) => (x == null ? NaN : Number(x)))
  };
}
