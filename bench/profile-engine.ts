/**
 * What bounds the engine's what-if: records the SQL the engine runs for one scenario and splits its time into
 * planning (EXPLAIN), execution without result conversion (count over the statement) and the full query
 * (execution + Arrow → JS rows), then prints DuckDB's EXPLAIN ANALYZE operator timings.
 * Usage: node --import tsx bench/profile-engine.ts [pingliang|gansu|china]
 */
import {openNodeDatabase} from "../loaders/duckdb.js";
import {readMethodology} from "../loaders/methodology.js";
import {readRegions} from "../loaders/regions.js";
import type {SqlDatabase} from "../src/engine/db/database.js";
import {createEngine} from "../src/engine/scoring/engine.js";
import {columnsToIpc, generateDataset} from "./dataset.js";
import {median, timed} from "./stats.js";

const scale = process.argv[2] ?? "gansu";
const methodology = await readMethodology();
const group = (await readRegions()).peerGroups.find((g) => g.id === scale)!;
const data = generateDataset(scale, methodology, group.members);
const inner = await openNodeDatabase();
const seen: {sql: string; ms: number}[] = [];
const db: SqlDatabase = {
  ...inner,
  query: async (sql) => {
    const t = await timed(() => inner.query(sql));
    seen.push({sql, ms: t.ms});
    return t.value as never;
  }
};
const engine = await createEngine(db, methodology);
await engine.loadObservations(columnsToIpc(data.columns));
const measure = methodology.measures[0].id;
const options = (value: number) => ({
  peerGroup: data.regions,
  periods: ["2023"],
  level: "total",
  measures: false,
  scenario: {values: [{region: "620825", period: "2023", measure, value}]}
});
await engine.score(options(1));
const engineMs: number[] = [];
for (let i = 0; i < 5; i++) {
  seen.length = 0;
  engineMs.push((await timed(() => engine.score(options(2 + i)))).ms);
}
for (const s of seen) console.log(`  statement ${s.ms.toFixed(1)} ms: ${s.sql.replace(/\s+/g, " ").slice(0, 100)}…`);
// A call may hold several statements (input tables refreshed, then a prepared statement): time each part alone.
const parts = seen.flatMap((s) => s.sql.split(/;\s*(?=(?:DELETE|INSERT|EXECUTE|SELECT|WITH|CREATE|DROP|UPDATE)\b)/i));
const timedParts: {sql: string; ms: number}[] = [];
for (const part of parts) timedParts.push({sql: part, ms: (await timed(() => inner.query(part))).ms});
for (const p of timedParts) console.log(`  part ${p.ms.toFixed(1)} ms: ${p.sql.replace(/\s+/g, " ").slice(0, 100)}…`);
const sql = [...timedParts].sort((x, y) => y.ms - x.ms)[0].sql;
const repeat = async (q: string) => {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) xs.push((await timed(() => inner.query(q))).ms);
  return median(xs);
};
console.log(
  `${scale}: ${data.regions.length} regions; slowest statement ${sql.length.toLocaleString("en-US")} characters, ${seen.length} call(s), ${parts.length} statement(s) per what-if`
);
console.log(`engine.score (what-if, totals): median ${median(engineMs).toFixed(1)} ms`);
console.log(`trivial query round trip: ${(await repeat("SELECT 1")).toFixed(2)} ms`);
console.log(`slowest statement with rows to JS: ${(await repeat(sql)).toFixed(1)} ms`);
if (/^\s*(WITH|SELECT)/i.test(sql)) {
  console.log(`EXPLAIN (parse + bind + optimise): ${(await repeat(`EXPLAIN ${sql}`)).toFixed(1)} ms`);
  console.log(`SELECT count(*) FROM (statement): ${(await repeat(`SELECT count(*) FROM (${sql})`)).toFixed(1)} ms`);
}
let text = "";
try {
  const analyze = await inner.query<{explain_key: string; explain_value: string}>(`EXPLAIN ANALYZE ${sql}`);
  text = analyze.map((r) => r.explain_value).join("\n");
} catch (error) {
  console.log(`EXPLAIN ANALYZE not available for this statement: ${(error as Error).message.split("\n")[0]}`);
}
const total = Number(/Total Time: ([\d.]+)s/.exec(text)?.[1] ?? NaN);
const operators = [...text.matchAll(/\(([\d.]+)s\)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
if (text)
  console.log(
    `EXPLAIN ANALYZE: total ${(total * 1000).toFixed(0)} ms, of which inside operators ${(operators * 1000).toFixed(0)} ms (the rest is planning, pipeline set-up and CTE materialisation outside operator timers)`
  );
if (process.argv.includes("--plan")) console.log(text);
await inner.close();
