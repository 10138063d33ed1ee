/**
 * `bizenv template [--region CODE] [--period P] [--from P] [--methodology FILE] [--observations DIR] [--out FILE]`:
 * writes the fill-in form for one region and period (src/engine/observations/template.ts) — one row per measure in the
 * plan's order with last period's values — as a UTF-8-BOM CSV that Excel and WPS open. Filled in, it passes
 * `bizenv validate` with no other edit. docs/data-format.md § 6.
 */
import {writeFile} from "node:fs/promises";
import {normalisePeriod, parsePeriod} from "../../src/engine/observations/periods.js";
import {formCsv, formPeriods} from "../../src/engine/observations/template.js";
import {DEFAULT_FOCUS} from "../../src/engine/regions/regions.js";
import {readCatalogue} from "../catalogue.js";
import {DEFAULT_METHODOLOGY, readMethodology} from "../methodology.js";
import {loadObservations, OBSERVATIONS_DIR} from "../observations.js";
import {readRegions} from "../regions.js";
import {parseCli, UsageError, usageExit} from "./args.js";

/** The usage text (`bizenv <command> --help`). */
export const USAGE = `用法 Usage: bizenv template [--region CODE] [--period P] [--from P] [--methodology FILE] [--observations DIR] [--out FILE]
  写出某地区某期间的填报模板（CSV，Excel/WPS 可直接打开）；填好后无需其他修改即可通过 bizenv validate
  writes the fill-in form of one region and period (CSV for Excel/WPS); filled in, it passes bizenv validate as is
  --region CODE        地区代码 / GB/T 2260 region code (default ${DEFAULT_FOCUS} 庄浪县)
  --period P           要填报的期间 / period to fill in, e.g. 2024, 2024H1 (default: the one after the latest in the data)
  --from P             上期数值取自该期间 / period whose values fill the 上期数值 column
                       (default: the previous period of the same kind in the data)
  --methodology FILE   方法文件 / methodology JSON (default ${DEFAULT_METHODOLOGY})
  --observations DIR   已有观测数据目录 / folder of observation CSV files (default ${OBSERVATIONS_DIR})
  --out FILE           输出文件 / output CSV (default stdout)
  -h, --help           显示本说明 / print this help
`;

/** Runs `bizenv template`; returns the exit code (2 on a usage error). */
export async function run(args: string[]): Promise<number> {
  let v;
  try {
    v = parseCli(args, {
      region: {type: "string"},
      period: {type: "string"},
      from: {type: "string"},
      methodology: {type: "string"},
      observations: {type: "string"},
      out: {type: "string"}
    }).values;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageExit(error, USAGE);
  }
  const usage = (message: string) => usageExit(new UsageError(message), USAGE);
  const code = (v.region ?? DEFAULT_FOCUS).trim();
  const region = (await readRegions()).regions.find((r) => r.code === code);
  if (!region) return usage(`未知的地区代码 / unknown region code «${code}» (expected a six-digit GB/T 2260 code)`);
  for (const [name, value] of [
    ["--period", v.period],
    ["--from", v.from]
  ] as const) {
    if (value !== undefined && !parsePeriod(normalisePeriod(value)))
      return usage(`${name}: 期间格式不对 / malformed period «${value}» (expected YYYY, YYYYH1/H2 or YYYYQ1–Q4)`);
  }
  const methodology = await readMethodology(v.methodology);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const loaded = await loadObservations({dir: v.observations, methodology, lenient: true, log});
  const chosen = formPeriods(
    loaded.observations.map((o) => o.period),
    {
      ...(v.period === undefined ? {} : {period: normalisePeriod(v.period)}),
      ...(v.from === undefined ? {} : {from: normalisePeriod(v.from)})
    }
  );
  if (!chosen) return usage("数据中没有期间，请用 --period 指定 / no data: give --period");
  const {period, from} = chosen;
  const own = loaded.observations.filter((o) => o.region === code && o.period === from);
  if (v.from !== undefined && own.length === 0)
    return usage(`${region.name} ${code} 在 ${from} 没有数据 / no observations of ${code} in ${from}`);
  const text = formCsv({
    methodology,
    catalogue: await readCatalogue(),
    region: {code, name: region.name},
    period,
    previous: from === null ? null : {period: from, observations: own}
  });
  const rows = text.trimEnd().split("\r\n").length - 1;
  if (v.out) await writeFile(v.out, text);
  else process.stdout.write(text);
  log(
    `填报模板 form: ${region.name} ${code}, ${period}, ${rows} 行 rows, 上期 previous ${from ?? "—"} (${own.length} 个数值 values)` +
      (v.out ? ` → ${v.out}` : "")
  );
  return 0;
}
