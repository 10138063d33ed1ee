/**
 * Regions and peer groups from a regions file (the site configuration's `"regions": "data/regions/world.json"`), for
 * sites that are not about Chinese counties. docs/site-config.md § Regions from a file describes the format:
 *
 * - `units`: a CSV of every region (`region`, optional `parent` and `weight` for sub-units rolled up into a parent, as
 *   `bizenv score --regions` reads), named by `iso3` (ISO 3166 alpha-3: Chinese and English names from the
 *   `i18n-iso-countries` package) or by `name_zh`/`name_en` written in the file;
 * - `classification` (optional): a CSV keyed by the units file's `wb_code` column, whose columns peer groups select on;
 * - `peerGroups`: each with an `id`, a `name` {zh, en}, and either `members` (a CSV with a `region` column) or `where`
 *   (column → value of the classification), optionally `within` another group (e.g. only ranked economies);
 * - `focus`: the region the site opens on;
 * - `noun` (optional): what the regions are called when counted, `{"zh": "经济体", "en": "economies"}` (else 地区 /
 *   regions).
 *
 * Every problem names the file and its JSON path or `line:column`, in Chinese and English.
 */
import {createRequire} from "node:module";
import countries from "i18n-iso-countries";
import {readCsvRecords} from "../src/engine/observations/csv-records.js";
import type {PeerGroup, Region} from "../src/engine/regions/regions.js";
import type {SubUnit} from "../src/engine/scoring/types.js";
import {parseJsonText, readTextFile} from "./files.js";
import {projectPath} from "./methodology.js";
import {parseRegions} from "./regions.js";

const require = createRequire(import.meta.url);
// Locales from the package's own JSON files (no network): country names in Chinese and English.
countries.registerLocale(require("i18n-iso-countries/langs/zh.json"));
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));

/** What a regions file gives the site: every region, the peer groups, the roll-up of sub-units and the focus. */
export interface FileRegions {
  regions: Region[];
  peerGroups: PeerGroup[];
  subunits: SubUnit[];
  focus: string;
}

const FIELDS = ["description", "units", "classification", "focus", "peerGroups", "noun"];
const GROUP_FIELDS = ["id", "name", "members", "where", "within"];

type Table = {header: string[]; rows: {line: number; cells: Record<string, string>}[]};
const resolvePath = (file: string) => (file.startsWith("/") ? file : projectPath(file));

/** Reads a CSV with its header; rows keep their physical line numbers. */
async function readTable(file: string): Promise<Table> {
  const text = await readTextFile(resolvePath(file));
  const [head, ...records] = readCsvRecords(text).filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (!head) throw new Error(`${file}:1:1: 文件为空 / the file is empty`);
  const header = head.fields.map((h) => h.trim());
  const rows = records.map((r) => ({
    line: r.line,
    cells: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? "").trim()]))
  }));
  return {header, rows};
}

/** The Chinese and English names of an ISO 3166 alpha-3 code, from the package; null when it has none. */
export function countryNames(iso3: string): {zh: string; en: string} | null {
  const zh = countries.getName(iso3, "zh");
  const en = countries.getName(iso3, "en");
  return zh && en ? {zh, en} : null;
}

/** Reads and checks a regions file (path relative to the project, or absolute); see the module comment. */
export async function readRegionsJson(file: string): Promise<FileRegions> {
  const json = parseJsonText(await readTextFile(resolvePath(file)), file);
  const errors: string[] = [];
  const error = (path: string, zh: string, en: string) => errors.push(`${file}: ${path}: ${zh} / ${en}`);
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new Error(`${file}: $: 必须是 JSON 对象 / must be a JSON object`);
  const o = json as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!FIELDS.includes(key)) error(`$.${key}`, "未知字段", `unknown field (allowed: ${FIELDS.join(", ")})`);
  const text = (value: unknown, path: string, optional = false): string | null => {
    if (value === undefined && optional) return null;
    if (typeof value === "string" && value.trim() !== "") return value;
    error(
      path,
      value === undefined ? "缺少此字段" : "必须是非空字符串",
      value === undefined ? "missing field" : "must be a non-empty string"
    );
    return null;
  };
  const unitsFile = text(o.units, "$.units");
  const classFile = text(o.classification, "$.classification", true);
  const focus = text(o.focus, "$.focus");
  if (!Array.isArray(o.peerGroups) || o.peerGroups.length === 0)
    error("$.peerGroups", "必须是非空数组", "must be a non-empty array");
  const noun = o.noun === undefined ? undefined : readNoun(o.noun, error);
  if (errors.length) throw new Error(errors.join("\n"));

  const {regions, subunits, keys} = await readUnits(unitsFile!);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  if (!byCode.has(focus!))
    error("$.focus", `地区 ${focus} 不在 ${unitsFile} 中`, `region ${focus} is not in ${unitsFile}`);
  const classification = classFile ? await readTable(classFile) : null;
  const peerGroups: PeerGroup[] = [];
  const groups = (o.peerGroups ?? []) as unknown[];
  for (const [i, g] of groups.entries()) {
    const path = `$.peerGroups[${i}]`;
    const group = await readGroup(g, path, {
      file,
      unitsFile: unitsFile!,
      byCode,
      keys,
      classification,
      classFile,
      peerGroups,
      error
    });
    if (group) peerGroups.push(noun ? {...group, noun} : group);
  }
  if (errors.length) throw new Error(errors.join("\n"));
  return {regions, peerGroups, subunits, focus: focus!};
}

/** `noun`: `{"zh": "经济体", "en": "economies"}`, both non-empty strings. */
function readNoun(value: unknown, error: (path: string, zh: string, en: string) => void): {zh: string; en: string} {
  const o = (typeof value === "object" && value !== null ? value : {}) as {zh?: unknown; en?: unknown};
  if (typeof o.zh !== "string" || !o.zh.trim() || typeof o.en !== "string" || !o.en.trim())
    error("$.noun", '需要 {"zh": …, "en": …}（非空字符串）', 'needs {"zh": …, "en": …} (non-empty strings)');
  return {zh: String(o.zh ?? ""), en: String(o.en ?? "")};
}

/** The units file: regions (with names and parents) and the sub-units' weights. */
async function readUnits(file: string): Promise<{regions: Region[]; subunits: SubUnit[]; keys: Map<string, string>}> {
  const text = await readTextFile(resolvePath(file));
  const {subunits} = parseRegions(text, file);
  const table = await readTable(file);
  const fail = (line: number, column: string, zh: string, en: string): never => {
    const at = table.header.indexOf(column);
    throw new Error(`${file}:${line}:${at < 0 ? table.header.length + 1 : at + 1}: ${zh} / ${en}`);
  };
  const parents = new Map(subunits.map((s) => [s.region, s.parent]));
  const regions: Region[] = table.rows.map(({line, cells}) => {
    const code = cells.region;
    const iso3 = cells.iso3 ?? "";
    const own = cells.name_zh && cells.name_en ? {zh: cells.name_zh, en: cells.name_en} : null;
    if (!own && !iso3)
      fail(line, "iso3", "需要 iso3 代码或 name_zh 与 name_en", "needs an iso3 code, or both name_zh and name_en");
    const names = own ?? countryNames(iso3);
    if (!names)
      fail(
        line,
        "iso3",
        `i18n-iso-countries 中没有 ISO 3166 代码 «${iso3}»`,
        `no ISO 3166 code «${iso3}» in i18n-iso-countries`
      );
    const parent = parents.get(code) ?? null;
    return {code, name: names!.zh, nameEn: names!.en, level: parent ? "city" : "economy", parent};
  });
  const known = new Set(regions.map((r) => r.code));
  for (const {line, cells} of table.rows)
    if (cells.parent && !known.has(cells.parent))
      fail(
        line,
        "parent",
        `上级地区 ${cells.parent} 不在本文件中`,
        `parent ${cells.parent} is not a region of this file`
      );
  const keys = new Map(table.rows.map(({cells}) => [cells.region, cells.wb_code ?? ""]));
  return {regions, subunits, keys};
}

interface GroupContext {
  file: string;
  unitsFile: string;
  byCode: Map<string, Region>;
  /** Region → its `wb_code`, the key of the classification. */
  keys: Map<string, string>;
  classification: Table | null;
  classFile: string | null;
  peerGroups: PeerGroup[];
  error: (path: string, zh: string, en: string) => void;
}

/** One peer group: from a members file, or the economies whose classification matches `where`; null after an error. */
async function readGroup(g: unknown, path: string, ctx: GroupContext): Promise<PeerGroup | null> {
  const {error, byCode} = ctx;
  if (typeof g !== "object" || g === null || Array.isArray(g)) {
    error(path, "必须是 JSON 对象", "must be a JSON object");
    return null;
  }
  const o = g as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!GROUP_FIELDS.includes(key))
      error(`${path}.${key}`, "未知字段", `unknown field (allowed: ${GROUP_FIELDS.join(", ")})`);
  const name = o.name as {zh?: unknown; en?: unknown} | undefined;
  if (typeof o.id !== "string" || !o.id) error(`${path}.id`, "需要非空字符串", "needs a non-empty string");
  if (typeof name?.zh !== "string" || typeof name?.en !== "string")
    error(`${path}.name`, '需要 {"zh": …, "en": …}', 'needs {"zh": …, "en": …}');
  let members: string[] = [];
  if (typeof o.members === "string") {
    const table = await readTable(o.members);
    for (const {line, cells} of table.rows) {
      if (!byCode.has(cells.region)) {
        const column = table.header.indexOf("region") + 1;
        error(
          `${o.members}:${line}:${column}`,
          `地区 ${cells.region} 不在 ${ctx.unitsFile} 中`,
          `region ${cells.region} is not in ${ctx.unitsFile}`
        );
      } else members.push(cells.region);
    }
  } else if (typeof o.where === "object" && o.where !== null && !Array.isArray(o.where)) {
    if (!ctx.classification) {
      error(`${path}.where`, "需要 $.classification 文件", "needs a $.classification file");
      return null;
    }
    const where = Object.entries(o.where as Record<string, unknown>);
    for (const [column] of where)
      if (!ctx.classification.header.includes(column))
        error(`${path}.where.${column}`, `${ctx.classFile} 中没有此列`, `no such column in ${ctx.classFile}`);
    const matching = new Set(
      ctx.classification.rows
        .filter(({cells}) => where.every(([c, v]) => cells[c] === v))
        .map(({cells}) => cells.wb_code)
    );
    members = [...byCode.values()]
      .filter((r) => r.parent === null && matching.has(ctx.keys.get(r.code) ?? ""))
      .map((r) => r.code);
    if (members.length === 0) error(`${path}.where`, "没有地区符合条件", "no region matches");
  } else {
    error(path, "需要 members（文件）或 where（分类条件）", "needs members (a file) or where (classification values)");
    return null;
  }
  if (o.within !== undefined) {
    const within = ctx.peerGroups.find((p) => p.id === o.within);
    if (!within)
      error(
        `${path}.within`,
        `没有在前面定义的对标组 ${String(o.within)}`,
        `no peer group ${String(o.within)} defined before this one`
      );
    else members = members.filter((m) => within.members.includes(m));
  }
  return {
    id: o.id as string,
    nameZh: name?.zh as string,
    nameEn: name?.en as string,
    members: [...new Set(members)].sort()
  };
}
