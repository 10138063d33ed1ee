import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";

describe("Node DuckDB (duckdb-wasm, blocking build)", () => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openNodeDatabase();
  });
  afterAll(async () => db.close());

  it("returns plain JS numbers for integer, bigint, hugeint and decimal results", async () => {
    const [row] = await db.query(
      "SELECT 42::INTEGER AS i, 9007199254740991::BIGINT AS b, sum(x)::HUGEINT AS h, 1.25::DECIMAL(10,2) AS d, count(*) AS n FROM range(5) t(x)"
    );
    for (const key of ["i", "b", "h", "d", "n"]) expect(typeof row[key], key).toBe("number");
    expect(row).toEqual({i: 42, b: 9007199254740991, h: 10, d: 1.25, n: 5});
  });

  it("loads CSV text and queries it with window functions", async () => {
    const n = await db.loadCsv("obs", "region,value\n620825,3.5\n620826,1.5\n620802,2\n");
    expect(n).toBe(3);
    const rows = await db.query("SELECT region, rank() OVER (ORDER BY value DESC) AS r FROM obs ORDER BY region");
    expect(rows).toEqual([
      {region: 620802, r: 2},
      {region: 620825, r: 1},
      {region: 620826, r: 3}
    ]);
  });

  it("keeps declared column types when loading CSV", async () => {
    await db.loadCsv("typed", "region,value\n620825,3\n", {columns: {region: "VARCHAR", value: "DOUBLE"}});
    expect(await db.query("SELECT * FROM typed")).toEqual([{region: "620825", value: 3}]);
  });

  it("loads Arrow IPC", async () => {
    const ipc = tableToIPC(tableFromArrays({measure: ["a", "b"], value: Float64Array.from([1, 2])}), "stream");
    expect(await db.loadArrow("arrowed", ipc)).toBe(2);
    expect(await db.query("SELECT sum(value) AS s FROM arrowed")).toEqual([{s: 3}]);
  });

  it("returns numeric results as typed arrays, across record batches and when empty", async () => {
    const many = await db.queryColumns(
      "SELECT range::INTEGER AS i, range::SMALLINT AS s, range / 2 AS d, count(*) OVER () AS n FROM range(5000)"
    );
    expect(many.length).toBe(5000);
    expect(many.columns.i).toBeInstanceOf(Int32Array);
    expect(many.columns.s).toBeInstanceOf(Int16Array);
    expect(many.columns.d).toBeInstanceOf(Float64Array);
    expect(many.columns.n).toBeInstanceOf(Float64Array);
    expect([many.columns.i[4999], many.columns.d[4999], many.columns.n[0]]).toEqual([4999, 2499.5, 5000]);
    const none = await db.queryColumns("SELECT 1::INTEGER AS i, 2.5 AS d WHERE false");
    expect(none.length).toBe(0);
    expect(none.columns.i).toHaveLength(0);
  });

  it("refuses a NULL or a text column in a columnar result", async () => {
    await expect(db.queryColumns("SELECT NULL::DOUBLE AS d")).rejects.toThrow(/column d holds 1 NULL/);
    await expect(db.queryColumns("SELECT 'a' AS t")).rejects.toThrow(/column t is not numeric/);
  });

  it("reports an SQL error as an Error carrying DuckDB's message", async () => {
    await expect(db.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
  });

  it("never fetches extensions: a query needing one fails at once instead of hanging", async () => {
    const [row] = await db.query(
      "SELECT current_setting('autoinstall_known_extensions') AS install, current_setting('autoload_known_extensions') AS load"
    );
    expect(row).toEqual({install: false, load: false});
  });
});
