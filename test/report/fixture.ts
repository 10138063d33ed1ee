/** A tiny hand-written report: three counties, two categories with one indicator and one measure each. */
import type {Catalogue} from "../../src/engine/catalogue/catalogue.js";
import type {Methodology} from "../../src/engine/methodology/methodology.js";
import type {Report, ReportValues} from "../../src/engine/report/report-data.js";

/** Regions in report order: 崆峒区, 泾川县, 庄浪县. */
export const CODES = ["620802", "620821", "620825"];

/** The report; 庄浪县 is 3rd in 2022 and 2nd in 2023; 崆峒区 has no 2023 score in category c02 (no m_rate). */
export function tinyReport(): Report {
  return {
    methodology: {id: "tiny", nameZh: "小方法", nameEn: "Tiny"},
    generated: "2024-01-31",
    illustrative: true,
    periods: ["2022", "2023"],
    latest: "2023",
    baseline: "2022",
    previous: {"2022": null, "2023": "2022"},
    focus: "620825",
    regions: [
      {code: "620802", name: "崆峒区"},
      {code: "620821", name: "泾川县"},
      {code: "620825", name: "庄浪县"}
    ],
    peerGroups: [
      {id: "pingliang", nameZh: "平凉市", nameEn: "Pingliang", members: CODES},
      {id: "pair", nameZh: "两县", nameEn: "Pair", members: ["620802", "620821"]}
    ],
    root: "total",
    nodes: [
      {
        id: "total",
        level: "total",
        parent: null,
        nameZh: "总分",
        nameEn: "Total",
        catalogueId: null,
        effectiveWeight: 1
      },
      {
        id: "c01",
        level: "category",
        parent: "total",
        nameZh: "基础保障度",
        nameEn: "Basic safeguards",
        catalogueId: 1,
        effectiveWeight: 0.5
      },
      {
        id: "c02",
        level: "category",
        parent: "total",
        nameZh: "基础支撑度",
        nameEn: "Basic support",
        catalogueId: 2,
        effectiveWeight: 0.5
      },
      {
        id: "i001",
        level: "indicator",
        parent: "c01",
        nameZh: "组织保障",
        nameEn: "Organisation",
        catalogueId: 1,
        effectiveWeight: 0.5
      },
      {
        id: "i017",
        level: "indicator",
        parent: "c02",
        nameZh: "政务云",
        nameEn: "Cloud",
        catalogueId: 17,
        effectiveWeight: 0.5
      }
    ],
    levels: {},
    measures: [
      measure("m_days", "i001", "办理天数", "Days", 2, 10, ["gov_office"]),
      measure("m_rate", "i017", "网办率", "Online rate", 100, null, ["big_data_center", "gov_office"])
    ],
    scores: {
      "2022": {total: [80, 70, 60], c01: [80, 70, 60], c02: [80, 70, 60], i001: [80, 70, 60], i017: [80, 70, 60]},
      "2023": {total: [90, 60, 75], c01: [90, 60, 70], c02: [null, 60, 80], i001: [90, 60, 70], i017: [null, 60, 80]}
    },
    ranks: {
      pingliang: {
        "2022": {total: [1, 2, 3], c01: [1, 2, 3], c02: [1, 2, 3]},
        "2023": {total: [1, 3, 2], c01: [1, 3, 2], c02: [null, 2, 1]}
      },
      pair: {"2022": {total: [1, 2]}, "2023": {total: [1, 2]}}
    },
    gains: {
      m_days: {toFrontier: [5, 20, 15], toTarget: [2, 10, 6]},
      m_rate: {toFrontier: [null, 20, 10], toTarget: null}
    },
    unitGains: {
      gov_office: {toTarget: [2, 10, 6], toFrontier: [5, 40, 25]},
      big_data_center: {toTarget: null, toFrontier: [null, 20, 10]}
    },
    ownerlessGains: {toTarget: null, toFrontier: null},
    missing: [
      {
        region: "620802",
        period: "2023",
        node: "c02",
        path: ["c02", "i017"],
        measures: ["m_rate"],
        coverage: 0,
        minCoverage: 0.5
      }
    ],
    targets: [
      {
        id: 1,
        indicatorId: 1,
        measure: "m_days",
        comparator: ">=",
        value: 6,
        unit: "percent",
        quoteZh: "确保达到6%",
        owners: ["gov_office"],
        values: {"2022": [5, 3, 7], "2023": [9, null, 4]},
        met: {"2022": [0, 0, 1], "2023": [1, null, 0]}
      },
      {
        id: 2,
        indicatorId: 18,
        measure: "m_unscored",
        comparator: "<=",
        value: 0.5,
        unit: "working_day",
        quoteZh: "压减至0.5个工作日",
        owners: [],
        values: {"2022": [null, null, null], "2023": [null, null, null]},
        met: {"2022": [null, null, null], "2023": [null, null, null]}
      }
    ],
    load: [{file: "data/observations/x.csv", read: 12, accepted: 11, rejected: 1, unfilled: 0, encoding: "utf-8"}],
    outside: [],
    form: {
      regionName: "庄浪县",
      period: "2024",
      from: "2023",
      folder: "data/observations/",
      validate: "npx bizenv validate",
      build: "npm run build"
    },
    rejections: []
  };
}

function measure(
  id: string,
  node: string,
  nameZh: string,
  nameEn: string,
  best: number,
  target: number | null,
  leadUnits: string[]
) {
  return {
    id,
    indicator: node,
    category: node === "i001" ? "c01" : "c02",
    nameZh,
    nameEn,
    unit: "percent",
    direction: "higher_is_better" as const,
    higher: true,
    method: "frontier",
    best,
    worst: 0,
    target: target === null ? null : {value: target, comparator: ">=" as const, quoteZh: "确保达到"},
    effectiveWeight: 0.5,
    leadUnits,
    owners: leadUnits
  };
}

/** Raw values of m_days in 2023: 崆峒区 9, 泾川县 missing, 庄浪县 4. */
export function tinyValues(): ReportValues {
  return {
    "2023": {m_days: {raw: [9, null, 4], score: [90, null, 40]}, m_rate: {raw: [null, 60, 80], score: [null, 60, 80]}}
  };
}

/** A catalogue matching the tiny report (only what the pages read). */
export function tinyCatalogue(): Catalogue {
  const indicator = (
    id: number,
    categoryId: number,
    nameZh: string,
    nameEn: string,
    leadUnits: string[],
    assessmentZh: string
  ) => ({
    id,
    categoryId,
    topic: "",
    nameZh,
    nameEn,
    group: "",
    headingZh: nameZh,
    assessmentZh,
    measuresZh: "加快推进",
    leadUnits,
    provenance: "stated",
    nameSource: "stated" as const,
    leadSource: "stated" as const,
    owner: null
  });
  return {
    categories: [
      {id: 1, nameZh: "基础保障度", nameEn: "Basic safeguards", indicatorFrom: 1, indicatorTo: 16},
      {id: 2, nameZh: "基础支撑度", nameEn: "Basic support", indicatorFrom: 17, indicatorTo: 22}
    ],
    indicators: [
      indicator(1, 1, "组织保障", "Organisation", ["gov_office"], "评估组织保障情况"),
      indicator(17, 2, "政务云", "Cloud", ["big_data_center", "gov_office"], "评估政务云平台迁移情况"),
      indicator(18, 2, "未计分指标", "Unscored", [], "")
    ],
    units: [
      {id: "gov_office", nameZh: "政府办", nameEn: "County Government Office", kind: "office", aliasesZh: [], note: ""},
      {
        id: "big_data_center",
        nameZh: "大数据中心",
        nameEn: "County Big Data Center",
        kind: "center",
        aliasesZh: [],
        note: ""
      },
      {id: "court", nameZh: "法院", nameEn: "Court", kind: "judiciary", aliasesZh: [], note: ""}
    ],
    targets: [
      {
        id: 1,
        indicatorId: 1,
        measure: "m_days",
        comparator: ">=",
        value: 6,
        unit: "percent",
        valueInQuote: true,
        quoteZh: "确保达到6%",
        note: ""
      }
    ]
  };
}

/** The default methodology cut down to total → 企业生命周期 → 开办企业流程 (steps) and 开办企业费用 (cost). */
export function startupMethodology(full: Methodology): Methodology {
  const keep = new Set(["total", "c10", "i078", "i080", "startup_steps", "startup_cost_yuan"]);
  return {
    ...full,
    nodes: full.nodes
      .filter((n) => keep.has(n.id))
      .map((n) => ({...n, children: n.children.filter((c) => keep.has(c.id))})),
    measures: full.measures.filter((m) => keep.has(m.id))
  };
}
