/**
 * `npm run bench`: the engine's SQL on duckdb-wasm in Node vs arquero vs a typed-array loop at three scales
 * (the peer groups Pingliang, Gansu and China of loaders/regions.ts), what-if latency, peak memory per implementation (child
 * processes), and the browser figures (clean build, simulator in Chromium, JS bytes per page).
 * Options: --scales=pingliang,gansu,china  --no-node  --no-memory  --no-browser  --quick (fewer rounds).
 * Prints the tables and writes them with the raw samples to bench/output/.
 */
import {spawnSync} from "node:child_process";
import {mkdir, rm, writeFile} from "node:fs/promises";
import {cpus, totalmem} from "node:os";
import {openNodeDatabase} from "../loaders/duckdb.js";
import {readMethodology} from "../loaders/methodology.js";
import {readRegions} from "../loaders/regions.js";
import {browserBench} from "./browser-bench.js";
import {benchScale, IMPLEMENTATIONS, type ScaleFigures, type ScalePlan} from "./node-bench.js";
import {formatReport, type BrowserFigures, type MemoryFigure} from "./report.js";

const OUTPUT = "bench/output";
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const scaleIds = (args.find((a) => a.startsWith("--scales="))?.slice(9) ?? "pingliang,gansu,china").split(",");
const quick = flag("quick");

const PLANS: Record<string, Omit<ScalePlan, "scale" | "regions">> = {
  pingliang: {rounds: quick ? 5 : 20, budgetMs: 4_000, whatIfs: quick ? 5 : 30, whatIfBudgetMs: 4_000},
  gansu: {rounds: quick ? 5 : 15, budgetMs: 10_000, whatIfs: quick ? 5 : 30, whatIfBudgetMs: 10_000},
  china: {rounds: quick ? 3 : 5, budgetMs: 45_000, whatIfs: quick ? 4 : 20, whatIfBudgetMs: 30_000}
};

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}`;
log(`machine: ${machine}`);
if (!(globalThis as {gc?: unknown}).gc) log("note: run with node --expose-gc for a GC before each timed run");

const methodology = await readMethodology();
const {peerGroups} = await readRegions();
const db = await openNodeDatabase();
await mkdir(OUTPUT, {recursive: true});

const scales: ScaleFigures[] = [];
const memory: MemoryFigure[] = [];
for (const id of flag("no-node") ? [] : scaleIds) {
  const group = peerGroups.find((g) => g.id === id);
  if (!group || !PLANS[id]) throw new Error(`unknown scale ${id} (known: ${Object.keys(PLANS).join(", ")})`);
  const figures = await benchScale(db, methodology, {scale: id, regions: group.members, ...PLANS[id]}, log);
  scales.push(figures);
  if (!flag("no-memory")) {
    const file = `${OUTPUT}/observations-${id}.arrow`;
    await writeFile(file, figures.ipc);
    for (const impl of IMPLEMENTATIONS) {
      const child = spawnSync(
        process.execPath,
        ["--expose-gc", "--import", "tsx", "bench/peak-memory.ts", impl, file],
        {encoding: "utf8", maxBuffer: 1 << 20}
      );
      if (child.status !== 0) throw new Error(`peak-memory ${impl} ${id} failed:\n${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as Omit<MemoryFigure, "scale">;
      memory.push({scale: id, ...result});
      log(
        `${id}: ${impl} peak RSS ${Math.round(result.peakRss / 2 ** 20)} MB (before its load ${Math.round(result.baselineRss / 2 ** 20)} MB)`
      );
    }
    await rm(file);
  }
}
await db.close();

let browser: BrowserFigures | null = null;
if (!flag("no-browser")) browser = await browserBench(log);

const report = formatReport(scales, memory, browser);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const header = `Benchmark run ${new Date().toISOString()} — ${machine}\n\n`;
await writeFile(`${OUTPUT}/bench-${stamp}.md`, header + report);
await writeFile(`${OUTPUT}/latest.md`, header + report);
await writeFile(
  `${OUTPUT}/bench-${stamp}.json`,
  JSON.stringify({machine, scales: scales.map(({ipc: _ipc, ...s}) => s), memory, browser}, null, 1)
);
console.log(`\n${header}${report}`);
log(`done; written to ${OUTPUT}/latest.md`);
