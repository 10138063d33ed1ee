// The one formatting module (src/components/format.ts): decimals, ranks, peer groups, targets and units in words, and
// one word per concept in the page strings.
import {describe, expect, it} from "vitest";
import {
  formatGap,
  formatPlaces,
  formatPoints,
  formatRank,
  formatScore,
  formatScoreChange,
  formatSignedPoints,
  formatTarget,
  formatValue,
  peerGroupLabel,
  SYNONYMS_ZH,
  TERMS,
  unitTitle,
  unrankedNote
} from "../../src/components/format.js";
import {formatScore as simulatorScore} from "../../src/components/simulator/format.js";
import {en} from "../../src/components/strings/en.js";
import {zh} from "../../src/components/strings/zh.js";
import {UNITS, type UnitId} from "../../src/engine/methodology/units.js";

const gansu = {nameZh: "甘肃省", nameEn: "Gansu", members: Array.from({length: 88}, (_, i) => String(i))};

describe("numbers", () => {
  it("writes totals with one decimal and points with two, the same in the simulator", () => {
    expect(formatScore(77.5393)).toBe("77.5");
    expect(simulatorScore(77.5393)).toBe("77.5");
    expect(formatScoreChange(15)).toBe("+15.0");
    expect(formatScoreChange(-0.04)).toBe("0.0");
    expect(formatPoints(1.8249)).toBe("1.82");
    expect(formatSignedPoints(0.0151)).toBe("+0.02");
    expect(formatSignedPoints(-1.2)).toBe("−1.20");
    expect(formatScore(null)).toBe("—");
    expect(formatPoints(Number.NaN)).toBe("—");
  });

  it("writes a rank over the ranked regions, and places moved", () => {
    expect(formatRank(64, 87)).toBe("64 / 87");
    expect(formatRank(null, 87)).toBe("—");
    expect(formatPlaces(3)).toBe("↑3");
    expect(formatPlaces(-1)).toBe("↓1");
    expect(formatPlaces(0)).toBe("=");
  });

  it("names a peer group with its size and says who is unranked and why", () => {
    expect(peerGroupLabel("zh", gansu)).toBe("甘肃省（88 个地区）");
    expect(peerGroupLabel("en", gansu)).toBe("Gansu (88 regions)");
    expect(unrankedNote("zh", gansu, [])).toBe("");
    expect(unrankedNote("zh", gansu, ["会宁县"])).toBe(
      "甘肃省 88 个地区中 1 个无总分（会宁县）：数据不满足方法的覆盖率要求，未参加排名。"
    );
    expect(unrankedNote("en", gansu, ["会宁县"])).toContain("1 of the 88 regions of Gansu (会宁县) have no total");
  });
});

describe("targets and units in words", () => {
  const days = {unit: "working_day", higher: false, target: {value: 0.5, comparator: "<=" as const, quoteZh: ""}};
  const windows = {unit: "count", higher: true, target: {value: 10, comparator: "=" as const, quoteZh: ""}};

  it("writes a target as the goal rule reads it, with the unit in the page's language", () => {
    expect(formatTarget("zh", days)).toBe("≤ 0.5 个工作日");
    expect(formatTarget("en", days)).toBe("≤ 0.5 working days");
    expect(formatTarget("zh", windows)).toBe("≥ 10 个");
    expect(formatTarget("zh", {...days, target: null})).toBe("");
  });

  it("writes values and gaps with units: singular in English for one", () => {
    expect(formatValue("zh", 85, "percent")).toBe("85%");
    expect(formatValue("en", 1, "working_day")).toBe("1 working day");
    expect(formatValue("zh", 0, "yes_no")).toBe("否");
    expect(formatValue("zh", 77.5393, "score")).toBe("77.54 分");
    expect(formatGap("zh", 2.5, "working_day")).toBe("2.5 个工作日");
    expect(formatGap("zh", null, "working_day")).toBe("—");
  });

  it("has words for every unit of measure, none of them an id", () => {
    for (const unit of Object.keys(UNITS) as UnitId[]) {
      expect(unitTitle("zh", unit), unit).not.toMatch(/[a-z_]{3,}/);
      expect(unitTitle("en", unit), unit).not.toContain("_");
      expect(formatValue("zh", 2, unit), unit).not.toMatch(/[a-z_]{3,}/);
    }
  });
});

describe("one word per concept", () => {
  it("uses the chosen Chinese terms and none of their synonyms in any page string", () => {
    expect(Object.values(TERMS).map((t) => t.zh)).toEqual([
      "指标",
      "计量项",
      "类别",
      "牵头单位",
      "对标组",
      "目标",
      "前沿值"
    ]);
    for (const [key, text] of Object.entries(zh)) {
      for (const word of SYNONYMS_ZH) expect(text.includes(word), `${key}: ${text}`).toBe(false);
      expect(/前沿(?!值)/.test(text), `${key}: ${text}`).toBe(false);
    }
  });

  it("keeps the English strings free of synonyms for a lead unit or a measure", () => {
    for (const [key, text] of Object.entries(en)) expect(/responsible unit|metric/i.test(text), key).toBe(false);
  });
});
