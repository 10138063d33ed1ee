import type {ColumnResult, NumericColumn} from "./database.js";

/** The part of an Apache Arrow table that {@link arrowToColumns} reads (structural, so no arrow import is needed). */
interface ArrowLike {
  numRows: number;
  schema: {fields: {name: string}[]};
  getChildAt(index: number): {nullCount: number; toArray(): unknown} | null;
}

const NUMERIC = [Float64Array, Float32Array, Int32Array, Int16Array, Int8Array, Uint8Array];

/**
 * Converts an Arrow result into typed arrays without a JS value per row (one copy per column when the result spans
 * several record batches, none otherwise). Throws on a NULL or a non-numeric column: NULLs have no typed-array form.
 */
export function arrowToColumns(table: ArrowLike): ColumnResult {
  const columns: Record<string, NumericColumn> = {};
  table.schema.fields.forEach(({name}, index) => {
    const vector = table.getChildAt(index);
    if (vector && vector.nullCount > 0)
      throw new Error(`column ${name} holds ${vector.nullCount} NULL(s); coalesce them in SQL`);
    const values = vector?.toArray();
    if (!NUMERIC.some((type) => values instanceof type))
      throw new Error(`column ${name} is not numeric (${values?.constructor?.name ?? "empty"})`);
    columns[name] = values as NumericColumn;
  });
  return {length: table.numRows, columns};
}
