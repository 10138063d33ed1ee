/** The simulator's results export: what produced the figures travels with them, headers follow the page's language. */
import Papa from "papaparse";
import {describe, expect, it} from "vitest";
import {resultsCsv, type ExportContext} from "../../src/components/simulator/results-csv.js";
import type {SimSummary} from "../../src/components/simulator/results.js";
import {decodeJson} from "../../src/components/simulator/codec.js";

const summary: SimSummary = {
  total: {
    region: "620825",
    period: "2023",
    node: "total",
    baseline: 77.54321,
    scenario: 79.98765,
    delta: 2.44444,
    baselineRank: 6,
    scenarioRank: 5
  },
  categories: [{id: "c01", before: 70.123456, after: 75.987654, delta: 5.864198, points: 0.451}],
  residual: 0,
  ranking: [
    {region: "620825", before: 77.54321, after: 79.98765, rankBefore: 6, rankAfter: 5, moved: 1},
    {region: "620821", before: 80.2, after: 80.2, rankBefore: 5, rankAfter: 6, moved: -1}
  ],
  units: [{unit: "gov_office", points: 1.23456}],
  effectiveWeights: {}
};

const ctx = (lang: "zh" | "en"): ExportContext => ({
  lang,
  state: {
    focus: "620825",
    group: "pingliang",
    period: "2023",
    values: {startup_days: 0.5},
    weights: {c10: 3},
    targets: {}
  },
  methodology: {id: "zhuanglang-2023", name: {zh: "庄浪县指标", en: "Zhuanglang indicators"}},
  groups: [{id: "pingliang", nameZh: "平凉市", nameEn: "Pingliang", members: ["620821", "620825"]}],
  current: new Map([["startup_days", 2.5]]),
  nameOf: (code) => ({"620825": "庄浪县", "620821": "泾川县"})[code] ?? code,
  categoryName: () => "基础保障度",
  unitName: () => "政务服务中心",
  measureName: () => "开办企业时间",
  now: "2026-11-30T02:00:00.000Z"
});

const rowsOf = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {skipEmptyLines: false}).data;

describe("results export", () => {
  it("opens with what produced the figures, and its scenario line reads back as the same scenario", () => {
    const text = resultsCsv(summary, ctx("zh"));
    expect(text.startsWith("\uFEFF营商环境评估模拟器")).toBe(true);
    expect(text).toContain("\r\n");
    const rows = rowsOf(text);
    const field = (name: string) => rows.find((r) => r[0].startsWith(name))?.[1];
    expect(field("方法")).toBe("庄浪县指标 (zhuanglang-2023)");
    expect(field("关注地区")).toBe("庄浪县 (620825)");
    expect(field("对标组")).toContain("平凉市");
    expect(field("期间")).toBe("2023年 (2023)");
    const decoded = decodeJson(field("情景")!, {
      regions: new Set(["620825", "620821"]),
      groups: new Set(["pingliang"]),
      periods: new Set(["2023"]),
      measures: new Set(["startup_days"]),
      targetable: new Set(["startup_days"]),
      weighted: new Set(["c10"])
    });
    expect(decoded.ok && decoded.state).toMatchObject(ctx("zh").state);
  });

  it("writes values as the page shows them, and at full precision in columns named so, headers in the page's language", () => {
    const zh = rowsOf(resultsCsv(summary, ctx("zh")));
    const header = zh.find((r) => r[0] === "部分")!;
    expect(header).toEqual([
      "部分",
      "代码",
      "名称",
      "之前",
      "之后",
      "变化",
      "之前名次",
      "之后名次",
      "之前（完整精度）",
      "之后（完整精度）",
      "变化（完整精度）"
    ]);
    const focus = zh.find((r) => r[1] === "620825")!;
    expect(focus.slice(2, 8)).toEqual(["庄浪县", "77.5", "80", "2.4", "6", "5"]);
    expect(Number(focus[8])).toBe(77.54321);
    expect(Number(focus[10])).toBeCloseTo(2.44444, 12);
    const unit = zh.find((r) => r[1] === "gov_office")!;
    expect(unit[5]).toBe("1.23");
    const whatIf = zh.find((r) => r[1] === "startup_days")!;
    expect(whatIf.slice(3, 5)).toEqual(["2.5", "0.5"]);
    const en = rowsOf(resultsCsv(summary, ctx("en")));
    expect(en[0][0]).toContain("scenario results");
    expect(en.find((r) => r[0] === "Section")).toBeDefined();
    expect(en.find((r) => r[0] === "Methodology")?.[1]).toBe("Zhuanglang indicators (zhuanglang-2023)");
  });
});
