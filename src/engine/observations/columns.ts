/**
 * Accepted observations kept as columns (typed arrays and one dictionary per text column), for files of millions of
 * rows: about 30 bytes an observation instead of an object each. `toIpc` gives the same Arrow IPC as
 * `observationsIpc` (arrow.ts), the one way into the engine.
 */
import {Dictionary, Float64, Int32, makeData, makeVector, Table, tableToIPC, Utf8, vectorFromArray} from "apache-arrow";
import {observationsIpc} from "./arrow.js";
import type {ObservationSink} from "./file-checker.js";
import type {Observation} from "./observation.js";

/** Interns strings as small integers. */
class Dict {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
}

const FIELDS = ["region", "period", "measure", "flag", "line", "file"] as const;

/** Accepted observations of one or more files as columns; `sink(f)` is what file `f` is checked into. */
export class ObservationColumns {
  readonly dict = {region: new Dict(), period: new Dict(), measure: new Dict(), flag: new Dict()};
  private ints = Object.fromEntries(FIELDS.map((f) => [f, new Int32Array(1024)])) as Record<
    (typeof FIELDS)[number],
    Int32Array
  >;
  private values = new Float64Array(1024);
  /** Observations held. */
  length = 0;

  /** The sink of the file numbered `file` (an index into the files of one run). */
  sink(file: number): ObservationSink {
    return {push: (o, line) => this.push(o, line, file), dropLines: (lines) => this.dropLines(file, lines)};
  }

  private push(o: Observation, line: number, file: number): void {
    if (this.length === this.values.length) {
      for (const f of FIELDS) this.ints[f] = grown(this.ints[f], new Int32Array(this.length * 2));
      this.values = grown(this.values, new Float64Array(this.length * 2));
    }
    const i = this.length++;
    this.ints.region[i] = this.dict.region.code(o.region);
    this.ints.period[i] = this.dict.period.code(o.period);
    this.ints.measure[i] = this.dict.measure.code(o.measure);
    this.ints.flag[i] = o.flag == null ? -1 : this.dict.flag.code(o.flag);
    this.ints.line[i] = line;
    this.ints.file[i] = file;
    // A missing value is NaN here (values are finite: the checker refuses anything else) and null in Arrow.
    this.values[i] = o.value ?? NaN;
  }

  /** Takes back the observations of file `file` read from `lines`. */
  dropLines(file: number, lines: ReadonlySet<number>): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (this.ints.file[i] === file && lines.has(this.ints.line[i])) continue;
      for (const f of FIELDS) this.ints[f][kept] = this.ints[f][i];
      this.values[kept++] = this.values[i];
    }
    this.length = kept;
  }

  /** Each held observation of file `file`: its (region, period, measure) as one number, and its line. */
  *keys(file: number): Generator<{key: number; line: number}> {
    const measures = this.dict.measure.values.length + 1;
    const periods = this.dict.period.values.length + 1;
    for (let i = 0; i < this.length; i++) {
      if (this.ints.file[i] !== file) continue;
      const key = (this.ints.region[i] * periods + this.ints.period[i]) * measures + this.ints.measure[i];
      yield {key, line: this.ints.line[i]};
    }
  }

  private rowsOfPeriod(code: number): Int32Array {
    let count = 0;
    for (let i = 0; i < this.length; i++) if (this.ints.period[i] === code) count++;
    const rows = new Int32Array(count);
    for (let i = 0, j = 0; i < this.length; i++) if (this.ints.period[i] === code) rows[j++] = i;
    return rows;
  }

  /** The distinct ids of one text column that occur in the held observations. */
  present(column: "region" | "period"): Set<string> {
    const seen = new Uint8Array(this.dict[column].values.length);
    for (let i = 0; i < this.length; i++) seen[this.ints[column][i]] = 1;
    return new Set(this.dict[column].values.filter((_, code) => seen[code]));
  }

  /**
   * Arrow IPC stream with columns region, period, measure, value, flag, as `observationsIpc` writes them; with
   * `period`, only that period's observations (a national file is scored a period at a time).
   */
  toIpc(period?: string): Uint8Array {
    const rows = period === undefined ? null : this.rowsOfPeriod(this.dict.period.values.indexOf(period));
    const n = rows ? rows.length : this.length;
    if (n === 0) return observationsIpc([]);
    const pick = <T extends Int32Array | Float64Array>(from: T): T => {
      if (!rows) return from.slice(0, n) as T;
      const out = from instanceof Float64Array ? new Float64Array(n) : new Int32Array(n);
      for (let j = 0; j < n; j++) out[j] = from[rows[j]];
      return out as T;
    };
    const text = (column: keyof ObservationColumns["dict"]) => {
      const codes = pick(this.ints[column]);
      const nulls = validity(n, (i) => codes[i] >= 0);
      for (let i = 0; i < n; i++) if (codes[i] < 0) codes[i] = 0;
      const dictionary = vectorFromArray(this.dict[column].values, new Utf8());
      const type = new Dictionary(new Utf8(), new Int32());
      return makeVector(
        makeData({type, length: n, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: codes, dictionary})
      );
    };
    const values = pick(this.values);
    const valueNulls = validity(n, (i) => !Number.isNaN(values[i]));
    const table = new Table({
      region: text("region"),
      period: text("period"),
      measure: text("measure"),
      value: makeVector(
        makeData({
          type: new Float64(),
          length: n,
          nullCount: valueNulls.count,
          nullBitmap: valueNulls.bitmap,
          data: values
        })
      ),
      flag: text("flag")
    });
    return tableToIPC(table, "stream");
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** An Arrow validity bitmap (1 = present) and the number of nulls. */
function validity(n: number, present: (i: number) => boolean): {bitmap: Uint8Array; count: number} {
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (present(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else count++;
  }
  return {bitmap, count};
}
