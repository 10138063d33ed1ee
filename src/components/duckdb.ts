/**
 * DuckDB for the browser: @duckdb/duckdb-wasm from node_modules in a module worker (platform note 8), with the
 * same surface as loaders/duckdb.ts. Only pages that compute in the browser (the simulator) import this: the
 * wasm file is 34 MB, report pages never load it.
 */
import * as duckdb from "@duckdb/duckdb-wasm";
import {arrowToColumns} from "../engine/db/arrow-columns.js";
import {arrowToRows} from "../engine/db/arrow-rows.js";
import {createTableFromCsvSql, OFFLINE_SETTINGS, QUERY_CONFIG, quoteIdent} from "../engine/db/database.js";
import type {ColumnResult, CsvLoadOptions, Row, SqlDatabase} from "../engine/db/database.js";

/** Starts duckdb-wasm (exception-handling build) in a module worker and opens an in-memory database. */
export async function openBrowserDatabase(): Promise<SqlDatabase> {
  const wasm = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
  const workerUrl = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");
  const worker = new Worker(workerUrl, {type: "module"});
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(wasm);
  await db.open({query: QUERY_CONFIG});
  const conn = await db.connect();
  await conn.query(OFFLINE_SETTINGS);
  let files = 0;
  const count = async (table: string) =>
    Number(arrowToRows<{n: number}>(await conn.query(`SELECT count(*) AS n FROM ${quoteIdent(table)}`))[0].n);
  return {
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      return arrowToRows<T>(await conn.query(sql));
    },
    async queryColumns(sql: string): Promise<ColumnResult> {
      return arrowToColumns(await conn.query(sql));
    },
    async loadCsv(table: string, csv: string, options?: CsvLoadOptions): Promise<number> {
      const fileName = `bizenv_${++files}.csv`;
      await db.registerFileText(fileName, csv);
      try {
        await conn.query(createTableFromCsvSql(table, fileName, options));
      } finally {
        await db.dropFile(fileName);
      }
      return count(table);
    },
    async loadArrow(table: string, ipc: Uint8Array): Promise<number> {
      await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
      await conn.insertArrowFromIPCStream(ipc, {name: table, create: true});
      return count(table);
    },
    async close(): Promise<void> {
      await conn.close();
      await db.terminate();
    }
  };
}
