// A misspelt measure column in a wide file (issue 15) is listed, with the file, by every reader: `bizenv validate`,
// `bizenv score` and the build's observation loader (loaders/observations.ts); its values are not read.
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadObservations} from "../../loaders/observations.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bizenv = (...args: string[]) => spawnSync("node", ["bin/bizenv.js", ...args], {cwd: root, encoding: "utf8"});
const SMALL = "test/fixtures/methodology-small.json";
const LISTED = "ignored columns / 未读取的列: start_dayz";

describe("an unknown measure column", () => {
  const dir = mkdtempSync(join(tmpdir(), "bizenv-unknown-column-"));
  const file = join(dir, "wide.csv");
  writeFileSync(file, "region,period,start_days,start_dayz\n620825,2023,3,4\n620826,2023,5,6\n");

  it("is listed by validate, naming the file", () => {
    const r = bizenv("validate", "--methodology", SMALL, file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${file}: read 2 = accepted 2 + rejected 0`);
    expect(r.stdout).toContain(LISTED);
  });

  it("is listed by score, naming the file, and its values are not scored", () => {
    const r = bizenv("score", "--methodology", SMALL, "--observations", file);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${file}: read 2 = accepted 2 + rejected 0`);
    expect(r.stderr).toContain(LISTED);
    expect(r.stdout.split("\n")[0]).toBe("region,period,node,score,rank");
  });

  it("is listed by the build's observation loader, naming the file", async () => {
    const buildDir = mkdtempSync(join(tmpdir(), "bizenv-unknown-column-build-"));
    writeFileSync(
      join(buildDir, "wide.csv"),
      "region,period,org_task_force_lead,org_task_force_leed\n620825,2023,1,0\n"
    );
    const log: string[] = [];
    const loaded = await loadObservations({dir: buildDir, lenient: false, log: (line) => log.push(line)});
    expect(loaded.observations).toHaveLength(1);
    expect(log.join("\n")).toContain(`${join(buildDir, "wide.csv")}: read 1 = accepted 1 + rejected 0`);
    expect(log.join("\n")).toContain("ignored columns / 未读取的列: org_task_force_leed");
  });
});
