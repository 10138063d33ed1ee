/**
 * `bizenv score --methodology FILE --observations FILE… [--regions FILE] [--scenario FILE] [--level NODE]
 * [--peer-group a,b] [--periods a,b] [--period P] [--out FILE]`: scores observation files (long or wide CSV,
 * checked by src/engine/observations/check.ts) with a methodology and prints CSV
 * `region,period,node,score,rank` (plus baseline columns with a scenario). docs/methodology-format.md.
 */
import {open} from "node:fs/promises";
import {createEngine, sortedNodeRows} from "../../src/engine/scoring/engine.js";
import {compareNames} from "../../src/engine/scoring/codes.js";
import {
  checkContext,
  checkObservationChunks,
  formatRejection,
  summariseLoad
} from "../../src/engine/observations/check.js";
import {ObservationColumns} from "../../src/engine/observations/columns.js";
import type {CheckContext, CheckResult} from "../../src/engine/observations/check.js";
import type {NodeColumns, ScoreOptions} from "../../src/engine/scoring/types.js";
import {openNodeDatabase} from "../duckdb.js";
import {describeFileError, fileChunks, readJsonFile} from "../files.js";
import {readRegionsFile} from "../regions.js";
import {readMethodology} from "../methodology.js";
import {rootNode} from "../../src/engine/methodology/methodology.js";
import {sayWhy} from "./why.js";
import {listOption, parseCli, UsageError, usageExit} from "./args.js";
import {checkScenario} from "../../src/engine/methodology/scenario.js";
import {rejectAcrossFiles} from "../../src/engine/observations/across-files.js";

/** The usage text (`bizenv <command> --help`). */
export const USAGE = `用法 Usage: bizenv score --methodology FILE --observations FILE [--observations FILE…] [options]
  --methodology FILE    方法文件 JSON / methodology JSON (docs/methodology-format.md)
  --observations FILE   观测数据 CSV（长表或宽表，可重复）/ observations CSV, long or wide (repeatable)
  --regions FILE        地区 CSV：region[,parent,weight] / regions CSV; rows with a parent are rolled up into it
  --scenario FILE       情景 JSON：{values, weights, targets} / what-if JSON; adds baseline_score, baseline_rank, delta
  --level NODE          只输出该层级（层级名或节点 id）/ only nodes of this level (a level name or a node id)
  --peer-group a,b,c    参与排名的地区；@FILE 读取地区 CSV 的 region 列；其余地区照常计分、不排名 /
                        regions ranked together; @FILE reads the region column of a CSV; the other regions
                        (without a parent) are scored and printed unranked (default: every region without a parent)
  --periods a,b         只计算这些期间 / score only these periods
  --period P            宽表没有期间列时使用 / period of wide files without a period column
  --out FILE            写入文件而非标准输出 / write the CSV to FILE instead of stdout
`;

interface Args {
  methodology?: string;
  observations: string[];
  regions?: string;
  scenario?: string;
  level?: string;
  peerGroup?: string[];
  periods?: string[];
  period?: string;
  out?: string;
}

function readArgs(args: string[]): Args {
  const {values: v} = parseCli(args, {
    methodology: {type: "string"},
    observations: {type: "string", multiple: true},
    regions: {type: "string"},
    scenario: {type: "string"},
    level: {type: "string"},
    "peer-group": {type: "string"},
    periods: {type: "string"},
    period: {type: "string"},
    out: {type: "string"}
  });
  if (!v.methodology) throw new UsageError("缺少 --methodology / --methodology is required");
  if (!v.observations?.length) throw new UsageError("缺少 --observations / --observations is required");
  return {
    methodology: v.methodology,
    observations: v.observations,
    regions: v.regions,
    scenario: v.scenario,
    level: v.level,
    peerGroup: v["peer-group"] === undefined ? undefined : listOption(v["peer-group"]),
    periods: v.periods === undefined ? undefined : listOption(v.periods),
    period: v.period,
    out: v.out
  };
}

/**
 * Checks observation files read in chunks into columns (a national file of millions of rows fits), rejects rows
 * repeated across files, and returns the results, the regions and periods present, and the accepted rows as Arrow IPC
 * (all, or one period's).
 */
async function readObservationFiles(files: string[], ctx: CheckContext) {
  const columns = new ObservationColumns();
  const results: CheckResult[] = [];
  for (const [f, file] of files.entries()) {
    results.push(await checkObservationChunks(fileChunks(file), file, ctx, columns.sink(f)));
  }
  for (const [f, lines] of rejectAcrossFiles(results, (f) => columns.keys(f))) columns.dropLines(f, lines);
  const present = {regions: columns.present("region"), periods: columns.present("period")};
  return {results, present, ipcOf: (period?: string) => columns.toIpc(period)};
}

/** Writes CSV lines to `out` (or stdout) in batches, never as one string. */
async function writeCsv(out: string | undefined, lines: () => Iterable<string>): Promise<void> {
  const file = out ? await open(out, "w").catch((error) => Promise.reject(describeFileError(error, out))) : null;
  const write = (text: string) =>
    file
      ? file.write(text).then(() => undefined)
      : new Promise<void>((done) => (process.stdout.write(text) ? done() : process.stdout.once("drain", done)));
  try {
    let batch: string[] = [];
    for (const line of lines()) {
      batch.push(line);
      if (batch.length === 10000) {
        await write(`${batch.join("\n")}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) await write(`${batch.join("\n")}\n`);
  } finally {
    await file?.close();
  }
}

/** Score columns of several runs of one engine (region, period and node codes are the engine's, shared). */
function concatColumns(parts: NodeColumns[]): NodeColumns {
  const last = parts[parts.length - 1];
  const length = parts.reduce((n, p) => n + p.length, 0);
  const join = <T extends Int32Array | Int16Array | Float64Array>(
    pick: (p: NodeColumns) => T,
    make: (n: number) => T
  ) => {
    const out = make(length);
    let at = 0;
    for (const p of parts) {
      out.set(pick(p), at);
      at += p.length;
    }
    return out;
  };
  return {
    length,
    region: join(
      (p) => p.region,
      (n) => new Int32Array(n)
    ),
    period: join(
      (p) => p.period,
      (n) => new Int16Array(n)
    ),
    node: join(
      (p) => p.node,
      (n) => new Int16Array(n)
    ),
    score: join(
      (p) => p.score,
      (n) => new Float64Array(n)
    ),
    coverage: join(
      (p) => p.coverage,
      (n) => new Float64Array(n)
    ),
    rank: join(
      (p) => p.rank,
      (n) => new Int32Array(n)
    ),
    regions: last?.regions ?? [],
    periods: last?.periods ?? [],
    nodes: last?.nodes ?? []
  };
}

/** The regions whose root node has no score in a part scored for one period. */
function missingTotals(c: NodeColumns, root: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < c.length; i++)
    if (c.nodes[c.node[i]] === root && Number.isNaN(c.score[i])) out.push(c.regions[c.region[i]]);
  return out;
}

/** `--peer-group`: a list `a,b,c`, or `@FILE`, the region column of a CSV (read like a regions file). */
async function readPeerGroup(option: string[] | undefined): Promise<string[] | undefined> {
  if (option?.length !== 1 || !option[0].startsWith("@")) return option;
  return (await readRegionsFile(option[0].slice(1))).regions;
}

const num = (x: number | null) => (x === null ? "" : x.toFixed(6));
const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Runs `bizenv score`; returns the exit code (1 on rejected rows, 2 on a usage error). */
export async function run(args: string[]): Promise<number> {
  let a: Args;
  try {
    a = readArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageExit(error, USAGE);
  }
  const methodology = await readMethodology(a.methodology!);
  const regionFile = a.regions ? await readRegionsFile(a.regions) : undefined;
  const peerGroup = await readPeerGroup(a.peerGroup);
  const scenarioJson = a.scenario ? await readJsonFile(a.scenario) : undefined;
  const regions = regionFile ? regionFile.regions.map((code) => ({code})) : null;
  const ctx = checkContext(methodology, regions, null, a.period);
  const {results, ipcOf, present} = await readObservationFiles(a.observations, ctx);
  let rejected = 0;
  for (const result of results) {
    for (const r of result.rejected) process.stderr.write(`${formatRejection(r)}\n`);
    rejected += result.rejected.length;
  }
  // Row accounting, blank lines and columns nothing reads (a misspelt measure column) are always said.
  process.stderr.write(`${summariseLoad(results)}\n`);
  if (rejected > 0) {
    process.stderr.write(`${rejected} 处数据被拒收，未计算 / ${rejected} cells rejected; nothing scored\n`);
    return 1;
  }
  // A what-if may only name regions, periods and measures of the data, with values its units allow.
  const scenario = a.scenario === undefined ? undefined : checkScenario(methodology, scenarioJson, present, a.scenario);
  const db = await openNodeDatabase();
  try {
    const engine = await createEngine(db, methodology);
    const root = rootNode(methodology);
    const subunits = regionFile?.subunits ?? [];
    const children = new Set(subunits.map((s) => s.region));
    // Every region of the data (or of the regions file) without a parent is scored, in every period, however the data
    // are loaded; those of the peer group (all of them by default) are ranked.
    const everyone = (regionFile?.regions ?? [...present.regions]).filter((r) => !children.has(r));
    const peers = new Set(peerGroup ?? everyone);
    const unranked = everyone.filter((r) => !peers.has(r));
    const options: ScoreOptions = {
      measures: false,
      peerGroup: peerGroup ?? everyone,
      periods: a.periods,
      level: a.level,
      scenario
    };
    if (!scenario) {
      // Without a what-if, periods are scored one at a time (each is ranked on its own), so DuckDB holds one period of
      // a national file, and scores come back as typed arrays: millions of rows, no object each.
      const parts: NodeColumns[] = [];
      for (const period of a.periods ?? [...present.periods]) {
        await engine.loadObservations(ipcOf(period));
        await engine.setRegions(subunits);
        const part = await engine.scoreColumns({...options, periods: [period]});
        parts.push(part);
        if (unranked.length) {
          const others = await engine.scoreColumns({...options, peerGroup: unranked, periods: [period]});
          others.rank.fill(0);
          parts.push(others);
        }
        // A total that cannot be computed is said, with the node and measures it lacks, not left an empty cell.
        const missing = parts.slice(-1 - Number(unranked.length > 0)).flatMap((p) => missingTotals(p, root));
        await sayWhy(engine, missing, period, (line) => process.stderr.write(`${line}\n`));
      }
      const c = concatColumns(parts);
      const order = sortedNodeRows(c);
      await writeCsv(a.out, function* () {
        yield "region,period,node,score,rank";
        for (const i of order) {
          const score = Number.isNaN(c.score[i]) ? null : c.score[i];
          const cells = [c.regions[c.region[i]], c.periods[c.period[i]], c.nodes[c.node[i]]].map(csvCell);
          yield `${cells.join(",")},${num(score)},${c.rank[i] === 0 ? "" : String(c.rank[i])}`;
        }
      });
      return 0;
    }
    await engine.loadObservations(ipcOf());
    await engine.setRegions(subunits);
    const results = [await engine.score(options)];
    if (unranked.length) results.push(await engine.score({...options, peerGroup: unranked}));
    await writeCsv(a.out, function* () {
      yield "region,period,node,score,rank,baseline_score,baseline_rank,delta";
      const rows = results.flatMap((result, r) =>
        result.nodes.map((n, i) => ({n, d: result.deltas![i], ranked: r === 0}))
      );
      rows.sort((x, y) => compareNames(x.n.region, y.n.region) || compareNames(x.n.period, y.n.period));
      for (const {n, d, ranked} of rows) {
        const rank = (x: number | null) => (x === null || !ranked ? "" : String(x));
        const cells = [csvCell(n.region), csvCell(n.period), csvCell(n.node), num(n.score), rank(n.rank)];
        cells.push(num(d.baseline), rank(d.baselineRank), num(d.delta));
        yield cells.join(",");
      }
    });
    return 0;
  } finally {
    await db.close();
  }
}
