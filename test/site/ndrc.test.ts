/**
 * Any methodology drives the whole site (issue 16): the report and the simulator's model built from
 * data/site-ndrc.json (the NDRC regrouping, levels total/indicator/checklist, no catalogue numbers in its ids) show
 * the regrouping's twelve groups as the categories, named from the methodology, with scores, weights and no NaN.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {buildReport, type ReportInput} from "../../loaders/report.js";
import {loadObservations} from "../../loaders/observations.js";
import {readRegions} from "../../loaders/regions.js";
import {readSiteCatalogue, readSiteConfig, readSiteMethodology} from "../../loaders/site-config.js";
import {indicatorEntries} from "../../src/components/report/indicators.js";
import {lookup} from "../../src/components/report/lookup.js";
import {weightRows, weightSum} from "../../src/components/report/method.js";
import {tierLabels} from "../../src/components/report/tiers.js";
import {overviewModel} from "../../src/components/report/overview.js";
import {heatmapCells} from "../../src/components/report/peers.js";
import {unitRanking} from "../../src/components/report/units.js";
import {buildModel} from "../../src/components/simulator/model.js";
import type {Report} from "../../src/engine/report/report-data.js";

const GROUPS = [
  ["starting_business", "开办企业", "Starting a business"],
  ["construction_permits", "办理建筑许可"],
  ["getting_electricity", "获得电力"],
  ["water_and_gas", "获得用水用气"],
  ["registering_property", "登记财产"],
  ["getting_credit", "获得信贷"],
  ["government_procurement", "政府采购"],
  ["paying_taxes", "纳税"],
  ["resolving_insolvency", "办理破产"],
  ["government_services", "政务服务"],
  ["intellectual_property", "知识产权创造、保护和运用"],
  ["inclusive_innovation", "包容普惠创新"]
];

let input: ReportInput;
let report: Report;

beforeAll(async () => {
  const config = await readSiteConfig("data/site-ndrc.json", {});
  const methodology = await readSiteMethodology(config);
  const [catalogue, {regions, peerGroups}, loaded] = await Promise.all([
    readSiteCatalogue(config),
    readRegions(),
    loadObservations({methodology, dir: config.observations, log: () => undefined})
  ]);
  input = {
    methodology,
    catalogue,
    regions,
    peerGroups: peerGroups.filter((g) => g.id !== "china"),
    loaded,
    illustrative: true,
    generated: "2026-01-01"
  };
  report = (await buildReport(input)).report;
}, 120_000);

describe("the site on the NDRC regrouping (data/site-ndrc.json)", () => {
  it("takes the root's children as the categories, in the root's order, named by the methodology", () => {
    const categories = lookup(report).categories;
    expect(categories.map((c) => c.id)).toEqual(GROUPS.map((g) => g[0]));
    expect(categories.map((c) => c.nameZh)).toEqual(GROUPS.map((g) => g[1]));
    expect(categories[0].nameEn).toBe("Starting a business");
    expect(categories.every((c) => c.catalogueId === null)).toBe(true);
  });

  it("gives the overview's category chart and the peers heat map a score for 庄浪县", () => {
    const overview = overviewModel(report, input.catalogue, {focus: "620825", group: "pingliang"}, "zh");
    expect(overview.categories).toHaveLength(12);
    expect(overview.categories.filter((c) => c.score !== null).length).toBeGreaterThan(6);
    expect(overview.total).not.toBeNull();
    const cells = heatmapCells(report, "pingliang", report.latest, "620825", "en");
    expect(cells).toHaveLength(12 * 7);
    expect([...new Set(cells.map((c) => c.category))]).toEqual(GROUPS.map((_, i) => i + 1));
    expect(cells.filter((c) => c.score !== null).length).toBeGreaterThan(12 * 4);
  });

  it("lists every placed measure in the method page's weights table, the weights summing to 1", () => {
    const rows = weightRows(report, "zh");
    expect(rows.filter((r) => r.level === "category").map((r) => r.name)).toEqual(GROUPS.map((g) => g[1]));
    // Measures directly under a group and those under its checklist sub-node both appear.
    expect(rows.filter((r) => r.level === "indicator").map((r) => r.id)).toContain("starting_business_convenience");
    expect(rows.find((r) => r.id === "startup_days")?.category).toBe("开办企业");
    expect(weightSum(rows, "category")).toBeCloseTo(1, 6);
    // All but the derived tax_total_rate_scored (1/12 · 1/5): the report lists observed measures only.
    expect(rows.some((r) => r.id === "tax_total_rate_scored")).toBe(false);
    expect(weightSum(rows, "measure")).toBeCloseTo(1 - 1 / 60, 6);
  });

  it("shows the methodology's group names in the simulator, numbered 1..12 in the root's order", () => {
    const model = buildModel(input.methodology, input.catalogue, input.regions, input.peerGroups);
    expect(model.categories.map((c) => [c.number, c.nameZh])).toEqual(GROUPS.map((g, i) => [i + 1, g[1]]));
    expect(model.categories.find((c) => c.id === "starting_business")?.measures.map((m) => m.id)).toContain(
      "startup_days"
    );
  });

  it("lists the tier below the groups on the indicators page, named by the methodology, with measures and units", () => {
    for (const lang of ["zh", "en"] as const) {
      const entries = indicatorEntries(report, input.catalogue, lang);
      expect(entries.length).toBeGreaterThanOrEqual(12);
      expect(entries.every((e) => !e.plan && e.measures.length > 0)).toBe(true);
      const startup = entries.find((e) => e.node === "starting_business")!;
      expect(startup.name).toBe(lang === "zh" ? "开办企业" : "Starting a business");
      expect(startup.measures.map((m) => m.id)).toContain("startup_days");
      // Lead units per measure from the catalogue (checklists and targets), the measures keeping their ids.
      expect(startup.units.length).toBeGreaterThan(0);
      expect(entries.find((e) => e.node === "starting_business_convenience")?.categoryId).toBe(1);
    }
  });

  it("ranks lead units by points on the units page, from the catalogue's word on each measure", () => {
    const ranking = unitRanking(report, input.catalogue, {focus: "620825", group: "pingliang"}, "zh");
    expect(ranking.filter((u) => (u.toFrontier ?? 0) > 0).length).toBeGreaterThan(3);
    expect(report.measures.find((m) => m.id === "startup_days")?.owners.length).toBeGreaterThan(0);
  });

  it("calls the method page's tiers by the methodology's level names, and by generic words without them", () => {
    expect(tierLabels(report, "zh")).toEqual({category: "一级指标", indicator: "二级指标", measure: "计量项"});
    expect(tierLabels(report, "en")).toMatchObject({category: "Indicator", indicator: "Sub-indicator"});
    expect(tierLabels({...report, levels: {}}, "zh")).toMatchObject({category: "类别", indicator: "指标"});
  });

  it("writes no NaN into the report", () => {
    expect(JSON.stringify(report)).not.toMatch(/NaN/);
  });
});
