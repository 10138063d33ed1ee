/** Splits CSV text into records that remember the physical line they start on (papaparse does the parsing). */
import Papa from "papaparse";

/** One CSV record: its fields and the 1-based physical line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** papaparse reported unbalanced or misplaced quotes in this record. */
  quoteError: boolean;
}

/** Comma, or tab when the first non-blank line has tabs and no commas (text copied out of a sheet). */
export function detectDelimiter(text: string): "," | "\t" {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

/** Offsets at which each physical line starts (CRLF, LF and lone CR all end a line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * The text with every line end outside quoted fields written as LF (CRLF, LF and a lone CR may be mixed in one file;
 * papaparse takes one kind per file and would merge rows). Line ends inside a quoted field are kept as they are.
 */
function normaliseLineEnds(text: string): string {
  if (!text.includes("\r")) return text;
  let out = "";
  let from = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 13 && !quoted) {
      out += `${text.slice(from, i)}\n`;
      if (text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/**
 * Parses CSV text into records with line numbers; a quoted field may span lines (the record keeps its first). CRLF,
 * LF and a lone CR each end a line, in any mix.
 */
export function readCsvRecords(input: string): CsvRecord[] {
  const text = normaliseLineEnds(input);
  const starts = lineStarts(text);
  const records: CsvRecord[] = [];
  let offset = 0;
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    newline: "\n",
    skipEmptyLines: false,
    step(result) {
      if (offset < text.length) {
        const quoteError = result.errors.some((e) => e.type === "Quotes");
        records.push({line: lineAt(starts, offset), fields: result.data, quoteError});
      }
      offset = result.meta.cursor;
    }
  });
  return records;
}
