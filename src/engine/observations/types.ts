/** What an observation file is checked against, and what checking it yields. */
import type {UnitId} from "../methodology/units.js";
import type {FileEncoding} from "./decode.js";
import type {Observation} from "./observation.js";
import type {RejectionCode} from "./reasons.js";

/** What a file is checked against. */
export interface CheckContext {
  /** Known region ids (null = accept any id, e.g. ISO3 codes). Values with a `name` enable name checks. */
  regions: ReadonlyMap<string, unknown> | null;
  /** Known measure ids and their unit (src/engine/methodology/units.ts). */
  measures: ReadonlyMap<string, {unit: UnitId}>;
  /** Allowed periods (null = any well-formed one: YYYY, YYYYH1/H2, YYYYQ1–Q4; see periods.ts). */
  periods: readonly string[] | null;
  /** Wide files: a column named after a methodology flag (id → its `measures`) flags those measures of its row. */
  flagMeasures?: ReadonlyMap<string, readonly string[]>;
  /** Period of a wide file that has no period column; without it such a file is rejected. */
  defaultPeriod?: string;
}

/** One rejected cell (or a whole-file problem at line 1, column 1). */
export interface Rejection {
  file: string;
  /** 1-based physical line (header = 1; a record with quoted newlines counts from its first line). */
  line: number;
  /** 1-based field position (Excel column D = 4). */
  column: number;
  /** Header name of the column (or the missing column's role). */
  columnName: string;
  /** The offending text as found in the file. */
  text: string;
  code: RejectionCode;
  reasonZh: string;
  reasonEn: string;
}

/** The outcome of checking one file. Row accounting: read = acceptedRows + rejectedRows + unfilledRows. */
export interface CheckResult {
  file: string;
  encoding: FileEncoding;
  /** Data rows read (header and blank lines excluded). */
  read: number;
  accepted: Observation[];
  /** The line each accepted observation was read from (aligned with `accepted`). */
  acceptedLines: number[];
  /** Cell-level rejections; a row with any rejected cell is rejected as a whole. */
  rejected: Rejection[];
  format: "long" | "wide" | null;
  /** 1-based column of the region code (0 when the header could not be read). */
  regionColumn: number;
  /** A fill-in form (`bizenv template`): its blank rows are "not yet filled", and its summary always says how many. */
  form: boolean;
  acceptedRows: number;
  rejectedRows: number;
  /** Rows of a fill-in form (`bizenv template`) whose value is still blank: not yet filled, not rejected. */
  unfilledRows: number;
  /** Blank lines (or lines of empty cells) skipped; not data. */
  blankLines: number;
  /** Wide format: blank measure cells without a flag (no observation emitted, not a rejection). */
  missingCells: number;
  /** Header names of columns nothing reads. */
  ignoredColumns: string[];
}
