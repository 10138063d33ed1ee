/**
 * "Your own data": an observations CSV checked in the browser with the very checks the build runs
 * (src/engine/observations/check.ts), against the whole national GB/T 2260 table the page ships: a file of
 * Shaanxi counties is valid and named; a code that does not exist, or a name that does not match its code, is
 * rejected with its line and column. The check runs in a module worker (upload-worker.ts) that reads the file in
 * pieces and posts its progress, so a large file never freezes the page.
 */
import type {CheckContext, CheckResult} from "../../engine/observations/check.js";
import {sortPeriods} from "../../engine/observations/periods.js";
import type {PeerGroup} from "../../engine/regions/regions.js";

/** A checked upload: the file's result, its accepted rows as Arrow IPC, and the regions and periods they hold. */
export interface CheckedUpload {
  result: CheckResult;
  ipc: Uint8Array;
  /** Accepted observations. */
  observations: number;
  regions: string[];
  periods: string[];
}

/** What the worker posts: progress (bytes read of the file's size), the checked upload, or an error. */
export type UploadMessage =
  {type: "progress"; read: number; size: number} | ({type: "done"} & CheckedUpload) | {type: "error"; message: string};

/** Checks an uploaded file (any supported encoding) in a module worker; `progress` gets the share read, 0..1. */
export function checkUpload(file: File, ctx: CheckContext, progress: (share: number) => void): Promise<CheckedUpload> {
  const worker = new Worker(import.meta.resolve("./upload-worker.js"), {type: "module"});
  return new Promise<CheckedUpload>((resolve, reject) => {
    worker.onmessage = ({data}: MessageEvent<UploadMessage>) => {
      if (data.type === "progress") progress(data.size > 0 ? data.read / data.size : 1);
      else if (data.type === "error") reject(new Error(data.message));
      else resolve(data);
    };
    worker.onerror = (event) => reject(new Error(event.message || "upload worker failed"));
    worker.postMessage({file, ctx});
  }).finally(() => worker.terminate());
}

/** The peer group "every region in your file", so regions outside the bundled groups can be ranked too. */
export function uploadedGroup(upload: CheckedUpload): PeerGroup {
  const members = [...upload.regions].sort();
  return {id: "upload", nameZh: "上传文件中的全部地区", nameEn: "All regions in your file", members};
}

/** Periods present in accepted rows, in time order (the latest last: the one the page opens on). */
export function uploadedPeriods(upload: CheckedUpload): string[] {
  return sortPeriods(upload.periods);
}
