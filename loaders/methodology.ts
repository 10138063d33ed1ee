/** Reads and checks a methodology file; the one place that names the default methodology (Zhuanglang 2023). */
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
  const text = await readTextFile(file ?? projectPath(DEFAULT_METHODOLOGY));
  return parseMethodology(parseJsonText(text, name), name);
}
