/**
 * Child process of the benchmark: peak resident memory of ONE implementation at one scale, so that each figure is
 * that implementation's own (duckdb-wasm's linear memory is part of the process's resident set).
 * Usage: node --expose-gc --import tsx bench/peak-memory.ts <engine|arquero|typed> <observations.arrow>
 * Prints one JSON line: {"impl", "baselineRss", "peakRss"} in bytes.
 */
import {readFile} from "node:fs/promises";
import {openNodeDatabase} from "../loaders/duckdb.js";
import {readMethodology} from "../loaders/methodology.js";
import {sortPeriods} from "../src/engine/observations/periods.js";
import {createEngine} from "../src/engine/scoring/engine.js";
import {arqueroInputs, arqueroScore} from "./arquero-scoring.js";
import {columnsFromIpc, type Dataset} from "./dataset.js";
import {engineScore} from "./engine-scoring.js";
import {collect} from "./stats.js";
import {denseObservations, typedArrayScore, typedModel} from "./typed-array-scoring.js";

/** Peak RSS so far (bytes): the kernel's high-water mark for this process. */
const peak = () => process.resourceUsage().maxRSS * 1024;

const [impl, file] = process.argv.slice(2);
const methodology = await readMethodology();
const ipc = new Uint8Array(await readFile(file));
const columns = columnsFromIpc(ipc);
// The engine loads the bytes as they are; arquero and the typed loop read the columns (no rows needed).
const data: Dataset = {
  scale: "child",
  regions: [...new Set(columns.region)].sort(),
  periods: sortPeriods(columns.period),
  rows: [],
  columns
};
collect();
const baselineRss = process.memoryUsage().rss;
if (impl === "engine") {
  const engine = await createEngine(await openNodeDatabase(), methodology);
  await engine.loadObservations(ipc);
  for (let i = 0; i < 2; i++) await engineScore(engine, data);
} else if (impl === "arquero") {
  const inputs = arqueroInputs(methodology, data);
  for (let i = 0; i < 2; i++) arqueroScore(inputs);
} else if (impl === "typed") {
  const model = typedModel(methodology);
  const dense = denseObservations(model, data);
  for (let i = 0; i < 2; i++) typedArrayScore(model, dense);
} else {
  throw new Error(`unknown implementation ${impl}`);
}
console.log(JSON.stringify({impl, baselineRss, peakRss: peak()}));
