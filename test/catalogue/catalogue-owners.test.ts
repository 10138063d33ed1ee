// Owners the plan names outside section 二: section 三 (工作要求) gives 县政务服务中心 the service guides and
// 县大数据中心 the technical support; indicators section 二 leaves without a 责任单位 take them where their own words
// are about that task (docs/catalogue.md, "Owners from section 三").
import {existsSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {accountableUnits, parseCatalogue, type Catalogue} from "../../src/engine/catalogue/catalogue.js";

const SEED = fileURLToPath(new URL("../../../shared/seed/000_d1d04bd8f3742d72.txt", import.meta.url));

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await readCatalogue();
});

const ids = (pred: (i: Catalogue["indicators"][number]) => boolean) =>
  catalogue.indicators.filter(pred).map((i) => i.id);

describe("data/catalogue: owners from section 三", () => {
  it("attaches 政务服务中心 to the service-guide indicators and 大数据中心 to the platform and app indicators", () => {
    const owned = (unit: string) => ids((i) => i.owner?.units.includes(unit) ?? false);
    expect(owned("gov_service_center")).toEqual([47, 48, 49, 50, 54, 55, 56, 59, 60, 71]);
    expect(owned("big_data_center")).toEqual([17, 18, 19, 20, 21, 22, 59]);
    for (const i of catalogue.indicators.filter((x) => x.owner)) {
      expect(i.owner!.source, `${i.id}`).toBe("section 三");
      expect(i.leadUnits, `${i.id}`).toEqual([]);
      expect(i.provenance, `${i.id}`).toMatch(/; lead: none$/);
    }
  });

  it("leaves the indicators the plan gives no owner at all without one", () => {
    expect(ids((i) => accountableUnits(i).length === 0)).toEqual([51, 52, 53, 57, 58, 61, 62, 116, 117, 118, 119, 120]);
  });

  it("answers for an indicator with its own lead units first", () => {
    const of = (id: number) => accountableUnits(catalogue.indicators.find((i) => i.id === id)!);
    expect(of(67)).toEqual(["gov_service_center"]);
    expect(of(47)).toEqual(["gov_service_center"]);
    expect(of(59)).toEqual(["big_data_center", "gov_service_center"]);
  });
});

describe.skipIf(!existsSync(SEED))("data/catalogue: owner quotes against the plan's section 三", () => {
  it("quotes section 三 verbatim and names each owner in the quote", () => {
    const plan = readFileSync(SEED, "utf8");
    const section = plan.slice(plan.indexOf("三、工作要求"));
    expect(section.length).toBeGreaterThan(100);
    for (const i of catalogue.indicators.filter((x) => x.owner)) {
      expect(section.includes(i.owner!.quoteZh), `${i.id}: ${i.owner!.quoteZh}`).toBe(true);
      for (const id of i.owner!.units) {
        const unit = catalogue.units.find((u) => u.id === id)!;
        const named = [unit.nameZh, ...unit.aliasesZh].some((n) => i.owner!.quoteZh.includes(n));
        expect(named, `${i.id}: ${unit.nameZh} in "${i.owner!.quoteZh}"`).toBe(true);
      }
    }
  });
});

describe("parseCatalogue: owner columns", () => {
  const base = {
    categories: "id,name_zh,name_en,indicator_from,indicator_to\n1,基础保障度,Basic safeguards,1,2\n",
    units: "id,name_zh,name_en,kind\nbig_data_center,大数据中心,County Big Data Center,center\n",
    targets: "id,indicator_id,measure,comparator,value,unit,quote_zh,note\n"
  };
  const header = "id,category_id,name_zh,name_en,group,assessment_zh,measures_zh,lead_units,provenance,";
  const parse = (second: string) =>
    parseCatalogue({
      categories: {name: "categories.csv", text: base.categories},
      units: {name: "units.csv", text: base.units},
      targets: {name: "targets.csv", text: base.targets},
      indicators: {
        name: "indicators.csv",
        text:
          `${header}owner_units,owner_source,owner_quote_zh\n` +
          "1,1,搜索功能,Search,,,,big_data_center,stated,,,\n" +
          `2,1,统一互动,Interaction,,,,${second}\n`
      }
    });

  it("reads an owner for a row without lead units", () => {
    const catalogue = parse(",stated; lead: none,big_data_center,section 三,县大数据中心要积极沟通协调");
    expect(catalogue.indicators[1].owner).toEqual({
      units: ["big_data_center"],
      source: "section 三",
      quoteZh: "县大数据中心要积极沟通协调"
    });
    expect(catalogue.indicators[0].owner).toBeNull();
  });

  it("rejects an owner on a row that has lead units, an unknown source and a missing quote", () => {
    expect(() => parse("big_data_center,stated,big_data_center,section 三,县大数据中心")).toThrow(
      "indicators.csv:3: 已有责任单位的指标不应再填 owner_units"
    );
    expect(() => parse(",stated; lead: none,big_data_center,guess,县大数据中心")).toThrow(
      'indicators.csv:3: 未知的 owner_source "guess"'
    );
    expect(() => parse(",stated; lead: none,big_data_center,section 三,")).toThrow(
      "indicators.csv:3: owner_units、owner_source 和 owner_quote_zh 须同时填写"
    );
    expect(() => parse(",stated; lead: none,court,section 三,法院")).toThrow("indicators.csv:3: 未知的责任单位 court");
  });
});
