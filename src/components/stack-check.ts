/** SQL for the placeholder home page: a small table computed by DuckDB-wasm from literal values. */
export function stackCheckRows(factor: number): string {
  if (!Number.isFinite(factor)) throw new Error(`factor must be a number, got ${factor}`);
  return `SELECT county, (score * ${factor})::DOUBLE AS score
FROM (VALUES ('庄浪县', 61), ('静宁县', 72), ('崆峒区', 80)) AS t(county, score)
ORDER BY score DESC`;
}
