/**
 * The upload check off the page's thread (a module worker started by upload.ts): the file is read in pieces through
 * the build's checker (`checkObservationChunks`), progress is posted as it goes, and the accepted rows come back as
 * Arrow IPC (transferred, not copied), ready for `engine.loadObservations`. The page stays responsive however large
 * the file is.
 */
import {checkObservationChunks, type CheckContext} from "../../engine/observations/check.js";
import {ObservationColumns} from "../../engine/observations/columns.js";
import type {UploadMessage} from "./upload.js";

/** The worker's side of postMessage (the project's types are the page's, not a worker's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{file: File; ctx: CheckContext}>) => void) | null;
  postMessage(message: UploadMessage, transfer?: Transferable[]): void;
};

scope.onmessage = async (event) => {
  const {file, ctx} = event.data;
  try {
    let read = 0;
    let said = 0;
    async function* pieces(): AsyncGenerator<Uint8Array> {
      const reader = file.stream().getReader();
      for (;;) {
        const {value, done} = await reader.read();
        if (done) return;
        read += value.length;
        if (Date.now() - said > 100) {
          said = Date.now();
          scope.postMessage({type: "progress", read, size: file.size});
        }
        yield value;
      }
    }
    const columns = new ObservationColumns();
    const result = await checkObservationChunks(pieces(), file.name, ctx, columns.sink(0));
    scope.postMessage({type: "progress", read: file.size, size: file.size});
    const ipc = columns.toIpc();
    const [regions, periods] = [[...columns.present("region")], [...columns.present("period")]];
    scope.postMessage({type: "done", result, ipc, observations: columns.length, regions, periods}, [ipc.buffer]);
  } catch (error) {
    scope.postMessage({type: "error", message: error instanceof Error ? error.message : String(error)});
  }
};
