/**
 * Where the engine's time goes, statement by statement: records the SQL one engine call runs, times each statement
 * alone (median of 5), then prints DuckDB's EXPLAIN ANALYZE of each (operators with their time and row count, the
 * slowest first). Two calls are profiled: the what-if of the bench (one changed value → totals and ranks of the peer
 * group), or with --full the bench's full scoring (every node of every region and period; the columnar path when the
 * engine has one), or with --sensitivity a batch of 100 weight draws (scenarios as a dimension, as the simulator's
 * sensitivity sends them). The first call of each kind is profiled too (it prepares statements and may fill caches).
 * Usage: node --import tsx bench/profile-engine.ts [pingliang|gansu|china] [--full | --sensitivity] [--plan]
 * (--plan prints every operator instead of the ten slowest.)
 */
import {openNodeDatabase} from "../loaders/duckdb.js";
import {readMethodology} from "../loaders/methodology.js";
import {readRegions} from "../loaders/regions.js";
import type {SqlDatabase} from "../src/engine/db/database.js";
import type {Engine} from "../src/engine/scoring/engine.js";
import {createEngine} from "../src/engine/scoring/engine.js";
import {observationsIpc} from "../src/engine/observations/arrow.js";
import {checkedDataset} from "./dataset.js";
import {engineScore} from "./engine-scoring.js";
import {median, ms, timed} from "./stats.js";

const scale = process.argv.find((a, i) => i > 1 && !a.startsWith("--")) ?? "gansu";
const full = process.argv.includes("--full");
const sensitivity = process.argv.includes("--sensitivity");
const everyOperator = process.argv.includes("--plan");
const methodology = await readMethodology();
const group = (await readRegions()).peerGroups.find((g) => g.id === scale);
if (!group) throw new Error(`unknown scale ${scale}`);
const data = await checkedDataset(scale, methodology, group.members);
const inner = await openNodeDatabase();

/** Every statement the engine sent, split into single statements; PREPAREd bodies by name. */
const seen: string[] = [];
const prepared = new Map<string, string>();
const record = (sql: string) => {
  for (const part of sql.split(/;\s*(?=(?:DELETE|INSERT|EXECUTE|SELECT|WITH|CREATE|DROP|UPDATE|PREPARE)\b)/i)) {
    const p = /^PREPARE "([^"]+)" AS ([\s\S]*)$/.exec(part.trim());
    if (p) prepared.set(p[1], p[2]);
    seen.push(part.trim());
  }
};
const db: SqlDatabase = {
  ...inner,
  query: async (sql) => (record(sql), inner.query(sql)),
  queryColumns: async (sql) => (record(sql), inner.queryColumns(sql))
};
const engine: Engine = await createEngine(db, methodology);
await engine.loadObservations(observationsIpc(data.rows));

const focus = data.regions.includes("620825") ? "620825" : data.regions[0];
const measure = methodology.measures.find((x) => !x.derive)!.id;
const weights: Record<string, number> = {};
for (const n of methodology.nodes) for (const c of n.children) weights[c.id] = c.weight;
/** Draw i: every weight × a factor in [0.8, 1.2) that varies with the draw and the id (as the simulator's draws do). */
const draw = (i: number) =>
  Object.fromEntries(
    Object.entries(weights).map(([id, w], j) => [id, w * (0.8 + (((i + 1) * 7919 + j * 104729) % 1000) / 2500)])
  );
const call = (i: number): Promise<unknown> =>
  full
    ? engineScore(engine, data)
    : sensitivity
      ? engine.scoreScenarios(
          Array.from({length: 100}, (_, d) => ({weights: draw(i * 100 + d)})),
          {peerGroup: data.regions, periods: ["2023"], level: "total"}
        )
      : engine.score({
          peerGroup: data.regions,
          periods: ["2023"],
          level: "total",
          measures: false,
          scenario: {values: [{region: focus, period: "2023", measure, value: 2 + i}]}
        });

/** A statement that runs alone: an EXECUTE becomes its prepared body with the parameters in place. */
function standalone(sql: string): string {
  const e = /^EXECUTE "([^"]+)"(?:\(([\s\S]*)\))?$/.exec(sql);
  let body = sql;
  if (e) {
    body = prepared.get(e[1]) ?? sql;
    const args = e[2] ? splitArgs(e[2]) : [];
    body = body.replace(/\$(\d+)/g, (_, n: string) => args[Number(n) - 1]);
  }
  // Profile the query of an INSERT … SELECT without inserting.
  return body.replace(/^INSERT INTO "[^"]+"\s*/, "");
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (text[i] === "[" || text[i] === "(") depth++;
    else if (text[i] === "]" || text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

interface Operator {
  name: string;
  ms: number;
  rows: number;
  depth: number;
  info: string;
}

/** The operators of an EXPLAIN (ANALYZE, FORMAT JSON) result, in plan order. */
function operators(json: string): Operator[] {
  const out: Operator[] = [];
  const walk = (node: Record<string, unknown>, depth: number) => {
    const name = node.operator_name as string | undefined;
    if (name && name !== "EXPLAIN_ANALYZE")
      out.push({
        name: name.trim(),
        ms: 1000 * Number(node.operator_timing ?? 0),
        rows: Number(node.operator_cardinality ?? 0),
        depth,
        info: JSON.stringify(node.extra_info ?? {})
      });
    for (const child of (node.children as Record<string, unknown>[] | undefined) ?? []) walk(child, depth + 1);
  };
  const root = JSON.parse(json) as Record<string, unknown> | Record<string, unknown>[];
  for (const r of Array.isArray(root) ? root : [root]) walk(r, 0);
  return out;
}

async function profile(label: string, run: () => Promise<unknown>) {
  seen.length = 0;
  const t = await timed(run);
  const statements = [...seen];
  console.log(`\n## ${label}: ${ms(t.ms)} for ${statements.length} statement(s)`);
  for (const sql of statements) {
    const alone = standalone(sql);
    const runs: number[] = [];
    const again = /^(SELECT|WITH)\b/i.test(alone);
    if (again) for (let i = 0; i < 5; i++) runs.push((await timed(() => inner.queryColumns(countOf(alone)))).ms);
    const head = sql.replace(/\s+/g, " ").slice(0, 90);
    console.log(
      `- ${head}… (${sql.length.toLocaleString("en-US")} characters${again ? `; executed alone, rows not converted: ${ms(median(runs))} median of 5` : ""})`
    );
    if (!again) continue;
    const rows = await inner.query<{explain_value: string}>(`EXPLAIN (ANALYZE, FORMAT JSON) ${alone}`);
    const ops = operators(rows.map((r) => r.explain_value).join("\n"));
    const inside = ops.reduce((s, o) => s + o.ms, 0);
    console.log(`  EXPLAIN ANALYZE: ${ms(inside)} inside ${ops.length} operators; slowest:`);
    const shown = everyOperator ? ops : [...ops].sort((a, b) => b.ms - a.ms).slice(0, 10);
    for (const o of shown)
      console.log(
        `  ${everyOperator ? "  ".repeat(o.depth) : ""}${o.name.padEnd(16)} ${ms(o.ms).padStart(10)} ${o.rows.toLocaleString("en-US").padStart(10)} rows  ${o.info.slice(0, 110)}`
      );
  }
}

/** The statement wrapped so that only a count comes back (execution without the result transfer). */
function countOf(sql: string): string {
  return `SELECT count(*)::INTEGER AS n FROM (${sql})`;
}

console.log(
  `${scale}: ${data.regions.length} regions × ${data.periods.length} periods, ${data.rows.length.toLocaleString("en-US")} observations; ${full ? "full scoring" : sensitivity ? "sensitivity, 100 draws" : "what-if"}`
);
await profile("first call", () => call(0));
for (let i = 1; i < 4; i++) await call(i);
await profile("warm call", () => call(4));
const warm: number[] = [];
for (let i = 5; i < 10; i++) warm.push((await timed(() => call(i))).ms);
console.log(`\nwarm calls: median ${ms(median(warm))} over ${warm.length}`);
await inner.close();
