/**
 * `bizenv <args>` run in this process, through the same `main()` that bin/bizenv.js calls, with its stdout and stderr
 * captured and its exit code returned. Spawning `node bin/bizenv.js` costs 1–4 s of start-up each time (tsx, DuckDB's
 * native module) on the 2-core CI machine; the files that use this keep at least one real spawn of the command, so the
 * bin wrapper (tsx registration, the EPIPE guard, the exit code) stays tested as users run it.
 */
import {main} from "../../loaders/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main(args)` with process.stdout and process.stderr captured (writes are reported as flushed at once). */
export async function runBizenv(args: string[]): Promise<CliRun> {
  const captured = {stdout: [] as string[], stderr: [] as string[]};
  const streams = {stdout: process.stdout, stderr: process.stderr};
  const originals = {stdout: process.stdout.write, stderr: process.stderr.write};
  for (const name of ["stdout", "stderr"] as const) {
    streams[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured[name].push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const done = rest.find((r): r is () => void => typeof r === "function");
      done?.();
      return true;
    }) as typeof process.stdout.write;
  }
  try {
    const code = await main(args);
    return {code, stdout: captured.stdout.join(""), stderr: captured.stderr.join("")};
  } finally {
    streams.stdout.write = originals.stdout;
    streams.stderr.write = originals.stderr;
  }
}
