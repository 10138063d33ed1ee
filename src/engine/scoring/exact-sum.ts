/**
 * Exact floating-point sums in SQL (part of the one SQL builder): a node's score must not depend on the order in which
 * DuckDB adds its children, because that order is not fixed. A hash aggregate adds rows in arrival order, and when its
 * table fills up it starts a new one and later combines the partial sums, so the grouping of the additions depends on
 * how many other groups the statement holds (a national statement splits groups that a one-region what-if does not).
 * The cached baseline and a rescored region must still agree to the last bit.
 *
 * So every term x is split into a high part, x rounded to a multiple of 2^-20, and a low part, the rest (computed
 * exactly) rounded to a multiple of 2^-60; each part is summed on its own grid, where every partial sum is exactly
 * representable and therefore the same in any order; the two sums are added once at the end. The result is the sum of
 * the terms to within 2^-61 per term (far below a double's own rounding of the final value) and independent of the
 * order of addition, provided |x| < 2^31, the high parts sum to less than 2^33 in magnitude and there are at most
 * 2^14 terms (scores times weights are far inside that). Rounding to a grid uses the classic trick (x + c) - c with
 * c = 1.5 · 2^k: the addition rounds x to the unit in the last place of c. Costs a few additions per term; measured
 * several times cheaper than sorting each group's terms (the list_sort of lists it replaces) or a DECIMAL sum.
 */

/** Adding then subtracting 1.5 · 2^32 rounds |x| < 2^31 to a multiple of 2^-20 (a DOUBLE literal: exponent form). */
const HIGH = (1.5 * 2 ** 32).toExponential();
/** Adding then subtracting 1.5 · 2^-8 rounds |x| < 2^-9 to a multiple of 2^-60. */
const LOW = (1.5 * 2 ** -8).toExponential();

/** The high part of `x` (an SQL expression): x rounded to a multiple of 2^-20. */
export function highPart(x: string): string {
  return `((${x} + ${HIGH}) - ${HIGH})`;
}

/** The low part of `x` given its high part `high` (a column, so x is evaluated once): (x - high) on a 2^-60 grid. */
export function lowPart(x: string, high: string): string {
  return `(((${x} - ${high}) + ${LOW}) - ${LOW})`;
}

/** The exact sum of terms split into columns `high` and `low` (NULL when every term is NULL, like `sum`). */
export function exactSum(high: string, low: string): string {
  return `(sum(${high}) + sum(${low}))`;
}
