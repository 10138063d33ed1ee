/** Reads and checks a methodology file; the one place that names the default methodology (Zhuanglang 2023). */
import {existsSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseMethodology} from "../src/engine/methodology/methodology.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {parseJsonText, readTextFile} from "./files.js";

/** The methodology the build, the site and every command use unless told otherwise (relative to the project). */
export const DEFAULT_METHODOLOGY = "data/methodologies/zhuanglang-2023.json";

/** A project path (such as {@link DEFAULT_METHODOLOGY}) made absolute, so that commands work from any folder. */
export function projectPath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/**
 * Parses `file` (default {@link DEFAULT_METHODOLOGY}) as JSON (a byte-order mark is fine) and validates it; errors
 * name the file and the line and column of a JSON syntax error, or the JSON path of every problem.
 */
export async function readMethodology(file?: string): Promise<Methodology> {
  const name = file ?? DEFAULT_METHODOLOGY;
  return parseMethodology(await readMethodologyJson(file ?? projectPath(DEFAULT_METHODOLOGY), name), name);
}

/**
 * A methodology file's JSON with `measuresFrom` resolved: `"measuresFrom": "other.json"` (a path relative to the file)
 * puts that file's measures before the file's own, so that a regrouping of another methodology's measures is a short
 * file of nodes. Chains are followed; a cycle, a missing file or a file without measures is an error naming the file.
 */
export async function readMethodologyJson(path: string, name = path, seen: string[] = []): Promise<unknown> {
  const json = parseJsonText(await readTextFile(path), name);
  if (typeof json !== "object" || json === null || Array.isArray(json) || !("measuresFrom" in json)) return json;
  const {measuresFrom, ...rest} = json as Record<string, unknown>;
  const where = `${name}: $.measuresFrom`;
  if (typeof measuresFrom !== "string" || measuresFrom === "")
    throw new Error(`${where}: 必须是方法文件的路径 / must be the path of a methodology file`);
  const from = resolve(dirname(path), measuresFrom);
  if (seen.includes(from) || from === resolve(path))
    throw new Error(`${where}: 引用成环 / files import each other: ${[...seen, resolve(path), from].join(" → ")}`);
  if (!existsSync(from))
    throw new Error(`${where}: 找不到文件 ${measuresFrom} / no such file ${measuresFrom} (${from})`);
  const imported = await readMethodologyJson(from, measuresFrom, [...seen, resolve(path)]);
  const measures = (imported as {measures?: unknown}).measures;
  if (!Array.isArray(measures))
    throw new Error(`${where}: ${measuresFrom} 没有 measures 数组 / ${measuresFrom} has no measures array`);
  const own = rest.measures === undefined ? [] : rest.measures;
  if (!Array.isArray(own)) return {...rest, measures: own};
  return {...rest, measures: [...measures, ...own]};
}
