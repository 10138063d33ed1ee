/** Compares an engine result with the oracle's: same rows, numbers within 1e-9, same ranks, same errors. */
import {expect} from "vitest";
import {MissingDataError, type ScoreResult} from "../../src/engine/scoring/types.js";

/** Equal within 1e-9 (relative above 1), or both missing. */
export const close = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null ? a == b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Expects the same rows, scores, raw values and coverages within 1e-9, the same ranks, weights and deltas. */
export function compareResults(sql: ScoreResult, ref: ScoreResult, label: string) {
  expect(
    sql.nodes.map((n) => `${n.region}|${n.period}|${n.node}`),
    `${label}: node rows`
  ).toEqual(ref.nodes.map((n) => `${n.region}|${n.period}|${n.node}`));
  expect(
    sql.measures.map((n) => `${n.region}|${n.period}|${n.measure}`),
    `${label}: measure rows`
  ).toEqual(ref.measures.map((n) => `${n.region}|${n.period}|${n.measure}`));
  sql.nodes.forEach((n, i) => {
    const e = ref.nodes[i];
    const where = `${label}: ${n.region} ${n.period} ${n.node}`;
    expect(close(n.score, e.score), `${where} score ${n.score} vs ${e.score}`).toBe(true);
    expect(close(n.coverage, e.coverage), `${where} coverage ${n.coverage} vs ${e.coverage}`).toBe(true);
    expect(n.rank, `${where} rank (score ${n.score} vs ${e.score})`).toBe(e.rank);
    expect(n.level).toBe(e.level);
  });
  sql.measures.forEach((m, i) => {
    const e = ref.measures[i];
    const where = `${label}: ${m.region} ${m.period} ${m.measure}`;
    expect(close(m.raw, e.raw), `${where} raw ${m.raw} vs ${e.raw}`).toBe(true);
    expect(close(m.score, e.score), `${where} score ${m.score} vs ${e.score}`).toBe(true);
  });
  expect(Object.keys(sql.effectiveWeights).sort(), `${label}: weighted ids`).toEqual(
    Object.keys(ref.effectiveWeights).sort()
  );
  for (const [id, w] of Object.entries(ref.effectiveWeights))
    expect(close(sql.effectiveWeights[id], w), `${label}: weight of ${id}`).toBe(true);
  expect(sql.deltas?.length, `${label}: deltas`).toBe(ref.deltas?.length);
  sql.deltas?.forEach((d, i) => {
    const e = ref.deltas![i];
    expect(
      d.region === e.region &&
        d.period === e.period &&
        d.node === e.node &&
        close(d.delta, e.delta) &&
        close(d.baseline, e.baseline) &&
        close(d.scenario, e.scenario) &&
        d.baselineRank === e.baselineRank &&
        d.scenarioRank === e.scenarioRank,
      `${label}: delta ${d.region} ${d.period} ${d.node}: ${JSON.stringify(d)} vs ${JSON.stringify(e)}`
    ).toBe(true);
  });
}

const describeOutcome = (x: ScoreResult | Error) => (x instanceof Error ? `${x.name}: ${x.message}` : "no error");

/**
 * Expects both outcomes to be results that agree, or both to be the same error: for a {@link MissingDataError} the same
 * (region, period, node) cases, for another error the same message (the engine's are bilingual, "中文 / English"; the
 * oracle writes the English half only). Returns whether they were errors.
 */
export function compareOutcomes(sql: ScoreResult | Error, ref: ScoreResult | Error, label: string): boolean {
  if (!(sql instanceof Error) && !(ref instanceof Error)) {
    compareResults(sql, ref, label);
    return false;
  }
  const outcomes = `${label}: engine ${describeOutcome(sql)}; oracle ${describeOutcome(ref)}`;
  expect(sql instanceof Error && ref instanceof Error && sql.name === ref.name, outcomes).toBe(true);
  if (sql instanceof MissingDataError && ref instanceof MissingDataError)
    expect(sql.cases, `${label}: the failing region, period and node`).toEqual(ref.cases);
  else expect((sql as Error).message.split(" / ").at(-1), outcomes).toBe((ref as Error).message);
  return true;
}
