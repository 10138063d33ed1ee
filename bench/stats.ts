/** Small statistics and timing helpers for the benchmark. */

/** Median (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100); with few samples p95 is the maximum. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Milliseconds taken by `fn`, and its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ms: number; value: T}> {
  const t0 = performance.now();
  const value = await fn();
  return {ms: performance.now() - t0, value};
}

/** Runs the GC when node was started with --expose-gc. */
export function collect(): void {
  (globalThis as {gc?: () => void}).gc?.();
}

/** A duration for tables: "0.42 ms", "12.3 ms", "1,234 ms". */
export function ms(x: number | null | undefined): string {
  if (x == null || Number.isNaN(x)) return "—";
  if (x < 1) return `${x.toFixed(2)} ms`;
  if (x < 100) return `${x.toFixed(1)} ms`;
  return `${Math.round(x).toLocaleString("en-US")} ms`;
}

/** Megabytes, rounded. */
export function mb(bytes: number | null | undefined): string {
  return bytes == null ? "—" : `${Math.round(bytes / 2 ** 20).toLocaleString("en-US")} MB`;
}
