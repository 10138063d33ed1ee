/**
 * `bizenv validate [--methodology FILE] [--periods a,b,c] [--default-period P] [--any-region] FILE…`:
 * runs the observation checks the build and the browser use, prints every rejection and the row accounting
 * per file, and exits 1 when any row is rejected (2 on a usage error).
 */
import {existsSync} from "node:fs";
import {
  checkContext,
  checkObservationChunks,
  formatRejection,
  normalisePeriod,
  summariseLoad
} from "../../src/engine/observations/check.js";
import type {ObservationSink} from "../../src/engine/observations/check.js";
import {fileChunks} from "../files.js";
import {isPeriod, PERIOD_FORMS} from "../../src/engine/observations/periods.js";
import {DEFAULT_METHODOLOGY, projectPath, readMethodology} from "../methodology.js";
import {readRegions} from "../regions.js";
import {listOption, parseCli, UsageError, usageExit} from "./args.js";

/** The usage text (`bizenv <command> --help`). */
export const USAGE = `用法 Usage: bizenv validate [--methodology FILE] [--periods a,b,c] [--default-period P] [--any-region] FILE…
  --methodology FILE   方法文件（其 measures 列出指标与单位）/ methodology JSON (its measures give ids and units)
                       (default ${DEFAULT_METHODOLOGY})
  --periods a,b,c      只允许这些期间 / allow only these periods
                       (default: any well-formed period ${PERIOD_FORMS})
  --default-period P   宽表没有期间列时使用 / period of wide files without a period column
  --any-region         不核对地区代码（如 ISO3）/ accept any region id (e.g. ISO3 codes)
`;

interface Options {
  methodology: string | null;
  /** null: any well-formed period. */
  periods: string[] | null;
  defaultPeriod?: string;
  anyRegion: boolean;
  files: string[];
}

function readArgs(args: string[]): Options {
  const {values: v, positionals: files} = parseCli(
    args,
    {
      methodology: {type: "string"},
      periods: {type: "string"},
      "default-period": {type: "string"},
      "any-region": {type: "boolean"}
    },
    true
  );
  if (files.length === 0) throw new UsageError("没有要检查的文件 / no files to check");
  const periods = v.periods === undefined ? null : listOption(v.periods).map(normalisePeriod);
  const malformed = periods?.find((p) => !isPeriod(p));
  if (malformed !== undefined)
    throw new UsageError(`--periods: 期间格式不对 / malformed period «${malformed}» (expected ${PERIOD_FORMS})`);
  return {
    methodology: v.methodology ?? null,
    periods,
    ...(v["default-period"] ? {defaultPeriod: v["default-period"]} : {}),
    anyRegion: v["any-region"] ?? false,
    files
  };
}

/** Runs `bizenv validate`; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let options: Options;
  try {
    options = readArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageExit(error, USAGE);
  }
  const methodology = options.methodology ?? projectPath(DEFAULT_METHODOLOGY);
  if (!existsSync(methodology)) {
    process.stderr.write(
      options.methodology
        ? `找不到方法文件 / methodology file not found: ${methodology}\n`
        : `没有默认方法文件 ${methodology}，请用 --methodology FILE 指定 / ` +
            `no default methodology at ${methodology}; pass --methodology FILE\n`
    );
    return 2;
  }
  const absent = options.files.filter((file) => !existsSync(file));
  if (absent.length > 0) {
    for (const file of absent) process.stderr.write(`找不到文件 / file not found: ${file}\n`);
    return 2;
  }
  const ctx = checkContext(
    await readMethodology(options.methodology ?? undefined),
    options.anyRegion ? null : (await readRegions()).regions,
    options.periods,
    options.defaultPeriod
  );
  // Files are read in chunks and accepted values are counted, not kept: a file of any size needs little memory.
  const results = [];
  const discard: ObservationSink = {push() {}, dropLines() {}};
  for (const file of options.files) results.push(await checkObservationChunks(fileChunks(file), file, ctx, discard));
  for (const r of results.flatMap((x) => x.rejected)) process.stdout.write(`${formatRejection(r)}\n`);
  process.stdout.write(`${summariseLoad(results)}\n`);
  return results.some((r) => r.rejected.length > 0) ? 1 : 0;
}
