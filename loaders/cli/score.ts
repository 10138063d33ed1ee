/**
 * `bizenv score --methodology FILE --observations FILE… [--regions FILE] [--scenario FILE] [--level NODE]
 * [--peer-group a,b] [--periods a,b] [--period P] [--out FILE]`: scores observation files (long or wide CSV,
 * checked by src/engine/observations/check.ts) with a methodology and prints CSV
 * `region,period,node,score,rank` (plus baseline columns with a scenario). docs/methodology-format.md.
 */
import {readFile, writeFile} from "node:fs/promises";
import Papa from "papaparse";
import {createEngine} from "../../src/engine/scoring/engine.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import {checkContext, checkObservations, formatRejection, summariseLoad} from "../../src/engine/observations/check.js";
import type {CheckResult} from "../../src/engine/observations/check.js";
import type {ScoreOptions, SubUnit} from "../../src/engine/scoring/types.js";
import {openNodeDatabase} from "../duckdb.js";
import {describeFileError, readJsonFile, readTextFile} from "../files.js";
import {readMethodology} from "../methodology.js";
import {listOption, parseCli, UsageError, usageExit} from "./args.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {checkScenario} from "../../src/engine/methodology/scenario.js";
import {rejectAcrossFiles} from "../../src/engine/observations/across-files.js";

/** The usage text (`bizenv <command> --help`). */
export const USAGE = `用法 Usage: bizenv score --methodology FILE --observations FILE [--observations FILE…] [options]
  --methodology FILE    方法文件 JSON / methodology JSON (docs/methodology-format.md)
  --observations FILE   观测数据 CSV（长表或宽表，可重复）/ observations CSV, long or wide (repeatable)
  --regions FILE        地区 CSV：region[,parent,weight] / regions CSV; rows with a parent are rolled up into it
  --scenario FILE       情景 JSON：{values, weights, targets} / what-if JSON; adds baseline_score, baseline_rank, delta
  --level NODE          只输出该层级（层级名或节点 id）/ only nodes of this level (a level name or a node id)
  --peer-group a,b,c    参与排名的地区 / regions ranked together (default: regions without a parent)
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

/** Reads `region[,parent,weight]` rows; errors name file:line:column. */
export function parseRegions(text: string, file: string): {regions: string[]; subunits: SubUnit[]} {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {skipEmptyLines: true});
  const [header = [], ...rows] = parsed.data;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [ri, pi, wi] = [col("region"), col("parent"), col("weight")];
  if (ri < 0) throw new Error(`${file}:1:1: 缺少 region 列 / missing column "region"`);
  const regions: string[] = [];
  const subunits: SubUnit[] = [];
  rows.forEach((row, k) => {
    const line = k + 2;
    const region = (row[ri] ?? "").trim();
    if (!region) throw new Error(`${file}:${line}:${ri + 1}: 地区为空 / empty region`);
    regions.push(region);
    const parent = pi >= 0 ? (row[pi] ?? "").trim() : "";
    if (!parent) return;
    const cell = wi >= 0 ? (row[wi] ?? "").trim() : "";
    const weight = cell === "" ? NaN : Number(cell);
    if (!Number.isFinite(weight) || weight < 0) {
      throw new Error(
        `${file}:${line}:${wi >= 0 ? wi + 1 : row.length + 1}: 有上级的地区需要权重 ≥ 0 / a region with a parent needs a weight ≥ 0 (got «${cell}»)`
      );
    }
    subunits.push({region, parent, weight});
  });
  return {regions, subunits};
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
  const regionFile = a.regions ? parseRegions(await readTextFile(a.regions), a.regions) : undefined;
  const scenarioJson = a.scenario ? await readJsonFile(a.scenario) : undefined;
  const regions = regionFile ? regionFile.regions.map((code) => ({code})) : null;
  const ctx = checkContext(methodology, regions, null, a.period);
  const observations: Observation[] = [];
  const results: CheckResult[] = [];
  let rejected = 0;
  for (const file of a.observations) {
    const bytes = new Uint8Array(await readFile(file).catch((error) => Promise.reject(describeFileError(error, file))));
    results.push(checkObservations(bytes, file, ctx));
  }
  rejectAcrossFiles(results);
  for (const result of results) {
    for (const r of result.rejected) process.stderr.write(`${formatRejection(r)}\n`);
    rejected += result.rejected.length;
    for (const o of result.accepted) observations.push(o);
  }
  // Row accounting, blank lines and columns nothing reads (a misspelt measure column) are always said.
  process.stderr.write(`${summariseLoad(results)}\n`);
  if (rejected > 0) {
    process.stderr.write(`${rejected} 处数据被拒收，未计算 / ${rejected} cells rejected; nothing scored\n`);
    return 1;
  }
  // A what-if may only name regions, periods and measures of the data, with values its units allow.
  const scenario =
    a.scenario === undefined
      ? undefined
      : checkScenario(
          methodology,
          scenarioJson,
          {regions: new Set(observations.map((o) => o.region)), periods: new Set(observations.map((o) => o.period))},
          a.scenario
        );
  const db = await openNodeDatabase();
  try {
    const engine = await createEngine(db, methodology);
    await engine.loadObservations(observationsIpc(observations));
    const subunits = regionFile?.subunits ?? [];
    await engine.setRegions(subunits);
    const children = new Set(subunits.map((s) => s.region));
    const options: ScoreOptions = {
      measures: false,
      peerGroup: a.peerGroup ?? regionFile?.regions.filter((r) => !children.has(r)),
      periods: a.periods,
      level: a.level,
      scenario
    };
    const result = await engine.score(options);
    const lines = [
      scenario ? "region,period,node,score,rank,baseline_score,baseline_rank,delta" : "region,period,node,score,rank"
    ];
    result.nodes.forEach((n, i) => {
      const cells = [
        csvCell(n.region),
        csvCell(n.period),
        csvCell(n.node),
        num(n.score),
        n.rank === null ? "" : String(n.rank)
      ];
      const d = result.deltas?.[i];
      if (d) cells.push(num(d.baseline), d.baselineRank === null ? "" : String(d.baselineRank), num(d.delta));
      lines.push(cells.join(","));
    });
    const csv = `${lines.join("\n")}\n`;
    if (a.out) await writeFile(a.out, csv);
    else process.stdout.write(csv);
    return 0;
  } finally {
    await db.close();
  }
}
