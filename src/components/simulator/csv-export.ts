/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (so Chinese opens correctly), CRLF line ends, and text cells
 * that a spreadsheet would run as a formula (starting with = + - @, tab or CR) prefixed with `'`.
 */
import Papa from "papaparse";

/** A cell value: numbers stay numbers (a plain number is never a formula); null is an empty cell. */
export type CsvCell = string | number | null;

const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Neutralises one cell: `=SUM(A1)` → `'=SUM(A1)`; numbers and plain numeric text are kept. */
export function neutraliseCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (/^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell)) return `'${cell}`;
  return cell;
}

/** The CSV text (BOM, CRLF, neutralised cells) of a header and rows. */
export function excelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = [header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))];
  return `\uFEFF${Papa.unparse(data, {newline: "\r\n", quotes: false})}\r\n`;
}
