/** Saying why a total is missing, on the command line (`bizenv score`, `bizenv methodology --observations`). */
import type {Engine} from "../../src/engine/scoring/engine.js";
import {explainMissing, formatMissing} from "../../src/engine/model/model.js";

/** At most this many reasons are written; the rest are counted. */
const SHOWN = 20;

/**
 * Writes to `write` why the root has no score for each of `regions` in `period` (the engine holds that period's
 * observations): the chain of nodes down to the measures without a value. Returns how many totals are missing.
 */
export async function sayWhy(
  engine: Engine,
  regions: readonly string[],
  period: string,
  write: (line: string) => void
): Promise<number> {
  if (regions.length === 0) return 0;
  const result = await engine.score({peerGroup: regions, periods: [period], measures: true});
  const reasons = explainMissing(engine.methodology, result);
  for (const r of reasons.slice(0, SHOWN)) write(formatMissing(r));
  if (reasons.length > SHOWN)
    write(`… 另有 ${reasons.length - SHOWN} 条原因 / … and ${reasons.length - SHOWN} more reasons`);
  return new Set(reasons.map((r) => `${r.region}\u0000${r.period}`)).size;
}
