/** Periods are data (issue 13): years, halves and quarters, in time order, each compared with the previous of its kind. */
import {describe, expect, it} from "vitest";
import {checkObservations} from "../../src/engine/observations/check.js";
import {
  comparePeriods,
  latestPeriod,
  nextPeriod,
  normalisePeriod,
  parsePeriod,
  periodLabel,
  previousPeriod,
  sortPeriods
} from "../../src/engine/observations/periods.js";
import {fixtureContext} from "./fixture-context.js";

describe("periods", () => {
  it("reads years, halves and quarters as people type them", () => {
    const typed = ["2024", "2024年", "２０２４年度", "2024h2", "2024下半年", "2024年上半年", "2024Q3", "2024q1"];
    expect(typed.map(normalisePeriod)).toEqual([
      "2024",
      "2024",
      "2024",
      "2024H2",
      "2024H2",
      "2024H1",
      "2024Q3",
      "2024Q1"
    ]);
    expect(["2024年第三季度", "2024年3季度", "2024第一季度", "2024年第4季度"].map(normalisePeriod)).toEqual([
      "2024Q3",
      "2024Q3",
      "2024Q1",
      "2024Q4"
    ]);
    expect(parsePeriod("2024H1")).toEqual({text: "2024H1", year: 2024, kind: "half", part: 1});
    expect(parsePeriod("2024Q4")).toEqual({text: "2024Q4", year: 2024, kind: "quarter", part: 4});
  });

  it("calls dates, typos and half-finished forms malformed", () => {
    for (const text of ["2023/6/30", "2023-06", "2023年6月", "2023H3", "2023Q5", "23", "2204", "FY2023", ""])
      expect(parsePeriod(normalisePeriod(text)), text).toBeNull();
  });

  it("orders by time: a year's annual figure after its second half and fourth quarter", () => {
    expect(sortPeriods(["2024", "2023", "2023H1", "2022", "2023Q4", "2023H2", "2024Q1", "2023"])).toEqual([
      "2022",
      "2023H1",
      "2023Q4",
      "2023H2",
      "2023",
      "2024Q1",
      "2024"
    ]);
    expect(comparePeriods("2023H1", "2023")).toBeLessThan(0);
    expect(latestPeriod(["2022", "2024", "2023H1", "2023"])).toBe("2024");
  });

  it("compares a period with the previous one of the same kind in the data: year with year, half with half", () => {
    const data = ["2022", "2023H1", "2023", "2024H1", "2024"];
    expect(previousPeriod("2024", data)).toBe("2023");
    expect(previousPeriod("2023", data)).toBe("2022");
    expect(previousPeriod("2024H1", data)).toBe("2023H1");
    expect(previousPeriod("2024H1", [...data, "2023H2"])).toBe("2023H2");
    expect(previousPeriod("2023H1", data)).toBeNull();
    expect(previousPeriod("2022", data)).toBeNull();
  });

  it("names the next period of the same kind and labels periods for readers", () => {
    expect(["2023", "2023H1", "2023H2", "2024Q4"].map(nextPeriod)).toEqual(["2024", "2023H2", "2024H1", "2025Q1"]);
    expect(["2024", "2024H1", "2024Q3"].map((p) => periodLabel(p, "zh"))).toEqual([
      "2024年",
      "2024年上半年",
      "2024年第三季度"
    ]);
    expect(["2024", "2024H1", "2024Q3"].map((p) => periodLabel(p, "en"))).toEqual(["2024", "2024 H1", "2024 Q3"]);
  });

  it("accepts 2024 with no list of periods and rejects a date where a period belongs, with line and column", () => {
    const ctx = fixtureContext({periods: null});
    const text =
      "地区代码,期间,指标,数值\n620825,2024,start_days,3\n620825,2024年第一季度,start_days,4\n620825,2023/6/30,start_days,5\n";
    const result = checkObservations(text, "2024.csv", ctx);
    expect(result.accepted.map((o) => o.period)).toEqual(["2024", "2024Q1"]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({line: 4, column: 2, code: "period_malformed", text: "2023/6/30"});
    expect(result.rejected[0].reasonZh).toContain("期间格式不对");
    expect(result.rejected[0].reasonEn).toContain("YYYYH1");
  });
});
