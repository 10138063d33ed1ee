// A build that fails (here on a rejected observation row) says why without a stack trace and leaves the previous
// dist/ untouched (issue 15): `npm run build` builds into a staging folder and replaces dist/ only on success.
import {spawnSync} from "node:child_process";
import {appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

describe("a failed build", () => {
  it("keeps the previous dist/, names the rejected row and prints no stack trace", () => {
    const work = mkdtempSync(join(tmpdir(), "bizenv-failed-build-"));
    const observations = join(work, "observations");
    mkdirSync(observations);
    const bad = join(observations, "illustrative-gansu.csv");
    copyFileSync("data/observations/illustrative-gansu.csv", bad);
    appendFileSync(bad, "620825,2023,startup_days,-2,typed by hand,\n");
    const dist = join(work, "dist");
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), "the previous build");

    const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/build-site.ts"], {
      env: {...process.env, BIZENV_OBSERVATIONS_DIR: observations, BIZENV_DIST: dist},
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024
    });
    expect(r.status).toBe(1);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("the previous build");
    expect(existsSync(`${dist}.next`)).toBe(false);
    expect(r.stderr).toMatch(/illustrative-gansu\.csv:\d+:4: \[D value\] 单位「工作日」不能为负数/);
    expect(r.stderr).toContain(`${dist}/ keeps the previous build`);
    expect(r.stderr).not.toMatch(/\n\s+at |Tip: To see the full stack trace|file an issue/);
  });
});
