/** The load: checked observations as Arrow IPC → a staging table → coded, checked for duplicates → the observations. */
import {codesIpc} from "../db/arrow-ipc.js";
import {quoteIdent, type SqlDatabase} from "../db/database.js";
import type {CodeBook} from "./codes.js";
import {compareNames} from "./codes.js";
import {
  codeStagedSql,
  dropStagingSql,
  duplicateObservationsSql,
  stagedKeysSql,
  storeObservationsSql,
  type ScoringTables
} from "./tables-sql.js";

/** What a load found. */
export interface Loaded {
  /** Rows in the stream. */
  rows: number;
  /** The regions and periods observed, in name order. */
  regions: string[];
  periods: string[];
  /** The observed (region, period) pairs as r · 2^16 + p. */
  pairs: number[];
}

/**
 * Replaces the observations with an Arrow IPC stream (columns region, period, measure, value[, flag]); `bm` is the
 * base plan's observed-measure table. Regions and periods get codes in name order the first time they are seen. Throws
 * on duplicate (region, period, measure) keys, leaving the previous observations in place. Creates and drops tables:
 * the caller must have deallocated its prepared statements.
 */
export async function storeObservations(
  db: SqlDatabase,
  tables: ScoringTables,
  bm: string,
  codes: {regions: CodeBook; periods: CodeBook},
  ipc: Uint8Array
): Promise<Loaded> {
  const [coded, codeTable] = [`${tables.staging}_coded`, `${tables.staging}_codes`];
  const rows = await db.loadArrow(tables.staging, ipc);
  try {
    const columns = await db.query<{name: string}>(`SELECT name FROM pragma_table_info('${tables.staging}')`);
    const keys = await db.query<{kind: number; key: string}>(stagedKeysSql(tables));
    const regions = keys.filter((x) => x.kind === 0).map((x) => x.key);
    const periods = keys.filter((x) => x.kind === 1).map((x) => x.key);
    regions.sort(compareNames);
    periods.sort(compareNames);
    // Names go to DuckDB as Arrow, never as SQL text: kind 0 regions, 1 periods, each with the engine's code.
    const given = {regions: codes.regions.encode(regions), periods: codes.periods.encode(periods)};
    await db.loadArrow(
      codeTable,
      codesIpc(
        {name: [...regions, ...periods]},
        {kind: [...regions.map(() => 0), ...periods.map(() => 1)], code: [...given.regions, ...given.periods]}
      )
    );
    // The staging table is dropped as soon as it is coded: a national file is held twice at most, not three times.
    await db.query(
      codeStagedSql(
        tables,
        coded,
        codeTable,
        columns.some((c) => c.name === "flag")
      )
    );
    const dups = await db.query<{r: number; p: number; measure: string}>(duplicateObservationsSql(coded));
    if (dups.length) {
      const text = dups
        .map((d) => [codes.regions.names[d.r], codes.periods.names[d.p], d.measure])
        .sort((a, b) => compareNames(a[0], b[0]) || compareNames(a[1], b[1]) || compareNames(a[2], b[2]))
        .slice(0, 5)
        .map((key) => key.join(" "))
        .join("; ");
      throw new Error(`观测值重复 / duplicate observations (region period measure): ${text}`);
    }
    await db.query(storeObservationsSql(tables, coded, bm));
    const stored = await db.queryColumns(`SELECT r, p FROM ${quoteIdent(tables.pairs)}`);
    const {r, p} = stored.columns;
    return {rows, regions, periods, pairs: Array.from(r, (x, i) => x * 2 ** 16 + p[i])};
  } finally {
    await db.query(dropStagingSql(tables, coded, codeTable));
  }
}
