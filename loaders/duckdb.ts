/**
 * DuckDB for Node (data loaders, the command line, tests): the blocking Node build of
 * @duckdb/duckdb-wasm, i.e. the very engine the browser runs (platform note 10).
 */
import {createRequire} from "node:module";
import {arrowToColumns} from "../src/engine/db/arrow-columns.js";
import {arrowToRows} from "../src/engine/db/arrow-rows.js";
import {createTableFromCsvSql, OFFLINE_SETTINGS, QUERY_CONFIG, quoteIdent} from "../src/engine/db/database.js";
import type {ColumnResult, CsvLoadOptions, Row, SqlDatabase} from "../src/engine/db/database.js";

const require = createRequire(import.meta.url);
type Blocking = typeof import("@duckdb/duckdb-wasm/blocking");
const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs") as Blocking;

const dist = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);

/** Opens a fresh in-memory database. Each call starts its own instance (~1 s); reuse it where you can. */
export async function openNodeDatabase(): Promise<SqlDatabase> {
  const bundles = {
    mvp: {mainModule: dist("duckdb-mvp.wasm"), mainWorker: dist("duckdb-node-mvp.worker.cjs")},
    eh: {mainModule: dist("duckdb-eh.wasm"), mainWorker: dist("duckdb-node-eh.worker.cjs")}
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({query: QUERY_CONFIG});
  const conn = db.connect();
  conn.query(OFFLINE_SETTINGS);
  let files = 0;
  const count = (table: string) =>
    Number(arrowToRows<{n: number}>(conn.query(`SELECT count(*) AS n FROM ${quoteIdent(table)}`))[0].n);
  return {
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      return arrowToRows<T>(conn.query(sql));
    },
    async queryColumns(sql: string): Promise<ColumnResult> {
      return arrowToColumns(conn.query(sql));
    },
    async loadCsv(table: string, csv: string, options?: CsvLoadOptions): Promise<number> {
      const fileName = `bizenv_${++files}.csv`;
      db.registerFileText(fileName, csv);
      try {
        conn.query(createTableFromCsvSql(table, fileName, options));
      } finally {
        db.dropFile(fileName);
      }
      return count(table);
    },
    async loadArrow(table: string, ipc: Uint8Array): Promise<number> {
      conn.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
      conn.insertArrowFromIPCStream(ipc, {name: table, create: true});
      return count(table);
    },
    async close(): Promise<void> {
      conn.close();
      db.reset();
    }
  };
}
