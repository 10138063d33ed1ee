// Scale (issue 15): `bizenv score` used to overflow the stack on files over about 120,000 rows. A 160,000-row file
// (40,000 regions × 4 measures) is read in chunks and scored, with the row accounting printed and one score line per
// region and node. Peak memory for 50 MB and 300 MB files is measured, not tested: docs/performance.md.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const REGIONS = 40000;

describe("a file of 160,000 rows", () => {
  it("is scored by bizenv score, every row accounted for", () => {
    const dir = mkdtempSync(join(tmpdir(), "bizenv-scale-"));
    const file = join(dir, "large.csv");
    const out = join(dir, "scores.csv");
    const rows = ["region,period,measure,value"];
    for (let r = 0; r < REGIONS; r++) {
      const region = `R${String(r).padStart(5, "0")}`;
      rows.push(
        `${region},2023,start_days,${1 + (r % 9)}`,
        `${region},2023,start_cost,${r % 1000}`,
        `${region},2023,online_rate,${r % 101}`,
        `${region},2023,service_items,${r % 1500}`
      );
    }
    writeFileSync(file, `${rows.join("\n")}\n`);
    const args = ["score", "--methodology", "test/fixtures/methodology-small.json", "--observations", file];
    const r = spawnSync("node", ["bin/bizenv.js", ...args, "--out", out], {cwd: root, encoding: "utf8"});
    expect(r.stderr).not.toMatch(/Maximum call stack|\n\s+at /);
    expect(r.stderr).toContain(`${file}: read 160000 = accepted 160000 + rejected 0`);
    expect(r.status).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("region,period,node,score,rank");
    expect(lines).toHaveLength(1 + REGIONS);
    expect(lines[1]).toMatch(/^R00000,2023,total,\d+\.\d{6},\d+$/);
  });
});
