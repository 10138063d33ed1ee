/**
 * The db folder owns the one database surface the engine talks to (this file) and turning Arrow results into plain
 * rows (arrow-rows.ts). Two implementations exist, both over
 * @duckdb/duckdb-wasm at the same version: `loaders/duckdb.ts` (Node, blocking build) and
 * `src/components/duckdb.ts` (browser, module worker). The engine never imports either; it is
 * handed one of them, so a published report and a browser what-if run the same SQL on the same engine.
 */

/** A result row: column name → plain JS value (numbers are always `number`, never BigInt or Decimal). */
export type Row = Record<string, number | string | boolean | null>;

/** A numeric result column as it comes out of Arrow (no JS object per row). */
export type NumericColumn = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint8Array;

/** A result as columns: name → typed array, every column `length` long. */
export interface ColumnResult {
  length: number;
  columns: Record<string, NumericColumn>;
}

export interface SqlDatabase {
  /** Runs one or more statements and returns the rows of the last one as plain objects. */
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  /**
   * Runs one or more statements and returns the last one's result as typed arrays, one per column: for results too
   * large to become objects. Columns must be numeric and hold no NULL (coalesce in SQL: NaN, 0, …); else it throws.
   */
  queryColumns(sql: string): Promise<ColumnResult>;
  /** Creates (or replaces) `table` from CSV text with a header row; returns the number of rows loaded. */
  loadCsv(table: string, csv: string, options?: CsvLoadOptions): Promise<number>;
  /** Creates (or replaces) `table` from an Arrow IPC stream; returns the number of rows loaded. */
  loadArrow(table: string, ipc: Uint8Array): Promise<number>;
  /** Frees the connection and the database. */
  close(): Promise<void>;
}

export interface CsvLoadOptions {
  /** Column name → DuckDB type; when given, types are not sniffed (e.g. `{region: "VARCHAR", value: "DOUBLE"}`). */
  columns?: Record<string, string>;
}

/** Statements run right after connecting: no extension is ever fetched from the network (platform note 9). */
export const OFFLINE_SETTINGS = "SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;";

/** Query options that make duckdb-wasm hand back doubles for BIGINT/HUGEINT/DECIMAL columns. */
export const QUERY_CONFIG = {castBigIntToDouble: true, castDecimalToDouble: true} as const;

/** Quotes an identifier for SQL (`my "t"` → `"my ""t"""`). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for SQL. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The SQL that turns a registered CSV file into a table. */
export function createTableFromCsvSql(table: string, fileName: string, options: CsvLoadOptions = {}): string {
  const columns = options.columns
    ? `, columns={${Object.entries(options.columns)
        .map(([name, type]) => `${quoteString(name)}: ${quoteString(type)}`)
        .join(", ")}}, auto_detect=false`
    : "";
  return `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv(${quoteString(fileName)}, header=true, delim=','${columns})`;
}
