/** Reads and checks a methodology file; the one place that names the default methodology (Zhuanglang 2023). */
import {readFile} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {parseMethodology} from "../src/engine/methodology/methodology.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";

/** The methodology the build, the site and every command use unless told otherwise (relative to the project). */
export const DEFAULT_METHODOLOGY = "data/methodologies/zhuanglang-2023.json";

/** A project path (such as {@link DEFAULT_METHODOLOGY}) made absolute, so that commands work from any folder. */
export function projectPath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/**
 * Parses `file` (default {@link DEFAULT_METHODOLOGY}) as JSON and validates it; errors name the file and the JSON
 * path of every problem.
 */
export async function readMethodology(file?: string): Promise<Methodology> {
  const name = file ?? DEFAULT_METHODOLOGY;
  const text = await readFile(file ?? projectPath(DEFAULT_METHODOLOGY), "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: 不是有效的 JSON / not valid JSON: ${(error as Error).message}`);
  }
  return parseMethodology(json, name);
}
