/**
 * The regions folder owns regions (GB/T 2260 administrative divisions) and the named peer groups a county is ranked
 * in. Pure: the table itself is built at build time by loaders/regions.ts and shipped to pages as data.
 */

/** Administrative level of a region; "economy" for a country of a regions file (docs/site-config.md). */
export type RegionLevel = "province" | "city" | "county" | "economy";

/** One administrative division: province (2-digit code), city (4) or county-level unit (6). */
export interface Region {
  /** GB/T 2260 code without trailing zeros: "62", "6208", "620825". */
  code: string;
  /** Official short name as in GB/T 2260, e.g. "庄浪县"; placeholder cities keep theirs ("市辖区"). */
  name: string;
  /** English name, when the source has one (regions files); pages in English show it instead of `name`. */
  nameEn?: string;
  level: RegionLevel;
  /** Code of the parent (county → city → province); null for provinces. */
  parent: string | null;
  /** True for city-level nodes that are not real cities: 市辖区, 县, (自治区)省直辖县级行政区划. */
  placeholder?: boolean;
}

/** A named set of county-level units compared with each other. */
export interface PeerGroup {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Six-digit county-level codes, sorted. */
  members: string[];
  /** What its members are called when counted ("88 个地区"): 地区 / regions unless a regions file says (经济体 / economies). */
  noun?: {zh: string; en: string};
}

/** The county the site opens on: 庄浪县 (Zhuanglang County, Pingliang, Gansu). */
export const DEFAULT_FOCUS = "620825";

/** City-level names GB/T 2260 uses for groupings that are not cities. */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** True when a city-level name is a GB/T 2260 grouping rather than a real city (e.g. 北京市 1101 "市辖区"). */
export function isPlaceholderCityName(name: string): boolean {
  return PLACEHOLDER_CITY.test(name);
}

/** Indexes regions by code: `regionIndex(regions).get("620825")?.name === "庄浪县"`. */
export function regionIndex(regions: readonly Region[]): Map<string, Region> {
  return new Map(regions.map((r) => [r.code, r]));
}

/** The chain from a region up to its province, starting with the region itself: 庄浪县 → 平凉市 → 甘肃省. */
export function regionChain(code: string, index: ReadonlyMap<string, Region>): Region[] {
  const chain: Region[] = [];
  for (let r = index.get(code); r; r = r.parent ? index.get(r.parent) : undefined) chain.push(r);
  return chain;
}

/** A readable full name, skipping placeholder cities: "甘肃省平凉市庄浪县", "北京市东城区". */
export function fullName(code: string, index: ReadonlyMap<string, Region>): string {
  return regionChain(code, index)
    .filter((r) => !r.placeholder)
    .map((r) => r.name)
    .reverse()
    .join("");
}

/** All six-digit entries of the table (level "county"), sorted by code; not all of them are county-level peers. */
export function countyUnits(regions: readonly Region[]): Region[] {
  return regions.filter((r) => r.level === "county").sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Why a six-digit entry of the table is not ranked among county-level units (docs/data-format.md § 5):
 * - `functional_area`: codes ending 71–79 (兰州新区 620171, 苏州工业园区 320576 …) are development zones and new
 *   areas the statistical division code (统计用区划代码) numbers like counties; they are not administrative divisions
 *   of GB/T 2260, which leaves those numbers unused.
 * - `city_without_counties`: a prefecture-level city that has no county-level divisions (嘉峪关市 620201, 东莞市,
 *   中山市, 儋州市) appears as the one entry under its own city node, with the city's own name; it is a city, ranked
 *   with cities, not with counties.
 */
export type NotPeerReason = "functional_area" | "city_without_counties";

/** The six-digit entries that are not county-level peers, with the reason (code → reason). */
export function nonPeerUnits(regions: readonly Region[]): Map<string, NotPeerReason> {
  const out = new Map<string, NotPeerReason>();
  const city = regionIndex(regions.filter((r) => r.level === "city"));
  const underCity = new Map<string, number>();
  for (const r of countyUnits(regions)) if (r.parent) underCity.set(r.parent, (underCity.get(r.parent) ?? 0) + 1);
  for (const r of countyUnits(regions)) {
    const serial = Number(r.code.slice(4));
    if (serial >= 71 && serial <= 79) out.set(r.code, "functional_area");
    else if (r.parent && underCity.get(r.parent) === 1 && city.get(r.parent)?.name === r.name)
      out.set(r.code, "city_without_counties");
  }
  return out;
}

/** The county-level peers whose code starts with a prefix ("6208" → Pingliang's seven), sorted. */
export function countiesUnder(regions: readonly Region[], prefix: string): string[] {
  const excluded = nonPeerUnits(regions);
  return countyUnits(regions)
    .filter((r) => r.code.startsWith(prefix) && !excluded.has(r.code))
    .map((r) => r.code);
}

/** The standard peer groups of county-level units: Pingliang 平凉市 (6208), Gansu 甘肃省 (62) and all of China. */
export function standardPeerGroups(regions: readonly Region[]): PeerGroup[] {
  return [
    {id: "pingliang", nameZh: "平凉市", nameEn: "Pingliang", members: countiesUnder(regions, "6208")},
    {id: "gansu", nameZh: "甘肃省", nameEn: "Gansu", members: countiesUnder(regions, "62")},
    {id: "china", nameZh: "全国", nameEn: "China", members: countiesUnder(regions, "")}
  ];
}

/** The peer groups that contain a county, narrowest first. */
export function peerGroupsOf(code: string, groups: readonly PeerGroup[]): PeerGroup[] {
  return groups.filter((g) => g.members.includes(code)).sort((a, b) => a.members.length - b.members.length);
}

/** A region as shipped to pages: [code, name, parent, placeholder?]; the level follows from the code's length. */
export type PackedRegion = [code: string, name: string, parent: string | null, placeholder?: 1];

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = {2: "province", 4: "city", 6: "county"};

/** Packs regions for shipping (the national table: ≈ 105 kB instead of ≈ 240 kB of JSON objects). */
export function packRegions(regions: readonly Region[]): PackedRegion[] {
  return regions.map((r) => {
    if (LEVEL_BY_LENGTH[r.code.length] !== r.level)
      throw new Error(`region ${r.code} ${r.name}: level ${r.level} does not follow from its code`);
    return r.placeholder ? [r.code, r.name, r.parent, 1] : [r.code, r.name, r.parent];
  });
}

/** The inverse of `packRegions`. */
export function unpackRegions(packed: readonly PackedRegion[]): Region[] {
  return packed.map(([code, name, parent, placeholder]) => ({
    code,
    name,
    level: LEVEL_BY_LENGTH[code.length],
    parent,
    ...(placeholder ? {placeholder: true} : {})
  }));
}
