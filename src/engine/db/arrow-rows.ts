/** Arrow query results as plain rows: both DuckDB runtimes hand back Arrow tables. */
import type {Row} from "./database.js";

/** The part of an Apache Arrow table that {@link arrowToRows} reads (kept structural so no arrow import is needed). */
interface ArrowLike {
  numRows: number;
  schema: {fields: {name: string}[]};
  getChildAt(index: number): {get(index: number): unknown} | null;
}

/** Converts an Arrow result into plain rows; any BigInt that slips through becomes a Number. */
export function arrowToRows<T extends Row = Row>(table: ArrowLike): T[] {
  const names = table.schema.fields.map((field) => field.name);
  const columns = names.map((_, index) => table.getChildAt(index));
  const rows: T[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; ++r) {
    const row: Row = {};
    for (let c = 0; c < names.length; ++c) row[names[c]] = toPlain(columns[c]?.get(r));
    rows[r] = row as T;
  }
  return rows;
}

function toPlain(value: unknown): Row[string] {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
