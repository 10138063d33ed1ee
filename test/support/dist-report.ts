/** The report the build shipped (dist/_file/data/site/report.<hash>.json): what the pages show, for tests to compare. */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import type {Report, ReportValues} from "../../src/engine/report/report-data.js";

/** Reads the built report.json from `dist`. */
export function distReport(dist = "dist"): Report {
  return readSite(dist, "report") as Report;
}

/** Reads the built report-values.json from `dist`. */
export function distValues(dist = "dist"): ReportValues {
  return readSite(dist, "report-values") as ReportValues;
}

function readSite(dist: string, name: string): unknown {
  const dir = join(dist, "_file", "data", "site");
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.json$`).test(f));
  if (!file) throw new Error(`no ${name}.json in ${dir}: run \`npm run build\` first`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}
