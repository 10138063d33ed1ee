import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const validate = (...args: string[]) => {
  const r = spawnSync("node", ["bin/bizenv.js", "validate", ...args], {cwd: root, encoding: "utf8"});
  return {code: r.status, out: r.stdout, err: r.stderr};
};
const M = ["--methodology", "test/fixtures/methodology-small.json"];

describe("npx bizenv validate", () => {
  it("passes good files (UTF-8 and GB18030) against all of China's regions with exit 0", () => {
    const r = validate(...M, "test/fixtures/good/wps-export.gb18030.csv", "test/fixtures/good/long-utf8.csv");
    expect(r.code).toBe(0);
    expect(r.out).toContain("test/fixtures/good/wps-export.gb18030.csv: read 6 = accepted 6 + rejected 0");
    expect(r.out).toContain("test/fixtures/good/long-utf8.csv: read 4 = accepted 4 + rejected 0");
  });

  it("prints each rejection with file:line:column and exits 1", () => {
    const r = validate(...M, "test/fixtures/bad/unknown-region.csv", "test/fixtures/good/long-utf8.csv");
    expect(r.code).toBe(1);
    expect(r.out).toContain("test/fixtures/bad/unknown-region.csv:3:1: [A region] 未知的地区代码");
    expect(r.out).toContain("unknown region code");
    expect(r.out).toContain("«620899»");
    expect(r.out).toContain("test/fixtures/bad/unknown-region.csv: read 2 = accepted 1 + rejected 1");
  });

  it("takes the allowed periods from --periods", () => {
    const r = validate(...M, "--periods", "2022,2023H1,2023,2023H2", "test/fixtures/bad/gb18030-unknown-period.csv");
    expect(r.code).toBe(0);
  });

  it("accepts next year's periods with no option, and rejects a date typed as a period with its line and column", () => {
    const dir = mkdtempSync(join(tmpdir(), "bizenv-2024-"));
    const file = join(dir, "2024.csv");
    writeFileSync(file, "地区代码,期间,指标,数值\n620825,2024,start_days,3\n620825,2024上半年,start_days,4\n");
    const r = validate(...M, file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${file}: read 2 = accepted 2 + rejected 0`);
    writeFileSync(file, "地区代码,期间,指标,数值\n620825,2024,start_days,3\n620825,2024/6/30,start_days,4\n");
    const bad = validate(...M, file);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`${file}:3:2: [B 期间] 期间格式不对`);
    expect(validate(...M, "--periods", "2023/6/30", file)).toMatchObject({code: 2});
  });

  it("explains a missing methodology or file and exits 2", () => {
    expect(validate("--methodology", "nope.json", "test/fixtures/good/long-utf8.csv")).toMatchObject({code: 2});
    const missing = validate(...M, "no-such-file.csv");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("file not found: no-such-file.csv");
    expect(validate(...M).err).toContain("no files to check");
  });
});
