import {describe, expect, it} from "vitest";
import {
  assertNoRejections,
  checkObservations,
  formatRejection,
  isLenient,
  summariseLoad
} from "../../src/engine/observations/check.js";
import {fixtureContext} from "./fixture-context.js";

const ctx = fixtureContext();
const LONG = "region,period,measure,value,flag,source,note\n";

describe("row accounting", () => {
  it("rejects a whole wide row when one cell is bad and uses none of its cells", () => {
    const csv = "region,period,start_days,online_rate\n620825,2023,5,85\n620826,2023,4,abc\n";
    const result = checkObservations(csv, "w.csv", ctx);
    expect(result).toMatchObject({read: 2, acceptedRows: 1, rejectedRows: 1});
    expect(result.accepted.map((o) => o.region)).toEqual(["620825", "620825"]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({line: 3, column: 4, columnName: "online_rate", code: "non_numeric"});
  });

  it("reports every bad cell of a row but counts the row once", () => {
    const result = checkObservations(`${LONG}620899,2031,start_days,-1,,,\n`, "x.csv", ctx);
    expect(result.rejected.map((r) => r.code)).toEqual(["region_unknown", "period_unknown", "out_of_range"]);
    expect(result).toMatchObject({read: 1, acceptedRows: 0, rejectedRows: 1});
  });

  it("skips blank lines and rows of empty cells without counting them as data, and says so", () => {
    const csv = `${LONG}\n620825,2022,start_days,5,,,\n,,,,,,\n\n620826,2022,start_days,4,,,\n`;
    const result = checkObservations(csv, "b.csv", ctx);
    expect(result).toMatchObject({read: 2, acceptedRows: 2, blankLines: 3});
    expect(summariseLoad([result])).toContain("blank lines skipped / 跳过空行: 3");
  });

  it("counts physical lines: a quoted cell with a line break keeps the lines after it right", () => {
    const csv = `${LONG}620825,2022,start_days,5,,,"first\nsecond\nthird"\r\n620826,2022,start_days,-4,,,\n`;
    const [r] = checkObservations(csv, "q.csv", ctx).rejected;
    expect({line: r.line, column: r.column}).toEqual({line: 5, column: 4});
  });

  it("accepts an empty long-format value only when a flag says why", () => {
    const result = checkObservations(`${LONG}620825,2022,start_days,,no_practice,,\n`, "f.csv", ctx);
    expect(result.rejected).toEqual([]);
    expect(result.accepted[0]).toMatchObject({value: null, flag: "no_practice"});
  });

  it("rejects a row that is missing trailing fields rather than guessing which column moved", () => {
    const [r] = checkObservations(`${LONG}620825,2022,start_days,5\n`, "s.csv", ctx).rejected;
    expect(r).toMatchObject({line: 2, column: 5, code: "field_count", columnName: "flag"});
  });
});

describe("formula-looking header cells", () => {
  it("rejects the file at the header cell and uses none of its rows", () => {
    const result = checkObservations(
      'region,period,measure,value,=HYPERLINK("x")\n620825,2022,start_days,5,\n',
      "h.csv",
      ctx
    );
    expect(result.rejected.map((r) => [r.line, r.column, r.code])).toEqual([[1, 5, "formula"]]);
    expect(result).toMatchObject({read: 1, acceptedRows: 0, rejectedRows: 1});
  });
});

describe("context", () => {
  it("accepts any region id when regions is null (ISO3 codes of the World Bank data)", () => {
    const result = checkObservations(`${LONG}CHN,2022,start_days,9,,,\n`, "iso.csv", fixtureContext({regions: null}));
    expect(result.accepted.map((o) => o.region)).toEqual(["CHN"]);
  });

  it("accepts any period when periods is null, and uses defaultPeriod for a wide file without a period column", () => {
    const long = checkObservations(`${LONG}620825,2019,start_days,9,,,\n`, "p.csv", fixtureContext({periods: null}));
    expect(long.accepted[0].period).toBe("2019");
    const wide = checkObservations("region,start_days\n620825,7\n", "d.csv", fixtureContext({defaultPeriod: "2023"}));
    expect(wide.accepted).toEqual([
      {region: "620825", period: "2023", measure: "start_days", value: 7, flag: null, source: null, note: null}
    ]);
    const noDefault = checkObservations("region,start_days\n620825,7\n", "d.csv", ctx);
    expect(noDefault.rejected[0]).toMatchObject({code: "missing_column", columnName: "period"});
  });

  it("names the columns it does not read instead of dropping them quietly", () => {
    const csv = "region,period,start_days,start_dayz,负责人\n620825,2023,5,6,张三\n";
    const result = checkObservations(csv, "i.csv", ctx);
    expect(result.ignoredColumns).toEqual(["start_dayz", "负责人"]);
    expect(summariseLoad([result])).toContain("ignored columns / 未读取的列: start_dayz, 负责人");
  });

  it("reads tab-separated text pasted out of a sheet", () => {
    const result = checkObservations("region\tperiod\tmeasure\tvalue\n620825\t2022\tstart_days\t5\n", "t.tsv", ctx);
    expect(result.accepted.map((o) => o.value)).toEqual([5]);
  });

  it("treats a string with a leading BOM as utf-8-bom", () => {
    expect(checkObservations(`\uFEFF${LONG}620825,2022,start_days,5,,,\n`, "s.csv", ctx).encoding).toBe("utf-8-bom");
  });
});

describe("reports for the build", () => {
  const bad = checkObservations(
    `${LONG}620825,2022,start_days,5,,,\n620826,2022,online_rate,120,,,\n`,
    "data/obs.csv",
    ctx
  );
  const good = checkObservations(`${LONG}620825,2022,start_days,5,,,\n`, "data/ok.csv", ctx);

  it("formats a rejection as file:line:col with column letter and name, both languages and the text", () => {
    expect(formatRejection(bad.rejected[0])).toBe(
      "data/obs.csv:3:4: [D value] 超出单位「%」允许的范围 0–100 / out of range for percent (0–100) (got «120»)"
    );
  });

  it("sums up each file as read = accepted + rejected", () => {
    expect(summariseLoad([bad, good]).split("\n")).toEqual([
      "data/obs.csv: read 2 = accepted 1 + rejected 1 / 读取 2 行 = 接受 1 + 拒绝 1",
      "data/ok.csv: read 1 = accepted 1 + rejected 0 / 读取 1 行 = 接受 1 + 拒绝 0"
    ]);
  });

  it("fails the build on any rejection, listing each one, unless lenient", () => {
    expect(() => assertNoRejections([good], {lenient: false})).not.toThrow();
    expect(() => assertNoRejections([bad, good], {lenient: false})).toThrow(
      /data\/obs\.csv:3:4: .*BIZENV_LENIENT|BIZENV_LENIENT[\s\S]*data\/obs\.csv:3:4/
    );
    expect(() => assertNoRejections([bad, good], {lenient: true})).not.toThrow();
  });

  it("refuses results whose rows do not add up, even when lenient", () => {
    expect(() => assertNoRejections([{...good, read: 5}], {lenient: true})).toThrow(/row accounting/);
  });

  it("is lenient only when BIZENV_LENIENT is 1 or true", () => {
    expect([undefined, "", "0", "no", "1", "true", " TRUE "].map(isLenient)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true
    ]);
  });
});

describe("wide flag columns named after the methodology's flags", () => {
  // start_no_practice flags start_*; no_start (a methodology flag listing start_days) flags start_days only.
  const flagged = {...ctx, flagMeasures: new Map([["no_start", ["start_days"]]])};
  const HEAD = "region,period,start_days,online_rate,start_no_practice,no_start\n";

  it("flags the listed measures of a row marked 1, and leaves a row marked 0 alone", () => {
    const result = checkObservations(`${HEAD}620825,2023,,85,0,1\n620826,2023,4,90,0,0\n`, "f.csv", flagged);
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((o) => [o.region, o.measure, o.value, o.flag])).toEqual([
      ["620825", "start_days", null, "no_start"],
      ["620825", "online_rate", 85, null],
      ["620826", "start_days", 4, null],
      ["620826", "online_rate", 90, null]
    ]);
    expect(result.ignoredColumns).toEqual([]);
  });

  it("rejects a row whose two flag columns give one measure different flags (flag_conflict)", () => {
    const result = checkObservations(`${HEAD}620825,2023,,85,1,1\n`, "c.csv", flagged);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({line: 2, column: 6, columnName: "no_start", code: "flag_conflict"});
    expect(formatRejection(result.rejected[0])).toContain("no_practice");
  });

  it("ignores a column named like a flag when the methodology does not list its measures", () => {
    const result = checkObservations(`${HEAD}620825,2023,3,85,0,1\n`, "i.csv", ctx);
    expect(result.ignoredColumns).toEqual(["no_start"]);
    expect(result.accepted.every((o) => o.flag === null)).toBe(true);
  });
});
