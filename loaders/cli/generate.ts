/**
 * `bizenv generate [--scope pingliang|gansu|china] [--seed N] [--missing-rate R] [--methodology FILE] [--out FILE]`:
 * writes ILLUSTRATIVE (synthetic) observations as long CSV. `--scope gansu` with the defaults reproduces
 * data/observations/illustrative-gansu.csv; `--scope china` (2,850 county-level divisions) is for benchmarks, never committed.
 */
import {open} from "node:fs/promises";
import {
  GENERATOR_DEFAULTS,
  OBSERVATION_CSV_HEADER,
  observationCsvLine,
  observationRows
} from "../generate-observations.js";
import {describeFileError} from "../files.js";
import {DEFAULT_METHODOLOGY, readMethodology} from "../methodology.js";
import {readRegions} from "../regions.js";
import {parseCli, UsageError, usageExit} from "./args.js";

const SCOPES = ["pingliang", "gansu", "china"];

/** The usage text (`bizenv <command> --help`). */
export const USAGE = `用法 Usage: bizenv generate [--scope pingliang|gansu|china] [--seed N] [--missing-rate R] [--methodology FILE] [--out FILE]
  生成示意（合成）观测数据，不是真实数据 / writes ILLUSTRATIVE (synthetic) observations, not real data
  --scope S          同级组 / peer group whose counties get values (default gansu)
  --seed N           随机种子 / seed (default ${GENERATOR_DEFAULTS.seed})
  --missing-rate R   缺失比例 / share of values left out, 0..1 (default ${GENERATOR_DEFAULTS.missingRate})
  --methodology F    方法文件 / methodology JSON (default ${DEFAULT_METHODOLOGY})
  --out FILE         输出文件 / output CSV (default stdout)
`;

/** Runs the command; returns the exit code (2 on a usage error). */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCli(args, {
      scope: {type: "string"},
      seed: {type: "string"},
      "missing-rate": {type: "string"},
      methodology: {type: "string"},
      out: {type: "string"}
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageExit(error, USAGE);
  }
  const v = parsed.values;
  const options = {
    scope: v.scope ?? "gansu",
    seed: v.seed === undefined ? GENERATOR_DEFAULTS.seed : Number(v.seed),
    missingRate: v["missing-rate"] === undefined ? GENERATOR_DEFAULTS.missingRate : Number(v["missing-rate"]),
    methodology: v.methodology,
    out: v.out ?? ""
  };
  if (!SCOPES.includes(options.scope)) return usage(`未知范围 / unknown scope ${options.scope} (${SCOPES.join(", ")})`);
  if (!Number.isInteger(options.seed)) return usage("--seed 须为整数 / --seed must be an integer");
  if (!(options.missingRate >= 0 && options.missingRate < 1))
    return usage("--missing-rate 须在 0..1 之间 / --missing-rate must be in 0..1");

  const methodology = await readMethodology(options.methodology);
  const {peerGroups} = await readRegions();
  const regions = peerGroups.find((g) => g.id === options.scope)!.members;
  // Opened before anything is written, so that a missing folder is an error with the path, not a crash.
  const out: NodeJS.WritableStream = options.out
    ? (
        await open(options.out, "w").catch((error) => Promise.reject(describeFileError(error, options.out)))
      ).createWriteStream()
    : process.stdout;
  const rows = observationRows({regions, methodology, seed: options.seed, missingRate: options.missingRate});
  let count = 0;
  let chunk = [OBSERVATION_CSV_HEADER];
  const flush = async () => {
    const text = `${chunk.join("\n")}\n`;
    chunk = [];
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  };
  for (const row of rows) {
    chunk.push(observationCsvLine(row));
    count++;
    if (chunk.length >= 10_000) await flush();
  }
  if (chunk.length > 0) await flush();
  if (options.out) await new Promise<void>((resolve, reject) => out.once("error", reject).end(() => resolve()));
  process.stderr.write(
    `示意数据 illustrative: ${count} 行 rows, ${regions.length} 地区 regions (${options.scope}), seed ${options.seed}${options.out ? ` → ${options.out}` : ""}\n`
  );
  return 0;
}

function usage(message: string): number {
  return usageExit(new UsageError(message), USAGE);
}
