/** Reading one catalogue CSV file into checked rows, with errors at the file and line (a `CatalogueError`). */
import {readCsvRecords} from "../observations/csv-records.js";
import {CatalogueError, type CatalogueFile} from "./types.js";

/** Lower snake_case ids (lead units, measures). */
export const SNAKE_ID = /^[a-z][a-z0-9_]*$/;

/** One data record of a table: its line and a field getter by column name ("" for an absent optional column). */
export interface Row {
  line: number;
  get(column: string): string;
}

/** Parses one CSV file into rows keyed by its header; checks the header and the field count of every record. */
export function readTable(file: CatalogueFile, required: string[]): Row[] {
  const records = readCsvRecords(file.text.replace(/^\uFEFF/, ""));
  const [header, ...body] = records.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ""));
  if (!header) throw new CatalogueError(file.name, null, "文件为空", "the file is empty");
  const columns = header.fields.map((f) => f.trim());
  for (const column of required) {
    if (!columns.includes(column)) {
      throw new CatalogueError(file.name, header.line, `缺少列 ${column}`, `missing column ${column}`);
    }
  }
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate)
    throw new CatalogueError(file.name, header.line, `列名重复 ${duplicate}`, `duplicate column ${duplicate}`);
  return body.map((record) => {
    if (record.quoteError) throw new CatalogueError(file.name, record.line, "引号不配对", "unbalanced quotes");
    if (record.fields.length !== columns.length) {
      throw new CatalogueError(
        file.name,
        record.line,
        `应有 ${columns.length} 个字段，实有 ${record.fields.length} 个`,
        `expected ${columns.length} fields, found ${record.fields.length}`
      );
    }
    return {line: record.line, get: (column: string) => record.fields[columns.indexOf(column)] ?? ""};
  });
}

/** A checker bound to one file: raises errors at a row's line. */
export function checker(file: CatalogueFile) {
  const fail = (row: Row | null, zh: string, en: string): never => {
    throw new CatalogueError(file.name, row ? row.line : null, zh, en);
  };
  return {
    fail,
    text(row: Row, column: string): string {
      const value = row.get(column).trim();
      if (value === "") fail(row, `${column} 为空`, `${column} is empty`);
      return value;
    },
    integer(row: Row, column: string): number {
      const value = row.get(column).trim();
      if (!/^\d+$/.test(value)) {
        fail(row, `${column} 不是正整数: "${value}"`, `${column} is not a positive integer: "${value}"`);
      }
      return Number(value);
    },
    unique<K>(seen: Map<K, number>, key: K, row: Row, zh: string, en: string): void {
      const first = seen.get(key);
      if (first !== undefined) fail(row, `${zh} ${key}（第 ${first} 行已有）`, `${en} ${key} (first on line ${first})`);
      seen.set(key, row.line);
    }
  };
}

/** Splits a `;`-separated cell into its trimmed, non-empty parts. */
export function splitList(text: string): string[] {
  return text
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
