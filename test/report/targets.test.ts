/** The targets page's, units page's and indicators' checklist view models on the hand-written report. */
import {describe, expect, it} from "vitest";
import {checklist} from "../../src/components/report/indicators.js";
import {overviewModel} from "../../src/components/report/overview.js";
import {standing} from "../../src/components/report/standing.js";
import {filterTargets, NO_OWNER, targetCounts, targetRows, targetUnits} from "../../src/components/report/targets.js";
import {improvementGroups, ownerlessIndicators, unitRanking, unitRows} from "../../src/components/report/units.js";
import {tinyCatalogue, tinyReport, tinyValues} from "./fixture.js";

const selection = {focus: "620825", group: "pingliang"};

describe("targets", () => {
  it("gives each target in words, its value per period, status, gap and points, not met first", () => {
    const rows = targetRows(tinyReport(), tinyCatalogue(), selection, "zh");
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [1, "unmet"],
      [2, "nodata"]
    ]);
    expect(rows[0]).toMatchObject({
      indicator: "组织保障",
      measureName: "办理天数",
      owners: ["政府办"],
      target: "≥ 6%",
      quote: "确保达到6%",
      gap: 2,
      points: 6
    });
    expect(rows[0].values).toEqual([
      {period: "2022", value: 7},
      {period: "2023", value: 4}
    ]);
    expect(rows[1]).toMatchObject({target: "≤ 0.5 个工作日", owners: [], gap: null, points: null});
    expect(targetRows(tinyReport(), tinyCatalogue(), selection, "en")[1].target).toBe("≤ 0.5 working days");
  });

  it("counts met, not met and no data, and says met for a region at its target", () => {
    expect(targetCounts(targetRows(tinyReport(), tinyCatalogue(), selection, "zh"))).toEqual({
      met: 0,
      unmet: 1,
      nodata: 1,
      total: 2
    });
    const kongtong = targetRows(tinyReport(), tinyCatalogue(), {focus: "620802", group: "pingliang"}, "zh");
    expect(kongtong.find((r) => r.id === 1)).toMatchObject({status: "met", gap: 0, points: 0});
    expect(kongtong.map((r) => r.status)).toEqual(["nodata", "met"]);
  });

  it("filters by lead unit, by no unit, or not at all", () => {
    const rows = targetRows(tinyReport(), tinyCatalogue(), selection, "zh");
    expect(filterTargets(rows, "gov_office").map((r) => r.id)).toEqual([1]);
    expect(filterTargets(rows, NO_OWNER).map((r) => r.id)).toEqual([2]);
    expect(filterTargets(rows, null)).toHaveLength(2);
    expect(targetUnits(tinyReport(), tinyCatalogue())).toEqual(["gov_office"]);
  });

  it("puts the count of targets met and the units with most to gain on the overview", () => {
    const model = overviewModel(tinyReport(), tinyCatalogue(), selection, "zh");
    expect(model.targets).toMatchObject({met: 0, total: 2});
    expect(model.topUnits.map((u) => u.id)).toEqual(["gov_office", "big_data_center"]);
  });
});

describe("standing", () => {
  it("writes the total and rank as every page does and names the unranked", () => {
    const report = tinyReport();
    report.scores["2023"].total[1] = null;
    report.ranks.pingliang["2023"].total = [1, null, 2];
    const s = standing(report, "pingliang", "2023", "620825", "zh");
    expect(s).toMatchObject({totalText: "75.0", rankText: "2 / 2", ranked: 2, unranked: ["泾川县"]});
    expect(s.group.label).toBe("平凉市（3 个地区）");
    expect(s.note).toBe("平凉市 3 个地区中 1 个无总分（泾川县）：数据不满足方法的覆盖率要求，未参加排名。");
    expect(standing(tinyReport(), "pingliang", "2023", "620825", "zh").note).toBe("");
  });
});

describe("lead units as task lists", () => {
  it("ranks units by points at their targets, then at the frontier", () => {
    const ranking = unitRanking(tinyReport(), tinyCatalogue(), selection, "en");
    expect(ranking.map((u) => [u.name, u.toTarget, u.toFrontier])).toEqual([
      ["County Government Office", 6, 25],
      ["County Big Data Center", null, 10]
    ]);
  });

  it("lists each unit's indicators with the plan's measures and its targets with their status", () => {
    const [office] = unitRows(tinyReport(), tinyCatalogue(), selection, "zh");
    expect(office.indicators.map((i) => [i.id, i.improvements, i.source])).toEqual([
      [1, "加快推进", "lead"],
      [17, "加快推进", "lead"]
    ]);
    expect(office.targets.map((t) => [t.id, t.status])).toEqual([[1, "unmet"]]);
    expect(improvementGroups(office.indicators)).toEqual([{ids: [1, 17], text: "加快推进"}]);
  });

  it("credits an indicator section 三 gives an owner to that unit, with the plan's words", () => {
    const catalogue = tinyCatalogue();
    catalogue.indicators[2].owner = {units: ["court"], source: "section 三", quoteZh: "法院要做好"};
    const court = unitRows(tinyReport(), catalogue, selection, "zh").find((u) => u.id === "court")!;
    expect(court.indicators).toMatchObject([{id: 18, source: "section 三", quote: "法院要做好"}]);
    expect(ownerlessIndicators(tinyReport(), catalogue, selection, "zh")).toEqual([]);
  });

  it("lists the indicators no unit answers for", () => {
    expect(ownerlessIndicators(tinyReport(), tinyCatalogue(), selection, "zh").map((i) => i.id)).toEqual([18]);
  });
});

describe("yes/no checklists", () => {
  it("names the items a region lacks (score 0), generically from the measures' method", () => {
    const report = tinyReport();
    const item = (id: string, nameZh: string) => ({...report.measures[0], id, nameZh, nameEn: id, method: "yes_no"});
    const measures = [item("has_app", "移动端"), item("has_video", "办事视频"), item("has_form", "样表")];
    const values = tinyValues();
    values["2023"].has_app = {raw: [1, 1, 1], score: [100, 100, 100]};
    values["2023"].has_video = {raw: [1, 0, 0], score: [100, 0, 0]};
    values["2023"].has_form = {raw: [1, 0, null], score: [100, 0, null]};
    expect(checklist(report, values, measures, "2023", "620825", "zh")).toEqual({
      items: [
        {measure: "has_app", name: "移动端", score: 100},
        {measure: "has_video", name: "办事视频", score: 0},
        {measure: "has_form", name: "样表", score: null}
      ],
      present: 1,
      missing: ["办事视频"],
      unknown: ["样表"]
    });
    expect(checklist(report, values, report.measures, "2023", "620825", "zh")).toBeNull();
  });
});
