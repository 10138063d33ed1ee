import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {readValue} from "../../src/engine/observations/value.js";
import {looksLikeFormula, columnLetter, toHalfWidth} from "../../src/engine/observations/text.js";
import {normalisePeriod} from "../../src/engine/observations/check.js";

describe("reading a value cell", () => {
  it.each([
    [" 5 ", "working_day", 5],
    ["\u30003\u3000", "working_day", 3],
    ["1,234", "count", 1234],
    ["1,234,567.25", "yuan", 1234567.25],
    ["１，２３４．５", "yuan", 1234.5],
    ["85%", "percent", 85],
    ["85 ％", "percent", 85],
    ["0.85", "percent", 0.85],
    ["100", "percent", 100],
    ["0", "working_day", 0],
    ["-0", "working_day", 0],
    ["1.5e3", "yuan", 1500],
    ["-3", "index", -3],
    ["是", "yes_no", 1],
    ["否", "yes_no", 0]
  ] as const)("accepts %j as a %s → %d", (raw, unit, value) => {
    expect(readValue(raw, unit)).toEqual({ok: true, value});
  });

  it.each([
    ["", "working_day", "value_empty"],
    ["   ", "working_day", "value_empty"],
    ["#N/A", "count", "excel_error"],
    ["#VALUE!", "count", "excel_error"],
    ["#DIV/0!", "percent", "excel_error"],
    ["abc", "count", "non_numeric"],
    ["1 234", "count", "non_numeric"],
    ["1.2.3", "count", "non_numeric"],
    ["NaN", "count", "non_numeric"],
    ["Infinity", "count", "non_numeric"],
    ["1,23", "count", "bad_grouping"],
    ["12,34,567", "yuan", "bad_grouping"],
    ["1234,5", "yuan", "bad_grouping"],
    ["50%", "working_day", "percent_not_allowed"],
    ["5天", "day", "unit_in_value"],
    ["3 个工作日", "working_day", "unit_in_value"],
    ["-1", "working_day", "out_of_range"],
    ["100.1", "percent", "out_of_range"],
    ["101%", "percent", "out_of_range"],
    ["2", "yes_no", "out_of_range"]
  ] as const)("rejects %j as a %s: %s", (raw, unit, fault) => {
    expect(readValue(raw, unit)).toEqual({ok: false, fault});
  });

  it("reads back any amount Excel formats with thousands separators and two decimals", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 10 ** 12}), fc.integer({min: 0, max: 99}), (whole, cents) => {
        const text = `${whole.toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
        expect(readValue(text, "yuan")).toEqual({
          ok: true,
          value: Number(`${whole}.${String(cents).padStart(2, "0")}`)
        });
      })
    );
  });

  it("reads full-width digits as their ASCII twins", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 10 ** 9}), (n) => {
        const fullWidth = String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(toHalfWidth(fullWidth)).toBe(String(n));
        expect(readValue(fullWidth, "count")).toEqual({ok: true, value: n});
      })
    );
  });
});

describe("formula-looking cells", () => {
  it.each(["=SUM(A1)", "=1", "@foo", "+cmd|' /C calc'!A0", "-x", ' =HYPERLINK("http://x")', "-@"])(
    "flags %j",
    (cell) => {
      expect(looksLikeFormula(cell)).toBe(true);
    }
  );
  it.each(["-3", "+5", "-0.5", "-.5", "－３", "abc", "", "-", "a=b", "5%"])("lets %j through", (cell) => {
    expect(looksLikeFormula(cell)).toBe(false);
  });
});

describe("small helpers", () => {
  it("names spreadsheet columns like Excel", () => {
    expect([1, 4, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "D", "Z", "AA", "AZ", "AAA"]);
  });
  it("reads the usual Chinese ways of writing a period", () => {
    expect(
      ["2023", "2023年", "2023年度", "２０２３", "2023h1", "2023上半年", "2023年上半年", " 2022 "].map(normalisePeriod)
    ).toEqual(["2023", "2023", "2023", "2023", "2023H1", "2023H1", "2023H1", "2022"]);
  });
});
