/**
 * "Your own data": an observations CSV checked in the browser with the very checks the build runs
 * (src/engine/observations-check.ts). The page ships Gansu's regions only, so the region check accepts the
 * bundled codes with their names, and also any other well-formed six-digit GB/T 2260 county code (its name is
 * then not checked): a file of Shaanxi counties is valid data, it just cannot be named from the bundled table.
 */
import {checkObservations, type CheckContext, type CheckResult} from "../../engine/observations-check.js";
import type {Methodology} from "../../engine/methodology.js";
import type {PeerGroup, Region} from "../../engine/regions.js";

/** A six-digit county-level code: province 11–82, then four digits, not ending in 00 (that would be a city). */
export const COUNTY_CODE = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\d{2}(?!00)\d{2}$/;

/** Known regions first; any other county-shaped code is also "known" but has no entry (so no name check). */
class RegionLookup implements ReadonlyMap<string, unknown> {
  constructor(private readonly known: ReadonlyMap<string, Region>) {}
  get size() {
    return this.known.size;
  }
  has(code: string) {
    return this.known.has(code) || COUNTY_CODE.test(code);
  }
  get(code: string) {
    return this.known.get(code);
  }
  forEach(fn: (value: unknown, key: string, map: ReadonlyMap<string, unknown>) => void) {
    this.known.forEach((v, k) => fn(v, k, this));
  }
  entries() {
    return this.known.entries() as MapIterator<[string, unknown]>;
  }
  keys() {
    return this.known.keys();
  }
  values() {
    return this.known.values() as MapIterator<unknown>;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
}

/** The checking context of the page: the methodology's observed measures, the regions as above, the given periods. */
export function uploadContext(methodology: Methodology, regions: readonly Region[], periods: readonly string[]): CheckContext {
  const measures = new Map(methodology.measures.filter((m) => !m.derive).map((m) => [m.id, {unit: m.unit}]));
  return {regions: new RegionLookup(new Map(regions.map((r) => [r.code, r]))), measures, periods};
}

/** Checks an uploaded file (bytes in UTF-8 or GB18030). */
export function checkUpload(bytes: Uint8Array, fileName: string, ctx: CheckContext): CheckResult {
  return checkObservations(bytes, fileName, ctx);
}

/** The peer group "every region in your file", so regions outside the bundled groups can be ranked too. */
export function uploadedGroup(result: CheckResult): PeerGroup {
  const members = [...new Set(result.accepted.map((o) => o.region))].sort();
  return {id: "upload", nameZh: "上传文件中的全部地区", nameEn: "All regions in your file", members};
}

/** Periods present in accepted rows, in the order of `known`. */
export function uploadedPeriods(result: CheckResult, known: readonly string[]): string[] {
  const present = new Set(result.accepted.map((o) => o.period));
  return known.filter((p) => present.has(p));
}
