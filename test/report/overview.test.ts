/** The overview model on a hand-written report: rank, change, category comparison, gaps and the summary. */
import {describe, expect, it} from "vitest";
import {largestGaps, overviewModel} from "../../src/components/report/overview.js";
import {tinyCatalogue, tinyReport} from "./fixture.js";

const selection = {focus: "620825", group: "pingliang"};

describe("overviewModel", () => {
  it("gives the focus region's total, rank among the ranked peers and the change since the baseline", () => {
    const model = overviewModel(tinyReport(), tinyCatalogue(), selection, "zh");
    expect(model.focus).toEqual({code: "620825", name: "庄浪县"});
    expect(model.total).toBe(75);
    expect(model.rank).toBe(2);
    expect(model.ranked).toBe(3);
    expect(model.baselineRank).toBe(3);
    expect(model.change).toBe(15);
    expect(model.placesGained).toBe(1);
  });

  it("compares each category with the peer median and the best peer, skipping missing scores", () => {
    const [c01, c02] = overviewModel(tinyReport(), tinyCatalogue(), selection, "en").categories;
    expect(c01).toMatchObject({name: "Basic safeguards", score: 70, median: 70, best: 90, bestRegion: "崆峒区"});
    expect(c02).toMatchObject({name: "Basic support", score: 80, median: 70, best: 80, bestRegion: "庄浪县"});
  });

  it("ranks gaps by the larger of the target and frontier gains and names the lead units", () => {
    const gaps = largestGaps(tinyReport(), tinyCatalogue(), "620825", "zh", 10);
    expect(gaps.map((g) => [g.measure, g.points, g.goal])).toEqual([
      ["m_days", 15, "frontier"],
      ["m_rate", 10, "frontier"]
    ]);
    expect(gaps[1].units).toEqual(["大数据中心", "政府办"]);
    expect(largestGaps(tinyReport(), tinyCatalogue(), "620825", "zh", 1)).toHaveLength(1);
  });

  it("writes the summary from the numbers, in Chinese and in English", () => {
    const zh = overviewModel(tinyReport(), tinyCatalogue(), selection, "zh").summary;
    expect(zh).toBe(
      "2023年，庄浪县在平凉市3个县（市、区）中排名第2，总分75.0分（2022年为第3名，上升1位，总分变化+15.0分）。" +
        "差距最大的是“办理天数”（组织保障）：达到前沿值可为总分增加15.00分，牵头单位为政府办。"
    );
    const en = overviewModel(tinyReport(), tinyCatalogue(), selection, "en").summary;
    expect(en).toContain("In 2023, 庄浪县 ranks 2 of 3 in Pingliang with a total of 75.0 points");
    expect(en).toContain("The largest gap is “Days” (Organisation): reaching the frontier would add 15.00 points");
    expect(en).toContain("led by County Government Office.");
  });

  it("says so when the focus region has no total", () => {
    const report = tinyReport();
    report.scores["2023"].total[2] = null;
    report.ranks.pingliang["2023"].total[2] = null;
    const model = overviewModel(report, tinyCatalogue(), selection, "zh");
    expect(model.ranked).toBe(2);
    expect(model.summary).toContain("暂无总分");
  });
});
