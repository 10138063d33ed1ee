import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import type {Catalogue, Indicator} from "../../src/engine/catalogue/catalogue.js";
import {isUnitId, UNITS} from "../../src/engine/methodology/units.js";

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await readCatalogue();
});

const indicator = (id: number): Indicator => catalogue.indicators.find((i) => i.id === id)!;
const unitsOf = (id: number) => indicator(id).leadUnits.map((u) => catalogue.units.find((x) => x.id === u)!.nameZh);

describe("data/catalogue: categories and indicators", () => {
  it("has one row for every indicator 1..123", () => {
    expect(catalogue.indicators.map((i) => i.id)).toEqual(Array.from({length: 123}, (_, i) => i + 1));
  });

  it("has the plan's 13 categories in order, tiling 1..123", () => {
    expect(catalogue.categories.map((c) => c.nameZh)).toEqual([
      "基础保障度",
      "基础支撑度",
      "数据支撑度",
      "服务成效度",
      "办理成熟度",
      "方式完备度",
      "事项覆盖度",
      "指南准确度",
      "优秀创新案例",
      "企业生命周期",
      "企业投资融资",
      "知识产权保护",
      "普惠创新应用"
    ]);
    let next = 1;
    for (const c of catalogue.categories) {
      expect(c.indicatorFrom, c.nameZh).toBe(next);
      next = c.indicatorTo + 1;
    }
    expect(next).toBe(124);
    for (const i of catalogue.indicators) {
      const c = catalogue.categories.find((k) => k.id === i.categoryId)!;
      expect(i.id >= c.indicatorFrom && i.id <= c.indicatorTo, `indicator ${i.id}`).toBe(true);
    }
  });

  it("splits range headings whose names match their numbers one-to-one", () => {
    const names = (from: number, to: number) =>
      catalogue.indicators.filter((i) => i.id >= from && i.id <= to).map((i) => i.nameZh);
    expect(names(78, 82)).toEqual(["开办企业流程", "开办企业时限", "开办企业费用", "开办企业便利度", "注销手续便捷度"]);
    expect(names(35, 38)).toEqual(["好差评渠道建设", "好差评效果", "评价功能", "评价效果"]);
    expect(names(96, 99)).toEqual(["登记财产流程", "登记财产时限", "登记财产便利度", "土地管理质量指数"]);
    expect(names(112, 114)).toEqual(["互联网+政府采购", "政府采购中小企业参与度", "投标和履约担保"]);
    for (const id of [78, 82, 87, 92, 107, 111, 116, 120]) expect(indicator(id).nameSource, `${id}`).toBe("split");
  });

  it("names each id of a group heading after the group and its position", () => {
    expect(indicator(1)).toMatchObject({nameZh: "组织保障和制度保障 (1/4)", group: "1-4", nameSource: "group"});
    expect(indicator(22)).toMatchObject({nameZh: "“甘快办”移动端 (4/4)", group: "19-22", nameSource: "group"});
  });

  it("fills the rows the plan leaves without a heading and says so", () => {
    expect(indicator(45).nameSource).toBe("inferred");
    expect(indicator(45).measuresZh).toContain("即办件率达到80%以上");
    expect(indicator(44).measuresZh).not.toContain("即办件率");
    for (let id = 100; id <= 104; id++) {
      expect(indicator(id)).toMatchObject({nameSource: "inferred", topic: "paying_taxes", leadUnits: ["tax_bureau"]});
      expect(indicator(id).provenance).toMatch(/^inferred: .*纳税/);
    }
  });

  it("has an English name for every indicator and category", () => {
    for (const i of catalogue.indicators) expect(i.nameEn, `${i.id}`).toMatch(/^[\x20-\x7e]+$/);
    for (const c of catalogue.categories) expect(c.nameEn, c.nameZh).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("data/catalogue: lead units", () => {
  it("lists every lead unit the plan names", () => {
    const names = catalogue.units.map((u) => u.nameZh);
    for (const name of [
      "政府办",
      "大数据中心",
      "政务服务中心",
      "工信局",
      "网信中心",
      "发改局",
      "市场监管局",
      "住建局",
      "自然资源局",
      "庄浪供电公司",
      "税务局",
      "法院",
      "县政府金融办",
      "财政局",
      "公共资源交易中心",
      "人社局",
      "教育局",
      "卫健局",
      "民政局",
      "生态环境局"
    ]) {
      expect(names).toContain(name);
    }
  });

  it("refers only to units in units.csv", () => {
    const ids = new Set(catalogue.units.map((u) => u.id));
    for (const i of catalogue.indicators) for (const u of i.leadUnits) expect(ids.has(u), `${i.id}: ${u}`).toBe(true);
  });

  it("applies each 责任单位 line to the run of indicators it closes", () => {
    expect(unitsOf(1)).toEqual(["政府办", "大数据中心"]);
    expect(unitsOf(13)).toEqual(unitsOf(14));
    expect(unitsOf(14)).toEqual(["大数据中心", "政务服务中心", "市场监管局"]);
    expect(indicator(13).leadSource).toBe("next");
    expect(indicator(14).leadSource).toBe("stated");
    expect(unitsOf(9)).toEqual(["大数据中心", "政务服务中心"]);
    expect(unitsOf(67)).toEqual(["政务服务中心"]);
  });

  it("keeps construction-permit indicators with the construction units, not the power company that follows", () => {
    for (const id of [84, 85, 86]) {
      expect(unitsOf(id)).toEqual(["住建局", "自然资源局"]);
      expect(indicator(id).leadSource).toBe("previous");
    }
    expect(unitsOf(87)).toEqual(["庄浪供电公司"]);
  });

  it("leaves indicators without any 责任单位 in their category or topic empty and flagged", () => {
    for (const id of [17, 22, 47, 62, 71, 116, 120]) {
      expect(indicator(id).leadUnits, `${id}`).toEqual([]);
      expect(indicator(id).provenance, `${id}`).toMatch(/; lead: none$/);
    }
  });
});

describe("data/catalogue: targets", () => {
  const find = (measure: string) => catalogue.targets.find((t) => t.measure === measure);

  it("holds the plan's quantitative targets", () => {
    const expected: [string, string, number, string][] = [
      ["startup_steps", "<=", 1, "step"],
      ["startup_days", "<=", 0.5, "working_day"],
      ["startup_hours", "<=", 3, "hour"],
      ["startup_cost_yuan", "<=", 0, "yuan"],
      ["cp_land_to_start_industrial_days", "<=", 0, "working_day"],
      ["cp_low_risk_days", "<=", 15, "working_day"],
      ["cp_general_social_days", "<=", 43, "working_day"],
      ["cp_government_days", "<=", 60, "working_day"],
      ["rp_transfer_steps", "<=", 1, "step"],
      ["rp_general_days", "<=", 1, "working_day"],
      ["rp_mortgage_days", "<=", 1, "working_day"],
      ["reply_satisfaction_pct", ">=", 90, "percent"],
      ["longshangtong_revisit_satisfaction_pct", ">=", 100, "percent"],
      ["interaction_consult_days", "<=", 2, "working_day"],
      ["interaction_other_days", "<=", 5, "working_day"],
      ["interaction_satisfaction_pct", ">=", 90, "percent"],
      ["online_application_rate_pct", ">=", 100, "percent"],
      ["fully_online_rate_pct", ">=", 100, "percent"],
      ["on_the_spot_rate_pct", ">=", 80, "percent"],
      ["open_data_rate_pct", ">=", 85, "percent"],
      ["licence_free_linked_items_pct", ">=", 50, "percent"],
      ["linked_guides_completed_pct", ">=", 100, "percent"],
      ["catalogue_coverage_admin_power_pct", ">=", 100, "percent"],
      ["catalogue_coverage_public_service_pct", ">=", 100, "percent"],
      ["refined_items_pct", ">=", 20, "percent"],
      ["comprehensive_windows", "=", 10, "count"],
      ["service_zones", "=", 2, "count"],
      ["insolvency_cases_3y_pending", "<=", 0, "count"]
    ];
    for (const [measure, comparator, value, unit] of expected) {
      expect(find(measure), measure).toMatchObject({comparator, value, unit});
    }
  });

  it("ties each target to the indicator it measures", () => {
    expect(find("startup_days")!.indicatorId).toBe(79);
    expect(find("cp_low_risk_days")!.indicatorId).toBe(84);
    expect(find("rp_transfer_steps")!.indicatorId).toBe(96);
    expect(find("on_the_spot_rate_pct")!.indicatorId).toBe(45);
    expect(find("open_data_rate_pct")!.indicatorId).toBe(31);
  });

  it("uses units from the closed list and unique ids and measures", () => {
    for (const t of catalogue.targets) expect(isUnitId(t.unit), t.measure).toBe(true);
    expect(new Set(catalogue.targets.map((t) => t.id)).size).toBe(catalogue.targets.length);
    expect(new Set(catalogue.targets.map((t) => t.measure)).size).toBe(catalogue.targets.length);
  });

  it("states each value in its quote as a number followed by the unit", () => {
    for (const t of catalogue.targets.filter((x) => x.valueInQuote)) {
      const numbers = [...t.quoteZh.matchAll(/(\d+(?:\.\d+)?)\s*(个工作日|工作日|小时|个环节|环节|%|个)/g)];
      const spellings: readonly string[] = UNITS[t.unit].aliases;
      const stated = numbers.some(([, n, unit]) => Number(n) === t.value && spellings.includes(unit));
      expect(stated, `${t.measure}: ${t.value} ${t.unit} in "${t.quoteZh}"`).toBe(true);
    }
  });

  it("reads a value from words only for the three documented cases, each with a note", () => {
    const worded = catalogue.targets.filter((t) => !t.valueInQuote);
    expect(worded.map((t) => t.measure).sort()).toEqual([
      "cp_land_to_start_industrial_days",
      "insolvency_cases_3y_pending",
      "startup_cost_yuan"
    ]);
    for (const t of worded) expect(t.note.length, t.measure).toBeGreaterThan(20);
    expect(find("startup_cost_yuan")!.quoteZh).toContain("零费用");
    expect(find("cp_land_to_start_industrial_days")!.quoteZh).toContain("拿地即开工");
  });
});
