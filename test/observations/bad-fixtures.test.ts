import {readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {checkObservations, formatRejection} from "../../src/engine/observations/check.js";
import type {RejectionCode} from "../../src/engine/observations/check.js";
import {FIXTURES, fixtureBytes, fixtureContext} from "./fixture-context.js";

/** Every file in test/fixtures/bad/ with the first rejection it must produce: [file, line, column, code]. */
const cases: [string, number, number, RejectionCode][] = [
  ["empty.csv", 1, 1, "empty_file"],
  ["header-only.csv", 1, 1, "no_data_rows"],
  ["missing-value-column.csv", 1, 1, "missing_column"],
  ["missing-period-column.csv", 1, 1, "missing_column"],
  ["duplicate-column.csv", 1, 5, "duplicate_column"],
  ["unknown-region.csv", 3, 1, "region_unknown"],
  ["region-name-instead-of-code.csv", 3, 1, "region_unknown"],
  ["region-name-mismatch.csv", 3, 2, "region_name_mismatch"],
  ["region-empty.csv", 3, 1, "region_empty"],
  ["unknown-measure.csv", 3, 3, "measure_unknown"],
  ["measure-empty.csv", 3, 3, "measure_empty"],
  ["unknown-period.csv", 3, 2, "period_unknown"],
  ["malformed-period.csv", 3, 2, "period_malformed"],
  ["period-empty.csv", 4, 2, "period_empty"],
  ["duplicate-row.csv", 2, 1, "duplicate"],
  ["non-numeric.csv", 3, 4, "non_numeric"],
  ["excel-error.csv", 3, 4, "excel_error"],
  ["negative-days.csv", 3, 4, "out_of_range"],
  ["percent-over-100.csv", 3, 4, "out_of_range"],
  ["percent-sign-on-count.csv", 3, 4, "percent_not_allowed"],
  ["bad-thousands-grouping.csv", 3, 4, "bad_grouping"],
  ["unit-in-value.csv", 3, 4, "unit_in_value"],
  ["value-empty.csv", 3, 4, "value_empty"],
  ["formula-in-value.csv", 3, 4, "formula"],
  ["formula-in-source.csv", 3, 5, "formula"],
  ["formula-in-note.csv", 3, 6, "formula"],
  ["unquoted-thousands.csv", 3, 7, "field_count"],
  ["unbalanced-quote.csv", 3, 6, "bad_quotes"],
  ["wide-bad-flag.csv", 3, 5, "bad_flag"],
  ["wide-out-of-range.csv", 3, 4, "out_of_range"],
  ["gb18030-unknown-period.csv", 3, 3, "period_unknown"]
];

describe("bad fixtures: each file has one fault, rejected at the expected line and column", () => {
  it("lists every file in the folder (no fixture without an expectation), at least 20", () => {
    const files = readdirSync(new URL("bad/", FIXTURES)).sort();
    expect(cases.map(([file]) => file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)("%s → line %i, column %i: %s", (file, line, column, code) => {
    const result = checkObservations(fixtureBytes(`bad/${file}`), file, fixtureContext());
    expect(result.rejected.length, "at least one rejection").toBeGreaterThan(0);
    const [first] = result.rejected;
    expect({line: first.line, column: first.column, code: first.code}).toEqual({line, column, code});
    // One fault per file: every rejection names the same problem.
    expect(result.rejected.map((r) => r.code)).toEqual(result.rejected.map(() => code));
    // Nothing lost: every data row is accepted or rejected.
    expect(result.read).toBe(result.acceptedRows + result.rejectedRows);
    // A user can read what went wrong: both languages, the position and the offending text.
    expect(first.reasonZh).toMatch(/\p{Script=Han}/u);
    expect(first.reasonEn).toMatch(/[a-z]{3}/);
    expect(formatRejection(first)).toContain(`${file}:${line}:${column}: `);
    expect(formatRejection(first)).toContain(`«${first.text.split(/\r?\n/)[0]}`);
    expect(formatRejection(first)).not.toMatch(/\n/);
  });

  it("rejects exactly the faulty row and keeps the good one", () => {
    const result = checkObservations(fixtureBytes("bad/negative-days.csv"), "negative-days.csv", fixtureContext());
    expect(result).toMatchObject({read: 2, acceptedRows: 1, rejectedRows: 1});
    expect(result.accepted).toEqual([
      {region: "620825", period: "2022", measure: "start_days", value: 5, flag: null, source: "county", note: null}
    ]);
    expect(result.rejected[0]).toMatchObject({text: "-3", columnName: "value"});
  });

  it("rejects both rows of a duplicate and names both lines", () => {
    const result = checkObservations(fixtureBytes("bad/duplicate-row.csv"), "duplicate-row.csv", fixtureContext());
    expect(result.rejected.map((r) => r.line)).toEqual([2, 4]);
    expect(result.rejected[0].reasonEn).toContain("lines 2, 4");
    expect(result.accepted.map((o) => o.region)).toEqual(["620826"]);
  });

  it("suggests the code when a county name stands in the region column", () => {
    const file = "region-name-instead-of-code.csv";
    const [r] = checkObservations(fixtureBytes(`bad/${file}`), file, fixtureContext()).rejected;
    expect(r.text).toBe("静宁县");
    expect(r.reasonZh).toContain("620826");
  });

  it("reads a GB18030 file's Chinese header and names the offending Chinese text", () => {
    const file = "gb18030-unknown-period.csv";
    const result = checkObservations(fixtureBytes(`bad/${file}`), file, fixtureContext());
    expect(result.encoding).toBe("gb18030");
    expect(result.rejected[0]).toMatchObject({columnName: "期间", text: "2023下半年"});
  });

  it("does not let a header fault pass any row", () => {
    const file = "missing-value-column.csv";
    const result = checkObservations(fixtureBytes(`bad/${file}`), file, fixtureContext());
    expect(result).toMatchObject({read: 1, acceptedRows: 0, rejectedRows: 1, accepted: []});
    expect(result.rejected[0].columnName).toBe("value");
  });
});
