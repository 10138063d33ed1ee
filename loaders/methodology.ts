/** Reads and checks a methodology file (the default is the Zhuanglang 2023 method). */
import {readFile} from "node:fs/promises";
import {parseMethodology} from "../src/engine/methodology/methodology.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";

export const DEFAULT_METHODOLOGY = "data/methodologies/zhuanglang-2023.json";

/** Parses `file` as JSON and validates it; errors name the file and the JSON path. */
export async function readMethodology(file = DEFAULT_METHODOLOGY): Promise<Methodology> {
  const text = await readFile(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: 不是有效的 JSON / not valid JSON: ${(error as Error).message}`);
  }
  return parseMethodology(json, file);
}
