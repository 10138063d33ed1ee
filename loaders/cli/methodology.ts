/**
 * `bizenv methodology FILE [--observations FILE…] [--regions FILE] [--period P]`: checks a methodology file on its own
 * and reports every problem at once with its JSON path, then warnings (measures no node uses, nodes whose children can
 * all be removed); with observations, also which totals cannot be computed and why. Exit 1 on any error.
 * docs/writing-a-methodology.md.
 */
import {MethodologyError} from "../../src/engine/methodology/checker.js";
import {nodeLevels, parseMethodology, rootNode, type Methodology} from "../../src/engine/methodology/methodology.js";
import {methodologyWarnings} from "../../src/engine/methodology/warnings.js";
import {checkContext, checkObservationChunks, formatRejection} from "../../src/engine/observations/check.js";
import {ObservationColumns} from "../../src/engine/observations/columns.js";
import {createEngine} from "../../src/engine/scoring/engine.js";
import {openNodeDatabase} from "../duckdb.js";
import {fileChunks, parseJsonText, readTextFile} from "../files.js";
import {readMethodologyJson} from "../methodology.js";
import {readRegionsFile} from "../regions.js";
import {parseCli, UsageError, usageExit} from "./args.js";
import {sayWhy} from "./why.js";

/** The usage text (`bizenv <command> --help`). */
export const USAGE = `用法 Usage: bizenv methodology FILE [--observations FILE…] [--regions FILE] [--period P]
  检查方法文件：一次列出全部错误（含 JSON 路径）和警告；给出观测数据时，说明哪些总分无法计算及原因。
  Checks a methodology file: every error at once with its JSON path, then warnings; with observations, which totals
  cannot be computed and why. Exit 1 on any error.
  --observations FILE   观测数据 CSV（长表或宽表，可重复）/ observations CSV, long or wide (repeatable)
  --regions FILE        地区 CSV：region[,parent,weight] / regions CSV (rows with a parent are rolled up)
  --period P            宽表没有期间列时使用 / period of wide files without a period column
`;

/** Runs `bizenv methodology`; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let v: {observations?: string[]; regions?: string; period?: string};
  let file: string;
  try {
    const parsed = parseCli(
      args,
      {observations: {type: "string", multiple: true}, regions: {type: "string"}, period: {type: "string"}},
      true
    );
    if (parsed.positionals.length !== 1) throw new UsageError("需要一个方法文件 / one methodology FILE is required");
    [file] = parsed.positionals;
    v = parsed.values as typeof v;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageExit(error, USAGE);
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  let methodology: Methodology;
  const json = await readMethodologyJson(file);
  const where = await measurePaths(file, json);
  try {
    methodology = parseMethodology(json, file);
  } catch (error) {
    if (!(error instanceof MethodologyError)) throw error;
    for (const issue of error.issues) out(`${file}: 错误 error: ${where(issue.path)}: ${issue.message}`);
    out(`${file}: ${error.issues.length} 处错误 / ${error.issues.length} error(s)`);
    return 1;
  }
  const warnings = methodologyWarnings(methodology);
  for (const w of warnings) out(`${file}: 警告 warning: ${where(w.path)}: ${w.message}`);
  // The levels `--level` accepts, defaults included (a root without `level` is "total").
  const levels = [...new Set(nodeLevels(methodology).values())];
  out(
    `${file}: 0 处错误，${warnings.length} 条警告；${methodology.measures.length} 个指标，${methodology.nodes.length} 个节点，根 ${rootNode(methodology)} / ` +
      `0 errors, ${warnings.length} warning(s); ${methodology.measures.length} measures, ${methodology.nodes.length} nodes` +
      `${levels.length ? ` (levels: ${levels.join(", ")})` : ""}, root ${rootNode(methodology)}`
  );
  if (!v.observations?.length) return 0;
  return explainTotals(methodology, v.observations, v.regions, v.period, out);
}

/**
 * Paths as they are in the files: with `measuresFrom`, the checked list holds the imported measures first, so
 * `measures[i]` is `measures[i − imported]` of the file itself, or `FROM: measures[i]` below that.
 */
async function measurePaths(file: string, merged: unknown): Promise<(path: string) => string> {
  const own = parseJsonText(await readTextFile(file), file) as {measuresFrom?: unknown; measures?: unknown};
  const all = (merged as {measures?: unknown}).measures;
  if (typeof own?.measuresFrom !== "string" || !Array.isArray(all)) return (path) => path;
  const imported = all.length - (Array.isArray(own.measures) ? own.measures.length : 0);
  const from = own.measuresFrom;
  return (path) =>
    path.replace(/^measures\[(\d+)\]/, (_, i: string) =>
      Number(i) < imported ? `${from}: measures[${i}]` : `measures[${Number(i) - imported}]`
    );
}

/** Scores the observations and says which totals cannot be computed and why; 1 when a row is rejected. */
async function explainTotals(
  methodology: Methodology,
  files: string[],
  regionsFile: string | undefined,
  period: string | undefined,
  out: (line: string) => void
): Promise<number> {
  const regions = regionsFile ? await readRegionsFile(regionsFile) : undefined;
  const ctx = checkContext(methodology, regions ? regions.regions.map((code) => ({code})) : null, null, period);
  const columns = new ObservationColumns();
  let rejected = 0;
  for (const [f, name] of files.entries()) {
    const result = await checkObservationChunks(fileChunks(name), name, ctx, columns.sink(f));
    for (const r of result.rejected) out(formatRejection(r));
    rejected += result.rejected.length;
  }
  if (rejected > 0) return 1;
  const db = await openNodeDatabase();
  try {
    const engine = await createEngine(db, methodology);
    let missing = 0;
    const children = new Set((regions?.subunits ?? []).map((s) => s.region));
    const ranked = [...(regions?.regions ?? columns.present("region"))].filter((r) => !children.has(r));
    for (const p of columns.present("period")) {
      await engine.loadObservations(columns.toIpc(p));
      await engine.setRegions(regions?.subunits ?? []);
      missing += await sayWhy(engine, ranked, p, out);
    }
    out(`总分无法计算 ${missing} 处 / totals that cannot be computed: ${missing}`);
    return 0;
  } finally {
    await db.close();
  }
}
