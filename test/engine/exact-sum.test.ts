/** The exact sums of exact-sum.ts: the same bits in every order of addition, and the correctly rounded exact sum. */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {exactSum, highPart, lowPart} from "../../src/engine/scoring/exact-sum.js";

/** The exact sum of doubles that are multiples of 2^-60 (every double in [2^-8, 2^31) is), rounded once. */
function exact(xs: readonly number[]): number {
  const sum = xs.reduce((s, x) => s + BigInt(x * 2 ** 60), 0n);
  return Number(sum) / 2 ** 60;
}

describe("exact sums in SQL", () => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openNodeDatabase();
  });
  afterAll(async () => db.close());

  /** Sums the terms in the order given (a subquery's ORDER BY is the order the single-threaded aggregate sees). */
  const sums = async (xs: readonly number[]) => {
    const list = xs.map((x) => x.toExponential()).join(", ");
    const [row] = await db.query<{exact: number; naive: number}>(`
      SELECT ${exactSum("hi", "lo")} AS exact, sum(x) AS naive FROM (
        SELECT x, hi, ${lowPart("x", "hi")} AS lo FROM (
          SELECT x, ${highPart("x")} AS hi FROM (SELECT unnest([${list}]::DOUBLE[]) AS x, generate_subscripts([${list}]::DOUBLE[], 1) AS i)
          ORDER BY i))`);
    return row;
  };

  it("gives the correctly rounded sum whatever the order, where plain addition does not", async () => {
    // Weighted scores as a node sees them: a few large, many small, with fractions that do not add exactly.
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100;
    const terms = Array.from({length: 40}, (_, i) => (i % 5 === 0 ? next() * 30 : next() / 7));
    const orders = [terms, [...terms].reverse(), [...terms].sort((a, b) => a - b), [...terms].sort((a, b) => b - a)];
    const results = await Promise.all(orders.map(sums));
    expect(new Set(results.map((r) => r.exact))).toEqual(new Set([exact(terms)]));
    // The test can fail: plain addition in these orders does not always give the same bits.
    expect(new Set(results.map((r) => r.naive)).size).toBeGreaterThan(1);
  });

  it("is NULL when every term is NULL, like sum", async () => {
    const [row] = await db.query(
      `SELECT ${exactSum("hi", "lo")} AS s FROM (SELECT NULL::DOUBLE AS x, ${highPart("NULL::DOUBLE")} AS hi, NULL::DOUBLE AS lo)`
    );
    expect(row.s).toBeNull();
  });
});
