/**
 * `node bin/bizenv.js methodology …` (and `score` where it says why): every problem of a broken file in one run with
 * its JSON path, warnings for unused measures, `measuresFrom` (the NDRC regrouping scores; cycles and missing files
 * name the file), the say-why line naming region, node chain and measure, and `--help`. docs/writing-a-methodology.md.
 */
import {execFile} from "node:child_process";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import Papa from "papaparse";
import {describe, expect, it} from "vitest";
import {runBizenv} from "../support/cli.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(join(tmpdir(), "bizenv-methodology-"));
const file = (name: string, content: unknown) => {
  writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content, null, 1));
  return join(dir, name);
};

/** `bizenv …` in this process (test/support/cli.ts); the EPIPE and --help tests spawn the real command. */
const bizenv = (...args: string[]) => runBizenv(args);

/** `node bin/bizenv.js …` as users run it. */
async function spawnBizenv(...args: string[]) {
  try {
    const {stdout, stderr} = await promisify(execFile)("node", ["bin/bizenv.js", ...args], {cwd: root});
    return {code: 0, stdout, stderr};
  } catch (error) {
    const e = error as {code: number; stdout: string; stderr: string};
    return {code: e.code, stdout: e.stdout, stderr: e.stderr};
  }
}

const measures = [
  {
    id: "start_days",
    unit: "working_day",
    direction: "lower_is_better",
    normalise: {method: "frontier", best: 1, worst: 21}
  },
  {id: "start_cost", unit: "yuan", direction: "lower_is_better", normalise: {method: "frontier", best: 0, worst: 1000}},
  {id: "online_rate", unit: "percent", direction: "higher_is_better", normalise: {method: "target", target: 90}}
];
// The total needs every child (minCoverage 1), and starting_business needs both of its measures.
const nodes = [
  {id: "total", minCoverage: 1, children: [{id: "starting_business"}, {id: "online_rate", weight: 2}]},
  {id: "starting_business", level: "topic", minCoverage: 1, children: [{id: "start_days"}, {id: "start_cost"}]}
];
const observations = file(
  "obs.csv",
  "region,period,measure,value\n620825,2023,start_days,6\n620825,2023,start_cost,100\n620825,2023,online_rate,45\n" +
    "620826,2023,start_days,11\n620826,2023,start_cost,300\n620826,2023,online_rate,90\n"
);

describe("bizenv methodology", () => {
  it("lists every problem of a broken file with its JSON path in one run, and exits 1", async () => {
    const broken = file("broken.json", {
      id: "broken",
      measures: [{...measures[0], unit: "working_days"}, measures[2]],
      nodes: [
        {id: "total", children: [{id: "start_days", wieght: 2}, {id: "online_rate"}]},
        {id: "services", children: []},
        {id: "other_root", children: [{id: "online_rate"}]}
      ]
    });
    const r = await bizenv("methodology", broken);
    expect(r.code).toBe(1);
    const errors = r.stdout.split("\n").filter((line) => line.includes("错误 error:"));
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/measures\[0\]\.unit: .*unknown unit "working_days"; must be one of working_day \|/);
    expect(errors[1]).toMatch(/nodes\[0\]\.children\[0\]\.wieght: .*unknown field/);
    expect(errors[2]).toMatch(/nodes\[1\]\.children: .*must not be empty/);
    expect(errors[3]).toMatch(/nodes: .*exactly one root.*total, services, other_root/);
    expect(r.stdout).toContain(`${broken}: 4 处错误 / 4 error(s)`);
  });

  it("accepts a valid file (exit 0) and warns about a measure no node uses, by name and path", async () => {
    const clean = await bizenv("methodology", file("clean.json", {id: "clean", measures, nodes}));
    expect(clean.code).toBe(0);
    expect(clean.stdout).not.toContain("warning:");
    // The root has no `level`: its default, total, is listed with the others.
    expect(clean.stdout).toContain("0 errors, 0 warning(s); 3 measures, 2 nodes (levels: total, topic), root total");
    const spare = {id: "spare", unit: "count", direction: "higher_is_better", normalise: {method: "expert", max: 10}};
    const unused = file("unused.json", {id: "unused", measures: [...measures, spare], nodes});
    const r = await bizenv("methodology", unused);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/警告 warning: measures\[3\]: spare .*used by no node/);
    expect(r.stdout).toContain("0 errors, 1 warning(s); 4 measures");
  });

  it("says which region, node chain and measure leave a total empty, in methodology and in score", async () => {
    const m = file("why.json", {id: "why", measures, nodes});
    const gap = file("gap.csv", readFileSync(observations, "utf8").replace("620826,2023,start_cost,300\n", ""));
    const reason = /620826 2023: total → starting_business .*no value for start_cost/;
    const checked = await bizenv("methodology", m, "--observations", gap);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(reason);
    expect(checked.stdout).not.toMatch(/620825 2023: total/);
    expect(checked.stdout).toContain("totals that cannot be computed: 1");
    const scored = await bizenv("score", "--methodology", m, "--observations", gap);
    expect(scored.code).toBe(0);
    expect(scored.stderr).toMatch(reason);
    expect(scored.stdout).toContain("620826,2023,total,,");
    // With every value present nothing is said.
    const full = await bizenv("methodology", m, "--observations", observations);
    expect(full.stdout).toContain("totals that cannot be computed: 0");
  });

  it("stops quietly when its reader goes away (`| head -1` on 161 warnings), without an EPIPE crash", async () => {
    const script =
      "node bin/bizenv.js methodology data/methodologies/ndrc-regrouping.json | head -1; echo ${PIPESTATUS[0]}";
    const {stdout, stderr} = await promisify(execFile)("bash", ["-c", script], {cwd: root});
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^data\/methodologies\/ndrc-regrouping\.json: 警告 warning: .*\n0\n$/);
  });

  it("prints its usage with --help (exit 0) and asks for one FILE otherwise (exit 2)", async () => {
    const help = await spawnBizenv("methodology", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法 Usage: bizenv methodology FILE/);
    const none = await spawnBizenv("methodology");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/one methodology FILE is required[\s\S]*Usage: bizenv methodology/);
  });
});

describe("measuresFrom", () => {
  it("scores a short file of nodes exactly like the same file with the measures copied in", async () => {
    file("base.json", {id: "base", measures, nodes});
    const short = file("regroup.json", {
      id: "regroup",
      measuresFrom: "base.json",
      nodes: [{id: "total", children: [{id: "start_days"}, {id: "online_rate"}, {id: "start_cost"}]}]
    });
    const copied = file("copied.json", {
      id: "copied",
      measures,
      nodes: [JSON.parse(readFileSync(short, "utf8")).nodes[0]]
    });
    const a = await bizenv("score", "--methodology", short, "--observations", observations);
    const b = await bizenv("score", "--methodology", copied, "--observations", observations);
    expect(a.code).toBe(0);
    expect(a.stdout.split("\n").filter(Boolean)).toHaveLength(3);
    expect(a.stdout).toBe(b.stdout);
  });

  it("gives paths as they are in the files: own measures from 0, imported ones in the other file", async () => {
    file("base.json", {id: "base", measures, nodes});
    const own = file("own.json", {
      id: "own",
      measuresFrom: "base.json",
      measures: [{...measures[0], id: "own_days", unit: "working_days"}],
      nodes: [{id: "total", children: [{id: "own_days"}, {id: "start_cost"}]}]
    });
    const broken = await bizenv("methodology", own);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`${own}: 错误 error: measures[0].unit:`);
    const fixed = file("fixed.json", {
      ...JSON.parse(readFileSync(own, "utf8")),
      measures: [{...measures[0], id: "own_days"}]
    });
    const r = await bizenv("methodology", fixed);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning: base\.json: measures\[0\]: start_days .*used by no node/);
    expect(r.stdout).toMatch(/warning: base\.json: measures\[2\]: online_rate .*used by no node/);
  });

  it("names the files of a cycle (a.json ↔ b.json) and a file that does not exist", async () => {
    const tree = [{id: "t", children: [{id: "start_days"}]}];
    const a = file("a.json", {id: "a", measuresFrom: "b.json", nodes: tree});
    file("b.json", {id: "b", measuresFrom: "a.json", nodes: tree});
    const cycle = await bizenv("methodology", a);
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toMatch(/measuresFrom.*files import each other: .*a\.json → .*b\.json → .*a\.json/);
    const lost = await bizenv("methodology", file("lost.json", {id: "l", measuresFrom: "nowhere.json", nodes: tree}));
    expect(lost.code).toBe(1);
    // Both the file that refers and the file that is missing.
    expect(lost.stderr).toMatch(/lost\.json: \$\.measuresFrom: .*no such file nowhere\.json/);
  });

  it("checks the NDRC regrouping (0 errors; unplaced Zhuanglang measures are warned about) and scores it", async () => {
    const ndrc = "data/methodologies/ndrc-regrouping.json";
    const checked = await bizenv("methodology", ndrc);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("0 errors");
    expect(checked.stdout).toMatch(
      /warning: zhuanglang-2023\.json: measures\[\d+\]: deregistration_simplified .*used by no node/
    );
    expect(checked.stdout).not.toMatch(/warning: .*measures\[\d+\]: startup_days /);
    // The walkthrough quotes this summary line; it must stay what the command prints.
    const summary = checked.stdout.trim().split("\n").at(-1)!;
    const doc = readFileSync(resolve(root, "docs/writing-a-methodology.md"), "utf8");
    expect(doc).toContain(summary);
    // The walkthrough's broken copy (§ 6): the errors it quotes are the ones the command prints.
    const text = readFileSync(resolve(root, ndrc), "utf8")
      .replace(
        '"measuresFrom": "zhuanglang-2023.json"',
        `"measuresFrom": ${JSON.stringify(resolve(root, "data/methodologies/zhuanglang-2023.json"))}`
      )
      .replace(
        '"unit": "percent", "direction": "lower_is_better",\n     "derive"',
        '"unit": "percentage", "direction": "lower_is_better",\n     "derive"'
      )
      .replace('{"id": "startup_days", "weight": 0.5}', '{"id": "startup_days", "wieght": 0.5}')
      .replace(
        '"nodes": [\n',
        '"nodes": [\n{"id": "market_regulation", "name": {"zh": "市场监管", "en": "Market regulation"}, "children": []},\n'
      );
    const broken = file("my-broken.json", text);
    const errors = await bizenv("methodology", broken);
    expect(errors.code).toBe(1);
    const lines = errors.stdout.trim().split("\n");
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(doc).toContain(line.replace(broken, "data/methodologies/my-broken.json"));
    // Two counties of the illustrative Gansu data, one period: enough to score every group.
    const rows = readFileSync(resolve(root, "data/observations/illustrative-gansu.csv"), "utf8")
      .split("\n")
      .filter((line, i) => i === 0 || /^62082[56],2023,/.test(line));
    const obs = file("gansu-two.csv", `${rows.join("\n")}\n`);
    const r = await bizenv("score", "--methodology", ndrc, "--observations", obs);
    expect(r.code).toBe(0);
    type Row = {region: string; node: string; score: string};
    const scores = Papa.parse<Row>(r.stdout, {header: true, skipEmptyLines: true}).data;
    const groups = JSON.parse(readFileSync(resolve(root, ndrc), "utf8")).nodes[0].children.map(
      (e: {id: string}) => e.id
    );
    expect(groups.length).toBeGreaterThanOrEqual(10);
    const scored = scores.filter((x) => x.score !== "");
    for (const region of ["620825", "620826"])
      expect(scored.filter((x) => x.region === region).map((x) => x.node)).toEqual(
        expect.arrayContaining(["total", ...groups])
      );
  });
});
