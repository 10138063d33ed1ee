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
 * LF and a lone CR each end a line, in any mix. `firstLine` numbers a piece of a longer text (see RecordSplitter).
 */
export function readCsvRecords(input: string, options: {firstLine?: number; delimiter?: "," | "\t"} = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  parseRecords(input, options.firstLine ?? 1, options.delimiter ?? detectDelimiter(input), (r) => records.push(r));
  return records;
}

/** Parses `input` (whole lines) and gives each record; returns the number of physical lines it held. */
function parseRecords(input: string, firstLine: number, delimiter: string, each: (r: CsvRecord) => void): number {
  const text = normaliseLineEnds(input);
  const starts = lineStarts(text);
  let offset = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: "\n",
    skipEmptyLines: false,
    step(result) {
      if (offset < text.length) {
        const quoteError = result.errors.some((e) => e.type === "Quotes");
        each({line: firstLine - 1 + lineAt(starts, offset), fields: result.data, quoteError});
      }
      offset = result.meta.cursor;
    }
  });
  return text.endsWith("\n") ? starts.length - 1 : starts.length;
}

/**
 * CSV text given in pieces of any size (a file read in chunks), cut into whole records at line ends outside quotes and
 * parsed a batch at a time, so that a file of any size is never held whole. Records come out in order with their
 * physical line numbers, exactly as `readCsvRecords` of the whole text would give them.
 */
export class RecordSplitter {
  private pending = "";
  private scanned = 0;
  private quoted = false;
  private nextLine = 1;
  private delimiter: "," | "\t" | null = null;

  constructor(private readonly each: (r: CsvRecord) => void) {}

  /** Adds text; parses every complete record it finishes. */
  push(text: string): void {
    this.pending += text;
    let cut = -1;
    for (let i = this.scanned; i < this.pending.length; i++) {
      const c = this.pending.charCodeAt(i);
      if (c === 34) this.quoted = !this.quoted;
      // A CR at the very end may be the first half of a CRLF: wait for the next piece.
      else if (!this.quoted && (c === 10 || (c === 13 && i + 1 < this.pending.length))) cut = i;
    }
    this.scanned = this.pending.length;
    if (cut < 0) return;
    const end = this.pending.charCodeAt(cut) === 13 && this.pending.charCodeAt(cut + 1) === 10 ? cut + 2 : cut + 1;
    this.parse(this.pending.slice(0, end));
    this.pending = this.pending.slice(end);
    this.scanned = this.pending.length;
  }

  /** Parses what is left (a last line without a line end). */
  end(): void {
    if (this.pending !== "") this.parse(this.pending);
    this.pending = "";
  }

  private parse(text: string): void {
    this.delimiter ??= detectDelimiter(text);
    this.nextLine += parseRecords(text, this.nextLine, this.delimiter, this.each);
  }
}
