/** `node bin/bizenv.js score …` on small files: long and wide input, roll-up regions, a scenario, bad files. */
import {execFile} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import {describe, expect, it} from "vitest";

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

async function bizenv(...args: string[]) {
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
    const a = await bizenv("--methodology", methodology, "--observations", wide);
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
