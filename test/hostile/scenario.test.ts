// What-if scenarios obey the rules observations obey (issue 15): units and ranges, known regions, periods and
// measures; every problem named with its JSON path, in the CLI as in the one check the page will use.
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {parseMethodology} from "../../src/engine/methodology/methodology.js";
import {scenarioIssues} from "../../src/engine/methodology/scenario.js";
import smallJson from "../fixtures/methodology-small.json" with {type: "json"};

const m = parseMethodology(smallJson);
const scope = {regions: new Set(["620825", "620826"]), periods: new Set(["2022", "2023"])};
const issues = (scenario: unknown) => scenarioIssues(m, scenario, scope).map((i) => `${i.path}: ${i.message}`);

describe("scenario values", () => {
  it("are refused outside their unit's range, with the measure named", () => {
    const found = issues({
      values: [
        {region: "620825", measure: "start_days", value: -3},
        {region: "620825", measure: "online_rate", value: 250},
        {region: "620825", measure: "service_items", value: -5},
        {region: "620825", measure: "start_days", value: 0.5}
      ]
    });
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^values\[0\]\.value: start_days = -3 超出单位「工作日」.*out of range for working days/);
    expect(found[1]).toMatch(/^values\[1\]\.value: online_rate = 250 .*out of range for percent \(0–100\)/);
    expect(found[2]).toMatch(/^values\[2\]\.value: service_items = -5 /);
  });

  it("may only name regions, periods and observed measures of the data", () => {
    const found = issues({
      values: [
        {region: "620899", measure: "start_days", value: 1},
        {region: "620825", period: "2019", measure: "start_days", value: 1},
        {region: "620825", measure: "startdays", value: 1}
      ]
    });
    expect(found).toEqual([
      expect.stringMatching(/^values\[0\]\.region: .*region 620899 is not in the data/),
      expect.stringMatching(/^values\[1\]\.period: .*period 2019 is not in the data/),
      expect.stringMatching(/^values\[2\]\.measure: .*startdays is not an observed measure/)
    ]);
  });

  it("refuses targets outside their unit and weights of unknown ids", () => {
    const found = issues({targets: {start_days: -100}, weights: {nothing: 1, constructor: 2}});
    expect(found).toEqual([
      expect.stringMatching(/^weights\.nothing: .*unknown measure or node nothing/),
      expect.stringMatching(/^weights\.constructor: .*unknown measure or node constructor/),
      expect.stringMatching(/^targets\.start_days: .*-100 is out of range for working days/)
    ]);
  });
});

describe("bizenv score --scenario", () => {
  it("prints every problem of the scenario file with its path and exits 1, scoring nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "bizenv-scenario-"));
    const file = join(dir, "what-if.json");
    writeFileSync(
      file,
      JSON.stringify({values: [{region: "620825", measure: "start_days", value: -3}], targets: {start_cost: -1}})
    );
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const args = [
      "--methodology",
      "test/fixtures/methodology-small.json",
      "--observations",
      "test/fixtures/good/long-utf8.csv"
    ];
    const r = spawnSync("node", ["bin/bizenv.js", "score", ...args, "--scenario", file], {cwd: root, encoding: "utf8"});
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${file}: 情景有 2 处错误 / the scenario has 2 error(s)`);
    expect(r.stderr).toContain("values[0].value: start_days = -3");
    expect(r.stderr).toContain("targets.start_cost:");
  });
});
