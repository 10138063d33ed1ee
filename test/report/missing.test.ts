/**
 * Say why (issue 16, deliver 5): the report built by the build's own loader (loaders/report.ts) carries, for a region
 * whose total cannot be computed, the node, the chain below it and the missing measures; the pages' lines name them in
 * Chinese and English. The methodology is the default one cut down to total → 企业生命周期 → 开办企业流程 (steps) and
 * 开办企业费用 (cost), so a county without its start-up steps loses the category (coverage 1/2) and so the total.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {readMethodology} from "../../loaders/methodology.js";
import {readRegions} from "../../loaders/regions.js";
import {buildReport} from "../../loaders/report.js";
import {missingLines} from "../../src/components/report/missing.js";
import {standing} from "../../src/components/report/standing.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import type {Report} from "../../src/engine/report/report-data.js";
import {startupMethodology, tinyReport} from "./fixture.js";

/** 泾川县 has no start-up steps in 2023. */
const GAP = "620821";
const COUNTIES = ["620802", "620821", "620822", "620823", "620825", "620826", "620881"];

function observations(): Observation[] {
  return COUNTIES.flatMap((region, i) => [
    {region, period: "2023", measure: "startup_cost_yuan", value: 100 * i},
    ...(region === GAP ? [] : [{region, period: "2023", measure: "startup_steps", value: 1 + i}])
  ]);
}

let report: Report;

beforeAll(async () => {
  const [methodology, catalogue, {regions, peerGroups}] = await Promise.all([
    readMethodology(),
    readCatalogue(),
    readRegions()
  ]);
  report = (
    await buildReport({
      methodology: startupMethodology(methodology),
      catalogue,
      regions,
      peerGroups: peerGroups.filter((g) => g.id === "pingliang"),
      illustrative: false,
      loaded: {observations: observations(), results: [], lenient: false}
    })
  ).report;
}, 120_000);

describe("the report says why a total is missing", () => {
  it("names the region, the node chain and the measure without a value", () => {
    expect(report.missing).toHaveLength(1);
    const [reason] = report.missing;
    expect(reason).toMatchObject({region: GAP, period: "2023", node: report.root, measures: ["startup_steps"]});
    expect(reason.path).toEqual([report.root, "c10", "i078"]);
    // The reason matches what the pages show: that county has no total and is not ranked.
    const at = report.regions.findIndex((r) => r.code === GAP);
    expect(report.scores["2023"][report.root][at]).toBeNull();
    expect(standing(report, "pingliang", "2023", "620825", "zh").ranked).toBe(6);
  });

  it("writes one line per region in the page's language, with names, not ids", () => {
    const name = (id: string) => report.nodes.find((n) => n.id === id)!;
    const steps = report.measures.find((m) => m.id === "startup_steps")!;
    const [zh] = missingLines(report, {period: "2023", regions: COUNTIES}, "zh");
    expect(zh.name).toBe("泾川县");
    expect(zh.nodes).toEqual([name(report.root).nameZh]);
    expect(zh.measures).toEqual([steps.nameZh]);
    expect(zh.text).toContain(`泾川县：${name(report.root).nameZh}无法计算`);
    expect(zh.text).toContain(`${name("c10").nameZh} › ${name("i078").nameZh}`);
    expect(zh.text).not.toMatch(/startup_steps|i078|c10|[A-Za-z]/);

    const en = missingLines(report, {period: "2023", regions: COUNTIES}, "en");
    expect(en).toHaveLength(1);
    expect(en[0].text).toContain(`${name(report.root).nameEn} cannot be computed`);
    expect(en[0].text).toContain(`no value for ${steps.nameEn}`);
  });

  it("says nothing for the regions and periods that have their scores", () => {
    expect(missingLines(report, {period: "2023", regions: ["620825"]}, "zh")).toEqual([]);
    expect(missingLines(report, {period: "2023", regions: COUNTIES, scope: "category"}, "zh")).toEqual([]);
  });
});

describe("a category without a score while the total has one (the tiny report)", () => {
  it("is named under the category chart and the heat map, not under the total", () => {
    const tiny = tinyReport();
    const regions = tiny.regions.map((r) => r.code);
    expect(missingLines(tiny, {period: "2023", regions, scope: "total"}, "zh")).toEqual([]);
    const [zh] = missingLines(tiny, {period: "2023", regions, scope: "category"}, "zh");
    expect(zh.text).toBe("崆峒区：基础支撑度无法计算——「政务云」缺少计量项 网办率。");
    const [en] = missingLines(tiny, {period: "2023", regions}, "en");
    expect(en.text).toBe("崆峒区: Basic support cannot be computed — Cloud: no value for Online rate.");
  });
});
