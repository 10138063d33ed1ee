/**
 * The build's gate on observations: the Framework loader that publishes everything built from observations
 * (src/data/site.zip.ts: observations.arrow, which the simulator loads, and report.json) fails on any rejected row
 * with file:line:column and a bilingual reason; BIZENV_LENIENT=1 publishes the accepted rows and reports the
 * rejection. Rows read = accepted + rejected is printed either way.
 */
import {spawnSync} from "node:child_process";
import {copyFileSync, mkdtempSync, appendFileSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import JSZip from "jszip";
import {beforeAll, describe, expect, it} from "vitest";

const BUNDLED = "data/observations/illustrative-gansu.csv";

function runLoader(dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/data/site.zip.ts"], {
    env: {...process.env, BIZENV_OBSERVATIONS_DIR: dir, ...env},
    maxBuffer: 64 * 1024 * 1024
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8")};
}

// The lenient run builds the whole report (about 40 s alone on a 2-core machine, more when other suites share it).
describe("observation gate of the build", () => {
  let dir: string;
  let badFile: string;
  let lines: number;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bizenv-gate-"));
    badFile = join(dir, "illustrative-gansu.csv");
    copyFileSync(BUNDLED, badFile);
    lines = readFileSync(badFile, "utf8").trimEnd().split("\n").length;
    // A plausible typing error: a start-up time of minus two days for 庄浪县 in a period not yet in the file.
    appendFileSync(badFile, "620825,2024,startup_days,-2,illustrative:seed=2023,\n");
  });

  it("stops on a rejected row, naming file, line, column and the reason in Chinese and English", () => {
    const {status, stderr} = runLoader(dir);
    expect(status).not.toBe(0);
    const located = new RegExp(`${badFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${lines + 1}:\\d+:`);
    expect(stderr).toMatch(located);
    expect(stderr).toMatch(/BIZENV_LENIENT=1/);
    expect(stderr).toMatch(new RegExp(`read ${lines} = accepted ${lines - 1} \\+ rejected 1`));
  });

  it("publishes the accepted rows with BIZENV_LENIENT=1 and still accounts for the rejected one", async () => {
    const {status, stdout, stderr} = runLoader(dir, {BIZENV_LENIENT: "1"});
    expect(status).toBe(0);
    expect(stderr).toMatch(new RegExp(`read ${lines} = accepted ${lines - 1} \\+ rejected 1`));
    const zip = await JSZip.loadAsync(stdout);
    const published = tableFromIPC(await zip.file("observations.arrow")!.async("uint8array")).toArray();
    expect(published.length).toBe(lines - 1);
    expect(published.some((row) => row.period === "2024")).toBe(false);
    const report = JSON.parse(await zip.file("report.json")!.async("string")) as {rejections: {line: number}[]};
    expect([...new Set(report.rejections.map((r) => r.line))]).toEqual([lines + 1]);
  }, 300_000); // the whole build loader: about 70 s alone for 263 measures, slower beside the other test files
});
