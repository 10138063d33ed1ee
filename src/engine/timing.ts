/**
 * The simulator's start-up phases as User Timing measures (`performance.measure`) named `sim:<phase>`, so that a
 * profiler or the benchmark (bench/browser-bench.ts) can attribute the time from navigation to the first score.
 */

/** Prefix of every simulator measure in the Performance timeline. */
export const MEASURE_PREFIX = "sim:";

/** The start-up phases, in the order the page reaches them, with what each covers. */
export const STARTUP_PHASES = {
  db: "DuckDB worker started, wasm fetched, compiled and instantiated, database opened (started by the page early)",
  page: "navigation → simulator called (page modules, methodology/catalogue/regions JSON)",
  model: "simulator model built from the methodology and catalogue",
  fetch: "observations file fetched",
  wait: "simulator waiting for the database",
  engine: "engine created (ids, plan tables)",
  load: "observations loaded into DuckDB",
  layout: "controls and input tables built",
  current: "focus region's current values scored",
  score: "first scenario scored (baseline scored and cached)",
  render: "first results rendered",
  ready: "navigation → first score shown"
} as const;

/** One start-up phase name. */
export type StartupPhase = keyof typeof STARTUP_PHASES;

/** Records the measure `sim:<phase>` from `start` (ms on the page's clock, 0 = navigation start) to now. */
export function measureSince(phase: StartupPhase, start: number): void {
  try {
    performance.measure(`${MEASURE_PREFIX}${phase}`, {start, end: performance.now()});
  } catch {
    // A timeline that refuses the measure (old browser) only loses the figure.
  }
}

/**
 * Starts `work` at once, recorded as `sim:<phase>`. The promise comes boxed so that the page's runtime does not wait
 * for it before running the cells that take it, and marked handled: whoever awaits it later still sees a failure.
 */
export function startPhase<T>(phase: StartupPhase, work: () => Promise<T>): {promise: Promise<T>} {
  const promise = timed(phase, work);
  promise.catch(() => undefined);
  return {promise};
}

/** Runs `work` and records its duration (until its promise settles) as the measure `sim:<phase>`. */
export async function timed<T>(phase: StartupPhase, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    measureSince(phase, start);
  }
}
