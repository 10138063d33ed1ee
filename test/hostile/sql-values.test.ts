// No data value inside SQL text (issue 15): region and period names (and measure, node and flag ids, which
// parseMethodology limits to letters, digits and _ . : -) reach DuckDB as Arrow, so a quote, a backslash, SQL of its
// own or odd Unicode is just a name. Random cases with every region and period renamed
// to such text score exactly as the oracle scores them; `bizenv score` scores such a region from a CSV file, and
// checks periods as strictly as `validate`.
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import {createEngine} from "../../src/engine/scoring/engine.js";
import type {ScoreOptions, SubUnit} from "../../src/engine/scoring/types.js";
import {referenceScore} from "../oracle/reference.js";
import {compareOutcomes} from "../engine/compare-results.js";
import {randomCase, SEED} from "../engine/random-case.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const runCli = (args: string[]) => {
  const r = spawnSync("node", ["bin/bizenv.js", ...args], {cwd: root, encoding: "utf8"});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
};

const HOSTILE = [
  "'); DROP TABLE x; --",
  "a'b''c",
  "back\\slash\\",
  '双"引号"',
  "\u202Eright-to-left",
  "e\u0301 combining",
  "😀 emoji",
  "100%_like",
  "$1 ?",
  "nul\u0000inside"
];

/** Renames every region and period of a case (observations, sub-units, options) to hostile text. */
function renamed<T extends {observations: Observation[]; subunits: SubUnit[]; options: ScoreOptions}>(c: T): T {
  const names = new Map<string, string>();
  const to = (id: string) => {
    if (!names.has(id)) names.set(id, `${HOSTILE[names.size % HOSTILE.length]}#${names.size}`);
    return names.get(id)!;
  };
  const s = c.options.scenario;
  return {
    ...c,
    observations: c.observations.map((o) => ({...o, region: to(o.region), period: to(`period ${o.period}`)})),
    subunits: c.subunits.map((u) => ({...u, region: to(u.region), parent: to(u.parent)})),
    options: {
      ...c.options,
      peerGroup: c.options.peerGroup?.map(to),
      periods: c.options.periods?.map((p) => to(`period ${p}`)),
      scenario: s && {
        ...s,
        values: s.values?.map((v) => ({
          ...v,
          region: to(v.region),
          period: v.period == null ? v.period : to(`period ${v.period}`)
        }))
      }
    }
  };
}

describe("names that look like SQL", () => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openNodeDatabase();
  });
  afterAll(async () => db.close());

  it("score random cases with hostile region and period names exactly as the oracle does", async () => {
    for (let seed = SEED; seed < SEED + 12; seed++) {
      const c = renamed(randomCase(seed));
      const engine = await createEngine(db, c.methodology);
      try {
        await engine.loadObservations(observationsIpc(c.observations));
        await engine.setRegions(c.subunits);
        const ref = (() => {
          try {
            return referenceScore(c.methodology, c.observations, c.subunits, c.options);
          } catch (error) {
            return error as Error;
          }
        })();
        const sql = await engine.score(c.options).catch((error: Error) => error);
        compareOutcomes(sql, ref, `seed ${seed}, renamed`);
        if (!(sql instanceof Error)) expect(sql.nodes.every((n) => n.region.includes("#"))).toBe(true);
      } finally {
        await engine.close();
      }
    }
  });
});

describe("bizenv score with hostile cells", () => {
  const dir = mkdtempSync(join(tmpdir(), "bizenv-sql-values-"));
  const methodology = "test/fixtures/methodology-small.json";

  it("scores a region cell holding a quote, a backslash and SQL, and writes it back as a CSV cell", async () => {
    const file = join(dir, "odd.csv");
    writeFileSync(
      file,
      'region,period,measure,value\n"\'); DROP TABLE x; --",2023,start_days,3\n"a\\b""c",2023,start_days,5\n'
    );
    const r = runCli(["score", "--methodology", methodology, "--observations", file]);
    expect(r.stderr).toContain("read 2 = accepted 2 + rejected 0");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("'); DROP TABLE x; --,2023,");
    expect(r.stdout).toContain('"a\\b""c",2023,');
  });

  it("rejects a date typed as a period, located, as validate does", async () => {
    const file = join(dir, "date.csv");
    writeFileSync(file, "region,period,measure,value\n620825,2023/6/30,start_days,3\n");
    const r = runCli(["score", "--methodology", methodology, "--observations", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/date\.csv:2:2: \[B period\] .*期间.* \/ .*period/);
    expect(r.stderr).toContain("read 1 = accepted 0 + rejected 1");
    expect(r.stdout).toBe("");
  });
});
