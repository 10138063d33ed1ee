/** View models of the peers, indicators, units and method pages, and the remembered selection. */
import {describe, expect, it} from "vitest";
import {filterIndicators, indicatorEntries, measurePeers} from "../../src/components/report/indicators.js";
import {weightRows, weightSum} from "../../src/components/report/method.js";
import {heatmapCells, rankingRows, rankMovement} from "../../src/components/report/peers.js";
import {resolveSelection} from "../../src/components/report/selection.js";
import {unitRows} from "../../src/components/report/units.js";
import {tinyCatalogue, tinyReport, tinyValues} from "./fixture.js";

describe("peers", () => {
  it("ranks the group best first and reports the change since the baseline", () => {
    const rows = rankingRows(tinyReport(), "pingliang", "2023", "620825");
    expect(rows.map((r) => [r.rank, r.name, r.change, r.placesGained, r.focus])).toEqual([
      [1, "崆峒区", 10, 0, false],
      [2, "庄浪县", 15, 1, true],
      [3, "泾川县", -10, -1, false]
    ]);
  });

  it("lays the heat map out as regions in rank order × categories, keeping missing scores", () => {
    const cells = heatmapCells(tinyReport(), "pingliang", "2023", "620825", "en");
    expect(cells).toHaveLength(6);
    expect(cells.slice(0, 2).map((c) => [c.region, c.category, c.categoryName, c.score])).toEqual([
      ["崆峒区", 1, "Basic safeguards", 90],
      ["崆峒区", 2, "Basic support", null]
    ]);
  });

  it("gives every member's rank in every period for the movement chart", () => {
    const points = rankMovement(tinyReport(), "pingliang", "620825");
    expect(points.filter((p) => p.focus).map((p) => [p.period, p.rank])).toEqual([
      ["2022", 3],
      ["2023", 2]
    ]);
  });
});

describe("indicators", () => {
  const entries = indicatorEntries(tinyReport(), tinyCatalogue(), "en");

  it("lists every catalogue indicator with its units, targets and measures", () => {
    expect(entries.map((e) => e.id)).toEqual([1, 17, 18]);
    expect(entries[0]).toMatchObject({name: "Organisation", units: ["County Government Office"], node: "i001"});
    expect(entries[0].targetQuotes[0]).toBe("确保达到6%");
    expect(entries[2]).toMatchObject({node: null, measures: []});
  });

  it("searches Chinese and English text and filters by category and lead unit", () => {
    const ids = (filter: Parameters<typeof filterIndicators>[1]) => filterIndicators(entries, filter).map((e) => e.id);
    expect(ids({query: "政务云"})).toEqual([17]);
    expect(ids({query: "cloud"})).toEqual([17]);
    expect(ids({query: "Big Data"})).toEqual([17]);
    expect(ids({query: "评估 迁移"})).toEqual([17]);
    expect(ids({query: "网办率"})).toEqual([17]);
    expect(ids({category: 2})).toEqual([17, 18]);
    expect(ids({unit: "gov_office"})).toEqual([1, 17]);
    expect(ids({unit: "gov_office", category: 1, query: ""})).toEqual([1]);
    expect(ids({query: "nothing like this"})).toEqual([]);
  });

  it("gives a measure's peer values best first, with the focus value and the missing count", () => {
    const report = tinyReport();
    const peers = measurePeers(report, tinyValues(), report.measures[0], "pingliang", "2023", "620825", "zh");
    expect(peers.values.map((v) => [v.name, v.value, v.focus])).toEqual([
      ["崆峒区", 9, false],
      ["庄浪县", 4, true]
    ]);
    expect(peers).toMatchObject({focusValue: 4, missing: 1, best: 2, target: 10});
  });
});

describe("lead units", () => {
  it("sorts units by points attainable with their targets and sums their indicators' lost points", () => {
    const rows = unitRows(tinyReport(), tinyCatalogue(), {focus: "620825", group: "pingliang"}, "zh");
    expect(rows.map((r) => [r.name, r.toTarget, r.toFrontier])).toEqual([
      ["政府办", 6, 25],
      ["大数据中心", null, 10]
    ]);
    const office = rows[0];
    expect(office.indicators.map((i) => i.id)).toEqual([1, 17]);
    expect(office.lost).toBeCloseTo(0.5 * 30 + 0.5 * 20, 9);
    expect(office.score).toBeCloseTo(75, 9);
    expect(rows[1].indicators[0]).toMatchObject({score: 80, median: 70});
  });
});

describe("method", () => {
  it("lists categories, indicators and measures with effective weights that add up to 1 per level", () => {
    const rows = weightRows(tinyReport(), "zh");
    expect(rows.map((r) => r.id)).toEqual(["c01", "i001", "m_days", "c02", "i017", "m_rate"]);
    expect(weightSum(rows, "category")).toBeCloseTo(1, 9);
    expect(weightSum(rows, "indicator")).toBeCloseTo(1, 9);
  });
});

describe("remembered selection", () => {
  const report = tinyReport();
  it("defaults to the report's focus in Pingliang", () => {
    expect(resolveSelection(report, "")).toEqual({focus: "620825", group: "pingliang"});
  });
  it("prefers the URL query, then the stored values, and ignores unknown ones", () => {
    expect(resolveSelection(report, "?focus=620821", {focus: "620802"})).toEqual({focus: "620821", group: "pingliang"});
    expect(resolveSelection(report, "", {focus: "620802", group: "pair"})).toEqual({focus: "620802", group: "pair"});
    expect(resolveSelection(report, "?group=nowhere&focus=999999")).toEqual({focus: "620825", group: "pingliang"});
  });
  it("falls back to the group's first member when the focus is not in the group", () => {
    expect(resolveSelection(report, "?group=pair&focus=620825")).toEqual({focus: "620802", group: "pair"});
  });
});
