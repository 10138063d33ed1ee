// Regions and catalogue files (issue 15): a BOM and any line ends are fine; every fault names the file, the physical
// line and column (or line), and the reason in Chinese and English; no stack trace, no bare ENOENT.
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {readRegionsFile} from "../../loaders/regions.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const REGIONS = "test/fixtures/regions";
const at = (name: string) => join(root, REGIONS, name);
const failure = (name: string) =>
  readRegionsFile(at(name)).then(
    () => "",
    (e: Error) => e.message
  );

describe("regions files", () => {
  it("reads a BOM, CRLF, a lone CR and a blank line", async () => {
    const {regions, subunits} = await readRegionsFile(at("bom-crlf-blank-line.csv"));
    expect(regions).toEqual(["6208", "620825", "620826", "620821"]);
    expect(subunits).toEqual([
      {region: "620825", parent: "6208", weight: 1},
      {region: "620826", parent: "6208", weight: 3}
    ]);
  });

  it("counts physical lines: a bad weight after a blank line is on line 4", async () => {
    expect(await failure("bad-weight-after-blank.csv")).toBe(
      `${at("bad-weight-after-blank.csv")}:4:3: 有上级的地区需要权重 ≥ 0（实为 «heavy»） / a region with a parent needs a weight ≥ 0 (got «heavy»)`
    );
  });

  it("locates a repeated region, a NUL and a missing region column", async () => {
    expect(await failure("repeated-region.csv")).toContain(
      ":5:1: 地区重复（第 2 行已有） / repeated region (first on line 2)"
    );
    expect(await failure("nul-in-region.csv")).toContain(":3:1: 含控制字符 U+0000 / control character");
    expect(await failure("no-region-column.csv")).toContain(':1:1: 缺少 region 列 / missing column "region"');
  });

  it("bizenv score says a missing regions file in words, with no stack and no ENOENT", () => {
    const r = spawnSync(
      "node",
      [
        "bin/bizenv.js",
        "score",
        "--methodology",
        "test/fixtures/methodology-small.json",
        "--observations",
        "test/fixtures/good/long-utf8.csv",
        "--regions",
        "no/such/regions.csv"
      ],
      {cwd: root, encoding: "utf8"}
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("no/such/regions.csv: 找不到文件或文件夹 / no such file or folder");
    expect(r.stderr).not.toMatch(/ENOENT|\n\s+at /);
  });
});

describe("catalogue files", () => {
  it("reads catalogue files saved with a BOM, as Windows editors do", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bizenv-catalogue-"));
    cpSync(join(root, "data/catalogue"), dir, {recursive: true});
    for (const name of ["categories.csv", "indicators.csv", "units.csv", "targets.csv"]) {
      writeFileSync(join(dir, name), `\uFEFF${readFileSync(join(dir, name), "utf8")}`);
    }
    const plain = await readCatalogue(join(root, "data/catalogue"));
    expect(await readCatalogue(dir)).toEqual(plain);
  });
});
