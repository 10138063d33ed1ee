/**
 * Build-time reading of the observation files under data/observations/: every file is checked with the same
 * code the browser runs (src/engine/observations/check.ts), the row accounting goes to stderr, and by default
 * any rejected row stops the build (BIZENV_LENIENT=1 publishes the accepted rows with a rejection report).
 */
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import type {Observation} from "../src/engine/observations/observation.js";
import {
  assertNoRejections,
  checkContext,
  checkObservations,
  isLenient,
  summariseLoad
} from "../src/engine/observations/check.js";
import type {CheckResult} from "../src/engine/observations/check.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {rejectAcrossFiles} from "../src/engine/observations/across-files.js";
import {describeFileError} from "./files.js";
import {readMethodology} from "./methodology.js";
import {readRegions} from "./regions.js";
import type {Region} from "../src/engine/regions/regions.js";

export const OBSERVATIONS_DIR = "data/observations";

export interface LoadedObservations {
  observations: Observation[];
  results: CheckResult[];
  lenient: boolean;
}

/** Reads and checks every `.csv` under `dir`; throws (unless lenient) listing every rejected cell. */
export async function loadObservations(
  options: {
    dir?: string;
    methodology?: Methodology;
    /** The regions codes are checked against; default every GB/T 2260 region. */
    regions?: readonly Region[];
    lenient?: boolean;
    log?: (line: string) => void;
  } = {}
): Promise<LoadedObservations> {
  const dir = options.dir ?? process.env.BIZENV_OBSERVATIONS_DIR ?? OBSERVATIONS_DIR;
  const methodology = options.methodology ?? (await readMethodology());
  const lenient = options.lenient ?? isLenient(process.env.BIZENV_LENIENT);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ctx = checkContext(methodology, options.regions ?? (await readRegions()).regions, null);
  const files = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith(".csv")).sort();
  if (files.length === 0) throw new Error(`${dir}: 没有观测 CSV 文件 / no observation CSV files`);
  const results: CheckResult[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const bytes = await readFile(file).catch((error) => Promise.reject(describeFileError(error, file)));
    results.push(checkObservations(new Uint8Array(bytes), file, ctx));
  }
  rejectAcrossFiles(results);
  log(summariseLoad(results));
  assertNoRejections(results, {lenient});
  const observations: Observation[] = [];
  for (const r of results) for (const o of r.accepted) observations.push(o);
  return {observations, results, lenient};
}
