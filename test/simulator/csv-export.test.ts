import Papa from "papaparse";
import {describe, expect, it} from "vitest";
import {excelCsv, neutraliseCell} from "../../src/components/simulator/csv-export.js";

describe("CSV export for Excel and WPS", () => {
  it("starts with a UTF-8 BOM and ends every line with CRLF", () => {
    const text = excelCsv(
      ["地区", "得分"],
      [
        ["庄浪县", 77.5],
        ["崆峒区", null]
      ]
    );
    expect(text.startsWith("\uFEFF地区,得分\r\n")).toBe(true);
    expect(text.split("\r\n")).toEqual(["\uFEFF地区,得分", "庄浪县,77.5", "崆峒区,", ""]);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    for (const bad of ["=1+1", "+SUM(A1)", "-cmd", "@A1", "\tx", '=HYPERLINK("http://x")'])
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
    expect(neutraliseCell("庄浪县")).toBe("庄浪县");
  });

  it("keeps numbers as numbers, negative ones too", () => {
    expect(neutraliseCell(-0.25)).toBe("-0.25");
    expect(neutraliseCell("-3")).toBe("-3");
    expect(neutraliseCell(Number.NaN)).toBe("");
  });

  it("quotes cells with commas, quotes and newlines so the table reads back unchanged", () => {
    const rows = [["a,b", 'say "hi"', "two\nlines"]];
    const text = excelCsv(["x", "y", "z"], rows);
    const parsed = Papa.parse<string[]>(text.slice(1), {newline: "\r\n", skipEmptyLines: true}).data;
    expect(parsed).toEqual([
      ["x", "y", "z"],
      ["a,b", 'say "hi"', "two\nlines"]
    ]);
  });
});
