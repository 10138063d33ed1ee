// Regions from a file (loaders/regions-file.ts): the World Bank preset's economies named by the i18n-iso-countries
// package, its peer groups, and a bad file answered with the file and its JSON path or line and column.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {countryNames, readRegionsJson} from "../../loaders/regions-file.js";
import {parseSiteConfig, readSiteConfig} from "../../loaders/site-config.js";
import {leavesOf, spreadToSubunits} from "../../src/engine/regions/rollup.js";
import {peerGroupLabel} from "../../src/components/format.js";

const dir = mkdtempSync(join(tmpdir(), "bizenv-regions-file-"));
/** Writes files into a temporary folder; returns the path of the first. */
function files(entries: Record<string, string>): string {
  for (const [name, text] of Object.entries(entries)) writeFileSync(join(dir, name), text);
  return join(dir, Object.keys(entries)[0]);
}
const group = (extra: Record<string, unknown> = {}) => ({id: "all", name: {zh: "全部", en: "All"}, ...extra});
const regionsJson = (o: Record<string, unknown>) =>
  JSON.stringify({
    units: join(dir, "units.csv"),
    focus: "CHIN",
    peerGroups: [group({members: join(dir, "m.csv")})],
    ...o
  });

describe("regions from a file", () => {
  it("reads the World Bank preset: 191 economies and 22 cities named by the package, 190 ranked, regions and income groups", async () => {
    const world = await readRegionsJson("data/regions/world.json");
    expect(world.regions).toHaveLength(213);
    expect(world.subunits).toHaveLength(22);
    expect(world.focus).toBe("CHIN");
    const byCode = new Map(world.regions.map((r) => [r.code, r]));
    expect(byCode.get("CHIN")).toMatchObject({name: countryNames("CHN")!.zh, nameEn: countryNames("CHN")!.en});
    expect(byCode.get("KSV")?.nameEn).toBe(countryNames("XKK")!.en);
    expect(byCode.get("CHN_Beij")).toMatchObject({name: "北京", nameEn: "Beijing", parent: "CHIN", level: "city"});
    const groups = new Map(world.peerGroups.map((g) => [g.id, g]));
    expect(groups.get("ranked")!.members).toHaveLength(190);
    expect(groups.get("ranked")!.members).not.toContain("LIE");
    expect([...groups.keys()]).toEqual([
      "ranked",
      "eas",
      "ecs",
      "lcn",
      "mea",
      "nac",
      "sas",
      "ssf",
      "hic",
      "umc",
      "lmc",
      "lic"
    ]);
    expect(groups.get("eas")!.members).toContain("CHIN");
    expect(groups.get("nac")!.members).toEqual(["CAN", "US"]);
    // Every ranked economy is in exactly one World Bank region.
    const regions = ["eas", "ecs", "lcn", "mea", "nac", "sas", "ssf"].flatMap((id) => groups.get(id)!.members);
    expect(regions.sort()).toEqual(groups.get("ranked")!.members);
    // DB2020's FY2020 income groups: China upper middle income, Zimbabwe unclassified (in none of the four).
    expect(groups.get("umc")!.members).toContain("CHIN");
    const incomes = ["hic", "umc", "lmc", "lic"].flatMap((id) => groups.get(id)!.members);
    expect(incomes).not.toContain("ZWE");
    expect(incomes).toHaveLength(189);
    // Groups count their members as economies: "All ranked economies (190 economies)", "（190 个经济体）".
    expect(peerGroupLabel("en", groups.get("ranked")!)).toBe("All ranked economies (190 economies)");
    expect(peerGroupLabel("zh", groups.get("eas")!)).toMatch(/^东亚与太平洋（\d+ 个经济体）$/);
  });

  it("the World Bank site configuration names it; a missing or unknown regions source is named with its JSON path", async () => {
    const config = await readSiteConfig("data/site-world.json", {});
    expect(config).toMatchObject({regions: "data/regions/world.json", catalogue: null});
    const site = (regions: string) => ({
      methodology: "data/methodologies/db2020-all.json",
      observations: "data",
      regions
    });
    expect(() => parseSiteConfig(site("data/regions/nowhere.json"), "s.json")).toThrow(
      "s.json: $.regions: 找不到 data/regions/nowhere.json / no such file or folder data/regions/nowhere.json"
    );
    expect(() => parseSiteConfig(site("gadm"), "s.json")).toThrow(
      /\$\.regions: 未知地区来源 "gadm" .*or a regions file/
    );
  });

  it("names an unknown ISO code with its file, line and column, in Chinese and English", async () => {
    files({"units.csv": "region,iso3,parent,weight\nCHIN,CHN,,\nXX,ZZZ,,\n", "m.csv": "region\nCHIN\n"});
    const file = files({"r.json": regionsJson({})});
    await expect(readRegionsJson(file)).rejects.toThrow(
      `${join(dir, "units.csv")}:3:2: i18n-iso-countries 中没有 ISO 3166 代码 «ZZZ» / no ISO 3166 code «ZZZ» in i18n-iso-countries`
    );
  });

  it("a sub-unit without a weight, or a member the units file lacks, is located by line and column", async () => {
    files({"units.csv": "region,iso3,parent,weight,name_zh,name_en\nCHIN,CHN,,,,\nSH,,CHIN,,上海,Shanghai\n"});
    await expect(readRegionsJson(files({"r.json": regionsJson({})}))).rejects.toThrow(/units\.csv:3:4: .*weight ≥ 0/);
    files({"units.csv": "region,iso3\nCHIN,CHN\n", "m.csv": "region\nCHIN\nMARS\n"});
    await expect(readRegionsJson(files({"r.json": regionsJson({})}))).rejects.toThrow(
      /m\.csv:3:1: 地区 MARS 不在 .*units\.csv 中 \/ region MARS is not in .*units\.csv/
    );
  });

  it("reports every JSON problem at once with its path", async () => {
    files({"units.csv": "region,iso3\nCHIN,CHN\n"});
    const file = files({
      "r.json": JSON.stringify({units: join(dir, "units.csv"), focus: "CHIN", peerGroups: [], colour: 1})
    });
    const error = await readRegionsJson(file).catch((e: Error) => e.message);
    expect(error).toContain(`${file}: $.colour: 未知字段 / unknown field`);
    expect(error).toContain(`${file}: $.peerGroups: 必须是非空数组 / must be a non-empty array`);
    const bad = files({
      "r.json": regionsJson({focus: "MARS", peerGroups: [group({where: {region_code: "EAS"}}), group({name: "x"})]})
    });
    const message = await readRegionsJson(bad).catch((e: Error) => e.message);
    expect(message).toContain("$.focus: 地区 MARS 不在");
    expect(message).toContain("$.peerGroups[0].where: 需要 $.classification 文件 / needs a $.classification file");
    expect(message).toContain('$.peerGroups[1].name: 需要 {"zh": …, "en": …}');
    const noun = files({"r.json": regionsJson({noun: {zh: "经济体"}})});
    expect(await readRegionsJson(noun).catch((e: Error) => e.message)).toContain(
      '$.noun: 需要 {"zh": …, "en": …}（非空字符串） / needs {"zh": …, "en": …} (non-empty strings)'
    );
  });

  it("a what-if on a parent is set in each of its sub-units; one given for a sub-unit itself wins", () => {
    const leaves = leavesOf([
      {region: "SH", parent: "CHIN", weight: 0.55},
      {region: "BJ", parent: "CHIN", weight: 0.45}
    ]);
    const spread = spreadToSubunits(
      {
        values: [
          {region: "CHIN", measure: "days", value: 1},
          {region: "BJ", measure: "days", value: 3},
          {region: "USA", measure: "days", value: 2}
        ]
      },
      leaves
    );
    expect(spread?.values).toEqual([
      {region: "SH", measure: "days", value: 1},
      {region: "BJ", measure: "days", value: 3},
      {region: "USA", measure: "days", value: 2}
    ]);
  });
});
