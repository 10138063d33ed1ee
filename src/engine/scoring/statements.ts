/**
 * Prepared statements and their input tables: each statement shape is PREPAREd on first use and only EXECUTEd
 * afterwards; before an EXECUTE only the input tables whose rows changed are rewritten, in the same round trip.
 */
import type {ColumnResult, SqlDatabase} from "../db/database.js";
import {deallocateSql, executeSql, prepareSql} from "./output-sql.js";
import {setInputSql, type InputTables} from "./tables-sql.js";

/** The rows of some input tables, as one list per column. */
export type Inputs = Partial<Record<keyof InputTables, number[][]>>;

export interface StatementRunner {
  /** EXECUTEs the statement `sql()` under `key` (PREPAREing it on first use) with these inputs and parameters. */
  execute(key: string, sql: () => string, inputs: Inputs, params?: string[]): Promise<ColumnResult>;
  /** Like {@link execute}, for a statement that returns nothing worth reading (an INSERT). */
  run(key: string, sql: () => string, inputs: Inputs): Promise<void>;
  /** DEALLOCATEs every prepared statement (before a table is created or replaced). */
  forget(): Promise<void>;
}

export function createStatementRunner(db: SqlDatabase, prefix: string, tables: InputTables): StatementRunner {
  const prepared = new Map<string, string>();
  /** Input table → its current rows (as JSON), so that unchanged inputs are not rewritten. */
  const current = new Map<keyof InputTables, string>();
  let statements = 0;

  const statement = async (key: string, sql: () => string, inputs: Inputs) => {
    const writes: string[] = [];
    for (const [input, columns] of Object.entries(inputs) as [keyof InputTables, number[][]][]) {
      const json = JSON.stringify(columns);
      if (current.get(input) === json) continue;
      current.set(input, json);
      writes.push(setInputSql(tables, input, columns));
    }
    let name = prepared.get(key);
    if (!name) {
      name = `${prefix}_q${++statements}`;
      if (writes.length) await db.query(writes.splice(0).join(";\n"));
      await db.query(prepareSql(name, sql()));
      prepared.set(key, name);
    }
    return {name, writes};
  };
  /** Runs `go`; on failure forgets what the input tables hold (a failed batch may have stopped halfway). */
  const guarded = async <T>(go: () => Promise<T>) => {
    try {
      return await go();
    } catch (error) {
      current.clear();
      throw error;
    }
  };

  return {
    execute: (key, sql, inputs, params = []) =>
      guarded(async () => {
        const {name, writes} = await statement(key, sql, inputs);
        return db.queryColumns([...writes, executeSql(name, params)].join(";\n"));
      }),
    run: (key, sql, inputs) =>
      guarded(async () => {
        const {name, writes} = await statement(key, sql, inputs);
        await db.query([...writes, executeSql(name)].join(";\n"));
      }),
    async forget() {
      for (const name of prepared.values()) await db.query(deallocateSql(name));
      prepared.clear();
    }
  };
}
