/**
 * "Your own data": an observations CSV checked in the browser with the very checks the build runs
 * (src/engine/observations/check.ts), against the whole national GB/T 2260 table the page ships: a file of
 * Shaanxi counties is valid and named; a code that does not exist, or a name that does not match its code, is
 * rejected with its line and column.
 */
import {checkObservations, type CheckContext, type CheckResult} from "../../engine/observations/check.js";
import {sortPeriods} from "../../engine/observations/periods.js";
import type {PeerGroup} from "../../engine/regions/regions.js";

/** Checks an uploaded file (bytes in UTF-8 or GB18030). */
export function checkUpload(bytes: Uint8Array, fileName: string, ctx: CheckContext): CheckResult {
  return checkObservations(bytes, fileName, ctx);
}

/** The peer group "every region in your file", so regions outside the bundled groups can be ranked too. */
export function uploadedGroup(result: CheckResult): PeerGroup {
  const members = [...new Set(result.accepted.map((o) => o.region))].sort();
  return {id: "upload", nameZh: "上传文件中的全部地区", nameEn: "All regions in your file", members};
}

/** Periods present in accepted rows, in time order (the latest last: the one the page opens on). */
export function uploadedPeriods(result: CheckResult): string[] {
  return sortPeriods(result.accepted.map((o) => o.period));
}
