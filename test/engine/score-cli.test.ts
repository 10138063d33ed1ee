/**
 * `node bin/bizenv.js score …` on small files: long and wide input, roll-up regions, a scenario, bad files; and on the
 * DB2020 reference files as they are (all ten topics, two-city roll-up, a peer group file), when they are present.
 */
import {execFile} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import Papa from "papaparse";
import {describe, expect, it} from "vitest";
import {runBizenv} from "../support/cli.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(join(tmpdir(), "bizenv-score-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

// days: 100·(21−y)/20; rate: 100·min(y/90, 1); total = (days + 3·rate)/4.
const methodology = file(
  "m.json",
  JSON.stringify({
    id: "cli",
    measures: [
      {
        id: "start_days",
        unit: "working_day",
        direction: "lower_is_better",
        normalise: {method: "frontier", best: 1, worst: 21}
      },
      {id: "online_rate", unit: "percent", direction: "higher_is_better", normalise: {method: "target", target: 90}}
    ],
    nodes: [
      {
        id: "total",
        children: [
          {id: "start_days", weight: 1},
          {id: "online_rate", weight: 3}
        ]
      }
    ]
  })
);
// 620825: 75 and 50 → 56.25. 620826: 50 and 100 → 87.5. 620821: 100 and 0 → 25.
const wide = file(
  "wide.csv",
  "region,period,start_days,online_rate\n620825,2023,6,45\n620826,2023,11,90\n620821,2023,1,0\n"
);
const long = file(
  "long.csv",
  "region,period,measure,value\n620825,2023,start_days,6\n620825,2023,online_rate,45\n620826,2023,start_days,11\n620826,2023,online_rate,90\n620821,2023,start_days,1\n620821,2023,online_rate,0\n"
);

/** `bizenv score …` in this process (test/support/cli.ts); the first test spawns the real command. */
const bizenv = (...args: string[]) => runBizenv(["score", ...args]);

/** `node bin/bizenv.js score …` as users run it. */
async function spawnBizenv(...args: string[]) {
  try {
    const {stdout, stderr} = await promisify(execFile)("node", ["bin/bizenv.js", "score", ...args], {cwd: root});
    return {code: 0, stdout, stderr};
  } catch (error) {
    const e = error as {code: number; stdout: string; stderr: string};
    return {code: e.code, stdout: e.stdout, stderr: e.stderr};
  }
}

describe("bizenv score", () => {
  const expected =
    "region,period,node,score,rank\n620821,2023,total,25.000000,3\n620825,2023,total,56.250000,2\n620826,2023,total,87.500000,1\n";

  it("prints region,period,node,score,rank from a wide file, and the same from the long file", async () => {
    const a = await spawnBizenv("--methodology", methodology, "--observations", wide);
    // stdout is the CSV alone; stderr carries only the row accounting (rows read = accepted + rejected, always said).
    expect(a.stderr).toBe(`${wide}: read 3 = accepted 3 + rejected 0 / 读取 3 行 = 接受 3 + 拒绝 0\n`);
    expect(a.stdout).toBe(expected);
    const b = await bizenv("--methodology", methodology, "--observations", long, "--level", "total");
    expect(b.stdout).toBe(expected);
  });

  it("rolls regions up from a regions file and adds baseline columns with a scenario", async () => {
    const regions = file("regions.csv", "region,parent,weight\n6208,,\n620825,6208,1\n620826,6208,3\n620821,,\n");
    const scenario = file("s.json", JSON.stringify({values: [{region: "620821", measure: "online_rate", value: 90}]}));
    const out = join(dir, "out.csv");
    const r = await bizenv(
      "--methodology",
      methodology,
      "--observations",
      wide,
      "--regions",
      regions,
      "--scenario",
      scenario,
      "--out",
      out
    );
    expect(r.code).toBe(0);
    // 6208 = (56.25 + 3·87.5)/4 = 79.6875. 620821 with online rate 90: (100 + 300)/4 = 100, overtaking 6208.
    const {readFileSync} = await import("node:fs");
    expect(readFileSync(out, "utf8")).toBe(
      "region,period,node,score,rank,baseline_score,baseline_rank,delta\n6208,2023,total,79.687500,2,79.687500,1,0.000000\n620821,2023,total,100.000000,1,25.000000,2,75.000000\n"
    );
  });

  it("ranks the peer group (a list or @FILE) and prints the other regions scored but unranked, with a scenario too", async () => {
    const peers = file("peers.csv", "region\n620825\n620821\n");
    const a = await bizenv("--methodology", methodology, "--observations", wide, "--peer-group", `@${peers}`);
    expect(a.stdout).toBe(
      "region,period,node,score,rank\n620821,2023,total,25.000000,2\n620825,2023,total,56.250000,1\n620826,2023,total,87.500000,\n"
    );
    const b = await bizenv("--methodology", methodology, "--observations", wide, "--peer-group", "620825,620821");
    expect(b.stdout).toBe(a.stdout);
    const scenario = file("s2.json", JSON.stringify({values: [{region: "620821", measure: "online_rate", value: 90}]}));
    const c = await bizenv(
      ...["--methodology", methodology, "--observations", wide, "--peer-group", "620825,620821", "--scenario", scenario]
    );
    expect(c.stdout).toBe(
      "region,period,node,score,rank,baseline_score,baseline_rank,delta\n" +
        "620821,2023,total,100.000000,1,25.000000,2,75.000000\n620825,2023,total,56.250000,2,56.250000,1,0.000000\n" +
        "620826,2023,total,87.500000,,87.500000,,0.000000\n"
    );
  });

  it("names file, line and column for bad observations and exits 1", async () => {
    const bad = file("bad.csv", "region,period,measure,value\n620825,2023,start_days,6\n620825,2023,online_rate,abc\n");
    const r = await bizenv("--methodology", methodology, "--observations", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:4:`);
    expect(r.stdout).toBe("");
  });

  it("names the path of a methodology problem and of a regions-file problem", async () => {
    const m = file(
      "bad-m.json",
      JSON.stringify({
        id: "x",
        measures: [
          {id: "d", unit: "day", direction: "lower_is_better", normalise: {method: "frontier", best: 3, worst: 3}}
        ],
        nodes: [{id: "t", children: [{id: "d"}]}]
      })
    );
    const r = await bizenv("--methodology", m, "--observations", wide);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("measures[0].normalise.worst:");
    const regions = file("bad-regions.csv", "region,parent,weight\n620825,6208,heavy\n");
    const q = await bizenv("--methodology", methodology, "--observations", wide, "--regions", regions);
    expect(q.stderr).toContain(`${regions}:2:3:`);
  });

  it("explains its usage on a missing option (exit 2)", async () => {
    const r = await bizenv("--observations", wide);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--methodology is required[\s\S]*Usage: bizenv score/);
  });
});

const reference = resolve(root, "../shared/reference/db2020-all");
const referencePresent = existsSync(resolve(reference, "db2020_all_economies.csv"));
if (!referencePresent) console.warn(`SKIPPED bizenv score on DB2020: ${reference} not found / 未找到参考数据，跳过`);

describe.skipIf(!referencePresent)(
  "bizenv score on the DB2020 reference files, with --regions and --peer-group",
  () => {
    it("prints every official score of the 191 economies within 0.001 and the 190 ranks exactly", async () => {
      const r = await bizenv(
        "--methodology",
        "data/methodologies/db2020-all.json",
        "--observations",
        resolve(reference, "db2020_all_economies.csv"),
        "--observations",
        resolve(reference, "db2020_all_cities.csv"),
        "--period",
        "DB2020",
        "--regions",
        "data/regions/db2020.csv",
        "--peer-group",
        "@data/regions/db2020-ranked.csv"
      );
      expect(r.stderr).toContain("read 191 = accepted 191 + rejected 0");
      expect(r.code).toBe(0);
      type Row = Record<string, string>;
      const ours = new Map(
        Papa.parse<Row>(r.stdout, {header: true, skipEmptyLines: true}).data.map((x) => [`${x.region} ${x.node}`, x])
      );
      const economies = Papa.parse<Row>(readFileSync(resolve(reference, "db2020_all_economies.csv"), "utf8"), {
        header: true,
        skipEmptyLines: true
      }).data;
      const nodes = Object.keys(economies[0])
        .filter((c) => c.startsWith("score_"))
        .map((c) => c.slice("score_".length));
      expect(nodes).toHaveLength(11);
      const misses: string[] = [];
      for (const e of economies) {
        for (const node of nodes) {
          const row = ours.get(`${e.db_code} ${node}`);
          if (!row || row.score === "" || Math.abs(Number(row.score) - Number(e[`score_${node}`])) > 0.001)
            misses.push(`${e.db_code} ${node}: ${row?.score} vs ${e[`score_${node}`]}`);
          // Ranked economies: the official rank; Liechtenstein: scored, printed without a rank.
          if (row?.rank !== (e.ranked === "1" ? e[`rank_${node}`] : ""))
            misses.push(`${e.db_code} ${node}: rank ${row?.rank} vs ${e[`rank_${node}`]}`);
        }
      }
      expect(misses).toEqual([]);
    }, 120_000);
  }
);
